"""The one error the renderers raise: what went wrong, as a message key and its parameters, no words.

reports/ is a leaf and holds no wording; the services that call a renderer turn this into a XiaopuError
(services.core.errors.worded_report_errors), so the user reads it in their language like every refusal.
"""
from __future__ import annotations


class ReportError(Exception):
    """A file that cannot be written, a label that does not fit; `params` fill the message `key`."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(key, params)

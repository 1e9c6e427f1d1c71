"""Errors the services raise; each carries a message in the user's language.

This is also where the leaves' errors get their words: models and reports hold none, they raise
a message key and its parameters (models.db.DatabaseOpenError, reports.errors.ReportError).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from models.db import DatabaseOpenError
from reports.errors import ReportError
from services.core.messages import msg


class XiaopuError(Exception):
    """A refusal the user can act on; nothing was changed."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(msg(key, **params))

    @property
    def message(self) -> str:
        return str(self)


class ValidationError(XiaopuError):
    def __init__(self, key: str, field: str = "", **params: object):
        self.field = field
        super().__init__(key, field=field, **params)


class NotFound(XiaopuError):
    pass


class PermissionDenied(XiaopuError):
    pass


class StockError(XiaopuError):
    """Negative stock, unavailable stock or an expired lot."""


class ClosedPeriodError(XiaopuError):
    pass


class DocumentStateError(XiaopuError):
    pass


# A database error can surface from any write transaction, far from a service that could catch it,
# so it words itself when shown, with the same messages.
DatabaseOpenError.words = staticmethod(msg)


@contextmanager
def worded_report_errors() -> Iterator[None]:
    """Around every call into reports/: a renderer's refusal arrives as a XiaopuError (a
    ValidationError when it names the field at fault), worded like every other refusal."""
    try:
        yield
    except ReportError as exc:
        kind = ValidationError if "field" in exc.params else XiaopuError
        raise kind(exc.key, **exc.params) from exc

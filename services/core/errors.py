"""Errors the services raise; each carries a message in the user's language."""
from __future__ import annotations

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

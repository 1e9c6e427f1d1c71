"""Creating or migrating a shop database (idempotent) and its first-run data."""
from __future__ import annotations

from models import User, migrate
from models.db import is_read_only
from models.migrations import NewerSchemaError
from services.catalog.locations import ensure_default_locations
from services.core.errors import XiaopuError
from services.core.users import ensure_first_owner
from services.imports import excel_columns  # noqa: F401 - no shop's own field may take an import's header
from services.sales.channels import ensure_default_channels
from services.sales.customers import ensure_walk_in
from services.sales.sales_holds import release_expired_holds


class SchemaTooNew(XiaopuError):
    pass


def initialise() -> User:
    """Migrate the schema, then make sure an owner, the default locations and sales channels exist.
    A file opened only to read is taken as it is: it must be of this schema, and nothing is added."""
    if is_read_only():
        return _as_it_is()
    try:
        migrate()
    except NewerSchemaError as exc:
        from models import database
        from models.migrations import SCHEMA_VERSION, get_version

        raise SchemaTooNew("db.newer", found=get_version(database.obj), known=SCHEMA_VERSION) from exc
    owner = ensure_first_owner()
    ensure_default_locations(owner)
    ensure_default_channels(owner)
    ensure_walk_in(owner)  # 散客, the customer of every sale nobody is chosen for
    # unpaid orders whose hold ran out while the program was closed: their stock was already
    # available again (reservations carry expires_at); this sets the orders' state to match
    release_expired_holds()
    return owner


def _as_it_is() -> User:
    from models import database
    from models.migrations import SCHEMA_VERSION, get_version

    found = get_version(database.obj)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew("db.newer", found=found, known=SCHEMA_VERSION)
    if found < SCHEMA_VERSION:
        raise SchemaTooNew("db.read_only_older", found=found, known=SCHEMA_VERSION)
    return ensure_first_owner()


class ShopOpenError(XiaopuError):
    """The database could not be opened (missing folder, read-only, locked, network share, not a database)."""


def open_shop(target) -> User:
    """Open `target` (file path or URL), migrate it and return the first owner (the GUI's entry point).

    Every failure to open becomes a XiaopuError, so callers above the services need not know peewee."""
    import peewee

    from models import DatabaseOpenError, open_database

    try:
        open_database(target)
        return initialise()
    except DatabaseOpenError as exc:
        raise ShopOpenError(exc.key, **exc.params) from exc
    except peewee.DatabaseError as exc:  # e.g. locked or corrupt only noticed while migrating
        close_connection()
        text = str(exc).lower()
        key = "db.locked" if ("locked" in text or "busy" in text) else "db.not_database"
        raise ShopOpenError(key, path=target, error=exc) from exc


def close_connection() -> None:
    """Close this thread's database connection (worker threads call it when their job ends)."""
    from models import database

    if database.obj is not None:
        database.close()

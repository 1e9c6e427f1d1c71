"""Creating or migrating a shop database (idempotent) and its first-run data."""
from __future__ import annotations

from models import User, migrate
from models.migrations import NewerSchemaError
from services.errors import XiaopuError
from services.locations import ensure_default_locations
from services.users import ensure_first_owner


class SchemaTooNew(XiaopuError):
    pass


def initialise() -> User:
    """Migrate the schema, then make sure the default locations and an owner exist."""
    try:
        migrate()
    except NewerSchemaError as exc:
        from models import database
        from models.migrations import SCHEMA_VERSION, get_version

        raise SchemaTooNew("db.newer", found=get_version(database.obj), known=SCHEMA_VERSION) from exc
    owner = ensure_first_owner()
    ensure_default_locations(owner)
    return owner

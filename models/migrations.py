"""Ordered schema migrations keyed by PRAGMA user_version (no folder scanning: works frozen)."""
from __future__ import annotations

from collections.abc import Callable

import peewee

from models import product_version
from models.catalog import Barcode, Location, Lot, Product, ProductUnit
from models.db import database
from models.ledger import Balance, ClosedPeriod, Counter, Document, Move, Reservation
from models.users import AuditEvent, Setting, User

ALL_MODELS = [
    User, AuditEvent, Setting, Location, Product, ProductUnit, Barcode, Lot,
    Document, Move, Balance, Reservation, ClosedPeriod, Counter,
]

APPEND_ONLY_TABLES = ("move", "audit_event")


def _true(db: peewee.Database) -> str:
    """A boolean column's true in raw SQL: SQLite stores 1, PostgreSQL has a boolean type."""
    return "1" if isinstance(db, peewee.SqliteDatabase) else "TRUE"


def _v1_core(db: peewee.Database) -> None:
    db.create_tables(ALL_MODELS)
    db.execute_sql(
        "CREATE UNIQUE INDEX IF NOT EXISTS balance_key "
        "ON balance (product_id, location_id, COALESCE(lot_id, 0))"
    )
    db.execute_sql("CREATE INDEX IF NOT EXISTS balance_location ON balance (location_id)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS move_from ON move (from_location_id)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS move_to ON move (to_location_id)")
    if isinstance(db, peewee.SqliteDatabase):
        for table in APPEND_ONLY_TABLES:
            for verb in ("UPDATE", "DELETE"):
                db.execute_sql(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )


def _v2_nonzero_balance_index(db: peewee.Database) -> None:
    """Stock reads skip the many zero balances a fresh-food shop leaves behind (22k of 23k in the demo)."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS balance_nonzero ON balance (product_id) WHERE quantity != 0")


def _v3_purchasing(db: peewee.Database) -> None:
    from models.purchasing import PURCHASING_MODELS

    db.create_tables(PURCHASING_MODELS)
    # v1 made tables from the current models, so a fresh file already has the column; an old file gets it here
    if "occurred_at" not in {c.name for c in db.get_columns("document")}:
        db.execute_sql("ALTER TABLE document ADD COLUMN occurred_at DATETIME")
    db.execute_sql("UPDATE document SET occurred_at = posted_at WHERE occurred_at IS NULL")
    db.execute_sql("CREATE INDEX IF NOT EXISTS document_occurred_at ON document (occurred_at)")


def _v4_product_aliases(db: peewee.Database) -> None:
    from models.aliases import ProductAlias

    db.create_tables([ProductAlias])


def _v5_sales(db: peewee.Database) -> None:
    from models.sales import SALES_MODELS

    db.create_tables(SALES_MODELS)


def _v6_return_drafts(db: peewee.Database) -> None:
    """Sales returns are scanned, given a reason and a photo, then confirmed: the draft lives here."""
    from models.return_drafts import RETURN_DRAFT_MODELS

    db.create_tables(RETURN_DRAFT_MODELS)


def _v7_stocktake(db: peewee.Database) -> None:
    """Count sessions, count lines (snapshot at count time, status, photo) and counters' places."""
    from models.stocktake import STOCKTAKE_MODELS

    db.create_tables(STOCKTAKE_MODELS)


def _v8_bom(db: peewee.Database) -> None:
    """Bills of materials (versions, lines); at most one active version per product."""
    from models.bom import BOM_MODELS

    db.create_tables(BOM_MODELS)
    db.execute_sql(f"CREATE UNIQUE INDEX IF NOT EXISTS bom_one_active ON bom (product_id) WHERE active = {_true(db)}")


def _v9_production(db: peewee.Database) -> None:
    """Production and disassembly orders, their lines, steps and work reports; BOM steps;
    disassembly recipes; products made to order (a sales order creates their production order)."""
    from models.production import PRODUCTION_MODELS

    db.create_tables(PRODUCTION_MODELS)
    if "made_to_order" not in {c.name for c in db.get_columns("product")}:  # fresh files have it from v1
        db.execute_sql("ALTER TABLE product ADD COLUMN made_to_order INTEGER NOT NULL DEFAULT 0")  # SQLite only
    db.execute_sql("CREATE INDEX IF NOT EXISTS production_order_product ON production_order (product_id)")


def _v10_report_indexes(db: peewee.Database) -> None:
    """Reports read one kind of document over a period (the sales of four weeks): without this the
    planner walks every sale ever by doc_type and filters the dates."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS document_type_date ON document (doc_type, doc_date)")


def _v11_reconciliation(db: peewee.Database) -> None:
    """The daily reconciliation writes what it found, once a day (services/reports/reconcile.py)."""
    from models.reconciliation import RECONCILIATION_MODELS

    db.create_tables(RECONCILIATION_MODELS)


def _v12_expiry_actions(db: peewee.Database) -> None:
    """The 临期 worklist remembers what was done about a lot (markdown price, move, write-off)."""
    from models.expiry_actions import ExpiryAction

    db.create_tables([ExpiryAction])


def _v13_group_messages(db: peewee.Database) -> None:
    """Group-order accuracy and handling time: each pasted message, the parser's lines and the saved lines."""
    from models.group_messages import GROUP_MESSAGE_MODELS

    db.create_tables(GROUP_MESSAGE_MODELS)


def _v14_lost_sales(db: peewee.Database) -> None:
    """Demand that found no stock is recorded (services/sales/lost_sales.py): forecasts read it."""
    from models.lost_sales import LostSale

    db.create_tables([LostSale])


def _v15_postgres_append_only(db: peewee.Database) -> None:
    """The append-only guards v1 gives SQLite, on PostgreSQL: one plpgsql function raising for UPDATE and
    DELETE on the moves and the audit chain (the same trigger names, so check looks for one list)."""
    if isinstance(db, peewee.SqliteDatabase):
        return
    db.execute_sql(
        "CREATE OR REPLACE FUNCTION xiaopu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' is append-only'; END $$")
    for table in APPEND_ONLY_TABLES:
        for verb in ("UPDATE", "DELETE"):
            name = f"{table}_no_{verb.lower()}"
            db.execute_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            db.execute_sql(f"CREATE TRIGGER {name} BEFORE {verb} ON {table} "
                           "FOR EACH ROW EXECUTE FUNCTION xiaopu_append_only()")


def _v16_move_date_index(db: peewee.Database) -> None:
    """Stock at the end of a day sums the moves up to it, or takes the moves after it off the balances:
    either part is found by its dates without reading the rest of the ledger (services/stock/stock_at_date.py)."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS move_move_date ON move (move_date)")

# Each is the same index as another, or its leading column(s): every lookup it served the other serves,
# and each costs a B-tree write per row. Posting a 20-line receipt wrote 94 pages to the WAL, 67 without
# them (issue 15 P1/P2). The peewee models still declare the foreign-key ones, so v1 makes them and this drops them.
DUPLICATE_INDEXES = (
    "move_from",  # = move_from_location_id
    "move_to",  # = move_to_location_id
    "balance_location",  # = balance_location_id
    "move_product_id",  # leads move_product_id_lot_id
    "move_document_id",  # leads move_document_id_line_no
    "balance_product_id",  # leads balance_key (product_id, location_id, COALESCE(lot_id, 0))
    "lot_product_id",  # leads lot_product_id_code
)


def _v17_drop_duplicate_indexes(db: peewee.Database) -> None:
    for name in DUPLICATE_INDEXES:
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")


def _unit_and_channel_prices(db: peewee.Database) -> None:
    """A unit's own price (1 箱 ¥138) and each channel's price list (社群专属价): services/sales/unit_prices.py."""
    from models.sale_prices import SALE_PRICE_MODELS

    db.create_tables(SALE_PRICE_MODELS)


def _quotes(db: peewee.Database) -> None:
    """报价单 and their lines: services/sales/quotes.py."""
    from models.quotes import QUOTE_MODELS

    db.create_tables(QUOTE_MODELS)


def _count_assignee(db: peewee.Database) -> None:
    """Who is asked to count a session (the warehouse bench's 盘点任务). A shop made after this change
    got the column from v7's create_tables already; only an older one needs it added."""
    if "assignee_id" not in {c.name for c in db.get_columns("count_session")}:
        db.execute_sql('ALTER TABLE count_session ADD COLUMN assignee_id INTEGER NULL REFERENCES "user" (id)')
    db.execute_sql("CREATE INDEX IF NOT EXISTS count_session_assignee_id ON count_session (assignee_id)")


def _custom_fields(db: peewee.Database) -> None:
    """The shop's own fields and their values (services/core/custom_fields.py); a name is unique among
    an entity's active fields, a removed field's name can be used again."""
    from models.custom_fields import CUSTOM_FIELD_MODELS

    db.create_tables(CUSTOM_FIELD_MODELS)
    db.execute_sql("CREATE UNIQUE INDEX IF NOT EXISTS custom_field_def_active_name "
                   f"ON custom_field_def (entity, name) WHERE active = {_true(db)}")


def _drop_move_location_indexes(db: peewee.Database) -> None:
    """No read finds moves by their location alone: each one that asks about locations finds its moves by
    date, document, product or lot first (stock_at_date hides the column from the planner, which without
    statistics walked a third of the ledger by these), and the reconciliation's sum over the whole ledger
    scans it faster without them (0.40 s against 0.52 s at 100,000 moves). Each cost a B-tree write per
    move: a 1,000-line sale ~1.5 ms of SQLite and ~40 pages less without them (issue 15 P1). The peewee
    model still declares them (foreign keys), so v1 makes them and this drops them."""
    for name in ("move_from_location_id", "move_to_location_id"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")


def _promotion_plans(db: peewee.Database) -> None:
    """促销计划: the days a product is on promotion (services/sales/promotions.py)."""
    from models.promotions import PromotionPlan

    db.create_tables([PromotionPlan])


def _lot_product_expiry_index(db: peewee.Database) -> None:
    """A sale finds a perishable product's lots that still sell by their expiry (posting_reads.Snapshot):
    a shop that seldom writes off keeps its expired lots in stock, and by a store year's end the index of
    non-zero balances held 18,883 expired lots of 19,328 that every sale walked to skip (issue 15 P1)."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS lot_product_expiry ON lot (product_id, expiry_date)")


def _move_checked_by_the_ledger(db: peewee.Database) -> None:
    """Posting a 1,000-line document (issue 15 P1): on SQLite the move table loses its five foreign keys
    (~1.1 ms of lookups a document) for the guards in models/ledger_guards.py; on both engines move_lot_id
    goes (~0.6 ms and ~35 WAL pages a sale): the reads of a lot's moves name its product too and go by
    (product_id, lot_id). The peewee model still declares both, so v1 makes them and this takes them away."""
    if isinstance(db, peewee.SqliteDatabase):
        from models.ledger_guards import move_without_foreign_keys

        move_without_foreign_keys(db, dropped_indexes=("move_lot_id",))
    db.execute_sql("DROP INDEX IF EXISTS move_lot_id")


def _move_date_through_documents(db: peewee.Database) -> None:
    """A move is dated its document's day, so stock at a date and the stocktake's recent movers find the
    moves through the documents' dates (document_doc_date, then each document's moves); move(move_date) cost
    every posted move a B-tree insert, ~0.9 ms a 1,000-move document (issue 15 P1)."""
    db.execute_sql("DROP INDEX IF EXISTS move_move_date")


def _lot_expiry_by_product(db: peewee.Database) -> None:
    """lot(expiry_date) goes: lot(product_id, expiry_date) (lot_product_expiry) answers what it did, a day's
    lots of every product by a scan of that smaller index (the stockout report's two reads), and a receipt
    of 1,000 new lots wrote both, ~0.7 ms and a page of each index per product (issue 15 P1). The peewee
    model still declares it, so v1 makes it and this drops it."""
    db.execute_sql("DROP INDEX IF EXISTS lot_expiry_date")


def _product_version(db: peewee.Database) -> None:
    """A token the product table's triggers change with every row written (models/product_version.py): posting
    keeps the product rows it read while the token stays (issue 15 P1, ~7 % of a 1,000-line sale). SQLite only."""
    if isinstance(db, peewee.SqliteDatabase):
        for sql in product_version.SCHEMA:
            db.execute_sql(sql)


def _drop_document_doc_type(db: peewee.Database) -> None:
    """document(doc_type) leads document_type_date (doc_type, doc_date), which serves every lookup it did
    (DUPLICATE_INDEXES' rule, found later): a B-tree write less for every document posted. The peewee model
    still declares it, so v1 makes it and this drops it."""
    db.execute_sql("DROP INDEX IF EXISTS document_doc_type")


MIGRATIONS: list[Callable[[peewee.Database], None]] = [
    _v1_core, _v2_nonzero_balance_index, _v3_purchasing, _v4_product_aliases, _v5_sales,
    _v6_return_drafts, _v7_stocktake, _v8_bom, _v9_production, _v10_report_indexes, _v11_reconciliation,
    _v12_expiry_actions, _v13_group_messages, _v14_lost_sales, _v15_postgres_append_only,
    _v16_move_date_index, _v17_drop_duplicate_indexes, _unit_and_channel_prices, _quotes,
    _count_assignee, _custom_fields, _drop_move_location_indexes, _promotion_plans,
    _lot_product_expiry_index, _move_checked_by_the_ledger, _move_date_through_documents,
    _lot_expiry_by_product, _product_version, _drop_document_doc_type,
]
SCHEMA_VERSION = len(MIGRATIONS)


def get_version(db: peewee.Database) -> int:
    if isinstance(db, peewee.SqliteDatabase):
        return db.execute_sql("PRAGMA user_version").fetchone()[0]
    db.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = db.execute_sql("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def _set_version(db: peewee.Database, version: int) -> None:
    if isinstance(db, peewee.SqliteDatabase):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
    else:
        db.execute_sql("INSERT INTO schema_version (version) VALUES (%s)", (version,))


class NewerSchemaError(Exception):
    pass


def migrate(db: peewee.Database | None = None) -> tuple[int, int]:
    """Apply pending migrations, each in its own transaction; returns (old, new) version."""
    db = db or database.obj
    old = get_version(db)
    if old > SCHEMA_VERSION:
        raise NewerSchemaError(f"database schema {old} is newer than this program ({SCHEMA_VERSION})")
    for number in range(old + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            _set_version(db, number)
    return old, SCHEMA_VERSION

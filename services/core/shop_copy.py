"""Moving a shop from its SQLite file to a PostgreSQL server (`migrate-to`): every table copied row by
row through the models (ids, hashes and texts as they are, so documents, the ledger, the audit chain,
users, settings and photos' paths arrive unchanged), in one server transaction, into a database that
holds no shop yet. The SQLite file is only read. `compare` then proves the copy: the same rows per
table and the same stock per product, lot and location on both sides."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import peewee

import models
from models.base import BaseModel
from models.migrations import migrate
from services.core.errors import XiaopuError

BATCH = 2000  # rows per INSERT: large enough to be quick, small enough to hold little memory


class CopyRefused(XiaopuError):
    pass


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)  # table → rows copied
    problems: list[str] = field(default_factory=list)  # where source and copy differ (empty: the same)


def shop_models() -> list[type[BaseModel]]:
    """Every table's model, parents before children (foreign keys)."""
    for module in pkgutil.iter_modules(models.__path__):  # a model module nobody imported yet is a table too
        importlib.import_module(f"models.{module.name}")
    found, todo = [], list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop()
        found.append(model)
        todo.extend(model.__subclasses__())
    return peewee.sort_models(found)


def _holds_a_shop(db: peewee.Database) -> bool:
    tables = set(db.get_tables())
    return any(db.execute_sql(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables if t != "schema_version")


def copy_shop(source: peewee.Database, target: peewee.Database,
              progress: Callable[[str], None] | None = None) -> CopyReport:
    """Copy the migrated SQLite shop `source` into the empty server database `target`."""
    say = progress or (lambda text: None)
    if _holds_a_shop(target):
        raise CopyRefused("copy.target_not_empty")
    report = CopyReport()
    with target.atomic(), target.bind_ctx(shop_models()):  # the migrations create tables through the models
        migrate(target)
        for model in shop_models():
            report.rows[model._meta.table_name] = _copy_table(model, source, target)
            say(f"{model._meta.table_name}: {report.rows[model._meta.table_name]}")
        _advance_sequences(target)
    return report


def _copy_table(model: type[BaseModel], source: peewee.Database, target: peewee.Database) -> int:
    fields = model._meta.sorted_fields
    copied, last = 0, None
    key = model._meta.primary_key
    while True:
        with source.bind_ctx([model]):
            query = model.select(*fields).order_by(key).limit(BATCH)
            if last is not None:
                query = query.where(key > last)
            rows = list(query.tuples())
        if not rows:
            return copied
        with target.bind_ctx([model]):
            model.insert_many(rows, fields=fields).execute()
        copied += len(rows)
        last = rows[-1][fields.index(key)]


def _advance_sequences(target: peewee.Database) -> None:
    """Ids were copied as they were: each table's id sequence continues after the highest one."""
    for table, column, sequence in target.execute_sql(
            "SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) "
            "FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND column_default LIKE 'nextval(%%'").fetchall():
        target.execute_sql(f'SELECT setval(%s, COALESCE((SELECT max("{column}") FROM "{table}"), 0) + 1, false)',
                           (sequence,))


STOCK_SQL = ("SELECT product_id, lot_id, location_id, quantity FROM balance WHERE quantity != 0 "
             "ORDER BY product_id, lot_id, location_id")


def compare(source: peewee.Database, target: peewee.Database) -> list[str]:
    """What differs between the shop and its copy: rows per table, stock per product, lot and location."""
    from services.core.messages import msg

    problems = []
    for model in shop_models():
        table = model._meta.table_name
        counts = [db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0] for db in (source, target)]
        if counts[0] != counts[1]:
            problems.append(msg("copy.rows_differ", table=table, source=counts[0], target=counts[1]))
    stock = [[tuple(row) for row in db.execute_sql(STOCK_SQL).fetchall()] for db in (source, target)]
    if stock[0] != stock[1]:
        problems.append(msg("copy.stock_differs", rows=len(set(stock[0]) ^ set(stock[1]))))
    photos = [photo_paths(db) for db in (source, target)]
    if photos[0] != photos[1]:
        problems.append(msg("copy.photos_differ", rows=len(set(photos[0]) ^ set(photos[1]))))
    return problems


def photo_paths(db: peewee.Database) -> list[tuple[str, int, str]]:
    """(table, id, path) of every photo the shop keeps (a return's, a return draft's, a count line's): paths
    relative to the shop file's folder, where the files stay."""
    rows: list[tuple[str, int, str]] = []
    for model in shop_models():
        table = model._meta.table_name
        for column in (f.column_name for f in model._meta.sorted_fields if "photo" in f.name):
            rows += [(table, row_id, path) for row_id, path in db.execute_sql(
                f'SELECT id, "{column}" FROM "{table}" WHERE "{column}" != \'\' ORDER BY id').fetchall()]
    return rows

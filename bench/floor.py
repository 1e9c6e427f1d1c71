"""The raw sqlite3 floor: the same rows the services wrote, written by plain sqlite3.

`replay_documents` re-writes every posted document of a service-built database into a
copy of its master data, one BEGIN IMMEDIATE … COMMIT per document (the services'
transaction size), with the same pragmas: document row, its new lots, its moves, the
balance upserts, the audit event and the number counter. All values are read before
the clock starts, so the floor is only the database's own cost.
"""
from __future__ import annotations

import sqlite3
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PRAGMAS = ("PRAGMA journal_mode=wal", "PRAGMA foreign_keys=1", "PRAGMA synchronous=2",
           "PRAGMA busy_timeout=5000", "PRAGMA cache_size=-16000")
MASTER_TABLES = ("user", "location", "product", "product_unit", "barcode")
BALANCE_UPSERT = (
    "INSERT INTO balance (product_id, lot_id, location_id, quantity, updated_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (product_id, location_id, COALESCE(lot_id, 0)) "
    "DO UPDATE SET quantity = quantity + excluded.quantity, updated_at = excluded.updated_at")


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


@dataclass
class DocWrites:
    document: tuple
    lots: list[tuple] = field(default_factory=list)
    moves: list[tuple] = field(default_factory=list)
    balances: list[tuple] = field(default_factory=list)
    audit: tuple | None = None
    counter: str = ""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def read_writes(service_db: Path, real_locations: set[int]) -> list[DocWrites]:
    """Every document's rows, in posting order, as plain tuples."""
    conn = sqlite3.connect(str(service_db))
    doc_cols = _columns(conn, "document")
    move_cols = _columns(conn, "move")
    audit_cols = _columns(conn, "audit_event")
    docs = {row[0]: DocWrites(row) for row in conn.execute("SELECT * FROM document ORDER BY id")}
    seen_lots: set[int] = set()
    lots = {row[0]: row for row in conn.execute("SELECT * FROM lot")}
    lot_idx, doc_idx = move_cols.index("lot_id"), move_cols.index("document_id")
    for row in conn.execute("SELECT * FROM move ORDER BY id"):
        writes = docs[row[doc_idx]]
        lot_id = row[lot_idx]
        if lot_id is not None and lot_id not in seen_lots:
            seen_lots.add(lot_id)
            writes.lots.append(lots[lot_id])
        writes.moves.append(row)
    number_idx = doc_cols.index("number")
    for writes in docs.values():
        net: dict[tuple, int] = defaultdict(int)
        get = dict(zip(move_cols, range(len(move_cols)), strict=True))
        for m in writes.moves:
            key_from = (m[get["product_id"]], m[get["lot_id"]], m[get["from_location_id"]])
            key_to = (m[get["product_id"]], m[get["lot_id"]], m[get["to_location_id"]])
            if key_from[2] in real_locations:
                net[key_from] -= m[get["quantity"]]
            if key_to[2] in real_locations:
                net[key_to] += m[get["quantity"]]
        at = writes.document[doc_cols.index("posted_at")]
        writes.balances = [(p, lot, loc, units, at) for (p, lot, loc), units in net.items() if units]
        writes.counter = writes.document[number_idx].rsplit("-", 1)[0]
    entity_idx, action_idx = audit_cols.index("entity_id"), audit_cols.index("action")
    for row in conn.execute("SELECT * FROM audit_event WHERE action LIKE 'doc.post.%' ORDER BY id"):
        doc_id = int(row[entity_idx])
        if doc_id in docs and row[action_idx].startswith("doc.post."):
            docs[doc_id].audit = row
    conn.close()
    return list(docs.values())


def prepare_floor_db(service_db: Path, floor_db: Path) -> None:
    """An empty copy of the schema (tables, indexes, triggers) holding only the master data."""
    src = sqlite3.connect(str(service_db))
    schema = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END")]
    src.close()
    conn = connect(floor_db)
    conn.execute("PRAGMA foreign_keys=0")
    conn.execute("BEGIN")
    for sql in schema:
        conn.execute(sql)
    conn.execute("ATTACH DATABASE ? AS src", (str(service_db),))
    for table in MASTER_TABLES:
        conn.execute(f'INSERT INTO main."{table}" SELECT * FROM src."{table}"')
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()


class Replayer:
    """Writes documents into a floor database one at a time, each in its own IMMEDIATE transaction, on one
    connection (its schema read once, before any clock starts)."""

    def __init__(self, floor_db: Path, docs: list[DocWrites]):
        self.conn = connect(floor_db)
        self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()

        def insert_sql(table: str, width: int) -> str:
            return f'INSERT INTO "{table}" VALUES ({", ".join("?" * width)})'

        lots = next((d.lots[0] for d in docs if d.lots), None)
        self.doc_sql = insert_sql("document", len(docs[0].document))
        self.move_sql = insert_sql("move", len(docs[0].moves[0]))
        self.lot_sql = insert_sql("lot", len(lots)) if lots else ""
        self.audit_sql = insert_sql("audit_event", len(next(d.audit for d in docs if d.audit)))

    def write(self, writes: DocWrites) -> float:
        """Seconds from BEGIN IMMEDIATE to the end of COMMIT."""
        conn = self.conn
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO counter (name, value) VALUES (?, 1) "
                     "ON CONFLICT (name) DO UPDATE SET value = value + 1", (writes.counter,))
        conn.execute(self.doc_sql, writes.document)
        if writes.lots:
            conn.executemany(self.lot_sql, writes.lots)
        conn.executemany(self.move_sql, writes.moves)
        conn.executemany(BALANCE_UPSERT, writes.balances)
        if writes.audit:
            conn.execute(self.audit_sql, writes.audit)
        conn.execute("COMMIT")
        return time.perf_counter() - start

    def close(self) -> None:
        self.conn.close()


def replay_documents(floor_db: Path, docs: list[DocWrites]) -> list[float]:
    """Write every document in its own IMMEDIATE transaction; returns each one's seconds."""
    replayer = Replayer(floor_db, docs)
    try:
        return [replayer.write(writes) for writes in docs]
    finally:
        replayer.close()


# -- P1's floor: the store year's moves in a minimal schema ----------------------------------------

MINIMAL_SCHEMA = (
    "CREATE TABLE product (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL)",
    "CREATE TABLE lot (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL REFERENCES product, code TEXT, "
    "expiry_date TEXT)",
    "CREATE TABLE move (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, product_id INTEGER NOT NULL "
    "REFERENCES product, lot_id INTEGER REFERENCES lot, from_location_id INTEGER NOT NULL, "
    "to_location_id INTEGER NOT NULL, quantity INTEGER NOT NULL, move_date TEXT NOT NULL)",
    "CREATE INDEX move_product ON move (product_id, lot_id)",
    "CREATE TABLE balance (product_id INTEGER NOT NULL, lot_id INTEGER NOT NULL, location_id INTEGER NOT NULL, "
    "quantity INTEGER NOT NULL, PRIMARY KEY (product_id, location_id, lot_id))",
)
MINIMAL_UPSERT = ("INSERT INTO balance VALUES (?, ?, ?, ?) ON CONFLICT (product_id, location_id, lot_id) "
                  "DO UPDATE SET quantity = quantity + excluded.quantity")


def documents(src: sqlite3.Connection, real: set[int], first_id: int = 0):
    """(new lots, moves, balance deltas) of each document from `first_id` on in posting order, read one at a time."""
    seen: set[int] = {lot for (lot,) in src.execute(
        "SELECT DISTINCT lot_id FROM move WHERE document_id < ? AND lot_id IS NOT NULL", (first_id,))}
    for (doc_id,) in src.execute("SELECT id FROM document WHERE id >= ? ORDER BY id", (first_id,)).fetchall():
        moves = src.execute("SELECT id, document_id, product_id, lot_id, from_location_id, to_location_id, "
                            "quantity, move_date FROM move WHERE document_id = ? ORDER BY id", (doc_id,)).fetchall()
        new = sorted({m[3] for m in moves if m[3] is not None} - seen)
        seen.update(new)
        lots = src.execute(f"SELECT id, product_id, code, expiry_date FROM lot WHERE id IN "
                           f"({', '.join('?' * len(new))})", new).fetchall() if new else []
        net: dict[tuple, int] = defaultdict(int)
        for m in moves:
            if m[4] in real:
                net[(m[2], m[3] or 0, m[4])] -= m[6]
            if m[5] in real:
                net[(m[2], m[3] or 0, m[5])] += m[6]
        yield lots, moves, [(*key, units) for key, units in net.items() if units]


def write_minimal(conn: sqlite3.Connection, lots: list, moves: list, balances: list) -> None:
    """One document's rows in MINIMAL_SCHEMA, in one BEGIN IMMEDIATE … COMMIT."""
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO lot VALUES (?, ?, ?, ?)", lots)
    conn.executemany("INSERT INTO move VALUES (?, ?, ?, ?, ?, ?, ?, ?)", moves)
    conn.executemany(MINIMAL_UPSERT, balances)
    conn.execute("COMMIT")


def real_locations(src: sqlite3.Connection) -> set[int]:
    virtual = ("supplier", "customer", "loss", "production", "adjustment", "internal")  # models VIRTUAL_KINDS
    return {i for (i,) in src.execute(f"SELECT id FROM location WHERE kind NOT IN ({', '.join('?' * 6)})", virtual)}


def store_year_floor(service_db: Path, floor_db: Path) -> list[list[float]]:
    """The store year's documents (bench/store_year.py) re-written into MINIMAL_SCHEMA, one
    BEGIN IMMEDIATE … COMMIT per document, same pragmas; [[moves, seconds, cpu seconds], ...]."""
    src = sqlite3.connect(str(service_db))
    real = real_locations(src)
    conn = connect(floor_db)
    conn.execute("BEGIN")
    for sql in MINIMAL_SCHEMA:
        conn.execute(sql)
    conn.executemany("INSERT INTO product VALUES (?, ?, ?)", src.execute("SELECT id, sku, name FROM product"))
    conn.execute("COMMIT")
    batches = []
    for lots, moves, balances in documents(src, real):
        start, cpu = time.perf_counter(), time.process_time()
        write_minimal(conn, lots, moves, balances)
        batches.append([len(moves), time.perf_counter() - start, time.process_time() - cpu])
    conn.close()
    src.close()
    return batches


# -- reads: the same questions the services answer, as hand-written SQL -----------------------------

STOCK_SQL = """
SELECT b.product_id, p.sku, p.name, fb.code, p.base_unit, b.lot_id, l.code, l.expiry_date,
       b.location_id, loc.code, loc.name, b.quantity
FROM balance b JOIN product p ON p.id = b.product_id JOIN location loc ON loc.id = b.location_id
LEFT JOIN lot l ON l.id = b.lot_id
LEFT JOIN (SELECT product_id, MIN(code) AS code FROM barcode GROUP BY product_id) fb ON fb.product_id = b.product_id
WHERE b.quantity != 0 ORDER BY p.sku, l.expiry_date, loc.code
"""
BARCODE_SQL = """
SELECT bc.code, p.id, p.sku, p.name, p.spec, p.base_unit, u.name, u.factor
FROM barcode bc JOIN product p ON p.id = bc.product_id LEFT JOIN product_unit u ON u.id = bc.unit_id
WHERE bc.code = ? LIMIT 1
"""
PAGE_SQL = "SELECT * FROM product WHERE active ORDER BY sku, id LIMIT 200"
COUNT_SQL = "SELECT COUNT(*) FROM product WHERE active"


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_floors(db: Path, codes: list[str], repeat: int) -> dict[str, float]:
    conn = connect(db)
    stock = median_seconds(lambda: conn.execute(STOCK_SQL).fetchall(), max(3, repeat // 20))
    it = iter(codes * (repeat // len(codes) + 1))
    barcode = median_seconds(lambda: conn.execute(BARCODE_SQL, (next(it),)).fetchone(), repeat)

    def page() -> None:
        rows = conn.execute(PAGE_SQL).fetchall()
        ids = [r[0] for r in rows]
        conn.execute(f"SELECT product_id, code FROM barcode WHERE product_id IN ({','.join('?' * len(ids))}) "
                     "ORDER BY id", ids).fetchall()
        conn.execute(COUNT_SQL).fetchone()

    products_page = median_seconds(page, max(5, repeat // 10))
    conn.close()
    return {"stock": stock, "barcode": barcode, "page": products_page}

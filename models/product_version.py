"""A token that changes whenever a product row is written (SQLite): what lets posting keep the product rows it
read for the next document (services/stock/posting_products.py).

Triggers give `product_version.token` a new random value after every INSERT, UPDATE or DELETE of a product,
whichever connection or code path makes it, in the same transaction: a rolled-back change takes its token
back with it. So whenever the table has a given token it holds the same product rows. A table rebuilt by a
future migration loses its triggers: `check` reports a missing one (services/stock/tamper_checks.py).
PostgreSQL reads the products every time and has neither the table nor the triggers.
"""
from __future__ import annotations

TOKEN_SQL = "SELECT token FROM product_version"
TRIGGERS = tuple(f"product_version_{verb}" for verb in ("insert", "update", "delete"))
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS product_version (id INTEGER PRIMARY KEY CHECK (id = 1), token INTEGER NOT NULL)",
    "INSERT OR IGNORE INTO product_version (id, token) VALUES (1, random())",
    *(f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {name.rsplit('_', 1)[1].upper()} ON product "
      "BEGIN UPDATE product_version SET token = random(); END" for name in TRIGGERS),
)

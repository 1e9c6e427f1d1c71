"""Shared fixtures: a fresh database per test, the owner, and a few ready products."""
from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pytest  # noqa: E402

from models import database, open_database  # noqa: E402
from services.core import clock  # noqa: E402
from services.core.messages import set_language  # noqa: E402

# Every test runs on a fixed clock, the CLI subprocesses too (they read XIAOPU_NOW): a test must
# never pass on one day and fail on another. A test that moves time does it with clock.clock_at.
# Set at import, before test modules compute their dates at collection.
SHOP_NOW = "2026-12-06T10:00:00"  # a Sunday morning
os.environ[clock.ENV_FIXED_NOW] = SHOP_NOW
clock.fix_clock_from_environment()


@pytest.fixture(autouse=True)
def fixed_clock():
    """A test that moved the clock (clock.clock_at) leaves it fixed again for the next one."""
    yield
    clock.fix_clock_from_environment()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "shop.sqlite3"


# The modules whose shop (the `db` fixture) runs on both engines (tests/pg_engine.py)
BOTH_ENGINES = {"test_ledger_scenarios", "test_sales_orders", "test_sales_day", "test_purchase_orders",
                "test_receiving", "test_stocktake", "test_production", "test_sales_race",
                "test_custom_fields", "test_custom_fields_excel", "test_posting_expired_lots", "test_audit_content",
                "test_bulk_insert"}


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_ENGINES:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def db_target(engine, db_path) -> str | Path:
    """Where the test's shop lives: a temp SQLite file, or an emptied PostgreSQL database."""
    if engine == "sqlite":
        return db_path
    from tests.pg_engine import SKIP_REASON, fresh_database

    return fresh_database() or pytest.skip(SKIP_REASON)


@pytest.fixture
def db(db_target):
    """A migrated shop database (a temp file, or PostgreSQL for BOTH_ENGINES); yields the first owner."""
    from services.shop.setup import initialise

    set_language("zh_CN")
    open_database(db_target)
    owner = initialise()
    yield owner
    database.close()


@pytest.fixture
def owner(db):
    return db


@pytest.fixture
def shop(db):
    """Locations and two products: 蓝莓 (perishable, 箱 = 12 盒) and 螺丝 (hardware, no lots)."""
    from services.catalog import locations, products

    blueberry = products.save_product(db, products.ProductInput(
        name="蓝莓", spec="125g", category="水果", base_unit="盒", shelf_life_days=7, cost="8.3", price="12.5",
        units=[("箱", "12")], barcodes=[("6901234567892", ""), ("16901234567899", "箱")]))
    screw = products.save_product(db, products.ProductInput(
        name="十字螺丝", spec="M4×20", category="五金", base_unit="个", cost="0.05", price="0.1",
        barcodes=[("SCREW-M4", "")]))

    class Shop:
        owner = db
        store = locations.default_store()
        supplier = locations.virtual("supplier")
        customer = locations.virtual("customer")
        loss = locations.virtual("loss")
        adjust = locations.virtual("adjustment")

    Shop.blueberry, Shop.screw = blueberry, screw
    return Shop


def D(text: str) -> Decimal:
    return Decimal(text)

"""Posting a count with lines nobody counted needs the poster's choice: a full count where only the
blueberries were counted must not post as if the 100 screws were fine (or gone) without being asked."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from models import CountSession
from services.core.errors import ValidationError
from services.stocktake import sessions as stocktake
from services.stocktake.posting import post, uncounted_lines
from tests.sales_shop import on_hand, sales_shop, stock_in
from tests.test_cli import ROOT, seed, xiaopu

D = Decimal


@pytest.fixture
def half_counted(shop):
    """12 boxes of blueberries and 100 screws in the store; 老张 counts 11 boxes and stops."""
    s = sales_shop(shop)
    stock_in(s.owner, s.blueberry, "12", s.store)
    stock_in(s.owner, s.screw, "100", s.store)
    session = stocktake.start_session(s.owner, "full")
    stocktake.set_place(s.warehouse, session.id, "STORE")
    stocktake.count_scan(s.warehouse, session.id, "6901234567892", 11)
    stocktake.submit_for_review(s.warehouse, session.id)
    s.session = session
    return s


def test_without_a_choice_nothing_is_posted(half_counted):
    s = half_counted
    left, total = uncounted_lines(s.session.id)
    assert (left, total) == (1, 2)  # the screws
    with pytest.raises(ValidationError, match="还有 1/2 行没有盘点.*zero.*skip"):
        post(s.owner, s.session.id)
    with pytest.raises(ValidationError, match="“maybe”无效"):
        post(s.owner, s.session.id, uncounted="maybe")
    assert CountSession.get_by_id(s.session.id).state == "review"
    assert (on_hand(s.blueberry), on_hand(s.screw)) == (D(12), D(100))


def test_skip_leaves_the_uncounted_screws_as_they_are(half_counted):
    s = half_counted
    assert post(s.owner, s.session.id, uncounted="skip").state == "posted"
    assert (on_hand(s.blueberry), on_hand(s.screw)) == (D(11), D(100))  # one box short, screws untouched


def test_zero_books_the_uncounted_screws_as_not_found(half_counted):
    s = half_counted
    assert post(s.owner, s.session.id, uncounted="zero").state == "posted"
    assert (on_hand(s.blueberry), on_hand(s.screw)) == (D(11), D(0))  # 100 screws written down as a shortage


def test_cli_asks_for_uncounted_and_prints_a_count_of_30_as_30(tmp_path):
    """蓝莓 (21.5 on the books) counted as 30, 草莓 (5) not counted: `review` says 盘 30, not 3E+1;
    `post` without --uncounted is refused in words; with --uncounted zero the 草莓 go to 0."""
    db = tmp_path / "shop.sqlite3"
    seed(db)
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import locations, products
from services.stock import ledger
from services.stocktake import sessions as stocktake
open_database({str(db)!r}); owner = initialise()
p = products.save_product(owner, products.ProductInput(name="草莓", sku="CM", shelf_life_days=3))
ledger.post_document(owner, "receipt", [ledger.Line(p.id, Decimal("5"), locations.virtual("supplier").id,
                                                    locations.default_store().id)])
stocktake.start_session(owner, "full")
stocktake.set_place(owner, 1, "STORE")
stocktake.count_scan(owner, 1, "6901234567892", 30)
stocktake.submit_for_review(owner, 1)
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    review = xiaopu("stocktake", "review", "1", db=db)
    assert review.returncode == 0, review.stderr
    assert "盘 30 " in review.stdout and "账 21.5 " in review.stdout and "差 8.5 " in review.stdout
    assert "E+" not in review.stdout
    refused = xiaopu("stocktake", "post", "1", db=db)
    assert refused.returncode == 1 and "没有盘点" in refused.stderr and "Traceback" not in refused.stderr
    assert xiaopu("stocktake", "post", "1", "--uncounted", "zero", db=db).returncode == 0
    stock = xiaopu("stock", db=db)
    assert "30" in stock.stdout and "E+" not in stock.stdout

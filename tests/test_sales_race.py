"""Tills racing on one shop, on both engines (conftest.BOTH_ENGINES): each till is its own process with
its own connection, to the file or to the PostgreSQL server, as the counter PC and the back office are.

Two processes sell the last unit, four tills the last three, two tills post the same document (one
key) at the same moment: every unit is sold once, the document exists once, and check (ledger =
balances, the audit chain unbroken) passes."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

from models import Document, database, open_database
from services.stock.integrity import run_check
from tests.sales_shop import on_hand, stock_in

TILL = textwrap.dedent("""
    import sys, time
    from decimal import Decimal
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
    from models import open_database
    from services.core.errors import XiaopuError
    from services.core.messages import set_language
    from services.core.users import default_user
    from services.catalog.locations import default_store, virtual
    from services.sales import sales_shipping
    from services.sales.sales_lines import SaleLineInput
    from services.stock import ledger

    set_language("zh_CN")
    open_database(sys.argv[2])
    owner = default_user()
    ready, go, action, product = Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5], int(sys.argv[6])
    ready.write_text("ready")
    while not go.exists():  # a start barrier, not a timing assumption
        time.sleep(0.001)
    try:
        if action == "sell":
            print("SOLD", sales_shipping.sell_now(owner, [SaleLineInput(product, "1")]).number)
        else:  # the same receipt, one key: a double click on two PCs
            line = ledger.Line(product, Decimal(5), virtual("supplier").id, default_store().id)
            result = ledger.post_document(owner, "receipt", [line], key="till-1:receipt-77")
            print("POSTED" if result.created else "ALREADY", result.number)
    except XiaopuError as exc:
        print("REFUSED", exc)
""")


def run_tills(tmp_path: Path, target, action: str, product_id: int, tills: int) -> list[str]:
    """Start `tills` processes on the shop, let them go at once; their one-line answers, sorted."""
    database.close()  # the tills open the shop themselves
    script = tmp_path / "till.py"
    script.write_text(TILL, encoding="utf-8")
    go, root = tmp_path / "go", str(Path(__file__).resolve().parent.parent)
    children = []
    for n in range(tills):
        ready = tmp_path / f"ready{n}"
        children.append((ready, subprocess.Popen(
            [sys.executable, str(script), root, str(target), str(ready), str(go), action, str(product_id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")))
    while not all(ready.exists() for ready, _ in children):
        if any(p.poll() is not None for _, p in children):
            break
    go.write_text("go")
    outputs = [p.communicate(timeout=120) for _, p in children]
    assert all(p.returncode == 0 for _, p in children), [err for _, err in outputs]
    open_database(target)
    return sorted(out.strip() for out, _ in outputs)


def sell_race(shop, target, tmp_path, tills: int, units: int) -> None:
    stock_in(shop.owner, shop.screw, str(units), shop.store)
    answers = run_tills(tmp_path, target, "sell", shop.screw.id, tills)
    assert [a.split()[0] for a in answers] == ["REFUSED"] * (tills - units) + ["SOLD"] * units, answers
    assert all(a.startswith("REFUSED 可用库存不足") for a in answers[:tills - units]), answers
    assert on_hand(shop.screw) == Decimal(0)
    assert Document.select().where(Document.doc_type == "sale").count() == units
    assert run_check().ok, run_check().text()


def test_two_processes_race_for_the_last_unit(shop, db_target, tmp_path):
    sell_race(shop, db_target, tmp_path, tills=2, units=1)


def test_four_tills_race_for_the_last_three_units(shop, db_target, tmp_path):
    """3 screws left and four tills scan one each at the same moment: three sell, the fourth is told."""
    sell_race(shop, db_target, tmp_path, tills=4, units=3)


def test_the_same_document_posted_twice_at_once(shop, db_target, tmp_path):
    """A receipt of 5 screws sent twice with one key (two PCs, one click each): 5 screws, one document."""
    answers = run_tills(tmp_path, db_target, "receive", shop.screw.id, 2)
    assert [a.split()[0] for a in answers] == ["ALREADY", "POSTED"], answers
    assert answers[0].split()[1] == answers[1].split()[1], "both tills show the one document's number"
    assert on_hand(shop.screw) == Decimal(5)
    assert Document.select().where(Document.doc_type == "receipt").count() == 1
    assert run_check().ok, run_check().text()

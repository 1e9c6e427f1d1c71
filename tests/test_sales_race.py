"""Two processes sell the last unit on one database file at the same moment: exactly one sale."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal

from models import Document, database
from services.stock.integrity import run_check
from tests.sales_shop import on_hand, stock_in

SELLER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
    from models import open_database
    from models.sales import SalesOrder
    from services.core.errors import XiaopuError
    from services.core.messages import set_language
    from services.sales.sales_lines import SaleLineInput
    from services.sales import sales_orders
    from services.sales import sales_shipping
    from services.core.users import default_user

    set_language("zh_CN")
    open_database(sys.argv[2])
    owner = default_user()
    ready, go = Path(sys.argv[3]), Path(sys.argv[4])
    ready.write_text("ready")
    while not go.exists():  # a start barrier, not a timing assumption
        time.sleep(0.001)
    try:
        order = sales_shipping.sell_now(owner, [SaleLineInput(int(sys.argv[5]), "1")])
        print("SOLD", order.number)
    except XiaopuError as exc:
        print("REFUSED", exc)
""")


def test_two_processes_race_for_the_last_unit(shop, db_path, tmp_path):
    stock_in(shop.owner, shop.screw, "1", shop.store)
    database.close()  # the children open the file themselves
    script = tmp_path / "seller.py"
    script.write_text(SELLER, encoding="utf-8")
    go = tmp_path / "go"
    root = str(__import__("pathlib").Path(__file__).resolve().parent.parent)
    children = []
    for n in range(2):
        ready = tmp_path / f"ready{n}"
        children.append((ready, subprocess.Popen(
            [sys.executable, str(script), root, str(db_path), str(ready), str(go), str(shop.screw.id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")))
    while not all(ready.exists() for ready, _ in children):
        if any(p.poll() is not None for _, p in children):
            break
    go.write_text("go")
    outputs = [p.communicate(timeout=60) for _, p in children]
    lines = sorted(out.strip() for out, _ in outputs)
    assert all(p.returncode == 0 for _, p in children), [err for _, err in outputs]
    assert lines[0].startswith("REFUSED 可用库存不足"), lines
    assert lines[1].startswith("SOLD"), lines
    from models import open_database

    open_database(db_path)
    assert on_hand(shop.screw) == Decimal(0)
    assert Document.select().where(Document.doc_type == "sale").count() == 1
    assert run_check().ok

"""Crash tests: kill -9 a posting process at random moments; the file must stay whole.

After every kill `main.py check` must pass and every document must be complete: as many
moves as its posting event says, no lot without a move. A killed demo, run again,
finishes as the same shop an uninterrupted run builds. A second writer waits its turn.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ["demo", "--products", "40", "--days", "20", "--seed", "3"]


def main_py(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", "--db", str(db), *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after(proc: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL after `seconds`; False when the process had already finished."""
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.kill()  # SIGKILL on POSIX: no cleanup, no rollback handler, like pulling the plug
        proc.wait()
        return True
    finally:
        proc.stdout.close()
        proc.stderr.close()


def script(body: str) -> list[str]:
    """A Python process that opens the shop with the project's own code."""
    prelude = f"import sys; sys.path.insert(0, {str(ROOT)!r})\nfrom services.core.clock import fix_clock_from_environment; fix_clock_from_environment()\n"
    return [sys.executable, "-c", prelude + textwrap.dedent(body)]


INSPECT = """
import json, sys
from models import AuditEvent, Document, Lot, Move, open_database
open_database(sys.argv[1])
counts = {d: n for d, n in Move.select(Move.document, __import__('peewee').fn.COUNT(Move.id))
          .group_by(Move.document).tuples()}
said = {int(e.entity_id): json.loads(e.new)["lines"] for e in
        AuditEvent.select().where(AuditEvent.action.startswith("doc.post."))}
docs = [d for (d,) in Document.select(Document.id).tuples()]
lots_without_moves = (Lot.select().where(Lot.id.not_in(Move.select(Move.lot).where(Move.lot.is_null(False))))
                      .count())
print(json.dumps({"docs": len(docs), "incomplete": [d for d in docs if counts.get(d, 0) != said.get(d)],
                  "lots_without_moves": lots_without_moves}))
"""


def assert_whole(db: Path) -> dict:
    """`check` passes and every document is fully there; returns what inspect found."""
    check = main_py(db, "check")
    assert check.returncode == 0, check.stderr + check.stdout
    done = subprocess.run(script(INSPECT) + [str(db)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["incomplete"] == [], f"documents with missing moves: {found['incomplete']}"
    assert found["lots_without_moves"] == 0
    return found


def stock_json(db: Path) -> list:
    done = main_py(db, "stock", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.slow
def test_kill_9_during_demo_then_rerun_finishes_the_same_shop(tmp_path):
    killed_db, clean_db = tmp_path / "killed.sqlite3", tmp_path / "clean.sqlite3"
    began = time.perf_counter()
    clean = main_py(clean_db, *DEMO)
    assert clean.returncode == 0, clean.stderr
    whole_run = time.perf_counter() - began
    rng = random.Random(20261122)
    kills = 0
    for _ in range(12):  # kill at random moments until a run gets to finish on its own
        proc = start([sys.executable, "main.py", "--db", str(killed_db), *DEMO])
        # each run may do at most a fifth of the work before the kill: several kills land mid-history
        if not kill_after(proc, rng.uniform(0.3, 0.3 + whole_run * 0.2)):
            break
        kills += 1
        assert_whole(killed_db)
    assert kills >= 3, "the demo finished too fast to be killed: raise --days"
    finish = main_py(killed_db, *DEMO)
    assert finish.returncode == 0, finish.stderr
    found = assert_whole(killed_db)
    assert stock_json(killed_db) == stock_json(clean_db), "a resumed demo doubled or lost documents"
    assert found["docs"] == assert_whole(clean_db)["docs"]


POSTING_LOOP = """
import sys, itertools
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import locations
from services.catalog import products
from services.stock.ledger import Line, post_document
open_database(sys.argv[1])
owner = initialise()
ids = [p.id for p in products.Product.select().order_by(products.Product.id)]
if not ids:
    from models import write_transaction
    with write_transaction():
        for i in range(200):
            ids.append(products.save_clean(owner, products.clean_product(products.ProductInput(
                name=f"草莓{i}", spec="300g/盒", base_unit="盒", shelf_life_days=3 + i % 5))).id)
store, supplier = locations.default_store().id, locations.virtual("supplier").id
customer = locations.virtual("customer").id
print("ready", flush=True)
for n in itertools.count():
    key = f"{sys.argv[2]}:{n}"
    post_document(owner, "receipt", [Line(pid, Decimal(5), supplier, store) for pid in ids], key=key + "r")
    post_document(owner, "sale", [Line(pid, Decimal(3), store, customer) for pid in ids], key=key + "s")
"""


@pytest.mark.slow
def test_kill_9_in_a_tight_posting_loop(tmp_path):
    """200-line documents posted back to back: kills land inside transactions, never half of one."""
    db = tmp_path / "loop.sqlite3"
    rng = random.Random(7)
    for run in range(4):
        proc = start(script(POSTING_LOOP) + [str(db), f"run{run}"])
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        assert kill_after(proc, rng.uniform(0.1, 0.9))
        found = assert_whole(db)
    assert found["docs"] >= 4


HOLDER = """
import pathlib, sys, time
from decimal import Decimal
from models import open_database, write_transaction
from services.shop.setup import initialise
from services.catalog import locations
from services.catalog import products
from services.stock.ledger import Line, post_document
open_database(sys.argv[1])
owner = initialise()
product = products.save_product(owner, products.ProductInput(name="山药", base_unit="袋", shelf_life_days=14))
ready = pathlib.Path(sys.argv[2])
with write_transaction():
    post_document(owner, "receipt", [Line(product.id, Decimal(10), locations.virtual("supplier").id,
                                          locations.default_store().id)], key="holder")
    print("holding", flush=True)
    for _ in range(600):  # a slow writer keeps the write lock until the second writer is about to write
        if ready.exists():
            break
        time.sleep(0.05)
    time.sleep(0.5)
    print(f"{time.time():.6f}", flush=True)  # still inside the transaction: the lock is released after this
"""

SECOND_WRITER = """
import pathlib, sys
import time
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import locations
from services.catalog import products
from services.stock.ledger import Line, post_document
pathlib.Path(sys.argv[2]).touch()  # initialise() writes too (in its own transaction): it may be the one that waits
open_database(sys.argv[1])
owner = initialise()
product = products.get_product(1)
post_document(owner, "receipt", [Line(product.id, Decimal(2), locations.virtual("supplier").id,
                                      locations.default_store().id)], key="second")
print(f"{time.time():.6f}", flush=True)
"""


def test_a_second_writer_waits_for_the_first(tmp_path):
    """Two processes write at once: the second waits (busy timeout), then posts; nobody sees 'locked'."""
    db = tmp_path / "two.sqlite3"
    assert main_py(db, "init").returncode == 0
    ready = tmp_path / "second-is-writing"
    holder = start(script(HOLDER) + [str(db), str(ready)])
    assert holder.stdout.readline().strip() == "holding", holder.stderr.read()
    second = subprocess.run(script(SECOND_WRITER) + [str(db), str(ready)], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    holder_out, holder_err = holder.communicate(timeout=60)
    assert holder.returncode == 0, holder_err
    assert second.returncode == 0, second.stderr
    assert "locked" not in second.stderr
    # the order of events, not a duration: the second posted only after the first let go of the lock
    assert float(second.stdout.strip()) >= float(holder_out.strip()), "the second writer should have waited"
    found = assert_whole(db)
    assert found["docs"] == 2
    rows = stock_json(db)
    assert sum(float(r["on_hand"]) for r in rows) == 12


WRITER = """
import sys
from decimal import Decimal
from models import open_database
from services.shop.setup import initialise
from services.catalog import locations
from services.catalog import products
from services.stock.ledger import Line, post_document
open_database(sys.argv[1])
owner = initialise()
product = products.get_product(sys.argv[3])
for n in range(40):
    post_document(owner, "receipt", [Line(product.id, Decimal(1), locations.virtual("supplier").id,
                                          locations.default_store().id)], key=f"{sys.argv[2]}:{n}")
"""


def test_two_writers_interleave_without_losing_a_document(tmp_path):
    db = tmp_path / "pair.sqlite3"
    assert main_py(db, "init").returncode == 0
    setup = script("""
        import sys
        from models import open_database
        from services.shop.setup import initialise
        from services.catalog import products
        open_database(sys.argv[1])
        owner = initialise()
        products.save_product(owner, products.ProductInput(name="鸡蛋", sku="EGG", base_unit="盒", shelf_life_days=15))
    """) + [str(db)]
    assert subprocess.run(setup, cwd=ROOT, timeout=60).returncode == 0
    env = dict(os.environ)
    writers = [subprocess.Popen(script(WRITER) + [str(db), name, "EGG"], cwd=ROOT, env=env,
                                stderr=subprocess.PIPE, text=True) for name in ("till", "phone")]
    deadline = time.monotonic() + 60
    for w in writers:
        _, err = w.communicate(timeout=max(1, deadline - time.monotonic()))
        assert w.returncode == 0, err
    found = assert_whole(db)
    assert found["docs"] == 80
    assert sum(float(r["on_hand"]) for r in stock_json(db)) == 80

"""`stocktake` CLI: start a count, count through the services, review as JSON, post, trace, check."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.test_cli import ROOT, seed, xiaopu


def test_stocktake_start_review_post_trace(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    started = xiaopu("stocktake", "start", "--scope", "full", db=db)
    assert started.returncode == 0, started.stderr
    assert xiaopu("stocktake", "start", "--scope", "cycle", db=db).returncode == 1
    code = f"""
import sys; sys.path.insert(0, {str(ROOT)!r})
from services.core.clock import fix_clock_from_environment; fix_clock_from_environment()
from models import open_database, CountLine
from services.shop.setup import initialise
from services.stocktake import sessions as stocktake
open_database({str(db)!r}); owner = initialise()
stocktake.set_place(owner, 1, "STORE")
for line in CountLine.select().where(CountLine.session == 1):
    stocktake.set_line(owner, 1, line.id, line.product.id and 0 + 1)
stocktake.submit_for_review(owner, 1)
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    listing = json.loads(xiaopu("stocktake", "list", "--json", db=db).stdout)
    assert listing[0]["state"] == "review"
    review = json.loads(xiaopu("stocktake", "review", "1", "--json", db=db).stdout)
    assert review["lines"] and all(line["counted"] == "1.000" for line in review["lines"])
    assert xiaopu("stocktake", "post", "1", db=db).returncode == 0
    assert xiaopu("stocktake", "post", "1", db=db).returncode == 0  # twice: posted once
    line = review["lines"][0]["line"]
    traced = xiaopu("stocktake", "trace", "1", str(line), db=db)
    assert traced.returncode == 0 and "TZ" in traced.stdout
    assert xiaopu("check", db=db).returncode == 0

"""`xiaopu … | head`: the reader stops early; the command ends quietly (status 141, as the shell
reports for other programs), never with a BrokenPipeError traceback."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.test_cli import ROOT, seed


def test_a_closed_pipe_ends_the_command_without_a_traceback(tmp_path):
    db = tmp_path / "shop.sqlite3"
    seed(db)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line: every write meets a closed pipe
    try:
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), "stock"],
                                stdout=write_end, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                                encoding="utf-8", timeout=120, cwd=ROOT)
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == ""


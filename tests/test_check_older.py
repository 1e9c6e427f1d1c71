"""`check` on a file of an older Xiaopu says how to upgrade it, and doing what it says works: `init`
migrates the file, then `check` passes."""
from __future__ import annotations

import shutil

from tests.damaged_files import cli, damaged_files


def test_check_says_how_to_upgrade_an_older_file_and_the_advice_works(tmp_path, capsys):
    older = tmp_path / "2025年的小铺.sqlite3"
    shutil.copy(damaged_files(tmp_path / "made")["older"], older)
    assert cli("--db", str(older), "check") == 1
    said = capsys.readouterr().err
    assert "旧版本小铺的数据库" in said and "用小铺打开它一次,或运行 python main.py --db 这个文件 init" in said
    assert cli("--db", str(older), "init") == 0
    capsys.readouterr()
    assert cli("--db", str(older), "check") == 0
    assert "检查通过" in capsys.readouterr().out

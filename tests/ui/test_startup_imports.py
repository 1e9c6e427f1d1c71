"""Start-up loads what the first view needs and nothing else (issue 15): the PDF, Excel and pinyin libraries
load when the owner first prints, exports, imports or saves a name, pyqtgraph and numpy when a report view's
chart is first shown (概览's own 7-day chart is painted without them), psycopg when a PostgreSQL address is
opened — not with the window. Each check runs in a fresh interpreter, where sys.modules tells what a start
really imported; bench/startup_bench.py times it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# printing, Excel, pinyin, the report views' charts, the PostgreSQL driver (peewee imports it when installed)
LATER = ("reportlab", "openpyxl", "pypinyin", "qrcode", "pypdfium2", "pyqtgraph", "numpy", "psycopg")

# the real start (main.main) on a shop: at the main window's first paint, print the view on screen and which
# of LATER are loaded; then once the start's background jobs (the dashboard's figures) are done, again
START = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
LATER = {later!r}

def loaded():
    return sorted(name for name in LATER if name in sys.modules)

def settled():
    from ui.widgets import worker
    if worker._quiet:
        QTimer.singleShot(50, settled)
        return
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    print("settled", window.tab_widgets["reports"].view_widgets["dashboard"].cards["today"].value.text(),
          loaded(), "services.reports.dashboard" in sys.modules, flush=True)
    os._exit(0)

def painted():
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    print("painted", window.bench.current_view(), loaded(), "services.reports.dashboard" in sys.modules, flush=True)
    QTimer.singleShot(0, settled)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            app.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
import main
sys.exit(main.main(["--db", {db!r}]))
"""


def run(code: str, tmp_path: Path) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # the test's own settings and app-data folder
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_importing_the_shell_and_the_reports_tab_loads_no_pdf_excel_or_pinyin_library(tmp_path):
    code = ("import sys; import ui.shell.app, ui.shell.main_window, ui.reports.tab, ui.reports.dashboard_view; "
            f"print(sorted(name for name in {LATER!r} if name in sys.modules))")
    assert run(code, tmp_path) == ["[]"]


def test_the_owner_opens_on_the_dashboard_and_its_figures_follow_without_those_libraries(tmp_path):
    """A shop made by `init` the day before: the window opens on 报表 → 概览 (the owner's home); at its first
    paint none of the libraries is loaded, nor after the dashboard has shown its figures (today: 0.00). The
    figures' services are imported by the worker that computes them, started after that first paint."""
    db = tmp_path / "shop.sqlite3"
    subprocess.run([sys.executable, "main.py", "--db", str(db), "init"], cwd=ROOT, check=True, capture_output=True)
    lines = run(START.format(later=LATER, db=str(db)), tmp_path)
    assert lines == ["painted reports.dashboard [] False", "settled 0.00 [] True"]

"""Start-up to the first painted window (issue 15): warm and cold, the memory it holds, on the demo and on
an empty shop, against a bare PySide6 QMainWindow painted in the same run.

    python bench/startup_bench.py [--demo FILE] [--repeat 3]

Each start is a process of its own (offscreen Qt), timed from its launch to the first paint of the main
window: the window's first paintEvent and a QTimer.singleShot(0) queued after it, so the paint has been
handed to the screen. The child also reports the CPU seconds it used by then, the RSS at that moment and
the RSS once the start's background jobs (alerts, reconciliation, the dashboard's figures) have ended
(VmRSS from /proc/self/status). `main.py --smoke-test` renders every tab and report view and is no
measure of start-up: CI keeps it, this file measures what the owner waits for.

- warm: the same start run once to fill the caches, then the median of --repeat runs; the bytecode is cached
  in a folder of the bench's own (PYTHONPYCACHEPREFIX), so a shell with PYTHONDONTWRITEBYTECODE set (as on
  the shared build machine, where the app's own modules were compiled from source at every start) still
  measures a start with every module compiled once, as the PyInstaller bundle ships them;
- cold: no bytecode cache at all, neither the app's nor the libraries' (PYTHONPYCACHEPREFIX names an empty
  folder and PYTHONDONTWRITEBYTECODE writes nothing), every module compiled from source as on a first start
  of a source install.

Settings and the app-data folder point at a temporary folder (XDG_CONFIG_HOME, XDG_DATA_HOME), and the demo
is started from a copy: the bench leaves the user's shop and settings alone. Prints one JSON line;
`run_bench.py` puts the rows in its table.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTLE_LIMIT_S = 60  # the start's background jobs on a loaded PC; the RSS is read when they end or at this


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(kind: str, argv: list[str]) -> int:
    """In the timed process: print `painted CPU RSS` at the first paint, then `settled RSS PEAK` and exit."""
    import resource

    if kind == "app":  # main.py imports the CLI (models, services) before Qt, and PySide6 checks every module
        sys.path.insert(0, str(ROOT))  # imported after it for its __feature__ switches: the same order here
        import cli.commands  # noqa: F401
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    def settled() -> None:
        from ui.widgets import worker

        waited = time.monotonic() - painted_at[0]
        if worker._quiet and waited < SETTLE_LIMIT_S:  # the start's background jobs are still running
            QTimer.singleShot(100, settled)
            return
        print(f"settled {rss_mb():.1f} {rss_mb('VmHWM'):.1f}", flush=True)
        os._exit(0)  # no closing backup, no settings written: the next start finds what this one found

    painted_at: list[float] = []

    def painted() -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        print(f"painted {usage.ru_utime + usage.ru_stime:.3f} {rss_mb():.1f}", flush=True)
        painted_at.append(time.monotonic())
        if kind == "floor":
            os._exit(0)
        QTimer.singleShot(200, settled)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                app.removeEventFilter(self)
                QTimer.singleShot(0, painted)  # after the paint has been flushed
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    if kind == "floor":
        window = QMainWindow()
        window.show()
        return app.exec()
    import main

    return main.main(argv)


def start_once(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """One start in a fresh process: wall seconds to the first paint, CPU seconds, RSS then and settled."""
    begin = time.perf_counter()
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    result: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word, *numbers = line.split()
        if word == "painted":
            result.update(wall=time.perf_counter() - begin, cpu=float(numbers[0]), rss=float(numbers[1]))
        elif word == "settled":
            result.update(rss_settled=float(numbers[0]), peak=float(numbers[1]))
    error = process.communicate(timeout=SETTLE_LIMIT_S * 2)[1]
    if "wall" not in result:
        raise RuntimeError(f"{' '.join(args)} never painted: {error.strip()[-400:]}")
    return result


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def measure(demo: Path | None, repeat: int = 3) -> dict:
    """{"demo"|"empty"|"floor": {"warm": medians, "cold": medians}, "load": [1-minute load average at the
    start, at the end]} (demo left out without a demo file). On a shared PC the load says how far the wall
    times stand above the CPU times."""
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="xiaopu-startup-") as folder:
        work = Path(folder)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
                   PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(work / "pycache"))
        cold = dict(env, PYTHONPYCACHEPREFIX=str(work / "no-pycache"), PYTHONDONTWRITEBYTECODE="1")
        empty = work / "empty.sqlite3"
        subprocess.run([sys.executable, "main.py", "--db", str(empty), "init"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        shops = {"empty": empty}
        if demo is not None:
            shops["demo"] = work / "demo.sqlite3"
            shutil.copyfile(demo, shops["demo"])
        starts = {name: [__file__, "--child", "app", "--db", str(db)] for name, db in shops.items()}
        starts["floor"] = [__file__, "--child", "floor"]
        results: dict = {name: {"warm": [], "cold": []} for name in starts}
        for args in starts.values():
            start_once(args, env)  # fills the file cache and the bytecode cache; the shop's first start
        for _ in range(repeat):  # alternating, so a busy moment on a shared PC spreads over all of them
            for name, args in starts.items():
                results[name]["warm"].append(start_once(args, env))
                results[name]["cold"].append(start_once(args, cold))
        found = {name: {mode: medians(runs) for mode, runs in modes.items()} for name, modes in results.items()}
    return {**found, "load": [load_before, os.getloadavg()[0]]}


def table_rows(result: dict) -> list[tuple]:
    """run_bench's Row(figure, value, unit, target, floor, higher_is_better, note): first paint warm and
    cold (s) against the bare window, the RSS on the demo (MB)."""
    floor = result["floor"]
    rows = []
    for shop in ("demo", "empty"):
        if shop not in result:
            continue
        for mode, target in (("warm", 0.8), ("cold", 1.5)):
            run = result[shop][mode]
            rows.append((f"start-up to the first painted window, {shop} shop, {mode}", run["wall"], "s", target,
                         floor[mode]["wall"], False, f"CPU {run['cpu']:.2f} s, floor {floor[mode]['cpu']:.2f} s; "
                         "floor: a bare PySide6 QMainWindow painted; load average "
                         + " → ".join(f"{load:.1f}" for load in result.get("load", ()))))
        warm = result[shop]["warm"]
        rows.append((f"RSS after start, {shop} shop", warm["rss_settled"], "MB", 150 if shop == "demo" else None,
                     floor["warm"]["rss"], False, f"at the first paint {warm['rss']:.0f} MB, peak {warm['peak']:.0f} MB"))
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1], argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--demo", help="a demo shop (`python main.py --db FILE demo`) to start on, copied first")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(json.dumps(measure(Path(args.demo) if args.demo else None, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

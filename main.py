"""Xiaopu 小铺进销存: start the GUI, or run a headless command over the same services.

    python main.py                      open the shop's database in the window
    python main.py --demo               open a demo fresh-food store
    python main.py --db FILE --smoke-test
    python main.py [--db PATH|URL] COMMAND ...   (see `python main.py --help`)
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from cli.commands import build_parser, run

    args = build_parser().parse_args(argv)
    from services.core.clock import fix_clock_from_environment
    from services.core.messages import set_language

    fix_clock_from_environment()
    set_language(args.lang or "zh_CN")
    if args.command:
        return run(args)
    from ui.shell.app import run_gui  # Qt is imported only when a window is wanted

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())

"""`channel`: the sales channels (渠道), the platforms' sellable-stock files and their order files."""
from __future__ import annotations

import argparse
from pathlib import Path

from cli.output import say, say_json


def add_parser(sub) -> None:
    channel = sub.add_parser("channel", help="sales channels (渠道) and the platforms' stock files")
    chsub = channel.add_subparsers(dest="channel_command", required=True)
    chlist = chsub.add_parser("list", help="channels with their hold minutes")
    chlist.add_argument("--all", action="store_true", help="include disabled channels")
    chlist.add_argument("--json", action="store_true")
    chexp = chsub.add_parser("export", help="sellable stock in the platform's upload layout (.xlsx or .csv)")
    chexp.add_argument("code")
    chexp.add_argument("file")
    chimp = chsub.add_parser("import", help="import the channel's orders (.xlsx or .csv), all or nothing")
    chimp.add_argument("code")
    chimp.add_argument("file")


def cmd_channel(args: argparse.Namespace, user) -> int:
    if args.channel_command == "list":
        from services.sales.channels import list_channels

        rows = list_channels(include_inactive=args.all)
        if args.json:
            say_json([r.as_json() for r in rows])
        else:
            for r in rows:
                say(f"{r.code:<10} {r.name:<8} {r.effective_hold_minutes:>4} 分钟/min"
                    f"{'' if r.active else '  (停用/disabled)'}")
        return 0
    if args.channel_command == "import":
        from services.imports.channel_orders import import_channel_orders

        say(import_channel_orders(user, args.code, Path(args.file)).message)
        return 0
    from services.core.messages import msg
    from services.sales.channel_files import export_sellable

    count = export_sellable(args.code, Path(args.file))
    say(msg("channel.exported", count=count, channel=args.code.upper(), file=args.file))
    return 0


COMMANDS = {"channel": cmd_channel}

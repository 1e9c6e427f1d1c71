"""`field`: the shop's own fields (自定义字段) of products, customers and suppliers — list, add, rename,
change a choice field's options, remove (the values and history stay). Setting a record's value is
`product|customer|supplier set-field` (cli/records.py)."""
from __future__ import annotations

import argparse

from cli.output import say, say_json
from services.core.custom_fields import ENTITIES, KINDS


def add_parser(sub) -> None:
    field = sub.add_parser("field", help="the shop's own fields (自定义字段) of products, customers, suppliers")
    fsub = field.add_subparsers(dest="field_command", required=True)
    flist = fsub.add_parser("list", help="the fields, by record kind and position")
    flist.add_argument("entity", nargs="?", choices=ENTITIES, help="only this kind of record")
    flist.add_argument("--json", action="store_true")
    fadd = fsub.add_parser("add", help="add a field: field add product 产地 --kind text")
    fadd.add_argument("entity", choices=ENTITIES)
    fadd.add_argument("name", help="the field's name in your words; it is the Excel header too")
    fadd.add_argument("--kind", choices=KINDS, default="text",
                      help="text 文本, number 数字, money 金额, date 日期, bool 是否, choice 选项 (default text)")
    fadd.add_argument("--choices", default="", help="a choice field's options: 一级,二级")
    fadd.add_argument("--json", action="store_true")
    frename = fsub.add_parser("rename", help="rename a field (its values stay; the old name stays in the audit log)")
    frename.add_argument("entity", choices=ENTITIES)
    frename.add_argument("name")
    frename.add_argument("new_name")
    frename.add_argument("--json", action="store_true")
    fchoices = fsub.add_parser("choices", help="set a choice field's options: 一级,二级,特级")
    fchoices.add_argument("entity", choices=ENTITIES)
    fchoices.add_argument("name")
    fchoices.add_argument("choices")
    fchoices.add_argument("--json", action="store_true")
    fremove = fsub.add_parser("remove", help="remove a field from lists and files (values and history are kept)")
    fremove.add_argument("entity", choices=ENTITIES)
    fremove.add_argument("name")


def cmd_field(args: argparse.Namespace, user) -> int:
    from services.core import custom_fields as cf
    from services.core.messages import msg

    if args.field_command == "list":
        fields = [f for entity in ([args.entity] if args.entity else cf.ENTITIES) for f in cf.fields_of(entity)]
        if args.json:
            say_json([f.as_json() for f in fields])
        elif not fields:
            say(msg("custom.none"))
        for f in fields if not args.json else ():
            say(_line(f))
        return 0
    if args.field_command == "add":
        added = cf.add_field(user, args.entity, args.name, args.kind, args.choices)
        say_json(added.as_json()) if args.json else say(msg("custom.added", line=_line(added)))
        return 0
    field = cf.field_by_ref(args.entity, args.name)
    if args.field_command == "remove":
        cf.remove_field(user, field.id)
        say(msg("custom.removed", line=_line(field)))
        return 0
    if args.field_command == "rename":
        changed = cf.rename_field(user, field.id, args.new_name)
        words = msg("custom.renamed", old=field.name, line=_line(changed))
    else:
        changed = cf.set_choices(user, field.id, args.choices)
        words = msg("custom.choices_set", line=_line(changed))
    say_json(changed.as_json()) if args.json else say(words)
    return 0


def _line(field) -> str:
    from services.core.custom_fields import entity_label, kind_label

    options = f" ({'、'.join(field.choices)})" if field.choices else ""
    return f"{entity_label(field.entity)} {field.name}: {kind_label(field.kind)}{options}"


COMMANDS = {"field": cmd_field}

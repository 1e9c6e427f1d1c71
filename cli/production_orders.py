"""`production order …`, `production for-sale`, `production trace`, `production recipe` and
`production disassemble`: production and disassembly orders over the same services as the 生产 tab."""
from __future__ import annotations

import argparse
import datetime as dt

from cli.output import say, say_json
from services.core.numbers import fmt_qty
from services.core.permissions import allowed


def add_parsers(psub) -> None:
    order = psub.add_parser("order", help="production orders (生产单)")
    osub = order.add_subparsers(dest="order_command", required=True)
    create = osub.add_parser("create", help="a draft order to make --qty of SKU from its active BOM")
    create.add_argument("sku")
    create.add_argument("--qty", required=True)
    create.add_argument("--date", help="planned completion YYYY-MM-DD")
    create.add_argument("--steps", help="steps, comma separated (default: the BOM's)")
    create.add_argument("--subcontractor", help="supplier code: outsourced (委外)")
    create.add_argument("--fee", default="0", help="subcontractor's fee per unit")
    create.add_argument("--json", action="store_true")
    listing = osub.add_parser("list", help="orders, newest first")
    listing.add_argument("--state")
    listing.add_argument("--kind", choices=["make", "disassembly"])
    listing.add_argument("--json", action="store_true")
    for name, text in (("show", "lines, shortages and progress"), ("release", "reserve components (下达)"),
                       ("reserve", "reserve what is still short (补预占)"),
                       ("draft-po", "shortages → draft purchase orders per supplier"),
                       ("send", "send the components to the subcontractor (委外发料)")):
        cmd = osub.add_parser(name, help=text)
        cmd.add_argument("number")
        cmd.add_argument("--json", action="store_true")
    report = osub.add_parser("report", help="report work on a step (报工)")
    report.add_argument("number")
    report.add_argument("--step", required=True, help="step position or name")
    report.add_argument("--worker", default="")
    report.add_argument("--good", default="0")
    report.add_argument("--scrap", default="0")
    report.add_argument("--minutes", default="0")
    done = osub.add_parser("complete", help="post the order: components used, finished lot, scrap (完工入库)")
    done.add_argument("number")
    done.add_argument("--good", required=True)
    done.add_argument("--scrap", default="0")
    done.add_argument("--use", nargs="+", action="extend", metavar="SKU=QTY", help="actual use (default: planned)")
    done.add_argument("--lot", default="")
    done.add_argument("--expiry", help="YYYY-MM-DD (default: from shelf life)")
    done.add_argument("--json", action="store_true")
    cancel = osub.add_parser("cancel", help="cancel with a reason; after work: --used SKU=QTY (0 for nothing)")
    cancel.add_argument("number")
    cancel.add_argument("--reason", required=True)
    cancel.add_argument("--used", nargs="+", action="extend", metavar="SKU=QTY")
    psub.add_parser("for-sale", help="production orders for a sales order's made-to-order lines").add_argument("sale")
    trace = psub.add_parser("trace", help="lot tracing through production (backward; --forward for where it went)")
    trace.add_argument("sku")
    trace.add_argument("lot")
    trace.add_argument("--forward", action="store_true")
    trace.add_argument("--json", action="store_true")
    recipe = psub.add_parser("recipe", help="how SKU splits: --out SKU=QTY[:SHARE%%] … --rule price|share|quantity")
    recipe.add_argument("sku")
    recipe.add_argument("--out", nargs="+", action="extend", metavar="SKU=QTY[:SHARE]")
    recipe.add_argument("--rule", default="price", choices=["price", "share", "quantity"])
    split = psub.add_parser("disassemble", help="split --qty of SKU by its recipe now (拆卸)")
    split.add_argument("sku")
    split.add_argument("--qty", required=True)
    split.add_argument("--got", nargs="+", action="extend", metavar="SKU=QTY", help="what was really obtained")


ROLES = {"consume": "用料", "by_product": "副产品", "output": "产出"}


def _date(value: str | None, field: str) -> dt.date | None:
    from services.core.errors import ValidationError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValidationError("value.bad_date", field=field, value=value) from exc


def _pairs(items: list[str] | None, field: str) -> dict[int, str] | None:
    """SKU=QTY items → product id → quantity text (None when not given)."""
    from services.catalog.products import get_product
    from services.core.errors import ValidationError

    if items is None:
        return None
    result = {}
    for item in items:
        sku, sep, qty = item.partition("=")
        if not sep:
            raise ValidationError("value.not_number", field=field, value=item)
        result[get_product(sku).id] = qty
    return result


def _show(number: str, as_json: bool) -> None:
    from services.production.production_orders import ORDER_STATES, get_order, order_lines
    from services.production.production_shortage import shortages
    from services.production.production_work import step_progress

    order = get_order(number)
    lines, short, steps = order_lines(number), shortages(number), step_progress(number)
    if as_json:
        say_json({"number": order.number, "state": order.state, "quantity": str(order.quantity),
                  "lines": [ln.as_json() for ln in lines], "shortages": [s.as_json() for s in short],
                  "steps": [s.as_json() for s in steps]})
        return
    say(f"{order.number}  {order.product.sku} {order.product.name} × {fmt_qty(order.quantity)} "
        f"{order.product.base_unit}  {ORDER_STATES.label(order.state)}")
    for ln in lines:
        actual = "" if ln.actual is None else f"  实际 {fmt_qty(ln.actual)}"
        say(f"  {ROLES.get(ln.role, ln.role)} {ln.sku} {ln.name}  计划 {fmt_qty(ln.planned)}  已占 {fmt_qty(ln.reserved)}"
            f"{actual} {ln.unit}")
    for s in short:
        if s.missing_now > 0:
            say(f"  缺 {s.sku} {s.name}  还缺 {fmt_qty(s.missing_now)}  在途 {fmt_qty(s.on_order)}  "
                f"已起草 {fmt_qty(s.drafted)}  需采购 {fmt_qty(s.missing)} {s.unit}  {s.supplier or '无供应商'}")
    for p in steps:
        say(f"  工序 {p.position} {p.name}  合格 {fmt_qty(p.good)}  报废 {fmt_qty(p.scrap)}  {p.percent}%  "
            f"{p.minutes} 分钟  {'、'.join(p.workers)}")


def cmd_order(args: argparse.Namespace, user) -> int:
    from services.production import production_orders as orders
    from services.production import production_posting as posting
    from services.production import production_shortage, production_work

    command, number = args.order_command, getattr(args, "number", "")
    if command == "create":
        steps = None if args.steps is None else [s for s in args.steps.replace(",", ",").split(",")]
        order = orders.create_order(user, args.sku, args.qty, planned_date=_date(args.date, "计划日期"), steps=steps,
                                    subcontractor=args.subcontractor, fee_per_unit=args.fee)
        _show(order.number, args.json)
    elif command == "list":
        rows = orders.list_orders(state=args.state, kind=args.kind)
        if args.json:
            say_json([r.as_json() for r in rows])
        for r in [] if args.json else rows:
            say(f"{r.number}  {r.state_label}  {r.sku} {r.name} × {fmt_qty(r.quantity)} {r.unit}"
                f"{'  委外 ' + r.subcontractor if r.subcontractor else ''}"
                f"{'  销售单 ' + r.sales_order if r.sales_order else ''}")
    elif command == "show":
        _show(number, args.json)
    elif command == "release":
        orders.release(user, number)
        _show(number, args.json)
    elif command == "reserve":
        orders.top_up(user, number)
        _show(number, args.json)
    elif command == "draft-po":
        result = production_shortage.draft_purchases(user, number)
        if args.json:
            say_json({"orders": result.order_numbers, "unsupplied": [s.as_json() for s in result.unsupplied]})
        else:
            say(result.message())
    elif command == "send":
        say(posting.send_to_subcontractor(user, number).number)
    elif command == "report":
        step = int(args.step) if args.step.isdigit() else args.step
        production_work.report_work(user, number, step, args.worker, good=args.good, scrap=args.scrap,
                                    minutes=args.minutes)
        _show(number, False)
    elif command == "complete":
        result = posting.complete(user, number, args.good, args.scrap, actual=_pairs(args.use, "实际用量"),
                                  lot_code=args.lot, expiry=_date(args.expiry, "到期日"))
        data = {"number": result.number, "document": result.document, "lot": result.lot_code,
                "expiry": result.expiry.isoformat() if result.expiry else None, "good": str(result.good),
                "scrap": str(result.scrap), "unit_cost": str(result.unit_cost),
                "returned_document": result.returned_document or None,
                "reserved_for_sale": str(result.reserved_for_sale)}
        sees_cost = allowed(user, "cost.view")  # the warehouse completes orders without seeing their cost
        if args.json:
            say_json(data if sees_cost else {k: v for k, v in data.items() if k != "unit_cost"})
        else:
            say(f"{result.number} 完工:{result.document}  批次 {result.lot_code}  合格 {fmt_qty(result.good)}  "
                f"报废 {fmt_qty(result.scrap)}" + (f"  单位成本 {result.unit_cost}" if sees_cost else ""))
    elif command == "cancel":
        result = posting.cancel(user, number, args.reason, used=_pairs(args.used, "已耗用数量"))
        say(" ".join(x for x in (result.number, "已作废", result.loss_document, result.returned_document) if x))
    return 0


def cmd_for_sale(args: argparse.Namespace, user) -> int:
    from services.production.production_sales import create_for_sales_order

    for order in create_for_sales_order(user, args.sale):
        say(f"{order.number}  {order.product.sku} {order.product.name} × {fmt_qty(order.quantity)}")
    return 0


def cmd_trace(args: argparse.Namespace, user) -> int:
    from services.production.production_trace import backward, forward

    tree = (forward if args.forward else backward)(args.sku, args.lot)
    if args.json:
        say_json(tree.as_json())
    else:
        for line in tree.lines():
            say(line)
    return 0


def cmd_recipe(args: argparse.Namespace, user) -> int:
    from services.catalog.products import get_product
    from services.production.disassembly import OutputInput, get_recipe, save_recipe

    if args.out:
        outputs = []
        for item in args.out:
            sku, _, rest = item.partition("=")
            qty, _, share = rest.partition(":")
            outputs.append(OutputInput(get_product(sku).id, qty, share.rstrip("%") or 0))
        recipe = save_recipe(user, args.sku, outputs, args.rule)
    else:
        recipe = get_recipe(args.sku)
    say(f"{recipe.sku} {recipe.name}  分摊 {recipe.cost_rule}")
    for o in recipe.outputs:
        say(f"  {o.sku} {o.name} × {fmt_qty(o.quantity)} {o.unit}"
            + (f"  {fmt_qty(o.cost_share)}%" if recipe.cost_rule == "share" else ""))
    return 0


def cmd_disassemble(args: argparse.Namespace, user) -> int:
    from models import write_transaction
    from services.production.disassembly import complete_disassembly, create_disassembly
    from services.production.production_orders import release

    with write_transaction():  # all or nothing: no half-made order left behind by a typo in --got
        order = create_disassembly(user, args.sku, args.qty)
        release(user, order.number)
        document = complete_disassembly(user, order.number, actual=_pairs(args.got, "拆出数量"))
    say(f"{order.number} 拆卸完成:{document}")
    return 0


SUBCOMMANDS = {"order": cmd_order, "for-sale": cmd_for_sale, "trace": cmd_trace, "recipe": cmd_recipe,
               "disassemble": cmd_disassemble}

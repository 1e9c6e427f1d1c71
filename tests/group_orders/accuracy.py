"""How well the group-order parser reads the labelled corpus (tests/data/group_order_messages.json),
per class of message, the way issue 13 measures it:

- exact: expected lines read right — a sure line with the product, quantity and unit expected, or, for a
  line labelled ask, a question with that product among its first three candidates and the quantity said;
- sure and wrong: lines the parser was sure of that are not an expected line (another product, quantity
  or unit, or a line the customer called off) — worse than a question;
- asked: lines the parser asked about, and of those the ones with the right product in the first three.

A line is sure when it names a product with confidence ≥ ACCEPT and the message gave its quantity
(services/group_orders/group_order.is_sure). Used by the test (targets) and bench/parse_orders.py (table).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from tests.order_catalogue import DATA, catalogue_rows

CORPUS = DATA / "group_order_messages.json"
CLASSES = ("plain", "sound", "correction", "spec", "generic", "quantity", "each", "noise", "unit", "usual", "people")


def corpus() -> dict:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


@dataclass
class Tally:
    messages: int = 0
    lines: int = 0
    exact: int = 0
    sure_wrong: int = 0
    asked: int = 0
    asked_top3: int = 0

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def exact_rate(self) -> float:
        return self.exact / self.lines if self.lines else 1.0

    @property
    def top3_rate(self) -> float:
        return self.asked_top3 / self.asked if self.asked else 1.0


@dataclass
class Shop:
    ids: dict[tuple[str, str], int]
    usual: dict[int, list]  # customer id → UsualLine list
    customers: dict[str, int]  # code → id


def load_shop(owner) -> Shop:
    """The frozen catalogue, the corpus's extra products and its customers with their usual orders."""
    from models import write_transaction
    from models.sales import Customer
    from services.catalog.products import ProductInput, clean_product, save_clean
    from services.group_orders.parsed_lines import UsualLine

    data = corpus()
    ids: dict[tuple[str, str], int] = {}
    rows = [*catalogue_rows(), *data["extra_products"]]
    cleaned = [clean_product(ProductInput(name=r["name"], spec=r["spec"], category=r["category"], base_unit=r["unit"],
                                          units=[("箱", r["box"])] if r["box"] else [])) for r in rows]
    with write_transaction():
        for clean in cleaned:
            ids[(clean.name, clean.spec)] = save_clean(owner, clean).id
    shop = Shop(ids, {}, {})
    for c in data["customers"]:
        customer = Customer.create(code=c["code"], name=c["name"], wechat=c["wechat"])
        shop.customers[c["code"]] = customer.id
        shop.usual[customer.id] = [UsualLine(ids[(u["name"], u["spec"])], Decimal(u["qty"]), u["unit"])
                                   for u in c["usual"]]
    return shop


def read_case(shop: Shop, case: dict) -> list[tuple[str, list]]:
    """(person, parsed lines) as the clerk would get them: one person unless the class is people."""
    from services.group_orders.message_parser import parse
    from services.group_orders.people import parse_people

    def usual(customer_id):
        return shop.usual.get(customer_id, [])

    if case["class"] == "people":
        return [(p.person, p.order.lines) for p in parse_people(case["message"], usual_order=usual)]
    customer = shop.customers.get(case.get("customer", ""))
    order = parse(case["message"], customer=customer, usual_order=usual if customer else None)
    return [("", order.lines)]


def expected(case: dict) -> list[tuple[str, list[dict]]]:
    if case["class"] == "people":
        return [(p["person"], p["lines"]) for p in case["people"]]
    return [("", case["lines"])]


def score(shop: Shop, case: dict, got: list[tuple[str, list]]) -> Tally:
    """The tally of one message (people are matched by name; a person not found reads nothing)."""
    tally = Tally(messages=1)
    read = {person: list(lines) for person, lines in got}
    for person, wanted in expected(case):
        lines = read.pop(person, [])
        tally.lines += len(wanted)
        _score_person(shop, wanted, lines, tally)
    for lines in read.values():  # a person the paste did not have, or a split that went wrong
        _score_person(shop, [], lines, tally)
    return tally


def _score_person(shop: Shop, wanted: list[dict], lines: list, tally: Tally) -> None:
    from services.group_orders.group_order import is_sure

    left = list(lines)
    for want in wanted:
        pid = shop.ids[(want["name"], want["spec"])]
        qty, unit = Decimal(want["qty"]), want["unit"]
        hit = next((ln for ln in left if is_sure(ln) and (ln.product_id, ln.qty, ln.unit) == (pid, qty, unit)), None)
        if hit is None:
            hit = next((ln for ln in left if not is_sure(ln) and pid in _top3(ln)), None)
            if hit is not None and want.get("ask") and (hit.qty, hit.unit) == (qty, unit):
                tally.exact += 1
        else:
            tally.exact += 1
        if hit is not None:
            left.remove(hit)
            if not is_sure(hit):
                tally.asked += 1
                tally.asked_top3 += 1
    for line in left:
        if is_sure(line):
            tally.sure_wrong += 1
        else:
            tally.asked += 1


def _top3(line) -> list[int]:
    if line.product_id is not None:  # a product named but not sure (quantity assumed)
        return [line.product_id]
    return [c.product_id for c in line.candidates[:3]]


def run(shop: Shop, cases: Iterable[dict]) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per class and a line of words per message not read exactly (for the failure message)."""
    tallies = {name: Tally() for name in CLASSES}
    misses = []
    for case in cases:
        got = read_case(shop, case)
        tally = score(shop, case, got)
        tallies[case["class"]].add(tally)
        if tally.exact < tally.lines or tally.sure_wrong or tally.lines < sum(len(lines) for _, lines in got):
            misses.append(f"[{case['class']}] {case['message']!r} → {_describe(got)}")
    return tallies, misses


def _describe(got: list[tuple[str, list]]) -> str:
    from services.group_orders.group_order import is_sure

    parts = []
    for person, lines in got:
        for ln in lines:
            if ln.needs_choice:
                text = "ASK " + "/".join(f"{c.name} {c.spec}" for c in ln.candidates[:3])
            else:
                text = f"{ln.name} {ln.spec}" + ("" if is_sure(ln) else " (unsure)")
            parts.append(f"{person + ': ' if person else ''}{text} {ln.qty}{ln.unit}")
    return "; ".join(parts) or "nothing"


def table(tallies: dict[str, Tally]) -> str:
    total = Tally()
    rows = ["class        msgs  lines  exact    exact%  sure&wrong  asked  top3   top3%"]
    for name, t in [*tallies.items(), ("ALL", None)]:
        if t is None:
            for each in tallies.values():
                total.add(each)
            t = total
        rows.append(f"{name:<12} {t.messages:>4} {t.lines:>6} {t.exact:>6} {t.exact_rate:>8.1%} {t.sure_wrong:>11} "
                     f"{t.asked:>6} {t.asked_top3:>5} {t.top3_rate:>7.1%}")
    return "\n".join(rows)

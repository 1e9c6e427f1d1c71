"""The group-order corpus (tests/data/group_orders.json): every message, every expectation, exactly.

Messages are written from the seed's examples as customers of 鲜邻优选 send them, parsed against the
frozen 420-product demo catalogue. A case expects each line's product (name + spec), quantity and unit
in the product's unit, or that the line asks with the listed candidates first; and the exact unparsed
parts. No accuracy threshold: one wrong case fails the test.
"""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from models import database, open_database
from services.core.messages import set_language
from services.group_orders.message_parser import UsualLine, parse
from services.group_orders.product_choice import ACCEPT
from tests.order_catalogue import DATA, load_catalogue

CASES = json.loads((DATA / "group_orders.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    """One database with the 420 products for the whole corpus (loading takes about a second)."""
    from services.shop.setup import initialise

    set_language("zh_CN")
    open_database(tmp_path_factory.mktemp("group_orders") / "shop.sqlite3")
    owner = initialise()
    ids = load_catalogue(owner)
    yield owner, ids
    database.close()


def _id(ids: dict, line: dict) -> int:
    return ids[(line["name"], line["spec"])]


def test_the_corpus_is_big_enough_and_varied():
    assert len(CASES) >= 60
    assert sum(1 for c in CASES for line in c["lines"] if "asks" in line) >= 10
    assert sum(1 for c in CASES if c["unparsed"]) >= 5


@pytest.mark.parametrize("case", CASES, ids=[f"{n:03d}-{c['message'][:16]}" for n, c in enumerate(CASES)])
def test_corpus_message(shop, case):
    from services.group_orders.product_aliases import forget_alias, learn_alias

    owner, ids = shop
    for alias in case.get("aliases", []):
        learn_alias(owner, alias["alias"], _id(ids, alias))
    try:
        usual = [UsualLine(_id(ids, u), Decimal(u["qty"]), u["unit"]) for u in case.get("usual", [])]
        order = parse(case["message"], usual_order=usual if "usual" in case else None)
    finally:
        for alias in case.get("aliases", []):
            forget_alias(owner, alias["alias"])
    got = [_describe(line) for line in order.lines]
    assert len(order.lines) == len(case["lines"]), f"{case['message']!r} gave {got}"
    for n, (line, want) in enumerate(zip(order.lines, case["lines"], strict=True)):
        where = f"{case['message']!r} line {n + 1}: {got[n]}"
        assert (str(line.qty.normalize()), line.unit) == (want["qty"], want["unit"]), where
        if "asks" in want:
            assert line.needs_choice and line.confidence < ACCEPT, where
            shown = {(c.name, c.spec) for c in line.candidates[:len(want["asks"])]}
            assert shown == {(a["name"], a["spec"]) for a in want["asks"]}, where
            continue
        assert (line.name, line.spec) == (want["name"], want["spec"]), where
        assert not line.candidates, where
        if want.get("qty_assumed"):
            assert line.confidence < ACCEPT, where
        else:
            assert line.confidence >= want.get("confidence", ACCEPT), where
        if "base_qty" in want:
            assert line.base_qty == Decimal(want["base_qty"]), where
        if "note" in want:
            assert any(want["note"] in note for note in line.notes), where
    assert order.unparsed == case["unparsed"], f"{case['message']!r}: unparsed {order.unparsed}"


def _describe(line) -> str:
    if line.needs_choice:
        choices = " / ".join(f"{c.name} {c.spec} {c.score:.2f}" for c in line.candidates)
        return f"ASK {line.qty}{line.unit} [{choices}] ({line.confidence:.2f})"
    return f"{line.name} {line.spec} {line.qty}{line.unit} ({line.confidence:.2f})"

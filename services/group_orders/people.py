"""Several people's orders in one paste: the clerk copies a run of group messages, or a 接龙 list.

    王姐:蓝莓2盒                  @王姐 蓝莓2盒              1. 王姐 蓝莓2盒
    李哥:香蕉3斤 西红柿2斤          @李哥 香蕉3斤              2. 李哥 香蕉3斤

A line that starts with a name and a colon, an @name, or a numbered name starts that person's order;
the lines after it without a name are theirs too. Two names at least make a paste of several people
(one "李姐:" heading a message is just its greeting). A "name" that names a product (蓝莓: 2盒) is not
a person. Each person's order is read on its own, with their usual order when the name is a customer's
name or WeChat name.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from models.sales import Customer
from services.group_orders.message_parser import ParsedOrder, UsualOrder, parse
from services.group_orders.product_matcher import catalogue_index

_NAME = r"(?=[^\s:：@,，。.、]*[^\s:：@,，。.、\d])[^\s:：@,，。.、]{1,10}"  # 3栋刘姐, not 10 of 10:30
_SPEAKERS = (
    re.compile(rf"^\s*@(?P<name>{_NAME})[\s:：]+(?P<rest>.*)$"),  # @王姐 蓝莓2盒
    re.compile(rf"^\s*(?:\d{{1,3}}\s*[.、)]\s*)?(?P<name>{_NAME})\s*[:：](?!\d)\s*(?P<rest>.*)$"),  # 王姐:蓝莓2盒
    re.compile(rf"^\s*\d{{1,3}}\s*[.、)]\s*(?P<name>{_NAME})\s+(?P<rest>\S.*)$"),  # 1. 王姐 蓝莓2盒 (接龙)
)


@dataclass
class PersonOrder:
    person: str  # the name as written; "" when the paste is one person's message
    text: str
    order: ParsedOrder
    customer_id: int | None = None


def split_people(text: str, names_product: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(person, their text) in the order pasted; [("", text)] when fewer than two people are named."""
    chunks: list[tuple[str, list[str]]] = [("", [])]
    for line in (text or "").splitlines():
        speaker = next((m for m in (p.match(line) for p in _SPEAKERS) if m), None)
        if speaker and not names_product(speaker.group("name")):
            chunks.append((speaker.group("name"), [speaker.group("rest")]))
        else:
            chunks[-1][1].append(line)
    named: dict[str, str] = {}  # a person who writes twice (小王: …, 小王: 再加…) has one order
    for name, lines in chunks[1:]:
        named[name] = "\n".join([*([named[name]] if name in named else []), *lines])
    if len(named) < 2:
        return [("", text)]
    before = "\n".join(chunks[0][1]).strip()  # 大家好,今天的单: a greeting before the first name
    return [*([("", before)] if before else []), *named.items()]


def _names_product(words: str) -> bool:
    """Any product near these words (梨 in "1. 梨 2斤" is not a person, however unsure)."""
    return bool(catalogue_index().match(words))


def customer_named(person: str) -> int | None:
    """The one active customer whose WeChat name or name is `person`, else None."""
    if not person:
        return None
    rows = list(Customer.select(Customer.id).where(((Customer.wechat == person) | (Customer.name == person))
                                                   & Customer.active).limit(2).tuples())
    return rows[0][0] if len(rows) == 1 else None


def parse_people(text: str, customer: object = None, usual_order: UsualOrder = None,
                 bought: Callable[[object], set[int]] | None = None) -> list[PersonOrder]:
    """One order per person in the paste; a single person's message is one PersonOrder with person "".
    `usual_order` and `bought` (as for parse) are asked with each person's customer id when the name is
    a customer's."""
    people = split_people(text, _names_product)
    out = []
    for person, body in people:
        who = customer_named(person) if person else customer
        order = parse(body, customer=who, usual_order=usual_order, bought=bought)
        if person or order.lines or order.unparsed or len(people) == 1:  # 大家好 before the names: nothing
            out.append(PersonOrder(person, body, order, who if isinstance(who, int) else None))
    return out

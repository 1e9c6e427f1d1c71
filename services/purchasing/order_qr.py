"""What the QR codes on our purchase orders and replenishment slips carry, and how to read it back.

Format "xiaopu-order" version 1: one compact UTF-8 JSON object per QR code, e.g.

    {"fmt":"xiaopu-order","v":1,"type":"po","shop":"鲜邻优选社区生鲜店","no":"CG20261122-001",
     "supplier":"GY01","date":"2026-11-22","delivery":"2026-11-24","part":[1,1],
     "lines":[["BB01","蓝莓","125g","2","箱","LY-88"]]}

- type: "po" (a purchase order) or "replenish" (a standard order from a replenishment slip).
- no: the order number ("" on a slip); supplier: the supplier's code in our shop ("" if none).
- date / delivery: ISO dates, or null when unknown.
- lines: [our SKU, name, spec, quantity, unit, the supplier's own code or ""]; quantity is a
  decimal string in that unit (never a float). Prices are on the paper, not in the code.
- part: [i, n]. An order too long for one readable code is split into n codes, each a complete
  object with the same header and the next lines in order; read all n and join their lines.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal

FORMAT = "xiaopu-order"
VERSION = 1
# ~900 bytes keep a code at QR version ~22 (105 modules): 40 mm wide on A4 scans from a phone photo.
MAX_PAYLOAD_BYTES = 900


@dataclass(frozen=True)
class QrLine:
    sku: str
    name: str
    spec: str
    quantity: Decimal
    unit: str
    supplier_sku: str = ""

    def as_list(self) -> list[str]:
        return [self.sku, self.name, self.spec, format(self.quantity.normalize(), "f"), self.unit, self.supplier_sku]


@dataclass(frozen=True)
class QrOrder:
    type: str  # "po" | "replenish"
    shop: str
    number: str
    supplier: str
    date: dt.date | None
    delivery: dt.date | None
    lines: list[QrLine] = field(default_factory=list)


def _header(order: QrOrder, part: int, parts: int) -> dict:
    return {"fmt": FORMAT, "v": VERSION, "type": order.type, "shop": order.shop, "no": order.number,
            "supplier": order.supplier, "date": order.date.isoformat() if order.date else None,
            "delivery": order.delivery.isoformat() if order.delivery else None, "part": [part, parts]}


def _dump(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def payloads(order: QrOrder, max_bytes: int = MAX_PAYLOAD_BYTES) -> list[str]:
    """The text of each QR code for the order: one, or several parts when the lines do not fit."""
    chunks: list[list[list[str]]] = [[]]
    probe = _header(order, 99, 99)  # part numbers at their widest while measuring
    for line in order.lines:
        row = line.as_list()
        candidate = chunks[-1] + [row]
        if chunks[-1] and len(_dump({**probe, "lines": candidate}).encode()) > max_bytes:
            chunks.append([row])
        else:
            chunks[-1] = candidate
    return [_dump({**_header(order, i, len(chunks)), "lines": rows}) for i, rows in enumerate(chunks, 1)]


def parse_payloads(texts: list[str]) -> QrOrder:
    """Join the scanned parts of one order (in any order) back into a QrOrder; ValueError if incomplete."""
    objs = [json.loads(text) for text in texts]
    if not objs or any(o.get("fmt") != FORMAT or o.get("v") != VERSION for o in objs):
        raise ValueError("not a xiaopu-order v1 code")
    objs.sort(key=lambda o: o["part"][0])
    parts = objs[0]["part"][1]
    if [o["part"] for o in objs] != [[i, parts] for i in range(1, parts + 1)]:
        raise ValueError("parts missing or repeated")
    first = objs[0]
    lines = [QrLine(sku, name, spec, Decimal(qty), unit, supplier_sku)
             for o in objs for sku, name, spec, qty, unit, supplier_sku in o["lines"]]

    def day(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    return QrOrder(first["type"], first["shop"], first["no"], first["supplier"], day(first["date"]),
                   day(first["delivery"]), lines)

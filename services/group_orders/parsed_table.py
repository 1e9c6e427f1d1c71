"""A parsed group order as a plain-text table for the terminal (Chinese characters count two columns)."""
from __future__ import annotations

import unicodedata

from services.core.messages import msg
from services.core.numbers import fmt_qty
from services.group_orders.message_parser import ParsedOrder

_WIDTHS = (4, 9, 28, 7, 5, 6, 0)  # 序号 SKU 商品 数量 单位 把握 原文


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _width(text)) if width else text


def _row(cells: list[str]) -> str:
    return "".join(_pad(cell, width) for cell, width in zip(cells, _WIDTHS, strict=True)).rstrip()


def format_order(order: ParsedOrder) -> str:
    asks = sum(1 for line in order.lines if line.needs_choice)
    out = [msg("order.summary", lines=len(order.lines), asks=asks), _row(msg("order.columns").split("|"))]
    for number, line in enumerate(order.lines, 1):
        product = f"{line.name} {line.spec}".strip()
        out.append(_row([str(number), line.sku or "?", product, fmt_qty(line.qty), line.unit or "-",
                         f"{line.confidence:.2f}", line.source_text]))
        indent = " " * _WIDTHS[0]
        if line.candidates:
            choices = " / ".join(f"{c.sku} {c.name} {c.spec}({c.score:.2f})" for c in line.candidates)
            out.append(f"{indent}{msg('order.choose')}:{choices}")
        out += [f"{indent}{note}" for note in line.notes]
    out += [msg("order.unparsed", text=text, reason=order.reasons.get(text, "")) for text in order.unparsed]
    return "\n".join(out)

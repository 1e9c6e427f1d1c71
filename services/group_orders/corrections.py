"""Corrections inside one message: the customer changes their mind as they type.

    苹果不要了换成梨2斤 → 梨 2斤 (苹果 gone)          西红柿3斤,算了,2斤吧 → 西红柿 2斤
    鸡蛋改成2盒 → the 鸡蛋 line now 2 盒             蓝莓2盒 再加一盒 → 蓝莓 3盒
    蓝莓3盒少一个 → 蓝莓 2盒                         不要香蕉了 → the 香蕉 line removed

A correction word sits between two segments of the message (message_items.Fix). Its target is the
segment just before it when it touches that segment (苹果不要了), else the message's last line. A
segment that only names a product already ordered (苹果 in 苹果不要了, 鸡蛋 in 鸡蛋改成2盒) points
at that earlier line rather than ordering it again. Nothing here guesses a product: it only moves
lines the parser already read.
"""
from __future__ import annotations

import dataclasses

from services.core.messages import msg
from services.group_orders.message_items import Fix
from services.group_orders.parsed_lines import ParsedLine
from services.group_orders.product_matcher import CatalogueIndex
from services.group_orders.quantity_words import Quantity
from services.group_orders.unit_fit import unit_fit

UNSURE = 0.5  # a corrected quantity in a unit the product is not sold by
PREFIX_CANCEL = ("不要", "不用", "取消", "去掉", "删掉")  # 不要香蕉了: about the words after it


def _key(line: ParsedLine) -> tuple:
    return ("product", line.product_id) if line.product_id is not None else ("words", line.words)


class Corrections:
    """Applies a message's correction words to its lines, segment by segment, in the order typed."""

    def __init__(self, index: CatalogueIndex, lines: list[ParsedLine]):
        self.index = index
        self.lines = lines  # the order's lines, changed in place
        self.previous: list[ParsedLine] = []  # what the segment before added or pointed at
        self.cancelled: list[tuple[int, ParsedLine]] = []  # just taken out (position, line): 换成 / 2斤 replaces

    def before(self, fixes: list[Fix], names_product: bool) -> list[Fix]:
        """Apply the corrections that look back (X不要了, …,算了); return those about the next segment."""
        ahead: list[Fix] = []
        for n, fix in enumerate(fixes):
            last = n == len(fixes) - 1
            if fix.kind == "cancel" and n and fixes[n - 1].kind == "cancel":
                continue  # 算了不要了: one change of mind, said twice
            if fix.kind == "cancel" and not (last and names_product and fix.then and fix.raw in PREFIX_CANCEL):
                self._cancel(self._targets(fix.glued))
            else:
                ahead.append(fix)
        return ahead

    def after_message(self, fixes: list[Fix]) -> None:
        for fix in fixes:
            if fix.kind == "cancel":
                self._cancel(self._targets(fix.glued))

    def segment(self, fixes: list[Fix], new: list[ParsedLine], amount: Quantity | None) -> bool:
        """Add one segment's lines under the corrections before it; `amount` is a quantity said alone
        (…,改成3斤). Returns False when the amount was not used (it is then left unparsed)."""
        fix = fixes[-1] if fixes else None
        used = True
        if fix is None and amount is not None and self.cancelled:
            fix = Fix("change", "", False)  # 西红柿3斤,算了,2斤吧: the quantity replaces the one called off
        if fix is None:
            self.lines += new
        elif fix.kind == "cancel" and any(self._earlier(line) for line in new):  # 不要香蕉了, 香蕉 ordered before
            self._cancel([self._earlier(line) for line in new if self._earlier(line)])
            return True
        elif fix.kind == "cancel":  # 沃柑3斤 取消 要砂糖橘3斤: what was called off is the line before
            self._cancel(self._targets(fix.glued))
            self.lines += new
        elif fix.kind == "change":
            used = self._change(fix, new, amount)
        elif fix.kind == "more":
            used = self._more(fix, new, amount)
        else:
            used = self._less(fix, new, amount)
        if new or amount is not None:
            self.cancelled = []
        self.previous = [line for line in (new or self.previous) if line in self.lines]
        return used

    def _earlier(self, line: ParsedLine, usual: bool = True) -> ParsedLine | None:
        """A line before `line` for the same product (or the same words while asked); `usual` counts the
        老规矩 lines too (老规矩 牛奶改成3瓶), not for 再加 (老规矩再加一盒鸡蛋 is one box more, on its own line)."""
        shown = {c.product_id for c in line.candidates}  # 吐司 asked about: the 原味吐司 ordered before is one
        for other in self.lines:
            if other is not line and (usual or not other.usual) and (
                    _key(other) == _key(line) or other.product_id in shown):
                return other
        return None

    def _targets(self, glued: bool) -> list[ParsedLine]:
        """The lines a correction is about: the segment it touches (or the line that segment names again),
        else the last line of the message."""
        if glued and self.previous:
            targets = []
            for mention in self.previous:
                earlier = self._earlier(mention)
                if earlier is not None:
                    self._drop(mention)  # 苹果 in 苹果不要了 only names the earlier line
                targets.append(earlier or mention)
            return targets
        return [self.lines[-1]] if self.lines else []

    def _drop(self, line: ParsedLine) -> int:
        for n, other in enumerate(self.lines):
            if other is line:
                del self.lines[n]
                return n
        return len(self.lines)

    def _cancel(self, targets: list[ParsedLine]) -> None:
        self.cancelled = [(self._drop(line), line) for line in targets if line in self.lines]
        self.previous = []

    def _change(self, fix: Fix, new: list[ParsedLine], amount: Quantity | None) -> bool:
        if self.cancelled:
            position, old = self.cancelled[0]
            targets = [old]
        else:
            targets = self._targets(fix.glued)
            if not targets:
                self.lines += new
                return amount is None
            old = targets[0]
            position = self._drop(old)
            for other in targets[1:]:
                self._drop(other)
        if new:  # 苹果换成梨: the new product, with the old quantity when none was said
            replaced = [line if line.qty_given else self._with_amount(line, Quantity(old.qty, old.unit, ""))
                        for line in new]
            self.lines[position:position] = replaced
            new[:] = replaced
            return True
        if amount is None:
            self.lines.insert(position, old)
            return True
        self.lines.insert(position, self._with_amount(old, amount))
        return True

    def _more(self, fix: Fix, new: list[ParsedLine], amount: Quantity | None) -> bool:
        if amount is not None:  # 蓝莓2盒 再加一盒
            targets = self._targets(fix.glued)
            if not targets:
                return False
            target = targets[0]
            if not target.qty_given:  # 蓝莓再加一盒 with no 蓝莓 before: that is the quantity
                return self._replace(target, self._with_amount(target, amount))
            added = self._added(target, amount)
            return added is not None and self._replace(target, added)
        for line in new:  # 蓝莓2盒,草莓1盒,蓝莓再加一盒 → 蓝莓 3盒
            earlier = self._earlier(line, usual=False)
            added = earlier and line.qty_given and self._added(earlier, Quantity(line.qty, line.unit, ""))
            if added:
                self._replace(earlier, added)
            else:
                self.lines.append(line)
        return True

    def _less(self, fix: Fix, new: list[ParsedLine], amount: Quantity | None) -> bool:
        if amount is None and new:  # 少一盒蓝莓
            line = new[0]
            earlier = self._earlier(line)
            if earlier is None:
                self.lines += new
                return True
            target, amount = earlier, Quantity(line.qty, line.unit, "")
        else:
            targets = self._targets(fix.glued)
            if not targets or amount is None:
                return False
            target = targets[0]
        less = self._added(target, dataclasses.replace(amount, value=-amount.value), count_unit_ok=True)
        if less is None:
            return False
        if less.qty <= 0:
            self._drop(target)
            return True
        return self._replace(target, less)

    def _replace(self, old: ParsedLine, new: ParsedLine) -> bool:
        for n, other in enumerate(self.lines):
            if other is old:
                self.lines[n] = new
        return True

    def _added(self, line: ParsedLine, amount: Quantity, count_unit_ok: bool = False) -> ParsedLine | None:
        """`line` with `amount` added in its own unit; None when the units cannot be added (2斤 + 1盒).
        少一个 takes one of the line's unit whatever count word was used."""
        same = amount.unit in (None, line.unit) or (count_unit_ok and amount.unit == "个")
        if not same:
            fitted = self._with_amount(line, amount)
            if fitted.unit != line.unit:
                return None
            amount = Quantity(fitted.qty, line.unit, amount.text)
        return self._with_amount(line, Quantity(line.qty + amount.value, line.unit, amount.text))

    def _with_amount(self, line: ParsedLine, amount: Quantity) -> ParsedLine:
        """The line with a quantity the customer said, in a unit of the product when one is chosen."""
        product = self.index.products.get(line.product_id) if line.product_id is not None else None
        notes = [n for n in line.notes if n != msg("order.note.qty_assumed", unit=line.unit)]
        confidence = line.confidence if line.assumed_from is None else line.assumed_from
        if product is None:
            return dataclasses.replace(line, qty=amount.value, unit=amount.unit or line.unit, notes=notes,
                                       assumed_from=None, confidence=confidence)
        fit = unit_fit(product, amount)
        if fit is None:  # 改成3箱 of what is not sold by the box: flagged for the clerk, not guessed
            return dataclasses.replace(line, qty=amount.value, unit=amount.unit or line.unit, base_qty=None,
                                       assumed_from=None, confidence=min(confidence, UNSURE),
                                       notes=[*notes, msg("order.note.unit_not_sold", unit=amount.unit)])
        return dataclasses.replace(line, qty=fit.qty, unit=fit.unit, base_qty=fit.base_qty, notes=notes,
                                   assumed_from=None, confidence=confidence)

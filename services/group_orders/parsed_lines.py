"""What the group-order parser returns: lines (confident or asking), candidates, unparsed text."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from services.core.numbers import fmt_qty


@dataclass(frozen=True)
class UsualLine:
    """One line of the customer's usual order (老规矩), e.g. from their last order."""

    product_id: int
    qty: Decimal
    unit: str


@dataclass(frozen=True)
class Candidate:
    product_id: int
    sku: str
    name: str
    spec: str
    score: float  # 0–1, how well this product fits the line

    def as_json(self) -> dict:
        return {"sku": self.sku, "name": self.name, "spec": self.spec, "score": round(self.score, 2)}


@dataclass
class ParsedLine:
    product_id: int | None  # None: the clerk must choose among `candidates`
    sku: str | None
    name: str  # the product's name, or the customer's words while a choice is needed
    spec: str
    qty: Decimal  # in `unit`, a unit of the product once it is chosen
    unit: str  # "" when the message gave none and no product is chosen yet
    base_qty: Decimal | None  # in the product's base unit
    base_unit: str
    confidence: float  # 0–1; at least ACCEPT only when nothing needs asking
    candidates: list[Candidate]
    source_text: str
    words: str  # the customer's words for the product: learn_alias(words, chosen) remembers a choice
    notes: list[str] = field(default_factory=list)
    # the confidence before 1 was assumed for a missing quantity (None: the message gave the quantity)
    assumed_from: float | None = None
    usual: bool = False  # a line of the customer's 老规矩, not written in the message

    @property
    def qty_given(self) -> bool:
        return self.assumed_from is None

    @property
    def needs_choice(self) -> bool:
        return self.product_id is None

    def as_json(self) -> dict:
        return {
            "sku": self.sku, "name": self.name, "qty": fmt_qty(self.qty), "unit": self.unit,
            "confidence": round(self.confidence, 2),
            "status": "ask" if self.needs_choice else "ok", "spec": self.spec,
            "base_qty": None if self.base_qty is None else fmt_qty(self.base_qty), "base_unit": self.base_unit,
            "candidates": [c.as_json() for c in self.candidates], "source": self.source_text,
            "notes": self.notes,
        }


@dataclass
class ParsedOrder:
    lines: list[ParsedLine]
    unparsed: list[str]  # parts of the message that are not order lines, as written
    reasons: dict[str, str] = field(default_factory=dict)  # unparsed text → why (no product, a note …)

    def as_json(self) -> dict:
        """The parse-order contract: {"lines": [{"sku","name","qty","unit","confidence",…}], "unparsed": [...]}."""
        return {"lines": [line.as_json() for line in self.lines], "unparsed": list(self.unparsed)}

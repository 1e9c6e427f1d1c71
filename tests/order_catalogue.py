"""The frozen 420-product fresh-food catalogue the group-order tests parse against (tests/data)."""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def catalogue_rows() -> list[dict]:
    return json.loads((DATA / "group_order_catalogue.json").read_text(encoding="utf-8"))["products"]


def load_catalogue(actor) -> dict[tuple[str, str], int]:
    """Save every product (one transaction); returns (name, spec) → product id."""
    from models import write_transaction
    from services.catalog.products import ProductInput, clean_product, save_clean

    ids: dict[tuple[str, str], int] = {}
    cleaned = [clean_product(ProductInput(name=r["name"], spec=r["spec"], category=r["category"], base_unit=r["unit"],
                                          units=[("箱", r["box"])] if r["box"] else []))
               for r in catalogue_rows()]
    with write_transaction():
        for clean in cleaned:
            ids[(clean.name, clean.spec)] = save_clean(actor, clean).id
    return ids

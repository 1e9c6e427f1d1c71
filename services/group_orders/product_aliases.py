"""Aliases learned from the clerk: when a group order asked "草莓 → 丹东 or 红颜?" and the clerk chose,
the customer's words are remembered for that product and match it with top confidence next time."""
from __future__ import annotations

from models import Product, write_transaction
from models.aliases import ProductAlias
from services.core import audit
from services.core.clock import now
from services.core.errors import NotFound, ValidationError
from services.core.permissions import require
from services.group_orders.message_text import normalise_message

MAX_ALIAS_LENGTH = 30
# Whoever may sell may teach the parser what a customer meant (the clerk handling the group order).
PERMISSION = "doc.sale"


def normalise_alias(text: str) -> str:
    """The alias as the parser sees message text: NFKC, lower case, no emoji or white space."""
    return "".join(normalise_message(text).split())


def learn_alias(actor, alias_text: str, product_id: int) -> ProductAlias:
    """Remember that `alias_text` means this product (the latest choice wins); audited."""
    require(actor, PERMISSION)
    alias = normalise_alias(alias_text)
    if not alias:
        raise ValidationError("value.required", field="别名")
    if alias.replace(".", "").isdigit() or len(alias) > MAX_ALIAS_LENGTH:
        raise ValidationError("alias.bad", field="别名", alias=alias_text, limit=MAX_ALIAS_LENGTH)
    product = Product.get_or_none((Product.id == product_id) & Product.active)
    if product is None:
        raise NotFound("product.not_found", ref=product_id)
    with write_transaction():
        row = ProductAlias.get_or_none(ProductAlias.alias == alias)
        if row is not None and row.product_id == product.id:
            return row
        old = None
        if row is None:
            row = ProductAlias.create(alias=alias, product=product, learned_by=actor, updated_at=now())
        else:
            old = {"product": row.product.sku, "name": row.product.name}
            ProductAlias.update(product=product, learned_by=actor, updated_at=now()).where(
                ProductAlias.id == row.id).execute()
            row = ProductAlias.get_by_id(row.id)
        audit.record(actor, "alias.learn", "product_alias", alias, old=old,
                     new={"product": product.sku, "name": product.name})
    return row


def forget_alias(actor, alias_text: str) -> bool:
    """Drop a wrongly learned alias; False when there was none."""
    require(actor, PERMISSION)
    alias = normalise_alias(alias_text)
    with write_transaction():
        row = ProductAlias.get_or_none(ProductAlias.alias == alias)
        if row is None:
            return False
        old = {"product": row.product.sku, "name": row.product.name}
        row.delete_instance()
        audit.record(actor, "alias.forget", "product_alias", alias, old=old)
    return True

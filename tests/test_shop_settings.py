from decimal import Decimal

import pytest

from services.core import shop_settings
from services.core.errors import PermissionDenied, ValidationError
from services.core.users import create_user


def test_defaults_then_typed_values_survive(owner):
    assert shop_settings.get("purchase.approval_threshold") == Decimal("2000")
    shop_settings.set_value(owner, "purchase.approval_threshold", "３０００.5")
    assert shop_settings.get("purchase.approval_threshold") == Decimal("3000.5")
    shop_settings.set_value(owner, "suggestion.window_days", "14")
    assert shop_settings.get("suggestion.window_days") == 14


def test_bad_values_and_roles_are_refused(owner):
    with pytest.raises(ValidationError, match="不是数字"):
        shop_settings.set_value(owner, "purchase.approval_threshold", "很多")
    with pytest.raises(ValidationError):
        shop_settings.set_value(owner, "suggestion.window_days", "-3")
    clerk = create_user(owner, "clerk", "cashier", "secret123")
    with pytest.raises(PermissionDenied):
        shop_settings.set_value(clerk, "shop.name", "别人的店")
    assert shop_settings.get("shop.name") == "鲜邻优选社区生鲜店"


def test_a_form_saves_whole_or_not_at_all(owner):
    from models import AuditEvent

    events = AuditEvent.select().count()
    with pytest.raises(ValidationError):
        shop_settings.set_values(owner, {"shop.name": "李姐生鲜", "purchase.price_flag_percent": "十"})
    assert shop_settings.get("shop.name") == "鲜邻优选社区生鲜店"
    shop_settings.set_values(owner, {"shop.name": "李姐生鲜", "purchase.price_flag_percent": "10"})
    assert shop_settings.get("shop.name") == "李姐生鲜"
    assert AuditEvent.select().count() == events + 1, "only the changed value is audited"

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
    clerk = create_user(owner, "clerk", "cashier")
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


def test_service_levels_per_category_are_checked_and_kept_as_written(owner):
    # Issue 12 (5): the owner wants bread on the shelf 90 % of the time and milk 99 %.
    from services.core.service_levels import DEFAULT_LEVEL, parse_levels

    assert shop_settings.get("suggestion.service_level") == DEFAULT_LEVEL
    shop_settings.set_values(owner, {"suggestion.service_level": "95",
                                     "suggestion.category_service_levels": "面包=90, 乳品：99%"})
    assert shop_settings.get("suggestion.service_level") == 95
    assert parse_levels(shop_settings.get("suggestion.category_service_levels")) == {"面包": 90, "乳品": 99}
    with pytest.raises(ValidationError, match="“面包 九十”应写成 品类=百分比"):
        shop_settings.set_value(owner, "suggestion.category_service_levels", "面包 九十")
    with pytest.raises(ValidationError, match="应在 50% 到 99.9% 之间"):
        shop_settings.set_value(owner, "suggestion.category_service_levels", "面包=100")
    with pytest.raises(ValidationError, match="应在 50% 到 99.9% 之间"):
        shop_settings.set_value(owner, "suggestion.service_level", "30")
    assert shop_settings.get("suggestion.category_service_levels") == "面包=90, 乳品:99%"  # full width made plain

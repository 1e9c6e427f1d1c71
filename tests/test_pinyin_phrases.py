"""The search key's pinyin with the small phrase dictionary (issue 15: 44 MB less in every process that saves
a product) reads exactly as pypinyin's full dictionary does: every one of its 47,000 phrases, the demo
shop's products and the group-order messages, each read in a fresh process of its own."""
from __future__ import annotations

import re
from pathlib import Path

from services.catalog.search_key import build_search_key
from services.demo.catalog import demo_products
from tools.pinyin_phrases import all_phrases, readings

DATA = Path(__file__).parent / "data"


def shop_texts() -> list[str]:
    """The demo's product names and categories, and the Chinese runs of the group-order messages."""
    texts = {text for product in demo_products(420, 1) for text in (product.name, product.category)}
    for name in ("group_order_messages.json", "group_order_catalogue.json"):
        texts |= set(re.findall(r"[\u3400-\u9fff]+", (DATA / name).read_text(encoding="utf-8")))
    return sorted(texts)


def test_every_phrase_and_shop_name_reads_as_with_the_full_dictionary():
    texts = sorted(set(all_phrases()) | set(shop_texts()))
    full, small = readings(texts, small=False), readings(texts, small=True)
    assert len(texts) > 47_000
    assert {t: small[t] for t in texts if small[t] != full[t]} == {}


def test_a_product_saved_gets_the_phrase_readings_of_its_name():
    """重庆 is chong qing and 银行 yin hang, not their first readings zhong and xing, 长城 chang cheng."""
    key = build_search_key("重庆小面", spec="银行卡价", category="长城葡萄酒")
    assert key.split() == ["重庆小面", "cqxm", "chongqingxiaomian", "银行卡价", "长城葡萄酒", "ccptj"]


def test_pinyin_phrases_is_what_the_tool_writes_from_the_installed_pypinyin():
    import pypinyin

    from services.catalog.pinyin_phrases import PHRASES
    from tools.pinyin_phrases import TARGET

    assert f"pypinyin {pypinyin.__version__}" in TARGET.read_text(encoding="utf-8")
    kept = [line.partition(" ")[0] for line in PHRASES.split("\n") if line]
    assert "银行" in kept and "重庆" in kept and "葡萄酒" not in kept
    assert kept == sorted(kept) and len(kept) < len(all_phrases()) // 10

"""What customers call fresh food versus what shops write on the label (plain data).

A word maps to the label words it may stand for; several targets mean the customer's word is
wider than any one product (牛肉 is 牛腱子 or 牛腩, not only 酱牛肉), so the parser asks.
"""
from __future__ import annotations

SYNONYMS: dict[str, tuple[str, ...]] = {
    "排骨": ("肋排",),
    "番茄": ("西红柿",),
    "小番茄": ("圣女果",),
    "小西红柿": ("圣女果",),
    "马铃薯": ("土豆",),
    "洋芋": ("土豆",),
    "红薯": ("烟薯",),
    "地瓜": ("烟薯",),
    "芫荽": ("香菜",),
    "包菜": ("卷心菜",),
    "圆白菜": ("卷心菜",),
    "青菜": ("上海青", "小白菜"),
    "蒜头": ("大蒜",),
    "橙子": ("脐橙",),
    "橘子": ("橘",),
    "桃子": ("桃",),
    "梨子": ("梨",),
    "提子": ("提",),
    "凤爪": ("鸡爪",),
    "猪脚": ("猪蹄",),
    "辣椒": ("青椒", "螺丝椒", "小米辣", "辣椒"),
    "花蛤": ("花甲",),
    "蛤蜊": ("花甲",),
    "牛肉": ("牛腱子", "牛腩", "牛肉"),
    "猪肉": ("五花肉", "猪里脊", "猪前腿肉"),
    "鸡腿": ("琵琶腿", "鸡腿"),
    "饺子": ("水饺", "饺子"),
    "牛奶": ("鲜牛奶", "鲜奶"),
    "鲜奶": ("鲜牛奶",),
    "芒果": ("台芒", "凯特芒"),
    "柚子": ("蜜柚",),
}

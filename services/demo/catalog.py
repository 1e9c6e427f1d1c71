"""The demo fresh-food store's catalogue: what 鲜邻优选 sells, as plain data.

Each row is `name | shelf-life days | buyers per day | packs | tags`; a pack is
`spec, unit, price[, units per 箱]`. Unit 斤 means the item is weighed (decimal
quantities); a spec written `=NAME spec` renames the product (西芹 on 芹菜).
Buyers per day are for a store of about 420 SKUs and 120 customers.
Live fish, shrimp and clams swim in the tank for days (the ones that die are the evening round's loss);
they are marked fragile. Hot-pot rolls and shrimp meat come frozen (冷冻) and keep for months in the freezer.
Tags steer the simulation: group (a WeChat-group favourite), morning, evening, weekend,
wed_pm (spinach peaks on Wednesday afternoon), fragile (damaged often).
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from decimal import Decimal

from services.catalog.barcodes import with_check_digit

CATALOGUE: dict[str, str] = {
    "蔬菜": """
菠菜 | 3 | 12 | 500g/袋,袋,4.50; 散装,斤,3.80 | wed_pm fragile
小白菜 | 3 | 7 | 500g/袋,袋,2.90; 散装,斤,2.50 | fragile
上海青 | 4 | 7 | 500g/袋,袋,3.20; 散装,斤,2.80
油麦菜 | 3 | 5 | 400g/袋,袋,3.50 | fragile
生菜 | 5 | 5 | 约400g/颗,颗,3.50; =罗马生菜 300g/袋,袋,5.80
西兰花 | 6 | 8 | 约400g/颗,颗,5.90
有机花菜 | 6 | 4 | 约600g/颗,颗,6.50
芹菜 | 6 | 6 | 500g/把,把,3.90; =西芹 散装,斤,4.20
韭菜 | 3 | 5 | 300g/把,把,3.50 | fragile
香菜 | 4 | 6 | 100g/把,把,1.80
小葱 | 5 | 8 | 100g/把,把,1.50
山东大葱 | 10 | 3 | 散装,斤,2.80
蒜苗 | 5 | 3 | 250g/把,把,3.80
大白菜 | 10 | 5 | 散装,斤,1.20
娃娃菜 | 7 | 6 | 3颗/袋,袋,6.80
卷心菜 | 10 | 4 | 约1kg/颗,颗,4.50
紫甘蓝 | 10 | 2 | 约800g/个,个,5.50
长茄子 | 6 | 4 | 散装,斤,3.60
青椒 | 7 | 6 | 散装,斤,3.80
红彩椒 | 7 | 3 | 2个/盒,盒,6.90
螺丝椒 | 7 | 3 | 散装,斤,4.50
小米辣 | 7 | 4 | 100g/盒,盒,2.90
西红柿 | 7 | 12 | 散装,斤,3.80; =普罗旺斯西红柿 500g/盒,盒,7.90 | fragile
黄瓜 | 6 | 10 | 散装,斤,3.20; =水果黄瓜 500g/盒,盒,5.90
苦瓜 | 6 | 3 | 散装,斤,4.50
丝瓜 | 5 | 3 | 散装,斤,4.80
冬瓜 | 10 | 3 | 约1kg/块,块,3.50
贝贝南瓜 | 14 | 4 | 约1kg/袋,袋,9.90 | group
西葫芦 | 7 | 4 | 散装,斤,2.80
土豆 | 14 | 10 | 散装,斤,1.80; =黄心土豆 2.5kg/袋,袋,9.90
烟薯25号 | 14 | 4 | 散装,斤,3.50
铁棍山药 | 14 | 4 | 1kg/袋,袋,15.80; =山药 散装,斤,5.80 | group
荔浦芋头 | 14 | 3 | 散装,斤,6.80
胡萝卜 | 14 | 8 | 散装,斤,2.20
白萝卜 | 12 | 5 | 散装,斤,1.50
莲藕 | 8 | 4 | 散装,斤,6.50
洋葱 | 15 | 6 | 散装,斤,2.20
生姜 | 15 | 4 | 散装,斤,8.80
大蒜 | 15 | 4 | 500g/袋,袋,5.50
豆角 | 4 | 4 | 散装,斤,5.80
四季豆 | 4 | 3 | 散装,斤,6.20
荷兰豆 | 4 | 2 | 250g/盒,盒,6.90
毛豆 | 3 | 3 | 散装,斤,5.50
甜玉米 | 5 | 5 | 2根/袋,袋,5.90
莴笋 | 6 | 3 | 散装,斤,3.20
空心菜 | 2 | 4 | 500g/袋,袋,3.90 | fragile
茼蒿 | 3 | 3 | 300g/袋,袋,3.80 | fragile
秋葵 | 5 | 2 | 250g/盒,盒,5.50
芦笋 | 5 | 2 | 250g/把,把,12.80
茭白 | 5 | 2 | 散装,斤,6.80
蒜薹 | 8 | 3 | 散装,斤,6.50
豌豆苗 | 3 | 3 | 200g/盒,盒,4.50 | fragile
黄豆芽 | 2 | 4 | 500g/袋,袋,2.50
绿豆芽 | 2 | 4 | 500g/袋,袋,2.30
菜心 | 3 | 4 | 500g/袋,袋,4.80
芥蓝 | 4 | 3 | 500g/袋,袋,5.20
木耳菜 | 2 | 2 | 300g/袋,袋,3.90
苋菜 | 2 | 2 | 300g/袋,袋,3.60
""",
    "菌菇": """
香菇 | 6 | 5 | 散装,斤,8.80; 250g/盒,盒,6.50
平菇 | 4 | 3 | 散装,斤,5.80
金针菇 | 7 | 8 | 200g/袋,袋,2.50
杏鲍菇 | 8 | 4 | 散装,斤,6.80; 2根/袋,袋,4.90
白玉菇 | 7 | 3 | 150g/盒,盒,3.90
海鲜菇 | 7 | 3 | 150g/盒,盒,3.90
蟹味菇 | 7 | 2 | 150g/盒,盒,4.20
鸡腿菇 | 4 | 2 | 散装,斤,7.80
茶树菇 | 7 | 2 | 200g/盒,盒,8.80
口蘑 | 6 | 2 | 250g/盒,盒,7.50
鲜木耳 | 7 | 2 | 200g/盒,盒,5.90
""",
    "水果": """
蓝莓 | 7 | 10 | 125g/盒,盒,15.90,12; 大果18mm+ 125g/盒,盒,19.90,12 | group weekend
草莓 | 3 | 8 | 丹东99 约400g/盒,盒,29.90; 红颜 约300g/盒,盒,22.80 | group weekend fragile
车厘子 | 10 | 3 | JJ级 2斤装,盒,89.00,5; J级 500g/盒,盒,29.90 | group weekend
红富士苹果 | 15 | 10 | 散装,斤,6.80; 4个/袋,袋,15.80
阿克苏冰糖心苹果 | 15 | 4 | 散装,斤,8.80 | group
香蕉 | 5 | 14 | 散装,斤,3.99 | fragile
赣南脐橙 | 15 | 6 | 散装,斤,5.80
砂糖橘 | 10 | 6 | 散装,斤,6.50 | group
沃柑 | 12 | 4 | 散装,斤,6.80
丑橘 | 12 | 4 | 散装,斤,9.80 | group
柠檬 | 15 | 3 | 4个/袋,袋,5.90
徐香猕猴桃 | 10 | 4 | 散装,斤,7.80; 6个/盒,盒,19.90,6
金奇异果 | 10 | 3 | 6个/盒,盒,39.90,6 | group
阳光玫瑰葡萄 | 7 | 3 | 约500g/串,串,25.80 | group weekend
巨峰葡萄 | 5 | 3 | 散装,斤,9.80 | fragile
麒麟西瓜 | 10 | 3 | 约4kg/个,个,29.80; 切块 约500g/盒,盒,6.90 | weekend
哈密瓜 | 10 | 2 | 约1.5kg/个,个,19.80
红心火龙果 | 8 | 4 | 约400g/个,个,7.90
小台芒 | 6 | 4 | 散装,斤,6.80; =凯特芒 约600g/个,个,9.90
凤梨 | 8 | 3 | 约1kg/个,个,12.80
牛油果 | 6 | 3 | 2个/盒,盒,13.90
山竹 | 6 | 2 | 500g/盒,盒,26.80 | group
金枕榴莲 | 5 | 1 | 约3kg/个,个,168.00 | group
皇冠梨 | 15 | 4 | 散装,斤,4.80
水蜜桃 | 4 | 3 | 散装,斤,9.80 | fragile
油桃 | 5 | 2 | 散装,斤,8.80
荔枝 | 3 | 3 | 500g/盒,盒,19.90 | group fragile
龙眼 | 5 | 2 | 500g/盒,盒,12.80
圣女果 | 7 | 6 | 500g/盒,盒,8.90
木瓜 | 6 | 2 | 约800g/个,个,9.80
突尼斯软籽石榴 | 15 | 2 | 约400g/个,个,6.90
红心蜜柚 | 15 | 3 | 约1.5kg/个,个,15.80
百香果 | 12 | 3 | 6个/袋,袋,9.90
青提 | 7 | 3 | 500g/盒,盒,16.80
红提 | 7 | 3 | 散装,斤,10.80
枇杷 | 4 | 2 | 500g/盒,盒,22.80 | fragile
无花果 | 3 | 2 | 6个/盒,盒,18.80 | fragile
冬枣 | 7 | 3 | 散装,斤,12.80
鲜切水果拼盘 | 1 | 5 | 约350g/盒,盒,15.90 | group
""",
    "肉禽蛋": """
五花肉 | 3 | 6 | 散装,斤,16.80; 400g/盒,盒,15.90 | evening
猪里脊 | 3 | 4 | 散装,斤,18.80 | evening
猪前腿肉 | 3 | 4 | 散装,斤,15.80 | evening
猪肋排 | 3 | 4 | 散装,斤,32.80 | evening weekend
猪蹄 | 3 | 2 | 散装,斤,19.80
猪肉馅 | 2 | 5 | 400g/盒,盒,12.90 | evening
猪大骨 | 3 | 2 | 散装,斤,9.80
牛腱子 | 4 | 2 | 散装,斤,49.80 | weekend
牛腩 | 4 | 2 | 散装,斤,45.80 | weekend
肥牛卷 | 180 | 3 | 冷冻 300g/盒,盒,29.90 | evening
羊肉卷 | 180 | 2 | 冷冻 300g/盒,盒,32.90 | evening
羊排 | 4 | 1 | 散装,斤,52.80 | weekend
鸡胸肉 | 4 | 5 | 500g/盒,盒,12.80
琵琶腿 | 4 | 3 | 1kg/袋,袋,19.80
鸡翅中 | 4 | 4 | 500g/盒,盒,24.80 | evening group
鸡爪 | 4 | 2 | 500g/盒,盒,16.80
三黄鸡 | 3 | 2 | 约1.2kg/只,只,39.80 | weekend
乌鸡 | 3 | 1 | 约1kg/只,只,45.80
鸭腿 | 4 | 2 | 2只/袋,袋,15.80
鲜鸡蛋 | 15 | 8 | 30枚/盒,盒,26.90,6; 散装,斤,5.80 | morning
土鸡蛋 | 15 | 3 | 15枚/盒,盒,22.80 | group
鸭蛋 | 15 | 1 | 10枚/盒,盒,13.80
鹌鹑蛋 | 15 | 2 | 20枚/盒,盒,8.90
""",
    "水产": """
鲈鱼 | 4 | 3 | 约600g/条,条,29.80 | evening fragile
草鱼 | 4 | 2 | 散装,斤,9.80 | evening fragile
鲫鱼 | 4 | 2 | 散装,斤,12.80 | fragile
黑鱼片 | 3 | 2 | 300g/盒,盒,19.80
带鱼段 | 4 | 3 | 400g/盒,盒,22.80
大黄花鱼 | 3 | 2 | 约500g/条,条,25.80
三文鱼刺身 | 2 | 2 | 200g/盒,盒,39.80 | group weekend
基围虾 | 3 | 3 | 散装,斤,49.80 | evening weekend fragile
青虾仁 | 180 | 2 | 冷冻 250g/盒,盒,29.80
花甲 | 3 | 2 | 散装,斤,12.80 | evening fragile
扇贝 | 2 | 1 | 6只/盒,盒,19.80
生蚝 | 2 | 1 | 6只/盒,盒,29.80 | weekend
鱿鱼 | 3 | 1 | 约300g/条,条,18.80
蛏子 | 2 | 1 | 散装,斤,22.80
海带结 | 7 | 3 | 500g/袋,袋,5.90
""",
    "乳品": """
巴氏鲜牛奶 | 7 | 10 | 950ml/瓶,瓶,15.80,12; 450ml/瓶,瓶,8.80,12 | morning group
低温鲜奶 | 5 | 4 | 200ml/袋,袋,2.50,16 | morning
A2β-酪蛋白鲜牛奶 | 7 | 2 | 780ml/瓶,瓶,22.80,12
原味酸奶 | 15 | 5 | 100g×8杯,组,13.90,6 | morning
老酸奶 | 15 | 4 | 135g/杯,杯,4.50,24
希腊酸奶 | 14 | 3 | 100g/杯,杯,6.50,24
风味发酵乳 | 15 | 2 | 1kg/桶,桶,19.90
乳酸菌饮品 | 15 | 3 | 100ml×5瓶,排,8.90,8
鲜奶油 | 10 | 1 | 250ml/盒,盒,18.80
鲜羊奶 | 7 | 1 | 200ml/瓶,瓶,6.80,12
""",
    "豆制品": """
老豆腐 | 2 | 8 | 约500g/块,块,3.50
嫩豆腐 | 3 | 6 | 400g/盒,盒,2.80
内酯豆腐 | 7 | 4 | 350g/盒,盒,2.00
豆腐皮 | 4 | 3 | 250g/袋,袋,4.50
千张 | 4 | 3 | 300g/袋,袋,4.80
五香豆干 | 7 | 3 | 200g/袋,袋,4.20
香干 | 4 | 2 | 散装,斤,8.80
鲜豆浆 | 1 | 6 | 500ml/瓶,瓶,3.50 | morning
油豆腐 | 5 | 2 | 150g/袋,袋,3.80
素鸡 | 5 | 2 | 300g/袋,袋,4.50
冻豆腐 | 10 | 2 | 400g/袋,袋,4.20
鲜腐竹 | 5 | 2 | 200g/袋,袋,5.50
""",
    "烘焙": """
原味吐司 | 4 | 5 | 400g/袋,袋,9.90 | morning
全麦吐司 | 4 | 3 | 400g/袋,袋,12.80 | morning
黄油牛角包 | 3 | 3 | 2个/袋,袋,8.80 | morning
法棍 | 1 | 2 | 约250g/根,根,8.00 | morning
手撕面包 | 5 | 3 | 400g/袋,袋,12.90 | morning
肉松面包 | 3 | 4 | 约90g/个,个,5.50 | morning
红豆面包 | 3 | 3 | 约90g/个,个,4.50 | morning
菠萝包 | 2 | 3 | 约80g/个,个,4.00 | morning
葡式蛋挞 | 2 | 3 | 4个/盒,盒,12.00 | group
奶油泡芙 | 2 | 2 | 6个/盒,盒,13.80 | fragile
戚风蛋糕 | 2 | 1 | 6寸,个,39.00 | weekend
蜂蜜蛋糕 | 7 | 3 | 8个/袋,袋,11.80
贝果 | 3 | 2 | 2个/袋,袋,10.80 | morning
毛毛虫面包 | 3 | 3 | 约100g/个,个,4.50 | morning
""",
    "熟食": """
卤鸡腿 | 2 | 3 | 约200g/个,个,8.80 | evening
酱牛肉 | 3 | 2 | 散装,斤,78.00 | evening
卤猪耳 | 2 | 2 | 散装,斤,45.80 | evening
白切鸡 | 1 | 2 | 半只,份,29.80 | evening
北京烤鸭 | 1 | 3 | 半只 约750g,份,32.00 | evening weekend
盐水鸭 | 2 | 2 | 半只,份,32.80 | evening
凉拌木耳 | 1 | 2 | 250g/盒,盒,8.80 | evening
卤蛋 | 3 | 3 | 4个/袋,袋,6.00
卤鸭脖 | 3 | 3 | 散装,斤,39.80 | evening
红烧肉 | 2 | 2 | 400g/盒,盒,32.80 | evening
烧鹅 | 1 | 1 | 半只,份,45.80 | evening weekend
夫妻肺片 | 1 | 1 | 250g/盒,盒,24.80 | evening
口水鸡 | 1 | 1 | 300g/盒,盒,22.80 | evening
""",
    "面点主食": """
手工馒头 | 3 | 5 | 6个/袋,袋,6.00 | morning
花卷 | 3 | 3 | 6个/袋,袋,6.50 | morning
鲜肉包子 | 2 | 5 | 4个/袋,袋,10.00 | morning
豆沙包 | 3 | 2 | 4个/袋,袋,8.00 | morning
红糖发糕 | 3 | 2 | 约300g/个,个,5.80
鲜肉粽子 | 4 | 2 | 2只/袋,袋,12.80
小笼包 | 2 | 2 | 12个/盒,盒,15.80 | morning
鲜肉水饺 | 2 | 3 | 500g/盒,盒,16.80 | evening
鲜面条 | 3 | 5 | 500g/袋,袋,3.50
手擀面 | 3 | 3 | 500g/袋,袋,4.50
饺子皮 | 3 | 3 | 500g/袋,袋,5.00
馄饨皮 | 3 | 2 | 250g/袋,袋,3.00
鲜湿米粉 | 5 | 2 | 400g/袋,袋,4.80
""",
    "粮油调味": """
水磨年糕 | 10 | 2 | 500g/袋,袋,6.80
现磨芝麻酱 | 15 | 1 | 200g/瓶,瓶,12.80
鲜剁辣椒 | 15 | 1 | 300g/瓶,瓶,9.80
鲜酿米酒 | 10 | 1 | 500g/盒,盒,8.80
手工辣椒油 | 15 | 2 | 200g/瓶,瓶,15.80
现做豆瓣酱 | 15 | 1 | 300g/瓶,瓶,12.80
腌雪菜 | 15 | 2 | 250g/袋,袋,4.50
""",
}

# Same item, another quality or origin: (prefix, price in % of the plain item).
VARIANTS: dict[str, tuple[tuple[str, int], ...]] = {
    "蔬菜": (("有机", 180), ("精品", 130), ("本地", 110)),
    "菌菇": (("有机", 170), ("精品", 130)),
    "水果": (("精选", 125), ("特级", 150), ("当季", 105)),
    "肉禽蛋": (("精选", 120), ("农家", 140)),
    "水产": (("鲜活", 115), ("精品", 135)),
    "乳品": (("有机", 150), ("低脂", 105)),
    "豆制品": (("有机", 160), ("手工", 130)),
    "烘焙": (("无蔗糖", 120), ("招牌", 115)),
    "熟食": (("招牌", 120), ("秘制", 125)),
    "面点主食": (("手工", 120), ("杂粮", 115)),
    "粮油调味": (("手工", 130), ("有机", 160)),
}
ORIGINS = ("山东", "云南", "海南", "东北", "四川", "广东", "福建", "浙江", "江苏", "新疆", "甘肃", "河北",
           "湖南", "广西", "宁夏", "内蒙古", "贵州", "陕西", "江西", "安徽")

UNITS_PER_BUYER = 0.4  # units a day per catalogue buyer at the counter (simulation.py's scale, groups aside)
OWN_FLOOR_SHELF_LIFE, FLOOR_DAYS = 10, 5  # a safety stock of 5 days' sales on goods that keep 10 days or more
DEAR = Decimal(30)  # yuan a unit: a perishable this dear gets a safety stock of one unit
PACK_SHARE, VARIANT_SHARE = 0.5, 0.3  # another pack / quality / origin sells this share of the plain item
# buyers × share × selling days (shelf life + 1) a product needs to be listed: about 3 units of a plain
# item sell before its lot expires, about 5 of another pack, quality or origin (with 2 units a lot, a half
# roast duck that keeps a day threw a fifth away at the deli's 80 % level and still turned a tenth away)
MIN_BUYERS_PER_LIFE, MIN_BUYERS_PER_LIFE_OTHER = 7, 12

# The products every demo store has, whatever its size (the article's examples).
FEATURED = ("菠菜", "蓝莓", "草莓", "车厘子", "铁棍山药", "鲜鸡蛋", "巴氏鲜牛奶", "老豆腐", "香蕉", "西红柿")

# Where each category stands in the shop (货架 / 冷柜 codes) and who delivers it.
SHELVES: dict[str, tuple[str, ...]] = {
    "蔬菜": ("A1", "A2", "A3"), "菌菇": ("A4",), "水果": ("B1", "B2", "B3"), "肉禽蛋": ("C1",),
    "水产": ("C2",), "乳品": ("D1",), "豆制品": ("D2",), "烘焙": ("E1",), "熟食": ("E2",),
    "面点主食": ("E3",), "粮油调味": ("F1",),
}
SHELF_NAMES = {"A": "货架", "B": "货架", "C": "冷柜", "D": "冷藏柜", "E": "货架", "F": "货架"}

MARGIN_PCT = {"蔬菜": (62, 72), "菌菇": (62, 72), "水果": (60, 72), "肉禽蛋": (72, 82), "水产": (68, 78),
              "乳品": (72, 80), "豆制品": (60, 70), "烘焙": (55, 65), "熟食": (55, 65), "面点主食": (55, 65),
              "粮油调味": (65, 75)}


@dataclass(frozen=True)
class DemoProduct:
    index: int
    name: str
    spec: str
    category: str
    unit: str
    weighed: bool  # sold by weight (斤), quantities with a decimal
    shelf_life: int
    cost: Decimal
    price: Decimal
    box: int  # base units per 箱, 0 = no box unit
    barcode: str
    box_barcode: str
    shelf: str
    buyers: float  # expected buyers per day in a 420-SKU store (a rate, not a quantity)
    tags: frozenset[str]

    @property
    def case_sells_in_time(self) -> bool:
        """Does a case sell within half the shelf life? Else the distributor brings single bottles: a
        16-bag case of milk that keeps 5 days is not what a shop selling two a day buys."""
        return 0 < self.box <= self.buyers * UNITS_PER_BUYER * self.shelf_life / 2

    @property
    def safety_stock(self) -> Decimal:
        """The owner's own floor: on goods that keep, FLOOR_DAYS of counter sales (at least 3 units); on dear
        perishables (DEAR a unit or more) one unit — she would rather sell out of durians than throw one away;
        none on the rest, whose safety the suggestions size from the category's service level. A set floor
        replaces that computed line: one day's sales grown by the loss rate kept three roast ducks on a shelf
        that sells one a day, and left a slow yam that keeps 14 days with a floor of 1 (lost a third of its
        sales); the fruit's 99 % level kept four 116-yuan durians for one sold a day (a third expired)."""
        if self.shelf_life < OWN_FLOOR_SHELF_LIFE:
            return Decimal(1) if self.price >= DEAR else Decimal(0)
        return Decimal(max(3, math.ceil(self.buyers * UNITS_PER_BUYER * FLOOR_DAYS)))


@dataclass(frozen=True)
class _Item:
    category: str
    name: str
    shelf_life: int
    buyers: int
    packs: tuple[tuple[str, str, str, int], ...]  # spec, unit, price, box
    tags: frozenset[str]


def _parse() -> list[_Item]:
    items = []
    for category, block in CATALOGUE.items():
        for row in block.strip().splitlines():
            cells = [c.strip() for c in row.split("|")]
            name, shelf, buyers, packs = cells[:4]
            tags = frozenset(cells[4].split()) if len(cells) > 4 else frozenset()
            parsed = []
            for pack in packs.split(";"):
                spec, unit, price, *box = [p.strip() for p in pack.split(",")]
                parsed.append((spec, unit, price, int(box[0]) if box else 0))
            items.append(_Item(category, name, int(shelf), int(buyers), tuple(parsed), tags))
    return items


ITEMS = _parse()


def _split_spec(name: str, spec: str) -> tuple[str, str]:
    """A pack written '=罗马生菜 300g/袋' is its own product name; any other spec stays a spec."""
    if spec.startswith("="):
        own, rest = spec[1:].split(" ", 1)
        return own, rest
    return name, spec


def _sells_in_time(item: _Item, share: float = 1.0) -> bool:
    """Would a shop list this item, pack or variant? Only if enough of it sells before a lot expires:
    nobody stocks a half roast goose that sells every other day and keeps one (it would mostly go to the
    bin), nor a premium version of anything that sells a few a week and keeps three days."""
    least = MIN_BUYERS_PER_LIFE if share == 1.0 else MIN_BUYERS_PER_LIFE_OTHER
    return (item.name in FEATURED and share == 1.0) or item.buyers * share * (item.shelf_life + 1) >= least


def _candidates(rng: random.Random) -> list[tuple[_Item, int, str, int]]:
    """(item, pack number, name prefix, price %) in the order products are taken."""
    order = [it for it in ITEMS if _sells_in_time(it)]
    rng.shuffle(order)
    order.sort(key=lambda it: 0 if it.name in FEATURED else 1)  # stable: featured first, rest shuffled
    by_category: dict[str, list[_Item]] = {}
    for item in order:
        by_category.setdefault(item.category, []).append(item)
    firsts: list[_Item] = [it for it in order if it.name in FEATURED]
    rest = {c: [it for it in items if it.name not in FEATURED] for c, items in by_category.items()}
    while any(rest.values()):  # round-robin over categories so a small store has every category
        for category in CATALOGUE:
            if rest.get(category):
                firsts.append(rest[category].pop(0))
    out = [(it, 0, "", 100) for it in firsts]
    out += [(it, p, "", 100) for it in firsts for p in range(1, len(it.packs)) if _sells_in_time(it, PACK_SHARE)]
    variants = [(it, 0, prefix, pct) for it in firsts for prefix, pct in VARIANTS[it.category]
                if prefix not in it.name and _sells_in_time(it, VARIANT_SHARE)]
    rng.shuffle(variants)
    out += variants
    origins = [(it, 0, origin, 100 + 5 * (n % 5)) for n, origin in enumerate(ORIGINS) for it in firsts
               if _sells_in_time(it, VARIANT_SHARE)]
    out += origins
    return out


def _price(base: str, pct: int, rng: random.Random) -> int:
    """Price in fen, near the list price, ending in 0 fen (8.80, 12.90)."""
    fen = int(Decimal(base) * 100) * pct // 100
    fen = fen * (100 + rng.randint(-6, 6)) // 100
    return max(50, fen - fen % 10)


def demo_products(count: int, seed: int) -> list[DemoProduct]:
    """`count` products, the same for the same seed: names, specs, prices, EAN-13 barcodes."""
    rng = random.Random(f"xiaopu-demo-catalogue:{seed}")
    candidates = _candidates(rng)
    used_codes: set[str] = set()
    used_names: set[tuple[str, str]] = set()

    def ean13() -> str:
        while True:
            code = with_check_digit("69" + "".join(str(rng.randint(0, 9)) for _ in range(10)))
            if code not in used_codes:
                used_codes.add(code)
                return code

    products: list[DemoProduct] = []
    round_no = 0
    while len(products) < count:
        for item, pack_no, prefix, pct in candidates:
            if len(products) >= count:
                break
            spec, unit, base_price, box = item.packs[pack_no]
            name, spec = _split_spec(item.name, spec)
            name = f"{prefix}{name}" + (f"·{round_no + 1}号" if round_no else "")
            if (name, spec) in used_names:
                continue
            used_names.add((name, spec))
            price_fen = _price(base_price, pct, rng)
            low, high = MARGIN_PCT[item.category]
            cost_fen = price_fen * rng.randint(low, high) // 100
            share = 1.0 if pack_no == 0 and not prefix else (PACK_SHARE if not prefix else VARIANT_SHARE)
            shelves = SHELVES[item.category]
            products.append(DemoProduct(
                index=len(products), name=name, spec=spec, category=item.category, unit=unit,
                weighed=unit == "斤", shelf_life=item.shelf_life,
                cost=Decimal(cost_fen) / 100, price=Decimal(price_fen) / 100, box=box,
                barcode=ean13(), box_barcode=ean13() if box else "",
                shelf=shelves[len(products) % len(shelves)], buyers=item.buyers * share, tags=item.tags,
            ))
        round_no += 1
    return products


def shelf_locations() -> list[tuple[str, str]]:
    """(code, name) of every shelf the demo store uses, e.g. ('A1', '货架 A1')."""
    codes = sorted({code for codes in SHELVES.values() for code in codes})
    return [(code, f"{SHELF_NAMES[code[0]]} {code}") for code in codes]

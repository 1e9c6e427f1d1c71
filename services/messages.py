"""User-facing texts of the service layer, Chinese first, English selectable.

The UI translates its own widgets with Qt's translator; services are plain Python and
raise errors whose text comes from here, in the language chosen in settings.
"""
from __future__ import annotations

LANGUAGES = ("zh_CN", "en")
_language = "zh_CN"

MESSAGES: dict[str, tuple[str, str]] = {
    # database
    "db.bad_url": ("不支持的数据库地址:{url}", "Unsupported database address: {url}"),
    "db.missing": ("数据库文件夹不存在:{path}", "The database folder does not exist: {path}"),
    "db.network": (
        "数据库文件在网络共享上:{path}。多台电脑共用请改用 PostgreSQL,网络共享会损坏 SQLite 文件。",
        "The database file is on a network share: {path}. Use PostgreSQL for several PCs; "
        "a shared SQLite file gets corrupted.",
    ),
    "db.readonly": ("数据库文件是只读的,无法写入:{path}", "The database file is read-only: {path}"),
    "db.locked": ("数据库正被其他程序占用,请稍后再试:{path}", "The database is locked by another program: {path}"),
    "db.not_database": ("无法打开数据库 {path}:{error}", "Cannot open the database {path}: {error}"),
    "db.newer": (
        "数据库版本 {found} 比本程序({known})新,请升级小铺。",
        "The database version {found} is newer than this program ({known}); please upgrade Xiaopu.",
    ),
    "db.in_use": (
        "另一个小铺窗口已经打开了这个数据库:{path}",
        "Another Xiaopu window already has this database open: {path}",
    ),
    # validation
    "value.required": ("{field}不能为空", "{field} is required"),
    "value.not_number": ("{field}“{value}”不是数字", "{field} '{value}' is not a number"),
    "value.negative": ("{field}不能为负数:{value}", "{field} cannot be negative: {value}"),
    "value.not_positive": ("{field}必须大于 0:{value}", "{field} must be greater than 0: {value}"),
    "value.too_precise": ("{field}最多 {places} 位小数:{value}", "{field} allows at most {places} decimals: {value}"),
    "value.not_integer": ("{field}必须是整数:{value}", "{field} must be a whole number: {value}"),
    "value.bad_date": ("{field}“{value}”不是日期(例如 2026-11-22)", "{field} '{value}' is not a date (e.g. 2026-11-22)"),
    "barcode.bad_check": (
        "条码 {code} 校验位错误(应为 {expected}),请核对是否输错",
        "Barcode {code} has a wrong check digit (should be {expected}); please check for a typo",
    ),
    "barcode.bad_chars": ("条码 {code} 含有不允许的字符", "Barcode {code} contains characters that are not allowed"),
    "barcode.duplicate": ("条码 {code} 已属于商品 {owner}", "Barcode {code} already belongs to {owner}"),
    "barcode.unknown": ("未知条码:{code}", "Unknown barcode: {code}"),
    "sku.duplicate": ("SKU 编码 {sku} 已存在", "SKU {sku} already exists"),
    "unit.bad": ("单位“{unit}”不属于商品 {product}", "Unit '{unit}' does not belong to {product}"),
    "unit.duplicate": ("单位“{unit}”重复", "Unit '{unit}' is listed twice"),
    "unit.base_factor": ("基本单位“{unit}”不能作为附加单位", "The base unit '{unit}' cannot be an extra unit"),
    "product.not_found": ("找不到商品:{ref}", "Product not found: {ref}"),
    "location.not_found": ("找不到库位:{ref}", "Location not found: {ref}"),
    "location.duplicate": ("库位编码 {code} 已存在", "Location code {code} already exists"),
    "location.bad_kind": ("库位类型无效:{kind}", "Invalid location kind: {kind}"),
    "lot.not_found": ("找不到批次:{ref}", "Lot not found: {ref}"),
    "lot.wrong_product": ("批次 {lot} 不属于商品 {product}", "Lot {lot} does not belong to {product}"),
    # users
    "user.not_found": ("找不到用户:{name}", "User not found: {name}"),
    "user.duplicate": ("用户名 {name} 已存在", "User name {name} already exists"),
    "user.bad_role": ("角色无效:{role}", "Invalid role: {role}"),
    "user.bad_login": ("用户名或密码错误", "Wrong user name or password"),
    "user.inactive": ("用户 {name} 已停用", "User {name} is disabled"),
    "user.short_password": ("密码至少 6 位", "The password needs at least 6 characters"),
    "user.password_mismatch": ("两次输入的密码不一致", "The two passwords differ"),
    "user.last_owner": ("至少要保留一个店主账号", "At least one owner account must remain"),
    "permission.denied": (
        "{user}({role})无权执行:{action}",
        "{user} ({role}) is not allowed to: {action}",
    ),
    # ledger
    "doc.empty": ("单据没有任何明细行", "The document has no lines"),
    "doc.same_location": ("第 {line} 行:来源和目标库位相同", "Line {line}: source and target location are the same"),
    "doc.not_found": ("找不到单据:{ref}", "Document not found: {ref}"),
    "doc.already_reversed": ("单据 {number} 已经冲销过", "Document {number} has already been reversed"),
    "doc.owned": (
        "单据 {number} 由收货单 {owner} 生成,不能直接冲销;收货有误请做采购退货",
        "Document {number} was posted by {owner}; correct it there (a purchase return), not by a reversal",
    ),
    "doc.is_reversal": ("冲销单 {number} 不能再冲销", "Reversal {number} cannot be reversed again"),
    "doc.closed_period": (
        "单据日期 {date} 在已结账期间内(截至 {closed}),不能记账",
        "Document date {date} falls in a closed period (through {closed})",
    ),
    "period.backwards": ("结账日期不能早于上次结账日 {closed}", "The closing date cannot be before the last one, {closed}"),
    "stock.negative": (
        "库存不足:{product}{lot} 在 {location} 现有 {on_hand},本单需要 {needed}",
        "Not enough stock: {product}{lot} at {location} has {on_hand}, this document needs {needed}",
    ),
    "stock.not_available": (
        "可用库存不足:{product} 在 {location} 可用 {available},需要 {needed}",
        "Not enough available stock: {product} at {location} has {available} available, needs {needed}",
    ),
    "stock.expired": (
        "批次 {lot}({product})已于 {expiry} 过期,不能出库;店主可填写原因后强制出库",
        "Lot {lot} of {product} expired on {expiry}; an owner may override with a reason",
    ),
    "stock.override_reason": ("强制出库过期批次必须填写原因", "Overriding an expired lot needs a reason"),
    "reservation.not_found": ("找不到预占:{ref}", "Reservation not found: {ref}"),
    # group orders (社群订单)
    "order.reason.no_product": ("没有找到这个商品", "no product matches these words"),
    "order.reason.no_usual": (
        "不知道这位顾客的老规矩:没有以往的订单,请问顾客要什么",
        "this customer's usual order is not known (no earlier orders); ask the customer",
    ),
    "order.reason.no_product_for_qty": ("只有数量,没有说是什么商品", "a quantity without a product"),
    "order.note.qty_assumed": ("没写数量,按 1{unit} 计", "no quantity given; 1 {unit} assumed"),
    "order.note.converted": ("{said} = {qty}{unit}", "{said} = {qty} {unit}"),
    "order.note.similar_unit": ("顾客写的是“{said}”,按“{unit}”计", "the customer wrote '{said}'; counted as '{unit}'"),
    "order.note.unit_not_sold": ("这些商品都不按“{unit}”卖", "none of these products is sold by '{unit}'"),
    "order.note.hint_missing": ("没有与“{hint}”相符的商品", "no product matches '{hint}'"),
    "order.note.usual": ("老规矩(顾客平时的订单)", "usual order (what the customer usually buys)"),
    "order.note.request": ("顾客要求:{request}", "the customer asks: {request}"),
    "order.reason.note": ("备注:时间、地址或取货方式", "a note: time, address or pick-up"),
    "order.empty": ("消息是空的,没有可以解析的内容", "The message is empty; there is nothing to parse"),
    "order.nothing": ("没有识别出任何商品,请人工处理", "No product was recognised; please handle this message by hand"),
    "order.columns": ("序号|SKU|商品|数量|单位|把握|原文", "#|SKU|product|qty|unit|confidence|source"),
    "order.summary": ("识别出 {lines} 行,其中 {asks} 行需要选择商品", "{lines} lines understood, {asks} need a product choice"),
    "order.choose": ("请选择", "choose"),
    "order.unparsed": ("未识别:{text}({reason})", "Not understood: {text} ({reason})"),
    "alias.bad": (
        "别名“{alias}”不能用:不能只有数字,最多 {limit} 个字",
        "Alias '{alias}' cannot be used: it must not be only digits and at most {limit} characters",
    ),
    # import / export
    "import.not_excel": ("{file} 不是有效的 Excel(.xlsx)文件", "{file} is not a valid Excel (.xlsx) file"),
    "import.too_big": ("{file} 太大(超过 {limit} 行或解压后过大)", "{file} is too big (over {limit} rows or too large unpacked)"),
    "import.formula": ("单元格 {cell} 含公式,请粘贴为数值", "Cell {cell} contains a formula; paste values instead"),
    "import.duplicate_in_file": ("与第 {row} 行重复:{value}", "Duplicates row {row}: {value}"),
    "import.failed": (
        "导入失败:{count} 行有错误,未导入任何数据。错误说明见 {errors_file}",
        "Import failed: {count} rows have errors, nothing was imported. See {errors_file}",
    ),
    "import.done": ("已导入 {created} 个新商品,更新 {updated} 个", "Imported {created} new products, updated {updated}"),
    "import.stock_done": ("期初库存已入账:单据 {number},{lines} 行", "Opening stock posted: document {number}, {lines} lines"),
    "import.empty": ("{file} 里没有数据行", "{file} has no data rows"),
    "import.file_missing": ("找不到文件:{file}", "File not found: {file}"),
    "import.xls": (
        "{file} 是旧版 .xls 格式,请在 Excel 里另存为 .xlsx 后再导入",
        "{file} is an old .xls file; save it as .xlsx in Excel and import again",
    ),
    "import.no_header_cols": (
        "{file} 前 {rows} 行里找不到表头(需要这些列:{columns})",
        "{file} has no header row in its first {rows} rows (needed columns: {columns})",
    ),
    "import.duplicate_column": (
        "表头里“{column}”出现了两次(第 {first} 列和第 {second} 列)",
        "The header has '{column}' twice (columns {first} and {second})",
    ),
    "import.not_shelf": ("{field}“{code}”是虚拟库位({kind}),不是仓库或货架", "{field} '{code}' is a virtual location ({kind}), not a warehouse or shelf"),
    "import.barcode_owners": ("这一行的条码属于不同的商品:{owners}", "The barcodes on this row belong to different products: {owners}"),
    "import.sku_barcode_mismatch": ("SKU {sku} 与条码 {code} 不是同一个商品", "SKU {sku} and barcode {code} are different products"),
    "import.lot_conflict": ("批次 {lot} 的到期日是 {expiry},与本行的到期日不一致", "Lot {lot} expires on {expiry}, not on this row's date"),
    "import.stock_already": (
        "这份期初库存已经入账过(单据 {number}),没有重复入账",
        "This opening stock was already posted (document {number}); nothing was posted twice",
    ),
    "import.unchanged": (",{count} 个没有变化", ", {count} unchanged"),
    "import.cannot_read": (
        "无法读取 {file}:{error}(文件是否正在其他程序中打开?)",
        "Cannot read {file}: {error} (is it open in another program?)",
    ),
    "import.barcode_exponent": (
        "条码“{value}”是科学计数法,后几位数字已经丢失:请把条码列设为“文本”格式后重新输入",
        "Barcode '{value}' is in scientific notation and has lost its last digits; "
        "format the column as Text and type the codes again",
    ),
    "import.row_error": ("第 {row} 行:{error}", "Row {row}: {error}"),
    "import.more_errors": ("……另有 {count} 行有错误", "... and {count} more rows with errors"),
    "export.cannot_write": ("无法写入 {file}:{error}", "Cannot write {file}: {error}"),
    # channels (渠道): one stock pool, platform files, channel-order import, low stock
    "channel.not_found": ("找不到渠道:{ref}", "Channel not found: {ref}"),
    "channel.duplicate": ("渠道编码 {code} 已存在", "Channel code {code} already exists"),
    "channel.bad_code": ("渠道编码只能用大写字母、数字、_ 或 -(最多 20 个):{code}",
                         "A channel code is letters, digits, _ or - (at most 20): {code}"),
    "channel.builtin": ("内置渠道 {name} 不能停用(可以改名)", "The built-in channel {name} cannot be disabled (rename it instead)"),
    "channel.inactive": ("渠道 {name} 已停用", "Channel {name} is disabled"),
    "channel.bad_file_type": ("{file}:只支持 .xlsx 或 .csv 文件", "{file}: only .xlsx or .csv files are supported"),
    "channel.exported": ("已导出 {count} 个商品的可售库存({channel}):{file}",
                         "Exported the sellable stock of {count} products ({channel}): {file}"),
    "import.not_csv": ("{file} 不是可读的 CSV 文本文件(支持 UTF-8 或 GBK 编码)",
                       "{file} is not a readable CSV text file (UTF-8 or GBK)"),
    "chorder.bad_paid": ("{field}“{value}”看不懂:请写 已支付 或 未支付", "{field} '{value}' is not understood: write paid or unpaid"),
    "chorder.paid_conflict": ("订单 {order} 的支付状态与第 {row} 行不一致", "Order {order}: the payment status differs from row {row}"),
    "chorder.already_different": (
        "订单号 {order} 已导入为销售单 {number},但这次的商品或数量不同;请核对后在销售单里处理",
        "Order {order} was already imported as {number} with other products or quantities; check it in that order",
    ),
    "chorder.short": ("可售库存不足:{product} 可售 {available},本文件共需要 {needed}",
                      "Not enough sellable stock: {product} has {available}, this file needs {needed}"),
    "chorder.cannot_create": ("订单 {order} 无法建立:{error}", "Order {order} cannot be created: {error}"),
    "chorder.customer_note": ("顾客:{customer}", "customer: {customer}"),
    "chorder.done": ("已导入 {created} 个{channel}订单", "Imported {created} {channel} orders"),
    "chorder.skipped": (";{count} 个订单之前已导入,未重复建立", "; {count} orders had been imported before and were not created again"),
    "chorder.nothing_new": ("这份文件的 {count} 个订单都已导入过,没有新建任何订单",
                            "All {count} orders in this file had been imported before; nothing new was created"),
    "low.none": ("没有低于安全库存的商品", "No product is below its safety stock"),
    "low.line": ("{sku} {name}:可售 {available}{unit},安全库存 {safety},在途 {on_order},缺 {shortfall}",
                 "{sku} {name}: {available} {unit} sellable, safety stock {safety}, on order {on_order}, short {shortfall}"),
    "low.drafted": ("已生成采购草稿:{numbers}", "Draft purchase orders: {numbers}"),
    "low.reorder": ("{name} 没有可下单的供应商资料({problem}),已列入补货清单:{quantity}{unit}",
                    "{name} has no supplier data to order from ({problem}); on the reorder list: {quantity} {unit}"),
    "low.covered": ("{name} 在途 {on_order}{unit} 已够补到安全库存,没有再下单",
                    "{name}: {on_order} {unit} on order already covers the safety stock; not ordered again"),
    # demo
    "demo.not_empty": (
        "数据库里已经有商品或单据,演示数据只生成在新的空数据库里(例如 --db 演示.sqlite3)",
        "The database already holds products or documents; demo data goes into a new, empty database "
        "(e.g. --db demo.sqlite3)",
    ),
    "demo.other_run": (
        "这个数据库已有另一份演示数据(种子 {seed},{products} 个商品,{days} 天),请用同样的参数或换一个数据库",
        "This database holds another demo run (seed {seed}, {products} products, {days} days); "
        "use the same options or another database",
    ),
    # purchasing: suppliers
    "supplier.not_found": ("找不到供应商:{ref}", "Supplier not found: {ref}"),
    "supplier.duplicate_code": ("供应商编码 {code} 已存在", "Supplier code {code} already exists"),
    "supplier.inactive": ("供应商 {supplier} 已停用", "Supplier {supplier} is disabled"),
    "supplier.bad_weekdays": (
        "{field}“{value}”看不懂:请写 一三五、周一至周五、每天 或 1,3,5",
        "{field} '{value}' is not understood: write 1,3,5 or 1-5 (Monday = 1) or 每天",
    ),
    "supplier.no_lead_time": (
        "供应商 {supplier} 没有填写送货周期(天数),请先在供应商资料里补上",
        "Supplier {supplier} has no lead time (days); please fill it in first",
    ),
    "supplier.no_delivery_day": (
        "供应商 {supplier} 在 {days} 天内没有可送货的日子(送货日:{weekdays})",
        "Supplier {supplier} cannot deliver on any day within {days} days (delivery days: {weekdays})",
    ),
    "supplier.name_ambiguous": (
        "有 {count} 个供应商都叫“{name}”,请填写供应商编码",
        "{count} suppliers are called '{name}'; please give the supplier code",
    ),
    "supplier.row_conflict": (
        "{field}与第 {row} 行不一致(“{value}” ≠ “{other}”)",
        "{field} differs from row {row} ('{value}' vs '{other}')",
    ),
    "supplier.import_done": (
        "已导入 {created} 个新供应商,更新 {updated} 个,供货商品 {products} 条",
        "Imported {created} new suppliers, updated {updated}, {products} supplied products",
    ),
    "supplier.bad_flag": ("{field}“{value}”请填 是 或 否", "{field} '{value}': write yes or no"),
    # purchasing: purchase orders
    "po.state.draft": ("草稿", "draft"),
    "po.state.submitted": ("待审核", "submitted"),
    "po.state.approved": ("已审核", "approved"),
    "po.state.partially_received": ("部分收货", "partially received"),
    "po.state.received": ("已收货", "received"),
    "po.state.closed": ("已关闭", "closed"),
    "po.state.cancelled": ("已作废", "cancelled"),
    "po.row": ("{number}  {date}  {supplier}  {state}  ¥{total}  {lines}行", "{number}  {date}  {supplier}  {state}  ¥{total}  {lines} lines"),
    "po.row.expected": (" 到货 {date}", " due {date}"),
    "po.row.flagged": ("  ⚠{count}行进价偏高", "  ⚠{count} lines priced above the last price"),
    "po.action.edit": ("修改", "edit"),
    "po.action.submit": ("提交", "submit"),
    "po.action.approve": ("审核", "approve"),
    "po.action.receive": ("收货", "receive"),
    "po.action.close": ("关闭", "close"),
    "po.action.cancel": ("作废", "cancel"),
    "purchase.not_found": ("找不到采购单:{ref}", "Purchase order not found: {ref}"),
    "purchase.bad_state": (
        "采购单 {number} 当前是“{state}”,不能{action}",
        "Purchase order {number} is {state}; cannot {action} it",
    ),
    "purchase.unknown_state": ("采购单状态“{state}”无效,可选:{states}", "Unknown order state '{state}'; one of: {states}"),
    "purchase.zero_price": ("第 {line} 行 {product}:进价不能为 0", "Line {line} {product}: the price cannot be 0"),
    "purchase.duplicate_line": (
        "第 {line} 行与第 {other} 行是同一商品同一单位({product} {unit}),请合并成一行",
        "Line {line} repeats line {other} ({product} {unit}); please merge them",
    ),
    "purchase.price_flag": ("比上次 {last} 高 {percent}%", "{percent}% above the last price {last}"),
    "purchase.below_minimum": (
        "供应商 {supplier} 起订金额 {minimum} 元,本单合计 {total} 元,还差 {missing} 元",
        "Supplier {supplier} needs at least {minimum} per order; this order is {total}, {missing} short",
    ),
    "purchase.own_order": (
        "采购单 {number} 是你自己创建的,不能自己审核;请店主审核",
        "You created purchase order {number}; someone else (the owner) must approve it",
    ),
    "purchase.needs_owner": (
        "采购单 {number} 合计 {total} 元,超过审批线 {threshold} 元,需要店主审核",
        "Purchase order {number} totals {total}, above the approval limit {threshold}: the owner must approve it",
    ),
    "purchase.auto_approved": (
        "合计 {total} 元未超过审批线 {threshold} 元,提交时自动审核",
        "Total {total} is within the approval limit {threshold}: approved automatically on submit",
    ),
    "purchase.supplier_mismatch": (
        "采购单 {number} 的供应商是 {other},不是 {supplier}",
        "Purchase order {number} belongs to {other}, not {supplier}",
    ),
    # purchasing: receiving
    "receipt.not_found": ("找不到收货单:{ref}", "Goods receipt not found: {ref}"),
    "receipt.not_draft": (
        "收货单 {number} 当前是“{state}”,不能再修改或确认",
        "Goods receipt {number} is {state}; it cannot be changed or confirmed",
    ),
    "receipt.state.draft": ("待确认", "draft"),
    "receipt.state.confirmed": ("已确认", "confirmed"),
    "receipt.state.cancelled": ("已作废", "cancelled"),
    "receipt.unknown_code": (
        "未知条码 {code}:请先在商品资料里登记这个条码",
        "Unknown barcode {code}: register it on the product first",
    ),
    "receipt.line_not_found": ("收货单 {number} 没有这一行({line})", "Goods receipt {number} has no line {line}"),
    "receipt.empty": ("收货单 {number} 没有任何收货数量", "Goods receipt {number} has no quantities"),
    "receipt.over_tolerance": (
        "{product}:订购 {ordered},之前已收 {before},本次 {now},超出容差 {percent}%(最多 {limit})",
        "{product}: ordered {ordered}, received before {before}, now {now}: over the {percent}% tolerance (at most {limit})",
    ),
    "receipt.not_ordered": ("{product} 不在采购单 {number} 上", "{product} is not on purchase order {number}"),
    "receipt.expired_on_arrival": (
        "{product} 批次 {lot} 到期日 {expiry} 早于收货日 {day}(到货已过期)",
        "{product} lot {lot} expires {expiry}, before the receipt date {day} (expired on arrival)",
    ),
    "receipt.needs_decision": (
        "需要店主填写原因后确认收货:{problems}",
        "The owner must confirm this receipt with a reason: {problems}",
    ),
    "receipt.needs_supplier": ("收货单要指定采购单或供应商", "A goods receipt needs a purchase order or a supplier"),
    # check / backup
    "check.ok": ("检查通过:数据库完整,{balances} 条库存与流水一致,审计链 {events} 条完好",
                 "All checks passed: database intact, {balances} balances match the ledger, {events} audit events chained"),
    "backup.done": ("备份完成并已验证:{path}", "Backup written and verified: {path}"),
    "backup.failed": ("备份验证失败:{path}:{error}", "Backup verification failed: {path}: {error}"),
    # purchase suggestions (services.suggestion_text)
    "suggest.sep": (", ", ", "),
    "suggest.weekdays": ("周一|周二|周三|周四|周五|周六|周日", "Mon|Tue|Wed|Thu|Fri|Sat|Sun"),
    "suggest.parts": ("凌晨|早上|上午|中午|下午|晚上", "night|early morning|morning|midday|afternoon|evening"),
    "suggest.today": ("今日 {time}", "today {time}"),
    "suggest.tomorrow": ("明日 {time}", "tomorrow {time}"),
    "suggest.day_after": ("后日 {time}", "the day after tomorrow {time}"),
    "suggest.on_date": ("{date}({weekday}){time}", "{weekday} {date} {time}"),
    "suggest.avg": ("近{days}天日均 {avg} {unit}", "{avg} {unit}/day over the last {days} days"),
    "suggest.no_sales": ("近{days}天没有销售", "no sales in the last {days} days"),
    "suggest.peak": ("{weekday}{part}高峰 +{percent}%", "{weekday} {part} peak +{percent}%"),
    "suggest.loss": ("损耗率 {percent}%", "loss rate {percent}%"),
    "suggest.below_safety": ("库存 {available} < 安全线 {safety}", "stock {available} < safety line {safety}"),
    "suggest.above_safety": ("库存 {available} ≥ 安全线 {safety}", "stock {available} ≥ safety line {safety}"),
    "suggest.reserved": ("(已预占 {reserved})", " ({reserved} reserved)"),
    "suggest.expired": ("另有过期 {expired} 未计", "{expired} expired, not counted"),
    "suggest.on_order": ("在途 {on_order}", "{on_order} on order"),
    "suggest.drafted": ("草稿单里已有 {drafted}(未提交,未扣减)", "{drafted} on draft orders (not sent, not counted)"),
    "suggest.wasted": ("{wasted} 将卖不完过期", "{wasted} will expire unsold"),
    "suggest.stockout": ("{when} 前断货", "out of stock by {when}"),
    "suggest.out_now": ("已断货", "out of stock now"),
    "suggest.delivery": ("下次到货 {when}", "next delivery {when}"),
    "suggest.enough": ("够卖到下下次到货 {when},暂不需要采购", "enough until the delivery after next ({when}): nothing to buy"),
    "suggest.capped": (
        "保质期 {days} 天,到货后最多卖得完 {cap} {unit}",
        "shelf life {days} days: at most {cap} {unit} can sell before it expires",
    ),
    "suggest.less_than_pack": ("不够一件({pack} {unit}),不建议进货", "less than one pack ({pack} {unit}): better not to buy"),
    "suggest.pack": ("按每件 {pack} {unit} 向上取整", "rounded up to packs of {pack} {unit}"),
    "suggest.no_supplier": (
        "没有供应商:请在供应商资料里添加供应这个商品的供应商",
        "no supplier: add a supplier for this product in the supplier records",
    ),
    "suggest.no_supplier_short": ("未指定供应商", "no supplier"),
    "suggest.no_lead_time": (
        "供应商 {supplier} 没有填写送货周期(天数),算不出建议量:请在供应商资料里补上",
        "supplier {supplier} has no lead time (days), so no quantity can be suggested: fill it in",
    ),
    "suggest.no_delivery_day": (
        "供应商 {supplier} 近一年没有可送货的日子(送货日或休息日设置有误)",
        "supplier {supplier} has no delivery day within a year (check its delivery days and closed days)",
    ),
    "suggest.line": ("{name}({sku}) 建议采购 {quantity} {unit} · {supplier} · {reason}",
                     "{name} ({sku}): buy {quantity} {unit} · {supplier} · {reason}"),
    "suggest.alert_today": ("【今日必采】{name} ≥{quantity} {unit},否则{when} 前将断货",
                            "[Order today] {name} ≥{quantity} {unit}, or out of stock by {when}"),
    "suggest.alert_too_late": ("【来不及】{name} {stockout},最早到货 {delivery}",
                               "[Too late] {name}: {stockout}; the earliest delivery is {delivery}"),
    "suggest.alert_today_no_quantity": ("【今日必采】{name} {stockout},整件超过保质期内卖得完的量,请自行决定",
                                        "[Order today] {name}: {stockout}; a whole pack is more than sells "
                                        "before it expires, your call"),
    "suggest.alert_problem": ("【缺资料】{name} {stockout};{problem}", "[Missing data] {name}: {stockout}; {problem}"),
    "suggest.nothing_picked": ("没有勾选任何要采购的行", "No lines with a quantity were ticked"),
    "suggest.draft_note": ("由采购建议生成", "made from the purchase suggestions"),
    "suggest.cannot_order": (
        "{name} 不能下单:{problem}",
        "{name} cannot be ordered: {problem}",
    ),
    # sales: customers, receivables (赊账) and statements
    "customer.not_found": ("找不到客户:{ref}", "Customer not found: {ref}"),
    "customer.duplicate_code": ("客户编码 {code} 已存在", "Customer code {code} already exists"),
    "customer.name_ambiguous": ("有 {count} 个客户都叫“{name}”,请填写客户编码",
                                "{count} customers are called '{name}'; please give the customer code"),
    "customer.bad_kind": ("{field}“{value}”无效,请填 零售 或 批发", "{field} '{value}' is invalid: retail or wholesale"),
    "customer.bad_tier": ("{field}“{value}”不存在(可选:{tiers})", "{field} '{value}' does not exist (choose: {tiers})"),
    "customer.bad_phone": (
        "{field}“{value}”不像电话号码(只能有数字、空格、-、+、括号,至少 7 位数字)",
        "{field} '{value}' is not a phone number (digits, spaces, - + and brackets, at least 7 digits)",
    ),
    "customer.walk_in_fixed": ("散客是默认的零售客户,不能设置赊账额度或停用",
                               "The walk-in customer is the default retail customer: no credit, cannot be disabled"),
    "customer.walk_in_credit": ("散客不能赊账,请先选择或新建客户", "A walk-in customer cannot buy on credit; choose a customer"),
    "customer.import_done": ("导入客户:新增 {created} 个,更新 {updated} 个",
                             "Imported customers: {created} new, {updated} updated"),
    "price.bad_tier": ("价格等级“{value}”不存在(可选:{tiers})", "Price tier '{value}' does not exist (choose: {tiers})"),
    "receivable.bad_method": ("收款方式“{value}”无效(可选:{methods})", "Payment method '{value}' is invalid ({methods})"),
    "receivable.zero": ("{field}不能为 0", "{field} cannot be 0"),
    "receivable.order_customer": ("销售单 {number} 属于客户 {other},不是 {customer}",
                                  "Sales order {number} belongs to {other}, not {customer}"),
    "receivable.already_recorded": ("销售单 {number} 已记过应收 {amount} 元,不能再记 {new} 元(更正请做调整)",
                                    "Sales order {number} already owes {amount}; it cannot be recorded again as {new} "
                                    "(make an adjustment instead)"),
    "receivable.closed_period": ("日期 {date} 在已结账期间内(截至 {closed}),不能记账",
                                 "{date} is in a closed period (closed through {closed})"),
    "statement.bad_range": ("对账起始日 {start} 晚于截止日 {end}", "The statement starts ({start}) after it ends ({end})"),
    "statement.bad_format": ("对账单只能保存为 .pdf 或 .xlsx:{file}", "A statement is saved as .pdf or .xlsx: {file}"),
    "statement.saved": ("对账单已保存:{file}(期末欠款 {closing} 元)", "Statement saved: {file} (closing balance {closing})"),
    "ageing.row": ("{code}  {name}  欠款 {balance}  未到期 {b0}  1-30天 {b1}  31-60天 {b2}  61-90天 {b3}  90天以上 {b4}",
                   "{code}  {name}  owes {balance}  not due {b0}  1-30 {b1}  31-60 {b2}  61-90 {b3}  90+ {b4}"),
    "ageing.none": ("没有未结清的应收款", "No receivables outstanding"),
}


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def language() -> str:
    return _language


def msg(key: str, **params: object) -> str:
    zh, en = MESSAGES[key]
    template = en if _language == "en" else zh
    return template.format(**params)

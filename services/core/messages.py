"""User-facing texts of the service layer, Chinese first, English selectable.

The UI translates its own widgets with Qt's translator; services are plain Python and
raise errors whose text comes from here, in the language chosen in settings.
"""
from __future__ import annotations

import re

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
    "db.value_too_large": ("数值太大,无法保存:{value}(没有保存任何内容)",
                           "The number is too large to be stored: {value} (nothing was saved)"),
    "db.readonly": ("数据库文件是只读的,无法写入:{path}。只读的文件或介质(光盘、写保护的U盘)上可以用 stock 和 check 查看;"
                    "要记账请先把它复制到可写的位置",
                    "The database file is read-only: {path}. On a read-only file or medium (a CD, a write-protected "
                    "USB disk) `stock` and `check` still work; copy it to a writable place to post anything"),
    "db.locked": ("数据库正被其他程序占用,请稍后再试:{path}", "The database is locked by another program: {path}"),
    "db.not_database": ("无法打开数据库 {path}:{error}", "Cannot open the database {path}: {error}"),
    "db.disk_full": ("磁盘已满,这一步没有保存:{path} 所在的磁盘没有空间了。已有的数据都在,没有丢失;请腾出空间(或换个磁盘)后再做一次",
                     "The disk is full, so this step was not saved: the disk of {path} has no space left. Everything "
                     "saved before is intact; free some space (or use another disk) and do it again"),
    "db.disk_full_open": ("磁盘已满,打不开数据库:{path} 所在的磁盘连它的临时文件都放不下。数据都在;请腾出空间后再打开",
                          "The disk is full, so the database cannot be opened: the disk of {path} has no room even "
                          "for its temporary files. The data is intact; free some space and open it again"),
    "db.read_only_open": ("数据库是只读打开的,这一步要写入,没有执行:{path}。要修改请先把它复制到可写的位置",
                          "The database is open read-only and this step writes, so nothing was done: {path}. "
                          "Copy it to a writable place to change anything"),
    "db.read_only_older": ("只读位置上的数据库是旧版本 {found}(本程序 {known}),只读时无法升级:请先把它复制到可写的位置,"
                           "打开时会自动升级",
                           "The read-only database has the older version {found} (this program: {known}) and cannot be "
                           "upgraded where it is: copy it to a writable place, it is upgraded when opened"),
    "db.newer": (
        "数据库版本 {found} 比本程序({known})新,请升级小铺。",
        "The database version {found} is newer than this program ({known}); please upgrade Xiaopu.",
    ),
    "db.pg_no_driver": (
        "要连接 PostgreSQL 服务器 {url},这台电脑上的小铺还缺数据库驱动:请安装带服务器支持的版本"
        "(从源码安装时:pip install -e \".[postgres]\")。",
        "Xiaopu on this PC lacks the database driver to connect to the PostgreSQL server {url}: install the build "
        "with server support (from source: pip install -e \".[postgres]\").",
    ),
    "db.pg_unreachable": (
        "连不上数据库服务器:{url}。请确认那台电脑已开机、PostgreSQL 在运行,地址和端口无误,防火墙放行了 5432 端口。",
        "Cannot reach the database server: {url}. Check that the PC is on, PostgreSQL is running, the host and "
        "port are right and the firewall lets port 5432 through.",
    ),
    "db.pg_login": (
        "数据库服务器拒绝登录:{url}。用户名或密码不对(或这个用户在服务器上不存在)。",
        "The database server refused the login: {url}. The user name or password is wrong (or the user does not "
        "exist on the server).",
    ),
    "db.pg_no_database": (
        "服务器上没有这个数据库:{url}。请先在服务器上创建它(createdb 数据库名):小铺下次打开时会把空数据库建好"
        "(命令行:init)。",
        "The server has no such database: {url}. Create it on the server first (createdb NAME): Xiaopu sets up the "
        "empty database the next time it opens (command line: init).",
    ),
    "db.pg_lost": (
        "与数据库服务器的连接断了,这张单据没有保存:服务器撤销了整张单,一行也没有记。网络恢复后重做即可。",
        "The connection to the database server was lost and this document was not saved: the server undid all "
        "of it. Do it again once the network is back.",
    ),
    "db.pg_lost_commit": (
        "与数据库服务器的连接在保存的最后一步断了:这张单据要么已经完整保存,要么完全没有保存,不会只存一半。"
        "请查看单据列表后再决定是否重做。",
        "The connection to the database server was lost while saving: this document is either saved whole or not "
        "at all, never half. Look at the document list before doing it again.",
    ),
    "db.server_ok": ("连接成功:{url}(PostgreSQL {server}),店里的数据在这台服务器上。保存后,下次启动小铺就用它。",
                     "Connected: {url} (PostgreSQL {server}) holds the shop's data. Save, and Xiaopu uses it from "
                     "the next start."),
    "db.server_empty": ("连接成功:{url}(PostgreSQL {server}),这个数据库还是空的。保存后下次启动时小铺会在里面建好"
                        "各张表;要把这台电脑上已有的数据搬过去,请先用 migrate-to(见说明书“多台电脑”)。",
                        "Connected: {url} (PostgreSQL {server}); this database is still empty. Save, and Xiaopu sets "
                        "it up at the next start; to move this PC's existing shop there, use migrate-to first (README, "
                        "'Several PCs')."),
    "db.server_older": ("连接成功:{url}(PostgreSQL {server}),数据库是旧版本 {found}(本程序 {known}),下次启动时会自动升级。",
                        "Connected: {url} (PostgreSQL {server}); the database is at version {found} (this program "
                        "{known}) and is upgraded at the next start."),
    "db.server_host_empty": ("请填写服务器地址(那台电脑的名字或 IP,例如 192.168.1.10)。",
                             "Fill in the server's address (that PC's name or IP, e.g. 192.168.1.10)."),
    "db.server_database_empty": ("请填写数据库名(例如 xiaopu)。", "Fill in the database name (e.g. xiaopu)."),
    "db.server_user_empty": ("请填写用户名。", "Fill in the user name."),
    "db.in_use": (
        "另一个小铺窗口已经打开了这个数据库:{path}",
        "Another Xiaopu window already has this database open: {path}",
    ),
    # validation
    "value.required": ("{field}不能为空", "{field} is required"),
    "value.not_number": ("{field}“{value}”不是数字", "{field} '{value}' is not a number"),
    "value.comma": ("{field}“{value}”看不懂:逗号只用来分千位(如 1,500);小数请用小数点(如 1.5)",
                    "{field} '{value}' is unclear: a comma only groups thousands (1,500); write decimals with a point "
                    "(1.5)"),
    "value.negative": ("{field}不能为负数:{value}", "{field} cannot be negative: {value}"),
    "value.not_positive": ("{field}必须大于 0:{value}", "{field} must be greater than 0: {value}"),
    "value.too_precise": ("{field}最多 {places} 位小数:{value}", "{field} allows at most {places} decimals: {value}"),
    "value.not_integer": ("{field}必须是整数:{value}", "{field} must be a whole number: {value}"),
    "value.too_large": ("{field}太大:{value}(最多 {limit})", "{field} is too large: {value} (at most {limit})"),
    "value.out_of_range": ("{field}必须是 {low}–{high} 之间的整数:{value}",
                           "{field} must be a whole number from {low} to {high}: {value}"),
    "value.bad_date": ("{field}“{value}”不是日期(例如 2026-11-22)", "{field} '{value}' is not a date (e.g. 2026-11-22)"),
    "barcode.bad_check": (
        "条码 {code} 校验位错误(应为 {expected}),请核对是否输错",
        "Barcode {code} has a wrong check digit (should be {expected}); please check for a typo",
    ),
    "barcode.bad_chars": ("条码 {code} 含有不允许的字符", "Barcode {code} contains characters that are not allowed"),
    "barcode.too_long": ("条码 {code} 太长:数字条码(GTIN)最多 {digits} 位,其他条码最多 {limit} 个字符",
                         "Barcode {code} is too long: a GTIN has at most {digits} digits, other codes at most {limit} characters"),
    "barcode.duplicate": ("条码 {code} 已属于商品 {owner}", "Barcode {code} already belongs to {owner}"),
    "barcode.unknown": ("未知条码:{code}", "Unknown barcode: {code}"),
    "gs1.malformed": (
        "条码 {code} 不是有效的 GS1 码(应用标识符、长度或日期不对),请重新扫描或手工录入",
        "Barcode {code} is not a valid GS1 code (an application identifier, length or date is wrong); "
        "scan it again or enter it by hand",
    ),
    "label.no_receipt": ("找不到已确认的收货单:{ref}", "No confirmed goods receipt: {ref}"),
    "label.layout": ("未知标签版式:{layout}", "Unknown label layout: {layout}"),
    "label.copies": ("份数必须是 1–{limit} 之间的整数", "Copies must be a whole number from 1 to {limit}"),
    "label.no_shelves": ("没有可打印的货架", "There are no shelves to print"),
    "label.too_wide": ("条码 {code} 太长,{layout} 标签放不下", "Barcode {code} is too long for a {layout} label"),
    "label.start": ("起始位置应在 1 到 {slots} 之间", "The start position must be between 1 and {slots}"),
    "sku.duplicate": ("SKU 编码 {sku} 已存在", "SKU {sku} already exists"),
    "unit.bad": ("单位“{unit}”不属于商品 {product}", "Unit '{unit}' does not belong to {product}"),
    "unit.duplicate": ("单位“{unit}”重复", "Unit '{unit}' is listed twice"),
    "unit.base_factor": ("基本单位“{unit}”不能作为附加单位", "The base unit '{unit}' cannot be an extra unit"),
    "product.not_found": ("找不到商品:{ref}", "Product not found: {ref}"),
    "product.cost_hidden": ("{user}({role})看不到进价,不能修改进价:请让店主或采购修改",
                            "{user} ({role}) cannot see cost prices and cannot change one: ask the owner or purchaser"),
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
    "user.bad_old_password": ("旧密码不正确,密码没有修改", "The old password is wrong; the password was not changed"),
    "user.owner_password_first": (
        "请先给店主账号设置密码:有账号设了密码后启动时要登录,没有密码的店主将无法登录",
        "Set the owner's password first: once an account has a password everyone must log in, "
        "and an owner without a password could not",
    ),
    "user.owner_password_at_login": (
        "还没有哪个店主账号设置了密码:请在窗口的登录框里以店主账号登录并设置密码",
        "No owner account has a password yet: log in as the owner in the window and set one there",
    ),
    "login.needs_password": (
        "这个小铺已启用登录,{name} 需要输入密码:请在终端里运行,或用 --password-stdin 从标准输入提供,"
        "或设置环境变量 {env}",
        "This shop requires a login: {name} needs a password. Run it in a terminal, pass --password-stdin "
        "or set the environment variable {env}",
    ),
    "login.no_terminal": (
        "没有终端可以输入密码:请用 --password-stdin 从标准输入提供",
        "There is no terminal to type the password: pass it on standard input with --password-stdin",
    ),
    "user.last_owner": ("至少要保留一个店主账号", "At least one owner account must remain"),
    "permission.denied": (
        "{user}({role})无权执行:{action}",
        "{user} ({role}) is not allowed to: {action}",
    ),
    # ledger
    "doc.empty": ("单据没有任何明细行", "The document has no lines"),
    "doc.same_location": ("第 {line} 行:来源和目标库位相同", "Line {line}: source and target location are the same"),
    "doc.not_found": ("找不到单据:{ref}", "Document not found: {ref}"),
    "group.message_not_found": ("找不到社群消息记录:{ref}", "Group-order message log not found: {ref}"),
    "doc.already_reversed": ("单据 {number} 已经冲销过", "Document {number} has already been reversed"),
    "doc.owned": (
        "单据 {number} 由收货单 {owner} 生成,不能直接冲销;收货有误请做采购退货",
        "Document {number} was posted by {owner}; correct it there (a purchase return), not by a reversal",
    ),
    "doc.owned_by_sale": (
        "单据 {number} 是销售单 {owner} 的出库,不能直接冲销;货物退回请做销售退货(销售 → 退货),客户账款随退货冲减",
        "Document {number} shipped sales order {owner}; take the goods back with a customer return "
        "(销售 → 退货), which also credits the customer, not by a reversal",
    ),
    "doc.is_reversal": ("冲销单 {number} 不能再冲销", "Reversal {number} cannot be reversed again"),
    "doc.closed_period": (
        "单据日期 {date} 在已结账期间内(截至 {closed}),不能记账",
        "Document date {date} falls in a closed period (through {closed})",
    ),
    "period.backwards": ("结账日期不能早于上次结账日 {closed}", "The closing date cannot be before the last one, {closed}"),
    "period.bad_month": ("月份 {month} 不对,请写成 2026-11 这样的年-月", "Month {month} is not valid; write it as 2026-11"),
    "period.already_closed": ("{month} 已经结账(截至 {closed})", "{month} is already closed (through {closed})"),
    "period.not_closed": ("{month} 没有结账,不用反结账", "{month} is not closed; there is nothing to reopen"),
    "period.closed_through": ("已结账至 {closed}", "Closed through {closed}"),
    "period.never_closed": ("还没有结过账", "No month has been closed yet"),
    "period.closed_now": ("{month} 已结账:{last} 及以前的日期不能再记账", "{month} is closed: nothing can be dated on or before {last}"),
    "period.reopened": ("{month} 已反结账,现在已结账至 {closed}", "{month} is open again; closed through {closed}"),
    "period.reopened_all": ("{month} 已反结账,现在没有已结账的月份", "{month} is open again; no month is closed now"),
    "period.nothing_open": ("{month} 没有未完成的单据", "Nothing is left open in {month}"),
    "period.open.counts": ("未过账的盘点 {n} 个:{numbers}", "{n} stocktakes not posted: {numbers}"),
    "period.open.receipts": ("未确认的收货单 {n} 张:{numbers}", "{n} goods receipts not confirmed: {numbers}"),
    "period.open.purchase_orders": ("未到齐的采购单 {n} 张:{numbers}", "{n} purchase orders not fully received: {numbers}"),
    "period.open.sales_orders": ("未出库的销售单 {n} 张:{numbers}", "{n} sales orders not shipped: {numbers}"),
    "period.open.emergencies": ("紧急出库未补单 {n} 张:{numbers}", "{n} emergency outbounds without paperwork: {numbers}"),
    "bench.waiting.receive_today": ("今日待收货 {n} 单", "{n} deliveries to receive today"),
    "bench.waiting.to_pick": ("待拣货 {n} 单", "{n} orders to pick"),
    "bench.waiting.emergencies": ("紧急出库待补单 {n} 张", "{n} emergency outbounds to complete"),
    "bench.waiting.counts": ("盘点任务 {n} 个", "{n} stocktakes to count"),
    "bench.waiting.counts_review": ("盘点待审核 {n} 个", "{n} stocktakes to review"),
    "bench.waiting.group_orders": ("社群订单待处理 {n} 单", "{n} group orders open"),
    "bench.waiting.channel_orders": ("渠道订单待确认 {n} 单", "{n} channel orders to confirm"),
    "bench.waiting.purchase_drafts": ("采购单草稿 {n} 张", "{n} draft purchase orders"),
    "bench.waiting.purchase_approval": ("采购单待审批 {n} 张", "{n} purchase orders to approve"),
    "bench.waiting.purchase_late": ("逾期未到货 {n} 张", "{n} purchase orders overdue"),
    "bench.waiting.sales_approval": ("销售单待审批 {n} 张", "{n} sales orders to approve"),
    "bench.waiting.overdue_customers": ("有逾期欠款的客户 {n} 户", "{n} customers with overdue balances"),
    "stock.negative": (
        "库存不足:{product}{lot} 在 {location} 现有 {on_hand},本单需要 {needed}",
        "Not enough stock: {product}{lot} at {location} has {on_hand}, this document needs {needed}",
    ),
    "stock.backdated": (
        "库存不足:{product}{lot} 在 {location} 从 {date} 起最少只有 {on_hand}({short_date} 那天),本单需要 {needed}。"
        "之后才到的货不能用在更早日期的单据上,请改单据日期或数量",
        "Not enough stock on the document's date: {product}{lot} at {location} has at least only {on_hand} from "
        "{date} on (on {short_date}), this document needs {needed}. Stock that arrived later cannot be used by an "
        "earlier document: change its date or quantity",
    ),
    "stock.not_available": (
        "可用库存不足:{product} 在 {location} 可用 {available},需要 {needed}",
        "Not enough available stock: {product} at {location} has {available} available, needs {needed}",
    ),
    "stock.expired": (
        "批次 {lot}({product})已于 {expiry} 过期,不能出库;店主可填写原因后强制出库",
        "Lot {lot} of {product} expired on {expiry}; an owner may override with a reason",
    ),
    "stock.expired_internal": (
        "批次 {lot}({product})已于 {expiry} 过期,不能作为赠品、样品或自用领出;店主可填写原因后放行",
        "Lot {lot} of {product} expired on {expiry}: it cannot go out as a gift, sample or own use; "
        "an owner may allow it with a reason",
    ),
    "stock.override_reason": ("强制出库过期批次必须填写原因", "Overriding an expired lot needs a reason"),
    "stock.at_date": ("截至 {day} 日终的库存(只列库存数:预占和可用是今天的订单,不属于过去的某一天)",
                      "Stock at the end of {day} (on hand only: reserved and available are today's orders)"),
    "reservation.not_found": ("找不到预占:{ref}", "Reservation not found: {ref}"),
    # sales orders (销售单), returns, quick outbound, scale barcodes
    "sale.not_found": ("找不到销售单:{ref}", "Sales order not found: {ref}"),
    "sale.customer_missing": ("找不到客户:{ref}", "Customer not found: {ref}"),
    "sale.walk_in": ("散客", "walk-in"),
    "sale.state.draft": ("草稿", "draft"),
    "sale.state.confirmed": ("已确认", "confirmed"),
    "sale.state.awaiting_approval": ("待审核", "awaiting approval"),
    "sale.state.approved": ("已审核", "approved"),
    "sale.state.shipped": ("已出库", "shipped"),
    "sale.state.cancelled": ("已作废", "cancelled"),
    "sale.state.expired": ("超时未付款", "expired unpaid"),
    "sale.action.edit": ("修改", "edit"),
    "sale.action.confirm": ("确认", "confirm"),
    "sale.action.approve": ("审核", "approve"),
    "sale.action.ship": ("出库", "ship"),
    "sale.action.cancel": ("作废", "cancel"),
    "sale.action.expire": ("超时释放", "expire"),
    "sale.action.pay": ("登记付款", "mark paid"),
    "sale.action.complete": ("补全手续", "complete"),
    "sale.bad_state": ("销售单 {number} 当前“{state}”,不能{action}", "Sales order {number} is {state}: cannot {action}"),
    "sale.unknown_state": ("{field}“{state}”无效(可选:{states})", "{field} '{state}' is invalid ({states})"),
    "sale.bad_payment": ("{field}“{value}”无效(可选:{payments})", "{field} '{value}' is invalid ({payments})"),
    "sale.credit_needs_customer": ("散客不能赊账,请先选择客户", "A walk-in customer cannot buy on credit; choose a customer"),
    "sale.duplicate_ref": ("{channel} 订单 {ref} 已录入为销售单 {number}", "{channel} order {ref} is already sales order {number}"),
    "sale.discount_too_big": ("第 {line} 行({product})折扣超过了金额", "Line {line} ({product}): the discount exceeds the amount"),
    "sale.own_order": ("销售单 {number} 是您自己开的,请由财务或店主审核",
                       "You created sales order {number}; finance or the owner must approve it"),
    "sale.review.over_threshold": ("金额 {total} 元超过审核线 {threshold} 元", "total {total} is over the approval line {threshold}"),
    "sale.review.below_floor": ("{product} 售价 {price} 元/{unit} 低于最低价 {floor} 元",
                                "{product} sells at {price}/{unit}, below the minimum {floor}"),
    "sale.review.over_credit": ("{customer} 已欠 {owed} 元,再赊 {total} 元超过额度 {limit} 元",
                                "{customer} owes {owed}; another {total} on credit is over the limit {limit}"),
    "sale.needs_approval": ("销售单 {number} 需审核后才能出库:{reasons}", "Sales order {number} needs approval before shipping: {reasons}"),
    "sale.hold_expired": ("销售单 {number} 未在 {until} 前付款,预占的库存已释放",
                          "Sales order {number} was not paid by {until}; its reserved stock was released"),
    "sale.hold_reason": ("超过 {until} 未付款", "not paid by {until}"),
    "sale.row": ("{number}  {date}  {channel}  {customer}  {state}  {total} 元", "{number}  {date}  {channel}  {customer}  {state}  {total}"),
    "sale.not_emergency": ("销售单 {number} 不是紧急出库,或手续已补全", "Sales order {number} is no emergency outbound with open paperwork"),
    "return.not_found": ("找不到退货单:{ref}", "Sales return not found: {ref}"),
    "return.done": ("退货单 {ref} 已确认,不能再修改", "Sales return {ref} is already confirmed"),
    "return.order_not_shipped": ("销售单 {number} 还没有出库,不能退货", "Sales order {number} has not shipped: nothing to return"),
    "return.not_on_order": ("{product} 不在销售单 {number} 上", "{product} is not on sales order {number}"),
    "return.too_much": ("{product} 最多还能退 {left} {unit}", "{product}: at most {left} {unit} can still be returned"),
    "return.empty": ("退货单 {ref} 还没有扫描商品", "Sales return {ref} has no goods scanned yet"),
    "return.no_reason": ("退货单 {ref} 请先填写退货原因", "Sales return {ref} needs a reason first"),
    "return.bad_disposition": ("退货去向“{value}”无效:stock(回货架)或 loss(报损)",
                               "Return disposition '{value}' is invalid: stock or loss"),
    "return.photo_missing": ("照片文件不存在:{path}", "Photo file not found: {path}"),
    "return.no_data_folder": ("内存数据库没有数据文件夹,无法保存照片", "An in-memory database has no data folder for photos"),
    "outbound.expired_lot": (
        "批次 {lot}({product})已于 {expiry} 过期,不能送人或领用;过期商品请报损",
        "Lot {lot} of {product} expired on {expiry} and is not handed to anyone; write it off as a loss",
    ),
    "outbound.template_not_found": ("找不到出库模板:{ref}", "Outbound template not found: {ref}"),
    "scale.unknown_plu": ("秤码 {code} 的商品编号 {plu} 找不到商品", "Scale code {code}: no product has the number {plu}"),
    "scale.no_price": ("{product} 没有售价,无法按金额换算数量", "{product} has no price: an amount cannot become a quantity"),
    "scale.bad_setting": ("秤码设置 {setting} 的值“{value}”无效(可选:{choices})",
                          "Scale setting {setting} '{value}' is invalid ({choices})"),
    "scale.weight_unit": ("{product} 的单位“{unit}”不是重量单位,秤码不能按重量卖",
                          "{product} is sold by '{unit}', not a weight: a weight label cannot sell it"),
    # (end of sales orders)
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
    "order.not_sure": (
        "有 {count} 行需要店员确认,没有生成订单:{lines}",
        "{count} lines need the clerk; no order was made: {lines}",
    ),
    "order.created": ("销售单 {number} 已生成(社群渠道,已预占库存)", "Sales order {number} made (group channel, stock reserved)"),
    "order.unparsed": ("未识别:{text}({reason})", "Not understood: {text} ({reason})"),
    "alias.bad": (
        "别名“{alias}”不能用:不能只有数字,最多 {limit} 个字",
        "Alias '{alias}' cannot be used: it must not be only digits and at most {limit} characters",
    ),
    # import / export
    "import.not_excel": ("{file} 不是有效的 Excel(.xlsx)文件", "{file} is not a valid Excel (.xlsx) file"),
    "import.too_big": ("{file} 太大(超过 {limit} 行或解压后过大)", "{file} is too big (over {limit} rows or too large unpacked)"),
    "import.file_too_big": (
        "{file} 有 {size} MB,超过导入上限 {limit} MB;请分成几个文件导入",
        "{file} is {size} MB, over the import limit of {limit} MB; split it into several files",
    ),
    "import.cell_too_long": (
        "{file} 的单元格 {cell} 有 {length} 个字符,超过上限 {limit} 个;请检查是否粘贴错了内容",
        "Cell {cell} of {file} holds {length} characters, over the limit of {limit}; was something pasted by mistake?",
    ),
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
    "import.product_changed": ("商品 {product} 在检查文件期间被其他窗口修改了,本次什么都没有导入;请重新导入",
                               "Product {product} was changed in another window while the file was checked; nothing "
                               "was imported: import the file again"),
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
    "export.report_kind": ("报表只能导出为 PDF(.pdf)或 Excel(.xlsx):{file}",
                           "A report exports to PDF (.pdf) or Excel (.xlsx): {file}"),
    # channels (渠道): one stock pool, platform files, channel-order import, low stock
    # the shop's own fields (添加字段): services/core/custom_fields.py
    "custom.entity.product": ("商品", "product"),
    "custom.entity.customer": ("客户", "customer"),
    "custom.entity.supplier": ("供应商", "supplier"),
    "custom.kind.text": ("文本", "Text"),
    "custom.kind.number": ("数字", "Number"),
    "custom.kind.money": ("金额", "Money"),
    "custom.kind.date": ("日期", "Date"),
    "custom.kind.bool": ("是否", "Yes/no"),
    "custom.kind.choice": ("选项", "Choice"),
    "custom.yes": ("是", "Yes"),
    "custom.no": ("否", "No"),
    "custom.bad_entity": ("自定义字段只能加在商品、客户或供应商上:{entity}",
                          "Custom fields belong to products, customers or suppliers: {entity}"),
    "custom.bad_kind": ("字段类型只能是 {kinds}:{kind}", "A field's type is one of {kinds}: {kind}"),
    "custom.not_found": ("找不到自定义字段:{ref}", "Custom field not found: {ref}"),
    "custom.record_not_found": ("找不到要填写字段的记录:{entity} {ref}", "No such record to fill in: {entity} {ref}"),
    "custom.name_taken": ("{entity}已经有一个叫 {name} 的字段,请换个名字",
                          "The {entity} already has a field called {name}; choose another name"),
    "custom.name_reserved": ("{name} 是{entity}本来就有的栏目(Excel 表头),自定义字段请换个名字",
                             "{name} is one of the {entity}'s own columns (an Excel header); give the field another name"),
    "custom.no_choices": ("选项字段至少要有一个选项(用逗号隔开,如 一级,二级)",
                          "A choice field needs at least one option (separated by commas, e.g. A,B)"),
    "custom.too_many_choices": ("选项最多 {limit} 个,每个最多 {length} 个字",
                                "At most {limit} options of at most {length} characters each"),
    "custom.not_choice": ("{name} 不是选项字段,没有选项", "{name} is not a choice field: it has no options"),
    "custom.too_long": ("{field}最多 {limit} 个字,这里有 {length} 个", "{field} takes at most {limit} characters, "
                        "not {length}"),
    "custom.bad_bool": ("{field}只能填 是 或 否:{value}", "{field} is yes or no: {value}"),
    "custom.none": ("还没有自定义字段:field add product 产地 --kind text 可以加一个",
                    "No custom fields yet: `field add product 产地 --kind text` adds one"),
    "custom.added": ("已添加字段 {line}", "Field added: {line}"),
    "custom.renamed": ("{old} 已改名:{line}(原来的值都在,审计日志里有旧名)",
                       "{old} renamed: {line} (its values stay; the audit log keeps the old name)"),
    "custom.choices_set": ("选项已更新:{line}", "Options changed: {line}"),
    "custom.removed": ("已删除字段 {line}:不再显示、导出和搜索,原来的值和历史都保留",
                       "Field removed: {line}. It leaves the lists, files and search; its values and history are kept"),
    "custom.bad_choice": ("{field}只能是 {choices} 之一:{value}", "{field} is one of {choices}: {value}"),
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
    "purchase.needs_owner_day": (
        "采购单 {number} 合计 {total} 元,与该供应商当天的其他采购单合计 {day_total} 元,超过审批线 {threshold} 元,"
        "需要店主审核",
        "Purchase order {number} totals {total}; with the supplier's other orders of the day {day_total}, "
        "above the approval limit {threshold}: the owner must approve it",
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
    "backup.folder_missing": (
        "备份文件夹不存在或没有接上:{path}(U 盘是否插好?)。这次没有备份,小铺照常使用。",
        "The backup folder is missing or not connected: {path} (is the USB disk plugged in?). "
        "No backup was made this time; the shop keeps working.",
    ),
    "backup.no_space": ("备份没有写成(备份的磁盘满了或写不进去):{path}:{error}。没有留下半个备份,数据没有变化。",
                        "The backup could not be written (its disk is full or cannot be written): {path}: {error}. "
                        "No partial backup was left and nothing changed in the data."),
    "backup.pg_dump_missing": (
        "这台电脑上没有 pg_dump,无法备份服务器数据库 {database}。请在服务器电脑上安装 PostgreSQL(带命令行工具),"
        "或在那里运行:pg_dump -Fc -f 备份.dump {database}",
        "pg_dump is not installed on this PC, so the server database {database} cannot be backed up here. Install "
        "PostgreSQL (with its command-line tools) on the server PC, or run there: pg_dump -Fc -f backup.dump {database}",
    ),
    "copy.source_not_file": ("migrate-to 从 SQLite 数据库文件复制:请用 --db 指定店里的 .sqlite3 文件",
                             "migrate-to copies from a SQLite file: name the shop's .sqlite3 file with --db"),
    "copy.target_not_server": ("migrate-to 的目标要是 postgresql:// 地址:{url}",
                               "migrate-to needs a postgresql:// address as its target: {url}"),
    "copy.target_not_empty": (
        "目标数据库里已经有店铺数据,没有复制任何内容。请在服务器上新建一个空数据库(createdb 数据库名)再试。",
        "The target database already holds a shop; nothing was copied. Create an empty database on the server "
        "(createdb NAME) and try again.",
    ),
    "copy.rows_differ": ("复制后 {table} 表的行数不同:文件 {source} 行,服务器 {target} 行",
                         "After the copy the table {table} differs: {source} rows in the file, {target} on the server"),
    "copy.stock_differs": ("复制后有 {rows} 条库存余额与文件不同", "After the copy {rows} stock balances differ from the file"),
    "copy.photos_differ": ("复制后有 {rows} 个照片路径与文件不同", "After the copy {rows} photo paths differ from the file"),
    "copy.photos_stay": (
        "{count} 张照片(退货、盘点)的路径已复制;照片文件仍在 {folder},服务器只存路径,请保留这个文件夹。",
        "The paths of {count} photos (returns, stocktakes) were copied; the photo files stay in {folder} (the server "
        "keeps only their paths): keep that folder.",
    ),
    "copy.side_file": ("SQLite 文件", "SQLite file"),
    "copy.side_server": ("PostgreSQL 服务器", "PostgreSQL server"),
    "copy.not_proven": ("复制没有通过核对,请不要切换到服务器;原来的 SQLite 文件没有改动。",
                        "The copy did not pass the comparison: do not switch to the server; the SQLite file is unchanged."),
    "copy.done": (
        "已复制 {tables} 张表共 {rows} 行到 {url},两边检查通过、行数和库存一致。原来的 SQLite 文件保留未动;"
        "现在可以让各台电脑改连这个服务器。",
        "Copied {rows} rows in {tables} tables to {url}; check passed on both sides, row counts and stock agree. "
        "The SQLite file is kept as it was; the PCs can now be pointed at the server.",
    ),
    "backup.not_sqlite": ("备份需要 SQLite 数据库文件(服务器数据库请用它自己的备份工具)",
                          "Backups need a SQLite database file (back up a server database with its own tools)"),
    "restore.done": ("已从备份恢复:{backup}。原来的数据库保存在:{aside}",
                     "Restored from the backup {backup}. The previous database was kept as {aside}"),
    "restore.bad_backup": ("这个备份不能用来恢复,数据库没有改动:{path}\n{problems}",
                           "This backup cannot be restored; the database was not changed: {path}\n{problems}"),
    "restore.in_use": (
        "另一个小铺窗口或程序正打开着这个数据库,请先关闭它再恢复:{path}",
        "Another Xiaopu window or program has this database open; close it before restoring: {path}",
    ),
    "restore.same_file": ("不能用数据库自己来恢复自己:{path}", "A database cannot be restored from itself: {path}"),
    "restore.unchecked_login": ("当前数据库已损坏,无法登录核对身份,直接恢复。",
                                "The current database is damaged, so nobody can log in to it; restoring directly."),
    "dbfile.missing": ("文件不存在:{path}", "The file does not exist: {path}"),
    "dbfile.empty": ("文件是空的(0 字节),里面没有任何数据:{path}",
                     "The file is empty (0 bytes) and holds no data: {path}"),
    "dbfile.not_sqlite": ("这不是小铺的数据库文件(不是 SQLite 格式):{path}",
                          "This is not a Xiaopu database file (not SQLite): {path}"),
    "dbfile.truncated": ("文件不完整:应有 {expected} 字节,只有 {actual} 字节(复制或备份被中断?)",
                         "The file is incomplete: {actual} of {expected} bytes (an interrupted copy or backup?)"),
    "dbfile.damaged": ("数据库文件已损坏(SQLite 完整性检查):{detail}",
                       "The database file is damaged (SQLite integrity check): {detail}"),
    "dbfile.unreadable": ("无法读取数据库文件:{error}", "The database file cannot be read: {error}"),
    "dbfile.older": ("这是旧版本小铺的数据库(结构版本 {found},本程序为 {known}),检查只看当前版本的文件。"
                     "请先升级再检查:用小铺打开它一次,或运行 python main.py --db 这个文件 init(升级前可先复制一份留底)",
                     "This database is from an older Xiaopu (schema {found}, this program {known}), and check only "
                     "reads files of the current version. Upgrade it first: open it once in Xiaopu, or run "
                     "python main.py --db THE_FILE init (a copy kept aside first does no harm)"),
    "dbfile.newer": ("这是更新版本小铺的数据库(结构版本 {found},本程序为 {known}),请升级小铺",
                     "This database is from a newer Xiaopu (schema {found}, this program {known}); please upgrade"),
    "dbfile.not_xiaopu": ("这是 SQLite 文件,但不是小铺的数据库(缺少 {table} 表)",
                          "This is a SQLite file but not a Xiaopu database (no {table} table)"),
    # check: tampering (services.stock.tamper_checks, services.core.chain_anchor)
    "tamper.trigger_missing": ("保护触发器 {name} 不见了:{table} 表的记录已可被改写或删除,请从备份恢复并查明原因",
                               "Guard trigger {name} is missing: rows of {table} can be edited or deleted; "
                               "restore from a backup and find out why"),
    "tamper.version_trigger_missing": ("触发器 {name} 不见了:商品被改动时过账可能仍按改动前的成本和保质期记账,"
                                       "请从备份恢复并查明原因",
                                       "Trigger {name} is missing: posting may keep using a product's cost and shelf "
                                       "life from before it was edited; restore from a backup and find out why"),
    "tamper.moves_changed": ("单据 {number} 的库存流水在过账后被改动(与审计链记录的不符)",
                             "The stock moves of document {number} were changed after posting (they differ from "
                             "the audit chain)"),
    "tamper.lot_expiry": ("批次 {lot}({product})的到期日是 {found},审计链记录的是 {expected}:到期日被改过",
                          "Lot {lot} ({product}) expires {found} but the audit chain recorded {expected}: the expiry "
                          "was edited"),
    "tamper.user_changed": ("账号 {user} 现在是 {found},审计链记录的是 {expected}:账号被绕过程序改过",
                            "Account {user} is now {found} but the audit chain recorded {expected}: it was edited "
                            "outside the program"),
    "tamper.user_unrecorded": ("账号 {user}({role})没有任何审计记录:它是绕过程序加进来的",
                               "Account {user} ({role}) has no audit record: it was added outside the program"),
    "tamper.anchor_truncated": ("审计链里没有第 {event} 条事件,而锚点({where})记着它:审计记录被删掉了",
                                "The audit chain has no event {event} though the anchor ({where}) recorded it: "
                                "audit records were deleted"),
    "tamper.anchor_rewritten": ("审计链第 {event} 条事件与锚点({where})记录的不同:审计链被重算或改写",
                                "Audit event {event} differs from the anchor ({where}): the chain was recomputed "
                                "or rewritten"),
    "tamper.chain_broken": ("审计链第 {event} 条事件接不上前一条(前一条的哈希不符):审计记录被删改过",
                            "Audit event {event} does not follow the one before (previous hash differs): audit "
                            "records were deleted or edited"),
    "tamper.event_altered": ("审计链第 {event} 条事件({action})的内容被改过",
                             "The content of audit event {event} ({action}) was altered"),
    "tamper.anchor_unreadable": ("锚点文件 {path} 读不出来:{error}", "The anchor file {path} cannot be read: {error}"),
    "check.problems": ("检查发现问题:", "Check found problems:"),
    "check.balance_off": ("{product} 批次 {lot} 在 {location} 的余额是 {have},但流水合计是 {want}",
                          "The balance of {product} lot {lot} at {location} is {have} but the moves sum to {want}"),
    "check.negative": ("{product} 批次 {lot} 在 {location} 的库存是负数:{have}",
                       "Negative stock: {product} lot {lot} at {location}: {have}"),
    "check.foreign_key": ("{table} 表第 {row} 行指向 {parent} 表里不存在的记录",
                          "Row {row} of table {table} points to a missing row of {parent}"),
    "check.read_failed": ("读取{part}时出错,文件已损坏:{error}", "Reading {part} failed; the file is damaged: {error}"),
    # purchase suggestions (services.purchasing.suggestion_text)
    "suggest.sep": (", ", ", "),
    "suggest.weekdays": ("周一|周二|周三|周四|周五|周六|周日", "Mon|Tue|Wed|Thu|Fri|Sat|Sun"),
    "suggest.parts": ("凌晨|早上|上午|中午|下午|晚上", "night|early morning|morning|midday|afternoon|evening"),
    "suggest.today": ("今日 {time}", "today {time}"),
    "suggest.tomorrow": ("明日 {time}", "tomorrow {time}"),
    "suggest.day_after": ("后日 {time}", "the day after tomorrow {time}"),
    "suggest.on_date": ("{date}({weekday}){time}", "{weekday} {date} {time}"),
    "suggest.avg": ("近{days}天日均 {avg} {unit}", "{avg} {unit}/day over the last {days} days"),
    "suggest.no_sales": ("近{days}天没有销售", "no sales in the last {days} days"),
    "promotion.overlap": ("{name} 在 {first}–{last} 已有促销计划:请先取消那个计划,或换个日期",
                          "{name} already has a promotion planned {first}–{last}: cancel it first or pick other days"),
    "promotion.not_found": ("找不到促销计划:{ref}", "Promotion plan not found: {ref}"),
    "promotion.reversed": ("结束日期 {last} 早于开始日期 {first}", "The last day {last} is before the first day {first}"),
    "promotion.past": ("开始日期 {first} 已经过去:促销计划只能排今天和以后的日子",
                       "The first day {first} has passed: a promotion can only be planned from today on"),
    "promotion.too_long": ("促销 {days} 天太长了(最多 {limit} 天):这么久的销量是它平时的销量,不是促销",
                           "A promotion of {days} days is too long (at most {limit}): that is its usual demand"),
    "promotion.uplift_low": ("预计倍数至少是 1(平时的量):{value}", "The uplift is at least 1 (a usual day): {value}"),
    "promotion.planned": ("已排促销计划 #{id}:{name}({sku}){days}", "Promotion #{id} planned: {name} ({sku}) {days}"),
    "promotion.cancelled": ("已取消促销计划 #{id}", "Promotion #{id} cancelled"),
    "promotion.auto": ("自动(按以往促销)", "auto (from earlier promotions)"),
    "promotion.cancelled_mark": ("已取消", "cancelled"),
    "suggest.promotion": ("促销 {days} 按平时 ×{uplift} 备货({source})",
                          "promotion {days}: stocked for ×{uplift} a usual day ({source})"),
    "suggest.promotion_plan": ("促销计划填的预计倍数", "the plan's own uplift"),
    "suggest.promotion_product": ("它以往促销的实际倍数", "what its earlier promotions sold"),
    "suggest.promotion_shop": ("全店以往促销的倍数", "what the shop's earlier promotions sold"),
    "suggest.promotion_default": ("还没有促销记录,先按 2 倍", "no promotion seen yet: twice a usual day"),
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
    "suggest.one_pack": ("仍进 1 件({pack} {unit}),约 {waste} {unit}可能过期,不进则断货",
                         "still one pack ({pack} {unit}): about {waste} {unit} may expire, without it the shelf is empty"),
    "suggest.choice_pack": ("请选择:整件进货(勾选后生成采购单即进 1 件)/ 设最低量 / 停售",
                            "your choice: buy the pack (tick it and make the order: one pack) / set a minimum / stop selling"),
    "service_level.range": ("{field}“{value}”应在 {low}% 到 {high}% 之间", "{field} '{value}' must be between {low}% and {high}%"),
    "service_level.bad_entry": ("{field}:“{entry}”应写成 品类=百分比,如 面包=90",
                                "{field}: '{entry}' should read category=percent, e.g. Bread=90"),
    "suggest.service_level": ("服务水平 {level}%", "service level {level}%"),
    "suggest.waste_free": ("另加 {extra} {unit}:过期前卖得完,按 {level}% 备货",
                           "{extra} {unit} more: they sell before they expire, so stocked for {level}%"),
    "suggest.choice_short": ("待决定", "your call"),
    "suggest.censored": ("其中 {days} 天卖断,按缺货前的销售估算", "{days} of them sold out: estimated from the sales before"),
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
    "price.base_unit": ("{unit} 是基本单位,它的价格就是商品的售价:请改售价", "{unit} is the base unit: its price is the product's price; change that instead"),
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
    # stocktake (盘点)
    "stocktake.uncounted_choice": (
        "还有 {left}/{total} 行没有盘点:过账前请选择未盘行按 0 计(zero,记为盘亏)还是跳过(skip,库存不变)",
        "{left} of {total} lines were not counted: choose before posting whether they count as 0 (zero, a "
        "shortage) or are skipped (skip, stock unchanged)",
    ),
    "stocktake.bad_uncounted": ("未盘行的处理“{value}”无效:zero(按 0 计)或 skip(跳过)",
                                "“{value}” is no choice for uncounted lines: zero or skip"),
    "stocktake.not_found": ("找不到盘点单:{ref}", "Count session not found: {ref}"),
    "stocktake.bad_state": ("盘点单 {ref} 当前为“{state}”,不能{action}", "Count session {ref} is {state}; cannot {action}"),
    "stocktake.bad_scope": ("盘点范围不对:{scope}", "Unknown count scope: {scope}"),
    "stocktake.empty_scope": ("这个范围里没有要盘的商品:{scope}", "Nothing to count in this scope: {scope}"),
    "stocktake.no_place": ("请先扫货架二维码", "Scan the shelf QR code first"),
    "stocktake.unknown_code": ("未知条码:{code}", "Unknown code: {code}"),
    "stocktake.lot_needed": ("{product} 有多个批次({lots}),请选择批次", "{product} has several lots ({lots}); choose one"),
    "stocktake.bad_status": ("盘点状态只能是 正常/临期/破损/过期:{status}", "Status must be 正常/临期/破损/过期: {status}"),
    "stocktake.negative": ("盘点数量不能为负数:{value}", "A counted quantity cannot be negative: {value}"),
    "stocktake.write_off_too_big": ("报损数量 {write_off} 超过盘点数量 {counted}",
                                    "Write-off {write_off} is more than the counted {counted}"),
    "stocktake.not_yours": ("这一行由 {counter} 盘点,不能修改", "This line was counted by {counter}"),
    "stocktake.recount_same_person": ("复盘需要换一个人(原盘点人 {counter})",
                                      "A recount needs a second person (first counted by {counter})"),
    "stocktake.recount_not_needed": ("这一行未超出差异上限,无需复盘", "This line is within the variance limit"),
    "stocktake.recount_open": ("还有 {count} 行等待复盘", "{count} lines are waiting for a recount"),
    "stocktake.not_counted": ("这一行还没有盘点", "This line has not been counted yet"),
    "stocktake.cannot_count": ("{name}({role})不做盘点,不能指派盘点任务给他",
                               "{name} ({role}) does not count stock; a count cannot be assigned to them"),
    "stocktake.assign_not_yours": ("盘点单 {ref} 由 {creator} 新建,只有他或店主可以改派",
                                   "Count {ref} was started by {creator}; only they or the owner can reassign it"),
    "stocktake.line_not_found": ("盘点单 {ref} 没有第 {line} 行", "Count session {ref} has no line {line}"),
    # bills of materials (物料清单)
    "bom.cycle": ("物料清单循环:{path}", "Bill of materials cycle: {path}"),
    "bom.no_lines": ("物料清单至少要有一种原料", "A bill of materials needs at least one component"),
    "bom.bad_scrap": ("{component} 的损耗率必须在 0 到 100% 之间(不含 100):{value}",
                      "Scrap of {component} must be from 0 to below 100%: {value}"),
    "bom.no_active": ("{product} 没有启用的物料清单", "{product} has no active bill of materials"),
    "bom.version_not_found": ("{product} 没有第 {version} 版物料清单", "{product} has no BOM version {version}"),
    "bom.bad_number": ("{field}不是有效数字:{value}", "{field} is not a valid number: {value}"),
    # production orders (生产单), disassembly (拆卸), lot tracing
    "production.not_found": ("找不到生产单:{ref}", "Production order not found: {ref}"),
    "production.unknown_state": ("未知状态 {state},可用:{states}", "Unknown state {state}; use one of: {states}"),
    "production.state.draft": ("草稿", "draft"),
    "production.state.released": ("已下达", "released"),
    "production.state.in_progress": ("生产中", "in progress"),
    "production.state.done": ("已完工", "done"),
    "production.state.cancelled": ("已作废", "cancelled"),
    "production.action.release": ("下达", "release"),
    "production.action.start": ("开工", "start"),
    "production.action.report": ("报工", "report work"),
    "production.action.send": ("发给委外厂", "send to the subcontractor"),
    "production.action.complete": ("完工入库", "complete"),
    "production.action.cancel": ("作废", "cancel"),
    "production.action.reserve": ("补预占", "reserve again"),
    "production.action.draft_purchase": ("生成采购草稿", "draft purchase orders"),
    "production.bad_state": ("生产单 {number} 当前是“{state}”,不能{action}",
                             "Production order {number} is {state}: cannot {action}"),
    "production.kind.make": ("生产", "make"),
    "production.kind.disassembly": ("拆卸", "disassembly"),
    "production.subcontract_location": ("委外:{name}", "Subcontractor: {name}"),
    "production.step_not_found": ("生产单 {number} 没有工序“{step}”", "Production order {number} has no step '{step}'"),
    "production.report_empty": ("报工要填合格数量或报废数量", "A work report needs a good or a scrapped quantity"),
    "production.nothing_made": ("合格数量和报废数量不能都是 0", "Good and scrapped quantity cannot both be 0"),
    "production.nothing_used": ("生产单 {number} 没有填写任何原料用量", "Production order {number}: no component used"),
    "production.not_outsourced": ("生产单 {number} 不是委外生产", "Production order {number} is not outsourced"),
    "production.nothing_missing": ("生产单 {number} 不缺料,无需采购", "Production order {number} lacks nothing"),
    "production.drafted": ("已生成采购草稿:{numbers}", "Draft purchase orders: {numbers}"),
    "production.unsupplied": ("以下原料没有供应商,请手工采购:{items}",
                              "Nobody supplies these components, buy them by hand: {items}"),
    "production.draft_note": ("生产单 {number} 缺料", "Shortage of production order {number}"),
    "production.sent_note": ("生产单 {number} 发料给委外厂", "Components of {number} sent to the subcontractor"),
    "production.returned_note": ("生产单 {number} 委外余料退回", "Leftovers of {number} back from the subcontractor"),
    "production.doc_note": ("生产单 {number} 完工:{product}", "Production order {number} done: {product}"),
    "production.cancel_loss_note": ("生产单 {number} 作废,已耗用原料报损:{reason}",
                                    "Production order {number} cancelled, used components written off: {reason}"),
    "production.cancel_needs_used": (
        "生产单 {number} 已报工(合格 {good}){sent}。作废前请填写已耗用的原料(报损;没有耗用填 0),"
        "或按已做出的数量完工入库",
        "Production order {number} has work reported (good {good}){sent}. Before cancelling, say which components"
        " were used up (written off; 0 if none), or complete it with what was made"),
    "production.sent_yes": (",原料已发给委外厂(未耗用的会退回)",
                            ", components are at the subcontractor (what is unused comes back)"),
    "production.for_sale_note": ("销售单 {number} 按单生产", "Made to order for sales order {number}"),
    "production.sale_not_open": ("销售单 {number} 当前是“{state}”,不能再安排生产",
                                 "Sales order {number} is {state}: nothing to make for it"),
    "production.sale_nothing_made_to_order": ("销售单 {number} 没有按单生产的商品",
                                              "Sales order {number} has no made-to-order product"),
    "production.sale_covered": ("销售单 {number} 的按单生产商品已有库存或已在生产",
                                "Sales order {number}: its made-to-order products are in stock or in production"),
    "disassembly.bad_rule": ("成本分摊方式 {rule} 不对,可用:{rules}", "Unknown cost rule {rule}; use one of: {rules}"),
    "disassembly.no_outputs": ("拆卸至少要拆出一种商品", "A disassembly needs at least one output"),
    "disassembly.self": ("{product} 不能拆出自己", "{product} cannot be an output of itself"),
    "disassembly.repeated": ("拆出商品重复:{product}", "Output listed twice: {product}"),
    "disassembly.no_price": ("{product} 没有售价,不能按售价分摊成本", "{product} has no price to split the cost by"),
    "disassembly.shares": ("成本比例合计必须是 100%,现在是 {total}%", "Cost shares must add up to 100%, not {total}%"),
    "disassembly.no_recipe": ("{product} 还没有拆卸方案", "{product} has no disassembly recipe"),
    "disassembly.no_weight": ("拆出数量都是 0,无法分摊成本", "Every output is 0: no cost to split"),
    "disassembly.doc_note": ("拆卸单 {number}:{product}", "Disassembly {number}: {product}"),
    "trace.lot": ("{sku} {name} 批次 {lot}", "{sku} {name} lot {lot}"),
    "trace.made": ("生产 {document}({date}) 做出 {qty} {unit}", "made by {document} ({date}): {qty} {unit}"),
    "trace.used": ("用料 {sku} {name} 批次 {lot} {qty} {unit}({document})",
                   "used {sku} {name} lot {lot} {qty} {unit} ({document})"),
    "trace.received": ("收货 {document}({date})供应商 {partner} {qty} {unit}",
                       "received {document} ({date}) from {partner}: {qty} {unit}"),
    "trace.sold": ("售出 {document}({date})给 {partner} {qty} {unit}", "sold {document} ({date}) to {partner}: {qty} {unit}"),
    # BOM Excel import/export (services/imports/bom_import.py)
    "bom.self": ("{product} 不能用作自己的子项", "{product} cannot be a component of itself"),
    "bom.scrap_range": ("{field}必须在 0 到 100 之间(不含 100):{value}",
                        "{field} must be from 0 to below 100: {value}"),
    "bom.import_done": ("已导入 {boms} 个物料清单(各为新的启用版本),共 {lines} 行",
                        "Imported {boms} bills of materials (each a new active version), {lines} lines"),
    "bom.import_note": ("Excel 导入:{file}", "Excel import: {file}"),
    "bom.exported": ("已导出 {count} 行物料清单:{file}", "Exported {count} BOM lines: {file}"),
    # reports: the figures the owner reads (services/reports); each KPI has a label, a formula and a unit
    "report.bad_period": ("开始日期 {start} 晚于结束日期 {end}", "The start date {start} is after the end date {end}"),
    "report.bad_by": ("不能按“{by}”分组,可用:{choices}", "Cannot group by '{by}'; use one of: {choices}"),
    "report.bad_sort": ("不能按“{sort}”排序,可用:{choices}", "Cannot sort by '{sort}'; use one of: {choices}"),
    "report.bad_page": ("从第 {offset} 行起取 {limit} 行:起始行不能为负数,行数必须大于 0",
                        "{limit} rows from row {offset}: the first row cannot be negative and the count must be "
                        "greater than 0"),
    "report.name.kpi": ("经营指标:周转天数、损耗率、毛利、缺货、单据时效、盘点", "KPIs: turnover days, loss rate, "
                        "margin, stock-outs, document times, stocktakes"),
    "report.name.sales": ("销售与毛利:按商品、分类、渠道、客户、星期、小时;ABC 分类",
                          "Sales and margin by product, category, channel, customer, weekday, hour; ABC classes"),
    "report.name.dashboard": ("今日与本周:渠道销售和毛利、待办单据、各库位库存金额、临期、缺货",
                              "Today and this week: sales and margin by channel, orders waiting, stock value per "
                              "location, near expiry, stock-outs"),
    "report.status.empty": ("期间内没有可计算的数据", "Nothing to measure in the period"),
    "report.status.hidden": ("当前角色不能查看成本和毛利", "Your role may not see cost or margin"),
    "report.status.not_measured": ("尚未计量", "Not measured yet"),
    "report.filter.location": ("库位", "Location"),
    "report.status.unsplit": ("不能按所选的分类、库位或渠道拆分(单据、盘点和社群消息不属于某一个分类、库位或渠道,"
                              "库存是各渠道共用的一个池),筛选时不显示,以免把全店的数当成筛选后的数",
                              "Cannot be split by the chosen category, location or channel (a document, a count or a "
                              "group message is not of one of them; every channel sells from one stock pool): left "
                              "blank under the filter rather than showing the whole shop's figure"),
    "report.category_not_found": ("找不到分类:{ref}(没有商品属于这个分类)", "Category not found: {ref} (no product has it)"),
    "report.unit.days": ("天", "days"),
    "report.unit.percent": ("%", "%"),
    "report.unit.yuan": ("元", "yuan"),
    "report.unit.product_days": ("商品·天", "product-days"),
    "report.unit.minutes": ("分钟", "minutes"),
    "report.kpi.turnover_days": ("库存周转天数", "Turnover days"),
    "report.kpi.turnover_days.formula": (
        "平均库存(成本)÷ 日均销售成本;平均库存 = 期间每天收盘库存按商品当前成本计价的平均值",
        "Average inventory at cost ÷ cost of goods sold per day; average inventory = the mean of each day's "
        "closing stock valued at the products' current cost"),
    "report.kpi.loss_rate": ("损耗率", "Loss rate"),
    "report.kpi.loss_rate.formula": (
        "损耗(成本)÷(销售成本 + 损耗);损耗 = 从库位转入损耗库位的成本(报损、过期、盘点报损),盘亏不计",
        "Loss at cost ÷ (cost of goods sold + loss); loss = the cost of stock moved into a loss location "
        "(write-offs, expired, damaged at a count); count shortages are not loss"),
    "report.kpi.gross_margin": ("毛利", "Gross margin"),
    "report.kpi.gross_margin.formula": (
        "销售额 − 销售成本;销售额按销售单金额(没有销售单的出库按零售价);销售成本按出库记录的成本,"
        "没有记录时按商品当前成本",
        "Sales − cost of goods sold; sales at the sales orders' amounts (a sale posted without an order at the "
        "list price); cost as recorded on the move, else the product's current cost"),
    "report.kpi.gross_margin_rate": ("毛利率", "Gross margin %"),
    "report.kpi.gross_margin_rate.formula": ("毛利 ÷ 销售额", "Gross margin ÷ sales"),
    "report.kpi_trend": ("{label} {value}(前 4 周 {previous})", "{label} {value} (4 weeks before: {previous})"),
    "report.kpi.fill_rate": ("满足率", "Fill rate"),
    "report.kpi.fill_rate.formula": ("售出数量 ÷(售出数量 + 缺货未售数量)",
                                     "Units sold ÷ (units sold + units asked for beyond the stock)"),
    "report.kpi.stockout_days": ("缺货商品天数", "Stock-out product-days"),
    "report.kpi.stockout_days.formula": (
        "期间内有销售的商品 × 天数:当天收盘时仓库和货架上没有未过期的库存",
        "Products that sold in the period × days on which, at the day's close, the warehouses and shelves held "
        "none of it unexpired"),
    "report.kpi.po_approval": ("采购单 创建→审核", "Purchase order created → approved"),
    "report.kpi.po_approval.formula": (
        "审核日期在期间内的采购单,从创建到审核(含自动审核)的时长:中位数,及 90% 分位",
        "Purchase orders approved in the period (automatic approvals too), creation to approval: the median, "
        "and the 90th percentile"),
    "report.kpi.po_receipt": ("采购单 审核→收货", "Purchase order approved → received"),
    "report.kpi.po_receipt.formula": (
        "第一张收货单确认日期在期间内的采购单,从审核到第一次确认收货的时长:中位数,及 90% 分位",
        "Purchase orders whose first goods receipt was confirmed in the period, approval to that receipt: "
        "the median, and the 90th percentile"),
    "report.kpi.so_approval": ("销售单 创建→审核", "Sales order created → approved"),
    "report.kpi.so_approval.formula": (
        "审核日期在期间内、需要审核的销售单,从创建到审核的时长:中位数,及 90% 分位",
        "Sales orders that waited for approval and were approved in the period, creation to approval: the "
        "median, and the 90th percentile"),
    "report.kpi.so_shipping": ("销售单 审核→出库", "Sales order approved → shipped"),
    "report.kpi.so_shipping.formula": (
        "出库日期在期间内、经过审核的销售单,从审核到出库的时长:中位数,及 90% 分位",
        "Approved sales orders shipped in the period, approval to shipment: the median, and the 90th percentile"),
    "report.kpi.so_lead_time": ("销售单 创建→出库(门店以外)", "Sales order created → shipped (not the counter)"),
    "report.kpi.so_lead_time.formula": (
        "出库日期在期间内、门店以外渠道的销售单,从创建到出库的时长:中位数,及 90% 分位",
        "Sales orders of channels other than the counter shipped in the period, creation to shipment: the "
        "median, and the 90th percentile"),
    "report.kpi.stocktake_duration": ("盘点用时", "Stocktake duration"),
    "report.kpi.stocktake_duration.formula": (
        "过账日期在期间内的盘点,从第一次计数到最后一次计数的时长:中位数,及 90% 分位",
        "Stocktakes posted in the period, first count to last count: the median, and the 90th percentile"),
    "report.kpi.stocktake_variance": ("盘点差异率", "Stocktake variance rate"),
    "report.kpi.stocktake_variance.formula": (
        "Σ|实盘 − 账存| × 成本 ÷ Σ 账存 × 成本,过账日期在期间内的盘点的已盘行",
        "Σ |counted − system| × cost ÷ Σ system × cost over the counted lines of stocktakes posted in the period"),
    "report.kpi.group_accuracy": ("社群订单识别准确率", "Group-order accuracy"),
    "report.kpi.group_accuracy.formula": ("未经修改就采用的行 ÷ 识别出的行", "Lines accepted without a change ÷ lines"),
    "report.kpi.group_handling": ("社群订单处理时长", "Group-order handling time"),
    "report.kpi.group_handling.formula": ("从粘贴消息到订单保存的时长", "From pasting the message to saving the order"),
    "report.part.average_inventory": ("平均库存(成本)", "Average inventory at cost"),
    "report.part.cogs": ("销售成本", "Cost of goods sold"),
    "report.part.loss": ("损耗(成本)", "Loss at cost"),
    "report.part.revenue": ("销售额", "Sales"),
    "report.part.days": ("天数", "Days"),
    "report.part.products": ("有销售的商品", "Products that sold"),
    "report.part.units_sold": ("售出数量(扣除退货)", "Units sold, net of returns"),
    "report.part.units_lost": ("缺货未售数量", "Units asked for beyond the stock"),
    "report.part.variance_value": ("差异金额(成本)", "Variance at cost"),
    "report.part.system_value": ("账存金额(成本)", "System stock at cost"),
    "report.part.group_lines": ("社群订单行(识别与保存取多者)", "Group-order lines (proposed or saved, the more)"),
    "report.part.group_accepted": ("未经修改就采用的行", "Lines accepted without a change"),
    "report.by.product": ("商品", "Product"),
    "report.by.category": ("分类", "Category"),
    "report.by.channel": ("渠道", "Channel"),
    "report.by.customer": ("客户", "Customer"),
    "report.by.weekday": ("星期", "Weekday"),
    "report.by.hour": ("小时", "Hour"),
    "report.by.week": ("周", "Week"),
    "report.by.month": ("月", "Month"),
    "report.no_order": ("无销售单(按零售价)", "No sales order (at list price)"),
    "report.no_category": ("未分类", "Uncategorised"),
    "report.hour": ("{hour:02d}:00–{hour:02d}:59", "{hour:02d}:00–{hour:02d}:59"),
    "report.name.expiry": ("临期处理:到期前卖不完或已进折价期的批次,建议动作与处理记录",
                           "Near-expiry worklist: lots that will not sell before expiry or are in their markdown "
                           "window, the suggested action, and what was done"),
    "report.name.supplier_returns": ("供应商退货率:按月、按供应商和商品;连续 3 个月超过 15% 的商品",
                                     "Supplier returns: monthly rate per supplier and product; products over 15% "
                                     "three months in a row"),
    "report.name.stocktake_trend": ("盘点差异趋势:每次盘点、每月各分类的差异率,0.5% 线",
                                    "Stocktake trend: variance rate per count and per category by month, the "
                                    "0.5% line"),
    "report.expiry.write_off": ("报损", "Write off"),
    "report.expiry.markdown": ("折价", "Mark down"),
    "report.expiry.move": ("调拨", "Move"),
    "report.expiry.sold": ("到期前已售完", "Sold before expiry"),
    "report.expiry.not_sold": ("到期未售完", "Not sold by expiry"),
    "report.expiry.selling": ("在售", "Selling"),
    "report.returns.flag": ("{sku} {name}:连续 {months} 个月退货率超过 {limit}%", "{sku} {name}: returns over "
                            "{limit}% for {months} months in a row"),
    "report.stocktake.stable": ("已稳定:连续 {months} 个月差异率低于 {limit}%", "Stable: under {limit}% for "
                                "{months} months in a row"),
    "report.stocktake.not_stable": ("未稳定:需连续 {months} 个月差异率低于 {limit}%", "Not stable yet: needs "
                                    "{months} months in a row under {limit}%"),
    "expiry.nothing_here": ("批次 {lot} 在 {location} 没有库存", "Lot {lot} has no stock at {location}"),
    "expiry.bad_target": ("不能调拨到 {location}", "Cannot move to {location}"),
    "quote.not_found": ("找不到报价单:{ref}", "Quote not found: {ref}"),
    "quote.bad_item": ("看不懂 {item}:请写成 SKU=数量、SKU=数量:单位 或 SKU=数量@单价", "Cannot read {item}: "
                       "write SKU=QTY, SKU=QTY:UNIT or SKU=QTY@PRICE"),
    "quote.valid_in_past": ("有效期 {day} 已经过去:请选今天或以后的日期", "Valid until {day} is in the past: "
                            "choose today or later"),
    "quote.expired": ("报价单 {number} 已于 {day} 过期,不能转为订单:请重新报价", "Quote {number} expired on "
                      "{day}: it cannot become an order, quote again"),
    "quote.already_ordered": ("报价单 {number} 已转为订单 {order}", "Quote {number} already became order {order}"),
    "quote.not_open": ("报价单 {number} 已作废,不能转为订单", "Quote {number} was cancelled: it cannot become an order"),
    "quote.ordered_no_change": ("报价单 {number} 已转为订单 {order},不能再{action}:请修改或作废销售单 {order}",
                                "Quote {number} already became order {order} and cannot change any more: "
                                "change or cancel order {order} instead"),
    "quote.cancelled_no_change": ("报价单 {number} 已作废,不能再{action}:请重新报价",
                                  "Quote {number} was cancelled and cannot change any more: quote again"),
    "quote.reason_needed": ("作废报价单请写明原因", "Say why the quote is cancelled"),
    "quote.edited": ("报价单 {number} 已修改,有效期至 {day}", "Quote {number} changed, valid until {day}"),
    "quote.cancelled": ("报价单 {number} 已作废", "Quote {number} cancelled"),
    "quote.created": ("报价单 {number} 已建立,有效期至 {day}", "Quote {number} made, valid until {day}"),
    "quote.ordered": ("报价单 {number} 已转为销售单 {order}", "Quote {number} became sales order {order}"),
    "quote.pdf_written": ("报价单已保存:{file}", "Quote saved: {file}"),
    "transfer.not_own_location": ("{role}库位 {location} 不是本店的库位:调拨只在门店、后仓、分店之间",
                                  "{location} is not one of the shop's own locations: transfers move stock "
                                  "between the store, back rooms and branches only"),
    "transfer.same_location": ("调出和调入都是 {location}:请选另一个库位", "Moving from {location} to itself: "
                               "choose another location"),
    "transfer.lot_unknown": ("找不到批次 {lot}", "Lot {lot} not found"),
    "transfer.not_a_transfer": ("单据 {number} 不是调拨单", "Document {number} is not a transfer"),
    "transfer.bad_item": ("看不懂 {item}:请写成 SKU=数量 或 SKU=数量@批次", "Cannot read {item}: write "
                          "SKU=QTY or SKU=QTY@LOT"),
    "transfer.posted": ("调拨单 {number} 已过账", "Transfer {number} posted"),
    "transfer.already_posted": ("调拨单 {number} 早已过账,未重复过账", "Transfer {number} was already posted: "
                                "nothing posted again"),
    "transfer.slip_written": ("调拨单已保存:{file}", "Transfer slip saved: {file}"),
    "report.waiting.purchase_approval": ("待审核的采购单", "Purchase orders to approve"),
    "report.waiting.sales_approval": ("待审核的销售单", "Sales orders to approve"),
    "expiry.markdown_expired": ("批次 {lot} 已于 {expiry} 过期,不能折价,请报损", "Lot {lot} expired on {expiry}: "
                                "it cannot be marked down, write it off"),
    "expiry.markdown_not_sold_here": ("{location} 不卖货:批次 {lot} 先调拨到 {store} 再折价(收银和平台订单都从 {store} 出货)",
                                      "Nothing is sold from {location}: move lot {lot} to {store} first, then mark "
                                      "it down (the counter and channel orders sell from {store})"),
    "expiry.no_markdown": ("批次 {lot} 在 {location} 没有生效的折价", "Lot {lot} has no markdown in force at "
                           "{location}"),
    "report.expiry.cancel_markdown": ("取消折价", "Markdown cancelled"),
    "report.waiting.group_orders": ("未出库的社群订单", "Group orders not shipped"),
    "report.waiting.channel_orders": ("未出库的平台订单", "Channel orders not shipped"),
    "report.waiting.emergencies": ("待补全的紧急出库", "Emergency outbounds to complete"),
    "report.near_expiry": ("{days} 天内到期:{lots} 批,成本 {value}", "Expiring within {days} days: {lots} lots, "
                           "{value} at cost"),
    "report.expired": ("已过期:{lots} 批,成本 {value}", "Expired: {lots} lots, {value} at cost"),
    "report.stockout": ("缺货:{sku} {name}(最后售出 {day})", "Out of stock: {sku} {name} (last sold {day})"),
    "report.name.reconcile": ("每日对账:完整性检查、库存异常波动、卡住的单据", "Daily reconciliation: integrity "
                              "check, stock swings, documents stuck between states"),
    "report.stuck.purchase_not_received": ("已审核未收货的采购单", "Purchase order approved, not received"),
    "report.stuck.emergency_open": ("未补全的紧急出库", "Emergency outbound not completed"),
    "report.stuck.count_open": ("未完成的盘点", "Count session still open"),
    "report.stuck.line": ("{label}:{number},自 {since} 起 {days} 天", "{label}: {number}, {days} days since {since}"),
    "report.reconcile.ok": ("对账通过:{balances} 条库存与流水一致,审计链 {events} 条完好,无异常波动,无卡住的单据",
                            "Reconciled: {balances} balances match the ledger, {events} audit events intact, "
                            "no swings, nothing stuck"),
    "report.reconcile.head": ("每日对账 {day}(运行于 {ran_at})", "Daily reconciliation {day} (ran {ran_at})"),
    "report.reconcile.swing": ("{sku} {name}:昨日结存 {yesterday} + 今日变动 {today} = 应有 {expected},账面 {on_hand} {unit}"
                               "(偏差 {swing})", "{sku} {name}: yesterday's close {yesterday} + today's moves {today} "
                               "= {expected} expected, balance {on_hand} {unit} (off by {swing})"),
    "report.reconcile.no_stock_expected": ("应为 0", "none expected"),
    "report.reconcile.not_found": ("找不到对账记录:{ref}", "Reconciliation record not found: {ref}"),
    "report.name.basket": ("购物篮:常一起买的商品,支持度、置信度、提升度", "Basket analysis: products bought "
                           "together, with support, confidence and lift"),
    "report.basket.rule": ("{slice}买{a}的顾客中 {confidence}% 也买了{b},是平时的 {lift} 倍,基于 {baskets} 单",
                           "{slice} {confidence}% of customers who bought {a} also bought {b}, {lift} times the "
                           "usual rate, based on {baskets} orders"),
    "report.basket.hours": ("{start}–{end} 点", "{start}–{end}h"),
    "report.basket.bad_weekday": ("星期应为 1–7(周一为 1),不是 {weekday}", "The weekday is 1–7 (Monday 1), not {weekday}"),
    "report.basket.bad_hours": ("时段 {start}–{end} 不对:应在 0–24 点之间且开始早于结束",
                                "The hours {start}–{end} must lie within 0–24 and start before they end"),
    "report.name.audit": ("审计与安全(周):放行记录、紧急出库、冲销、审核、用户与权限变更",
                          "Audit and security (weekly): overrides, emergency outbounds, reversals, approvals, "
                          "user and permission changes"),
    "report.audit.expired_override": ("强制出库过期批次", "Expired lots used by override"),
    "report.audit.review_override": ("审核放行的销售单(超审批线、低于底价、超信用额度)",
                                     "Sales orders approved past a rule (over the threshold, below the floor "
                                     "price, over the credit limit)"),
    "report.audit.receipt_decision": ("超收或过期到货放行", "Receipts accepted over tolerance or expired on arrival"),
    "report.audit.count_over_limit": ("超出差异限额的盘点", "Counts posted with lines over the variance limit"),
    "report.audit.emergency": ("紧急出库", "Emergency outbounds"),
    "report.audit.reversal": ("冲销", "Reversals"),
    "report.audit.approval": ("审核", "Approvals"),
    "report.audit.user_change": ("用户与权限变更", "User and permission changes"),
    "report.audit.setting_change": ("设置变更", "Setting changes"),
    "report.audit.custom_field_change": ("自定义字段及其值的变更", "Custom fields and their values changed"),
    "report.audit.logins": ("登录", "Logins"),
    "report.audit.failed_logins": ("登录失败", "Failed logins"),
    "report.audit.not_recorded": ("未记录(程序没有记下这一项)", "Not recorded (the program does not write these down)"),
    "report.audit.lines_over_limit": ("{lines} 行超出差异限额", "{lines} lines over the variance limit"),
    "report.audit.purchase_order": ("采购单", "Purchase order"),
    "report.audit.sales_order": ("销售单", "Sales order"),
    "report.audit.paperwork_done": ("已补全", "paperwork done"),
    "report.audit.paperwork_open": ("未补全", "paperwork open"),
    "report.audit.reconciliation": ("对账 {day}:{state},完整性问题 {problems},异常波动 {swings},卡住的单据 {stuck}",
                                    "Reconciliation {day}: {state}, {problems} integrity problems, {swings} swings, "
                                    "{stuck} stuck"),
    "report.audit.reconciled_ok": ("通过", "passed"),
    "report.audit.reconciled_not_ok": ("有问题", "found problems"),
    # English as "what: count", so one and many read alike
    "report.alert.reconcile_problems": ("{day} 对账:{count} 处库存与流水不一致", "Reconciliation {day}, balances "
                                        "off the ledger: {count}"),
    "report.alert.reconcile_swings": ("{day} 对账:{count} 个商品库存波动超过 ±{limit}%", "Reconciliation {day}, "
                                      "products whose stock swung over ±{limit}%: {count}"),
    "report.alert.stuck_documents": ("{day} 对账:{count} 张单据卡在中途", "Reconciliation {day}, documents stuck "
                                     "between states: {count}"),
    "report.alert.stockouts": ("{count} 个近 4 周卖过的商品现在缺货", "Products that sold in the last 4 weeks, out of "
                               "stock now: {count}"),
    "report.alert.expiring_lots": ("{count} 批临期或过期的批次还没处理", "Lots near or past expiry, not handled yet: "
                                   "{count}"),
    "report.alert.approvals_waiting": ("{count} 张单据等待审核超过 1 天", "Orders waiting over a day for approval: "
                                       "{count}"),
    "report.alert.emergencies_open": ("{count} 张紧急出库还没补全手续", "Emergency outbounds without their "
                                      "paperwork: {count}"),
    "report.alert.supplier_returns": ("{count} 个商品连续 {months} 个月退货率超过 {limit}%", "Products returned "
                                      "over {limit}% {months} months in a row: {count}"),
    "report.alert.stocktake_variance": ("近 {days} 天有 {count} 次盘点差异率不低于 {limit}%", "Counts of the last "
                                        "{days} days at or over {limit}% variance: {count}"),
    "report.basket.none": ("没有达到最低支持度({min_support} 单)的商品组合", "No pair reaches the minimum "
                           "support ({min_support} baskets)"),
    "report.negotiation.one_subject": ("谈判单要选一个供应商或一个商品", "A negotiation sheet is for one supplier or "
                                       "one product"),
    "report.negotiation.bad_format": ("谈判单只能保存为 .pdf 或 .xlsx:{file}", "A negotiation sheet is saved as .pdf "
                                      "or .xlsx: {file}"),
    "report.basket.no_sales": ("所选期间、星期和时段里没有销售单", "No sale in the chosen period, weekday and hours"),
    "report.basket.few_multi": ("{baskets} 单里只有 {multi} 单买了两种以上商品,不到最低支持度 {min_support} 单:样本太少,"
                                "不下结论", "Only {multi} of {baskets} sales hold two products or more, fewer than "
                                "the minimum support of {min_support}: too few to tell"),
    "report.timing": ("{label}:中位数 {value} {unit},90% 在 {p90} {unit}以内(共 {count} 个)",
                      "{label}: median {value} {unit}, 90% within {p90} {unit} (n = {count})"),
}


def set_language(language: str) -> None:
    global _language
    _language = language if language in LANGUAGES else "zh_CN"


def language() -> str:
    return _language


def msg(key: str, **params: object) -> str:
    zh, en = MESSAGES[key]
    if _language != "en":
        return zh.format(**params)
    if isinstance(params.get("field"), str):
        params["field"] = field_name(params["field"])
    return en.format(**params)


# -- field names ---------------------------------------------------------------------------------
# The services name a field in Chinese (ValidationError(..., field="数量")): that name is the field's
# identity (dialogs find their widget by it, imports their column), so it is translated only here,
# when a message is worded. tests/test_field_names.py walks the code for every name passed.

FIELD_NAMES: dict[str, str] = {
    # catalog
    "名称": "Name", "SKU编码": "SKU", "SKU编码/条码": "SKU/barcode", "商品编码": "Product code",
    "商品名称": "Product name", "规格": "Specification", "分类": "Category", "单位": "Unit",
    "大单位": "Box unit", "箱规": "Pack size", "条码": "Barcode", "箱条码": "Box barcode", "条码单位": "Barcode unit",
    "保质期天数": "Shelf life (days)", "进价": "Purchase price", "售价": "Selling price", "价格": "Price",
    "单价": "Unit price", "成本": "Cost", "安全库存": "Safety stock", "货架": "Shelf", "别名": "Alias",
    "照片": "Photo", "版式": "Layout", "份数": "Copies", "起始位置": "Start position",
    # stock and locations
    "库位": "Location", "库位编码": "Location code", "库位名称": "Location name", "类型": "Type", "批次": "Lot",
    "到期日": "Expiry date", "有效期": "Valid until", "数量": "Quantity", "明细": "Lines", "冲销原因": "Reversal reason",
    "预占数量": "Reserved quantity", "预占来源": "Reserved for", "盘点数量": "Counted quantity", "盘点人": "Counter",
    "报损数量": "Loss quantity", "报损原因": "Write-off reason", "折价": "Markdown price",
    # purchasing
    "供应商": "Supplier", "供应商编码": "Supplier code", "供应商名称": "Supplier name",
    "供应商编码/供应商名称": "Supplier code/supplier name", "供应商货号": "Supplier's article number",
    "联系人": "Contact", "电话": "Phone", "地址": "Address", "负责人": "Responsible", "送货周期天数": "Lead time (days)",
    "送货日": "Delivery days", "起订金额": "Minimum order amount", "首选": "Preferred", "采购单": "Purchase order",
    "采购建议": "Purchase suggestion", "收货库位": "Receiving location", "收货数量": "Received quantity",
    "破损数量": "Damaged quantity", "退货原因": "Return reason", "退货库位": "Return location",
    "合计": "Total",
    # sales, customers and channels
    "客户": "Customer", "顾客": "Customer", "客户编码": "Customer code", "客户名称": "Customer name",
    "客户类型": "Customer type", "价格等级": "Price tier", "信用额度": "Credit limit", "账期天数": "Payment terms (days)",
    "微信": "WeChat", "启用": "Active", "备注": "Note", "销售单": "Sales order", "付款方式": "Payment method",
    "收款方式": "Payment method", "收款金额": "Amount received", "赊销金额": "Credit sale amount",
    "调整金额": "Adjustment amount", "调整原因": "Adjustment reason", "退货数量": "Return quantity",
    "退货金额": "Return amount", "去向": "Destination", "对账期间": "Statement period", "文件": "File",
    "紧急出库原因": "Emergency outbound reason", "补全说明": "Completion note", "渠道": "Channel",
    "渠道编码": "Channel code", "渠道名称": "Channel name", "保留分钟数": "Hold minutes", "订单号": "Order number",
    "平台单号": "Platform order number", "支付状态": "Payment status", "折扣": "Discount",
    # production and disassembly
    "父项SKU": "Parent SKU", "子项SKU": "Component SKU", "原料": "Component", "用量": "Quantity per unit",
    "损耗率": "Scrap rate", "损耗率%": "Scrap %", "副产品": "By-product", "工序": "Steps", "生产数量": "Production quantity",
    "计划日期": "Planned date", "加工费": "Processing fee", "委外": "Outsourcing", "缺料": "Shortage",
    "开始日期": "First day", "结束日期": "Last day", "预计倍数": "Uplift",  # 促销计划
    "状态": "State", "合格数量": "Good quantity", "报废数量": "Scrap quantity", "副产品数量": "By-product quantity",
    "实际用量": "Actual use", "已耗用数量": "Quantity used", "工时(分钟)": "Work time (minutes)",
    "作废原因": "Cancel reason", "拆出商品": "Output product", "拆出数量": "Output quantity",
    "拆卸数量": "Quantity to disassemble", "实得数量": "Quantity obtained", "成本比例": "Cost share",
    "成本分摊": "Cost rule",
    # users, demo and shop settings
    "用户": "User", "用户名": "User name", "密码": "Password", "旧密码": "Old password", "角色": "Role", "商品数": "Number of products",
    "天数": "Days", "采购单审批金额(元)": "Purchase order approval amount (yuan)",
    "进价高于上次提示(%)": "Flag a purchase price above the last by (%)",
    "超收容差(%)": "Over-receipt tolerance (%)", "需求统计天数": "Days of demand counted",
    "采购建议服务水平(%)": "Suggestion service level (%)", "各品类服务水平(%)": "Service level per category (%)",
    "销售单审核金额(元)": "Sales order approval amount (yuan)",
    "未付款订单保留库存(分钟)": "Minutes an unpaid order holds stock",
    "盘点差异上限(%),超出需复盘": "Stocktake variance limit (%), above it a recount",
    "盘点差异金额上限(元)": "Stocktake variance limit (yuan)",
    "循环盘点看多少天的动销和损耗": "Days of sales and losses a cycle count looks at",
    # the shop's own fields
    "字段名称": "Field name", "字段类型": "Field type", "选项": "Choices", "资料": "Record kind",
}
# Names the code composes around a row number, a unit or a product name (第 3 行数量, 箱换算, 西瓜 的用量):
# the part named `field` is a field name again; the others are kept as written.
FIELD_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^第 ?(?P<row>\S+?) ?行$"), "Line {row}"),
    (re.compile(r"^第 ?(?P<row>\S+?) ?行(?P<field>.+)$"), "Line {row}: {field}"),
    (re.compile(r"^(?P<field>.+)\(换算为(?P<unit>.+)\)$"), "{field} (in {unit})"),
    (re.compile(r"^(?P<name>.+) 的(?P<field>.+)$"), "{field} of {name}"),
    (re.compile(r"^(?P<unit>.+)换算$"), "Factor of {unit}"),
    (re.compile(r"^(?P<channel>.+)价$"), "{channel} price"),  # a channel's own price list: 社群价, 美团价
)


def field_name(text: str) -> str:
    """A field as the user reads it: the code's Chinese name, or its English wording in English."""
    if _language != "en":
        return text
    if text in FIELD_NAMES:
        return FIELD_NAMES[text]
    for pattern, english in FIELD_FORMS:
        found = pattern.match(text)
        if found:
            parts = found.groupdict()
            if "field" in parts:
                parts["field"] = field_name(parts["field"])
            return english.format(**parts)
    return text

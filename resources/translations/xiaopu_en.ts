<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>小铺进销存</source>
        <translation>Xiaopu</translation>
    </message>
    <message>
        <source>正在生成演示商店…</source>
        <translation>Creating the demo store…</translation>
    </message>
</context>
<context>
    <name>BarcodeRow</name>
    <message>
        <source>扫码或输入条码</source>
        <translation>Scan or type a barcode</translation>
    </message>
    <message>
        <source>删除此条码</source>
        <translation>Remove this barcode</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>详情已写入日志:</source>
        <translation>Details were written to the log: </translation>
    </message>
    <message>
        <source>程序出现意外错误,当前操作没有完成。</source>
        <translation>Something unexpected went wrong; the current action was not completed.</translation>
    </message>
    <message>
        <source>小铺进销存 - 错误</source>
        <translation>Xiaopu - Error</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>库存流水 - %1</source>
        <translation>Stock moves - %1</translation>
    </message>
    <message>
        <source>只看批次 %1</source>
        <translation>Only lot %1</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 条流水</source>
        <translation>
            <numerusform>%n move</numerusform>
            <numerusform>%n moves</numerusform>
        </translation>
    </message>
    <message>
        <source>,当前结存 %1</source>
        <translation>, balance now %1</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>To</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>结存</source>
        <translation>Balance</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>登录 - 小铺进销存</source>
        <translation>Log in - Xiaopu</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>小铺进销存</source>
        <translation>Xiaopu</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>备份数据库…</source>
        <translation>Back up database…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>选项…</source>
        <translation>Options…</translation>
    </message>
    <message>
        <source>用户管理…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于小铺</source>
        <translation>About Xiaopu</translation>
    </message>
    <message>
        <source>用户:%1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>数据库:%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>扫码:%1</source>
        <translation>Scanned: %1</translation>
    </message>
    <message>
        <source>未知条码</source>
        <translation>Unknown barcode</translation>
    </message>
    <message>
        <source>未知条码 %1

没有商品使用这个条码。要用它新建商品吗?</source>
        <translation>Unknown barcode %1

No product has this barcode. Create a new product with it?</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup done</translation>
    </message>
    <message>
        <source>备份已写入并验证:
%1</source>
        <translation>Backup written and verified:
%1</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>小铺进销存 %1

给小店用的进销存:商品、库存、批次与保质期、扫码枪。
数据保存在本机的一个文件里。</source>
        <translation>Xiaopu %1

Purchasing, sales and stock for a small shop: products, stock, lots and shelf life, barcode scanners.
Your data stays in one file on this PC.</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>店主</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>采购员</source>
        <translation>Purchaser</translation>
    </message>
    <message>
        <source>仓管员</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>收银员</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>财务</source>
        <translation>Finance</translation>
    </message>
    <message>
        <source>收货入库</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>销售出库</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>报损</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>库存调整</source>
        <translation>Adjustment</translation>
    </message>
    <message>
        <source>期初库存</source>
        <translation>Opening stock</translation>
    </message>
    <message>
        <source>生产</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>冲销</source>
        <translation>Reversal</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>新建商品</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>留空自动生成</source>
        <translation>Leave blank to generate</translation>
    </message>
    <message>
        <source>不易腐坏可留空</source>
        <translation>Blank if not perishable</translation>
    </message>
    <message>
        <source>货架编码,如 A-01</source>
        <translation>Shelf code, e.g. A-01</translation>
    </message>
    <message>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>基本单位</source>
        <translation>Base unit</translation>
    </message>
    <message>
        <source>保质期(天)</source>
        <translation>Shelf life (days)</translation>
    </message>
    <message>
        <source>进价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>安全库存</source>
        <translation>Safety stock</translation>
    </message>
    <message>
        <source>货架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>添加单位</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>单位换算</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>添加条码</source>
        <translation>Add barcode</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>进价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>安全库存</source>
        <translation>Safety stock</translation>
    </message>
    <message>
        <source>保质期(天)</source>
        <translation>Shelf life (days)</translation>
    </message>
    <message>
        <source>货架</source>
        <translation>Shelf</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <source>搜索:名称、拼音首字母(如 lm)、全拼、SKU 或条码</source>
        <translation>Search: name, pinyin initials (e.g. lm), pinyin, SKU or barcode</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>导入Excel</source>
        <translation>Import Excel</translation>
    </message>
    <message>
        <source>导出Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 个商品</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>请先在列表中选择一个商品。</source>
        <translation>Select a product in the list first.</translation>
    </message>
    <message>
        <source>导入商品</source>
        <translation>Import products</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>商品.xlsx</source>
        <translation>products.xlsx</translation>
    </message>
    <message>
        <source>导出商品</source>
        <translation>Export products</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import done</translation>
    </message>
    <message>
        <source>正在导入 %1 …</source>
        <translation>Importing %1 …</translation>
    </message>
    <message>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>导出完成</source>
        <translation>Export done</translation>
    </message>
    <message>
        <source>已导出 %1 个商品到 %2</source>
        <translation>Exported %1 products to %2</translation>
    </message>
    <message>
        <source>正在导出 %1 …</source>
        <translation>Exporting %1 …</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>更改语言后需重新启动小铺才能生效。</source>
        <translation>A new language takes effect after restarting Xiaopu.</translation>
    </message>
    <message>
        <source> 毫秒</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>回车(Enter)</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>制表符(Tab)</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>扫码枪</source>
        <translation>Barcode scanner</translation>
    </message>
    <message>
        <source>按键间隔上限</source>
        <translation>Longest gap between keys</translation>
    </message>
    <message>
        <source>最短条码长度</source>
        <translation>Shortest code</translation>
    </message>
    <message>
        <source>结束键</source>
        <translation>Ending key</translation>
    </message>
    <message>
        <source>扫码枪输入很快:按键间隔都小于上限、以结束键收尾的输入才算扫码,手动打字不受影响。</source>
        <translation>A scanner types fast: only input whose keys all come within the gap and that ends with the ending key counts as a scan. Typing by hand is not affected.</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>预占</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>搜索:名称、拼音首字母、SKU 或条码</source>
        <translation>Search: name, pinyin initials, SKU or barcode</translation>
    </message>
    <message>
        <source>流水</source>
        <translation>Moves</translation>
    </message>
    <message>
        <source>查看所选商品或批次的库存流水</source>
        <translation>Show the stock moves of the selected product or lot</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>3 天内到期</source>
        <translation>Expires within 3 days</translation>
    </message>
    <message>
        <source>全部库位</source>
        <translation>All locations</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 行</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>,已过期 %1 批,3 天内到期 %2 批</source>
        <translation>, %1 lots expired, %2 expiring within 3 days</translation>
    </message>
    <message>
        <source>库存流水</source>
        <translation>Stock moves</translation>
    </message>
    <message>
        <source>请先在列表中选择一行。</source>
        <translation>Select a row in the list first.</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
</context>
<context>
    <name>UnitRow</name>
    <message>
        <source>如 箱</source>
        <translation>e.g. box</translation>
    </message>
    <message>
        <source>如 12</source>
        <translation>e.g. 12</translation>
    </message>
    <message>
        <source>删除此单位</source>
        <translation>Remove this unit</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>修改用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>留空 = 不修改</source>
        <translation>Leave blank to keep it</translation>
    </message>
    <message>
        <source>可留空:无密码的账号不能登录</source>
        <translation>Optional: an account without a password cannot log in</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>有任何账号设置了密码后,启动时需要登录。角色决定能做什么:店主可审批和冲销,收银员只能销售。</source>
        <translation>Once any account has a password, Xiaopu asks for a login at start. The role decides what a user may do: owners approve and reverse, cashiers only sell.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>无法打印:打印机未就绪</source>
        <translation>Cannot print: the printer is not ready</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>无法保存:%1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>采购订单 %1</source>
        <translation>Purchase order %1</translation>
    </message>
    <message>
        <source>补货码</source>
        <translation>Replenishment codes</translation>
    </message>
</context>
</TS>

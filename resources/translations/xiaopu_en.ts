<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AlertsDialog</name>
    <message>
        <source>提醒</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>断货提醒</source>
        <translation>Stock-out alerts</translation>
    </message>
    <message numerus="yes">
        <source>%n 个商品今晚已来不及补救</source>
        <translation>
            <numerusform>%n product cannot be saved tonight</numerusform>
            <numerusform>%n products cannot be saved tonight</numerusform>
        </translation>
    </message>
    <message>
        <source>已经卖完,或在最早一班到货前就会卖完;今晚下单也赶不上。</source>
        <translation>Sold out, or selling out before the earliest delivery: an order placed tonight comes too late.</translation>
    </message>
    <message numerus="yes">
        <source>…还有 %n 个,见建议采购。</source>
        <translation>
            <numerusform>… and %n more, see the suggestions.</numerusform>
            <numerusform>… and %n more, see the suggestions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>另有 %n 个商品今天下单还来得及,在建议采购里。</source>
        <translation>
            <numerusform>%n more product can still be saved by ordering today: see the suggestions.</numerusform>
            <numerusform>%n more products can still be saved by ordering today: see the suggestions.</numerusform>
        </translation>
    </message>
    <message>
        <source>去建议采购</source>
        <translation>Go to suggestions</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
</context>
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
    <name>BoardView</name>
    <message>
        <source>新建生产单</source>
        <translation>New production order</translation>
    </message>
    <message>
        <source>缺料:已下达但原料没备齐</source>
        <translation>Short: released, components not all there</translation>
    </message>
    <message>
        <source>计划日期红色:已逾期</source>
        <translation>Due date in red: late</translation>
    </message>
</context>
<context>
    <name>BomEditor</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>原料</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>用量</source>
        <translation>Qty per unit</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>损耗率%</source>
        <translation>Scrap %</translation>
    </message>
    <message>
        <source>副产品</source>
        <translation>By-product</translation>
    </message>
</context>
<context>
    <name>BomEditorDialog</name>
    <message>
        <source>选定产品</source>
        <translation>Choose product</translation>
    </message>
    <message>
        <source>例如:夏季换大盒</source>
        <translation>e.g. bigger box for summer</translation>
    </message>
    <message>
        <source>加入原料</source>
        <translation>Add component</translation>
    </message>
    <message>
        <source>用量是做 1 个单位产品要用的量;双击用量、单位或损耗率可修改;副产品是做的时候多出来的东西。</source>
        <translation>Quantity is what one unit of the product uses; double-click quantity, unit or scrap to change them; a by-product is what making it leaves over.</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>添加工序</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>删除工序</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <source>按单生产(有销售单才做)</source>
        <translation>Make to order (only when a sales order asks)</translation>
    </message>
    <message>
        <source>保存后启用</source>
        <translation>Activate after saving</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>工序(按顺序,可拖动;双击改名)</source>
        <translation>Steps (in order, drag to move; double-click to rename)</translation>
    </message>
    <message>
        <source>新建物料清单</source>
        <translation>New bill of materials</translation>
    </message>
    <message>
        <source>(先选择要做的产品)</source>
        <translation>(first choose the product to make)</translation>
    </message>
    <message>
        <source>编辑物料清单:%1(以 v%2 为底稿存为新版本)</source>
        <translation>Edit bill of materials: %1 (saved as a new version based on v%2)</translation>
    </message>
    <message>
        <source>新工序</source>
        <translation>New step</translation>
    </message>
    <message>
        <source>请先选择要做的产品。</source>
        <translation>Please choose the product to make first.</translation>
    </message>
</context>
<context>
    <name>BomTreeModel</name>
    <message>
        <source>副产品</source>
        <translation>By-product</translation>
    </message>
    <message>
        <source>物料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单价(标准成本)</source>
        <translation>Unit cost (standard)</translation>
    </message>
    <message>
        <source>成本</source>
        <translation>Cost</translation>
    </message>
</context>
<context>
    <name>BomView</name>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>启用版本</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>标准成本</source>
        <translation>Std cost</translation>
    </message>
    <message>
        <source>原料</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>需求</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>现有</source>
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
        <source>在途</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>缺口</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>导入物料清单</source>
        <translation>Import bills of materials</translation>
    </message>
    <message>
        <source>导出物料清单</source>
        <translation>Export bills of materials</translation>
    </message>
    <message>
        <source>物料清单.xlsx</source>
        <translation>bills-of-materials.xlsx</translation>
    </message>
    <message>
        <source>搜索:名称、拼音首字母或 SKU</source>
        <translation>Search: name, pinyin initials or SKU</translation>
    </message>
    <message>
        <source>新建物料清单</source>
        <translation>New BOM</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>设为启用</source>
        <translation>Make active</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>以所选版本为底稿,保存为新版本</source>
        <translation>Start from the selected version and save a new version</translation>
    </message>
    <message>
        <source>原料需求(按上面的数量,对照库存)</source>
        <translation>Components needed (for the quantity above, against stock)</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>缺料:可用 + 在途 不够</source>
        <translation>Short: available + on order not enough</translation>
    </message>
    <message>
        <source>(启用)</source>
        <translation> (active)</translation>
    </message>
    <message>
        <source>选择左边的产品查看物料清单</source>
        <translation>Choose a product on the left to see its bill of materials</translation>
    </message>
    <message>
        <source>标准成本 ¥%1 / %2;做 %3 %2 合计 ¥%4。</source>
        <translation>Standard cost ¥%1 / %2; making %3 %2 costs ¥%4. </translation>
    </message>
    <message numerus="yes">
        <source>%n 种原料不够。</source>
        <translation>
            <numerusform>%n component is short.</numerusform>
            <numerusform>%n components are short.</numerusform>
        </translation>
    </message>
    <message>
        <source>原料都够。</source>
        <translation>All components are available.</translation>
    </message>
    <message>
        <source>工序:%1</source>
        <translation>Steps: %1</translation>
    </message>
    <message>
        <source>按单生产:有销售单才做</source>
        <translation>Made to order: only when a sales order asks</translation>
    </message>
    <message>
        <source>v%1 未启用:下面是做 1 %2 产品的原料用量(不含损耗)。设为启用后才展开计算成本和缺料。</source>
        <translation>v%1 is not active: below is what one %2 uses (before scrap). Make it active to see the full explosion, costs and shortages.</translation>
    </message>
</context>
<context>
    <name>CancelUsedDialog</name>
    <message>
        <source>作废 %1:已耗用的原料</source>
        <translation>Cancel %1: components used up</translation>
    </message>
    <message>
        <source>请确认部分生产已耗用的原料(会报损);没用掉的释放回库存。</source>
        <translation>Confirm the components the partial work used up (written off as loss); the rest goes back to stock.</translation>
    </message>
    <message>
        <source>报损并作废</source>
        <translation>Write off and cancel</translation>
    </message>
</context>
<context>
    <name>ChannelDialog</name>
    <message>
        <source>新增渠道</source>
        <translation>New channel</translation>
    </message>
    <message>
        <source>渠道改名</source>
        <translation>Rename channel</translation>
    </message>
    <message>
        <source>如 ELEME(大写字母、数字)</source>
        <translation>e.g. ELEME (capitals, digits)</translation>
    </message>
    <message>
        <source>如 饿了么</source>
        <translation>e.g. Ele.me</translation>
    </message>
    <message>
        <source>单独设置未付款保留时间</source>
        <translation>Own hold time for unpaid orders</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>不限时</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>渠道编码</source>
        <translation>Channel code</translation>
    </message>
    <message>
        <source>渠道名称</source>
        <translation>Channel name</translation>
    </message>
    <message>
        <source>保留时间</source>
        <translation>Hold time</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>完工入库 %1</source>
        <translation>Complete %1</translation>
    </message>
    <message>
        <source>YYYY-MM-DD,可不填</source>
        <translation>YYYY-MM-DD, may be blank</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>合格数量</source>
        <translation>Good quantity</translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation>Scrapped quantity</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>完工入库</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>实际用量(按合格 + 报废自动计算;改过的格子不再自动变)</source>
        <translation>Actual use (from good + scrapped; a cell you changed stays as typed)</translation>
    </message>
</context>
<context>
    <name>CountView</name>
    <message>
        <source>扫货架码或商品条码,也可输入编码后回车</source>
        <translation>Scan the shelf code or a product barcode, or type a code and press Enter</translation>
    </message>
    <message>
        <source>数量(空=1)</source>
        <translation>Qty (empty = 1)</translation>
    </message>
    <message>
        <source>批次:</source>
        <translation>Lot:</translation>
    </message>
    <message>
        <source>计入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>改选中行状态</source>
        <translation>Set status of selected line</translation>
    </message>
    <message>
        <source>附照片…</source>
        <translation>Attach photo…</translation>
    </message>
    <message>
        <source>给选中的行附一张照片(如破损的箱子),照片会复制到数据文件夹</source>
        <translation>Attach a photo to the selected line (a damaged crate, say); the picture is copied into the data folder</translation>
    </message>
    <message>
        <source>提交审核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <source>不在本货架 / 请复盘</source>
        <translation>Not expected on this shelf / recount asked</translation>
    </message>
    <message>
        <source>盘点单:%1</source>
        <translation>Count session: %1</translation>
    </message>
    <message>
        <source>请先选择或新建盘点单。</source>
        <translation>Choose or start a count session first.</translation>
    </message>
    <message>
        <source>当前货架:%1</source>
        <translation>Current shelf: %1</translation>
    </message>
    <message>
        <source>请先扫货架码</source>
        <translation>Scan the shelf code first</translation>
    </message>
    <message>
        <source>货架已设为 %1,请扫商品。</source>
        <translation>Shelf set to %1; now scan the goods.</translation>
    </message>
    <message>
        <source>此商品有多个批次,请选批次后按“计入”。</source>
        <translation>This product has several lots: choose the lot, then press Add.</translation>
    </message>
    <message>
        <source>%1:已盘 %2</source>
        <translation>%1: counted %2</translation>
    </message>
    <message>
        <source>请先选中已盘的行。</source>
        <translation>Select a counted line first.</translation>
    </message>
    <message>
        <source>附照片</source>
        <translation>Attach photo</translation>
    </message>
    <message>
        <source>图片 (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Pictures (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>已附照片:%1</source>
        <translation>Photo attached: %1</translation>
    </message>
    <message>
        <source>已提交审核。</source>
        <translation>Submitted for review.</translation>
    </message>
</context>
<context>
    <name>CounterView</name>
    <message>
        <source>%1(临期折价)</source>
        <translation>%1 (marked down)</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>毛利率 %1</source>
        <translation>Margin %1</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>折扣</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>扫商品条码、箱码或电子秤条码;也可输入条码后回车</source>
        <translation>Scan a product, box or scale barcode; or type a code and press Enter</translation>
    </message>
    <message>
        <source>删除行 (Del)</source>
        <translation>Remove line (Del)</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>收款出库 (F9)</source>
        <translation>Take payment (F9)</translation>
    </message>
    <message>
        <source>F9 或 Ctrl+Enter:收款并出库,库存立即减少</source>
        <translation>F9 or Ctrl+Enter: take payment and ship; stock goes down at once</translation>
    </message>
    <message>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>付款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>再扫一次同一商品数量加一;选中行直接输入可改数量、单价、折扣(整行减的金额)。</source>
        <translation>Scanning a product again adds one; type into a selected line to change quantity, price or discount (money off the whole line).</translation>
    </message>
    <message>
        <source>%1 × %2 %3</source>
        <translation>%1 × %2 %3</translation>
    </message>
    <message>
        <source>合计 ¥%1</source>
        <translation>Total ¥%1</translation>
    </message>
    <message>
        <source>已出库:销售单 %1,合计 ¥%2。</source>
        <translation>Shipped: sales order %1, total ¥%2.</translation>
    </message>
    <message>
        <source>销售单 %1(¥%2)需要审批:%3。库存已预占,审批通过后在“订单/审批”里出库。</source>
        <translation>Sales order %1 (¥%2) needs approval: %3. The stock is reserved; once approved, ship it from Orders/Approvals.</translation>
    </message>
    <message>
        <source>未出库:%1</source>
        <translation>Not shipped: %1</translation>
    </message>
    <message>
        <source>收银</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>过期批次</source>
        <translation>Expired lot</translation>
    </message>
    <message>
        <source>%1

仍要卖出?请写明原因(记入操作记录)。</source>
        <translation>%1

Sell it anyway? Write the reason (it goes into the audit log).</translation>
    </message>
    <message>
        <source>放行出库</source>
        <translation>Sell anyway</translation>
    </message>
    <message>
        <source>未出库:过期批次要店主决定。</source>
        <translation>Not shipped: the owner must decide about an expired lot.</translation>
    </message>
    <message>
        <source>%1

过期商品只能由店主决定是否出库:请店主来收银。</source>
        <translation>%1

Only the owner may decide to sell an expired lot: please ask the owner to ring it up.</translation>
    </message>
    <message>
        <source>已出库(店主放行过期批次):销售单 %1,合计 ¥%2。</source>
        <translation>Shipped (expired lot released by the owner): sales order %1, total ¥%2.</translation>
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
    <name>CustomerCombo</name>
    <message>
        <source>散客</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source> · 欠 ¥%1</source>
        <translation> · owes ¥%1</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>零售</source>
        <translation>Retail</translation>
    </message>
    <message>
        <source>批发</source>
        <translation>Wholesale</translation>
    </message>
    <message>
        <source>零售价</source>
        <translation>Retail price</translation>
    </message>
    <message>
        <source>批发价</source>
        <translation>Wholesale price</translation>
    </message>
    <message>
        <source>大客户价</source>
        <translation>Key account price</translation>
    </message>
    <message>
        <source>编辑客户</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>新建客户</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>留空自动编号</source>
        <translation>Leave empty to number automatically</translation>
    </message>
    <message>
        <source>在微信群里的名字</source>
        <translation>Name in the WeChat group</translation>
    </message>
    <message>
        <source>(按类型)</source>
        <translation>(by type)</translation>
    </message>
    <message>
        <source>0 = 不允许赊账</source>
        <translation>0 = no credit</translation>
    </message>
    <message>
        <source>赊账后几天内付款,如 30</source>
        <translation>Days to pay after a credit sale, e.g. 30</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>微信名</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>客户类型</source>
        <translation>Customer type</translation>
    </message>
    <message>
        <source>价格等级</source>
        <translation>Price tier</translation>
    </message>
    <message>
        <source>信用额度</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>账期(天)</source>
        <translation>Payment terms (days)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>当前欠款 ¥%1</source>
        <translation>Owes ¥%1</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>微信名</source>
        <translation>WeChat name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>价格等级</source>
        <translation>Price tier</translation>
    </message>
    <message>
        <source>信用额度</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>账期(天)</source>
        <translation>Terms (days)</translation>
    </message>
    <message>
        <source>欠款</source>
        <translation>Owes</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not due</translation>
    </message>
    <message>
        <source>1-30天</source>
        <translation>1-30 days</translation>
    </message>
    <message>
        <source>31-60天</source>
        <translation>31-60 days</translation>
    </message>
    <message>
        <source>61-90天</source>
        <translation>61-90 days</translation>
    </message>
    <message>
        <source>90天以上</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>预收</source>
        <translation>Prepaid</translation>
    </message>
    <message>
        <source>欠款合计</source>
        <translation>Total owed</translation>
    </message>
    <message>
        <source>导入客户</source>
        <translation>Import customers</translation>
    </message>
    <message>
        <source>导出客户</source>
        <translation>Export customers</translation>
    </message>
    <message>
        <source>客户.xlsx</source>
        <translation>customers.xlsx</translation>
    </message>
    <message>
        <source>收款</source>
        <translation>Receive payment</translation>
    </message>
    <message>
        <source>对账单</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>搜索:名称、拼音、电话或微信名</source>
        <translation>Search: name, pinyin, phone or WeChat name</translation>
    </message>
    <message>
        <source>有逾期欠款</source>
        <translation>Has overdue debt</translation>
    </message>
    <message>
        <source>欠款超过信用额度</source>
        <translation>Owes more than the credit limit</translation>
    </message>
    <message>
        <source>应收账龄(按逾期天数)</source>
        <translation>Receivables ageing (days overdue)</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>应收合计 ¥%1,其中逾期 ¥%2</source>
        <translation>Receivables ¥%1, of which overdue ¥%2</translation>
    </message>
    <message>
        <source>请先在列表中选择一个客户。</source>
        <translation>Select a customer in the list first.</translation>
    </message>
    <message>
        <source>编辑客户</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>散客当场付清,没有欠款可收。</source>
        <translation>Walk-in customers pay on the spot; there is nothing to collect.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>今日销售</source>
        <translation>Sales today</translation>
    </message>
    <message>
        <source>今日毛利</source>
        <translation>Margin today</translation>
    </message>
    <message>
        <source>本周销售</source>
        <translation>Sales this week</translation>
    </message>
    <message>
        <source>本周毛利</source>
        <translation>Margin this week</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin %</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>最早一张</source>
        <translation>Oldest</translation>
    </message>
    <message>
        <source>可销售</source>
        <translation>Sellable</translation>
    </message>
    <message>
        <source>委外加工</source>
        <translation>Subcontractor</translation>
    </message>
    <message>
        <source>小计</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>商品数</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>库存(成本)</source>
        <translation>On hand (cost)</translation>
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
        <source>编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>缺货商品</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>最后售出</source>
        <translation>Last sold</translation>
    </message>
    <message>
        <source>临期(%1 天内)</source>
        <translation>Near expiry (within %1 days)</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>缺货</source>
        <translation>Stock-outs</translation>
    </message>
    <message>
        <source>各渠道销售与毛利</source>
        <translation>Sales and margin by channel</translation>
    </message>
    <message>
        <source>待处理的单据</source>
        <translation>Documents waiting</translation>
    </message>
    <message>
        <source>库存金额(按库位,委外加工另列)</source>
        <translation>Stock value by location (subcontractors apart)</translation>
    </message>
    <message>
        <source>缺货商品(近 4 周卖过,现在没有可卖的库存)</source>
        <translation>Out of stock (sold in the last 4 weeks, nothing sellable now)</translation>
    </message>
    <message>
        <source>%1 %2 · 本周从 %3 起</source>
        <translation>%1 %2 · this week from %3</translation>
    </message>
    <message>
        <source>%1 单</source>
        <translation>%1 orders</translation>
    </message>
    <message>
        <source>毛利 %1(%2)</source>
        <translation>Margin %1 (%2)</translation>
    </message>
    <message>
        <source>%1 批</source>
        <translation>%1 lots</translation>
    </message>
    <message>
        <source>%1,按成本</source>
        <translation>%1, at cost</translation>
    </message>
    <message>
        <source>%1 个商品</source>
        <translation>%1 products</translation>
    </message>
    <message>
        <source>卖过但现在没有库存</source>
        <translation>Sold lately, none in stock now</translation>
    </message>
    <message>
        <source>没有缺货</source>
        <translation>Nothing out of stock</translation>
    </message>
    <message>
        <source>前一周同日</source>
        <translation>Same day a week before</translation>
    </message>
    <message>
        <source>近 7 天每天的销售额(元)</source>
        <translation>Sales of each of the last 7 days (yuan)</translation>
    </message>
    <message>
        <source>近 7 天销售额</source>
        <translation>Last 7 days</translation>
    </message>
</context>
<context>
    <name>DisassemblyDialog</name>
    <message>
        <source>拆卸:%1</source>
        <translation>Disassemble: %1</translation>
    </message>
    <message>
        <source>实得少于计划时(坏了、切损),双击“实得”改成真实数量;成本只摊到实得的商品上。</source>
        <translation>When you got less than planned (bruised, trimmed), double-click “Obtained” and type what you really got; the cost is split over what was obtained.</translation>
    </message>
    <message>
        <source>拆卸入库</source>
        <translation>Disassemble and stock</translation>
    </message>
    <message>
        <source>拆卸数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>可用 %1 %2</source>
        <translation>Available %1 %2</translation>
    </message>
    <message>
        <source>成本 ¥%1 / %2 × %3 = ¥%4,%5分摊。</source>
        <translation>Cost ¥%1 / %2 × %3 = ¥%4, split %5.</translation>
    </message>
    <message>
        <source>%1 可用只有 %2 %3,不够拆 %4 %3。</source>
        <translation>Only %2 %3 of %1 available, not enough to disassemble %4 %3.</translation>
    </message>
    <message>
        <source>拆卸未完成:%1</source>
        <translation>Disassembly not completed: %1</translation>
    </message>
</context>
<context>
    <name>DisassemblyRecipe</name>
    <message>
        <source>按售价</source>
        <translation>by price</translation>
    </message>
    <message>
        <source>成本按各拆出商品的售价 × 数量分摊:卖得贵的分得多。</source>
        <translation>The cost is split by each output&apos;s price × quantity: what sells dearer carries more.</translation>
    </message>
    <message>
        <source>按比例</source>
        <translation>by share</translation>
    </message>
    <message>
        <source>成本按填写的百分比分摊,各行成本比例合计 100%。</source>
        <translation>The cost is split by the percentages typed; the shares add up to 100%.</translation>
    </message>
    <message>
        <source>按数量</source>
        <translation>by quantity</translation>
    </message>
    <message>
        <source>成本按拆出的数量平均分摊:每件一样。</source>
        <translation>The cost is split evenly over the pieces obtained: every piece the same.</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>拆出商品</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>成本比例%</source>
        <translation>Cost share %</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
</context>
<context>
    <name>DisassemblyRun</name>
    <message>
        <source>拆出商品</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>实得</source>
        <translation>Obtained</translation>
    </message>
    <message>
        <source>单位成本</source>
        <translation>Unit cost</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>DisassemblyView</name>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>拆成</source>
        <translation>Splits into</translation>
    </message>
    <message>
        <source>拆出商品</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>成本比例%</source>
        <translation>Cost share %</translation>
    </message>
    <message>
        <source>售价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>新建拆卸方案</source>
        <translation>New recipe</translation>
    </message>
    <message>
        <source>编辑方案</source>
        <translation>Edit recipe</translation>
    </message>
    <message>
        <source>拆卸…</source>
        <translation>Disassemble…</translation>
    </message>
    <message>
        <source>批次追溯</source>
        <translation>Trace lot</translation>
    </message>
    <message>
        <source>最近的拆卸单</source>
        <translation>Recent disassemblies</translation>
    </message>
    <message>
        <source>有拆卸方案的商品</source>
        <translation>Products with a disassembly recipe</translation>
    </message>
    <message>
        <source>选择左边的商品查看拆卸方案,或新建一个</source>
        <translation>Choose a product on the left to see its recipe, or make a new one</translation>
    </message>
    <message>
        <source>%1  %2:拆 1 %3 得到</source>
        <translation>%1  %2: one %3 gives</translation>
    </message>
    <message>
        <source>成本分摊:%1 — %2</source>
        <translation>Cost split: %1 — %2</translation>
    </message>
    <message>
        <source>拆卸单 %1 已完成,入库单据 %2。</source>
        <translation>Disassembly %1 done, stock document %2.</translation>
    </message>
    <message>
        <source>拆卸完成</source>
        <translation>Disassembly done</translation>
    </message>
</context>
<context>
    <name>ExcelActions</name>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
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
        <translation>Export finished</translation>
    </message>
    <message>
        <source>已导出 %1 行到 %2</source>
        <translation>Exported %1 rows to %2</translation>
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
    <name>GroupOrderView</name>
    <message>
        <source>原文</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>把握</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>把顾客的微信消息粘贴到这里,例如:要2盒蓝莓+1袋山药</source>
        <translation>Paste the customer&apos;s WeChat message here, e.g. 2 boxes of blueberries + 1 bag of yam</translation>
    </message>
    <message>
        <source>识别</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>生成订单</source>
        <translation>Make order</translation>
    </message>
    <message>
        <source>在“社群”渠道生成已确认的销售单,库存立即预占</source>
        <translation>Make a confirmed sales order on the Group channel; the stock is reserved at once</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>请先粘贴顾客的消息。</source>
        <translation>Paste the customer&apos;s message first.</translation>
    </message>
    <message>
        <source>未识别:%1</source>
        <translation>Not understood: %1</translation>
    </message>
    <message>
        <source>没有读出商品,请手工下单或改一下消息。</source>
        <translation>No products found: enter the order by hand or edit the message.</translation>
    </message>
    <message>
        <source>有 %1 行不确定,请在黄色行里选择商品。</source>
        <translation>%1 line(s) are uncertain: choose the product in the yellow rows.</translation>
    </message>
    <message>
        <source>全部识别,核对后点“生成订单”。</source>
        <translation>All read: check and press Make order.</translation>
    </message>
    <message>
        <source>“%1”是哪个?请选择</source>
        <translation>Which one is “%1”? Choose</translation>
    </message>
    <message>
        <source>还有 %1 行没有选择商品。</source>
        <translation>%1 line(s) still have no product chosen.</translation>
    </message>
    <message>
        <source>销售单 %1 已生成(%2,¥%3),库存已预占。</source>
        <translation>Sales order %1 made (%2, ¥%3); the stock is reserved.</translation>
    </message>
    <message>
        <source>未付款将在 %1 释放。</source>
        <translation> Released at %1 if unpaid.</translation>
    </message>
    <message>
        <source>%1(%2 行)</source>
        <translation>%1 (%2 lines)</translation>
    </message>
    <message>
        <source>消息</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>(这段消息共 %1 人的订单)</source>
        <translation> (this paste holds %1 people's orders)</translation>
    </message>
    <message>
        <source>已记住这位客户的习惯:“%1”是 %2(保存订单后生效)。</source>
        <translation>Remembered as this customer's habit: "%1" is %2 (from the saved order on).</translation>
    </message>
    <message>
        <source>已记住:以后“%1”就是 %2。</source>
        <translation>Remembered: "%1" means %2 from now on.</translation>
    </message>
    <message>
        <source>请先核对:%1</source>
        <translation>Please check first: %1</translation>
    </message>
    <message>
        <source>下一位:%1</source>
        <translation> Next: %1</translation>
    </message>
    <message>
        <source>下单人</source>
        <translation>Ordered by</translation>
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
    <name>KpiView</name>
    <message>
        <source>按分类、库位筛选:周转天数、损耗率、缺货品天数只算这个分类的商品在这个库位(及其下的货架)的库存、销售和报损;按渠道筛选:毛利和满足率只算这个渠道的销售单和被拒的订单(库存是各渠道共用的,周转和损耗不按渠道分);满足率不按库位分(缺货记录不记库位)。单据时效、盘点用时和差异率、社群订单准确率和处理时间不属于某个分类、库位或渠道,筛选时显示 —。</source>
        <translation>By category or location: turnover days, loss rate and stock-out product-days count only the stock, sales and write-offs of that category&apos;s products at that location (and the shelves under it). By channel: gross margin and fill rate count only that channel&apos;s sales orders and refused orders (every channel sells from one stock pool, so turnover and loss are not split by channel); fill rate is not split by location (a lost sale records no location). Document times, stocktake duration and variance, group-order accuracy and handling time belong to no one category, location or channel: — under a filter.</translation>
    </message>
    <message>
        <source>未计量</source>
        <translation>Not measured</translation>
    </message>
    <message>
        <source>全期 %1</source>
        <translation>Whole %1</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>按周</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>按月</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>只看全期</source>
        <translation>Whole range only</translation>
    </message>
    <message>
        <source>鼠标停在数字上可以看到计算公式和用到的数。单据时效:中位数 / 90% 的单据在这个时间以内。</source>
        <translation>Hover over a figure to see its formula and inputs. Document times: median / 90% of documents within this time.</translation>
    </message>
    <message>
        <source>点一行指标,下面的图画出它每周(每月)的走势。</source>
        <translation> Click a figure to chart it week by week (month by month) below.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <source>打印标签 - %1</source>
        <translation>Print labels - %1</translation>
    </message>
    <message>
        <source>热敏 40×30 mm</source>
        <translation>Thermal 40×30 mm</translation>
    </message>
    <message>
        <source>热敏 50×30 mm</source>
        <translation>Thermal 50×30 mm</translation>
    </message>
    <message>
        <source>热敏 60×40 mm</source>
        <translation>Thermal 60×40 mm</translation>
    </message>
    <message>
        <source>A4 不干胶 3×8(70×37 mm)</source>
        <translation>A4 sticker sheet 3×8 (70×37 mm)</translation>
    </message>
    <message>
        <source>A4 纸已用过一部分时,从第几个位置开始打印(从左上角按行数)</source>
        <translation>On a partly used A4 sheet: the first free position (counted row by row from the top left)</translation>
    </message>
    <message>
        <source>加二维码</source>
        <translation>Add a QR code</translation>
    </message>
    <message>
        <source>印批次和到期日(先到期的批次)</source>
        <translation>Print lot and expiry (the lot that expires first)</translation>
    </message>
    <message>
        <source>先打一张校准页</source>
        <translation>Print a calibration page first</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>起始位置</source>
        <translation>Start position</translation>
    </message>
    <message>
        <source>打印货架标签</source>
        <translation>Print shelf labels</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>确认新密码</source>
        <translation>Confirm new password</translation>
    </message>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>还没有哪个店主账号设置了密码,没有密码的账号不能登录。请现在为这个店主账号设置密码(至少 6 位)。</source>
        <translation>No owner account has a password yet, and an account without one cannot log in. Set this owner's password now (at least 6 characters).</translation>
    </message>
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
        <source>从备份恢复…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>关闭时没有备份</source>
        <translation>No backup at closing</translation>
    </message>
    <message>
        <source>打印货架标签…</source>
        <translation>Print shelf labels…</translation>
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
        <source>采购设置…</source>
        <translation>Purchasing settings…</translation>
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
    <message>
        <source>月结…</source>
        <translation>Month-end close…</translation>
    </message>
    <message>
        <source>未知条码 %1</source>
        <translation>Unknown barcode %1</translation>
    </message>
    <message>
        <source>用户与权限…</source>
        <translation>Users and permissions…</translation>
    </message>
    <message>
        <source>自定义字段…</source>
        <translation>Custom fields…</translation>
    </message>
</context>
<context>
    <name>MasterListView</name>
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
        <source>含停用</source>
        <translation>Include inactive</translation>
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
    <message>
        <source>散客</source>
        <translation>Walk-in</translation>
    </message>
</context>
<context>
    <name>NewOrderDialog</name>
    <message>
        <source>新建生产单</source>
        <translation>New production order</translation>
    </message>
    <message>
        <source>自己做(不委外)</source>
        <translation>In house (not outsourced)</translation>
    </message>
    <message>
        <source>按顺序,用“、”分开,如:切配、装配、包装</source>
        <translation>In order, separated by commas, e.g. cut, assemble, pack</translation>
    </message>
    <message>
        <source>产品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>计划完工</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>委外加工</source>
        <translation>Subcontractor</translation>
    </message>
    <message>
        <source>加工费 / 单位</source>
        <translation>Fee per unit</translation>
    </message>
    <message>
        <source>工序</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>保存为草稿</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <source>还没有启用的物料清单:先在“物料清单”里建好产品的配方。</source>
        <translation>No active bill of materials yet: set one up under Bills of materials first.</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <source>原料</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>副产品</source>
        <translation>By-product</translation>
    </message>
    <message>
        <source>产出</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>物料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>已占</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>可用</source>
        <translation>Free</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>已起草</source>
        <translation>Drafted</translation>
    </message>
    <message>
        <source>还缺</source>
        <translation>To buy</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>工序</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>报废</source>
        <translation>Scrap</translation>
    </message>
    <message>
        <source>工时(分)</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>工人</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>录入</source>
        <translation>By</translation>
    </message>
    <message>
        <source>下达</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>预占库存里有的原料;不够的列在缺料里</source>
        <translation>Hold the components the store has; what is missing is listed under Shortages</translation>
    </message>
    <message>
        <source>补预占</source>
        <translation>Hold again</translation>
    </message>
    <message>
        <source>到货后,把还缺的原料预占上</source>
        <translation>After goods arrived, hold what the order still lacks</translation>
    </message>
    <message>
        <source>生成采购草稿</source>
        <translation>Draft purchases</translation>
    </message>
    <message>
        <source>还缺的原料按供应商各生成一张采购草稿</source>
        <translation>One draft purchase order per supplier for what is still missing</translation>
    </message>
    <message>
        <source>报工…</source>
        <translation>Report work…</translation>
    </message>
    <message>
        <source>发料给委外厂</source>
        <translation>Send to subcontractor</translation>
    </message>
    <message>
        <source>把计划原料从仓库调拨到委外厂</source>
        <translation>Transfer the planned components from the store to the subcontractor</translation>
    </message>
    <message>
        <source>完工入库…</source>
        <translation>Complete…</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>用料</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>还缺:要采购</source>
        <translation>To buy: still missing</translation>
    </message>
    <message>
        <source>暂缺:可用、在途或已起草能补上</source>
        <translation>Short now: free stock, orders or drafts cover it</translation>
    </message>
    <message>
        <source>缺料</source>
        <translation>Shortages</translation>
    </message>
    <message>
        <source>报工记录</source>
        <translation>Work reports</translation>
    </message>
    <message>
        <source>工序进度</source>
        <translation>Step progress</translation>
    </message>
    <message>
        <source>点看板上的生产单查看详情</source>
        <translation>Click an order on the board to see it here</translation>
    </message>
    <message>
        <source>缺料 (%1)</source>
        <translation>Shortages (%1)</translation>
    </message>
    <message>
        <source>报工记录 (%1)</source>
        <translation>Work reports (%1)</translation>
    </message>
    <message>
        <source>状态:%1</source>
        <translation>State: %1</translation>
    </message>
    <message>
        <source>计划完工:%1</source>
        <translation>Due: %1</translation>
    </message>
    <message numerus="yes">
        <source>已逾期 %n 天</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message>
        <source>委外:%1,加工费 ¥%2/%3</source>
        <translation>Outsourced to %1, fee ¥%2/%3</translation>
    </message>
    <message>
        <source>已发料 %1</source>
        <translation>Sent out %1</translation>
    </message>
    <message>
        <source>未发料</source>
        <translation>Not sent out yet</translation>
    </message>
    <message>
        <source>销售单:%1</source>
        <translation>Sales order: %1</translation>
    </message>
    <message>
        <source>完工单 %1,批次 %2,合格 %3,报废 %4,单位成本 ¥%5</source>
        <translation>Completion %1, lot %2, good %3, scrapped %4, unit cost ¥%5</translation>
    </message>
    <message>
        <source>作废原因:%1</source>
        <translation>Cancelled because: %1</translation>
    </message>
    <message>
        <source>备注:%1</source>
        <translation>Note: %1</translation>
    </message>
    <message numerus="yes">
        <source>已预占到货的原料;还有 %n 种原料不够。</source>
        <translation>
            <numerusform>Held what arrived; %n component is still short.</numerusform>
            <numerusform>Held what arrived; %n components are still short.</numerusform>
        </translation>
    </message>
    <message>
        <source>原料已调拨给委外厂:单据 %1</source>
        <translation>Components transferred to the subcontractor: document %1</translation>
    </message>
    <message>
        <source>%1 已完工入库:单据 %2,批次 %3,合格 %4,报废 %5,单位成本 ¥%6。</source>
        <translation>%1 completed: document %2, lot %3, good %4, scrapped %5, unit cost ¥%6. </translation>
    </message>
    <message>
        <source>到期日 %1。</source>
        <translation>Expires %1. </translation>
    </message>
    <message>
        <source>委外余料已退回:%1。</source>
        <translation>Subcontractor&apos;s leftovers returned: %1. </translation>
    </message>
    <message>
        <source>已为销售单预占 %1。</source>
        <translation>%1 held for the sales order. </translation>
    </message>
    <message>
        <source>完工入库</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>作废生产单</source>
        <translation>Cancel production order</translation>
    </message>
    <message>
        <source>作废 %1?请写明原因(会记入操作记录)。</source>
        <translation>Cancel %1? Give a reason (it goes into the audit log).</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>报损单 %1</source>
        <translation>loss document %1</translation>
    </message>
    <message>
        <source>退回单 %1</source>
        <translation>return transfer %1</translation>
    </message>
    <message>
        <source>%1 已作废:%2</source>
        <translation>%1 cancelled: %2</translation>
    </message>
</context>
<context>
    <name>OrderEditor</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>价格提示</source>
        <translation>Price note</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>上次价</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>最低</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <source>最近几次</source>
        <translation>Recent prices</translation>
    </message>
</context>
<context>
    <name>OrderEditorDialog</name>
    <message>
        <source>新建采购单</source>
        <translation>New purchase order</translation>
    </message>
    <message>
        <source>修改采购单 %1</source>
        <translation>Edit purchase order %1</translation>
    </message>
    <message>
        <source>例如:早上 7 点前送到后门</source>
        <translation>e.g. deliver to the back door before 7 am</translation>
    </message>
    <message>
        <source>加入订单</source>
        <translation>Add to order</translation>
    </message>
    <message>
        <source>也可以直接扫商品条码加入;箱码按箱,再扫一次加一。双击数量、单价或单位可修改。</source>
        <translation>You can also scan a product barcode to add it; a box barcode adds a box, each rescan one more. Double-click the quantity, price or unit to change it.</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>价格历史:选中一行查看各供应商的历次进价</source>
        <translation>Price history: select a line to see each supplier&apos;s prices</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>到货日期</source>
        <translation>Delivery date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>未知条码 %1</source>
        <translation>Unknown barcode %1</translation>
    </message>
    <message>
        <source>价格历史:%1(每%2的进价,★ = 首选供应商)</source>
        <translation>Price history: %1 (price per %2, ★ = preferred supplier)</translation>
    </message>
    <message numerus="yes">
        <source>合计 ¥%1(%n 行)</source>
        <translation>
            <numerusform>Total ¥%1 (%n line)</numerusform>
            <numerusform>Total ¥%1 (%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <source>,低于起订金额 ¥%1</source>
        <translation>, below the minimum order ¥%1</translation>
    </message>
    <message>
        <source>请先选择供应商。</source>
        <translation>Please choose a supplier first.</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>到货日</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>进价提示</source>
        <translation>Price notes</translation>
    </message>
    <message>
        <source>制单</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>行</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>规格</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>订购</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>已收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>价格提示</source>
        <translation>Price note</translation>
    </message>
    <message>
        <source>⚠ %n 行进价偏高</source>
        <translation>⚠ %n prices up</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>搜索:单号或供应商</source>
        <translation>Search: number or supplier</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>提交</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>关闭…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>打印预览…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>收货</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>全部供应商</source>
        <translation>All suppliers</translation>
    </message>
    <message>
        <source>草稿:可修改;提交后,金额超过审批线的要店主审核。</source>
        <translation>Draft: can be edited; once submitted, orders above the approval limit need the owner.</translation>
    </message>
    <message>
        <source>待审核:请核对价格后审核。</source>
        <translation>Submitted: check the prices, then approve.</translation>
    </message>
    <message>
        <source>待审核:不能审核自己提交的采购单,请店主审核。</source>
        <translation>Submitted: you cannot approve your own order; the owner must approve it.</translation>
    </message>
    <message>
        <source>待审核:等店主审核。</source>
        <translation>Submitted: waiting for the owner to approve.</translation>
    </message>
    <message>
        <source>已审核:打印或发给供应商;到货后点“收货”。</source>
        <translation>Approved: print it or send it to the supplier; press &quot;Receive&quot; when the goods arrive.</translation>
    </message>
    <message>
        <source>部分收货:还有货未到;不再等了就“关闭”。</source>
        <translation>Partially received: goods still missing; &quot;Close&quot; when you stop waiting.</translation>
    </message>
    <message>
        <source>已收货:核对发票后“关闭”。</source>
        <translation>Received: &quot;Close&quot; after checking the invoice.</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Purchase orders</translation>
    </message>
    <message>
        <source>请先在列表中选择一张采购单。</source>
        <translation>Please select a purchase order in the list first.</translation>
    </message>
    <message>
        <source>%1 已提交,金额未超过审批线,已自动审核。</source>
        <translation>%1 submitted; within the approval limit, so approved automatically.</translation>
    </message>
    <message>
        <source>%1 已提交,金额超过审批线,等待店主审核。</source>
        <translation>%1 submitted; above the approval limit, waiting for the owner to approve.</translation>
    </message>
    <message>
        <source>作废采购单</source>
        <translation>Cancel purchase order</translation>
    </message>
    <message>
        <source>作废 %1?请写明原因(会记入操作记录)。</source>
        <translation>Cancel %1? Please give a reason (it is kept in the audit log).</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>关闭采购单</source>
        <translation>Close purchase order</translation>
    </message>
    <message>
        <source>关闭 %1 后,未到的货不再算在途。原因(可不填):</source>
        <translation>After closing %1, missing goods are no longer on order. Reason (optional):</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>刷卡</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>收款 · %1</source>
        <translation>Payment · %1</translation>
    </message>
    <message>
        <source>当前欠款 ¥%1</source>
        <translation>Owes ¥%1</translation>
    </message>
    <message>
        <source>收到多少钱</source>
        <translation>Amount received</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>收款金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>收款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
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
<context>
    <name>PeriodBar</name>
    <message>
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>近4周</source>
        <translation>Last 4 weeks</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单位价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>单位价留空:按售价 × 换算数;渠道价留空:按单位价或售价</source>
        <translation>Unit price blank: the price × the unit's count; channel price blank: the unit price or the price</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>编辑商品</source>
        <translation>Edit product</translation>
    </message>
    <message>
        <source>价格(按单位、按渠道)</source>
        <translation>Prices (by unit, by channel)</translation>
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
        <source>毛利率</source>
        <translation>Margin</translation>
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
    <name>ProductPicker</name>
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
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>找商品:名称、拼音首字母、SKU 或条码</source>
        <translation>Find a product: name, pinyin initials, SKU or barcode</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>ProductionBoard</name>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已下达</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>生产中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已完工(近7天)</source>
        <translation>Done (last 7 days)</translation>
    </message>
    <message>
        <source>缺料</source>
        <translation>Short</translation>
    </message>
    <message>
        <source>计划 %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>(逾期)</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>合格 %1 %2</source>
        <translation>Good %1 %2</translation>
    </message>
    <message>
        <source>委外:%1</source>
        <translation>Outsourced: %1</translation>
    </message>
    <message>
        <source>销售单 %1</source>
        <translation>SO %1</translation>
    </message>
</context>
<context>
    <name>ProductionTab</name>
    <message>
        <source>物料清单</source>
        <translation>Bills of materials</translation>
    </message>
    <message>
        <source>生产单</source>
        <translation>Production orders</translation>
    </message>
    <message>
        <source>拆卸</source>
        <translation>Disassembly</translation>
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
        <source>打印标签</source>
        <translation>Print labels</translation>
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
        <source>商品.xlsx</source>
        <translation>products.xlsx</translation>
    </message>
    <message>
        <source>导出商品</source>
        <translation>Export products</translation>
    </message>
</context>
<context>
    <name>PromotionsDialog</name>
    <message>
        <source>,%1 天</source>
        <translation>, %1 days</translation>
    </message>
    <message>
        <source>自动(按以往促销)</source>
        <translation>auto (from earlier promotions)</translation>
    </message>
    <message>
        <source>(已取消)</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>促销日期</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>预计倍数</source>
        <translation>Uplift</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>促销计划</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <source>排好的促销日,建议采购会提前按平时的几倍备货。预计倍数可不填:按这个商品以往促销卖出的倍数,没有就按全店以往促销的,再没有先按 2 倍。</source>
        <translation>On a planned promotion day the purchase suggestions stock several usual days ahead. The uplift may be left empty: then it is what this product's earlier promotions sold, else the shop's earlier promotions, else twice a usual day.</translation>
    </message>
    <message>
        <source>显示已取消</source>
        <translation>Show cancelled</translation>
    </message>
    <message>
        <source>取消计划</source>
        <translation>Cancel plan</translation>
    </message>
    <message>
        <source>新的促销</source>
        <translation>New promotion</translation>
    </message>
    <message>
        <source>选定</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>还没选商品</source>
        <translation>No product chosen yet</translation>
    </message>
    <message>
        <source>不填 = 自动(按以往促销)</source>
        <translation>Empty = auto (from earlier promotions)</translation>
    </message>
    <message>
        <source>促销一天卖平时几天的量,如 2 或 2.5(1 到 10)</source>
        <translation>How many usual days one promotion day sells, e.g. 2 or 2.5 (1 to 10)</translation>
    </message>
    <message>
        <source>如 社群周末特价、第二件半价(可不填)</source>
        <translation>e.g. weekend group special, second one half price (optional)</translation>
    </message>
    <message>
        <source>加入计划</source>
        <translation>Add plan</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>已选:%1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message>
        <source>请先选商品:输入名称、拼音首字母、SKU 或条码。</source>
        <translation>Choose a product first: type its name, pinyin initials, SKU or barcode.</translation>
    </message>
    <message>
        <source>请先选中一个还没取消的计划。</source>
        <translation>Select a plan that is not cancelled first.</translation>
    </message>
    <message>
        <source>取消 %1 的促销计划(%2)?

建议采购不再为它多备货。</source>
        <translation>Cancel the promotion of %1 (%2)?

The purchase suggestions no longer stock extra for it.</translation>
    </message>
    <message>
        <source>不取消</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>只有店主和采购可以排促销计划</source>
        <translation>Only the owner and the purchaser plan promotions</translation>
    </message>
    <message numerus="yes">
        <source>今天及以后有 %n 个促销计划</source>
        <translation>
            <numerusform>%n promotion planned from today on</numerusform>
            <numerusform>%n promotions planned from today on</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchasingTab</name>
    <message>
        <source>建议采购</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Purchase orders</translation>
    </message>
    <message>
        <source>收货</source>
        <translation>Receive</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>请填写原因。</source>
        <translation>Please give a reason.</translation>
    </message>
</context>
<context>
    <name>ReceivingView</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>订购</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>之前已收</source>
        <translation>Received before</translation>
    </message>
    <message>
        <source>待收</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>本次实收</source>
        <translation>Counted now</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>批号</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>进价</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>开始收货</source>
        <translation>Start receiving</translation>
    </message>
    <message>
        <source>扫商品条码或箱码;也可输入条码后回车</source>
        <translation>Scan a product or box barcode, or type it and press Enter</translation>
    </message>
    <message>
        <source>数量(空 = 1)</source>
        <translation>Qty (blank = 1)</translation>
    </message>
    <message>
        <source>全部按订单收货</source>
        <translation>Receive all as ordered</translation>
    </message>
    <message>
        <source>没点过的行都按未到数量填上(适合整单到齐)</source>
        <translation>Fill every uncounted line with its expected quantity (when everything arrived)</translation>
    </message>
    <message>
        <source>确认收货</source>
        <translation>Confirm receipt</translation>
    </message>
    <message>
        <source>过账入库:库存增加,采购单记收货数量;只能确认一次</source>
        <translation>Posts the receipt: stock goes up and the order records what arrived; only once</translation>
    </message>
    <message>
        <source>作废收货单…</source>
        <translation>Discard receipt…</translation>
    </message>
    <message>
        <source>打印批次标签…</source>
        <translation>Print lot labels…</translation>
    </message>
    <message>
        <source>给刚确认的收货单里的每个批次打一张标签(品名、批次、到期日、二维码)</source>
        <translation>A label for every lot of the receipt just confirmed (name, lot, expiry, QR)</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Purchase orders</translation>
    </message>
    <message>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>数量按基本单位;箱码一扫就是一箱。双击表格可改实收、损坏、批号、到期日(如 2026-11-30)和进价。</source>
        <translation>Quantities are in base units; a box barcode counts one box. Double-click a cell to change counted, damaged, lot, expiry (e.g. 2026-11-30) or cost.</translation>
    </message>
    <message>
        <source>— 选择到货的采购单 —</source>
        <translation>— choose the order that arrived —</translation>
    </message>
    <message>
        <source>继续收货单 %1(还未确认)。</source>
        <translation>Continuing receipt %1 (not confirmed yet).</translation>
    </message>
    <message>
        <source>扫码即开始收货,或点“开始收货”。</source>
        <translation>Scan to start receiving, or press &quot;Start receiving&quot;.</translation>
    </message>
    <message>
        <source>请先选择要收货的采购单。</source>
        <translation>Please choose the purchase order to receive first.</translation>
    </message>
    <message>
        <source>收货单 %1 已开始:扫码或在表格里填实收数量。</source>
        <translation>Receipt %1 started: scan, or type the counted quantities in the table.</translation>
    </message>
    <message>
        <source>%1:本次实收 %2</source>
        <translation>%1: counted %2</translation>
    </message>
    <message>
        <source>需要店主决定</source>
        <translation>Owner&apos;s decision needed</translation>
    </message>
    <message>
        <source>这次收货有问题:
%1

仍然收下?请写明原因(记入操作记录)。</source>
        <translation>This delivery has problems:
%1

Accept it anyway? Please give a reason (kept in the audit log).</translation>
    </message>
    <message>
        <source>放行收货</source>
        <translation>Accept delivery</translation>
    </message>
    <message>
        <source>需要店主决定,未入库。</source>
        <translation>The owner must decide; nothing was posted.</translation>
    </message>
    <message>
        <source>这次收货有问题:
%1

超收或过期到货要店主决定:请店主确认这张收货单(%2)。</source>
        <translation>This delivery has problems:
%1

Over-delivery or expired goods need the owner: please ask the owner to confirm receipt %2.</translation>
    </message>
    <message>
        <source>打印批次标签</source>
        <translation>Print lot labels</translation>
    </message>
    <message>
        <source>收货单 %1 已入库(库存单据 %2);采购单 %3 现在是“%4”。</source>
        <translation>Receipt %1 posted (stock document %2); purchase order %3 is now &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>收货单 %1 已作废,库存没有变化。</source>
        <translation>Receipt %1 discarded; stock is unchanged.</translation>
    </message>
    <message>
        <source>作废收货单</source>
        <translation>Discard receipt</translation>
    </message>
    <message>
        <source>作废收货单 %1(没有入库的数量都会丢弃)。原因:</source>
        <translation>Discard receipt %1 (its unposted counts are thrown away). Reason:</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>RecipeDialog</name>
    <message>
        <source>(先选择要拆的商品)</source>
        <translation>(choose the product to disassemble first)</translation>
    </message>
    <message>
        <source>选定商品</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>加入拆出商品</source>
        <translation>Add output</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>拆卸商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>成本分摊</source>
        <translation>Cost split</translation>
    </message>
    <message>
        <source>新建拆卸方案</source>
        <translation>New disassembly recipe</translation>
    </message>
    <message>
        <source>编辑拆卸方案:%1</source>
        <translation>Edit disassembly recipe: %1</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>数量是拆 1 %1 得到的数量;双击数量%2可修改。</source>
        <translation>Quantity is what one %1 gives; double-click the quantity%2 to change it.</translation>
    </message>
    <message>
        <source>或成本比例</source>
        <translation> or the cost share</translation>
    </message>
    <message>
        <source>请先选择要拆的商品。</source>
        <translation>Choose the product to disassemble first.</translation>
    </message>
</context>
<context>
    <name>ReportWorkDialog</name>
    <message>
        <source>报工 %1</source>
        <translation>Report work on %1</translation>
    </message>
    <message>
        <source>%1. %2(已报 %3,%4%)</source>
        <translation>%1. %2 (reported %3, %4%)</translation>
    </message>
    <message>
        <source>工序</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>工人</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>合格数量</source>
        <translation>Good quantity</translation>
    </message>
    <message>
        <source>报废数量</source>
        <translation>Scrapped quantity</translation>
    </message>
    <message>
        <source>工时(分钟)</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>报工</source>
        <translation>Report</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>盘点趋势</source>
        <translation>Stocktake trend</translation>
    </message>
    <message>
        <source>审计周报</source>
        <translation>Weekly audit</translation>
    </message>
    <message>
        <source>每日对账</source>
        <translation>Daily reconciliation</translation>
    </message>
    <message>
        <source>临期处理</source>
        <translation>Near expiry</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>经营指标</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>销售与毛利</source>
        <translation>Sales and margin</translation>
    </message>
    <message>
        <source>购物篮</source>
        <translation>Basket analysis</translation>
    </message>
    <message>
        <source>供应商退货</source>
        <translation>Supplier returns</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Purchase orders</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <source>选定</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>(未选商品)</source>
        <translation>(no product chosen)</translation>
    </message>
    <message>
        <source>可不填,如 CG20261121-0001</source>
        <translation>optional, e.g. CG20261121-0001</translation>
    </message>
    <message>
        <source>例如:到货腐烂、规格不符</source>
        <translation>e.g. rotten on arrival, wrong size</translation>
    </message>
    <message>
        <source>退货出库</source>
        <translation>Return to supplier</translation>
    </message>
    <message>
        <source>新建退货</source>
        <translation>New return</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>退货记录</source>
        <translation>Returns so far</translation>
    </message>
    <message>
        <source>近 90 天退货率 %1%</source>
        <translation>Return rate (90 days) %1%</translation>
    </message>
    <message>
        <source>先到期的先退(自动)</source>
        <translation>Earliest expiry first (automatic)</translation>
    </message>
    <message>
        <source>%1  到期 %2  库存 %3</source>
        <translation>%1  expires %2  on hand %3</translation>
    </message>
    <message>
        <source>请先选择要退的商品。</source>
        <translation>Please choose the product to return first.</translation>
    </message>
    <message>
        <source>请先选择供应商。</source>
        <translation>Please choose a supplier first.</translation>
    </message>
    <message>
        <source>已退货 %1,金额 ¥%2</source>
        <translation>Returned %1, amount ¥%2</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>超出差异上限</source>
        <translation>Over the variance limit</translation>
    </message>
    <message>
        <source>不在预期货架</source>
        <translation>Not expected on this shelf</translation>
    </message>
    <message>
        <source>复盘</source>
        <translation>Recount</translation>
    </message>
    <message>
        <source>未盘按0计</source>
        <translation>Uncounted = 0</translation>
    </message>
    <message>
        <source>还有 %1/%2 行没有盘点。未盘的行按 0 计(记为盘亏),还是跳过(库存不变)?</source>
        <translation>%1 of %2 lines were not counted. Count them as 0 (a shortage) or skip them (stock unchanged)?</translation>
    </message>
    <message>
        <source>按 0 计并过账</source>
        <translation>Count as 0 and post</translation>
    </message>
    <message>
        <source>跳过未盘行并过账</source>
        <translation>Skip uncounted lines and post</translation>
    </message>
    <message>
        <source>追溯</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>退回盘点</source>
        <translation>Back to counting</translation>
    </message>
    <message>
        <source>过账</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>账面数量和差异只有店主能看(盲盘)。</source>
        <translation>Only the owner sees book quantities and variances (blind count).</translation>
    </message>
    <message>
        <source>共 %1 行,已盘 %2,未盘 %3,超限 %4,待复盘 %5;盘盈 %6,盘亏 %7,报损 %8;差异率 %9%</source>
        <translation>%1 lines, %2 counted, %3 not counted, %4 over limit, %5 recounts open; gain %6, shortage %7, written off %8; variance rate %9%</translation>
    </message>
    <message>
        <source>历次差异率:%1</source>
        <translation>Variance rate by session: %1</translation>
    </message>
    <message>
        <source>分类差异率:%1</source>
        <translation>Variance rate by category: %1</translation>
    </message>
    <message>
        <source>请先选中一行。</source>
        <translation>Select a line first.</translation>
    </message>
    <message>
        <source>已请求复盘,请换一个人重新盘点这一行。</source>
        <translation>Recount requested: someone else should count this line again.</translation>
    </message>
    <message>
        <source>未盘的行已按 0 计入,过账时记为盘亏。</source>
        <translation>Uncounted lines were counted as 0; posting books them as shortages.</translation>
    </message>
    <message>
        <source>已退回盘点。</source>
        <translation>Sent back to counting.</translation>
    </message>
    <message>
        <source>盘点差异只有店主(或设置中允许的角色)能过账。</source>
        <translation>Only the owner (or the role allowed in the settings) can post count variances.</translation>
    </message>
    <message>
        <source>已过账,库存已调整。</source>
        <translation>Posted; the stock has been adjusted.</translation>
    </message>
</context>
<context>
    <name>SalesChannelsView</name>
    <message>
        <source>不限时</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>(店铺设置)</source>
        <translation> (shop setting)</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>启用</source>
        <comment>channel state</comment>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <comment>channel state</comment>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>未付款保留</source>
        <translation>Unpaid hold</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
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
        <source>过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>可售</source>
        <translation>Sellable</translation>
    </message>
    <message>
        <source>安全库存</source>
        <translation>Safety stock</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>缺口</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>新增…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>导出可售库存…</source>
        <translation>Export sellable stock…</translation>
    </message>
    <message>
        <source>导入渠道订单…</source>
        <translation>Import channel orders…</translation>
    </message>
    <message>
        <source>导入渠道订单</source>
        <translation>Import channel orders</translation>
    </message>
    <message>
        <source>导出可售库存</source>
        <translation>Export sellable stock</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>一键生成采购单</source>
        <translation>Draft purchase order</translation>
    </message>
    <message>
        <source>可售库存(一个库存池)</source>
        <translation>Sellable stock (one pool)</translation>
    </message>
    <message>
        <source>门店、社群、美团、抖音、小程序看到的是同一个可售数:库存 − 过期 − 预占。任何渠道的订单一建立就预占库存,其他渠道的可售数随之减少。</source>
        <translation>The store, the group, Meituan, Douyin and the mini program all see the same sellable quantity: on hand − expired − reserved. An order from any channel reserves stock at once, and every other channel&apos;s sellable quantity drops with it.</translation>
    </message>
    <message>
        <source>低库存(可售低于安全库存)</source>
        <translation>Low stock (sellable below safety stock)</translation>
    </message>
    <message>
        <source>内置渠道不能停用,可以改名</source>
        <translation>A built-in channel cannot be disabled; rename it instead</translation>
    </message>
    <message>
        <source>渠道 %1 已停用。</source>
        <translation>Channel %1 disabled.</translation>
    </message>
    <message>
        <source>渠道 %1 已启用。</source>
        <translation>Channel %1 enabled.</translation>
    </message>
    <message>
        <source>可售库存-%1.xlsx</source>
        <translation>sellable-stock-%1.xlsx</translation>
    </message>
    <message>
        <source>先勾选要补货的商品。</source>
        <translation>Tick the products to reorder first.</translation>
    </message>
</context>
<context>
    <name>SalesOrdersView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>审批原因</source>
        <translation>Why it waits</translation>
    </message>
    <message>
        <source>制单</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>审批通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Ship</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>生成生产单</source>
        <translation>Make production orders</translation>
    </message>
    <message>
        <source>为按单生产的商品安排生产(库存不够的部分)</source>
        <translation>Plan production for the made-to-order products (what the stock does not cover)</translation>
    </message>
    <message>
        <source>销售单 %1 已审批通过,可以出库。</source>
        <translation>Sales order %1 approved; it may ship now.</translation>
    </message>
    <message>
        <source>销售单 %1 已出库,库存已减少。</source>
        <translation>Sales order %1 shipped; stock went down.</translation>
    </message>
    <message>
        <source>销售单 %1 已生成生产单:%2。</source>
        <translation>Production orders for sales order %1: %2.</translation>
    </message>
    <message>
        <source>销售单 %1 已作废,预占的库存已释放。</source>
        <translation>Sales order %1 cancelled; its reserved stock is released.</translation>
    </message>
    <message>
        <source>作废销售单</source>
        <translation>Cancel sales order</translation>
    </message>
    <message>
        <source>作废销售单 %1。原因:</source>
        <translation>Cancel sales order %1. Reason:</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SalesOutboundView</name>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <source>扫要出库的商品;再扫一次数量加一</source>
        <translation>Scan the goods going out; scanning again adds one</translation>
    </message>
    <message>
        <source>备注,如 周末试吃、给供应商的样品</source>
        <translation>Note, e.g. weekend tasting, a sample for a supplier</translation>
    </message>
    <message>
        <source>出库</source>
        <translation>Post outbound</translation>
    </message>
    <message>
        <source>快捷出库(不算销售,不收款)</source>
        <translation>Quick outbound (not a sale, no payment)</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>扫紧急出库的商品</source>
        <translation>Scan the goods for the emergency outbound</translation>
    </message>
    <message>
        <source>紧急出库原因(必填),如 老客户急用,单子后补</source>
        <translation>Reason (required), e.g. a regular needs it now, paperwork later</translation>
    </message>
    <message>
        <source>紧急出库</source>
        <translation>Emergency outbound</translation>
    </message>
    <message>
        <source>紧急出库(店主专用:立即出库,跳过审批,事后补单)</source>
        <translation>Emergency outbound (owner only: posts at once, skips review, paperwork later)</translation>
    </message>
    <message>
        <source>只有店主可以紧急出库:它不经审批立即减库存。请找店主,或在“收银”正常开单。</source>
        <translation>Only the owner can post an emergency outbound: it lowers stock at once without review. Ask the owner, or sell normally at the counter.</translation>
    </message>
    <message>
        <source>出库后单据标记为“紧急”,留在下面的列表里,直到补单完成。</source>
        <translation>Once posted the order is flagged &quot;emergency&quot; and stays in the list below until its paperwork is completed.</translation>
    </message>
    <message>
        <source>补单完成…</source>
        <translation>Complete paperwork…</translation>
    </message>
    <message>
        <source>待补单的紧急出库</source>
        <translation>Emergency outbounds awaiting paperwork</translation>
    </message>
    <message>
        <source>请先扫要出库的商品。</source>
        <translation>Scan the goods going out first.</translation>
    </message>
    <message>
        <source>未出库:%1</source>
        <translation>Not posted: %1</translation>
    </message>
    <message>
        <source>%1 已出库(%2),库存已减少。</source>
        <translation>%1 posted (%2); stock lowered.</translation>
    </message>
    <message>
        <source>只有店主可以紧急出库。</source>
        <translation>Only the owner can post an emergency outbound.</translation>
    </message>
    <message>
        <source>请填写紧急出库原因。</source>
        <translation>Please give the reason for the emergency outbound.</translation>
    </message>
    <message>
        <source>紧急出库 %1 已出库(¥%2),已列入待补单。</source>
        <translation>Emergency outbound %1 posted (¥%2) and listed as awaiting paperwork.</translation>
    </message>
    <message>
        <source>紧急出库 %1 已补单完成。</source>
        <translation>Emergency outbound %1: paperwork completed.</translation>
    </message>
    <message>
        <source>补单完成</source>
        <translation>Complete paperwork</translation>
    </message>
    <message>
        <source>紧急出库 %1:补上单据说明(如 客户、单据号、付款情况)。</source>
        <translation>Emergency outbound %1: add the paperwork note (e.g. customer, document number, payment).</translation>
    </message>
</context>
<context>
    <name>SalesPickers</name>
    <message>
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>刷卡</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>赊账</source>
        <translation>On credit</translation>
    </message>
</context>
<context>
    <name>SalesReportView</name>
    <message>
        <source>分类:只算这个分类的商品。库位:货物从这个库位(及其下的货架)出库的销售,退货按退回的库位。渠道:按销售单的渠道,没有销售单的出库(导入、直接出库)不属于任何渠道。合计、占比和 ABC 都只按筛选后的销售计算。</source>
        <translation>Category: only that category&apos;s products. Location: sales that left from that location (and the shelves under it); returns by where they came back. Channel: by the sales order&apos;s channel; goods out without a sales order (imports, direct outbound) belong to no channel. Totals, shares and ABC are those of the filtered sales.</translation>
    </message>
    <message>
        <source>%1 · 退货 %2</source>
        <translation>%1 · returns %2</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>销售额</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>成本</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>毛利</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>毛利率</source>
        <translation>Margin %</translation>
    </message>
    <message>
        <source>占销售额</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>单数</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <source>A 类:销售额占前 80% 的商品;B 类:其后 15%;C 类:其余</source>
        <translation>A: the products making the first 80% of sales; B: the next 15%; C: the rest</translation>
    </message>
    <message>
        <source>按</source>
        <translation>by</translation>
    </message>
    <message>
        <source>%1 类:%2 个商品,%3(%4)</source>
        <translation>%1: %2 products, %3 (%4)</translation>
    </message>
    <message>
        <source>合计:销售额 %1 · %2 单</source>
        <translation>Total: sales %1 · %2 orders</translation>
    </message>
    <message>
        <source>%1 · 毛利 %2(%3)</source>
        <translation>%1 · margin %2 (%3)</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>各%1销售额(元)</source>
        <translation>Sales by %1 (yuan)</translation>
    </message>
    <message>
        <source>销售额占比:前 8 个%1和其他</source>
        <translation>Share of sales: top 8 by %1 and others</translation>
    </message>
</context>
<context>
    <name>SalesReturnsView</name>
    <message>
        <source>① 扫码</source>
        <translation>① Scan</translation>
    </message>
    <message>
        <source>② 原因</source>
        <translation>② Reason</translation>
    </message>
    <message>
        <source>③ 照片</source>
        <translation>③ Photo</translation>
    </message>
    <message>
        <source>④ 确认</source>
        <translation>④ Confirm</translation>
    </message>
    <message>
        <source>质量问题</source>
        <translation>Quality problem</translation>
    </message>
    <message>
        <source>临期/过期</source>
        <translation>Near or past expiry</translation>
    </message>
    <message>
        <source>包装破损</source>
        <translation>Damaged packaging</translation>
    </message>
    <message>
        <source>拿错商品</source>
        <translation>Wrong item taken</translation>
    </message>
    <message>
        <source>顾客不想要了</source>
        <translation>Customer changed their mind</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>可不填,如 XS20261121-0001(按原单价退)</source>
        <translation>Optional, e.g. XS20261121-0001 (refunds at the price sold)</translation>
    </message>
    <message>
        <source>扫退回商品的条码;同一商品再扫一次数量加一</source>
        <translation>Scan the returned goods; scanning the same item again adds one</translation>
    </message>
    <message>
        <source>原销售单</source>
        <translation>Original sale</translation>
    </message>
    <message>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>选一个或直接输入退货原因(必填)</source>
        <translation>Pick one or type the reason (required)</translation>
    </message>
    <message>
        <source>退货原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>不要照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>照片可不拍;有照片时随退货单保存在数据文件夹的 returns 里。</source>
        <translation>A photo is optional; when given it is kept with the return in the data folder&apos;s returns folder.</translation>
    </message>
    <message>
        <source>回到货架(还能卖,库存增加)</source>
        <translation>Back on the shelf (sellable, stock rises)</translation>
    </message>
    <message>
        <source>报损(不能再卖,记入损耗)</source>
        <translation>To loss (not sellable, recorded as loss)</translation>
    </message>
    <message>
        <source>确认退货</source>
        <translation>Confirm return</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>重新开始</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>请先扫退回的商品。</source>
        <translation>Scan the returned goods first.</translation>
    </message>
    <message>
        <source>请填写退货原因。</source>
        <translation>Please give the reason for the return.</translation>
    </message>
    <message>
        <source>退货 %1:%2 种商品,合计 ¥%3。扫完点“下一步”。</source>
        <translation>Return %1: %2 product(s), ¥%3 in all. Click &quot;Next&quot; when done scanning.</translation>
    </message>
    <message>
        <source>选择退货照片</source>
        <translation>Choose a photo of the return</translation>
    </message>
    <message>
        <source>图片 (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>照片:%1</source>
        <translation>Photo: %1</translation>
    </message>
    <message>
        <source>(没有照片)</source>
        <translation>(no photo)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>退货 %1
原销售单:%2
商品:%3
金额:¥%4
原因:%5
照片:%6

退回的货去哪里?</source>
        <translation>Return %1
Original sale: %2
Goods: %3
Amount: ¥%4
Reason: %5
Photo: %6

Where do the goods go?</translation>
    </message>
    <message>
        <source>已回到货架</source>
        <translation>is back on the shelf</translation>
    </message>
    <message>
        <source>已报损</source>
        <translation>written off as loss</translation>
    </message>
    <message>
        <source>退货单 %1 已确认,¥%2,商品%3。</source>
        <translation>Return %1 confirmed, ¥%2; the goods %3.</translation>
    </message>
    <message>
        <source>① 扫退回的商品(有原销售单号可先填上)。确认前不会动库存。</source>
        <translation>① Scan the returned goods (fill in the original sale number first if there is one). Stock does not move until you confirm.</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <source>报价单</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>收银</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>社群订单</source>
        <translation>Group orders</translation>
    </message>
    <message>
        <source>订单/审批</source>
        <translation>Orders/Approvals</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>快捷/紧急出库</source>
        <translation>Quick / emergency outbound</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
</context>
<context>
    <name>ScanLinesBox</name>
    <message>
        <source>扫商品条码或输入条码后回车</source>
        <translation>Scan a barcode, or type it and press Enter</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Remove line</translation>
    </message>
    <message>
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>%1 × %2 %3</source>
        <translation>%1 × %2 %3</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>更改数据库…</source>
        <translation>Change database…</translation>
    </message>
    <message>
        <source>服务器:%1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>本机数据文件</source>
        <translation>This PC's data file</translation>
    </message>
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
    <name>ShopSettingsDialog</name>
    <message>
        <source>采购规则</source>
        <translation>Purchasing rules</translation>
    </message>
    <message>
        <source>审批金额线(元)</source>
        <translation>Approval limit (yuan)</translation>
    </message>
    <message>
        <source>超过这个金额的采购单要店主审核</source>
        <translation>Orders above this amount need the owner to approve</translation>
    </message>
    <message>
        <source>进价提醒(%)</source>
        <translation>Price warning (%)</translation>
    </message>
    <message>
        <source>比上次进价高出这么多就标出来</source>
        <translation>Flag a price this much above the last one</translation>
    </message>
    <message>
        <source>超收容差(%)</source>
        <translation>Over-delivery tolerance (%)</translation>
    </message>
    <message>
        <source>多送超过这个比例要店主决定</source>
        <translation>Deliveries over by more than this need the owner</translation>
    </message>
    <message>
        <source>需求统计天数</source>
        <translation>Demand window (days)</translation>
    </message>
    <message>
        <source>建议采购按最近几天的销量算日均</source>
        <translation>Suggestions average the sales of this many recent days</translation>
    </message>
    <message>
        <source>服务水平(%)</source>
        <translation>Service level (%)</translation>
    </message>
    <message>
        <source>建议采购备到能满足这个比例的顾客:越高断货越少、损耗越多</source>
        <translation>Suggestions stock enough for this share of customers: higher means fewer empty shelves and more waste</translation>
    </message>
    <message>
        <source>各品类服务水平</source>
        <translation>Service level per category</translation>
    </message>
    <message>
        <source>如 面包=90, 乳品=99;没写的品类用上一行</source>
        <translation>e.g. Bread=90, Dairy=99 (names as in the catalogue); categories not named use the line above</translation>
    </message>
    <message>
        <source>打印采购单的抬头</source>
        <translation>Printed purchase order header</translation>
    </message>
    <message>
        <source>店名</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>采购设置</source>
        <translation>Purchasing settings</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>对账单 · %1</source>
        <translation>Statement · %1</translation>
    </message>
    <message>
        <source>预览 PDF</source>
        <translation>Preview PDF</translation>
    </message>
    <message>
        <source>另存 Excel…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>对账期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>对账单_%1_%2_%3</source>
        <translation>statement_%1_%2_%3</translation>
    </message>
    <message>
        <source>另存对账单</source>
        <translation>Save statement</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>对账单</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
</context>
<context>
    <name>DayBox</name>
    <message>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>看某一天日终的库存:输入日期(如 2026-11-30)或点“日历”选择;空着就是现在的库存</source>
        <translation>Stock at the end of a day: type a date (e.g. 2026-11-30) or pick one with Calendar; empty shows the stock now</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>%1 天内到期</source>
        <translation>Expires within %1 days</translation>
    </message>
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
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>调拨</source>
        <translation>Transfer</translation>
    </message>
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
        <source>%1 天内到期</source>
        <translation>Expires within %1 days</translation>
    </message>
    <message>
        <source>全部库位</source>
        <translation>All locations</translation>
    </message>
    <message>
        <source>截至</source>
        <translation>At the end of</translation>
    </message>
    <message>
        <source>%1 日终:</source>
        <translation>End of %1: </translation>
    </message>
    <message numerus="yes">
        <source>共 %n 行</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>,已过期 %1 批,%3 天内到期 %2 批</source>
        <translation>, %1 lots expired, %2 expiring within %3 days</translation>
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
    <name>StocktakeCountModel</name>
    <message>
        <source>不在本货架</source>
        <translation>Not expected here</translation>
    </message>
    <message>
        <source>请复盘</source>
        <translation>Recount</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>货架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>已盘数量</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>StocktakeReviewModel</name>
    <message>
        <source>意外</source>
        <translation>Unexpected</translation>
    </message>
    <message>
        <source>超限</source>
        <translation>Over limit</translation>
    </message>
    <message>
        <source>待复盘</source>
        <translation>Recount asked</translation>
    </message>
    <message>
        <source>已复盘</source>
        <translation>Recounted</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>货架</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>盘点人</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>账面</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>期间变动</source>
        <translation>Moved since</translation>
    </message>
    <message>
        <source>差异</source>
        <translation>Variance</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>StocktakeSessionModel</name>
    <message>
        <source>不限</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>盘点人</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>全盘</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>按货架</source>
        <translation>By shelf</translation>
    </message>
    <message>
        <source>货架编码</source>
        <translation>Shelf code</translation>
    </message>
    <message>
        <source>按分类</source>
        <translation>By category</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>循环盘点</source>
        <translation>Cycle count</translation>
    </message>
    <message>
        <source>商品数 N</source>
        <translation>Number of products N</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>创建人</source>
        <translation>Created by</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>已盘/行数</source>
        <translation>Counted/lines</translation>
    </message>
</context>
<context>
    <name>StocktakeState</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>盘点中</source>
        <translation>Counting</translation>
    </message>
    <message>
        <source>待审核</source>
        <translation>In review</translation>
    </message>
    <message>
        <source>已过账</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Abandoned</translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message>
        <source>盘点人</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>把所选的盘点单交给左边选的盘点人</source>
        <translation>Give the selected count to the counter chosen on the left</translation>
    </message>
    <message>
        <source>指派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>谁来盘:这张盘点单出现在他的工作台上</source>
        <translation>Who counts it: the count shows on their bench</translation>
    </message>
    <message>
        <source>新建盘点</source>
        <translation>New count</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Abandon</translation>
    </message>
    <message>
        <source>盘点录入</source>
        <translation>Counting</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>放弃盘点</source>
        <translation>Abandon count</translation>
    </message>
    <message>
        <source>放弃盘点单 %1?已盘的数量不会过账。</source>
        <translation>Abandon count session %1? Nothing counted will be posted.</translation>
    </message>
</context>
<context>
    <name>SuggestionModel</name>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>在途</source>
        <translation>On order</translation>
    </message>
    <message>
        <source>日均</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>建议量</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>下次到货</source>
        <translation>Next delivery</translation>
    </message>
    <message>
        <source>断货时间</source>
        <translation>Runs out</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>SuggestionsView</name>
    <message>
        <source>生成采购单</source>
        <translation>Make orders</translation>
    </message>
    <message>
        <source>勾选的行按供应商各生成一张采购单草稿</source>
        <translation>One draft purchase order per supplier from the ticked lines</translation>
    </message>
    <message>
        <source>打印补货码…</source>
        <translation>Print replenish codes…</translation>
    </message>
    <message>
        <source>促销计划…</source>
        <translation>Promotions…</translation>
    </message>
    <message>
        <source>排好的促销日,建议采购提前按平时的几倍备货</source>
        <translation>Planned promotion days: the suggestions stock several usual days ahead</translation>
    </message>
    <message>
        <source>勾选的行按供应商打印补货二维码小票,供应商扫码即得标准订单</source>
        <translation>Print QR slips per supplier for the ticked lines; the supplier scans them to get the order</translation>
    </message>
    <message>
        <source>全选</source>
        <translation>Tick all</translation>
    </message>
    <message>
        <source>全不选</source>
        <translation>Tick none</translation>
    </message>
    <message>
        <source>重新计算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <source>只看需要采购的</source>
        <translation>Only what needs buying</translation>
    </message>
    <message>
        <source>来不及</source>
        <translation>Too late</translation>
    </message>
    <message>
        <source>今日必采</source>
        <translation>Order today</translation>
    </message>
    <message>
        <source>缺供应商资料</source>
        <translation>Supplier data missing</translation>
    </message>
    <message>
        <source>正在计算采购建议…</source>
        <translation>Calculating suggestions…</translation>
    </message>
    <message>
        <source>采购建议计算失败:%1</source>
        <translation>Suggestions failed: %1</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 行</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>,其中 %1 行有断货提醒,已勾选 %2 行</source>
        <translation>, %1 with stock-out alerts, %2 ticked</translation>
    </message>
    <message>
        <source>请先勾选要采购的行。</source>
        <translation>Please tick the lines to buy first.</translation>
    </message>
    <message numerus="yes">
        <source>已按供应商生成 %n 张采购单草稿:</source>
        <translation>
            <numerusform>Made %n draft purchase order:</numerusform>
            <numerusform>Made %n draft purchase orders, one per supplier:</numerusform>
        </translation>
    </message>
    <message>
        <source>打印补货码</source>
        <translation>Print replenish codes</translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>留空自动编号</source>
        <translation>blank = numbered automatically</translation>
    </message>
    <message>
        <source>(无)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>下单后几天到货,如 1</source>
        <translation>days from order to delivery, e.g. 1</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>送货周期(天)</source>
        <translation>Lead time (days)</translation>
    </message>
    <message>
        <source>送货日</source>
        <translation>Delivery days</translation>
    </message>
    <message>
        <source>起订金额</source>
        <translation>Minimum order</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>保存后可添加供货商品和停送日。</source>
        <translation>Save first, then add the products and closed days.</translation>
    </message>
    <message>
        <source>停送日(放假或已排满,建议采购会跳过)</source>
        <translation>Closed days (holiday or fully booked; suggestions skip them)</translation>
    </message>
    <message>
        <source>原因,如 春节放假</source>
        <translation>reason, e.g. Spring Festival</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>供货商品(进价按基本单位)</source>
        <translation>Products supplied (cost per base unit)</translation>
    </message>
    <message>
        <source>SKU编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>箱规</source>
        <translation>Pack</translation>
    </message>
    <message>
        <source>上次进价</source>
        <translation>Last cost</translation>
    </message>
    <message>
        <source>首选</source>
        <translation>Preferred</translation>
    </message>
    <message>
        <source>加入</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>设为首选</source>
        <translation>Make preferred</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>双击箱规或进价可修改</source>
        <translation>Double-click the pack or cost to change it</translation>
    </message>
    <message>
        <source>编辑供应商</source>
        <translation>Edit supplier</translation>
    </message>
    <message>
        <source>新建供应商</source>
        <translation>New supplier</translation>
    </message>
    <message>
        <source>请至少勾选一个送货日。</source>
        <translation>Please tick at least one delivery day.</translation>
    </message>
    <message>
        <source>已保存(编码 %1),现在可以添加供货商品。</source>
        <translation>Saved (code %1); now add the products it supplies.</translation>
    </message>
</context>
<context>
    <name>SuppliersView</name>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>送货周期(天)</source>
        <translation>Lead time (days)</translation>
    </message>
    <message>
        <source>送货日</source>
        <translation>Delivery days</translation>
    </message>
    <message>
        <source>起订金额</source>
        <translation>Minimum order</translation>
    </message>
    <message>
        <source>供货商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>搜索:编码、名称、联系人或电话</source>
        <translation>Search: code, name, contact or phone</translation>
    </message>
    <message>
        <source>编辑供应商</source>
        <translation>Edit supplier</translation>
    </message>
    <message>
        <source>请先在列表中选择一个供应商。</source>
        <translation>Please select a supplier in the list first.</translation>
    </message>
    <message>
        <source>导入供应商</source>
        <translation>Import suppliers</translation>
    </message>
    <message>
        <source>供应商.xlsx</source>
        <translation>suppliers.xlsx</translation>
    </message>
    <message>
        <source>导出供应商</source>
        <translation>Export suppliers</translation>
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
    <message>
        <source>采购</source>
        <translation>Purchasing</translation>
    </message>
    <message>
        <source>销售</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>生产</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>生产</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>用料</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>收货</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>售出</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>批次追溯</source>
        <translation>Lot trace</translation>
    </message>
    <message>
        <source>SKU 或条码</source>
        <translation>SKU or barcode</translation>
    </message>
    <message>
        <source>批次号</source>
        <translation>Lot code</translation>
    </message>
    <message>
        <source>追溯</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>向上追溯(原料来源)</source>
        <translation>Backward (where it came from)</translation>
    </message>
    <message>
        <source>向下追溯(去向)</source>
        <translation>Forward (where it went)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>请输入商品(SKU 或条码)和批次号。</source>
        <translation>Type a product (SKU or barcode) and a lot code.</translation>
    </message>
    <message>
        <source>%1  %2  批次 %3,到期 %4</source>
        <translation>%1  %2  lot %3, expires %4</translation>
    </message>
</context>
<context>
    <name>TraceModel</name>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>到期</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>往来单位</source>
        <translation>Partner</translation>
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
    <name>UsedQuantities</name>
    <message>
        <source>原料</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>实际用量</source>
        <translation>Actual use</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>旧密码</source>
        <translation>Old password</translation>
    </message>
    <message>
        <source>改自己的密码时必填</source>
        <translation>Needed to change your own password</translation>
    </message>
    <message>
        <source>店主密码</source>
        <translation>Owner password</translation>
    </message>
    <message>
        <source>确认店主密码</source>
        <translation>Confirm owner password</translation>
    </message>
    <message>
        <source>你(店主)还没有密码。其他账号有了密码后,启动时需要登录,没有密码的账号不能登录:请同时设置你自己的密码。</source>
        <translation>You (the owner) have no password yet. Once another account has one, Xiaopu asks for a login at start and an account without a password cannot log in: set your own password too.</translation>
    </message>
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
    <message>
        <source>各角色的页面…</source>
        <translation>What each role sees…</translation>
    </message>
    <message>
        <source>每个角色打开软件时看到哪些页面(工作台)</source>
        <translation>Which pages each role sees when it opens the program (its bench)</translation>
    </message>
    <message>
        <source>用户与权限</source>
        <translation>Users and permissions</translation>
    </message>
</context>
<context>
    <name>ReportFilterBar</name>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部库位</source>
        <translation>All locations</translation>
    </message>
    <message>
        <source>全部渠道</source>
        <translation>All channels</translation>
    </message>
</context>
<context>
    <name>ExpiryView</name>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>库位</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>成本金额</source>
        <translation>Value at cost</translation>
    </message>
    <message>
        <source>到期前预计售出</source>
        <translation>Expected sales</translation>
    </message>
    <message>
        <source>预计剩余</source>
        <translation>Leftover</translation>
    </message>
    <message>
        <source>折价窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>%1 天</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>折价/调到/原因</source>
        <translation>Price / to / reason</translation>
    </message>
    <message>
        <source>单据</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>经办</source>
        <translation>By</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>%1(售出 %2)</source>
        <translation>%1 (%2 sold)</translation>
    </message>
    <message>
        <source>折价…</source>
        <translation>Mark down…</translation>
    </message>
    <message>
        <source>取消折价</source>
        <translation>Cancel markdown</translation>
    </message>
    <message>
        <source>调拨…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <source>报损…</source>
        <translation>Write off…</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>选中的批次:</source>
        <translation>Selected lot:</translation>
    </message>
    <message>
        <source>全部库位</source>
        <translation>All locations</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>%1 个批次</source>
        <translation>%1 lots</translation>
    </message>
    <message>
        <source>%1,成本 %2</source>
        <translation>%1, %2 at cost</translation>
    </message>
    <message>
        <source>已%1:%2(批次 %3)%4</source>
        <translation>%1: %2 (lot %3) %4</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
</context>
<context>
    <name>LotActionDialog</name>
    <message>
        <source>%1 %2 · 批次 %3 · %4 · %5 %6 · 到期 %7</source>
        <translation>%1 %2 · lot %3 · %4 · %5 %6 · expires %7</translation>
    </message>
</context>
<context>
    <name>MarkdownDialog</name>
    <message>
        <source>%1(低于此价的销售需审批)</source>
        <translation>%1 (a sale under it waits for approval)</translation>
    </message>
    <message>
        <source>最低价</source>
        <translation>Floor price</translation>
    </message>
    <message>
        <source>折价 - %1</source>
        <translation>Mark down - %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>零售价</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>成本</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>现折价</source>
        <translation>Marked down to</translation>
    </message>
    <message>
        <source>每%1的新售价</source>
        <translation>New price per %1</translation>
    </message>
    <message>
        <source>折后价</source>
        <translation>New price</translation>
    </message>
    <message>
        <source>打印新价签(%1 张)</source>
        <translation>Print new price labels (%1)</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>调拨 - %1</source>
        <translation>Move - %1</translation>
    </message>
    <message>
        <source>调到</source>
        <translation>Move to</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>报损 - %1</source>
        <translation>Write off - %1</translation>
    </message>
    <message>
        <source>临期</source>
        <translation>Near expiry</translation>
    </message>
    <message>
        <source>过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>变质</source>
        <translation>Spoiled</translation>
    </message>
    <message>
        <source>包装破损</source>
        <translation>Damaged packaging</translation>
    </message>
    <message>
        <source>报损原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PeriodReportView</name>
    <message>
        <source>分组</source>
        <translation>Grouped by</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>ReportLoading</name>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>导出失败:%1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>导出报表</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>还没有可以导出的内容</source>
        <translation>Nothing to export yet</translation>
    </message>
    <message>
        <source>正在导出 %1 …</source>
        <translation>Exporting %1 …</translation>
    </message>
</context>
<context>
    <name>BasketView</name>
    <message>
        <source>分类:含这个分类商品的组合;渠道:只看这个渠道的销售单(社群订单和门店小票一起买的东西不同)</source>
        <translation>Category: pairs with a product of that category. Channel: only that channel&apos;s sales orders (a group order is bought together differently from a counter receipt).</translation>
    </message>
    <message>
        <source> 单</source>
        <translation> orders</translation>
    </message>
    <message>
        <source>一起买的单数</source>
        <translation>Bought together</translation>
    </message>
    <message>
        <source>一起买的单数少于这个数的组合不显示:样本太少,不下结论</source>
        <translation>Pairs bought together in fewer orders than this are not shown: too few to tell</translation>
    </message>
    <message>
        <source>也买了</source>
        <translation>Also bought</translation>
    </message>
    <message>
        <source>买了</source>
        <translation>Bought</translation>
    </message>
    <message>
        <source>买了前者的单数</source>
        <translation>Orders with the first</translation>
    </message>
    <message>
        <source>全天</source>
        <translation>All day</translation>
    </message>
    <message>
        <source>全部分类</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>共 %1 单,其中 %2 单买了两种以上商品;显示一起买至少 %3 单的组合。</source>
        <translation>%1 orders, %2 of them with two products or more; pairs bought together in at least %3 orders are shown.</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>提升度</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>支持度</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>支持度 = 一起买的单 ÷ 全部单;置信度 = 一起买的单 ÷ 买了前者的单;提升度 = 置信度 ÷ 后者平时被买的比例(大于 1:常一起买)。一单里同一商品只算一次。</source>
        <translation>Support = orders with both ÷ all orders; confidence = orders with both ÷ orders with the first; lift = confidence ÷ how often the second is bought at all (over 1: bought together more than usual). A product counts once per order.</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>最低支持度</source>
        <translation>Minimum support</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>每天</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>置信度</source>
        <translation>Confidence</translation>
    </message>
</context>
<context>
    <name>SupplierReturnsView</name>
    <message>
        <source>%1 每月退货率</source>
        <translation>%1 monthly return rate</translation>
    </message>
    <message>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>为选中的供应商或商品生成退货谈判单(PDF 或 Excel):每月到货与退货、原因、金额和进价记录</source>
        <translation>Write the negotiation sheet for the selected supplier or product (PDF or Excel): monthly receipts and returns, reasons, values and purchase prices</translation>
    </message>
    <message>
        <source>保存退货谈判单</source>
        <translation>Save the negotiation sheet</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>按供应商</source>
        <translation>By supplier</translation>
    </message>
    <message>
        <source>按商品</source>
        <translation>By product</translation>
    </message>
    <message>
        <source>按商品:退货数量 ÷ 到货数量;按供应商:退货金额 ÷ 到货金额(成本)。红色:连续 %1 个月超过 %2%,鼠标停在行上看原因和每月数量。</source>
        <translation>By product: quantity returned ÷ received; by supplier: value returned ÷ received (at cost). Red: over %2% for %1 months in a row; hover a row for the reason and the monthly quantities.</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>请先选中一个供应商或商品</source>
        <translation>Select a supplier or a product first</translation>
    </message>
    <message>
        <source>只看有退货的</source>
        <translation>Only with returns</translation>
    </message>
    <message>
        <source>谈判单…</source>
        <translation>Negotiation sheet…</translation>
    </message>
    <message>
        <source>谈判单含成本金额和进价,需要查看成本的权限</source>
        <translation>The negotiation sheet holds values at cost and purchase prices: it needs the permission to see cost</translation>
    </message>
    <message>
        <source>谈判单已保存到 %1</source>
        <translation>Negotiation sheet saved to %1</translation>
    </message>
    <message>
        <source>退 %1 / 到 %2 %3</source>
        <translation>back %1 / in %2 %3</translation>
    </message>
    <message>
        <source>退 %1 / 到 %2 元</source>
        <translation>back %1 / in %2 yuan</translation>
    </message>
    <message>
        <source>退货谈判单</source>
        <translation>Negotiation sheet</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message>
        <source>需要处理</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>需要处理(%1)</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>今天没有需要处理的事项</source>
        <translation>Nothing needs attention today</translation>
    </message>
    <message>
        <source>点击查看明细</source>
        <translation>Click to see the detail</translation>
    </message>
    <message>
        <source>还没有对账记录(每天 9 点后第一次打开时自动对账)</source>
        <translation>No reconciliation yet (it runs at the first start after 09:00 each day)</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>found problems</translation>
    </message>
    <message>
        <source>最近一次对账:%1 %2</source>
        <translation>Last reconciliation: %1 %2</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>单号/对象</source>
        <translation>Document / subject</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>手续</source>
        <translation>Paperwork</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>上周</source>
        <translation>Last week</translation>
    </message>
    <message>
        <source>周</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>本周没有对账记录;最近一次:%1</source>
        <translation>No reconciliation this week; the last: %1</translation>
    </message>
    <message>
        <source>还没有对账记录</source>
        <translation>No reconciliation yet</translation>
    </message>
</context>
<context>
    <name>ReconcileView</name>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>运行时间</source>
        <translation>Ran at</translation>
    </message>
    <message>
        <source>运行人</source>
        <translation>Ran by</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>完整性问题</source>
        <translation>Integrity problems</translation>
    </message>
    <message>
        <source>异常波动</source>
        <translation>Swings</translation>
    </message>
    <message>
        <source>卡住的单据</source>
        <translation>Stuck documents</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>昨日结存</source>
        <translation>Yesterday's close</translation>
    </message>
    <message>
        <source>今日变动</source>
        <translation>Today's moves</translation>
    </message>
    <message>
        <source>应有</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>账面</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>偏差</source>
        <translation>Off by</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>单号</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>开始于</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>已等天数</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>只看有问题的</source>
        <translation>Problems only</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>立即对账</source>
        <translation>Reconcile now</translation>
    </message>
    <message>
        <source>检查库存与流水、找出异常波动和卡住的单据,并记下结果。每天 9 点后第一次打开时会自动运行一次</source>
        <translation>Checks the stock against the ledger, finds swings and stuck documents, and records the result. It also runs once a day at the first start after 09:00</translation>
    </message>
    <message>
        <source>正在对账…</source>
        <translation>Reconciling…</translation>
    </message>
    <message>
        <source>没有对账记录。</source>
        <translation>No reconciliation records.</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>异常波动(%1)</source>
        <translation>Swings (%1)</translation>
    </message>
    <message>
        <source>卡住的单据(%1)</source>
        <translation>Stuck documents (%1)</translation>
    </message>
    <message>
        <source>完整性问题(%1)</source>
        <translation>Integrity problems (%1)</translation>
    </message>
</context>
<context>
    <name>StocktakeTrendView</name>
    <message>
        <source>库位:只算在这个库位(及其下的货架)盘点的行;没有在这里盘点的盘点单不列出</source>
        <translation>Location: only the lines counted at that location (and the shelves under it); a count with nothing counted there is not listed.</translation>
    </message>
    <message>
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>全店</source>
        <translation>Whole shop</translation>
    </message>
    <message>
        <source>稳定</source>
        <translation>Stable</translation>
    </message>
    <message>
        <source>未稳定</source>
        <translation>Not stable</translation>
    </message>
    <message>
        <source>近三个月</source>
        <translation>Last 3 months</translation>
    </message>
    <message>
        <source>盘点单</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>过账时间</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>盘点行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>差异率</source>
        <translation>Variance rate</translation>
    </message>
    <message>
        <source>每月(全店与各分类)</source>
        <translation>By month (shop and categories)</translation>
    </message>
    <message>
        <source>每次盘点</source>
        <translation>Each count</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>差异率 = Σ|差异 × 成本| ÷ Σ(账面数量 × 成本);红色:不低于 %1% 线</source>
        <translation>Variance rate = Σ|variance × cost| ÷ Σ(system quantity × cost); red: at or over the %1% line</translation>
    </message>
    <message>
        <source>全店盘点差异率(%)</source>
        <translation>Shop variance rate (%)</translation>
    </message>
    <message>
        <source>%1% 线</source>
        <translation>%1% line</translation>
    </message>
</context>
<context>
    <name>KpiBox</name>
    <message>
        <source>经营指标(近 4 周,与前 4 周比)</source>
        <translation>KPIs (last 4 weeks, against the 4 before)</translation>
    </message>
</context>
<context>
    <name>KpiTile</name>
    <message>
        <source>点击查看经营指标</source>
        <translation>Click to open the KPIs</translation>
    </message>
    <message>
        <source>前 4 周 %1</source>
        <translation>4 weeks before %1</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>已自动备份:%1</source>
        <translation>Backed up automatically: %1</translation>
    </message>
    <message>
        <source>找不到备份文件夹 %1(U 盘没有插上?),今天还没有备份。小铺照常使用。</source>
        <translation>Backup folder %1 not found (is the USB disk plugged in?); no backup today yet. The shop keeps working.</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
    <message>
        <source>例如 U 盘上的一个文件夹</source>
        <translation>e.g. a folder on a USB disk</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>关闭小铺时和每天自动备份到这个文件夹;保留最近 7 天每天一份、4 周每周一份、12 个月每月一份。</source>
        <translation>Backs up into this folder when Xiaopu closes and once a day; keeps one a day for 7 days, one a week for 4 weeks and one a month for 12 months.</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>备份失败</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>还没有选择自动备份文件夹:关闭小铺时和每天都不会自动备份。</source>
        <translation>No backup folder chosen yet: nothing is backed up automatically at closing or daily.</translation>
    </message>
    <message>
        <source>找不到备份文件夹 %1(U 盘没有插上?)。这期间不会备份,小铺照常使用;插上后会自动补上。</source>
        <translation>Backup folder %1 not found (is the USB disk plugged in?). No backups meanwhile; the shop keeps working, and the backup is made once the disk is back.</translation>
    </message>
    <message>
        <source>这个文件夹里还没有备份。关闭小铺时会做第一份。</source>
        <translation>No backup in this folder yet. The first one is made when Xiaopu closes.</translation>
    </message>
    <message>
        <source>最近一次完好的备份:%1  %2</source>
        <translation>Last good backup: %1  %2</translation>
    </message>
</context>
<context>
    <name>RestoreAction</name>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>小铺备份 (*.sqlite3);;所有文件 (*)</source>
        <translation>Xiaopu backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>用这个备份替换当前的数据库?
%1

备份会先检查,不完好就不恢复。当前的数据库改名保存在原来的文件夹里,不会删除。恢复后小铺会关闭,请重新打开。</source>
        <translation>Replace the current database with this backup?
%1

The backup is checked first and not restored unless it is sound. The current database is kept under a new name in its folder, never deleted. Xiaopu closes after the restore; please open it again.</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>没有恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>已从备份恢复。原来的数据库保存为:
%1

小铺现在关闭,请重新打开。</source>
        <translation>Restored from the backup. The previous database was kept as:
%1

Xiaopu closes now; please open it again.</translation>
    </message>
</context>
<context>
    <name>Benches</name>
    <message>
        <source>调拨</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>库存 · 调拨</source>
        <translation>Stock · Transfers</translation>
    </message>
    <message>
        <source>销售 · 报价单</source>
        <translation>Sales · Quotes</translation>
    </message>
    <message>
        <source>报价单</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>临期处理</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Suppliers</translation>
    </message>
    <message>
        <source>供应商退货</source>
        <translation>Supplier returns</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>审计周报</source>
        <translation>Weekly audit</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>建议采购</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>快捷/紧急出库</source>
        <translation>Quick/emergency outbound</translation>
    </message>
    <message>
        <source>报表 · 临期处理</source>
        <translation>Reports · Expiry</translation>
    </message>
    <message>
        <source>报表 · 供应商退货</source>
        <translation>Reports · Supplier returns</translation>
    </message>
    <message>
        <source>报表 · 审计周报</source>
        <translation>Reports · Weekly audit</translation>
    </message>
    <message>
        <source>报表 · 概览</source>
        <translation>Reports · Overview</translation>
    </message>
    <message>
        <source>报表 · 每日对账</source>
        <translation>Reports · Daily reconciliation</translation>
    </message>
    <message>
        <source>报表 · 盘点趋势</source>
        <translation>Reports · Stocktake trend</translation>
    </message>
    <message>
        <source>报表 · 经营指标</source>
        <translation>Reports · KPIs</translation>
    </message>
    <message>
        <source>报表 · 购物篮</source>
        <translation>Reports · Basket</translation>
    </message>
    <message>
        <source>报表 · 销售与毛利</source>
        <translation>Reports · Sales and margin</translation>
    </message>
    <message>
        <source>收货</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <source>收银</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>每日对账</source>
        <translation>Daily reconciliation</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>生产</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>盘点</source>
        <translation>Stocktake</translation>
    </message>
    <message>
        <source>盘点趋势</source>
        <translation>Stocktake trend</translation>
    </message>
    <message>
        <source>社群订单</source>
        <translation>Group orders</translation>
    </message>
    <message>
        <source>经营指标</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <source>订单/审批</source>
        <translation>Orders/approval</translation>
    </message>
    <message>
        <source>购物篮</source>
        <translation>Basket</translation>
    </message>
    <message>
        <source>退货</source>
        <translation>Returns</translation>
    </message>
    <message>
        <source>采购 · 供应商</source>
        <translation>Purchasing · Suppliers</translation>
    </message>
    <message>
        <source>采购 · 建议采购</source>
        <translation>Purchasing · Suggestions</translation>
    </message>
    <message>
        <source>采购 · 收货(含批次标签)</source>
        <translation>Purchasing · Receiving (with lot labels)</translation>
    </message>
    <message>
        <source>采购 · 退货给供应商</source>
        <translation>Purchasing · Returns to suppliers</translation>
    </message>
    <message>
        <source>采购 · 采购单</source>
        <translation>Purchasing · Orders</translation>
    </message>
    <message>
        <source>采购单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>销售 · 客户、应收与账龄</source>
        <translation>Sales · Customers, receivables and ageing</translation>
    </message>
    <message>
        <source>销售 · 快捷/紧急出库</source>
        <translation>Sales · Quick/emergency outbound</translation>
    </message>
    <message>
        <source>销售 · 收银</source>
        <translation>Sales · Counter</translation>
    </message>
    <message>
        <source>销售 · 渠道订单</source>
        <translation>Sales · Channel orders</translation>
    </message>
    <message>
        <source>销售 · 社群订单</source>
        <translation>Sales · Group orders</translation>
    </message>
    <message>
        <source>销售 · 订单/审批(待拣货)</source>
        <translation>Sales · Orders/approval (to pick)</translation>
    </message>
    <message>
        <source>销售 · 退货</source>
        <translation>Sales · Returns</translation>
    </message>
    <message>
        <source>销售与毛利</source>
        <translation>Sales and margin</translation>
    </message>
</context>
<context>
    <name>PeriodCloseDialog</name>
    <message>
        <source>%1 已反结账。</source>
        <translation>%1 is open again.</translation>
    </message>
    <message>
        <source>%1 已结账。</source>
        <translation>%1 is closed.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>反结账</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>反结账的原因(记入审计日志)</source>
        <translation>Why it is reopened (kept in the audit log)</translation>
    </message>
    <message>
        <source>已结账至 %1</source>
        <translation>Closed through %1</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>月结</source>
        <translation>Month-end close</translation>
    </message>
    <message>
        <source>结账</source>
        <translation>Close the month</translation>
    </message>
    <message>
        <source>结账后,这个月及以前的日期不能再做任何出入库单据;未完成的单据只能记在以后的日期。</source>
        <translation>Once closed, no stock document can be dated in this month or before it; what is unfinished can only be dated later.</translation>
    </message>
    <message>
        <source>还没有结过账</source>
        <translation>No month has been closed yet</translation>
    </message>
    <message>
        <source>这个月没有未完成的单据。</source>
        <translation>Nothing is left open in this month.</translation>
    </message>
    <message>
        <source>这个月还有未完成的:
%1</source>
        <translation>Still open in this month:
%1</translation>
    </message>
</context>
<context>
    <name>RoleViewsDialog</name>
    <message>
        <source>各角色的页面</source>
        <translation>What each role sees</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore the default</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>这里只决定各角色打开软件时看到哪些页面;能做什么仍由角色权限决定,例如给收银员显示采购单,他也不能审批。店主总能看到全部页面。改动在该用户下次打开软件时生效。</source>
        <translation>This only decides which pages a role sees; what it may do is still decided by its permissions: a cashier shown the purchase orders still cannot approve one. The owner always sees every page. A change applies the next time that user opens the program.</translation>
    </message>
</context>
<context>
    <name>WaitingLine</name>
    <message>
        <source>现在没有等着处理的单据</source>
        <translation>Nothing is waiting now</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <source>小铺进销存</source>
        <translation>Xiaopu</translation>
    </message>
    <message>
        <source>这台电脑设置的是数据库服务器。可以在这里改数据库设置(例如改用本机数据文件),保存后重新启动小铺。</source>
        <translation>This PC is set to use a database server. Change the database settings here (for example, back to this PC's data file), save, and start Xiaopu again.</translation>
    </message>
    <message>
        <source>数据库设置…</source>
        <translation>Database settings…</translation>
    </message>
    <message>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>本机数据文件(只有这一台电脑用)</source>
        <translation>This PC's data file (only this PC uses it)</translation>
    </message>
    <message>
        <source>数据库服务器(收银台、后台、仓库几台电脑共用一份库存)</source>
        <translation>A database server (the till, back office and warehouse PCs share one stock)</translation>
    </message>
    <message>
        <source>装了 PostgreSQL 的那台电脑,例如 192.168.1.10</source>
        <translation>The PC running PostgreSQL, e.g. 192.168.1.10</translation>
    </message>
    <message>
        <source>测试连接</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>数据库名</source>
        <translation>Database name</translation>
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
        <source>保存后,下次启动小铺时生效。密码保存在这台电脑的设置里。</source>
        <translation>Takes effect the next time Xiaopu starts. The password is kept in this PC's settings.</translation>
    </message>
    <message>
        <source>正在连接……</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>请先点“测试连接”,连接成功后再保存。</source>
        <translation>Click “Test connection” first, and save once it connects.</translation>
    </message>
</context>
<context>
    <name>TransferView</name>
    <message>
        <source>扫码或输入条码,回车加入</source>
        <translation>Scan or type a barcode, Enter adds it</translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>批次</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>备注(可不填)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>过账 (F9)</source>
        <translation>Post (F9)</translation>
    </message>
    <message>
        <source>打印调拨单…</source>
        <translation>Print transfer slip…</translation>
    </message>
    <message>
        <source>调出</source>
        <translation>From</translation>
    </message>
    <message>
        <source>调入</source>
        <translation>To</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>未指定批次的按到期日先出(先到期的先调)</source>
        <translation>Lines without a lot move the earliest expiry first</translation>
    </message>
    <message>
        <source>已扫 %1</source>
        <translation>Scanned %1</translation>
    </message>
    <message>
        <source>调拨单 %1 已过账:%2 → %3</source>
        <translation>Transfer %1 posted: %2 → %3</translation>
    </message>
    <message>
        <source>打印调拨单</source>
        <translation>Print transfer slip</translation>
    </message>
    <message>
        <source>调拨单 %1</source>
        <translation>Transfer %1</translation>
    </message>
</context>
<context>
    <name>QuotesView</name>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>作废报价单 %1?作废后不能再转为订单,也不能再修改。</source>
        <translation>Cancel quote %1? It can then no longer become an order or be changed.</translation>
    </message>
    <message>
        <source>正在修改报价单 %1:已报的商品保持原价,新加的按今天的价格</source>
        <translation>Changing quote %1: what was quoted keeps its price, new lines take today's</translation>
    </message>
    <message>
        <source>修改报价单</source>
        <translation>Change quote</translation>
    </message>
    <message>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>作废报价单</source>
        <translation>Cancel quote</translation>
    </message>
    <message>
        <source>作废…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>报价单 %1 已修改,有效期至 %2</source>
        <translation>Quote %1 changed, valid until %2</translation>
    </message>
    <message>
        <source>作废</source>
        <translation>Cancel quote</translation>
    </message>
    <message>
        <source>报价单 %1 已作废</source>
        <translation>Quote %1 cancelled</translation>
    </message>
    <message>
        <source>单价</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已下单</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>商品编码</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>品名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>报价单号</source>
        <translation>Quote no.</translation>
    </message>
    <message>
        <source>客户</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>销售单</source>
        <translation>Sales order</translation>
    </message>
    <message>
        <source>扫码或输入条码,回车加入</source>
        <translation>Scan or type a barcode, Enter adds it</translation>
    </message>
    <message>
        <source>备注(可不填)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Delete selected rows</translation>
    </message>
    <message>
        <source>生成报价单</source>
        <translation>Make quote</translation>
    </message>
    <message>
        <source>打印报价单…</source>
        <translation>Print quote…</translation>
    </message>
    <message>
        <source>转为销售单</source>
        <translation>Turn into sales order</translation>
    </message>
    <message>
        <source>条码</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>报价单</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>未知条码 %1</source>
        <translation>Unknown barcode %1</translation>
    </message>
    <message>
        <source>报价单 %1 已生成,有效期至 %2</source>
        <translation>Quote %1 made, valid until %2</translation>
    </message>
    <message>
        <source>请先在列表中选择一张报价单。</source>
        <translation>Select a quote in the list first.</translation>
    </message>
    <message>
        <source>报价单 %1 已转为销售单 %2</source>
        <translation>Quote %1 became sales order %2</translation>
    </message>
    <message>
        <source>报价单 %1</source>
        <translation>Quote %1</translation>
    </message>
</context>
<context>
    <name>CustomFieldForm</name>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
</context>
<context>
    <name>CustomFieldsDialog</name>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>删除字段</source>
        <translation>Remove field</translation>
    </message>
    <message>
        <source>删除字段「%1」?

列表和编辑窗口里不再显示它。已填的值保留在历史记录(操作日志)里,以后可以再用这个名字添加字段。</source>
        <translation>Remove the field “%1”?

It no longer shows in the lists and edit windows. The values filled in stay in the history (the audit log), and the name can be used for a new field later.</translation>
    </message>
    <message>
        <source>只有「选项」类型的字段有选项。</source>
        <translation>Only a field of the “Choice” type has choices.</translation>
    </message>
    <message>
        <source>在编辑窗口里填写;列表里右键表头可显示为列;文字内容也能搜索。</source>
        <translation>Filled in in the edit windows; right-click a list's header to show one as a column; text values are found by the search too.</translation>
    </message>
    <message>
        <source>字段名称</source>
        <translation>Field name</translation>
    </message>
    <message>
        <source>字段属于</source>
        <translation>Fields of</translation>
    </message>
    <message>
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>添加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>编辑选项…</source>
        <translation>Edit choices…</translation>
    </message>
    <message>
        <source>自定义字段</source>
        <translation>Custom fields</translation>
    </message>
    <message>
        <source>请先在列表中选择一个字段。</source>
        <translation>Choose a field in the list first.</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Choices</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>清空日期</source>
        <translation>Clear the date</translation>
    </message>
</context>
<context>
    <name>FieldEditDialog</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>如 产地、谁负责这个供应商</source>
        <translation>e.g. Origin, Who handles this supplier</translation>
    </message>
    <message>
        <source>字段改名</source>
        <translation>Rename field</translation>
    </message>
    <message>
        <source>每行一个选项,如
一级
二级</source>
        <translation>One choice per line, e.g.
Grade 1
Grade 2</translation>
    </message>
    <message>
        <source>添加字段(%1)</source>
        <translation>Add a field (%1)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>编辑选项</source>
        <translation>Edit choices</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Choices</translation>
    </message>
</context>
</TS>

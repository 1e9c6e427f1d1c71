"""Which role may do what: checked in every service that changes data."""
from __future__ import annotations

from services.core.errors import PermissionDenied

ALL = frozenset({"owner", "purchaser", "warehouse", "cashier", "finance"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "product.edit": frozenset({"owner", "purchaser", "warehouse"}),
    "location.edit": frozenset({"owner", "warehouse"}),
    "user.manage": frozenset({"owner"}),
    "settings.edit": frozenset({"owner"}),
    "doc.receipt": frozenset({"owner", "purchaser", "warehouse"}),
    "doc.sale": frozenset({"owner", "cashier", "warehouse"}),
    "doc.return": frozenset({"owner", "cashier", "warehouse"}),
    "doc.loss": frozenset({"owner", "warehouse"}),
    "doc.transfer": frozenset({"owner", "warehouse"}),
    "doc.adjustment": frozenset({"owner", "warehouse"}),
    "doc.opening": frozenset({"owner"}),
    "doc.production": frozenset({"owner", "warehouse"}),
    "doc.reverse": frozenset({"owner"}),
    "stock.override_expired": frozenset({"owner"}),
    "stock.reserve": frozenset({"owner", "cashier", "warehouse", "purchaser"}),
    "period.close": frozenset({"owner", "finance"}),
    "period.reopen": frozenset({"owner"}),  # 反结账: documents may be dated in the month again
    "ledger.rebuild": frozenset({"owner"}),
    "data.backup": ALL,
    "data.restore": frozenset({"owner"}),  # replaces the whole shop with a backup
    "data.import": frozenset({"owner", "purchaser", "warehouse"}),
    "channel.edit": frozenset({"owner"}),  # add, rename or disable a sales channel
    # purchasing: suppliers, orders, receiving, returns
    "supplier.edit": frozenset({"owner", "purchaser"}),
    "purchase.edit": frozenset({"owner", "purchaser"}),
    "purchase.approve": frozenset({"owner"}),
    "purchase.approve_large": frozenset({"owner"}),  # orders above purchase.approval_threshold
    "purchase.close": frozenset({"owner", "purchaser"}),
    "receipt.edit": frozenset({"owner", "purchaser", "warehouse"}),
    "receipt.confirm": frozenset({"owner", "warehouse"}),
    "receipt.decide": frozenset({"owner"}),  # accept over tolerance / expired on arrival, with a reason
    "doc.purchase_return": frozenset({"owner", "purchaser", "warehouse"}),
    # sales orders: edit and ship at the counter, approve (finance, owner), the owner's emergency outbound
    "sale.edit": frozenset({"owner", "cashier", "warehouse"}),
    "sale.approve": frozenset({"owner", "finance"}),
    "sale.emergency": frozenset({"owner"}),
    "sale.return": frozenset({"owner", "cashier", "warehouse"}),
    "doc.internal": frozenset({"owner", "warehouse", "cashier"}),  # gifts, samples, own use (quick outbound)
    # sales: customers and their accounts (赊账)
    "customer.edit": frozenset({"owner", "cashier", "finance"}),
    "receivable.payment": frozenset({"owner", "finance", "cashier"}),
    "receivable.adjust": frozenset({"owner", "finance"}),
    # stocktake: count (blind), review and post variances (plus the role in setting stocktake.post_role)
    "stocktake.count": frozenset({"owner", "warehouse", "cashier"}),
    "stocktake.review": frozenset({"owner"}),
    "stocktake.post": frozenset({"owner"}),
    # production: bills of materials
    "bom.edit": frozenset({"owner", "warehouse"}),
    "production.edit": frozenset({"owner", "warehouse"}),  # create, release, send out, cancel production orders
    "production.report": frozenset({"owner", "warehouse"}),  # report work on a step
    # reports: stock at cost, cost of goods sold and margin (a cashier sees sales, never cost)
    "cost.view": frozenset({"owner", "finance", "purchaser"}),
    "audit.view": frozenset({"owner", "finance"}),  # the weekly audit and security report
}

ACTION_NAMES: dict[str, str] = {
    "product.edit": "编辑商品", "location.edit": "编辑库位", "user.manage": "管理用户",
    "settings.edit": "修改设置", "doc.receipt": "收货入库", "doc.sale": "销售出库",
    "doc.return": "退货", "doc.loss": "报损", "doc.transfer": "调拨", "doc.adjustment": "库存调整",
    "doc.opening": "期初库存", "doc.production": "生产", "doc.reverse": "冲销单据",
    "stock.override_expired": "强制出库过期批次", "stock.reserve": "预占库存",
    "period.close": "结账", "period.reopen": "反结账", "ledger.rebuild": "重建库存余额", "data.backup": "备份", "data.restore": "从备份恢复",
    "data.import": "导入数据",
    "channel.edit": "管理销售渠道",
    "supplier.edit": "编辑供应商", "purchase.edit": "编辑采购单", "purchase.approve": "审核采购单",
    "purchase.approve_large": "审核超过审批线的采购单", "purchase.close": "关闭采购单",
    "receipt.edit": "录入收货单", "receipt.confirm": "确认收货", "receipt.decide": "超收/过期到货放行",
    "doc.purchase_return": "采购退货",
    "sale.edit": "编辑销售单", "sale.approve": "审核销售单", "sale.emergency": "紧急出库",
    "sale.return": "销售退货", "doc.internal": "赠品/样品/内部领用出库",
    "customer.edit": "编辑客户", "receivable.payment": "登记收款", "receivable.adjust": "调整应收款",
    "stocktake.count": "盘点计数", "stocktake.review": "审核盘点差异", "stocktake.post": "过账盘点差异",
    "bom.edit": "编辑物料清单", "production.edit": "安排生产单", "production.report": "生产报工",
    "cost.view": "查看成本和毛利", "audit.view": "查看审计与安全报告",
}


def allowed(user, action: str) -> bool:
    return user is not None and user.active and user.role in PERMISSIONS[action]


def require(user, action: str) -> None:
    if not allowed(user, action):
        raise PermissionDenied(
            "permission.denied",
            user=getattr(user, "username", "?"),
            role=getattr(user, "role", "?"),
            action=ACTION_NAMES.get(action, action),
        )

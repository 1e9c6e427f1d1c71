"""报表 → 供应商退货: the monthly return rate per supplier (by value) or per product (by quantity),
months as columns; a product returned more than 15% three months in a row is red, the reason on hover.
The selected row's rates are drawn against the 15% line; 谈判单 writes the negotiation sheet (PDF or
Excel) for the selected supplier or product."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton

from reports.report_doc import trend_chart
from services.core.clock import today
from services.core.errors import XiaopuError
from services.core.messages import msg
from services.reports.figures import may_see_cost
from services.reports.negotiation_sheet import write_negotiation_sheet
from services.reports.period import months_up_to
from services.reports.supplier_returns import FLAG_MONTHS, FLAG_PERCENT, MonthReturns, ReturnsRow, SupplierReturns
from services.reports.supplier_returns import supplier_returns as returns_report
from ui.reports.charts import ChartView
from ui.reports.report_view import PeriodReportView
from ui.widgets import formatting
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, Index, RowsModel, selected_row

CTX = "SupplierReturnsView"
FLAG_BACKGROUND = QColor("#fbe3e6")
FLAG_INK = QColor("#b00020")
UNSAFE_IN_FILE_NAME = str.maketrans({c: "_" for c in '\\/:*?"<>| '})


def rate_text(cell: MonthReturns, by_product: bool) -> str:
    rate = cell.qty_rate if by_product else cell.value_rate
    return "—" if rate is None else f"{rate}%"


def month_detail(cell: MonthReturns, unit: str) -> str:
    """退 16 / 到 100 盒 · 退 128.00 / 到 800.00 元 (the amounts only for a role that may see cost)."""
    parts = []
    if cell.received_qty is not None:
        parts.append(QCoreApplication.translate("SupplierReturnsView", "退 %1 / 到 %2 %3").replace(
            "%1", formatting.qty(cell.returned_qty)).replace("%2", formatting.qty(cell.received_qty)).replace("%3", unit))
    if cell.received_value is not None:
        parts.append(QCoreApplication.translate("SupplierReturnsView", "退 %1 / 到 %2 元").replace(
            "%1", formatting.money(cell.returned_value)).replace("%2", formatting.money(cell.received_value)))
    return f"{cell.month}: " + " · ".join(parts) if parts else cell.month


def _highest(row: ReturnsRow, by_product: bool) -> Decimal:
    rates = [m.qty_rate if by_product else m.value_rate for m in row.months]
    return max((r for r in rates if r is not None), default=Decimal(0))


class ReturnsModel(RowsModel):
    """编码, 名称, then one column per month of the report."""

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.by_product = True

    def set_report(self, report: SupplierReturns, by_product: bool) -> None:
        """Flagged rows first, then the highest rate of the period (只看有退货的 is asked of the service:
        supplier_returns(returned_only=...))."""
        rows = report.products if by_product else report.suppliers
        self.beginResetModel()
        self.by_product = by_product
        self.columns = [Column(QT_TRANSLATE_NOOP("SupplierReturnsView", "编码"), CTX, lambda r: r.code, 90),
                        Column(QT_TRANSLATE_NOOP("SupplierReturnsView", "名称"), CTX, lambda r: r.name, 170,
                               stretch=True)]
        self.columns += [Column(month, CTX, lambda r, i=i: rate_text(r.months[i], by_product), 95, RIGHT)
                         for i, month in enumerate(report.months)]
        self.rows = sorted(rows, key=lambda r: (not r.flagged, -_highest(r, by_product), r.code))
        self.endResetModel()

    def row_background(self, row: ReturnsRow) -> QColor | None:
        return FLAG_BACKGROUND if row.flagged else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and row.flagged:
            return FLAG_INK
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [msg("report.returns.flag", sku=row.code, name=row.name, months=FLAG_MONTHS, limit=FLAG_PERCENT)
                     ] if row.flagged else []
            months = row.months if index.column() < 2 else [row.months[index.column() - 2]]
            return "\n".join(lines + [month_detail(m, row.unit) for m in months])
        return super().data(index, role)


class SupplierReturnsView(PeriodReportView):
    BY = (("product", QT_TRANSLATE_NOOP("SupplierReturnsView", "按商品")),
          ("supplier", QT_TRANSLATE_NOOP("SupplierReturnsView", "按供应商")))

    def __init__(self, context: AppContext, parent=None):
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(f"color: {FLAG_INK.name()}; font-weight: bold;")
        hint = QLabel(QCoreApplication.translate(
            "SupplierReturnsView", "按商品:退货数量 ÷ 到货数量;按供应商:退货金额 ÷ 到货金额(成本)。红色:连续 %1 个月超过 %2%,"
                 "鼠标停在行上看原因和每月数量。").replace("%1", str(FLAG_MONTHS)).replace("%2", str(FLAG_PERCENT)))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.rates = ChartView(height=180)
        self.rates.setVisible(False)
        super().__init__(context, ReturnsModel(), [(QCoreApplication.translate(CTX, t), k) for k, t in self.BY],
                         below=(self.flags, hint), parent=parent, chart=self.rates)
        self.returned_only = QCheckBox(self.tr("只看有退货的"))
        self.returned_only.setChecked(True)
        self.returned_only.toggled.connect(lambda: self.reload())
        self.sheet_button = QPushButton(self.tr("谈判单…"))
        self.sheet_button.setToolTip(self.tr("为选中的供应商或商品生成退货谈判单(PDF 或 Excel):每月到货与退货、原因、金额和进价记录"))
        self.sheet_button.clicked.connect(lambda: self.choose_sheet())
        if not may_see_cost(context.user):
            self.sheet_button.setEnabled(False)
            self.sheet_button.setToolTip(self.tr("谈判单含成本金额和进价,需要查看成本的权限"))
        self.last_sheet: Path | None = None
        self.saved = QLabel()
        self.saved.setStyleSheet("color: #2e7d32;")
        self.saved.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = self.layout().itemAt(0).layout()  # the period bar's row: the filter beside 按商品/按供应商
        top.insertWidget(top.indexOf(self.by) + 1, self.returned_only)
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.sheet_button)
        self.layout().insertLayout(self.layout().indexOf(self.status), row)
        self.table.selectionModel().selectionChanged.connect(lambda: self._draw_selected())
        self.period.blockSignals(True)  # the first range is set before anything is shown: no load yet
        self.period.set_range(*_last_months())
        self.period.blockSignals(False)

    def load_job(self):
        """Every product received in the months: computed in a worker thread (PeriodReportView.reload)."""
        user, start, end = self.context.user, self.period.start, self.period.end
        returned_only = self.returned_only.isChecked()
        return lambda: returns_report(user, start, end, returned_only=returned_only)

    def load(self) -> SupplierReturns:
        return self.load_job()()

    def present(self, report: SupplierReturns) -> None:
        self.model.set_report(report, self.by.currentData() == "product")
        for i, column in enumerate(self.model.columns):  # the months are new columns: their widths again
            self.table.setColumnWidth(i, column.width)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.flags.setText("\n".join(report.flags))
        if self.model.rows:
            self.table.selectRow(0)
        self._draw_selected()

    def _draw_selected(self) -> None:
        """The selected row's monthly rates against the flag line."""
        row = selected_row(self.table)
        if row is None or self.report is None:
            self.rates.set_chart(None)
            return
        rates: list[Decimal | None] = [m.qty_rate if self.model.by_product else m.value_rate for m in row.months]
        self.rates.set_chart(trend_chart(self.tr("%1 每月退货率").replace("%1", row.name), list(self.report.months),
                                         {row.name: rates}, unit="%", reference=FLAG_PERCENT,
                                         reference_label=f"{FLAG_PERCENT}%"))

    def choose_sheet(self) -> Path | None:
        row = selected_row(self.table)
        if row is None:
            self.status.setText(self.tr("请先选中一个供应商或商品"))
            return None
        folder = self.context.settings.get(keys.LAST_FOLDER) or str(Path.home())
        title = self.tr("退货谈判单")
        stem = f"{title}_{row.code}_{row.name}_{today():%Y%m%d}".translate(UNSAFE_IN_FILE_NAME)
        name, chosen = QFileDialog.getSaveFileName(self, self.tr("保存退货谈判单"), str(Path(folder) / f"{stem}.pdf"),
                                                   self.tr("PDF 文件 (*.pdf)") + ";;" + self.tr("Excel 文件 (*.xlsx)"))
        if not name:
            return None
        suffix = Path(name).suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            suffix = ".xlsx" if "xlsx" in chosen else ".pdf"
            name += suffix
        self.context.settings.set(keys.LAST_FOLDER, str(Path(name).parent))
        return self.write_sheet(row, Path(name))

    def write_sheet(self, row: ReturnsRow, path: Path) -> Path | None:
        subject = {"supplier": row.code} if not self.model.by_product else {"product": row.code}
        try:
            write_negotiation_sheet(self.context.user, path, start=self.period.start, end=self.period.end, **subject)
        except XiaopuError as exc:  # a file open in Excel, a folder without write access: said, nothing half-written
            self.saved.clear()
            self.status.setText(str(exc))
            return None
        self.status.clear()
        self.last_sheet = path
        self.saved.setText(self.tr("谈判单已保存到 %1").replace("%1", str(path)))
        return path


def _last_months():
    whole = months_up_to(today(), FLAG_MONTHS)
    return whole.start, whole.end

"""报表 → 购物篮: which products are bought together, over a period, filtered by weekday, hour block
and category, with a minimum support so a handful of sales cannot shout. The table lists the rules
(A → B with support, confidence, lift and the orders behind them); the selected rule is said in one
large sentence. An empty result says why — no sale, too few sales of two products or more, or no pair
over the minimum support — never a blank table."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox

from services.core.messages import msg
from services.reports.basket import MIN_SUPPORT, BasketReport, BasketRule, basket_report
from ui.reports.report_view import PeriodReportView
from ui.widgets.context import AppContext
from ui.widgets.table_model import RIGHT, Column, RowsModel, selected_row

CTX = "BasketView"
HOUR_BLOCKS = ((7, 9), (9, 11), (11, 13), (13, 15), (15, 17), (17, 19), (19, 22))  # a shop day in 2-hour blocks
EMPTY_COLOR = "#8a5a00"


class BasketRulesModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__((
            Column(QT_TRANSLATE_NOOP("BasketView", "买了"), CTX, lambda r: r.if_name, 130, stretch=True),
            Column(QT_TRANSLATE_NOOP("BasketView", "也买了"), CTX, lambda r: r.then_name, 130, stretch=True),
            Column(QT_TRANSLATE_NOOP("BasketView", "支持度"), CTX, lambda r: f"{r.support}%", 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("BasketView", "置信度"), CTX, lambda r: f"{r.confidence}%", 75, RIGHT),
            Column(QT_TRANSLATE_NOOP("BasketView", "提升度"), CTX, lambda r: str(r.lift), 65, RIGHT),
            Column(QT_TRANSLATE_NOOP("BasketView", "一起买的单数"), CTX, lambda r: str(r.both), 95, RIGHT),
            Column(QT_TRANSLATE_NOOP("BasketView", "买了前者的单数"), CTX, lambda r: str(r.with_if), 105, RIGHT),
        ), parent)

    def row_tooltip(self, row: BasketRule) -> str | None:
        return row.sentence()


class BasketView(PeriodReportView):
    def __init__(self, context: AppContext, parent=None):
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        font = QFont(self.sentence.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.sentence.setFont(font)
        self.summary = QLabel()
        hint = QLabel(QCoreApplication.translate(
            "BasketView", "支持度 = 一起买的单 ÷ 全部单;置信度 = 一起买的单 ÷ 买了前者的单;"
                 "提升度 = 置信度 ÷ 后者平时被买的比例(大于 1:常一起买)。一单里同一商品只算一次。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        weekdays = msg("suggest.weekdays").split("|")
        super().__init__(context, BasketRulesModel(),
                         [(QCoreApplication.translate("BasketView", "每天"), None),
                          *((name, day) for day, name in enumerate(weekdays, 1))],
                         by_label=QCoreApplication.translate("BasketView", "星期"),
                         below=(self.sentence, self.summary, hint), parent=parent, filters=("category", "channel"))
        self.hours = QComboBox()
        self.hours.addItem(self.tr("全天"), None)
        for block in HOUR_BLOCKS:
            self.hours.addItem(msg("report.basket.hours", start=block[0], end=block[1]), block)
        self.category, self.channel = self.filters.boxes["category"], self.filters.boxes["channel"]
        self.filters.setToolTip(self.tr("分类:含这个分类商品的组合;渠道:只看这个渠道的销售单(社群订单和门店小票一起买的东西不同)"))
        self.min_support = QSpinBox()
        self.min_support.setRange(1, 9999)
        self.min_support.setValue(MIN_SUPPORT)
        self.min_support.setSuffix(self.tr(" 单"))
        self.min_support.setToolTip(self.tr("一起买的单数少于这个数的组合不显示:样本太少,不下结论"))
        filters = QHBoxLayout()
        for label, widget in ((self.tr("时段"), self.hours), (self.tr("最低支持度"), self.min_support)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        self.layout().insertLayout(1, filters)  # under the period and weekday
        self.hours.currentIndexChanged.connect(lambda: self.reload())
        self.min_support.valueChanged.connect(lambda: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda: self._say_selected())

    def load_job(self):
        """The pairs of every basket in the period: computed in a worker thread (PeriodReportView.reload)."""
        start, end, weekday, hours = self.period.start, self.period.end, self.by.currentData(), self.hours.currentData()
        category, channel, min_support = self.filters.value("category"), self.filters.value("channel"), \
            self.min_support.value()
        return lambda: basket_report(start, end, weekday=weekday, hours=hours, category=category, channel=channel,
                                     min_support=min_support)

    def load(self) -> BasketReport:
        return self.load_job()()

    def present(self, report: BasketReport) -> None:
        self.model.set_rows(report.rules)
        self.summary.setText(self.tr("共 %1 单,其中 %2 单买了两种以上商品;显示一起买至少 %3 单的组合。")
                             .replace("%1", str(report.baskets)).replace("%2", str(report.multi_line))
                             .replace("%3", str(report.min_support)))
        if report.rules:
            self.table.selectRow(0)
        self._say_selected()

    def _say_selected(self) -> None:
        """The selected rule as a sentence; with no rule, why there is none."""
        rule = selected_row(self.table)
        if rule is None and self.report is not None and not self.report.rules:
            self.sentence.setStyleSheet(f"color: {EMPTY_COLOR};")
            self.sentence.setText(self.report.why_empty())
            return
        self.sentence.setStyleSheet("")
        self.sentence.setText(rule.sentence() if rule is not None else "")

    def export_filters(self) -> tuple[tuple[str, str], ...]:
        return ((self.tr("期间"), f"{self.period.start:%Y-%m-%d} – {self.period.end:%Y-%m-%d}"),
                (self.tr("星期"), self.by.currentText()), (self.tr("时段"), self.hours.currentText()),
                *self.filters.export_filters(everything=True),
                (self.tr("最低支持度"), self.min_support.text()))

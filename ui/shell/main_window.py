"""The one main window: tabs from ui/shell/tabs.py, menus, the status bar, and where scans go."""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPixmap, QShowEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from services.core.permissions import allowed
from ui.benches.bench_tabs import BenchTabs
from ui.benches.layout import shown_views
from ui.benches.memory import opening_view, remember_view
from ui.benches.waiting_line import WaitingLine
from ui.shell.backup_actions import AutoBackup, backup_now, restore_from_file
from ui.shell.settings_dialog import SettingsDialog
from ui.shell.tabs import TABS, TabSpec
from ui.shell.users_dialog import UsersDialog
from ui.widgets import notify
from ui.widgets import settings as keys
from ui.widgets.context import AppContext
from ui.widgets.first_paint import FirstPaint
from ui.widgets.refresh import ChangeWatcher
from ui.widgets.roles import user_label
from ui.widgets.scanner import Clock, ScannerFilter, focus_scan_field, monotonic_ms
from ui.widgets.worker import start_quiet, wait_for_quiet_jobs

APP_VERSION = "0.1.0"
log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, tabs: list[TabSpec] | None = None, clock: Clock = monotonic_ms):
        super().__init__()
        FirstPaint(self)  # the start's background jobs (概览's figures, alerts, reconciliation) wait for it
        self.context = context
        self.setWindowTitle(self.tr("小铺进销存"))
        self.resize(1180, 720)
        geometry = context.settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        role = context.user.role
        self.bench = BenchTabs(self.tabs, tabs if tabs is not None else TABS, context, shown_views(role))
        self.tab_widgets = self.bench.widgets  # tab key → widget, built the first time it is asked for
        self.tab_titles = self.bench.titles  # without a badge's count
        self.bench.built.connect(self._tab_built)
        self.waiting = WaitingLine(context, self)
        self.tabs.setCornerWidget(self.waiting, Qt.Corner.TopRightCorner)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()

        self.scanner = ScannerFilter(self, clock=clock)
        self.configure_scanner()
        self.scanner.watch(self)
        self.scanner.scanned.connect(self.route_scan)
        self.scanner.install()
        self.unknown_box: QMessageBox | None = None
        self.alerts_dialog: QWidget | None = None
        self.hold_timer = QTimer(self)  # unpaid orders' holds run out while the app is open
        self.hold_timer.setInterval(60_000)
        self.hold_timer.timeout.connect(lambda: self.release_expired_holds())
        self.hold_timer.start()
        self.auto_backup = AutoBackup(self)  # at closing and once a day, into the owner's folder
        self.follower = ChangeWatcher(context, self)  # other PCs' and windows' commits refresh the open view
        self.bench.view_changed.connect(self._view_changed)
        self.bench.build_at_start()
        self.bench.show_view(opening_view(context, self.bench))

    def _tab_built(self, key: str, widget: QWidget) -> None:
        badge = getattr(widget, "badge_changed", None)  # a tab that counts what needs attention (报表)
        if badge is not None:
            badge.connect(lambda count, lines, w=widget: self.show_badge(w, count, lines))

    def _view_changed(self, view: str) -> None:
        """Remember the view for this user's next start; a view that takes scans gets the keyboard."""
        remember_view(self.context, view)
        focus_scan_field(self.tabs.currentWidget())

    @property
    def products_tab(self):
        return self.tab_widgets["products"]

    def has_tab(self, key: str) -> bool:
        return key in self.bench.keys

    # -- frame ---------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        backup = QAction(self.tr("备份数据库…"), self)
        backup.triggered.connect(lambda: self.backup())
        file_menu.addAction(backup)
        restore = QAction(self.tr("从备份恢复…"), self)
        restore.setObjectName("restore_action")
        restore.triggered.connect(lambda: restore_from_file(self))
        restore.setEnabled(self.context.user.role == "owner")  # the service refuses others anyway
        file_menu.addAction(restore)
        shelf_labels = QAction(self.tr("打印货架标签…"), self)
        shelf_labels.triggered.connect(lambda: self.print_shelf_labels())
        file_menu.addAction(shelf_labels)
        period = QAction(self.tr("月结…"), self)
        period.setObjectName("period_action")
        period.triggered.connect(lambda: self.open_period_close())
        file_menu.addAction(period)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        preferences = QAction(self.tr("选项…"), self)
        preferences.triggered.connect(lambda: self.open_settings())
        settings_menu.addAction(preferences)
        users_action = QAction(self.tr("用户与权限…"), self)
        users_action.triggered.connect(lambda: self.open_users())
        users_action.setEnabled(self.context.user.role == "owner")  # the services refuse others anyway
        settings_menu.addAction(users_action)
        purchasing_action = QAction(self.tr("采购设置…"), self)
        purchasing_action.triggered.connect(lambda: self.open_purchasing_settings())
        purchasing_action.setEnabled(self.context.user.role == "owner")
        settings_menu.addAction(purchasing_action)
        fields_action = QAction(self.tr("自定义字段…"), self)
        fields_action.setObjectName("custom_fields_action")
        fields_action.triggered.connect(lambda: self.open_custom_fields())
        fields_action.setVisible(allowed(self.context.user, "settings.edit"))  # the owner's; the service refuses others
        settings_menu.addAction(fields_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于小铺"), self)
        about.triggered.connect(lambda: self.about())
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self.tr("用户:%1").replace("%1", user_label(self.context.user)))
        self.db_label = QLabel(self.tr("数据库:%1").replace("%1", self.context.db_label))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.db_label)

    def configure_scanner(self) -> None:
        settings = self.context.settings
        self.scanner.configure(max_interval_ms=settings.get(keys.SCANNER_MAX_INTERVAL_MS),
                               min_length=settings.get(keys.SCANNER_MIN_LENGTH),
                               suffix=settings.get(keys.SCANNER_SUFFIX))

    def render_all_tabs(self) -> list[tuple[str, QPixmap]]:
        """Show and paint every tab and every sub-view once (--smoke-test; screenshots): each one's
        title ("商品", "报表/概览") with its picture."""
        shots = []
        for i in range(self.tabs.count()):
            self.tabs.setCurrentIndex(i)
            title = self.tab_titles[i]
            sub_views = getattr(self.tabs.currentWidget(), "views", None)  # a tab with its own tabs (采购)
            if not isinstance(sub_views, QTabWidget):
                shots.append((title, self.grab()))
                continue
            for j in range(sub_views.count()):
                sub_views.setCurrentIndex(j)
                shots.append((f"{title}/{sub_views.tabText(j)}", self.grab()))
            sub_views.setCurrentIndex(0)
        self.tabs.setCurrentIndex(0)
        return shots

    def show_badge(self, tab: QWidget, count: int, lines: str) -> None:
        """'报表 (3)' on the tab, the lines on hover; the plain title when nothing waits."""
        index = self.tabs.indexOf(tab)
        title = self.tab_titles[index]
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        self.tabs.setTabToolTip(index, lines)

    def start_daily_reconciliation(self):
        """After login: the day's reconciliation when due (the first start after 09:00, once a day) in a
        worker — it reads the whole ledger, the window is usable meanwhile; the alerts follow its record."""
        from ui.reports.alert_watch import RECONCILED

        user = self.context.user

        def reconcile(progress) -> object:  # in the worker, its import too: the ledger checks are not start-up's
            from services.reports.reconcile import reconcile_if_due

            return reconcile_if_due(user)

        def written(report) -> None:
            if report is not None:
                self.context.events.changed.emit(RECONCILED)

        return start_quiet(self, reconcile, written)

    def release_expired_holds(self) -> list[str]:
        """Every minute: unpaid orders past their hold expire and their stock is sellable again."""
        from services.sales.sales_holds import release_expired_holds

        try:
            expired = release_expired_holds()
        except Exception:  # a locked database now is retried in a minute; never a crash dialog from a timer
            log.exception("releasing expired holds failed")
            return []
        if expired:
            self.context.events.changed.emit("sales")
            self.context.events.changed.emit("stock")
        return expired

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: focus_scan_field(self.tabs.currentWidget()))  # the cashier types at once

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.auto_backup.backs_up_first(event):  # the closing backup runs in a worker, then closes again
            return
        self.hold_timer.stop()
        self.follower.stop()
        self.context.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        wait_for_quiet_jobs()  # a list still filling itself must not outlive the database connection
        refused = self.auto_backup.at_close()
        if refused:  # e.g. the USB disk is not plugged in: say so, then close anyway
            QMessageBox.warning(self, self.tr("关闭时没有备份"), refused)
        self.scanner.uninstall()
        super().closeEvent(event)

    # -- scanning ------------------------------------------------------------------------------

    def route_scan(self, code: str) -> None:
        """A scan goes to the active tab if it takes scans; otherwise the products tab shows the product."""
        self.statusBar().showMessage(self.tr("扫码:%1").replace("%1", code), 4000)
        source = self.scanner.scan_window
        if source is not None and source is not self and callable(getattr(source, "handle_scan", None)):
            source.handle_scan(code)  # scanned into an open dialog (e.g. the product dialog): it is the target
            return
        current = self.tabs.currentWidget()
        handler = getattr(current, "handle_scan", None)
        if callable(handler) and handler(code):
            return
        if not self.has_tab("products"):  # a bench without 商品: say so, the clerk's view stays
            self.statusBar().showMessage(self.tr("未知条码 %1").replace("%1", code), 8000)
            return
        if current is not self.products_tab and self.products_tab.handle_scan(code):
            self.tabs.setCurrentWidget(self.products_tab)
            return
        self.offer_new_product(code)

    def offer_new_product(self, code: str) -> QMessageBox:
        def create() -> None:
            self.tabs.setCurrentWidget(self.products_tab)
            self.products_tab.new_product(barcode=code)

        self.unknown_box = notify.ask(
            self, self.tr("未知条码"),
            self.tr("未知条码 %1\n\n没有商品使用这个条码。要用它新建商品吗?").replace("%1", code),
            self.tr("新建商品"), create)
        return self.unknown_box

    # -- menu actions --------------------------------------------------------------------------

    def backup(self):
        return backup_now(self)  # 文件 → 备份数据库…: into the owner's backup folder

    def print_shelf_labels(self):
        from ui.widgets.label_dialog import preview_shelf_labels  # reportlab loads when labels are printed

        return preview_shelf_labels(self)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.context.settings, self)
        dialog.accepted.connect(self.configure_scanner)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_users(self) -> UsersDialog:
        dialog = UsersDialog(self.context, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_purchasing_settings(self):
        from ui.purchasing.settings_dialog import ShopSettingsDialog

        dialog = ShopSettingsDialog(self.context, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_custom_fields(self):
        from ui.shell.custom_fields_dialog import CustomFieldsDialog

        dialog = CustomFieldsDialog(self.context, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def check_alerts(self):
        """After startup: products running out before their next delivery, listed without blocking."""
        from ui.purchasing.alerts import check_alerts

        if not self.bench.has_view("purchasing.suggestions"):  # its jump would lead nowhere (收银, 仓管)
            return None
        return check_alerts(self)

    def open_period_close(self):
        from ui.shell.period_dialog import PeriodCloseDialog

        dialog = PeriodCloseDialog(self.context, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def show_suggestions(self, tick_product_ids: set[int] | None = None):
        """Open 采购 → 建议采购 (the alert list's jump), with those products ticked."""
        if not self.bench.show_view("purchasing.suggestions"):
            return None
        purchasing = self.tab_widgets["purchasing"]
        self.tabs.setCurrentWidget(purchasing)
        return purchasing.show_suggestions(tick_product_ids)

    def about(self) -> QMessageBox:
        return notify.inform(self, self.tr("关于小铺"), self.tr(
            "小铺进销存 %1\n\n给小店用的进销存:商品、库存、批次与保质期、扫码枪。\n数据保存在本机的一个文件里。")
            .replace("%1", APP_VERSION))

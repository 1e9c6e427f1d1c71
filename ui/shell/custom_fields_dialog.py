"""设置 → 自定义字段: the owner's own fields on products, customers and suppliers (产地, 谁负责这个供应商,
社群专属价 …) — added, renamed, their choices edited, removed. The services refuse anyone who may not
change the shop's settings; a removed field's values stay in the history (the audit log)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.core import custom_fields
from services.core.custom_fields import CustomField
from services.core.errors import XiaopuError
from ui.widgets import notify
from ui.widgets.context import AppContext
from ui.widgets.notify import error_label
from ui.widgets.table_model import Column, RowsModel, selected_row, setup_table

CTX = "CustomFieldsDialog"
CHANGED = {"product": "products", "customer": "customers", "supplier": "suppliers"}  # the lists that reload
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("CustomFieldsDialog", "字段名称"), CTX, lambda f: f.name, 160),
    Column(QT_TRANSLATE_NOOP("CustomFieldsDialog", "类型"), CTX, lambda f: custom_fields.kind_label(f.kind), 70),
    Column(QT_TRANSLATE_NOOP("CustomFieldsDialog", "选项"), CTX, lambda f: "、".join(f.choices), 200, stretch=True),
)
ADD, RENAME, CHOICES = "add", "rename", "choices"


def split_choices(text: str) -> list[str]:
    """One choice a line (the service cleans and checks them)."""
    return [line for line in text.splitlines() if line.strip()]


class FieldEditDialog(QDialog):
    """添加 a field (name, type, choices), 改名 or 编辑选项; the service's refusal stays here in red."""

    def __init__(self, context: AppContext, entity: str, mode: str, field: CustomField | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.entity, self.mode, self.field = context, entity, mode, field
        titles = {ADD: self.tr("添加字段(%1)").replace("%1", custom_fields.entity_label(entity)),
                  RENAME: self.tr("字段改名"), CHOICES: self.tr("编辑选项")}
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(360)
        self.name = QLineEdit(field.name if field else "")
        self.name.setPlaceholderText(self.tr("如 产地、谁负责这个供应商"))
        self.name.setEnabled(mode != CHOICES)
        self.kind = QComboBox()
        for kind in custom_fields.KINDS:
            self.kind.addItem(custom_fields.kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(field.kind if field else "text")))
        self.kind.setEnabled(mode == ADD)
        self.choices = QPlainTextEdit("\n".join(field.choices) if field else "")
        self.choices.setPlaceholderText(self.tr("每行一个选项,如\n一级\n二级"))
        self.choices.setFixedHeight(110)
        self.choices_label = QLabel(self.tr("选项"))
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("类型"), self.kind)
        form.addRow(self.choices_label, self.choices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _: self._show_choices())
        self._show_choices()
        (self.choices if mode == CHOICES else self.name).setFocus()

    def _show_choices(self) -> None:
        """The choices are asked only of a 选项 field, and edited only when adding one or in 编辑选项."""
        is_choice = self.kind.currentData() == "choice"
        self.choices.setVisible(is_choice)
        self.choices_label.setVisible(is_choice)
        self.choices.setEnabled(self.mode in (ADD, CHOICES))

    def save(self) -> bool:
        actor, choices = self.context.user, split_choices(self.choices.toPlainText())
        try:
            if self.mode == ADD:
                kind = self.kind.currentData()
                self.field = custom_fields.add_field(actor, self.entity, self.name.text(), kind,
                                                     choices if kind == "choice" else ())
            elif self.mode == RENAME:
                self.field = custom_fields.rename_field(actor, self.field.id, self.name.text())
            else:
                self.field = custom_fields.set_choices(actor, self.field.id, choices)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return False
        self.accept()
        return True


class CustomFieldsDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.editor: FieldEditDialog | None = None  # the dialog last opened (tests drive it)
        self.question: QMessageBox | None = None
        self.setWindowTitle(self.tr("自定义字段"))
        self.resize(560, 380)
        self.entity = QComboBox()
        for entity in custom_fields.ENTITIES:
            self.entity.addItem(custom_fields.entity_label(entity), entity)
        self.entity.currentIndexChanged.connect(lambda _: self.reload())
        self.model = RowsModel(COLUMNS, self)
        self.table = QTableView()
        setup_table(self.table, self.model)
        self.table.doubleClicked.connect(lambda _: self.rename_selected())
        self.error = error_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("字段属于")))
        top.addWidget(self.entity)
        top.addStretch(1)
        hint = QLabel(self.tr("在编辑窗口里填写;列表里右键表头可显示为列;文字内容也能搜索。"))
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("添加…"))
        self.add_button.clicked.connect(lambda: self.add_field())
        self.rename_button = QPushButton(self.tr("改名…"))
        self.rename_button.clicked.connect(lambda: self.rename_selected())
        self.choices_button = QPushButton(self.tr("编辑选项…"))
        self.choices_button.clicked.connect(lambda: self.edit_choices())
        self.remove_button = QPushButton(self.tr("删除"))
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.choices_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.reload()

    def current_entity(self) -> str:
        return self.entity.currentData()

    def choose_entity(self, entity: str) -> None:
        self.entity.setCurrentIndex(self.entity.findData(entity))

    def reload(self) -> None:
        self.model.set_rows(custom_fields.fields_of(self.current_entity()))

    def _changed(self) -> None:
        self.reload()
        self.context.events.changed.emit(CHANGED[self.current_entity()])

    def _selected(self) -> CustomField | None:
        self.error.clear()
        field = selected_row(self.table)
        if field is None:
            self.error.setText(self.tr("请先在列表中选择一个字段。"))
        return field

    def _open(self, mode: str, field: CustomField | None) -> FieldEditDialog:
        self.editor = FieldEditDialog(self.context, self.current_entity(), mode, field, self)
        self.editor.accepted.connect(self._changed)
        self.editor.finished.connect(self.editor.deleteLater)
        self.editor.open()
        return self.editor

    def add_field(self) -> FieldEditDialog:
        self.error.clear()
        return self._open(ADD, None)

    def rename_selected(self) -> FieldEditDialog | None:
        field = self._selected()
        return None if field is None else self._open(RENAME, field)

    def edit_choices(self) -> FieldEditDialog | None:
        field = self._selected()
        if field is None:
            return None
        if field.kind != "choice":
            self.error.setText(self.tr("只有「选项」类型的字段有选项。"))
            return None
        return self._open(CHOICES, field)

    def remove_selected(self):
        field = self._selected()
        if field is None:
            return None
        self.question = notify.ask(
            self, self.tr("删除字段"),
            self.tr("删除字段「%1」?\n\n列表和编辑窗口里不再显示它。已填的值保留在历史记录(操作日志)里,"
                    "以后可以再用这个名字添加字段。").replace("%1", field.name),
            self.tr("删除"), lambda: self._remove(field))
        return self.question

    def _remove(self, field: CustomField) -> None:
        try:
            custom_fields.remove_field(self.context.user, field.id)
        except XiaopuError as exc:
            self.error.setText(str(exc))
            return
        self._changed()

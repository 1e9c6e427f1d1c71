"""自定义字段 in an edit dialog: one row per field the owner added to products, customers or suppliers.

Every kind has its editor: a line for text, number and money (the service parses what was typed), a
date with an empty state, a yes/no box and a choice list with a blank. Only fields whose editor was
changed are saved, so opening and saving a record never writes a value nobody touched (an unset yes/no
stays unset instead of becoming 否)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from services.core import clock, custom_fields
from services.core.custom_fields import CustomField
from services.core.errors import XiaopuError

ERROR_STYLE = "border: 1px solid #d32f2f; background: #fff3f3;"
BLANK_DATE = QDate(1900, 1, 1)  # the editor's minimum, shown as blank: "no date"


class DateField(QWidget):
    """A date that may be empty: blank until a day is picked, ✕ empties it again."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(BLANK_DATE)
        self.edit.setSpecialValueText(" ")  # shown when the date is the minimum
        self.edit.calendarWidget().installEventFilter(self)
        clear = QToolButton()
        clear.setText("✕")
        clear.setToolTip(self.tr("清空日期"))
        clear.clicked.connect(lambda: self.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(clear)
        self.set_value(value)

    def value(self) -> dt.date | None:
        date = self.edit.date()
        return None if date == BLANK_DATE else date.toPython()

    def set_value(self, value: dt.date | None) -> None:
        self.edit.setDate(BLANK_DATE if value is None else QDate(value.year, value.month, value.day))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:  # a blank date's calendar opens on today
            today = clock.today()
            watched.setCurrentPage(today.year, today.month)
        return False


def _stored_date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:  # not a day the service wrote: show blank rather than fail
        return None


class CustomFieldForm(QGroupBox):
    """The 自定义字段 section of one record's dialog; hidden when the shop has no fields for it."""

    def __init__(self, entity: str, entity_id: int | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("自定义字段"), parent)
        self.entity = entity
        self.fields = custom_fields.fields_of(entity)
        stored = custom_fields.values_of(entity, [entity_id]).get(entity_id, {}) if entity_id and self.fields else {}
        self.editors: dict[int, QWidget] = {}
        self.initial: dict[int, object] = {}
        form = QFormLayout(self)
        for field in self.fields:
            editor = self._editor(field, stored.get(field.id))
            self.editors[field.id] = editor
            self.initial[field.id] = self._raw(field)
            form.addRow(field.name, editor)
        self.setVisible(bool(self.fields))

    def _editor(self, field: CustomField, stored: str | None) -> QWidget:
        shown = custom_fields.display_value(field, stored) if stored is not None else ""
        if field.kind == "date":
            return DateField(_stored_date(stored))
        if field.kind == "bool":
            box = QCheckBox()
            box.setTristate(False)
            box.setChecked(stored is not None and stored == custom_fields.parse_value(field, True))
            return box
        if field.kind == "choice":
            combo = QComboBox()
            combo.addItem("")
            combo.addItems(list(field.choices))
            if shown and combo.findText(shown) < 0:  # a choice the owner since removed: kept until changed
                combo.addItem(shown)
            combo.setCurrentIndex(max(0, combo.findText(shown)))
            return combo
        edit = QLineEdit(shown)
        if field.kind in ("number", "money"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        return edit

    def editor(self, name: str) -> QWidget:
        """The editor of the field called `name` (tests and screenshots fill it in)."""
        return next(self.editors[f.id] for f in self.fields if f.name == name)

    def _raw(self, field: CustomField) -> object:
        """What the editor holds, as the service's parse_value takes it."""
        editor = self.editors[field.id]
        if isinstance(editor, DateField):
            return editor.value()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QComboBox):
            return editor.currentText()
        return editor.text()

    def changed(self) -> dict[int, object]:
        """field id → what was typed or picked, for the fields changed since the dialog opened."""
        return {f.id: raw for f in self.fields if (raw := self._raw(f)) != self.initial[f.id]}

    def check(self) -> None:
        """Refuse a bad value before anything is saved: the service's message, the editor marked."""
        for widget in self.editors.values():
            widget.setStyleSheet("")
        by_id = {f.id: f for f in self.fields}
        for field_id, raw in self.changed().items():
            try:
                custom_fields.parse_value(by_id[field_id], raw)
            except XiaopuError:
                editor = self.editors[field_id]
                editor.setStyleSheet(ERROR_STYLE)
                editor.setFocus()
                raise

    def save(self, actor, entity_id: int) -> None:
        """Store the changed values (all or none); afterwards they are what the dialog started from."""
        changed = self.changed()
        if changed:
            custom_fields.set_values(actor, self.entity, entity_id, changed)
            self.initial.update(changed)

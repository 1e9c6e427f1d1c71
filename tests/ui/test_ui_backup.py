"""设置 → 自动备份 and 文件 → 从备份恢复…, clicked as the owner would (the file dialogs answered by the test)."""
from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from services.shop.backup import backup
from services.stock import ledger
from ui.widgets import settings as keys


def moves(path: Path) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute("SELECT count(*) FROM move").fetchone()[0]
    finally:
        raw.close()


def test_the_owner_picks_a_usb_folder_backs_up_and_sees_the_last_good_backup(qtbot, make_window, tmp_path,
                                                                             monkeypatch):
    usb = tmp_path / "U盘 #1"
    usb.mkdir()
    window = make_window()
    dialog = window.open_settings()
    box = dialog.backup
    assert "还没有选择自动备份文件夹" in box.status.text()
    assert not box.backup_now_button.isEnabled()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(usb))
    choose = next(b for b in box.findChildren(type(box.backup_now_button)) if b.text() == "选择…")
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert box.folder.text() == str(usb)
    assert "这个文件夹里还没有备份" in box.status.text()

    qtbot.mouseClick(box.backup_now_button, Qt.MouseButton.LeftButton)
    assert box.status.text() == "最近一次完好的备份:2026-12-06 10:00  shop-20261206-100000.sqlite3"
    assert [p.name for p in usb.glob("*.sqlite3")] == ["shop-20261206-100000.sqlite3"]
    dialog.save()
    assert window.context.settings.get(keys.BACKUP_FOLDER) == str(usb)


def test_an_unplugged_usb_disk_is_said_plainly_in_settings(qtbot, make_window, tmp_path):
    window = make_window()
    dialog = window.open_settings()
    dialog.backup.folder.setText(str(tmp_path / "E盘" / "小铺备份"))
    assert "找不到备份文件夹" in dialog.backup.status.text() and "U 盘没有插上" in dialog.backup.status.text()
    assert "b00020" in dialog.backup.status.styleSheet()  # in red


def test_closing_the_shop_backs_up_into_the_owner_folder(qtbot, make_window, settings, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    settings.set(keys.BACKUP_FOLDER, str(usb))
    window = make_window()
    qtbot.waitUntil(lambda: any(usb.glob("*.sqlite3")), timeout=10_000)  # today's backup, at start-up
    (usb / "shop-20261206-100000.sqlite3").unlink()
    window.close()
    assert [p.name for p in usb.glob("*.sqlite3")] == ["shop-20261206-100000.sqlite3"]


def test_closing_without_the_usb_disk_warns_and_still_closes(qtbot, make_window, settings, tmp_path, monkeypatch):
    settings.set(keys.BACKUP_FOLDER, str(tmp_path / "E盘"))
    window = make_window()
    qtbot.waitUntil(lambda: "找不到备份文件夹" in window.statusBar().currentMessage(), timeout=5000)
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    window.close()
    assert said and said[0][0] == "关闭时没有备份" and "U 盘是否插好" in said[0][1]
    assert not window.isVisible() and not (tmp_path / "E盘").exists()


def answer(qtbot, window, text: str) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() and text in b.text() for b in window.findChildren(QMessageBox)),
                    timeout=5000)
    return next(b for b in window.findChildren(QMessageBox) if b.isVisible() and text in b.text())


def restore_from_menu(qtbot, window, monkeypatch, chosen: Path) -> None:
    """文件 → 从备份恢复…, the file dialog answered with `chosen`, then 恢复 in the question."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(chosen), ""))
    window.findChild(QAction, "restore_action").trigger()
    question = answer(qtbot, window, "用这个备份替换当前的数据库")
    qtbot.mouseClick(next(b for b in question.buttons() if b.text() == "恢复"), Qt.MouseButton.LeftButton)


def test_file_menu_restores_last_night_and_closes_the_window(qtbot, make_window, shop, db_path, tmp_path,
                                                             monkeypatch):
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal("24"), shop.supplier.id,
                                                             shop.store.id)])
    evening = backup(tmp_path / "usb")
    ledger.post_document(shop.owner, "sale", [ledger.Line(shop.blueberry.id, Decimal("2.5"), shop.store.id,
                                                          shop.customer.id)])
    window = make_window()
    restore_from_menu(qtbot, window, monkeypatch, evening)
    done = answer(qtbot, window, "已从备份恢复")
    assert moves(db_path) == 1  # the morning's sale is gone with the restore …
    assert moves(db_path.with_name("shop-before-restore-20261206-100000.sqlite3")) == 2  # … and kept aside
    done.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_file_menu_refuses_a_photo_and_the_shop_goes_on(qtbot, make_window, shop, db_path, tmp_path, monkeypatch):
    photo = tmp_path / "收据.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(4000))
    window = make_window()
    restore_from_menu(qtbot, window, monkeypatch, photo)
    refused = answer(qtbot, window, "这个备份不能用来恢复")
    assert "不是小铺的数据库文件" in refused.text()
    assert window.isVisible()
    ledger.post_document(shop.owner, "receipt", [ledger.Line(shop.blueberry.id, Decimal("6"), shop.supplier.id,
                                                             shop.store.id)])  # the shop's database is open again
    assert moves(db_path) == 1


def test_only_the_owner_sees_restore_enabled(make_window, context, shop):
    from services.core.users import create_user
    from ui.widgets.context import AppContext

    cashier = create_user(shop.owner, "xiaomei", "cashier")
    window = make_window(ctx=AppContext(cashier, context.settings, db_label=context.db_label))
    assert not window.findChild(QAction, "restore_action").isEnabled()


def close_as_the_owner_does(window) -> None:
    """The ✕ inside the running event loop (a direct close() from a test or script has none to wait in)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: None if window.isVisible() else loop.quit())
    poll.start(20)
    QTimer.singleShot(0, window.close)
    QTimer.singleShot(20_000, loop.quit)  # a broken close fails the assertions below instead of hanging
    loop.exec()
    poll.stop()


def window_backing_up_to(qtbot, make_window, settings, usb: Path):
    """The window of a shop whose owner chose `usb` in 设置, once its start-up backup is there."""
    usb.mkdir()
    settings.set(keys.BACKUP_FOLDER, str(usb))
    window = make_window()
    qtbot.waitUntil(lambda: any(usb.glob("*.sqlite3")), timeout=10_000)
    return window, usb


def test_the_closing_backup_runs_off_the_gui_thread_and_then_the_window_closes(qtbot, make_window, settings,
                                                                                 tmp_path, monkeypatch):
    """About a second on the demo: the window keeps painting its progress dialog meanwhile."""
    import threading

    from ui.shell import backup_actions

    window, usb = window_backing_up_to(qtbot, make_window, settings, tmp_path / "usb")
    (usb / "shop-20261206-100000.sqlite3").unlink()
    threads = []

    def recorded(folder):
        threads.append(threading.current_thread())
        return real(folder)

    real = backup_actions.auto_backup
    monkeypatch.setattr(backup_actions, "auto_backup", recorded)
    close_as_the_owner_does(window)
    assert not window.isVisible()
    assert [p.name for p in usb.glob("*.sqlite3")] == ["shop-20261206-100000.sqlite3"]
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_the_closing_backup_without_the_usb_disk_warns_then_closes(qtbot, make_window, settings, tmp_path,
                                                                   monkeypatch):
    settings.set(keys.BACKUP_FOLDER, str(tmp_path / "E盘"))
    window = make_window()
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    close_as_the_owner_does(window)
    assert said and said[0][0] == "关闭时没有备份" and "U 盘是否插好" in said[0][1]
    assert not window.isVisible() and not (tmp_path / "E盘").exists()


def test_file_menu_backup_goes_to_the_owner_folder_not_beside_the_database(qtbot, make_window, settings,
                                                                          db_path, tmp_path):
    window, usb = window_backing_up_to(qtbot, make_window, settings, tmp_path / "U盘")
    before = set(usb.glob("*.sqlite3"))
    worker = window.backup()  # 文件 → 备份数据库…
    done = answer(qtbot, window, "备份已写入并验证")
    assert worker.error == "" and worker.result.parent == usb and worker.result not in before
    assert not (db_path.parent / "backups").exists()
    done.close()


def test_file_menu_backup_with_the_usb_disk_unplugged_says_so(qtbot, make_window, settings, db_path, tmp_path,
                                                             monkeypatch):
    settings.set(keys.BACKUP_FOLDER, str(tmp_path / "E盘"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: None)  # the closing backup's, at teardown
    window = make_window()
    window.backup()
    refused = answer(qtbot, window, "U 盘是否插好")
    assert not (tmp_path / "E盘").exists() and not (db_path.parent / "backups").exists()
    refused.close()

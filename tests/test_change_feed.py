"""The change feed (issue 16): a committed document is heard once by every other window, a document that
rolled back is heard by none, and a quiet shop costs no false alarm — on both engines."""
from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from models import database, write_transaction
from services.core.change_feed import ChangeFeed
from services.core.errors import StockError
from services.stock import ledger

pytestmark = pytest.mark.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


ARRIVES = 10.0  # seconds a notice may take from the server's COMMIT to a listener on a loaded machine
QUIET = 0.3  # how long a notice that should not come is waited for


def receipt(shop, quantity: str) -> ledger.Line:
    return ledger.Line(shop.screw.id, Decimal(quantity), shop.supplier.id, shop.store.id)


def test_a_posted_receipt_is_heard_once_by_each_window(shop):
    till, office = ChangeFeed(), ChangeFeed()
    assert not till.changed(QUIET) and not office.changed(QUIET)
    ledger.post_document(shop.owner, "receipt", [receipt(shop, "100")])
    assert till.changed(ARRIVES) and office.changed(ARRIVES)
    assert not till.changed(QUIET) and not office.changed(QUIET)  # heard once
    till.close()
    ledger.post_document(shop.owner, "receipt", [receipt(shop, "5")])
    assert office.changed(ARRIVES)
    office.close()


def test_a_refused_sale_is_heard_by_nobody(shop):
    office = ChangeFeed()
    ledger.post_document(shop.owner, "receipt", [receipt(shop, "10")])
    assert office.changed(ARRIVES)
    sale = ledger.Line(shop.screw.id, Decimal(11), shop.store.id, shop.customer.id)
    with pytest.raises(StockError):  # 11 screws from 10: the whole document rolls back
        ledger.post_document(shop.owner, "sale", [sale])
    assert not office.changed(QUIET)
    with pytest.raises(RuntimeError), write_transaction():
        ledger.post_document(shop.owner, "receipt", [receipt(shop, "7")])
        raise RuntimeError("the power went out before COMMIT")
    assert not office.changed(QUIET)
    office.close()


def test_a_windows_feed_passes_over_its_own_commits_and_hears_another_connections(shop):
    """A window's feed (elsewhere_only): the 100 screws its own program receives are no news to it (the
    window reloaded what it changed); 5 more received on another connection (a worker thread's, as another
    PC's would be) are heard, once."""
    window = ChangeFeed(elsewhere_only=True)
    ledger.post_document(shop.owner, "receipt", [receipt(shop, "100")])
    assert not window.changed(QUIET)
    failed: list[BaseException] = []

    def another_connection() -> None:
        try:
            ledger.post_document(shop.owner, "receipt", [receipt(shop, "5")])
        except BaseException as exc:  # noqa: BLE001 - shown by the assertion below
            failed.append(exc)
        finally:
            database.close()  # this thread's own connection

    worker = threading.Thread(target=another_connection)
    worker.start()
    worker.join()
    assert failed == []
    assert window.changed(ARRIVES)
    assert not window.changed(QUIET)  # heard once
    window.close()


def test_a_feed_that_lost_its_connection_reconnects_and_says_so(shop):
    office = ChangeFeed()
    office.close()  # as after a server restart: the next call connects again
    assert office.changed()  # what happened meanwhile is unknown: views reload once
    assert not office.changed(QUIET)
    office.close()


def test_a_server_that_does_not_answer_is_asked_again_only_after_a_while(shop, monkeypatch):
    """Connecting blocks the window: a server that is off is not asked twice a second."""
    from services.core import change_feed

    office = ChangeFeed()
    office.close()
    office.url, office.file = "postgresql://shop@127.0.0.1:1/xiaopu", None  # nothing listens on port 1
    assert not office.changed()  # refused: nothing heard, nothing raised
    attempts: list[int] = []
    real_connect = office._connect
    monkeypatch.setattr(office, "_connect", lambda: attempts.append(1) or real_connect())
    assert not office.changed() and attempts == []
    later = change_feed.clock() + change_feed.RETRY_S + 1
    monkeypatch.setattr(change_feed, "clock", lambda: later)
    assert not office.changed() and attempts == [1]  # asked again, still off

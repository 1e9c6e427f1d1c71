"""`print labels --qr --lot` (issue 17, beside 月结 in the CLI work): the CLI's product labels carry the QR
and the lot to sell first like the window's 加二维码 / 印批次和到期日."""
from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from purchase_shop import purchase_shop

from cli import commands as cli
from services.catalog.locations import virtual
from services.stock import ledger
from tests.purchase_docs import decode_barcodes, pdf_pages, pdf_text


def test_cli_labels_with_the_qr_and_the_lot_to_sell_first(shop, db_path, tmp_path, capsys):
    ps = purchase_shop(shop)
    ledger.post_document(ps.owner, "opening", [  # two lots of blueberries: the one of the 9th sells first
        ledger.Line(ps.blueberry.id, Decimal(12), virtual("adjustment").id, ps.store.id, lot_code=code, expiry=day)
        for code, day in (("LB1209", dt.date(2026, 12, 9)), ("LB1212", dt.date(2026, 12, 12)))])
    out = tmp_path / "blueberry.pdf"
    parse = cli.build_parser().parse_args
    assert cli.run(parse(["--db", str(db_path), "print", "labels", "--sku", ps.blueberry.sku, "--copies", "2",
                          "--qr", "--lot", "--out", str(out)])) == 0
    assert "已生成 2 张标签" in capsys.readouterr().out and pdf_pages(out) == 2
    assert "LB1209" in pdf_text(out) and "LB1212" not in pdf_text(out)
    qrs = [json.loads(text) for page in decode_barcodes(out, 300) for _, text in page if text.startswith("{")]
    assert len(qrs) == 2 and {(q["sku"], q.get("lot")) for q in qrs} == {(ps.blueberry.sku, "LB1209")}

    plain = tmp_path / "plain.pdf"
    assert cli.run(parse(["--db", str(db_path), "print", "labels", "--sku", ps.blueberry.sku,
                          "--out", str(plain)])) == 0
    assert "LB1209" not in pdf_text(plain)
    assert not [text for page in decode_barcodes(plain, 300) for _, text in page if text.startswith("{")]

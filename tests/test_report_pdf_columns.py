"""A wide report (the 临期 worklist: 11 columns) printed on A4: dates, location codes, quantities and the
suggested action stay on one line in their cells; only the long product names give way. Read back from
the PDF's text, as an owner reads the page."""
from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from reports.report_doc import ReportDocument, TableColumn
from reports.report_pdf import write_report_pdf

COLUMNS = (TableColumn("批次"), TableColumn("商品"), TableColumn("库位"), TableColumn("到期日"),
           TableColumn("数量", True), TableColumn("成本金额", True, True), TableColumn("到期前预计售出", True),
           TableColumn("预计剩余", True), TableColumn("折价窗口", True), TableColumn("建议"), TableColumn("已处理"))


def worklist_rows(n: int) -> tuple[tuple[str, ...], ...]:
    return tuple((f"SCD20261204-{i:04d}", f"P{i:06d} 无蔗糖毛毛虫面包(家庭装 12 只)", "STORE", "2026-12-05", "12 盒",
                  "1,061.74", "0.571", "11.429", "1 天", "报损", "折价") for i in range(n))


def test_short_cells_never_wrap_and_the_names_take_the_squeeze(tmp_path):
    path = write_report_pdf(ReportDocument("临期处理", COLUMNS, worklist_rows(30),
                                                   printed_at=dt.datetime(2026, 12, 6, 10)), tmp_path / "expiry.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    lines = text.splitlines()
    # every cell is its own run of text: a wrapped cell comes out as two lines
    assert all(f"SCD20261204-{i:04d}" in {line.strip() for line in lines} for i in range(30))
    for cell in ("STORE", "2026-12-05", "12 盒", "1,061.74", "11.429", "1 天", "报损"):
        assert sum(line.strip() == cell for line in lines) >= 20, f"{cell} was wrapped"
    # the name is the one column that wraps: its bracket goes onto the cell's next line
    assert not any("P000007 无蔗糖毛毛虫面包(家庭装 12 只)" in line for line in lines)
    assert any(line.startswith("P000007 无蔗糖毛毛虫面包") for line in lines)

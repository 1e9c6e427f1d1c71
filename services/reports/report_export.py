"""A report view's document to a PDF or an .xlsx: headed with the shop (shop settings), stamped with the
print time from the one clock and who printed it, and without the cost columns for a role that may not
see cost — whatever the caller handed over. A file that cannot be written is a worded XiaopuError."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reports.report_doc import ReportDocument
from services.core.clock import now
from services.core.errors import XiaopuError, worded_report_errors
from services.core.shop_settings import shop_header
from services.reports.figures import may_see_cost

KINDS = (".pdf", ".xlsx")


def prepared(actor, doc: ReportDocument) -> ReportDocument:
    """What the writers print for this user: the shop's header, the print time, cost only if allowed."""
    if not may_see_cost(actor):
        doc = doc.without_cost()
    by = getattr(actor, "display_name", "") or getattr(actor, "username", "")
    return replace(doc, shop=shop_header(), printed_at=now().replace(microsecond=0), printed_by=by)


def export_report(actor, doc: ReportDocument, path: Path) -> Path:
    """Write `doc` to `path`, a .pdf or an .xlsx by its suffix; returns the path written."""
    path = Path(path)
    if path.suffix.lower() not in KINDS:
        raise XiaopuError("export.report_kind", file=path.name)
    # the writers (reportlab, openpyxl) load on the first export, not when a report view is built
    if path.suffix.lower() == ".pdf":
        from reports.report_pdf import write_report_pdf as writer
    else:
        from reports.report_excel import write_report_excel as writer
    with worded_report_errors():
        return writer(prepared(actor, doc), path)

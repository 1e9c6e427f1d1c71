"""The fixed parts of a one-sheet .xlsx for reports/excel_export.py, which streams the sheet itself.

The parts follow what XlsxWriter writes (content types, relationships, workbook, styles), without
its theme and document properties, which Excel does not need. The styles are a fixed table: the
export uses no other formats, so each cell names one of these by index.
"""
from __future__ import annotations

from xml.sax.saxutils import quoteattr

from reports.excel_cells import DATE_FORMAT, DATETIME_FORMAT, HEADER_FILL, MONEY_FORMAT

HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_PART = "xl/worksheets/sheet1.xml"

# cellXfs by index: (numFmtId, bold header, quote prefix); 49 is Excel's built-in "@" (text)
STYLES = ((0, False, False), (0, True, False), (164, False, False), (49, False, False), (165, False, False),
          (166, False, False), (0, False, True), (49, False, True), (165, False, True))
PLAIN, HEADER, DATE, TEXT, MONEY, DATETIME, QUOTED, QUOTED_TEXT, QUOTED_MONEY = range(len(STYLES))
QUOTED_STYLE = {PLAIN: QUOTED, TEXT: QUOTED_TEXT, MONEY: QUOTED_MONEY}  # for text starting with = + - @ …


def content_types() -> str:
    overrides = (("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"), ("/" + SHEET_PART, "spreadsheetml.worksheet+xml"),
                 ("/xl/styles.xml", "spreadsheetml.styles+xml"))
    parts = "".join(f'<Override PartName="{name}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/>'
                    for name, kind in overrides)
    return (HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{parts}</Types>')


def root_rels() -> str:
    return (HEAD + f'<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')


def workbook(title: str) -> str:
    return (HEAD + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name={quoteattr(title)} sheetId="1" r:id="rId1"/></sheets></workbook>')


def workbook_rels() -> str:
    return (HEAD + f'<Relationships xmlns="{PKG_REL_NS}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>')


def styles() -> str:
    formats = "".join(f'<numFmt numFmtId="{number}" formatCode={quoteattr(code)}/>'
                      for number, code in ((164, DATE_FORMAT), (165, MONEY_FORMAT), (166, DATETIME_FORMAT)))
    xfs = []
    for number, header, quoted in STYLES:
        font_fill = ' fontId="1" fillId="2" applyFont="1" applyFill="1"' if header else ' fontId="0" fillId="0"'
        xfs.append(f'<xf numFmtId="{number}"{font_fill} borderId="0" xfId="0"'
                   + (' applyNumberFormat="1"' if number else "") + (' quotePrefix="1"' if quoted else "") + "/>")
    font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
    fill = "FF" + HEADER_FILL.fgColor.rgb[-6:]  # opaque
    return (HEAD + f'<styleSheet xmlns="{MAIN_NS}"><numFmts count="3">{formats}</numFmts>'
            f'<fonts count="2"><font>{font}</font><font><b/>{font}</font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
            f'</fill><fill><patternFill patternType="solid"><fgColor rgb="{fill}"/><bgColor indexed="64"/></patternFill>'
            '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def sheet_start(widths: list[float]) -> str:
    """Everything before the rows: the frozen header row and the column widths."""
    cols = "".join(f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>' for i, w in enumerate(widths, 1))
    return (HEAD + f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetViews><sheetView tabSelected="1" '
            'workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "") + "<sheetData>")


SHEET_END = "</sheetData></worksheet>"

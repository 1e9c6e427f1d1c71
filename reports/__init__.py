"""PDF (reportlab) and Excel (openpyxl) writers of plain data: purchase orders, 补货码 slips, labels,
statements and export sheets. A leaf: imports neither services nor models; the services fill
reports/print_data.py and call the writers, and word reports/errors.ReportError for the user."""

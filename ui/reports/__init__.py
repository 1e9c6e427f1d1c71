"""报表 tab: the owner's figures — 概览 (today and this week), 经营指标 (KPIs per week or month) and
销售与毛利 (sales and margin by one dimension, ABC) — views over services/reports. A later report is
one more entry in tab.SUB_VIEWS. Values at cost come back None for a role without cost.view; the
views hide those columns rather than show blanks."""

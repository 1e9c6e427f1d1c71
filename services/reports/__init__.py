"""The figures the owner reads (报表): KPIs over time (turnover days, loss rate, margin, stock-outs,
document and stocktake times), sales and margin by product, category, channel, customer, weekday and
hour with ABC classes, and the dashboard of today and this week. Every figure is a grouped SQL
aggregate over the ledger (documents, moves, balances, lots) and the documents' own tables, valued
at cost the way the ledger records it; cost and margin are left out for roles without `cost.view`.
Plain data for the window, the CLI and (later) the PDF/Excel renderers in the top-level `reports/`;
nothing else in services imports this package."""

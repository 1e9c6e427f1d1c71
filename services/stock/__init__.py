"""The stock ledger: the one posting function (validate → lock → moves + balances + audit → state),
FEFO allocation, the expiry rule, reversals, moving-average cost, document numbers, reservations
(available = on hand − reserved), reads of stock and history, sellable stock, demand and run-down
forecasts, lot and shelf labels, and `check` / `rebuild_balances`.
"""

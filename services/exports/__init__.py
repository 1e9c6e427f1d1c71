"""The rows each Excel export writes: products, stock, moves, customers, suppliers, bills of materials.

Its own package because an export reads across domains (a customer row carries what the customer owes,
a supplier row the products it supplies) and writes the import's layout, so nothing in catalog, sales or
purchasing has to know about files, and reports/ only draws the rows it is handed (write_sheet,
text_cell, money_cell). Depends on the domain packages and reports; nothing but ui/ and cli/ depends on it.
"""

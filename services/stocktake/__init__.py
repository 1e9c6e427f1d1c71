"""Stocktake while the shop stays open: count sessions and their scope, blind counting by scanning,
variance review against the limit, and posting the reviewed count as one adjustment document.
"""

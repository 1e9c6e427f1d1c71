"""The 采购 tab: suggestions, orders and their editor, receiving, returns to suppliers, suppliers, and
the purchasing settings.
"""

"""The 库存 tab: stock per product, lot and location with its table model.
"""

"""The 商品 tab: the product list, the product dialog, and printing labels.
"""

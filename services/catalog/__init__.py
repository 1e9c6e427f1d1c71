"""Master data the shop sells and stores: products with units, barcodes (EAN/UPC check digits, GS1
element strings, scale labels), the stored pinyin search key, unit words, order-line quantities, and
locations (warehouses, shelves and the virtual locations documents move stock between).
"""

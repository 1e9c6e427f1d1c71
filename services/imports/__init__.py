"""Files from users and platforms: reading .xlsx/.csv safely (size caps, header mapping, real row
numbers), and one importer per kind — products, opening stock, customers, suppliers, BOMs and channel
orders — each checking every row first and saving all or nothing.
"""

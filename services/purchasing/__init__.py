"""Buying: suppliers with their calendars, packs and prices, purchase orders through their approval
states, receiving at the door, returns to suppliers, purchase suggestions and low-stock alerts, and the
plain print data for orders and 补货码 slips.
"""

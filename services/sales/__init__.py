"""Selling: customers with credit and the tier prices they buy at, sales orders through review,
picking and shipping, the counter, returns, the owner's emergency outbound and quick outbound
templates, receivables and statements, and the channels that all sell from one stock pool.
"""

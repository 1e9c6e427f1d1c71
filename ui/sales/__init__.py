"""The 销售 tab: the counter, group orders, sales orders, outbound, returns, customers with statements,
and channels.
"""

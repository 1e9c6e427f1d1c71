"""The 盘点 tab: count sessions, counting by scanning, and the variance review.
"""

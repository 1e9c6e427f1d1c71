"""The demo fresh-food store 鲜邻优选: its catalogue as data, a simulated history of days posted through
the services, and today's open business in every tab.
"""

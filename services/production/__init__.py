"""Making and splitting goods: bills of materials with versions and steps, explosion and cost roll-up,
production orders through their states (shortages, purchase drafts, work reports, subcontracting,
completion), made-to-order sales lines, disassembly recipes, and lot tracing through production.
"""

"""What every domain needs: errors and the user-facing messages (Chinese first), parsing numbers and the
one set of quantity/money steps, roles and permissions, the audit chain, users, shop-wide settings,
document states with the one guarded transition, automatic codes and what master records share
(master_data), photos and amounts in 大写.
Imports no other services package.
"""

"""A closed-loop simulated shop (issue 12): an explicit demand model (model.py) drives a fresh
Xiaopu database through the services the window uses (shop.py); each evening one ordering policy
(policies.py) buys; metrics.py scores the outcome. bench/simulate.py is the command line."""

"""The service layer: every business rule of Xiaopu, in plain Python (no Qt), one package per domain.

The GUI (ui/), the CLI (cli/) and the tests drive the same functions here, so a rule is written once.
Every write is one short transaction through models.write_transaction. docs/ARCHITECTURE.md maps the
packages and says where each central rule lives.
"""
import models.lazy_psycopg  # noqa: F401  (peewee without psycopg, whichever module imports peewee first)

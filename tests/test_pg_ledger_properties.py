"""The ledger's property test (tests/test_ledger_properties.py) on PostgreSQL: the same random shops,
each example on the emptied test database (tests/pg_engine.py). Skipped, with the reason, without a
server (XIAOPU_TEST_PG unset); CI always has one."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from tests.pg_engine import SKIP_REASON, fresh_database, server_url
from tests.test_ledger_properties import LedgerMachine


class PostgresLedgerMachine(LedgerMachine):
    def shop_target(self) -> str:
        return fresh_database()


TestPostgresLedgerMachine = pytest.mark.skipif(server_url() is None, reason=SKIP_REASON)(
    PostgresLedgerMachine.TestCase)
TestPostgresLedgerMachine.settings = settings(max_examples=30, stateful_step_count=25, deadline=None,
                                              suppress_health_check=[HealthCheck.too_slow])

"""The shop's one clock: every "now" and "today" of the services, the window and the CLI.

Tests run on a fixed clock and the demo simulation moves time by setting it here; the stored
timestamps' defaults (models.base.now) read the same source, so a document, its moves and its audit
event agree on the time. XIAOPU_NOW=2026-12-06T10:00 in the environment starts a process on a fixed
clock (the tests' subprocesses, a training shop).
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import models.base as model_base

ENV_FIXED_NOW = "XIAOPU_NOW"


def now() -> dt.datetime:
    return model_base.now()


def today() -> dt.date:
    return model_base.now().date()


def set_clock(source: Callable[[], dt.datetime] | None) -> None:
    """Read the time from `source` from now on; None goes back to the computer's clock."""
    model_base.clock_source = source or dt.datetime.now


def fix_clock(moment: dt.datetime) -> None:
    set_clock(lambda: moment)


@contextmanager
def clock_at(moment: dt.datetime) -> Iterator[None]:
    """Run a block at a fixed moment, then go back to the clock that was running."""
    previous = model_base.clock_source
    fix_clock(moment)
    try:
        yield
    finally:
        model_base.clock_source = previous


def fix_clock_from_environment() -> None:
    """XIAOPU_NOW (ISO date-time) fixes the clock of this process; absent or empty changes nothing."""
    text = os.environ.get(ENV_FIXED_NOW, "").strip()
    if text:
        fix_clock(dt.datetime.fromisoformat(text))

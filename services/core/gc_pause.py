"""The cyclic garbage collector held off while a computation builds many small objects that live on.

A computation that makes tens of thousands of tuples, dicts and Decimals (each evening's demand of
every product) sets off a young collection every 700 of them, and now and then a full one over the
whole heap, though nearly all it makes is either kept or freed at once by reference counting: no
cycles to find. Held off during it, the collector runs once afterwards, on what is left then.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with automatic cyclic collection off; nested use and a collector already off are kept."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def collected_in_steps() -> Iterator[Callable[[], None]]:
    """Run a long computation of many steps (the demo's 90 days) with automatic collection off and what
    was there before it frozen out of the collector's walks; the block calls the yielded `step_done` after
    each step: one full collection of what that step left, whose survivors are then frozen too, so each
    collection walks one step's objects instead of the whole heap again and again. Everything frozen goes
    back to the collector at the end."""
    was_on = gc.isenabled()
    gc.disable()
    gc.freeze()

    def step_done() -> None:
        gc.collect()
        gc.freeze()

    try:
        yield step_done
    finally:
        gc.unfreeze()
        if was_on:
            gc.enable()

"""The cyclic garbage collector held off while a computation builds many small objects that live on.

A computation that makes tens of thousands of tuples, dicts and Decimals (each evening's demand of
every product) sets off a young collection every 700 of them, and now and then a full one over the
whole heap, though nearly all it makes is either kept or freed at once by reference counting: no
cycles to find. Held off during it, the collector runs once afterwards, on what is left then.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
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

"""Frozen dataclasses made many times in a hot loop, without their generated __init__.

A frozen dataclass's __init__ sets each field through object.__setattr__ (frozen bars plain assignment),
about two thirds of making one. The evening's suggestions make one Demand and one Suggestion per product
every evening; `maker` gives a function that fills the instance's __dict__ with all fields in order at once.
Frozen only bars setting attributes afterwards, which stays so; equality, repr and hashing are the class's.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import TypeVar

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """make(*values) → a `cls` of every field's value in the order the class declares them (no defaults)."""
    names = tuple(field.name for field in fields(cls))  # type: ignore[arg-type]
    new = object.__new__

    def make(*values: object) -> T:
        made = new(cls)
        made.__dict__.update(zip(names, values, strict=True))
        return made

    return make

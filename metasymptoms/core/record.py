"""Frozen records: dataclasses whose equality, hash and repr are written once, here.

Python 3.11's `dataclass(frozen=True)` compiles six small functions for every class, and the
answers path imports about thirty such classes (the rule book's models and conditions): that
compiling is about a tenth of `ask --answers`. Equality, hashing and repr are the same for
every record, so a record shares these three and only its `__init__`, `__setattr__` and
`__delattr__` are generated. A record behaves as a frozen dataclass does: equal when of the
same class with equal fields, hashed on its fields, shown as `Name(field=value, ...)`, and
immutable (dataclasses.FrozenInstanceError).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar, dataclass_transform

_Record = TypeVar("_Record")


@dataclass_transform(frozen_default=True)
def record(cls: type[_Record]) -> type[_Record]:
    """A frozen dataclass with shared equality, hash and repr."""
    cls.__eq__ = _eq  # type: ignore[method-assign]
    cls.__hash__ = _hash  # type: ignore[method-assign]
    cls.__repr__ = _repr  # type: ignore[method-assign]
    made: Any = dataclass(frozen=True, eq=False, repr=False)(cls)
    made.__record_fields__ = tuple(item.name for item in fields(made))
    return made  # type: ignore[no-any-return]


def _values(item: Any) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in item.__record_fields__)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{self.__class__.__qualname__}({shown})"

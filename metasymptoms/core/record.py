"""Frozen records: dataclasses whose methods are written once, here, instead of compiled for
every class.

Python 3.11's `dataclass(frozen=True)` compiles six small functions for each class (ten with
`order=True`), and the answers path imports about forty-five such classes: that compiling was
a tenth of `ask --answers`. A record is a dataclass (fields, `dataclasses.fields`, `replace`,
pydantic's validation all work) whose `__init__`, equality, hash, order, repr and
immutability are shared functions that read the class's fields. It behaves as a frozen
dataclass does:
- built from its fields by position or by name, defaults and default factories applied, a
  missing or unknown field refused with TypeError;
- equal when of the same class with equal fields; hashed on its fields; with `order=True`,
  ordered by its fields; shown as `Name(field=value, ...)`;
- immutable: setting or deleting an attribute raises dataclasses.FrozenInstanceError.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, FrozenInstanceError, dataclass, fields
from typing import Any, TypeVar, dataclass_transform, overload

_Record = TypeVar("_Record")


@overload
def record(cls: type[_Record], /) -> type[_Record]: ...
@overload
def record(*, order: bool = False) -> Callable[[type[_Record]], type[_Record]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: Any = None, /, *, order: bool = False) -> Any:
    """A frozen dataclass with shared methods (`@record`, or `@record(order=True)`)."""
    if cls is None:
        return lambda cls: _make(cls, order)
    return _make(cls, order)


def _make(cls: Any, order: bool) -> Any:
    shared: dict[str, Any] = {
        "__init__": _init,
        "__eq__": _eq,
        "__hash__": _hash,
        "__repr__": _repr,
        "__setattr__": _frozen,
        "__delattr__": _frozen,
    }
    if order:
        shared |= {"__lt__": _lt, "__le__": _le, "__gt__": _gt, "__ge__": _ge}
    for name, function in shared.items():
        setattr(cls, name, function)
    # Nothing is generated: the dataclass machinery only collects the fields.
    made = dataclass(init=False, repr=False, eq=False)(cls)
    made.__record_fields__ = tuple(
        (item.name, item.default, item.default_factory) for item in fields(made) if item.init
    )
    made.__record_names__ = tuple(name for name, _, _ in made.__record_fields__)
    return made


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    spec = self.__record_fields__
    if len(args) > len(spec):
        raise TypeError(f"{type(self).__name__}() takes {len(spec)} arguments but {len(args)} were given")
    for (name, _, _), value in zip(spec, args):
        if name in kwargs:
            raise TypeError(f"{type(self).__name__}() got multiple values for argument '{name}'")
        object.__setattr__(self, name, value)
    for name, default, factory in spec[len(args) :]:
        if name in kwargs:
            value = kwargs.pop(name)
        elif default is not MISSING:
            value = default
        elif factory is not MISSING:
            value = factory()
        else:
            raise TypeError(f"{type(self).__name__}() missing required argument: '{name}'")
        object.__setattr__(self, name, value)
    if kwargs:
        raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument '{next(iter(kwargs))}'")


def _values(item: Any) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in item.__record_names__)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_names__)
    return f"{self.__class__.__qualname__}({shown})"


def _frozen(self: Any, name: str, *value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _lt(self: Any, other: Any) -> Any:
    return _values(self) < _values(other) if other.__class__ is self.__class__ else NotImplemented


def _le(self: Any, other: Any) -> Any:
    return _values(self) <= _values(other) if other.__class__ is self.__class__ else NotImplemented


def _gt(self: Any, other: Any) -> Any:
    return _values(self) > _values(other) if other.__class__ is self.__class__ else NotImplemented


def _ge(self: Any, other: Any) -> Any:
    return _values(self) >= _values(other) if other.__class__ is self.__class__ else NotImplemented

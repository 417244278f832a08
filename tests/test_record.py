"""Records behave as frozen dataclasses do, with methods shared instead of compiled per class."""

from __future__ import annotations

import dataclasses

import pytest

from metasymptoms.core.record import record


@record
class Point:
    x: int
    y: int = 0
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)


@record(order=True)
class Place:
    line: int
    column: int = 1


def test_built_by_position_or_name_with_defaults() -> None:
    assert Point(1) == Point(x=1, y=0, tags=())
    assert Point(1, 2).y == 2
    assert Point(1, tags=("a",)).tags == ("a",)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Point(), "Point() missing required argument: 'x'"),
        (lambda: Point(1, 2, (), 4), "Point() takes 3 arguments but 4 were given"),
        (lambda: Point(1, x=2), "Point() got multiple values for argument 'x'"),
        (lambda: Point(1, z=2), "Point() got an unexpected keyword argument 'z'"),
    ],
)
def test_wrong_arguments_are_refused(call, message: str) -> None:
    with pytest.raises(TypeError) as error:
        call()
    assert str(error.value) == message


def test_frozen_equal_hashed_and_shown_like_a_dataclass() -> None:
    point = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.y  # type: ignore[misc]
    assert point == Point(1, 2) and point != Point(1, 3) and hash(point) == hash(Point(1, 2))
    assert point != (1, 2, ())  # another class is never equal
    assert repr(point) == "Point(x=1, y=2, tags=())"
    assert dataclasses.replace(point, y=5) == Point(1, 5)
    assert [field.name for field in dataclasses.fields(Point)] == ["x", "y", "tags"]


def test_order_is_by_fields_in_turn() -> None:
    assert sorted([Place(2), Place(1, 5), Place(1, 2)]) == [Place(1, 2), Place(1, 5), Place(2)]
    assert Place(1) <= Place(1) and Place(2) > Place(1, 9) and Place(1, 9) >= Place(1, 2)
    with pytest.raises(TypeError):
        Place(1) < Point(1)  # noqa: B015

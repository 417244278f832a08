"""A source's own review date records something that happened: never a date in the future."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from metasymptoms.core import loader
from tests.helpers import TINY, problems_of, write_book


def test_a_source_reviewed_in_the_future_is_an_error(tmp_path: Path) -> None:
    sources = TINY["sources.yaml"] + "    reviewed: 2027-01-01\n"
    assert problems_of(write_book(tmp_path, {"sources.yaml": sources})) == [
        "rules/sources.yaml:6:15: [error] the date 2027-01-01 is in the future; write the date the page "
        "says it was reviewed (schema)"
    ]


def test_a_source_reviewed_in_the_past_passes(tmp_path: Path) -> None:
    sources = TINY["sources.yaml"] + "    reviewed: 2025-01-01\n"
    assert problems_of(write_book(tmp_path, {"sources.yaml": sources})) == []


def test_a_source_reviewed_today_passes_and_tomorrow_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "today", lambda: datetime.date(2026, 11, 26))
    sources = TINY["sources.yaml"] + "    reviewed: DAY\n"
    assert (
        problems_of(write_book(tmp_path / "a", {"sources.yaml": sources.replace("DAY", "2026-11-26")})) == []
    )
    assert problems_of(
        write_book(tmp_path / "b", {"sources.yaml": sources.replace("DAY", "2026-11-27")})
    ) == [
        "rules/sources.yaml:6:15: [error] the date 2026-11-27 is in the future; write the date the page "
        "says it was reviewed (schema)"
    ]

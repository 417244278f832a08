"""Sources for the right reader: whom each source is written for, what a person without a
cancer diagnosis is listed, and the `rules check` warning (source-audience)."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.checks import run_checks
from tests.helpers import TINY, write_book

TODAY = datetime.date(2026, 12, 5)
# The jaundice sign holds for anyone; the cord sign of the tiny book needs a cancer history.
JAUNDICE_FLAG = """\
  - id: yellow
    title: Yellow skin
    when: jaundice
    urgency: urgent
    advice: See a doctor today.
    sources: [SRC-A, SRC-CANCER]
    checked: {by: author, date: 2026-01-01}
"""
CANCER_PAGE = """\
  - id: SRC-CANCER
    title: Living with cancer
    publisher: A charity
    url: https://example.org/living-with-cancer
    written_for: people_with_cancer
"""


def problems(folder: Path) -> list[str]:
    return [str(problem).replace(str(folder), "rules") for problem in run_checks(load(folder), TODAY)]


def test_a_sign_shown_to_everyone_citing_a_page_for_people_with_cancer_is_warned(tmp_path: Path) -> None:
    folder = write_book(
        tmp_path / "rules",
        {
            "red_flags.yaml": TINY["red_flags.yaml"] + JAUNDICE_FLAG,
            "sources.yaml": TINY["sources.yaml"] + CANCER_PAGE,
        },
    )
    assert problems(folder) == [
        "rules/red_flags.yaml:18:22: [warning] 'yellow' can be shown to a person without a cancer "
        "diagnosis, but cites 'SRC-CANCER', a page written for people with cancer; they are never "
        "shown it (source-audience)"
    ]


def test_a_sign_that_needs_a_cancer_history_may_cite_a_page_for_people_with_cancer(tmp_path: Path) -> None:
    flags = TINY["red_flags.yaml"].replace("sources: [SRC-A]", "sources: [SRC-A, SRC-CANCER]")
    jaundice_used = JAUNDICE_FLAG.replace("SRC-A, SRC-CANCER", "SRC-A")
    folder = write_book(
        tmp_path / "rules",
        {"red_flags.yaml": flags + jaundice_used, "sources.yaml": TINY["sources.yaml"] + CANCER_PAGE},
    )
    assert problems(folder) == []


def test_every_shipped_source_states_whom_it_is_written_for() -> None:
    data = yaml.safe_load((default_rules_dir() / "sources.yaml").read_text())
    unstated = [source["id"] for source in data["sources"] if "written_for" not in source]
    assert unstated == []


def test_no_shipped_source_points_at_a_home_page_without_saying_so(book: RuleBook) -> None:
    for source in book.sources:
        path = source.url.split("://", 1)[1].split("/", 1)[1] if "/" in source.url.split("://", 1)[1] else ""
        if path.strip("/") in ("", "professional"):
            assert source.note and "search of stored pages" in source.note, source.id


def test_a_person_without_a_diagnosis_is_listed_only_pages_for_everyone(book: RuleBook) -> None:
    # A swollen face with noisy breathing: the sign cites a page for everyone, and the
    # guidance cites pages for people with cancer and for professionals.
    for history in ("none", "unsure"):
        answers = {"cancer_history": history, "face_neck_swelling": True, "noisy_breathing": True}
        listed = assess(book, answers).sources
        assert listed and all(book.source(key).written_for == "everyone" for key in listed), listed
    with_cancer = assess(book, {"cancer_history": "current", "face_neck_swelling": True})
    assert "MAC-SVCO" in with_cancer.sources and "CC-META" in with_cancer.sources

"""The rule book's own record (book.yaml): version, status, sign-off, and the honest dates."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core import loader
from metasymptoms.core.loader import load
from metasymptoms.core.status import status_data, status_line
from tests.helpers import TINY, problems_of, write_book

BOOK = """\
name: Tiny book
version: "1.2"
status: draft
intended_purpose: Testing.
"""
SIGNED = BOOK.replace("status: draft", "status: approved") + (
    'sign_offs:\n  - {name: Ann Lee, role: Oncology nurse, date: 2026-03-01, version: "1.2"}\n'
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch) -> None:
    monkeypatch.setattr(loader, "today", lambda: datetime.date(2026, 11, 25))


def test_a_book_without_book_yaml_is_an_unversioned_draft(tmp_path: Path) -> None:
    book = load(write_book(tmp_path)).book
    assert status_line(book) == "Draft rule book, no version given: not yet signed off by a clinician."
    assert status_data(book) == {"version": None, "status": "draft"}


def test_draft_and_signed_off_status_lines(tmp_path: Path) -> None:
    draft = load(write_book(tmp_path / "a", {"book.yaml": BOOK})).book
    assert status_line(draft) == "Draft rule book, version 1.2: not yet signed off by a clinician."
    signed = load(write_book(tmp_path / "b", {"book.yaml": SIGNED})).book
    assert (
        status_line(signed) == "Rule book version 1.2, signed off by Ann Lee (Oncology nurse) on 2026-03-01."
    )
    assert status_data(signed) == {"version": "1.2", "status": "approved"}


def test_a_sign_off_of_an_older_version_leaves_the_book_a_draft_and_approved_is_refused(
    tmp_path: Path,
) -> None:
    older = SIGNED.replace('version: "1.2"}', 'version: "1.1"}')
    assert problems_of(write_book(tmp_path, {"book.yaml": older})) == [
        "rules/book.yaml:3:9: [error] the status is 'approved' but no one has signed off version 1.2; "
        "add a sign-off (name, role, date, version) or set the status to draft (schema)"
    ]


def test_dates_in_the_future_are_errors(tmp_path: Path) -> None:
    future = SIGNED.replace("date: 2026-03-01", "date: 2026-11-26")
    flags = TINY["red_flags.yaml"].replace("date: 2026-01-01", "date: 2027-01-01")
    assert problems_of(write_book(tmp_path, {"book.yaml": future, "red_flags.yaml": flags})) == [
        "rules/book.yaml:6:49: [error] the date 2026-11-26 is in the future; a sign-off records the day it happened (schema)",
        "rules/red_flags.yaml:12:33: [error] the date 2027-01-01 is in the future; write the day the check was done (schema)",
    ]


def test_book_yaml_is_validated_like_every_file(tmp_path: Path) -> None:
    broken = BOOK.replace("status: draft", "status: signed") + "owner: me\n"
    assert problems_of(write_book(tmp_path, {"book.yaml": broken})) == [
        "rules/book.yaml:3:9: [error] 'status' must be one of 'draft' or 'approved', not 'signed' (schema)",
        "rules/book.yaml:5:1: [error] 'owner' is not a key this file knows; the keys allowed here are: name, "
        "version, status, intended_purpose, url, sign_offs, declared_changes, lowers_urgency_when_reported, released_book, emergency_number (schema)",
    ]


def test_every_result_shows_the_status(tmp_path: Path, capsys) -> None:
    folder = write_book(tmp_path / "rules", {"book.yaml": BOOK})
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: current\nback_pain: yes\n")
    line = "Draft rule book, version 1.2: not yet signed off by a clinician."
    for fmt in ("text", "markdown"):
        assert main(["ask", "--rules", str(folder), "--answers", str(answers), "--format", fmt]) == 0
        assert line in capsys.readouterr().out
    assert main(["ask", "--rules", str(folder), "--answers", str(answers), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["rule_book"] == {"version": "1.2", "status": "draft"}
    assert main(["rules", "export", "--rules", str(folder), "--format", "markdown"]) == 0
    assert line in capsys.readouterr().out

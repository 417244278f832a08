"""`rules diff` of two books that read the same: each form says nothing was edited, no
answers change, and the gate passes; and the JSON of a group of answers keeps every key a
script reads."""

from __future__ import annotations

import json
from pathlib import Path

from metasymptoms.cli import main
from tests.helpers import TINY, write_book


def test_two_books_that_read_the_same_say_so_in_text_and_markdown(tmp_path: Path, capsys) -> None:
    old, new = write_book(tmp_path / "old"), write_book(tmp_path / "new")
    assert main(["rules", "diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.replace(str(tmp_path), "T") == (
        "What changed for a person, from T/old to T/new:\n"
        "  both books: Draft rule book, no version given: not yet signed off by a clinician.\n"
        "\n"
        "What was edited: no rule, finding, question or wording a person reads.\n"
        "\n"
        "No answers give a different urgency, red flag or site.\n"
        "\n"
        "No urgency is lowered without a declared reason.\n"
    )
    assert main(["rules", "diff", str(old), str(new), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.replace(str(tmp_path), "T") == (
        "# What changed for a person\n"
        "\n"
        "From `T/old` to `T/new`.\n"
        "\n"
        "- Both books: Draft rule book, no version given: not yet signed off by a clinician.\n"
        "\n"
        "## What was edited\n"
        "\n"
        "No rule, finding, question or wording.\n"
        "\n"
        "No answers give a different urgency, red flag or site.\n"
        "\n"
        "**No urgency is lowered without a declared reason.**\n"
    )


def test_each_change_of_a_group_in_json_keeps_its_keys(tmp_path: Path, capsys) -> None:
    lowered = {"red_flags.yaml": TINY["red_flags.yaml"].replace("urgency: emergency", "urgency: urgent")}
    old, new = write_book(tmp_path / "old"), write_book(tmp_path / "new", lowered)
    assert main(["rules", "diff", str(old), str(new), "--format", "json"]) == 1
    [effect] = json.loads(capsys.readouterr().out)["effects"]
    [group] = effect["groups"]
    assert group["with"] == [
        'your history of cancer: "Now"',
        "new back pain (yes, or not sure)",
        "weak legs (yes, or not sure)",
    ]
    assert [sorted(change) for change in group["changes"]] == [
        ["answers", "answers_text", "change", "declared", "kind", "lowered", "now", "subject", "was"]
    ] * len(group["changes"])
    said = 'your history of cancer: "Now", new back pain (yes, or not sure) and weak legs (yes, or not sure)'
    assert group["answers_text"] == group["changes"][0]["answers_text"] == said


def test_books_whose_status_differs_say_each_on_its_own_line(tmp_path: Path, capsys) -> None:
    """The new book gives a version: the old and the new status, each named."""
    version = 'name: Tiny\nversion: "2"\nstatus: draft\nintended_purpose: Testing.\n'
    old, new = write_book(tmp_path / "old"), write_book(tmp_path / "new", {"book.yaml": version})
    assert main(["rules", "diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == [
        "  old: Draft rule book, no version given: not yet signed off by a clinician.",
        "  new: Draft rule book, version 2: not yet signed off by a clinician.",
    ]

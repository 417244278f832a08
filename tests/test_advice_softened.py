"""advice-softened: an emergency's advice, or the book's emergency wording, never tells the
person to wait or that it is routine (rules check). Found by a tester acting as a clinician:
"Do not wait to see if it passes" changed to "You may wait" passed `rules check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.reviewing.checks.advice_softened import softening

MUST = "must send them for help now, never tell them to wait or that it is routine (advice-softened)"


def _copy_with(tmp_path: Path, file: str, was: str, now: str) -> Path:
    """A copy of the shipped book with the first `was` in `file` written as `now`."""
    copy = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), copy)
    path = copy / file
    text = path.read_text()
    assert was in text
    path.write_text(text.replace(was, now, 1))
    return copy


def _softened(capsys) -> list[str]:
    return [line for line in capsys.readouterr().out.splitlines() if line.endswith("(advice-softened)")]


def _row(text: str, flag: str, key: str) -> tuple[int, int]:
    """The line and column of a flag's `key:` value (of a folded text, its `>-`)."""
    lines = text.splitlines()
    start = lines.index(f"  - id: {flag}")
    row = next(n for n in range(start, len(lines)) if lines[n].strip().startswith(f"{key}:"))
    return row + 1, lines[row].index(f"{key}:") + len(f"{key}: ") + 1


def test_the_shipped_book_passes_and_says_do_not_wait(capsys) -> None:
    assert "Do not wait to see if it passes." in (default_rules_dir() / "red_flags.yaml").read_text()
    main(["rules", "check", str(default_rules_dir())])
    assert _softened(capsys) == []


def test_an_emergency_told_it_may_wait_is_an_error_at_its_advice(tmp_path: Path, capsys) -> None:
    copy = _copy_with(tmp_path, "red_flags.yaml", "Do not wait to see if it passes", "You may wait")
    assert main(["rules", "check", str(copy)]) == 1
    line, column = _row((copy / "red_flags.yaml").read_text(), "fever_on_chemotherapy", "advice")
    assert _softened(capsys) == [
        f"{copy}/red_flags.yaml:{line}:{column}: [error] the advice of 'fever_on_chemotherapy', an "
        f'emergency, tells the person "You may wait"; emergency advice {MUST}'
    ]


def test_the_emergency_wording_of_the_guidance_is_checked_too(tmp_path: Path, capsys) -> None:
    copy = _copy_with(
        tmp_path, "guidance.yaml", "first: Stop here and get help now", "first: Stop here, it is not urgent"
    )
    assert main(["rules", "check", str(copy)]) == 1
    lines = (copy / "guidance.yaml").read_text().splitlines()
    row = lines.index("    first: Stop here, it is not urgent") + 1
    assert _softened(capsys) == [
        f'{copy}/guidance.yaml:{row}:12: [error] this emergency wording tells the person "not urgent"; '
        f"emergency wording {MUST}"
    ]


def test_an_urgent_sign_may_say_what_an_emergency_may_not(tmp_path: Path, capsys) -> None:
    # Not an emergency: "make an appointment" is for the prompt and urgent levels to weigh.
    copy = _copy_with(tmp_path, "guidance.yaml", "Book an appointment within", "Make an appointment within")
    main(["rules", "check", str(copy)])
    assert _softened(capsys) == []


@pytest.mark.parametrize(
    "advice",
    [
        "You may wait to see if it passes.",
        "If it persists, call your local emergency number.",
        "It is ROUTINE to feel this way.",
        "Make an appointment in the next few days.",
        "Call when convenient.",
        "There is no need to call.",
    ],
)
def test_softening_phrases_are_found_whatever_the_case(advice: str) -> None:
    assert softening(advice) is not None


@pytest.mark.parametrize(
    "advice",
    [
        "Do not wait to see if it passes.",
        "Don't wait and see.",
        "Never wait\n  to see if it passes.",
        "Call now: this is not routine.",
        "Routines aside, call your local emergency number now.",
        "Call your local emergency number now.",
    ],
)
def test_a_negated_phrase_or_a_longer_word_passes(advice: str) -> None:
    assert softening(advice) is None

"""A red flag whose condition is `any` or `all` of a hundred findings: `rules check` and
`rules verify` answer, and answer right (issue 24: they gave no answer in 60 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.books import wide_book
from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.engine import fired_red_flags
from metasymptoms.core.loader import load_book
from metasymptoms.reviewing.verify import hidden_red_flags


@pytest.mark.parametrize("join", ["any", "all"])
def test_a_wide_flag_over_findings_asked_of_everyone_is_proved(tmp_path: Path, capsys, join: str) -> None:
    folder = wide_book(default_rules_dir(), tmp_path / "rules", 100, join, gated=False)
    book = load_book(folder)
    flag = next(flag for flag in book.red_flags if flag.id == "wide_signs")
    assert len(flag.when.any if join == "any" else flag.when.all) == 100  # type: ignore[union-attr]
    assert list(hidden_red_flags(book)) == []
    assert main(["rules", "verify", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "  ok    no skip logic hides a red flag whose condition holds" in out


@pytest.mark.parametrize("join", ["any", "all"])
def test_a_wide_flag_over_findings_behind_skip_logic_is_refused_with_answers_that_show_it(
    tmp_path: Path, capsys, join: str
) -> None:
    folder = wide_book(default_rules_dir(), tmp_path / "rules", 100, join, gated=True)
    book = load_book(folder)
    failures = [failure for failure in hidden_red_flags(book) if failure.subject == "wide_signs"]
    assert len(failures) == 1
    failure = failures[0]
    # The person in the example has the flag's findings; the questionnaire never asks one of
    # them, so on their answers the flag does not fire.
    gated = {question.finding for question in book.questions if question.ask_if is not None}
    hidden = [name for name in failure.message.split("'")[1::2] if name in gated]
    assert hidden, failure.message
    world = failure.counterexample
    assert world is not None
    assert "wide_signs" in {flag.id for flag in fired_red_flags(book, world)}
    assert main(["rules", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert f"{folder}/red_flags.yaml:" in out and "while the rest of 'wide_signs' holds" in out
    assert main(["rules", "verify", str(folder)]) == 1
    assert "  FAIL  hidden-red-flag: the skip logic can hide" in capsys.readouterr().out

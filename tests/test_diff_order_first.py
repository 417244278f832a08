"""`rules diff` on a question moved to the very start of the questions, or away from it:
the words say "now asked first" or "was asked first", and JSON names the moved findings
and the questions each followed before and after (None: asked first)."""

from __future__ import annotations

import json
from pathlib import Path

from metasymptoms.cli import main
from tests.helpers import TINY, write_book

HISTORY = "      - finding: cancer_history\n        text: Have you been told you have cancer?\n"
JAUNDICE = "      - finding: jaundice\n        text: Yellow skin?\n"
# Yellow skin asked first, before the history of cancer (the same sections).
JAUNDICE_FIRST = TINY["questions.yaml"].replace(JAUNDICE, "").replace(HISTORY, JAUNDICE + HISTORY)


def moved(tmp_path: Path, old: dict[str, str], new: dict[str, str], capsys) -> list[dict[str, object]]:
    old_book, new_book = write_book(tmp_path / "old", old), write_book(tmp_path / "new", new)
    assert main(["rules", "diff", str(old_book), str(new_book), "--format", "json"]) == 0
    return list(json.loads(capsys.readouterr().out)["moved_questions"])


def test_a_question_moved_to_the_start_is_now_asked_first(tmp_path: Path, capsys) -> None:
    assert TINY["questions.yaml"] != JAUNDICE_FIRST
    assert moved(tmp_path, {}, {"questions.yaml": JAUNDICE_FIRST}, capsys) == [
        {
            "findings": ["jaundice"],
            "earlier": True,
            "now_after": None,
            "was_after": "limb_weakness",
            "change": "Asked earlier: 'yellow skin' (jaundice); now asked first, "
            "was straight after 'weak legs' (limb_weakness)",
        }
    ]


def test_a_question_moved_from_the_start_was_asked_first(tmp_path: Path, capsys) -> None:
    assert moved(tmp_path, {"questions.yaml": JAUNDICE_FIRST}, {}, capsys) == [
        {
            "findings": ["jaundice"],
            "earlier": False,
            "now_after": "limb_weakness",
            "was_after": None,
            "change": "Asked later: 'yellow skin' (jaundice); now straight after 'weak legs' "
            "(limb_weakness), was asked first",
        }
    ]

"""`rules diff` lists every text a person reads that an edit changed, each once: a site
rule's `why`, a section's introduction, a primary cancer's name, and the guidance's advice
for one urgency (read once, by its level, not again inside the advice's own fields)."""

from __future__ import annotations

import json
from pathlib import Path

from metasymptoms.cli import main
from tests.helpers import TINY, write_book


def text_changes(tmp_path: Path, new: dict[str, str], capsys) -> list[tuple[object, ...]]:
    old, edited = write_book(tmp_path / "old"), write_book(tmp_path / "new", new)
    assert main(["rules", "diff", str(old), str(edited), "--format", "json"]) == 0
    changes = json.loads(capsys.readouterr().out)["text_changes"]
    return [(c["kind"], c["id"], c["field"], c["old"], c["new"]) for c in changes]


def test_a_rules_why_a_sections_intro_and_a_primarys_name_are_each_listed(tmp_path: Path, capsys) -> None:
    why = "why: The spine is the most common bone site."
    site = TINY["sites/bones.yaml"].replace(why, "why: The spine is where it most often goes.")
    primaries = TINY["primaries.yaml"].replace("name: Breast cancer", "name: Cancer of the breast")
    questions = TINY["questions.yaml"].replace(
        "    title: Your body\n", "    title: Your body\n    intro: About your body.\n"
    )
    assert (
        why in TINY["sites/bones.yaml"]
        and primaries != TINY["primaries.yaml"]
        and questions != TINY["questions.yaml"]
    )
    new = {"sites/bones.yaml": site, "primaries.yaml": primaries, "questions.yaml": questions}
    assert text_changes(tmp_path, new, capsys) == [
        (
            "site rule",
            "bones.back",
            "why",
            "The spine is the most common bone site.",
            "The spine is where it most often goes.",
        ),
        ("section", "body", "intro", None, "About your body."),
        ("primary", "breast", "name", "Breast cancer", "Cancer of the breast"),
    ]


def test_a_note_added_to_a_primary_cancer_is_listed(tmp_path: Path, capsys) -> None:
    """A primary cancer's note is read beside its name in the explorer."""
    primaries = TINY["primaries.yaml"].replace(
        "name: Breast cancer\n", "name: Breast cancer\n    note: Often found by screening.\n"
    )
    assert primaries != TINY["primaries.yaml"]
    assert text_changes(tmp_path, {"primaries.yaml": primaries}, capsys) == [
        ("primary", "breast", "note", None, "Often found by screening.")
    ]


def test_the_advice_for_one_urgency_is_listed_once(tmp_path: Path, capsys) -> None:
    guidance = TINY["guidance.yaml"].replace("  urgent: Today.\n", "  urgent: Today, please.\n")
    assert guidance != TINY["guidance.yaml"]
    assert text_changes(tmp_path, {"guidance.yaml": guidance}, capsys) == [
        ("guidance", "", "advice for urgent", "Today.", "Today, please.")
    ]


def test_a_text_that_was_not_there_reads_none_in_the_markdown_table(tmp_path: Path, capsys) -> None:
    """A reviewer reading the Markdown report sees an added text's empty side as "(none)"."""
    questions = TINY["questions.yaml"].replace(
        "    title: Your body\n", "    title: Your body\n    intro: About your body.\n"
    )
    old, edited = write_book(tmp_path / "old"), write_book(tmp_path / "new", {"questions.yaml": questions})
    assert main(["rules", "diff", str(old), str(edited), "--format", "markdown"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| section body")]
    assert rows == [
        "| section body: intro | (none) | About your body. "
        "| Changes the words people read while asked this section's questions. |"
    ]


def test_a_text_that_was_not_there_reads_none_in_the_text_report(tmp_path: Path, capsys) -> None:
    questions = TINY["questions.yaml"].replace(
        "    title: Your body\n", "    title: Your body\n    intro: About your body.\n"
    )
    old, edited = write_book(tmp_path / "old"), write_book(tmp_path / "new", {"questions.yaml": questions})
    assert main(["rules", "diff", str(old), str(edited)]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("  - section body: intro")
    assert lines[at + 1 : at + 3] == ["      was: (none)", "      now: About your body."]


def test_a_findings_meaning_is_listed(tmp_path: Path, capsys) -> None:
    """What a finding means is read in the explorer (metasymptoms explore)."""
    findings = TINY["findings.yaml"].replace(
        "    label: new back pain\n", "    label: new back pain\n    meaning: Pain in the back that is new.\n"
    )
    assert findings != TINY["findings.yaml"]
    assert text_changes(tmp_path, {"findings.yaml": findings}, capsys) == [
        ("finding", "back_pain", "meaning", None, "Pain in the back that is new.")
    ]

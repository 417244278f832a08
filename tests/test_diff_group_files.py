"""`rules diff`'s groups of answers as a nurse replays them: each group's answers file gives,
by the engine, the urgency its own urgency line states, and a warning sign that shows on all
of a RAISED group's answers is said in that group.

The edit is the one that added the warning sign `cannot_keep_fluids_down`, with its twin for a
person with no cancer diagnosis (open finding 3): the shipped book against a copy without them. A group said "none of: cancer treatment" once left the treatment
out of its answers file, and the engine reads a treatment left out as "not sure": the file
replayed "urgent" in both books, so the group read SAME URGENCY above "urgency: prompt ->
urgent". The whole report is compared with tests/golden/diff_add_cannot_keep_fluids_down.txt."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir

RULES = default_rules_dir()
GOLDEN = Path(__file__).parent / "golden" / "diff_add_cannot_keep_fluids_down.txt"
RANKS = {"routine": 0, "prompt": 1, "urgent": 2, "emergency": 3}
SIGNS = ("cannot_keep_fluids_down", "cannot_keep_fluids_down_no_cancer_diagnosis")


@pytest.fixture(scope="module")
def without_the_sign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped book before the sign was added (its red flags taken out)."""
    copy = tmp_path_factory.mktemp("old") / "rules"
    shutil.copytree(RULES, copy)
    flags = copy / "red_flags.yaml"
    text = flags.read_text()
    for sign in SIGNS:
        start = text.index(f"  - id: {sign}\n")
        end = text.index("  - id: ", start + 1)
        text = text[:start] + text[end:]
    flags.write_text(text)
    return copy


def _effect(out: str) -> str:
    """The report's part about the added signs: their groups of answers."""
    start = out.index("Effect of red flag cannot_keep_fluids_down")
    return out[start : out.index("\n\nAnswers not named", start) + 1]


def test_each_group_states_the_urgency_its_answers_file_gives(without_the_sign: Path, capsys) -> None:
    assert main(["rules", "diff", str(without_the_sign), str(RULES)]) == 0
    assert _effect(capsys.readouterr().out) == GOLDEN.read_text()


def _urgency(folder: Path, answers: dict[str, object], path: Path, capsys) -> str:
    path.write_text(json.dumps(answers))
    assert main(["ask", "--rules", str(folder), "--answers", str(path), "--format", "json"]) == 0
    return str(json.loads(capsys.readouterr().out)["urgency"])


def test_each_groups_file_replays_its_urgency_line_and_label(
    without_the_sign: Path, tmp_path: Path, capsys
) -> None:
    assert main(["rules", "diff", str(without_the_sign), str(RULES), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    groups = [group for effect in data["effects"] for group in effect["groups"]]
    assert len(groups) == 5
    for group in groups:
        was = _urgency(without_the_sign, group["old_answers"], tmp_path / "answers.json", capsys)
        now = _urgency(RULES, group["answers"], tmp_path / "answers.json", capsys)
        stated = [(c["was"], c["now"]) for c in group["changes"] if c["kind"] == "urgency"]
        assert stated in ([], [(was, now)])  # the urgency line is what the file gives
        assert (group["was"], group["now"]) == (was, now)
        assert group["label"] == ("RAISED" if RANKS[now] > RANKS[was] else "SAME URGENCY")
        # a sign, added, shows on every group's answers and is said in each group
        assert any(c["subject"] in SIGNS for c in group["changes"])

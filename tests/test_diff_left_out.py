"""`rules diff` reads every answer a group leaves out as the engine reads its answers file:
left out. A treatment left out by a person who may have cancer (a history left out too) is
"not sure", never "no" (core/unsaid.py), so each group's urgency line, its label and its
answers file agree.

The edit is the one that made black stools with chest pain or breathlessness an emergency
(3ca5c6f): the shipped book against a copy whose warning sign black_stools_faint asks only
for dizziness. The search once read the treatment the group leaves out as "no": it said
"urgency: urgent -> emergency" for black stools with chest pain, whose answers file the
engine reads as chest pain maybe during treatment, an emergency in both books, and the
group was labelled SAME URGENCY under that line."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.conditions import findings_in
from metasymptoms.core.engine import assess, fired_red_flags
from metasymptoms.core.loader import load_book
from metasymptoms.reviewing.compiled import given_answers
from metasymptoms.reviewing.cones import Readings
from metasymptoms.reviewing.diff_effects import groups
from metasymptoms.reviewing.diff_pair import Statement

RULES = default_rules_dir()
RANKS = {"routine": 0, "prompt": 1, "urgent": 2, "emergency": 3}
WIDER = "        - any: [dizzy_on_standing, dizziness, shortness_of_breath, chest_pain]\n"


def only_dizziness(folder: Path) -> None:
    """black_stools_faint as it was before 3ca5c6f: black stools with dizziness only."""
    flags = folder / "red_flags.yaml"
    text = flags.read_text()
    assert text.count(WIDER) == 1
    flags.write_text(text.replace(WIDER, "        - any: [dizzy_on_standing, dizziness]\n"))


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("before") / "rules"
    shutil.copytree(RULES, copy)
    only_dizziness(copy)
    return copy


EFFECT = """\
Effect of red flag black_stools_faint (Black or dark red stools with dizziness, breathlessness or chest pain):
  2 groups of answers: 1 RAISED, 1 with the same urgency
  In every group below, none of these is reported:
    - dizziness, unsteadiness or balance problems
    - feeling dizzy or faint when you stand up
  1. RAISED
     - urgency: urgent -> emergency
     - the warning sign 'Black or dark red stools with dizziness, breathlessness or chest pain'
       (black_stools_faint) now shows
     With:
       - black, tar-like stools, or dark red stools (yes, or not sure)
       - being more breathless than usual (yes, or not sure)
     And none of:
       - chest pain
     Answers file:
       black_stools: yes
       shortness_of_breath: yes
  2. SAME URGENCY
     - the warning sign 'Black or dark red stools with dizziness, breathlessness or chest pain'
       (black_stools_faint) now shows
     With:
       - chest pain (yes, or not sure)
       - black, tar-like stools, or dark red stools (yes, or not sure)
     Answers file:
       chest_pain: yes
       black_stools: yes
"""


def test_a_group_with_the_same_urgency_states_no_change_of_urgency(before: Path, capsys) -> None:
    assert main(["rules", "diff", str(before), str(RULES)]) == 0
    out = capsys.readouterr().out
    start = out.index("Effect of red flag black_stools_faint")
    assert out[start : out.index("\n\n", start) + 1] == EFFECT


def _urgency(folder: Path, answers: dict[str, object], path: Path, capsys) -> str:
    path.write_text(json.dumps(answers))
    assert main(["ask", "--rules", str(folder), "--answers", str(path), "--format", "json"]) == 0
    return str(json.loads(capsys.readouterr().out)["urgency"])


def assert_groups_replay(old: Path, new: Path, report: str, tmp_path: Path, capsys) -> None:
    """Every group of a JSON report: the urgency its answers files give in the program
    (`ask`), old book and new, is its urgency line (one stated wherever it changes) and its
    label. test_diff_report runs it over its real edits."""
    data = json.loads(report)
    groups = [group for effect in data["effects"] for group in effect["groups"]]
    for group in groups:
        was = _urgency(old, group["old_answers"], tmp_path / "answers.json", capsys)
        now = _urgency(new, group["answers"], tmp_path / "answers.json", capsys)
        stated = [(c["was"], c["now"]) for c in group["changes"] if c["kind"] == "urgency"]
        assert stated == ([] if was == now else [(was, now)]), group["answers"]
        assert (group["was"], group["now"]) == (was, now)
        label = "RAISED" if RANKS[now] > RANKS[was] else "LOWERED" if RANKS[now] < RANKS[was] else "SAME"
        assert group["label"].startswith(label)


def test_every_groups_file_replays_its_urgency_line_and_label(before: Path, tmp_path: Path, capsys) -> None:
    assert main(["rules", "diff", str(before), str(RULES), "--format", "json"]) == 0
    assert_groups_replay(before, RULES, capsys.readouterr().out, tmp_path, capsys)


# --- the diagrams of rules diff agree with the engine on answers files that leave out ------

BOOK = load_book()
BOTH = Readings(BOOK, BOOK)


def _agrees(readings: Readings, world: dict) -> None:
    answers = given_answers(BOOK, world)  # what is not given left out, as a file leaves it
    dd, new = readings.dd, readings.new
    assert dd.evaluate(new.urgency, world) == assess(BOOK, answers).urgency.rank, answers
    fired = {flag.id for flag in BOOK.red_flags if dd.evaluate(new.holds(flag.when), world)}
    assert fired == {flag.id for flag in fired_red_flags(BOOK, answers)}, answers


@pytest.mark.parametrize("seed", range(3))
def test_the_diffs_diagrams_read_a_file_as_the_engine_does(seed: int) -> None:
    """On random answers files, many leaving out the history, the treatment or its kinds:
    the whole book's diagrams, and each red flag's cone with every other finding left out.
    It holds the kinds' reading, made apart from the roles' for speed: the kinds left unread,
    or read without the history and the treatment, fail it."""
    rng = random.Random(seed)
    for _ in range(120):
        share = rng.random() * 0.5
        world = BOTH.everyone({})
        for name, values in zip(BOTH.dd.names, BOTH.dd.domains, strict=True):
            if rng.random() < share:
                world[name] = rng.choice(values)
        _agrees(BOTH, world)
    for flag in BOOK.red_flags:
        cone = BOTH.over(BOTH.links.cone(findings_in(flag.when)))
        world = BOTH.everyone({})
        for name in cone.kept or ():
            world[name] = rng.choice(BOTH.dd.domains[BOTH.dd.level[name]])
        _agrees(cone, world)


def test_a_change_of_urgency_its_file_does_not_give_is_a_bug_never_a_report() -> None:
    """Every rules diff checks each group as it makes it: a statement of "urgent ->
    emergency" over a file the engine reads as an emergency in both books (chest pain and
    black stools, the history and the treatment left out) stops the program as a bug
    ("something went wrong inside metasymptoms"), where the report once printed it."""
    lying = Statement(
        "urgency",
        "urgency",
        "chest pain and black stools",
        "urgent -> emergency",
        {"chest_pain": True, "black_stools": True},
        was="urgent",
        now="emergency",
    )
    with pytest.raises(AssertionError):
        groups(BOOK, BOOK, [lying])
    honest = dataclasses.replace(lying, change="emergency -> emergency", was="emergency")
    [group] = groups(BOOK, BOOK, [honest])
    assert (group.was, group.now, group.label) == ("emergency", "emergency", "SAME URGENCY")

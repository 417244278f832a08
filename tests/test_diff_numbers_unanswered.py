"""`rules diff` reports every change of urgency, also one that only a number's answer shows.

A number left unanswered is read as "not sure", which can make another warning sign fire
(here: diarrhoea with no count is urgent on its own). The diff's groups read every finding the
edited items do not test as not reported, so on those answers the edit changes nothing; a
count below the threshold (4) does change the urgency. Such a change must still be reported,
with an answers file that gives the count, whether it raises the urgency or lowers it (and a
lowering is refused unless declared).
"""

from __future__ import annotations

import itertools
import json
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from metasymptoms.cli import main
from metasymptoms.core.conditions import Not, Reported
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.loader import default_rules_dir, load_book
from metasymptoms.core.model import Urgency
from metasymptoms.reviewing import compiled
from metasymptoms.reviewing.diff import urgency_changes
from metasymptoms.reviewing.diff_pair import Pair
from tests.brute import (
    DRAWN_DECLARATIONS,
    GATES,
    LEVELS,
    NAMES,
    SmallBook,
    brute_answers,
    brute_urgency,
    conditions,
    declare,
    questions,
    red_flags,
)
from tests.helpers import TINY, relevelled, write_book

_FLAG = """\
  - id: {id}
    title: {title}
    when: {when}
    urgency: {urgency}
    advice: {advice}
    sources: [SRC-A]
    checked: {{by: author, date: 2026-01-01}}
"""
COUNTED = {
    "findings.yaml": TINY["findings.yaml"]
    + textwrap.indent(
        textwrap.dedent(
            """\
            - id: diarrhoea
              label: diarrhoea
            - id: diarrhoea_times
              implies: diarrhoea
              implies_from: 1
              label: loose stools more often than usual
              type: number
              unit: times_in_24_hours
              minimum: 0
              maximum: 50
            """
        ),
        "  ",
    ),
    "questions.yaml": TINY["questions.yaml"]
    + textwrap.indent(
        "- finding: diarrhoea\n  text: Diarrhoea?\n"
        "- finding: diarrhoea_times\n  text: How many loose stools today?\n  ask_if: diarrhoea\n",
        "      ",
    ),
    # Diarrhoea is urgent with a count of 4 or more, and with no count at all (not sure);
    # below 4 it raises nothing.
    "red_flags.yaml": TINY["red_flags.yaml"]
    + _FLAG.format(
        id="diarrhoea_counted",
        title="Diarrhoea 4 times or more",
        when="{diarrhoea_times: {at_least: 4}}",
        urgency="urgent",
        advice="Call your team today.",
    )
    + _FLAG.format(
        id="diarrhoea_uncounted",
        title="Diarrhoea, not counted",
        when="{all: [diarrhoea, {not: {diarrhoea_times: {at_least: 0}}}]}",
        urgency="urgent",
        advice="Call your team today.",
    ),
}
# A sign that makes any diarrhoea "prompt": seen only where a count below 4 is given.
WITH_ANY_DIARRHOEA = {
    **COUNTED,
    "red_flags.yaml": COUNTED["red_flags.yaml"]
    + _FLAG.format(
        id="any_diarrhoea",
        title="Diarrhoea",
        when="diarrhoea",
        urgency="prompt",
        advice="See your doctor within days.",
    ),
}
DECLARED = (
    'name: Tiny\nversion: "2"\nstatus: draft\nintended_purpose: Testing.\n'
    "declared_changes:\n  - when: diarrhoea\n    was: prompt\n    now: routine\n"
    "    reason: A test of a declared lowering, not a clinical change.\n"
)


def diff_of(tmp_path: Path, old: dict[str, str], new: dict[str, str], capsys) -> tuple[int, dict]:
    write_book(tmp_path / "old", old)
    write_book(tmp_path / "new", new)
    code = main(["rules", "diff", str(tmp_path / "old"), str(tmp_path / "new"), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def urgency_of(folder: Path, answers: dict, tmp_path: Path, capsys) -> str:
    path = tmp_path / "replay.json"
    path.write_text(json.dumps(answers))
    assert main(["ask", "--rules", str(folder), "--answers", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["urgency"]


def changed_groups(data: dict) -> list[dict]:
    groups = [group for effect in data["effects"] for group in effect["groups"]]
    return [group for group in groups if group["label"] != "SAME URGENCY"]


def replayed(group: dict, tmp_path: Path, capsys) -> tuple[str, str]:
    return (
        urgency_of(tmp_path / "old", group["old_answers"], tmp_path, capsys),
        urgency_of(tmp_path / "new", group["answers"], tmp_path, capsys),
    )


def test_the_edit_changes_a_count_below_the_threshold_and_not_a_missing_count(tmp_path: Path, capsys) -> None:
    """The edit below changes nothing with no count given, and raises a count of 3."""
    old, new = write_book(tmp_path / "old", COUNTED), write_book(tmp_path / "new", WITH_ANY_DIARRHOEA)
    no_count, three = {"diarrhoea": True}, {"diarrhoea": True, "diarrhoea_times": 3}
    assert [urgency_of(old, no_count, tmp_path, capsys), urgency_of(new, no_count, tmp_path, capsys)] == [
        "urgent",
        "urgent",
    ]
    assert [urgency_of(old, three, tmp_path, capsys), urgency_of(new, three, tmp_path, capsys)] == [
        "routine",
        "prompt",
    ]


def test_a_raise_that_only_a_count_below_the_threshold_shows_is_reported(tmp_path: Path, capsys) -> None:
    code, data = diff_of(tmp_path, COUNTED, WITH_ANY_DIARRHOEA, capsys)
    assert code == 0
    [group] = changed_groups(data)
    assert (group["label"], group["was"], group["now"]) == ("RAISED", "routine", "prompt")
    assert group["answers"]["diarrhoea"] is True
    assert 0 <= group["answers"]["diarrhoea_times"] < 4
    assert replayed(group, tmp_path, capsys) == ("routine", "prompt")
    [effect] = data["effects"]
    assert effect["items"] == [{"kind": "red flag", "id": "any_diarrhoea"}]
    assert effect["raised"] == 1
    urgency = [s for s in data["statements"] if s["kind"] == "urgency"]
    assert [(s["was"], s["now"], s["lowered"]) for s in urgency] == [("routine", "prompt", False)]


@pytest.mark.parametrize("declared", [False, True], ids=["not declared", "declared"])
def test_a_lowering_that_only_a_count_below_the_threshold_shows_is_reported(
    tmp_path: Path, capsys, declared: bool
) -> None:
    """The mirror: the sign taken away. Not declared, the gate refuses it; declared, the
    report still lists it, as a declared lowering."""
    new = {**COUNTED, "book.yaml": DECLARED} if declared else COUNTED
    code, data = diff_of(tmp_path, WITH_ANY_DIARRHOEA, new, capsys)
    assert code == (0 if declared else 1)
    [group] = changed_groups(data)
    assert (group["label"], group["was"], group["now"]) == ("LOWERED", "prompt", "routine")
    assert group["declared"] == (
        "A test of a declared lowering, not a clinical change." if declared else None
    )
    assert group["answers"]["diarrhoea"] is True
    assert 0 <= group["answers"]["diarrhoea_times"] < 4
    assert replayed(group, tmp_path, capsys) == ("prompt", "routine")
    assert data["undeclared_lowerings"] == (0 if declared else 1)
    assert data["lowered_not_declared_groups"] == (0 if declared else 1)


def test_the_text_report_names_the_raise_and_its_count(tmp_path: Path, capsys) -> None:
    write_book(tmp_path / "old", COUNTED)
    write_book(tmp_path / "new", WITH_ANY_DIARRHOEA)
    assert main(["rules", "diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    out = capsys.readouterr().out
    assert "1 RAISED" in out
    assert "RAISED\n     - urgency: routine -> prompt\n" in out
    assert "No urgency is lowered without a declared reason." in out


# --- every change of urgency, against brute force -----------------------------------------


@given(
    st.lists(st.tuples(conditions(), LEVELS), min_size=1, max_size=3),
    st.lists(st.tuples(conditions(), LEVELS), min_size=0, max_size=3),
    GATES,
    GATES,
    DRAWN_DECLARATIONS,
)
@example(  # b not reported makes f0 fire: the new f1 raises a person only where b is reported
    [(Not(condition=Reported(finding="b")), Urgency.URGENT)],
    [(Not(condition=Reported(finding="b")), Urgency.URGENT), (Reported(finding="a"), Urgency.PROMPT)],
    [None] * 5,
    [None] * 5,
    [],
)
@example(  # its mirror: f1 taken away lowers a person only where b is reported
    [(Not(condition=Reported(finding="b")), Urgency.URGENT), (Reported(finding="a"), Urgency.PROMPT)],
    [(Not(condition=Reported(finding="b")), Urgency.URGENT)],
    [None] * 5,
    [None] * 5,
    [(Reported(finding="a"), Urgency.PROMPT, Urgency.ROUTINE)],
)
def test_every_change_of_urgency_that_some_answers_give_is_stated(
    old_flags, new_flags, old_gates, new_gates, declared
) -> None:
    """Each pair of urgencies (old, new) that some answers give, raised or lowered, declared
    or not, is stated with answers that give it, though an unchanged sign that fires with
    every other finding not reported (through a `not`) hides it from the edited items' groups."""
    old = SmallBook(questions(old_gates), red_flags(old_flags))
    new = SmallBook(questions(new_gates), red_flags(new_flags))
    declare(new, declared)
    statements = urgency_changes(Pair(old, new))
    expected = set()
    for values in itertools.product([True, False, UNSURE], repeat=len(NAMES)):
        world = dict(zip(NAMES, values))
        was = brute_urgency(old.red_flags, brute_answers(old.questions, world))
        now = brute_urgency(new.red_flags, brute_answers(new.questions, world))
        if was != now:
            expected.add((was, now))
    stated = set()
    for statement in statements:
        plain = dict.fromkeys(NAMES, False)
        was = brute_urgency(old.red_flags, brute_answers(old.questions, {**plain, **statement.old_answers}))
        now = brute_urgency(new.red_flags, brute_answers(new.questions, {**plain, **statement.answers}))
        assert (LEVELS_BY_RANK[was], LEVELS_BY_RANK[now]) == (statement.was, statement.now)
        stated.add((was, now))
    assert stated == expected


LEVELS_BY_RANK = {0: "routine", 1: "prompt", 2: "urgent", 3: "emergency"}


@pytest.mark.parametrize(
    ("flag", "was", "now", "declared"),
    [("vision_change_to_check", "prompt", "urgent", False), ("seizure", "emergency", "urgent", True)],
)
def test_the_search_for_every_change_reads_no_whole_book(
    tmp_path: Path, monkeypatch, flag: str, was: str, now: str, declared: bool
) -> None:
    """Raises and declared lowerings are searched over the cones of the items in play, as
    the gate's lowerings are: the urgency of a whole book is never compiled. Raising the
    vision sign for anyone was a raise the groups alone never showed: a history left out
    reads as "not sure", and the sign for a person with cancer is urgent already."""
    copy = relevelled(shutil.copytree(default_rules_dir(), tmp_path / "new"), flag, was, now)
    if declared:
        book = (copy / "book.yaml").read_text()
        change = f"declared_changes:\n  - when: {flag}\n    was: {was}\n    now: {now}\n    reason: Meant.\n"
        (copy / "book.yaml").write_text(book.replace("declared_changes: []\n", change))
    whole = compiled.Reading.urgency

    def over_a_cone(reading: compiled.Reading) -> object:
        assert reading.cone is not None, "the urgency of a whole book was compiled"
        return whole.func(reading)

    monkeypatch.setattr(compiled.Reading, "urgency", property(over_a_cone))
    statements = urgency_changes(Pair(load_book(), load_book(copy)))
    assert (was, now) in {(s.was, s.now) for s in statements}

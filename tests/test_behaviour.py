"""No silent downgrade: `rules verify`'s property against brute force, and on tiny books."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from metasymptoms.cli import main
from metasymptoms.core.conditions import holds
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.model import Finding, Question, Urgency
from metasymptoms.reviewing.behaviour import downgrades
from tests.helpers import TINY, write_book
from tests.test_rules_tools import NAMES, conditions


class _Book:
    """Just what the search reads: findings, questions in order, red flags with urgencies."""

    sites: tuple = ()
    info = None
    implications: tuple = ()  # no follow-up implies another here

    def __init__(self, questions: list[Question], flags: list[SimpleNamespace]):
        self.questions = questions
        self.red_flags = flags
        self.findings = [Finding(id=name, label=name) for name in NAMES]

    def role(self, role: str) -> None:
        return None

    def finding(self, finding_id: str) -> Finding:
        if finding_id not in NAMES:
            raise KeyError(finding_id)
        return Finding(id=finding_id, label=finding_id)


def _answers(questions: list[Question], world: dict[str, object]) -> dict[str, object]:
    answers: dict[str, object] = {}
    for question in questions:
        asked = question.ask_if is None or holds(question.ask_if, answers)
        answers[question.finding] = world[question.finding] if asked else False
    return answers


def _urgency(flags: list[SimpleNamespace], answers: dict[str, object]) -> int:
    return max((flag.urgency.rank for flag in flags if holds(flag.when, answers)), default=0)


URGENCIES = st.sampled_from([Urgency.EMERGENCY, Urgency.URGENT, Urgency.PROMPT])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(conditions(), URGENCIES), min_size=1, max_size=3),
    st.lists(st.one_of(st.none(), conditions(1)), min_size=5, max_size=5),
)
def test_no_silent_downgrade_agrees_with_brute_force(flags, gates) -> None:
    from metasymptoms.core.conditions import findings_in

    questions = []
    for index, name in enumerate(NAMES):
        gate = gates[index]
        if gate is not None and not set(findings_in(gate)) <= set(NAMES[:index]):
            gate = None
        questions.append(Question(finding=name, text=name, ask_if=gate))
    red_flags = [
        SimpleNamespace(id=f"f{n}", when=when, urgency=urgency) for n, (when, urgency) in enumerate(flags)
    ]
    book = _Book(questions, red_flags)
    found = {finding: (before, after) for finding, _, before, after in downgrades(book)}
    lowered = set()
    for values in itertools.product([True, False, UNSURE], repeat=len(NAMES)):
        world = dict(zip(NAMES, values))
        for name in NAMES:
            if world[name] is False:
                more = {**world, name: True}
                if _urgency(red_flags, _answers(questions, more)) < _urgency(
                    red_flags, _answers(questions, world)
                ):
                    lowered.add(name)
    assert set(found) == lowered
    for before, after in found.values():  # each counterexample replays the lowering
        assert _urgency(red_flags, _answers(questions, {**dict.fromkeys(NAMES, False), **after})) < _urgency(
            red_flags, _answers(questions, {**dict.fromkeys(NAMES, False), **before})
        )


ALL_CLEAR = """\
  - id: all_clear
    title: Leg weakness without back pain
    when:
      all:
        - limb_weakness
        - not: jaundice
    urgency: urgent
    advice: See a doctor today.
    sources: [SRC-A]
    checked: {by: author, date: 2026-01-01}
"""
QUESTIONS = TINY["questions.yaml"].replace("        ask_if: back_pain\n", "")


def test_verify_reports_a_downgrade_with_answers_that_replay_it(tmp_path: Path, capsys) -> None:
    folder = write_book(
        tmp_path / "rules",
        {"red_flags.yaml": TINY["red_flags.yaml"] + ALL_CLEAR, "questions.yaml": QUESTIONS},
    )
    assert main(["rules", "verify", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        "  FAIL  no-silent-downgrade: reporting 'jaundice' lowers the urgency from urgent to routine "
        "('all_clear' no longer counts); add 'jaundice: yes' to the answers below to see it. If that is "
        "meant, declare it with its reason under lowers_urgency_when_reported in book.yaml\n"
        "        To replay it, save these answers to a file and run: metasymptoms ask --answers FILE\n"
        "          limb_weakness: yes\n"
        "1 failure(s)"
    ) in out
    answers = tmp_path / "a.yaml"
    for extra, urgency in (("", "urgent"), ("jaundice: yes\n", "routine")):
        answers.write_text("limb_weakness: yes\n" + extra)
        assert main(["ask", "--rules", str(folder), "--answers", str(answers), "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["urgency"] == urgency


def test_a_declared_exception_passes_and_is_named(tmp_path: Path, capsys) -> None:
    info = (
        'name: Tiny\nversion: "1"\nstatus: draft\nintended_purpose: Testing.\n'
        "lowers_urgency_when_reported:\n  - finding: jaundice\n    reason: Jaundice explains the weakness.\n"
    )
    folder = write_book(
        tmp_path / "rules",
        {
            "red_flags.yaml": TINY["red_flags.yaml"] + ALL_CLEAR,
            "questions.yaml": QUESTIONS,
            "book.yaml": info,
        },
    )
    assert main(["rules", "verify", str(folder)]) == 0
    assert (
        "  ok    reporting one more finding never lowers the urgency (declared exceptions: jaundice)"
        in capsys.readouterr().out
    )

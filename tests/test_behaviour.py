"""No silent downgrade: `rules verify`'s property against brute force, and on tiny books."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from metasymptoms.cli import main
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.model import Urgency
from metasymptoms.reviewing.downgrade import downgrades
from tests.brute import GATES, NAMES, SmallBook, brute_answers, brute_urgency, conditions, questions
from tests.helpers import TINY, write_book

URGENCIES = st.sampled_from([Urgency.EMERGENCY, Urgency.URGENT, Urgency.PROMPT])


@given(
    st.lists(st.tuples(conditions(), URGENCIES), min_size=1, max_size=3),
    GATES,
)
def test_no_silent_downgrade_agrees_with_brute_force(flags, gates) -> None:
    asked = questions(gates)
    red_flags = [
        SimpleNamespace(id=f"f{n}", when=when, urgency=urgency) for n, (when, urgency) in enumerate(flags)
    ]
    book = SmallBook(asked, red_flags)
    found = {finding: (before, after) for finding, _, before, after in downgrades(book)}
    lowered = set()
    for values in itertools.product([True, False, UNSURE], repeat=len(NAMES)):
        world = dict(zip(NAMES, values))
        for name in NAMES:
            if world[name] is False:
                more = {**world, name: True}
                if brute_urgency(red_flags, brute_answers(asked, more)) < brute_urgency(
                    red_flags, brute_answers(asked, world)
                ):
                    lowered.add(name)
    assert set(found) == lowered
    for before, after in found.values():  # each counterexample replays the lowering
        assert brute_urgency(
            red_flags, brute_answers(asked, {**dict.fromkeys(NAMES, False), **after})
        ) < brute_urgency(red_flags, brute_answers(asked, {**dict.fromkeys(NAMES, False), **before}))


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
        "          cancer_history: none\n"
        "          limb_weakness: yes\n"
        "  ok    every red flag's advice agrees with its urgency (2)\n"
        "1 failure(s)"
    ) in out
    answers = tmp_path / "a.yaml"
    for extra, urgency in (("", "urgent"), ("jaundice: yes\n", "routine")):
        answers.write_text("cancer_history: none\nlimb_weakness: yes\n" + extra)
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

"""`rules verify`'s emergency-interrupt proof replays the questionnaire's own flow on a book
cut to one flag's questions and to the red flags that can act there (verify._flags_in_play):
the flow meets the same events as on the book cut to the questions alone, every red flag kept."""

from __future__ import annotations

from dataclasses import replace

import pytest

from metasymptoms.answering.replay import Replay
from metasymptoms.core.conditions import Not, Reported, atoms, findings_in
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing import verify
from metasymptoms.reviewing.compiled import questionnaire_answers
from metasymptoms.reviewing.cones import BookReadings
from metasymptoms.reviewing.space import Facts, Space


def cut_to(book: RuleBook, findings: set[str]) -> RuleBook:
    """The book asking only the questions about these findings, in their order, every red
    flag and finding kept: what the flags in play are compared against."""
    sections = tuple(
        replace(section, questions=kept)
        for section in book.sections
        if (kept := tuple(question for question in section.questions if question.finding in findings))
    )
    return replace(book, sections=sections)


def _events(book: RuleBook, answers: dict, until: str) -> list:
    replay = Replay(book, answers, until=until)
    replay.flow.run()
    return replay.flow.events


def _with_flags_that_act_everywhere(book: RuleBook) -> RuleBook:
    """An emergency that holds while a fever is not reported, which acts in every replay
    though most test no fever at all, and one on the primary cancer alone (a finding with a
    role), which acts in every replay that answers it so."""
    first = next(flag for flag in book.red_flags if flag.urgency is Urgency.EMERGENCY)
    always = replace(first, id="no_fever_reported", when=Not(condition=Reported(finding="fever")))
    primary = next(
        atom for flag in book.red_flags for atom in atoms(flag.when) if atom.finding == "primary_cancer"
    )
    return replace(book, red_flags=(*book.red_flags, always, replace(first, id="primary", when=primary)))


@pytest.mark.parametrize("holds_on_nothing", [False, True])
def test_a_replay_meets_the_same_events_with_only_the_flags_in_play(
    book: RuleBook, holds_on_nothing: bool
) -> None:
    if holds_on_nothing:
        book = _with_flags_that_act_everywhere(book)
    whole, facts = BookReadings(book), Facts(book)
    in_play = verify._flags_in_play(book, whole.links)
    fewer = 0
    for flag in book.red_flags:
        if flag.urgency is not Urgency.EMERGENCY:
            continue
        readings = whole.cone(findings_in(flag.when))
        world = readings.example(readings.asked.holds(flag.when))
        assert world is not None
        answers = questionnaire_answers(book, world)
        cone = set(Space(facts, [flag.when]).variables)
        asked = cut_to(book, cone)
        cut = in_play(asked)
        fewer += len(cut.red_flags) < len(asked.red_flags)
        expected = _events(asked, answers, flag.id)
        assert _events(cut, answers, flag.id) == expected, flag.id
        # verify's own cut: its findings too, and the answers worked out over the questions
        # that decide them, meet the same events
        smaller = verify._Cut(book, facts)
        own_answers = questionnaire_answers(smaller.to(smaller.deciding(cone)), world)
        assert {f: own_answers.get(f) for f in cone} == {f: answers.get(f) for f in cone}
        assert _events(in_play(smaller.to(cone)), own_answers, flag.id) == expected, flag.id
        questions = {question.finding for question in asked.questions}
        assert questions & cut.warning_sign_findings == questions & book.warning_sign_findings
        assert ("no_fever_reported" in {f.id for f in cut.red_flags}) == holds_on_nothing
    assert fewer > 10  # the cut does leave flags out

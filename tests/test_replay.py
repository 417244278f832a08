"""The questionnaire's flow answered from fixed answers (answering/replay.py), as `rules
verify` meets it: the questions asked are the person's, and an emergency interrupts at once."""

from __future__ import annotations

from metasymptoms.answering.replay import Replay
from metasymptoms.core.model import RuleBook


def test_a_seizure_interrupts_right_after_its_answer(book: RuleBook) -> None:
    replay = Replay(book, {"cancer_history": "none", "seizure": True}, until="seizure")
    replay.flow.run()
    events = replay.flow.events
    shown = events.index(("emergency", "seizure"))
    assert events[shown - 1] == ("asking", "seizure")
    assert next(event for event in events[shown:] if event[0] in ("asking", "interrupt")) == ("interrupt", "")


def test_only_the_questions_that_apply_are_asked(book: RuleBook) -> None:
    replay = Replay(book, {"cancer_history": "none", "back_pain": True})
    replay.flow.run()
    asked = [finding for kind, finding in replay.flow.events if kind == "asking"]
    assert asked[0] == "cancer_history" and "back_pain" in asked
    assert "primary_cancer" not in asked  # asked only of a person who has had cancer

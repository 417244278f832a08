"""One first step: when several emergency warning signs fire, the interrupt, the card and
the result give one first step (the most direct: the emergency number or department before
the cancer team's 24-hour line), then each sign's own advice, without a different first step."""

from __future__ import annotations

from metasymptoms.answering.emergency import action, emergency_card
from metasymptoms.answering.interview import run_interview
from metasymptoms.answering.result import result
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook
from metasymptoms.core.numbers import for_country
from tests.scripted import ScriptedPrompter

# Back pain with a weak leg in a person with cancer: two signs whose advice gives the 24-hour
# line first, and one that sends the person to the emergency department.
WEAK_LEG = {"cancer_history": "current", "back_pain": True, "limb_weakness": True}


def firsts(texts: list[str]) -> list[str]:
    return [text for text in texts if text.startswith("First: ")]


def test_several_emergency_signs_give_one_first_step_at_the_interrupt_the_card_and_the_end(
    book: RuleBook,
) -> None:
    prompter = ScriptedPrompter(book, answers=WEAK_LEG)
    run_interview(book, plain=True, prompter=prompter)
    texts = [text for _, text in prompter.shown]
    step = book.guidance.first_steps.emergency_services
    fired = [flag.id for flag in assess(book, WEAK_LEG).red_flags if flag.urgency.value == "emergency"]
    assert fired == ["spinal_cord_compression", "nerve_signs_with_cancer", "back_pain_nerve_signs"]
    # the interrupt, then the card: each gives the one first step, once
    assert firsts(texts) == [f"First: {step}", f"First: {step}"]
    assert not any("24-hour line" in text for text in texts)
    # each sign's own advice follows, without its own first step
    cord = next(flag for flag in book.red_flags if flag.id == "spinal_cord_compression")
    told = [text for text in texts if text.startswith("Back or neck pain together with weakness")]
    assert len(told) == 2 and told[0].endswith("Lie flat if moving makes the pain worse.")
    assert book.guidance.first_steps.cancer_team_line in cord.advice
    assert texts[-1] == action(book)


def test_one_sign_keeps_its_own_advice_whole(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "fever": True,
    }
    prompter = ScriptedPrompter(book, answers=answers)
    run_interview(book, plain=True, prompter=prompter)
    texts = [text for _, text in prompter.shown]
    fever = next(flag for flag in book.red_flags if flag.id == "fever_on_chemotherapy")
    assert firsts(texts) == []
    assert texts.count(fever.advice) == 2  # the interrupt and the card: the 24-hour line first
    assert "24-hour line" in fever.advice


def test_the_result_gives_the_one_first_step_and_no_second(book: RuleBook) -> None:
    assessment = assess(book, WEAK_LEG)
    first = result(book, assessment).first
    said = [paragraph for block in first for paragraph in block.paragraphs]
    assert said[0] == f"Get help now. First: {book.guidance.first_steps.emergency_services}"
    assert not any("24-hour line" in paragraph for paragraph in said)


def test_a_later_sign_is_told_under_the_more_direct_step_already_fired(book: RuleBook) -> None:
    card = emergency_card(
        book, ["fever_on_chemotherapy"], fired=["severe_breathlessness", "fever_on_chemotherapy"]
    )
    assert card.first_step == book.guidance.first_steps.emergency_services
    assert "24-hour line" not in card.signs[0][1]
    alone = emergency_card(book, ["fever_on_chemotherapy"])
    assert alone.first_step is None and "24-hour line" in alone.signs[0][1]


def test_the_first_step_names_the_countrys_number(shipped: LoadedBook) -> None:
    british = for_country(shipped, "GB")
    card = emergency_card(british, ["spinal_cord_compression", "back_pain_nerve_signs"])
    assert card.first_step == (
        "Call your local emergency number (999) now, or go to the nearest emergency department."
    )
    assert all("911" not in advice for _, advice in card.signs)


def test_every_advice_that_gives_the_24_hour_line_first_words_it_as_the_guidance_does(book: RuleBook) -> None:
    """Otherwise it could not be told without it, and two first steps would be shown."""
    line = book.guidance.first_steps.cancer_team_line
    for flag in book.red_flags:
        assert (flag.first_step == "cancer_team_line") == (line in flag.advice), flag.id
        assert ("24-hour line" in flag.advice) <= (flag.first_step == "cancer_team_line") or (
            flag.urgency.value != "emergency"
        ), flag.id

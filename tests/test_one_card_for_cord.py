"""One card for one pressed spinal cord: a triage nurse's answers file (prostate cancer in the
bones; back pain, band pain, both legs weak and numb, saddle numbness, bladder change) showed
five emergency cards and "Also tell them about: Back or neck pain that needs checking today".
The signs a card `covers` are told within it, with their reasons; the urgency, the first step
and the JSON's list of signs still come from every sign that fired."""

from __future__ import annotations

import datetime
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from metasymptoms.answering.assessment_text import render_markdown
from metasymptoms.answering.emergency import call_handler_lines, emergency_card, still_standing
from metasymptoms.answering.result import blocks
from metasymptoms.answering.summary import clinician_summary
from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.covers import told_within
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer
from metasymptoms.core.loader import LoadedBook, load_book
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.rulebook_doc import rulebook_markdown
from metasymptoms.web.result import view
from tests.helpers import problems_of, relevelled

MADE = datetime.datetime(2026, 11, 25, 14, 3, tzinfo=datetime.UTC)

C01: dict[str, Answer] = {
    "cancer_history": "current",
    "primary_cancer": "prostate",
    "known_spread": "bones",
    "recent_treatment": False,
    "back_pain": True,
    "back_pain_band": True,
    "limb_weakness": ("left_leg", "right_leg"),
    "numbness": True,
    "numbness_both_legs": True,
    "saddle_numbness": True,
    "bladder_bowel_change": True,
    "back_pain_red_features": ("wakes_at_night",),
    "back_pain_severe_progressive": True,
}
CORD = [
    "spinal_cord_compression",
    "nerve_signs_with_cancer",
    "cauda_equina",
    "back_pain_nerve_signs",
    "radicular_pain_with_cancer",
]


def test_one_cord_compression_reads_as_one_card_with_the_most_direct_first_step(book: RuleBook) -> None:
    assessment = assess(book, C01)
    assert assessment.urgency.value == "emergency"
    assert [flag.id for flag in assessment.red_flags][:5] == CORD  # the JSON still lists each
    titles = [block.heading for block in blocks(book, assessment) if block.heading.startswith("EMERGENCY: ")]
    assert titles == ["EMERGENCY: Possible pressure on the spinal cord"]
    headings = [block.heading for block in blocks(book, assessment)]
    assert book.guidance.wording.result.also_tell not in headings
    card = emergency_card(book, CORD)
    assert card.first_step == book.guidance.first_steps.emergency_services  # cauda_equina's, kept
    assert [title for title, _ in card.signs] == ["Possible pressure on the spinal cord"]
    handover = call_handler_lines(book, assessment)
    assert [line for line in handover if line.startswith("Warning sign")] == [
        "Warning sign: Possible pressure on the spinal cord"
    ]


def test_without_cancer_back_pain_weak_legs_and_saddle_numbness_read_as_one_card(book: RuleBook) -> None:
    card = emergency_card(book, ["cauda_equina", "back_pain_nerve_signs"])
    assert [title for title, _ in card.signs] == [
        "Back or neck pain with weak arms or legs, or numbness in both legs"
    ]
    assert card.first_step is None  # one sign, its own advice gives the step


def test_the_clinician_summary_still_lists_every_sign_that_fired(book: RuleBook) -> None:
    assessment = assess(book, C01)
    signs = clinician_summary(book, assessment, MADE).warning_signs
    assert [sign.title for sign in signs] == [flag.title for flag in assessment.red_flags]
    assert len(signs) == 6  # the five emergencies and the urgent back pain, each by name
    text = render_markdown(book, assessment, MADE)
    you = text.split("## For you")[1]
    assert [line for line in you.splitlines() if line.startswith("#### EMERGENCY")] == [
        "#### EMERGENCY: Possible pressure on the spinal cord"
    ]
    assert "needs checking today" not in you  # not listed, as a lower step, under the emergency


def test_the_web_result_page_shows_the_one_card(book: RuleBook) -> None:
    page = view(book, assess(book, C01))
    assert [block["heading"] for block in page["signs"]] == [
        "EMERGENCY: Possible pressure on the spinal cord"
    ]


def test_a_more_urgent_sign_is_never_told_within_a_less_urgent_card(book: RuleBook) -> None:
    # nerve_signs_with_cancer covers cauda_equina; were it lowered to urgent (an edited book),
    # the emergency would keep its own card, never be told under "URGENT"
    lowered = {"nerve_signs_with_cancer": Urgency.URGENT, "cauda_equina": Urgency.EMERGENCY}
    assert told_within(book, lowered) == {}
    same = {"nerve_signs_with_cancer": Urgency.EMERGENCY, "cauda_equina": Urgency.EMERGENCY}
    assert told_within(book, same) == {"cauda_equina": "nerve_signs_with_cancer"}
    # an urgent sign is told within the emergency that covers it, not listed beneath it
    lower = {"radicular_pain_with_cancer": Urgency.EMERGENCY, "spinal_pain_warning": Urgency.URGENT}
    assert told_within(book, lower) == {"spinal_pain_warning": "radicular_pain_with_cancer"}


def test_an_edited_book_that_lowers_a_covering_sign_still_shows_the_emergency_card(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), copy)
    relevelled(copy, "nerve_signs_with_cancer", "emergency", "urgent")
    main(["rules", "check", str(copy)])
    assert "covers" not in capsys.readouterr().out  # allowed: the more urgent keeps its card
    edited = load_book(copy)
    answers: dict[str, Answer] = {"cancer_history": "current", "saddle_numbness": True}
    headings = [block.heading for block in blocks(edited, assess(edited, answers))]
    assert "EMERGENCY: Possible pressure on the nerves at the base of the spine" in headings


def test_covers_of_covers_are_told_in_the_top_card_and_a_loop_keeps_every_card(book: RuleBook) -> None:
    every = {flag_id: Urgency.EMERGENCY for flag_id in ["spinal_cord_compression", "nerve_signs_with_cancer"]}
    every["back_pain_with_numbness"] = Urgency.PROMPT
    assert told_within(book, every) == {
        "nerve_signs_with_cancer": "spinal_cord_compression",
        "back_pain_with_numbness": "spinal_cord_compression",
    }
    # A loop (the loader refuses one) never leaves a sign without a card.
    flags = tuple(
        replace(flag, covers=("cauda_equina",))
        if flag.id == "seizure"
        else replace(flag, covers=("seizure",))
        if flag.id == "cauda_equina"
        else flag
        for flag in book.red_flags
    )
    looped = replace(book, red_flags=flags)
    both = {"seizure": Urgency.EMERGENCY, "cauda_equina": Urgency.EMERGENCY}
    assert told_within(looped, both) == {}


def test_rules_check_refuses_an_unknown_sign_and_a_loop_of_covers(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), copy)
    flags = copy / "red_flags.yaml"
    written = "covers: [back_pain_with_numbness, back_pain_warning_features, back_pain_band_to_check, spinal_pain_warning]"
    edited = "covers: [back_pain_with_numbnes, back_pain_warning_features, back_pain_band_to_check, nerve_signs_with_cancer]"
    flags.write_text(flags.read_text().replace(written, edited, 1))
    assert problems_of(copy) == [
        "rules/red_flags.yaml:97:14: [error] a loop of covers (nerve_signs_with_cancer -> cauda_equina"
        " -> nerve_signs_with_cancer): no card could tell the others (schema)",
        "rules/red_flags.yaml:144:14: [error] 'back_pain_with_numbnes' is not another red flag of this"
        " rule book (did you mean 'back_pain_with_numbness'?) (schema)",
    ]


# How soon is the urgency's own words ("Urgent: get help today"); a name that says it too
# would read, listed under an emergency, as a later step ("needs checking today").
TIMING = ("today", "same-day", "within", "checked", "checking", "soon")


def test_no_sign_below_an_emergency_is_named_with_a_timing_of_its_own(book: RuleBook) -> None:
    for flag in book.red_flags:  # the combinations too
        if flag.urgency is not Urgency.EMERGENCY:
            assert not any(word in flag.title.lower() for word in TIMING), flag.id


def test_an_urgent_back_pain_under_another_emergency_is_named_for_the_people_who_see_them(
    book: RuleBook,
) -> None:
    answers: dict[str, Answer] = {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "fever": True,
        "back_pain": True,
        "back_pain_red_features": ("wakes_at_night",),
    }
    also = next(
        block for block in blocks(book, assess(book, answers)) if block.heading == "Also tell them about"
    )
    assert "New back or neck pain with warning features or cancer in the bones" in also.items


def test_a_kept_emergency_stands_and_a_sign_that_still_holds_keeps_its_own_card(book: RuleBook) -> None:
    # Weak legs were answered, the emergency shown, then the answer changed back. The kept
    # emergency no longer holds, so the urgent back pain that does is not told within its card
    # (a nurse read its reasons as the emergency's, and no line said back pain with cancer
    # still needs a check within 24 hours): it is named for the people who help, with its own
    # reasons.
    answers: dict[str, Answer] = {
        "cancer_history": "current",
        "back_pain": True,
        "back_pain_red_features": ("wakes_at_night",),
        "limb_weakness": (),
    }
    assessment = still_standing(book, assess(book, answers), ["spinal_cord_compression"])
    assert [(flag.id, flag.kept) for flag in assessment.red_flags] == [
        ("spinal_cord_compression", True),
        ("spinal_pain_warning", False),
    ]
    shown = blocks(book, assessment)
    assert [block.heading for block in shown if block.level == 3][:1] == [
        "EMERGENCY: Possible pressure on the spinal cord"
    ]
    also = next(block for block in shown if block.heading == book.guidance.wording.result.also_tell)
    assert "New back or neck pain with warning features or cancer in the bones" in also.items
    why = next(block for block in shown if block.heading == book.guidance.wording.result.why_these_signs)
    assert why.items[0] == (
        "Possible pressure on the spinal cord: You reported this earlier, then changed that answer."
        " The advice to get help now still stands."
    )
    assert why.items[1].startswith(
        "New back or neck pain with warning features or cancer in the bones: Because you reported new back"
    )


def test_the_rule_book_document_names_the_signs_a_card_tells(shipped: LoadedBook) -> None:
    text = rulebook_markdown(shipped)
    assert "- **Tells within its card:** [cauda\\_equina](#red-flag-cauda_equina)\n" in text

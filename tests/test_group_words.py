"""How `rules diff` names a group of answers to a reviewer, kind by kind (each kind's
`value_words`): a number's intervals between the values the rules tell apart, a choice's
"anything but", a yes/no finding's "no, or not sure", a "which of these" answer's choices.
The words are the reviewer's, exactly as the diff prints them after "When ...". Findings of
the shipped book; the answers are those the diff's search walks (a kind's representatives)."""

from __future__ import annotations

import pytest

from metasymptoms.core.kinds import UNSURE, kind_of
from metasymptoms.core.model import RuleBook

# A temperature cut where the rules tell 37.5 and 39 °C apart: the diff's groups are made of
# the lowest value of each interval (30, the plausible minimum), then not measured, not sure.
TEMPERATURES = [30.0, 37.5, 39.0, None, UNSURE]


def words(book: RuleBook, finding_id: str, values: list, domain: list) -> str:
    finding = book.finding(finding_id)
    return kind_of(finding).value_words(finding, values, domain)


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ([30.0], "below 37.5"),
        ([37.5], "37.5 or more but below 39"),
        ([39.0], "39 or more"),
        ([30.0, 37.5], "below 39"),
        ([37.5, 39.0], "37.5 or more"),
        ([30.0, 37.5, 39.0], "any number"),
        ([30.0, 39.0], "below 37.5, or 39 or more"),
        ([None], "not measured"),
        ([UNSURE], "not sure"),
        ([None, UNSURE], "not measured, or not sure"),
        ([39.0, None, UNSURE], "39 or more, not measured, or not sure"),
        ([30.0, 39.0, None], "below 37.5, 39 or more, or not measured"),
        ([37.5, UNSURE], "37.5 or more but below 39, or not sure"),
    ],
)
def test_a_number_is_told_by_its_intervals(book: RuleBook, values: list, said: str) -> None:
    assert words(book, "temperature", values, TEMPERATURES) == f"your measured temperature: {said}"


def test_a_number_the_rules_never_cut_is_any_number(book: RuleBook) -> None:
    domain = [0.0, None, UNSURE]
    assert words(book, "vomiting_times", [0.0], domain) == "being sick several times in 24 hours: any number"
    # A cut with decimals is written as the rule gave it, with no trailing zeros.
    said = words(book, "temperature", [37.25], [30.0, 37.25, None, UNSURE])
    assert said == "your measured temperature: 37.25 or more"


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ([True], "new back or neck pain"),
        ([False], "no new back or neck pain"),
        ([UNSURE], "not sure about new back or neck pain"),
        ([False, UNSURE], "not new back or neck pain (no, or not sure)"),
        ([UNSURE, False], "not new back or neck pain (no, or not sure)"),
        ([True, UNSURE], "new back or neck pain (yes, or not sure)"),
    ],
)
def test_a_yes_no_finding_is_told_by_its_answer(book: RuleBook, values: list, said: str) -> None:
    assert words(book, "back_pain", values, [True, False, UNSURE]) == said


def test_a_finding_whose_label_says_not_is_never_negated_twice(book: RuleBook) -> None:
    from metasymptoms.core.kinds_base import no_words

    assert book.finding("cannot_keep_fluids").label == "not being able to keep fluids down"
    said = words(book, "cannot_keep_fluids", [False, UNSURE], [True, False, UNSURE])
    assert said == "not being able to keep fluids down: no, or not sure"
    assert no_words("not being able to keep fluids down") == "not being able to keep fluids down: no"
    assert no_words("a new skin rash") == "no new skin rash"


def test_no_words_drop_an_article_or_say_not() -> None:
    from metasymptoms.core.kinds_base import no_words

    assert no_words("a new lump") == "no new lump"
    assert no_words("an ache") == "no ache"
    assert no_words("the cancer you were told of") == "not the cancer you were told of"
    assert no_words("your measured temperature") == "not your measured temperature"
    assert no_words("anaemia") == "no anaemia"  # "an" only as a word of its own


SPREAD = ["none", "bones", "elsewhere", "unsure"]


@pytest.mark.parametrize(
    ("values", "said"),
    [
        (["bones"], '"Yes, to the bones (with or without other places)"'),
        (
            ["bones", "elsewhere"],
            '"Yes, to the bones (with or without other places)" or "Yes, but not to the bones"',
        ),
        (["none", "bones", "unsure"], 'anything but "Yes, but not to the bones"'),
    ],
)
def test_a_choice_is_told_by_its_choices_words(book: RuleBook, values: list, said: str) -> None:
    assert words(book, "known_spread", values, SPREAD) == f"what you were told about spread: {said}"


def test_two_of_three_choices_are_told_as_anything_but_the_third(book: RuleBook) -> None:
    said = words(book, "known_spread", ["none", "bones"], ["none", "bones", "elsewhere"])
    assert said == 'what you were told about spread: anything but "Yes, but not to the bones"'


def test_one_of_two_choices_is_named_not_told_as_anything_but(book: RuleBook) -> None:
    # Of two choices, the one chosen is named; "anything but" is for all but one of several.
    said = words(book, "known_spread", ["bones"], ["none", "bones"])
    assert said == 'what you were told about spread: "Yes, to the bones (with or without other places)"'


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ([False], "None of these"),
        ([UNSURE], "Not sure"),
        ([True], "Yes (not said which)"),
        ([("wakes_at_night",)], "wakes at night"),
        (
            [("wakes_at_night", "upper_back_or_neck"), False],
            "wakes at night; in the upper or middle back, or the neck or None of these",
        ),
        ([None, UNSURE], "Not sure"),  # not given is not said: a "which of these" is never unset
    ],
)
def test_a_which_of_these_answer_is_told_by_its_choices(book: RuleBook, values: list, said: str) -> None:
    label = book.finding("back_pain_red_features").label
    assert words(book, "back_pain_red_features", values, []) == f"{label}: {said}"


def test_the_values_searched_are_the_lowest_of_each_interval_the_maximum_too(book: RuleBook) -> None:
    """The search tries the lowest value of each interval the rules' thresholds make within
    the plausible range (30 to 44 °C): a threshold at the maximum itself (`at_least: 44`)
    is tried too, so a sign that fires only there is still found; one beyond it, or at or
    below the minimum, makes no interval."""
    finding = book.finding("temperature")
    searched = kind_of(finding).representatives(finding, [39, 37.5, 44, 45, 30, 39])
    assert searched == [30.0, 37.5, 39.0, 44.0, None, UNSURE]

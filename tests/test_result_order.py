"""Every format of the result, in the order a worried person needs: how soon and what to
do first, and again as the very last words (never "take care"); nothing reassuring under
urgent or emergency advice."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from metasymptoms.answering.assessment_html import render_html
from metasymptoms.answering.assessment_json import render_json
from metasymptoms.answering.assessment_text import render_markdown, render_text
from metasymptoms.answering.emergency import action
from metasymptoms.answering.result import result
from metasymptoms.core.answers import check_answers
from metasymptoms.core.covers import told_within
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook, Urgency
from tests.helpers import read_more, urgency_headings
from tests.test_cases import CASES as GOLDEN

URGENT_BACK_PAIN = {
    "cancer_history": "past",
    "primary_cancer": "breast",
    "known_spread": "none",
    "recent_treatment": False,
    "back_pain": True,
    "back_pain_red_features": True,
}
CASES = {
    "routine": {"cancer_history": "none"},
    "soon": {"cancer_history": "none", "back_pain": True, "numbness": True},
    "urgent": URGENT_BACK_PAIN,
    "urgent without cancer": {"cancer_history": "none", "jaundice": True},
    "emergency": {"cancer_history": "current", "back_pain": True, "limb_weakness": True},
}


def words(text: str) -> str:
    return " ".join(text.split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_words(page: str) -> str:
    parser = _Text()
    parser.feed(page.split("<body>", 1)[1])
    return words(" ".join(parser.parts))


def ending_words(book: RuleBook, answers: dict) -> tuple[str, str]:
    assessment = assess(book, answers)
    what = action(book) if assessment.urgency is Urgency.EMERGENCY else assessment.advice
    return urgency_headings()[assessment.urgency], words(what)


def said_first(book: RuleBook, case: str) -> str:
    """The routine case reports nothing, and its ending says so before what to do."""
    return f"{book.guidance.nothing_reported} " if case == "routine" else ""


@pytest.mark.parametrize("case", CASES)
def test_every_format_ends_with_how_soon_and_what_to_do(book: RuleBook, case: str) -> None:
    answers = CASES[case]
    assessment = assess(book, answers)
    heading, what = ending_words(book, answers)
    said = said_first(book, case)
    assert words(render_text(book, assessment)).endswith(
        f"{heading.upper()} {'=' * len(heading)} {said}{what}"
    )
    assert words(render_markdown(book, assessment)).endswith(f"### {heading} {said}{what}")
    assert html_words(render_html(book, assessment)).endswith(f"{heading} {said}{what}")
    data = json.loads(render_json(book, assessment))
    assert list(data)[-1] == "ending"
    assert data["ending"]["heading"] == heading and words(data["ending"]["what_to_do"]) == what
    assert data["ending"]["about_your_answers"] == (said.strip() or None)
    for text in (render_text(book, assessment), render_markdown(book, assessment)):
        assert "take care" not in text.lower()


@pytest.mark.parametrize("case", CASES)
def test_how_soon_and_the_warning_signs_advice_come_first(book: RuleBook, case: str) -> None:
    assessment = assess(book, CASES[case])
    first = result(book, assessment).first
    assert first[0].heading == urgency_headings()[assessment.urgency]
    advised = [paragraph for block in first for paragraph in block.paragraphs]
    within = told_within(book, {flag.id: flag.urgency for flag in assessment.red_flags})
    for flag in assessment.red_flags:
        # its advice (without a second first step), or that of the card it is told within: a
        # person with cancer, back pain and weak legs reads one card for one pressed cord
        card = book.red_flag(within.get(flag.id, flag.id))
        if flag.urgency is assessment.urgency:
            assert any(paragraph.startswith(card.advice.split(". ")[0]) for paragraph in advised)
    if case == "emergency":
        assert [block.heading for block in first[1:]] == ["EMERGENCY: Possible pressure on the spinal cord"]
    text = render_text(book, assessment)
    assert text.index(urgency_headings()[assessment.urgency].upper()) < text.index("SOURCES")


@pytest.mark.parametrize("case", ["urgent", "urgent without cancer", "emergency"])
def test_nothing_reassuring_under_urgent_or_emergency_advice(book: RuleBook, case: str) -> None:
    assessment = assess(book, CASES[case])
    guidance = book.guidance
    for render in (render_text, render_markdown, render_html):
        text = words(render(book, assessment))
        for reassuring in (
            guidance.with_cancer,
            guidance.without_cancer,
            guidance.common_causes,
            guidance.without_cancer_support,
        ):
            assert words(reassuring) not in text
        assert not re.search(r"[Mm]ost [a-z ]+ ha(s|ve) other causes", text), render.__name__
        assert "keep your follow-up appointments" not in text
        # a less urgent sign is named, its own softer advice ("usually settles") is not
        for flag in assessment.red_flags:
            if flag.urgency.rank < assessment.urgency.rank:
                assert words(flag.advice) not in text


@pytest.mark.parametrize("width", [60, 80])
def test_a_number_is_never_split_from_its_unit_on_the_result_screen(book: RuleBook, width: int) -> None:
    import io
    import itertools

    from metasymptoms.answering.prompter import PlainPrompter
    from metasymptoms.answering.result_screen import show_result

    answers = {"cancer_history": "current", "recent_treatment": True, "temperature": 35.5}
    assessment = assess(book, answers)
    out = io.StringIO()
    show_result(PlainPrompter(book.guidance.wording, stdout=out, width=width), book, assessment)
    lines = out.getvalue().splitlines()
    assert any("°C" in line for line in lines)
    for line, after in itertools.pairwise(lines):
        assert not after.lstrip().startswith(("°C", "°F", "°")), (line, after)
        assert not after.lstrip().startswith(("/ 999", "999 /", "112)")), (line, after)
    text = render_text(book, assessment).splitlines()
    assert not any(line.lstrip().startswith("°") for line in text)


def test_wrap_keeps_a_number_with_its_unit() -> None:
    from metasymptoms.answering.prompter import wrap

    assert wrap("a reading of 37.5 °C today", 16) == ["a reading of", "37.5 °C today"]
    assert wrap("typed as 101.3 F", 14) == ["typed as", "101.3 F"]


@pytest.mark.parametrize("case", GOLDEN, ids=[case["name"] for case in GOLDEN])
def test_the_first_part_fits_an_80x24_screen_with_the_key_line(book: RuleBook, case: dict) -> None:
    """Laid out as the arrow-key questions draw it, at 80 columns: how soon and every
    warning sign's advice, then "Enter: read more; ...", in at most 24 rows."""
    import io

    from metasymptoms.answering.interview import ArrowKeyPrompter
    from metasymptoms.answering.result_screen import show_first

    assessment = assess(book, check_answers(book, case["answers"]))
    out = io.StringIO()
    show_first(ArrowKeyPrompter(book.guidance.wording, stdout=out, width=80), result(book, assessment).first)
    rows = [*out.getvalue().splitlines(), "", read_more()]
    assert len(rows) <= 24, "\n".join(rows)
    shown = words("\n".join(rows))
    assert urgency_headings()[assessment.urgency] in shown
    for block in result(book, assessment).first:
        for paragraph in block.paragraphs:
            assert words(paragraph) in shown


def test_the_strongest_same_day_advice_comes_first(book: RuleBook) -> None:
    # A triage nurse read "a review within 24 hours" (amber) before "be seen in person today"
    # (red): under one urgency, the signs that together need a same-day check come first, then
    # each red, then each amber, in every format (they share the result's blocks).
    answers = {
        "cancer_history": "current",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "nausea_vomiting": True,
        "vomiting_times": 3.0,
        "new_rash": True,
        "bleeding": True,
    }
    first = result(book, assess(book, answers)).first
    assert [block.heading for block in first] == [
        "Urgent: get help today",
        "Urgent: Two or more signs together during treatment",
        "Urgent: New bleeding or bruising during treatment",
        "Urgent: Being sick 3 to 5 times in 24 hours during treatment",
        "Urgent: A new rash during treatment",
        "Also tell them about",
    ]

"""Wording a new user's trial found wrong: a refusal whose suggestion contradicted itself,
source keys ([CRUK-MSCC]) in a person's result, and the routine advice sending the person
to their provider twice in a row."""

from __future__ import annotations

import re
from pathlib import Path

from metasymptoms.answering.assessment_html import render_html
from metasymptoms.answering.assessment_text import render_text
from metasymptoms.answering.formats import renderer
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook, Urgency
from tests.helpers import run_main

CORD = {
    "cancer_history": "current",
    "primary_cancer": "breast",
    "back_pain": True,
    "limb_weakness": ("left_leg",),
}


def test_none_in_a_list_of_choices_is_refused_without_contradicting_itself(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("cancer_history: current\nback_pain: yes\nlimb_weakness: [left_leg, none]\n")
    done = run_main("ask", "--answers", str(path))
    assert done.returncode == 2
    assert done.stderr == (
        f"metasymptoms: {path}:3:16: 'none' cannot go in a list with other answers; write "
        "'limb_weakness: none' on its own, or a list of only the choices that apply "
        "(left_leg, right_leg, arms, walking)\n"
    )


def test_none_alone_in_a_list_is_none_of_them(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("cancer_history: current\nback_pain: yes\nlimb_weakness: [none]\n")
    done = run_main("ask", "--answers", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr


def test_a_persons_result_names_its_sources_by_title_never_by_key(book: RuleBook) -> None:
    assessment = assess(book, CORD)
    keys = [re.escape(f"[{source.id}]") for source in book.sources]
    pattern = re.compile("|".join(keys))
    for text in (
        render_text(book, assessment),
        renderer("markdown")(book, assessment),
        render_html(book, assessment),
    ):
        assert pattern.search(text) is None, pattern.search(text)
    assert '- NICE, "NG234: Spinal metastases' in renderer("markdown")(book, assessment)


def test_the_routine_advice_sends_to_the_provider_once(book: RuleBook) -> None:
    assessment = assess(book, {"cancer_history": "none", "fatigue": False})
    assert assessment.urgency is Urgency.ROUTINE
    assert assessment.advice == (
        "This result does not rule anything out. Please see your healthcare provider about any "
        "symptom that is new, that worries you, or that lasts or gets worse."
    )
    assert assessment.advice.count("provider") == 1

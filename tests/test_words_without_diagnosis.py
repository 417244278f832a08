"""What a person with no cancer diagnosis reads, in every output format: never a care team
they do not have, never spread, outlook, survival or the end of life (a triage nurse found
"Contact your care team" in the jaundice advice given to such a person).

A sweep, not a sample: every yes/no symptom said "yes" and "not sure" alone, every choice of
a "which of these" question, counts and temperatures, each with "no", "yes" and "not sure" to
treatment, then a few hundred mixtures (a fixed seed), each rendered as text, markdown, HTML
and JSON. "Spread" may be said only of pain or numbness that spreads.
"""

from __future__ import annotations

import random
import re

import pytest

from metasymptoms.answering.formats import renderer
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook

FORMATS = ("text", "markdown", "html", "json")
NEVER = (
    "care team",
    "metasta",
    "outlook",
    "survival",
    "end of life",
    "palliative",
    "hospice",
    "legal document",
    "not your fault",
)
# "Spread" of a symptom, never of cancer: chest pain that spreads to the arms, back pain that
# spreads around the body, numbness that spreads to both legs.
SYMPTOM_SPREADS = re.compile(
    r"(pain|numbness) (that )?spreads|spreads (to (the|your) arms|around)|crushing, spreads|"
    r"spreads, comes with"
)
ABOUT_YOU = (
    "cancer_history",
    "primary_cancer",
    "known_spread",
    "wants_outlook_questions",
    "recent_treatment",
)


def answer_sets(book: RuleBook) -> list[dict[str, Answer]]:
    yes_no = [f.id for f in book.findings if f.type == "yes_no" and f.id not in ABOUT_YOU]
    sets: list[dict[str, Answer]] = []
    for treatment in (False, True, UNSURE):
        base: dict[str, Answer] = {"cancer_history": "none", "recent_treatment": treatment}
        sets.append(dict(base))
        sets += [{**base, finding: value} for finding in yes_no for value in (True, UNSURE)]
        for finding in book.findings:
            if finding.type == "several":
                sets += [{**base, finding.id: (choice.value,)} for choice in finding.choices]
        sets += [{**base, "nausea_vomiting": True, "vomiting_times": n} for n in (1, 3, 4, 6, 9)]
        sets += [{**base, "diarrhoea": True, "diarrhoea_times": n} for n in (2, 4, 7)]
        sets += [{**base, "fever": True, "temperature": t} for t in (35.2, 37.0, 38.3, 40.1)]
    draw = random.Random(20261206)
    for _ in range(300):
        mixture: dict[str, Answer] = {
            "cancer_history": "none",
            "recent_treatment": draw.choice([True, False, UNSURE]),
        }
        mixture.update({finding: draw.choice([True, True, UNSURE]) for finding in draw.sample(yes_no, 5)})
        sets.append(mixture)
    return sets


def unsaid(text: str) -> list[str]:
    """The forbidden words in `text`, and each "spread" that is not a symptom's."""
    lowered = " ".join(text.lower().split())
    found = [word for word in NEVER if word in lowered]
    for match in re.finditer("spread", lowered):
        around = lowered[max(0, match.start() - 30) : match.end() + 30]
        if not SYMPTOM_SPREADS.search(around):
            found.append(around)
    return found


def test_the_sweep_reaches_the_advice_that_once_named_a_care_team(book: RuleBook) -> None:
    """The answer sets reach each warning sign whose advice said "your care team"."""
    fired = {flag.id for answers in answer_sets(book) for flag in assess(book, answers).red_flags}
    assert {
        "jaundice",
        "coughing_blood_streaks",
        "breathlessness_worsening",
        "no_stool_or_wind",
        "back_pain_with_fever_or_weight_loss",
    } <= fired


@pytest.mark.parametrize("result_format", FORMATS)
def test_a_person_with_no_diagnosis_never_reads_of_a_care_team_spread_or_outlook(
    book: RuleBook, result_format: str
) -> None:
    render = renderer(result_format)
    told = {}
    for answers in answer_sets(book):
        found = unsaid(render(book, assess(book, answers)))
        if found:
            told[repr(answers)] = found
    assert told == {}

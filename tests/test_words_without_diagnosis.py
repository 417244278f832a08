"""What a person with no cancer diagnosis reads, in every output format: never a care team
they do not have, never spread, outlook, survival or the end of life (a triage nurse found
"Contact your care team" in the jaundice advice given to such a person, and later "or your
cancer team if you have one" in seven signs' advice: open finding 3).

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
from metasymptoms.core.engine import Assessment, assess
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook

FORMATS = ("text", "markdown", "html", "json")
NEVER = (
    "care team",
    "cancer team",
    "metasta",
    "outlook",
    "survival",
    "end of life",
    "palliative",
    "hospice",
    "legal document",
    "not your fault",
    "during cancer treatment",
)
# A person on steroid tablets for asthma may have no team treating them: its 24-hour line is
# named only beside whom to call without one ("..., or a doctor if you have none").
TEAM_LINE = re.compile(r"team treating you(?![^:.]{0,40} if you have none)")
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
# Enter at each kind of treatment, after "yes" to treatment, records "not sure" (the terminal).
KINDS_NOT_SURE: dict[str, Answer] = {
    kind: UNSURE for kind in ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line")
}


def answer_sets(book: RuleBook) -> list[dict[str, Answer]]:
    yes_no = [f.id for f in book.findings if f.type == "yes_no" and f.id not in ABOUT_YOU]
    sets: list[dict[str, Answer]] = []
    bases: list[dict[str, Answer]] = [
        {"recent_treatment": treatment} for treatment in (False, True, UNSURE)
    ] + [{"recent_treatment": True, **KINDS_NOT_SURE}]
    for about_treatment in bases:
        base: dict[str, Answer] = {"cancer_history": "none", **about_treatment}
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


@pytest.fixture(scope="module")
def assessed(book: RuleBook) -> list[tuple[dict[str, Answer], Assessment]]:
    """Each answer set with its assessment, made once for every test of the module (each
    renders it, or reads its warning signs)."""
    return [(answers, assess(book, answers)) for answers in answer_sets(book)]


def unsaid(text: str) -> list[str]:
    """The forbidden words in `text`, and each "spread" that is not a symptom's."""
    lowered = " ".join(text.lower().split())
    found = [word for word in NEVER if word in lowered]
    found += [lowered[match.start() : match.end() + 60] for match in TEAM_LINE.finditer(lowered)]
    for match in re.finditer("spread", lowered):
        around = lowered[max(0, match.start() - 30) : match.end() + 30]
        if not SYMPTOM_SPREADS.search(around):
            found.append(around)
    return found


def test_the_sweep_reaches_the_advice_that_once_named_a_care_team(
    assessed: list[tuple[dict[str, Answer], Assessment]],
) -> None:
    """The answer sets reach the card, for a person with no diagnosis, of each warning sign
    whose advice said "your care team" or "your cancer team if you have one"."""
    fired = {flag.id for _, assessment in assessed for flag in assessment.red_flags}
    assert {f"{sign}_no_cancer_diagnosis" for sign in CANCER_TEAM_SIGNS} <= fired


def test_the_sweep_reaches_the_signs_on_treatment_after_enter_at_the_kinds(
    assessed: list[tuple[dict[str, Answer], Assessment]],
) -> None:
    """Steroid tablets for asthma, "yes" to treatment and Enter at the kinds of treatment: the
    signs on treatment, once written for a person with a cancer team, are among those shown."""
    fired = {flag.id for _, assessment in assessed for flag in assessment.red_flags}
    assert {
        "vomiting_on_treatment",
        "vomiting_on_treatment_severe",
        "vomiting_on_treatment_uncounted",
        "diarrhoea_on_treatment",
        "diarrhoea_on_treatment_severe",
        "diarrhoea_on_treatment_uncounted",
        "bleeding_on_treatment",
        "sore_mouth_on_treatment",
        "rash_on_treatment",
        "chest_pain_emergency",
    } <= fired


def test_being_sick_on_steroids_without_a_diagnosis_names_a_doctor_beside_the_24_hour_line(
    book: RuleBook,
) -> None:
    answers: dict[str, Answer] = {
        "cancer_history": "none",
        "recent_treatment": True,
        **KINDS_NOT_SURE,
        "on_steroids": True,
        "nausea_vomiting": True,
    }
    (flag,) = assess(book, answers).red_flags
    assert flag.title == "Being sick during treatment"
    assert " ".join(flag.advice.split()).startswith(
        "Call the 24-hour line of the team treating you today, or a doctor if you have none: being"
        " sick during treatment needs a review within 24 hours."
    )


@pytest.mark.parametrize("result_format", FORMATS)
def test_a_person_with_no_diagnosis_never_reads_of_a_care_team_spread_or_outlook(
    book: RuleBook, assessed: list[tuple[dict[str, Answer], Assessment]], result_format: str
) -> None:
    render = renderer(result_format)
    told = {}
    for answers, assessment in assessed:
        found = unsaid(render(book, assessment))
        if found:
            told[repr(answers)] = found
    assert told == {}


# The signs whose advice told a person with no cancer diagnosis "...or your cancer team if you
# have one" (open finding 3): the answers that show each, the words its card for that person
# says instead, and the sentence that tells when it becomes an emergency (None where the
# sign has none), which both cards say word for word.
CANCER_TEAM_SIGNS = {
    "jaundice": (
        {"jaundice": True},
        "should be checked today: contact a doctor, urgent care or a nurse line today. Its causes"
        " include gallstones, hepatitis (an inflamed liver) and liver damage from alcohol",
        "If you also have a fever, shivering or feel very unwell, it is an emergency: call your"
        " local emergency number",
    ),
    "coughing_blood_streaks": (
        {"coughing_blood": True},
        "contact a doctor or a nurse line today. Common causes include a long or hard cough and a"
        " chest infection",
        "If you cough up more blood, or become breathless, call your local emergency number",
    ),
    "breathlessness_worsening": (
        {"shortness_of_breath": True},
        "contact a doctor, urgent care or a nurse line today. A chest infection is a common cause;"
        " a lung problem such as asthma, or a heart problem, can cause it too",
        None,
    ),
    "cannot_keep_fluids_down": (
        {"cannot_keep_fluids": True},
        "It is often from a stomach bug (gastroenteritis), and it should be checked today:"
        " contact a doctor, urgent care or a nurse line today.",
        None,
    ),
    "no_stool_or_wind": (
        {"no_stool_or_wind": True},
        "contact a doctor, urgent care or a nurse line today. A provider will want to check that"
        " the bowel is not blocked, which can happen for many reasons, such as scar tissue from an"
        " operation on the belly, or a hernia.",
        "If you start vomiting, have cramping belly pain or a swollen belly, it is an emergency:"
        " call your local emergency number",
    ),
    "headache_stiff_neck": (
        {"headache": True, "stiff_neck": True, "fever": False},
        "Get an urgent doctor's appointment today, or call a nurse advice line, about a headache"
        " with a stiff neck. Headaches are often caused by stress or bad posture, but with a stiff"
        " neck a provider should check for an infection such as meningitis.",
        "If you also have a fever, treat it as an emergency: call your local emergency number",
    ),
    "back_pain_with_fever_or_weight_loss": (
        {"back_pain": True, "weight_loss": True},
        "contact a doctor for an urgent appointment, or call a nurse advice line. A provider will"
        " look for the cause, such as an infection.",
        None,
    ),
}


def _card(book: RuleBook, answers: dict[str, Answer], sign: str) -> tuple[Assessment, str, str]:
    """The assessment, and the id and advice (on one line) of the card titled as `sign` is."""
    title = next(flag.title for flag in book.red_flags if flag.id == sign)
    assessment = assess(book, answers)
    (card,) = [flag for flag in assessment.red_flags if flag.title == title]
    return assessment, card.id, " ".join(card.advice.split())


@pytest.mark.parametrize("sign", CANCER_TEAM_SIGNS)
def test_a_person_with_no_diagnosis_is_sent_to_a_doctor_not_a_cancer_team(book: RuleBook, sign: str) -> None:
    symptoms, instead, emergency = CANCER_TEAM_SIGNS[sign]
    assessment, card, advice = _card(book, {"cancer_history": "none", **symptoms}, sign)
    assert card == f"{sign}_no_cancer_diagnosis"
    assert assessment.urgency.value == "urgent"
    assert instead in advice
    assert "cancer" not in advice.lower() and "spread" not in advice.lower()
    if emergency is not None:
        assert emergency in advice


@pytest.mark.parametrize("history", ["current", "past", "unsure"])
@pytest.mark.parametrize("sign", CANCER_TEAM_SIGNS)
def test_a_person_with_cancer_or_not_sure_keeps_the_card_naming_their_cancer_team(
    book: RuleBook, sign: str, history: str
) -> None:
    symptoms, instead, emergency = CANCER_TEAM_SIGNS[sign]
    answers: dict[str, Answer] = {"cancer_history": history, "recent_treatment": False, **symptoms}
    if history != "unsure":
        answers |= {"primary_cancer": "breast", "known_spread": "none"}
    assessment, card, advice = _card(book, answers, sign)
    assert card == sign
    assert assessment.urgency.value == "urgent"
    assert "cancer team" in advice and instead not in advice
    if emergency is not None:
        assert emergency in advice

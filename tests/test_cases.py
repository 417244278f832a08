"""The golden cases: five first example cases, and more written from docs/clinical-basis.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from metasymptoms.core.answers import check_answers
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook
from metasymptoms.core.numbers import for_country

# Read by libyaml where it is installed, as the program reads the rule book (PyYAML's Python
# reader took a tenth of a second of each test process's collection); test_questionnaire and
# test_result_order parametrize with these too.
CASES: list[dict[str, Any]] = yaml.load(
    (Path(__file__).parent / "golden" / "cases.yaml").read_text(),
    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
)


@pytest.fixture(scope="module")
def gb_book(shipped: LoadedBook) -> RuleBook:
    """The shipped book as a person in the UK reads it (`--country GB`, as `load_book` makes
    it), made once for the module: a rule book load each was two thirds of these tests' time."""
    return for_country(shipped, "GB")


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_golden_case(book: RuleBook, case: dict[str, Any]) -> None:
    assessment = assess(book, check_answers(book, case["answers"]))
    assert assessment.urgency.value == case["urgency"]
    assert [site.id for site in assessment.sites] == case["sites"]
    shown = [flag.id for flag in assessment.red_flags]
    assert [flag for flag in case["flags"] if flag not in shown] == []
    assert [flag for flag in case.get("not_flags", []) if flag in shown] == []
    if not case["flags"]:
        assert shown == []
    if "outlook" in case:  # the questions about what lies ahead (fact 41)
        assert assessment.outlook is case["outlook"]


def test_example_4_explains_glands_are_usually_infection(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_text import render_text

    answers = {"cancer_history": "none", "swollen_lymph_node": True, "recent_infection": True}
    text = " ".join(render_text(book, assess(book, answers)).split())
    assert "usually a sign that the body is fighting an infection" in text
    assert "See a doctor if the lump is growing, has not gone down after about a week" in text
    assert "symptoms a provider may want to check" in text
    assert "often have common causes" in text


def test_example_5_lists_common_sites_and_asks_to_report_new_symptoms(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_json import assessment_data
    from metasymptoms.answering.assessment_text import render_text

    assessment = assess(book, {"cancer_history": "past", "primary_cancer": "breast"})
    data = assessment_data(book, assessment)
    assert data["sites"] == []
    assert data["primary_cancer"] == {"id": "breast", "common_sites": ["bones", "brain", "liver", "lungs"]}
    text = " ".join(render_text(book, assessment).split())
    assert "Tell your care team about any new symptom, and keep your follow-up appointments" in text


def test_less_urgent_signs_are_named_without_their_own_timing(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_text import render_text

    answers = {"cancer_history": "past", "back_pain": True, "back_pain_red_features": True, "fatigue": True}
    assessment = assess(book, answers)
    assert [flag.urgency.value for flag in assessment.red_flags] == ["urgent", "prompt"]
    text = render_text(book, assessment)
    assert "Urgent: New back or neck pain with warning features or cancer in the bones\n" in text
    assert "Also tell them about\n  - A new symptom to tell a care team or doctor about\n" in text
    assert "within the next few days, even if you have a follow-up" not in text  # that flag's own timing


def test_the_sources_of_a_result_give_whole_web_addresses(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_text import render_text

    answers = {"cancer_history": "current", "abdominal_swelling": True}
    lines = render_text(book, assess(book, answers)).splitlines()
    # A long address stays on one line, unbroken at its hyphens, so it can be copied; too long
    # for the line, it is on its own line at the list's indent and runs past the right edge.
    assert (
        "    https://www.bowelcanceruk.org.uk/about-bowel-cancer/advanced-bowel-cancer/"
        "treating-advanced-bowel-cancer/spread-to-the-peritoneum/"
    ) in lines
    assert '  - Cancer Research UK, "Fluid in the abdomen (ascites)",' in lines


@pytest.mark.parametrize(
    "answers",
    [
        # past breast cancer in the bones, back pain like a band: an emergency with a site
        {
            "cancer_history": "past",
            "primary_cancer": "breast",
            "known_spread": "bones",
            "back_pain": True,
            "back_pain_band": True,
        },
        # no cancer, on steroids, a fever: an emergency for a person without a diagnosis
        {"cancer_history": "none", "recent_treatment": True, "on_steroids": True, "temperature": 38.1},
    ],
    ids=["with cancer, a site matched", "without a diagnosis"],
)
def test_nothing_routine_or_reassuring_follows_emergency_advice(
    book: RuleBook, answers: dict[str, Any]
) -> None:
    from metasymptoms.answering.assessment_text import render_text

    assessment = assess(book, check_answers(book, answers))
    assert assessment.urgency.value == "emergency"
    text = " ".join(render_text(book, assessment).split())
    assert text.startswith(
        "metasymptoms: what your answers point to EMERGENCY: GET HELP NOW ======================= "
        "Get help now: do straight away what the warning sign below says."
    )
    for routine in (
        "Questions you may want to ask",
        "Support",
        "Waiting for a check can be worrying",
        "When should I come back",
        "follow-up appointments",
        "Most back pain has other causes",
        "other causes",
        "outlook",
        "survival",
        "cancer team's 24-hour line first",
    ):
        assert routine not in text, routine


def test_cancer_now_or_past_with_treatment_left_out_reads_it_as_not_sure(book: RuleBook) -> None:
    # fact 39 in docs/clinical-basis.md: the safer reading of a treatment left out.
    left_out = assess(book, check_answers(book, {"cancer_history": "current", "fever": "yes"}))
    assert left_out.unsure == ("primary_cancer", "known_spread", "recent_treatment")  # all left out
    assert "fever_on_chemotherapy" in [flag.id for flag in left_out.red_flags]
    assert left_out.answers == {"cancer_history": "current", "fever": True}  # as given, not as read
    given = assess(book, check_answers(book, {"cancer_history": "current", "recent_treatment": "no"}))
    assert given.unsure == ("primary_cancer", "known_spread")  # the treatment given; the rest left out
    # A new user's trial: after a past cancer, treatment left out was read as "no", and a
    # fever was only "within days"; treatment can go on after a past cancer.
    past = assess(book, check_answers(book, {"cancer_history": "past", "fever": "yes"}))
    assert past.unsure == ("primary_cancer", "known_spread", "recent_treatment")
    assert past.urgency.value == "emergency"
    assert "fever_on_chemotherapy" in [flag.id for flag in past.red_flags]
    # Only "no cancer" reads it as no treatment.
    none = assess(book, check_answers(book, {"cancer_history": "none", "fever": "yes"}))
    assert none.unsure == () and none.urgency.value == "routine"


def test_a_primary_left_out_is_read_as_not_known_and_told_as_not_given(book: RuleBook) -> None:
    # docs/clinical-basis.md: a missing answer is read the safer way. Enter at the question
    # gives "I do not know"; an answers file that leaves the primary out is read the same way.
    from metasymptoms.answering.assessment_json import assessment_data
    from metasymptoms.answering.assessment_text import render_text
    from metasymptoms.core.engine import reading

    answers = check_answers(
        book,
        {"cancer_history": "current", "known_spread": "none", "recent_treatment": "no", "headache": "yes"},
    )
    left_out = assess(book, answers)
    told = assess(book, {**answers, "primary_cancer": "unknown"})
    assert (left_out.urgency, [f.id for f in left_out.red_flags]) == (
        told.urgency,
        [f.id for f in told.red_flags],
    )
    assert left_out.unsure == ("primary_cancer",)
    # What was read, never what was not said: no "I do not know" is put in the person's mouth.
    assert left_out.primary_cancer is None and "primary_cancer" not in left_out.answers
    data = assessment_data(book, left_out)
    assert data["primary_cancer"] is None
    assert {
        "finding": "primary_cancer",
        "question": "Where did the cancer start?",
        "did_not_apply": False,
    } in (data["not_asked"])
    text = " ".join(render_text(book, left_out).split())
    assert (
        "A new headache that lasts: Because you reported "
        "a new, lasting or different headache, and no answer was given about the cancer you were "
        "told you have or had, so the safer reading is used."
    ) in text
    # Not sure of a history, or none given: the question is not asked, and the reading is the same.
    assert reading(book, {"cancer_history": "unsure"})["primary_cancer"] == "unknown"
    assert reading(book, {})["primary_cancer"] == "unknown"
    assert "primary_cancer" not in reading(book, {"cancer_history": "none"})
    assert reading(book, {"cancer_history": "past", "primary_cancer": "lung"})["primary_cancer"] == "lung"


def test_in_an_emergency_where_the_cancer_spreads_comes_after_the_emergency_signs(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_text import render_text

    answers = {
        "cancer_history": "current",
        "primary_cancer": "breast",
        "known_spread": "none",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "temperature": 38.3,
        "feeling_unwell": True,
    }
    text = render_text(book, assess(book, check_answers(book, answers)))
    signs = text.index("STRAIGHT AWAY IF YOU NOTICE")
    assert text.index("ABOUT BREAST CANCER") > signs
    assert text.index("Also tell them about") < signs
    calm = render_text(book, assess(book, {**answers, "temperature": 37.0, "feeling_unwell": False}))
    assert calm.index("ABOUT BREAST CANCER") < calm.index(
        "STRAIGHT AWAY IF YOU NOTICE"
    )  # no emergency: as before


# Triage-nurse review (session 28), 4: a sign below emergency that says when it becomes one
# gives the number to call then, from the one table (book.yaml and guidance.yaml), as written
# `{emergency_number}`; the seizure's advice is one instruction, with no "if" before it.
@pytest.mark.parametrize(
    ("answers", "flag_id", "worse"),
    [
        (
            {
                "cancer_history": "current",
                "primary_cancer": "breast",
                "recent_treatment": "no",
                "thirst": "yes",
                "constipation": "yes",
            },
            "high_calcium",
            "If you become newly confused or drowsy, it is an emergency: call your local emergency "
            "number (999).",
        ),
        (
            {"cancer_history": "none", "jaundice": "yes"},
            "jaundice_no_cancer_diagnosis",
            "If you also have a fever, shivering or feel very unwell, it is an emergency: call your "
            "local emergency number (999).",
        ),
        (
            {"cancer_history": "none", "no_stool_or_wind": "yes"},
            "no_stool_or_wind_no_cancer_diagnosis",
            "If you start vomiting, have cramping belly pain or a swollen belly, it is an emergency: "
            "call your local emergency number (999).",
        ),
        (
            {"cancer_history": "none", "back_pain": "yes", "numbness": "yes"},
            "back_pain_with_numbness",
            "If the numbness spreads to both legs or around the back passage or genitals, or your legs "
            "become weak, treat it as an emergency: call your local emergency number (999) or go to "
            "the emergency department.",
        ),
        (
            {
                "cancer_history": "current",
                "primary_cancer": "breast",
                "recent_treatment": "yes",
                "recent_chemotherapy": "yes",
                "new_rash": "yes",
            },
            "rash_on_treatment",
            "If you also have a fever, it is an emergency: call that line now, and your local "
            "emergency number (999) if you have no such line or no one answers straight away.",
        ),
        (
            {"cancer_history": "none", "headache": "yes", "stiff_neck": "yes"},
            "headache_stiff_neck_no_cancer_diagnosis",
            "If you also have a fever, treat it as an emergency: call your local emergency number (999).",
        ),
        (
            {
                "cancer_history": "current",
                "primary_cancer": "ovarian",
                "recent_treatment": "no",
                "nausea_vomiting": "yes",
                "abdominal_pain": "yes",
            },
            "partial_bowel_blockage",
            "If you stop passing stool and wind, treat it as an emergency: call your local emergency "
            "number (999).",
        ),
    ],
    ids=[
        "high_calcium",
        "jaundice",
        "no_stool_or_wind",
        "back_pain_with_numbness",
        "rash_on_treatment",
        "headache_stiff_neck",
        "partial_bowel_blockage",
    ],
)
def test_a_sign_that_can_become_an_emergency_gives_the_number_to_call(
    gb_book: RuleBook, answers: dict[str, Any], flag_id: str, worse: str
) -> None:
    book = gb_book
    assessment = assess(book, check_answers(book, answers))
    shown = {flag.id: flag for flag in assessment.red_flags}
    assert flag_id in shown and shown[flag_id].urgency.value in ("urgent", "prompt")
    assert " ".join(shown[flag_id].advice.split()).endswith(worse)


def test_the_seizure_advice_is_one_instruction_for_everyone_it_fires_for(gb_book: RuleBook) -> None:
    book = gb_book
    assessment = assess(book, check_answers(book, {"cancer_history": "none", "seizure": "yes"}))
    assert assessment.urgency.value == "emergency"
    advice = " ".join(next(flag for flag in assessment.red_flags if flag.id == "seizure").advice.split())
    assert advice.startswith(
        "Call your local emergency number (999) now: a new seizure needs emergency care, even if it "
        "has stopped and you feel well again, and so does a seizure that lasts more than 5 minutes "
        "or seizures that keep coming without full recovery in between, even for a person who has "
        "epilepsy."
    )


def test_a_long_seizure_in_a_person_with_epilepsy_is_asked_in_the_first_section(book: RuleBook) -> None:
    # The Epilepsy Society's 999 list: a first seizure, one over 5 minutes, or one after another
    # without recovery. A person with known epilepsy must not read the question as not theirs.
    question = next(q for q in book.questions if q.finding == "seizure")
    words = " ".join(question.text.split())
    assert "more than 5 minutes" in words and "one after another" in words
    assert next(section.id for section in book.sections if question in section.questions) == "emergency_now"


@pytest.mark.parametrize("history", ["current", "unsure"])
def test_the_fever_sign_without_treatment_fits_a_person_not_sure_of_a_history(
    book: RuleBook, history: str
) -> None:
    answers = check_answers(book, {"cancer_history": history, "recent_treatment": "no", "fever": "yes"})
    assessment = assess(book, answers)
    assert assessment.urgency.value == "urgent"
    flag = next(flag for flag in assessment.red_flags if flag.id == "fever_with_cancer")
    assert flag.title == "A fever"
    assert " ".join(flag.advice.split()) == (
        "A fever should be checked today, even when not on cancer treatment: if you have a cancer "
        "team, call their 24-hour line; otherwise, or if you are not sure, get an urgent doctor's "
        "appointment today."
    )

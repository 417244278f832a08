"""The questionnaire's flow, driven by a scripted prompter: no terminal involved."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path
from typing import Any

import pytest

from metasymptoms.answering.interview import run_interview
from metasymptoms.answering.prompter import BACK, PlainPrompter, Stopped
from metasymptoms.answering.questionnaire import SHOW_RESULT, Questionnaire
from metasymptoms.core.answers import check_answers
from metasymptoms.core.engine import assess, fired_emergencies
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import Urgency
from tests.helpers import shipped_wording
from tests.scripted import ScriptedPrompter
from tests.test_cases import CASES


def texts_of(book: RuleBook, *findings: str) -> list[str]:
    by_finding = {q.finding: q.text for q in book.questions}
    return [by_finding[finding] for finding in findings]


def test_enter_everywhere_walks_to_the_end(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book)
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers["cancer_history"] == "unsure"
    # "Not sure" of a history may be "now": Enter at treatment is "not sure" too, never "no".
    assert outcome.answers["recent_treatment"] == "unsure"
    assert not any(value is True for value in outcome.answers.values())
    assert not outcome.stopped_for_emergency
    assert prompter.asked[-1] == "Show your result, or change an answer?"
    # Follow-ups of back pain, primary cancer and glands were skipped ("not sure"
    # of a cancer history still asks about weakness and numbness, as for a person with cancer).
    for skipped in (
        "primary_cancer",
        "numbness_both_legs",
        "back_pain_red_features",
        "node_hard_or_fixed",
        "symptoms_persistent",
    ):
        assert skipped not in outcome.answers
    for asked in ("limb_weakness", "numbness", "saddle_numbness", "bladder_bowel_change"):
        assert outcome.answers[asked] is False


def test_opening_says_what_it_is_and_what_to_do_in_an_emergency(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book)
    Questionnaire(book, prompter).run()
    assert prompter.shown[0] == ("heading", book.guidance.wording.questions.title)
    assert prompter.shown[1] == ("info", book.guidance.wording.opening_purpose)  # for anyone: never of spread
    # How to answer, in the way this prompter answers, said as a hint (set apart from the questions).
    assert prompter.shown[2] == (
        "hint",
        "You will be asked one question at a time. Scripted answers. Press Ctrl-C at any time to"
        " stop; nothing is saved unless you ask.",
    )
    # Last before the first question, so a small screen still shows it when the question is drawn.
    assert prompter.shown[3] == (
        "emergency",
        "If this is an emergency, stop now and call your local emergency number (911 / 999 / 112).",
    )
    assert prompter.shown[4][0] == "heading"  # the first section


def test_where_a_question_stands_in_its_section_is_said_as_progress(book: RuleBook) -> None:
    """ "About you: question 1 of up to 9" is said in the progress style (set apart and quieter
    than the question), before each question of a section."""
    prompter = ScriptedPrompter(book)
    Questionnaire(book, prompter).run()
    first = book.sections[0]
    counts = [(kind, text) for kind, text in prompter.shown if " of up to " in text]
    assert counts[0] == ("progress", f"{first.title}: question 1 of up to 9")
    assert counts[1][1].startswith(f"{first.title}: question 2 of up to ")
    assert {kind for kind, _ in counts} == {"progress"}


def test_an_emergency_interrupts_before_the_next_question(book: RuleBook) -> None:
    prompter = ScriptedPrompter(
        book, answers={"cancer_history": "current", "primary_cancer": "lung", "seizure": True}
    )
    outcome = Questionnaire(book, prompter).run()
    seizure_at = prompter.asked.index(texts_of(book, "seizure")[0])
    assert prompter.asked[seizure_at + 1] == "What would you like to do now?"
    assert ("emergency", "EMERGENCY: A new seizure") in prompter.shown
    assert outcome.stopped_for_emergency  # stopping is the default
    assert len(prompter.asked) == seizure_at + 2


def test_going_on_after_an_emergency_repeats_the_advice_at_the_end(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "confusion": True})
    # no treatment, no to the 7 emergency questions before confusion (chest pain among them), go on
    prompter.steps = ["none"] + [False] * 8 + [True, "go on"]
    outcome = Questionnaire(book, prompter).run()
    assert not outcome.stopped_for_emergency
    assert outcome.answers["confusion"] is True
    # The review is longer than a screen: the emergency is the first line of its question,
    # so it stays in view above the list of answers (the advice itself scrolled away).
    assert prompter.asked[-1] == (
        "EMERGENCY: Sudden confusion or unusual drowsiness. Get help now, as its advice said: your "
        "local emergency number is 911 / 999 / 112, or go to the nearest emergency department.\n"
        "Show your result, or change an answer?"
    )
    assert assess(book, outcome.answers).red_flags[0].id == "sudden_confusion"


def test_a_second_emergency_interrupts_with_its_own_card_only(book: RuleBook) -> None:
    """Going on after one emergency, a later one is told alone: the first, already told, is
    not said again as if it were new."""
    # no cancer, no treatment; severely breathless, go on; no to six; confused, go on
    prompter = ScriptedPrompter(book, steps=["none", False, True, "go on"] + [False] * 6 + [True, "go on"])
    Questionnaire(book, prompter).run()
    headings = [text for kind, text in prompter.shown if kind == "emergency" and text.startswith("EMERGENCY")]
    assert headings == [
        "EMERGENCY: Severe breathlessness, or chest pain with breathlessness",
        "EMERGENCY: Sudden confusion or unusual drowsiness",
    ]


def test_the_review_keeps_the_emergency_after_its_answer_is_changed_back(book: RuleBook) -> None:
    """Changing the answer that fired it does not take back the advice to get help."""
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "confusion": True})
    prompter.steps = ["none"] + [False] * 8 + [True, "go on"]
    questionnaire = Questionnaire(book, prompter)
    questionnaire.run()
    questionnaire.answers["confusion"] = False
    prompter.steps = ["result"]
    questionnaire.review()
    assert prompter.asked[-1].startswith("EMERGENCY: Sudden confusion or unusual drowsiness. Get help now")


def test_the_review_without_an_emergency_is_only_its_question(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none"})
    Questionnaire(book, prompter).run()
    assert prompter.asked[-1] == "Show your result, or change an answer?"


def test_why_is_answered_from_the_rules_then_the_question_is_asked_again(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, steps=["none", False, "why"])
    Questionnaire(book, prompter).run()
    question = texts_of(book, "breathless_severe")[0]
    assert prompter.asked[2:4] == [question, question]
    at = prompter.shown.index(("subheading", "Why am I asked this?"))
    assert prompter.shown[at + 1 : at + 6] == [
        ("info", "  - Parts of the body it can relate to: Lungs."),
        ("info", "  - Emergency warning sign: Severe breathlessness, or chest pain with breathlessness."),
        (
            "info",
            "  - Emergency warning sign: Coughing up a lot of blood, or blood with breathlessness or chest pain.",
        ),
        ("info", "  - Emergency warning sign: Swelling of the face or neck with breathing trouble."),
        ("info", "  - Emergency warning sign: A swollen leg with breathlessness or chest pain."),
    ]


def test_back_changes_the_previous_answer_and_reapplies_skip_logic(book: RuleBook) -> None:
    # Say "current", then at the primary-cancer question go back and say "none" instead.
    prompter = ScriptedPrompter(book, steps=["current", "back", "none"])
    outcome = Questionnaire(book, prompter).run()
    assert prompter.asked[:4] == texts_of(
        book, "cancer_history", "primary_cancer", "cancer_history", "recent_treatment"
    )
    assert outcome.answers["cancer_history"] == "none"
    assert "primary_cancer" not in outcome.answers


def test_back_is_not_offered_at_the_first_question(book: RuleBook) -> None:
    questionnaire = Questionnaire(book, ScriptedPrompter(book))
    first, second = book.questions[0], book.questions[1]
    options, _ = questionnaire.options_for(first)
    assert options is not None and BACK not in [value for _, value in options]
    questionnaire.record(first.finding, "current")
    options, _ = questionnaire.options_for(second)
    assert options is not None and options[-1] == ("Back to the previous question", BACK)


@pytest.mark.parametrize(
    ("history", "default"),
    [("current", "unsure"), ("past", "unsure"), ("unsure", "unsure"), ("none", "no")],
)
def test_the_treatment_default_never_contradicts_being_treated_now(
    book: RuleBook, history: str, default: str
) -> None:
    questionnaire = Questionnaire(book, ScriptedPrompter(book))
    questionnaire.record("cancer_history", history)
    treatment = next(question for question in book.questions if question.finding == "recent_treatment")
    options, offered = questionnaire.options_for(treatment)
    assert offered == default
    assert ("I'm not sure", "unsure") in (options or [])
    # An earlier answer still wins: going back to it starts where the person left it.
    questionnaire.earlier["recent_treatment"] = False
    assert questionnaire.options_for(treatment)[1] == "no"


def test_enter_at_treatment_after_not_sure_keeps_a_fever_an_emergency(book: RuleBook) -> None:
    """A new user pressed Enter at the history ("not sure") and at treatment, then said yes to
    a fever of 38.3: Enter at treatment gave "no" and the result was urgent, where an answers
    file leaving treatment out (read as "not sure") gave the emergency."""
    prompter = ScriptedPrompter(book, answers={"fever": True, "temperature": 38.3})
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers["recent_treatment"] == "unsure"
    assert assess(book, outcome.answers).urgency is Urgency.EMERGENCY
    assert "fever_on_chemotherapy" in [flag.id for flag in fired_emergencies(book, outcome.answers)]


def test_enter_at_treatment_after_a_past_cancer_keeps_a_fever_an_emergency(book: RuleBook) -> None:
    """A nurse's review: past breast cancer, Enter at treatment, then a fever of 38.3. Enter
    gave "No" and "within the next few days", where an answers file leaving treatment out
    (read as "not sure") gave the emergency: adjuvant chemotherapy ends after the cancer is
    "in the past", and a fever within 6 weeks of it is an emergency."""
    answers = {"cancer_history": "past", "primary_cancer": "breast", "fever": True, "temperature": 38.3}
    outcome = Questionnaire(book, ScriptedPrompter(book, answers=answers)).run()
    assert outcome.answers["recent_treatment"] == "unsure"
    assert outcome.stopped_for_emergency
    assert "fever_on_chemotherapy" in [flag.id for flag in fired_emergencies(book, outcome.answers)]
    file_answers = {key: value for key, value in outcome.answers.items() if key != "recent_treatment"}
    assert assess(book, file_answers).urgency is assess(book, outcome.answers).urgency is Urgency.EMERGENCY


@pytest.mark.parametrize("treatment", [True, "unsure"])
@pytest.mark.parametrize(
    "before",
    [
        {},  # the first kind: a person on chemotherapy pressed Enter and recorded none
        {"recent_chemotherapy": True, "recent_radiotherapy": False},
        {"recent_chemotherapy": False, "recent_radiotherapy": False},
    ],
)
@pytest.mark.parametrize(
    "kind", ["recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line"]
)
def test_enter_at_a_kind_of_treatment_is_not_sure(
    book: RuleBook, treatment: Any, before: dict, kind: str
) -> None:
    """A new user's trial: after "yes" to treatment, Enter at the first kind (chemotherapy)
    gave "No", and a person on chemotherapy recorded none. After "yes" or "not sure" to
    treatment, Enter at every kind gives "not sure", whatever was said of the others."""
    questionnaire = Questionnaire(book, ScriptedPrompter(book))
    questionnaire.record("cancer_history", "none")
    questionnaire.record("recent_treatment", treatment)
    for finding, value in before.items():
        if finding != kind:
            questionnaire.record(finding, value)
    question = next(question for question in book.questions if question.finding == kind)
    assert questionnaire.options_for(question)[1] == "unsure"
    back_pain = next(question for question in book.questions if question.finding == "back_pain")
    assert questionnaire.options_for(back_pain)[1] == "no"  # only treatment's follow-ups


def test_enter_at_the_kinds_of_treatment_keeps_the_signs_on_treatment(book: RuleBook) -> None:
    """Enter at every kind, with no cancer diagnosis and "yes" to treatment: chemotherapy is
    "not sure", read the safer way, so being sick 4 times is a sign on treatment (a review
    within 24 hours) and chest pain an emergency; Enter once gave "No" and a routine ending."""
    answers = {
        "cancer_history": "none",
        "recent_treatment": True,
        "nausea_vomiting": True,
        "vomiting_times": 4,
    }
    outcome = Questionnaire(book, ScriptedPrompter(book, answers=answers)).run()
    for kind in ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line"):
        assert outcome.answers[kind] == "unsure", kind
    assessment = assess(book, outcome.answers)
    assert assessment.urgency is Urgency.URGENT
    assert [flag.id for flag in assessment.red_flags] == ["vomiting_on_treatment"]
    chest = Questionnaire(book, ScriptedPrompter(book, answers={**answers, "chest_pain": True}))
    assert chest.run().stopped_for_emergency
    assert ("emergency", "chest_pain_emergency") in chest.events


def test_review_change_drops_answers_that_no_longer_apply(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "primary_cancer": "breast",
        "back_pain": True,
        "back_pain_red_features": True,
    }
    prompter = ScriptedPrompter(book, answers=answers)
    original = prompter.choose
    reviews = []

    def choose(message, options, default, hint=None, **kwargs):
        if message == "Show your result, or change an answer?":
            reviews.append([value for label, value in options if label])
            if len(reviews) == 1:  # at the first review: change back pain to "no"
                prompter.steps[:0] = ["back_pain", False]
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    outcome = Questionnaire(book, prompter).run()
    assert "back_pain_red_features" in reviews[0] and "back_pain_red_features" not in reviews[1]
    assert outcome.answers["back_pain"] is False
    assert "back_pain_red_features" not in outcome.answers
    assert assess(book, outcome.answers).urgency.value == "routine"


def test_review_lists_every_answer_given(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "past", "primary_cancer": "breast"})
    seen = {}
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        if message == "Show your result, or change an answer?":
            seen["options"] = [label for label, _ in options if label]
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    outcome = Questionnaire(book, prompter).run()
    assert seen["options"][0] == "Show my result"
    assert (
        seen["options"][1]
        == "[I had cancer in the past] Has a doctor ever told you that you have or had cancer?"
    )
    assert len(seen["options"]) == 1 + len(outcome.answers)


ASKABLE = [case for case in CASES if not case.get("file_only")]


@pytest.mark.parametrize("case", ASKABLE, ids=[case["name"] for case in ASKABLE])
def test_golden_cases_reach_the_same_outcome_through_the_questionnaire(
    book: RuleBook, case: dict[str, Any]
) -> None:
    answers = dict(case["answers"])
    given = check_answers(book, case["answers"])
    for child, parent in book.implications:  # a person asked the follow-up said yes to its parent
        says = book.implies_parent(child, given.get(child))
        if says is not None and parent not in answers:
            answers[parent] = says
    prompter = ScriptedPrompter(book, answers=answers, steps=[])
    # Go on after any emergency so that every answer of the case is given.
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        if message == "What would you like to do now?":
            return "__go_on__"
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    outcome = Questionnaire(book, prompter).run()
    given = {key: value for key, value in outcome.answers.items() if value is not False and value is not None}
    expected = {
        key: (float(value) if isinstance(value, int) and not isinstance(value, bool) else value)
        for key, value in check_answers(book, case["answers"]).items()
        if value is not False
    }
    # Every answer of the case was asked (an implied parent may be skipped: its child says it).
    assert {key: given.get(key) for key in expected} == expected
    assessment = assess(book, outcome.answers)
    assert assessment.urgency.value == case["urgency"]
    assert [site.id for site in assessment.sites] == case["sites"]


def test_save_writes_the_markdown_summary_only_when_asked(
    book: RuleBook, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    prompter = ScriptedPrompter(book)
    assert run_interview(book, plain=True, prompter=prompter) == 0
    assert list(tmp_path.iterdir()) == []

    target = tmp_path / "for-doctor.md"
    prompter = ScriptedPrompter(book, typed={"File name for the summary": str(target)})
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        if message.startswith("Would you like to save"):
            return "markdown"
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    assert run_interview(book, plain=True, prompter=prompter) == 0
    assert target.read_text().startswith("# metasymptoms: summary to bring to your appointment\n")
    assert ("hint", f"Wrote your summary to {target}. Bring it to your appointment.") in prompter.shown
    assert [p.name for p in tmp_path.iterdir()] == ["for-doctor.md"]


def test_stopping_mid_way_is_a_keyboard_interrupt_and_saves_nothing(
    book: RuleBook, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    prompter = ScriptedPrompter(book, steps=["none", False, "STOP"])
    with pytest.raises(KeyboardInterrupt):
        run_interview(book, plain=True, prompter=prompter)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("typed", ["u", "unsure", "not sure"])
def test_plain_not_sure_is_typed_at_a_choice_that_offers_it(typed: str) -> None:
    # A new user typed "not sure" at "Has your care team told you the cancer has spread?" and
    # was refused; the next Enter then gave the default, "No, or not that I know of".
    shown = io.StringIO()
    options = [("Yes", "yes_told"), ("No, or not that I know of", "no"), ("I am not sure", "unsure")]
    assert (
        PlainPrompter(shipped_wording(), io.StringIO(typed + "\n"), shown).choose("Spread?", options, "no")
        == "unsure"
    )
    assert "Type a number, or u (not sure), and press Enter." in shown.getvalue()


def test_plain_u_is_refused_where_not_sure_is_not_offered() -> None:
    shown = io.StringIO()
    options = [("Breast", "breast"), ("Lung", "lung")]
    assert (
        PlainPrompter(shipped_wording(), io.StringIO("u\n2\n"), shown).choose("Which?", options, "breast")
        == "lung"
    )
    assert "Please type a number from 1 to 2, or press Enter for the marked answer." in shown.getvalue()


def test_stopped_is_raised_by_the_plain_prompter_at_end_of_input(book: RuleBook) -> None:
    import io

    from metasymptoms.answering.prompter import PlainPrompter

    prompter = PlainPrompter(book.guidance.wording, io.StringIO("1\n"), io.StringIO())
    with pytest.raises(Stopped):
        Questionnaire(book, prompter).run()


def test_why_lists_the_follow_up_questions_one_a_line(book: RuleBook) -> None:
    import io

    from metasymptoms.answering.prompter import PlainPrompter

    shown = io.StringIO()
    with pytest.raises(Stopped):
        Questionnaire(
            book, PlainPrompter(book.guidance.wording, io.StringIO("1\n?\n"), shown, width=60)
        ).run()
    text = shown.getvalue()
    assert (
        "  - Your answer decides whether these follow-up questions\n"
        "    are asked:\n"
        "    - Chemotherapy or another cancer drug in the last 6\n"
        "      weeks\n"
        "    - Radiotherapy in the last 6 weeks\n"
        "    - Taking steroid tablets, such as dexamethasone or\n"
        "      prednisolone\n"
        "    - A central line, PICC line or port\n"
    ) in text


def test_a_refused_temperature_says_how_to_type_it_and_how_to_leave_it_out(book: RuleBook) -> None:
    """The terminal's words for what the web page also says: never the id, never "unsure"."""
    from metasymptoms.answering.questionnaire import refused

    assert refused(book.guidance.wording, book.finding("temperature"), "1OO F", "") == (
        '"1OO F" is not a temperature this tool can read (30 to 44 °C). '
        "Please type it like 38.5, 101.3 F, or press Enter to leave it out."
    )


def test_a_which_of_these_question_starts_on_an_empty_typing_line(book: RuleBook) -> None:
    """A new user's "1" at the back-pain features became "none1" and was refused: the typing
    line held the default "none" although nothing had been answered, so only Enter went on."""
    seen: list[tuple[str, str]] = []
    question = next(q for q in book.questions if q.finding == "back_pain_red_features")

    class Typing(ScriptedPrompter):
        def ask_text(self, message: str, default: str) -> str:
            seen.append((message, default))
            return "1"

    assert Questionnaire(book, Typing(book)).ask(question) == ("wakes_at_night",)
    [(message, default)] = seen
    assert default == ""
    assert "Press Enter to keep it" not in message


@pytest.mark.parametrize("history", ["past", "none"])
def test_the_signs_of_cord_compression_come_straight_after_back_pain(book: RuleBook, history: str) -> None:
    """A triage nurse's review: weakness, numbness and bladder or bowel control, each an
    emergency with back pain, were asked after three questions about the pain itself. Now
    the pain like a band (an emergency with cancer) comes first, then those signs; the
    pain's other features after them."""
    answers = {"cancer_history": history, "recent_treatment": False, "back_pain": True}
    questionnaire = Questionnaire(book, ScriptedPrompter(book, answers=answers))
    questionnaire.run()
    asked = [finding for event, finding in questionnaire.events if event == "asking"]
    after = asked[asked.index("back_pain") + 1 :]
    assert after[:7] == [
        "back_pain_band",
        "limb_weakness",
        "numbness",
        "saddle_numbness",
        "bladder_bowel_change",
        "back_pain_red_features",
        "back_pain_severe_progressive",
    ]
    weak = Questionnaire(book, ScriptedPrompter(book, answers={**answers, "limb_weakness": ["left_leg"]}))
    assert weak.run().stopped_for_emergency
    events = weak.events
    at = events.index(("asking", "limb_weakness"))
    assert events[at - 2 : at] == [("asking", "back_pain"), ("asking", "back_pain_band")]
    assert events[at + 1][0] == "emergency"


@pytest.mark.parametrize(
    ("finding", "typed", "default", "on_a_page", "said"),
    [
        # A Celsius reading that is a Fahrenheit one (86 to 113), a decimal comma too.
        (
            "temperature",
            " 100,5 ",
            "",
            False,
            '"100,5" is not a temperature this tool can read (30 to 44 °C). For Fahrenheit, type 100,5 F. '
            "Please type it like 38.5, 101.3 F, or press Enter to leave it out.",
        ),
        # Both ends of 86 to 113 are read as Fahrenheit.
        (
            "temperature",
            "86",
            "",
            False,
            '"86" is not a temperature this tool can read (30 to 44 °C). For Fahrenheit, type 86 F. '
            "Please type it like 38.5, 101.3 F, or press Enter to leave it out.",
        ),
        (
            "temperature",
            "113",
            "",
            False,
            '"113" is not a temperature this tool can read (30 to 44 °C). For Fahrenheit, type 113 F. '
            "Please type it like 38.5, 101.3 F, or press Enter to leave it out.",
        ),
        # Below 86: no Fahrenheit hint; an earlier answer: Enter keeps it.
        (
            "temperature",
            "45",
            "38.5",
            False,
            '"45" is not a temperature this tool can read (30 to 44 °C). Please type it like 38.5, '
            "101.3 F; press Enter to keep your earlier answer, or type none to leave it out.",
        ),
        # On the web page: leave the box empty.
        (
            "temperature",
            "114",
            "",
            True,
            '"114" is not a temperature this tool can read (30 to 44 °C). Please type it like 38.5, '
            "101.3 F, or leave the box empty if you have not measured it.",
        ),
        # A count is never Fahrenheit.
        (
            "vomiting_times",
            "100",
            "",
            False,
            '"100" is not a number of times this tool can read (0 to 50 times in 24 hours). '
            "Please type it like 3 or 0, or press Enter to leave it out.",
        ),
    ],
)
def test_a_refused_number_says_what_to_type_in_its_own_unit(
    book: RuleBook, finding: str, typed: str, default: str, on_a_page: bool, said: str
) -> None:
    from metasymptoms.answering.questionnaire import refused

    assert refused(book.guidance.wording, book.finding(finding), typed, default, on_a_page=on_a_page) == said


def test_back_takes_back_the_last_answer_and_says_so_unless_under_an_emergency(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book)
    questionnaire = Questionnaire(book, prompter)
    questionnaire.go_back()  # nothing before the first question
    assert prompter.shown == [("hint", "This is the first question; there is nothing before it.")]
    first, second, third = "cancer_history", "recent_treatment", "breathless_severe"  # asked in this order
    for finding in (first, second, third):
        questionnaire.record(finding, False if finding != first else "none")
    questionnaire.go_back()
    assert prompter.shown[-1] == (
        "taken_back",
        "(Taken back: the answer above no longer counts; it is asked again below.)",
    )
    assert questionnaire.history == [first, second]
    assert questionnaire.earlier == {third: False}
    shown = len(prompter.shown)
    # Right under an emergency's advice, "no longer counts" is not said: the emergency stands.
    questionnaire.go_back(after_emergency=True)
    assert len(prompter.shown) == shown
    assert questionnaire.history == [first]
    assert set(questionnaire.answers) == {first}


def test_two_emergencies_at_once_start_with_one_first_step(book: RuleBook) -> None:
    """A seizure answered with a fever on chemotherapy already recorded fires two warning
    signs at once: the card says the one first step before the signs, each as an emergency."""
    prompter = ScriptedPrompter(book)
    questionnaire = Questionnaire(book, prompter)
    questionnaire.answers.update(
        {
            "cancer_history": "current",
            "recent_treatment": True,
            "recent_chemotherapy": True,
            "temperature": 38.5,
        }
    )
    assert questionnaire.record("seizure", True)  # Enter at "What would you like to do now?": stop
    assert prompter.shown[:3] == [
        ("emergency", "EMERGENCY: get help now"),
        (
            "emergency",
            "First: Call your local emergency number (911 / 999 / 112) now, or go to the nearest emergency department.",
        ),
        ("emergency", "EMERGENCY: A new seizure"),
    ]


def test_checkboxes_start_ticked_as_answered_and_say_back_what_is_recorded(book: RuleBook) -> None:
    """A "which of these" question where the prompter offers checkboxes (the arrow keys):
    nothing ticked at first; changed, the earlier answer is ticked; what is said back is
    the answer's own words, and a choice ticked with "None of these" is refused."""
    calls: list[dict[str, Any]] = []

    class Ticking(ScriptedPrompter):
        def choose_several(self, message, options, ticked, hint, *, keys, check) -> str:
            calls.append({"ticked": list(ticked), "check": check})
            return "wakes_at_night upper_back_or_neck"

    questionnaire = Questionnaire(book, Ticking(book))
    questionnaire.record("cancer_history", "none")
    questionnaire.record("back_pain", True)
    question = next(q for q in book.questions if q.finding == "back_pain_red_features")
    answer = questionnaire.ask(question)
    assert answer == ("wakes_at_night", "upper_back_or_neck")
    questionnaire.record("back_pain_red_features", answer)
    questionnaire.ask(question)
    questionnaire.go_back()  # taken back: the answer given stays ticked
    questionnaire.ask(question)
    first, again, back = calls
    assert first["ticked"] == [] and again["ticked"] == back["ticked"] == [
        "wakes_at_night",
        "upper_back_or_neck",
    ]
    check = first["check"]
    assert check([]) == "None of these"
    assert check(["wakes_at_night"]) == "wakes at night"
    assert (
        check(["wakes_at_night", "upper_back_or_neck"])
        == "wakes at night; in the upper or middle back, or the neck"
    )
    with pytest.raises(ValueError) as refused:
        check(["none", "wakes_at_night"])
    assert str(refused.value) == "Choose the ones that apply, or “None of these” or “I'm not sure” on its own"


def test_a_which_of_these_questions_help_stands_with_its_checkboxes(book: RuleBook) -> None:
    """The question's help (none of the shipped "which of these" questions has one yet) is
    shown with the checkboxes as with any other question; a "yes" from an answers file is
    a box of its own, ticked, in its own words, so Enter keeps it."""
    shown: list[tuple[object, ...]] = []

    class Ticking(ScriptedPrompter):
        def choose_several(self, message, options, ticked, hint, *, keys, check) -> str:
            shown.append((hint, options[-3:], ticked))
            return ticked[0]

    question = dataclasses.replace(
        next(q for q in book.questions if q.finding == "back_pain_red_features"), help="Tick all that apply."
    )
    questionnaire = Questionnaire(book, Ticking(book), answers={"back_pain_red_features": True})
    assert questionnaire.ask(question) is True
    [(hint, last, ticked)] = shown
    assert hint == "Tick all that apply."
    assert ticked == ["yes"]
    assert last[0] == ("Yes (not said which)", "yes")


def test_the_review_has_its_heading_and_back_from_an_answer_leaves_its_pointer_there(book: RuleBook) -> None:
    """The review is said as a heading and a hint, then the list; an answer opened from it
    and left with Back keeps the review's pointer on that answer (Enter would open it again),
    where an answer given moves it to "Show my result"."""
    words = book.guidance.wording.questions
    question = next(q for q in book.questions if q.finding == "back_pain")
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none"})
    original_choose = prompter.choose
    pointers: list[str] = []

    def choose(message, options, default, hint=None, **kwargs):
        if message.endswith(words.review_question):
            assert kwargs == {"one_line": True}  # each answer on one line: the list is long
            pointers.append(default)
            return "back_pain" if len(pointers) == 1 else SHOW_RESULT
        if pointers and message == question.text:
            return BACK
        return original_choose(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    Questionnaire(book, prompter).run()
    assert pointers == [SHOW_RESULT, "back_pain"]
    at = prompter.shown.index(("heading", words.review_heading))
    assert prompter.shown[at + 1] == ("hint", words.review_intro)


@pytest.mark.parametrize(("answer", "offered"), [(True, "yes"), (False, "no"), (UNSURE, "unsure")])
def test_a_yes_no_question_asked_again_starts_on_the_answer_given(
    book: RuleBook, answer: object, offered: str
) -> None:
    questionnaire = Questionnaire(
        book, ScriptedPrompter(book), answers={"cancer_history": "none", "fever": answer}
    )
    question = next(q for q in book.questions if q.finding == "fever")
    assert questionnaire.options_for(question)[1] == offered


def test_a_questions_help_stands_with_its_choices(book: RuleBook) -> None:
    """Where the cancer started: its help ("This is the primary cancer ...") is shown with
    the choices, where a person reads it before choosing."""
    hints: dict[str, str | None] = {}

    class Hinting(ScriptedPrompter):
        def choose(self, message, options, default, hint=None, **kwargs) -> str:
            hints[message] = hint
            return super().choose(message, options, default, hint, **kwargs)

    question = next(q for q in book.questions if q.finding == "primary_cancer")
    questionnaire = Questionnaire(book, Hinting(book, answers={"primary_cancer": "breast"}))
    assert questionnaire.ask(question) == "breast"
    assert question.help is not None and question.help.startswith('This is the "primary" cancer.')
    assert hints == {question.text: question.help}


def test_enter_giving_not_sure_is_said_once_where_it_starts(book: RuleBook) -> None:
    """After "yes" to treatment, Enter at each kind of treatment gives "not sure" (at every
    other yes-or-no question it gives "no"): said once, as a hint, before the first kind."""
    prompter = ScriptedPrompter(book)
    questionnaire = Questionnaire(book, prompter)
    questionnaire.record("cancer_history", "none")
    questionnaire.record("recent_treatment", True)
    for finding in ("recent_chemotherapy", "recent_radiotherapy"):
        assert questionnaire.ask(next(q for q in book.questions if q.finding == finding)) == UNSURE
    hints = [text for kind, text in prompter.shown if kind == "hint"]
    assert hints == [book.guidance.wording.questions.enter_is_not_sure]

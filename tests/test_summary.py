"""The summary a doctor can use (markdown, HTML printed by a real browser, JSON), the
emergency number by country, and the emergency card's place at the end of a run."""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from metasymptoms.answering.assessment_html import render_html
from metasymptoms.answering.assessment_json import assessment_data
from metasymptoms.answering.assessment_text import render_markdown, render_text
from metasymptoms.answering.emergency import action, country_from, number_line
from metasymptoms.answering.interview import ArrowKeyPrompter, run_interview
from metasymptoms.answering.prompter import PlainPrompter
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.answering.result import blocks
from metasymptoms.answering.result_screen import show_result
from metasymptoms.answering.summary import clinician_summary
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook
from metasymptoms.core.numbers import for_country
from metasymptoms.core.problems import UsageError
from tests.helpers import TEMPERATURE_QUESTION, run_main, shipped_wording
from tests.scripted import ScriptedPrompter

MADE = datetime.datetime(2026, 11, 25, 14, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
ANSWERS = {
    "cancer_history": "past",
    "primary_cancer": "breast",
    "known_spread": "none",
    "recent_treatment": False,
    "fatigue": True,
    "bone_pain": True,
    "night_sweats": False,
}


# --- markdown ---------------------------------------------------------------------------


def test_markdown_starts_with_what_the_clinician_needs(book: RuleBook) -> None:
    text = render_markdown(book, assess(book, ANSWERS), MADE)
    head = text.split("### Every question asked")[0]
    assert head == (
        "# metasymptoms: summary to bring to your appointment\n\n"
        "Made with metasymptoms on 25 November 2026, 14:03 (UTC+01:00). Educational summary, not a diagnosis.\n\n"
        "## For the clinician\n\n"
        "- Made: 25 November 2026, 14:03 (UTC+01:00)\n"
        "- Rule book: Draft rule book, version 0.1: not yet signed off by a clinician.\n"
        "- Urgency shown: Soon: see a healthcare provider within the next few days\n"
        "- Warning signs reported:\n"
        "  - See a provider within days: A new symptom to tell a care team or doctor about "
        "(I had cancer in the past; extreme tiredness that rest does not fix; a deep, lasting pain in a bone)\n"
        "- Symptoms reported: extreme tiredness that rest does not fix; a deep, lasting pain in a bone\n\n"
    )
    assert "1. Has a doctor ever told you that you have or had cancer? **I had cancer in the past**\n" in text
    assert (
        "3. Has your care team told you that the cancer has spread to other parts of the body? "
        "**No, or not that I know of**\n"
    ) in text
    assert (
        "4. In the last 6 weeks, have you had any cancer treatment (chemotherapy, immunotherapy, "
        "targeted drugs or radiotherapy), or are you taking steroid tablets? **No**\n"
    ) in text
    assert "Do you sweat so much at night that your nightclothes or sheets get wet? **No**\n" in text
    # Grouped by section, a section with nothing answered in one short line; the treatment
    # follow-ups skipped after "No" are not listed as missing, only noted once.
    assert (
        "Not answered:\n\n"
        "- Signs that need help now: none of the 13 questions\n"
        "- Bones and back: a bone that broke,"
    ) in text
    assert "- How you feel in general: losing weight without trying; a loss of appetite\n" in text
    assert "- Thirst, passing water and digestion: none of the 5 questions\n" in text
    assert "chemotherapy" not in text.split("Not answered:")[1].split("## For you")[0]
    assert (
        'Follow-up questions that did not apply to these answers (for example after a "No") were not asked.\n'
    ) in text
    assert text.index("## For the clinician") < text.index("## For you")


def test_markdown_reads_cleanly_in_a_text_editor(book: RuleBook) -> None:
    text = render_markdown(book, assess(book, ANSWERS), MADE)
    assert "\\[" not in text and "\\]" not in text and "\\_" not in text
    assert (
        '- Cleveland Clinic Health Library, "Metastasis (Metastatic Cancer)", https://my.clevelandclinic.org/health/diseases/22213-metastasis-metastatic-cancer\n'
        in text
    )
    assert "Prompt:" not in text and "prompt" not in text.lower().replace("prompted", "")


def test_no_internal_urgency_word_and_no_repeated_disclaimer_heading(book: RuleBook) -> None:
    text = render_text(book, assess(book, ANSWERS))
    assert (
        # Within the text's 78 columns, as every other line is.
        "See a provider within days: A new symptom to tell a care team or doctor about\n" in text
    )
    assert "Prompt" not in text
    assert "THIS IS NOT A DIAGNOSIS\n" not in text
    assert "WHAT THIS TOOL CAN AND CANNOT DO\n" in text


# --- JSON ---------------------------------------------------------------------------------


def test_json_adds_when_which_rule_book_and_every_answer(book: RuleBook) -> None:
    data = assessment_data(book, assess(book, ANSWERS), MADE)
    assert data["made_at"] == "2026-11-25T14:03:00+01:00"
    assert data["rule_book"] == {"version": "0.1", "status": "draft"}  # nobody has signed it off
    assert data["asked"][:4] == [
        {
            "finding": "cancer_history",
            "question": "Has a doctor ever told you that you have or had cancer?",
            "answer": "past",
            "answer_text": "I had cancer in the past",
        },
        {
            "finding": "primary_cancer",
            "question": "Where did the cancer start?",
            "answer": "breast",
            "answer_text": "Breast",
        },
        {
            "finding": "known_spread",
            "question": "Has your care team told you that the cancer has spread to other parts of the body?",
            "answer": "none",
            "answer_text": "No, or not that I know of",
        },
        {
            "finding": "recent_treatment",
            "question": (
                "In the last 6 weeks, have you had any cancer treatment (chemotherapy, immunotherapy, "
                "targeted drugs or radiotherapy), or are you taking steroid tablets?"
            ),
            "answer": False,
            "answer_text": "No",
        },
    ]
    assert len(data["asked"]) == len(ANSWERS)
    assert len(data["asked"]) + len(data["not_asked"]) == len(book.questions)


# --- HTML -----------------------------------------------------------------------------------


def test_html_is_one_self_contained_file(book: RuleBook) -> None:
    page = render_html(book, assess(book, ANSWERS), MADE)
    assert page.startswith("<!doctype html>\n")
    assert "<script" not in page and "<link" not in page and "src=" not in page and "@import" not in page
    assert "@media print" in page
    assert (
        '<tr class="yes"><td class="n">6</td><td>Do you feel extremely tired in a way that rest does not fix?</td>'
        in page
    )
    assert '<td class="answer">No</td>' in page
    assert (
        '<a href="https://my.clevelandclinic.org/health/diseases/22213-metastasis-metastatic-cancer">https://my.clevelandclinic.org/health/diseases/22213-metastasis-metastatic-cancer</a>'
        in page
    )


def test_html_escapes_rule_text(book: RuleBook) -> None:
    import dataclasses

    guidance = dataclasses.replace(book.guidance, support="Call <b>us</b> & talk")
    page = render_html(dataclasses.replace(book, guidance=guidance), assess(book, ANSWERS), MADE)
    assert "<p>Call &lt;b&gt;us&lt;/b&gt; &amp; talk</p>" in page


# --- the emergency number ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "environ", "expected"),
    [
        ("gb", {}, ("GB", True)),
        (None, {"METASYMPTOMS_COUNTRY": "au"}, ("AU", True)),
        (None, {"LANG": "en_NZ.UTF-8"}, ("NZ", False)),
        (None, {"LC_ALL": "de_DE@euro", "LANG": "en_US.UTF-8"}, ("DE", False)),
        (None, {"LANG": "C.UTF-8"}, (None, False)),
        (None, {}, (None, False)),
    ],
)
def test_country_from_option_variable_then_locale(given, environ, expected) -> None:
    assert country_from(given, environ) == expected


def test_the_country_number_replaces_every_common_number(shipped: LoadedBook) -> None:
    book = shipped.book
    assert number_line(book).endswith("(911 / 999 / 112).")
    local = for_country(shipped, "GB")
    assert (
        number_line(local) == "If this is an emergency, stop now and call your local emergency number (999)."
    )
    assert all("911 / 999 / 112" not in flag.advice for flag in local.red_flags)
    assert "(999)" in local.guidance.advice.emergency
    assert for_country(shipped, "XX", named=False) is book  # a locale we do not know: every number


def test_an_unknown_country_named_by_the_person_is_a_clear_error(shipped: LoadedBook) -> None:
    with pytest.raises(
        UsageError, match=r"no emergency number is known for the country 'XX'\. Known countries: AT, AU"
    ):
        for_country(shipped, "XX")


def test_a_warning_sign_is_never_followed_by_nothing_matches(book: RuleBook) -> None:
    # back pain that wakes at night, no diagnosis: a check today (NHS-BACK), and no site pattern
    answers = {"cancer_history": "none", "back_pain": True, "back_pain_red_features": True}
    text = render_text(book, assess(book, answers))
    assert "Urgent: Back or neck pain with warning features" in text
    assert "do not match the symptom patterns" not in text
    nothing = render_text(book, assess(book, {"cancer_history": "none", "headache": True}))
    assert "Your answers do not match the symptom patterns this tool looks for." in nothing


def test_a_site_under_urgent_advice_without_a_diagnosis_is_framed_without_reassurance(book: RuleBook) -> None:
    # a headache with a change in vision, no diagnosis: urgent, and the brain as the site
    answers = {"cancer_history": "none", "headache": True, "vision_change": True}
    text = render_text(book, assess(book, answers))
    assert (
        "SYMPTOMS A PROVIDER MAY WANT TO CHECK\n=====================================\n"
        "These are the parts of the body your symptoms relate to. Only a provider who\n"
        "examines you can find the cause, which is why the advice above matters.\n\nBrain\n"
    ) in text
    assert "common causes" not in text


def test_a_very_long_unknown_country_is_quoted_to_80_characters(shipped: LoadedBook) -> None:
    with pytest.raises(UsageError) as refused:
        for_country(shipped, "X" * 5000)
    assert str(refused.value).startswith(
        f"no emergency number is known for the country '{'X' * 80}…' (5,000 characters). Known countries: AT,"
    )


def test_country_option_end_to_end(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: none\nseizure: yes\n")
    run = run_main("ask", "--answers", str(answers), "--country", "AU", env={"METASYMPTOMS_COUNTRY": "US"})
    assert run.returncode == 0, run.stderr
    assert "(000)" in run.stdout and "911" not in run.stdout


# --- the end of an emergency run -------------------------------------------------------------


def test_stopping_for_an_emergency_shows_the_card_and_ends_on_the_action(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "seizure": True})
    assert run_interview(book, plain=True, prompter=prompter) == 0
    seizure = next(flag for flag in book.red_flags if flag.id == "seizure")
    at = prompter.shown.index(("subheading", "Tell the call handler:")) - 2
    assert prompter.shown[at:] == [
        ("emergency", f"EMERGENCY: {seizure.title}"),
        ("emergency", seizure.advice),  # the warning sign's own advice, the rule book's words
        ("subheading", "Tell the call handler:"),
        ("info", f"  - Warning sign: {seizure.title}"),
        ("info", "  - A seizure (fit) that is new, long or repeated"),
        ("info", ""),
        ("emergency", action(book)),
    ]
    assert prompter.asked[-1] == "Would you like to see the rest of your result?"


def test_the_card_carries_the_flags_own_advice_and_a_short_third_person_handover(book: RuleBook) -> None:
    answers = {
        "cancer_history": "current",
        "primary_cancer": "breast",
        "known_spread": "bones",
        "recent_treatment": True,
        "recent_chemotherapy": True,
        "temperature": 38.4,
    }
    prompter = ScriptedPrompter(book, answers=answers)
    run_interview(book, plain=True, prompter=prompter)
    flag = next(flag for flag in book.red_flags if flag.id == "fever_on_chemotherapy")
    at = prompter.shown.index(("subheading", "Tell the call handler:"))
    assert prompter.shown[at - 2 : at] == [
        ("emergency", f"EMERGENCY: {flag.title}"),
        ("emergency", flag.advice),
    ]
    assert "24-hour line" in flag.advice  # the card says so, not "call the emergency number now"
    assert [text for _, text in prompter.shown[at + 1 :]] == [
        f"  - Warning sign: {flag.title}",
        "  - Temperature 38.4 °C (101.1 °F)",  # the measurement, not the sign's definition
        "  - Has breast cancer now",  # treatment is said once, below
        "  - Told the cancer has spread to the bones",
        "  - Recent treatment: chemotherapy or another cancer drug in the last 6 weeks",
        "",
        action(book),
    ]
    # The last line agrees with the 24-hour line first: it names the number, no "call now" over it.
    assert action(book) == (
        "Get help now, as the advice above says. Your local emergency number is 911 / 999 / 112; "
        "or go to the nearest emergency department."
    )


def test_the_rest_of_the_result_only_when_asked_and_still_ending_on_the_action(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "seizure": True})
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        return (
            "yes"
            if message.startswith("Would you like to see the rest")
            else original(message, options, default, hint, **kwargs)
        )

    prompter.choose = choose  # type: ignore[method-assign]
    run_interview(book, plain=True, prompter=prompter)
    texts = [text for _, text in prompter.shown]
    # The person knows where they are: the questions ended, the result is from the answers so far.
    at = texts.index("Your result, from your answers so far")
    assert texts[at - 1].startswith(
        "The questions have ended. This result is worked out from the answers you gave before you stopped; "
    )
    assert "questions were not asked, so it may leave things out" in texts[at - 1]
    # A summary is offered, for the people who see the person now, before the number to call.
    assert "Would you like to save a summary to show the people who see you?" in prompter.asked
    assert texts[-1] == action(book)
    assert not any(text.startswith("Take care") for text in texts)


def test_going_on_after_an_emergency_still_ends_on_the_action(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "confusion": True})
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        return (
            "__go_on__"
            if message == "What would you like to do now?"
            else original(message, options, default, hint, **kwargs)
        )

    prompter.choose = choose  # type: ignore[method-assign]
    run_interview(book, plain=True, prompter=prompter)
    assert prompter.shown[-1] == ("emergency", action(book))


# --- the review never changes an answer behind the person's back ------------------------------


def test_every_answer_opened_from_the_review_starts_on_itself(book: RuleBook) -> None:
    """Answer every question (a mix of yes, no and choices), open each item from the review,
    press Enter, and find every answer as it was."""
    answers = {q.finding: True for q in book.questions if book.finding(q.finding).type == "yes_no"}
    answers.update(cancer_history="past", primary_cancer="ovarian", recent_chemotherapy=False, seizure=False)
    answers.update({finding: False for finding in ("fever", "confusion", "night_sweats", "bloating")})
    first = Questionnaire(book, ScriptedPrompter(book, answers=answers))
    first.emergencies_shown = {flag.id for flag in book.red_flags}  # answer everything, no stop
    given = first.run().answers
    assert len(given) > 40 and False in given.values() and True in given.values()

    order = [q.finding for q in book.questions if q.finding in given]
    prompter = ScriptedPrompter(book, answers=answers, steps=[])
    questionnaire = Questionnaire(book, prompter)
    questionnaire.emergencies_shown = set(first.emergencies_shown)
    prompter.steps = []
    opened: list[str] = []
    texts = {q.finding: q.text for q in book.questions}
    original = prompter.choose

    def choose(message, options, default, hint=None, **kwargs):
        # Every emergency counts as shown: the review's question starts with the reminder.
        if message.endswith("\nShow your result, or change an answer?"):
            if len(opened) < len(order):
                # once an opened answer is given, the review reopens on "Show my result"
                assert default == "__result__"
                opened.append(order[len(opened)])
                return opened[-1]
            return "__result__"
        if opened and message == texts[opened[-1]] and len(prompter.asked) > len(order):
            return default  # Enter
        return original(message, options, default, hint, **kwargs)

    prompter.choose = choose  # type: ignore[method-assign]
    assert questionnaire.run().answers == given
    assert opened == order


def test_plain_yes_no_take_letters_and_words() -> None:
    typed = io.StringIO("y\nno\nYES\nn\n2\n")
    shown = io.StringIO()
    prompter = PlainPrompter(shipped_wording(), typed, shown, width=60)
    options = [("No", "no"), ("Yes", "yes")]
    assert [prompter.choose("Q?", options, "no") for _ in range(5)] == ["yes", "no", "yes", "no", "yes"]
    assert "Type a number, or y or n, and press Enter." in shown.getvalue()


def test_plain_headings_are_not_underlined_and_long_lines_wrap() -> None:
    shown = io.StringIO()
    prompter = PlainPrompter(shipped_wording(), io.StringIO(), shown, width=40)
    prompter.say("Bones and back", "heading")
    prompter.say("A long sentence that has to wrap at a word boundary on a narrow screen.")
    assert shown.getvalue() == (
        "\nBones and back\nA long sentence that has to wrap at a\nword boundary on a narrow screen.\n"
    )


# --- "not sure" and typed numbers ----------------------------------------------------------


@pytest.fixture
def number_book(tmp_path: Path) -> RuleBook:
    from metasymptoms.core.loader import load
    from tests.helpers import WITH_A_NUMBER, write_book

    return load(write_book(tmp_path / "rules", WITH_A_NUMBER)).book


NOT_SURE_AND_A_NUMBER = {
    "cancer_history": "current",
    "back_pain": "unsure",
    "limb_weakness": False,
    "jaundice": False,
}


def test_not_sure_and_a_typed_number_opened_from_the_review_start_on_themselves(
    number_book: RuleBook,
) -> None:
    """Answer "not sure" and type a temperature; open each from the review, press Enter, and
    find both as they were (a number is offered back as typed, "not sure" as itself)."""
    prompter = ScriptedPrompter(number_book, answers=dict(NOT_SURE_AND_A_NUMBER))
    original_choose = prompter.choose
    offered: dict[str, str] = {}
    opened: list[str] = []
    to_open = ["back_pain", "temperature"]
    texts = {q.finding: q.text for q in number_book.questions}

    def choose(message, options, default, hint=None, **kwargs):
        if message == "Show your result, or change an answer?":
            if to_open:
                opened.append(to_open.pop(0))
                return opened[-1]
            return "__result__"
        if opened and message == texts[opened[-1]]:
            offered[opened[-1]] = default
            return default  # Enter
        return original_choose(message, options, default, hint, **kwargs)

    def ask_text(message: str, default: str) -> str:
        if not opened:
            return "38.5"  # typed the first time
        offered["temperature"] = default
        return default  # Enter

    prompter.choose = choose  # type: ignore[method-assign]
    prompter.ask_text = ask_text  # type: ignore[method-assign]
    answers = Questionnaire(number_book, prompter).run().answers
    assert offered == {"back_pain": "unsure", "temperature": "38.5"}
    assert answers == {**NOT_SURE_AND_A_NUMBER, "temperature": 38.5}


@pytest.mark.parametrize(("typed", "value"), [("38", 38.0), ("38.25", 38.25), ("38,25", 38.25)])
def test_a_typed_number_opened_from_the_review_is_offered_as_it_was_typed(
    number_book: RuleBook, typed: str, value: float
) -> None:
    """Enter keeps the number as it was: 38, not 38.0; 38.25, not 38.2 (which Enter would
    then have recorded)."""
    prompter = ScriptedPrompter(number_book, answers=dict(NOT_SURE_AND_A_NUMBER))
    original_choose = prompter.choose
    kept: list[str] = []

    def choose(message, options, default, hint=None, **kwargs):
        if message == "Show your result, or change an answer?":
            return "temperature" if not kept else "__result__"
        return original_choose(message, options, default, hint, **kwargs)

    def ask_text(message: str, default: str) -> str:
        if not default:
            return typed  # the first time
        kept.append(default)
        return default  # Enter

    prompter.choose = choose  # type: ignore[method-assign]
    prompter.ask_text = ask_text  # type: ignore[method-assign]
    answers = Questionnaire(number_book, prompter).run().answers
    assert kept == [typed.replace(",", ".")]
    assert answers["temperature"] == value


def test_a_typed_number_changed_from_the_review_can_be_left_out(number_book: RuleBook) -> None:
    prompter = ScriptedPrompter(number_book, answers=dict(NOT_SURE_AND_A_NUMBER))
    original_choose = prompter.choose
    typed = iter(["38.5", "warm", "none"])
    prompts: list[str] = []

    def choose(message, options, default, hint=None, **kwargs):
        if message == "Show your result, or change an answer?":
            return "temperature" if len(prompts) == 1 else "__result__"
        return original_choose(message, options, default, hint, **kwargs)

    def ask_text(message: str, default: str) -> str:
        prompts.append(message)
        return next(typed)

    prompter.choose = choose  # type: ignore[method-assign]
    prompter.ask_text = ask_text  # type: ignore[method-assign]
    answers = Questionnaire(number_book, prompter).run().answers
    assert answers["temperature"] is None  # left out: not given
    assert prompts[0].endswith("Press Enter to leave it out; ? = why, b = back")
    assert prompts[1].endswith("Press Enter to keep it, or type none to leave it out; ? = why, b = back")
    assert (
        "hint",
        '"warm" is not a temperature this tool can read (30 to 45 °C). Please type it like 38.5, 101.3 F; '
        "press Enter to keep your earlier answer, or type none to leave it out.",
    ) in prompter.shown


def test_the_clinician_reads_not_sure_and_numbers_in_every_format(number_book: RuleBook) -> None:
    answers = {**NOT_SURE_AND_A_NUMBER, "temperature": 38.5}
    assessment = assess(number_book, answers)
    text = render_markdown(number_book, assessment, MADE)
    assert "- Answered not sure: new back pain\n" in text
    assert "2. Back pain? **Not sure**\n" in text
    assert f"5. {TEMPERATURE_QUESTION} **38.5 °C (101.3 °F)**\n" in text
    assert (
        "  - Urgent: Fever during cancer treatment (Now; your highest temperature today: 38.5 °C (101.3 °F))\n"
        in text
    )
    page = render_html(number_book, assessment, MADE)
    assert "<dt>Answered not sure</dt><dd>new back pain</dd>" in page
    assert '<td>Back pain?</td><td class="answer">Not sure</td>' in page
    assert '<td class="answer">38.5\u00a0°C (101.3\u00a0°F)</td>' in page  # never split at a line's end
    asked = assessment_data(number_book, assessment, MADE)["asked"]
    assert {
        "finding": "back_pain",
        "question": "Back pain?",
        "answer": "unsure",
        "answer_text": "Not sure",
    } in asked
    assert {
        "finding": "temperature",
        "question": TEMPERATURE_QUESTION,
        "answer": 38.5,
        "answer_text": "38.5 °C (101.3 °F)",
    } in asked


def test_plain_not_sure_takes_u_and_words_where_it_is_offered() -> None:
    typed = io.StringIO("u\nnot sure\nUnsure\n?\n3\nu\n")
    shown = io.StringIO()
    prompter = PlainPrompter(shipped_wording(), typed, shown, width=60)
    offered = [("No", "no"), ("Yes", "yes"), ("I'm not sure", "unsure"), (None, ""), ("Why?", "__why__")]
    assert [prompter.choose("Q?", offered, "no") for _ in range(5)] == ["unsure"] * 3 + ["__why__", "unsure"]
    assert (
        "Type a number, or y, n or u (not sure), and press Enter;\n? = why am I asked this.\n"
        in shown.getvalue()
    )
    # where "not sure" is not offered, u is not an answer: the person is told what is
    assert (
        PlainPrompter(shipped_wording(), io.StringIO("u\nn\n"), shown, width=60).choose(
            "Q?", [("No", "no"), ("Yes", "yes")], "no"
        )
        == "no"
    )
    assert (
        "> u\nPlease type a number from 1 to 2, or y or n, or press Enter\nfor the marked answer.\n"
        in shown.getvalue()
    )


def test_plain_typed_prompts_wrap_at_word_boundaries() -> None:
    shown = io.StringIO()
    prompter = PlainPrompter(shipped_wording(), io.StringIO("\n"), shown, width=40)
    message = TEMPERATURE_QUESTION + "\n(Type it in °C.)\nPress Enter to keep it."
    assert prompter.ask_text(message, "38.5") == "38.5"
    lines = shown.getvalue().split("\n")
    assert lines[0] == "" and all(len(line) <= 39 for line in lines)
    # Each line of the message starts a line of its own; the answer is typed on its own line.
    assert lines[-5:] == ["(Type it in °C.)", "Press Enter to keep it.", "(Enter: 38.5)", "> ", ""]
    assert " ".join(" ".join(lines[:-5]).split()) == TEMPERATURE_QUESTION


# --- what the engine read from another answer is shown as the engine read it -----------

MEASURED = {
    "cancer_history": "current",
    "primary_cancer": "breast",
    "recent_treatment": True,
    "recent_chemotherapy": True,
    "temperature": 38.4,
}


def test_a_measured_temperature_is_shown_as_the_fever_the_engine_read(book: RuleBook) -> None:
    assessment = assess(book, MEASURED)
    text = render_markdown(book, assessment, MADE)
    fever = "a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery"
    assert "not given" not in text
    urgent = next(flag for flag in book.red_flags if flag.id == "fever_with_cancer")
    assert (
        f"  - Urgent: {urgent.title} (I have cancer now, or I am being treated for it; "
        f"{fever}: yes, from your measured temperature: 38.4 °C (101.1 °F))\n"
    ) in text
    assert f"- Symptoms reported: {fever} (yes, from your measured temperature: 38.4 °C (101.1 °F))\n" in text
    # Treatment is never called a symptom.
    assert (
        "- Treatment reported: cancer treatment or steroid tablets in the last 6 weeks; "
        "chemotherapy or another cancer drug in the last 6 weeks\n"
    ) in text
    assert (
        f"Because your answers show {fever} (from your measured temperature: 38.4 °C (101.1 °F)), "
        'and you answered "I have cancer now, or I am being treated for it".'
    ) in text


def test_a_measured_value_listed_beside_what_it_implies_is_given_once(book: RuleBook) -> None:
    from metasymptoms.answering.summary import plain_answer
    from metasymptoms.core.explain import because_sentence

    fever = "a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery"
    beside = ("fever", "temperature")
    assert (
        plain_answer(book, "fever", None, MEASURED, beside) == f"{fever}: yes, from your measured temperature"
    )
    assert because_sentence(book, beside, MEASURED) == (
        "Because you gave your measured temperature: 38.4 °C (101.1 °F), and your answers show "
        f"{fever} (from your measured temperature)."
    )


FEATURES = "back or neck pain with warning features"


@pytest.mark.parametrize(
    ("finding", "value", "said"),
    [
        ("back_pain", True, "new back or neck pain"),  # a symptom: its own words
        ("back_pain", UNSURE, "new back or neck pain (not sure)"),
        ("back_pain", False, "new back or neck pain: No"),
        (
            "back_pain_red_features",
            ("wakes_at_night", "upper_back_or_neck"),
            f"{FEATURES} (wakes at night; in the upper or middle back, or the neck)",
        ),
        ("back_pain_red_features", True, FEATURES),  # an answers file's yes: which is not said
        ("back_pain_red_features", UNSURE, f"{FEATURES} (not sure)"),
        ("back_pain_red_features", False, f"{FEATURES}: None of these"),
        ("temperature", 38.4, "your measured temperature: 38.4 °C (101.1 °F)"),
        ("temperature", 37.0, "your measured temperature: 37 °C (98.6 °F)"),
        # To the tenth in both units: 101.1488 °F, not 101.15 rounded again to 101.2.
        ("temperature", 38.416, "your measured temperature: 38.4 °C (101.1 °F)"),
        ("temperature", UNSURE, "your measured temperature: Not sure"),
        ("temperature", None, "your measured temperature: not given"),
        ("vomiting_times", 3.0, "being sick several times in 24 hours: 3 times in 24 hours"),
    ],
)
def test_a_handover_tells_each_kind_of_answer_in_words(
    book: RuleBook, finding: str, value: object, said: str
) -> None:
    from metasymptoms.answering.summary import plain_answer

    assert plain_answer(book, finding, value) == said


def test_a_no_overruled_by_the_measured_temperature_says_both(book: RuleBook) -> None:
    answers = {**MEASURED, "fever": False}
    data = assessment_data(book, assess(book, answers), MADE)
    fever = next(item for item in data["asked"] if item["finding"] == "fever")
    assert fever["answer"] is False
    assert fever["answer_text"] == "No (read as yes, from your measured temperature: 38.4 °C (101.1 °F))"
    signs = clinician_summary(book, assess(book, answers), MADE).warning_signs
    assert any(
        "or feeling hot and shivery: yes, from your measured temperature: 38.4 °C (101.1 °F) (answered no)"
        in line
        for sign in signs
        for line in sign.reported
    )


def test_a_temperature_below_the_threshold_implies_nothing(book: RuleBook) -> None:
    answers = {**MEASURED, "temperature": 37.0}
    summary = clinician_summary(book, assess(book, answers), MADE)
    assert summary.reported == ()
    assert any(item.finding == "fever" for item in summary.not_asked)


@pytest.mark.parametrize(
    "answers",
    [
        {"cancer_history": "none", "seizure": True},  # no site matched
        {"cancer_history": "none", "headache": True, "seizure": True, "confusion": True},  # sites, no cancer
        {"cancer_history": "current", "primary_cancer": "lung", "seizure": True, "headache": True},
    ],
)
def test_nothing_routine_or_reassuring_follows_emergency_advice(book: RuleBook, answers: dict) -> None:
    assessment = assess(book, answers)
    assert assessment.urgency.value == "emergency"
    headings = [block.heading for block in blocks(book, assessment)]
    text = render_text(book, assessment)
    assert "do not match the symptom patterns" not in text
    assert "What your answers point to" not in headings and "Other causes are common" not in headings
    for framing in (book.guidance.with_cancer, book.guidance.without_cancer, book.guidance.common_causes):
        assert framing.split(".")[0] not in text


def test_without_an_emergency_the_no_match_wording_stays(book: RuleBook) -> None:
    text = render_text(book, assess(book, {"cancer_history": "none", "itching": True}))
    assert "Your answers do not match the symptom patterns this tool looks for." in text


# --- outlook and planning-ahead questions only where the guidance says they fit -------------

OUTLOOK = "What can improve my outlook?"


@pytest.mark.parametrize(
    ("answers", "offered"),
    [
        ({"cancer_history": "past", "primary_cancer": "breast", "known_spread": "none"}, False),
        # past cancer, no known spread, symptoms pointing to the bones: not a verdict to hint at
        (
            {"cancer_history": "past", "primary_cancer": "breast", "known_spread": "none", "bone_pain": True},
            False,
        ),
        ({"cancer_history": "current", "primary_cancer": "breast", "known_spread": "none"}, False),
        ({"cancer_history": "current", "primary_cancer": "breast", "known_spread": "unsure"}, False),
        ({"primary_cancer": "breast", "bone_pain": True}, False),  # history not given: not for certain
        ({"cancer_history": "past", "primary_cancer": "breast", "known_spread": "bones"}, True),
        ({"cancer_history": "current", "primary_cancer": "lung", "known_spread": "elsewhere"}, True),
        # cancer now, no known spread, symptoms pointing to the bones: only for people told of
        # spread (fact 41 in docs/clinical-basis.md)
        (
            {
                "cancer_history": "current",
                "primary_cancer": "breast",
                "known_spread": "none",
                "bone_pain": True,
            },
            False,
        ),
        ({"cancer_history": "none", "bone_pain": True}, False),
    ],
)
def test_outlook_questions_and_survival_note_only_where_they_fit(
    book: RuleBook, answers: dict, offered: bool
) -> None:
    assessment = assess(book, answers)
    text = render_text(book, assessment)
    assert (OUTLOOK in text) is offered
    assert ("Will palliative (supportive) care continue" in text) is offered
    assert ("does not show survival figures" in text) is offered
    # The survival note is about every cancer: it cites a general page on survival figures,
    # never one cancer's (a breast-cancer page was cited for every cancer).
    assert ("ASCO-STATS" in assessment.sources) is offered
    assert "ACS-SURV" not in assessment.sources
    if assessment.audience == "with_cancer":
        assert "What are my treatment options?" in text  # the everyday questions stay


# --- web addresses are never broken by wrapping ---------------------------------------------


def test_a_web_address_too_long_for_its_line_keeps_the_lists_indent_whole() -> None:
    from metasymptoms.answering.prompter import wrap

    url = "https://www.example.org/" + "a" * 53  # 77 characters: fits 80 columns, not after "    "
    # On its own line at the list's indent, past the right edge: never at the left edge,
    # where it broke the list's line (a reviewer's finding), and never broken.
    assert wrap(f'[KEY] Publisher, "A title", {url}', 78, indent="    ", first="  - ") == [
        '  - [KEY] Publisher, "A title",',
        f"    {url}",
    ]
    longer = url + "b" * 40  # longer than the screen: on a line of its own, unbroken
    assert wrap(f"See {longer} now", 60) == ["See", longer, "now"]


@pytest.mark.parametrize("width", [60, 80])
def test_every_source_address_is_whole_on_one_line_of_the_result_screen(book: RuleBook, width: int) -> None:
    answers = {
        "cancer_history": "current",
        "primary_cancer": "colorectal",
        "back_pain": True,
        "limb_weakness": True,
    }
    assessment = assess(book, answers)
    for prompter in (PlainPrompter, ArrowKeyPrompter):  # --plain, and the arrow keys
        out = io.StringIO()
        show_result(prompter(book.guidance.wording, stdout=out, width=width), book, assessment)
        lines = out.getvalue().splitlines()
        for key in assessment.sources:
            url = book.source(key).url
            holding = [line for line in lines if url in line.split()]  # a whole word, not a prefix of another
            assert holding, f"{url} is broken across lines"
            # Too long for the line: alone on its own, at the list's indent.
            assert all(line == f"    {url}" or len(line) <= width - 1 for line in holding), holding
        assert any(line.startswith("    https://") and len(line) >= width for line in lines)


def test_a_person_without_a_cancer_diagnosis_is_listed_only_pages_for_everyone_and_no_hint(
    book: RuleBook,
) -> None:
    from metasymptoms.answering.assessment_html import render_html
    from metasymptoms.answering.assessment_json import render_json
    from metasymptoms.answering.assessment_text import render_markdown, render_text

    answers = {"cancer_history": "none", "shortness_of_breath": True, "cough": True}
    assessment = assess(book, answers)
    assert assessment.sources == ("NHS-BREATH", "ACS-SX")
    outputs = [
        render_text(book, assessment),
        render_markdown(book, assessment),
        render_html(book, assessment),
        render_json(book, assessment),
    ]
    for output in outputs:
        flat = " ".join(output.split())
        for hint in ("more page", "not listed here", "not_shown", "written for people"):
            assert hint not in flat, hint
        for other in ("Lung Metastases", "ACS-LUNG", "ASCO-PE", "CC-META", "MHRA-APPS"):
            assert other not in flat, other
    # with a diagnosis, every page is named
    with_cancer = assess(book, {**answers, "cancer_history": "current"})
    assert {"ACS-LUNG", "ASCO-PE", "CC-META", "MHRA-APPS"} <= set(with_cancer.sources)


def test_an_emergency_summary_is_for_the_people_who_see_the_person_now(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_html import render_html
    from metasymptoms.answering.assessment_text import render_markdown

    answers = {"cancer_history": "none", "recent_treatment": True, "on_steroids": True, "temperature": 38.1}
    assessment = assess(book, answers)
    assert render_markdown(book, assessment).startswith(
        "# metasymptoms: summary to show the people who see you\n"
    )
    assert "<h1>Summary to show the people who see you</h1>" in render_html(book, assessment)
    assert "appointment" not in render_html(book, assessment).split("<h2")[0]


@pytest.mark.parametrize(
    ("pressed", "default", "saved"),
    [
        # "s" asks for a summary: Enter at "Would you like to save ...?" saves the page to
        # print (a new user pressed "s", then Enter, and lost the summary they had asked for).
        (["s"], "html", True),
        # Offered after "read more", unasked: Enter declines, as before.
        ([""], "none", False),
    ],
)
def test_enter_after_pressing_s_saves_the_summary_asked_for(
    book: RuleBook,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pressed: list[str],
    default: str,
    saved: bool,
) -> None:
    from metasymptoms.answering.result_screen import present_result
    from tests.scripted import ScriptedPrompter

    monkeypatch.chdir(tmp_path)
    prompter = ScriptedPrompter(book, pressed=pressed)
    present_result(prompter, book, assess(book, ANSWERS), can_save=True)
    question = book.guidance.wording.save.question
    assert prompter.defaults[question] == default
    page = tmp_path / "metasymptoms-summary.html"
    assert page.exists() == saved
    if saved:
        assert page.read_text().startswith("<!doctype html>")


# --- printed by a real browser (last in the module: the browser tests run one after another,
# sharing one Chromium, tests/conftest.py) ----------------------------------------------------


def test_html_prints_to_pdf_in_a_real_browser(
    shipped: LoadedBook, tmp_path: Path, reused_page: Callable[..., Any]
) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("needs pdftotext (poppler-utils); .ci/run installs it as root")
    answers = {
        "cancer_history": "current",
        "primary_cancer": "lung",
        "back_pain": True,
        "limb_weakness": True,
    }
    page = tmp_path / "summary.html"
    page.write_text(
        render_html(for_country(shipped, "AU"), assess(for_country(shipped, "AU"), answers), MADE)
    )
    pdf = tmp_path / "summary.pdf"
    reused_page(page.as_uri()).pdf(path=pdf)  # Chromium's own printing, without header or footer
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = " ".join(text.split())
    assert words.startswith(
        "Summary to show the people who see you Made with metasymptoms on 25 November 2026, 14:03"
    )
    assert "For the clinician" in words and words.index("For the clinician") < words.index("For you")
    assert "Urgency shown Emergency: get help now" in words
    assert "EMERGENCY: Possible pressure on the spinal cord" in words
    assert "Do you have new pain in your back or neck? Yes" in words
    assert "(000)" in words and "911 / 999 / 112" not in words  # the country's own number
    assert "https://www.cancer.org/" in words

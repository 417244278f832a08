"""A tiny valid rule book, written file by file, so each test can break one thing."""

from __future__ import annotations

import ast
import dataclasses
import functools
import io
import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from metasymptoms.core.guidance import Wording
from metasymptoms.core.model_base import Urgency

_TINY = {
    "findings.yaml": """\
        findings:
          - id: cancer_history
            label: your history of cancer
            role: cancer_history
            type: choice
            choices:
              - {value: none, text: Never}
              - {value: current, text: Now}
          - id: back_pain
            label: new back pain
          - id: limb_weakness
            label: weak legs
          - id: jaundice
            label: yellow skin
        """,
    "questions.yaml": """\
        sections:
          - id: about_you
            title: About you
            questions:
              - finding: cancer_history
                text: Have you been told you have cancer?
          - id: body
            title: Your body
            questions:
              - finding: back_pain
                text: Back pain?
              - finding: limb_weakness
                text: Weak legs?
                ask_if: back_pain
              - finding: jaundice
                text: Yellow skin?
        """,
    "red_flags.yaml": """\
        red_flags:
          - id: cord
            title: Cord pressure
            when:
              all:
                - cancer_history: [current]
                - back_pain
                - limb_weakness
            urgency: emergency
            advice: Call your local emergency number now.
            sources: [SRC-A]
            checked: {by: author, date: 2026-01-01}
        """,
    "primaries.yaml": """\
        primaries:
          - id: breast
            name: Breast cancer
            common_sites: [bones]
            sources: [SRC-A]
        """,
    "guidance.yaml": """\
        purpose: Learning only.
        not_a_diagnosis: Not a diagnosis.
        see_provider: See your healthcare provider.
        advice:
          emergency: Call now, to be seen by a healthcare provider at once.
          urgent: Today.
          prompt: Within days.
          routine: At your next visit.
        with_cancer: Tell your care team.
        without_cancer: Symptoms a provider may want to check; they often have common causes.
        unsure_cancer: Symptoms a provider may want to check.
        common_causes: Most have other causes.
        nothing_reported: Nothing reported.
        emergency_signs: [Weak legs with back pain]
        provider_tests: [Scans]
        treatment: Treatment follows the primary cancer.
        questions_to_ask: [What next?]
        survival_note: No survival figures.
        support: Support is there.
        sources: [SRC-A]
        without_cancer_tests: [A healthcare provider will decide which tests are needed.]
        without_cancer_questions: [What could be causing these symptoms?]
        without_cancer_support: "If you are worried, say so: your provider can help."
        without_cancer_urgent: Contact a doctor, an urgent care service or a nurse line today.
        without_cancer_serious: >-
          These are the parts of the body your symptoms relate to. Only a provider who examines
          you can find the cause, which is why the advice above matters.
        emergency_numbers:
          anywhere: 911 / 999 / 112
          countries:
            - {country: GB, number: "999", name: United Kingdom}
        first_steps:
          emergency_services: Call {emergency_number} now.
          cancer_team_line: Call your team, else {emergency_number}.
        wording:
          emergency:
            number_line: In an emergency call {emergency_number}.
            action: Get help now on {emergency_number}.
            signs_heading: Call {emergency_number} if you notice
            heading: "EMERGENCY: get help now"
            first_step: "First: {first_step}"
            first_step_in_result: "Get help now. First: {first_step}"
            call_handler: Tell the call handler
            reminder: "EMERGENCY: {titles}. Get help now on {emergency_number}."
            changed_back: Reported earlier, then changed; the advice stands.
          interrupt:
            question: What would you like to do now?
            first: Stop here and get help now
            second: Go on with the questions
          after_stopping:
            question: Would you like to see the rest of your result?
            first: No, I will get help now
            second: Yes, show the result from my answers so far
          result_after_stopping: Your result, from your answers so far
          urgency_headings:
            emergency: "Emergency: get help now"
            urgent: "Urgent: get help today"
            prompt: "Soon: see a healthcare provider within the next few days"
            routine: "Routine: none of the warning signs this tool checks for"
          urgency_labels:
            emergency: EMERGENCY
            urgent: Urgent
            prompt: See a provider within days
            routine: At your next visit
          see_provider_footer: Please see a healthcare provider about any symptom that worries you.
          opening_purpose: This tool asks about symptoms and says how soon to get help.
          export:
            about: This form only collects answers.
            emergency: Get help now on {emergency_number} if you have any of these.
          arrow_keys:
            tick: arrow keys to move, space to tick or untick, Enter when done
            taken_back: "(Taken back: the answer above no longer counts.)"
            choose: arrow keys to move, Enter to choose
            how_to_answer: >-
              Move with the arrow keys and press Enter to choose; Enter alone picks the highlighted
              answer (at a new yes-or-no question, "No"). At every question you can also choose
              "{why}", and after the first, "{back}"; or type ? or b. Where you may choose several,
              tick each that is true with the space bar, then press Enter (none ticked: none of them).
            left_out: (left out)
          questions:
            title: "metasymptoms: symptoms a provider may want to check, and how soon"
            opening: >-
              You will be asked one question at a time. {how_to_answer} Press Ctrl-C at any time to
              stop; nothing is saved unless you ask.
            progress: "{section}: question {position} of up to {count}"
            why: Why am I asked this?
            back: Back to the previous question
            first_question: This is the first question; there is nothing before it.
            enter_is_not_sure: At the questions about your treatment, Enter alone gives "I'm not sure".
            why_key: "? = why"
            back_key: "b = back"
            enter_keeps: "Press Enter to keep it; {keys}"
            enter_keeps_or_none: "Press Enter to keep it, or type none to leave it out; {keys}"
            enter_leaves_out: "Press Enter to leave it out; {keys}"
            review_heading: Your answers
            review_intro: Check your answers. Choose one to change it, or show your result.
            review_question: Show your result, or change an answer?
            show_result: Show my result
          typed_numbers:
            celsius: {name: a temperature, like: "38.5, 101.3 F"}
            times_in_24_hours: {name: a number of times, like: 3 or 0}
            not_read: '"{typed}" is not {name} this tool can read ({low} to {high} {unit}).'
            fahrenheit: For Fahrenheit, type {typed} F.
            type_it_like: Please type it like {like}, or press Enter to leave it out.
            type_it_like_or_keep: >-
              Please type it like {like}; press Enter to keep your earlier answer, or type none to
              leave it out.
            type_it_like_on_a_page: Please type it like {like}, or leave the box empty if you have not measured it.
            hint_on_a_page: Type it like {like}, or leave the box empty if you have not measured it.
          plain:
            how_to_answer: >-
              Each answer has a number: type it and press Enter. For yes or no, you can also type y or
              n, and u wherever you may answer not sure. Pressing Enter alone gives the answer marked
              (Enter). Type ? to hear why a question is asked, or, after the first question, b to go
              back to the previous one.
            marked: (Enter)
            not_sure: u (not sure)
            do_not_know: u (I do not know)
            type_a_number: Type a number and press Enter
            type_yes_no: Type a number, or y or n, and press Enter
            type_yes_no_unsure: Type a number, or y, n or {unsure}, and press Enter
            type_unsure: Type a number, or {unsure}, and press Enter
            why_key: "? = why am I asked this"
            refused: Please type a number from 1 to {count}, or press Enter for the marked answer.
            refused_yes_no: Please type a number from 1 to {count}, or y or n, or press Enter for the marked answer.
            refused_yes_no_unsure: >-
              Please type a number from 1 to {count}, or y, n or {unsure}, or press Enter for the
              marked answer.
            refused_unsure: Please type a number from 1 to {count}, or {unsure}, or press Enter for the marked answer.
            going_back: Going back to the previous question.
            enter_gives: "(Enter: {answer})"
            press_refused: Please press Enter, or type {keys} and press Enter.
            either: "{some} or {last}"
          which_of_these:
            type_the_numbers: >-
              Type the numbers of all that apply (for example 1 3), 0 or Enter alone for none of
              these, u if you are not sure
            type_the_numbers_to_change: >-
              Type the numbers of all that apply (for example 1 3), 0 for none of these, u if you
              are not sure
            refused: >-
              Type the numbers of those that apply (1 to {count}), 0 for none of these, or u if you are
              not sure.
            mixed: "None of these cannot go with one of them: choose one or the other."
            mixed_ticked: Choose the ones that apply, or “None of these” or “I'm not sure” on its own
          result:
            title: "metasymptoms: what your answers point to"
            also_tell: Also tell them about
            why_these_signs: Why these warning signs
            not_sure_heading: Answers you were not sure about
            not_sure: >-
              You were not sure about {names}. Each is read the safer way: as if it might be there.
              Tell your provider you were not sure.
            not_given_heading: Questions not answered
            not_given: >-
              No answer was given about {names}. Each is read the safer way: as if it might be there.
              Tell your provider whether it applies to you.
            where_they_point: Where these symptoms can point to
            to_check: Symptoms a provider may want to check
            other_causes: Other causes are common
            no_match: Your answers do not match the symptom patterns this tool looks for.
            what_they_point_to: What your answers point to
            other_symptoms_heading: Other symptoms you told of
            other_symptoms: Tell your provider about these too.
            other_symptoms_in_emergency: Tell the people who see you about these too.
            spreads_to: "{cancer} most commonly spreads to: {sites} (listed in no particular order)."
            about_the_cancer: "About {cancer}"
            about_your_cancer: About your cancer
            no_sites_listed: >-
              Where cancer spreads depends on where it started: your care team can tell you which
              places matter for you.
            provider_may_do: What a provider may do
            questions_to_ask: Questions you may want to ask
            support: Support
            can_and_cannot: What this tool can and cannot do
            sources: Sources
          summary:
            title: Summary to bring to your appointment
            title_in_emergency: Summary to show the people who see you
            page_title: "metasymptoms summary, {when}"
            made: "Made with metasymptoms on {when}. Educational summary, not a diagnosis."
            for_clinician: For the clinician
            for_you: For you
            made_label: Made
            rule_book: Rule book
            urgency_shown: Urgency shown
            warning_signs: Warning signs reported
            symptoms: Symptoms reported
            treatment: Treatment reported
            not_sure: Answered not sure
            none: none
            no_symptoms: none of the symptoms asked about
            every_question: Every question asked, with its answer
            question: Question
            answer: Answer
            no_questions: No questions were answered.
            not_answered: "Not answered:"
            none_of_the_questions: "{section}: none of the {count} questions"
            read_as: "{answer} (read as {reading})"
            not_asked: not asked
            did_not_apply: >-
              Follow-up questions that did not apply to these answers (for example after a "No") were
              not asked.
            local_time: local time
          handover:
            warning_sign: "Warning sign: {title}"
            not_sure: "{answer} (not sure)"
            read_from: "{answer} (from {reading})"
            temperature: temperature {answer}
            has_now: Has {cancer} now
            had_in_the_past: Had {cancer} in the past
            has_or_had: Has or had {cancer}
            a_cancer: cancer
            not_sure_history: Not sure whether they have or had cancer
            spread_to_bones: Told the cancer has spread to the bones
            spread_elsewhere: Told the cancer has spread (not to the bones)
            not_sure_spread: Not sure whether the cancer has spread
            recent_treatment: "Recent treatment: {answer}"
          screen:
            read_more: "Enter: read more; s: save a summary; q: finish"
            read_more_no_save: "Enter: read more; q: finish"
            your_result: Your result
            stopped: >-
              The questions have ended. This result is worked out from the answers you gave before
              you stopped{not_asked}, so it may leave things out: tell whoever sees you about every
              symptom.
            one_not_asked: "; 1 question was not asked"
            some_not_asked: "; {count} questions were not asked"
          save:
            question: Would you like to save a summary to bring to your appointment?
            question_in_emergency: Would you like to save a summary to show the people who see you?
            decline: No, thank you
            html: Yes, as a page to print or show on screen (HTML)
            markdown: Yes, as a plain text file (Markdown)
            nothing_saved: Nothing was saved.
            file_name: File name for the summary
            exists: "{path} already exists. Replace it?"
            choose_another: No, choose another name
            replace: Yes, replace it
            failed: "The summary could not be saved: {error}."
            try_again: Try another name?
            try_another: Yes, try another name
            do_not_save: No, do not save
            bring: Bring it to your appointment.
            bring_in_emergency: Show it to the people who see you.
          pages:
            site_tagline: for learning, never a diagnosis
            skip_link: Skip to main content
            back: Back
            back_to_check: Back to check your answers
            back_hint: "Use this Back link: your browser's back button may ask to send the form again."
            educational_only: "Educational only: this tool never says what you have."
            not_stored: >-
              Your answers are not stored: they travel with each page you send, and closing the page
              forgets them.
            for_teachers: "For teachers:"
            the_lessons: the lessons
            for_reviewers: "For reviewers:"
            the_rule_book: the rule book
            go_to_start: Go to the start page
            start:
              title: "Symptoms a provider may want to check: how soon to get help"
              heading: Symptoms a provider may want to check, and how soon to get help
              in_an_emergency: In an emergency
              how_it_works: How this works
              steps:
                - You answer one question a page. Most take a moment; you can say you are not sure.
                - Each question says why it is asked, and you can go back or change an answer before the end.
                - If an answer is a sign that needs help now, you are told at once.
                - At the end you see how soon to get help and why, and can save a summary for your appointment.
              button: Start now
            question:
              error_title: "Error: {question}"
              problem: There is a problem
              error: "Error:"
              section_of: section {position} of {count}
              choose: Choose an answer
              select_all: Select all that apply, or one of the answers below the line.
              divider: or
              why: Why am I asked this?
              button: Continue
            check:
              title: Check your answers
              title_in_emergency: "Get help now: check your answers"
              intro: >-
                Change any answer before you see your result. Questions that no longer apply are left
                out, and any new ones are asked.
              change: Change
              your_answer_to: "your answer to: {question}"
              button: Show my result
            emergency:
              title: "Emergency: {title}"
              heading: Get help now
              read_out: "Emergency:"
            result:
              heading: Your result
              save: Save a summary
              save_intro: >-
                A summary to bring to your appointment: first a short part for the clinician, then
                your result.
              save_intro_in_emergency: >-
                A summary to show the people who see you: first a short part for them, then your
                result.
              download_html: Download a page to print (HTML)
              download_markdown: Download plain text (Markdown)
            answers_gone:
              heading: Your answers are not on this page
              paragraphs:
                - >-
                  This page shows answers only when they are sent from the page before it. Opened
                  again (a restored tab, a bookmark or a reload), it has none: your answers are never
                  kept, by this server or in the address, so they cannot be brought back.
                - Please start again. It takes a few minutes.
              button: Start again
            bad_form:
              heading: These answers could not be read
              paragraphs:
                - >-
                  The page sent answers this app cannot read: it may be from an older version, or
                  another rule book. Nothing was stored, so please start again.
            not_found:
              heading: Page not found
              paragraphs:
                - >-
                  There is no page at this address. Your answers are never in an address, so nothing
                  was lost.
            # /rules for a reviewer: its own words around what `rules check` reports (its messages
            # and their count are for the book's authors). Read from the book the server started with.
            rules:
              broken:
                heading: The rule book does not load
                paragraphs:
                  - >-
                    Its files have changed since the server started, and they have the problems below.
                    The questions and the lessons go on with the rule book as it was then; they use the
                    edited book once it loads and the server is started again.
              checked: "rules check: {tally}"
              no_problems: "rules check: no problems found"
              made_again: "This page is made again whenever a rule file changes: reload it after saving."
          answers:
            not_given: not given
            reported: "yes"
            not_sure: not sure
            read_from: "{answer}, from {source}"
            answered: "(answered {answer})"
            from_answer: "your answer about {finding}"
            from_not_sure: 'your answer "not sure" about {finding}'
          because:
            sentence: "Because {reasons}."
            between: ", and "
            reported: "you reported {names}"
            gave: "you gave {names}"
            show: "your answers show {names}"
            may_show: "your answers may show {names}, so the safer reading is used"
            not_sure: "you were not sure about {names}, so the safer reading is used"
            not_sure_several: "you were not sure about {names}, so the safer reading is used"
            answered: "you answered {names}"
            not_given: "{names} was not given, so the safer reading is used"
            read_from: "{finding} (from {source})"
          why_asked:
            sites: "Parts of the body it can relate to: {sites}."
            sooner_with: "Some symptoms need help sooner together with {finding}."
            emergency_sign: "Emergency warning sign: {title}."
            warning_sign: "Warning sign: {title}."
            cancer_questions: If you have or had cancer, a few questions about it follow.
            follow_ups: "Your answer decides whether these follow-up questions are asked:"
            where_it_started: Where cancer spreads depends on where it started.
            outlook: Your answer decides whether the result lists questions about what lies ahead.
            otherwise: It helps explain the rest of your answers in the right way.
          conditions:
            answer_is: "the answer about {finding} is {answers}"
            answer_is_not: "the answer about {finding} is not {answer}"
            answer_is_neither: "the answer about {finding} is neither {answer} nor {other}"
            answer_is_none_of: "the answer about {finding} is none of {answers}"
            value_is: "{finding} is {answers}"
            any_of: "any of: {conditions}"
            at_least: "at least {count} of: {conditions}"
            negated: "not {condition}"
          written:
            your_summary: "Wrote your summary to {path}."
            result: "Wrote the result to {path}."
            summary: "Wrote the summary to {path}."
            results: "Wrote the results to {path}."
            replaced: "The file that was there before has been replaced."
        """,
    "sources.yaml": """\
        sources:
          - id: SRC-A
            title: A source
            publisher: A publisher
            url: https://example.org/a-source
        """,
    "sites/bones.yaml": """\
        id: bones
        name: Bones
        about: The skeleton.
        how_found: Scans.
        sources: [SRC-A]
        rules:
          - id: bones.back
            when:
              all:
                - cancer_history: [current]
                - back_pain
            why: The spine is the most common bone site.
            sources: [SRC-A]
            checked: {by: author, date: 2026-01-01}
        """,
}


def _shipped_words(*blocks: str) -> str:
    """The shipped book's wording `blocks` (what a class reads, `teaching`; an answer's and a
    list's words; what `serve` says), for the tiny book: its lessons read as the shipped
    book's do, and one copy of those words is kept."""
    from metasymptoms.core.bookfiles import default_rules_dir

    lines = (default_rules_dir() / "guidance.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    copied = []
    for block in blocks:
        start = next(at for at, line in enumerate(lines) if line.startswith(f"  {block}:"))
        end = next(
            (
                at
                for at in range(start + 1, len(lines))
                if lines[at][:3].strip() and not lines[at].startswith("   ")
            ),
            len(lines),
        )
        copied += lines[start:end]
    return "".join(copied)


TINY = {name: textwrap.dedent(text) for name, text in _TINY.items()}
TINY["guidance.yaml"] += _shipped_words("teaching", "answer_words", "rule_book_status", "lists", "serve")

# The findings the condition-language tests parse against: their kinds, and a choice's values.
KINDS = {
    "a": ("yes_no", ()),
    "b": ("yes_no", ()),
    "c": ("yes_no", ()),
    "history": ("choice", ("none", "current", "past")),
    "temperature": ("number", ()),
}


def write_book(folder: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write the tiny book into `folder`; each change replaces a file's text, None deletes it."""
    files = {**TINY, **(changes or {})}
    for name, text in files.items():
        if text is None:
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def relevelled(folder: Path, flag: str, was: str, now: str) -> Path:
    """The book in `folder` with one red flag's urgency changed from `was` to `now`, in place
    (the first `urgency: WAS` after the flag's id); the folder, for chaining."""
    path = folder / "red_flags.yaml"
    flags = path.read_text()
    at = flags.index(f"urgency: {was}", flags.index(f"  - id: {flag}\n"))
    path.write_text(flags[:at] + f"urgency: {now}" + flags[at + len(f"urgency: {was}") :])
    return folder


def problems_of(folder: Path) -> list[str]:
    """Every problem the loader reports, with the folder written as 'rules'."""
    from metasymptoms.core.loader import load
    from metasymptoms.core.problems import RuleBookError

    try:
        loaded = load(folder)
    except RuleBookError as error:
        problems = error.problems
    else:
        problems = loaded.warnings
    return [str(problem).replace(str(folder), "rules") for problem in problems]


# The tiny book with a typed number (a temperature) that a warning sign tests, so its
# questions offer "not sure" and one is answered by typing.
TEMPERATURE_QUESTION = (
    "If you have measured your temperature today, what was the highest reading, in degrees "
    "Celsius or with F after it for Fahrenheit?"
)
WITH_A_NUMBER = {
    "findings.yaml": TINY["findings.yaml"]
    + textwrap.indent(
        textwrap.dedent(
            """\
            - id: temperature
              label: your highest temperature today
              type: number
              unit: celsius
              minimum: 30
              maximum: 45
            """
        ),
        "  ",
    ),
    "questions.yaml": TINY["questions.yaml"]
    + textwrap.indent(f"- finding: temperature\n  text: {TEMPERATURE_QUESTION}\n", "      "),
    "red_flags.yaml": TINY["red_flags.yaml"]
    + textwrap.indent(
        textwrap.dedent(
            """\
            - id: fever
              title: Fever during cancer treatment
              when:
                all:
                  - cancer_history: [current]
                  - temperature: {at_least: 38}
              urgency: urgent
              advice: Call your care team's helpline today.
              sources: [SRC-A]
              checked: {by: author, date: 2026-01-01}
            """
        ),
        "  ",
    ),
}


def run_metasymptoms(*args: str, stdin: str | None = "", env: dict[str, str] | None = None):
    """The program in a child process, its input and output text through pipes (no terminal);
    `env` adds to this process's environment."""
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "metasymptoms", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


Replies = Callable[[str], str]  # what was written since the last line was read -> the next line


class _Typing(io.TextIOBase):
    """Standard input that types each line when it is read: `replies` of what the program
    wrote to `stdout` since the last line. After MAX_REPLIES lines it is at its end (a
    question asked again and again ends the run, with exit 130, not the test run)."""

    MAX_REPLIES = 300

    def __init__(self, replies: Replies, stdout: io.TextIOWrapper):
        self.replies, self.stdout, self.read_up_to, self.count = replies, stdout, 0, 0

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> str:
        written = self.stdout.buffer.getvalue()  # type: ignore[attr-defined]
        since, self.read_up_to = written[self.read_up_to :].decode(), len(written)
        self.count += 1
        return "" if self.count > self.MAX_REPLIES else self.replies(since) + "\n"


@dataclasses.dataclass(frozen=True)
class Ran:
    """What `run_main` gives back, named as `subprocess.CompletedProcess` names it."""

    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str, stdin: str | Replies = "", env: dict[str, str] | None = None) -> Ran:
    """The program run in this process, as `python -m metasymptoms` runs it (`cli.main`, an
    exit by SystemExit included), its standard input `stdin` and its output and errors caught
    as text; `env` adds to the environment for the run. What `run_metasymptoms` gives, without
    starting Python and importing the program again (about 0.3 s of processor time a call,
    0.01 s in this process): for tests of what the program says and its exit code. A test
    whose subject is the process itself (a signal, a closed or full stream, the encoding
    Python chose for a pipe, what is imported at start) starts one with `run_metasymptoms`.

    The streams are UTF-8 text without a terminal, as pipes are in a child process, and the
    terminal size is the fallback, 80 by 24, unless `env` sets COLUMNS or LINES. `stdin` is the
    text typed, or `Replies`: each line typed when the program asks for one, chosen from what
    it wrote since it last asked, as a person answers what is in front of them."""
    import os
    import sys
    from unittest import mock

    from metasymptoms.cli import main

    def pipe(text: str = "") -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(text.encode()), encoding="utf-8", newline=None, write_through=True)

    streams = {"stdout": pipe(), "stderr": pipe()}
    streams["stdin"] = pipe(stdin) if isinstance(stdin, str) else _Typing(stdin, streams["stdout"])
    # shutil.get_terminal_size asks sys.__stdout__'s terminal: none here, as with a pipe
    with (
        mock.patch.dict(os.environ, env or {}),
        mock.patch.multiple(sys, __stdout__=streams["stdout"], **streams),
    ):
        try:
            code = main(list(args))
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    told = {name: stream.buffer.getvalue().decode() for name, stream in streams.items() if name != "stdin"}  # type: ignore[attr-defined]
    return Ran(code, told["stdout"], told["stderr"])


def spawn_metasymptoms(cwd: Path, *args: str, rows: int = 40, columns: int = 100, size_in_env: bool = False):
    """The program in a real pseudo-terminal of this size, as a person starts it: no colour
    override, no country, and the terminal's own size (or, with `size_in_env`, also COLUMNS
    and LINES). prompt_toolkit's cursor-position request is switched off, because pexpect
    does not answer it as a terminal would and each prompt would wait for it to time out.
    Send keys only once the prompt they answer is on screen."""
    import os
    import sys

    import pexpect

    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    for name in ("NO_COLOR", "COLUMNS", "LINES", "METASYMPTOMS_COUNTRY"):
        env.pop(name, None)
    if size_in_env:
        env.update(COLUMNS=str(columns), LINES=str(rows))
    child = pexpect.spawn(
        sys.executable,
        ["-m", "metasymptoms", *args],
        cwd=str(cwd),
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(rows, columns),
    )
    # pexpect sleeps 50 ms before every send by default, for programs that switch echo off
    # only after showing a prompt. The tests send a key only once the prompt is drawn (the
    # terminal is in raw mode by then), so the sleep only made each walk slower.
    child.delaybeforesend = None
    return child


@functools.cache
def parsed(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for the tests that read the package's own code
    (layers, sizes, the command line's imports)."""
    return ast.parse(path.read_text(), str(path))


def stable_id(value: object) -> str:
    """A test id that is the same in every process (a set's order is not: pytest-xdist
    workers must collect the same ids)."""
    if isinstance(value, dict | list | tuple | frozenset | set):
        return json.dumps(value, default=sorted, sort_keys=True)
    return str(value)


def indented(text: str, by: str) -> str:
    """`text` dedented, then indented by `by`: a YAML snippet placed inside a rule file."""
    return textwrap.indent(textwrap.dedent(text), by)


@functools.cache  # read by some 190 golden cases and the modules below: one rule book load
def shipped_wording() -> Wording:
    """The shipped rule book's wording, for a prompter made outside a test that has the book."""
    from metasymptoms.core.bookfiles import default_rules_dir
    from metasymptoms.core.loader import load

    return load(default_rules_dir()).book.guidance.wording


def urgency_headings() -> dict[Urgency, str]:
    """How soon, as the shipped book's result heads it (guidance.yaml `wording`)."""
    headings = shipped_wording().urgency_headings
    return {urgency: headings.for_level(urgency) for urgency in Urgency}


def read_more() -> str:
    """The key line below what to do first, as the shipped book words it (`wording.screen`)."""
    return shipped_wording().screen.read_more


def ask_json(tmp_path: Path, answers: dict, capsys: pytest.CaptureFixture[str]) -> dict:
    """`ask --answers --format json` on a file of `answers` (one `key: value` line each), in
    this process; the JSON it printed."""
    from metasymptoms.cli import main

    path = tmp_path / "answers.yaml"
    path.write_text("".join(f"{key}: {value}\n" for key, value in answers.items()))
    assert main(["ask", "--answers", str(path), "--format", "json"]) == 0
    result: dict = json.loads(capsys.readouterr().out)
    return result

"""Predict, then reveal: a quiz generated from a scenario, the rule book and the "what would
change" counterfactuals, with the scenario's own questions after.

`build_quiz` is pure (scenario in, questions with their answers and reasoning out); the
same quiz is asked in the terminal by `run_quiz` (through a Prompter, like the
questionnaire) and laid out as a lesson page by lesson_page.py. Wrong choices are real
alternatives computed by the engine, never made up: sites a rule could point to, changes of
answer that leave the outcome as it is.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

from metasymptoms.answering.prompter import PlainPrompter, Prompter, screen_width
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled
from metasymptoms.core.scenarios import LoadedScenario
from metasymptoms.core.wording_teaching import TeachingWording
from metasymptoms.teaching.demo import (
    Change,
    Line,
    change_phrase,
    change_sentence,
    given_value,
    outcome,
    single_changes,
    site_reasons,
    sites_words,
    urgency_reasons,
    walk,
)
from metasymptoms.teaching.step_text import line_text
from metasymptoms.teaching.words import how_soon

MAX_CHOICES = 4
NEXT = "__next__"
# Where a prediction's list starts: on no answer, the same for every question.
UNPICKED = "__unpicked__"


@dataclass(frozen=True)
class QuizQuestion:
    id: str  # "urgency", "sites", "change", or "own-N" for the scenario's own questions
    title: str  # a few words: "how urgent?"
    prompt: str
    choices: tuple[str, ...]
    answer: int  # index of the right choice
    reveal: tuple[Line, ...]
    sheet_prompt: str = ""  # on the sheet the class fills in, where the prompt gives answers away


@dataclass(frozen=True)
class Quiz:
    name: str
    title: str
    case: tuple[Line, ...]  # what the person answered: all the class sees before predicting
    questions: tuple[QuizQuestion, ...]
    closing: tuple[Line, ...]  # the learning points, after the score
    words: TeachingWording  # the book's words for a class
    for_the_teacher: tuple[Line, ...] = ()  # the teacher's notes: on a lesson page, shown when asked


def build_quiz(book: RuleBook, item: LoadedScenario) -> Quiz:
    questions = [
        urgency_question(book, item),
        sites_question(book, item),
        change_question(book, item),
    ]
    words = book.guidance.wording.teaching
    for number, own in enumerate(item.scenario.quiz, start=1):
        questions.append(
            QuizQuestion(
                f"own-{number}",
                words.quiz.own_question,
                own.question,
                own.choices,
                own.choices.index(own.answer),
                (Line(own.explanation),),
            )
        )
    points = item.scenario.learning_points
    closing = tuple(Line(filled(words.replay.learning_point, point=point)) for point in points)
    notes = item.scenario.teacher_notes
    teacher = (Line(filled(words.quiz.for_the_teacher, notes=notes)),) if notes else ()
    case = case_lines(book, item)
    return Quiz(item.name, item.scenario.title, case, tuple(questions), closing, words, teacher)


def case_lines(book: RuleBook, item: LoadedScenario) -> tuple[Line, ...]:
    """The scenario's answers as the questionnaire asked them; nothing that gives the outcome away."""
    words = book.guidance.wording.teaching.quiz
    lines = [Line(words.person_answered)]
    for event in walk(book, item.answers):
        # A question the case leaves unanswered that the replay cannot read as No (a choice,
        # a number) is listed as not given, so the closing line's "answered No" is true.
        told = event.finding in item.answers or given_value(book, item.answers, event.finding) is None
        if event.kind == "asked" and told:
            lines.append(Line(event.text, 1))
    lines.append(Line(words.other_answers_no))
    return tuple(lines)


def _shuffled(
    item: LoadedScenario, question_id: str, right: str, wrong: list[str]
) -> tuple[tuple[str, ...], int]:
    """The right choice among up to three wrong ones, in an order fixed per scenario (the same
    in the terminal, the lesson page and the tests)."""
    choices = [right] + wrong[: MAX_CHOICES - 1]
    random.Random(f"{item.name}/{question_id}").shuffle(choices)
    return tuple(choices), choices.index(right)


# --- how urgent? -----------------------------------------------------------------------


def urgency_question(book: RuleBook, item: LoadedScenario) -> QuizQuestion:
    urgency = assess(book, item.answers).urgency
    words = book.guidance.wording.teaching.quiz
    reveal = [Line(filled(words.starts_with, level=how_soon(book, urgency)))]
    reveal += [Line(text, 1) for text in urgency_reasons(book, item.answers)]
    events = walk(book, item.answers)
    screen = next((event for event in events if event.kind == "screen"), None)
    if screen is not None:
        asked = next(event for event in events if event.kind == "asked" and event.finding == screen.finding)
        question = asked.text.rsplit("  [", 1)[0]
        reveal.append(Line(filled(words.stopped_after, question=question)))
        reveal.append(Line(screen.text, 1, "screen"))
    levels = list(Urgency)  # most urgent first: a scale keeps its order
    return QuizQuestion(
        "urgency",
        words.urgency_title,
        words.urgency_prompt,
        tuple(how_soon(book, level) for level in levels),  # the words the person's own result starts with
        levels.index(urgency),
        tuple(reveal),
    )


# --- which sites? ----------------------------------------------------------------------


def sites_choice(book: RuleBook, sites: tuple[str, ...]) -> str:
    if not sites:
        return book.guidance.wording.teaching.quiz.no_site
    return book.guidance.wording.lists.all_of(book.site(site).name for site in sites)


def sites_question(book: RuleBook, item: LoadedScenario) -> QuizQuestion:
    assessment = assess(book, item.answers)
    words = book.guidance.wording.teaching.quiz
    order = [site.id for site in book.sites]
    right = tuple(site.id for site in assessment.sites)
    candidates: list[tuple[str, ...]] = []
    primary = assessment.primary_cancer
    if primary and primary.common_sites:
        # The classic mix-up: where this cancer commonly spreads is not where these symptoms point.
        candidates.append(tuple(sorted(primary.common_sites, key=order.index)))
    changing, _ = single_changes(book, item.answers)
    candidates += [change.sites for change in changing]
    if right:
        candidates.append(())
        candidates.append(right[:-1])
    candidates += [(site,) for site in order]
    wrong: list[str] = []
    for sites in candidates:
        text = sites_choice(book, sites)
        if sites != right and text not in wrong:
            wrong.append(text)
    choices, answer = _shuffled(item, "sites", sites_choice(book, right), wrong)
    reveal = site_reasons(book, item.answers)
    if primary and primary.common_sites:
        places = book.guidance.wording.lists.all_of(book.site(site).name for site in primary.common_sites)
        reveal.append(Line(filled(words.spreads_to, cancer=primary.name, sites=places)))
    return QuizQuestion(
        "sites",
        words.sites_title,
        words.sites_prompt,
        choices,
        answer,
        tuple(reveal),
    )


# --- what single change would change the outcome? ---------------------------------------


def change_choice(book: RuleBook, change: Change) -> str:
    words = book.guidance.wording.teaching.quiz
    return change_phrase(book, change, words.also_reporting, words.not_reporting, words.answering)


def change_question(book: RuleBook, item: LoadedScenario) -> QuizQuestion:
    base = outcome(book, item.answers)
    words = book.guidance.wording.teaching.quiz
    changing, keeping = single_changes(book, item.answers)
    # Wrong choices: mostly symptoms, at most one other kind of answer up front, so the right
    # choice is not given away by being the only symptom.
    symptoms = [change for change in keeping if isinstance(change.value, bool)]
    others = [change for change in keeping if not isinstance(change.value, bool)]
    ordered = symptoms[:2] + others[:1] + symptoms[2:] + others[1:]
    wrong = [change_choice(book, change) for change in ordered]
    reveal: list[Line] = []
    if changing:
        # A symptom makes a better question than the cancer history, which changes nearly every case.
        first = next((change for change in changing if isinstance(change.value, bool)), changing[0])
        changing = [first] + [change for change in changing if change != first]
        right = change_choice(book, first)
        reveal.append(Line(change_sentence(book, base, first)))
    else:
        right = words.no_change
        reveal.append(Line(words.no_change_reveal))
    choices, answer = _shuffled(item, "change", right, wrong)
    if len(choices) > 1:
        reveal.append(Line(words.others_keep))
    if len(changing) > 1:
        more = len(changing) - 1
        reveal.append(
            Line(filled(words.more_changes, count=str(more)) if more > 1 else words.one_more_change)
        )
        reveal += [Line(change_sentence(book, base, change), 1) for change in changing[1:4]]
    urgency, sites = base
    named = sites_words(book, sites)
    return QuizQuestion(
        "change",
        words.change_title,
        filled(words.change_prompt, level=how_soon(book, urgency), sites=named),
        choices,
        answer,
        tuple(reveal),
        words.change_sheet_prompt,
    )


# --- asked in the terminal ---------------------------------------------------------------


def _show(prompter: Prompter, lines: tuple[Line, ...] | list[Line], width: int) -> None:
    text = "\n".join(row for line in lines for row in line_text(line, width))
    prompter.say(text, "pre")


def _ask(
    prompter: Prompter, words: TeachingWording, question: QuizQuestion, width: int, long_choices_above: bool
) -> int:
    """The index of the choice picked. Nothing is picked before the class chooses: a list that
    started on a choice (urgency's first is Emergency) made Enter alone right for every case
    with that answer. An arrow-key list starts on a row that is no answer; a numbered list
    marks no answer for Enter; either way Enter alone asks again."""
    while True:
        picked = _pick(prompter, words, question, width, long_choices_above)
        if picked != UNPICKED:
            return int(picked)
        prompter.say(words.quiz.nothing_picked, "hint")


def _pick(
    prompter: Prompter, words: TeachingWording, question: QuizQuestion, width: int, long_choices_above: bool
) -> str:
    """An arrow-key list cuts a line at the screen's edge, so when a choice is too long for it
    the question and its choices are first written out in full, numbered, and the list shows
    each one shortened after its number."""
    # A numbered list needs no row for "nothing yet": it marks no answer as Enter's.
    start = [] if isinstance(prompter, PlainPrompter) else [(words.quiz.start_row, UNPICKED)]
    if not long_choices_above or all(len(choice) <= width - 6 for choice in question.choices):
        options = start + [(choice, str(index)) for index, choice in enumerate(question.choices)]
        return prompter.choose(question.prompt, options, UNPICKED)
    written = [Line(question.prompt)]
    written += [Line(f"{number}. {choice}", 1) for number, choice in enumerate(question.choices, start=1)]
    _show(prompter, written, width)
    options = start + [
        (textwrap.shorten(f"{number}. {choice}", width - 6, placeholder=" ..."), str(number - 1))
        for number, choice in enumerate(question.choices, start=1)
    ]
    return prompter.choose(words.quiz.predict_long, options, UNPICKED)


def run_quiz(
    quiz: Quiz,
    prompter: Prompter,
    predictions: Mapping[str, str] | None = None,
    width: int | None = None,
    long_choices_above: bool = False,
) -> tuple[int, int]:
    """Ask each question, reveal its answer and reasoning, and end with the score. A question
    whose id is in `predictions` takes that choice without asking (tests, scripted runs).
    `width`: of the reveal's lines; the terminal's by default. `long_choices_above`: for
    arrow-key lists, which cut long lines (plain numbered prompts show every word)."""
    predictions = predictions or {}
    width = width or screen_width(margin=2, least=40)
    words = quiz.words.quiz
    prompter.say(filled(words.heading, scenario=quiz.title), "heading")
    _show(prompter, quiz.case, width)
    right, count = 0, str(len(quiz.questions))
    for number, question in enumerate(quiz.questions, start=1):
        heading = filled(words.question, position=str(number), count=count, question=question.title)
        prompter.say(heading, "heading")
        if question.id in predictions:
            picked = question.choices.index(predictions[question.id])
            prompter.say(question.prompt)
            prompter.say(filled(words.prediction, answer=question.choices[picked]), "hint")
        else:
            picked = _ask(prompter, quiz.words, question, width, long_choices_above)
        # The reasoning first and the verdict last, so that the verdict and the answer are
        # what is on screen when the class is asked to go on (a long reveal scrolls).
        prompter.say(words.how_reached, "subheading")
        _show(prompter, question.reveal, width)
        verdict = words.right if picked == question.answer else words.not_this_time
        right += picked == question.answer
        prompter.say(filled(verdict, answer=question.choices[question.answer]), "subheading")
        if question.id not in predictions and number < len(quiz.questions):
            prompter.choose(words.ready, [(words.next_question, NEXT)], NEXT)
    prompter.say(filled(words.score, right=str(right), count=count), "heading")
    _show(prompter, quiz.closing + quiz.for_the_teacher, width)
    return right, len(quiz.questions)

"""A lesson: one scenario as the steps a class goes through, the same on the lesson page (laid
out as HTML by web/documents.py) and in the terminal (`demo NAME --step`), so the two count
"Step N of M" alike.

Predict, then reveal: the title, the person's answers, each quiz question (its answer and
reasoning kept back until revealed), the replay of the sections where something happens (the
others named in one step), the result and how it was reached, what would change it, and what
to take away (the teacher's notes kept back until asked for). Every word is computed here by
the engine, the replay and the quiz, so no medical logic is written twice.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace

from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.scenarios import LoadedScenario
from metasymptoms.core.wording_teaching import TeachingWording
from metasymptoms.teaching.demo import (
    ANSWER,
    NOTES,
    Line,
    Step,
    changes_step,
    result_step,
    section_steps,
    walk,
)
from metasymptoms.teaching.quiz import Quiz, QuizQuestion, build_quiz


@dataclass(frozen=True)
class LessonStep:
    """One step. kind: 'title', 'case', 'question', 'replay', 'quiet' or 'closing'."""

    kind: str
    heading: str
    lines: tuple[Line, ...] = ()
    more: tuple[Line, ...] = ()  # a replay's changes past the first few, shown on request
    question: QuizQuestion | None = None  # a question step: its choices, answer and reasoning
    notes: tuple[Line, ...] = ()  # the closing step: the teacher's notes, hidden until asked for
    command: str = ""  # the quiet step: the command whose full replay shows those sections


# The steps the sheet the class fills in prints (the page's "Print the answers" unticked):
# they come first, and give nothing away; the rest is shown in class.
ON_SHEET = ("title", "case", "question")


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    steps: tuple[LessonStep, ...]
    questions: int  # how many predictions the class makes
    words: TeachingWording  # the book's words for a class: the page's own, and the counter's

    def counter(self, number: int) -> str:
        """'Step 3 of 11': the one count of a lesson's steps, on the lesson page, on its printed
        sheets and in the terminal's `demo --step` (terminal_steps)."""
        return filled(self.words.lesson.step, position=str(number), count=str(len(self.steps)))

    @property
    def on_sheet(self) -> int:
        """How many steps the fill-in sheet prints, counted as everywhere else: the sheet's last
        page then says which steps are shown in class instead (sheet_rest)."""
        return next((n for n, step in enumerate(self.steps) if step.kind not in ON_SHEET), len(self.steps))

    def sheet_rest(self) -> str:
        """'Steps 6 to 11 are shown in class: ...', the last words of the fill-in sheet."""
        after = str(self.on_sheet + 1)
        return filled(self.words.lesson.sheet_rest, position=after, count=str(len(self.steps)))


def _busy_sections(book: RuleBook, item: LoadedScenario) -> set[str]:
    """The sections where something happens: an answer the scenario gives, or a warning sign
    or rule starting to hold. The others (answered No throughout) are named in one step."""
    return {
        event.section
        for event in walk(book, item.answers)
        if event.kind in ("flag", "rule", "screen")
        or (event.kind == "asked" and event.finding in item.answers)
    }


def _replay(step: Step) -> LessonStep:
    return LessonStep("replay", step.heading, step.lines, step.more)


def build_lesson(book: RuleBook, item: LoadedScenario, quiz: Quiz | None = None) -> Lesson:
    quiz = quiz or build_quiz(book, item)
    words = book.guidance.wording.teaching
    busy = _busy_sections(book, item)
    sections = list(zip(book.sections, section_steps(book, item.answers)))
    steps = [
        LessonStep("title", words.lesson.title, (Line(words.lesson.about),)),
        LessonStep("case", words.lesson.case, quiz.case),
    ]
    steps += [
        LessonStep("question", filled(words.lesson.predict, question=q.title), question=q)
        for q in quiz.questions
    ]
    steps += [_replay(step) for section, step in sections if section.id in busy]
    quiet = [section.title for section, _ in sections if section.id not in busy]
    if quiet:
        said = (Line(book.guidance.wording.lists.between.join(quiet) + "."), Line(words.lesson.nothing_held))
        # A command, the same in every language; a case's name is its file's, which may hold a space.
        command = shlex.join(("metasymptoms", "demo", item.name))
        steps.append(LessonStep("quiet", words.lesson.quiet, said, command=command))
    steps.append(_replay(result_step(book, item.answers)))
    steps.append(_replay(changes_step(book, item.answers)))
    steps.append(LessonStep("closing", words.lesson.closing, quiz.closing, notes=quiz.for_the_teacher))
    return Lesson(item.name, item.scenario.title, tuple(steps), len(quiz.questions), words)


def terminal_steps(lesson: Lesson) -> list[Step]:
    """The lesson's steps for `demo --step`, each with the lesson's counter: a question's
    answer and the teacher's notes are kept back until their key is pressed, as the page keeps
    them until R and T."""
    steps = []
    for step in lesson.steps:
        if step.kind == "title":
            steps.append(Step(step.heading, (Line(lesson.title), *step.lines)))
        elif step.question is not None:
            question = step.question
            choices = tuple(Line(f"{n}. {choice}", 1) for n, choice in enumerate(question.choices, start=1))
            shown = (Line(question.prompt), *choices)
            answer = Line(filled(lesson.words.lesson.the_answer, answer=question.choices[question.answer]))
            steps.append(Step(step.heading, shown, (answer, *question.reveal), ANSWER))
        elif step.kind == "quiet":
            where = Line(filled(lesson.words.lesson.full_replay, command=step.command))
            steps.append(Step(step.heading, (*step.lines, where)))
        elif step.kind == "closing":
            steps.append(Step(step.heading, step.lines, step.notes, NOTES))
        else:
            steps.append(Step(step.heading, step.lines, step.more))
    return [replace(step, counter=lesson.counter(number)) for number, step in enumerate(steps, start=1)]

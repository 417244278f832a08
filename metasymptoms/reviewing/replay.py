"""Counterexamples a reviewer can use: a world of the search as an answers file, and the
questionnaire's own flow replayed on fixed answers (to prove the emergency interrupt)."""

from __future__ import annotations

from dataclasses import replace

from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.space import UNKNOWN, UNSET, World


def as_answers(world: World) -> dict[str, Answer]:
    """A world as an answers file's content: reported findings, given choices and numbers."""
    return {
        finding: value
        for finding, value in world.items()
        if value is True or (isinstance(value, (str, float)) and value != UNSET and value is not UNKNOWN)
    }


def answers_yaml(answers: dict[str, Answer]) -> str:
    if not answers:
        return "{}\n"
    return "".join(f"{key}: {yaml_value(value)}\n" for key, value in answers.items())


def yaml_value(value: Answer) -> str:
    """One answer as an answers file spells it."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return f"{value:g}" if isinstance(value, float) else str(value)


class Replay:
    """A prompter that answers the questionnaire from fixed answers. It knows which question
    is asked from the flow's events, never its words, and answers it as the finding's kind
    spells that answer (kinds.py). After an emergency it goes on, until the one it waits for
    has been shown and the flow has moved on once: then it stops."""

    how_to_answer = ""

    def __init__(self, book: RuleBook, answers: dict[str, Answer], until: str | None = None):
        from metasymptoms.answering.questionnaire import Questionnaire

        self.book = book
        self.answers = answers
        self.until = until
        self.flow = Questionnaire(book, self)

    def _asking(self) -> str | None:
        """The finding being asked, or None at a prompt that is not a question."""
        last = self.flow.events[-1] if self.flow.events else None
        return last[1] if last and last[0] == "asking" else None

    def _option(self, default: str) -> str:
        from metasymptoms.core.kinds import kind_of

        finding = self._asking()
        if finding is None or finding not in self.answers:
            return default  # not reported (a number not measured), or the review: show the result
        return kind_of(self.book.finding(finding)).option_of(self.answers[finding])

    def say(self, text: str, kind: str = "info") -> None:
        pass

    def choose(
        self, message: str, options: object, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        from metasymptoms.answering.questionnaire import GO_ON, STOP

        if self.flow.events and self.flow.events[-1] == ("interrupt", ""):
            return STOP if ("emergency", self.until) in self.flow.events else GO_ON
        from metasymptoms.core.kinds import kind_of

        finding = self._asking()
        if finding is not None and finding not in self.answers:
            # A question's own default may be "yes": the answers file leaves it out, which
            # is the answer of a finding not asked (a yes/no finding's "no").
            kind = kind_of(self.book.finding(finding))
            if kind.unasked is not None:
                return kind.option_of(kind.unasked)
        return self._option(default)

    def ask_text(self, message: str, default: str) -> str:
        return self._option(default)


def cut_to(book: RuleBook, findings: set[str]) -> RuleBook:
    """The book asking only the questions about these findings, in their order."""
    sections = tuple(
        replace(section, questions=kept)
        for section in book.sections
        if (kept := tuple(question for question in section.questions if question.finding in findings))
    )
    return replace(book, sections=sections)

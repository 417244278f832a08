"""The questionnaire's own flow, answered from fixed answers instead of a person: how a proof
(`rules verify`) sees what a person would meet, the emergency interrupt above all.

It lives beside the flow it drives (questionnaire.py) and answers through the same prompter
interface as the terminal, so a change to the flow's events is met here first.
"""

from __future__ import annotations

from metasymptoms.answering.questionnaire import GO_ON, STOP, Questionnaire
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook


class Replay:
    """A prompter that answers the questionnaire from fixed answers. It knows which question
    is asked from the flow's events, never its words, and answers it as the finding's kind
    spells that answer (kinds.py). After an emergency it goes on, until the one it waits for
    has been shown and the flow has moved on once: then it stops."""

    how_to_answer = ""

    def __init__(self, book: RuleBook, answers: dict[str, Answer], until: str | None = None):
        self.book = book
        self.answers = answers
        self.until = until
        self.flow = Questionnaire(book, self)

    def _asking(self) -> str | None:
        """The finding being asked, or None at a prompt that is not a question."""
        last = self.flow.events[-1] if self.flow.events else None
        return last[1] if last and last[0] == "asking" else None

    def _option(self, default: str) -> str:
        finding = self._asking()
        if finding is None or finding not in self.answers:
            return default  # not reported (a number not measured), or the review: show the result
        return kind_of(self.book.finding(finding)).option_of(self.answers[finding])

    def say(self, text: str, kind: str = "info") -> None:
        pass

    def choose(
        self, message: str, options: object, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        if self.flow.events and self.flow.events[-1] == ("interrupt", ""):
            return STOP if ("emergency", self.until) in self.flow.events else GO_ON
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

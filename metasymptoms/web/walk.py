"""The person's walk through the questions, as the web pages carry it: pure functions.

The server keeps nothing. Every page's form carries the answers so far (in the order they
were given, which is what Back undoes), the emergencies already shown, and the answers taken
back with Back (offered again as the starting choice). The next question, the emergency
interrupt and the pruning of answers that no longer apply come from the engine's own
functions (`next_question`, `fired_emergencies`, `prune`), exactly as the terminal's
questionnaire uses them, so both flows give the same answers for the same choices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from metasymptoms.core.engine import fired_emergencies, next_question, prune
from metasymptoms.core.kinds import Answer, BadAnswer, kind_of
from metasymptoms.core.model import Question, RedFlag, RuleBook

# Form field names. One field per answer, named by its finding: the browser sends fields in
# the order of the page, and the page writes them in the order they were answered.
ANSWER = "a."
EARLIER = "was."
SEEN = "seen"
MAX_FIELDS = 400  # a form with more fields than the rule book could need was not made by a page


class BadForm(ValueError):
    """A form no page of this app would send (edited by hand, or from another rule book)."""


@dataclass(frozen=True)
class Walk:
    """Where a person is: answers in the order given (None: a number left out), the
    emergencies already shown to them, and answers taken back with Back."""

    # A number left out is kept as None, "asked and not given", as the terminal's
    # questionnaire keeps it (the engine reads it as not given; the summary says so).
    answers: dict[str, Answer] = field(default_factory=dict)
    seen: frozenset[str] = frozenset()
    earlier: dict[str, str] = field(default_factory=dict)


# --- the form, both ways -------------------------------------------------------------


def option_of(book: RuleBook, finding_id: str, value: Answer) -> str:
    """An answer as a form field's value; read back by `answer_from`. A number keeps every
    digit (repr), so a typed 38.25 is not rounded on its way through the pages."""
    if value is None:  # a number left out
        return ""
    if isinstance(value, float):
        return repr(value)
    return kind_of(book.finding(finding_id)).option_of(value)


def answer_from(book: RuleBook, finding_id: str, option: str) -> Answer:
    """A chosen or typed option as an answer; raises BadAnswer. An empty number box is a
    number left out (not measured), as Enter is in the terminal."""
    finding = book.finding(finding_id)
    kind = kind_of(finding)
    if kind.may_leave_out and not option.strip():
        return None
    return kind.from_option(finding, option.strip())


def fields_of(book: RuleBook, walk: Walk) -> list[tuple[str, str]]:
    """The hidden fields that carry a walk from one page to the next."""
    fields = [(ANSWER + finding, option_of(book, finding, value)) for finding, value in walk.answers.items()]
    fields += [(EARLIER + finding, option) for finding, option in walk.earlier.items()]
    fields += [(SEEN, flag) for flag in sorted(walk.seen)]
    return fields


def walk_from(book: RuleBook, form: Iterable[tuple[str, str]]) -> Walk:
    """The walk a page's form carries; raises BadForm for anything no page would send."""
    findings = {finding.id for finding in book.findings}
    flags = {flag.id for flag in book.red_flags}
    answers: dict[str, Answer] = {}
    earlier: dict[str, str] = {}
    seen: set[str] = set()
    for count, (name, value) in enumerate(form):
        if count >= MAX_FIELDS:
            raise BadForm("too many fields")
        if name.startswith(ANSWER) or name.startswith(EARLIER):
            finding = name.partition(".")[2]
            if finding not in findings or book.question(finding) is None:
                raise BadForm(f"no question asks '{finding}'")
            if name.startswith(EARLIER):
                earlier[finding] = value
                continue
            try:
                answers[finding] = answer_from(book, finding, value)
            except BadAnswer as bad:
                raise BadForm(str(bad)) from None
        elif name == SEEN:
            if value not in flags:
                raise BadForm(f"no red flag '{value}'")
            seen.add(value)
    return Walk(answers=answers, seen=frozenset(seen), earlier=earlier)


# --- the steps -------------------------------------------------------------------------


def record(book: RuleBook, walk: Walk, finding: str, value: Answer) -> Walk:
    """Keep an answer (it becomes the last one given) and drop the answers to questions that
    no longer apply, as the terminal's questionnaire does."""
    answers = {key: given for key, given in walk.answers.items() if key != finding}
    answers[finding] = value
    kept = _pruned(book, answers, before=walk.answers)
    earlier = {key: option for key, option in walk.earlier.items() if key != finding}
    return Walk(answers=kept, seen=walk.seen, earlier=earlier)


def back(book: RuleBook, walk: Walk) -> Walk:
    """Take back the last answer given: it is offered again as the starting choice."""
    if not walk.answers:
        return walk
    *rest, last = walk.answers
    earlier = dict(walk.earlier)
    earlier[last] = option_of(book, last, walk.answers[last])
    answers = _pruned(book, {key: walk.answers[key] for key in rest})
    return Walk(answers=answers, seen=walk.seen, earlier=earlier)


def _pruned(
    book: RuleBook, answers: Mapping[str, Answer], before: Mapping[str, Answer] | None = None
) -> dict[str, Answer]:
    """`prune` (of an answer changed from `before`, when given), keeping the order the
    answers were given in (prune gives the book's order)."""
    kept = prune(book, answers, changed_from=before)
    return {finding: value for finding, value in answers.items() if finding in kept}


def new_emergencies(book: RuleBook, walk: Walk) -> tuple[RedFlag, ...]:
    """The emergency red flags these answers fire that the person has not been shown yet."""
    return tuple(flag for flag in fired_emergencies(book, walk.answers) if flag.id not in walk.seen)


def shown(walk: Walk, flags: Iterable[RedFlag]) -> Walk:
    return Walk(answers=walk.answers, seen=walk.seen | {flag.id for flag in flags}, earlier=walk.earlier)


def next_to_ask(book: RuleBook, walk: Walk) -> Question | None:
    """The next question, or None when every question that applies is answered."""
    return next_question(book, walk.answers)

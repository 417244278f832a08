"""Whom a warning sign is for, where the book has two with one title ("twins"): one for a
person who has or had cancer or is not sure, one for a person with no cancer diagnosis, in
words that never name a cancer team they do not have. A list that names both by their title
alone shows one line twice, with two advices and nothing saying which is whose.

Read from the sign's condition, never from its id: the answers about a history of cancer
with which the sign can be shown, each tried with every other answer left open, as
`rules verify` tries them (conditions.settled). Shown only with "none": for a person with no
cancer diagnosis. Shown with every other answer ("not sure" too: a sign that may hold is
shown): for a person who has or had cancer, or is not sure. Any other reading is left
unsaid, never guessed.
"""

from __future__ import annotations

from metasymptoms.core.conditions import FREE, Condition, settled
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.model import RedFlag, RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.unsaid import WITH_CANCER

NO_DIAGNOSIS = frozenset({"none"})
WITH_CANCER_OR_NOT_SURE = frozenset({*WITH_CANCER, UNSURE})


def histories_shown(book: RuleBook, condition: Condition) -> frozenset[str] | None:
    """The answers about a history of cancer with which `condition` can hold, every other
    answer left open; None in a book that does not ask about one. The one reading of "who can
    be shown this" (the explorer's twins, the why of a question, rules check's source-audience)."""
    history = book.role("cancer_history")
    if history is None:
        return None
    left_open = {finding.id: FREE for finding in book.findings}
    answers = [choice.value for choice in book.finding(history).choices]
    return frozenset(
        answer for answer in answers if settled(condition, left_open | {history: answer}) is not False
    )


def for_whom(book: RuleBook, flag: RedFlag) -> str | None:
    """The book's words for whom `flag` is for, where another sign has its title; None for a
    sign with a title of its own, or whose reading is neither of the two."""
    if sum(1 for other in book.red_flags if other.title == flag.title) < 2:
        return None
    words = book.guidance.wording.teaching.explore.for_whom
    shown = histories_shown(book, flag.when)
    if shown == NO_DIAGNOSIS:
        return words.no_cancer_diagnosis
    if shown == WITH_CANCER_OR_NOT_SURE:
        return words.with_cancer_or_not_sure
    return None


def sign_line(book: RuleBook, flag: RedFlag, level: str) -> str:
    """A warning sign in a list, with how soon: "Bones (Urgent)"; a twin with whom it is for."""
    explore = book.guidance.wording.teaching.explore
    whom = for_whom(book, flag)
    if whom is None:
        return filled(explore.sign, title=flag.title, level=level)
    return filled(explore.for_whom.sign, title=flag.title, whom=whom, level=level)

"""What the engine reads into answers that were not given (an answers file can leave any
out): the safer reading, never "no". engine.reading applies them; they live here so that
the engine stays one screenful of the assessment itself."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook

Answers = Mapping[str, Answer]
WITH_CANCER = ("current", "past")  # the history-of-cancer choices that mean a diagnosis
PRIMARY_NOT_KNOWN = "unknown"  # the primary-cancer choice "I do not know" (a contract value)


def treatment_not_given(book: RuleBook, answers: Answers) -> str | None:
    """The recent-treatment finding, when a person who has or had cancer left it out (an
    answers file can): read as "not sure", never as "no". So too after cancer in the past
    (treatment can go on after it, and a fever in the 6 weeks after chemotherapy is an
    emergency), and when the history itself is left out or "not sure": the safer reading
    never gives less than one of the answers it stands for would. Only a person with no
    cancer ("none") who left it out reads as not treated."""
    treatment = book.role("recent_treatment")
    if treatment and may_have_had_cancer(book, answers) and treatment not in answers:
        return treatment
    return None


def kinds_not_given(book: RuleBook, answers: Answers) -> tuple[str, ...]:
    """The kinds of treatment (chemotherapy, radiotherapy, steroids) and a central line, left
    out by a person who had treatment or may have had it: read as "not sure", as Enter gives
    at those questions (starts_unsure), never as "no". "Yes" to treatment and nothing said of
    its kind is not "no chemotherapy"; a fever after it may be an emergency. So too when the
    treatment itself is read as "not sure" (treatment_not_given) or is implied by a kind that
    was given. Only after "no" to treatment, or none given by a person with no cancer, do the
    kinds left out read as not had."""
    treatment = book.role("recent_treatment")
    if treatment is None:
        return ()
    kinds = book.implying.get(treatment, ())
    if not may_be_treated(book, answers) and not any(
        book.implies_parent(kind, answers[kind]) is not None for kind in kinds if kind in answers
    ):
        return ()
    return tuple(kind for kind in kinds if kind not in answers)


def may_be_treated(book: RuleBook, answers: Answers) -> bool:
    """Treatment answered "yes" or "not sure", or left out where that reads as "not sure"
    (treatment_not_given): the people whose kinds of treatment are asked with "not sure"
    as the answer Enter gives, and read so when left out."""
    treatment = book.role("recent_treatment")
    if treatment is None:
        return False
    if treatment not in answers:
        return treatment_not_given(book, answers) is not None
    return answers[treatment] in (True, UNSURE)


def may_have_had_cancer(book: RuleBook, answers: Answers) -> bool:
    """Any history but "none", or none given: the people for whom "no treatment" is never
    read into an answer not given (an answers file) or not chosen (Enter, a page)."""
    history = book.role("cancer_history")
    return history is not None and answers.get(history, UNSURE) != "none"


def primary_not_given(book: RuleBook, answers: Answers) -> str | None:
    """The primary-cancer finding, when a person who has or had cancer, or may have (a
    history "not sure" or not given), left it out: read as "I do not know", as Enter gives
    in the questions, so that the warning signs for cancers that often spread count it, as
    they count an answer of "I do not know". Never as no cancer at all."""
    history, primary = book.role("cancer_history"), book.role("primary_cancer")
    may_have_cancer = history is not None and answers.get(history, UNSURE) in (*WITH_CANCER, UNSURE)
    if primary and may_have_cancer and primary not in answers:
        return primary
    return None


def spread_not_given(book: RuleBook, answers: Answers) -> str | None:
    """The known-spread finding, when a person with cancer now or in the past (given, or
    implied by a primary cancer with no history given) left it out (an answers file, a FHIR
    response): read as "I am not sure", never as "no spread". The people told of spread to
    the bones are those most at risk of spinal cord compression and high calcium; a script
    that leaves the key out must not drop them. In the questions Enter is an answer ("No, or
    not that I know of", which its help says is right if no one has said so), so nothing
    changes there. A history "not sure" or "none" never asks it, and is left as it is."""
    history, spread = book.role("cancer_history"), book.role("known_spread")
    if history is None or spread is None or spread in answers:
        return None
    given = answers.get(history, UNSURE)
    if given in WITH_CANCER or (given == UNSURE and implies_history(book, answers)):
        return spread
    return None


def with_implications(
    book: RuleBook, answers: dict[str, object], implications: Iterable[tuple[str, str]] | None = None
) -> dict[str, object]:
    """The answers with what each implies (a follow-up its parent, 37.5 °C a fever) added.
    `implications`: the book's, or only those that can apply to these answers (verify
    passes a property's own, so a search stays the size of its property)."""
    read = answers
    for finding, implied in (
        book.implications if implications is None else implications
    ):  # chains work top-down
        says = book.implies_parent(finding, read.get(finding))
        # Even over a "no" to the parent: the safer of two answers that disagree.
        if says is not None and read.get(implied) is not True and read.get(implied) != says:
            if read is answers:  # copied only when something is implied (verify calls this often)
                read = dict(answers)
            read[implied] = says
    return read


def implies_history(book: RuleBook, answers: Answers) -> bool:
    """A primary cancer, or spread the person was told of, says there is or was cancer."""
    primary, spread = book.role("primary_cancer"), book.role("known_spread")
    if primary and primary in answers:
        return True
    if not spread:
        return False
    return answers.get(spread) not in (None, "none")


def starts_unsure(book: RuleBook, answers: Answers, finding_id: str) -> bool:
    """Whether a question about treatment starts on "not sure" when nothing is chosen (Enter
    in the terminal gives it; a page has it chosen), because "No" would say what was not
    said. At the treatment question after a history of "I have cancer now, or I am being
    treated for it", "in the past" or "not sure". At each kind of treatment (and a central line) after
    "yes" or "not sure" to treatment: a person on chemotherapy who pressed Enter at the
    first kind recorded no chemotherapy, and "Yes" would claim a treatment not said. Read
    the safer way, "not sure" of a kind counts wherever that kind would. After a past cancer
    too, as an answers file leaving treatment out reads it (treatment_not_given): a fever
    within 6 weeks of chemotherapy that ended is an emergency. Only for treatment: "no" to
    every follow-up of back pain, say, is an ordinary answer."""
    treatment = book.role("recent_treatment")
    if treatment is None:
        return False
    if finding_id == treatment:
        return may_have_had_cancer(book, answers)
    return finding_id in book.implying.get(treatment, ()) and may_be_treated(book, answers)


def asked_again(book: RuleBook, before: Answers, after: Answers) -> frozenset[str]:
    """The answers a changed answer takes back, so that their questions are asked again: a
    "no" to treatment (or to a kind of it) given where Enter gave "no", at a question that
    now starts on "not sure" (starts_unsure). A person who first chose "never told I have
    cancer", pressed Enter at the treatment question and then changed the history at the
    review to "I have cancer now" kept that "no": a fever on chemotherapy read as a fever
    off treatment. Their "no" was said of another history; the question is asked again,
    starting on "not sure"."""
    return frozenset(
        finding
        for finding, value in after.items()
        if value is False and starts_unsure(book, after, finding) and not starts_unsure(book, before, finding)
    )

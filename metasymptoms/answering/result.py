"""The person's result as data: what to do first, the rest, and the words it ends on.

Every format (the screen, text, markdown, HTML, JSON, and the web pages) lays out the same
three parts in the same order:
- `first`: how soon, and each warning sign's advice. It fits one 80x24 screen, so a person
  who reads nothing else still knows what to do and by when.
- `more`: why (the person's own reasons), the sites, the primary cancer, what a provider may
  do, questions, support, the emergency signs, what the tool can and cannot do, the sources.
  The guided questions show it only when asked for.
- `ending`: how soon and what to do, again. It is the last thing every format says, so a
  person who reads only the last screen is told "today" (never "take care"). Where no symptom
  at all was reported, it says so first (as does `first`): a routine result is then about
  the questions asked, never an all-clear.
Pure functions; the renderers choose headings, escaping and layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from metasymptoms.answering.emergency import action, emergency_card
from metasymptoms.core.covers import cards
from metasymptoms.core.engine import Answers, Assessment, FiredRedFlag
from metasymptoms.core.explain import because_sentence
from metasymptoms.core.kinds import UNSURE, kind_of, reported
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled


@dataclass(frozen=True)
class Block:
    """One part of the result: a heading, paragraphs, and bullet items."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    level: int = 2
    role: str = ""  # "emergency" (drawn to stand out), "sources" (linked in HTML), "ending"


@dataclass(frozen=True)
class Result:
    """The result in its three parts, in the order every format shows them."""

    first: tuple[Block, ...]
    more: tuple[Block, ...]
    ending: Block

    def blocks(self) -> list[Block]:
        return [*self.first, *self.more, self.ending]


def result(book: RuleBook, assessment: Assessment) -> Result:
    # In an emergency, where the cancer commonly spreads is not read between the warning
    # signs and the list of emergency signs: it comes after them, away from the one action.
    about = _primary_cancer_blocks(book, assessment)
    emergency = assessment.urgency is Urgency.EMERGENCY
    return Result(
        first=(*_urgency_and_warning_sign_blocks(book, assessment),),
        more=(
            *_reason_blocks(book, assessment),
            *_unsure_blocks(book, assessment),
            *_pointed_to_blocks(book, assessment),
            *([] if emergency else about),
            *_next_step_blocks(book, assessment),
            Block(
                book.guidance.wording.emergency.signs_heading,
                (),
                book.guidance.emergency_signs,
            ),
            *(about if emergency else []),
            # The heading does not repeat the paragraph's first words ("This is not a
            # diagnosis."). The tool's purpose names where cancer spreads: not for a person with
            # no diagnosis (they read it once, before the first question).
            Block(
                book.guidance.wording.result.can_and_cannot,
                (book.guidance.not_a_diagnosis,)
                + ((book.guidance.purpose,) if assessment.audience == "with_cancer" else ()),
            ),
            _sources_block(book, assessment),
        ),
        ending=ending_block(book, assessment),
    )


def blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The result's content, in order, independent of how it is laid out."""
    return result(book, assessment).blocks()


def ending_block(book: RuleBook, assessment: Assessment) -> Block:
    """How soon and what to do: the last words of every format. In an emergency, the one
    instruction with the number to call. When nothing at all was reported, it says so first:
    a routine result is then about the questions asked, not an all-clear."""
    emergency = assessment.urgency is Urgency.EMERGENCY
    what_to_do = action(book) if emergency else assessment.advice
    return Block(
        book.guidance.wording.urgency_headings.for_level(assessment.urgency),
        (*nothing_reported(book, assessment), what_to_do),
        role="emergency" if emergency else "ending",
    )


def nothing_reported(book: RuleBook, assessment: Assessment) -> tuple[str, ...]:
    """The guidance's "you did not report any of the symptoms", where that is so: no
    symptom reported, "not sure" or measured, and so no warning sign and no site (answers
    about the person alone, such as a history of cancer or treatment, report no symptom)."""
    told = symptoms_told(book, assessment.answers)
    quiet = not (told or assessment.red_flags or assessment.sites)
    return (book.guidance.nothing_reported,) if quiet else ()


def serious(assessment: Assessment) -> bool:
    """Urgent or emergency advice: nothing reassuring or routine may follow it."""
    return assessment.urgency.rank >= Urgency.URGENT.rank


def _urgency_and_warning_sign_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """How soon, then each warning sign at the result's urgency with its own advice; the less
    urgent ones by name only, in one list (their own timing, "within days", would read as
    softening the advice above, and their advice as reassurance: "usually settles"). In an
    emergency with several signs, one first step (emergency.emergency_card) and each sign's
    advice told without a different first step of its own."""
    emergency = assessment.urgency is Urgency.EMERGENCY
    told = cards(book, assessment.red_flags)  # one card for one problem (core/covers.py)
    level = [flag for flag in weightiest_first(book, told) if flag.urgency.rank == assessment.urgency.rank]
    # The first step from every emergency that fired, those told within another's card too
    every = [
        flag.id for flag in weightiest_first(book, assessment.red_flags) if flag.urgency is Urgency.EMERGENCY
    ]
    card = emergency_card(book, every) if emergency and level else None
    advice = assessment.advice
    if assessment.urgency is Urgency.PROMPT:  # what to do within days, alone: the everyday
        # "see your provider about any symptom" is for the ending (it would send to the
        # provider twice in a row here, beside each warning sign's own advice)
        advice = advice.removesuffix(f" {book.guidance.see_provider}")
    if card and card.first_step:
        advice = filled(book.guidance.wording.emergency.first_step_in_result, first_step=card.first_step)
    heading = book.guidance.wording.urgency_headings.for_level(assessment.urgency)
    said = (*nothing_reported(book, assessment), advice)
    out = [Block(heading, said, role="emergency" if emergency else "")]
    signs = card.signs if card else tuple((flag.title, flag.advice) for flag in level)
    label = book.guidance.wording.urgency_labels.for_level(assessment.urgency)
    role = "emergency" if emergency else ""
    out += [Block(f"{label}: {title}", (text,), level=3, role=role) for title, text in signs]
    also = [flag.title for flag in told if flag.urgency.rank < assessment.urgency.rank]
    if also:  # one line each: the names, never their advice
        out.append(Block(book.guidance.wording.result.also_tell, (), tuple(also), level=3))
    return out


def weightiest_first(book: RuleBook, flags: Sequence[FiredRedFlag]) -> list[FiredRedFlag]:
    """Warning signs of one urgency, the one asking most first: signs that together need a
    same-day check, then each UKONS red ("be seen in person today"), then the signs with no
    grade, then each amber ("a review within 24 hours"). Otherwise in the rule book's order. A
    person who reads only the first advice under "get help today" reads the strongest."""
    order = {"red": 1, None: 2, "amber": 3}

    def weight(flag: FiredRedFlag) -> int:
        written = book.red_flag(flag.id)
        return 0 if written.combines else order[written.grade]

    return sorted(flags, key=weight)


def _reason_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """Why each warning sign was shown: the person's own answers."""
    if not assessment.red_flags:
        return []
    items = tuple(
        f"{flag.title}: {_why_shown(book, flag, assessment)}"
        for flag in weightiest_first(book, cards(book, assessment.red_flags))
    )
    return [Block(book.guidance.wording.result.why_these_signs, (), items)]


def _why_shown(book: RuleBook, flag: FiredRedFlag, assessment: Assessment) -> str:
    """The answers that gave a warning sign; for an emergency kept after the answer that gave
    it was changed (emergency.still_standing), that it still stands, then the answers that
    give the signs told within its card, if any do."""
    if not flag.kept:
        return because_sentence(book, flag.because, assessment.answers)
    changed_back = book.guidance.wording.emergency.changed_back
    if not flag.because:
        return changed_back
    return f"{changed_back} {because_sentence(book, flag.because, assessment.answers)}"


def _unsure_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The answers read the safer way: those answered "not sure", and those not given at all
    (an answers file that leaves out a treatment), each said as it was: a person who gave no
    answer is never told they were not sure."""
    words = book.guidance.wording.result
    out = []
    for heading, sentence, said in (
        (words.not_sure_heading, words.not_sure, True),
        (words.not_given_heading, words.not_given, False),
    ):
        found = [
            finding for finding in assessment.unsure if (assessment.answers.get(finding) == UNSURE) == said
        ]
        if found:
            names = book.guidance.wording.lists.all_of_apart(
                [book.finding(finding).label for finding in found]
            )
            out.append(Block(heading, (filled(sentence, names=names),), level=3))
    return out


def _framing(book: RuleBook, assessment: Assessment) -> str:
    guidance = book.guidance
    return {
        "with_cancer": guidance.with_cancer,
        "without_cancer": guidance.without_cancer,
        "unsure": guidance.unsure_cancer,
    }[assessment.audience]


def _pointed_to_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The sites with the person's reasons, or that the answers match no pattern."""
    if not assessment.sites:
        # Under urgent or emergency advice the warning signs are what the answers point to.
        if serious(assessment):
            return _other_symptoms_blocks(book, assessment)
        return _nothing_matched_blocks(book, assessment)
    # Nothing that reads as routine or reassuring follows urgent or emergency advice: no
    # framing ("keep your follow-up appointments", "they often have common causes") and no
    # explanation ("most back pain has other causes"), only the person's own reasons. Without
    # a cancer diagnosis, spread is never the explanation of a symptom: only rules written
    # for everyone explain.
    calm = not serious(assessment)
    with_cancer = assessment.audience == "with_cancer"
    framing = (
        _framing(book, assessment) if calm else ("" if with_cancer else book.guidance.without_cancer_serious)
    )
    words = book.guidance.wording.result
    heading = words.where_they_point if with_cancer else words.to_check
    out = [Block(heading, (framing,) if framing else ())]
    for site in assessment.sites:
        reasons = []
        for rule in site.rules:
            because = because_sentence(book, rule.because, assessment.answers)
            explains = calm and (with_cancer or rule.why_for_everyone)
            reasons.append(f"{because} {rule.why}".strip() if explains else because)
        out.append(Block(site.name, tuple(reason for reason in dict.fromkeys(reasons) if reason), level=3))
    out += _other_symptoms_blocks(book, assessment)
    if calm:
        out.append(Block(words.other_causes, (book.guidance.common_causes,), level=3))
    return out


def _nothing_matched_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """No site: the symptoms told, which match no pattern and which a provider can still
    check. With none told, how soon already says so, and the framing about "these symptoms"
    would speak of symptoms nobody reported: only a person with cancer is told again to keep
    their follow-up appointments."""
    heading = book.guidance.wording.result.what_they_point_to
    framing = _framing(book, assessment)
    if assessment.red_flags:  # a warning sign matched: "nothing matches" would undercut its advice
        return [Block(heading, (framing,)), *_other_symptoms_blocks(book, assessment)]
    told = symptoms_told(book, assessment.answers)
    if not told:
        return [Block(heading, (framing,))] if assessment.audience == "with_cancer" else []
    opening = book.guidance.wording.result.no_match
    return [
        Block(heading, (opening, framing), tuple(_told_words(book, finding, assessment) for finding in told))
    ]


def _other_symptoms_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The symptoms told that no warning sign and no site named, so none is left out of the
    result: weight loss beside a bone pain that points to the bones is still for the provider
    to hear. Where nothing matched at all, `_nothing_matched_blocks` lists every one instead."""
    named = {finding for flag in assessment.red_flags for finding in flag.because}
    named |= {finding for site in assessment.sites for finding in site.because}
    # A symptom and its follow-ups are one thing told: a sign that names how many times a
    # person was sick names their being sick, and one that names a fever names the measured
    # 38.2 °C it was read from. Listing either again would read as "the tool ignored it".
    while (
        grown := {
            other
            for child, parent in book.implications
            if {child, parent} & named
            for other in (child, parent)
        }
        - named
    ):
        named |= grown
    left = [finding for finding in symptoms_told(book, assessment.answers) if finding not in named]
    if not left:
        return []
    words = book.guidance.wording.result
    emergency = assessment.urgency is Urgency.EMERGENCY  # told to the people who see them now
    return [
        Block(
            words.other_symptoms_heading,
            (words.other_symptoms_in_emergency if emergency else words.other_symptoms,),
            tuple(_told_words(book, finding, assessment) for finding in left),
            level=3,
        )
    ]


def _told_words(book: RuleBook, finding_id: str, assessment: Assessment) -> str:
    """One symptom as the person told it: its words, a number with its value, "not sure"."""
    finding = book.finding(finding_id)
    value = assessment.answers[finding_id]
    kind = kind_of(finding)
    measured_or_unsure = kind.measured or value == UNSURE  # told with its value: "Not sure"
    words = book.guidance.wording.answer_words
    if measured_or_unsure:
        return f"{finding.label}: {kind.text(finding, value, words)}"
    return kind.phrase(finding, value, words)


def _primary_cancer_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    primary = assessment.primary_cancer
    if not primary:
        return []
    names = [book.site(site_id).name for site_id in primary.common_sites]
    paragraphs = (
        [
            filled(
                book.guidance.wording.result.spreads_to,
                cancer=primary.name,
                sites=book.guidance.wording.lists.all_of(names),
            )
        ]
        if names
        else []
    )
    if primary.note:
        paragraphs.append(primary.note)
    if assessment.outlook:
        paragraphs.append(book.guidance.survival_note)
    words = book.guidance.wording.result
    heading = (
        filled(words.about_the_cancer, cancer=primary.name.lower()) if names else words.about_your_cancer
    )
    return [Block(heading, tuple(paragraphs))]


def _next_step_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """What a provider may do, questions to ask, and support, for the person's audience; none
    in an emergency (questions for an appointment read as routine beside advice to get help
    now), and no "waiting can be worrying" when the advice is to get help today."""
    if assessment.urgency is Urgency.EMERGENCY:
        return []
    guidance = book.guidance
    words = guidance.wording.result
    if assessment.audience != "with_cancer" and nothing_reported(book, assessment):
        return []  # tests, questions and waiting for a check, of symptoms nobody reported
    if assessment.audience != "with_cancer":
        return [
            Block(words.provider_may_do, (), guidance.without_cancer_tests),
            Block(words.questions_to_ask, (), guidance.without_cancer_questions),
            *([] if serious(assessment) else [Block(words.support, (guidance.without_cancer_support,))]),
        ]
    asked = guidance.questions_to_ask
    if assessment.outlook and guidance.outlook_questions:
        asked = asked[:-1] + guidance.outlook_questions.questions + asked[-1:]
    return [
        Block(words.provider_may_do, (guidance.treatment,), guidance.provider_tests),
        Block(words.questions_to_ask, (), asked),
        Block(words.support, (guidance.support,)),
    ]


def _sources_block(book: RuleBook, assessment: Assessment) -> Block:
    sources = []
    for key in assessment.sources:
        source = book.source(key)
        # Its publisher and title: the key (NICE-NG234) is the rule book's name, not the person's.
        sources.append(f'{source.publisher}, "{source.title}", {source.url}')
    return Block(book.guidance.wording.result.sources, (), tuple(sources), role="sources")


def findings_about_the_person(book: RuleBook) -> frozenset[str]:
    """The findings about the person rather than how they feel: those the program reads by
    role (history, primary cancer, spread, treatment, a wish) and those that imply one
    (chemotherapy implies recent treatment). Answering only these reports no symptom."""
    about = {finding.id for finding in book.findings if finding.role}
    while grown := {finding for finding, target in book.implications if target in about} - about:
        about |= grown  # a chain in any order: a follow-up of a follow-up
    return frozenset(about)


def symptoms_told(book: RuleBook, answers: Answers) -> tuple[str, ...]:
    """The symptoms a person told of, in the answers' order: reported, "not sure", or a
    number given. None at all is what "you did not report any of the symptoms" means."""
    about = findings_about_the_person(book)
    return tuple(
        finding
        for finding, value in answers.items()
        if finding not in about and (reported(value) or value == UNSURE or isinstance(value, float))
    )

"""The person's result as data: what to do first, the rest, and the words it ends on.

Every format (the screen, text, markdown, HTML, JSON, and the web pages) lays out the same
three parts in the same order:
- `first`: how soon, and each warning sign's advice. It fits one 80x24 screen, so a person
  who reads nothing else still knows what to do and by when.
- `more`: why (the person's own reasons), the sites, the primary cancer, what a provider may
  do, questions, support, the emergency signs, what the tool can and cannot do, the sources.
  The guided questions show it only when asked for.
- `ending`: how soon and what to do, again. It is the last thing every format says, so a
  person who reads only the last screen is told "today" (never "take care").
Pure functions; the renderers choose headings, escaping and layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from metasymptoms.answering.emergency import action, emergency_card
from metasymptoms.core.engine import Assessment
from metasymptoms.core.explain import because_sentence, join_words
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
                "What this tool can and cannot do",
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
    instruction with the number to call."""
    emergency = assessment.urgency is Urgency.EMERGENCY
    what_to_do = action(book) if emergency else assessment.advice
    return Block(
        book.guidance.wording.urgency_headings.for_level(assessment.urgency),
        (what_to_do,),
        role="emergency" if emergency else "ending",
    )


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
    level = [flag for flag in assessment.red_flags if flag.urgency.rank == assessment.urgency.rank]
    card = emergency_card(book, [flag.id for flag in level]) if emergency and level else None
    advice = assessment.advice
    if serious(assessment):  # what to do today or now, alone: the everyday "see your provider
        # about anything new" is for the ending, and one screen has no room for it here
        advice = advice.removesuffix(f" {book.guidance.see_provider}")
    if card and card.first_step:
        advice = filled(book.guidance.wording.emergency.first_step_in_result, first_step=card.first_step)
    heading = book.guidance.wording.urgency_headings.for_level(assessment.urgency)
    out = [Block(heading, (advice,), role="emergency" if emergency else "")]
    signs = card.signs if card else tuple((flag.title, flag.advice) for flag in level)
    label = book.guidance.wording.urgency_labels.for_level(assessment.urgency)
    role = "emergency" if emergency else ""
    out += [Block(f"{label}: {title}", (text,), level=3, role=role) for title, text in signs]
    also = [flag.title for flag in assessment.red_flags if flag.urgency.rank < assessment.urgency.rank]
    if also:  # one line each: the names, never their advice
        out.append(Block("Also tell them about", (), tuple(also), level=3))
    return out


def _reason_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """Why each warning sign was shown: the person's own answers."""
    if not assessment.red_flags:
        return []
    items = tuple(
        f"{flag.title}: {because_sentence(book, flag.because, assessment.answers)}"
        for flag in assessment.red_flags
    )
    return [Block("Why these warning signs", (), items)]


def _unsure_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    if not assessment.unsure:
        return []
    names = [book.finding(finding).label for finding in assessment.unsure]
    return [
        Block(
            "Answers you were not sure about",
            (
                f"You were not sure about {join_words(names)}. Each is read the safer way: as "
                "if it might be there. Tell your provider you were not sure.",
            ),
            level=3,
        )
    ]


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
        return (
            []
            if serious(assessment)
            else [_nothing_matched_block(book, assessment, _framing(book, assessment))]
        )
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
    heading = "Where these symptoms can point to" if with_cancer else "Symptoms a provider may want to check"
    out = [Block(heading, (framing,) if framing else ())]
    for site in assessment.sites:
        reasons = []
        for rule in site.rules:
            because = because_sentence(book, rule.because, assessment.answers)
            explains = calm and (with_cancer or rule.why_for_everyone)
            reasons.append(f"{because} {rule.why}".strip() if explains else because)
        out.append(Block(site.name, tuple(reason for reason in dict.fromkeys(reasons) if reason), level=3))
    if calm:
        out.append(Block("Other causes are common", (book.guidance.common_causes,), level=3))
    return out


def _nothing_matched_block(book: RuleBook, assessment: Assessment, framing: str) -> Block:
    said_something = (
        assessment.reported
        or assessment.unsure
        or any(isinstance(value, float) for value in assessment.answers.values())
    )
    if assessment.red_flags:
        opening = ""  # a warning sign matched: "nothing matches" would undercut its advice
    elif said_something:
        opening = "Your answers do not match the symptom patterns this tool looks for."
    else:
        opening = book.guidance.nothing_reported
    return Block("What your answers point to", tuple(text for text in (opening, framing) if text))


def _primary_cancer_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    primary = assessment.primary_cancer
    if not primary:
        return []
    names = [book.site(site_id).name for site_id in primary.common_sites]
    paragraphs = (
        [f"{primary.name} most commonly spreads to: {join_words(names)} (listed in no particular order)."]
        if names
        else []
    )
    if primary.note:
        paragraphs.append(primary.note)
    if assessment.outlook:
        paragraphs.append(book.guidance.survival_note)
    heading = f"About {primary.name.lower()}" if names else "About your cancer"
    return [Block(heading, tuple(paragraphs))]


def _next_step_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """What a provider may do, questions to ask, and support, for the person's audience; none
    in an emergency (questions for an appointment read as routine beside advice to get help
    now), and no "waiting can be worrying" when the advice is to get help today."""
    if assessment.urgency is Urgency.EMERGENCY:
        return []
    guidance = book.guidance
    if assessment.audience != "with_cancer":
        return [
            Block("What a provider may do", (), guidance.without_cancer_tests),
            Block("Questions you may want to ask", (), guidance.without_cancer_questions),
            *([] if serious(assessment) else [Block("Support", (guidance.without_cancer_support,))]),
        ]
    asked = guidance.questions_to_ask
    if assessment.outlook and guidance.outlook_questions:
        asked = asked[:-1] + guidance.outlook_questions.questions + asked[-1:]
    return [
        Block("What a provider may do", (guidance.treatment,), guidance.provider_tests),
        Block("Questions you may want to ask", (), asked),
        Block("Support", (guidance.support,)),
    ]


def _sources_block(book: RuleBook, assessment: Assessment) -> Block:
    sources = []
    for key in assessment.sources:
        source = book.source(key)
        # Its publisher and title: the key (NICE-NG234) is the rule book's name, not the person's.
        sources.append(f'{source.publisher}, "{source.title}", {source.url}')
    return Block("Sources", (), tuple(sources), role="sources")

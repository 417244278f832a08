"""Replaying a scenario as the questionnaire would meet it, with the reasoning shown.

Pure: a scenario in, a list of steps out. One step per section of the questionnaire (each
question asked and its answer, each question skipped and why, each warning sign and rule as
it starts to hold and why, and the emergency screen the person would see at that moment),
then the result with HOW each conclusion was reached, then WHAT WOULD CHANGE the outcome:
the single changes of answer that change the urgency or the sites, in plain sentences.

The steps are laid out for a terminal by step_text.py, and as a lesson by lesson_page.py;
the quiz (quiz.py) asks the class to predict the same outcome before it is revealed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from metasymptoms.core.conditions import because, findings_in
from metasymptoms.core.engine import (
    Answers,
    asked,
    assess,
    fired_emergencies,
    fired_red_flags,
    fired_rules,
    prune,
)
from metasymptoms.core.explain import answer_text
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.kinds import reported as is_reported
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled
from metasymptoms.core.scenarios import LoadedScenario
from metasymptoms.teaching.words import about_the_person, condition_words, how_soon, level, reasons

MAX_CHANGES = 8  # shown at first; the rest on request


@dataclass(frozen=True)
class Line:
    """One line of a step. depth: how far it is indented under the line before.
    kind 'screen': what the person's own screen shows, drawn as it is, in a frame."""

    text: str
    depth: int = 0
    kind: str = "text"


# What a step keeps back until asked for, and the key that shows it.
CHANGES, ANSWER, NOTES = "changes", "answer", "notes"
OPEN_KEYS = {CHANGES: "a", ANSWER: "r", NOTES: "t"}


@dataclass(frozen=True)
class Step:
    heading: str
    lines: tuple[Line, ...]
    more: tuple[Line, ...] = ()  # shown only when asked for (every change, not the first few)
    opens: str = CHANGES  # what `more` holds: every change, a question's answer, the teacher's notes
    # A lesson's step: its counter, "Step 3 of 11", from the lesson (Lesson.counter), the one
    # count of steps. The full replay's parts are not steps of a lesson, and are not counted.
    counter: str = ""


# --- the replay ----------------------------------------------------------------------


def replay(book: RuleBook, item: LoadedScenario) -> list[Step]:
    scenario = item.scenario
    words = book.guidance.wording.teaching.replay
    steps = [
        Step(
            filled(words.scenario, scenario=scenario.title),
            tuple(Line(filled(words.learning_point, point=point)) for point in scenario.learning_points),
        )
    ]
    steps += section_steps(book, item.answers)
    steps.append(result_step(book, item.answers))
    steps.append(changes_step(book, item.answers))
    if scenario.teacher_notes:
        steps.append(Step(words.teacher_notes, (Line(scenario.teacher_notes),)))
    return steps


def given_value(book: RuleBook, answers: Answers, finding: str) -> Answer | None:
    """The answer a replay gives: a question the scenario does not answer gets the answer
    of a finding not asked (a yes/no question is answered No)."""
    value = answers.get(finding)
    return kind_of(book.finding(finding)).unasked if value is None else value


@dataclass(frozen=True)
class Event:
    """Something that happens as the questionnaire meets the answers, in order.
    kind: 'asked', 'skipped', 'flag' (a warning sign starts to hold), 'screen' (the
    emergency interrupt the person sees) or 'rule' (a site rule starts to hold)."""

    kind: str
    section: str
    text: str
    finding: str = ""
    reason: str = ""


def walk(book: RuleBook, given: Answers) -> list[Event]:
    """The questionnaire's path through these answers, with what starts to hold on the way."""
    answers: dict[str, Answer] = {}
    flags_seen: set[str] = set()
    rules_seen: set[str] = set()
    events: list[Event] = []
    words = book.guidance.wording.teaching.replay
    for section in book.sections:
        for question in section.questions:
            finding = question.finding
            if question.ask_if is not None and not asked(question, answers):  # the engine's skip logic
                reason = filled(words.not_asked, condition=condition_words(book, question.ask_if))
                events.append(Event("skipped", section.id, question.text, finding, reason))
                continue
            value = given_value(book, given, finding)
            shown = f"{question.text}  [{answer_text(book, finding, value)}]"
            events.append(Event("asked", section.id, shown, finding))
            if value is None:
                continue
            before = dict(answers)
            answers[finding] = value
            new_emergency = False
            for flag in fired_red_flags(book, answers):
                if flag.id not in flags_seen:
                    flags_seen.add(flag.id)
                    reason = reasons(book, because(flag.when, answers), answers)
                    text = "-> " + filled(
                        words.sign_applies, title=flag.title, level=level(book, flag.urgency)
                    )
                    events.append(Event("flag", section.id, text, finding, reason))
                    new_emergency |= flag.urgency is Urgency.EMERGENCY
            if new_emergency:
                screen = interrupt_screen(book, before, finding, value)
                events.append(Event("screen", section.id, screen, finding))
            for site, rule in fired_rules(book, answers):
                if rule.id not in rules_seen:
                    rules_seen.add(rule.id)
                    reason = reasons(book, because(rule.when, answers), answers)
                    text = "-> " + filled(words.rule_applies, site=site.name)
                    events.append(Event("rule", section.id, text, finding, reason))
    return events


def section_steps(book: RuleBook, given: Answers) -> list[Step]:
    events = walk(book, given)
    words = book.guidance.wording.teaching.replay
    steps = []
    for section in book.sections:
        lines: list[Line] = []
        for event in (event for event in events if event.section == section.id):
            if event.kind in ("asked", "skipped"):
                lines.append(
                    Line(event.text if event.kind == "asked" else filled(words.skipped, question=event.text))
                )
                if event.reason:
                    lines.append(Line(event.reason, 1))
            elif event.kind == "screen":
                lines.append(Line(words.questions_stop, 2))
                lines.append(Line(event.text, 2, "screen"))
            else:
                lines.append(Line(event.text, 1))
                lines.append(Line(event.reason, 2))
        steps.append(Step(filled(words.section, section=section.title), tuple(lines)))
    return steps


def interrupt_screen(book: RuleBook, before: Answers, finding: str, value: Answer) -> str:
    """The screen the questionnaire itself draws when this answer makes an emergency hold:
    its own interrupt, drawn by its own plain prompter, up to the person's choice."""
    from metasymptoms.answering.prompter import PlainPrompter
    from metasymptoms.answering.questionnaire import Questionnaire

    screen = io.StringIO()
    # An empty line keeps the default answer; the screen is taken before anything follows it.
    # Unwrapped here: the frame it is drawn in (line_text, the lesson page) lays it out.
    prompter = PlainPrompter(book.guidance.wording, stdin=io.StringIO("\n"), stdout=screen, width=10_000)
    earlier = {flag.id for flag in fired_emergencies(book, before)}
    questionnaire = Questionnaire(book, prompter, answers=dict(before), emergencies_shown=earlier)
    questionnaire.record(finding, value)
    return screen.getvalue().strip("\n")


# --- the result ----------------------------------------------------------------------


def urgency_reasons(book: RuleBook, answers: Answers) -> list[str]:
    """How the urgency was reached, as one sentence."""
    words = book.guidance.wording.teaching.replay
    contributions = [
        filled(words.sign_counts, title=flag.title, level=level(book, flag.urgency))
        for flag in fired_red_flags(book, answers)
    ]
    contributions += [
        filled(words.rule_counts, site=site.name, level=level(book, rule.urgency))
        for site, rule in fired_rules(book, answers)
        if rule.urgency
    ]
    if contributions:
        return [filled(words.highest, reasons=book.guidance.wording.lists.all_of(contributions))]
    return [filled(words.nothing_raises, level=how_soon(book, Urgency.ROUTINE))]


def site_reasons(book: RuleBook, answers: Answers) -> list[Line]:
    assessment = assess(book, answers)
    words = book.guidance.wording.teaching.replay
    if not assessment.sites:
        return [Line(words.no_sites)]
    lines = []
    for site in assessment.sites:
        lines.append(Line(filled(words.site, site=site.name)))
        for rule_site, rule in fired_rules(book, answers):
            if rule_site.id == site.id:
                said = filled(words.site_rule, site=site.name, condition=condition_words(book, rule.when))
                lines.append(Line(said, 1))
    return lines


def result_step(book: RuleBook, answers: Answers) -> Step:
    assessment = assess(book, answers)
    words = book.guidance.wording.teaching.replay
    lines = [Line(filled(words.how_soon, level=how_soon(book, assessment.urgency)))]
    lines += [Line(text, 1) for text in urgency_reasons(book, answers)]
    lines += site_reasons(book, answers)
    if assessment.primary_cancer:
        primary = assessment.primary_cancer
        if primary.common_sites:
            places = book.guidance.wording.lists.all_of(book.site(s).name for s in primary.common_sites)
            lines.append(Line(filled(words.spreads_to, cancer=primary.name, sites=places)))
    lines.append(Line(filled(words.person_told, advice=assessment.advice)))
    return Step(words.result_heading, tuple(lines))


# --- what would change ----------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One answer changed, and the outcome it gives."""

    finding: str
    value: Answer
    urgency: Urgency
    sites: tuple[str, ...]


Outcome = tuple[Urgency, tuple[str, ...]]  # the urgency and the sites named


def outcome(book: RuleBook, answers: Answers) -> Outcome:
    assessment = assess(book, answers)
    return assessment.urgency, tuple(site.id for site in assessment.sites)


def _related(book: RuleBook, answers: Answers) -> set[str]:
    """Findings that share a rule or red flag with a reported finding, or follow one up."""
    reported = {finding for finding, value in answers.items() if is_reported(value)}
    related: set[str] = set()
    conditions = [flag.when for flag in book.red_flags] + [
        rule.when for site in book.sites for rule in site.rules
    ]
    for condition in conditions:
        mentioned = set(findings_in(condition))
        if mentioned & reported:
            related |= mentioned
    for question in book.questions:
        if question.ask_if is not None and set(findings_in(question.ask_if)) & reported:
            related.add(question.finding)
    return related - reported


def single_changes(book: RuleBook, answers: Answers) -> tuple[list[Change], list[Change]]:
    """Every change of one answer (on a question the questionnaire would then ask), split in
    two: those that change the urgency or the sites, the most instructive first (taking back
    a reported answer, then findings related to what was reported, then the rest; within
    each, the biggest change first), and those that change neither, in the same order."""
    base_urgency, base_sites = outcome(book, answers)
    related = _related(book, answers)
    changing: list[tuple[tuple[int, int], Change]] = []
    keeping: list[tuple[tuple[int, int], Change]] = []
    for question in book.questions:
        finding = question.finding
        current = answers.get(finding)
        for value in _other_answers(book, finding, current):
            changed = prune(book, {**answers, finding: value})
            if finding not in changed:
                continue  # the questionnaire would not ask it with these answers
            urgency, sites = outcome(book, changed)
            if value is True:
                group = 1 if finding in related else 2
            elif value is False:
                group = 0
            else:
                group = 0 if current else 1
            size = abs(urgency.rank - base_urgency.rank) * 10 + len(set(sites) ^ set(base_sites))
            change = Change(finding, value, urgency, sites)
            if (urgency, sites) == (base_urgency, base_sites):
                keeping.append(((group, 0), change))
            else:
                changing.append(((group, -size), change))
    changing.sort(key=lambda pair: pair[0])
    keeping.sort(key=lambda pair: pair[0])
    return [change for _, change in changing], [change for _, change in keeping]


def _other_answers(book: RuleBook, finding_id: str, current: Answer | None) -> list[Answer]:
    """The answers the question offers other than the current one (not given: the answer of
    a finding not asked). A typed number offers none: the demo does not invent values."""
    finding = book.finding(finding_id)
    kind = kind_of(finding)
    was = kind.unasked if current is None else current
    return kind.other_answers(finding, was, book.guidance.wording.answer_words)


def change_phrase(book: RuleBook, change: Change, reported: str, not_reported: str, answered: str) -> str:
    """One change of answer in words, in the sentence given for each kind of change: `reported`
    and `not_reported` hold {finding} ("Had the person also reported weak legs"), `answered`
    {answer} and {question} ('Had the person answered "Past" to "Has a ..."')."""
    spec = book.finding(change.finding)
    if change.value is True:
        return filled(reported, finding=about_the_person(book, spec.label))
    if change.value is False:
        return filled(not_reported, finding=about_the_person(book, spec.label))
    question = book.question(change.finding)
    assert question is not None  # a change is made only to a question asked
    said = answer_text(book, change.finding, change.value)
    return filled(answered, answer=said, question=question.text)


def had_the_person(book: RuleBook, change: Change) -> str:
    """'Had the person also reported weak legs' / 'not reported ...' / 'answered ...'."""
    words = book.guidance.wording.teaching.replay
    return change_phrase(book, change, words.had_reported, words.had_not_reported, words.had_answered)


def sites_words(book: RuleBook, sites: tuple[str, ...]) -> str:
    return (
        book.guidance.wording.lists.all_of(book.site(site).name for site in sites)
        or book.guidance.wording.teaching.replay.no_site
    )


def change_sentence(book: RuleBook, base: Outcome, change: Change) -> str:
    """A change in plain words: 'Had the person also reported chest pain, the result would
    still say "Urgent: get help today", but it would name Bones and Lungs instead of Bones.'
    `base`: the outcome of the answers as they are (`outcome`), worked out once."""
    base_urgency, base_sites = base
    words = book.guidance.wording.teaching.replay
    was = how_soon(book, base_urgency)
    parts = []
    if change.urgency is not base_urgency:
        parts.append(filled(words.would_say, level=how_soon(book, change.urgency), was=was))
    else:
        parts.append(filled(words.would_still_say, level=was))
    if change.sites != base_sites:
        now, then = sites_words(book, base_sites), sites_words(book, change.sites)
        if not change.sites:
            parts.append(filled(words.names_no_site, was=now))
        elif not base_sites:
            parts.append(filled(words.names_where_none, sites=then))
        else:
            parts.append(filled(words.names_instead, sites=then, was=now))
    joiner = words.then_and if change.urgency is not base_urgency else words.then_but
    return f"{had_the_person(book, change)}, {joiner.join(parts)}."


def changes_step(book: RuleBook, answers: Answers) -> Step:
    base = outcome(book, answers)
    words = book.guidance.wording.teaching.replay
    sentences = [Line(change_sentence(book, base, change)) for change in single_changes(book, answers)[0]]
    if not sentences:
        return Step(words.changes, (Line(words.no_change),))
    return Step(words.changes, tuple(sentences[:MAX_CHANGES]), tuple(sentences[MAX_CHANGES:]))

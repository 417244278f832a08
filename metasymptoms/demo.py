"""Replaying a scenario as the questionnaire would meet it, with the reasoning shown.

Pure: a scenario in, a list of steps (a heading and lines) out. One step per section of the
questionnaire (each question asked and its answer, each question skipped and why, each red
flag and rule as it fires and why), then the result with HOW each conclusion was reached,
then WHAT WOULD CHANGE the outcome: the smallest changes to the answers that change the
urgency or the sites.
"""

from __future__ import annotations

from dataclasses import dataclass

from metasymptoms.conditions import Answer, because, holds
from metasymptoms.engine import Answers, assess, fired_red_flags, fired_rules, prune
from metasymptoms.explain import answer_text, because_sentence, condition_sentence, join_words
from metasymptoms.model import RuleBook, Urgency
from metasymptoms.scenarios import LoadedScenario

MAX_CHANGES = 8


@dataclass(frozen=True)
class Step:
    heading: str
    lines: tuple[str, ...]


def replay(book: RuleBook, item: LoadedScenario) -> list[Step]:
    scenario = item.scenario
    steps = [
        Step(
            f"Scenario: {scenario.title}",
            tuple(f"Learning point: {point}" for point in scenario.learning_points),
        )
    ]
    given = item.answers
    answers: dict[str, Answer] = {}
    flags_seen: set[str] = set()
    rules_seen: set[str] = set()
    for section in book.sections:
        lines: list[str] = []
        for question in section.questions:
            finding = question.finding
            if question.ask_if is not None and not holds(question.ask_if, answers):
                lines.append(f"(skipped) {question.text}")
                lines.append(
                    f"    not asked: it is asked only if {condition_sentence(book, question.ask_if)}"
                )
                continue
            value = given.get(finding)
            if value is None and book.finding(finding).type == "yes_no":
                value = False
            lines.append(f"{question.text}  [{answer_text(book, finding, value)}]")
            if value is None:
                continue
            answers[finding] = value
            for flag in fired_red_flags(book, answers):
                if flag.id not in flags_seen:
                    flags_seen.add(flag.id)
                    lines.append(f"    -> warning sign '{flag.title}' ({flag.urgency.value}) now holds.")
                    lines.append(f"       {because_sentence(book, because(flag.when, answers), answers)}")
                    if flag.urgency is Urgency.EMERGENCY:
                        lines.append(
                            "       The questionnaire shows its advice at once, before any other question."
                        )
            for site, rule in fired_rules(book, answers):
                if rule.id not in rules_seen:
                    rules_seen.add(rule.id)
                    lines.append(f"    -> rule {rule.id} points to {site.name}.")
                    lines.append(f"       {because_sentence(book, because(rule.when, answers), answers)}")
        steps.append(Step(f"Questions: {section.title}", tuple(lines)))
    steps.append(_result(book, given))
    steps.append(Step("What would change the outcome", tuple(what_would_change(book, given))))
    if scenario.teacher_notes:
        steps.append(Step("Notes for the teacher", (scenario.teacher_notes,)))
    return steps


def _result(book: RuleBook, answers: Answers) -> Step:
    assessment = assess(book, answers)
    rules_fired = fired_rules(book, answers)
    lines = [f"Urgency: {assessment.urgency.value}."]
    contributions = [
        f"warning sign '{flag.title}' ({flag.urgency.value})" for flag in fired_red_flags(book, answers)
    ]
    contributions += [f"rule {rule.id} ({rule.urgency.value})" for _, rule in rules_fired if rule.urgency]
    if contributions:
        lines.append(
            f"    How: the urgency is the highest of everything that holds: {join_words(contributions)}."
        )
    else:
        lines.append("    How: no warning sign or rule that raises urgency holds, so it is routine.")
    if assessment.sites:
        for site in assessment.sites:
            lines.append(f"Site: {site.name}.")
            for _, rule in (pair for pair in rules_fired if pair[0].id == site.id):
                lines.append(f"    How: rule {rule.id} holds: {condition_sentence(book, rule.when)}.")
    else:
        lines.append("Sites: none. No symptom rule holds for these answers.")
    if assessment.primary_cancer:
        primary = assessment.primary_cancer
        lines.append(
            f"{primary.name} commonly spreads to: {join_words(book.site(s).name for s in primary.common_sites)} (unranked)."
        )
    lines.append(f"Advice: {assessment.advice}")
    return Step("The result, and how it was reached", tuple(lines))


def _outcome(book: RuleBook, answers: Answers) -> tuple[Urgency, tuple[str, ...]]:
    assessment = assess(book, answers)
    return assessment.urgency, tuple(site.id for site in assessment.sites)


def _related(book: RuleBook, answers: Answers) -> set[str]:
    """Findings that share a rule or red flag with a reported finding, or follow one up."""
    from metasymptoms.conditions import findings_in

    reported = {finding for finding, value in answers.items() if value is True}
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


def what_would_change(book: RuleBook, answers: Answers) -> list[str]:
    """The single-answer changes (on questions the questionnaire would ask) that change the
    urgency or the sites. Taking back a reported answer comes first, then changes to findings
    related to what was reported, then the rest; within each, the biggest change first."""
    base_urgency, base_sites = _outcome(book, answers)
    related = _related(book, answers)
    changes: list[tuple[tuple[int, int], str]] = []
    for question in book.questions:
        finding = question.finding
        spec = book.finding(finding)
        current = answers.get(finding)
        if spec.type == "choice":
            alternatives: list[Answer] = [choice.value for choice in spec.choices if choice.value != current]
        else:
            alternatives = [not bool(current)]
        for value in alternatives:
            changed = prune(book, {**answers, finding: value})
            if finding not in changed:
                continue  # the questionnaire would not ask it with these answers
            urgency, sites = _outcome(book, changed)
            if (urgency, sites) == (base_urgency, base_sites):
                continue
            if value is True:
                what, group = f"If '{spec.label}' were also reported", 1 if finding in related else 2
            elif value is False:
                what, group = f"If '{spec.label}' were not reported", 0
            else:
                what, group = (
                    f'If the answer about {spec.label} were "{answer_text(book, finding, value)}"',
                    0 if current else 1,
                )
            effects = []
            if urgency is not base_urgency:
                effects.append(f"urgency {base_urgency.value} -> {urgency.value}")
            if sites != base_sites:
                effects.append(f"sites [{', '.join(base_sites)}] -> [{', '.join(sites)}]")
            size = abs(urgency.rank - base_urgency.rank) * 10 + len(set(sites) ^ set(base_sites))
            changes.append(((group, -size), f"{what}: {'; '.join(effects)}."))
    changes.sort(key=lambda change: change[0])
    lines = [text for _, text in changes[:MAX_CHANGES]]
    if len(changes) > MAX_CHANGES:
        lines.append(f"... and {len(changes) - MAX_CHANGES} more single changes.")
    return lines or ["No single change of answer changes the urgency or the sites."]

"""What an edit that changes no urgency, warning sign or site does for a person (`rules
diff`): the words they read, the order they meet things in, or the answer Enter gives; and
where they meet it, with an answers file whose result reads differently in the two books.

A reviewer who reads "no answers give a different outcome" under an edited first step would
think the edit did nothing; it changes what a person in an emergency reads first. Each
sentence here says which part of the program shows the edited field, and the example is
checked with the engine's own result (answering/result.py), so no example is offered that
does not show the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from metasymptoms.answering.result import result
from metasymptoms.core.conditions import AllOf, AnyOf, AtLeast, Condition, Not, OneOf, findings_in
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RedFlag, RuleBook, Urgency
from metasymptoms.reviewing.behaviour import knows
from metasymptoms.reviewing.compiled import questionnaire_answers
from metasymptoms.reviewing.cones import book_readings
from metasymptoms.reviewing.diff_edits import Edit
from metasymptoms.reviewing.replay import yaml_value

NO_OUTCOME = "no urgency, warning sign or site changes"
NO_ANSWERS = "no answers give a different urgency, warning sign or site"


@dataclass(frozen=True)
class Reach:
    """What one edited field does for a person, in words, with answers that show it."""

    kind: str  # "red flag", "site rule", "question", "finding", "site", "section", "primary", "guidance"
    id: str
    field: str
    says: str  # e.g. "Changes the words people read where this warning sign shows; no urgency ..."
    answers: dict[str, Answer] | None = None  # an answers file whose result reads differently
    note: str = ""  # " No answers were found whose result shows it.", where none was

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "field": self.field,
            "change": self.says + self.note,
            "answers": self.answers,
        }


def quiet_words(
    edited: Iterable[Edit], reaches: dict[tuple[str, str, str], Reach], item: tuple[str, str]
) -> tuple[list[str], dict[str, Answer] | None]:
    """What an item's edits that change no outcome do for a person, one line a field, and an
    answers file that shows it (the first found)."""
    said, example = [], None
    for edit in edited:
        if (edit.kind, edit.id) != item:
            continue
        found = reaches.get((edit.kind, edit.id, edit.field))
        words = f"{found.says.removesuffix('.')}; {NO_OUTCOME}.{found.note}" if found else f"{NO_ANSWERS}."
        said.append(f"{edit.field or edit.change()}: {words[0].lower()}{words[1:]}")
        example = example or (found.answers if found else None)
    return list(dict.fromkeys(said)), example


def read_words(found: Reach | None) -> list[str]:
    """Where a changed text is read, and answers whose result shows it, as lines."""
    if found is None:
        return []
    lines = [found.says + found.note]
    if found.answers:
        flow = ", ".join(f"{key}: {yaml_value(value)}" for key, value in found.answers.items())
        lines.append(f"For example, the result reads differently with: {{{flow}}}")
    return lines


def reach(old: RuleBook, new: RuleBook, kind: str, item: str, field: str) -> Reach | None:
    """What editing this field does for a person; None where this module has no words for it
    (a field read by the rules, whose effect the diff's groups of answers say)."""
    said = _SAYINGS.get(kind)
    found = said(old, new, item, field) if said else None
    if found is None:
        return None
    says, conditions = found
    answers = _example(old, new, conditions) if conditions else None
    note = " No answers were found whose result shows it." if conditions and answers is None else ""
    return Reach(kind, item, field, says, answers, note)


Found = tuple[str, list[Condition]] | None


def _red_flag(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    flag = _flag(new, item) or _flag(old, item)
    if flag is None:
        return None
    if field in ("title", "advice"):
        return "Changes the words people read where this warning sign shows.", [flag.when]
    if field == "explain":
        return (
            "Changes the explanation reviewers and teachers read (rules show, the exported rule "
            "book); a person answering the questions does not read it.",
            [],
        )
    if field == "sites":
        return (
            "Changes only which sites the explorer (metasymptoms explore) lists this warning sign "
            "with; a person answering the questions does not read it.",
            [],
        )
    if field == "first_step":
        others = [other for other in new.red_flags if other.urgency is Urgency.EMERGENCY and other.id != item]
        return (
            "Changes the words people read where this warning sign shows together with another "
            "emergency warning sign: which first step the emergency gives first, and this sign's "
            "advice; shown alone, it reads as before.",
            [AllOf(all=(_enough(flag.when), _enough(other.when))) for other in others if not other.combines],
        )
    if field == "grade":
        others = [o for o in new.red_flags if o.urgency is flag.urgency and o.id != item and not o.combines]
        return (
            "Changes the order in which the warning signs of one urgency are listed where this one "
            "shows together with another (signs that together need a same-day check first, then "
            "each red, then those with no grade, then each amber).",
            [AllOf(all=(_enough(flag.when), _enough(other.when))) for other in others],
        )
    return None


def _site_rule(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    found = _rule(new, item) or _rule(old, item)
    if found is None:
        return None
    site_name, when, for_everyone = found
    history = new.role("cancer_history")
    calm = _calm(new, when)  # a site's explanation is left out under urgent or emergency advice
    with_cancer: list[Condition] = (
        [AllOf(all=(when, calm, OneOf(history, ("current",))))] if history else [when]
    )
    without: list[Condition] = [AllOf(all=(when, calm, OneOf(history, ("none",))))] if history else []
    if field == "why":
        who = "everyone" if for_everyone else "people who have or had cancer"
        return (
            f"Changes the words people read where this rule names the site '{site_name}' and the "
            f"advice is neither urgent nor an emergency (read by {who}).",
            with_cancer + (without if for_everyone else []),
        )
    if field == "why_for_everyone":
        now = "now read" if for_everyone else "no longer read"
        return (
            f"People with no cancer diagnosis {now} this rule's words where it names the site '{site_name}'.",
            without,
        )
    return None


def _question(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    question = next((q for q in new.questions if q.finding == item), None)
    if question is None:
        return None
    who = (
        "everyone asked it (it is asked only when the answers before it open it)"
        if question.ask_if
        else "everyone"
    )
    if field in ("text", "help"):
        return f"Changes the words of a question, read by {who}.", []
    if field == "default":
        return f"{_enter_words(old, new, item)}; asked of {who}.", []
    if field == "ask_if":
        return "Changes who is asked this question.", []
    return None


def _finding(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    if not knows(new, item):
        return None
    if field == "label":
        return (
            "Changes the words people read where this answer is named back to them (the reasons "
            "for a result, the review of answers, the emergency handover).",
            _testing(new, item),
        )
    if field == "meaning":
        return (
            "Changes only what the explorer (metasymptoms explore) says this finding means; a "
            "person answering the questions does not read it.",
            [],
        )
    if field == "choices":
        said = "Changes the order of the answers offered with this question"
        enter = _enter_words(old, new, item) if _enter(old, item) != _enter(new, item) else ""
        return f"{said}{'; ' + enter[0].lower() + enter[1:] if enter else ''}.", []
    if field.startswith("choice "):
        return (
            "Changes the words of an answer offered with this question, read by everyone asked "
            "it and wherever that answer is named back (the review of answers).",
            [],
        )
    return None


def _site(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    site = next((s for s in new.sites if s.id == item), None)
    if site is None:
        return None
    history = new.role("cancer_history")
    return (
        f"Changes the words people read where the site '{site.name}' is named.",
        [
            AllOf(all=(rule.when, OneOf(history, ("current",)))) if history else rule.when
            for rule in site.rules
        ],
    )


def _section(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    return "Changes the words people read while asked this section's questions.", []


def _primary(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    primary = next((p for p in new.primaries if p.id == item), None)
    history, chosen = new.role("cancer_history"), new.role("primary_cancer")
    if primary is None or history is None or chosen is None:
        return None
    return (
        f"Changes the words people read who answer that their cancer is {primary.name.lower()}.",
        [AllOf(all=(OneOf(history, ("current",)), OneOf(chosen, (item,))))],
    )


def _guidance(old: RuleBook, new: RuleBook, item: str, field: str) -> Found:
    level = next((u for u in Urgency if field == f"advice for {u.value}"), None)
    where = f"where a result's urgency is {level.value}" if level else "wherever the program uses this text"
    flags = [flag.when for flag in new.red_flags if level and flag.urgency is level and not flag.combines]
    return f"Changes the words people read {where}.", flags[:3] if level else []


_SAYINGS: dict[str, Callable[[RuleBook, RuleBook, str, str], Found]] = {
    "red flag": _red_flag,
    "site rule": _site_rule,
    "question": _question,
    "finding": _finding,
    "site": _site,
    "section": _section,
    "primary": _primary,
    "guidance": _guidance,
}


# --- an answers file that shows it ------------------------------------------------------


def _example(old: RuleBook, new: RuleBook, conditions: Iterable[Condition]) -> dict[str, Answer] | None:
    """The plainest answers file (of the new book's questionnaire) on which one of the
    conditions holds and the result the two books give reads differently; None if none does."""
    whole = book_readings(new)
    for condition in conditions:
        readings = whole.cone(findings_in(condition))
        world = readings.example(readings.asked.holds(condition))
        if world is None:
            continue
        answers = questionnaire_answers(new, world)
        if _results_differ(old, new, answers):
            return answers
    return None


def _results_differ(old: RuleBook, new: RuleBook, answers: dict[str, Answer]) -> bool:
    was = {finding: value for finding, value in answers.items() if knows(old, finding)}
    return result(old, assess(old, was)) != result(new, assess(new, answers))


def _enough(condition: Condition) -> Condition:
    """A combination ("two or more ambers") by its first parts: answers on which they hold
    make it hold, and their cone is a few findings', not every amber sign's."""
    if isinstance(condition, AtLeast) and len(condition.of) > condition.at_least:
        return AllOf(all=condition.of[: condition.at_least])
    return condition


def _calm(book: RuleBook, when: Condition) -> Condition:
    """That no urgent or emergency warning sign or site rule testing these findings holds:
    a condition to search examples with (the engine's result checks each example whole)."""
    tested = set(findings_in(when))
    urgent = Urgency.URGENT.rank
    serious = [flag.when for flag in book.red_flags if flag.urgency.rank >= urgent and not flag.combines]
    serious += [
        rule.when
        for site in book.sites
        for rule in site.rules
        if rule.urgency and rule.urgency.rank >= urgent
    ]
    serious = [condition for condition in serious if tested & set(findings_in(condition))]
    return Not(condition=AnyOf(any=tuple(serious)))


def _flag(book: RuleBook, item: str) -> RedFlag | None:
    return next((flag for flag in book.red_flags if flag.id == item), None)


def _rule(book: RuleBook, item: str) -> tuple[str, Condition, bool] | None:
    for site in book.sites:
        for rule in site.rules:
            if rule.id == item:
                return site.name, rule.when, rule.why_for_everyone
    return None


def _testing(book: RuleBook, finding: str) -> list[Condition]:
    """The conditions of the first few warning signs and site rules that test this finding:
    where they hold, a result names it among its reasons."""
    rules = [rule.when for site in book.sites for rule in site.rules]
    return [when for when in [*(f.when for f in book.red_flags), *rules] if finding in findings_in(when)][:3]


# --- the answer Enter gives -------------------------------------------------------------


def _enter(book: RuleBook, finding: str) -> str | None:
    """The answer Enter gives to this finding's question when nothing was answered before:
    its default, else its kind's (as the questionnaire's options_for reads them)."""
    if not knows(book, finding):
        return None
    question = next((q for q in book.questions if q.finding == finding), None)
    spec = book.finding(finding)
    return (question.default if question else None) or kind_of(spec).default_option(spec)


def _enter_words(old: RuleBook, new: RuleBook, finding: str) -> str:
    def said(book: RuleBook) -> str:
        value = _enter(book, finding)
        spec = book.finding(finding) if knows(book, finding) else None
        text = next((c.text for c in spec.choices if c.value == value), None) if spec else None
        return f"'{text}' ({value})" if text else f"'{value}'"

    was, now = said(old), said(new)
    if was == now:
        return f"Pressing Enter still gives {now}"
    return f"Changes the answer pressing Enter gives: now {now}, was {was}"

"""The interactive explorer: browse by site, symptom or cancer, and a what-if board where
findings are ticked and the urgency and sites update after every tick. Talks only through
a Prompter (questionary or plain), like the questionnaire."""

from __future__ import annotations

from metasymptoms.engine import assess
from metasymptoms.explain import join_words
from metasymptoms.explore import cancer_page, site_page, symptom_page
from metasymptoms.model import RuleBook
from metasymptoms.questionnaire import Prompter

DONE = "__done__"
HISTORY = "__history__"


def symptom_ids(book: RuleBook) -> list[str]:
    return [
        finding.id
        for finding in book.findings
        if finding.type == "yes_no" and finding.id != "recent_chemotherapy"
    ]


def run_explorer(book: RuleBook, prompter: Prompter) -> None:
    prompter.say(
        "metasymptoms explorer: where cancer commonly spreads, and which symptoms that can cause", "heading"
    )
    menu = [
        ("By site", "site"),
        ("By symptom", "symptom"),
        ("By cancer", "cancer"),
        ("What-if board: tick symptoms and watch the result change", "board"),
        (None, ""),
        ("Quit", "quit"),
    ]
    while True:
        choice = prompter.choose("What would you like to explore?", menu, "site")
        if choice == "quit":
            return
        if choice == "board":
            what_if_board(book, prompter)
            continue
        if choice == "site":
            options = [(site.name, site.id) for site in book.sites]
            picked = prompter.choose("Which site?", options + [(None, ""), ("Back", DONE)], options[0][1])
            if picked != DONE:
                prompter.say(site_page(book, picked), "pre")
        elif choice == "symptom":
            options = [(book.finding(f).label, f) for f in symptom_ids(book)]
            picked = prompter.choose("Which symptom?", options + [(None, ""), ("Back", DONE)], options[0][1])
            if picked != DONE:
                prompter.say(symptom_page(book, picked), "pre")
        elif choice == "cancer":
            options = [(primary.name, primary.id) for primary in book.primaries]
            picked = prompter.choose("Which cancer?", options + [(None, ""), ("Back", DONE)], options[0][1])
            if picked != DONE:
                prompter.say(cancer_page(book, picked), "pre")


def board_summary(book: RuleBook, answers: dict) -> str:
    assessment = assess(book, answers)
    sites = join_words(site.name for site in assessment.sites) or "none"
    flags = join_words(f"{flag.title} ({flag.urgency.value})" for flag in assessment.red_flags) or "none"
    return f"Urgency: {assessment.urgency.value.upper()}.  Sites: {sites}.  Warning signs: {flags}."


def _short_summary(book: RuleBook, answers: dict) -> str:
    assessment = assess(book, answers)
    sites = ", ".join(site.name for site in assessment.sites) or "none"
    return f"[{assessment.urgency.value.upper()} | sites: {sites}]"


def what_if_board(book: RuleBook, prompter: Prompter, answers: dict | None = None) -> dict:
    """Tick and untick findings, area by area; the result is shown again after every change
    and stays in the prompt line, so it is always in view."""
    answers = dict(answers or {"cancer_history": "current"})
    symptoms = set(symptom_ids(book))
    areas = [
        (section, [q.finding for q in section.questions if q.finding in symptoms])
        for section in book.sections
    ]
    areas = [(section, findings) for section, findings in areas if findings]
    prompter.say(
        "What-if board: choose an area, then tick or untick symptoms. The result updates each time.", "hint"
    )
    last_area = HISTORY
    while True:
        prompter.say(
            board_summary(book, answers),
            "emergency" if assess(book, answers).urgency.value == "emergency" else "info",
        )
        has_cancer = answers.get("cancer_history") in ("current", "past")
        options = [("Done", DONE), (f"[{'x' if has_cancer else ' '}] has or had cancer", HISTORY)]
        for section, findings in areas:
            ticked = sum(1 for f in findings if answers.get(f) is True)
            options.append((f"{section.title} ({ticked} ticked)", section.id))
        picked = prompter.choose(f"{_short_summary(book, answers)} Choose an area", options, last_area)
        if picked == DONE:
            return answers
        last_area = picked
        if picked == HISTORY:
            answers["cancer_history"] = "none" if has_cancer else "current"
            continue
        findings = next(findings for section, findings in areas if section.id == picked)
        last = findings[0]
        while True:
            area_options = [("Back to the areas", DONE)]
            area_options += [
                (f"[{'x' if answers.get(f) is True else ' '}] {book.finding(f).label}", f) for f in findings
            ]
            finding = prompter.choose(f"{_short_summary(book, answers)} Tick or untick", area_options, last)
            if finding == DONE:
                break
            last = finding
            if answers.get(finding) is True:
                answers.pop(finding)
            else:
                answers[finding] = True
            prompter.say(
                board_summary(book, answers),
                "emergency" if assess(book, answers).urgency.value == "emergency" else "info",
            )

"""The interactive explorer: browse by site, symptom or cancer, and a what-if board where
findings are ticked and the urgency and sites update after every tick. Talks only through
a Prompter (questionary or plain), like the questionnaire."""

from __future__ import annotations

import functools
from collections.abc import Callable

from metasymptoms.answering.prompter import Options, Prompter, screen_width
from metasymptoms.answering.result import findings_about_the_person
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import Answer, kind_of
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.unsaid import WITH_CANCER
from metasymptoms.core.wording_teaching import ExploreWording
from metasymptoms.teaching.explore import cancer_page, find_symptoms, site_page, symptom_page
from metasymptoms.teaching.words import how_soon, level

DONE = "__done__"
HISTORY = "__history__"


def symptom_ids(book: RuleBook) -> list[str]:
    """The findings a person feels (yes is an answer of their kind): not those about the
    person, such as the treatment they have had (chemotherapy, a central line), as the result
    counts them."""
    about = findings_about_the_person(book)
    return [finding.id for finding in book.findings if kind_of(finding).reports and finding.id not in about]


MORE = "__more__"


def screen_size() -> tuple[int, int]:
    """The page width (as every screen's: prompter.screen_width) and the lines a screen can
    show, from the terminal (80x24 without one)."""
    import shutil

    return screen_width(margin=2, least=40), max(shutil.get_terminal_size((80, 24)).lines, 10)


def screenfuls(lines: list[str], room: int) -> list[list[str]]:
    """Lines cut into screenfuls of at most `room`, at a blank line (between two sections)
    when one falls in the second half of the screen."""
    chunks = []
    while lines:
        cut = len(lines) if len(lines) <= room else room
        if cut < len(lines):
            blanks = [index for index in range(room // 2, room) if lines[index] == ""]
            if blanks:
                cut = blanks[-1] + 1
        chunks.append(lines[:cut])
        lines = lines[cut:]
    return chunks


def show_page(prompter: Prompter, words: ExploreWording, text: str, height: int) -> None:
    """A page, a screenful at a time: a long page waits after each screenful, so its top is
    read before it scrolls away. Going back to the list skips the rest."""
    chunks = screenfuls(text.rstrip("\n").split("\n"), max(height - 5, 6))  # the prompt takes 5 lines
    for number, chunk in enumerate(chunks, start=1):
        prompter.say("\n".join(chunk), "pre")
        if number < len(chunks):
            choice = prompter.choose(
                filled(words.page_of, position=str(number), count=str(len(chunks))),
                [(words.next_page, MORE), (words.back_to_list, DONE)],
                MORE,
            )
            if choice == DONE:
                return


def run_explorer(book: RuleBook, prompter: Prompter, size: tuple[int, int] | None = None) -> None:
    width, height = size or screen_size()
    words = book.guidance.wording.teaching.explore
    prompter.say(words.title, "heading")
    menu = [
        (words.by_site, "site"),
        (words.by_symptom, "symptom"),
        (words.find, "find"),
        (words.by_cancer, "cancer"),
        (words.board, "board"),
        (None, ""),
        (words.quit, "quit"),
    ]
    lists = {
        "site": (words.which_site, [(site.name, site.id) for site in book.sites], site_page),
        "symptom": (
            words.which_symptom,
            [(book.finding(f).label, f) for f in symptom_ids(book)],
            symptom_page,
        ),
        "cancer": (
            words.which_cancer,
            [(primary.name, primary.id) for primary in book.primaries],
            cancer_page,
        ),
    }
    last_choice = "site"
    while True:
        choice = prompter.choose(words.menu, menu, last_choice)
        last_choice = choice
        if choice == "quit":
            return
        if choice == "board":
            what_if_board(book, prompter)
        elif choice == "find":
            find_by_word(book, prompter, width, height)
        else:
            message, options, page = lists[choice]
            shown = functools.partial(page, book, width=width)
            browse(prompter, words, message, options, shown, height, words.back_to_menu)


def browse(
    prompter: Prompter,
    words: ExploreWording,
    message: str,
    options: Options,
    page: Callable[[str], str],
    height: int,
    back: str,
) -> None:
    """A list; after each page it comes back to the same list, at the item just read."""
    picked = options[0][1]
    while True:
        picked = prompter.choose(message, [*options, (None, ""), (back, DONE)], picked)
        if picked == DONE:
            return
        show_page(prompter, words, page(picked), height)


def find_by_word(book: RuleBook, prompter: Prompter, width: int, height: int) -> None:
    symptoms = symptom_ids(book)
    words = book.guidance.wording.teaching.explore
    while True:
        word = prompter.ask_text(words.word, "").strip()
        if not word:
            return
        found, tried = find_symptoms(book, symptoms, word)
        if not found:
            prompter.say(filled(words.no_match, word=word), "hint")
            continue
        if tried:
            prompter.say(filled(words.tried_instead, word=word, tried=" ".join(tried)), "hint")
        if len(found) == 1:
            show_page(prompter, words, symptom_page(book, found[0], width), height)
            continue
        options = [(book.finding(finding).label, finding) for finding in found]
        browse(
            prompter,
            words,
            filled(words.matching, word=" ".join(tried) or word),
            options,
            lambda item: symptom_page(book, item, width),
            height,
            words.back_to_word,
        )


def board_summary(book: RuleBook, answers: dict[str, Answer]) -> str:
    assessment = assess(book, answers)
    words = book.guidance.wording.teaching.explore
    sites = book.guidance.wording.lists.all_of(site.name for site in assessment.sites) or words.board_none
    flags = book.guidance.wording.lists.all_of(
        filled(words.sign, title=flag.title, level=level(book, flag.urgency)) for flag in assessment.red_flags
    )
    level_now = how_soon(book, assessment.urgency)
    # Without a cancer history the sites are parts of the body to check, as the result says
    # them to a person without a diagnosis: the board's heading speaks of where cancer spreads.
    shown = words.board_result if assessment.audience == "with_cancer" else words.board_result_to_check
    return filled(shown, level=level_now, sites=sites, titles=flags or words.board_none)


def _short_summary(book: RuleBook, answers: dict[str, Answer]) -> str:
    assessment = assess(book, answers)
    words = book.guidance.wording.teaching.explore
    sites = (
        book.guidance.wording.lists.between.join(site.name for site in assessment.sites) or words.board_none
    )
    shown = words.board_short if assessment.audience == "with_cancer" else words.board_short_to_check
    return filled(shown, level=level(book, assessment.urgency), sites=sites)


def _with_cancer(history: str, spread: str | None) -> dict[str, Answer]:
    """The board's "has or had cancer": cancer now, with no spread told of, as the questions
    record Enter at the spread question. Left out, the spread would be read as "not sure"
    (unsaid.spread_not_given), and the board would teach a bone-spread reading it never set."""
    return {history: "current", **({spread: "none"} if spread else {})}


def what_if_board(book: RuleBook, prompter: Prompter) -> dict[str, Answer]:
    """Tick and untick findings, area by area; the result is shown again after every change
    and stays in the prompt line, so it is always in view."""
    history, spread = book.role("cancer_history"), book.role("known_spread")
    answers = _with_cancer(history, spread) if history else {}
    symptoms = set(symptom_ids(book))
    areas = [
        (section, [q.finding for q in section.questions if q.finding in symptoms])
        for section in book.sections
    ]
    areas = [(section, findings) for section, findings in areas if findings]
    words = book.guidance.wording.teaching.explore
    prompter.say(words.board_intro, "hint")
    last_area = HISTORY if history else DONE
    while True:
        prompter.say(
            board_summary(book, answers),
            "emergency" if assess(book, answers).urgency.value == "emergency" else "info",
        )
        has_cancer = history is not None and answers.get(history) in WITH_CANCER
        options = [(words.done, DONE)]
        if history:
            options.append((f"[{'x' if has_cancer else ' '}] {words.has_had_cancer}", HISTORY))
        for section, findings in areas:
            ticked = sum(1 for f in findings if answers.get(f) is True)
            options.append((filled(words.ticked, section=section.title, count=str(ticked)), section.id))
        picked = prompter.choose(f"{_short_summary(book, answers)} {words.choose_area}", options, last_area)
        if picked == DONE:
            return answers
        last_area = picked
        if picked == HISTORY and history is not None:
            if has_cancer:
                answers[history] = "none"
                answers.pop(spread or "", None)  # no spread is asked of a person with no cancer
            else:
                answers.update(_with_cancer(history, spread))
            continue
        findings = next(findings for section, findings in areas if section.id == picked)
        last = findings[0]
        while True:
            area_options = [(words.back_to_areas, DONE)]
            area_options += [
                (f"[{'x' if answers.get(f) is True else ' '}] {book.finding(f).label}", f) for f in findings
            ]
            finding = prompter.choose(f"{_short_summary(book, answers)} {words.tick}", area_options, last)
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

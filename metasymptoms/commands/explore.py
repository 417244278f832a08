"""`metasymptoms explore`: browse by site, symptom and cancer, and a what-if board."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from metasymptoms.answering.terminal import printed_width, prompter_for, require_terminal, wants_plain
from metasymptoms.commands import Explore
from metasymptoms.core.loader import load_book
from metasymptoms.core.model_base import filled
from metasymptoms.core.problems import UsageError
from metasymptoms.core.suggest import close_match

if TYPE_CHECKING:
    from metasymptoms.core.model import RuleBook


def explore(args: Explore) -> int:
    from metasymptoms.teaching import explore as pages
    from metasymptoms.teaching.explore_board import symptom_ids

    book = load_book(args.rules)
    catalogue = {
        "site": ({site.id: site.name for site in book.sites}, pages.site_page),
        "symptom": ({f: book.finding(f).label for f in symptom_ids(book)}, pages.symptom_page),
        "cancer": ({primary.id: primary.name for primary in book.primaries}, pages.cancer_page),
    }
    if args.kind is not None:
        known, page = catalogue[args.kind]
        if args.id is None:
            width = max(len(item_id) for item_id in known)
            for item_id, name in known.items():
                print(f"{item_id:<{width}}  {name}")
            return 0
        item_id = args.id
        if item_id not in known and args.kind == "symptom":
            found = _symptom_by_word(book, list(known), args.id)
            if found is None:
                return 0
            item_id = found
        if item_id not in known:
            raise UsageError(
                f"there is no {args.kind} '{args.id}'{close_match(args.id, known)}; see: metasymptoms explore {args.kind}"
            )
        sys.stdout.write(page(book, item_id, printed_width(pages.WIDTH)))
        return 0
    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the explorer needs a terminal to choose in. Without one, print a page: "
        "metasymptoms explore site ID | symptom ID | cancer ID",
    )
    from metasymptoms.answering.prompter import Stopped
    from metasymptoms.teaching.explore_board import run_explorer

    prompter = prompter_for(plain, book.guidance.wording)
    try:
        run_explorer(book, prompter)
    except Stopped:
        raise KeyboardInterrupt from None
    return 0


def _symptom_by_word(book: RuleBook, symptoms: list[str], word: str) -> str | None:
    """The one symptom a plain word finds; several are listed (and None returned); none
    found raises a UsageError naming the close words tried."""
    from metasymptoms.teaching.explore import find_symptoms

    found, tried = find_symptoms(book, symptoms, word)
    said = book.guidance.wording.teaching.explore
    if len(found) == 1:
        if tried:
            print(filled(said.printed_tried_instead, word=word, tried=" ".join(tried)) + "\n")
        return found[0]
    if not found:
        raise UsageError(
            f"no symptom matches '{word}'; try another word, or see them all: metasymptoms explore symptom"
        )
    matching = said.printed_matching_tried if tried else said.printed_matching
    print(filled(matching, word=word, tried=" ".join(tried)))
    width = max(len(finding) for finding in found)
    for finding in found:
        print(f"  {finding:<{width}}  {book.finding(finding).label}")
    print(said.printed_show_one)
    return None

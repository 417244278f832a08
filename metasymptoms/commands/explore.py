"""`metasymptoms explore`: browse by site, symptom and cancer, and a what-if board."""

from __future__ import annotations

import argparse
import sys

from metasymptoms.conditions import close_match
from metasymptoms.problems import UsageError
from metasymptoms.terminal import require_terminal, wants_plain
from metasymptoms.rulebook import load_for_use


def explore(args: argparse.Namespace) -> int:
    from metasymptoms import explore as pages
    from metasymptoms.explore_board import symptom_ids

    book = load_for_use(args.rules)
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
        if args.id not in known:
            raise UsageError(
                f"there is no {args.kind} '{args.id}'{close_match(args.id, known)}; see: metasymptoms explore {args.kind}"
            )
        sys.stdout.write(page(book, args.id))
        return 0
    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the explorer needs a terminal to choose in. Without one, print a page: "
        "metasymptoms explore site ID | symptom ID | cancer ID",
    )
    from metasymptoms.explore_board import run_explorer
    from metasymptoms.questionnaire import PlainPrompter, Stopped

    if plain:
        prompter = PlainPrompter()
    else:
        from metasymptoms.interview import QuestionaryPrompter

        prompter = QuestionaryPrompter()
    try:
        run_explorer(book, prompter)
    except Stopped:
        raise KeyboardInterrupt from None
    return 0

"""`metasymptoms demo`: replay teaching scenarios with their reasoning, or check them all."""

from __future__ import annotations

import argparse
import sys
import textwrap

from metasymptoms.conditions import close_match
from metasymptoms.problems import RuleBookError, UsageError
from metasymptoms.rulebook import default_rules_dir, load_for_use

WIDTH = 78


def demo(args: argparse.Namespace) -> int:
    from metasymptoms.demo import replay
    from metasymptoms.scenarios import differences, load_scenarios

    folder = args.rules or default_rules_dir()
    book = load_for_use(folder)
    items, problems = load_scenarios(folder, book)
    if problems:
        raise RuleBookError(problems)
    if args.check:
        failed = 0
        for item in items:
            found = differences(book, item)
            if found:
                failed += 1
                print(f"{item.name}: " + "; ".join(found))
        print(f"{len(items) - failed} of {len(items)} scenarios agree with the rule book.")
        return 1 if failed else 0
    if args.list or args.scenario is None:
        width = max((len(item.name) for item in items), default=0)
        for item in items:
            print(f"{item.name:<{width}}  {item.scenario.title}")
        if args.scenario is None and not args.list:
            print("\nReplay one with: metasymptoms demo NAME [--step]")
        return 0
    by_name = {item.name: item for item in items}
    if args.scenario not in by_name:
        raise UsageError(
            f"there is no scenario '{args.scenario}'{close_match(args.scenario, by_name)}; see: metasymptoms demo --list"
        )
    steps = replay(book, by_name[args.scenario])
    interactive = args.step and sys.stdin.isatty()
    for number, step in enumerate(steps, start=1):
        print(f"[{number}/{len(steps)}] {step.heading}")
        print("-" * min(len(step.heading) + 8, 78))
        for line in step.lines:
            indent = " " * (len(line) - len(line.lstrip()))
            hanging = indent + ("   " if line.lstrip().startswith("->") else "  ")
            # Short lines read better projected in front of a class.
            print("\n".join(textwrap.wrap(line, WIDTH, subsequent_indent=hanging)) or line)
        print()
        if interactive and number < len(steps):
            try:
                input("Press Enter for the next step (Ctrl-C to stop) ")
            except EOFError:  # Ctrl-D, or the input ended: stop as Ctrl-C does
                raise KeyboardInterrupt from None
    return 0

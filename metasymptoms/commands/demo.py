"""`metasymptoms demo`: replay teaching scenarios with their reasoning, quiz a class on them,
write a lesson page, or check them all."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from metasymptoms.answering.terminal import printed_width, prompter_for, require_terminal, wants_plain
from metasymptoms.commands import Demo
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import load_book
from metasymptoms.core.model_base import filled
from metasymptoms.core.problems import RuleBookError, UsageError
from metasymptoms.core.suggest import close_match

if TYPE_CHECKING:
    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.scenarios import LoadedScenario

WIDTH = 78  # a replay printed into a file or a pipe: short lines read well projected


def demo(args: Demo) -> int:
    from metasymptoms.core.scenarios import differences, load_scenarios

    folder = args.rules or default_rules_dir()
    book = load_book(folder)
    items, problems = load_scenarios(folder, book)
    broken = sorted({problem.location.file.stem for problem in problems})
    if args.scenario in broken and not args.check:
        raise RuleBookError([p for p in problems if p.location.file.stem == args.scenario])
    said, lists = book.guidance.wording.teaching.demo, book.guidance.wording.lists
    if problems:  # one teacher's broken case leaves every other lesson usable
        for problem in sorted(problems):
            print(problem, file=sys.stderr)
        if not args.check:  # the check's count below tells the broken ones
            print(filled(said.left_out, cases=lists.between.join(broken)), file=sys.stderr)
    if args.check:
        # A broken case is counted as not agreeing, and the others are still checked: a
        # teacher fixing one case learns in the same run whether the rest still hold.
        failed = len(broken)
        for item in items:
            found = differences(book, item)
            if found:
                failed += 1
                print(filled(said.disagrees, case=item.name, differences=lists.apart.join(found)))
        count = len(items) + len(broken)
        print(filled(said.agree, agree=str(count - failed), count=str(count)))
        return 1 if failed else 0
    if args.list or args.scenario is None:
        width = max((len(item.name) for item in items), default=0)
        for item in items:
            print(f"{item.name:<{width}}  {item.scenario.title}")
        if args.scenario is None and not args.list:
            print("\n" + said.replay_one)
        return 0
    by_name = {item.name: item for item in items}
    if args.scenario not in by_name:
        raise UsageError(
            f"there is no scenario '{args.scenario}'{close_match(args.scenario, by_name)}; see: metasymptoms demo --list"
        )
    item = by_name[args.scenario]
    found = differences(book, item)
    if found:  # the lesson shows what the rule book gives, which is not what the case expects
        print(
            filled(said.expects_otherwise, case=item.name, differences=lists.apart.join(found)),
            file=sys.stderr,
        )
    if args.html and args.format == "text":
        raise UsageError("--html writes the lesson page and --format text the replay: give one of them")
    if args.lesson_page:
        return _lesson_page(book, item, args)
    if args.output is not None:
        raise UsageError("--output is for the lesson page: metasymptoms demo NAME --html --output FILE")
    if args.quiz:
        return _quiz(book, item, args)
    return _replay(book, item, args)


def _lesson_page(book: RuleBook, item: LoadedScenario, args: Demo) -> int:
    from metasymptoms.core.output import emit, output_path
    from metasymptoms.web.documents import lesson_html

    if args.output is None and sys.stdout.isatty():
        raise UsageError(
            "name the file for the lesson page: metasymptoms demo NAME --html --output lesson.html"
        )
    emit(
        lesson_html(book, item),
        output_path(args.output),
        book.guidance.wording.teaching.lesson.page_written,
        mode=0o644,  # the case is made up and holds no one's health data: others may read it
        then=book.guidance.wording.teaching.lesson.open_it,
        replaced=book.guidance.wording.written.replaced,
    )
    return 0


def _quiz(book: RuleBook, item: LoadedScenario, args: Demo) -> int:
    from metasymptoms.answering.prompter import Stopped
    from metasymptoms.teaching.quiz import build_quiz, run_quiz

    plain = wants_plain(args.plain)
    require_terminal(
        plain,
        "the quiz needs a terminal to answer in. Without one, use numbered answers: "
        f"metasymptoms demo {item.name} --quiz --plain",
    )
    prompter = prompter_for(plain, book.guidance.wording)
    try:
        run_quiz(build_quiz(book, item), prompter, long_choices_above=not plain)
    except Stopped:
        raise KeyboardInterrupt from None
    return 0


def _replay(book: RuleBook, item: LoadedScenario, args: Demo) -> int:
    from metasymptoms.teaching.demo import CHANGES, replay
    from metasymptoms.teaching.lesson_page import build_lesson, terminal_steps
    from metasymptoms.teaching.step_text import step_lines

    # --step: the lesson's steps, as the lesson page has them; printed: the full replay.
    steps = terminal_steps(build_lesson(book, item)) if args.step else replay(book, item)
    plain = wants_plain(args.plain)
    if args.step and sys.stdin.isatty() and sys.stdout.isatty() and not plain:
        from metasymptoms.teaching.projector import show_steps

        show_steps(book.guidance.wording.teaching, steps)
        return 0
    if args.step and (plain or sys.stdin.isatty()):
        from metasymptoms.teaching.projector import plain_steps

        plain_steps(book.guidance.wording, steps, sys.stdin, sys.stdout, printed_width(WIDTH))
        return 0
    width = printed_width(WIDTH)
    words = book.guidance.wording.teaching
    for step in steps:  # a lesson's steps counted as the lesson counts them; the replay's parts not
        everything = args.all_changes or step.opens != CHANGES  # on paper, the answers and notes too
        lines = step_lines(words, step, width, everything, words.lesson.all_changes_option)
        print("\n".join(lines))
        print()
    return 0

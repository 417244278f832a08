"""The command line's arguments: one parser, and `parse`, which turns its result into the
typed arguments of one command (a frozen dataclass, commands/__init__.py); nothing past this
module sees an `argparse.Namespace`. Like cli.py, this module imports only the standard
library, so `--version` and `--help` stay quick; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from metasymptoms import __version__
from metasymptoms.commands import (
    Arguments,
    Ask,
    Demo,
    Explore,
    RulesCheck,
    RulesDiff,
    RulesExport,
    RulesList,
    RulesShow,
    RulesVerify,
    Serve,
)

FORMATS = ("text", "markdown", "json", "html")
KINDS = ("finding", "question", "section", "red_flag", "site", "rule", "primary", "source")
COMMANDS = ("ask", "rules", "explore", "demo", "serve")  # build_parser adds one function for each


def parse(argv: Sequence[str]) -> Arguments | None:
    """The typed arguments of one command line; None when it names no command. Exits (2) on
    a bad one, as argparse does, and after --help or --version (0)."""
    values = vars(build_parser().parse_args(argv))
    kind = values.pop("arguments", None)  # set by each command's parser (_command)
    if kind is None:
        return None
    for name in ("command", "rules_command"):  # which command: the kind says it
        values.pop(name, None)
    # A list an option collects (nargs) becomes a tuple: the arguments are frozen.
    values = {name: tuple(value) if isinstance(value, list) else value for name, value in values.items()}
    typed: Arguments = kind(**values)  # a dest without its field (or the reverse) fails here, in any test
    return typed


def _country_code(typed: str) -> str:
    """`--country ""` names no country: refused (exit 2), not read as "no option given"."""
    if not typed.strip():
        raise argparse.ArgumentTypeError("give a two-letter country code, such as GB, US or AU")
    return typed


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="metasymptoms",
        description=(
            "Learn where cancer commonly spreads and which symptoms that can cause. "
            "Educational only: it never says what you have, and always sends you to a "
            "healthcare provider. In an emergency, call your local emergency number "
            "(911 / 999 / 112) now."
        ),
        epilog=(
            "Run without a command to answer the guided questions (same as 'metasymptoms ask'). "
            "Add --plain for numbered choices and plain text (screen readers, simple terminals), "
            "and --country CODE (for example GB, US, AU) to be shown your country's emergency number."
        ),
    )
    parser.add_argument("--version", action="version", version=f"metasymptoms {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_ask(commands)
    _add_rules(commands)
    _add_explore(commands)
    _add_demo(commands)
    _add_serve(commands)
    return parser


if TYPE_CHECKING:
    # The object add_subparsers returns: where the functions below add their commands.
    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]


def _command(
    commands: _Commands, name: str, kind: type[Arguments], help: str, description: str | None = None
) -> argparse.ArgumentParser:
    """A command's parser, marked with the typed arguments `parse` makes of it."""
    command = commands.add_parser(name, help=help, description=description)
    command.set_defaults(arguments=kind)
    return command


# --- options several commands share, written once ------------------------------------------


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="DIR",
        type=Path,
        help="the rule book folder to use (default: the rule book shipped with metasymptoms)",
    )


def _add_dir_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "dir", nargs="?", type=Path, metavar="DIR", help="the rule book folder (default: the shipped one)"
    )


def _add_plain(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--plain", action="store_true", help=help)


def _add_country(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--country", metavar="CODE", type=_country_code, help=help)


def _add_output(parser: argparse.ArgumentParser, help: str) -> None:
    # Kept as typed, not a Path: a trailing slash ("out/") means a folder, and Path drops it.
    parser.add_argument("--output", metavar="FILE", help=help)


def _add_format(
    parser: argparse.ArgumentParser,
    choices: Sequence[str],
    help: str,
    default: str | None = None,
    required: bool = False,
) -> None:
    parser.add_argument("--format", choices=choices, default=default, required=required, help=help)


# --- the commands ----------------------------------------------------------------------------


def _add_ask(commands: _Commands) -> None:
    ask = _command(
        commands,
        "ask",
        Ask,
        help="answer the guided questions, or read answers from a file",
        description="Answer the guided questions one at a time, or give the answers in a file.",
    )
    _add_rules_option(ask)
    ask.add_argument(
        "--answers",
        metavar="FILE",
        nargs="+",
        type=Path,
        default=(),
        help="a YAML or JSON file of answers (no questions are asked); several files or a folder "
        "of them are a batch: the rule book is read once and each file gives one JSON line",
    )
    _add_format(
        ask,
        FORMATS,
        "how to write the result (default: text); html is a summary to print for an appointment",
    )
    _add_output(ask, "write the result to FILE instead of the screen (- is the screen)")
    _add_plain(ask, "numbered choices and plain text, for screen readers and simple terminals")
    _add_country(
        ask,
        "your country as a two-letter code (GB, US, AU, ...), to be shown its emergency number "
        "(default: METASYMPTOMS_COUNTRY, then your locale; otherwise 911 / 999 / 112)",
    )


def _add_rules(commands: _Commands) -> None:
    rules = commands.add_parser(
        "rules",
        help="check, read and export the rule book",
        description="Tools for people who review the rule files.",
    )
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    for add_action in (_add_check, _add_verify, _add_diff, _add_list, _add_show, _add_export):
        add_action(actions)


def _add_check(actions: _Commands) -> None:
    check = _command(
        actions,
        "check",
        RulesCheck,
        help="report every problem in the rule files",
        description="Report every problem in the rule files as file:line:col.",
    )
    _add_dir_argument(check)
    _add_format(check, ("text", "json"), "how to write the problems (default: text)", default="text")
    check.add_argument(
        "--explain",
        metavar="CHECK-ID",
        help="print the documentation of one check (e.g. hidden-red-flag), with a passing and a failing example",
    )
    _add_rules_option(check)


def _add_verify(actions: _Commands) -> None:
    verify = _command(
        actions,
        "verify",
        RulesVerify,
        help="prove the questionnaire safe over every path",
        description="Prove over every path of the questionnaire that every ending sends the person to a provider, every red flag can be reached, no skip logic hides one, and every emergency interrupts at once.",
    )
    _add_dir_argument(verify)
    _add_rules_option(verify)


def _add_diff(actions: _Commands) -> None:
    diff = _command(
        actions,
        "diff",
        RulesDiff,
        help="what an edit changed for a person, over every path (the release gate)",
        description=(
            "Compare two rule books over every path of the questionnaire: every group of answers "
            "whose urgency, red flags or sites differ, in plain words, each with an answers file "
            "that replays it; text changes listed beside. Exit 1 when an urgency is lowered and "
            "the new book's book.yaml does not declare it with a reason (declared_changes)."
        ),
    )
    diff.add_argument(
        "old", nargs="?", type=Path, metavar="OLD", help="the rule book before the edit (a folder)"
    )
    diff.add_argument(
        "new", nargs="?", type=Path, metavar="NEW", help="the rule book after the edit (a folder)"
    )
    diff.add_argument(
        "--git",
        metavar="REV",
        help="compare the folder as it was at this git revision (e.g. main) with the folder now; "
        "then give only the folder (default: the shipped rule book)",
    )
    _add_format(diff, FORMATS, "how to write the comparison (default: text)", default="text")


def _add_list(actions: _Commands) -> None:
    listing = _command(
        actions,
        "list",
        RulesList,
        help="list the items of the rule book",
        description="List findings, questions, sections, red flags, sites, rules, primaries and sources.",
    )
    _add_dir_argument(listing)
    listing.add_argument("--kind", choices=KINDS, help="only items of this kind")
    _add_rules_option(listing)


def _add_show(actions: _Commands) -> None:
    show = _command(
        actions, "show", RulesShow, help="one item in plain words, with where it is and what refers to it"
    )
    show.add_argument(
        "id",
        metavar="ID",
        help="the id of a finding, question, section, red flag, site, rule, primary or source",
    )
    _add_dir_argument(show)
    _add_rules_option(show)


def _add_export(actions: _Commands) -> None:
    export = _command(
        actions,
        "export",
        RulesExport,
        help="the rule book as a document, a graph, a JSON Schema or a FHIR Questionnaire",
        description="Write the rule book as a document (markdown, html), a graph (mermaid, dot), the JSON Schema of its files, or its questions as a FHIR R4 Questionnaire (fhir-r4).",
    )
    _add_dir_argument(export)
    _add_format(
        export,
        ("markdown", "html", "mermaid", "dot", "json-schema", "fhir-r4"),
        "markdown or html: the rule book as a document with the hazard log; mermaid or dot: "
        "a graph of findings, rules, red flags and sites; json-schema: the schema of each file; "
        "fhir-r4: the questions as a FHIR R4 Questionnaire (answers only: see docs/fhir.md)",
        required=True,
    )
    _add_output(
        export,
        "write to FILE; a folder (or a name ending in /) is made if needed and gets the "
        "document inside it (for json-schema, one schema file a kind)",
    )
    export.add_argument(
        "--only",
        metavar="ID",
        help="graphs only: cut the graph to one site, one rule or one red flag (by id)",
    )
    _add_rules_option(export)


def _add_explore(commands: _Commands) -> None:
    explore = _command(
        commands,
        "explore",
        Explore,
        help="browse by site, symptom or cancer, or try the what-if board",
        description="Without arguments, browse interactively (and try the what-if board). With a kind and an id, print that page.",
    )
    explore.add_argument(
        "kind",
        nargs="?",
        choices=("site", "symptom", "cancer"),
        help="the kind of page (without ID: list the ids)",
    )
    explore.add_argument("id", nargs="?", metavar="ID", help="which site, symptom or cancer")
    _add_plain(explore, "numbered choices and plain text")
    _add_rules_option(explore)


def _add_demo(commands: _Commands) -> None:
    demo = _command(
        commands,
        "demo",
        Demo,
        help="replay teaching scenarios with their reasoning",
        description="Replay a scripted case step by step with the reasoning shown, list the cases, or check them all.",
    )
    demo.add_argument("scenario", nargs="?", metavar="SCENARIO", help="the scenario to replay")
    demo.add_argument("--list", action="store_true", help="one scenario a line: its name, then its title")
    demo.add_argument(
        "--step",
        action="store_true",
        help="one step a screen, for a projector: Enter or the right arrow for the next, b or the left arrow to go back",
    )
    demo.add_argument(
        "--quiz",
        action="store_true",
        help="the class predicts the urgency, the sites and what would change before each is revealed",
    )
    demo.add_argument(
        "--html", action="store_true", help="write a self-contained lesson page (with --output FILE)"
    )
    _add_output(demo, "where to write the lesson page (- is the standard output)")
    demo.add_argument(
        "--all-changes", action="store_true", help="list every change that would change the outcome"
    )
    _add_plain(demo, "numbered choices and plain text, no screen clearing")
    demo.add_argument(
        "--check",
        action="store_true",
        help="check every scenario's expected outcome; exit 1 with the differences",
    )
    _add_rules_option(demo)
    _add_format(
        demo,
        ("text", "html"),
        "text: the replay, step by step (the default); html: the lesson page, as --html",
    )


def _add_serve(commands: _Commands) -> None:
    serve = _command(
        commands,
        "serve",
        Serve,
        help="the questions, the lessons and the rule book as web pages on this computer",
        description=(
            "Serve the guided questions, the lesson pages and the rule-book document as web pages. "
            "Binds 127.0.0.1 (this computer only) unless --host says otherwise. Nothing a person "
            "answers is stored or logged."
        ),
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this computer only); "
        "0.0.0.0 lets others on your network open the pages, for a classroom, and prints the "
        "addresses students type",
    )
    serve.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    _add_country(
        serve, "the country whose emergency number the pages show, as a two-letter code (GB, US, AU, ...)"
    )
    _add_rules_option(serve)

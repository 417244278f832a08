"""One module per command; each function takes its command's typed arguments (below) and
returns an exit code, and `DISPATCH` (at the end) says which function runs each kind.

The arguments are frozen dataclasses that arguments.py fills from the command line, one per
command, each field named as its option. This module imports only the standard library: the
command line imports it before it knows which command runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Ask:
    rules: Path | None
    answers: tuple[Path, ...]  # none: the guided questions; several, or a folder: a batch
    format: str | None  # None: not given (text; a batch writes JSON lines)
    output: str | None  # kept as typed: a trailing slash ("out/") is refused, and Path would drop it
    plain: bool
    country: str | None


@dataclass(frozen=True)
class _OnBook:
    """A `rules` action reads one rule book: DIR, or --rules DIR, or the shipped one."""

    dir: Path | None
    rules: Path | None

    @property
    def folder(self) -> Path | None:
        return self.dir or self.rules


@dataclass(frozen=True)
class RulesCheck(_OnBook):
    format: str
    explain: str | None


@dataclass(frozen=True)
class RulesVerify(_OnBook):
    pass


@dataclass(frozen=True)
class RulesList(_OnBook):
    kind: str | None


@dataclass(frozen=True)
class RulesShow(_OnBook):
    id: str


@dataclass(frozen=True)
class RulesExport(_OnBook):
    format: str
    output: str | None  # kept as typed: a trailing slash ("docs/") names a folder to make
    only: str | None


@dataclass(frozen=True)
class RulesDiff:
    old: Path | None
    new: Path | None
    git: str | None
    format: str


@dataclass(frozen=True)
class Explore:
    kind: str | None
    id: str | None
    plain: bool
    rules: Path | None


@dataclass(frozen=True)
class Demo:
    scenario: str | None
    list: bool
    step: bool
    quiz: bool
    html: bool
    output: str | None
    all_changes: bool
    plain: bool
    check: bool
    rules: Path | None
    format: str | None  # "html" is --html, as `ask` and `rules diff` spell it; None: not given

    @property
    def lesson_page(self) -> bool:
        return self.html or self.format == "html"


@dataclass(frozen=True)
class Serve:
    host: str
    port: int
    country: str | None
    rules: Path | None


Arguments = (
    Ask | RulesCheck | RulesVerify | RulesList | RulesShow | RulesExport | RulesDiff | Explore | Demo | Serve
)


# One function a command. Each imports its command's module when it runs, not before: those
# modules load pydantic and the rule book (and `serve` the web stack), which `--help` and
# the other commands must not wait for.


def _ask(arguments: Ask) -> int:
    from metasymptoms.commands.ask import ask

    return ask(arguments)


def _rules_check(arguments: RulesCheck) -> int:
    from metasymptoms.commands.rules import check

    return check(arguments)


def _rules_verify(arguments: RulesVerify) -> int:
    from metasymptoms.commands.rules import verify

    return verify(arguments)


def _rules_diff(arguments: RulesDiff) -> int:
    from metasymptoms.commands.rules import diff

    return diff(arguments)


def _rules_list(arguments: RulesList) -> int:
    from metasymptoms.commands.rules import list_items

    return list_items(arguments)


def _rules_show(arguments: RulesShow) -> int:
    from metasymptoms.commands.rules import show

    return show(arguments)


def _rules_export(arguments: RulesExport) -> int:
    from metasymptoms.commands.rules import export

    return export(arguments)


def _explore(arguments: Explore) -> int:
    from metasymptoms.commands.explore import explore

    return explore(arguments)


def _demo(arguments: Demo) -> int:
    from metasymptoms.commands.demo import demo

    return demo(arguments)


def _serve(arguments: Serve) -> int:
    from metasymptoms.commands.serve import serve

    return serve(arguments)


# Each kind of arguments to the one function that runs it (a test checks every pair matches).
DISPATCH: dict[type[Arguments], Callable[[Any], int]] = {
    Ask: _ask,
    RulesCheck: _rules_check,
    RulesVerify: _rules_verify,
    RulesDiff: _rules_diff,
    RulesList: _rules_list,
    RulesShow: _rules_show,
    RulesExport: _rules_export,
    Explore: _explore,
    Demo: _demo,
    Serve: _serve,
}

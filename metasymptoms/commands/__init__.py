"""One module per command; each function takes its command's typed arguments (below) and
returns an exit code.

The arguments are frozen dataclasses that arguments.py fills from the command line, one per
command, each field named as its option. This module imports only the standard library: the
command line imports it before it knows which command runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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

"""The layout of a rule book: which file holds which items at which YAML path, and which
model validates each file. Declared once here; the file reader, the loader, the
JSON schemas and the reviewers' tools all read it.

    findings.yaml     findings:   [finding, ...]
    questions.yaml    sections:   [section, ...], each with questions: [question, ...]
    red_flags.yaml    red_flags:  [red flag, ...], combinations: [red flag, ...]
    primaries.yaml    primaries:  [primary cancer, ...]
    guidance.yaml     the guidance (the whole file)
    sources.yaml      sources:    [source, ...]
    sites/*.yaml      one site a file (the whole file), with rules: [rule, ...]
    book.yaml         the book's own record (optional: without it the book is a draft)
    hazards.yaml      the hazard log (optional; read by the reviewers' tools only)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metasymptoms.core.book_record import BookInfo
from metasymptoms.core.guidance import Guidance
from metasymptoms.core.model import (
    FindingsFile,
    PrimariesFile,
    QuestionsFile,
    RedFlagsFile,
    RuleBook,
    Site,
    SourcesFile,
)

if TYPE_CHECKING:
    from metasymptoms.core.yamlfile import Path_


@dataclass(frozen=True)
class RuleFile:
    """One kind of rule file: its name (for site files, the folder's pattern), the model
    that validates it, and its short name (the JSON schema's, `rules schema KIND`)."""

    name: str
    model: type
    kind: str


FINDINGS = RuleFile("findings.yaml", FindingsFile, "findings")
QUESTIONS = RuleFile("questions.yaml", QuestionsFile, "questions")
RED_FLAGS = RuleFile("red_flags.yaml", RedFlagsFile, "red_flags")
PRIMARIES = RuleFile("primaries.yaml", PrimariesFile, "primaries")
GUIDANCE = RuleFile("guidance.yaml", Guidance, "guidance")
SOURCES = RuleFile("sources.yaml", SourcesFile, "sources")
SITES_FOLDER = "sites"
SITE = RuleFile(f"{SITES_FOLDER}/*.yaml", Site, "site")
BOOK = RuleFile("book.yaml", BookInfo, "book")  # optional (OPTIONAL_FILES): without it: an unversioned draft

# The files at the top of the folder that every rule book has, then those read when present.
TOP_FILES = (FINDINGS, QUESTIONS, RED_FLAGS, PRIMARIES, GUIDANCE, SOURCES)
OPTIONAL_FILES = (BOOK,)
# Every kind of rule file the engine reads, in the order the schemas are listed.
RULE_FILES = (*TOP_FILES, SITE, *OPTIONAL_FILES)
# Files of the rule-book folder read by the reviewers' tools, not by the engine (their
# model lives with those tools: reviewing/hazards.py).
HAZARDS_FILE = "hazards.yaml"
REVIEW_FILES = (HAZARDS_FILE,)
# The folder of teaching scenarios (core/scenarios.py), beside the rule files.
SCENARIOS_FOLDER = "scenarios"


def known_file_names() -> set[str]:
    """Every file name the top of a rule-book folder may hold."""
    return {spec.name for spec in TOP_FILES + OPTIONAL_FILES} | set(REVIEW_FILES)


def assemble(by_file: dict[RuleFile, Any], sites: tuple[Site, ...]) -> RuleBook:
    """The book made of its validated files (`by_file`: each file's model, book.yaml's when
    it has one) and its site files."""
    return RuleBook(
        findings=by_file[FINDINGS].findings,
        sections=by_file[QUESTIONS].sections,
        red_flags=by_file[RED_FLAGS].all_red_flags(),
        sites=sites,
        primaries=by_file[PRIMARIES].primaries,
        guidance=by_file[GUIDANCE],
        sources=by_file[SOURCES].sources,
        info=by_file.get(BOOK),
    )


# --- the items of a book, where each is written ------------------------------------------


@dataclass(frozen=True)
class ItemKind:
    """A kind of item: how `LoadedBook.where` names it, how a message names it, and how its
    id is spelled ("id", "source key", or None when its id is not its own: a question is
    named by its finding, guidance and book by their file)."""

    name: str
    words: str
    spelling: str | None = "id"


ITEM_KINDS = {
    item.name: item
    for item in (
        ItemKind("finding", "finding"),
        ItemKind("section", "section"),
        ItemKind("question", "question", None),
        ItemKind("red_flag", "red flag"),
        ItemKind("site", "site"),
        ItemKind("rule", "rule"),
        ItemKind("primary", "primary cancer"),
        ItemKind("source", "source", "source key"),
        ItemKind("guidance", "guidance", None),
        ItemKind("book", "book", None),
    )
}


@dataclass(frozen=True)
class Place:
    """One item of the book, and where it is written: `path` leads to it in `file`."""

    kind: str
    item_id: str
    file: Path
    path: Path_
    item: Any


@dataclass(frozen=True)
class BookLayout:
    """The files of one loaded book: its folder, its site files in the order of
    `RuleBook.sites`, and how many red flags red_flags.yaml lists before its combinations."""

    folder: Path
    site_files: tuple[Path, ...]
    flag_count: int

    def file(self, spec: RuleFile) -> Path:
        return self.folder / spec.name

    def flag_path(self, i: int) -> Path_:
        """Where the book's i-th red flag is written: in red_flags, or a combination after them."""
        return ("red_flags", i) if i < self.flag_count else self.combination_path(i - self.flag_count)

    def combination_path(self, i: int) -> Path_:
        """Where red_flags.yaml's i-th combination is written."""
        return ("combinations", i)

    def places(self, book: RuleBook) -> Iterator[Place]:
        """Every item of the book where it is written, file by file in the book's order."""
        file = self.file
        yield from (
            Place("finding", x.id, file(FINDINGS), ("findings", i), x) for i, x in enumerate(book.findings)
        )
        for s, section in enumerate(book.sections):
            yield Place("section", section.id, file(QUESTIONS), ("sections", s), section)
            for n, question in enumerate(section.questions):
                yield Place(
                    "question", question.finding, file(QUESTIONS), ("sections", s, "questions", n), question
                )
        yield from (
            Place("red_flag", x.id, file(RED_FLAGS), self.flag_path(i), x)
            for i, x in enumerate(book.red_flags)
        )
        for path, site in zip(self.site_files, book.sites):
            yield Place("site", site.id, path, (), site)
            yield from (Place("rule", rule.id, path, ("rules", i), rule) for i, rule in enumerate(site.rules))
        yield from (
            Place("primary", x.id, file(PRIMARIES), ("primaries", i), x) for i, x in enumerate(book.primaries)
        )
        yield from (
            Place("source", x.id, file(SOURCES), ("sources", i), x) for i, x in enumerate(book.sources)
        )
        yield Place("guidance", "guidance", file(GUIDANCE), (), book.guidance)
        if book.info is not None:
            yield Place("book", "book", file(BOOK), (), book.info)

"""Rule files -> RuleBook, with every problem located as file:line:col.

The loader reads, parses and validates each file of the layout (layout.py) through the
pipeline every rule-book file takes (validate.py, the messages in plain words from
plain_errors.py), then checks the ids one file names of another (citations.py, on every file as written) and
what else one file says of another (references.py). It collects every problem before it gives
up, so a reviewer fixes them all in one round.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from metasymptoms.core.bookfiles import default_rules_dir, site_paths
from metasymptoms.core.checks import unknown_file
from metasymptoms.core.citations import known_ids, unknown_names
from metasymptoms.core.files import protect_folder
from metasymptoms.core.layout import (
    FINDINGS,
    OPTIONAL_FILES,
    RED_FLAGS,
    SITE,
    SITES_FOLDER,
    SOURCES,
    TOP_FILES,
    BookLayout,
    RuleFile,
    assemble,
)
from metasymptoms.core.model import RuleBook
from metasymptoms.core.numbers import book_number, for_country, numbered
from metasymptoms.core.problems import Location, Problem, RuleBookError, RulesFolderMissing
from metasymptoms.core.references import check_references
from metasymptoms.core.validate import finding_kinds, location, read_document, validate
from metasymptoms.core.yamlfile import Path_, YamlDocument


def today() -> datetime.date:
    """Today, for dates that must not lie in the future (a test may replace it)."""
    return datetime.date.today()


@dataclass
class LoadedBook:
    """A valid rule book, where each of its items stands, and warnings that did not block it."""

    book: RuleBook  # with the book's emergency number filled in (numbers.py)
    folder: Path
    written: RuleBook  # as written: {emergency_number} where the number goes
    documents: dict[Path, YamlDocument] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    paths: dict[tuple[str, str], tuple[Path, Path_]] = field(default_factory=dict)

    def where(self, kind: str, item_id: str) -> Location | None:
        """Where an item stands (None for one the book does not hold), looked up when asked:
        the questions never ask, and a reviewer's tool asks for a few."""
        return self.at(kind, item_id) if (kind, item_id) in self.paths else None

    def at(self, kind: str, item_id: str, *steps: str | int, key: bool = False) -> Location:
        """Where a field of an item stands, e.g. at("rule", "bones.fracture", "reviewed")."""
        file, path = self.paths[(kind, item_id)]
        return location(file, self.documents.get(file), path + steps, key=key)


def load(folder: Path) -> LoadedBook:
    """Load and validate the rule book in `folder`. Raises RuleBookError with every problem."""
    # Loading builds hundreds of thousands of small objects that all stay alive and hold no
    # reference cycles; the cyclic collector would rescan the growing heap again and again.
    # Resting it buys a reviewer seconds on a large book: the benchmark's 10,000-rule book
    # (benchmarks/run.py) loaded in 2 to 4 s with it resting and 28 s with it on (measured
    # December 2026); the shipped book loads as fast either way.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Loader(folder).run()
    finally:
        if was_enabled:
            gc.enable()


def load_book(folder: Path | None = None, country: str | None = None, *, named: bool = True) -> RuleBook:
    """The book in `folder` (default: the shipped one), with the emergency number of the
    person's `country` when it is given (numbers.for_country)."""
    return for_country(load(folder or default_rules_dir()), country, named=named)


class _Loader:
    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.documents: dict[Path, YamlDocument] = {}

    def run(self) -> LoadedBook:
        try:
            is_folder = self.folder.is_dir()
        except OSError as error:
            raise RulesFolderMissing(
                f"the rules folder '{self.folder}' cannot be read ({error.strerror})"
            ) from None
        if not is_folder:
            raise RulesFolderMissing(f"the rules folder '{self.folder}' does not exist or is not a folder")
        protect_folder(self.folder)  # this run may read any file in it: nothing is written there
        self.warnings += unknown_file.check(self.folder)
        specs = self._read_all()
        findings = self.documents.get(self.folder / FINDINGS.name)
        # findings.yaml unreadable as YAML: no finding is known, so references to findings are
        # not checked (else every condition in every file would be reported as unknown).
        kinds = finding_kinds(findings.data) if findings is not None else None
        models = self._validate_all(specs, kinds)
        sites = {self._site_id(path) for path, spec in specs.items() if spec is SITE}
        known = known_ids(
            self.documents, self.folder / SOURCES.name, sites, None if kinds is None else set(kinds)
        )
        self.problems += unknown_names(self.documents, specs, known)
        loaded = self._assemble(specs, models)
        if self.problems:
            raise RuleBookError(self.problems)
        assert loaded is not None  # _assemble gives None only with problems recorded
        return loaded

    def _files(self) -> Iterator[tuple[Path, RuleFile]]:
        """Each file of the book to read, with what it is: the required files, the optional
        ones, and the site files."""
        for spec in TOP_FILES + OPTIONAL_FILES:
            yield self.folder / spec.name, spec
        sites = self.folder / SITES_FOLDER
        paths, problem = site_paths(self.folder)
        if problem:
            self.problems.append(Problem(Location(sites), problem))
        elif not paths:
            self.problems.append(
                Problem(
                    Location(sites),
                    "the 'sites' folder is missing or holds no .yaml file; each site needs a file there",
                )
            )
        for path in paths:
            yield path, SITE

    def _read_all(self) -> dict[Path, RuleFile]:
        """Read and parse every file of the book; the files there to validate, with what each is."""
        specs: dict[Path, RuleFile] = {}
        for path, spec in self._files():
            doc, problems = read_document(path, needed=spec not in OPTIONAL_FILES)
            if doc is None and not problems:
                continue  # an optional file the book does not have
            specs[path] = spec
            self.problems += problems
            if doc is not None:
                self.documents[path] = doc
        return specs

    def _validate_all(self, specs: dict[Path, RuleFile], kinds: dict[str, Any] | None) -> dict[Path, Any]:
        models: dict[Path, Any] = {}
        for path, doc in self.documents.items():
            value, problems = validate(specs[path].model, path, doc, kinds)
            self.problems += problems
            if value is not None:
                models[path] = value
        return models

    def _assemble(self, specs: dict[Path, RuleFile], models: dict[Path, Any]) -> LoadedBook | None:
        """The book with where each item stands, once every file is valid and its
        references check out; None (with the problems recorded) otherwise. A broken site
        file is left out of the checks between files, which still run over the rest, so one
        run reports every file's problems (its site's id is not reported as unknown); a
        broken file of any other kind leaves those checks for the next run."""
        if any(path not in models for path, spec in specs.items() if spec is not SITE):
            return None
        site_files = tuple(path for path, spec in specs.items() if spec is SITE and path in models)
        broken = [path for path, spec in specs.items() if spec is SITE and path not in models]
        by_file = {spec: models[path] for path, spec in specs.items() if spec is not SITE}
        written = assemble(by_file, tuple(models[path] for path in site_files))
        layout = BookLayout(self.folder, site_files, len(by_file[RED_FLAGS].red_flags))
        self.problems += check_references(
            written,
            layout,
            self.documents,
            by_file[RED_FLAGS].combinations,
            today(),
        )
        if broken or self.problems:
            return None
        book = numbered(written, book_number(written))
        loaded = LoadedBook(book, self.folder, written, documents=self.documents, warnings=self.warnings)
        for place in layout.places(book):
            loaded.paths[(place.kind, place.item_id)] = (place.file, place.path)
        return loaded

    def _site_id(self, path: Path) -> str:
        """The id a site file gives itself, as written; its file's name where it gives none."""
        doc = self.documents.get(path)
        written = doc.data.get("id") if doc is not None and isinstance(doc.data, dict) else None
        return written if isinstance(written, str) else path.stem

"""Rule files -> RuleBook, with every problem located as file:line:col.

The loader reads each file (safely, see yamlfile), validates it with its own model, then
checks what one file says of another: ids used twice, findings, sites and sources that do
not exist, questions that depend on answers not yet given. It collects every problem before
it gives up, so a reviewer fixes them all in one round.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import gc
import re
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


from metasymptoms.core import conditions
from metasymptoms.core.conditions import close_match
from metasymptoms.core.kinds import KINDS, kind_of
from metasymptoms.core.model import (
    BookInfo,
    FindingsFile,
    Guidance,
    PrimariesFile,
    QuestionsFile,
    RedFlagsFile,
    RuleBook,
    Site,
    SourcesFile,
)
from metasymptoms.core.problems import Location, Problem, RuleBookError, RulesFolderMissing
from metasymptoms.core.files import UnreadableFile
from metasymptoms.core.rulebook import (
    OPTIONAL_FILE_NAMES,
    SITES_FOLDER,
    TOP_FILE_NAMES,
    BookFiles,
    default_rules_dir,
    read_book_files,
)
from metasymptoms.core.yamlfile import Path_, YamlDocument, YamlProblem, parse_yaml_bytes

# file name -> the model of its contents
TOP_FILES: dict[str, type] = dict(
    zip(TOP_FILE_NAMES, (FindingsFile, QuestionsFile, RedFlagsFile, PrimariesFile, Guidance, SourcesFile))
)
__all__ = ["LoadedBook", "default_rules_dir", "load", "load_book"]
OTHER_FOLDERS = {"scenarios"}
OPTIONAL_FILES: dict[str, type] = dict(zip(OPTIONAL_FILE_NAMES, (BookInfo,)))
# Files of the rule-book folder read by the reviewers' tools, not by the engine.
REVIEW_FILES = ("hazards.yaml",)


def today() -> datetime.date:
    """Today, for dates that must not lie in the future (a test may replace it)."""
    return datetime.date.today()


@dataclass
class LoadedBook:
    """A valid rule book, where each of its items stands, and warnings that did not block it."""

    book: RuleBook
    folder: Path
    origins: dict[tuple[str, str], Location] = field(default_factory=dict)
    documents: dict[Path, YamlDocument] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)
    paths: dict[tuple[str, str], tuple[Path, Path_]] = field(default_factory=dict)

    def where(self, kind: str, item_id: str) -> Location | None:
        return self.origins.get((kind, item_id))

    def at(self, kind: str, item_id: str, *steps: str | int, key: bool = False) -> Location:
        """Where a field of an item stands, e.g. at("rule", "bones.fracture", "reviewed")."""
        file, path = self.paths[(kind, item_id)]
        doc = self.documents.get(file)
        if doc is None:
            return Location(file)
        position = doc.position(path + steps, key=key)
        return Location(file, position.line, position.column)


def load(folder: Path, files: BookFiles | None = None) -> LoadedBook:
    """Load and validate the rule book in `folder` (exactly the bytes in `files` when given,
    as read once by the caller). Raises RuleBookError with every problem."""
    # Loading builds hundreds of thousands of small objects that all stay alive and hold no
    # reference cycles; the cyclic collector would rescan the growing heap again and again
    # (a 10,000-rule book loads four times slower with it on), so it rests meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Loader(folder, files).run()
    finally:
        if was_enabled:
            gc.enable()


def load_book(folder: Path | None = None) -> RuleBook:
    return load(folder or default_rules_dir()).book


# ---------------------------------------------------------------------------------------


_PLAIN_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "yes or no",
    "bool_parsing": "yes or no",
    "tuple_type": "a list (one item a line, each starting with '- ')",
    "list_type": "a list (one item a line, each starting with '- ')",
    "model_type": "a mapping of keys and values",
    "dataclass_type": "a mapping of keys and values",
    "dataclass_args_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dict_type": "a mapping of keys and values",
    "date_type": "a date written as YYYY-MM-DD",
    "date_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written as YYYY-MM-DD",
}

_YAML_HINTS = {
    "mapping values are not allowed here": (
        "a ':' stands where it cannot; check the indentation, or put the text in quotes"
    ),
    "could not find expected ':'": "a line is missing its ':' after the key, or its indentation is off",
    "did not find expected '-' indicator": "a list item is missing its '- ', or its indentation is off",
    "did not find expected key": "the indentation of this line does not match the lines around it",
    "found character '\\t' that cannot start any token": "a tab is used for indentation; use spaces",
    "exceeded maximum nesting depth": "the file is nested far too deep; rule files are never that deep",
}


def plain_yaml_message(message: str) -> str:
    for raw, plain in _YAML_HINTS.items():
        if raw in message:
            return f"the YAML cannot be read here: {plain}"
    return message


def _field_names(model: type | None) -> list[str]:
    return [item.name for item in dataclasses.fields(model)] if model else []


def _model_at(model: type, loc: tuple[Any, ...]) -> type | None:
    """The model class that the location (minus its last step) points into."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not dataclasses.is_dataclass(current):
            return None
        hints = typing.get_type_hints(current, include_extras=True)
        if step not in hints:
            return None
        current = _inner_model(hints[step])
    return current if dataclasses.is_dataclass(current) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap tuple[...], X | None and Annotated[...] down to a model class, if there is one."""
    for _ in range(10):
        if dataclasses.is_dataclass(annotation):
            return annotation
        if hasattr(annotation, "__metadata__"):
            annotation = annotation.__origin__
            continue
        args = [
            arg
            for arg in getattr(annotation, "__args__", ())
            if arg is not type(None) and arg is not Ellipsis
        ]
        if not args:
            return None
        annotation = args[0]
    return None


@functools.cache
def _adapter(model: type) -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def _what(loc: tuple[Any, ...]) -> str:
    """The key a message names: the last word in the location."""
    for step in reversed(loc):
        if isinstance(step, str):
            return step
    return "this item"


class _Loader:
    def __init__(self, folder: Path, files: BookFiles | None = None):
        self.folder = folder
        self.files = files
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.documents: dict[Path, YamlDocument] = {}
        self.origins: dict[tuple[str, str], Location] = {}
        self.paths: dict[tuple[str, str], tuple[Path, Path_]] = {}

    # --- reporting ---

    def at(self, file: Path, path: Path_, *, key: bool = False) -> Location:
        doc = self.documents.get(file)
        if doc is None:
            return Location(file)
        position = doc.position(path, key=key)
        return Location(file, position.line, position.column)

    def error(
        self, file: Path, path: Path_, message: str, *, key: bool = False, check: str = "schema"
    ) -> None:
        self.problems.append(Problem(self.at(file, path, key=key), message, "error", check))

    # --- the steps ---

    def run(self) -> LoadedBook:
        try:
            is_folder = self.folder.is_dir()
        except OSError as error:
            raise RulesFolderMissing(
                f"the rules folder '{self.folder}' cannot be read ({error.strerror})"
            ) from None
        if not is_folder:
            raise RulesFolderMissing(f"the rules folder '{self.folder}' does not exist or is not a folder")
        if self.files is None:
            self.files = read_book_files(self.folder)
        raw = self._read_all()
        kinds = _finding_kinds(raw.get(self.folder / "findings.yaml"))
        models = self._validate_all(raw, kinds)
        book = self._assemble(models)
        if book is not None:
            self._cross_check(book, models)
        if self.problems:
            raise RuleBookError(self.problems)
        assert book is not None
        return LoadedBook(book, self.folder, self.origins, self.documents, self.warnings, self.paths)

    def _files(self) -> Iterator[tuple[Path, type]]:
        assert self.files is not None
        for name, model in TOP_FILES.items():
            yield self.folder / name, model
        for name, model in OPTIONAL_FILES.items():
            path = self.folder / name
            if path in self.files.contents or path in self.files.unreadable:
                yield path, model
        sites = self.folder / SITES_FOLDER
        site_files = self.files.site_paths
        if self.files.sites_problem:
            self.problems.append(Problem(Location(sites), self.files.sites_problem))
        elif not site_files:
            self.problems.append(
                Problem(
                    Location(sites),
                    "the 'sites' folder is missing or holds no .yaml file; each site needs a file there",
                )
            )
        for path in site_files:
            yield path, Site

    def _read_all(self) -> dict[Path, Any]:
        known = set(TOP_FILES) | set(OPTIONAL_FILES) | set(REVIEW_FILES)
        for path in sorted(self.folder.glob("*.y*ml")):
            if path.name not in known:
                hint = close_match(path.name, known)
                self.warnings.append(
                    Problem(
                        Location(path),
                        f"this file is not part of the rule book and is ignored{hint}",
                        "warning",
                        "unknown-file",
                    )
                )
        raw: dict[Path, Any] = {}
        self._models_for: dict[Path, type] = {}
        for path, model in self._files():
            self._models_for[path] = model
            try:
                doc = parse_yaml_bytes(self.files.read(path))  # type: ignore[union-attr]
            except UnreadableFile as error:
                message = (
                    f"the file is missing; every rule book needs {path.name}"
                    if error.missing
                    else error.message
                )
                check = "schema" if error.missing else "yaml"
                self.problems.append(Problem(Location(path), message, "error", check))
                continue
            except YamlProblem as problem:
                location = Location(path, problem.position.line, problem.position.column)
                self.problems.append(Problem(location, plain_yaml_message(problem.message), "error", "yaml"))
                continue
            self.documents[path] = doc
            raw[path] = doc.data
        return raw

    def _validate_all(self, raw: dict[Path, Any], kinds: conditions.FindingKinds) -> dict[Path, Any]:
        from pydantic import ValidationError

        models: dict[Path, Any] = {}
        for path, data in raw.items():
            model = self._models_for[path]
            if data is None:
                self.error(path, (), f"the file is empty; it should hold {_describe_file(model)}")
                continue
            try:
                models[path] = _adapter(model).validate_python(data, context={"finding_kinds": kinds})
            except ValidationError as error:
                self._report(path, model, error)
        return models

    def _report(self, path: Path, model: type, error: Any) -> None:
        for loc, message, at_key in translate(model, error):
            self.error(path, loc, message, key=at_key)

    def _assemble(self, models: dict[Path, Any]) -> RuleBook | None:
        """Put the validated files together; None when any file failed."""
        if len(models) != len(self._models_for) or self.problems:
            return None
        by_name = {path.name: model for path, model in models.items() if path.parent == self.folder}
        sites = [
            model
            for path, model in models.items()
            if path.parent.name == SITES_FOLDER and path.parent.parent == self.folder
        ]
        self.flag_count = len(by_name["red_flags.yaml"].red_flags)  # type: ignore[attr-defined]
        return RuleBook(
            findings=by_name["findings.yaml"].findings,  # type: ignore[attr-defined]
            sections=by_name["questions.yaml"].sections,  # type: ignore[attr-defined]
            red_flags=by_name["red_flags.yaml"].all_red_flags(),  # type: ignore[attr-defined]
            sites=tuple(sites),  # type: ignore[arg-type]
            primaries=by_name["primaries.yaml"].primaries,  # type: ignore[attr-defined]
            guidance=by_name["guidance.yaml"],  # type: ignore[arg-type]
            sources=by_name["sources.yaml"].sources,  # type: ignore[attr-defined]
            info=by_name.get("book.yaml"),  # type: ignore[arg-type]
        )

    def flag_path(self, i: int) -> tuple[str, int]:
        """Where the book's i-th red flag is written: in red_flags, or a combination after them."""
        count = getattr(self, "flag_count", i + 1)
        return ("red_flags", i) if i < count else ("combinations", i - count)

    # --- references between files ---

    def _cross_check(self, book: RuleBook, models: dict[Path, Any]) -> None:
        f = self.folder
        site_files = [path for path, model in models.items() if isinstance(model, Site)]
        findings_file, questions_file = f / "findings.yaml", f / "questions.yaml"
        red_flags_file, primaries_file = f / "red_flags.yaml", f / "primaries.yaml"
        sources_file, guidance_file = f / "sources.yaml", f / "guidance.yaml"

        self._check_spelling(book, site_files)
        self._unique("finding", findings_file, ((("findings", i), x.id) for i, x in enumerate(book.findings)))
        self._unique("source", sources_file, ((("sources", i), x.id) for i, x in enumerate(book.sources)))
        self._unique(
            "red flag", red_flags_file, ((self.flag_path(i), x.id) for i, x in enumerate(book.red_flags))
        )
        self._unique(
            "primary cancer", primaries_file, ((("primaries", i), x.id) for i, x in enumerate(book.primaries))
        )
        self._unique(
            "section", questions_file, ((("sections", i), x.id) for i, x in enumerate(book.sections))
        )
        site_files = [path for path, model in models.items() if isinstance(model, Site)]
        self._unique("site", None, (((path, ()), model.id) for path, model in zip(site_files, book.sites)))
        rules = [
            ((path, ("rules", i)), rule.id)
            for path, site in zip(site_files, book.sites)
            for i, rule in enumerate(site.rules)
        ]
        self._unique("rule", None, iter(rules))

        for i, finding in enumerate(book.findings):
            here = ("findings", i)
            for field_name, message in kind_of(finding).problems(finding):
                self.error(findings_file, here + (field_name,), message)
            if finding.implies is not None:
                implied = next((other for other in book.findings if other.id == finding.implies), None)
                if implied is None or implied.type != "yes_no" or implied.id == finding.id:
                    self.error(
                        findings_file,
                        here + ("implies",),
                        f"'{finding.id}' implies '{finding.implies}', which is not another yes/no finding"
                        f"{close_match(finding.implies, [f.id for f in book.findings])}",
                    )
            values = [choice.value for choice in finding.choices]
            for j, value in enumerate(values):
                if value in values[:j]:
                    self.error(
                        findings_file,
                        here + ("choices", j, "value"),
                        f"the choice '{value}' of '{finding.id}' is listed twice",
                    )

        known_findings = {finding.id for finding in book.findings}
        asked_at: dict[str, tuple[int, int]] = {}
        for s, section in enumerate(book.sections):
            for q, question in enumerate(section.questions):
                here = ("sections", s, "questions", q)
                if question.finding not in known_findings:
                    self.error(
                        questions_file,
                        here + ("finding",),
                        f"'{question.finding}' is not a finding in findings.yaml{close_match(question.finding, known_findings)}",
                    )
                elif question.finding in asked_at:
                    self.error(
                        questions_file,
                        here + ("finding",),
                        f"'{question.finding}' is already asked by another question; each finding is asked once",
                    )
                else:
                    asked_at[question.finding] = (s, q)
                    finding = book.finding(question.finding)
                    allowed = kind_of(finding).allowed_defaults(finding)
                    if question.default is not None and question.default not in allowed:
                        self.error(
                            questions_file,
                            here + ("default",),
                            f"'{question.default}' is not an answer to '{question.finding}'{close_match(question.default, allowed)}; "
                            + (f"use one of {', '.join(allowed)}" if allowed else "remove the default"),
                        )
        # ask_if may only depend on answers given before the question is reached.
        order = {finding: n for n, finding in enumerate(asked_at)}
        for finding, (s, q) in asked_at.items():
            question = book.sections[s].questions[q]
            if question.ask_if is None:
                continue
            for used in conditions.findings_in(question.ask_if):
                if used not in order:
                    self.error(
                        questions_file,
                        ("sections", s, "questions", q, "ask_if"),
                        f"'ask_if' depends on '{used}', but no question asks it",
                    )
                elif order[used] >= order[finding]:
                    self.error(
                        questions_file,
                        ("sections", s, "questions", q, "ask_if"),
                        f"'ask_if' depends on '{used}', which is asked later; a question can depend only on earlier answers",
                    )

        known_sources = {source.id for source in book.sources}
        known_sites = {site.id for site in book.sites}

        def cite(file: Path, path: Path_, keys: Iterable[str]) -> None:
            for k, key in enumerate(keys):
                if key not in known_sources:
                    self.error(
                        file,
                        path + ("sources", k),
                        f"the source '{key}' is not in sources.yaml{close_match(key, known_sources)}",
                    )

        def sites_exist(file: Path, path: Path_, site_ids: Iterable[str]) -> None:
            for k, site_id in enumerate(site_ids):
                if site_id not in known_sites:
                    self.error(
                        file,
                        path + (k,),
                        f"'{site_id}' is not a site of this rule book{close_match(site_id, known_sites)}",
                    )

        for i, flag in enumerate(book.red_flags):
            cite(red_flags_file, self.flag_path(i), flag.sources)
            sites_exist(red_flags_file, self.flag_path(i) + ("sites",), flag.sites)
        combinations = models[red_flags_file].combinations
        for i, combination in enumerate(combinations):
            graded = sum(flag.grade == combination.of_grade for flag in book.red_flags)
            if combination.at_least < 2 or graded < combination.at_least:
                self.error(
                    red_flags_file,
                    ("combinations", i, "at_least"),
                    f"'{combination.id}' needs at least 2 of the warning signs graded '{combination.of_grade}', "
                    f"and {graded} are graded so",
                )
        for path, site in zip(site_files, book.sites):
            cite(path, (), site.sources)
            for i, rule in enumerate(site.rules):
                cite(path, ("rules", i), rule.sources)
        for i, primary in enumerate(book.primaries):
            cite(primaries_file, ("primaries", i), primary.sources)
            sites_exist(primaries_file, ("primaries", i, "common_sites"), primary.common_sites)
        cite(guidance_file, (), book.guidance.sources)
        for k, key in enumerate(book.guidance.with_cancer_sources):
            if key not in known_sources:
                self.error(
                    guidance_file,
                    ("with_cancer_sources", k),
                    f"the source '{key}' is not in sources.yaml{close_match(key, known_sources)}",
                )

        self._check_dates(book, site_files)
        if book.info is not None:
            self._check_info(book.info, known_findings)
        self._record_origins(book, site_files)

    def _check_dates(self, book: RuleBook, site_files: list[Path]) -> None:
        """A check against sources records something that happened: never a future date."""
        now = today()
        dated: list[tuple[Path, Path_, datetime.date]] = [
            (self.folder / "red_flags.yaml", ("red_flags", i, "checked", "date"), flag.checked.date)
            for i, flag in enumerate(book.red_flags)
        ]
        dated += [
            (path, ("rules", i, "checked", "date"), rule.checked.date)
            for path, site in zip(site_files, book.sites)
            for i, rule in enumerate(site.rules)
        ]
        for file, path, date in dated:
            if date > now:
                self.error(
                    file,
                    path,
                    f"the date {date.isoformat()} is in the future; write the day the check was done",
                )

    def _check_info(self, info: BookInfo, known_findings: set[str]) -> None:
        """book.yaml: sign-offs that happened, for versions that make sense, and an
        approved status only with a sign-off of the current version."""
        file = self.folder / "book.yaml"
        now = today()
        for i, sign_off in enumerate(info.sign_offs):
            if sign_off.date > now:
                self.error(
                    file,
                    ("sign_offs", i, "date"),
                    f"the date {sign_off.date.isoformat()} is in the future; a sign-off records the day it happened",
                )
        if info.status == "approved" and not any(s.version == info.version for s in info.sign_offs):
            self.error(
                file,
                ("status",),
                f"the status is 'approved' but no one has signed off version {info.version}; "
                "add a sign-off (name, role, date, version) or set the status to draft",
            )
        for i, change in enumerate(info.declared_changes):
            if change.now.rank >= change.was.rank:
                self.error(
                    file,
                    ("declared_changes", i, "now"),
                    f"'{change.now.value}' is not lower than '{change.was.value}'; only a lowered urgency needs declaring",
                )
        for i, exception in enumerate(info.lowers_urgency_when_reported):
            if exception.finding not in known_findings:
                self.error(
                    file,
                    ("lowers_urgency_when_reported", i, "finding"),
                    f"'{exception.finding}' is not a finding in findings.yaml{close_match(exception.finding, known_findings)}",
                )

    def _check_spelling(self, book: RuleBook, site_files: list[Path]) -> None:
        """Ids are lowercase words joined by underscores (a dot separates a rule's site);
        source keys are capitals, digits and dashes."""
        f = self.folder
        ids: list[tuple[Path, Path_, str]] = []
        keys: list[tuple[Path, Path_, str]] = []
        for i, finding in enumerate(book.findings):
            ids.append((f / "findings.yaml", ("findings", i, "id"), finding.id))
            ids += [
                (f / "findings.yaml", ("findings", i, "choices", j, "value"), c.value)
                for j, c in enumerate(finding.choices)
            ]
        ids += [
            (f / "questions.yaml", ("sections", i, "id"), section.id)
            for i, section in enumerate(book.sections)
        ]
        ids += [
            (f / "red_flags.yaml", self.flag_path(i) + ("id",), flag.id) for i, flag in enumerate(book.red_flags)
        ]
        ids += [
            (f / "primaries.yaml", ("primaries", i, "id"), primary.id)
            for i, primary in enumerate(book.primaries)
        ]
        for path, site in zip(site_files, book.sites):
            ids.append((path, ("id",), site.id))
            ids += [(path, ("rules", i, "id"), rule.id) for i, rule in enumerate(site.rules)]
        keys += [
            (f / "sources.yaml", ("sources", i, "id"), source.id) for i, source in enumerate(book.sources)
        ]
        for file, path, value in ids:
            if not _ID.fullmatch(value):
                self.error(file, path, _pattern_message("id", value))
        for file, path, value in keys:
            if not _SOURCE_KEY.fullmatch(value):
                self.error(file, path, _pattern_message("sources", value))

    def _unique(self, kind: str, file: Path | None, items: Iterator[tuple[Any, str]]) -> None:
        first: dict[str, Location] = {}
        for where, item_id in items:
            if file is None:
                item_file, path = where
            else:
                item_file, path = file, where
            location = self.at(item_file, path + ("id",))
            if item_id in first:
                self.problems.append(
                    Problem(
                        location,
                        f"the {kind} id '{item_id}' is used twice (first at {first[item_id]}); each id must be unique",
                    )
                )
            else:
                first[item_id] = location

    def _record_origins(self, book: RuleBook, site_files: list[Path]) -> None:
        f = self.folder
        places: list[tuple[str, str, Path, Path_]] = []
        places += [
            ("finding", x.id, f / "findings.yaml", ("findings", i)) for i, x in enumerate(book.findings)
        ]
        for s, section in enumerate(book.sections):
            places.append(("section", section.id, f / "questions.yaml", ("sections", s)))
            places += [
                ("question", q.finding, f / "questions.yaml", ("sections", s, "questions", n))
                for n, q in enumerate(section.questions)
            ]
        places += [
            ("red_flag", x.id, f / "red_flags.yaml", self.flag_path(i)) for i, x in enumerate(book.red_flags)
        ]
        for path, site in zip(site_files, book.sites):
            places.append(("site", site.id, path, ()))
            places += [("rule", rule.id, path, ("rules", i)) for i, rule in enumerate(site.rules)]
        places += [
            ("primary", x.id, f / "primaries.yaml", ("primaries", i)) for i, x in enumerate(book.primaries)
        ]
        places += [("source", x.id, f / "sources.yaml", ("sources", i)) for i, x in enumerate(book.sources)]
        places.append(("guidance", "guidance", f / "guidance.yaml", ()))
        if book.info is not None:
            places.append(("book", "book", f / "book.yaml", ()))
        for kind, item_id, file, path in places:
            self.paths[(kind, item_id)] = (file, path)
            self.origins[(kind, item_id)] = self.at(file, path)


def translate(model: type, error: Any) -> Iterator[tuple[Path_, str, bool]]:
    """A pydantic ValidationError of `model` as (where, plain message, at the key?) triples,
    one for each problem a reviewer has to fix."""
    details = error.errors(include_url=False)
    inner = [tuple(detail["loc"]) for detail in details]
    for detail in details:
        loc = tuple(detail["loc"])
        kind = detail["type"]
        if kind == "too_short" and any(len(other) > len(loc) and other[: len(loc)] == loc for other in inner):
            continue  # the list is short only because an item in it failed, reported on its own
        name = _what(loc)
        if kind == "condition":
            for rel, message, at_key in detail["ctx"]["problems"]:
                yield loc + tuple(rel), message, at_key
        elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
            allowed = _field_names(_model_at(model, loc[:-1]))
            hint = close_match(name, allowed)
            listing = f"; the keys allowed here are: {', '.join(allowed)}" if allowed else ""
            yield loc, f"'{name}' is not a key this file knows{hint}{listing}", True
        elif kind in ("missing", "missing_argument"):
            yield loc[:-1], f"'{name}' is missing here; add it", False
        elif kind in ("enum", "literal_error"):
            expected = detail.get("ctx", {}).get("expected", "")
            yield loc, f"'{name}' must be one of {expected}, not '{detail['input']}'", False
        elif kind == "string_pattern_mismatch":
            yield loc, _pattern_message(name, detail["input"]), False
        elif kind in ("too_short", "string_too_short"):
            yield loc, f"'{name}' must not be empty", False
        elif kind in ("too_long", "string_too_long"):
            yield loc, f"'{name}' is too long", False
        elif kind in _PLAIN_TYPES:
            yield loc, f"'{name}' should be {_PLAIN_TYPES[kind]}, not {_shown(detail['input'])}", False
        else:
            yield loc, f"'{name}': {detail['msg']}", False


def _finding_kinds(data: Any) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What each finding is, read from raw findings data even when that file has problems,
    so that conditions elsewhere are still checked against it."""
    kinds: dict[str, tuple[str, tuple[str, ...]]] = {}
    items = data.get("findings") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        kind = item.get("type") if item.get("type") in KINDS else "yes_no"
        choices = item.get("choices") if isinstance(item.get("choices"), list) else []
        values = tuple(str(choice["value"]) for choice in choices if isinstance(choice, dict) and "value" in choice)
        kinds[item["id"]] = (kind, values)
    return kinds


def _describe_file(model: type) -> str:
    fields = _field_names(model)
    if len(fields) == 1:
        return f"a '{fields[0]}:' list"
    return "the keys " + ", ".join(fields)


_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*")
_SOURCE_KEY = re.compile(r"[A-Z][A-Z0-9-]*")


def _pattern_message(name: str, value: Any) -> str:
    if name == "url":
        return (
            f"'{value}' is not a full web address; write the page's whole address, starting "
            "with https://, like https://www.nhs.uk/conditions/sciatica/"
        )
    if name == "sources":
        return f"'{value}' is not a valid source key; source keys are capital letters, digits and dashes, like CC-META"
    return f"'{value}' is not a valid id; ids are lowercase words joined by underscores, like back_pain"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"

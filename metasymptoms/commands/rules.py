"""`metasymptoms rules ...`: tools for the people who review the rule files."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from metasymptoms.commands import RulesCheck, RulesDiff, RulesExport, RulesList, RulesShow, RulesVerify
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import LoadedBook, load
from metasymptoms.core.problems import OutputError, Problem, RuleBookError, UsageError, counted


def _folder(args: RulesCheck | RulesVerify | RulesList | RulesShow | RulesExport) -> Path:
    return args.folder or default_rules_dir()


# Said under the problems of a book that does not load: what one run could not check yet.
NOT_YET_CHECKED = (
    "Some checks run only once the whole rule book loads: fix these errors and run rules check again."
)


def check_legend(problems: list[Problem]) -> list[str]:
    """The names in brackets at the ends of the lines ("(schema)") in words, for the checks
    that found something: the first sentence of each one's documentation."""
    names = list(dict.fromkeys(problem.check for problem in problems))
    lines = ["What the names in brackets mean:"]
    for name in names:
        try:
            text = explain(name)
        except UsageError:
            continue
        first = " ".join(text.split("\n\n")[0].split())
        lines.append(f"  ({name}) {first.removeprefix(name + ':').strip()}")
    lines.append("  For more, with examples: metasymptoms rules check --explain NAME")
    return lines if len(lines) > 2 else []


def explain(check_id: str) -> str:
    """The documentation of one check (`rules check --explain ID`)."""
    from metasymptoms.core.suggest import close_match
    from metasymptoms.reviewing.checks import CHECKS

    if check_id not in CHECKS:
        known = sorted(CHECKS)
        raise UsageError(
            f"there is no check '{check_id}'{close_match(check_id, known)}; the checks are: {', '.join(known)}"
        )
    module = CHECKS[check_id]
    return f"{(module.__doc__ or '').strip()}\n\nLevel: {module.LEVEL}\n"


def check(args: RulesCheck) -> int:
    if args.explain:
        print(explain(args.explain), end="")
        return 0

    folder = _folder(args)
    from metasymptoms.reviewing.checks import check_problems

    loaded, problems = check_problems(folder)
    errors = [problem for problem in problems if problem.level == "error"]
    if args.format == "json":
        print(json.dumps({"problems": [problem.as_dict() for problem in problems]}, indent=2))
    else:
        for problem in problems:
            print(problem)
        if problems:
            for line in check_legend(problems):
                print(line)
            print(
                f"{counted(len(errors), 'error')}, {counted(len(problems) - len(errors), 'warning')} in {folder}"
            )
            if loaded is None:
                print(NOT_YET_CHECKED)
        else:
            print(f"{folder}: no problems found")
    return 1 if errors else 0


def verify(args: RulesVerify) -> int:
    from metasymptoms.core.status import status_line
    from metasymptoms.reviewing.proofs import proofs
    from metasymptoms.reviewing.replay import answers_yaml

    folder = _folder(args)
    loaded = load(folder)
    book = loaded.book
    start = time.perf_counter()
    print(f"Verifying {folder} over every path of the questionnaire:")
    print(f"  ({status_line(book)})")
    failed = 0
    for proof in proofs().values():
        failures = list(proof.failures(loaded))
        if not failures:
            print(f"  ok    {proof.claim(book)}")
            continue
        for failure in failures:
            failed += 1
            print(f"  FAIL  {failure.property}: {failure.message}")
            if failure.counterexample is not None:
                print(
                    "        To replay it, save these answers to a file and run: metasymptoms ask --answers FILE"
                )
                for line in answers_yaml(failure.counterexample).splitlines():
                    print(f"          {line}")
    elapsed = time.perf_counter() - start
    if failed:
        print(f"{failed} failure(s), found in {elapsed:.1f} s.")
        return 1
    print(f"Proved in {elapsed:.1f} s.")
    return 0


def _relative(loaded: LoadedBook, kind: str, item_id: str) -> str:
    location = loaded.where(kind, item_id)
    if location is None:
        return ""
    return f"{location.file}:{location.line}"


def list_items(args: RulesList) -> int:
    from metasymptoms.reviewing.index import items

    loaded = load(_folder(args))
    rows = [row for row in items(loaded.book) if args.kind in (None, row[0])]
    width = max((len(item_id) for _, item_id, _ in rows), default=0)
    for kind, item_id, title in rows:
        print(f"{kind:<9} {item_id:<{width}}  {title}  ({_relative(loaded, kind, item_id)})")
    return 0


def show(args: RulesShow) -> int:
    from metasymptoms.core.suggest import close_match
    from metasymptoms.reviewing.index import items
    from metasymptoms.reviewing.show import show_item

    loaded = load(_folder(args))
    every = items(loaded.book)
    matches = [(kind, item_id) for kind, item_id, _ in every if item_id == args.id]
    if not matches:
        raise UsageError(
            f"nothing in the rule book has the id '{args.id}'{close_match(args.id, {i for _, i, _ in every})}; see: metasymptoms rules list"
        )
    print("\n\n".join(show_item(loaded, kind, item_id) for kind, item_id in matches))
    return 0


EXPORT_NAMES = {
    "markdown": "rulebook.md",
    "html": "rulebook.html",
    "mermaid": "rulebook.mmd",
    "dot": "rulebook.dot",
    "fhir-r4": "questionnaire.json",
}
DOCUMENT_MODE = 0o644  # exported documents are for others to read; summaries stay 0600
REPLACED = "The file that was there before has been replaced."  # after _wrote's line, where one was


def export(args: RulesExport) -> int:
    from metasymptoms.core.output import emit, refuse_book_folder, tell_wrote, write_atomic

    # The JSON schemas come from the code, not from a rule book: none is read, so a book's own
    # rules/schema folder can be written (CONTRIBUTING's step after a model changes).
    loaded = None if args.format == "json-schema" else load(_folder(args))
    # "--output some/dir/" (a trailing slash) or an existing folder: write into that folder,
    # making it first.
    output = None if args.output in (None, "-") else Path(args.output)  # "-": the standard output
    into_folder = output is not None and (str(args.output).endswith(("/", os.sep)) or output.is_dir())
    folder = output if into_folder else None
    if folder is not None:
        refuse_book_folder(folder)  # not even a new folder inside the rule book
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, ValueError) as error:
            reason = getattr(error, "strerror", None) or "not a usable folder name"
            raise OutputError(f"cannot make the folder '{folder}': {reason}") from None
    if args.format == "json-schema":
        from metasymptoms.reviewing.schema import FILE_MODELS, all_schemas, schema_text

        if folder is not None:
            for kind in FILE_MODELS:
                write_atomic(folder / f"{kind}.schema.json", schema_text(kind), DOCUMENT_MODE)
            tell_wrote(_wrote("the JSON schemas"), folder)
            return 0
        emit(
            json.dumps(all_schemas(), indent=2) + "\n",
            output,
            _wrote("the JSON schemas"),
            DOCUMENT_MODE,
            replaced=REPLACED,
        )
        return 0
    assert loaded is not None  # read above for every format but the schemas
    if args.only and args.format not in ("mermaid", "dot"):
        raise UsageError("--only cuts a graph: use it with --format mermaid or --format dot")
    if args.format == "fhir-r4":
        return _export_fhir(loaded, folder / EXPORT_NAMES[args.format] if folder is not None else output)
    if args.format in ("markdown", "html"):
        from metasymptoms.reviewing.rulebook_doc import rulebook_markdown
        from metasymptoms.web.documents import rulebook_html

        text = rulebook_markdown(loaded) if args.format == "markdown" else rulebook_html(loaded)
    else:
        from metasymptoms.reviewing.graph import to_dot, to_mermaid

        graph = to_mermaid if args.format == "mermaid" else to_dot
        text = graph(loaded.book, args.only)
    target = folder / EXPORT_NAMES[args.format] if folder is not None else output
    emit(text, target, _wrote(f"the rule book as {args.format}"), DOCUMENT_MODE, replaced=REPLACED)
    return 0


def _wrote(what: str) -> str:
    """The reviewers' line once a file is written ("Wrote the JSON schemas to {path}."): a
    reviewer's command says it in the code's words, a person's in the rule book's
    (guidance.yaml `wording.written`)."""
    return f"Wrote {what} to {{path}}."


def _export_fhir(loaded: LoadedBook, target: Path | None) -> int:
    """The questions as a FHIR Questionnaire; each question the form shows more often than
    the engine asks it is listed on the standard error (the JSON stays clean on the output)."""
    import sys

    from metasymptoms.core.output import emit
    from metasymptoms.reviewing.fhir_export import questionnaire_json, wider_note, wider_questions

    emit(
        questionnaire_json(loaded.book),
        target,
        _wrote("the FHIR R4 Questionnaire"),
        DOCUMENT_MODE,
        replaced=REPLACED,
    )
    for question, shown in wider_questions(loaded.book):
        print(f"note: {wider_note(question, shown)}", file=sys.stderr)
    return 0


def diff(args: RulesDiff) -> int:
    """What changed for a person between two rule books; exit 1 on an undeclared lowering."""
    import sys
    import tempfile

    from metasymptoms.reviewing.diff import diff as compare
    from metasymptoms.reviewing.diff_report import render
    from metasymptoms.reviewing.older_book import load_older, note
    from metasymptoms.reviewing.released import as_in_git, checkout, refuse_non_book

    if args.git is not None and args.new is not None:
        raise UsageError(
            "with --git REV give one folder, the new rule book: metasymptoms rules diff --git REV [DIR]"
        )
    if args.git is None and (args.old is None or args.new is None):
        raise UsageError(
            "give two rule-book folders, OLD and NEW, or --git REV: metasymptoms rules diff OLD NEW"
        )
    new_folder = (args.old or default_rules_dir()) if args.git is not None else args.new
    assert new_folder is not None  # refused above
    for folder in (new_folder,) if args.git is not None else (args.old, new_folder):
        if folder is not None and folder.is_dir():
            refuse_non_book(folder, folder, f"'{folder}'")
    # The new book first: a file given for its folder is told as such, before git is asked.
    new_book = load(new_folder).book
    with tempfile.TemporaryDirectory(prefix="metasymptoms-diff-") as temporary:
        if args.git is not None:
            old_folder = checkout(args.git, new_folder, Path(temporary) / "checkout")
            old_name = f"{new_folder} at {args.git}"
        else:
            assert args.old is not None  # refused above
            old_folder, old_name = args.old, str(args.old)
        try:
            old_book, taken = load_older(old_folder, new_folder, Path(temporary))
        except RuleBookError as broken:
            problems = broken.problems
            if args.git is not None:
                problems = as_in_git(problems, args.git, new_folder, old_folder)
            for problem in problems:
                print(problem, file=sys.stderr)
            # Exit 2, not 1: 1 is this command's "an urgency is lowered and not declared".
            raise UsageError(
                f"the older rule book ({old_name}) does not load ({counted(len(problems), 'problem')} above), "
                "so nothing was compared"
            ) from None
    if taken:
        print(note(taken), file=sys.stderr)
    result = compare(old_book, new_book)
    print(render(result, old_book, new_book, old_name, str(new_folder), args.format), end="")
    return 1 if result.refused else 0

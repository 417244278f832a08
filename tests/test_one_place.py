"""Concepts declared once and read by every module: a finding's kind (its options, the answer
it has when no question asks it, how an answer is told back), the findings with a role, and
the question that asks a finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.kinds import KINDS, kind_of
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.teaching.demo import given_value, single_changes
from metasymptoms.teaching.explore_board import symptom_ids
from tests.helpers import TINY, WITH_A_NUMBER, write_book


def tiny_with_a_number(tmp_path: Path) -> RuleBook:
    return load(write_book(tmp_path / "rules", WITH_A_NUMBER)).book


def test_an_unasked_finding_is_not_reported_or_not_given(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    assert {name: kind.unasked for name, kind in KINDS.items()} == {
        "yes_no": False,
        "choice": None,
        "number": None,
        "several": False,
    }
    assert [given_value(book, {}, finding) for finding in ("back_pain", "cancer_history", "temperature")] == [
        False,
        None,
        None,
    ]
    assert given_value(book, {"back_pain": True}, "back_pain") is True


def test_a_single_change_offers_only_answers_the_question_offers(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    changing, keeping = single_changes(book, {"cancer_history": "current", "back_pain": True})
    offered = [(change.finding, change.value) for change in changing + keeping]
    # A typed number is never changed to yes or no; a choice to its other choices only.
    assert sorted(offered, key=str) == sorted(
        [("cancer_history", "none"), ("back_pain", False), ("limb_weakness", True), ("jaundice", True)],
        key=str,
    )


def test_an_answer_is_told_back_by_its_kind(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    history, back, temperature = (book.finding(f) for f in ("cancer_history", "back_pain", "temperature"))
    words = book.guidance.wording.answer_words
    assert kind_of(history).phrase(history, "current", words) == '"Now"'
    assert kind_of(back).phrase(back, True, words) == "new back pain"
    assert kind_of(temperature).phrase(temperature, 38.5, words) == "your highest temperature today"
    assert [kind_of(f).describe(f) for f in (history, back, temperature)] == [
        "choice: none, current",
        "yes/no",
        "number",
    ]


def test_the_question_of_a_finding(tmp_path: Path) -> None:
    book = tiny_with_a_number(tmp_path)
    question = book.question("limb_weakness")
    assert question is not None and question.text == "Weak legs?"
    assert book.question("no_such_finding") is None


def test_the_explorer_leaves_out_the_treatment_finding_by_its_role_whatever_its_id(tmp_path: Path) -> None:
    findings = (
        TINY["findings.yaml"]
        + "  - id: had_chemo\n    label: chemotherapy lately\n    role: recent_treatment\n"
    )
    questions = TINY["questions.yaml"] + "      - finding: had_chemo\n        text: Chemotherapy lately?\n"
    book = load(write_book(tmp_path / "rules", {"findings.yaml": findings, "questions.yaml": questions})).book
    assert symptom_ids(book) == ["back_pain", "limb_weakness", "jaundice"]


def test_the_explorer_and_the_result_count_the_same_symptoms(book: RuleBook) -> None:
    # One definition of "a symptom": the explorer once listed chemotherapy, radiotherapy,
    # steroids, a central line and the wish for outlook questions among the symptoms, which
    # the result counts as answers about the person.
    from metasymptoms.answering.result import findings_about_the_person, symptoms_told

    listed = symptom_ids(book)
    assert not set(listed) & findings_about_the_person(book)
    assert symptoms_told(book, dict.fromkeys(listed, True)) == tuple(listed)
    for treatment in ("recent_chemotherapy", "central_line", "on_steroids", "wants_outlook_questions"):
        assert treatment not in listed


# --- nothing outside core/kinds*.py branches on a finding's kind --------------------------

PACKAGE = Path(__file__).resolve().parent.parent / "metasymptoms"


def kind_branches(source: str) -> list[tuple[int, str]]:
    """(line, what) of each place in this source that decides by a finding's kind itself:
    a comparison with `.type` or a kind's name, a kind's name as a dict key, or isinstance
    with a kind's class."""
    import ast

    names = set(KINDS)
    classes = {type(kind).__name__ for kind in KINDS.values()} | {"Kind"}
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = (node.left, *node.comparators)
            constants = [part for operand in operands for part in (operand, *getattr(operand, "elts", ()))]
            if any(isinstance(operand, ast.Attribute) and operand.attr == "type" for operand in operands):
                found.append((node.lineno, "compares .type"))
            elif any(isinstance(part, ast.Constant) and part.value in names for part in constants):
                found.append((node.lineno, "compares with a kind's name"))
        elif isinstance(node, ast.Dict):
            if any(isinstance(key, ast.Constant) and key.value in names for key in node.keys):
                found.append((node.lineno, "a kind's name as a key"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance":
            named = {part.id for part in ast.walk(node.args[1]) if isinstance(part, ast.Name)}
            named |= {part.attr for part in ast.walk(node.args[1]) if isinstance(part, ast.Attribute)}
            if named & classes:
                found.append((node.lineno, "isinstance with a kind's class"))
        elif (
            isinstance(node, ast.MatchValue)
            and isinstance(node.value, ast.Constant)
            and node.value.value in names
        ):
            found.append((node.lineno, f"matches the kind name {node.value.value!r}"))
    return found


def test_the_scan_finds_each_way_of_branching_on_a_kind() -> None:
    source = (
        'if finding.type == "yes_no": pass\n'
        "if spec.type in WANTED: pass\n"
        'if name != "number": pass\n'
        'if kind not in ("choice", "other"): pass\n'
        'words = {"choice": "a choice finding"}\n'
        "if isinstance(kind, kinds.Number): pass\n"
        'match name:\n    case "yes_no": pass\n'
    )
    assert [line for line, _ in kind_branches(source)] == [1, 2, 3, 4, 5, 6, 8]
    assert kind_branches('if kind.reports and event.kind == "flag": pass\n') == []


def stray_kind_branches(package: Path) -> list[str]:
    """Each branch on a kind outside the kinds' own modules (core/kinds.py, the registry, and
    core/kinds_*.py, one a kind and what they share), as path:line: what."""
    return [
        f"{path.relative_to(package.parent)}:{line}: {what}"
        for path in sorted(package.rglob("*.py"))
        if not (path.parent == package / "core" and path.name.startswith("kinds"))
        for line, what in kind_branches(path.read_text(encoding="utf-8"))
    ]


def test_only_core_kinds_branches_on_a_finding_kind() -> None:
    assert stray_kind_branches(PACKAGE) == []


def test_a_stray_branch_is_found_outside_the_kinds_modules(tmp_path: Path) -> None:
    """The test above could pass by reading nothing, or by passing over too much: a branch in
    the engine or in a module merely named like the kinds is found, one in a kind's module
    is not."""
    core = tmp_path / "metasymptoms" / "core"
    (core / "sub").mkdir(parents=True)
    branch = 'if finding.type == "number": pass\n'
    (core / "kinds_number.py").write_text(branch)
    (core / "engine.py").write_text("x = 1\n" + branch)
    (core / "sub" / "kinds_stray.py").write_text(branch)
    assert stray_kind_branches(tmp_path / "metasymptoms") == [
        "metasymptoms/core/engine.py:2: compares .type",
        "metasymptoms/core/sub/kinds_stray.py:1: compares .type",
    ]


def test_only_the_engine_decides_whether_a_question_is_asked() -> None:
    # The demo's walk once tested `holds(question.ask_if, ...)` itself: a second copy of the
    # skip logic that could drift from the questionnaire's. (The proofs' diagrams compile
    # ask_if symbolically, and their tests check that against the engine.)
    engine = PACKAGE / "core" / "engine.py"
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != engine
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "holds(question.ask_if" in line or "holds3(question.ask_if" in line
    ]
    assert found == []


@pytest.mark.parametrize(("columns", "width"), [(60, 58), (80, 78), (140, 98), (30, 40)])
def test_every_class_screen_reads_the_terminals_width_in_one_place(
    monkeypatch: pytest.MonkeyPatch, columns: int, width: int
) -> None:
    """The replay, an explore page and the what-if board (and the quiz) are as wide as the
    questions' screen less two columns (answering/prompter.screen_width): at most 98, at
    least 40, whichever terminal they are in."""
    import sys

    from metasymptoms.answering.prompter import screen_width
    from metasymptoms.answering.terminal import printed_width
    from metasymptoms.commands import demo, explore
    from metasymptoms.teaching.explore_board import screen_size

    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("LINES", "24")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert [printed_width(demo.WIDTH), screen_size()] == [width, (width, 24)]
    assert screen_width(margin=2, least=40) == width
    # the replay and an explore page read it there, not each its own way
    for command in (demo, explore):
        source = Path(command.__file__).read_text(encoding="utf-8")
        assert "printed_width(" in source and "screen_width" not in source, command.__name__

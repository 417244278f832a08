"""The search domain of `rules verify` and `rules diff`: every value the engine can tell
apart is searched, so no threshold is a blind spot of the proofs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.conditions import Reported
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.loader import load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.space import UNSET, Facts, Space

BOOK = load_book()
NUMBERS = [finding for finding in BOOK.findings if finding.type == "number"]
# Answers beside the number, so that the conditions that test it are reached: a person on
# treatment (fever on chemotherapy), with cancer, and one with nothing else reported.
CONTEXTS = [{}, {"cancer_history": "current", "recent_treatment": True}, {"cancer_history": "none"}]


def _outcome(book: RuleBook, answers: dict) -> tuple:
    result = assess(book, answers)
    sites = tuple((site.id, tuple(rule.id for rule in site.rules)) for site in result.sites)
    return result.urgency, tuple(flag.id for flag in result.red_flags), sites


def _grid(low: float, high: float, step: float) -> list[float]:
    return [round(low + n * step, 1) for n in range(round((high - low) / step) + 1)]


@pytest.mark.parametrize("finding", NUMBERS, ids=lambda finding: finding.id)
def test_the_engine_tells_apart_no_two_values_the_search_lumps_together(finding) -> None:
    """Every value of the number, every 0.1, gives what the engine gives for the value the
    search tries for its interval (the highest tried value at or below it)."""
    domain = Space(Facts(BOOK), []).domain(finding.id)
    tried = [value for value in domain if isinstance(value, float)]
    assert domain[len(tried) :] == [UNSET, UNSURE]
    for context in CONTEXTS:
        for value in _grid(finding.minimum, finding.maximum, 0.1):
            standing_for = max(cut for cut in tried if cut <= value)
            assert _outcome(BOOK, {**context, finding.id: value}) == _outcome(
                BOOK, {**context, finding.id: standing_for}
            ), (finding.id, value, standing_for, context)


def test_a_fever_threshold_moved_is_a_lowering_the_diff_refuses(tmp_path: Path, capsys) -> None:
    # Moving the fever threshold from 37.5 to 37.6 turned a person on treatment at 37.5 °C
    # from emergency to routine, and `rules diff` said "no change".
    copy = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), copy)
    findings = (copy / "findings.yaml").read_text()
    assert findings.count("implies_from: 37.5") == 1
    (copy / "findings.yaml").write_text(findings.replace("implies_from: 37.5", "implies_from: 37.6"))
    assert main(["rules", "diff", str(default_rules_dir()), str(copy), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    lowered = [s for s in data["statements"] if s["kind"] == "urgency" and s["lowered"]]
    assert lowered, data
    for statement in lowered:
        assert statement["answers"]["temperature"] == 37.5
        was, now = (level.strip() for level in statement["change"].split("->"))
        assert _outcome(BOOK, statement["old_answers"])[0].value == re.sub(r" \(.*", "", was)
        assert _outcome(load_book(copy), statement["answers"])[0].value == now


# --- every threshold of the shipped book, moved one step ----------------------------------

RULES = default_rules_dir()
NUMBER_IDS = {finding.id: finding for finding in NUMBERS}
_NUMBER = r"(-?\d+(?:\.\d+)?)"


def _thresholds() -> list[tuple[str, str, int, str, str]]:
    """(finding, file, offset, the text, the text moved one step up) for each threshold
    written in the shipped book: a comparison's bound, or an implies_from."""
    found = []
    for path in sorted(RULES.rglob("*.yaml")):
        if {"scenarios", "schema"} & set(path.relative_to(RULES).parts):
            continue
        text = path.read_text()
        for match in re.finditer(
            r"\n *- id: (\w+)\n(?:(?!\n *- ).)*?\n *(implies_from: " + _NUMBER + ")", text, re.S
        ):
            found.append((match.group(1), path, match.start(2), match.group(2)))
        for match in re.finditer(r"(\w+): \{([^{}]*)\}", text):
            if match.group(1) in NUMBER_IDS:
                for bound in re.finditer(r"(?:at_least|below): " + _NUMBER, match.group(2)):
                    found.append((match.group(1), path, match.start(2) + bound.start(), bound.group(0)))
    moves = []
    for finding, path, at, written in found:
        key, value = written.split(": ")
        step = 0.1 if NUMBER_IDS[finding].unit == "celsius" else 1
        moved = f"{key}: {round(float(value) + step, 1):g}"
        moves.append((finding, str(path.relative_to(RULES)), at, written, moved))
    return moves


THRESHOLDS = _thresholds()


def test_every_threshold_of_the_shipped_book_is_found() -> None:
    implied = [f.id for f in BOOK.findings if f.implies_from is not None]
    assert sorted({move[0] for move in THRESHOLDS if move[3].startswith("implies_from")}) == sorted(implied)
    assert len(THRESHOLDS) >= 11


def _asked_only_with_its_parent(finding: str) -> bool:
    """Whether the number is asked only once the finding it implies is reported: then where
    it implies it from changes nothing a person is shown."""
    parent = BOOK.finding(finding).implies
    question = next(q for q in BOOK.questions if q.finding == finding)
    return parent is not None and question.ask_if == Reported(finding=parent)


@pytest.mark.parametrize(
    ("finding", "file", "at", "written", "moved"),
    THRESHOLDS,
    ids=[f"{move[0]}-{move[3].replace(': ', '=')}-to-{move[4].split(': ')[1]}" for move in THRESHOLDS],
)
def test_each_threshold_moved_one_step_is_reported_by_rules_diff(
    tmp_path: Path, capsys, finding: str, file: str, at: int, written: str, moved: str
) -> None:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    text = (copy / file).read_text()
    assert text[at : at + len(written)] == written
    (copy / file).write_text(text[:at] + moved + text[at + len(written) :])
    new_book = load_book(copy)
    main(["rules", "diff", str(RULES), str(copy), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    statements = data["statements"]
    # What was edited comes first, by name, the threshold with its old and new value.
    old_value, new_value = float(written.split(": ")[1]), float(moved.split(": ")[1])
    named = [e for e in data["edited"] if e["old"] == old_value and e["new"] == new_value]
    assert named and all(finding in e["field"] or e["id"] == finding for e in named), data["edited"]
    if written.startswith("implies_from") and _asked_only_with_its_parent(finding):
        assert statements == []  # the count is asked only once the symptom it implies is reported
        return
    assert statements, f"{file}: {written} -> {moved} reported as no change"
    for statement in statements:
        old_outcome = _outcome(BOOK, statement["old_answers"])
        new_outcome = _outcome(new_book, statement["answers"])
        assert old_outcome != new_outcome, statement["statement"]
        if statement["kind"] == "urgency":
            assert (old_outcome[0].value, new_outcome[0].value) == (statement["was"], statement["now"])

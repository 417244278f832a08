"""The search domain of `rules verify` and `rules diff`: every value the engine can tell
apart is searched, so no threshold is a blind spot of the proofs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE
from metasymptoms.core.loader import default_rules_dir, load_book
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

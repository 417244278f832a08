"""Properties over any answers and any mutation of a rule file (hypothesis)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metasymptoms.engine import assess, fired_red_flags, fired_rules
from metasymptoms.loader import default_rules_dir, load, load_book
from metasymptoms.problems import RuleBookError
from metasymptoms.render.assessment_json import render_json
from metasymptoms.render.assessment_text import render_markdown, render_text

BOOK = load_book()


def _answer(finding):
    if finding.type == "choice":
        return st.sampled_from([choice.value for choice in finding.choices])
    return st.booleans()


ANSWERS = st.fixed_dictionaries({}, optional={finding.id: _answer(finding) for finding in BOOK.findings})


@settings(max_examples=300, deadline=None)
@given(ANSWERS)
def test_any_answers_end_with_provider_advice_and_enough_urgency(answers: dict) -> None:
    assessment = assess(BOOK, answers)
    assert "healthcare provider" in assessment.advice
    for flag in fired_red_flags(BOOK, answers):
        assert assessment.urgency.rank >= flag.urgency.rank
    for _, rule in fired_rules(BOOK, answers):
        if rule.urgency:
            assert assessment.urgency.rank >= rule.urgency.rank
    text = render_text(BOOK, assessment)
    assert "healthcare provider" in text and "911 / 999 / 112" in text
    assert "healthcare provider" in render_markdown(BOOK, assessment)
    render_json(BOOK, assessment)
    if any(flag.urgency.value == "emergency" for flag in fired_red_flags(BOOK, answers)):
        assert text.split("\n")[2].startswith("EMERGENCY")


MUTATIONS = st.sampled_from(
    [
        lambda text, i: text[:i] + text[i + 1 :],  # delete a character
        lambda text, i: text[:i] + ":" + text[i:],  # insert a colon
        lambda text, i: text[:i] + "\n  - x" + text[i:],  # insert a list item
        lambda text, i: text[:i] + "\t" + text[i:],  # insert a tab
        lambda text, i: text[:i] + text[i:].replace("_", "", 1),  # misspell an id
        lambda text, i: text[:i] + "&a " + text[i:],  # an anchor
        lambda text, i: text[:i] + "[" * 50 + text[i:],  # nesting
    ]
)
FILES = sorted(
    p.relative_to(default_rules_dir())
    for p in default_rules_dir().rglob("*.yaml")
    if "scenarios" not in p.parts
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FILES), MUTATIONS, st.integers(min_value=0, max_value=100_000))
def test_mutated_rule_files_give_only_located_problems(
    tmp_path_factory, name: Path, mutate, where: int
) -> None:
    folder = tmp_path_factory.mktemp("rules")
    shutil.copytree(default_rules_dir(), folder, dirs_exist_ok=True)
    path = folder / name
    text = path.read_text()
    path.write_text(mutate(text, where % max(len(text), 1)))
    try:
        load(folder)
    except RuleBookError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.location.file.is_relative_to(folder)
            assert problem.location.line >= 1 and problem.location.column >= 1
            assert problem.message and "Traceback" not in problem.message

"""Markdown outputs show rule text as written: a heading, a link, HTML or a table row typed
into any text of a rule file reaches the summary and the rule book document escaped (one
function does it: core/escape.py's `markdown`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from metasymptoms.core.bookfiles import default_rules_dir
from tests.test_hostile import run

HOSTILE = "\n# Heading [click](https://example.org/x) <b>bold</b> | a | b |\n==="
# Keys whose values are ids, codes, dates, conditions or addresses, not text a person reads.
NOT_TEXT = {
    "id", "finding", "url", "type", "unit", "urgency", "grade", "role", "value", "by", "date",
    "version", "status", "sources", "sites", "common_sites", "country", "number", "of_grade",
    "default", "written_for", "when", "ask_if", "implies", "offered_when",
    "offered_with_a_site_match_when", "with_cancer_sources", "sign_offs", "declared_changes",
    "lowers_urgency_when_reported",
}  # fmt: skip


def _hostile(data: object) -> object:
    if isinstance(data, dict):
        return {key: value if key in NOT_TEXT else _hostile(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_hostile(item) for item in data]
    if isinstance(data, str) and " " in data:
        return data + HOSTILE
    return data


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "rules"
    shutil.copytree(default_rules_dir(), folder)
    for path in [*folder.glob("*.yaml"), *folder.glob("sites/*.yaml")]:
        if path.name in ("hazards.yaml", "book.yaml"):
            continue
        data = yaml.safe_load(path.read_text())
        path.write_text(yaml.safe_dump(_hostile(data), allow_unicode=True, sort_keys=False))
    return folder


def _raw_markup(text: str) -> list[str]:
    """Lines where the hostile text acts as markdown instead of showing as written."""
    return [
        line
        for line in text.splitlines()
        if re.match(r"\s*(#+ Heading|===)", line) or re.search(r"(?<!\\)(\[click\]|<b>|\| a \|)", line)
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "--answers", "ANSWERS", "--format", "markdown"],
        ["rules", "export", "--format", "markdown"],
    ],
)
def test_rule_text_reaches_markdown_escaped(hostile_book: Path, tmp_path: Path, argv: list[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "cancer_history: current\nprimary_cancer: lung\nseizure: yes\nback_pain: yes\nfever: yes\n"
    )
    code, out, err = run(
        [str(answers) if word == "ANSWERS" else word for word in argv] + ["--rules", str(hostile_book)]
    )
    assert (code, err) == (0, "")
    assert "Heading" in out  # the text is there, shown as written
    assert _raw_markup(out) == []

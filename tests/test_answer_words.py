"""An answer's words and the words that join a list are the rule book's (guidance.yaml
`wording.answer_words` and `wording.lists`), whatever the kind of the question: a book that
says them otherwise (a translation) is shown its own words in the result, the summary, the
plain questions and the exported form, while an answers file keeps its own spellings; a book
that leaves them out, or misspells a word it fills in, is told where."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from tests.helpers import TINY, problems_of, run_main, write_book

SHIPPED = (default_rules_dir() / "guidance.yaml").read_text(encoding="utf-8")
# The words for an answer and a list, said otherwise (as a translation would say them).
REWORDED = {
    '    answer_yes: "Yes"': '    answer_yes: "Oui"',
    '    answer_no: "No"': '    answer_no: "Non"',
    "    not_sure: Not sure  # an answer told back": "    not_sure: Pas sûr",
    '    none_of_these: None of these  # a "which of these" question: offered, and told back': (
        "    none_of_these: Aucun"
    ),
    '    finding_not_sure: "{finding} (not sure)"': '    finding_not_sure: "{finding} (pas sûr)"',
    '    finding_which: "{finding} ({which})"': '    finding_which: "{finding}, {which}"',
    '      told: "{amount} °C ({fahrenheit} °F)"': '      told: "{amount} degrés ({fahrenheit} F)"',
    '      told: "{amount} times in 24 hours"': '      told: "{amount} fois"',
    "      symbol: times in 24 hours": "      symbol: fois en 24 heures",
    '    every: "{most} and {final}"': '    every: "{most} et {final}"',
}
# Every kind of answer: yes, no, not sure, none of these, some of these, two numbers.
ANSWERS = """\
cancer_history: current
primary_cancer: breast
recent_treatment: no
back_pain: yes
limb_weakness: [left_leg]
jaundice: not sure
temperature: 38.4 °C
vomiting_times: 3
back_pain_red_features: none
"""


def reworded(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    text = SHIPPED
    for old, new in REWORDED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "guidance.yaml").write_text(text, encoding="utf-8")
    return folder


def summary(tmp_path: Path, capsys: pytest.CaptureFixture[str], folder: Path) -> str:
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    assert (
        main(
            [
                "ask",
                "--rules",
                str(folder),
                "--answers",
                str(tmp_path / "answers.yaml"),
                "--format",
                "markdown",
            ]
        )
        == 0
    )
    return capsys.readouterr().out


def test_the_summary_tells_every_kind_of_answer_in_the_books_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = summary(tmp_path, capsys, default_rules_dir())
    said = summary(tmp_path, capsys, reworded(tmp_path))
    for old, new in (
        (
            "or strain, or is it in your upper or middle back or your neck? Choose each that is true. **None of these**",
            "**Aucun**",
        ),
        ("have you had any cancer treatment", "**Non**"),
        ("Do you have new pain in your back or neck? **Yes**", "**Oui**"),
        ("Is your skin yellow, or are the whites of your eyes yellow? **Not sure**", "**Pas sûr**"),
        (
            "what was the highest reading in the last 24 hours? **38.4 °C (101.1 °F)**",
            "**38.4 degrés (101.1 F)**",
        ),
        ("How many times have you been sick in the last 24 hours? **3 times in 24 hours**", "**3 fois**"),
        ("or difficulty walking (left leg); feeling sick", "or difficulty walking, left leg; feeling sick"),
        ("yellow whites of the eyes (not sure)", "yellow whites of the eyes (pas sûr)"),
        ("spreads to: Bones, Brain, Liver and Lungs", "spreads to: Bones, Brain, Liver et Lungs"),
    ):
        assert old.split("**")[0] in shipped and old in shipped, old
        assert new in said, new
    assert "**Yes**" not in said and "°C (" not in said.split("## ")[0]


def test_the_plain_questions_offer_the_books_words(tmp_path: Path) -> None:
    folder = reworded(tmp_path)
    # Now; no treatment; then "n" and "y": the letters an answer is typed by are the tool's keys.
    run = run_main("ask", "--rules", str(folder), "--plain", stdin="2\n\n\nn\ny\n")
    assert run.returncode == 130
    assert "  1. Non  (Enter)\n  2. Oui\n" in run.stdout


def test_the_exported_form_offers_the_books_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "export", "--format", "fhir-r4", "--rules", str(reworded(tmp_path))]) == 0
    form = capsys.readouterr().out
    assert '"display": "Aucun"' in form and '"display": "Oui"' in form
    assert '"display": "None of these"' not in form
    assert '"code": "/d",\n' in form and '"display": "fois en 24 heures"' in form  # a number's unit
    assert '"display": "times in 24 hours"' not in form


def test_the_rule_books_status_and_a_cancer_without_sites_are_told_in_the_books_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = reworded(tmp_path)
    text = (folder / "guidance.yaml").read_text(encoding="utf-8")
    for old, new in (
        (
            '    draft: "Draft rule book, version {version}: not yet signed off by a clinician."',
            '    draft: "Brouillon {version}, sans signature."',
        ),
        (
            "      Where cancer spreads depends on where it started: your care team can tell you which\n"
            "      places matter for you.\n",
            "      Demandez à votre équipe.\n",
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "guidance.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "answers.yaml").write_text("cancer_history: past\nprimary_cancer: other\n", encoding="utf-8")
    answers = str(tmp_path / "answers.yaml")
    assert (
        main(["ask", "--rules", str(default_rules_dir()), "--answers", answers, "--format", "markdown"]) == 0
    )
    shipped = capsys.readouterr().out
    assert "- Rule book: Draft rule book, version 0.1: not yet signed off by a clinician.\n" in shipped
    assert "your care team can tell you which places matter for you." in shipped
    assert main(["ask", "--rules", str(folder), "--answers", answers, "--format", "markdown"]) == 0
    said = capsys.readouterr().out
    assert "- Rule book: Brouillon 0.1, sans signature.\n" in said
    assert "Demandez à votre équipe." in said and "matter for you" not in said


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


GUIDANCE = TINY["guidance.yaml"]


@pytest.mark.parametrize("block", ["answer_words", "rule_book_status", "lists"])
def test_the_words_for_an_answer_or_a_list_left_out_are_located(tmp_path: Path, block: str) -> None:
    start = GUIDANCE.index(f"  {block}:\n")
    rest = GUIDANCE[start + 3 :]
    end = next(
        (at for at in range(len(rest)) if rest.startswith("\n  ", at) and rest[at + 3] != " "), len(rest)
    )
    text = GUIDANCE[:start] + rest[end + 1 :]
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(GUIDANCE, 'wording:') + 1}:3: [error] '{block}' is missing here; add it (schema)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '      told: "{amount} °C ({fahrenheit} °F)"',
            '      told: "{amout} °C ({fahrenheit} °F)"',
            "'told': {amout} is not a word the book fills in; write {amount} where the number goes, "
            "{fahrenheit} where the number in degrees Fahrenheit goes (schema)",
        ),
        (
            '    every: "{most} and {final}"',
            '    every: "{most} and"',
            "'every': write {final} where the last item goes: this sentence gives it (schema)",
        ),
        (
            '    finding_which: "{finding} ({which})"',
            '    finding_which: "{finding} ({which}) {count}"',
            "'finding_which': {count} is not a word the book fills in; write {finding} where what the "
            "question asks about goes, {which} where the ones that apply goes (schema)",
        ),
    ],
)
def test_a_word_an_answer_is_told_with_is_checked_where_it_stands(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert GUIDANCE.count(old) == 1
    text = GUIDANCE.replace(old, new)
    column = len(new) - len(new.lstrip()) + len(new.split(":")[0].strip()) + 3
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(text, new)}:{column}: [error] {message}"
    ]


@pytest.mark.parametrize(
    ("old", "new", "key", "allowed"),
    [
        (
            '    answer_yes: "Yes"',
            '    answer_yse: "Yes"',
            "answer_yes",
            "answer_yes, answer_no, not_sure, offer_not_sure, none_of_these, yes_not_said_which, "
            "finding_not_sure, finding_which, which_between, celsius, times_in_24_hours",
        ),
        ('    draft: "Draft', '    drafts: "Draft', "draft", "draft_no_version, draft, signed_off"),
    ],
)
def test_a_misspelt_key_is_located_with_the_one_it_stands_for(
    tmp_path: Path, old: str, new: str, key: str, allowed: str
) -> None:
    assert GUIDANCE.count(old) == 1
    text = GUIDANCE.replace(old, new)
    line = next(at for at, said in enumerate(text.splitlines(), 1) if said.startswith(new))
    typed = new.split(":")[0].strip()
    # One problem, at the line to fix: the key it stands for is missing, and not told apart.
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line}:5: [error] '{typed}' is not a key here; did you mean '{key}'? "
        f"('{key}' is missing from this item) (schema)",
    ]

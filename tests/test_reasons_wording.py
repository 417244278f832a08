"""The engine's reasons in the rule book's words (guidance.yaml `wording`: answers, because,
why_asked, conditions, written): a book that words them otherwise (a translation) is shown
its own words, and one that leaves a sentence out, or misspells a word it fills in, is told
where, as file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.conditions import AllOf, AnyOf, AtLeast, Not, OneOf, Reported
from metasymptoms.core.explain import answer_text, because_sentence, condition_sentence, why_items
from metasymptoms.core.loader import load_book
from metasymptoms.core.model import RuleBook
from tests.helpers import TINY, problems_of, write_book

GUIDANCE = TINY["guidance.yaml"]
# The tiny book's reasons, said otherwise (as a translation would say them).
REWORDED = {
    "    not_given: not given\n": "    not_given: left out\n",
    '    sentence: "Because {reasons}."': '    sentence: "Seen as {reasons}."',
    '    between: ", and "': '    between: "; plus "',
    '    reported: "you reported {names}"': '    reported: "you told of {names}"',
    '    not_sure: "you were not sure about {names}, so the safer reading is used"': (
        '    not_sure: "you were unsure of {names} (read the safer way)"'
    ),
    '    not_given: "{names} was not given, so the safer reading is used"': (
        '    not_given: "{names}: no answer (read the safer way)"'
    ),
    '    answered: "you answered {names}"': '    answered: "you said {names}"',
    '    sites: "Parts of the body it can relate to: {sites}."': '    sites: "Places: {sites}."',
    '    emergency_sign: "Emergency warning sign: {title}."': '    emergency_sign: "Get help now if: {title}."',
    '    follow_ups: "Your answer decides whether these follow-up questions are asked:"': (
        '    follow_ups: "Next, maybe:"'
    ),
    '    answer_is: "the answer about {finding} is {answers}"': '    answer_is: "{finding} was {answers}"',
    '    any_of: "any of: {conditions}"': '    any_of: "one of {conditions}"',
    '    at_least: "at least {count} of: {conditions}"': '    at_least: "{count} or more of {conditions}"',
    '    negated: "not {condition}"': '    negated: "never {condition}"',
    '    value_is: "{finding} is {answers}"': '    value_is: "{finding} = {answers}"',
    '    result: "Wrote the result to {path}."': '    result: "The result is in {path}."',
    '    summary: "Wrote the summary to {path}."': '    summary: "The summary is in {path}."',
}


def reworded(tmp_path: Path) -> RuleBook:
    text = GUIDANCE
    for old, new in REWORDED.items():
        assert text.count(old) >= 1, old
        text = text.replace(old, new)
    return load_book(write_book(tmp_path / "rules", {"guidance.yaml": text}))


def test_why_a_warning_sign_was_shown_is_told_in_the_books_words(tmp_path: Path) -> None:
    book = reworded(tmp_path)
    answers = {"cancer_history": "current", "back_pain": True, "limb_weakness": "unsure"}
    assert because_sentence(book, ["cancer_history", "back_pain", "limb_weakness", "jaundice"], answers) == (
        "Seen as you told of new back pain; plus you were unsure of weak legs (read the safer way); "
        'plus you said "Now"; plus yellow skin: no answer (read the safer way).'
    )
    assert answer_text(book, "jaundice", None) == "left out"


def test_why_a_question_is_asked_is_told_in_the_books_words(tmp_path: Path) -> None:
    book = reworded(tmp_path)
    assert why_items(book, "back_pain") == [
        "Places: Bones.",
        "Get help now if: Cord pressure.",
        "Next, maybe:",
        "  - Weak legs",
    ]


def test_a_condition_is_told_in_the_books_words(tmp_path: Path) -> None:
    book = reworded(tmp_path)
    condition = AllOf(
        all=(
            OneOf(finding="cancer_history", values=("current",)),
            AnyOf(any=(Reported(finding="back_pain"), Not(condition=Reported(finding="jaundice")))),
            AtLeast(at_least=2, of=(Reported(finding="back_pain"), Reported(finding="limb_weakness"))),
        )
    )
    assert condition_sentence(book, condition, ids=False) == (
        'your history of cancer was "Now", (one of new back pain or never yellow skin) and '
        "2 or more of new back pain or weak legs"
    )
    assert condition_sentence(book, condition.all[0], ids=True) == "cancer_history = current"


@pytest.mark.parametrize(
    ("result_format", "said"), [("text", "The result is in {}."), ("markdown", "The summary is in {}.")]
)
def test_a_file_written_for_the_person_is_told_of_in_the_books_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], result_format: str, said: str
) -> None:
    reworded(tmp_path)
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\n", encoding="utf-8")
    target = tmp_path / "result"
    argv = ["ask", "--rules", str(tmp_path / "rules"), "--answers", str(answers), "--output", str(target)]
    assert main([*argv, "--format", result_format]) == 0
    assert capsys.readouterr().err == said.format(target) + "\n"


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


@pytest.mark.parametrize("section", ["answers", "because", "why_asked", "conditions", "written"])
def test_a_section_left_out_is_located(tmp_path: Path, section: str) -> None:
    lines = GUIDANCE.splitlines(keepends=True)
    start = lines.index(f"  {section}:\n")
    end = next((at for at in range(start + 1, len(lines)) if not lines[at].startswith("    ")), len(lines))
    text = "".join(lines[:start] + lines[end:])
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(GUIDANCE, 'wording:') + 1}:3: [error] '{section}' is missing here; "
        "add it (schema)"
    ]


def test_a_sentence_left_out_is_located(tmp_path: Path) -> None:
    text = GUIDANCE.replace('    between: ", and "\n', "")
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(text, '  because:') + 1}:5: [error] 'between' is missing here; "
        "add it (schema)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            '    reported: "you reported {names}"',
            '    reported: "you reported {name}"',
            "'reported': {name} is not a word the book fills in; write {names} where the names goes",
        ),
        (
            '    your_summary: "Wrote your summary to {path}."',
            '    your_summary: "Wrote your summary."',
            "'your_summary': write {path} where the file's name goes: this sentence gives it",
        ),
        (
            '    sites: "Parts of the body it can relate to: {sites}."',
            '    sites: "Parts of the body it can relate to: {sites}, in {path}."',
            "'sites': {path} is not a word the book fills in; write {sites} where the places goes",
        ),
        (
            '    at_least: "at least {count} of: {conditions}"',
            '    at_least: "at least {count} of: {conditions}, {emergency_number}"',
            "'at_least': {emergency_number} is not a word the book fills in; write {count} where how "
            "many goes, {conditions} where the conditions goes",
        ),
    ],
)
def test_a_word_filled_in_is_checked_where_it_stands(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    assert GUIDANCE.count(old) == 1
    text = GUIDANCE.replace(old, new)
    column = len(new) - len(new.lstrip()) + new.strip().index(":") + 3
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(text, new)}:{column}: [error] {problem} (schema)"
    ]

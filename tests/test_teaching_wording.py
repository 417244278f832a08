"""What a class reads is the rule book's (guidance.yaml `wording.teaching`): a book that words
the replay, the lesson and the quiz otherwise (a translation) is shown its own words, and one
that leaves a sentence out, or misspells a word it fills in, is told where."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from metasymptoms.answering.prompter import PlainPrompter
from metasymptoms.cli import main
from metasymptoms.core.loader import load_book
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.teaching.quiz import build_quiz, run_quiz
from tests.helpers import TINY, problems_of, run_main, write_book

GUIDANCE = TINY["guidance.yaml"]
CASE = """\
title: Back pain and weak legs
learning_points: [Pressure on the spinal cord is an emergency.]
answers: {cancer_history: current, back_pain: yes, limb_weakness: yes}
expected: {urgency: emergency, sites: [bones], red_flags: [cord]}
"""
# The class's words, said otherwise (as a translation would say them).
REWORDED = {
    "      - {to_the_person: your, of_the_person: their}": "      - {to_the_person: your, of_the_person: her}",
    '      scenario: "Scenario: {scenario}"': '      scenario: "Case: {scenario}"',
    "      sign_applies: \"warning sign '{title}' ({level}) now applies.\"": (
        '      sign_applies: "sign {title} holds ({level})."'
    ),
    '      had_not_reported: "Had the person not reported {finding}"': (
        '      had_not_reported: "Without {finding}"'
    ),
    '      step: "Step {position} of {count}"': '      step: "Stage {position}/{count}"',
    "      title: Predict, then reveal": "      title: Guess, then see",
    '      score: "Predictions right: {right} of {count}."': '      score: "{right}/{count} right."',
    '      heading: "Predict, then reveal: {scenario}"': '      heading: "Guess: {scenario}"',
    '      score: "Score: {right} of {count} predictions right."': '      score: "Total: {right}/{count}."',
    '      right: "Right. The answer: {answer}."': '      right: "Yes! {answer}."',
    '      page_title: "{scenario}: a metasymptoms lesson"': '      page_title: "Lesson: {scenario}"',
    "      words: {next: next, back: back, all_changes: all, reveal: reveal, teacher_notes: teacher}": (
        "      words: {next: Suivant, back: retour, all_changes: tout, reveal: voir, teacher_notes: prof}"
    ),
    '      replay_one: "Replay one with: metasymptoms demo NAME [--step | --quiz | --html --output FILE]"': (
        '      replay_one: "Rejouer: metasymptoms demo NOM"'
    ),
    '      disagrees: "{case}: {differences}"': '      disagrees: "{case} differs: {differences}"',
    '      agree: "{agree} of {count} scenarios agree with the rule book."': '      agree: "{agree}/{count} agree."',
}


def reworded(tmp_path: Path) -> Path:
    text = GUIDANCE
    for old, new in REWORDED.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return write_book(tmp_path / "rules", {"guidance.yaml": text, "scenarios/cord.yaml": CASE})


def test_the_replay_is_told_in_the_books_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = reworded(tmp_path)
    assert main(["demo", "cord", "--rules", str(folder), "--plain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Case: Back pain and weak legs\n")
    assert "  -> sign Cord pressure holds (Emergency).\n" in out
    # "your history of cancer", said of the person in the case by the book's own table
    assert "Without weak legs, the result would say" in out
    assert "her history of cancer" in " ".join(out.split())


def test_the_lesson_page_is_in_the_books_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = reworded(tmp_path)
    assert main(["demo", "cord", "--rules", str(folder), "--html", "--output", "-"]) == 0
    page = capsys.readouterr().out
    assert "<title>Lesson: Back pain and weak legs</title>" in page
    assert '<p class="counter">Stage 1/' in page
    assert "<h2>Guess, then see</h2>" in page
    assert 'data-score="{right}/{count} right."' in page  # what the page's script counts in
    assert re.search(r'<p id="score" class="no-print js-only">0/3 right\.</p>', page)


def test_the_quiz_is_in_the_books_words(tmp_path: Path) -> None:
    folder = reworded(tmp_path)
    book = load_book(folder)
    items, _ = load_scenarios(folder, book)
    quiz = build_quiz(book, items[0])
    out = io.StringIO()
    right = {question.id: question.choices[question.answer] for question in quiz.questions}
    run_quiz(quiz, PlainPrompter(book.guidance.wording, stdin=io.StringIO(""), stdout=out), right, width=78)
    said = out.getvalue()
    assert said.lstrip().startswith("Guess: Back pain and weak legs")
    assert "Yes! Emergency: get help now." in said
    assert "Total: 3/3." in said


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_the_class_words_left_out_are_located(tmp_path: Path) -> None:
    at = GUIDANCE.index("  teaching:\n")
    text = GUIDANCE[:at] + GUIDANCE[GUIDANCE.index("  answer_words:\n") :]
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(GUIDANCE, 'wording:') + 1}:3: [error] 'teaching' is missing here; "
        "add it (schema)"
    ]


def test_a_word_the_class_is_told_is_checked_where_it_stands(tmp_path: Path) -> None:
    old = '      score: "Score: {right} of {count} predictions right."'
    new = '      score: "Score: {right} predictions right."'
    text = GUIDANCE.replace(old, new)
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": text})) == [
        f"rules/guidance.yaml:{line_of(text, new)}:14: [error] 'score': write {{count}} where how many "
        "goes: this sentence gives it (schema)"
    ]


def test_the_explorer_is_in_the_books_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GUIDANCE.replace("        what_it_is: What it is\n", "        what_it_is: In short\n")
    text = text.replace('      sign: "{title} ({level})"', '      sign: "{title}, {level}"')
    old = "      printed_tried_instead: \"(nothing matches '{word}'; showing what matches '{tried}')\""
    assert text.count(old) == 1
    text = text.replace(old, '      printed_tried_instead: "({word}? {tried}.)"')
    folder = write_book(tmp_path / "rules", {"guidance.yaml": text})
    assert main(["explore", "site", "bones", "--rules", str(folder)]) == 0
    assert "\nIn short\n--------\nThe skeleton.\n" in capsys.readouterr().out
    assert main(["explore", "symptom", "back_pain", "--rules", str(folder)]) == 0
    assert "  - Cord pressure, Emergency\n" in capsys.readouterr().out
    assert main(["explore", "symptom", "yelow", "--rules", str(folder)]) == 0
    assert capsys.readouterr().out.startswith("(yelow? yellow.)\n\nYELLOW SKIN\n")


def test_a_lesson_is_stepped_by_the_books_words(tmp_path: Path) -> None:
    folder = reworded(tmp_path)
    run = run_main(
        "demo", "cord", "--rules", str(folder), "--step", "--plain", stdin="suivant\nnext\nRETOUR\nq\n"
    )
    assert run.returncode == 0
    steps = re.findall(r"^Stage (\d)/", run.stdout, re.MULTILINE)
    # "next" is no word of this book: asked again, on the same step.
    assert steps == ["1", "2", "2", "1"]
    assert "Please press Enter for the next step, or type b or q." in run.stdout


def test_the_cases_are_listed_and_checked_in_the_books_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = reworded(tmp_path)
    assert main(["demo", "--rules", str(folder)]) == 0
    assert capsys.readouterr().out == "cord  Back pain and weak legs\n\nRejouer: metasymptoms demo NOM\n"
    assert main(["demo", "--check", "--rules", str(folder)]) == 0
    assert capsys.readouterr().out == "1/1 agree.\n"
    wrong = CASE.replace("urgency: emergency", "urgency: urgent")
    (folder / "scenarios" / "cord.yaml").write_text(wrong, encoding="utf-8")
    assert main(["demo", "--check", "--rules", str(folder)]) == 1
    assert capsys.readouterr().out == ("cord differs: urgency: expected urgent, got emergency\n0/1 agree.\n")

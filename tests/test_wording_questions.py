"""The guided questions' own words come from the rule book (guidance.yaml `wording`: `questions`,
`typed_numbers`, `plain`, and `arrow_keys`): each is required and located when missing, each
sentence holds its words and no other, and what the book says is what the terminal and the
question page show (docs/wording.md)."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from metasymptoms.answering.interview import ArrowKeyPrompter
from metasymptoms.answering.prompter import BACK, WHY, PlainPrompter, Stopped
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.loader import load
from metasymptoms.core.wording_questions import (
    PlainWording,
    QuestionsWording,
    TypedNumbersWording,
    WhichOfTheseWording,
)
from metasymptoms.web.app import build_app
from tests.helpers import TINY, WITH_A_NUMBER, problems_of, write_book
from tests.web_forms import Person

# The sections this module is about, as the tiny book writes them (line, indent, key).
SECTIONS = ("questions", "typed_numbers", "plain", "which_of_these")
ARROW_KEYS_ADDED = ("choose", "how_to_answer", "left_out")


def _keys(guidance: str) -> list[tuple[str, str, int]]:
    """(section, key, line) of each key of the sections of `wording` in a guidance.yaml,
    lines counted from 1."""
    found, section = [], ""
    lines = guidance.splitlines()
    start = lines.index("wording:")
    for number, line in enumerate(lines[start:], start + 1):
        if line and not line.startswith(" ") and number > start + 1:
            break  # the next top-level key: wording has ended
        if line.startswith("  ") and not line.startswith("   ") and line.strip().endswith(":"):
            section = line.strip()[:-1]
        elif line.startswith("    ") and not line.startswith("     ") and not line.strip().startswith("#"):
            found.append((section, line.strip().split(":")[0], number))
    return found


def _tested(section: str, key: str) -> bool:
    return section in SECTIONS or (section == "arrow_keys" and key in ARROW_KEYS_ADDED)


ALL_KEYS = _keys(TINY["guidance.yaml"])
KEYS = [(section, key, line) for section, key, line in ALL_KEYS if _tested(section, key)]


def test_the_tiny_book_writes_every_key_of_the_questions_wording() -> None:
    shipped = _keys((Path(__file__).parent.parent / "rules" / "guidance.yaml").read_text())
    assert [(section, key) for section, key, _ in KEYS] == [
        (section, key) for section, key, _ in shipped if _tested(section, key)
    ]
    fields = {
        "questions": QuestionsWording,
        "typed_numbers": TypedNumbersWording,
        "plain": PlainWording,
        "which_of_these": WhichOfTheseWording,
    }
    written = [(section, key) for section, key, _ in KEYS]
    assert written == [("arrow_keys", key) for key in ARROW_KEYS_ADDED] + [
        (section, field.name) for section, model in fields.items() for field in dataclasses.fields(model)
    ]


@pytest.mark.parametrize(("section", "key", "line"), KEYS, ids=[f"{s}.{k}" for s, k, _ in KEYS])
def test_each_sentence_is_required_and_located_when_missing(
    tmp_path: Path, section: str, key: str, line: int
) -> None:
    lines = TINY["guidance.yaml"].splitlines(keepends=True)
    end = line  # a folded sentence (>-) goes on over the lines indented under it
    while end < len(lines) and lines[end].startswith("      "):
        end += 1
    without = "".join(lines[: line - 1] + lines[end:])
    # Located where its section's keys start: the first key left there.
    first = min(at for name, _, at in ALL_KEYS if name == section)
    if first == line:
        first = line  # the next key moved up into its place
    folder = write_book(tmp_path / "rules", {"guidance.yaml": without})
    assert problems_of(folder) == [
        f"rules/guidance.yaml:{first}:5: [error] '{key}' is missing here; add it (schema)"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'enter_keeps: "Press Enter to keep it; {keys}"',
            'enter_keeps: "Press Enter to keep it"',
            "'enter_keeps': write {keys} where the list of keys goes: this sentence gives it",
        ),
        (
            "type_yes_no_unsure: Type a number, or y, n or {unsure}, and press Enter",
            "type_yes_no_unsure: Type a number, or y, n or {unsure}, and press {key}",
            "'type_yes_no_unsure': {key} is not a word the book fills in; write {unsure} where the "
            "letter for not sure goes",
        ),
        (
            "fahrenheit: For Fahrenheit, type {typed} F.",
            "fahrenheit: For Fahrenheit, type {emergency_number} F.",
            "'fahrenheit': {emergency_number} is not a word the book fills in; write {typed} where "
            "the answer typed goes",
        ),
        (
            "type_a_number: Type a number and press Enter",
            "type_a_number: Type a number ({count}) and press Enter",
            "'type_a_number': {count} is not filled in here; only advice, first steps, emergency "
            "signs and wording hold the emergency number",
        ),
    ],
    ids=["a word left out", "a word misspelt", "another sentence's word", "a word in plain text"],
)
def test_a_sentence_holds_its_words_and_no_other(tmp_path: Path, old: str, new: str, message: str) -> None:
    guidance = TINY["guidance.yaml"]
    assert guidance.count(old) == 1
    line = next(number for number, text in enumerate(guidance.splitlines(), 1) if old in text)
    column = guidance.splitlines()[line - 1].index(":") + 3
    folder = write_book(tmp_path / "rules", {"guidance.yaml": guidance.replace(old, new)})
    assert problems_of(folder) == [f"rules/guidance.yaml:{line}:{column}: [error] {message} (schema)"]


# --- what the book says is what a person reads --------------------------------------------

RETOLD = {  # the tiny book's sentences, said otherwise (as a translation would)
    "    why: Why am I asked this?": "    why: Pourquoi cette question ?",
    "    back: Back to the previous question": "    back: Question précédente",
    "    first_question: This is the first question; there is nothing before it.": (
        "    first_question: C'est la première question."
    ),
    '    back_key: "b = back"': '    back_key: "b = retour"',
    "    type_a_number: Type a number and press Enter": "    type_a_number: Tapez un numéro, puis Entrée",
    "    type_yes_no_unsure: Type a number, or y, n or {unsure}, and press Enter": (
        "    type_yes_no_unsure: Tapez un numéro, ou y, n ou {unsure}, puis Entrée"
    ),
    "    not_sure: u (not sure)": "    not_sure: u (pas sûr)",
    "    type_yes_no: Type a number, or y or n, and press Enter": (
        "    type_yes_no: Tapez un numéro, ou y ou n, puis Entrée"
    ),
    "    marked: (Enter)": "    marked: (Entrée)",
    '    why_key: "? = why am I asked this"': '    why_key: "? = pourquoi"',
    "    refused_yes_no: Please type a number from 1 to {count}, or y or n, or press Enter for the marked answer.": (
        "    refused_yes_no: Un numéro de 1 à {count}, s'il vous plaît."
    ),
    "    going_back: Going back to the previous question.": "    going_back: Retour.",
    "    review_heading: Your answers": "    review_heading: Vos réponses",
    "    review_question: Show your result, or change an answer?": "    review_question: Résultat ?",
    "    show_result: Show my result": "    show_result: Mon résultat",
    '    progress: "{section}: question {position} of up to {count}"': (
        '    progress: "{section} : question {position} sur {count} au plus"'
    ),
    "    choose: arrow keys to move, Enter to choose": "    choose: flèches, puis Entrée",
    "    hint_on_a_page: Type it like {like}, or leave the box empty if you have not measured it.": (
        "    hint_on_a_page: Par exemple {like}."
    ),
    '    celsius: {name: a temperature, like: "38.5, 101.3 F"}': (
        '    celsius: {name: une température, like: "38,5"}'
    ),
    "    type_it_like_on_a_page: Please type it like {like}, or leave the box empty if you have not measured it.": (
        "    type_it_like_on_a_page: Tapez-la comme {like}."
    ),
}


def retold_book(tmp_path: Path, changes: dict[str, str] | None = None) -> Path:
    guidance = (changes or {}).get("guidance.yaml", TINY["guidance.yaml"])
    for old, new in RETOLD.items():
        assert guidance.count(f"\n{old}\n") == 1, old
        guidance = guidance.replace(f"\n{old}\n", f"\n{new}\n")
    return write_book(tmp_path / "rules", {**(changes or {}), "guidance.yaml": guidance})


def test_the_plain_questions_say_the_books_words(tmp_path: Path) -> None:
    book = load(retold_book(tmp_path)).book
    shown = io.StringIO()
    # b at the first question, then "Now"; no back pain; at yellow skin (yes or no only) "x",
    # then ?, b (back to back pain), Enter (kept), and y; the input ends at the review.
    typed = "b\n2\nn\nx\n?\nb\n\ny\n"
    with pytest.raises(Stopped):
        Questionnaire(book, PlainPrompter(book.guidance.wording, io.StringIO(typed), shown, width=200)).run()
    text = shown.getvalue()
    for said in (
        "About you : question 1 sur 1 au plus",
        "C'est la première question.",
        "  1. Never  (Entrée)",
        "Tapez un numéro, puis Entrée; ? = pourquoi.",
        "Tapez un numéro, ou y, n ou u (pas sûr), puis Entrée; ? = pourquoi, b = retour.",
        "Tapez un numéro, ou y ou n, puis Entrée; ? = pourquoi, b = retour.",
        "Un numéro de 1 à 2, s'il vous plaît.",
        "Pourquoi cette question ?",
        "Retour.",
    ):
        assert said in text, said
    for english in (
        "Why am I asked this",
        "This is the first",
        "Type a number",
        "  (Enter)\n",
        "Please type",
    ):
        assert english not in text, english


def test_the_review_and_the_steps_say_the_books_words(tmp_path: Path) -> None:
    book = load(retold_book(tmp_path)).book
    seen: list[tuple[str, list[str | None]]] = []

    class Recording(PlainPrompter):
        def choose(self, message, options, default, hint=None, *, one_line=False):
            seen.append((message, [label for label, _ in options]))
            return super().choose(message, options, default, hint, one_line=one_line)

    shown = io.StringIO()
    questionnaire = Questionnaire(book, Recording(book.guidance.wording, io.StringIO("1\n\n\n1\n"), shown))
    questionnaire.run()
    assert seen[1][1][-2:] == ["Pourquoi cette question ?", "Question précédente"]
    review, labels = seen[-1]
    assert review == "Résultat ?" and labels[0] == "Mon résultat"
    assert "Vos réponses" in shown.getvalue()


def test_the_arrow_keys_say_the_books_words(tmp_path: Path) -> None:
    book = load(retold_book(tmp_path)).book
    arrows = ArrowKeyPrompter(book.guidance.wording)
    assert '"Pourquoi cette question ?", and after the first, "Question précédente"' in arrows.how_to_answer


def test_the_question_page_says_the_books_words_for_a_typed_number(tmp_path: Path) -> None:
    book = load(retold_book(tmp_path, WITH_A_NUMBER)).book
    person = Person(TestClient(build_app(book, allowed_hosts=["testserver"])))
    person.start()
    person.answer("none")
    while person.page.form("answer").control("question") != "temperature":
        person.answer("yes")
    assert "Par exemple 38,5." in person.page.texts
    person.answer("abc")
    assert '"abc" is not une température this tool can read (30 to 45 °C). Tapez-la comme 38,5.' in (
        person.page.texts
    )


def test_a_value_no_choice_on_the_page_sends_is_refused_as_no_answer_chosen(book_client: TestClient) -> None:
    """A radio's value that is none of the question's choices comes only from a form this page
    did not make: the page asks for an answer in the book's words. (It said the kind's message,
    written for answers files: 'This question takes yes, no or unsure (not sure), not ...'.)"""
    person = Person(book_client)
    person.start()
    person.answer("none")
    assert person.page.form("answer").control("question") == "recent_treatment"
    person.answer("perhaps")
    assert person.page.headings[0] == "There is a problem"
    assert '<a href="#answer">Choose an answer</a>' in person.page.html


@pytest.fixture
def book_client() -> TestClient:
    from metasymptoms.core.bookfiles import default_rules_dir

    return TestClient(build_app(load(default_rules_dir()).book, allowed_hosts=["testserver"]))


def test_why_and_back_are_steps_not_answers(tmp_path: Path) -> None:
    """The steps' names come from the book; their values stay the program's own."""
    book = load(retold_book(tmp_path)).book
    questionnaire = Questionnaire(book, PlainPrompter(book.guidance.wording, io.StringIO(""), io.StringIO()))
    questionnaire.history = ["cancer_history"]
    options, _ = questionnaire.options_for(book.questions[1])
    assert options is not None
    assert options[-2:] == [("Pourquoi cette question ?", WHY), ("Question précédente", BACK)]


def test_a_which_of_these_question_typed_says_the_books_words(tmp_path: Path) -> None:
    import shutil

    from metasymptoms.core.bookfiles import default_rules_dir
    from tests.scripted import ScriptedPrompter

    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    guidance = (folder / "guidance.yaml").read_text(encoding="utf-8")
    start = guidance.index("  which_of_these:\n")
    end = guidance.index("\n  ", guidance.index("mixed_ticked:", start))
    guidance = (
        guidance[:start]
        + (
            "  which_of_these:\n"
            "    type_the_numbers: Tapez les numéros\n"
            "    type_the_numbers_to_change: Tapez les numéros à garder\n"
            "    refused: De 1 à {count}.\n"
            "    mixed: Aucun, ou certains.\n"
            "    mixed_ticked: Cochez\n"
        )
        + guidance[end + 1 :]
    )
    (folder / "guidance.yaml").write_text(guidance, encoding="utf-8")
    book = load(folder).book
    question = book.question("limb_weakness")
    assert question is not None
    typed = iter(["9", "0 2", "1 4"])
    prompter = ScriptedPrompter(book)
    prompter.ask_text = lambda message, default: (prompter.asked.append(message), next(typed))[1]  # type: ignore[method-assign]
    assert Questionnaire(book, prompter).ask(question) == ("left_leg", "walking")
    assert prompter.asked[0].split("\n")[-2] == "Tapez les numéros"
    assert [text for kind, text in prompter.shown if kind == "hint"] == ["De 1 à 4.", "Aucun, ou certains."]

"""The first words anyone reads, before the history of cancer is answered (the terminal's
opening, the start page, an exported form), speak to anyone: symptoms a provider may want to
check, never where cancer spreads. Once the answer is known, only a person with cancer reads
the tool's purpose of teaching where it spreads (in their result).

tests/test_words_without_diagnosis.py sweeps the results; this module reads the whole walk of
a person with no diagnosis, opening to result, in the terminal (--plain) and on the pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.fhir_export import questionnaire
from metasymptoms.web.app import build_app
from tests.helpers import TINY, problems_of, run_main, write_book
from tests.test_web import _no, asked
from tests.test_words_without_diagnosis import SYMPTOM_SPREADS
from tests.web_forms import Person

TITLE = "metasymptoms: symptoms a provider may want to check, and how soon"
OPENING = (
    "This tool asks about symptoms a healthcare provider may want to check, and tells you how soon "
    "to get help and why. It is for learning only. It cannot tell what is causing your symptoms, "
    "and it does not replace a healthcare provider."
)
# A person with no diagnosis who reports symptoms that point to places in the body.
SYMPTOMS = {"back_pain": "yes", "fatigue": "yes", "jaundice": "yes"}


def talk_of_spread(text: str) -> list[str]:
    """Each place the text speaks of cancer spreading ("spread" of a pain or numbness aside)."""
    lowered = SYMPTOM_SPREADS.sub("", " ".join(text.split()).lower())
    return re.findall(r".{0,40}(?:spread|metasta).{0,40}", lowered)


def test_the_terminal_opens_with_words_for_anyone_and_a_person_without_cancer_never_reads_of_spread() -> None:
    # "1": never told of cancer; then Enter at every question, the review and the save offer.
    walked = run_main("ask", "--plain", stdin="1\n" + "\n" * 120)
    said = " ".join(walked.stdout.split())
    assert said.startswith(f"{TITLE} {OPENING} You will be asked one question at a time.")
    assert "Routine: none of the warning signs this tool checks for" in said  # the walk reached its result
    assert talk_of_spread(walked.stdout) == []


@pytest.fixture(scope="module")
def client(book: RuleBook) -> Iterator[TestClient]:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:
        yield client


def test_the_start_page_speaks_to_anyone(client: TestClient) -> None:
    start = Person(client).page
    title = re.search(r"<title>(.*?)</title>", start.html)
    assert title is not None
    assert title.group(1) == "Symptoms a provider may want to check: how soon to get help - metasymptoms"
    assert start.h1 == "Symptoms a provider may want to check, and how soon to get help"
    assert OPENING in start.texts
    assert talk_of_spread(" ".join(start.texts)) == []


def test_no_page_of_a_walk_without_a_diagnosis_speaks_of_spread(client: TestClient) -> None:
    person = Person(client)
    read = [person.page]
    person.start()
    answers = {"cancer_history": "none", **SYMPTOMS}
    while person.page.kind == "question":
        read.append(person.page)
        person.answer(answers.get(asked(person), _no(person.page.form("answer"))))
    read.append(person.page)  # check your answers
    person.press("result")
    read.append(person.page)
    assert person.page.h1 == "Your result"
    assert len(read) > 40
    assert [(page.h1, found) for page in read for found in talk_of_spread(" ".join(page.texts))] == []


def test_an_exported_form_opens_with_words_for_anyone(book: RuleBook) -> None:
    about = next(item for item in _items(questionnaire(book)) if item["linkId"] == "about-this-form")
    assert about["text"].startswith(OPENING + " This is not a diagnosis.")
    assert talk_of_spread(about["text"]) == []


def _items(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in resource.get("item", []):
        yield item
        yield from _items(item)


def test_once_the_answer_is_known_only_a_person_with_cancer_reads_of_spread(book: RuleBook) -> None:
    for history, told in (("current", True), ("past", True), ("none", False), ("unsure", False)):
        result = render_text(book, assess(book, {"cancer_history": history, "back_pain": True}))
        assert ("where cancer commonly spreads" in " ".join(result.split())) is told, history


def test_a_book_without_the_opening_purpose_is_refused_where_it_belongs(tmp_path: Path) -> None:
    guidance = TINY["guidance.yaml"].replace(
        "  opening_purpose: This tool asks about symptoms and says how soon to get help.\n", ""
    )
    assert problems_of(write_book(tmp_path / "rules", {"guidance.yaml": guidance})) == [
        "rules/guidance.yaml:36:3: [error] 'opening_purpose' is missing here; add it (schema)"
    ]

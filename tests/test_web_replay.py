"""200 random answer paths through the web pages and through the terminal's questionnaire:
the same choices (Back, Change, going on after an emergency included) end on the same answers,
and the result page says what `ask --answers FILE --format json` says for those answers."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from metasymptoms.answering.emergency import action
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.cli import main
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.web.app import build_app
from metasymptoms.web.walk import walk_from
from tests.helpers import urgency_headings
from tests.scripted import ScriptedPrompter
from tests.web_forms import Person

PATHS = 200
CHUNKS = 4  # spread over the test workers
NUMBERS = ("", "unsure", "35.2", "36.9", "37.5", "38,3", "39.4", "100.8 F", "0", "3", "12")


class StepPrompter(ScriptedPrompter):
    """The scripted prompter, whose typed answers come from the steps too."""

    def ask_text(self, message: str, default: str) -> str:
        self.asked.append(message)
        step = self.steps.pop(0)
        return {"back": "b"}.get(step, step)


def random_walk(person: Person, rng: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    """Walk the pages with random choices to a result: the steps a terminal would take, and
    the fields the check page posted for the result (the answers the result is made from)."""
    steps: list[str] = []
    person.start()
    changes = 0
    for _ in range(400):
        page = person.page
        if page.kind == "question":
            form = page.form("answer")
            if page.has("back") and rng.random() < 0.08:
                person.press("back")
                steps.append("back")
                continue
            if form.texts:
                value = rng.choice([number for number in NUMBERS if _fits(form, number)])
            elif form.checkboxes:  # "which of these": some of them, or one that goes alone
                choices = [value for _, value, _ in form.checkboxes if value not in ("none", "unsure")]
                some = rng.sample(choices, rng.randint(1, len(choices)))
                value = rng.choice([" ".join(some), "none", "unsure"])
            else:
                value = rng.choice([value for _, value, _ in form.radios])
            person.answer(value)
            assert "There is a problem" not in person.page.headings, (value, person.page.texts)
            steps.append(value)
        elif page.kind == "emergency":
            person.press("go_on")
            steps.append("go on")
        elif page.kind == "check":
            findings = [value for _, value, _ in page.form("change").buttons]
            if changes < 2 and rng.random() < 0.4:
                changes += 1
                finding = rng.choice(findings)
                person.press("change", finding)
                steps.append(finding)
            else:
                fields = page.form("result").hidden
                person.press("result")
                steps.append("result")
                return steps, fields
        else:
            raise AssertionError(page.texts)
    raise AssertionError("no result after 400 pages")


def _fits(form: Any, number: str) -> bool:
    """Temperatures for the temperature, counts for a count (the others are refused, and
    refusals are tested elsewhere)."""
    temperature = form.control("question") == "temperature"
    is_count = number in ("0", "3", "12")
    return number in ("", "unsure") or temperature != is_count


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_random_paths_agree_with_the_terminal_and_with_ask_answers(
    chunk: int, book: RuleBook, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:  # one event loop for all
        for seed in range(chunk, PATHS, CHUNKS):
            replay(book, client, seed, tmp_path, capsys)


def replay(
    book: RuleBook, client: TestClient, seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One random path, walked in the pages and replayed in the terminal's questionnaire."""
    rng = random.Random(seed)
    person = Person(client)
    steps, fields = random_walk(person, rng)
    walked = walk_from(book, fields)

    prompter = StepPrompter(book, steps=list(steps))
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers == walked.answers, seed
    assert prompter.steps == [], seed

    file = tmp_path / f"answers-{seed}.json"
    file.write_text(json.dumps({key: value for key, value in walked.answers.items() if value is not None}))
    assert main(["ask", "--answers", str(file), "--format", "json"]) == 0
    told = json.loads(capsys.readouterr().out)
    page = person.page
    assert page.headings[1] == urgency_headings()[Urgency(told["urgency"])], seed
    # The ending: the advice for this urgency, or in an emergency the one instruction.
    ending = action(book) if told["urgency"] == "emergency" else told["advice"]
    assert page.last_words == ending, seed
    for flag in told["red_flags"]:
        title = flag["title"]
        assert any(text == title or text.endswith(f": {title}") for text in page.texts), (seed, flag["id"])
    for site in told["sites"]:
        assert site["name"] in page.headings, (seed, site["id"])
    # Each source as the page names it for a person (publisher, title, then its web address),
    # never by the rule book's key: the same sources as `ask` names by key and title.
    shown_sources = {
        f"{text} {address}"
        for text, address in zip(page.texts, page.texts[1:])
        if text.endswith("”,") and address.startswith("https://")
    }
    cited = [(book.source(source["id"]), source["title"]) for source in told["sources"]]
    assert shown_sources == {f"{it.publisher}, “{title}”, {it.url}" for it, title in cited}, seed
    assert not any(f"[{source['id']}]" in page.html for source in told["sources"]), seed

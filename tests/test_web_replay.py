"""200 random answer paths through the web pages and through the terminal's questionnaire:
the same choices (Back, Change, going on after an emergency included) end on the same answers,
and the result page says what `ask --answers` says for those answers.

The paths share almost nothing past their first pages (of some 4,900 pages a quarter of the
paths post, about 4,770 differ), so each is walked whole. Its cost is the app making each page
(two thirds of it now). Costs that were the test's own are gone: each chunk's app is called in
the test's thread as an ASGI server calls it (`InThread`), each page is read by lxml
(tests/web_forms.py), and each chunk's answers files go to one `ask --answers FILE...`, whose
line for a file is the file's own `--format json` result (tests/test_batch.py), instead of
reading the rule book again for every path.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from metasymptoms.answering.emergency import action
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.cli import main
from metasymptoms.core.covers import told_within
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.web.app import build_app
from metasymptoms.web.walk import walk_from
from tests.helpers import urgency_headings
from tests.scripted import ScriptedPrompter
from tests.web_forms import Page, Person

PATHS = 200
CHUNKS = 4  # spread over the test workers
NUMBERS = ("", "unsure", "35.2", "36.9", "37.5", "38,3", "39.4", "100.8 F", "0", "3", "12")


class StepPrompter(ScriptedPrompter):
    """The scripted prompter, whose typed answers come from the steps too."""

    def ask_text(self, message: str, default: str) -> str:
        self.asked.append(message)
        step = self.steps.pop(0)
        return {"back": "b"}.get(step, step)


@dataclass(frozen=True)
class Response:
    status_code: int
    text: str


class InThread:
    """The web app called in the test's own thread, as an ASGI server calls it: the request a
    browser sends (Host, the form's content type and length, the body) and the page it gets
    back (the app sends no redirects). Neither Starlette's TestClient (its second thread
    cost a tenth of this module's time) nor httpx's ASGI transport (its request and response
    models: 4 to 5 of the 13 to 15 processor-seconds of a quarter, measured against this)
    stands between the pages and the test."""

    def __init__(self, app: Starlette):
        self.app = app
        self.loop = asyncio.new_event_loop()

    def get(self, path: str) -> Response:
        return self._call("GET", path, b"", {})

    def post(self, path: str, content: str, headers: dict[str, str]) -> Response:
        return self._call("POST", path, content.encode(), headers)

    def _call(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> Response:
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": b"",
            "root_path": "",
            "headers": [
                (b"host", b"testserver"),
                (b"content-length", str(len(body)).encode()),
                *((name.encode(), value.encode()) for name, value in headers.items()),
            ],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
        }
        self.loop.run_until_complete(self.app(scope, receive, send))
        start, *parts = sent
        assert start["type"] == "http.response.start", sent
        return Response(start["status"], b"".join(part.get("body", b"") for part in parts).decode())

    def close(self) -> None:
        self.loop.close()


@pytest.fixture
def client(book: RuleBook) -> Iterator[InThread]:
    served = InThread(build_app(book, allowed_hosts=["testserver"]))
    yield served
    served.close()


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
    chunk: int, book: RuleBook, client: InThread, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    walked: dict[int, tuple[Page, dict[str, Any]]] = {}
    for seed in range(chunk, PATHS, CHUNKS):
        walked[seed] = replay(book, client, seed)
    files = []
    for seed, (_, answers) in walked.items():
        file = tmp_path / f"answers-{seed}.json"
        file.write_text(json.dumps({key: value for key, value in answers.items() if value is not None}))
        files.append(str(file))
    assert main(["ask", "--answers", *files, "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(walked)
    for (seed, (page, _)), line in zip(walked.items(), lines, strict=True):
        told = json.loads(line)
        assert told["file"] == str(tmp_path / f"answers-{seed}.json")
        the_result_page_says(book, page, told, seed)


def replay(book: RuleBook, client: InThread, seed: int) -> tuple[Page, dict[str, Any]]:
    """One random path, walked in the pages and replayed in the terminal's questionnaire: the
    result page and the answers both ended on."""
    rng = random.Random(seed)
    person = Person(client)
    steps, fields = random_walk(person, rng)
    walked = walk_from(book, fields)

    prompter = StepPrompter(book, steps=list(steps))
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers == walked.answers, seed
    assert prompter.steps == [], seed
    return person.page, walked.answers


def the_result_page_says(book: RuleBook, page: Page, told: dict[str, Any], seed: int) -> None:
    """The result page says what `ask --answers` told (`told`, its JSON) for its answers."""
    assert page.headings[1] == urgency_headings()[Urgency(told["urgency"])], seed
    # The ending: the advice for this urgency, or in an emergency the one instruction.
    ending = action(book) if told["urgency"] == "emergency" else told["advice"]
    assert page.last_words == ending, seed
    # Each sign as a card of its own, or told within the card of a sign that covers it (one
    # card for one problem), as the terminal shows it: never both.
    within = told_within(book, {flag["id"]: Urgency(flag["urgency"]) for flag in told["red_flags"]})
    for flag in told["red_flags"]:
        title = book.red_flag(within.get(flag["id"], flag["id"])).title
        assert any(text == title or text.endswith(f": {title}") for text in page.texts), (seed, flag["id"])
        if flag["id"] in within and flag["title"] != title:
            covered = flag["title"]
            shown = (text for text in page.texts if text == covered or text.endswith(f": {covered}"))
            assert not any(shown), (seed, flag["id"])
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

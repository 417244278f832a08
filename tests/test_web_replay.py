"""Random answer paths through the web pages and through the terminal's questionnaire: the
same choices (Back, Change, going on after an emergency included) end on the same answers,
and the result page says what `ask --answers` says for those answers.

The paths are walked until together they have asked every question of the book and given
each answer its page offers (every choice, every box of "which of these", each typed number
that fits), reached a result of each urgency and one where an emergency still stands after
an answer was changed, and pressed Back, Change and "go on" after an emergency: at least
`AT_LEAST` paths; the test fails, naming what is missing, when `AT_MOST` have not. Each path
still chooses at random, but half of its answers among those no path has given yet, and most
paths answer most yes-or-no questions No: the 200 paths of uniform choices this test walked
before all ended in an emergency, and needed 85 to give every answer once; these do all of
the above in about 50.

Each page is made by the app called in the test's thread as an ASGI server calls it
(`InThread`) and read by lxml (tests/web_forms.py); the answers files of every path go to
one `ask --answers FILE...`, whose line for a file is the file's own `--format json` result
(tests/test_batch.py).
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from metasymptoms.answering.emergency import action
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.cli import main
from metasymptoms.core.covers import told_within
from metasymptoms.core.engine import fired_emergencies
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.web.app import build_app
from metasymptoms.web.walk import walk_from
from tests.helpers import urgency_headings
from tests.scripted import ScriptedPrompter
from tests.web_forms import Page, Person

AT_LEAST = 50
AT_MOST = 200
STILL_STANDS = "an emergency shown, then an answer changed so that none gives one now"
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


@dataclass
class Coverage:
    """What the paths walked so far did (`met`: each question asked, each answer given, each
    result's urgency, each button pressed) and the answers their pages offered (`offered`)."""

    met: set[tuple[str, str]] = field(default_factory=set)
    offered: set[tuple[str, str]] = field(default_factory=set)

    def missing(self, book: RuleBook) -> set[tuple[str, str]]:
        """A question not asked, an answer offered and never given, an urgency no result
        had, a button never pressed."""
        wanted = {("asked", question.finding) for question in book.questions}
        wanted |= self.offered | {("result", heading) for heading in urgency_headings().values()}
        wanted |= {("pressed", button) for button in ("back", "change", "go on")}
        wanted.add(("result", STILL_STANDS))
        return wanted - self.met


def random_walk(
    person: Person, rng: random.Random, coverage: Coverage
) -> tuple[list[str], list[tuple[str, str]]]:
    """Walk the pages with random choices to a result: the steps a terminal would take, and
    the fields the check page posted for the result (the answers the result is made from).
    Half of a path's answers are chosen among those no path has given yet."""
    met = coverage.met
    steps: list[str] = []
    person.start()
    changes = 0
    plain = rng.choice([0.0, 0.9, 0.98])  # how often this path says No to a yes or no
    for _ in range(400):
        page = person.page
        if page.kind == "question":
            form = page.form("answer")
            question = form.control("question") or ""
            met.add(("asked", question))
            if page.has("back") and rng.random() < 0.08:
                person.press("back")
                met.add(("pressed", "back"))
                steps.append("back")
                continue
            choices = offered(form)
            coverage.offered.update((question, value) for value in choices)
            new = [value for value in choices if (question, value) not in met]
            value = _answer(form, choices, new, rng, plain)
            met.update((question, each) for each in (value.split() if form.checkboxes else [value]))
            person.answer(value)
            assert "There is a problem" not in person.page.headings, (value, person.page.texts)
            steps.append(value)
        elif page.kind == "emergency":
            person.press("go_on")
            met.add(("pressed", "go on"))
            steps.append("go on")
        elif page.kind == "check":
            findings = [value for _, value, _ in page.form("change").buttons]
            if changes < 2 and rng.random() < 0.4:
                changes += 1
                finding = rng.choice(findings)
                person.press("change", finding)
                met.add(("pressed", "change"))
                steps.append(finding)
            else:
                fields = page.form("result").hidden
                person.press("result")
                met.add(("result", person.page.headings[1]))
                steps.append("result")
                return steps, fields
        else:
            raise AssertionError(page.texts)
    raise AssertionError("no result after 400 pages")


def offered(form: Any) -> list[str]:
    """The answers a question's page offers: its choices, or the typed numbers that fit."""
    if form.texts:
        return [number for number in NUMBERS if _fits(form, number)]
    return [value for _, value, _ in form.radios + form.checkboxes]


def _answer(form: Any, choices: list[str], new: list[str], rng: random.Random, plain: float) -> str:
    """One of `choices`: half the time one of the `new` ones (no path has given it yet);
    else, as often as `plain` says, No, None of these or no number; else any."""
    if new and rng.random() < 0.5:
        return rng.choice(new)
    if form.texts:
        return "" if rng.random() < plain else rng.choice(choices)
    if form.checkboxes:  # "which of these": some of them, or one that goes alone
        some = [value for value in choices if value not in ("none", "unsure")]
        ticked = rng.sample(some, rng.randint(1, len(some)))
        return "none" if rng.random() < plain else rng.choice([" ".join(ticked), "none", "unsure"])
    return "no" if "no" in choices and rng.random() < plain else rng.choice(choices)


def _fits(form: Any, number: str) -> bool:
    """Temperatures for the temperature, counts for a count (the others are refused, and
    refusals are tested elsewhere)."""
    temperature = form.control("question") == "temperature"
    is_count = number in ("0", "3", "12")
    return number in ("", "unsure") or temperature != is_count


def test_random_paths_agree_with_the_terminal_and_with_ask_answers(
    book: RuleBook, client: InThread, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    coverage = Coverage()
    walked: dict[int, tuple[Page, dict[str, Any], frozenset[str]]] = {}
    for seed in range(AT_MOST):
        walked[seed] = replay(book, client, seed, coverage)
        if seed + 1 >= AT_LEAST and not coverage.missing(book):
            break
    assert coverage.missing(book) == set(), f"{AT_MOST} paths did not do these"
    files = []
    for seed, (_, answers, _) in walked.items():
        file = tmp_path / f"answers-{seed}.json"
        file.write_text(json.dumps({key: value for key, value in answers.items() if value is not None}))
        files.append(str(file))
    assert main(["ask", "--answers", *files, "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(walked)
    for (seed, (page, _, shown)), line in zip(walked.items(), lines, strict=True):
        told = json.loads(line)
        assert told["file"] == str(tmp_path / f"answers-{seed}.json")
        the_result_page_says(book, page, told, seed, shown)


def replay(
    book: RuleBook, client: InThread, seed: int, coverage: Coverage
) -> tuple[Page, dict[str, Any], frozenset[str]]:
    """One random path, walked in the pages and replayed in the terminal's questionnaire: the
    result page, and the answers both ended on and the emergencies both showed."""
    rng = random.Random(seed)
    person = Person(client)
    steps, fields = random_walk(person, rng, coverage)
    walked = walk_from(book, fields)

    prompter = StepPrompter(book, steps=list(steps))
    questionnaire = Questionnaire(book, prompter)
    outcome = questionnaire.run()
    assert outcome.answers == walked.answers, seed
    assert questionnaire.emergencies_shown == walked.seen, seed
    assert prompter.steps == [], seed
    if walked.seen and not fired_emergencies(book, walked.answers):
        coverage.met.add(("result", STILL_STANDS))
    return person.page, walked.answers, walked.seen


def the_result_page_says(
    book: RuleBook, page: Page, told: dict[str, Any], seed: int, shown: frozenset[str]
) -> None:
    """The result page says what `ask --answers` told (`told`, its JSON) for its answers;
    where an emergency was shown on the way and an answer changed afterwards, so that none
    gives one now, the emergency still stands, its warning signs with the rest."""
    if shown and told["urgency"] != "emergency":
        still = [{"id": flag, "urgency": "emergency"} for flag in sorted(shown)]
        told = {**told, "urgency": "emergency", "red_flags": still + told["red_flags"], "still": True}
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
    expected = {f"{it.publisher}, “{title}”, {it.url}" for it, title in cited}
    # an emergency that stands cites its signs' sources too
    assert shown_sources >= expected if told.get("still") else shown_sources == expected, seed
    assert not any(f"[{source['id']}]" in page.html for source in told["sources"]), seed

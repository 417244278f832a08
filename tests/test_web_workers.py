"""Several workers: nothing about a person is kept on the server, so one person's walk may be
answered by any worker, and a worker restarted in the middle of it loses nothing. Real
uvicorn processes (started as docs/web.md shows, from `from_environment`) and real HTTP."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from metasymptoms.core.model import Urgency
from tests.helpers import urgency_headings
from tests.web_browser import free_port
from tests.web_forms import CHEMOTHERAPY_AND_38_3, Person

httpx = pytest.importorskip("httpx", reason="httpx (the test tools' HTTP client) is not installed")
pytest.importorskip("uvicorn", reason="uvicorn (the [web] extra) is not installed")

ROOT = Path(__file__).resolve().parents[1]


class Worker:
    """`uvicorn --factory metasymptoms.web.app:from_environment` on a port of its own."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                "metasymptoms.web.app:from_environment",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--no-access-log",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "METASYMPTOMS_COUNTRY": "GB"},
        )
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)
        self._wait()

    def _wait(self) -> None:
        for _ in range(600):
            try:
                self.client.get("/")
                return
            except httpx.TransportError:
                if self.process.poll() is not None:
                    raise AssertionError(self.process.communicate()[1]) from None
                time.sleep(0.05)
        raise AssertionError("uvicorn did not start")

    def stop(self) -> None:
        self.client.close()
        self.process.terminate()
        self.process.communicate(timeout=30)


@pytest.fixture
def workers() -> Iterator[list[Worker]]:
    started = [Worker(), Worker()]
    yield started
    for worker in started:
        worker.stop()


def asked(person: Person) -> str:
    return person.page.form("answer").control("question") or ""


def answer_all(person: Person, answers: dict[str, str]) -> None:
    """Each question from `answers`, else "no" (or an empty number box), to a page that is not a question."""
    while person.page.kind == "question":
        form = person.page.form("answer")
        values = [value for _, value, _ in form.radios + form.checkboxes]  # "which of these": boxes
        default = "" if form.texts else "no" if "no" in values else "none" if "none" in values else values[0]
        person.answer(answers.get(asked(person), default))


def test_one_person_walks_through_two_uvicorn_workers_in_turn_and_a_restart(
    workers: list[Worker],
) -> None:
    first, second = workers
    person = Person([first.client, second.client])  # every request goes to the other worker
    person.start()
    answer_all(person, CHEMOTHERAPY_AND_38_3)
    assert person.page.kind == "emergency"
    assert "999" in person.page.html  # each worker read the country from its environment
    person.press("go_on")

    # The first worker is stopped and started again, on its port, in the middle of the walk.
    first.stop()
    workers[0] = Worker(first.port)
    person.clients[0] = workers[0].client

    answer_all(person, {})
    assert person.page.kind == "check"
    person.press("result")
    assert person.page.headings[:2] == ["Your result", urgency_headings()[Urgency.EMERGENCY]]
    given = dict(person.page.form("md").fields())
    assert {name: given[f"a.{name}"] for name in CHEMOTHERAPY_AND_38_3} == CHEMOTHERAPY_AND_38_3
    assert person.sent > 40  # about half of them answered by each worker

"""A bounded load test of `metasymptoms serve` on 127.0.0.1 (issue 21): 20 simulated people
at once, each walking from the start page to a result and its summary, for at most 60 s.

Figures: the time to start (until the first page answers), as a ratio to importing what the
server needs; the median and 95th percentile of each kind of page, each as a ratio to the
start page's (a template with no engine work, measured under the same load in the same run),
so the ratio is what the engine and the walk add; and the server's memory (one worker: with
`uvicorn --workers N`, each worker holds as much). Goals: p95 of every page under 50 ms on
this machine; start-up under 1 s. The times are seen by the simulated people, so they
include their own share of the machine (20 threads in one process).

    python benchmarks/web_load.py [--quick]
"""

from __future__ import annotations

import html
import http.client
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = 20
LIMIT = 60.0  # seconds of load at most
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
RADIO = re.compile(r'<input class="radios__input" id="[^"]+" name="answer" type="radio" value="([^"]+)"')
FORM = re.compile(r"<form method=\"post\" action=\"([^\"]+)\".*?</form>", re.S)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(port: int) -> tuple[subprocess.Popen[str], float]:
    """The server, and the seconds from starting it to its first page."""
    begun = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "metasymptoms", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            return server, time.perf_counter() - begun
        except OSError:
            if server.poll() is not None or time.perf_counter() - begun > 30:
                raise SystemExit("the server did not start") from None
            time.sleep(0.01)


def forms(page: str) -> list[tuple[str, list[tuple[str, str]], str]]:
    """(action, hidden fields, the form's markup) of each form on a page."""
    return [
        (
            match.group(1),
            [(name, html.unescape(value)) for name, value in HIDDEN.findall(match.group(0))],
            match.group(0),
        )
        for match in FORM.finditer(page)
    ]


class Person(threading.Thread):
    """Walks to a result again and again until the time is up, timing every request."""

    def __init__(
        self, port: int, seed: int, until: float, times: dict[str, list[float]], lock: threading.Lock
    ):
        super().__init__(daemon=True)
        self.port, self.rng, self.until, self.times, self.lock = port, random.Random(seed), until, times, lock
        self.walks = 0

    def request(
        self, kind: str | None, method: str, path: str, fields: list[tuple[str, str]] | None = None
    ) -> str:
        """The page; its time is counted under `kind` (None: by what the page turned out to be)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        body = urlencode(fields) if fields is not None else None
        headers = {"content-type": "application/x-www-form-urlencoded"} if body is not None else {}
        start = time.perf_counter()
        connection.request(method, path, body=body, headers=headers)
        text = connection.getresponse().read().decode("utf-8")
        elapsed = time.perf_counter() - start
        connection.close()
        if kind is None:
            kind = "emergency" if 'name="action" value="go_on"' in text else "question"
        with self.lock:
            self.times.setdefault(kind, []).append(elapsed)
        return text

    def run(self) -> None:
        while time.perf_counter() < self.until:
            self.walk()

    def walk(self) -> None:
        self.request("start page (baseline)", "GET", "/")
        self.request("stylesheet", "GET", "/static/site.css")
        page = self.request(None, "POST", "/walk", [("action", "start")])
        for _ in range(200):
            if time.perf_counter() >= self.until:
                return
            found = {
                dict(fields).get("action"): (action, fields, markup) for action, fields, markup in forms(page)
            }
            if "answer" in found:
                _, fields, markup = found["answer"]
                values = RADIO.findall(markup)
                # Mostly "no", now and then another answer (an emergency now and then too).
                value = (
                    ("no" if "no" in values and self.rng.random() < 0.85 else self.rng.choice(values))
                    if values
                    else self.rng.choice(["", "37.2", "38.4"])
                )
                page = self.request(None, "POST", "/walk", [*fields, ("answer", value)])
            elif "go_on" in found:
                page = self.request(None, "POST", "/walk", found["go_on"][1])
            elif "result" in found:
                fields = found["result"][1]
                self.request("result", "POST", "/walk", fields)
                self.request("summary download", "POST", "/summary", [*fields[:-1], ("action", "md")])
                self.walks += 1
                return
            else:
                raise SystemExit("a page with no way on: " + page[:300])


NEEDED = ("starlette", "uvicorn", "jinja2", "pydantic", "yaml")


def import_time() -> float:
    """The fastest of three runs of a Python that imports what the server needs, and stops."""
    command = [sys.executable, "-c", "import " + ", ".join(NEEDED)]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True)
        runs.append(time.perf_counter() - start)
    return min(runs)


def memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    quick = "--quick" in sys.argv
    port = free_port()
    server, started = start_server(port)
    try:
        before = memory_kib(server.pid)
        times: dict[str, list[float]] = {}
        lock = threading.Lock()
        until = time.perf_counter() + (15.0 if quick else LIMIT)
        people = [Person(port, seed, until, times, lock) for seed in range(PEOPLE)]
        begun = time.perf_counter()
        for person in people:
            person.start()
        for person in people:
            person.join()
        spent = time.perf_counter() - begun
        after = memory_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
    walks = sum(person.walks for person in people)
    requests = sum(len(series) for series in times.values())
    print(
        f"web: {PEOPLE} people at once for {spent:.0f} s: {walks} walks to a result, {requests} requests ({requests / spent:.0f}/s)"
    )
    imports = import_time()
    print(f"web: baseline  python -c 'import {', '.join(NEEDED)}'  {imports * 1000:7.0f} ms")
    print(
        f"web: start-up to the first page       {started * 1000:7.0f} ms  {started / imports:4.2f}x  (goal < 1000 ms)"
    )
    base = statistics.quantiles(times["start page (baseline)"], n=20)[18]
    for kind in (
        "start page (baseline)",
        "stylesheet",
        "question",
        "emergency",
        "result",
        "summary download",
    ):
        series = times.get(kind, [])
        if len(series) < 2:
            continue
        median, p95 = statistics.median(series), statistics.quantiles(series, n=20)[18]
        print(
            f"web: {kind:22} n={len(series):5}  median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"
            f"  {p95 / base:5.1f}x the start page's p95  (goal p95 < 50 ms)"
        )
    print(
        f"web: memory of the one worker          {before / 1024:6.1f} MiB at start, {after / 1024:6.1f} MiB after the load"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

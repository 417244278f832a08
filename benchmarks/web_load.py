"""A bounded load test of `metasymptoms serve` on 127.0.0.1 (issue 21): 20 simulated people
at once, each walking from the start page to a result and its summary, for at most 60 s.

    python benchmarks/web_load.py [--quick]   (--quick: 20 s of load instead of 60)

Goals: start-up (until the first page answers) under 1 s; p95 of every kind of page under
50 ms; and the memory of one worker (with `uvicorn --workers N`, each worker holds as much).
Printed with each time, so a figure is read against the machine it was measured on:
- the load average and the number of cores, before and after: on a shared machine the
  times are the machine's as much as the app's;
- the processor time the server itself spent, to its first page and per request: what the
  app costs, which the machine's other work does not change much;
- each page's p95 as a ratio to the start page's (a template with no engine work, measured
  under the same load in the same run): what the engine and the walk add;
- start-up as a ratio to `python -c "import starlette, uvicorn, jinja2, pydantic, yaml"`,
  each the fastest of five, after a first start that writes the bytecode (as every start but
  the first does on a person's computer; PYTHONDONTWRITEBYTECODE is left out, since with it
  every start compiled the whole package again).
The simulated people are 20 threads of this process, each with one kept-alive connection, as
a browser keeps one. For the first half of the time they never pause: the server is kept busy
all the time, and each page waits behind the others' (about 20 times what one page costs), a
stress far beyond 20 real people. For the second half each pauses about a quarter of a
second before each page, far quicker than anyone reads one: the time a page takes when it
does not queue behind 19 others.
"""

from __future__ import annotations

import html
import http.client
import os
import random
import re
import resource
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
LIMIT = 60.0  # seconds of load at most: half with no pause between pages, half reading
QUICK = 20.0
READING = 0.25  # seconds before each page in the second half (on average)
STARTS = 5  # start-up: the fastest of this many starts, each after a baseline run
NEEDED = ("starlette", "uvicorn", "jinja2", "pydantic", "yaml")
KINDS = ("start page (baseline)", "stylesheet", "question", "emergency", "result", "summary download")
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
RADIO = re.compile(r'<input class="radios__input" id="[^"]+" name="answer" type="radio" value="([^"]+)"')
FORM = re.compile(r"<form method=\"post\" action=\"([^\"]+)\".*?</form>", re.S)
# Any value of PYTHONDONTWRITEBYTECODE stops Python writing .pyc files, and then every start
# compiles the package from source: an installed one never starts so (see benchmarks/run.py).
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """The processor time (user and system) a process has spent so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def memory_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_server(port: int) -> tuple[subprocess.Popen[str], float, float]:
    """The server, the seconds from starting it to its first page, and the processor time it
    spent to get there."""
    begun = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "metasymptoms", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=ENV,
    )
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            return server, time.perf_counter() - begun, cpu_seconds(server.pid)
        except OSError:
            if server.poll() is not None or time.perf_counter() - begun > 30:
                raise SystemExit("the server did not start") from None
            time.sleep(0.005)


def startup() -> tuple[float, float, float]:
    """The fastest start-up (wall and processor time) and the fastest baseline import, in
    alternation, after one start that writes the bytecode."""
    baseline = [sys.executable, "-c", "import " + ", ".join(NEEDED)]
    walls, cpus, imports = [], [], []
    for run in range(STARTS + 1):
        begun = time.perf_counter()
        subprocess.run(baseline, check=True, env=ENV)
        imported = time.perf_counter() - begun
        server, wall, cpu = start_server(free_port())
        server.terminate()
        server.wait(timeout=20)
        if run:
            walls.append(wall)
            cpus.append(cpu)
            imports.append(imported)
    return min(walls), min(cpus), min(imports)


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

    def __init__(self, port: int, seed: int, until: float, reading: float, times: dict[str, list[float]]):
        super().__init__(daemon=True)
        self.rng, self.until, self.reading, self.times = random.Random(seed), until, reading, times
        self.walks = 0
        # One connection kept open for the whole walk, as a browser keeps one.
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(
        self, kind: str | None, method: str, path: str, fields: list[tuple[str, str]] | None = None
    ) -> str:
        """The page; its time is counted under `kind` (None: by what the page turned out to be)."""
        if self.reading:
            time.sleep(self.rng.uniform(0, 2 * self.reading))
        body = urlencode(fields) if fields is not None else None
        headers = {"content-type": "application/x-www-form-urlencoded"} if body is not None else {}
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        text = self.connection.getresponse().read().decode("utf-8")
        elapsed = time.perf_counter() - start
        if kind is None:
            kind = "emergency" if 'name="action" value="go_on"' in text else "question"
        self.times.setdefault(kind, []).append(elapsed)  # one list per kind: append is atomic
        return text

    def run(self) -> None:
        while time.perf_counter() < self.until:
            self.walk()
        self.connection.close()

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
                page = self.request(None, "POST", "/walk", [*fields, ("answer", self.choose(markup))])
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

    def choose(self, markup: str) -> str:
        """Mostly "no", now and then another answer (an emergency now and then too)."""
        values = RADIO.findall(markup)
        if not values:
            return self.rng.choice(["", "37.2", "38.4"])
        return "no" if "no" in values and self.rng.random() < 0.85 else self.rng.choice(values)


def load(port: int, seconds: float, reading: float) -> tuple[dict[str, list[float]], int, float]:
    """Each kind of page's times, the walks finished, and the seconds the load took."""
    times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    until = time.perf_counter() + seconds
    people = [Person(port, seed, until, reading, times) for seed in range(PEOPLE)]
    begun = time.perf_counter()
    for person in people:
        person.start()
    for person in people:
        person.join()
    return times, sum(person.walks for person in people), time.perf_counter() - begun


def machine() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (5 min: {five:.1f}) on {os.cpu_count()} cores"


def main() -> int:
    seconds = QUICK if "--quick" in sys.argv else LIMIT
    print(f"web: before: {machine()}")
    wall, cpu, imports = startup()
    print(f"web: baseline  python -c 'import {', '.join(NEEDED)}'  {imports * 1000:7.0f} ms")
    print(
        f"web: start-up to the first page       {wall * 1000:7.0f} ms  {wall / imports:4.2f}x"
        f"  (goal < 1000 ms); the server's processor time {cpu * 1000:.0f} ms"
    )
    for reading in (0.0, READING):
        port = free_port()
        server, _, _ = start_server(port)
        try:
            before, cpu_before = memory_kib(server.pid), cpu_seconds(server.pid)
            own_before = resource.getrusage(resource.RUSAGE_SELF)
            times, walks, spent = load(port, seconds / 2, reading)
            own_after = resource.getrusage(resource.RUSAGE_SELF)
            after, cpu_after = memory_kib(server.pid), cpu_seconds(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=20)
        report(times, walks, spent, reading)
        requests = sum(len(series) for series in times.values())
        people = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
        print(
            f"web:   processor time per request: the server {(cpu_after - cpu_before) / requests * 1000:.2f} ms,"
            f" the simulated people {people / requests * 1000:.2f} ms;"
            f" memory of the one worker {before / 1024:.1f} MiB at start, {after / 1024:.1f} MiB after"
        )
    print(f"web: after: {machine()}")
    return 0


def report(times: dict[str, list[float]], walks: int, spent: float, reading: float) -> None:
    requests = sum(len(series) for series in times.values())
    pause = (
        f", pausing about {reading * 1000:.0f} ms before each page" if reading else ", no pause between pages"
    )
    print(
        f"web: {PEOPLE} people at once for {spent:.0f} s{pause}: {walks} walks to a result,"
        f" {requests} requests ({requests / spent:.0f}/s)"
    )
    base = statistics.quantiles(times[KINDS[0]], n=20)[18]
    for kind in KINDS:
        series = times[kind]
        if len(series) < 2:
            continue
        median, p95 = statistics.median(series), statistics.quantiles(series, n=20)[18]
        print(
            f"web: {kind:22} n={len(series):5}  median {median * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"
            f"  {p95 / base:5.1f}x the start page's p95  (goal p95 < 50 ms)"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())

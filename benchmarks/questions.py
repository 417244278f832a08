"""The arrow-key questions in a real terminal: the time to the first question on screen, and
the processor time each further question costs the program (issue 23).

    python benchmarks/questions.py [--quick]

The program runs in a pseudo-terminal (pexpect), as a person starts it; Enter answers each
question with its default, through the first 25 questions. The processor time is the
program's own (read from /proc as it runs), so the load of a shared machine changes it far
less than the wall time. Each figure is also a ratio to a baseline measured in the same run,
the processor time of `python -c "import prompt_toolkit, pydantic, yaml"` (a start that does
nothing but import what the questions need), so it reads the same on a faster machine.

Goals: the first question on screen in under 0.35 s; each further question at most 0.1x the
baseline (about 15 ms on the development machine, where questionary took about 50 ms).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

QUESTIONS = 25
# The end of an arrow-key prompt drawn whole: a list's last choice, or the notes of a typed
# answer or of checkboxes. The first question offers no "back", and the opening above it names
# both of a list's last choices: it is drawn once its pointer is, then its last choice.
POINTER = "»"
FIRST_DRAWN = "Why am I asked this?"
DRAWN = ["Back to the previous question", "= back"]
TICK = os.sysconf("SC_CLK_TCK")


def processor_seconds(pid: int) -> float:
    """The processor time a running process has used so far (user and system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def walk() -> tuple[float, float, float]:
    """Wall seconds to the first question drawn, processor seconds to it, and processor
    seconds for each further question answered with Enter and drawn."""
    import pexpect

    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    for name in ("NO_COLOR", "COLUMNS", "LINES", "METASYMPTOMS_COUNTRY", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable, ["-m", "metasymptoms"], env=env, encoding="utf-8", timeout=30, dimensions=(40, 100)
    )
    child.delaybeforesend = None  # each key is sent once its prompt is drawn
    try:
        child.expect_exact(POINTER)
        child.expect_exact(FIRST_DRAWN)
        first = time.perf_counter() - start
        at_first = processor_seconds(child.pid)
        for _ in range(QUESTIONS):
            child.send("\r")
            child.expect_exact(DRAWN)
        per_question = (processor_seconds(child.pid) - at_first) / QUESTIONS
    finally:
        child.close(force=True)
    return first, at_first, per_question


def baseline(repeat: int) -> float:
    """The fewest processor seconds of `python -c "import prompt_toolkit, pydantic, yaml"`."""
    times = []
    for _ in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "import prompt_toolkit, pydantic, yaml"], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times[1:])  # the first writes the bytecode


def main() -> int:
    report(3 if "--quick" in sys.argv else 7)
    return 0


def report(repeat: int) -> None:
    base = baseline(repeat)
    walks = [walk() for _ in range(repeat + 1)][1:]  # the first warms the file system's cache
    first = min(seconds for seconds, _, _ in walks)
    first_processor = min(seconds for _, seconds, _ in walks)
    each = min(seconds for _, _, seconds in walks)
    print(
        f"baseline  processor time of python -c 'import prompt_toolkit, pydantic, yaml'  {base * 1000:7.1f} ms"
    )
    print(f"start to first question on screen, wall time           {first * 1000:7.1f} ms  (goal < 350 ms)")
    print(
        f"  the same, processor time                             {first_processor * 1000:7.1f} ms  "
        f"{first_processor / base:5.2f}x"
    )
    print(
        f"each further question, processor time (of {QUESTIONS})       {each * 1000:7.1f} ms  "
        f"{each / base:5.2f}x  (goal <= 0.1x)"
    )


if __name__ == "__main__":
    raise SystemExit(main())

"""Speed figures, each a ratio to a baseline measured in the same run on the same machine.

    python benchmarks/run.py [--quick]

Goals (issue 2 and 3):
  ask --answers          <= 1.5x  `python -c "import pydantic, yaml"`
  --version              <= 0.5x  the same baseline
  first screen           <= 1.3x  `python -c "import questionary, pydantic, yaml"`
  load + validate + evaluate a generated rule book of 10,000 rules < 2 s, growing linearly
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def wall(command: list[str], repeat: int, **kwargs) -> float:
    """Median wall time of a command, after one warm-up run."""
    subprocess.run(command, capture_output=True, **kwargs)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generated_book(folder: Path, rules: int) -> Path:
    """The shipped book plus `rules` generated site rules spread over files of 1,000."""
    from metasymptoms.loader import default_rules_dir

    shutil.copytree(default_rules_dir(), folder)
    findings = ["bone_pain", "back_pain", "jaundice", "itching", "cough", "headache", "fatigue", "bloating"]
    for block in range(0, rules, 1000):
        lines = [
            f"id: generated_{block}", "name: Generated", "about: Generated for a benchmark.",
            "how_found: Never.", "sources: [CC-META]", "rules:",
        ]
        for n in range(block, min(block + 1000, rules)):
            a, b, c = findings[n % 8], findings[(n + 3) % 8], findings[(n + 5) % 8]
            lines += [
                f"  - id: generated_{block}.r{n}",
                "    when:",
                "      all:",
                "        - cancer_history: [current, past]",
                f"        - any: [{a}, {b}]",
                f"        - not: {c}",
                "    why: Generated.",
                "    sources: [CC-META]",
                "    reviewed: 2026-01-01",
            ]
        (folder / "sites" / f"generated_{block}.yaml").write_text("\n".join(lines) + "\n")
    return folder


def load_and_evaluate(folder: Path) -> float:
    code = (
        "import time, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "start = time.perf_counter()\n"
        "from metasymptoms.loader import load\n"
        "from metasymptoms.engine import assess\n"
        f"book = load(__import__('pathlib').Path({str(folder)!r})).book\n"
        "assess(book, {'cancer_history': 'current', 'back_pain': True, 'jaundice': True})\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(result.stdout)


def first_screen_available() -> bool:
    try:
        import pexpect  # noqa: F401
    except ImportError:
        return False
    return True


def first_screen(repeat: int) -> float:
    """Median time from starting `metasymptoms` in a terminal to its first question drawn."""
    import pexpect

    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
    times = []
    for run in range(repeat + 1):
        start = time.perf_counter()
        child = pexpect.spawn(sys.executable, ["-m", "metasymptoms"], env=env, encoding="utf-8", timeout=30, dimensions=(40, 100))
        child.expect_exact("Back to the previous question")
        elapsed = time.perf_counter() - start
        child.close(force=True)
        if run:  # the first run warms the cache
            times.append(elapsed)
    return statistics.median(times)


def main() -> int:
    quick = "--quick" in sys.argv
    repeat = 3 if quick else 7
    python = sys.executable
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    with tempfile.TemporaryDirectory() as tmp:
        answers = Path(tmp) / "answers.yaml"
        answers.write_text("cancer_history: current\nprimary_cancer: lung\nseizure: yes\nheadache: yes\n")

        base = wall([python, "-c", "import pydantic, yaml"], repeat, env=env)
        ask = wall([python, "-m", "metasymptoms", "ask", "--answers", str(answers), "--format", "json"], repeat, env=env)
        cold = wall([python, "-m", "metasymptoms", "ask", "--answers", str(answers), "--format", "json"], repeat, env={**env, "METASYMPTOMS_NO_CACHE": "1"})
        version = wall([python, "-m", "metasymptoms", "--version"], repeat, env=env)
        print(f"baseline  python -c 'import pydantic, yaml'   {base * 1000:7.1f} ms")
        print(f"ask --answers (json)                          {ask * 1000:7.1f} ms  {ask / base:4.2f}x  (goal <= 1.5x)")
        print(f"ask --answers, rule book just edited (validated, not cached) {cold * 1000:7.1f} ms  {cold / base:4.2f}x  (no goal; once per edit)")
        print(f"--version                                     {version * 1000:7.1f} ms  {version / base:4.2f}x  (goal <= 0.5x)")

        if first_screen_available():
            base_q = wall([python, "-c", "import questionary, pydantic, yaml"], repeat, env=env)
            screen = first_screen(repeat)
            print(f"baseline  python -c 'import questionary, pydantic, yaml'  {base_q * 1000:7.1f} ms")
            print(f"start to first question on screen                        {screen * 1000:7.1f} ms  {screen / base_q:4.2f}x  (goal <= 1.3x)")

        sizes = (1_000, 10_000) if quick else (1_000, 10_000, 20_000)
        per_rule = []
        for size in sizes:
            folder = generated_book(Path(tmp) / f"book{size}", size)
            seconds = min(load_and_evaluate(folder) for _ in range(1 if quick else 3))
            per_rule.append(seconds / size)
            goal = "  (goal < 2 s)" if size == 10_000 else ""
            print(f"load + validate + evaluate {size:6,} rules           {seconds:7.2f} s  {seconds / size * 1e6:6.1f} us/rule{goal}")
        print(f"growth: time per rule at the largest size is {per_rule[-1] / per_rule[0]:4.2f}x that at 1,000 (linear = about 1x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

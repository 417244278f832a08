"""`make mutate`'s sampled score (tests/mutation_stats.py): where a whole run does not fit in the
time there is, a seeded random sample of a module group's mutants is run and its score given
with a 95 % Wilson interval. The sample must be the same for the same seed, drawn only from the
modules and the share named, and a mutant not run must not count as survived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.mutation_stats import sample, sample_table, wilson


@pytest.mark.parametrize(
    ("caught", "total", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),  # none caught: the interval still reaches past a quarter
        (10, 10, 0.7225, 1.0),
        (90, 100, 0.8256, 0.9448),
        (57, 60, 0.8630, 0.9829),
    ],
)
def test_wilson_interval(caught: int, total: int, low: float, high: float) -> None:
    assert wilson(caught, total) == pytest.approx((low, high), abs=5e-5)


def test_wilson_interval_of_nothing_run_is_everything() -> None:
    assert wilson(0, 0) == (0.0, 1.0)


def _mutants(folder: Path) -> Path:
    """A mutants folder as mutmut leaves it: two modules' meta files and the recorded test times
    (`f` is called by a test of 1 s, `g` by one of 5 s; the engine's `h` by none)."""
    codes = {
        "metasymptoms/core/kinds_number.py.meta": {
            **{f"metasymptoms.core.kinds_number.x_f__mutmut_{n}": 1 for n in range(1, 7)},
            **{f"metasymptoms.core.kinds_number.x_g__mutmut_{n}": 0 for n in range(1, 5)},
        },
        "metasymptoms/core/engine.py.meta": {"metasymptoms.core.engine.x_h__mutmut_1": None},
    }
    for path, exit_codes in codes.items():
        meta = folder / path
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps({"exit_code_by_key": exit_codes}), encoding="utf-8")
    stats = {
        "tests_by_mangled_function_name": {
            "metasymptoms.core.kinds_number.x_f": ["tests/a.py::quick"],
            "metasymptoms.core.kinds_number.x_g": ["tests/a.py::slow"],
        },
        "duration_by_test": {"tests/a.py::quick": 1.0, "tests/a.py::slow": 5.0},
    }
    (folder / "mutmut-stats.json").write_text(json.dumps(stats), encoding="utf-8")
    return folder


def test_sample_is_seeded_and_drawn_from_the_modules_named(tmp_path: Path) -> None:
    mutants = _mutants(tmp_path)
    drawn = sample(mutants, ["core/kinds"], 4, seed=32)
    assert len(drawn) == 4
    assert drawn == sample(mutants, ["core/kinds"], 4, seed=32)
    assert all(name.startswith("metasymptoms.core.kinds_number.") for name in drawn)
    every = sample(mutants, ["core/kinds"], 4, seed=33) + sample(mutants, ["core/kinds"], 4, seed=34)
    assert len(set(every)) > 4  # another seed, another sample
    assert len(sample(mutants, ["core/kinds", "core/engine"], 100, seed=1)) == 11  # at most all of them


def test_sample_of_the_slowest_share_takes_only_those(tmp_path: Path) -> None:
    """The 40 % of ten mutants mutmut expects to take longest: the four of `g`."""
    drawn = sample(_mutants(tmp_path), ["core/kinds"], 10, seed=32, slowest=0.4)
    assert drawn == [f"metasymptoms.core.kinds_number.x_g__mutmut_{n}" for n in range(1, 5)]


def test_sample_table_leaves_out_what_was_not_run(tmp_path: Path) -> None:
    names = [
        "metasymptoms.core.kinds_number.x_f__mutmut_1",
        "metasymptoms.core.kinds_number.x_f__mutmut_2",
        "metasymptoms.core.kinds_number.x_g__mutmut_1",
        "metasymptoms.core.engine.x_h__mutmut_1",
    ]
    assert sample_table(_mutants(tmp_path), names).splitlines()[2:] == [
        "| core/kinds_number.py | 3 | 2 | 0 | 1 | 0 | 0 | 2 / 3, 66.7 % (20.8 to 93.9) |",
        "| core/engine.py | 1 | 0 | 0 | 0 | 0 | 1 | 0 / 0, - |",
        "| all | 4 | 2 | 0 | 1 | 0 | 1 | 2 / 3, 66.7 % (20.8 to 93.9) |",
    ]

"""Numbers in answers files (and rule files) are read as a person writes them: decimal,
whatever their leading zeros. YAML 1.1 reads `037` as octal 31, which fired the
low-temperature emergency for a person who measured 37 °C; sexagesimal (`1:30`), hexadecimal
and binary forms never reach a finding as a number nobody typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metasymptoms.core.answers import AnswersError, read_answers_file
from metasymptoms.core.model import RuleBook
from metasymptoms.core.yamlfile import parse_yaml
from tests.test_hostile import run

# written in the file -> the finding's answer, or the message naming it
READINGS = [
    ("temperature: 037", 37.0),
    ("temperature: 037.5", 37.5),
    ("temperature: 0038", 38.0),
    ("vomiting_times: 010", 10.0),
    ("vomiting_times: 0", 0.0),
    ("vomiting_times: 00", 0.0),
    ("vomiting_times: +03", 3.0),
    ("temperature: 1:30", "'temperature' takes a number in degrees Celsius, or unsure, not '1:30'"),
    ("temperature: 0x25", "'temperature' takes a number in degrees Celsius, or unsure, not '0x25'"),
    (
        "vomiting_times: 0b11",
        "'vomiting_times' takes a number in times in the last 24 hours, or unsure, not '0b11'",
    ),
    ("temperature: 37:00.5", "'temperature' takes a number in degrees Celsius, or unsure, not '37:00.5'"),
]


@pytest.mark.parametrize(("line", "expected"), READINGS)
def test_a_number_is_read_as_decimal(book: RuleBook, tmp_path: Path, line: str, expected: object) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"cancer_history: current\n{line}\n")
    key = line.split(":")[0]
    if isinstance(expected, float):
        assert read_answers_file(path, book)[key] == expected
    else:
        with pytest.raises(AnswersError) as refused:
            read_answers_file(path, book)
        assert refused.value.problems == [f"{path}:2:{len(key) + 3}: {expected}"]


def test_a_temperature_of_037_is_no_emergency(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("cancer_history: current\nrecent_chemotherapy: yes\ntemperature: 037\n")
    code, out, err = run(["ask", "--answers", str(path), "--format", "json"])
    assert (code, err) == (0, "")
    assert json.loads(out)["urgency"] != "emergency"


@pytest.mark.parametrize(
    ("written", "value"), [("010", 10), ("-007", -7), ("1_000", 1000), ("12:30", "12:30")]
)
def test_rule_files_read_numbers_the_same_way(written: str, value: object) -> None:
    assert parse_yaml(f"at_least: {written}\n").data == {"at_least": value}


# A number written with its unit, in another unit, or outside the plausible range: what
# the answers file gives, or the message naming it.
WRITTEN = [
    ("temperature: 38.4 C", 38.4),
    ("temperature: 38.4C", 38.4),
    ("temperature: 38.4 °C", 38.4),
    ("temperature: 38.4 ° C", 38.4),
    ("temperature: 38,4", 38.4),
    ("temperature: 101.35 F", 38.5),  # to the tenth a thermometer shows
    ("temperature: 101.3 °F", 38.5),
    ("temperature: 101.3 fahrenheit", 38.5),
    ("temperature: 30", 30.0),  # both ends of the plausible range are in it
    ("temperature: 44", 44.0),
    ("temperature: not sure", "unsure"),
    ("temperature: '?'", "'temperature' takes a number in degrees Celsius, or unsure, not '?'"),
    (
        "vomiting_times: 3 C",
        "'vomiting_times' takes a number in times in the last 24 hours, or unsure, not '3 C'",
    ),
    # A billion is no reading at all (read as infinite), not a number far out of range.
    (
        "temperature: 1000000000",
        "'temperature' takes a number in degrees Celsius, or unsure, not '1000000000'",
    ),
    ("temperature: 86", "'temperature' is 86 °C, outside 30 to 44 °C; for Fahrenheit write '86 F'"),
    ("temperature: 113", "'temperature' is 113 °C, outside 30 to 44 °C; for Fahrenheit write '113 F'"),
    ("temperature: 85", "'temperature' is 85 °C, outside 30 to 44 °C"),
    ("temperature: 114", "'temperature' is 114 °C, outside 30 to 44 °C"),
    # As written, never rounded into the range it is refused for, nor as "1e+08".
    ("temperature: 44.05", "'temperature' is 44.05 °C, outside 30 to 44 °C"),
    ("temperature: 29.96", "'temperature' is 29.96 °C, outside 30 to 44 °C"),
    ("temperature: 123456789", "'temperature' is 123456789 °C, outside 30 to 44 °C"),
    ("vomiting_times: 100", "'vomiting_times' is 100 times in 24 hours, outside 0 to 50 times in 24 hours"),
]


@pytest.mark.parametrize(("line", "expected"), WRITTEN)
def test_a_number_is_read_in_its_unit_and_its_range(
    book: RuleBook, tmp_path: Path, line: str, expected: object
) -> None:
    if expected == "unsure":
        path = tmp_path / "a.yaml"
        path.write_text(f"cancer_history: current\n{line}\n")
        assert read_answers_file(path, book)["temperature"] == "unsure"
    else:
        test_a_number_is_read_as_decimal(book, tmp_path, line, expected)

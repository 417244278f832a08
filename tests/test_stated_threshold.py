"""stated-threshold: a number the words state that the rules no longer test (rules check).

A moved fever threshold (`implies_from: 37.5` made 38) passed `rules check` and `rules
verify` while the question, the label, the emergency list and two warning signs' advice
still said "37.5 °C (99.5 °F)": a person read one number and was judged by another."""

from __future__ import annotations

import shutil
from pathlib import Path

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir

RULES = default_rules_dir()


def _copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    text = (copy / file).read_text()
    assert text.count(old) == 1
    (copy / file).write_text(text.replace(old, new))
    return copy


def _at(folder: Path, file: str, line_holds: str, number: str, nth: int = 0) -> str:
    """file:line:col of the `nth` line holding `line_holds`, at `number` in it."""
    lines = (folder / file).read_text().splitlines()
    row = [n for n, line in enumerate(lines) if line_holds in line][nth]
    return f"{folder}/{file}:{row + 1}:{lines[row].index(number) + 1}"


def _warnings(folder: Path, capsys) -> list[str]:
    assert main(["rules", "check", str(folder)]) == 0  # warnings only
    return [line for line in capsys.readouterr().out.splitlines() if line.endswith("(stated-threshold)")]


def test_the_shipped_book_states_the_numbers_it_tests(capsys) -> None:
    main(["rules", "check", str(RULES)])
    assert "(stated-threshold)" not in capsys.readouterr().out


def test_a_moved_fever_threshold_is_found_where_each_text_states_the_old_number(
    tmp_path: Path, capsys
) -> None:
    copy = _copy(tmp_path, "findings.yaml", "implies_from: 37.5", "implies_from: 38")
    starts = "'fever' starts at 38 °C (the implies_from of 'temperature')"
    also = f"{starts}, and the rules test 'your measured temperature' below 36 °C"
    advice = "A temperature of 37.5 °C (99.5 °F) or more"
    assert _warnings(copy, capsys) == [
        f"{_at(copy, 'findings.yaml', 'label: a temperature of 37.5', '37.5')}: [warning] the label says "
        f"37.5 °C, but {starts}; change the words or the number (stated-threshold)",
        f"{_at(copy, 'guidance.yaml', 'a temperature of 37.5 °C', '37.5')}: [warning] the emergency list "
        f"says 37.5 °C, but {also}; change the words or the number (stated-threshold)",
        f"{_at(copy, 'questions.yaml', 'Do you have a temperature of 37.5', '37.5')}: [warning] the "
        f"question says 37.5 °C, but {starts}; change the words or the number (stated-threshold)",
        f"{_at(copy, 'red_flags.yaml', advice, '37.5')}: [warning] the advice says 37.5 °C, but {also}; "
        "change the words or the number (stated-threshold)",
        f"{_at(copy, 'red_flags.yaml', advice, '37.5', 1)}: [warning] the advice says 37.5 °C, but {also}; "
        "change the words or the number (stated-threshold)",
    ]


def test_a_moved_count_is_found_in_the_range_a_title_states(tmp_path: Path, capsys) -> None:
    # "3 to 5 times" is at least 3 and below 6: the end of a range of whole counts is one below.
    copy = _copy(
        tmp_path,
        "red_flags.yaml",
        "vomiting_times: {at_least: 3, below: 6}",
        "vomiting_times: {at_least: 4, below: 6}",
    )
    assert _warnings(copy, capsys) == [
        f"{_at(copy, 'red_flags.yaml', 'title: Being sick 3 to 5 times', '3 to')}: [warning] the title says "
        "3 to 5 times in 24 hours, but the rules test 'being sick several times in 24 hours' from 4 "
        "times in 24 hours and below 6 times in 24 hours; change the words or the number "
        "(stated-threshold)"
    ]


def test_moved_counts_are_found_in_titles_and_on_a_folded_line(tmp_path: Path, capsys) -> None:
    # The red sign from 5 times, the amber one below 5: "3 to 5 times" is now 3 or 4, "6 or
    # more" is 5 or more. The uncounted sign's advice refers to the red sign's count ("6 or
    # more times in 24 hours", on the second line of its folded text): allowed while a sign
    # tests 6 (the amber one's "below 6" did), found there when none does.
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    flags = copy / "red_flags.yaml"
    text = flags.read_text().replace("{at_least: 6}", "{at_least: 5}")
    flags.write_text(text.replace("{at_least: 3, below: 6}", "{at_least: 3, below: 5}"))
    sick = "the rules test 'being sick several times in 24 hours'"
    assert _warnings(copy, capsys) == [
        f"{_at(copy, 'red_flags.yaml', 'title: Being sick 3 to 5 times', '5 times')}: [warning] the title "
        f"says 3 to 5 times in 24 hours, but {sick} from 3 times in 24 hours and below 5 times in 24 "
        "hours; change the words or the number (stated-threshold)",
        f"{_at(copy, 'red_flags.yaml', 'title: Being sick 6 or more', '6 or')}: [warning] the title says 6 "
        f"or more times in 24 hours, but {sick} from 5 times in 24 hours; change the words or the number "
        "(stated-threshold)",
        f"{_at(copy, 'red_flags.yaml', 'If you have been sick 6 or more', '6 or')}: [warning] the advice "
        "says 6 or more times in 24 hours, but 'nausea_vomiting' starts at 1 times in 24 hours (the "
        f"implies_from of 'vomiting_times'), and {sick} from 0 times in 24 hours; change the words or "
        "the number (stated-threshold)",
    ]


def test_a_fahrenheit_that_is_not_the_celsius_converted_is_found(tmp_path: Path, capsys) -> None:
    # Numbers in °F are not compared with the rules: each is checked against the °C before it.
    copy = _copy(
        tmp_path,
        "questions.yaml",
        "temperature of 37.5 °C (99.5 °F) or higher, or do",
        "temperature of 37.5 °C (99.6 °F) or higher, or do",
    )
    assert _warnings(copy, capsys) == [
        f"{_at(copy, 'questions.yaml', 'Do you have a temperature of 37.5', '99.6')}: [warning] the question "
        "says 37.5 °C (99.6 °F), but 37.5 °C is 99.5 °F; change the °F (stated-threshold)"
    ]


def test_numbers_that_are_not_thresholds_are_left_alone(tmp_path: Path, capsys) -> None:
    # 6 weeks, 24 hours and a question's example are not numbers the rules test.
    copy = _copy(tmp_path, "findings.yaml", "implies_from: 37.5", "implies_from: 38")
    for line in _warnings(copy, capsys):
        assert "37.5 °C" in line

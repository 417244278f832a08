"""`rules diff` as a nurse reads it, on real edits of a copy of the shipped rule book: what
was edited comes first, by name; then, per edited item, each group of answers that changes,
LOWERED or RAISED, as short lists, with an answers file that replays it. The whole text is
compared with tests/golden/diff_*.txt (read them: they are the reports a reviewer sees)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from tests.test_diff_left_out import assert_groups_replay

RULES = default_rules_dir()
GOLDEN = Path(__file__).parent / "golden"


def _replace_in_item(text: str, item: str, old: str, new: str) -> str:
    """`old` replaced by `new` once, in the item whose list entry starts `  - id: item`."""
    at = text.index(old, text.index(f"  - id: {item}\n"))
    return text[:at] + new + text[at + len(old) :]


def raise_persistent_bloating(folder: Path) -> None:
    flags = folder / "red_flags.yaml"
    flags.write_text(
        _replace_in_item(flags.read_text(), "persistent_bloating", "urgency: prompt", "urgency: urgent")
    )


def lower_seizure_declared(folder: Path) -> None:
    """Seizure lowered from emergency to prompt, its advice rewritten to match, and the
    lowering declared: the gate still refuses the seizure-with-fever lowering it does not cover."""
    flags = folder / "red_flags.yaml"
    text = _replace_in_item(flags.read_text(), "seizure", "urgency: emergency", "urgency: prompt")
    start = text.index("    advice: >-\n", text.index("  - id: seizure\n"))
    end = text.index("    explain:", start)
    advice = (
        "    advice: >-\n      A new seizure is worth checking. Book an appointment with your doctor soon.\n"
    )
    flags.write_text(text[:start] + advice + text[end:])
    book = folder / "book.yaml"
    book.write_text(
        book.read_text().replace(
            "declared_changes: []\n",
            "declared_changes:\n  - when: seizure\n    was: emergency\n    now: prompt\n"
            "    reason: A test of a declared lowering, not a clinical change.\n",
        )
    )


def move_fever_threshold(folder: Path) -> None:
    findings = folder / "findings.yaml"
    text = findings.read_text()
    assert text.count("implies_from: 37.5") == 1
    findings.write_text(text.replace("implies_from: 37.5", "implies_from: 38.0"))


def reword_a_question(folder: Path) -> None:
    questions = folder / "questions.yaml"
    text = questions.read_text()
    assert text.count("text: Where did the cancer start?") == 1
    questions.write_text(
        text.replace("Where did the cancer start?", "In which part of the body did it start?")
    )


EDITS: dict[str, tuple[Callable[[Path], None], int]] = {
    "raise_persistent_bloating": (raise_persistent_bloating, 0),
    "lower_seizure_declared": (lower_seizure_declared, 1),
    "move_fever_threshold": (move_fever_threshold, 1),
    "reword_a_question": (reword_a_question, 0),
}


def edited_copy(tmp_path: Path, name: str) -> Path:
    copy = tmp_path / "new"
    shutil.copytree(RULES, copy)
    EDITS[name][0](copy)
    return copy


Report = Callable[..., tuple[Path, int, str]]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """`report(name, "text" or "json", capsys)`: the edited copy, and the exit code and output
    of `rules diff` of the shipped book and that copy, run once for this module: several tests
    read the same report (a diff of the shipped book takes about half a CPU-second). Only for
    reading: a test that changes the copy makes its own (`edited_copy`)."""
    copies: dict[str, Path] = {}
    reports: dict[tuple[str, str], tuple[int, str]] = {}

    def read(name: str, form: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int, str]:
        if name not in copies:
            copies[name] = edited_copy(tmp_path_factory.mktemp(name), name)
        if (name, form) not in reports:
            chosen = [] if form == "text" else ["--format", form]  # text: as a reviewer types it
            code = main(["rules", "diff", str(RULES), str(copies[name]), *chosen])
            reports[name, form] = code, capsys.readouterr().out
        return (copies[name], *reports[name, form])

    return read


@pytest.mark.parametrize("name", list(EDITS))
def test_the_report_of_a_real_edit_is_its_golden_text(report: Report, capsys, name: str) -> None:
    copy, code, out = report(name, "text", capsys)
    assert code == EDITS[name][1]
    out = out.replace(str(RULES), "OLD").replace(str(copy), "NEW")
    assert out == (GOLDEN / f"diff_{name}.txt").read_text()


@pytest.mark.parametrize("name", list(EDITS))
def test_the_markdown_report_of_a_real_edit_is_its_golden_page(report: Report, capsys, name: str) -> None:
    """The same report as a Markdown page (a pull request's comment): the same statements,
    its punctuation escaped, each answers file a YAML block."""
    copy, code, out = report(name, "markdown", capsys)
    assert code == EDITS[name][1]
    out = out.replace(str(RULES), "OLD").replace(str(copy), "NEW")
    assert out == (GOLDEN / f"diff_{name}.md").read_text()


def _urgency(folder: Path, answers: dict, tmp_path: Path, capsys) -> str:
    path = tmp_path / "replay.json"
    path.write_text(json.dumps(answers))
    assert main(["ask", "--rules", str(folder), "--answers", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["urgency"]


@pytest.mark.parametrize("name", [name for name in EDITS if name != "reword_a_question"])
def test_each_group_is_one_answers_file_that_replays_its_label(
    report: Report, tmp_path: Path, capsys, name: str
) -> None:
    copy, _, out = report(name, "json", capsys)
    data = json.loads(out)
    groups = [group for effect in data["effects"] for group in effect["groups"]]
    assert groups
    files = [json.dumps(group["answers"], sort_keys=True) for group in groups]
    assert len(files) == len(set(files))  # no two groups with the same answers file
    # every statement is in exactly one group
    assert sum(len(group["changes"]) for group in groups) == len(data["statements"])
    edited = {(edit["kind"], edit["id"]) for edit in data["edited"]}
    under = {(item["kind"], item["id"]) for effect in data["effects"] for item in effect["items"]}
    assert under | {(item["kind"], item["id"]) for item in data["unchanged_edits"]} == edited
    for group in groups:
        was = _urgency(RULES, group["old_answers"], tmp_path, capsys)
        now = _urgency(copy, group["answers"], tmp_path, capsys)
        assert (was, now) == (group["was"], group["now"])
        stated = [(c["was"], c["now"]) for c in group["changes"] if c["kind"] == "urgency"]
        assert stated in ([], [(was, now)])  # its urgency line is what its file gives
        ranks = {"routine": 0, "prompt": 1, "urgent": 2, "emergency": 3}
        expected = (
            "LOWERED" if ranks[now] < ranks[was] else "RAISED" if ranks[now] > ranks[was] else "SAME URGENCY"
        )
        assert group["label"] == expected


def test_a_reworded_question_is_named_as_edited_with_its_old_and_new_text(report: Report, capsys) -> None:
    _, code, out = report("reword_a_question", "json", capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["edited"], data["effects"], data["statements"]) == ([], [], [])
    assert data["text_changes"] == [
        {
            "where": "question primary_cancer: text",
            "old": "Where did the cancer start?",
            "new": "In which part of the body did it start?",
            "kind": "question",
            "id": "primary_cancer",
            "field": "text",
        }
    ]


@pytest.mark.parametrize("name", [name for name in EDITS if name != "reword_a_question"])
def test_every_groups_file_replays_its_urgency_line_and_label(
    report: Report, tmp_path: Path, capsys, name: str
) -> None:
    copy, _, out = report(name, "json", capsys)
    assert_groups_replay(RULES, copy, out, tmp_path, capsys)


def test_the_gates_example_reads_a_treatment_left_out_as_the_engine_does(report: Report, capsys) -> None:
    """The gate's example of a seizure lowered with another sign that still counts leaves
    the treatment out, and the search reads it as the engine reads the file: "not sure"
    (the history is left out too), so feeling sick is the urgent sign of sickness during
    treatment. It once read a treatment left out as "no" and needed a third answer, a "no"
    to treatment, written into the file for the file to replay it."""
    data = json.loads(report("lower_seizure_declared", "json", capsys)[2])
    [effect] = data["effects"]
    undeclared = [group for group in effect["groups"] if group["declared"] is None]
    assert [(g["label"], g["was"], g["now"], g["answers"], g["with"]) for g in undeclared] == [
        (
            "LOWERED",
            "emergency",
            "urgent",
            {"seizure": True, "nausea_vomiting": True},
            ["a seizure (fit) that is new, long or repeated", "feeling sick or being sick"],
        )
    ]


def _counted(line: str) -> dict[str, int]:
    """'5 groups of answers: 3 LOWERED (2 not declared), 1 RAISED, 1 with the same urgency'"""
    total, said = line.strip().split(" of answers: ")
    counts = {"groups": int(total.split()[0])}
    for part in said.split(", "):
        number, words = part.split(" ", 1)
        if words.startswith("LOWERED"):
            counts["LOWERED"] = int(number)
            if "not declared" in words:
                counts["NOT DECLARED"] = int(words.split("(")[1].split()[0])
        else:
            counts[words] = int(number)
    return counts


@pytest.mark.parametrize("name", [name for name in EDITS if name != "reword_a_question"])
def test_every_count_the_report_prints_agrees_with_what_it_lists(report: Report, capsys, name: str) -> None:
    # A new user read "REFUSED: 3 lowered urgencies" above five groups marked LOWERED, NOT DECLARED.
    out = report(name, "text", capsys)[2]
    sections = [part for part in out.split("\n\n") if part.startswith("Effect of ")]
    assert sections
    refused = 0
    for section in sections:
        lines = section.splitlines()
        counts = _counted(lines[1])
        labels = [line.split(". ", 1)[1] for line in lines if line[:5].strip().rstrip(".").isdigit()]
        assert counts["groups"] == len(labels)
        assert counts.get("LOWERED", 0) == sum(label.startswith("LOWERED") for label in labels)
        assert counts.get("NOT DECLARED", 0) == labels.count("LOWERED, NOT DECLARED")
        assert counts.get("RAISED", 0) == labels.count("RAISED")
        assert counts.get("with the same urgency", 0) == labels.count("SAME URGENCY")
        refused += labels.count("LOWERED, NOT DECLARED")
    verdict = out.splitlines()[-1]
    if refused:
        groups = "1 group of answers above is" if refused == 1 else f"{refused} groups of answers above are"
        assert verdict.startswith(f"REFUSED: {groups} LOWERED, NOT DECLARED. ")
    else:
        assert verdict == "No urgency is lowered without a declared reason."
    data = json.loads(report(name, "json", capsys)[2])
    assert data["lowered_not_declared_groups"] == refused
    assert data["refused"] is bool(refused)
    assert sum(effect["not_declared"] for effect in data["effects"]) == refused


def test_none_of_is_said_in_the_findings_words_and_kept_as_ids_in_json(report: Report, capsys) -> None:
    out = report("move_fever_threshold", "text", capsys)[2]
    assert (
        "     And none of:\n"
        "       - a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery\n"
        '       - feeling suddenly unwell, shivery or "not right", even without a high temperature\n'
    ) in out
    assert "none of: fever" not in out and "feeling_unwell" not in out
    first = json.loads(report("move_fever_threshold", "json", capsys)[2])["effects"][0]["groups"][0]
    assert first["not_reported"] == ["fever", "feeling_unwell"]
    assert first["not_reported_words"] == [
        "a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery",
        'feeling suddenly unwell, shivery or "not right", even without a high temperature',
    ]


def test_the_books_status_is_one_line_when_it_reads_the_same(tmp_path: Path, capsys) -> None:
    copy = edited_copy(tmp_path, "raise_persistent_bloating")
    main(["rules", "diff", str(RULES), str(copy)])
    head = capsys.readouterr().out.splitlines()[1:3]
    assert head == ["  both books: Draft rule book, version 0.1: not yet signed off by a clinician.", ""]
    book = copy / "book.yaml"
    book.write_text(book.read_text().replace('version: "0.1"', 'version: "0.2"'))
    main(["rules", "diff", str(RULES), str(copy), "--format", "markdown"])
    out = capsys.readouterr().out
    assert (
        "- Old: Draft rule book, version 0.1: not yet signed off by a clinician.\n"
        "- New: Draft rule book, version 0.2: not yet signed off by a clinician.\n"
    ) in out


def test_a_warning_sign_inside_a_wider_lowering_is_said_in_that_group(
    report: Report, tmp_path: Path, capsys
) -> None:
    """The fever threshold moved: the two fever warning signs stop showing for people with and
    without a cancer diagnosis, inside the group whose urgency falls from emergency to
    routine. They are said there, with what they need beyond it, not as two more groups that
    repeat its change (a reviewer read five groups for three situations)."""
    copy, _, out = report("move_fever_threshold", "json", capsys)
    data = json.loads(out)
    [effect] = data["effects"]
    assert [(g["was"], g["now"]) for g in effect["groups"]] == [
        ("emergency", "routine"),
        ("emergency", "prompt"),
        ("emergency", "urgent"),
    ]
    first = effect["groups"][0]
    assert [(c["kind"], c["subject"]) for c in first["changes"]] == [
        ("urgency", "urgency"),
        ("red flag", "fever_on_chemotherapy"),
        ("red flag", "fever_on_treatment_no_cancer_diagnosis"),
    ]
    for change in first["changes"][1:]:  # each sign's own answers replay it
        flags = _flags(copy, change["answers"], tmp_path, capsys)
        assert change["subject"] not in flags
        assert change["subject"] in _flags(RULES, change["answers"], tmp_path, capsys)
    out = report("move_fever_threshold", "text", capsys)[2]
    assert (
        "     - the warning sign 'A fever, a low temperature or feeling unwell during cancer treatment or\n"
        "       on steroids' (fever_on_chemotherapy) no longer shows, when also: your history of cancer:\n"
        '       anything but "I have never been told I have cancer"\n'
    ) in out


def _flags(folder: Path, answers: dict, tmp_path: Path, capsys) -> list[str]:
    path = tmp_path / "replay.json"
    path.write_text(json.dumps(answers))
    assert main(["ask", "--rules", str(folder), "--answers", str(path), "--format", "json"]) == 0
    return [flag["id"] for flag in json.loads(capsys.readouterr().out)["red_flags"]]


def test_a_condition_edit_says_what_left_and_joined_its_list(tmp_path: Path, capsys) -> None:
    # A reviewer read the whole condition twice, as Python's dict ({'all': [{'any': ...).
    copy = tmp_path / "new"
    shutil.copytree(RULES, copy)
    flags = copy / "red_flags.yaml"
    text = _replace_in_item(flags.read_text(), "persistent_bloating", "        - symptoms_persistent\n", "")
    text = _replace_in_item(text, "spinal_cord_compression", "[current, past, unsure]", "[current, past]")
    flags.write_text(text)
    main(["rules", "diff", str(RULES), str(copy)])
    edited = capsys.readouterr().out.split("What was edited:\n")[1].split("\n\n")[0]
    assert edited == (
        "  - red flag spinal_cord_compression (Possible pressure on the spinal cord): when: all of:\n"
        "    removed {cancer_history: [current, past, unsure]}; added {cancer_history: [current, past]}\n"
        "  - red flag persistent_bloating (Bloating most days for 3 weeks or more): when: all of: removed\n"
        "    symptoms_persistent"
    )
    main(["rules", "diff", str(RULES), str(copy), "--format", "json"])
    [_, bloating] = json.loads(capsys.readouterr().out)["edited"]
    assert bloating["old"]["all"][1] == "symptoms_persistent"  # the conditions whole, as data
    assert "symptoms_persistent" not in bloating["new"]["all"]


def test_a_moved_threshold_says_what_its_field_means(report: Report, capsys) -> None:
    edited = report("move_fever_threshold", "text", capsys)[2].split("What was edited:\n")[1].split("\n\n")[0]
    assert edited == (
        "  - finding temperature (your measured temperature): implies_from: 37.5 -> 38 (from this value\n"
        "    up, your measured temperature counts as 'fever')"
    )


def test_a_number_in_a_groups_words_says_next_intervals_as_one() -> None:
    # A reviewer read "0 or more but below 1 or 1 or more but below 4 or 4 or more but below
    # 7 or 7 or more or not measured" for what is any number, or none given.
    from metasymptoms.core.kinds import UNSURE, kind_of
    from metasymptoms.core.loader import load

    spec = load(RULES).book.finding("diarrhoea_times")
    kind = kind_of(spec)
    domain = [0.0, 1.0, 4.0, 7.0, None, UNSURE]
    label = "loose stools more often than usual"
    assert (
        kind.value_words(spec, [0.0, 1.0, 4.0, 7.0, None], domain) == f"{label}: any number, or not measured"
    )
    assert kind.value_words(spec, [1.0, 4.0], domain) == f"{label}: 1 or more but below 7"
    assert kind.value_words(spec, [0.0, 7.0, UNSURE], domain) == f"{label}: below 1, 7 or more, or not sure"
    assert kind.value_words(spec, [4.0], domain) == f"{label}: 4 or more but below 7"

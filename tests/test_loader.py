"""The loader reports every problem, each at its place, in words a reviewer understands."""

from __future__ import annotations

import dataclasses
import gc
from dataclasses import dataclass
from pathlib import Path

import pytest

from metasymptoms.core.guidance import Guidance
from metasymptoms.core.loader import load
from metasymptoms.core.problems import RulesFolderMissing
from tests.helpers import TINY, problems_of, write_book


def test_tiny_book_loads_clean(tiny: Path) -> None:
    loaded = load(tiny)
    assert [finding.id for finding in loaded.book.findings] == [
        "cancer_history",
        "back_pain",
        "limb_weakness",
        "jaundice",
    ]
    assert loaded.warnings == []
    assert str(loaded.where("rule", "bones.back")).endswith("sites/bones.yaml:7:5")


def book_with(tmp_path: Path, name: str, text: str | None) -> list[str]:
    return problems_of(write_book(tmp_path / "rules", {name: text}))


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n    publisher: B\n    url: https://example.org/a\n    colour: red\n",
            [
                "rules/sources.yaml:6:5: [error] 'colour' is not a key this file knows; the keys allowed here are: id, title, publisher, url, note, reviewed, accessed, written_for (schema)"
            ],
            id="unknown key",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    titel: A\n    publisher: B\n    url: https://example.org/a\n",
            [
                # told once, at the line to fix (not also "'title' is missing" at the item's first line)
                "rules/sources.yaml:3:5: [error] 'titel' is not a key here; did you mean 'title'? ('title' is missing from this item) (schema)",
            ],
            id="misspelt key",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n    publisher: B\n",
            ["rules/sources.yaml:2:5: [error] 'url' is missing here; add it (schema)"],
            id="source without a web address",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n    publisher: B\n    url: www.nhs.uk/conditions/sciatica/\n",
            [
                "rules/sources.yaml:5:10: [error] 'www.nhs.uk/conditions/sciatica/' is not a full web address; write the page's whole address, starting with https://, like https://www.nhs.uk/conditions/sciatica/ (schema)"
            ],
            id="web address without https",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n    publisher: B\n    url: http://www.nhs.uk/x\n",
            [
                "rules/sources.yaml:5:10: [error] 'http://www.nhs.uk/x' is not a full web address; write the page's whole address, starting with https://, like https://www.nhs.uk/conditions/sciatica/ (schema)"
            ],
            id="web address with plain http",
        ),
        pytest.param(
            "primaries.yaml",
            "primaries:\n  - id: breast\n    name: Breast\n    common_sites: bones\n    sources: [SRC-A]\n",
            [
                "rules/primaries.yaml:4:19: [error] 'common_sites' should be a list (one item a line, each starting with '- '), not 'bones' (schema)"
            ],
            id="wrong type",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("urgency: emergency", "urgency: asap"),
            [
                "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or 'routine', not 'asap' (schema)"
            ],
            id="bad urgency",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace(
                "checked: {by: author, date: 2026-01-01}", "checked: {by: author, date: last year}"
            ),
            [
                "rules/red_flags.yaml:12:33: [error] 'date' should be a date written as YYYY-MM-DD, not 'last year' (schema)"
            ],
            id="bad date",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("- back_pain", "- bak_pain"),
            [
                "rules/red_flags.yaml:7:11: [error] 'bak_pain' is not a finding of this rule book (did you mean 'back_pain'?) (schema)"
            ],
            id="unknown finding in condition",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("[current]", "[currnet]"),
            [
                "rules/red_flags.yaml:6:28: [error] 'currnet' is not a choice of 'cancer_history' (did you mean 'current'?); its choices are none, current (schema)"
            ],
            id="unknown choice value",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("- cancer_history: [current]", "- cancer_history"),
            [
                "rules/red_flags.yaml:6:11: [error] 'cancer_history' is a choice finding; name the choices that count, for example 'cancer_history: [none]' (its choices: none, current) (schema)"
            ],
            id="choice finding used as yes/no",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("all:", "alll:"),
            [
                "rules/red_flags.yaml:5:7: [error] 'alll' is neither a finding of this rule book nor a condition word (did you mean 'all'?) (schema)"
            ],
            id="misspelt condition word",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace(
                "all:\n        - cancer_history: [current]\n        - back_pain\n        - limb_weakness",
                "at_least: 4\n      of: [back_pain, limb_weakness]",
            ),
            [
                "rules/red_flags.yaml:5:17: [error] 'at_least: 4' cannot work with 2 condition(s) under 'of'; use a number from 1 to 2 (schema)"
            ],
            id="at_least too large",
        ),
        pytest.param(
            "red_flags.yaml",
            TINY["red_flags.yaml"].replace("sources: [SRC-A]", "sources: [SRC-B]"),
            [
                "rules/red_flags.yaml:11:15: [error] the source 'SRC-B' is not in sources.yaml (did you mean 'SRC-A'?) (schema)"
            ],
            id="unknown source",
        ),
        pytest.param(
            "primaries.yaml",
            TINY["primaries.yaml"].replace("[bones]", "[bone]"),
            [
                "rules/primaries.yaml:4:20: [error] 'bone' is not a site of this rule book (did you mean 'bones'?) (schema)"
            ],
            id="unknown site",
        ),
        pytest.param(
            "findings.yaml",
            TINY["findings.yaml"] + "  - id: back_pain\n    label: again\n",
            [
                "rules/findings.yaml:15:9: [error] the finding id 'back_pain' is used twice (first at rules/findings.yaml:9:9); each id must be unique (schema)"
            ],
            id="duplicate id",
        ),
        pytest.param(
            "findings.yaml",
            TINY["findings.yaml"].replace("id: jaundice", "id: Jaundice!"),
            [
                "rules/findings.yaml:13:9: [error] 'Jaundice!' is not a valid id; ids are lowercase words joined by underscores, like back_pain (schema)",
                "rules/questions.yaml:15:18: [error] 'jaundice' is not a finding in findings.yaml (did you mean 'Jaundice!'?) (schema)",
            ],
            id="bad id",
        ),
        pytest.param(
            "questions.yaml",
            TINY["questions.yaml"].replace("ask_if: back_pain", "ask_if: jaundice"),
            [
                "rules/questions.yaml:14:17: [error] 'ask_if' depends on 'jaundice', which is asked later; a question can depend only on earlier answers (schema)"
            ],
            id="ask_if on a later answer",
        ),
        pytest.param(
            "questions.yaml",
            TINY["questions.yaml"].replace("- finding: jaundice", "- finding: back_pain"),
            [
                "rules/questions.yaml:15:18: [error] 'back_pain' is already asked by another question; each finding is asked once (schema)"
            ],
            id="finding asked twice",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n  publisher: B\n",
            [
                "rules/sources.yaml:4:3: [error] this line is indented differently from the lines around it; the keys of one item line up under each other, and the items of a list each start with '- ' at the same place (yaml)"
            ],
            id="yaml syntax",
        ),
        pytest.param(
            "sources.yaml",
            "sources:\n  - id: SRC-A\n    title: A\n    title: B\n    publisher: C\n",
            [
                "rules/sources.yaml:4:5: [error] the key 'title' appears twice in the same mapping (first at line 3); keep only one (yaml)"
            ],
            id="duplicate key",
        ),
        pytest.param(
            "sources.yaml",
            "",
            ["rules/sources.yaml:1:1: [error] the file is empty; it should hold a 'sources:' list (schema)"],
            id="empty file",
        ),
        pytest.param(
            "guidance.yaml",
            None,
            [
                "rules/guidance.yaml:1:1: [error] the file is missing; every rule book needs guidance.yaml (schema)"
            ],
            id="missing file",
        ),
    ],
)
def test_each_kind_of_problem_is_located(
    tmp_path: Path, name: str, text: str | None, expected: list[str]
) -> None:
    assert book_with(tmp_path, name, text) == expected


NOT_A_WORD = "is neither a finding of this rule book nor a condition word"
NEEDS = "needs yes/no, a list of its choices, or a range of numbers"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("all:", "anny:", f"5:7: 'anny' {NOT_A_WORD} (did you mean 'any'?)", id="any"),
        pytest.param(
            "- back_pain", "- nott: back_pain", f"7:11: 'nott' {NOT_A_WORD} (did you mean 'not'?)", id="not"
        ),
        pytest.param(
            "- back_pain",
            "- at_lest: yes",
            f"7:11: 'at_lest' {NOT_A_WORD} (did you mean 'at_least'?)",
            id="at_least",
        ),
        pytest.param("- back_pain", "- back_pain: []", f"7:22: 'back_pain' {NEEDS}", id="an empty list"),
        pytest.param("- back_pain", "- back_pain: [1]", f"7:22: 'back_pain' {NEEDS}", id="a list of numbers"),
        pytest.param(
            "- back_pain",
            "- all",
            "7:11: 'all' needs a value after it, such as 'all: [...]'",
            id="a word alone",
        ),
        pytest.param(
            "- back_pain",
            "- any: []",
            "7:16: 'any' needs a list of one or more conditions, each on a line starting with '- '",
            id="'any' with an empty list",
        ),
        pytest.param(
            "- back_pain",
            "- not: bak_pain",
            "7:16: 'bak_pain' is not a finding of this rule book (did you mean 'back_pain'?)",
            id="a problem inside 'not', placed inside it",
        ),
        pytest.param(
            "- back_pain",
            "- of: [back_pain]",
            "7:11: 'at_least' and 'of' go together, and nothing else goes beside them",
            id="'of' without 'at_least'",
        ),
        pytest.param(
            "when:\n      all:\n        - cancer_history: [current]\n        - back_pain\n        - limb_weakness",
            "when: bak_pain",
            "4:11: 'bak_pain' is not a finding of this rule book (did you mean 'back_pain'?)",
            id="an unknown finding alone, placed at itself, not its key",
        ),
    ],
)
def test_a_misspelt_condition_word_or_a_value_that_is_no_condition(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert book_with(tmp_path, "red_flags.yaml", TINY["red_flags.yaml"].replace(old, new)) == [
        "rules/red_flags.yaml:" + expected.replace(": ", ": [error] ", 1) + " (schema)"
    ]


def test_an_ask_if_that_depends_on_a_later_answer_through_not_is_found(tmp_path: Path) -> None:
    questions = TINY["questions.yaml"].replace("ask_if: back_pain", "ask_if: {not: jaundice}")
    assert book_with(tmp_path, "questions.yaml", questions) == [
        "rules/questions.yaml:14:17: [error] 'ask_if' depends on 'jaundice', which is asked later; a question "
        "can depend only on earlier answers (schema)"
    ]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = write_book(
        tmp_path / "rules",
        {
            "sources.yaml": "sources:\n  - id: SRC-A\n    title: A\n    publisher: B\n    url: https://example.org/a\n    colour: red\n",
            "primaries.yaml": TINY["primaries.yaml"].replace("name: Breast cancer", "name: 12"),
            "sites/bones.yaml": TINY["sites/bones.yaml"].replace("- back_pain", "- back_pian"),
        },
    )
    assert problems_of(folder) == [
        "rules/primaries.yaml:3:11: [error] 'name' should be text, not '12' (schema)",
        "rules/sites/bones.yaml:11:11: [error] 'back_pian' is not a finding of this rule book (did you mean 'back_pain'?) (schema)",
        "rules/sources.yaml:6:5: [error] 'colour' is not a key this file knows; the keys allowed here are: id, title, publisher, url, note, reviewed, accessed, written_for (schema)",
    ]


def test_an_unknown_file_is_a_warning_naming_the_likely_file(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules", {"red_flag.yaml": "x: 1\n"})
    assert problems_of(folder) == [
        "rules/red_flag.yaml:1:1: [warning] this file is not part of the rule book and is ignored (did you mean 'red_flags.yaml'?) (unknown-file)"
    ]


def test_missing_folder_is_bad_input_not_a_rule_problem(tmp_path: Path) -> None:
    with pytest.raises(RulesFolderMissing, match=r"the rules folder '.*nowhere' does not exist"):
        load(tmp_path / "nowhere")


def test_a_rules_folder_that_cannot_be_read_is_named_with_the_reason(tmp_path: Path) -> None:
    folder = tmp_path / ("x" * 300)  # a name longer than the file system allows
    with pytest.raises(RulesFolderMissing) as raised:
        load(folder)
    assert str(raised.value) == f"the rules folder '{folder}' cannot be read (File name too long)"


def test_loading_leaves_the_garbage_collector_as_it_found_it(tiny: Path) -> None:
    """The loader rests the collector while it builds the book: it must wake it again."""
    assert gc.isenabled()
    load(tiny)
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n",
            "rules/sources.yaml:1:4: [error] anchors and aliases (&name, *name) are not allowed in this file; write the value out in full (yaml)",
            id="billion laughs",
        ),
        pytest.param(
            "sources: " + "[" * 100_000 + "]" * 100_000 + "\n",
            "rules/sources.yaml:1:1009: [error] the YAML cannot be read here: the file is nested far too deep; no rule book or answers file is that deep (yaml)",
            id="deep nesting",
        ),
        pytest.param(
            "sources: !!python/object:os.system echo\n",
            "rules/sources.yaml:1:10: [error] the tag 'tag:yaml.org,2002:python/object:os.system' is not allowed in this file; write the value plainly (yaml)",
            id="python tag",
        ),
    ],
)
def test_hostile_files_are_refused_with_a_located_error(tmp_path: Path, text: str, expected: str) -> None:
    assert book_with(tmp_path, "sources.yaml", text) == [expected]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules")
    with (folder / "sources.yaml").open("w") as stream:
        stream.truncate(9 * 1024 * 1024)
    assert problems_of(folder) == [
        "rules/sources.yaml:1:1: [error] the file is 9 MiB; rule files larger than 8 MiB are refused (yaml)"
    ]


# --- the likely YAML mistakes, in words a nurse understands --------------------------------

INDENTATION = (
    "this line is indented differently from the lines around it; the keys of one item line up under "
    "each other, and the items of a list each start with '- ' at the same place (yaml)"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    urgency: emergency",
            "\turgency: emergency",
            "rules/red_flags.yaml:9:1: [error] a tab is used here; use spaces, not a tab (rule files are indented with spaces) (yaml)",
            id="tab",
        ),
        pytest.param(
            "advice: Call your local emergency number now.",
            "advice: Call now: your local emergency number.",
            "rules/red_flags.yaml:10:21: [error] this text holds a colon followed by a space, which YAML reads as a "
            "new key; put the text in quotes, like: advice: 'Call now: your care team' (yaml)",
            id="colon in a text",
        ),
        pytest.param(
            "    advice: Call",
            "      advice: Call",
            f"rules/red_flags.yaml:10:7: [error] {INDENTATION}",
            id="indented too far",
        ),
        pytest.param(
            "    urgency: emergency",
            "   urgency: emergency",
            f"rules/red_flags.yaml:9:4: [error] {INDENTATION}",
            id="indented too little",
        ),
        pytest.param(
            "        - back_pain",
            "       - back_pain",
            f"rules/red_flags.yaml:7:8: [error] {INDENTATION}",
            id="list item",
        ),
        pytest.param(
            "title: Cord pressure",
            'title: "Cord pressure',
            'rules/red_flags.yaml:3:12: [error] this text opened with " on line 3 is never closed with "; add " '
            "where the text ends (yaml)",
            id="unclosed quote",
        ),
    ],
)
def test_likely_yaml_mistakes_in_plain_words(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = TINY["red_flags.yaml"].replace(old, new)
    assert text != TINY["red_flags.yaml"]
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": text})
    assert problems_of(folder) == [expected]


AMBERS = (
    TINY["red_flags.yaml"]
    + """\
  - id: back_amber
    title: Back pain on treatment
    when: back_pain
    urgency: urgent
    advice: Call your care team today.
    sources: [SRC-A]
    checked: {by: author, date: 2026-01-01}
    grade: amber
  - id: jaundice_amber
    title: Yellow skin on treatment
    when: jaundice
    urgency: urgent
    advice: Call your care team today.
    sources: [SRC-A]
    checked: {by: author, date: 2026-01-01}
    grade: amber
combinations:
  - id: two_ambers
    title: Two signs together
    at_least: 2
    of_grade: amber
    urgency: emergency
    advice: Call your local emergency number now.
    sources: [SRC-A]
    checked: {by: author, date: 2026-01-01}
"""
)


def test_a_combination_stands_at_its_own_place(tmp_path: Path) -> None:
    loaded = load(write_book(tmp_path / "rules", {"red_flags.yaml": AMBERS}))
    assert [flag.id for flag in loaded.book.red_flags] == [
        "cord",
        "back_amber",
        "jaundice_amber",
        "two_ambers",
    ]
    assert str(loaded.where("red_flag", "two_ambers")).endswith("red_flags.yaml:30:5")
    assert str(loaded.at("red_flag", "two_ambers", "checked", "date")).endswith("red_flags.yaml:37:33")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "at_least: 2",
            "at_least: 3",
            "rules/red_flags.yaml:32:15: [error] 'two_ambers' needs at least 2 of the warning signs graded 'amber', "
            "and 2 are graded so (schema)",
            id="too few graded",
        ),
        pytest.param(
            'date: 2026-01-01}\n"""',
            'date: 2999-01-01}\n"""',
            "rules/red_flags.yaml:37:33: [error] the date 2999-01-01 is in the future; write the day the check "
            "was done (schema)",
            id="future date",
        ),
        pytest.param(
            "  - id: two_ambers",
            "  - id: back_amber",
            "rules/red_flags.yaml:30:9: [error] the red flag id 'back_amber' is used twice (first at "
            "rules/red_flags.yaml:13:9); each id must be unique (schema)",
            id="id used twice",
        ),
    ],
)
def test_a_combination_s_problems_are_located_at_it(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    text = (AMBERS + '"""').replace(old, new)[: -len('"""')]
    assert text != AMBERS
    assert problems_of(write_book(tmp_path / "rules", {"red_flags.yaml": text})) == [expected]


def test_every_item_of_the_shipped_book_is_found_at_its_id() -> None:
    """The layout's one declaration of where items stand, tried on every item: the line
    each item's id is located at names that id."""
    from metasymptoms.core.bookfiles import default_rules_dir

    loaded = load(default_rules_dir())
    assert len(loaded.paths) > 300
    for (kind, item_id), (file, _) in loaded.paths.items():
        if kind in ("guidance", "book"):
            continue
        field = "finding" if kind == "question" else "id"
        where = loaded.at(kind, item_id, field)
        line = file.read_text(encoding="utf-8").splitlines()[where.line - 1]
        assert line[where.column - 1 :].startswith(item_id), (kind, item_id, str(where))


def test_a_kind_written_as_a_mapping_is_a_located_problem_not_a_crash(tmp_path: Path) -> None:
    """Found by the fuzz test: `type: {a: 1}` once reached a set lookup and crashed (exit 3)."""
    text = TINY["findings.yaml"].replace("    type: choice\n", "    type: {a: 1}\n", 1)
    assert "    type: {a: 1}\n" in text
    problems = book_with(tmp_path, "findings.yaml", text)
    assert problems[0] == (
        "rules/findings.yaml:5:11: [error] 'type' must be one of 'yes_no', 'choice', 'number' or 'several', not '{'a': 1}' (schema)"
    )


def test_findings_unreadable_as_yaml_gives_its_own_problem_not_one_per_reference(tmp_path: Path) -> None:
    """Every condition names findings: with findings.yaml unreadable, they are not checked
    (a new user met 165 knock-on errors under one colon)."""
    text = TINY["findings.yaml"].replace(
        "    label: new back pain\n", "    label: new back pain: worse at night\n"
    )
    assert book_with(tmp_path, "findings.yaml", text) == [
        "rules/findings.yaml:10:25: [error] this text holds a colon followed by a space, which YAML reads "
        "as a new key; put the text in quotes, like: advice: 'Call now: your care team' (yaml)"
    ]


@dataclass(frozen=True)
class _Count:
    """A model for a file read on its own, as the hazard log and a scenario are."""

    name: str
    count: int


def test_a_file_read_on_its_own_goes_through_the_same_pipeline(tmp_path: Path) -> None:
    from metasymptoms.core.validate import load_file

    missing = tmp_path / "hazards.yaml"
    assert load_file(_Count, missing, needed=False).problems == ()  # an optional file
    assert [str(problem) for problem in load_file(_Count, missing).problems] == [
        f"{missing}:1:1: [error] the file is missing; every rule book needs hazards.yaml (schema)"
    ]
    path = tmp_path / "count.yaml"
    path.write_text("name: fever\ncount: many\n", encoding="utf-8")
    file = load_file(_Count, path)
    assert file.value is None
    assert [str(problem) for problem in file.problems] == [
        f"{path}:2:8: [error] 'count' should be a whole number, not 'many' (schema)"
    ]
    assert (str(file.at(("count",))), str(file.at(("count",), key=True))) == (f"{path}:2:8", f"{path}:2:1")
    path.write_text("name: fever\ncount: 3\n", encoding="utf-8")
    assert load_file(_Count, path).value == _Count("fever", 3)


_FLAGS, _FINDINGS = TINY["red_flags.yaml"], TINY["findings.yaml"]
_CHECKED = "checked: {by: author, date: 2026-01-01}"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(
            "red_flags.yaml",
            _FLAGS.replace(_CHECKED, "checked: {by: author, date: 2026-01-01, colour: red}"),
            "rules/red_flags.yaml:12:45: [error] 'colour' is not a key this file knows; the keys allowed here are: by, date (schema)",
            id="unknown key two levels down: the keys of that level",
        ),
        pytest.param(
            "findings.yaml",
            "- back_pain\n- jaundice\n",
            "rules/findings.yaml:1:1: [error] 'this item' should be a mapping of keys and values, not a list (schema)",
            id="a list where the file's keys belong",
        ),
        pytest.param(
            "findings.yaml",
            _FINDINGS.replace("id: jaundice", "id: " + "j" * 81),
            "rules/findings.yaml:13:9: [error] 'id' is too long (schema)",
            id="an id too long, at the value",
        ),
        pytest.param(
            "findings.yaml",
            _FINDINGS.replace("label: yellow skin", "label: yellow skin\n    minimum: warm"),
            "rules/findings.yaml:15:14: [error] 'minimum': Input should be a valid number, unable to parse string as a number (schema)",
            id="a problem without plain words of its own, at the value",
        ),
        pytest.param(
            "book.yaml",
            "version: '0.1'\nstatus: draft\nreleased_book: {git: '-bad rev'}\n",
            "rules/book.yaml:3:22: [error] '-bad rev' is not a git revision this file takes; write a tag, branch or commit without spaces that does not start with '-', like rulebook-0.1 (schema)",
            id="a git revision that could be read as an option",
        ),
        pytest.param(
            "findings.yaml",
            _FINDINGS.replace(
                "- {value: current, text: Now}",
                "- {value: current, text: Now}\n      - {value: Some Time, text: Later}",
            ),
            "rules/findings.yaml:9:17: [error] 'Some Time' is not a valid id; ids are lowercase words joined by underscores, like back_pain (schema)",
            id="a badly spelled choice value",
        ),
        pytest.param(
            "red_flags.yaml",
            _FLAGS.replace("sources: [SRC-A]", "sources: [SRC-A]\n    sites: [lungs]"),
            "rules/red_flags.yaml:12:13: [error] 'lungs' is not a site of this rule book (schema)",
            id="a red flag naming a site the book does not have",
        ),
        pytest.param(
            "guidance.yaml",
            TINY["guidance.yaml"] + "with_cancer_sources: [NOPE]\n",
            f"rules/guidance.yaml:{TINY['guidance.yaml'].count(chr(10)) + 1}:23: [error] the source 'NOPE' is not in sources.yaml (schema)",  # the line added last
            id="guidance citing a source the book does not have",
        ),
        pytest.param(
            "sources.yaml",
            TINY["sources.yaml"].replace("id: SRC-A", "id: bad key"),
            "rules/sources.yaml:2:9: [error] 'bad key' is not a valid source key; source keys are capital letters, digits and dashes, like CC-META (schema)",
            id="a badly spelled source key",
        ),
        pytest.param(
            "red_flags.yaml",
            _FLAGS.replace("date: 2026-01-01", "date: " + "d" * 60),
            "rules/red_flags.yaml:12:33: [error] 'date' should be a date written as YYYY-MM-DD, not '"
            + "d" * 60
            + "' (schema)",
            id="a wrong value of 60 characters, shown whole",
        ),
        pytest.param(
            "red_flags.yaml",
            _FLAGS.replace("date: 2026-01-01", "date: " + "d" * 61),
            "rules/red_flags.yaml:12:33: [error] 'date' should be a date written as YYYY-MM-DD, not '"
            + "d" * 60
            + "…' (schema)",
            id="a longer wrong value, cut at 60",
        ),
        pytest.param(
            "guidance.yaml",
            "",
            "rules/guidance.yaml:1:1: [error] the file is empty; it should hold the keys "
            + ", ".join(field.name for field in dataclasses.fields(Guidance))
            + " (schema)",
            id="an empty file of many keys",
        ),
        pytest.param(
            "red_flags.yaml",
            "red_flags:\n  - {id: x}\nextra: 1\n",
            "rules/red_flags.yaml:3:1: [error] 'extra' is not a key this file knows; the keys allowed here are: red_flags, combinations (schema)",
            id="a problem after a list whose only item failed",
        ),
    ],
)
def test_rarer_problems_are_said_in_plain_words_at_their_place(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    assert expected in book_with(tmp_path, name, text)


# --- where an item's field stands, for the checks' messages --------------------------------


@pytest.mark.parametrize(
    ("kind", "item", "steps", "key", "where"),
    [
        ("rule", "bones.back", ("why",), False, "sites/bones.yaml:12:10"),
        ("rule", "bones.back", ("why",), True, "sites/bones.yaml:12:5"),
        ("rule", "bones.back", ("when", "all", 1), False, "sites/bones.yaml:11:11"),
        ("rule", "bones.back", (), False, "sites/bones.yaml:7:5"),
        ("red_flag", "cord", ("urgency",), False, "red_flags.yaml:9:14"),
        ("question", "limb_weakness", ("ask_if",), False, "questions.yaml:14:17"),
        ("finding", "jaundice", ("label",), False, "findings.yaml:14:12"),
        ("source", "SRC-A", ("url",), True, "sources.yaml:5:5"),
    ],
)
def test_loaded_book_says_where_a_field_stands(
    tiny: Path, kind: str, item: str, steps: tuple, key: bool, where: str
) -> None:
    loaded = load(tiny)
    found = loaded.at(kind, item, *steps, key=True) if key else loaded.at(kind, item, *steps)
    assert str(found) == f"{tiny}/{where}"


def test_load_book_reads_the_folder_given(tiny: Path) -> None:
    from metasymptoms.core.loader import load_book

    assert [site.id for site in load_book(tiny).sites] == ["bones"]
    assert len(load_book().sites) == 7  # the shipped book's seven sites


BOOK_INFO = 'name: a book\nversion: "0.2"\nstatus: draft\nintended_purpose: Learning.\n'


@pytest.mark.parametrize(
    "released", ["released_book: {git: rulebook-0.1, folder: ../old}\n", "released_book: {}\n"]
)
def test_the_released_book_is_named_one_way(tmp_path: Path, released: str) -> None:
    assert book_with(tmp_path, "book.yaml", BOOK_INFO + released) == [
        "rules/book.yaml:5:16: [error] released_book names exactly one of git: or folder: (schema)"
    ]


def test_a_sign_off_may_be_dated_today_but_not_tomorrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime

    from metasymptoms.core import loader

    monkeypatch.setattr(loader, "today", lambda: datetime.date(2026, 11, 26))
    signed = 'sign_offs:\n  - {name: A. Person, role: Nurse, date: DAY, version: "0.2"}\n'
    assert book_with(tmp_path / "a", "book.yaml", BOOK_INFO + signed.replace("DAY", "2026-11-26")) == []
    assert book_with(tmp_path / "b", "book.yaml", BOOK_INFO + signed.replace("DAY", "2026-11-27")) == [
        "rules/book.yaml:6:42: [error] the date 2026-11-27 is in the future; a sign-off records the day it happened (schema)"
    ]


def test_a_default_on_a_question_that_takes_none_says_remove_it(tmp_path: Path) -> None:
    number = "  - id: temperature\n    label: your temperature\n    type: number\n    unit: celsius\n"
    number += "    minimum: 30\n    maximum: 44\n"
    asked = "      - finding: temperature\n        text: Temperature?\n        default: 'yes'\n"
    changes = {
        "findings.yaml": TINY["findings.yaml"] + number,
        "questions.yaml": TINY["questions.yaml"] + asked,
    }
    assert problems_of(write_book(tmp_path / "rules", changes)) == [
        "rules/questions.yaml:19:18: [error] 'yes' is not an answer to 'temperature'; remove the default (schema)"
    ]


@pytest.mark.parametrize(
    ("sites", "expected"),
    [
        ("missing", "the 'sites' folder is missing or holds no .yaml file; each site needs a file there"),
        ("a file", "'sites' is a file; it should be a folder holding one .yaml file per site"),
    ],
)
def test_a_book_without_a_sites_folder_says_so_at_it(tmp_path: Path, sites: str, expected: str) -> None:
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": None})
    if sites == "a file":
        (folder / "sites").write_text("bones\n", encoding="utf-8")
    assert problems_of(folder) == [
        "rules/primaries.yaml:4:20: [error] 'bones' is not a site of this rule book (schema)",
        f"rules/sites:1:1: [error] {expected} (schema)",
    ]


def test_a_choice_finding_without_choices_named_alone_gets_an_example_without_them(tmp_path: Path) -> None:
    findings = TINY["findings.yaml"].replace(
        "    choices:\n      - {value: none, text: Never}\n      - {value: current, text: Now}\n", ""
    )
    red_flags = TINY["red_flags.yaml"].replace("- cancer_history: [current]", "- cancer_history")
    book = write_book(tmp_path / "rules", {"findings.yaml": findings, "red_flags.yaml": red_flags})
    assert problems_of(book)[0] == (
        "rules/red_flags.yaml:6:11: [error] 'cancer_history' is a choice finding; name the choices that count,"
        " for example 'cancer_history: [...]' (schema)"
    )

"""A teacher's broken case is told every mistake at its place in one run (`demo --check`,
`demo NAME`, `rules check`, and /class in tests/test_web_class.py): its shape's and its
answers', its expected sites' and warning signs' too. Only answers that cannot be read wait,
and the teacher is told so."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.loader import load
from metasymptoms.core.scenarios import load_scenarios
from tests.helpers import write_book

GOOD = """\
title: Back pain and weak legs
learning_points: [Pressure on the spinal cord is an emergency.]
answers: {cancer_history: current, back_pain: yes, limb_weakness: yes}
expected: {urgency: emergency, sites: [bones], red_flags: [cord]}
"""

# Wrong in its shape (the urgency word, a key no case has) and in what it says of the book
# (a finding, a choice, a site and a warning sign the book does not have), all at once.
BROKEN = """\
title: Back pain and weak legs
learning_points: [Pressure on the spinal cord is an emergency.]
answers:
  cancer_history: currant
  bak_pain: yes
expected: {urgency: emergncy, sites: [bone], red_flags: [chord]}
notes: a key no case has
"""

EVERY_MISTAKE = [
    "cord.yaml:4:19: [error] 'currant' is not a choice of 'cancer_history' (did you mean 'current'?); "
    "its choices are none, current (schema)",
    "cord.yaml:5:3: [error] 'bak_pain' is not a finding (did you mean 'back_pain'?) (schema)",
    "cord.yaml:6:21: [error] 'urgency' must be one of 'emergency', 'urgent', 'soon' or 'routine', "
    "not 'emergncy' (did you mean 'emergency'?) (schema)",
    "cord.yaml:6:39: [error] 'bone' is not a site (did you mean 'bones'?) (schema)",
    "cord.yaml:6:58: [error] 'chord' is not a red flag (did you mean 'cord'?) (schema)",
    "cord.yaml:7:1: [error] 'notes' is not a key this file knows; the keys allowed here are: title, "
    "learning_points, answers, expected, teacher_notes, quiz (schema)",
]


def cases(tmp_path: Path, **texts: str) -> Path:
    return write_book(tmp_path / "rules", {f"scenarios/{name}.yaml": text for name, text in texts.items()})


def told(folder: Path, err: str) -> list[str]:
    return [line.replace(f"{folder}/scenarios/", "") for line in err.splitlines()]


def test_demo_check_tells_a_broken_case_every_mistake_at_once(tmp_path: Path, capsys) -> None:
    # The shape's mistakes were told first, and the answers' only once those were fixed.
    folder = cases(tmp_path, cord=BROKEN, good=GOOD)
    assert main(["demo", "--check", "--rules", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert told(folder, err) == EVERY_MISTAKE
    assert out == "1 of 2 scenarios agree with the rule book.\n"


def test_demo_name_tells_the_broken_case_every_mistake_at_once(tmp_path: Path, capsys) -> None:
    folder = cases(tmp_path, cord=BROKEN)
    with pytest.raises(SystemExit) as stop:
        main(["demo", "cord", "--rules", str(folder)])
    assert stop.value.code == 1
    assert told(folder, capsys.readouterr().err) == [
        *EVERY_MISTAKE,
        "6 problems in the rule files; nothing else was done.",
    ]


def test_a_wrong_site_alone_leaves_the_case_out_counted_once(tmp_path: Path, capsys) -> None:
    # It was told, and yet replayed and counted twice: "0 of 2 scenarios" for one case.
    folder = cases(tmp_path, cord=GOOD.replace("sites: [bones]", "sites: [bone]"))
    items, problems = load_scenarios(folder, load(folder).book)
    assert items == [] and [problem.message for problem in problems] == [
        "'bone' is not a site (did you mean 'bones'?)"
    ]
    assert main(["demo", "--check", "--rules", str(folder)]) == 1
    assert capsys.readouterr().out == "0 of 1 scenarios agree with the rule book.\n"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (  # answers that are not a mapping: the mistakes that can be found still are
            GOOD.replace(
                "{cancer_history: current, back_pain: yes, limb_weakness: yes}", "[back_pain]"
            ).replace("[bones]", "[bone]"),
            [
                "cord.yaml:3:10: [error] 'answers' should be a mapping of keys and values, not a list (schema)",
                "cord.yaml:3:10: [warning] the case's answers are not checked yet: they cannot be read until "
                "the mistakes told here are fixed (schema)",
                "cord.yaml:4:40: [error] 'bone' is not a site (did you mean 'bones'?) (schema)",
            ],
        ),
        (  # not YAML: nothing of it can be read
            GOOD.replace("limb_weakness: yes}", "limb_weakness: yes"),
            [
                "cord.yaml:1:1: [warning] the case's answers are not checked yet: they cannot be read until "
                "the mistakes told here are fixed (schema)",
                "cord.yaml:3:10: [error] this group of keys opened with { on line 3 is never closed with }; "
                "add } where the group of keys ends (yaml)",
            ],
        ),
    ],
)
def test_answers_that_cannot_be_read_are_said_to_wait(
    tmp_path: Path, text: str, said: list[str], capsys
) -> None:
    folder = cases(tmp_path, cord=text)
    assert main(["demo", "--check", "--rules", str(folder)]) == 1
    assert told(folder, capsys.readouterr().err) == said


def test_rules_check_tells_a_broken_case_every_mistake_at_once(tmp_path: Path, capsys) -> None:
    folder = cases(tmp_path, cord=BROKEN)
    assert main(["rules", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    for mistake in EVERY_MISTAKE:
        assert f"{folder}/scenarios/{mistake}\n" in out

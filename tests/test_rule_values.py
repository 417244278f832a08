"""Rule books that looked plausible and broke the tools: implies going round in a circle
(rules diff hung on one), numbers that are not finite (`at_least: .nan` silently switched an
emergency off, `.inf` gave exit 3), a country listed twice (which number a person is shown
was an accident) and links to anything but a web page. Each is a located error of the loader,
so `rules check` reports it and every command that loads the book refuses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TINY, problems_of, write_book
from tests.test_hostile import run

NUMBER = """\
  - id: temperature
    label: your temperature
    type: number
    unit: celsius
    minimum: 30
    maximum: 44
"""
FINDINGS = TINY["findings.yaml"]
WITH_NUMBER = FINDINGS + NUMBER
FLAGS = TINY["red_flags.yaml"]

# name: ({file: new text}, the one error line `rules check` gives, written with BOOK)
CASES = {
    "two findings implying each other": (
        {
            "findings.yaml": FINDINGS.replace(
                "label: new back pain", "label: new back pain\n    implies: limb_weakness"
            ).replace("label: weak legs", "label: weak legs\n    implies: back_pain")
        },
        "BOOK/findings.yaml:11:14: [error] 'back_pain' implies 'limb_weakness', which implies 'back_pain': "
        "the implies go round in a circle, so no answer can settle them; remove one of them (schema)",
    ),
    "a circle of three, reached from outside it": (
        {
            "findings.yaml": FINDINGS.replace("label: your history", "label: your history")
            .replace("label: new back pain", "label: new back pain\n    implies: jaundice")
            .replace("label: weak legs", "label: weak legs\n    implies: back_pain")
            .replace("label: yellow skin", "label: yellow skin\n    implies: limb_weakness")
        },
        "BOOK/findings.yaml:11:14: [error] 'back_pain' implies 'jaundice', which implies 'limb_weakness', "
        "which implies 'back_pain': the implies go round in a circle, so no answer can settle them; "
        "remove one of them (schema)",
    ),
    "a circle of two, entered from a finding before it": (
        {
            "findings.yaml": FINDINGS.replace(
                "label: new back pain", "label: new back pain\n    implies: jaundice"
            )
            .replace("label: weak legs", "label: weak legs\n    implies: jaundice")
            .replace("label: yellow skin", "label: yellow skin\n    implies: limb_weakness")
        },
        "BOOK/findings.yaml:14:14: [error] 'limb_weakness' implies 'jaundice', which implies 'limb_weakness': "
        "the implies go round in a circle, so no answer can settle them; remove one of them (schema)",
    ),
    "a minimum that is not a number": (
        {"findings.yaml": WITH_NUMBER.replace("minimum: 30", "minimum: .nan")},
        "BOOK/findings.yaml:19:14: [error] 'nan' is not a number a rule can use; write a finite number, "
        "such as 37.5 (schema)",
    ),
    "implies_from infinity": (
        {
            "findings.yaml": WITH_NUMBER.replace(
                "label: your temperature",
                "label: your temperature\n    implies: back_pain\n    implies_from: .inf",
            )
        },
        "BOOK/findings.yaml:18:19: [error] 'inf' is not a number a rule can use; write a finite number, "
        "such as 37.5 (schema)",
    ),
    "an emergency switched off by at_least: .nan": (
        {
            "findings.yaml": WITH_NUMBER,
            "red_flags.yaml": FLAGS.replace("- limb_weakness", "- temperature: {at_least: .nan}"),
        },
        "BOOK/red_flags.yaml:8:35: [error] 'nan' is not a number a rule can use; write a finite number, "
        "such as 37.5 (schema)",
    ),
    "a country listed twice": (
        {
            "guidance.yaml": TINY["guidance.yaml"].replace(
                '    - {country: GB, number: "999", name: United Kingdom}\n',
                '    - {country: GB, number: "999", name: United Kingdom}\n'
                "    - {country: GB, number: '1', name: Great Britain}\n",
            )
        },
        "BOOK/guidance.yaml:32:17: [error] the country 'GB' is listed twice (first at BOOK/guidance.yaml:31:17); "
        "keep one emergency number per country (schema)",
    ),
    "a javascript link in a title": (
        {"red_flags.yaml": FLAGS.replace("title: Cord pressure", "title: '[click](javascript:alert(1))'")},
        "BOOK/red_flags.yaml:3:12: [error] the link 'javascript:alert(1' is not a web address; a rule file "
        "links only to pages starting with https:// (or http://) (schema)",
    ),
    "a data address in angle brackets": (
        {
            "sites/bones.yaml": TINY["sites/bones.yaml"].replace(
                "about: The skeleton.", "about: See <data:text/html,x>"
            )
        },
        "BOOK/sites/bones.yaml:3:8: [error] the link 'data:text/html,x' is not a web address; a rule file "
        "links only to pages starting with https:// (or http://) (schema)",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rules_check_locates_it(tmp_path: Path, case: str) -> None:
    changes, expected = CASES[case]
    book = write_book(tmp_path / "rules", changes)
    code, out, _ = run(["rules", "check", str(book)])
    assert code == 1
    assert out.splitlines()[0] == expected.replace("BOOK", str(book))


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["ask", "verify", "diff", "export"])
def test_every_command_refuses_it(tmp_path: Path, case: str, command: str) -> None:
    book = write_book(tmp_path / "rules", CASES[case][0])
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: current\nback_pain: yes\n")
    argv = {
        "ask": ["ask", "--rules", str(book), "--answers", str(answers)],
        "verify": ["rules", "verify", str(book)],
        "diff": ["rules", "diff", str(write_book(tmp_path / "old")), str(book)],
        "export": ["rules", "export", "--rules", str(book), "--format", "html"],
    }[command]
    code, out, err = run(argv)
    assert code == 1
    assert CASES[case][1].replace("BOOK", str(book)) in (out + err).splitlines()


def test_a_web_link_and_plain_colons_are_fine(tmp_path: Path) -> None:
    about = "about: 'Time: 12:30. See [the page](https://example.org/a) or <http://example.org/b>.'"
    book = write_book(
        tmp_path / "rules",
        {"sites/bones.yaml": TINY["sites/bones.yaml"].replace("about: The skeleton.", about)},
    )
    code, out, _ = run(["rules", "check", str(book)])
    assert code == 0, out


@pytest.mark.parametrize(
    ("address", "refused"),
    [("page.html", True), ("#cord", False), ("/about", False)],
    ids=["a page named without its address", "a place on the same page", "a page of the same site"],
)
def test_a_link_without_a_colon_is_checked_too(tmp_path: Path, address: str, refused: bool) -> None:
    about = f"about: 'See [the page]({address}).'"
    book = write_book(
        tmp_path / "rules",
        {"sites/bones.yaml": TINY["sites/bones.yaml"].replace("about: The skeleton.", about)},
    )
    assert problems_of(book) == (
        [
            f"rules/sites/bones.yaml:3:8: [error] the link '{address}' is not a web address; a rule file "
            "links only to pages starting with https:// (or http://) (schema)"
        ]
        if refused
        else []
    )


def test_every_refused_link_is_reported_its_address_cut_short(tmp_path: Path) -> None:
    long = "javascript:" + "a" * 50
    flags = FLAGS.replace("title: Cord pressure", f"title: '[click]({long})'").replace(
        "advice: Call your local emergency number now.", "advice: 'Call [us](vbscript:x) now.'"
    )
    refused = (
        "is not a web address; a rule file links only to pages starting with https:// (or http://) (schema)"
    )
    assert problems_of(write_book(tmp_path / "rules", {"red_flags.yaml": flags})) == [
        f"rules/red_flags.yaml:3:12: [error] the link '{long[:40]}' {refused}",
        f"rules/red_flags.yaml:10:13: [error] the link 'vbscript:x' {refused}",
    ]


def test_a_file_holding_a_refused_value_still_has_its_unknown_source_told(tmp_path: Path) -> None:
    """The names one file gives of another are checked on every file as written: its unknown
    source is told in the same run as its refused value (it waited for the next run)."""
    flags = FLAGS.replace("title: Cord pressure", "title: '[click](javascript:alert(1))'")
    book = write_book(
        tmp_path / "rules", {"red_flags.yaml": flags.replace("sources: [SRC-A]", "sources: [SRC-B]")}
    )
    assert problems_of(book) == [
        "rules/red_flags.yaml:3:12: [error] the link 'javascript:alert(1' is not a web address; a rule file "
        "links only to pages starting with https:// (or http://) (schema)",
        "rules/red_flags.yaml:11:15: [error] the source 'SRC-B' is not in sources.yaml (did you mean 'SRC-A'?) (schema)",
    ]


@pytest.mark.parametrize("typed", ["", "  "])
def test_an_empty_country_is_refused(typed: str) -> None:
    code, out, err = run(["ask", "--country", typed, "--answers", "/dev/null"])
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        "metasymptoms ask: error: argument --country: give a two-letter country code, such as GB, US or AU"
    )

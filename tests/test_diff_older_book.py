"""`rules diff` between an older rule book and today's, when this program has since moved a
sentence into guidance.yaml (or stopped reading one): the older book is read with those
texts made the newer book's, in a copy, and a note names each; the older folder is never
written to, and a real problem of the older book is still reported where it stands."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir

RULES = default_rules_dir()
STATUS = (
    "  rule_book_status:\n"
    '    draft_no_version: "Draft rule book, no version given: not yet signed off by a clinician."\n'
    '    draft: "Draft rule book, version {version}: not yet signed off by a clinician."\n'
    '    signed_off: "Rule book version {version}, signed off by {signer} ({role}) on {date}."\n'
)
RESULT = '  result:\n    title: "metasymptoms: what your answers point to"\n'


def older_book(tmp_path: Path) -> Path:
    """The shipped book as it was before `rule_book_status` moved into guidance.yaml, with
    a text (`result.your_summary`) this program no longer reads."""
    old = tmp_path / "old"
    shutil.copytree(RULES, old)
    guidance = old / "guidance.yaml"
    text = guidance.read_text()
    assert text.count(STATUS) == 1 and text.count(RESULT) == 1
    text = text.replace(STATUS, "").replace(RESULT, RESULT + "    your_summary: Your summary\n")
    guidance.write_text(text)
    return old


def test_an_older_book_lacking_a_text_this_program_reads_is_compared(tmp_path: Path, capsys) -> None:
    old = older_book(tmp_path)
    before = (old / "guidance.yaml").read_bytes()
    assert main(["rules", "diff", str(old), str(RULES)]) == 0
    out, err = capsys.readouterr()
    assert err == (
        "note: to read the older rule book with this program, 2 text(s) of its guidance.yaml were "
        "made the newer book's (wording.result.your_summary, wording.rule_book_status: added where "
        "it lacked them, left out where this program no longer reads them); they are not reported "
        "as changed\n"
    )
    assert out.replace(str(old), "OLD").replace(str(RULES), "NEW") == (
        "What changed for a person, from OLD to NEW:\n"
        "  both books: Draft rule book, version 0.1: not yet signed off by a clinician.\n\n"
        "What was edited: no rule, finding, question or wording a person reads.\n\n"
        "No answers give a different urgency, red flag or site.\n\n"
        "No urgency is lowered without a declared reason.\n"
    )
    assert (old / "guidance.yaml").read_bytes() == before  # the copy was changed, never the folder


def test_a_real_problem_of_the_older_book_is_reported_where_it_stands(tmp_path: Path, capsys) -> None:
    old = older_book(tmp_path)
    flags = old / "red_flags.yaml"
    text = flags.read_text()
    assert text.count("    urgency: emergency\n") > 1
    flags.write_text(text.replace("    urgency: emergency\n", "    urgency: soonish\n", 1))
    line = next(n for n, row in enumerate(flags.read_text().splitlines(), 1) if "soonish" in row)
    with pytest.raises(SystemExit) as stopped:
        main(["rules", "diff", str(old), str(RULES)])
    assert stopped.value.code == 2  # 1 is the diff's refusal of an undeclared lowering
    err = capsys.readouterr().err
    assert f"{flags}:{line}:14: [error] 'urgency' must be one of" in err  # the folder's, not its copy's
    assert f"{old / 'guidance.yaml'}:" in err  # its own missing text, as it stands
    assert "older-book" not in err

"""One registry holds every check `rules check` reports, the loader's own included (yamllint's
rules are one module each, found in one dict): each is explained by `rules check --explain
ID`, and the legend under a report explains each name it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.checks import schema, unknown_file, yaml_syntax
from metasymptoms.reviewing.checks import BOOK_CHECKS, CHECKS, scenario_outcome
from tests.helpers import TINY, write_book


def test_the_loaders_checks_are_in_the_one_registry() -> None:
    loaders = {module.ID for module in (yaml_syntax, schema, unknown_file, scenario_outcome)}
    assert loaders == {"yaml", "schema", "unknown-file", "scenario-outcome"}
    assert set(CHECKS) == loaders | {module.ID for module in BOOK_CHECKS}
    assert all(check_id == CHECKS[check_id].ID for check_id in CHECKS)


@pytest.mark.parametrize("check_id", sorted(CHECKS))
def test_every_check_is_explained(check_id: str, capsys) -> None:
    module = CHECKS[check_id]
    assert main(["rules", "check", "--explain", check_id]) == 0
    assert capsys.readouterr().out == f"{(module.__doc__ or '').strip()}\n\nLevel: {module.LEVEL}\n"


def test_the_unknown_file_check_is_explained_and_named_in_the_legend(tmp_path: Path, capsys) -> None:
    """It was reported but had no documentation: `--explain unknown-file` said there is no
    such check, and the legend under the report left it out."""
    assert main(["rules", "check", "--explain", "unknown-file"]) == 0
    assert capsys.readouterr().out.startswith(
        "unknown-file: a YAML file in the rules folder that is not part of the rule book.\n"
    )
    folder = write_book(tmp_path / "rules", {"red_flag.yaml": "x: 1\n"})
    main(["rules", "check", str(folder)])
    lines = capsys.readouterr().out.splitlines()
    assert (
        f"{folder}/red_flag.yaml:1:1: [warning] this file is not part of the rule book and is ignored "
        "(did you mean 'red_flags.yaml'?) (unknown-file)"
    ) in lines
    assert "  (unknown-file) a YAML file in the rules folder that is not part of the rule book." in lines


def test_a_check_that_is_not_there_is_a_usage_error_naming_them_all(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["rules", "check", "--explain", "unknown-files"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        "metasymptoms: there is no check 'unknown-files' (did you mean 'unknown-file'?); the checks are: "
        f"{', '.join(sorted(CHECKS))}\n"
    )


def test_the_loaders_problems_carry_their_checks_ids(tmp_path: Path, capsys) -> None:
    broken = TINY["primaries.yaml"] + "x: [\n"
    folder = write_book(tmp_path / "rules", {"primaries.yaml": broken, "findings.yaml": None})
    assert main(["rules", "check", str(folder), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert [(problem["file"], problem["check"]) for problem in problems] == [
        (str(folder / "findings.yaml"), "schema"),
        (str(folder / "primaries.yaml"), "yaml"),
    ]

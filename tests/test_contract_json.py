"""The JSON example in docs/contract.md names the keys `ask --format json` writes, no more and no
fewer: a key the contract promises must be written, and a key withdrawn must leave the example."""

import json
from pathlib import Path

from metasymptoms.cli import main

CONTRACT = Path(__file__).parent.parent / "docs" / "contract.md"


def documented_keys() -> set[str]:
    text = CONTRACT.read_text(encoding="utf-8")
    after = text.split("One JSON object on the standard output", 1)[1]
    block = after.split("```json\n", 1)[1].split("```", 1)[0]
    return set(json.loads(block))


def test_the_contracts_json_example_has_the_keys_ask_writes(tmp_path: Path, capsys) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\nbone_pain: yes\n", encoding="utf-8")
    assert main(["ask", "--answers", str(answers), "--format", "json"]) == 0
    written = set(json.loads(capsys.readouterr().out))
    assert written == documented_keys()
    assert "sources_not_shown" not in written  # withdrawn: it hinted at pages held back

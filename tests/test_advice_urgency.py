"""advice-urgency: a red flag's advice agrees with its urgency (rules check)."""

from __future__ import annotations

import shutil
from pathlib import Path

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from tests.helpers import TINY, relevelled, write_book


def _lowered_copy(tmp_path: Path, flag: str, urgency: str) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), copy)
    return relevelled(copy, flag, "emergency", urgency)


def test_the_shipped_advice_agrees_with_its_urgency(capsys) -> None:
    main(["rules", "check", str(default_rules_dir())])
    assert "(advice-urgency)" not in capsys.readouterr().out


def test_an_emergency_lowered_with_its_advice_unchanged_is_an_error(tmp_path: Path, capsys) -> None:
    # Lowered to urgent: a person read "URGENT: GET HELP TODAY" above "call the emergency number now".
    copy = _lowered_copy(tmp_path, "spinal_cord_compression", "urgent")
    assert main(["rules", "check", str(copy)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.endswith("(advice-urgency)")]
    text = (copy / "red_flags.yaml").read_text().splitlines()
    start = text.index("  - id: spinal_cord_compression")
    row = next(n for n in range(start, len(text)) if text[n].strip().startswith("advice:")) + 1
    assert len(lines) == 1
    assert lines[0].startswith(f"{copy}/red_flags.yaml:{row}:")
    assert "[error] the advice of 'spinal_cord_compression' sends the person to emergency help ('" in lines[0]
    assert (
        "but its urgency is urgent; make the urgency emergency, or say when emergency help is needed"
        in lines[0]
    )


def test_an_emergency_whose_advice_names_no_emergency_help_is_an_error(tmp_path: Path, capsys) -> None:
    folder = write_book(
        tmp_path / "rules",
        {
            "red_flags.yaml": TINY["red_flags.yaml"].replace(
                "Call your local emergency number now.", "Rest and see."
            )
        },
    )
    assert main(["rules", "check", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        "[error] 'cord' is an emergency but its advice does not send the person to emergency help; "
        "name the emergency number, an emergency department or an ambulance (advice-urgency)"
    ) in out


def test_emergency_help_for_a_worse_turn_passes_at_any_level(tmp_path: Path, capsys) -> None:
    red_flags = (
        TINY["red_flags.yaml"]
        .replace("urgency: emergency", "urgency: urgent")
        .replace(
            "Call your local emergency number now.",
            "Call your care team today. If your legs get weaker, call your local emergency number.",
        )
    )
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": red_flags})
    main(["rules", "check", str(folder)])
    assert "(advice-urgency)" not in capsys.readouterr().out


def test_explain_gives_the_check_its_examples(capsys) -> None:
    assert main(["rules", "check", "--explain", "advice-urgency"]) == 0
    out = capsys.readouterr().out
    assert "PASS:" in out and "FAIL:" in out and "If you" in out


def test_verify_does_not_say_proved_over_advice_that_contradicts_the_urgency(tmp_path: Path, capsys) -> None:
    # A new user ran only `rules verify` on this edit and read six "ok" lines and "Proved".
    copy = _lowered_copy(tmp_path, "spinal_cord_compression", "urgent")
    assert main(["rules", "verify", str(copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    failing = [line for line in out if line.startswith("  FAIL  advice-urgency: ")]
    assert len(failing) == 1
    assert failing[0].startswith(f"  FAIL  advice-urgency: {copy}/red_flags.yaml:")
    assert "the advice of 'spinal_cord_compression' sends the person to emergency help" in failing[0]
    assert out[-1].startswith("1 failure(s), found in ")


def test_verify_proves_it_beside_the_other_properties(book: RuleBook, capsys) -> None:
    # A property of `rules verify` (proofs.py) like the others: said when it holds, and a
    # control the hazard log may name as `verify: advice-urgency`.
    from metasymptoms.reviewing.proofs import proofs

    assert "advice-urgency" in proofs()
    assert main(["rules", "verify", str(default_rules_dir())]) == 0
    out = capsys.readouterr().out.splitlines()
    ok = [line for line in out if line.startswith("  ok    ")]
    # Every red flag of the book, the combinations included, is proved.
    assert ok[-1] == f"  ok    every red flag's advice agrees with its urgency ({len(book.red_flags)})"
    assert len(book.red_flags) >= 64
    assert out[-1].startswith("Proved in ")


def test_the_hazard_log_reads_the_property_at_its_place(tmp_path: Path) -> None:
    from metasymptoms.core.loader import load
    from metasymptoms.reviewing.hazards import control_results, load_log

    copy = _lowered_copy(tmp_path, "spinal_cord_compression", "urgent")
    hazards = (copy / "hazards.yaml").read_text()
    (copy / "hazards.yaml").write_text(
        hazards.replace("      - check: advice-urgency\n", "      - verify: advice-urgency\n", 1)
    )
    loaded = load(copy)
    log, problems = load_log(copy)
    assert problems == [] and log is not None
    results = control_results(loaded, log.log)
    assert results["verify", "advice-urgency"] == "FAILS (1 counterexample)"

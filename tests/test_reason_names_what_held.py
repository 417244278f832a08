"""A warning sign's reason names only what made it hold: with treatment "Yes", the sign on
treatment (`any: [recent_treatment, central_line]`) holds for certain, and a central line
left at "I'm not sure" is no part of why. A new user's trial read "... and you were not sure
about a central line, PICC line or port, so the safer reading is used", as if the emergency
rested partly on a guess. Walked as persona (b) did, with --plain, at 60 and 80 columns (the
program in the test's process, reading each question as a person would: no terminal is
under test)."""

from __future__ import annotations

import pytest

from tests.helpers import run_main


def answer_for(screen: str) -> str:
    """What persona (b) types at the question last on screen: cancer now, treatment yes,
    Enter ("I'm not sure") at each kind of treatment, 38,1 measured, then the result."""
    screen = " ".join(screen.split())  # as wrapped at any width
    if "ever told you that you have or had cancer" in screen:
        return "2"
    if "have you had any cancer treatment" in screen:
        return "2"
    if "highest reading" in screen:
        return "38,1"
    if "see the rest of your result" in screen:
        return "2"
    return ""


@pytest.mark.parametrize("columns", [60, 80])
def test_the_reason_leaves_out_an_unsure_answer_it_did_not_need(columns: int) -> None:
    walked = run_main(
        "ask", "--plain", stdin=lambda screen: answer_for(screen[-600:]), env={"COLUMNS": str(columns)}
    )
    assert walked.returncode == 0, walked.stderr
    words = " ".join(walked.stdout.split())
    reasons = words[words.index("Why these warning signs") :]
    sign = "A fever, a low temperature or feeling unwell during cancer treatment or on steroids: "
    reason = reasons[reasons.index(sign) + len(sign) :].split(" - ")[0]
    assert reason == (
        "Because you reported cancer treatment or steroid tablets in the last 6 weeks, and your answers "
        "show a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery (from your "
        "measured temperature: 38.1 °C (100.6 °F))."
    )

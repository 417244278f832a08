"""A warning sign's reason names only what made it hold: with treatment "Yes", the sign on
treatment (`any: [recent_treatment, central_line]`) holds for certain, and a central line
left at "I'm not sure" is no part of why. A new user's trial read "... and you were not sure
about a central line, PICC line or port, so the safer reading is used", as if the emergency
rested partly on a guess. Walked as persona (b) did, in a real terminal with --plain."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.helpers import spawn_metasymptoms

pytestmark = pytest.mark.terminal


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
def test_the_reason_leaves_out_an_unsure_answer_it_did_not_need(tmp_path: Path, columns: int) -> None:
    child = spawn_metasymptoms(tmp_path, "ask", "--plain", rows=20 if columns == 60 else 24, columns=columns)
    seen: list[str] = []
    for _ in range(80):
        if child.expect([r"> $", pexpect.EOF]) == 1:
            break
        seen.append(child.before)
        child.sendline(answer_for(child.before[-600:]))
    seen.append(child.before)
    child.close()
    words = " ".join("".join(seen).split())
    reasons = words[words.index("Why these warning signs") :]
    sign = "A fever, a low temperature or feeling unwell during cancer treatment or on steroids: "
    reason = reasons[reasons.index(sign) + len(sign) :].split(" - ")[0]
    assert reason == (
        "Because you reported cancer treatment or steroid tablets in the last 6 weeks, and your answers "
        "show a temperature of 37.5 °C (99.5 °F) or higher, or feeling hot and shivery (from your "
        "measured temperature: 38.1 °C (100.6 °F))."
    )

"""The properties `rules verify` proves, by id: what each claims, and the function that
looks for counterexamples. The hazard log (hazards.yaml) names its controls by these ids."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metasymptoms.core.model import RuleBook

if TYPE_CHECKING:
    from metasymptoms.reviewing.verify import Failure


@dataclass(frozen=True)
class Proof:
    id: str
    claim: Callable[[RuleBook], str]  # the sentence shown when it holds
    failures: Callable[[RuleBook], Iterator[Failure]]  # for each counterexample


def proofs() -> dict[str, Proof]:
    from metasymptoms.reviewing import downgrade, verify

    def count(book: RuleBook, what: str) -> int:
        if what == "emergencies":
            return sum(1 for flag in book.red_flags if flag.urgency.value == "emergency")
        if what == "gated":
            return sum(1 for question in book.questions if question.ask_if is not None)
        return len(book.red_flags)

    listed = [
        Proof(
            "provider-advice",
            lambda book: (
                "every ending sends the person to a healthcare provider and lists the emergency signs"
            ),
            verify.provider_advice_failures,
        ),
        Proof(
            "unreachable-red-flag",
            lambda book: f"every red flag can be reached by some answers ({count(book, 'flags')})",
            verify.unreachable_red_flags,
        ),
        Proof(
            "hidden-red-flag",
            lambda book: f"no skip logic hides a red flag whose condition holds ({count(book, 'flags')})",
            verify.hidden_red_flags,
        ),
        Proof(
            "emergency-interrupt",
            lambda book: (
                f"every emergency's advice is shown before the next question ({count(book, 'emergencies')})"
            ),
            verify.interrupt_failures,
        ),
        Proof(
            "impossible-ask-if",
            lambda book: f"every question with an ask_if can be asked ({count(book, 'gated')})",
            verify.unreachable_questions,
        ),
        Proof(
            "no-silent-downgrade",
            lambda book: "reporting one more finding never lowers the urgency" + _exceptions(book),
            downgrade.downgrade_failures,
        ),
    ]
    return {proof.id: proof for proof in listed}


def _exceptions(book: RuleBook) -> str:
    declared = [entry.finding for entry in book.info.lowers_urgency_when_reported] if book.info else []
    return f" (declared exceptions: {', '.join(declared)})" if declared else ""

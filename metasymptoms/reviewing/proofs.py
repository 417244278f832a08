"""The properties `rules verify` proves, by id: what each claims, and the function that
looks for counterexamples. The hazard log (hazards.yaml) names its controls by these ids.

Each reads the loaded book, so that a property about what a file says (advice-urgency) can
name the place it says it, as `rules check` does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from metasymptoms.core.model import RuleBook

if TYPE_CHECKING:
    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.reviewing.verify import Failure

Failures = Callable[["LoadedBook"], "Iterator[Failure]"]


@dataclass(frozen=True)
class Proof:
    id: str
    claim: Callable[[RuleBook], str]  # the sentence shown when it holds
    failures: Failures  # for each counterexample


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
            _of_book(verify.provider_advice_failures),
        ),
        Proof(
            "unreachable-red-flag",
            lambda book: f"every red flag can be reached by some answers ({count(book, 'flags')})",
            _of_book(verify.unreachable_red_flags),
        ),
        Proof(
            "hidden-red-flag",
            lambda book: f"no skip logic hides a red flag whose condition holds ({count(book, 'flags')})",
            _of_book(verify.hidden_red_flags),
        ),
        Proof(
            "emergency-interrupt",
            lambda book: (
                f"every emergency's advice is shown before the next question ({count(book, 'emergencies')})"
            ),
            _of_book(verify.interrupt_failures),
        ),
        Proof(
            "impossible-ask-if",
            lambda book: f"every question with an ask_if can be asked ({count(book, 'gated')})",
            _of_book(verify.unreachable_questions),
        ),
        Proof(
            "no-silent-downgrade",
            lambda book: "reporting one more finding never lowers the urgency" + _exceptions(book),
            _of_book(downgrade.downgrade_failures),
        ),
        # A reviewer who runs only verify must not read "Proved" over an urgency its own
        # advice contradicts (a new user lowered a flag whose advice still said to call the
        # emergency number). The same reading as `rules check`'s advice-urgency, located alike.
        Proof(
            "advice-urgency",
            lambda book: f"every red flag's advice agrees with its urgency ({count(book, 'flags')})",
            advice_urgency_failures,
        ),
    ]
    return {proof.id: proof for proof in listed}


def _of_book(failures: Callable[[RuleBook], Iterator[Failure]]) -> Failures:
    """A property of the book alone, read from the loaded book."""
    return lambda loaded: failures(loaded.book)


def advice_urgency_failures(loaded: LoadedBook) -> Iterator[Failure]:
    """Each red flag whose advice disagrees with its urgency, at the place of its advice."""
    from metasymptoms.reviewing.checks.advice_urgency import disagreements
    from metasymptoms.reviewing.verify import Failure

    for flag_id, message in disagreements(loaded.book):
        where = loaded.at("red_flag", flag_id, "advice")
        yield Failure("advice-urgency", flag_id, f"{where}: {message}")


def _exceptions(book: RuleBook) -> str:
    declared = [entry.finding for entry in book.info.lowers_urgency_when_reported] if book.info else []
    return f" (declared exceptions: {', '.join(declared)})" if declared else ""

"""The rule book's own record (book.yaml): version, status, sign-offs, declared changes."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, with_config

from metasymptoms.core.condition_parser import ConditionField
from metasymptoms.core.model_base import FORBID_EXTRA, Id, Text, Urgency

CanonicalUrl = Annotated[
    str, Field(min_length=1, max_length=2000, pattern=r"^https?://[^\s/|#]+\.[^\s/|#]+(/[^\s|#]*)?$")
]
Version = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]*$")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class SignOff:
    """A clinician's sign-off of one version of the rule book, as it happened."""

    name: Text
    role: Text
    date: datetime.date
    version: Version


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class DeclaredChange:
    """A lowered urgency the authors meant, with their reason: `rules diff` lets it pass."""

    when: ConditionField  # the answers the change applies to
    was: Urgency
    now: Urgency
    reason: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class LowersUrgency:
    """A finding whose report may lower the urgency (e.g. a recent infection explains a
    swollen gland), with the reason: `rules verify` lets it pass."""

    finding: Id
    reason: Text


# A git revision as book.yaml names one: no spaces, and never a leading "-" (git would read
# it as an option).
GitRevision = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\s-]\S*$")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ReleasedBook:
    """The last released rule book, which the hazard log's `diff: released_book` control
    compares this one with (`rules diff`): exactly one of a git revision of the repository
    holding this folder, or a folder (relative to this one)."""

    git: GitRevision | None = None
    folder: Annotated[str, Field(min_length=1, max_length=1000)] | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class BookInfo:
    """book.yaml: what the rule book is, its version, and who has signed it off."""

    name: Text
    version: Version
    status: Literal["draft", "approved"]
    intended_purpose: Text
    # The address that names this rule book's questions as a FHIR Questionnaire (`rules export
    # --format fhir-r4`); without it, one under metasymptoms.invalid, which never resolves.
    url: CanonicalUrl | None = None
    sign_offs: tuple[SignOff, ...] = ()
    declared_changes: tuple[DeclaredChange, ...] = ()
    lowers_urgency_when_reported: tuple[LowersUrgency, ...] = ()
    # Absent until a version has been released: the hazard log then says its control was not run.
    released_book: ReleasedBook | None = None
    # The emergency number every sentence holding {emergency_number} gives: `anywhere` (every
    # common number, guidance.yaml's `emergency_numbers.anywhere`) or a country's code from
    # that table. A person's own country (`ask --country`) comes before it.
    emergency_number: Annotated[str, Field(pattern=r"^(anywhere|[A-Z]{2})$")] = "anywhere"

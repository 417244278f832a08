"""The web pages' own words (guidance.yaml `wording.pages`): what the served pages of the
guided questions say around the questions, the emergency card and the result; and what
`serve` says to whoever starts it (`wording.serve`). Every sentence is written there, none
here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, with_config

from metasymptoms.core.model_base import FORBID_EXTRA, TEXT, Text, holding


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Notice:
    """A page that only tells the person something: its heading (also its title), what it
    says, and the button that starts again, where it has one."""

    heading: Text
    paragraphs: Annotated[tuple[Text, ...], Field(min_length=1)]
    button: Text | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class StartPage:
    title: Text
    heading: Text
    in_an_emergency: Text  # above the emergency line
    how_it_works: Text
    steps: Annotated[tuple[Text, ...], Field(min_length=1)]
    button: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class QuestionPage:
    error_title: Annotated[str, TEXT, holding("question")]  # the page's title after a refused answer
    problem: Text  # the error summary's heading
    error: Text  # read out before the error message
    section_of: Annotated[str, TEXT, holding("position", "count")]  # after the section's title
    choose: Text  # nothing was chosen
    select_all: Text  # "which of these": tick several, or one answer that goes alone
    divider: Text  # between the boxes and the answers that go alone
    why: Text  # opens the reasons a question is asked
    button: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class CheckPage:
    title: Text
    title_in_emergency: Text  # with the emergency card standing above the answers
    intro: Text
    change: Text
    your_answer_to: Annotated[str, TEXT, holding("question")]  # read out after `change`
    button: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class EmergencyPage:
    title: Annotated[str, TEXT, holding("title")]  # the page's title: the warning sign's name
    heading: Text  # the card's heading
    read_out: Text  # read out before the heading, which alone does not say "emergency"


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ResultPage:
    heading: Text
    save: Text  # above the summary's downloads
    save_intro: Text
    save_intro_in_emergency: Text  # for the people who see the person now, not an appointment
    download_html: Text
    download_markdown: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class RulesPage:
    """/rules around what `rules check` reports (its messages and count are for the book's
    authors, and stay theirs): said in the words of the book the server started with, which
    loads, even while the files on disk do not."""

    broken: Notice  # the page while the book's files do not load, above their problems
    checked: Annotated[str, TEXT, holding("tally")]  # above the problems: `rules check`'s count
    no_problems: Text  # where it found none
    made_again: Text  # how to see an edit


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class PagesWording:
    """The served pages' words: the parts every page has, then each page's own."""

    site_tagline: Text  # beside the tool's name in the header
    skip_link: Text
    back: Text
    back_to_check: Text  # Back, while changing an answer
    back_hint: Text  # Back, not the browser's back button
    educational_only: Text  # the footer's first words
    not_stored: Text
    for_teachers: Text
    the_lessons: Text
    for_reviewers: Text
    the_rule_book: Text
    go_to_start: Text
    start: StartPage
    question: QuestionPage
    check: CheckPage
    emergency: EmergencyPage
    result: ResultPage
    answers_gone: Notice  # a question page opened again, with no answers sent
    bad_form: Notice
    not_found: Notice
    rules: RulesPage  # /rules, for a reviewer


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ServeWording:
    """What `serve` tells the teacher or whoever starts it, and what a browser is told when it
    reaches the server by a name the server does not answer to (web/hosts.py)."""

    at: Annotated[str, TEXT, holding("address")]  # the one address to open
    at_one_of: Text  # a class's addresses follow, one a line
    on_every_network: Annotated[str, TEXT, holding("port")]  # no address of its own was found
    network_warning: Annotated[str, TEXT, holding("host")]  # listening beyond this computer
    refused: Annotated[str, TEXT, holding("host")]  # a name it does not know, and why

"""What a class reads (guidance.yaml `wording.teaching`): the replay of a teaching case, its
lesson on the page and in the terminal, and its quiz. teaching/ puts them together; every
sentence is written in the rule book, none here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, with_config

from metasymptoms.core.model_base import FORBID_EXTRA, TEXT, Text, holding


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ThirdPerson:
    """Words to a person, and the same said of the person in a case: "your" -> "their"."""

    to_the_person: Text
    of_the_person: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ReplayWording:
    """The replay of a teaching case (`demo NAME`): each section, what starts to hold and
    why, the result and how it was reached, and what would change it."""

    scenario: Annotated[str, TEXT, holding("scenario")]
    learning_point: Annotated[str, TEXT, holding("point")]
    teacher_notes: Text
    section: Annotated[str, TEXT, holding("section")]
    skipped: Annotated[str, TEXT, holding("question")]
    not_asked: Annotated[str, TEXT, holding("condition")]
    sign_applies: Annotated[str, TEXT, holding("title", "level")]
    rule_applies: Annotated[str, TEXT, holding("site")]
    questions_stop: Text
    result_heading: Text
    how_soon: Annotated[str, TEXT, holding("level")]
    highest: Annotated[str, TEXT, holding("reasons")]
    sign_counts: Annotated[str, TEXT, holding("title", "level")]
    rule_counts: Annotated[str, TEXT, holding("site", "level")]
    nothing_raises: Annotated[str, TEXT, holding("level")]
    no_sites: Text
    site: Annotated[str, TEXT, holding("site")]
    site_rule: Annotated[str, TEXT, holding("site", "condition")]
    spreads_to: Annotated[str, TEXT, holding("cancer", "sites")]
    person_told: Annotated[str, TEXT, holding("advice")]
    changes: Text
    no_change: Text
    had_reported: Annotated[str, TEXT, holding("finding")]
    had_not_reported: Annotated[str, TEXT, holding("finding")]
    had_answered: Annotated[str, TEXT, holding("answer", "question")]
    would_say: Annotated[str, TEXT, holding("level", "was")]
    would_still_say: Annotated[str, TEXT, holding("level")]
    then_and: Text
    then_but: Text
    names_instead: Annotated[str, TEXT, holding("sites", "was")]
    names_no_site: Annotated[str, TEXT, holding("was")]
    names_where_none: Annotated[str, TEXT, holding("sites")]
    no_site: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class LessonWording:
    """A lesson, one step at a time, on the lesson page and in the terminal, and the lesson
    pages' own words."""

    step: Annotated[str, TEXT, holding("position", "count")]
    title: Text
    about: Text
    case: Text
    predict: Annotated[str, TEXT, holding("question")]
    quiet: Text
    nothing_held: Text
    full_replay: Annotated[str, TEXT, holding("command")]
    closing: Text
    the_answer: Annotated[str, TEXT, holding("answer")]
    more_changes: Annotated[str, TEXT, holding("count")]
    answer_hidden: Text
    notes_hidden: Text
    see_them_all: Annotated[str, TEXT, holding("verb", "key")]
    reveal_it: Annotated[str, TEXT, holding("verb", "key")]
    show_them: Annotated[str, TEXT, holding("verb", "key")]
    verb_press: Text
    verb_type: Text
    all_changes_option: Text
    page_title: Annotated[str, TEXT, holding("scenario")]
    to_start: Text
    to_start_label: Text
    how_to_step: Text
    print_answers: Text
    reveal_button: Text
    reveal_link: Text
    no_prediction: Text
    right: Text
    not_this_time: Text
    score: Annotated[str, TEXT, holding("right", "count")]
    teacher_button: Text
    teacher_link: Text
    show_all: Annotated[str, TEXT, holding("count")]
    steps_label: Text
    sheet_rest: Annotated[str, TEXT, holding("position", "count")]  # the fill-in sheet's last words
    back: Text
    next: Text
    keys: Text
    lessons_title: Text
    lessons_intro: Text
    # The lessons' list: a case left out for its problems, and one whose `expected` the book
    # does not give, named by its parts (part_urgency ...), never by the outcome.
    left_out: Annotated[str, TEXT, holding("cases")]
    left_out_why: Text
    expects_otherwise: Annotated[str, TEXT, holding("parts", "path")]
    part_urgency: Text
    part_sites: Text
    part_red_flags: Text
    page_written: Annotated[str, TEXT, holding("path")]
    open_it: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class TypedStepWords:
    """The words that may be typed to step a lesson (--plain), beside the letters the keys'
    hints name: each is read as its letter is, whatever its case."""

    next: Text
    back: Text
    all_changes: Text
    reveal: Text
    teacher_notes: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class LessonKeysWording:
    """The keys of a lesson in the terminal (`demo NAME --step`), pressed or typed."""

    next: Text
    finish: Text  # in place of next, on the last step
    back: Text
    stop: Text
    all_changes: Text  # the keys of what a step keeps back
    reveal: Text
    teacher_notes: Text
    page: Annotated[str, TEXT, holding("position", "count")]
    next_typed: Text
    finish_typed: Text
    back_typed: Text
    stop_typed: Text
    all_changes_typed: Text
    reveal_typed: Text
    teacher_notes_typed: Text
    again: Annotated[str, TEXT, holding("also")]
    words: TypedStepWords


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class QuizWording:
    """The quiz (`demo NAME --quiz`, and each question of a lesson)."""

    heading: Annotated[str, TEXT, holding("scenario")]
    question: Annotated[str, TEXT, holding("position", "count", "question")]
    own_question: Text
    for_the_teacher: Annotated[str, TEXT, holding("notes")]
    person_answered: Text
    other_answers_no: Text
    start_row: Text
    nothing_picked: Text
    prediction: Annotated[str, TEXT, holding("answer")]
    predict_long: Text
    how_reached: Text
    right: Annotated[str, TEXT, holding("answer")]
    not_this_time: Annotated[str, TEXT, holding("answer")]
    ready: Text
    next_question: Text
    score: Annotated[str, TEXT, holding("right", "count")]
    urgency_title: Text
    urgency_prompt: Text
    starts_with: Annotated[str, TEXT, holding("level")]
    stopped_after: Annotated[str, TEXT, holding("question")]
    sites_title: Text
    sites_prompt: Text
    no_site: Text
    spreads_to: Annotated[str, TEXT, holding("cancer", "sites")]
    change_title: Text
    change_prompt: Annotated[str, TEXT, holding("level", "sites")]
    # The same question on the sheet the class fills in, which must not give away the
    # answers to the questions before it (the advice and the sites).
    change_sheet_prompt: Text
    also_reporting: Annotated[str, TEXT, holding("finding")]
    not_reporting: Annotated[str, TEXT, holding("finding")]
    answering: Annotated[str, TEXT, holding("answer", "question")]
    no_change: Text
    no_change_reveal: Text
    others_keep: Text
    one_more_change: Text
    more_changes: Annotated[str, TEXT, holding("count")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ExploreSitePage:
    """The headings of a site's page in the explorer."""

    what_it_is: Text
    symptoms: Text
    why: Text
    warning_signs: Text
    cancers: Text
    no_cancers: Text  # where no cancer lists the site
    how_found: Text
    sources: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ExploreSymptomPage:
    """The headings of a symptom's page in the explorer."""

    what_it_means: Text
    sites: Text
    no_site: Text  # where no site rule reads it alone
    warning_signs: Text
    when_to_see: Text
    common_causes: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ExploreCancerPage:
    """The headings of a cancer's page in the explorer."""

    spreads_to: Text
    about: Text
    to_watch_for: Text
    emergency_signs: Text
    questions: Text
    sources: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ForWhomWording:
    """Whom one of two warning signs with the same title is for (core/for_whom.py reads it
    from the sign's condition on the history of cancer): the explorer's pages, the rule-book
    document and its graph say it, so the two are never listed as the same line."""

    sign: Annotated[str, TEXT, holding("title", "whom", "level")]
    with_cancer_or_not_sure: Text
    no_cancer_diagnosis: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ExploreWording:
    """The explorer (`explore`): its pages, its menu, the search by a word, the what-if board."""

    site: ExploreSitePage
    symptom: ExploreSymptomPage
    cancer: ExploreCancerPage
    sign: Annotated[str, TEXT, holding("title", "level")]
    for_whom: ForWhomWording
    title: Text
    menu: Text
    by_site: Text
    by_symptom: Text
    find: Text
    by_cancer: Text
    board: Text
    quit: Text
    which_site: Text
    which_symptom: Text
    which_cancer: Text
    back_to_menu: Text
    page_of: Annotated[str, TEXT, holding("position", "count")]
    next_page: Text
    back_to_list: Text
    word: Text
    no_match: Annotated[str, TEXT, holding("word")]
    tried_instead: Annotated[str, TEXT, holding("word", "tried")]
    matching: Annotated[str, TEXT, holding("word")]
    back_to_word: Text
    printed_tried_instead: Annotated[str, TEXT, holding("word", "tried")]
    printed_matching: Annotated[str, TEXT, holding("word")]
    printed_matching_tried: Annotated[str, TEXT, holding("word", "tried")]
    printed_show_one: Text
    board_intro: Text
    board_result: Annotated[str, TEXT, holding("level", "sites", "titles")]
    board_short: Annotated[str, TEXT, holding("level", "sites")]
    board_result_to_check: Annotated[str, TEXT, holding("level", "sites", "titles")]
    board_short_to_check: Annotated[str, TEXT, holding("level", "sites")]
    board_none: Text
    done: Text
    has_had_cancer: Text
    ticked: Annotated[str, TEXT, holding("section", "count")]
    choose_area: Text
    back_to_areas: Text
    tick: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class DemoWording:
    """What `demo` prints for the teacher: the list of cases, and the check of every case
    against the rule book (`demo --check`; how a case differs is a check's message, the same
    as `rules check` reports, and stays in the code)."""

    replay_one: Text  # after the list of cases, where none was named
    disagrees: Annotated[str, TEXT, holding("case", "differences")]
    agree: Annotated[str, TEXT, holding("agree", "count")]
    # A case with mistakes, left out while the others still work (after its problems).
    left_out: Annotated[str, TEXT, holding("cases")]
    # A case replayed whose `expected` the rule book does not give ({differences} as above).
    expects_otherwise: Annotated[str, TEXT, holding("case", "differences")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class TeachingWording:
    """What a class reads, the person in the case spoken of, never to."""

    third_person: Annotated[tuple[ThirdPerson, ...], Field(min_length=1)]
    replay: ReplayWording
    lesson: LessonWording
    keys: LessonKeysWording
    quiz: QuizWording
    explore: ExploreWording
    demo: DemoWording

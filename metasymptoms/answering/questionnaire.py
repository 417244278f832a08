"""The guided questionnaire's flow, independent of how a prompt is drawn.

One question at a time, in the rule book's order and skip logic (the engine decides what
comes next); an emergency red flag interrupts the moment it fires; "why" and "back" at every
prompt; a review of all answers before the result. The flow talks to the person only
through a Prompter, so it is driven the same way by questionary (interview.py), by plain
numbered prompts for screen readers (PlainPrompter, in prompter.py), and by tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from metasymptoms.answering.emergency import EmergencyCard, emergency_card, number_line, reminder, standing
from metasymptoms.answering.prompter import BACK, WHY, Prompter, TickingPrompter
from metasymptoms.core.engine import fired_emergencies, next_question, possible_questions, prune
from metasymptoms.core.explain import answer_text, why_items
from metasymptoms.core.guidance import Wording
from metasymptoms.core.kinds import UNSURE, Answer, BadAnswer, Kind, kind_of
from metasymptoms.core.model import Finding, Question, RuleBook, Section
from metasymptoms.core.model_base import filled
from metasymptoms.core.unsaid import starts_unsure
from metasymptoms.core.wording_answers import AnswerWords

SHOW_RESULT = "__result__"
STOP = "__stop__"
GO_ON = "__go_on__"

LEAVE_OUT = ("", "none")

# What may be typed at a typed answer's prompt instead of an answer.
TYPED_KEYS = {"?": WHY, "why": WHY, "b": BACK, "back": BACK}

# What the flow did, for those who watch it (verify proves the emergency interrupt on
# these events, never on the words shown): ("asking", finding id), ("emergency", red flag
# id), ("interrupt", "") when the person is asked what to do after an emergency, and
# ("review", "") when all answers are shown for checking.
Event = tuple[str, str]


@dataclass
class Outcome:
    answers: dict[str, Answer]
    stopped_for_emergency: bool = False


@dataclass
class Questionnaire:
    book: RuleBook
    prompter: Prompter
    answers: dict[str, Answer] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # findings in the order answered
    earlier: dict[str, Answer] = field(default_factory=dict)  # answers taken back, as defaults
    emergencies_shown: set[str] = field(default_factory=set)
    sections_shown: set[str] = field(default_factory=set)
    last_reviewed: str = SHOW_RESULT  # where the review's pointer starts (Enter): see review()
    enter_is_not_sure_said: bool = False  # see say_enter_is_not_sure()
    events: list[Event] = field(default_factory=list)

    def run(self) -> Outcome:
        self.opening()
        while True:
            question = next_question(self.book, self.answers)
            if question is None:
                step = self.review()
                if step == SHOW_RESULT:
                    return Outcome(dict(self.answers))
                if step == STOP:
                    return Outcome(dict(self.answers), stopped_for_emergency=True)
                continue
            value = self.ask(question)
            if value == BACK:
                self.go_back()
                continue
            if self.record(question.finding, value):
                return Outcome(dict(self.answers), stopped_for_emergency=True)

    @property
    def answer_words(self) -> AnswerWords:
        """The book's words for an answer, as the kinds tell it and offer it."""
        return self.book.guidance.wording.answer_words

    # --- the steps ---

    def opening(self) -> None:
        guidance = self.book.guidance
        words = guidance.wording.questions
        self.prompter.say(words.title, "heading")
        self.prompter.say(guidance.wording.opening_purpose)  # the history is not known yet
        self.prompter.say(filled(words.opening, how_to_answer=self.prompter.how_to_answer), "hint")
        # Last, right above the first question: still on a 60x20 screen when it is drawn.
        self.prompter.say(number_line(self.book), "emergency")

    def ask(self, question: Question) -> str | Answer:
        """Ask one question until it gets an answer or 'back'; 'why' is answered in place."""
        section = self.book.section_of(question.finding)
        if section is not None and section.id not in self.sections_shown:
            self.sections_shown.add(section.id)
            self.prompter.say(section.title, "heading")
            if section.intro:
                self.prompter.say(section.intro)
        finding = self.book.finding(question.finding)
        kind = kind_of(finding)
        options, default = self.options_for(question)
        self.say_enter_is_not_sure(question, default)
        self.events.append(("asking", question.finding))
        if section is not None:
            self.prompter.say(self.progress(section, question.finding), "progress")
        while True:
            # The kind first: isinstance of a runtime Protocol is slow (it checks each method)
            if kind.checkboxes(finding, self.answer_words) and isinstance(self.prompter, TickingPrompter):
                choice = self.tick(question, default) or kind.default_option(finding)
            elif options is None:
                # Only an earlier answer stands on the typing line for Enter to keep: a first
                # default written there ("none") turned a typed "1" into "none1", refused,
                # and left Enter as the one way on. Enter alone still gives the default.
                answered = self.earlier.get(question.finding, self.answers.get(question.finding))
                kept = kind.typed_option(finding, answered) if answered is not None else ""
                prompt = _typed_prompt(self.book.guidance.wording, question, kept, kind, finding)
                choice = self.prompter.ask_text(prompt, kept)
                if not kept:
                    choice = choice or default
                choice = TYPED_KEYS.get(choice.strip().lower(), choice)
            else:
                choice = self.prompter.choose(question.text, options, default, question.help)
            if choice == WHY:
                self.prompter.say(self.book.guidance.wording.questions.why, "subheading")
                for item in why_items(self.book, question.finding):
                    self.prompter.say(f"  {item}" if item.startswith("  - ") else f"  - {item}")
                continue
            if choice == BACK:
                return BACK
            if options is None and kind.may_leave_out and choice.strip().lower() in LEAVE_OUT:
                # A number not measured: asked and left out, "not given" (None), which the
                # summary says in words.
                return None
            try:
                return kind.from_option(finding, choice)
            except BadAnswer as bad:
                # A number's refusal says what to type here; "which of these" says why.
                wording = self.book.guidance.wording
                self.prompter.say(
                    wording.which_of_these.refusal(bad.refusal, len(finding.choices))
                    if bad.refusal
                    else refused(wording, finding, choice, default),
                    "hint",
                )

    def say_enter_is_not_sure(self, question: Question, default: str) -> None:
        """Enter is "No" at every other yes-or-no question: said once, where it starts to
        give "not sure" (treatment, starts_unsure), so a person who learnt it is not misled."""
        if (
            not self.enter_is_not_sure_said
            and default == UNSURE
            and starts_unsure(self.book, self.answers, question.finding)
        ):
            self.enter_is_not_sure_said = True
            self.prompter.say(self.book.guidance.wording.questions.enter_is_not_sure, "hint")

    def tick(self, question: Question, default: str) -> str:
        """A "which of these" question as checkboxes (where the prompter offers them): its
        choices, then those that go alone (none of these, not sure). Ticked at first: the
        earlier answer, if any. What is said back is the answer's own words, so the screen
        says what is recorded: nothing ticked is "None of these", as a left-out answer is."""
        finding = self.book.finding(question.finding)
        kind = kind_of(finding)
        boxes, alone = kind.checkboxes(finding, self.answer_words) or ([], [])
        answered = self.earlier.get(question.finding, self.answers.get(question.finding))
        ticked = default.split() if answered is not None else []
        if not set(ticked) <= {value for _, value in [*boxes, *alone]}:  # an answers file's "yes":
            # a box of its own, ticked, so Enter keeps it (nothing ticked would be none)
            alone = [*alone, (kind.text(finding, answered, self.answer_words), default)]
            ticked = [default]
        steps = self.book.guidance.wording.questions
        options: list[tuple[str | None, str]] = [*boxes, (None, ""), *alone, (None, ""), (steps.why, WHY)]
        if self.history:
            options.append((steps.back, BACK))

        def check(values: list[str]) -> str:
            try:
                chosen = kind.from_option(finding, " ".join(values) or kind.default_option(finding))
                return kind.text(finding, chosen, self.answer_words)
            except BadAnswer:
                raise ValueError(self.book.guidance.wording.which_of_these.mixed_ticked) from None

        assert isinstance(self.prompter, TickingPrompter)
        keys = self.book.guidance.wording.arrow_keys.tick
        return self.prompter.choose_several(
            question.text, options, ticked, question.help, keys=keys, check=check
        )

    def progress(self, section: Section, finding: str) -> str:
        """'Question 2 of up to 5' in this section: 'up to', counting every question that
        could still be asked (engine.possible_questions), so the count never grows as the
        answers come; an answer that rules out a follow-up makes it smaller."""
        possible = {question.finding for question in possible_questions(self.book, self.answers)}
        here = [question.finding for question in section.questions if question.finding in possible]
        number = here.index(finding) + 1 if finding in here else len(here) + 1
        return filled(
            self.book.guidance.wording.questions.progress,
            section=section.title,
            position=str(number),
            count=str(max(len(here), number)),
        )

    def options_for(self, question: Question) -> tuple[list[tuple[str | None, str]] | None, str]:
        """The choices to offer (None when the answer is typed), and the one Enter gives:
        the answer given before, where there is one, else the question's default."""
        finding = self.book.finding(question.finding)
        kind = kind_of(finding)
        offered = kind.options(
            finding, self.answer_words, offer_unsure=finding.id in self.book.warning_sign_findings
        )
        default = question.default or kind.default_option(finding)
        if starts_unsure(self.book, self.answers, question.finding) and any(
            value == UNSURE for _, value in offered or ()
        ):
            default = UNSURE  # "No" would say what was not said of treatment (unsaid.py)
        earlier = self.earlier.get(question.finding, self.answers.get(question.finding))
        if earlier is not None:
            default = kind.option_of(earlier)
        if offered is None:
            return None, default
        steps = self.book.guidance.wording.questions
        options: list[tuple[str | None, str]] = list(offered)
        options += [(None, ""), (steps.why, WHY)]
        if self.history:  # the first question has nothing before it to go back to
            options.append((steps.back, BACK))
        return options, default

    def go_back(self, *, after_emergency: bool = False) -> None:
        if not self.history:
            self.prompter.say(self.book.guidance.wording.questions.first_question, "hint")
            return
        if not after_emergency:
            # What the screen shows of the answer taken back no longer counts: cleared, or
            # marked. Never right under an emergency's advice, where "no longer counts"
            # could read as if the emergency did not: it still stands (the review says so).
            self.prompter.say(self.book.guidance.wording.arrow_keys.taken_back, "taken_back")
        finding = self.history.pop()
        self.earlier[finding] = self.answers.pop(finding)
        self.answers = prune(self.book, self.answers)
        self.history = [item for item in self.history if item in self.answers]

    def record(self, finding: str, value: Answer) -> bool:
        """Keep an answer, re-apply the skip logic, and interrupt for a new emergency.
        Returns True when the person chose to stop and get help."""
        self.answers = prune(self.book, {**self.answers, finding: value}, changed_from=self.answers)
        self.earlier.pop(finding, None)
        self.history = [item for item in self.history if item in self.answers and item != finding] + [finding]
        return self.interrupt_for_emergency()

    def interrupt_for_emergency(self) -> bool:
        new = [
            flag
            for flag in fired_emergencies(self.book, self.answers)
            if flag.id not in self.emergencies_shown
        ]
        if not new:
            return False
        for flag in new:
            self.emergencies_shown.add(flag.id)
            self.events.append(("emergency", flag.id))
        fired = [flag.id for flag in fired_emergencies(self.book, self.answers)]
        card = emergency_card(self.book, [flag.id for flag in new], fired)
        say_card(self.prompter, self.book, card)
        self.events.append(("interrupt", ""))
        wording = self.book.guidance.wording
        choice = self.prompter.choose(
            wording.interrupt.question,
            [
                (wording.interrupt.first, STOP),
                (wording.interrupt.second, GO_ON),
                (None, ""),
                # A slip of the key: the answer is asked again. The emergency still counts as
                # shown, so it stands at the top of the review and in the result.
                (wording.questions.back, BACK),
            ],
            STOP,
            # Several signs push the one first step up a small screen: it is said again here.
            filled(wording.emergency.first_step, first_step=card.first_step) if card.first_step else None,
        )
        if choice == BACK:
            self.go_back(after_emergency=True)
        return choice == STOP

    def review(self) -> str:
        """Show every answer; change any one (GO_ON), or go on to the result (SHOW_RESULT).
        STOP when a changed answer fired an emergency and the person chose to stop. Once an
        answer opened from here is given (changed or kept), the review opens on "Show my
        result", so Enter goes on, as the question says: on the item it opened the same
        question again. Back from an opened answer leaves the pointer on its item."""
        questions = {question.finding: question for question in self.book.questions}
        words = self.book.guidance.wording.questions
        options: list[tuple[str | None, str]] = [(words.show_result, SHOW_RESULT), (None, "")]
        for finding in [
            question.finding for question in self.book.questions if question.finding in self.answers
        ]:
            # The answer first: a long question may be cut at the screen's edge, its answer never.
            options.append(
                (
                    f"[{answer_text(self.book, finding, self.answers[finding])}] {questions[finding].text}",
                    finding,
                )
            )
        self.prompter.say(words.review_heading, "heading")
        self.prompter.say(words.review_intro, "hint")
        at = self.last_reviewed if self.last_reviewed in self.answers else SHOW_RESULT
        self.events.append(("review", ""))
        message = words.review_question
        flags = standing(self.book, self.answers, self.emergencies_shown)
        if flags:
            # Part of the question itself, its first line: the list of answers is longer than
            # a screen, and a line said before it would scroll away.
            message = f"{reminder(self.book, flags)}\n{message}"
        choice = self.prompter.choose(message, options, at, one_line=True)
        if choice == SHOW_RESULT:
            return SHOW_RESULT
        value = self.ask(questions[choice])
        self.last_reviewed = choice if value == BACK else SHOW_RESULT
        if value != BACK and self.record(choice, value):  # "back" leaves the answer as it was
            return STOP
        return GO_ON


def how_to_type(wording: Wording, finding: Finding) -> str:
    """How a number may be typed, by example ("38.5, 101.3 F"), in the book's words for its
    unit: the web page's hint says it too. A refused answer is told in these words, never by
    the finding's id (the name an answers file uses)."""
    return wording.typed_numbers.unit(finding.unit or "").like


def refused(wording: Wording, finding: Finding, typed: str, default: str, *, on_a_page: bool = False) -> str:
    """A typed number that could not be read, said plainly: what to type instead, and how to
    leave it out: with Enter (keeping an earlier answer, where there is one), or on a web
    page (`on_a_page`) by leaving the box empty."""
    words = wording.typed_numbers
    number = words.unit(finding.unit or "")
    low, high = finding.minimum, finding.maximum
    assert low is not None and high is not None  # the loader makes sure
    said = [
        filled(
            words.not_read,
            typed=typed.strip(),
            name=number.name,
            low=f"{low:g}",
            high=f"{high:g}",
            unit=wording.answer_words.unit(finding.unit or "").symbol,
        )
    ]
    try:
        value: float | None = float(typed.strip().replace(",", "."))
    except ValueError:
        value = None
    if finding.unit == "celsius" and value is not None and 86 <= value <= 113:
        said.append(filled(words.fahrenheit, typed=typed.strip()))
    leave = (
        words.type_it_like_on_a_page
        if on_a_page
        else words.type_it_like_or_keep
        if default
        else words.type_it_like
    )
    said.append(filled(leave, like=number.like))
    return " ".join(said)


def say_card(prompter: Prompter, book: RuleBook, card: EmergencyCard) -> None:
    """An emergency: the one first step where several signs (or steps) meet, then each
    warning sign with its advice, in the rule book's words."""
    wording = book.guidance.wording
    if card.first_step:
        prompter.say(wording.emergency.heading, "emergency")
        prompter.say(filled(wording.emergency.first_step, first_step=card.first_step), "emergency")
    label = wording.urgency_labels.emergency
    for title, advice in card.signs:
        prompter.say(f"{label}: {title}", "emergency")
        prompter.say(advice, "emergency")


def _typed_prompt(wording: Wording, question: Question, default: str, kind: Kind, finding: Finding) -> str:
    """A typed answer's prompt: the question, its help, what may be typed (from the
    finding's kind: a numbered list for "which of these"), one paragraph a line (each
    wrapped on its own). With an earlier answer (shown as the default), Enter keeps it; a
    kind that may be left out (a number) says so, and "none" leaves it out."""
    words = wording.questions
    help_text = f"\n({question.help})" if question.help else ""
    help_text += "".join(f"\n{line}" for line in kind.typed_lines(finding))
    if kind.checkboxes(finding, wording.answer_words):  # several may apply: typed as their numbers
        which = wording.which_of_these  # Enter alone is none only with no earlier answer to keep
        help_text += f"\n{which.type_the_numbers_to_change if default else which.type_the_numbers}"
    keys = f"{words.why_key}, {words.back_key}"
    if not kind.may_leave_out:
        enter = filled(words.enter_keeps, keys=keys) if default else keys
    elif default:
        enter = filled(words.enter_keeps_or_none, keys=keys)
    else:
        enter = filled(words.enter_leaves_out, keys=keys)
    return f"{question.text}{help_text}\n{enter}"

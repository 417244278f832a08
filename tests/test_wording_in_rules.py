"""Every sentence a person reads comes from the rule book (rules/), not from the code.

The package's source (its string literals) and its web templates (their text) are scanned
for words a person reads: the emergency number ("911", "999", "112"), "emergency number",
"emergency department", "healthcare provider", "call handler", and the emergency
interrupt's choices ("stop here and get help", "go on with the questions"). Each is reported
as file:line, so it can be moved into rules/guidance.yaml (`wording`, or the number into
`emergency_numbers`, written {emergency_number} where it goes).

Where all the wording has moved (ALL_WORDING_IN_RULES: the result, the saved summary, the
served pages of the guided questions, the lessons, what `serve` says, the kinds' words for an answer), more is read: every literal of two words or more in
the code, and every word of a template's text and of the attributes read out (aria-label,
title, alt, placeholder), the tool's own name aside.

What may stay in code, and why:
- CLI usage text (`--help`, metasymptoms/arguments.py): read before any rule book is loaded,
  and `--help` must not load one.
- Error messages (a literal inside a `raise`, or given to `require_terminal`, which raises
  it) for a person's own mistake at the command line and for rule-book authors; and the checks and proofs reviewers run on a book (reviewing/,
  core/references.py), which quote the book's words back to its authors. The questions
  exported as a form (reviewing/fhir_export.py) are read by a person, so they are scanned.
- An answers file's own spellings ("not sure", "°C": its format, not wording), and what a kind
  of finding says to authors and reviewers (FOR_AUTHORS_IN_KINDS: an answers file's value
  refused, a finding written wrongly, `rules show` and `rules diff`).
- `cli.LAST_RESORT`: what a person is told when the rule book itself cannot be read, or the
  result cannot be shown, so the book's own words cannot be had.
Docstrings and comments are not read by a person and are not scanned.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import metasymptoms

PACKAGE = Path(metasymptoms.__file__).parent
PERSON_FACING = re.compile(
    r"\b(911|999|112)\b|emergency number|emergency department|healthcare provider|call handler"
    r"|stop here and get help|go on with the questions|rest of your result",
    re.IGNORECASE,
)
# Where all the wording has moved into rules/ (guidance.yaml `wording`), any text of two words
# or more is a sentence for a person, not only the phrases above. The rest of the package holds
# none a person reads (docs/wording.md says where the line is drawn).
ALL_WORDING_IN_RULES = {
    "answering/assessment_html.py",
    "answering/assessment_text.py",
    "answering/emergency.py",
    "answering/interview.py",
    "answering/prompter.py",
    "answering/questionnaire.py",
    "answering/result.py",
    "answering/result_screen.py",
    "answering/summary.py",
    "commands/demo.py",
    "commands/explore.py",
    "commands/serve.py",
    "core/engine.py",
    "core/explain.py",
    "core/fhir_terms.py",
    "core/kinds.py",
    "core/kinds_base.py",
    "core/kinds_choice.py",
    "core/kinds_number.py",
    "core/kinds_several.py",
    "core/kinds_yes_no.py",
    "core/output.py",
    "core/status.py",
    "core/wording_answers.py",
    "core/wording_reasons.py",
    "core/wording_teaching.py",
    "teaching/demo.py",
    "teaching/explore.py",
    "teaching/explore_board.py",
    "teaching/lesson_page.py",
    "teaching/projector.py",
    "teaching/quiz.py",
    "teaching/step_text.py",
    "teaching/words.py",
    "web/classroom.py",
    "web/hosts.py",
    "web/review.py",
    "templates/base.html",
    "templates/check.html",
    "templates/emergency.html",
    "templates/lesson.html",
    "templates/lessons.html",
    "templates/macros.html",
    "templates/notice.html",
    "templates/problems.html",
    "templates/question.html",
    "templates/result.html",
    "templates/rules_broken.html",
    "templates/start.html",
    "templates/summary.html",
    "web/person.py",
}
# In code, a literal of one word is more often a name than a word for a person ("Support" as
# a heading is not told from "emergency" as a role); in a page's text, every word is read.
WORDS = re.compile(r"[A-Za-z]{2,}[,:;.]? +[A-Za-z]{2,}")
# The tool's own name is a name, in every language.
WORD = re.compile(r"\b(?!metasymptoms\b)[A-Za-z]{2,}")
# A template's comments ({# ... #}) and expressions ({{ ... }}, {% ... %}) are not its text.
TEMPLATE_CODE = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
# A tag is not text, but the attributes a screen reader or a browser reads out are.
TAG = re.compile(r"<[^>]*>")
ENTITY = re.compile(r"&#?\w+;")  # &middot; is a character, not a word
READ_OUT = re.compile(r"""\b(?:aria-label|title|alt|placeholder)=["']([^"']*)["']""")

# Modules whose words are for rule-book authors and reviewers, or usage text (see above).
NOT_FOR_THE_PERSON = {
    "arguments.py",
    "core/references.py",
}
FOR_THE_PERSON_IN_REVIEWING = {"reviewing/fhir_export.py"}
# The last-resort sentence; the words a rule-book author's error message names placeholders by;
# a download's HTTP header (its syntax: "attachment; filename="); an answers file's own
# spellings ("not sure", a unit's "°C"), its format and not wording; a kind in an author's message.
ALLOWED_CONSTANTS = {
    ("cli.py", "LAST_RESORT"),
    ("core/model_base.py", "_WHAT"),
    ("web/person.py", "ATTACHMENT"),
    ("core/kinds_base.py", "UNSURE_SPELLINGS"),
    ("core/kinds_number.py", "UNITS"),
    *((f"core/kinds_{kind}.py", "words") for kind in ("yes_no", "choice", "number", "several")),
}
# What a kind says to rule-book authors and reviewers: an answers file's value refused
# (parse), a finding written wrongly, how a condition tests it, the kind described and its
# answers listed (`rules show`), some answers in a reviewer's words (`rules diff`).
FOR_AUTHORS_IN_KINDS = {
    "parse",
    "problems",
    "no_number_fields",
    "how_to_test",
    "bare_problem",
    "describe",
    "answer_words",
    "value_words",
    "no_words",
    "_interval",
}
# A call that raises its message as an error (exit 2): its words are an error message.
RAISING_CALLS = {"require_terminal"}


def for_the_person(name: str, text: str) -> bool:
    return bool(PERSON_FACING.search(text) or (name in ALL_WORDING_IN_RULES and WORDS.search(text)))


def read_in_page(template: str) -> str:
    """A template's text as a page shows it: its tags replaced by the attributes read out,
    its lines kept where they were."""
    return ENTITY.sub(
        " ",
        TAG.sub(
            lambda tag: " ".join(READ_OUT.findall(tag.group())) + "\n" * tag.group().count("\n"), template
        ),
    )


def scanned(name: str) -> bool:
    if name in NOT_FOR_THE_PERSON:
        return False
    return not name.startswith("reviewing/") or name in FOR_THE_PERSON_IN_REVIEWING


def not_read(tree: ast.AST, name: str) -> set[int]:
    """The ids of the nodes not scanned: docstrings, errors raised, allowed constants, and a
    kind's words for authors."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                skipped.add(id(body[0].value))
        if (
            isinstance(node, ast.Raise)
            or (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and (name, t.id) in ALLOWED_CONSTANTS for t in node.targets)
            )
            or (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and (name, node.target.id) in ALLOWED_CONSTANTS
            )
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in RAISING_CALLS
            )
            or (
                isinstance(node, ast.FunctionDef)
                and name.startswith("core/kinds")
                and node.name in FOR_AUTHORS_IN_KINDS
            )
        ):
            skipped.update(id(inner) for inner in ast.walk(node))
    return skipped


def literals(tree: ast.AST, name: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each string literal that is not a docstring, an error raised, or an
    allowed constant; an f-string's literal parts are read as one text."""
    skipped = not_read(tree, name)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.JoinedStr):
            skipped.update(id(part) for part in node.values)
            text = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
            yield node.lineno, text
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def separators(tree: ast.AST, name: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each literal that joins a list ("; ".join(...)) where it is read:
    punctuation a script writes its own way (Chinese "、"), so the book's (`wording.lists`)
    where a person reads the list. White space alone ("\\n".join) is layout, and "|" joins
    a pattern's alternatives."""
    skipped = not_read(tree, name)
    for node in ast.walk(tree):
        if (
            id(node) not in skipped
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
            and node.func.value.value.strip() not in ("", "|")
        ):
            yield node.lineno, node.func.value.value


def sentences_in_code(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if not scanned(name):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [
            f"metasymptoms/{name}:{line}: {text!r}"
            for line, text in sorted(literals(tree, name))
            if for_the_person(name, text)
        ]
        if name in ALL_WORDING_IN_RULES:
            found += [
                f"metasymptoms/{name}:{line}: {text!r} joins a list"
                for line, text in sorted(separators(tree, name))
            ]
    return found


def sentences_in_templates(package: Path) -> list[str]:
    found = []
    for path in sorted(package.rglob("templates/*.html")):
        text = TEMPLATE_CODE.sub(
            lambda code: "\n" * code.group().count("\n"), path.read_text(encoding="utf-8")
        )
        name = path.relative_to(package).as_posix()
        found += [
            f"metasymptoms/{name}:{number}: {line.strip()!r}"
            for number, (line, shown) in enumerate(zip(text.splitlines(), read_in_page(text).splitlines()), 1)
            if PERSON_FACING.search(line) or (name in ALL_WORDING_IN_RULES and WORD.search(shown))
        ]
    return found


def test_no_person_facing_sentence_is_written_in_the_code() -> None:
    assert sentences_in_code(PACKAGE) == []
    assert sentences_in_templates(PACKAGE) == []


def test_the_scan_finds_a_sentence_written_in_a_template(tmp_path: Path) -> None:
    (tmp_path / "web" / "templates").mkdir(parents=True)
    (tmp_path / "web" / "templates" / "base.html").write_text(
        "{# the footer: see a healthcare provider #}\n<footer>\n"
        "  <p>{{ wording.see_provider_footer }}</p>\n"
        "  <p>Please see a healthcare provider about any symptom.</p>\n</footer>\n",
        encoding="utf-8",
    )
    assert sentences_in_templates(tmp_path) == [
        "metasymptoms/web/templates/base.html:4: '<p>Please see a healthcare provider about any symptom.</p>'"
    ]


def test_the_scan_finds_a_sentence_written_in_code(tmp_path: Path) -> None:
    """As the emergency interrupt was before its words moved to rules/."""
    (tmp_path / "answering").mkdir()
    (tmp_path / "answering" / "emergency.py").write_text(
        '"""The number line (a docstring: 911 is not read by a person here)."""\n'
        "def number_line(number):\n"
        '    return f"If this is an emergency, call your local emergency number ({number})."\n'
        'ANYWHERE = "911 / 999 / 112"\n'
        'def refuse():\n    raise ValueError("no emergency number is known")\n',
        encoding="utf-8",
    )
    (tmp_path / "arguments.py").write_text('HELP = "call 911 / 999 / 112"\n', encoding="utf-8")
    assert sentences_in_code(tmp_path) == [
        "metasymptoms/answering/emergency.py:3: 'If this is an emergency, call your local emergency number ().'",
        "metasymptoms/answering/emergency.py:4: '911 / 999 / 112'",
    ]


def test_where_all_wording_is_in_rules_any_sentence_left_in_code_is_found(tmp_path: Path) -> None:
    """As the result's headings and the summary's labels were before they moved to rules/."""
    (tmp_path / "answering").mkdir()
    (tmp_path / "answering" / "result.py").write_text(
        "def blocks(names):\n"
        '    yield Block("Why these warning signs", (), items, role="emergency")\n'
        '    yield f"You were not sure about {names}. Each is read the safer way."\n'
        '    yield Block(book.guidance.wording.result.sources, (), sources, role="sources")\n',
        encoding="utf-8",
    )
    (tmp_path / "answering" / "questionnaire.py").write_text(  # not yet moved: phrases only
        'HINT = "Type a number"\n', encoding="utf-8"
    )
    assert sentences_in_code(tmp_path) == [
        "metasymptoms/answering/result.py:2: 'Why these warning signs'",
        "metasymptoms/answering/result.py:3: 'You were not sure about . Each is read the safer way.'",
    ]


def test_where_all_wording_is_in_rules_a_templates_text_and_read_out_attributes_are_found(
    tmp_path: Path,
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "summary.html").write_text(
        "{% block title %}metasymptoms summary, {{ when }}{% endblock %}\n"
        '<section class="clinician for-you" aria-labelledby="for-clinician">\n'
        '<h2 id="for-clinician">For the clinician</h2>\n'
        "<dt>{{ words.rule_book }}</dt><dd>{{ summary.rule_book_version }}</dd>\n"
        '<a href="/" aria-label="Start again">{{ words.start }}</a>\n',
        encoding="utf-8",
    )
    assert sentences_in_templates(tmp_path) == [
        "metasymptoms/templates/summary.html:1: 'metasymptoms summary,'",
        "metasymptoms/templates/summary.html:3: '<h2 id=\"for-clinician\">For the clinician</h2>'",
        'metasymptoms/templates/summary.html:5: \'<a href="/" aria-label="Start again"></a>\'',
    ]


def test_where_all_wording_is_in_rules_a_list_joined_in_code_is_found(tmp_path: Path) -> None:
    """As the saved summary's symptoms were joined before `wording.lists.apart` joined them."""
    (tmp_path / "answering").mkdir()
    (tmp_path / "answering" / "summary.py").write_text(
        "def symptoms(summary):\n"
        '    return "; ".join(summary.reported)\n'
        "def lines(summary):\n"
        '    return "\\n".join(summary.lines) + summary.lists.apart.join(summary.not_sure)\n',
        encoding="utf-8",
    )
    assert sentences_in_code(tmp_path) == ["metasymptoms/answering/summary.py:2: '; ' joins a list"]


def test_a_kinds_words_for_a_person_are_found_and_its_words_for_authors_are_not(tmp_path: Path) -> None:
    """As the kinds' words were before they moved to rules/ (`wording.answer_words`)."""
    (tmp_path / "core").mkdir()
    (tmp_path / "commands").mkdir()
    (tmp_path / "core" / "kinds_base.py").write_text(
        'UNSURE_SPELLINGS = frozenset({"not sure", "don\'t know"})\n', encoding="utf-8"
    )
    (tmp_path / "core" / "kinds_several.py").write_text(
        "class Several(Kind):\n"
        "    words = \"a 'which of these' finding\"\n"
        "    def text(self, finding, value):\n"
        '        return "Yes (not said which)" if value is True else "None of these"\n'
        "    def problems(self, finding):\n"
        "        return [(\"type\", f\"'{finding.id}' is a 'which of these' finding but lists no choices\")]\n"
        "    def parse(self, finding, raw):\n"
        '        how = f"a list of its choices ({raw}), or none"\n',
        encoding="utf-8",
    )
    (tmp_path / "commands" / "demo.py").write_text(
        "def demo(args):\n"
        '    require_terminal(plain, "the quiz needs a terminal to answer in")\n'
        '    print(f"{agree} of {count} scenarios agree with the rule book.")\n',
        encoding="utf-8",
    )
    assert sentences_in_code(tmp_path) == [
        "metasymptoms/commands/demo.py:3: ' of  scenarios agree with the rule book.'",
        "metasymptoms/core/kinds_several.py:4: 'None of these'",
        "metasymptoms/core/kinds_several.py:4: 'Yes (not said which)'",
    ]

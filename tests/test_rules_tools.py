"""Tools for reviewers: every check (failing and passing), verify, list, show, export."""

from __future__ import annotations

import datetime
import html.parser
import itertools
import json
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import load
from metasymptoms.reviewing.checks import CHECKS, run_checks
from tests.helpers import TINY, write_book

TODAY = datetime.date(2026, 11, 25)
USE_JAUNDICE = (
    TINY["sites/bones.yaml"]
    + """\
  - id: bones.jaundice
    when: jaundice
    why: Used so that jaundice is not unused.
    sources: [SRC-A]
    checked: {by: author, date: 2026-01-01}
"""
)


def problems(folder: Path, today: datetime.date = TODAY) -> list[str]:
    return [str(problem).replace(str(folder), "rules") for problem in run_checks(load(folder), today)]


def book(tmp_path: Path, changes: dict[str, str | None]) -> Path:
    return write_book(tmp_path / "rules", changes)


def test_every_check_is_documented_with_a_passing_and_a_failing_example() -> None:
    for check_id, module in CHECKS.items():
        doc = module.__doc__ or ""
        assert doc.startswith(f"{check_id}: ")
        assert "PASS:" in doc and "FAIL:" in doc
        assert module.LEVEL in ("error", "warning")


def test_passing_tiny_book_has_no_problems(tmp_path: Path) -> None:
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE})) == []


def test_unused_finding(tmp_path: Path) -> None:
    assert problems(book(tmp_path, {})) == [
        "rules/findings.yaml:13:9: [warning] 'jaundice' is not used by any red flag, site rule or question; it changes nothing (unused-finding)"
    ]


def test_unasked_finding(tmp_path: Path) -> None:
    questions = TINY["questions.yaml"].replace("      - finding: jaundice\n        text: Yellow skin?\n", "")
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "questions.yaml": questions})) == [
        "rules/findings.yaml:13:9: [warning] no question asks about 'jaundice', so the guided questions can never report it (unasked-finding)"
    ]


def test_impossible_ask_if(tmp_path: Path) -> None:
    questions = TINY["questions.yaml"].replace(
        "ask_if: back_pain", "ask_if: {all: [{cancer_history: [none]}, {cancer_history: [current]}]}"
    )
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "questions.yaml": questions})) == [
        "rules/questions.yaml:14:17: [error] the question about 'limb_weakness' can never be asked: its ask_if never holds (impossible-ask-if)",
        # ... and so the red flag that needs it can never be met on the questionnaire:
        "rules/red_flags.yaml:5:7: [error] the skip logic can hide 'limb_weakness' while the rest of 'cord' holds, so a person with these answers is never warned; for example: cancer_history: current, back_pain: yes, limb_weakness: yes (hidden-red-flag)",
    ]


def test_site_without_rules(tmp_path: Path) -> None:
    brain = "id: brain\nname: Brain\nabout: The brain.\nhow_found: Scans.\nsources: [SRC-A]\n"
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "sites/brain.yaml": brain})) == [
        "rules/sites/brain.yaml:1:5: [warning] the site 'brain' has no rules, so no answers can point to it (site-without-rules)"
    ]


def test_uncited_source(tmp_path: Path) -> None:
    sources = (
        TINY["sources.yaml"]
        + "  - id: OLD-LEAFLET\n    title: Old\n    publisher: Someone\n    url: https://example.org/old\n"
    )
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "sources.yaml": sources})) == [
        "rules/sources.yaml:6:9: [warning] the source 'OLD-LEAFLET' is not cited by any rule, red flag, site, primary or guidance (uncited-source)"
    ]


def test_old_review(tmp_path: Path) -> None:
    folder = book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE})
    assert problems(folder, today=datetime.date(2027, 12, 31)) == []
    assert problems(folder, today=datetime.date(2028, 1, 2)) == [
        "rules/red_flags.yaml:12:33: [warning] 'cord' was last checked against its sources on 2026-01-01, more than two years ago; check it again and update the date (old-review)",
        "rules/sites/bones.yaml:14:33: [warning] 'bones.back' was last checked against its sources on 2026-01-01, more than two years ago; check it again and update the date (old-review)",
        "rules/sites/bones.yaml:19:33: [warning] 'bones.jaundice' was last checked against its sources on 2026-01-01, more than two years ago; check it again and update the date (old-review)",
    ]


@pytest.mark.parametrize(
    ("text", "quoted", "what"),
    [
        (
            "You probably have cancer in your bones.",
            "You probably have cancer",
            "tells a person what they have",
        ),
        (
            "There is a 30% chance this is spread.",
            "30% chance",
            "gives a number that reads as a chance of disease",
        ),
    ],
)
def test_diagnostic_wording(tmp_path: Path, text: str, quoted: str, what: str) -> None:
    site = USE_JAUNDICE.replace("why: The spine is the most common bone site.", f"why: {text}")
    assert problems(book(tmp_path, {"sites/bones.yaml": site})) == [
        f'rules/sites/bones.yaml:12:10: [error] this text {what} ("{quoted}"); describe what symptoms can relate to instead (diagnostic-wording)'
    ]


def test_diagnostic_wording_in_guidance_lists(tmp_path: Path) -> None:
    guidance = TINY["guidance.yaml"].replace(
        "questions_to_ask: [What next?]", "questions_to_ask: [Is my risk score high?]"
    )
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "guidance.yaml": guidance})) == [
        'rules/guidance.yaml:17:20: [error] this text gives a number that reads as a chance of disease ("risk score"); describe what symptoms can relate to instead (diagnostic-wording)'
    ]


UNSAFE_SKIP = TINY["questions.yaml"].replace("ask_if: back_pain", "ask_if: {cancer_history: [none]}")


def test_hidden_red_flag_is_a_planted_unsafe_skip(tmp_path: Path) -> None:
    assert problems(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "questions.yaml": UNSAFE_SKIP})) == [
        "rules/red_flags.yaml:5:7: [error] the skip logic can hide 'limb_weakness' while the rest of 'cord' holds, so a person with these answers is never warned; for example: cancer_history: current, back_pain: yes, limb_weakness: yes (hidden-red-flag)"
    ]


def test_rules_check_command_exit_codes(tmp_path: Path, capsys) -> None:
    assert (
        main(
            [
                "rules",
                "check",
                str(book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "questions.yaml": UNSAFE_SKIP})),
            ]
        )
        == 1
    )
    assert capsys.readouterr().out.endswith("1 error, 0 warnings in " + str(tmp_path / "rules") + "\n")


def test_shipped_rule_book_passes_check_and_verify(capsys) -> None:
    assert main(["rules", "check"]) == 0
    assert main(["rules", "verify"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "Proved in" in out


def test_verify_prints_a_counterexample_that_ask_replays(tmp_path: Path, capsys) -> None:
    folder = book(tmp_path, {"sites/bones.yaml": USE_JAUNDICE, "questions.yaml": UNSAFE_SKIP})
    assert main(["rules", "verify", str(folder)]) == 1
    out = capsys.readouterr().out
    assert (
        "  FAIL  hidden-red-flag: the skip logic can hide 'limb_weakness' while the rest of 'cord' holds"
        in out
    )
    assert "  FAIL  unreachable-red-flag: no answers to the questionnaire can make 'cord' hold" in out
    after = out.split("metasymptoms ask --answers FILE\n")[1].splitlines()
    block = list(itertools.takewhile(lambda line: line.startswith(" " * 10), after))
    answers = tmp_path / "counterexample.yaml"
    answers.write_text("".join(line.strip() + "\n" for line in block))
    assert answers.read_text() == "cancer_history: current\nback_pain: yes\nlimb_weakness: yes\n"
    assert main(["ask", "--rules", str(folder), "--answers", str(answers), "--format", "json"]) == 0
    replay = json.loads(capsys.readouterr().out)
    assert replay["urgency"] == "emergency" and replay["red_flags"][0]["id"] == "cord"


# --- list, show, export --------------------------------------------------------------


def test_rules_list_by_kind(capsys) -> None:
    assert main(["rules", "list", "--kind", "primary"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 14
    assert lines[0].startswith("primary   breast      Breast cancer  (") and lines[0].endswith(
        "primaries.yaml:7)"
    )


def test_rules_show_a_rule_in_plain_words(capsys) -> None:
    assert main(["rules", "show", "bones.spine"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Site rule bones.spine  (") and "sites/bones.yaml:" in out
    assert (
        "  When:           cancer_history is current, past or unsure and new back or neck pain (back_pain)"
        in out
    )
    assert "  Referred to by: site bones" in out


def test_rules_show_says_what_answer_each_kind_takes(capsys) -> None:
    answers = {}
    for finding in ("back_pain", "cancer_history", "temperature"):
        assert main(["rules", "show", finding]) == 0
        answers[finding] = (
            next(line for line in capsys.readouterr().out.splitlines() if line.startswith("  Answer:"))
            .split(":", 1)[1]
            .strip()
        )
    assert answers["back_pain"] == "yes or no"
    assert answers["cancer_history"] == (
        "one of: none (I have never been told I have cancer), current (I have cancer now, or I am"
        " being treated for it), past (I had cancer in the past), unsure (I am not sure, or I would"
        " rather not say)"
    )
    # A number says its unit and range (it used to read "one of: " and nothing after it).
    assert answers["temperature"] == "a number in degrees Celsius, 30 to 44"


def test_rules_show_says_which_of_these_answers_may_be_given(capsys) -> None:
    assert main(["rules", "show", "back_pain_red_features"]) == 0
    out = capsys.readouterr().out
    assert (
        "  Answer:         any of: wakes_at_night (wakes at night), worse_on_straining (worse on coughing,"
        " sneezing or straining), upper_back_or_neck (in the upper or middle back, or the neck); or none,"
        " or not sure\n"
    ) in out


def test_rules_show_a_source_with_its_web_address_and_dates(capsys) -> None:
    assert main(["rules", "show", "CRUK-MSCC"]) == 0
    out = capsys.readouterr().out
    assert (
        "  Web address:    https://www.cancerresearchuk.org/about-cancer/coping/physically/spinal-cord-compression/about\n"
        "  Read by us:     2026-11-25\n"
    ) in out
    assert "Page reviewed" not in out  # the page states no review date, so none is shown
    assert main(["rules", "show", "NICE-QS56"]) == 0
    out = capsys.readouterr().out
    assert "  Web address:    https://www.nice.org.uk/guidance/qs56\n" in out
    assert "Read by us" not in out and "Page reviewed" not in out


def test_rules_show_unknown_id_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["rules", "show", "jaundise"])
    assert stop.value.code == 2
    assert (
        capsys.readouterr().err
        == "metasymptoms: nothing in the rule book has the id 'jaundise' (did you mean 'jaundice'?); see: metasymptoms rules list\n"
    )


def test_export_markdown_reads_as_a_document(capsys) -> None:
    assert main(["rules", "export", "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# The metasymptoms rule book\n")
    for heading in (
        "## Sites and their symptom rules",
        "### Bones (bones)",
        "#### Rule bones.fracture",
        "## Warning signs (red flags)",
        "## Primary cancers",
        "## Findings index",
        "## Sources",
    ):
        assert heading in text
    assert "- **Checked:** 2026-11-25 by author (a check against sources, not a clinical sign-off)" in text
    assert "- [Warning signs (red flags)](#red-flags)\n" in text
    assert '## Warning signs (red flags) <a id="red-flags"></a>\n' in text
    # The findings index says what answer each kind of finding takes.
    answers = {
        row.split("</a>")[0].split("finding-")[1].rstrip('">'): row.split(" | ")[2]
        for row in text.splitlines()
        if row.startswith('| <a id="finding-')
    }
    assert answers["back_pain"] == "yes/no"
    assert answers["temperature"] == "number"
    assert answers["cancer_history"] == "choice: none, current, past, unsure"
    assert answers["back_pain_red_features"] == (
        "which of these: wakes\\_at\\_night, worse\\_on\\_straining, upper\\_back\\_or\\_neck"
    )


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def parser_script(page: str) -> str:
    return page.split("<script>")[1].split("</script>")[0]


def test_export_html_is_self_contained_and_escapes_markup(tmp_path: Path) -> None:
    site = USE_JAUNDICE.replace(
        "why: The spine is the most common bone site.", "why: 'Bones <script>alert(1)</script> & more'"
    )
    folder = book(tmp_path, {"sites/bones.yaml": site})
    out = tmp_path / "book.html"
    assert main(["rules", "export", "--rules", str(folder), "--format", "html", "--output", str(out)]) == 0
    page = out.read_text()
    parser = _Collector()
    parser.feed(page)
    # One inline script (the filter box), nothing loaded from elsewhere.
    assert parser.tags.count("script") == 1 and "<script src" not in page
    assert "link" not in parser.tags and "img" not in parser.tags
    assert '<a href="#red-flags">Warning signs (red flags)</a>' in page and '<h2 id="red-flags">' in page
    assert "Bones <script>alert(1)</script> & more" in "".join(parser.text).replace(parser_script(page), "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    # Nothing is fetched from the web: the only addresses are the sources' own, shown as text.
    assert "http" not in page.replace("https://json-schema", "").replace("https://example.org/a-source", "")
    assert (
        '<dd><a href="https://example.org/a-source" class="web">https://example.org/a-source</a></dd>' in page
    )


def test_export_graphs(capsys) -> None:
    assert main(["rules", "export", "--format", "mermaid"]) == 0
    mermaid = capsys.readouterr().out
    assert mermaid.startswith("graph LR\n")
    # Grouped by site: the brain's cluster holds its rules and the findings they test.
    brain = mermaid.split('  subgraph site_brain["Brain (brain)"]\n')[1].split("  end\n")[0]
    assert '    site_brain_rule_brain_seizure("rule brain.seizure")\n' in brain
    assert "    site_brain_f_seizure --> site_brain_rule_brain_seizure\n" in brain
    assert "    site_brain_rule_brain_seizure --> site_brain_s_brain\n" in brain
    assert "    site_brain_f_seizure --> site_brain_r_seizure\n" in brain  # a red flag that belongs with it
    # Coloured by urgency, with a legend.
    assert '  subgraph legend["Legend: colour is how soon to get help"]\n' in mermaid
    assert "  classDef emergency fill:#b2182b,color:#ffffff,stroke:#333\n" in mermaid
    emergency = next(
        line for line in mermaid.splitlines() if line.startswith("  class ") and line.endswith(" emergency")
    )
    assert "site_brain_r_seizure" in emergency.split()[1].split(",") and "legend_emergency" in emergency
    assert main(["rules", "export", "--format", "dot"]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith("digraph rulebook {\n") and dot.endswith("}\n")
    assert '    "site_brain.f.seizure" -> "site_brain.rule.brain.seizure";\n' in dot
    assert '  subgraph "cluster_site_brain" {\n' in dot and '  subgraph "cluster_legend" {\n' in dot


def test_export_graph_of_one_red_flag_or_site(capsys) -> None:
    assert main(["rules", "export", "--format", "mermaid", "--only", "seizure"]) == 0
    mermaid = capsys.readouterr().out
    assert mermaid.count("  subgraph ") == 2  # the red flag, and the legend
    assert '    red_flag_seizure_r_seizure{{"A new seizure (emergency)"}}\n' in mermaid
    assert "site_" not in mermaid
    assert main(["rules", "export", "--format", "dot", "--only", "bones"]) == 0
    dot = capsys.readouterr().out
    assert dot.count("  subgraph ") == 2 and '"cluster_site_bones"' in dot
    with pytest.raises(SystemExit) as stop:
        main(["rules", "export", "--format", "dot", "--only", "bone"])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "metasymptoms: 'bone' is not a site, red flag or rule of this rule book (did you mean 'bones'?); "
        "see: metasymptoms rules list\n"
    )


def test_a_diff_names_a_red_flag_by_its_title_where_either_book_has_it(tmp_path: Path) -> None:
    """The report looks a red flag up with the book's own RuleBook.red_flag: a flag the newer
    book lacks is named from the older, one neither has by its id alone, as before."""
    from metasymptoms.reviewing.diff_report import _item_name

    shipped = load(default_rules_dir()).book
    tiny = load(write_book(tmp_path / "rules")).book
    assert _item_name(("red flag", "seizure"), shipped, tiny) == "red flag seizure (A new seizure)"
    assert _item_name(("red flag", "seizure"), tiny, shipped) == "red flag seizure (A new seizure)"
    assert _item_name(("red flag", "no_such_flag"), tiny, shipped) == "red flag no_such_flag"


def test_json_schemas_are_written_into_a_rule_books_own_schema_folder(tmp_path: Path) -> None:
    # CONTRIBUTING's step after a model changes; the schemas come from the code, no book is read
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder)
    (folder / "schema" / "guidance.schema.json").write_text("{}\n")
    assert (
        main(
            [
                "rules",
                "export",
                "--rules",
                str(folder),
                "--format",
                "json-schema",
                "--output",
                f"{folder}/schema/",
            ]
        )
        == 0
    )
    assert (
        json.loads((folder / "schema" / "guidance.schema.json").read_text())["title"]
        == "metasymptoms rule file: guidance"
    )


def test_json_schema_accepts_the_shipped_files_and_is_committed(tmp_path: Path) -> None:
    import jsonschema
    import yaml

    from metasymptoms.reviewing.schema import FILE_MODELS, schema_text

    rules = default_rules_dir()
    for kind in FILE_MODELS:
        committed = (rules / "schema" / f"{kind}.schema.json").read_text()
        assert committed == schema_text(kind), (
            f"rules/schema/{kind}.schema.json is out of date: run rules export --format json-schema --output rules/schema"
        )
    files = {kind: [rules / f"{kind}.yaml"] for kind in FILE_MODELS if kind not in ("site", "scenario")}
    files["site"] = sorted((rules / "sites").glob("*.yaml"))
    files["scenario"] = sorted((rules / "scenarios").glob("*.yaml"))
    for kind, paths in files.items():
        validator = jsonschema.Draft202012Validator(json.loads(schema_text(kind)))
        for path in paths:
            assert path.read_text().startswith("# yaml-language-server: $schema=")
            data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
            assert list(validator.iter_errors(data)) == [], path
    broken = json.loads(json.dumps(yaml.safe_load((rules / "red_flags.yaml").read_text()), default=str))
    broken["red_flags"][0]["colour"] = "red"
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("red_flags")))
    assert [error.message for error in validator.iter_errors(broken)] == [
        "Additional properties are not allowed ('colour' was unexpected)"
    ]
    # A teacher's case may say "soon" (docs/teaching.md): the editor's schema must not mark it.
    case = yaml.safe_load((rules / "scenarios" / "kidney_breathless.yaml").read_text())
    validator = jsonschema.Draft202012Validator(json.loads(schema_text("scenario")))
    for word in ("soon", "prompt", "son"):
        case["expected"]["urgency"] = word
        wrong = ["'son' is not one of ['emergency', 'urgent', 'soon', 'routine', 'prompt']"]
        assert [error.message for error in validator.iter_errors(case)] == (wrong if word == "son" else []), (
            word
        )


def test_verify_catches_a_flow_that_does_not_interrupt(monkeypatch, book) -> None:
    from metasymptoms.answering.questionnaire import Questionnaire
    from metasymptoms.reviewing import verify as proofs

    monkeypatch.setattr(Questionnaire, "interrupt_for_emergency", lambda self: False)
    failures = list(proofs.interrupt_failures(book))
    emergencies = [flag.id for flag in book.red_flags if flag.urgency.value == "emergency"]
    assert [failure.subject for failure in failures] == emergencies
    assert failures[0].message == "'spinal_cord_compression' held but its advice was never shown"


def test_rules_list_offers_exactly_the_kinds_the_index_has(book) -> None:
    from metasymptoms.arguments import KINDS
    from metasymptoms.reviewing.index import items

    assert tuple(dict.fromkeys(kind for kind, _, _ in items(book))) == KINDS

"""Teaching: scenarios (validated, checked, replayed) and the explorer."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from metasymptoms.answering.interview import ArrowKeyPrompter
from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios
from metasymptoms.teaching.explore_board import symptom_ids, what_if_board
from tests.helpers import run_main, write_book

GOLDEN = Path(__file__).parent / "golden"


def test_shipped_scenarios_are_valid_and_cover_the_ground(book: RuleBook) -> None:
    items, problems = load_scenarios(default_rules_dir(), book)
    assert problems == []
    assert len(items) >= 12
    expected_sites = {site for item in items for site in item.scenario.expected.sites}
    assert expected_sites == {site.id for site in book.sites}
    flags = {flag for item in items for flag in item.scenario.expected.red_flags}
    assert len(flags) >= 8
    histories = {item.answers.get("cancer_history") for item in items}
    assert {"none", "current", "past", "unsure"} <= histories
    assert any(not item.scenario.expected.sites for item in items)  # cases pointing nowhere


def test_demo_check_passes_for_every_shipped_scenario(capsys) -> None:
    assert main(["demo", "--check"]) == 0
    assert capsys.readouterr().out.endswith("16 of 16 scenarios agree with the rule book.\n")


def scenario_book(tmp_path: Path, name: str, text: str) -> Path:
    folder = write_book(tmp_path / "rules", {f"scenarios/{name}.yaml": text})
    return folder


GOOD = """\
title: Back pain and weak legs
learning_points: [Pressure on the spinal cord is an emergency.]
answers: {cancer_history: current, back_pain: yes, limb_weakness: yes}
expected: {urgency: emergency, sites: [bones], red_flags: [cord]}
"""


OWN = """\
quiz:
  - question: How soon does pressure on the cord need treatment?
    choices: [Within days, Within hours]
    answer: Within hours
    explanation: The cord can be damaged for good within hours.
"""


def test_demo_check_reports_the_differences(tmp_path: Path, capsys) -> None:
    folder = scenario_book(
        tmp_path, "cord", GOOD.replace("urgency: emergency", "urgency: urgent").replace("[bones]", "[]")
    )
    assert main(["demo", "--check", "--rules", str(folder)]) == 1
    assert capsys.readouterr().out == (
        "cord: urgency: expected urgent, got emergency; sites: expected [], got [bones]\n"
        "0 of 1 scenarios agree with the rule book.\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace("title:", "titel:"),
            "cord.yaml:1:1: [error] 'titel' is not a key here; did you mean 'title'? ('title' is missing from this item) (schema)",
        ),
        (
            GOOD.replace("back_pain: yes", "bak_pain: yes"),
            "cord.yaml:3:36: [error] 'bak_pain' is not a finding (did you mean 'back_pain'?) (schema)",
        ),
        (
            GOOD.replace("back_pain: yes, ", ""),
            "cord.yaml:3:36: [error] the questionnaire never asks about 'limb_weakness' with these answers (its ask_if does not hold), so a person could not give this answer (schema)",
        ),
        (
            GOOD.replace("sites: [bones]", "sites: [bone]"),
            "cord.yaml:4:40: [error] 'bone' is not a site (did you mean 'bones'?) (schema)",
        ),
        (
            GOOD + OWN.replace("answer: Within hours", "answer: Within hour"),
            "cord.yaml:8:13: [error] the answer 'Within hour' is not one of the choices (did you mean 'Within hours'?); copy the right choice here word for word (schema)",
        ),
        (
            GOOD + OWN.replace("[Within days, Within hours]", "[Within hours, Within hours]"),
            "cord.yaml:7:29: [error] the choice 'Within hours' is given twice (schema)",
        ),
        (
            GOOD + OWN.replace("[Within days, Within hours]", "[Within hours]"),
            "cord.yaml:7:14: [error] a question needs at least 2 choices to choose from (schema)",
        ),
        (
            GOOD + OWN.replace("    explanation: The cord can be damaged for good within hours.\n", ""),
            "cord.yaml:6:5: [error] 'explanation' is missing here; add it (schema)",
        ),
        (  # read by the same pipeline as every rule file: an empty one is said as plainly
            "# nothing yet\n",
            "cord.yaml:1:1: [error] the file is empty; it should hold the keys title, learning_points, "
            "answers, expected, teacher_notes, quiz (schema)",
        ),
    ],
)
def test_scenario_problems_are_located(tmp_path: Path, text: str, message: str, capsys) -> None:
    folder = scenario_book(tmp_path, "cord", text)
    with pytest.raises(SystemExit) as stop:  # the broken case itself (--list lists the others)
        main(["demo", "cord", "--rules", str(folder)])
    assert stop.value.code == 1
    assert capsys.readouterr().err.splitlines()[0] == f"{folder}/scenarios/{message}"


def test_rules_check_validates_scenarios_too(tmp_path: Path, capsys) -> None:
    folder = scenario_book(tmp_path, "cord", GOOD.replace("sites: [bones]", "sites: [bone]"))
    assert main(["rules", "check", str(folder)]) == 1
    assert (
        f"{folder}/scenarios/cord.yaml:4:40: [error] 'bone' is not a site (did you mean 'bones'?) (schema)"
        in capsys.readouterr().out
    )


def test_demo_list_names_first_then_title(capsys) -> None:
    assert main(["demo", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 16
    assert lines[0] == "breast_cord_compression        Back pain with weak legs, with breast cancer"


def test_replay_of_one_scenario_in_full(capsys) -> None:
    assert main(["demo", "prostate_mid_back_pain"]) == 0
    assert capsys.readouterr().out == (GOLDEN / "demo_prostate_mid_back_pain.txt").read_text()


def test_replay_shows_skips_firing_and_what_would_change(capsys) -> None:
    assert main(["demo", "breast_cord_compression"]) == 0
    out = capsys.readouterr().out
    assert (
        "(skipped) Is your neck stiff, so that it hurts to bend your head forward?\n    not asked: it is asked only if a new, lasting or different headache\n"
        in out
    )
    assert all(len(line) <= 78 for line in out.splitlines())
    assert (
        "    -> warning sign 'Possible pressure on the spinal cord' (Emergency) now\n       applies.\n" in out
    )
    assert (
        "       The questions stop at once, and the person sees:\n"
        "       | EMERGENCY: get help now\n"
        "       |\n"
        "       | First: Call your local emergency number (911 / 999 / 112) now, or go\n"
        "       | to the nearest emergency department.\n"
        "       |\n"
        "       | EMERGENCY: Possible pressure on the spinal cord\n"
        "       |\n"
        "       | Back or neck pain together with weakness, numbness, pain that shoots\n"
        "       | around the body like a band, or bladder or bowel changes can mean\n"
        "       | something is pressing on the spinal cord. This needs treatment within\n"
        "       | hours to protect movement and feeling. Lie flat if moving makes the\n"
        "       | pain worse.\n"
        "       |\n"
        "       | What would you like to do now?\n"
    ) in out  # three emergency signs of one pressed cord: one first step, then one card
    assert (
        "       | What would you like to do now?\n"
        "       | (First: Call your local emergency number (911 / 999 / 112) now, or go\n"
        "       | to the nearest emergency department.)\n"
        "       |   1. Stop here and get help now  (Enter)\n"
        "       |   2. Go on with the questions to learn more (this advice is repeated\n"
        "       |      at the end)\n"
    ) in out
    assert (
        "Had the person not reported new back or neck pain, the result would still say\n"
        '  "Emergency: get help now", but it would name no site instead of Bones.\n'
    ) in out
    assert "->" not in out.split("What would change the outcome")[1]  # words, never notation
    assert "cancer_history" not in out and "(back_pain)" not in out  # a class reads labels, not ids
    assert (
        "    How: a rule about Bones holds: the answer about their history of cancer is\n"
        '      "I have cancer now, or I am being treated for it", "I had cancer in the\n'
    ) in out


@pytest.mark.parametrize(
    ("finding", "was", "tried"),
    [
        ("back_pain", True, [False]),
        ("back_pain", False, [True]),  # "not sure" is not offered for a symptom that is no sign
        ("cancer_history", "current", ["none", "past", "unsure"]),
        ("temperature", 38.0, []),  # a typed number: the demo does not invent values
        ("back_pain_red_features", ("wakes_at_night",), [False]),  # which ones is for the clinician
        ("back_pain_red_features", True, [False]),
        ("back_pain_red_features", False, [True]),
        ("back_pain_red_features", "unsure", [True]),
        ("back_pain_red_features", None, [True, False]),
    ],
)
def test_what_would_change_tries_every_other_answer_the_question_offers(
    book: RuleBook, finding: str, was: object, tried: list
) -> None:
    from metasymptoms.core.kinds import kind_of

    spec = book.finding(finding)
    assert kind_of(spec).other_answers(spec, was, book.guidance.wording.answer_words) == tried


def test_step_without_a_terminal_prints_the_whole_replay() -> None:
    result = run_main("demo", "tired_no_cancer", "--step")
    assert result.returncode == 0
    assert "Press Enter" not in result.stdout
    assert "Step 11 of 11. What to take away" in result.stdout  # the lesson's steps, as its page has them
    assert "For the teacher:" in result.stdout  # on paper, the notes and answers too


def test_unknown_scenario_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["demo", "prostate_back"])
    assert stop.value.code == 2
    assert (
        capsys.readouterr().err
        == "metasymptoms: there is no scenario 'prostate_back' (did you mean 'prostate_mid_back_pain'?); see: metasymptoms demo --list\n"
    )


# --- explore -------------------------------------------------------------------------


def test_explore_site_page(capsys) -> None:
    assert main(["explore", "site", "adrenal_glands"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ADRENAL GLANDS\n==============\n")
    assert (
        "How spread here is usually found\n--------------------------------\nAlmost always on scans, not by symptoms"
        in out
    )
    assert "Cancers that commonly spread here" in out and "Lung cancer" in out
    assert all(len(line) <= 78 for line in out.splitlines())


def test_explore_symptom_page(capsys) -> None:
    assert main(["explore", "symptom", "jaundice"]) == 0
    out = capsys.readouterr().out
    assert "Sites it is linked with\n-----------------------\n  - Liver\n" in out
    assert "  - Jaundice with a fever, shivering or feeling very unwell (Emergency)\n" in out
    assert "When to see a provider" in out
    # part of an emergency sign: nothing reassuring beside its advice
    assert "common causes" not in out and "causes other than cancer" not in out
    assert main(["explore", "symptom", "bloating"]) == 0
    out = capsys.readouterr().out
    assert out.index("When to see a provider") < out.index("It often has common causes")


def test_explore_never_links_a_symptom_a_rule_rules_out(capsys) -> None:
    # The adrenal glands' rule leaves out dizziness with gut bleeding (`not: {any: [black_stools,
    # vomiting_blood]}`): a new user's trial found the explorer teaching both as symptoms of
    # spread there, the opposite of the rule.
    assert main(["explore", "site", "adrenal_glands"]) == 0
    out = capsys.readouterr().out
    assert (
        "Symptoms linked to spread here\n------------------------------\n"
        "  - feeling dizzy or faint when you stand up\n  - extreme tiredness that rest does not fix\n"
        "  - feeling sick or being sick\n  - losing weight without trying\n\n"
    ) in out
    assert main(["explore", "symptom", "black_stools"]) == 0
    assert (
        "Sites it is linked with\n-----------------------\n  (none on its own)\n" in capsys.readouterr().out
    )
    assert main(["explore", "cancer", "lung"]) == 0
    out = capsys.readouterr().out
    assert "black, tar-like stools" not in out and "vomiting blood" not in out
    assert "  Adrenal glands:\n    - feeling dizzy or faint when you stand up\n" in out


def test_explore_cancer_page(capsys) -> None:
    assert main(["explore", "cancer", "colorectal"]) == 0
    out = capsys.readouterr().out
    assert (
        "Where it commonly spreads (in no order)\n---------------------------------------\n"
        "  - Liver\n  - Lungs\n  - Peritoneum (the lining of the belly)\n"
    ) in out
    assert "Questions to ask the care team" in out
    assert "  - Possible blocked bowel\n" in out
    # each site's symptoms a list of their own, not one run-on sentence of commas
    assert (
        "What to watch for at each site\n------------------------------\n  Liver:\n"
        "    - yellow skin or yellow whites of the eyes\n    - dark urine or pale stools\n"
    ) in out


def test_explore_lists_ids_and_refuses_unknown_ones(capsys) -> None:
    assert main(["explore", "cancer"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "breast      Breast cancer"
    with pytest.raises(SystemExit) as stop:
        main(["explore", "site", "liverr"])
    assert stop.value.code == 2
    assert (
        capsys.readouterr().err
        == "metasymptoms: there is no site 'liverr' (did you mean 'liver'?); see: metasymptoms explore site\n"
    )


def test_explore_without_a_terminal_exits_2() -> None:
    result = run_main("explore")
    assert result.returncode == 2
    assert "the explorer needs a terminal" in result.stderr


def test_what_if_board_through_pipe_input(book: RuleBook, time_limit: None) -> None:
    down, up, enter = "\x1b[B", "\x1b[A", "\r"
    areas = [
        section.id
        for section in book.sections
        if set(q.finding for q in section.questions) & set(symptom_ids(book))
    ]
    bones = areas.index("bones") + 2  # rows: "Done", "has or had cancer" (the pointer starts there), areas
    in_bones = [q.finding for q in book.section_of("back_pain").questions]
    stdout = io.StringIO()
    with create_pipe_input() as keys:
        keys.send_text(
            down * (bones - 1)
            + enter  # the "Bones and back" area
            + down * (in_bones.index("back_pain"))
            + enter  # from the first symptom: tick back pain
            + down * (in_bones.index("limb_weakness") - in_bones.index("back_pain"))
            + enter  # leg weakness
            + up * (in_bones.index("limb_weakness") + 1)
            + enter  # "Back to the areas"
            + up * bones
            + enter  # "Done"
        )
        prompter = ArrowKeyPrompter(book.guidance.wording, input=keys, output=DummyOutput(), stdout=stdout)
        answers = what_if_board(book, prompter)
    # spread "none" with the history: left out it would read "not sure" (review s31, finding 5)
    assert answers == {
        "cancer_history": "current",
        "known_spread": "none",
        "back_pain": True,
        "limb_weakness": True,
    }
    text = " ".join(stdout.getvalue().split())  # wrapping depends on the terminal's width
    first = text.index(
        "How soon: Routine: none of the warning signs this tool checks for. Sites: none. Warning signs: none."
    )
    second = text.index(
        "How soon: Soon: see a healthcare provider within the next few days. Sites: Bones. "
        "Warning signs: A new symptom to tell a care team or doctor about (Soon)."
    )
    third = text.index(
        "How soon: Emergency: get help now. Sites: Bones. "
        "Warning signs: Possible pressure on the spinal cord (Emergency)"
    )
    assert first < second < third


def test_no_explorer_section_merely_repeats_its_heading(book: RuleBook) -> None:
    from metasymptoms.teaching.explore import cancer_page, site_page, symptom_page

    pages = [site_page(book, site.id) for site in book.sites]
    pages += [symptom_page(book, finding) for finding in symptom_ids(book)]
    pages += [cancer_page(book, primary.id) for primary in book.primaries]
    for page in pages:
        lines = page.splitlines()
        title = lines[0].lower()
        for index in range(3, len(lines) - 2):
            if set(lines[index + 1]) == {"-"}:  # a section heading
                body = []
                for line in lines[index + 2 :]:
                    if not line:
                        break
                    body.append(line.strip())
                assert " ".join(body).lower().rstrip(".") not in (title, lines[index].lower()), page


def test_symptom_page_without_a_meaning_does_not_repeat_its_title(capsys) -> None:
    assert main(["explore", "symptom", "jaundice"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "YELLOW SKIN OR YELLOW WHITES OF THE EYES\n========================================\n\n"
        "Sites it is linked with\n"
    )


@pytest.mark.parametrize(
    ("word", "first_line"),
    [
        ("yellow", "YELLOW SKIN OR YELLOW WHITES OF THE EYES"),
        ("Yellow", "YELLOW SKIN OR YELLOW WHITES OF THE EYES"),
        ("yelow", "(nothing matches 'yelow'; showing what matches 'yellow')"),
        ("bloated", "BLOATING"),
    ],
)
def test_explore_symptom_by_a_plain_word(word: str, first_line: str, capsys) -> None:
    assert main(["explore", "symptom", word]) == 0
    assert capsys.readouterr().out.splitlines()[0] == first_line


def test_a_word_that_matches_several_symptoms_lists_them(capsys) -> None:
    assert main(["explore", "symptom", "blood cough"]) == 0
    assert capsys.readouterr().out == (
        "Symptoms that match 'blood cough':\n"
        "  coughing_blood        a few streaks of blood in your phlegm\n"
        "  coughing_blood_large  coughing up more than a few streaks of blood\n"
        "Show one with: metasymptoms explore symptom ID\n"
    )


def test_a_word_that_matches_nothing_exits_2(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["explore", "symptom", "xyzzy"])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "metasymptoms: no symptom matches 'xyzzy'; try another word, or see them all: metasymptoms explore symptom\n"
    )


def test_explorer_pages_long_pages_and_returns_to_the_list(book: RuleBook) -> None:
    """Plain prompts through a pipe: By site, Liver (a long page, several screenfuls on a
    24-line screen), next page, back to the list (it offers Liver again), Back, Quit."""
    from metasymptoms.answering.prompter import PlainPrompter
    from metasymptoms.teaching.explore import site_page
    from metasymptoms.teaching.explore_board import run_explorer, screenfuls

    pages = len(screenfuls(site_page(book, "liver", 70).rstrip("\n").split("\n"), 24 - 5))
    assert pages >= 3
    liver = [site.id for site in book.sites].index("liver") + 1
    typed = f"1\n{liver}\n1\n2\n{len(book.sites) + 1}\n6\n"
    out = io.StringIO()
    run_explorer(
        book, PlainPrompter(book.guidance.wording, stdin=io.StringIO(typed), stdout=out), size=(70, 24)
    )
    text = out.getvalue()
    assert text.count("Which site?") == 2  # back to the same list after the page
    assert f"Page 1 of {pages}\n  1. Next page  (Enter)\n  2. Back to the list\n" in text
    assert f"Page 2 of {pages}" in text and f"Page 3 of {pages}" not in text  # the rest skipped
    assert f"  {liver}. Liver  (Enter)" in text.split("Which site?")[2]  # at the item just read
    # each screenful of the page fits above its prompt on a 24-line screen
    screens = [chunk.split("\n\nPage ")[0] for chunk in text.split("> ")[2:4]]
    assert screens[0].startswith(f"{liver}\nLIVER\n=====")
    for screen in screens:
        assert len(screen.splitlines()) - 1 <= 24 - 5  # less the echoed answer


def test_explorer_finds_a_symptom_by_a_word(book: RuleBook) -> None:
    from metasymptoms.answering.prompter import PlainPrompter
    from metasymptoms.teaching.explore import find_symptoms
    from metasymptoms.teaching.explore_board import run_explorer

    breath = len(find_symptoms(book, symptom_ids(book), "breath")[0])
    typed = f"3\nyelow\nbreath\n1\n{breath + 1}\n\n6\n"
    out = io.StringIO()
    # Tall enough for the breathlessness page on one screen: the keys typed do not page it.
    run_explorer(
        book, PlainPrompter(book.guidance.wording, stdin=io.StringIO(typed), stdout=out), size=(72, 80)
    )
    text = out.getvalue()
    assert (
        "Nothing matches 'yelow'; showing what matches 'yellow'.\nYELLOW SKIN OR YELLOW WHITES OF THE EYES\n"
        in text
    )
    assert "Symptoms that match 'breath'\n  1. being more breathless than usual  (Enter)\n" in text
    assert "BEING MORE BREATHLESS THAN USUAL\n" in text
    assert f"  {breath + 1}. Back: find another word\n" in text
    assert text.count("Symptoms that match 'breath'") == 2


# --- the teacher's guide (docs/teaching.md), as a teacher would follow it ---------------------


def _teaching_section() -> str:
    guide = (Path(__file__).parent.parent / "docs" / "teaching.md").read_text()
    return guide.split("\n## Teaching\n")[1].split("\n## ")[0]


def test_every_command_in_the_teaching_section_is_real(tmp_path: Path, monkeypatch) -> None:
    import shlex

    from metasymptoms.arguments import parse
    from metasymptoms.commands import Demo, Explore, Serve

    section = _teaching_section()
    commands = [
        shlex.split(line.split("#")[0])[1:]
        for line in section.splitlines()
        if line.startswith("metasymptoms ")
    ]
    assert len(commands) >= 9
    names = {path.stem for path in (default_rules_dir() / "scenarios").glob("*.yaml")} | {"my_case"}
    # the recipe for a case of one's own: its two cp lines
    shutil.copytree(default_rules_dir(), tmp_path / "my-rules")
    cases = tmp_path / "my-rules" / "scenarios"
    shutil.copy(cases / "tired_no_cancer.yaml", cases / "my_case.yaml")
    monkeypatch.chdir(tmp_path)
    for argv in commands:
        arguments = parse(argv)  # exits 2 on an option the CLI does not have
        assert isinstance(arguments, Demo | Explore | Serve), argv
        if isinstance(arguments, Serve):
            continue  # a server: tests/test_web_class.py serves lessons
        if isinstance(arguments, Demo):
            assert arguments.scenario is None or arguments.scenario in names
            interactive = arguments.quiz or arguments.step
        else:
            interactive = arguments.kind is None  # the explorer's menus
        if not interactive:  # those are run in real terminals in test_projector.py
            assert main(argv) == 0, argv
    assert (tmp_path / "lesson.html").read_text().startswith("<!doctype html>")


def test_the_own_question_example_in_the_readme_is_valid(tmp_path: Path) -> None:
    example = _teaching_section().split("```yaml\n")[1].split("```")[0]
    folder = scenario_book(tmp_path, "cord", GOOD + example)
    from metasymptoms.core.loader import load

    items, problems = load_scenarios(folder, load(folder).book)
    assert problems == []
    assert items[0].scenario.quiz[0].answer == "A sudden, extremely painful headache"


def test_a_skip_reason_reads_as_a_sentence_for_a_class(capsys) -> None:
    """'asked only if not the answer about ... is ...' read garbled to a new user."""
    assert main(["demo", "chemo_fever_no_cancer"]) == 0
    words = " ".join(capsys.readouterr().out.split())
    assert (
        "not asked: it is asked only if the answer about their history of cancer is neither "
        '"I have never been told I have cancer" nor "I am not sure, or I would rather not say"'
    ) in words
    assert "only if not the answer" not in words

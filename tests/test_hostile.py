"""Hostile input, hostile machines: nothing a user or the system does gives a traceback, exit 3,
a stale book or a clobbered file. Each test keeps one case of issue 13 fixed; the fuzz at the
end throws arbitrary answers files and rule files at the command line."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import select
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metasymptoms.cli import main
from metasymptoms.core import files
from tests.helpers import TINY, run_main, write_book

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def cli(
    *args: str, stdin=subprocess.DEVNULL, env: dict | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """The real program in a child process, with its real streams."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "metasymptoms", *args],
        stdin=stdin,
        env={**os.environ, **(env or {})},
        timeout=60,
        **kwargs,
    )


def run(argv: list[str]) -> tuple[int, str, str]:
    """main() in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit:
            code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text("cancer_history: current\nseizure: yes\n")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


# --- reads: bounded by bytes read, regular files only, Ctrl-C felt ----------------------


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("/dev/zero", "/dev/zero: this is a device, not a file"),
        ("FIFO", "FIFO: this is a pipe (FIFO), not a file"),
        # a folder is a batch (test_batch.py): an empty one is refused as holding no answers
        ("FOLDER", "'FOLDER' holds no answers files (names ending in .yaml, .yml, .json)"),
    ],
)
def test_an_answers_file_that_is_not_a_file_is_refused_at_once(
    tmp_path: Path, target: str, message: str, monkeypatch, time_limit
) -> None:
    if target == "FIFO":
        os.mkfifo(tmp_path / "FIFO")  # no writer: a plain open() would wait (time_limit stops it)
    if target == "FOLDER":
        (tmp_path / "FOLDER").mkdir()
    monkeypatch.chdir(tmp_path)
    result = run_main("ask", "--answers", target)
    assert (result.returncode, result.stderr) == (2, f"metasymptoms: {message}\n")


def test_a_rule_file_that_is_a_fifo_is_a_located_problem(tiny: Path) -> None:
    (tiny / "sources.yaml").unlink()
    os.mkfifo(tiny / "sources.yaml")
    code, out, _ = run(["rules", "check", str(tiny)])
    assert code == 1
    assert f"{tiny}/sources.yaml:1:1: [error] this is a pipe (FIFO), not a file (yaml)" in out


def test_a_file_growing_past_the_limit_while_read_is_refused(tmp_path: Path, monkeypatch) -> None:
    """The limit counts bytes read, not the size the file had when it was opened."""
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 6)
    real_read = os.read

    def read_while_growing(handle: int, size: int) -> bytes:
        chunk = real_read(handle, size)
        with path.open("ab") as stream:  # someone appends while it is read
            stream.write(b"y" * 4)
        return chunk

    monkeypatch.setattr(files, "CHUNK", 4)
    monkeypatch.setattr(os, "read", read_while_growing)
    with pytest.raises(files.UnreadableFile) as error:
        files.read_limited(path, 8, what="answers files")
    assert (
        error.value.message == "the file holds more than 8 bytes; answers files larger than that are refused"
    )


def test_plain_questions_from_dev_zero_stop_with_a_message() -> None:
    with open("/dev/zero", "rb") as zero:
        result = cli("ask", "--plain", stdin=zero)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "metasymptoms: an answer line is longer than 1000 characters; the questions read one short answer a line\n"
    )


def test_ctrl_c_while_waiting_for_input_exits_130() -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "metasymptoms", "ask", "--plain"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seen = b""
    deadline = time.monotonic() + 30
    while not seen.endswith(b"> ") and time.monotonic() < deadline:
        ready, _, _ = select.select([child.stdout], [], [], 1)
        if ready:
            seen += os.read(child.stdout.fileno(), 4096)
    assert seen.endswith(b"> ")  # blocked reading the first answer
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    child.stdin.close()
    assert (child.returncode, err.decode()) == (130, "\nStopped. Nothing was saved.\n")


# --- --output: never an input, never a device, whole or nothing -------------------------


def test_output_over_the_answers_file_is_refused(answers: Path) -> None:
    before = answers.read_bytes()
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(answers)])
    assert (code, err) == (
        2,
        f"metasymptoms: cannot write '{answers}': it is one of the files this run reads; choose another name\n",
    )
    assert answers.read_bytes() == before


def test_output_over_a_hard_link_to_the_answers_file_is_refused(answers: Path, tmp_path: Path) -> None:
    link = tmp_path / "same.yaml"
    os.link(answers, link)
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(link)])
    assert code == 2 and "it is one of the files this run reads" in err


def test_export_over_a_rule_file_is_refused(tiny: Path) -> None:
    before = (tiny / "findings.yaml").read_bytes()
    code, _, err = run(
        ["rules", "export", "--rules", str(tiny), "--format", "markdown"]
        + ["--output", str(tiny / "findings.yaml")]
    )
    assert (code, err) == (
        2,
        f"metasymptoms: cannot write '{tiny}/findings.yaml': it is inside the rule book folder "
        f"'{tiny}' that this run reads; choose a name outside it\n",
    )
    assert (tiny / "findings.yaml").read_bytes() == before


def test_output_to_a_fifo_is_refused(answers: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(fifo)])
    assert (code, err) == (
        2,
        f"metasymptoms: cannot write '{fifo}': it is a pipe (FIFO), not a regular file; choose a file name\n",
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_output_over_a_link_replaces_the_link_never_its_target(answers: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "summary.md"
    link.symlink_to(target)
    assert run(["ask", "--answers", str(answers), "--format", "markdown", "--output", str(link)])[0] == 0
    assert target.read_text() == "keep me"
    assert not link.is_symlink() and link.read_text().startswith("# metasymptoms: summary")


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_a_save_leaves_the_whole_file_and_says_so(
    answers: Path, tmp_path: Path, monkeypatch, signum: int, code: int
) -> None:
    """Fault injection: the signal arrives halfway through writing the file."""
    out = tmp_path / "summary.md"
    real_fdopen = os.fdopen

    def fdopen(handle, *args, **kwargs):
        stream = real_fdopen(handle, *args, **kwargs)
        real_write = stream.write

        def write(data):
            half = len(data) // 2
            real_write(data[:half])
            # To this thread, as to a one-thread program: under pytest-xdist another thread
            # of the test process would take a signal sent to the whole process.
            signal.pthread_kill(threading.get_ident(), signum)
            time.sleep(0.05)  # the signal is pending now, held back until the file is whole
            return real_write(data[half:])

        stream.write = write
        return stream

    monkeypatch.setattr(os, "fdopen", fdopen)
    result = run(["ask", "--answers", str(answers), "--format", "markdown", "--output", str(out)])
    assert result[0] == code
    assert result[2] == f"\nStopped. Saved before you stopped: {out}. Nothing else was saved.\n"
    assert out.read_text().startswith("# metasymptoms: summary") and out.read_text().endswith("\n")
    assert "EMERGENCY" in out.read_text()
    assert leftovers(tmp_path) == []


def test_a_signal_before_the_save_leaves_nothing(answers: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "summary.md"

    def interrupted(*args, **kwargs):
        signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
        time.sleep(1)
        raise AssertionError("SIGTERM was not felt")

    monkeypatch.setattr("metasymptoms.commands.ask.renderer", lambda name: interrupted)
    assert run(["ask", "--answers", str(answers), "--output", str(out)])[1:] == (
        "",
        "\nStopped. Nothing was saved.\n",
    )
    assert not out.exists() and leftovers(tmp_path) == []


def test_a_failed_write_keeps_the_old_file_and_no_temporary(
    answers: Path, tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "summary.md"
    out.write_text("the old summary")

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(out)])
    assert (code, err) == (2, f"metasymptoms: cannot write '{out}': No space left on device\n")
    assert out.read_text() == "the old summary" and leftovers(tmp_path) == []


def test_a_read_only_folder_is_a_clear_message(answers: Path, tmp_path: Path, monkeypatch) -> None:
    """Fault injection (root may write anywhere): creating the file is refused."""
    real_open = os.open

    def read_only(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    out = tmp_path / "summary.md"
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(out)])
    assert (code, err) == (2, f"metasymptoms: cannot write '{out}': Permission denied\n")


@pytest.mark.skipif(IS_ROOT, reason="root writes into a read-only folder; the fault-injected test covers it")
def test_a_really_read_only_folder_is_a_clear_message(answers: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _, err = run(["ask", "--answers", str(answers), "--output", str(folder / "x.md")])
    finally:
        folder.chmod(0o700)
    assert (code, err) == (2, f"metasymptoms: cannot write '{folder / 'x.md'}': Permission denied\n")


# --- the terminal: control characters shown, never obeyed --------------------------------


def test_escape_sequences_in_an_answers_key_are_shown_not_obeyed(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text('"\\e]0;PWNED\\a\\e[2J": yes\n')
    code, _, err = run(["ask", "--answers", str(path)])
    assert (code, err) == (
        2,
        f"metasymptoms: {path}:1:1: '\\u001b]0;PWNED\\u0007\\u001b[2J' is not a finding\n",
    )


HOSTILE_TITLE = "Cord \x1b]0;PWNED\x07\x1b[2Jpressure\u202e"


@pytest.fixture
def hostile_book(tmp_path: Path) -> Path:
    flags = TINY["red_flags.yaml"].replace("title: Cord pressure", f'title: "{_yaml_escaped(HOSTILE_TITLE)}"')
    sites = TINY["sites/bones.yaml"].replace(
        "why: The spine is the most common bone site.",
        'why: "The spine.\\n---\\n```\\n# Heading\\n- item"',
    )
    findings = TINY["findings.yaml"].replace("label: new back pain", 'label: "back \\" pain\\nx --> y"')
    return write_book(
        tmp_path / "rules", {"red_flags.yaml": flags, "sites/bones.yaml": sites, "findings.yaml": findings}
    )


def _yaml_escaped(text: str) -> str:
    def escaped(char: str) -> str:
        code = ord(char)
        return f"\\x{code:02x}" if code < 32 else f"\\u{code:04x}" if code > 0x2000 else char

    return "".join(escaped(char) for char in text)


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "--answers", "ANSWERS"],
        ["rules", "show", "cord"],
        ["rules", "list"],
        ["explore", "site", "bones"],
        ["rules", "check", "BOOK"],
        ["rules", "export", "--format", "markdown"],
        ["rules", "export", "--format", "mermaid"],
        ["rules", "export", "--format", "dot"],
    ],
)
def test_rule_text_reaches_no_terminal_raw(hostile_book: Path, tmp_path: Path, argv: list[str]) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: current\nback_pain: yes\nlimb_weakness: yes\n")
    argv = [str(answers) if a == "ANSWERS" else str(hostile_book) if a == "BOOK" else a for a in argv]
    if argv[0] != "rules" or argv[1] != "check":
        argv += ["--rules", str(hostile_book)]
    result = run_main(*argv)
    text = result.stdout + result.stderr
    assert result.returncode in (0, 1), text
    assert not CONTROL.search(text)
    assert "\u202e" not in text


def test_the_markdown_summary_and_mermaid_keep_values_on_their_line(
    hostile_book: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: current\nback_pain: yes\n")
    out = tmp_path / "summary.md"
    argv = ["ask", "--rules", str(hostile_book), "--answers", str(answers), "--format", "markdown"]
    assert run(argv + ["--output", str(out)])[0] == 0
    lines = out.read_text().splitlines()
    assert not [line for line in lines if line.startswith(("---", "```", "# Heading", "- item"))]
    assert any("The spine. --- \\`\\`\\` \\# Heading - item" in line for line in lines)
    code, mermaid, _ = run(["rules", "export", "--rules", str(hostile_book), "--format", "mermaid"])
    assert code == 0
    assert all(line == "graph LR" or line.startswith("  ") for line in mermaid.splitlines())
    assert '["back #quot; pain x --#gt; y"]' in mermaid


# --- each former exit 3: a located message or a graceful fallback ------------------------


def test_an_impossible_date_in_a_rule_file_is_located(tiny: Path) -> None:
    (tiny / "red_flags.yaml").write_text(TINY["red_flags.yaml"].replace("2026-01-01", "2026-02-30"))
    code, out, _ = run(["rules", "check", str(tiny)])
    assert code == 1
    assert out.splitlines()[0] == (
        f"{tiny}/red_flags.yaml:12:33: [error] '2026-02-30' is not a date in the calendar; "
        "write a real date as YYYY-MM-DD (yaml)"
    )


def test_an_impossible_date_and_a_huge_number_in_answers_are_located(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("seizure: 2026-02-30\n")
    assert run(["ask", "--answers", str(path)])[1:] == (
        "",
        f"metasymptoms: {path}:1:10: '2026-02-30' is not a date in the calendar; write a real date as YYYY-MM-DD\n",
    )
    path.write_text("seizure: " + "9" * 5000 + "\n")
    assert run(["ask", "--answers", str(path)])[1:] == (
        "",
        f"metasymptoms: {path}:1:10: this number is 5000 characters long; write a number of at most 100 digits, or put the text in quotes\n",
    )


def test_an_ascii_only_output_is_transliterated_and_the_emergency_gets_out(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("cancer_history: current\nfever: yes\nrecent_chemotherapy: yes\n")
    env = {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    result = cli("ask", "--answers", str(path), env=env)
    text = result.stdout.decode("ascii")
    assert result.returncode == 0 and result.stderr == b""
    assert text.startswith("metasymptoms: what your answers point to\n\nEMERGENCY: GET HELP NOW\n")
    assert "37.5 deg C (99.5 deg F)" in text
    others = (["rules", "show", "fever_on_chemotherapy"], ["explore", "symptom", "fever"], ["rules", "list"])
    for argv in others:
        shown = cli(*argv, env=env)
        assert shown.returncode == 0 and shown.stdout.decode("ascii"), argv


def test_an_ascii_only_error_output_still_tells_the_person_what_to_do(tmp_path: Path) -> None:
    sources = TINY["sources.yaml"] + "    note: 38°C\n    x: 1\n"
    broken = write_book(tmp_path / "rules", {"sources.yaml": sources})
    result = cli("ask", "--rules", str(broken), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 1
    assert result.stderr.decode("ascii").endswith(
        "The questions cannot start. If this is an emergency, call your local emergency number "
        "(911 / 999 / 112) now; otherwise please see your healthcare provider.\n"
    )


RESULT_NOT_SHOWN = (
    "The result could not be shown. If this is an emergency, call your local emergency number "
    "(911 / 999 / 112) now; otherwise please see your healthcare provider.\n"
)


def cli_closed(*args: str, close: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "metasymptoms", *args],
        stdout=subprocess.PIPE if close != 1 else None,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL if close != 0 else None,
        preexec_fn=lambda: os.close(close),
        timeout=60,
    )


def test_a_closed_stdout_is_a_clear_message(answers: Path) -> None:
    result = cli_closed("ask", "--answers", str(answers), close=1)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "metasymptoms: the standard output is closed, so the result cannot be shown; "
        "use --output FILE to save it to a file\n" + RESULT_NOT_SHOWN
    )


def test_a_closed_stdin_is_a_clear_message() -> None:
    result = cli_closed("ask", "--plain", close=0)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "metasymptoms: the standard input is closed, so no answer can be typed; "
        "give the answers in a file: metasymptoms ask --answers FILE\n"
    )


def test_a_closed_stdout_with_output_to_a_file_still_works(answers: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = cli_closed("ask", "--answers", str(answers), "--format", "json", "--output", str(out), close=1)
    assert result.returncode == 0 and json.loads(out.read_text())["urgency"] == "emergency"


def test_a_full_disk_on_stdout_is_a_clear_message(answers: Path) -> None:
    with open("/dev/full", "w") as full:
        result = cli("ask", "--answers", str(answers), stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr.decode() == (
        "metasymptoms: the result could not be written to the standard output (No space left on device)\n"
        + RESULT_NOT_SHOWN
    )


def test_ctrl_d_in_demo_step_stops_calmly() -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "metasymptoms", "demo", "lung_first_seizure", "--step"],
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact("q stop")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Stopped." in child.before and "Traceback" not in child.before


def test_an_unsearchable_sites_folder_is_a_located_problem(tiny: Path, monkeypatch) -> None:
    """Fault injection (root may read anything): listing the folder is refused."""
    real_scandir = os.scandir

    def refused(path):
        if str(path).endswith("sites"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    code, out, _ = run(["rules", "check", str(tiny)])
    assert code == 1
    assert f"{tiny}/sites:1:1: [error] the 'sites' folder cannot be read (Permission denied) (schema)" in out


@pytest.mark.skipif(IS_ROOT, reason="root reads any folder; the fault-injected test covers it")
def test_a_really_unsearchable_sites_folder_is_a_located_problem(tiny: Path) -> None:
    (tiny / "sites").chmod(0o600)
    try:
        code, out, err = run(["ask", "--rules", str(tiny), "--answers", "/dev/null"])
    finally:
        (tiny / "sites").chmod(0o700)
    assert code == 1 and "Permission denied" in out + err


# --- scale -------------------------------------------------------------------------------


def test_fifty_thousand_unknown_keys_give_a_bounded_report(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("".join(f"unknown_{n}: yes\n" for n in range(50_000)))
    code, _, err = run(["ask", "--answers", str(path)])
    lines = err.splitlines()
    assert code == 2 and len(lines) == 21
    assert lines[0] == f"metasymptoms: {path}:1:1: 'unknown_0' is not a finding"
    assert lines[-1] == f"metasymptoms: {path}: and 49980 more problems like these"


def test_suggestions_are_prepared_once_and_bounded() -> None:
    from metasymptoms.core.suggest import Suggestions

    suggestions = Suggestions(["back_pain", "jaundice"], limit=2)
    assert suggestions.hint("bak_pain") == " (did you mean 'back_pain'?)"
    assert suggestions.hint("jaundise") == " (did you mean 'jaundice'?)"
    assert suggestions.hint("bak_pain") == " (did you mean 'back_pain'?)"  # remembered
    assert suggestions.hint("jaundic") == ""  # past the limit: no more searching


def test_verify_does_not_confuse_two_questions_with_the_same_text(tiny: Path) -> None:
    same = TINY["questions.yaml"].replace("text: Weak legs?", "text: Back pain?")
    (tiny / "questions.yaml").write_text(same)
    code, out, _ = run(["rules", "verify", str(tiny)])
    assert code == 0, out
    assert "ok    every emergency's advice is shown before the next question (1)" in out


# --- fuzz: whatever the files hold, a known exit and never a traceback -------------------

FINDINGS = ["cancer_history", "back_pain", "limb_weakness", "jaundice"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        ["yes", "no", "current", "none", "2026-02-30", "9" * 5000, "&a", "*a", "!!python/object", "\x1b[2J"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
keys = st.one_of(st.sampled_from(FINDINGS), st.text(max_size=12))


def _as_yaml(data: object) -> str:
    import yaml

    return yaml.safe_dump(data, allow_unicode=True)


HOSTILE_VALUES = ["2026-02-30", "9" * 5000, "[", "&x", "*x", "!!binary x", "{a: 1}", "- -", '"\\e[2J"', ""]
# written as the plain YAML a person types: a dump would quote what looks like a date
raw_answers = st.lists(
    st.tuples(
        st.sampled_from(FINDINGS + ["bak_pain", "'\\e[2J'"]),
        st.sampled_from(HOSTILE_VALUES + ["yes", "no", "current", "maybe", "1e999", "0x1F", "2026-01-01"]),
    ),
    max_size=5,
).map(lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs))

answers_texts = st.one_of(
    raw_answers,
    st.dictionaries(keys, values, max_size=6).map(_as_yaml),
    st.dictionaries(keys, values, max_size=6).map(lambda d: json.dumps(d, default=str)),
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)

FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def _assert_known_exit(code: object, err: str) -> None:
    assert code in (0, 1, 2, 130), err
    assert "Traceback" not in err and "something went wrong inside metasymptoms" not in err, err


@FUZZ
@given(text=answers_texts)
def test_fuzz_answers_files(tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "a.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    code, _, err = run(["ask", "--answers", str(path), "--format", "json"])
    _assert_known_exit(code, err)


@st.composite
def broken_books(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(TINY)))
    text = TINY[name]
    how = draw(st.sampled_from(["cut", "insert", "replace", "value"]))
    at = draw(st.integers(min_value=0, max_value=len(text)))
    if how == "cut":
        text = text[:at] + text[at + draw(st.integers(1, 20)) :]
    elif how == "insert":
        text = text[:at] + draw(st.text(max_size=10)) + text[at:]
    elif how == "replace":
        text = draw(st.text(max_size=300))
    else:
        lines = text.splitlines()
        index = draw(st.integers(0, len(lines) - 1))
        head = lines[index].split(":")[0]
        lines[index] = f"{head}: {draw(st.sampled_from(HOSTILE_VALUES))}"
        text = "\n".join(lines) + "\n"
    return name, text


@FUZZ
@given(change=broken_books())
def test_fuzz_rule_files(tmp_path_factory, change: tuple[str, str]) -> None:
    folder = write_book(tmp_path_factory.mktemp("book") / "rules", {change[0]: change[1]})
    answers = folder.parent / "a.yaml"
    answers.write_text("cancer_history: current\nback_pain: yes\n")
    for argv in (
        ["rules", "check", str(folder)],
        ["ask", "--rules", str(folder), "--answers", str(answers)],
    ):
        code, _, err = run(argv)
        _assert_known_exit(code, err)

"""--output never replaces what it must not: a device, a link to one, a folder, a file this run
reads or may read (anything in the rule book folder in use), and a name ending in '/' is not
a file. Each refusal is exit 2 and one plain line; nothing is touched.

No test here names /dev/stdout as a target through the whole program: as root, a regression
would replace the machine's /dev/stdout link with a file. A link in tmp_path to the same
place (/proc/self/fd/1) shows the same case harmlessly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from metasymptoms.core.output import output_path
from metasymptoms.core.problems import OutputError
from tests.helpers import write_book
from tests.test_hostile import leftovers, run


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text("cancer_history: current\nback_pain: yes\n")
    return path


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_book(tmp_path / "rules")


def _link(tmp_path: Path, name: str, target: str) -> str:
    (tmp_path / name).symlink_to(target)
    return str(tmp_path / name)


def _fifo_link(tmp_path: Path) -> str:
    os.mkfifo(tmp_path / "fifo")
    return _link(tmp_path, "pipe", str(tmp_path / "fifo"))


# (how to make the target, what the one line says once TARGET is put for the path)
REFUSED = {
    "a trailing slash": (
        lambda tmp, book: str(tmp / "newdir") + "/",
        "cannot write 'TARGET': a name ending in '/' is a folder; name a file in it",
    ),
    "an existing folder with a slash": (
        lambda tmp, book: str(tmp) + "/",
        "cannot write 'TARGET': a name ending in '/' is a folder; name a file in it",
    ),
    "a link to a pipe": (
        lambda tmp, book: _fifo_link(tmp),
        "cannot write 'TARGET': it is a link to a pipe (FIFO), not a regular file; choose a file name",
    ),
    "a link to a device": (
        lambda tmp, book: _link(tmp, "null", "/dev/null"),
        "cannot write 'TARGET': it is a link to a device, not a regular file; choose a file name",
    ),
    "a link to a folder": (
        lambda tmp, book: _link(tmp, "folder", str(tmp)),
        "cannot write 'TARGET': it is a link to a folder, not a regular file; choose a file name",
    ),
    "the hazard log, not read by ask": (
        lambda tmp, book: str(book / "hazards.yaml"),
        "cannot write 'TARGET': it is inside the rule book folder 'BOOK' that this run reads; "
        "choose a name outside it",
    ),
    "a new file in the rule book folder": (
        lambda tmp, book: str(book / "sites" / "new.yaml"),
        "cannot write 'TARGET': it is inside the rule book folder 'BOOK' that this run reads; "
        "choose a name outside it",
    ),
    "a scenario": (
        lambda tmp, book: str(book / "scenarios" / "one.yaml"),
        "cannot write 'TARGET': it is inside the rule book folder 'BOOK' that this run reads; "
        "choose a name outside it",
    ),
    "a schema through a link to the book": (
        lambda tmp, book: _link(tmp, "alias", str(book)) + "/schema/book.schema.json",
        "cannot write 'TARGET': it is inside the rule book folder 'BOOK' that this run reads; "
        "choose a name outside it",
    ),
    "an empty name": (lambda tmp, book: "", "cannot write '': name a file, or - for the standard output"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_ask_refuses_an_output_it_must_never_replace(
    tmp_path: Path, answers: Path, book: Path, case: str
) -> None:
    (book / "scenarios").mkdir()
    (book / "scenarios" / "one.yaml").write_text("kept: yes\n")
    (book / "schema").mkdir()
    (book / "schema" / "book.schema.json").write_text("{}\n")
    make, message = REFUSED[case]
    target = make(tmp_path, book)
    before = {path: path.read_bytes() for path in book.rglob("*") if path.is_file()}
    links = {path: os.readlink(path) for path in tmp_path.iterdir() if path.is_symlink()}
    code, out, err = run(["ask", "--rules", str(book), "--answers", str(answers), "--output", target])
    expected = message.replace("TARGET", target.rstrip("/") if "link to a" in message else target)
    assert (code, out, err) == (2, "", "metasymptoms: " + expected.replace("BOOK", str(book)) + "\n")
    assert {path: path.read_bytes() for path in book.rglob("*") if path.is_file()} == before
    assert {path: os.readlink(path) for path in tmp_path.iterdir() if path.is_symlink()} == links
    assert not (tmp_path / "newdir").exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("system", ["/dev/stdout", "/dev/stderr", "/proc/self/fd/1", "/dev/null", "/sys/x"])
def test_nothing_is_ever_written_in_the_system_folders(system: str) -> None:
    """Checked without writing: a regression here must not replace the machine's /dev/stdout."""
    folder = system.split("/")[1]
    with pytest.raises(OutputError) as refused:
        output_path(system)
    assert str(refused.value) == (
        f"cannot write '{system}': it is in /{folder}, which holds the system's devices, not files; "
        "choose a file name, or - for the standard output"
    )


def test_export_refuses_a_folder_inside_the_rule_book(book: Path) -> None:
    code, _, err = run(
        ["rules", "export", "--rules", str(book), "--format", "markdown", "--output", f"{book}/docs/"]
    )
    assert (code, err) == (
        2,
        f"metasymptoms: cannot write '{book}/docs': it is inside the rule book folder '{book}' that this "
        "run reads; choose a name outside it\n",
    )
    assert not (book / "docs").exists()


def test_the_standard_input_is_one_of_the_files_read(tmp_path: Path, answers: Path) -> None:
    from tests.test_hostile import cli

    with answers.open("rb") as stdin:
        result = cli("ask", "--plain", "--output", str(answers), stdin=stdin)
    assert (result.returncode, result.stderr.decode()) == (
        2,
        f"metasymptoms: cannot write '{answers}': it is one of the files this run reads; choose another name\n",
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", "--answers", "ANSWERS", "--output", "-"],
        ["rules", "export", "--format", "mermaid", "--output", "-"],
        ["demo", "lung_first_seizure", "--html", "--output", "-"],
    ],
)
def test_a_dash_is_the_standard_output_written_directly(
    tmp_path: Path, answers: Path, argv: list[str]
) -> None:
    os.chdir(tmp_path)
    code, out, err = run([str(answers) if word == "ANSWERS" else word for word in argv])
    assert (code, err) == (0, "") and out
    assert not (tmp_path / "-").exists()


def test_the_longest_name_the_file_system_allows_is_written(tmp_path: Path, answers: Path) -> None:
    """The temporary file beside it is never longer than the name itself."""
    name = tmp_path / ("s" * 255)
    code, _, err = run(["ask", "--answers", str(answers), "--output", str(name)])
    assert (code, err) == (0, f"Wrote the result to {name}.\n")
    assert name.read_text().startswith("metasymptoms: what your answers point to")
    assert leftovers(tmp_path) == []

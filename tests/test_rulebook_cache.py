"""The validated rule book is cached by the bytes it was validated from, as data, in a
folder only its user can write; nothing in the cache can make a run lie or fail."""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from metasymptoms.core import rulebook
from metasymptoms.core.loader import default_rules_dir, load
from metasymptoms.core.problems import RuleBookError
from metasymptoms.core.rulebook import book_key, cache_dir, decode, encode, load_for_use, read_book_files
from tests.helpers import TINY


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("METASYMPTOMS_CACHE_DIR", str(folder))
    monkeypatch.delenv("METASYMPTOMS_NO_CACHE", raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("book-*.json"))


def test_second_load_comes_from_the_cache(tiny: Path, own_cache: Path) -> None:
    first = load_for_use(tiny)
    (entry,) = entries(own_cache)
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    # Mark the entry: a label no rule file holds. An equal book could also be validated afresh;
    # only the entry can give back the mark.
    data = json.loads(entry.read_bytes())
    assert data["book"]["findings"][1]["label"] == first.findings[1].label == "new back pain"
    data["book"]["findings"][1]["label"] = "read from the cache"
    entry.write_text(json.dumps(data))
    second = load_for_use(tiny)
    assert second.findings[1].label == "read from the cache"
    assert dataclasses.replace(second, findings=first.findings) == first  # all else as validated


def test_an_entry_is_json_of_the_book_not_code(tiny: Path, own_cache: Path) -> None:
    load_for_use(tiny)
    (entry,) = entries(own_cache)
    data = json.loads(entry.read_bytes())
    assert data["format"] == rulebook.CACHE_FORMAT
    assert data["book"]["$"] == "RuleBook"
    assert data["book"]["red_flags"][0]["urgency"] == {"$enum": "Urgency", "value": "emergency"}
    assert data["book"]["red_flags"][0]["checked"] == {
        "$": "Checked",
        "by": "author",
        "date": {"$date": "2026-01-01"},
    }


def test_the_shipped_book_rebuilds_equal_and_frozen() -> None:
    book = load(default_rules_dir()).book
    again = decode(encode(book, "k"), "k")
    assert again == book
    assert isinstance(again.findings, tuple) and isinstance(again.red_flags[0].sources, tuple)
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.findings[0].label = "changed"  # type: ignore[misc]


def test_every_class_in_a_book_is_known_to_the_format() -> None:
    """Generic over the models: a class added to the rule book is found from the type hints."""
    book = load(default_rules_dir()).book
    used: set[type] = set()

    def walk(value: object) -> None:
        used.add(type(value))
        if dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    walk(book)
    known = set(rulebook._classes().values())
    assert {kind for kind in used if dataclasses.is_dataclass(kind)} <= known
    # and every class RuleBook's type hints name, used by the shipped book or not
    assert set(rulebook.classes_from_type_hints().values()) <= known


def test_an_entry_under_another_key_is_not_used(tiny: Path, own_cache: Path) -> None:
    book = load_for_use(tiny)
    (entry,) = entries(own_cache)
    with pytest.raises(ValueError):
        decode(entry.read_bytes(), "another key")
    assert decode(entry.read_bytes(), book_key(read_book_files(tiny)) or "") == book


def test_an_edited_file_is_validated_again(tiny: Path) -> None:
    load_for_use(tiny)
    (tiny / "sources.yaml").write_text(TINY["sources.yaml"] + "    colour: red\n")
    with pytest.raises(RuleBookError):
        load_for_use(tiny)


def test_a_same_length_edit_keeping_the_old_time_is_read_afresh(tiny: Path, own_cache: Path) -> None:
    """The cache is keyed by every byte, not by a file's size or time: an edit of the same
    length, with the file's time put back, is read as edited."""
    first = load_for_use(tiny)
    path = tiny / "red_flags.yaml"
    before = path.stat()
    text = path.read_text()
    assert "emergency number now." in text
    path.write_text(text.replace("emergency number now.", "emergency number now!"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    second = load_for_use(tiny)
    assert first.red_flags[0].advice.endswith("now.")
    assert second.red_flags[0].advice.endswith("now!")
    assert len(entries(own_cache)) == 2


def test_a_new_site_file_changes_the_key(tiny: Path) -> None:
    before = book_key(read_book_files(tiny))
    (tiny / "sites" / "brain.yaml").write_text(TINY["sites/bones.yaml"].replace("id: bones", "id: brain"))
    assert book_key(read_book_files(tiny)) not in (before, None)


def test_an_edit_landing_mid_run_is_never_cached_under_the_old_content(
    tiny: Path, own_cache: Path, monkeypatch
) -> None:
    """The key and the validated book come from the same bytes, read once: a file changed
    between the two can no longer poison the cache."""
    flags = tiny / "red_flags.yaml"
    original = flags.read_text()
    softened = original.replace("urgency: emergency", "urgency: prompt")
    real_key = rulebook.book_key

    def key_then_edit(files):
        key = real_key(files)
        flags.write_text(softened)  # lands after the files were read, before validation
        return key

    monkeypatch.setattr(rulebook, "book_key", key_then_edit)
    first = load_for_use(tiny)
    assert first.red_flags[0].urgency.value == "emergency"  # what was read is what was validated
    monkeypatch.setattr(rulebook, "book_key", real_key)
    assert load_for_use(tiny).red_flags[0].urgency.value == "prompt"  # the edit: validated afresh
    flags.write_text(original)  # undone byte for byte
    assert load_for_use(tiny).red_flags[0].urgency.value == "emergency"


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"format": "2"', b'{"format": "2", "key": "x", "book": []}', b"[" * 100_000],
    ids=["empty", "garbage", "truncated", "wrong key", "deeply nested"],
)
def test_a_corrupt_entry_is_rebuilt(tiny: Path, own_cache: Path, content: bytes) -> None:
    book = load_for_use(tiny)
    (entry,) = entries(own_cache)
    entry.write_bytes(content)
    assert load_for_use(tiny) == book
    assert entry.read_bytes() != content  # written again, whole


def test_an_entry_of_the_right_key_but_wrong_shape_is_rebuilt(tiny: Path, own_cache: Path) -> None:
    book = load_for_use(tiny)
    (entry,) = entries(own_cache)
    data = json.loads(entry.read_bytes())
    data["book"]["findings"][0] = {"$": "Finding", "id": "x", "colour": "red"}  # an unknown field
    entry.write_text(json.dumps(data))
    assert load_for_use(tiny) == book


def test_a_planted_pickle_is_never_loaded(tiny: Path, own_cache: Path) -> None:
    """The old format's name, holding a payload that would run code if unpickled."""
    own_cache.mkdir(mode=0o700)
    key = book_key(read_book_files(tiny)) or ""
    marker = own_cache / "ran"
    payload = pickle.dumps(_Exploit(str(marker)))
    (own_cache / f"book-{key[:40]}.pickle").write_bytes(payload)
    load_for_use(tiny)
    assert not marker.exists()
    assert not list(own_cache.glob("*.pickle"))  # the old format is cleared away


class _Exploit:
    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (Path.touch, (Path(self.path),))


def test_a_cache_folder_others_may_write_in_is_ignored(
    tiny: Path, own_cache: Path, capsys, monkeypatch
) -> None:
    own_cache.mkdir()
    os.chmod(own_cache, 0o777)
    monkeypatch.setenv("METASYMPTOMS_DEBUG", "1")
    assert load_for_use(tiny).findings
    assert entries(own_cache) == []  # nothing read from it, nothing written to it
    assert capsys.readouterr().err == (
        f"metasymptoms: others may write in the cache folder {own_cache}; it is ignored\n"
    )


def test_a_cache_folder_of_another_user_is_ignored(tiny: Path, own_cache: Path, capsys, monkeypatch) -> None:
    own_cache.mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(own_cache).st_uid + 1)
    monkeypatch.setenv("METASYMPTOMS_DEBUG", "1")
    assert load_for_use(tiny).findings
    assert entries(own_cache) == []
    assert capsys.readouterr().err == (
        f"metasymptoms: the cache folder {own_cache} belongs to another user; it is ignored\n"
    )


def test_without_debug_an_ignored_folder_is_silent(tiny: Path, own_cache: Path, capsys) -> None:
    own_cache.mkdir()
    os.chmod(own_cache, 0o777)
    assert load_for_use(tiny).findings
    assert capsys.readouterr().err == ""


def test_a_link_or_a_fifo_in_place_of_an_entry_is_not_opened(tiny: Path, own_cache: Path) -> None:
    book = load_for_use(tiny)
    (entry,) = entries(own_cache)
    elsewhere = own_cache.parent / "elsewhere.json"
    entry.rename(elsewhere)
    entry.symlink_to(elsewhere)
    assert load_for_use(tiny) == book
    assert not entry.is_symlink()  # replaced by a real entry
    entry.unlink()
    os.mkfifo(entry)
    assert load_for_use(tiny) == book  # a FIFO would block a plain open() forever


def test_an_unwritable_cache_folder_is_harmless(tiny: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("METASYMPTOMS_CACHE_DIR", str(blocker / "cache"))
    assert load_for_use(tiny).findings
    assert cache_dir() == blocker / "cache"


def test_no_home_folder_means_no_cache(tiny: Path, monkeypatch) -> None:
    monkeypatch.delenv("METASYMPTOMS_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert cache_dir() is None
    assert load_for_use(tiny).findings


def test_warm_ask_does_not_import_pydantic(tmp_path: Path, own_cache: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: current\nseizure: yes\n")
    code = (
        "import sys, io, contextlib\nfrom metasymptoms.cli import main\n"
        f"argv = ['ask', '--answers', {str(answers)!r}, '--format', 'json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(argv)\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = {**os.environ, "METASYMPTOMS_CACHE_DIR": str(own_cache)}
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert (cold.stdout, warm.stdout) == ("True\n", "False\n")


def test_the_cache_key_covers_exactly_the_modules_loading_runs(tiny: Path) -> None:
    """Every module of the package that loading a book imports (lazily too) is hashed into
    the key, and nothing else but rulebook.py: a module split off the loader, or a new one
    it imports, fails here until it is listed."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom metasymptoms.core.loader import load\n"
        f"load(Path({str(tiny)!r}))\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    if name.split('.')[0] == 'metasymptoms':\n        print(Path(module.__file__).resolve())\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    loading = {Path(line) for line in ran.stdout.splitlines()}
    assert {path.resolve() for path in rulebook.code_files()} == loading | {Path(rulebook.__file__).resolve()}


def test_an_edit_to_any_module_of_the_key_changes_the_key(tiny: Path, monkeypatch) -> None:
    files = read_book_files(tiny)
    before = book_key(files)
    real = Path.read_bytes
    keys = set()
    for edited in rulebook.code_files():
        monkeypatch.setattr(
            Path, "read_bytes", lambda path, edited=edited: real(path) + b"#" * (path == edited)
        )
        keys.add(book_key(files))
    monkeypatch.setattr(Path, "read_bytes", real)
    assert book_key(files) == before
    assert before not in keys and len(keys) == len(rulebook.code_files())

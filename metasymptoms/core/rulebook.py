"""The validated book for everyday use, kept in a cache.

Validating with pydantic costs far more than using the result (building pydantic's
machinery alone takes longer than the whole of `ask --answers` should), so the validated
book is kept in the user's cache folder. The rule files are read once (bookfiles.py);
the cache key is a hash of exactly those bytes (and of the code that defines their models),
and on a miss the loader validates exactly those bytes, so an edit landing mid-run can never
be stored under the key of other content. `rules check` never uses the cache at all.

A cached book is data, not code: JSON of the validated book, each object tagged with its
class, rebuilt only into the frozen dataclasses the RuleBook is made of. The cache folder is
created 0700 and not used at all when another user owns it or others may write in it
(METASYMPTOMS_DEBUG=1 says why in one line); only regular files are opened in it; a cached
file that cannot be read or rebuilt is simply validated again.
Set METASYMPTOMS_NO_CACHE=1 to always validate.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
from pathlib import Path
from typing import Any

from metasymptoms import __version__
from metasymptoms.core.bookfiles import BookFiles, default_rules_dir, read_book_files
from metasymptoms.core.files import UnreadableFile, read_limited, replace_atomically
from metasymptoms.core.model import MODEL_MODULES, RuleBook

CACHE_FORMAT = "2"  # 1 was a pickle: never read again
KEEP = 10  # cached books kept; older ones are removed
MAX_CACHED_BYTES = 64 * 1024 * 1024
# The code a cached book depends on: every module of the package that loading a book runs.
# Listed rather than found from import lines, which costs a millisecond and a half on every
# start; tests/test_rulebook_cache.py fails when a module the loader imports is missing here.
_CODE_MODULES = (
    "__init__.py",
    "core/__init__.py",
    "core/book_record.py",
    "core/bookfiles.py",
    "core/condition_parser.py",
    "core/conditions.py",
    "core/constraints.py",
    "core/files.py",
    "core/guidance.py",
    "core/kinds.py",
    "core/layout.py",
    "core/loader.py",
    "core/model.py",
    "core/model_base.py",
    "core/plain_errors.py",
    "core/problems.py",
    "core/record.py",
    "core/references.py",
    "core/rulebook.py",
    "core/safetext.py",
    "core/suggest.py",
    "core/validate.py",
    "core/yamlfile.py",
    "stopping.py",
)


def code_files() -> tuple[Path, ...]:
    """The source files of the modules a cached book depends on."""
    package = Path(__file__).resolve().parent.parent
    return tuple(package / name for name in _CODE_MODULES)


def book_key(files: BookFiles) -> str | None:
    """A hash of every byte the loader validates and of the code that reads it; None when a
    file could not be read (the loader then reports it)."""
    try:  # hashlib's own BLAKE2, without loading OpenSSL: 2 ms of a 90 ms run
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - another Python
        from hashlib import blake2b

    if files.unreadable or files.sites_problem:
        return None
    digest = blake2b(f"{CACHE_FORMAT}\0{__version__}\0".encode(), digest_size=32)
    try:
        for path in code_files():
            digest.update(path.read_bytes())
    except OSError:
        return None
    for path, data in files.contents.items():
        name = path.relative_to(files.folder).as_posix()
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def load_for_use(folder: Path | None = None) -> RuleBook:
    """The validated rule book in `folder`: from the cache when nothing changed, otherwise
    validated (raising RuleBookError or RulesFolderMissing as the loader does) and cached."""
    folder = folder or default_rules_dir()
    files = read_book_files(folder)
    cache = None if os.environ.get("METASYMPTOMS_NO_CACHE") else _usable_cache()
    key = book_key(files) if cache is not None else None
    if cache is not None and key is not None:
        book = _read(cache, key)
        if book is not None:
            return book
    from metasymptoms.core.loader import load

    book = load(folder, files).book
    if cache is not None and key is not None:
        _write(cache, key, book)
    return book


# --- the cache folder -------------------------------------------------------------------


def cache_dir() -> Path | None:
    """Where cached books are kept; None when there is nowhere (no home folder)."""
    configured = os.environ.get("METASYMPTOMS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no HOME and no password entry
            _debug("there is no home folder, so the rule book is validated without a cache")
            return None
    return Path(base) / "metasymptoms"


def _debug(message: str) -> None:
    if os.environ.get("METASYMPTOMS_DEBUG") and sys.stderr is not None:
        print(f"metasymptoms: {message}", file=sys.stderr)


def _usable_cache() -> Path | None:
    """The cache folder, unless it exists and cannot be trusted (then a note under DEBUG)."""
    folder = cache_dir()
    if folder is None or not os.path.lexists(folder):
        return folder  # created 0700 when a book is first written
    return folder if _trusted(folder) else None


def _trusted(folder: Path, *, note: bool = True) -> bool:
    """A folder that only this user can write in: anything else could hold a planted file."""
    say = _debug if note else (lambda message: None)
    try:
        info = os.stat(folder)
    except OSError as error:
        say(f"the cache folder {folder} cannot be used ({error.strerror}); it is ignored")
        return False
    if not stat.S_ISDIR(info.st_mode):
        say(f"the cache folder {folder} is not a folder; it is ignored")
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        say(f"the cache folder {folder} belongs to another user; it is ignored")
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        say(f"others may write in the cache folder {folder}; it is ignored")
        return False
    return True


def _entry(folder: Path, key: str) -> Path:
    return folder / f"book-{key[:40]}.json"


def _read(folder: Path, key: str) -> RuleBook | None:
    """The cached book under `key`, or None: anything missing, foreign or unreadable means
    validating again, never an error."""
    path = _entry(folder, key)
    try:
        data, info = read_limited(path, MAX_CACHED_BYTES, follow=False)
    except UnreadableFile as error:
        if not error.missing:
            _debug(f"the cached book {path} cannot be used ({error.message}); validating again")
        return None
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        _debug(f"the cached book {path} belongs to another user; validating again")
        return None
    try:
        book = decode(data, key)
    except Exception as error:  # truncated, edited, or from other code: rebuilt
        _debug(f"the cached book {path} cannot be read ({type(error).__name__}); validating again")
        return None
    return book


def _write(folder: Path, key: str, book: RuleBook) -> None:
    """Best effort: a read-only or full disk only means validating next time too."""
    try:
        data = encode(book, key)
    except TypeError as error:  # a kind of value the format does not know yet: no cache
        _debug(f"the rule book cannot be cached ({error})")
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(folder, note=False):  # the reading side has already said why
            return
        replace_atomically(_entry(folder, key), data)
        entries = [p for p in folder.glob("book-*.json") if p.is_file() and not p.is_symlink()]
        for path in sorted(entries, key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            path.unlink(missing_ok=True)
        for stale in folder.glob("book-*.pickle"):  # the old format: never read, so removed
            stale.unlink(missing_ok=True)
    except OSError:
        return


# --- the cached book as data ------------------------------------------------------------
#
# Generic over the dataclasses: every dataclass is written as an object with its class name
# under "$" and its fields; a date as {"$date": ...}, an enum as {"$enum": name, "value": ...},
# tuples as lists. Reading rebuilds only the classes reachable from RuleBook's type hints, so
# a field added to a model is cached without any change here, and nothing else can be built.


def encode(book: RuleBook, key: str) -> bytes:
    import json

    return json.dumps(
        {"format": CACHE_FORMAT, "key": key, "book": _plain(book)}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")


def _plain(value: Any) -> Any:
    import dataclasses
    import datetime
    import enum

    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {"$": type(value).__qualname__}
        for item in dataclasses.fields(value):
            out[item.name] = _plain(getattr(value, item.name))
        return out
    if isinstance(value, enum.Enum):
        return {"$enum": type(value).__qualname__, "value": value.value}
    if type(value) is datetime.date:
        return {"$date": value.isoformat()}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"$dict": {k: _plain(v) for k, v in value.items()}}
    raise TypeError(f"a {type(value).__name__} cannot be cached")


def decode(data: bytes, key: str) -> RuleBook:
    """The RuleBook in a cache entry; raises (ValueError, KeyError, TypeError) on anything else."""
    import datetime
    import json

    classes = _classes()

    def rebuild(item: dict[str, Any]) -> Any:
        name = item.pop("$", None)
        if name is not None:
            cls = classes[name]
            return cls(**{k: tuple(_tuples(v)) if type(v) is list else v for k, v in item.items()})
        if "$date" in item:
            return datetime.date.fromisoformat(item["$date"])
        if "$enum" in item:
            return classes[item["$enum"]](item["value"])
        if "$dict" in item:
            return {k: tuple(_tuples(v)) if type(v) is list else v for k, v in item["$dict"].items()}
        return item

    entry = json.loads(data.decode("utf-8"), object_hook=rebuild)
    if entry.get("format") != CACHE_FORMAT or entry.get("key") != key:
        raise ValueError("not the entry of this rule book")
    book = entry["book"]
    if not isinstance(book, RuleBook):
        raise TypeError("not a rule book")
    return book


def _tuples(items: list[Any]) -> list[Any]:
    return [tuple(_tuples(item)) if type(item) is list else item for item in items]


@functools.cache
def _classes() -> dict[str, type]:
    """Every dataclass and enum a cached book may be rebuilt into, by name: the classes
    defined in the model modules, and nothing else."""
    import dataclasses
    import enum

    found: dict[str, type] = {}
    # MODEL_MODULES: where the classes a RuleBook is made of are defined; tests/test_rulebook_cache.py
    # checks it against the classes found from RuleBook's type hints (too slow to walk on every start).
    for module in map(sys.modules.__getitem__, MODEL_MODULES):
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != module.__name__:
                continue
            if not (dataclasses.is_dataclass(value) or issubclass(value, enum.Enum)):
                continue
            if found.setdefault(value.__qualname__, value) is not value:
                raise TypeError(f"two classes are named {value.__qualname__}")
    return found


def classes_from_type_hints() -> dict[str, type]:
    """Every dataclass and enum a RuleBook is made of, found from its type hints (for tests:
    `_classes` must hold each of them)."""
    import dataclasses
    import enum
    import typing

    found: dict[str, type] = {}
    pending: list[Any] = [RuleBook]
    while pending:
        kind = pending.pop()
        if isinstance(kind, type) and (dataclasses.is_dataclass(kind) or issubclass(kind, enum.Enum)):
            known = found.get(kind.__qualname__)
            if known is kind:
                continue
            if known is not None:
                raise TypeError(f"two classes are named {kind.__qualname__}")
            found[kind.__qualname__] = kind
            if dataclasses.is_dataclass(kind):
                pending.extend(typing.get_type_hints(kind).values())
            continue
        pending.extend(typing.get_args(kind))
    return found

"""Where the rule book is, and the validated rule book for everyday use, from a cache.

Validating with pydantic costs far more than using the result (building pydantic's
machinery alone takes longer than the whole of `ask --answers` should), so the validated
book is kept in the user's cache folder under a fingerprint of every byte it was built from:
the rule files and the code that defines their models. Any edit to either changes the
fingerprint, so a stale book is never used; `rules check` never uses the cache at all.
Set METASYMPTOMS_NO_CACHE=1 to always validate.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from metasymptoms import __version__
from metasymptoms.model import RuleBook

CACHE_FORMAT = "1"
KEEP = 10  # cached books kept; older ones are removed
_MODEL_MODULES = ("model.py", "conditions.py", "loader.py", "yamlfile.py")
TOP_FILE_NAMES = (
    "findings.yaml",
    "questions.yaml",
    "red_flags.yaml",
    "primaries.yaml",
    "guidance.yaml",
    "sources.yaml",
)


def default_rules_dir() -> Path:
    """The rule book shipped with the package (inside the wheel, or the repository's rules/)."""
    here = Path(__file__).resolve().parent
    packaged = here / "rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def cache_dir() -> Path:
    configured = os.environ.get("METASYMPTOMS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "metasymptoms"


def fingerprint(folder: Path) -> str | None:
    """A hash of every file the loader reads and of the code that reads it; None when the
    folder cannot be fingerprinted (then the book is simply validated)."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{__version__}\0".encode())
    here = Path(__file__).resolve().parent
    try:
        for name in _MODEL_MODULES:
            digest.update((here / name).read_bytes())
        files = [folder / name for name in TOP_FILE_NAMES] + sorted((folder / "sites").glob("*.yaml"))
        for path in files:
            digest.update(f"\0{path.relative_to(folder)}\0".encode())
            digest.update(path.read_bytes())
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def load_for_use(folder: Path | None = None) -> RuleBook:
    """The validated rule book in `folder`: from the cache when nothing changed, otherwise
    validated (raising RuleBookError or RulesFolderMissing as the loader does) and cached."""
    folder = folder or default_rules_dir()
    key = fingerprint(folder) if not os.environ.get("METASYMPTOMS_NO_CACHE") else None
    if key is not None:
        book = _read(key)
        if book is not None:
            return book
    from metasymptoms.loader import load

    book = load(folder).book
    if key is not None:
        _write(key, book)
    return book


def _path(key: str) -> Path:
    return cache_dir() / f"book-{key[:40]}.pickle"


def _read(key: str) -> RuleBook | None:
    try:
        with _path(key).open("rb") as stream:
            book = pickle.load(stream)
    except Exception:  # a missing, partial or foreign cache file is just revalidated
        return None
    return book if isinstance(book, RuleBook) else None


def _write(key: str, book: RuleBook) -> None:
    """Best effort: a read-only or full disk only means validating next time too."""
    import tempfile  # only when writing: the everyday path only reads

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".book-", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(book, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, _path(key))
        older = sorted(folder.glob("book-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for path in older:
            path.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return

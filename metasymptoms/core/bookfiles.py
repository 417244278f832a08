"""Where the rule book is, and its files read once.

The loader validates exactly the bytes read here: each file is read once, whole, before
anything is checked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from metasymptoms.core.files import UnreadableFile, protect_folder, read_limited
from metasymptoms.core.layout import OPTIONAL_FILES, SITES_FOLDER, top_file_names


def default_rules_dir() -> Path:
    """The rule book shipped with the package (inside the wheel, or the repository's rules/)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


@dataclass(frozen=True)
class BookFiles:
    """Every file of a rule book, read once: the loader validates exactly these bytes."""

    folder: Path
    site_paths: tuple[Path, ...]
    contents: dict[Path, bytes] = field(default_factory=dict)
    unreadable: dict[Path, UnreadableFile] = field(default_factory=dict)
    sites_problem: str | None = None  # why the sites folder could not be listed

    def read(self, path: Path) -> bytes:
        """The bytes of one file as read, or the UnreadableFile met reading it."""
        if path in self.unreadable:
            raise self.unreadable[path]
        return self.contents[path]

    def has(self, path: Path) -> bool:
        """Whether the file was there to read (readable or not)."""
        return path in self.contents or path in self.unreadable


def site_paths(folder: Path) -> tuple[tuple[Path, ...], str | None]:
    """The site files, sorted, and why the sites folder could not be listed (None if it could)."""
    sites = folder / SITES_FOLDER
    try:
        with os.scandir(sites) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith(".yaml"))
    except FileNotFoundError:
        return (), None
    except NotADirectoryError:
        return (), "'sites' is a file; it should be a folder holding one .yaml file per site"
    except OSError as error:
        return (), f"the 'sites' folder cannot be read ({error.strerror})"
    return tuple(sites / name for name in names), None


def read_book_files(folder: Path) -> BookFiles:
    from metasymptoms.core.yamlfile import MAX_FILE_BYTES

    protect_folder(folder)  # this run may read any file in it: nothing is written there
    optional = {spec.name for spec in OPTIONAL_FILES}
    sites, problem = site_paths(folder)
    files = BookFiles(folder, sites, sites_problem=problem)
    for path in [folder / name for name in top_file_names()] + list(sites):
        try:
            files.contents[path] = read_limited(path, MAX_FILE_BYTES, what="rule files")[0]
        except UnreadableFile as error:
            if not (error.missing and path.name in optional):
                files.unreadable[path] = error
    return files

"""Where the rule book is: the shipped one, and the site files of a folder."""

from __future__ import annotations

import os
from pathlib import Path

from metasymptoms.core.layout import SITES_FOLDER


def default_rules_dir() -> Path:
    """The rule book shipped with the package (inside the wheel, or the repository's rules/)."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "rules"
    return packaged if packaged.is_dir() else package.parent / "rules"


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

"""Project configuration: ``discrep.toml`` or ``[tool.discrep]`` in ``pyproject.toml``.

The nearest directory, from the working directory upward, that holds either file wins;
in one directory ``discrep.toml`` comes first.  Keys (every one optional):

    tolerance = 0.05                 # relative slack around exact values
    lang = "ar"                      # force a language for every document
    fail-on = "conflict"             # conflict | outdated | unsupported | never
    ignore = ["weekday", "ordinal"]  # finding kinds never reported
    [outlet-aliases]                 # a name as read -> the outlet it is
    "العربية نت" = "Al Arabiya"
    [source-aliases]                 # a source's name as read, in any language -> one label
    "المرصد الوطني" = "National Observatory"
    "the National Observatory" = "National Observatory"

Command-line flags override these; these override the defaults in :mod:`settings`.
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import DiscrepError
from .settings import Settings

KINDS = ("count", "ordinal", "percent", "money", "date", "weekday")
FAIL_ON = ("conflict", "outdated", "unsupported", "never")
KEYS = ("tolerance", "lang", "fail-on", "ignore", "outlet-aliases", "source-aliases", "archive-max-stories",
        "index-batch-docs", "stories")
# keys whose value is a count of at least one, and the Settings field each sets
COUNTS = {"archive-max-stories": "archive_max_stories", "index-batch-docs": "index_batch_docs"}


class ConfigError(DiscrepError):
    pass


def find(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """(file, its discrep table) of the nearest configuration, or None."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        own = d / "discrep.toml"
        if own.is_file():
            return own, read(own)
        py = d / "pyproject.toml"
        if py.is_file():
            table = read(py).get("tool", {}).get("discrep")
            if table is not None:
                return py, table
    return None


def read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"{path}: {e}") from None


def settings_from(table: dict[str, Any], where: str, base: Settings = Settings()) -> Settings:
    """``base`` with the table's keys applied; an unknown key or a bad value is an error."""
    changes: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
        if key == "tolerance":
            if not isinstance(value, (int, float)) or not 0 <= value < 1:
                raise ConfigError(f"{where}: tolerance must be a number between 0 and 1")
            changes["tolerance"] = float(value)
        elif key == "lang":
            from . import lang as langs
            if value not in langs.available():
                raise ConfigError(f"{where}: lang {value!r} unknown (available: {', '.join(langs.available())})")
            changes["lang"] = value
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where}: fail-on must be one of {', '.join(FAIL_ON)}")
            changes["fail_on"] = value
        elif key == "stories":
            from .stories import MODES
            if value not in MODES:
                raise ConfigError(f"{where}: stories must be one of {', '.join(MODES)}")
            changes["stories"] = value
        elif key == "ignore":
            if not isinstance(value, list) or any(v not in KINDS for v in value):
                raise ConfigError(f"{where}: ignore must be a list of finding kinds ({', '.join(KINDS)})")
            changes["kinds"] = tuple(k for k in base.kinds if k not in value)
        elif key == "outlet-aliases":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: outlet-aliases must map names to outlet names")
            changes["outlet_aliases"] = tuple(value.items())
        elif key == "source-aliases":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise ConfigError(f"{where}: source-aliases must map names to source labels")
            changes["source_aliases"] = tuple(value.items())
        elif key in COUNTS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{where}: {key} must be a whole number of at least 1")
            changes[COUNTS[key]] = value
    return base.with_(**changes)

"""The command line: options -> Settings -> library -> renderer.  Exit codes are API:
0 no conflict, 1 at least one conflict, 2 usage or input error."""
from __future__ import annotations

import sys
from enum import Enum
from typing import List, Optional

import typer

from .errors import DiscrepError
from .settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Find conflicting numbers, dates and ordinals across news articles (Arabic and English).")


class Fmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class ExFmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Bidi(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


class FailOn(str, Enum):
    conflict = "conflict"
    never = "never"


PATHS = typer.Argument(..., help="Files, folders, globs, or - for stdin (.txt .md .html .json .jsonl).")
LANG = typer.Option(None, "--lang", help="Force the language of every document (ar, en).")
BIDI = typer.Option(Bidi.auto, "--bidi", help="Reorder Arabic for terminals without bidi support.")


def _fail(msg: str) -> None:
    typer.echo(f"discrep: error: {msg}", err=True)
    raise typer.Exit(2)


def _check_lang(lang: Optional[str]) -> None:
    from . import lang as langs
    if lang is not None and lang not in langs.available():
        _fail(f"--lang {lang!r}: unknown language (available: {', '.join(langs.available())})")


def _out_options(bidi: Bidi):
    from .render.bidi import needs_reorder
    return {"reorder": needs_reorder(bidi.value, sys.stdout.isatty())}


@app.command()
def check(paths: List[str] = PATHS,
          fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", help="Output format."),
          lang: Optional[str] = LANG,
          tolerance: Optional[float] = typer.Option(None, help="Relative slack around exact values (0.05 = 5%)."),
          fail_on: FailOn = typer.Option(FailOn.conflict, "--fail-on", help="Exit 1 on conflicts, or never."),
          bidi: Bidi = BIDI) -> None:
    """Find conflicts and agreements between the articles' statements."""
    from .pipeline import check as run
    from .render import RENDERERS
    _check_lang(lang)
    if tolerance is not None and not 0 <= tolerance < 1:
        _fail("--tolerance must be between 0 and 1")
    settings = Settings().with_(lang=lang, tolerance=tolerance, fail_on=fail_on.value)
    try:
        report = run(paths, settings)
    except DiscrepError as e:
        _fail(str(e))
    RENDERERS[fmt.value](report, sys.stdout, **_out_options(bidi))
    for w in report.warnings:
        if fmt != Fmt.table:
            typer.echo(f"discrep: warning: {w}", err=True)
    if settings.fail_on != "never" and report.conflicts:
        raise typer.Exit(1)


@app.command()
def extract(paths: List[str] = PATHS,
            fmt: ExFmt = typer.Option(ExFmt.table, "--format", "-f", help="Output format."),
            lang: Optional[str] = LANG,
            bidi: Bidi = BIDI) -> None:
    """Print every mention (count, ordinal, percent, money, date) that was read."""
    from .load import load
    from .pipeline import extract_documents
    from .render import EXTRACT_RENDERERS
    _check_lang(lang)
    try:
        rows = extract_documents(load(paths), Settings().with_(lang=lang))
    except DiscrepError as e:
        _fail(str(e))
    EXTRACT_RENDERERS[fmt.value](rows, sys.stdout, **_out_options(bidi))


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.stderr.write("discrep: interrupted\n")
        sys.exit(130)

"""The command line: options -> Settings -> library -> renderer.  Exit codes are API:
0 clean, 1 at least one finding the gate fails on (``--fail-on``), 2 usage or input error.

Settings come from the defaults, then the nearest ``discrep.toml`` / ``[tool.discrep]``
(see :mod:`discrep.config`), then the flags given on the command line."""
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
    sarif = "sarif"
    github = "github"


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
    unsupported = "unsupported"
    never = "never"


PATHS = typer.Argument(..., help="Files, folders, globs, or - for stdin (.txt .md .html .json .jsonl).")
LANG = typer.Option(None, "--lang", help="Force the language of every document (ar, en).")
BIDI = typer.Option(Bidi.auto, "--bidi", help="Reorder Arabic for terminals without bidi support.")
SKIP_BAD = typer.Option(False, "--skip-bad", help="Skip unreadable inputs and malformed records (listed on "
                                                   "stderr and in the report) instead of stopping with exit 2.")
QUIET = typer.Option(False, "--quiet", "-q", help="Print no warnings (errors only) on stderr.")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Also print what was read, skipped and how long it took.")
JOBS = typer.Option(None, "--jobs", "-j", min=0,
                    help="Worker processes, each checking whole stories (default 0: one a core for large inputs).")


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


AGAINST = typer.Option(None, "--against", help="Check PATHS as drafts against these sources (repeatable).")
CONFIG = typer.Option(None, "--config", help="Read settings from this TOML file instead of the nearest one.")
NO_CONFIG = typer.Option(False, "--no-config", help="Ignore discrep.toml and [tool.discrep].")


def _settings(config: Optional[str], no_config: bool, **flags) -> Settings:
    """Defaults, then the configuration file, then the flags that were given."""
    from pathlib import Path
    from . import config as cfg
    base = Settings()
    try:
        if config:
            p = Path(config)
            if not p.is_file():
                _fail(f"--config {config}: no such file")
            table = cfg.read(p)
            if p.name == "pyproject.toml":
                table = table.get("tool", {}).get("discrep", {})
            base = cfg.settings_from(table, str(p), base)
        elif not no_config:
            found = cfg.find()
            if found:
                base = cfg.settings_from(found[1], str(found[0]), base)
    except DiscrepError as e:
        _fail(str(e))
    return base.with_(**flags)


def _report(paths, against, lang, config, no_config, skip_bad: bool = False, **flags):
    """(settings, report) for the paths, as drafts when sources are given; errors exit 2."""
    from .load import read_inputs
    from .pipeline import check_against, check_documents
    _check_lang(lang)
    settings = _settings(config, no_config, lang=lang, **flags)
    try:
        docs, skipped = read_inputs(paths, skip_bad=skip_bad)
        if against:
            sources, more = read_inputs(against, skip_bad=skip_bad)
            return settings, check_against(docs, sources, settings, skipped + more)
        return settings, check_documents(docs, settings, skipped)
    except DiscrepError as e:
        _fail(str(e))


class _Log:
    """Messages on stderr: warnings and skipped inputs unless quiet, progress when verbose."""

    def __init__(self, quiet: bool, verbose: bool):
        import time
        self.quiet, self.verbose, self.t0 = quiet, verbose and not quiet, time.perf_counter()

    def warn(self, msg: str) -> None:
        if not self.quiet:
            typer.echo(f"discrep: warning: {msg}", err=True)

    def skipped(self, items) -> None:
        for sk in items:
            self.warn(f"skipped {sk.where} ({sk.status}): {sk.reason}")

    def info(self, msg: str) -> None:
        if self.verbose:
            import time
            typer.echo(f"discrep: {msg} [{time.perf_counter() - self.t0:.2f} s]", err=True)


def _gate(report, settings) -> int:
    if settings.fail_on == "never":
        return 0
    bad = report.conflicts + (report.unsupported if settings.fail_on == "unsupported" else 0)
    return 1 if bad else 0


@app.command()
def check(paths: List[str] = PATHS,
          against: Optional[List[str]] = AGAINST,
          fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", help="Output format."),
          lang: Optional[str] = LANG,
          tolerance: Optional[float] = typer.Option(None, help="Relative slack around exact values (0.05 = 5%)."),
          fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                                   help="Exit 1 on conflicts (default), on conflicts or unsupported "
                                                        "draft claims, or never."),
          exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 unless discrep itself fails."),
          baseline: Optional[str] = typer.Option(None, "--baseline", help="Suppress the findings recorded in this file."),
          config: Optional[str] = CONFIG,
          no_config: bool = NO_CONFIG,
          jobs: Optional[int] = JOBS,
          skip_bad: bool = SKIP_BAD,
          quiet: bool = QUIET,
          verbose: bool = VERBOSE,
          bidi: Bidi = BIDI) -> None:
    """Find conflicts and agreements between the articles' statements, or, with --against,
    judge each claim of the drafts against the sources."""
    from .render import RENDERERS
    if tolerance is not None and not 0 <= tolerance < 1:
        _fail("--tolerance must be between 0 and 1")
    log = _Log(quiet, verbose)
    if fmt == Fmt.jsonl and not against:
        settings = _settings(config, no_config, lang=lang, tolerance=tolerance,
                             fail_on=fail_on.value if fail_on else None, jobs=jobs)
        bad = _stream(paths, settings, baseline, skip_bad, log)
        if not exit_zero and bad:
            raise typer.Exit(1)
        return
    settings, report = _report(paths, against, lang, config, no_config, skip_bad, tolerance=tolerance,
                               fail_on=fail_on.value if fail_on else None, jobs=jobs)
    log.info(f"{len(report.documents)} documents read, {len(report.skipped)} skipped, "
             f"{len(report.claims)} claims, {len(report.findings)} findings")
    if baseline:
        from .baseline import read, suppress
        try:
            report, dropped = suppress(report, read(baseline))
        except DiscrepError as e:
            _fail(str(e))
        if dropped:
            log.warn(f"{dropped} finding(s) suppressed by the baseline {baseline}")
    RENDERERS[fmt.value](report, sys.stdout, **_out_options(bidi))
    for w in report.warnings:
        log.warn(w)
    log.skipped(report.skipped)
    if not exit_zero and _gate(report, settings):
        raise typer.Exit(1)


def _stream(paths, settings: Settings, baseline: Optional[str], skip_bad: bool, log: "_Log") -> int:
    """``check --format jsonl``: findings written story by story, one story in memory at a
    time.  Returns how many findings the gate fails on."""
    from .load import StoryIndex
    from .pipeline import check_stream
    from .render import stream_jsonl
    _check_lang(settings.lang)
    known: frozenset[str] = frozenset()
    if baseline:
        from .baseline import read
        try:
            known = read(baseline)
        except DiscrepError as e:
            _fail(str(e))
    gate = {"conflict"} | ({"unsupported"} if settings.fail_on == "unsupported" else set())
    bad = dropped = 0
    try:
        stories = StoryIndex(paths, skip_bad=skip_bad)
        log.skipped(stories.skipped)
        log.info(f"{stories.count} documents indexed, {len(stories.skipped)} skipped")
        try:
            for findings, warnings in check_stream(stories, settings, stories.count):
                kept = [f for f in findings if f.verdict == "agree" or f.id not in known]
                dropped += len(findings) - len(kept)
                stream_jsonl(kept, sys.stdout)
                sys.stdout.flush()
                bad += sum(f.verdict in gate for f in kept)
                for w in warnings:
                    log.warn(w)
        finally:
            stories.close()
    except DiscrepError as e:
        _fail(str(e))
    log.info("done")
    if dropped:
        log.warn(f"{dropped} finding(s) suppressed by the baseline {baseline}")
    return 0 if settings.fail_on == "never" else bad


@app.command("baseline")
def make_baseline(paths: List[str] = PATHS,
                  against: Optional[List[str]] = AGAINST,
                  output: str = typer.Option(".discrep-baseline.json", "--output", "-o", help="Where to write it."),
                  lang: Optional[str] = LANG,
                  config: Optional[str] = CONFIG,
                  no_config: bool = NO_CONFIG) -> None:
    """Record today's findings, so that `check --baseline FILE` fails only on new ones."""
    import json
    from .baseline import to_dict
    _, report = _report(paths, against, lang, config, no_config)
    data = to_dict(report)
    try:
        with open(output, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    except OSError as e:
        _fail(f"{output}: {e.strerror or 'cannot write'}")
    typer.echo(f"discrep: {len(data['findings'])} finding(s) recorded in {output}", err=True)


@app.command()
def explain(finding_id: str = typer.Argument(..., help="A finding id (D…) as printed by check; a unique prefix will do."),
            paths: List[str] = PATHS,
            against: Optional[List[str]] = AGAINST,
            lang: Optional[str] = LANG,
            config: Optional[str] = CONFIG,
            no_config: bool = NO_CONFIG,
            bidi: Bidi = BIDI) -> None:
    """Print one finding in full: every claim with its sentence, hedge, interval and
    attribution, and why the verdict was reached."""
    from .render import EXPLAIN
    _, report = _report(paths, against, lang, config, no_config)
    hits = [f for f in report.findings if f.id.startswith(finding_id)]
    if not hits:
        _fail(f"no finding {finding_id!r} in these documents (run `discrep check` to list the ids)")
    if len({f.id for f in hits}) > 1:
        _fail(f"{finding_id!r} is ambiguous: {', '.join(sorted({f.id for f in hits}))}")
    EXPLAIN(hits[0], report, sys.stdout, **_out_options(bidi))


@app.command()
def extract(paths: List[str] = PATHS,
            fmt: ExFmt = typer.Option(ExFmt.table, "--format", "-f", help="Output format."),
            lang: Optional[str] = LANG,
            jobs: Optional[int] = JOBS,
            skip_bad: bool = SKIP_BAD,
            quiet: bool = QUIET,
            bidi: Bidi = BIDI) -> None:
    """Print every mention (count, ordinal, percent, money, date) that was read."""
    from .load import StoryIndex, read_inputs
    from .pipeline import extract_documents, stream_stories
    from .render import EXTRACT_RENDERERS
    _check_lang(lang)
    log = _Log(quiet, False)
    settings = Settings().with_(lang=lang, jobs=jobs)
    try:
        if fmt == ExFmt.jsonl:           # streamed story by story, like check --format jsonl
            stories = StoryIndex(paths, skip_bad=skip_bad)
            log.skipped(stories.skipped)
            try:
                for rows, _, _ in stream_stories(stories, settings, judge=False, n_docs=stories.count):
                    EXTRACT_RENDERERS["jsonl"](rows, sys.stdout)
            finally:
                stories.close()
            return
        docs, skipped = read_inputs(paths, skip_bad=skip_bad)
        rows = extract_documents(docs, settings)
    except DiscrepError as e:
        _fail(str(e))
    EXTRACT_RENDERERS[fmt.value](rows, sys.stdout, **_out_options(bidi))
    log.skipped(skipped)


class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would print "Aborted!" and exit 1)."""


def _on_sigint(signum, frame):
    raise Interrupted()


def main() -> None:
    import signal
    signal.signal(signal.SIGINT, _on_sigint)
    try:
        app()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except (Interrupted, KeyboardInterrupt):
        _quiet_stdout()
        sys.stderr.write("discrep: interrupted\n")
        sys.exit(130)


def _quiet_stdout() -> None:
    """The reader went away (``| head -1``): send what is left of stdout nowhere, so that
    flushing it at exit raises nothing."""
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

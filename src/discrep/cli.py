"""The command line: options -> Settings -> library -> renderer.  Exit codes are API:
0 clean, 1 at least one finding the gate fails on (``--fail-on``), 2 usage, input or output
error, 3 internal error (a bug), 130 interrupted.  Every error is one line on stderr.

Settings come from the defaults, then the nearest ``discrep.toml`` / ``[tool.discrep]``
(see :mod:`discrep.config`), then the flags given on the command line."""
from __future__ import annotations

import itertools
import sys
from enum import Enum
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

import typer

from .errors import DiscrepError
from .render import plural
from .settings import Settings

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Report, Skipped

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="Find conflicting numbers, dates and ordinals across news articles (Arabic and English).")


class Fmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    sarif = "sarif"
    github = "github"
    timeline = "timeline"
    html = "html"
    parquet = "parquet"


class ExFmt(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class Bidi(str, Enum):
    auto = "auto"
    on = "on"
    off = "off"


class StdinFormat(str, Enum):
    txt = "txt"
    md = "md"
    html = "html"
    json = "json"
    jsonl = "jsonl"


class StoriesMode(str, Enum):
    one = "one"
    field = "field"
    auto = "auto"


class FailOn(str, Enum):
    conflict = "conflict"
    outdated = "outdated"
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
                    help="Worker processes, each checking whole stories (default 0: one a core for large inputs; "
                         "at most one a core).")
STDIN_FORMAT = typer.Option(None, "--stdin-format", help="What standard input (-) holds; without it, it is sniffed.")


class _Run:
    """What the gate knows so far, for a run that ends early (a closed pipe): the exit code
    it would give, and whether --exit-zero or --fail-on never waives it."""
    waived = False
    failing = 0
    interrupted = False


def _fail(msg: str) -> None:
    typer.echo(f"discrep: error: {msg}", err=True)
    raise typer.Exit(2)


def _check_lang(lang: str | None) -> None:
    from . import lang as langs
    if lang is not None and lang not in langs.available():
        _fail(f"--lang {lang!r}: unknown language (available: {', '.join(langs.available())})")


def _out_options(bidi: Bidi):
    from .render.bidi import needs_reorder
    return {"reorder": needs_reorder(bidi.value, sys.stdout.isatty())}


AGAINST = typer.Option(None, "--against", help="Check PATHS as drafts against these sources (repeatable).")
CONFIG = typer.Option(None, "--config", help="Read settings from this TOML file instead of the nearest one.")
NO_CONFIG = typer.Option(False, "--no-config", help="Ignore discrep.toml and the [tool.discrep] table of pyproject.toml.")


def _settings(config: str | None, no_config: bool, **flags: Any) -> Settings:
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


def _jobs(jobs: int | None, log: _Log | None = None) -> int | None:
    """``--jobs``, capped at the cores (more workers would only contend), with a warning."""
    import os
    cores = os.cpu_count() or 1
    if jobs is not None and jobs > cores:
        if log is not None:
            log.warn(f"--jobs {jobs} is more than the {cores} cores; using {cores}")
        return cores
    return jobs


def _report(paths: list[str], against: list[str] | None, lang: str | None, config: str | None, no_config: bool,
            skip_bad: bool = False, stdin_format: StdinFormat | None = None, log: _Log | None = None,
            db: str | None = None, story: str | None = None, **flags: Any):
    """(settings, report) for the paths, as drafts when sources are given; errors exit 2.
    With ``log``, a long run shows its progress (see :class:`_Bar`).  An index among the
    sources (``--against archive.duckdb``) gives the documents whose claims can meet the
    drafts'; ``db`` with ``story`` checks one story of an index."""
    from .load import read_inputs
    from .pipeline import check_against, check_documents
    _check_lang(lang)
    settings = _settings(config, no_config, lang=lang, **flags)
    fmt = stdin_format.value if stdin_format else None
    try:
        docs, skipped = read_inputs(paths, skip_bad=skip_bad, stdin_format=fmt) if paths else ([], [])
        if db:
            from .archive import Index
            with Index(db) as ix:
                docs = docs + ix.documents(story=story)
        if against:
            from .archive import Index, is_index
            indexes = [a for a in against if is_index(a)]
            sources, more = read_inputs([a for a in against if a not in indexes], skip_bad=skip_bad,
                                        stdin_format=fmt) if len(indexes) < len(against) else ([], [])
            if indexes:
                from .pipeline import extract_documents
                drafted = [c for _, _, cs in extract_documents(docs, settings) for c in cs]
                for path in indexes:
                    with Index(path) as ix:
                        sources = sources + ix.sources_for(docs, drafted, settings)
            return settings, check_against(docs, sources, settings, skipped + more)
        with _Bar(len(docs), settings, log) as bar:
            return settings, check_documents(docs, settings, skipped, progress=bar.tell)
    except DiscrepError as e:
        _fail(str(e))


class _Bar:
    """A progress bar on stderr for a long run: documents read out of the total, stories
    decided, elapsed time and rate.  Only on a terminal, only past
    ``settings.progress_min_docs`` documents, never with -q; stdout is untouched."""

    def __init__(self, total: int, settings: Settings, log: _Log | None):
        self.on = bool(log and not log.quiet and total > settings.progress_min_docs and sys.stderr.isatty())
        self.total, self.docs, self.stories = total, 0, 0
        self.tell = self._tell if self.on else None

    def __enter__(self) -> _Bar:
        if self.on:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
                                TextColumn("· {task.fields[stories]} stories decided ·"), TimeElapsedColumn(),
                                TextColumn("· {task.fields[rate]} documents/s"),
                                console=Console(file=sys.stderr), transient=False,
                                redirect_stdout=False, redirect_stderr=False)   # stdout stays the output
            self.task = self.bar.add_task("check", total=self.total, stories=0, rate="-")
            self.bar.start()
        return self

    def _tell(self, docs: int, stories: int) -> None:
        self.docs += docs
        self.stories += stories
        elapsed = self.bar.tasks[0].elapsed or 0.0
        rate = f"{self.docs / elapsed:,.0f}" if elapsed > 0 else "-"
        self.bar.update(self.task, completed=self.docs, stories=self.stories, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self.on:
            self.bar.stop()


class _Log:
    """Messages on stderr: warnings and skipped inputs unless quiet, progress when verbose."""

    def __init__(self, quiet: bool, verbose: bool):
        import time
        self.quiet, self.verbose, self.t0 = quiet, verbose and not quiet, time.perf_counter()

    def warn(self, msg: str) -> None:
        if not self.quiet:
            typer.echo(f"discrep: warning: {msg}", err=True)

    def skipped(self, items: Iterable[Skipped]) -> None:
        for sk in items:
            self.warn(f"skipped {sk.where} ({sk.status}): {sk.reason}")

    def info(self, msg: str) -> None:
        if self.verbose:
            import time
            typer.echo(f"discrep: {msg} [{time.perf_counter() - self.t0:.2f} s]", err=True)


def _gate(report: Report, settings: Settings) -> int:
    if settings.fail_on == "never":
        return 0
    return 1 if any(f.verdict in gated_verdicts(settings) for f in report.findings) else 0


def gated_verdicts(settings: Settings) -> set[str]:
    """The verdicts that fail the run: conflicts; with ``--fail-on outdated`` a draft's
    figure a later report revised too; with ``unsupported`` also a draft's figure no source
    states.  An update or an agreement never does."""
    levels = {"conflict": {"conflict"}, "outdated": {"conflict", "outdated"},
              "unsupported": {"conflict", "outdated", "unsupported"}}
    return levels.get(settings.fail_on, set())



@app.command()
def check(paths: list[str] | None = typer.Argument(None, help="Files, folders, globs, or - for stdin (.txt .md "
                                                              ".html .json .jsonl)."),
          against: list[str] | None = AGAINST,
          db: str | None = typer.Option(None, "--db", help="Check the documents of this index (with --story, "
                                                            "one story of it)."),
          story: str | None = typer.Option(None, "--story", help="With --db: the story to check."),
          fmt: Fmt = typer.Option(Fmt.table, "--format", "-f", help="Output format."),
          lang: str | None = LANG,
          tolerance: float | None = typer.Option(None, help="Relative slack around exact values (0.05 = 5%)."),
          fail_on: FailOn | None = typer.Option(None, "--fail-on",
                                                   help="Exit 1 on conflicts (default); also on outdated draft "
                                                        "claims (outdated); also on unsupported ones (unsupported); "
                                                        "or never."),
          exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 unless discrep itself fails."),
          baseline: str | None = typer.Option(None, "--baseline", help="Suppress the findings recorded in this file."),
          config: str | None = CONFIG,
          no_config: bool = NO_CONFIG,
          jobs: int | None = JOBS,
          stories: StoriesMode | None = typer.Option(
              None, "--stories", help="Documents with no story field: one story (one, the default), each alone "
                                      "(field), or grouped by what they report (auto: shared names and rare "
                                      "words; never across languages)."),
          skip_bad: bool = SKIP_BAD,
          stdin_format: StdinFormat | None = STDIN_FORMAT,
          quiet: bool = QUIET,
          verbose: bool = VERBOSE,
          bidi: Bidi = BIDI) -> None:
    """Find conflicts and agreements between the articles' statements, or, with --against,
    judge each claim of the drafts against the sources."""
    from .render import RENDERERS
    if not paths and not db:
        _fail("Missing argument 'PATHS...' (or --db FILE). Try 'discrep check --help' for help.")
    paths = paths or []
    if story and not db:
        _fail("--story needs --db")
    if tolerance is not None and not 0 <= tolerance < 1:
        _fail("--tolerance must be between 0 and 1")
    log = _Log(quiet, verbose)
    jobs = _jobs(jobs, log)
    _Run.waived = exit_zero or fail_on == FailOn.never
    if fmt == Fmt.jsonl and not against and not db:
        settings = _settings(config, no_config, lang=lang, tolerance=tolerance,
                             fail_on=fail_on.value if fail_on else None, jobs=jobs,
                             stories=stories.value if stories else None)
        _Run.waived = _Run.waived or settings.fail_on == "never"
        bad = _stream(paths, settings, baseline, skip_bad, log, stdin_format)
        if not exit_zero and bad:
            raise typer.Exit(1)
        return
    settings, report = _report(paths, against, lang, config, no_config, skip_bad, stdin_format, log=log, db=db,
                               story=story, tolerance=tolerance, fail_on=fail_on.value if fail_on else None,
                               jobs=jobs, stories=stories.value if stories else None)
    _Run.waived = _Run.waived or settings.fail_on == "never"
    log.info(f"{plural(len(report.documents), 'document')} read, {len(report.skipped)} skipped, "
             f"{plural(len(report.claims), 'claim')}, {plural(len(report.findings), 'finding')}")
    if baseline:
        from .baseline import read, suppress
        try:
            report, dropped = suppress(report, read(baseline))
        except DiscrepError as e:
            _fail(str(e))
        if dropped:
            log.warn(f"{dropped} finding(s) suppressed by the baseline {baseline}")
    _Run.failing = _gate(report, settings)
    RENDERERS[fmt.value](report, sys.stdout, **_out_options(bidi))
    for w in report.warnings:
        log.warn(w)
    log.skipped(report.skipped)
    if not exit_zero and _gate(report, settings):
        raise typer.Exit(1)


def _stream(paths: list[str], settings: Settings, baseline: str | None, skip_bad: bool, log: _Log,
            stdin_format: StdinFormat | None = None) -> int:
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
    gate = gated_verdicts(settings)
    bad = dropped = 0
    try:
        stories = StoryIndex(paths, skip_bad=skip_bad, stdin_format=stdin_format.value if stdin_format else None)
        log.skipped(stories.skipped)
        log.info(f"{plural(stories.count, 'document')} indexed, {len(stories.skipped)} skipped")
        try:
            with _Bar(stories.count, settings, log) as bar:
                for findings, warnings in check_stream(stories, settings, stories.count, progress=bar.tell):
                    kept = [f for f in findings if f.verdict == "agree" or f.id not in known]
                    dropped += len(findings) - len(kept)
                    bad += sum(f.verdict in gate for f in kept)      # known before written: a closed pipe
                    _Run.failing = int(bad > 0 and settings.fail_on != "never")   # exits with it
                    stream_jsonl(kept, sys.stdout)
                    sys.stdout.flush()
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
def make_baseline(paths: list[str] = PATHS,
                  against: list[str] | None = AGAINST,
                  output: str = typer.Option(".discrep-baseline.json", "--output", "-o", help="Where to write it."),
                  lang: str | None = LANG,
                  config: str | None = CONFIG,
                  no_config: bool = NO_CONFIG,
                  stdin_format: StdinFormat | None = STDIN_FORMAT) -> None:
    """Record today's findings, so that `check --baseline FILE` fails only on new ones."""
    import json

    from .baseline import to_dict
    _, report = _report(paths, against, lang, config, no_config, stdin_format=stdin_format)
    data = to_dict(report)
    try:
        with open(output, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
    except OSError as e:
        _fail(f"{output}: {e.strerror or 'cannot write'}")
    typer.echo(f"discrep: {len(data['findings'])} finding(s) recorded in {output}", err=True)


@app.command()
def explain(args: list[str] = typer.Argument(..., metavar="[FINDING_ID] PATHS...",
                                            help="A finding id (D…, a unique prefix will do), then the inputs; "
                                                 "with --why-not, only the inputs."),
            why_not: tuple[str, str] | None = typer.Option(None, "--why-not", metavar="A B",
                                                              help="Two figures as written (120, 1,500) or two "
                                                                   "claim ids (doc#3): every pair they form, with "
                                                                   "the rules that kept them apart or joined them."),
            against: list[str] | None = AGAINST,
            lang: str | None = LANG,
            config: str | None = CONFIG,
            no_config: bool = NO_CONFIG,
            stdin_format: StdinFormat | None = STDIN_FORMAT,
            bidi: Bidi = BIDI) -> None:
    """Print one finding in full (every claim with its sentence, hedge, interval and
    attribution, and the rules behind the verdict), or with --why-not, why two figures were
    or were not compared."""
    from .render import EXPLAIN, WHY_NOT
    if why_not:
        settings, report = _report(args, against, lang, config, no_config, stdin_format=stdin_format)
        from .trace import trace_pairs
        WHY_NOT(trace_pairs(report, *why_not, settings), report, sys.stdout, a=why_not[0], b=why_not[1],
                **_out_options(bidi))
        return
    if len(args) < 2:
        _fail("explain needs a finding id and the inputs (or --why-not A B and the inputs)")
    finding_id, paths = args[0], args[1:]
    _, report = _report(paths, against, lang, config, no_config, stdin_format=stdin_format)
    hits = [f for f in report.findings if f.id.startswith(finding_id)]
    if not hits:
        _fail(f"no finding {finding_id!r} in these documents (run `discrep check` to list the ids)")
    if len({f.id for f in hits}) > 1:
        _fail(f"{finding_id!r} is ambiguous: {', '.join(sorted({f.id for f in hits}))}")
    EXPLAIN(hits[0], report, sys.stdout, **_out_options(bidi))


class TlFmt(str, Enum):
    text = "text"
    json = "json"


@app.command()
def timeline(paths: list[str] = PATHS,
             topic: str | None = typer.Option(None, "--topic", "-t",
                                              help="Only the quantities whose topic holds this text (any case): "
                                                   "'kill', 'قتلى', 'turnout'."),
             fmt: TlFmt = typer.Option(TlFmt.text, "--format", "-f", help="Output format."),
             lang: str | None = LANG,
             config: str | None = CONFIG,
             no_config: bool = NO_CONFIG,
             jobs: int | None = JOBS,
             skip_bad: bool = SKIP_BAD,
             stdin_format: StdinFormat | None = STDIN_FORMAT,
             quiet: bool = QUIET) -> None:
    """How each quantity evolved: its values across outlets and days, oldest first, and who
    said what when.  A view, not a gate: it exits 0 whatever it finds."""
    from .render import RENDERERS
    log = _Log(quiet, False)
    settings, report = _report(paths, None, lang, config, no_config, skip_bad, stdin_format, log=log,
                               jobs=_jobs(jobs, log))
    RENDERERS["timeline" if fmt == TlFmt.text else "timeline-json"](report, sys.stdout, topic=topic)
    for w in report.warnings:
        log.warn(w)
    log.skipped(report.skipped)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command("index")
def index_(paths: list[str] = PATHS,
           db: str = typer.Option(..., "--db", help="The index file (DuckDB); made when missing."),
           engine: Engine = typer.Option(Engine.local, "--engine", help="local: this machine's worker processes; "
                                                                       "dask: partitions on a Dask cluster "
                                                                       "(pip install 'discrep[dask]')."),
           scheduler: str | None = typer.Option(None, "--scheduler", help="With --engine dask: the address of a "
                                                                          "running scheduler (else a local "
                                                                          "cluster is started)."),
           lang: str | None = LANG,
           config: str | None = CONFIG,
           no_config: bool = NO_CONFIG,
           jobs: int | None = JOBS,
           skip_bad: bool = SKIP_BAD,
           stdin_format: StdinFormat | None = STDIN_FORMAT,
           quiet: bool = QUIET) -> None:
    """Read documents once and keep them, with their claims, in an index (DuckDB) that
    check --against and search read.  A document already there with the same content is
    skipped; a changed one is read again with its story."""
    from .archive import Index, index_with_dask, read_parquet_documents
    from .load import read_inputs
    log = _Log(quiet, False)
    _check_lang(lang)
    if scheduler and engine != Engine.dask:
        _fail("--scheduler needs --engine dask")
    settings = _settings(config, no_config, lang=lang, jobs=_jobs(jobs, log))
    sfmt = stdin_format.value if stdin_format else None
    try:
        parquet = [p for p in paths if p.lower().endswith(".parquet")]
        rest = [p for p in paths if p not in parquet]
        extra = [d for p in parquet for d in read_parquet_documents(p)]
        with Index(db, create=True) as ix:
            if engine == Engine.dask:
                docs, skipped = read_inputs(rest, skip_bad=skip_bad, stdin_format=sfmt) if rest else ([], [])
                try:
                    st = index_with_dask(ix, docs + extra, settings, scheduler=scheduler)
                except ImportError:
                    _fail("--engine dask needs Dask: pip install 'discrep[dask]'")
            else:                        # story by story: memory holds a batch, not the input
                from .load import StoryIndex
                stories = StoryIndex(rest, skip_bad=skip_bad, stdin_format=sfmt) if rest else None
                try:
                    st = ix.add_stories(itertools.chain(stories or (), [extra] if extra else []), settings)
                finally:
                    if stories is not None:
                        stories.close()
                skipped = stories.skipped if stories is not None else []
            n_docs, n_claims = ix.count()
    except DiscrepError as e:
        _fail(str(e))
    log.skipped(skipped)
    if not quiet:
        typer.echo(f"{db}: {st.added} added, {st.replaced} read again, {st.unchanged} unchanged; "
                   f"{plural(n_docs, 'document')}, {plural(n_claims, 'claim')} in the index", err=True)


class SearchFmt(str, Enum):
    json = "json"
    jsonl = "jsonl"


@app.command()
def search(query: str = typer.Argument(..., help="What the claims measure, in any language: 'deaths', 'قتلى', "
                                                  "'turnout', 'voters'."),
           db: str = typer.Option(..., "--db", help="The index file."),
           since: str | None = typer.Option(None, "--since", help="Only claims of documents published on or "
                                                                   "after this day (YYYY-MM-DD)."),
           kind: str | None = typer.Option(None, "--kind", help="Only this kind: count, ordinal, percent, money, "
                                                                 "date."),
           story: str | None = typer.Option(None, "--story", help="Only this story."),
           fmt: SearchFmt = typer.Option(SearchFmt.json, "--format", "-f", help="Output format.")) -> None:
    """The stored claims of a concept, oldest first: for timelines and for jq."""
    import datetime as dt
    import json

    from .archive import Index, concept_of
    try:
        day = dt.date.fromisoformat(since) if since else None
    except ValueError:
        _fail(f"--since {since!r} is no day (YYYY-MM-DD)")
    concept = concept_of(query)
    try:
        with Index(db) as ix:
            rows = list(ix.search(concept, kind=kind, since=day, story=story))
    except DiscrepError as e:
        _fail(str(e))
    if fmt == SearchFmt.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    sys.stdout.write(json.dumps({"schema": "discrep.search/1", "query": query, "concept": concept,
                                 "claims": rows}, ensure_ascii=False, indent=2) + "\n")


@app.command("rules")
def rules_(codes: list[str] | None = typer.Argument(None, help="Show these rules in full (a code or a prefix: "
                                                                   "A1, D201).")) -> None:
    """List the rules that pair claims, keep them apart and decide verdicts (code, stage,
    name, one line each), or show the named ones in full."""
    from .render import RULES
    from .rules import all_rules
    every = all_rules()
    if not codes:
        RULES(every, sys.stdout)
        return
    chosen = [r for r in every if any(r.code.startswith(c.upper()) or r.name == c for c in codes)]
    if not chosen:
        _fail(f"no rule {', '.join(codes)} (discrep rules lists them)")
    RULES(chosen, sys.stdout, full=True)


@app.command()
def extract(paths: list[str] = PATHS,
            fmt: ExFmt = typer.Option(ExFmt.table, "--format", "-f", help="Output format."),
            lang: str | None = LANG,
            jobs: int | None = JOBS,
            skip_bad: bool = SKIP_BAD,
            stdin_format: StdinFormat | None = STDIN_FORMAT,
            quiet: bool = QUIET,
            bidi: Bidi = BIDI) -> None:
    """Print every mention (count, ordinal, percent, money, date) that was read."""
    from .load import StoryIndex, read_inputs
    from .pipeline import _warnings, extract_documents, stream_stories
    from .render import EXTRACT_RENDERERS
    _check_lang(lang)
    log = _Log(quiet, False)
    settings = Settings().with_(lang=lang, jobs=_jobs(jobs, log))
    sfmt = stdin_format.value if stdin_format else None
    try:
        if fmt == ExFmt.jsonl:           # streamed story by story, like check --format jsonl
            stories = StoryIndex(paths, skip_bad=skip_bad, stdin_format=sfmt)
            log.skipped(stories.skipped)
            try:
                for rows, _, warnings in stream_stories(stories, settings, judge=False, n_docs=stories.count):
                    EXTRACT_RENDERERS["jsonl"](rows, sys.stdout)
                    for w in warnings:
                        log.warn(w)
            finally:
                stories.close()
            return
        docs, skipped = read_inputs(paths, skip_bad=skip_bad, stdin_format=sfmt)
        rows = extract_documents(docs, settings)
    except DiscrepError as e:
        _fail(str(e))
    EXTRACT_RENDERERS[fmt.value](rows, sys.stdout, **_out_options(bidi))
    for w in _warnings(rows):
        log.warn(w)
    log.skipped(skipped)


class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would print "Aborted!" and exit 1)."""


class PipeClosed(BaseException):
    """The reader of stdout went away; raised past click, which would exit 1 on it."""


class _Stdout:
    """sys.stdout, with a closed pipe raised as :class:`PipeClosed`."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, s: str) -> int:
        try:
            return self._stream.write(s)
        except BrokenPipeError:
            raise PipeClosed() from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _on_sigint(signum: int, frame: FrameType | None) -> None:
    _Run.interrupted = True
    raise Interrupted()


# output errors the user can mend (a full disk, a quota, a dead device): one line, exit 2
WRITE_ERRNOS = {"ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS", "EBADF"}


def main() -> None:
    sys.exit(run())


def run(args: list[str] | None = None) -> int:
    """The command line as a function: the exit code, with every failure on one line of
    stderr (a traceback only for an internal error under -v)."""
    import errno
    import signal

    from typer import _click
    _Run.interrupted = False
    signal.signal(signal.SIGINT, _on_sigint)
    argv = sys.argv[1:] if args is None else list(args)
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        rc = app(args=argv, prog_name="discrep", standalone_mode=False)
        if rc == 130:                    # click's own KeyboardInterrupt -> Exit(130)
            return _interrupted()
        sys.stdout.flush()
        return rc if isinstance(rc, int) else 0
    except (Interrupted, KeyboardInterrupt):
        return _interrupted()
    except PipeClosed:                   # the reader went away (`| head -1`)
        _quiet_stdout()
        return 0 if _Run.waived else _Run.failing
    except typer.Abort:
        return _interrupted()
    except _click.exceptions.ClickException as e:
        if _Run.interrupted:
            return _interrupted()
        hint = f" (see discrep {argv[0]} --help)" if argv and argv[0] in app_commands() else " (see discrep --help)"
        sys.stderr.write(f"discrep: error: {' '.join(e.format_message().split())}{hint}\n")
        return 2
    except OSError as e:
        if _Run.interrupted:
            return _interrupted()
        if e.errno == errno.EPIPE:
            _quiet_stdout()
            return 0 if _Run.waived else _Run.failing
        if errno.errorcode.get(e.errno or 0) in WRITE_ERRNOS:
            _quiet_stdout()
            sys.stderr.write(f"discrep: error: cannot write the output: {e.strerror}\n")
            return 2
        return _internal(e, argv)
    except Exception as e:               # a bug: one line, and the traceback under -v
        if _Run.interrupted:             # a worker pool broken by the same Ctrl-C
            return _interrupted()
        return _internal(e, argv)
    finally:
        sys.stdout = stdout


def app_commands() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}


def _interrupted() -> int:
    _quiet_stdout()
    sys.stderr.write("discrep: interrupted\n")
    return 130


def _internal(e: BaseException, argv: list[str]) -> int:
    _quiet_stdout()
    if "-v" in argv or "--verbose" in argv:
        import traceback
        traceback.print_exception(e)
    sys.stderr.write(f"discrep: internal error: {type(e).__name__}: {' '.join(str(e).split())[:300]} "
                     "(a bug in discrep: please report it with the command that caused it"
                     + ("" if "-v" in argv or "--verbose" in argv else "; -v prints the traceback") + ")\n")
    return 3


def _quiet_stdout() -> None:
    """The reader went away (``| head -1``) or the disk is full: send what is left of
    stdout nowhere, so that flushing it at exit raises nothing."""
    import os
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass

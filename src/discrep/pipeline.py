"""The named stages wired together: load -> normalize -> extract -> claims -> align -> decide."""
from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import replace

from .align import align
from .claims import build_claims
from .decide import decide, decide_draft, order_findings
from .extract import extract
from .load import read_inputs
from .model import Claim, Document, Finding, Mention, NormalizedDoc, Report, Skipped
from .normalize import normalize
from .settings import Settings
from .stories import split_stories

PerDoc = list[tuple[NormalizedDoc, list[Mention], list[Claim]]]   # each document with what was read from it


def _references(nds: list[NormalizedDoc]) -> dict[str, dt.date | None]:
    """Each document's reference date: its own publication date, else its story's latest."""
    latest: dict[object, dt.date] = {}
    for nd in nds:
        if nd.published and (nd.doc.story not in latest or nd.published > latest[nd.doc.story]):
            latest[nd.doc.story] = nd.published
    return {nd.doc.id: nd.published or latest.get(nd.doc.story) for nd in nds}


def _extract(nds: list[NormalizedDoc], refs: dict, settings: Settings
             ) -> list[tuple[NormalizedDoc, list[Mention], list[Claim]]]:
    out = []
    for nd in nds:
        mentions = extract(nd, refs[nd.doc.id])
        out.append((nd, mentions, build_claims(nd, mentions, settings)))
    return out


def _normalize(docs: Iterable[Document], settings: Settings) -> list[NormalizedDoc]:
    aliases = {k.casefold(): v for k, v in settings.outlet_aliases}
    return [normalize(d, settings.lang, aliases) for d in docs]


def _sequential(docs: list[Document], settings: Settings):
    nds = _normalize(docs, settings)
    return _extract(nds, _references(nds), settings)


def _story_findings(per_doc: PerDoc, settings: Settings) -> list[Finding]:
    claims = [c for _, _, cs in per_doc for c in cs]
    return decide(align(claims, settings), claims, settings)


def _chunk_task(task: tuple):
    """One worker's share: documents of whole stories (read, aligned and decided here) or a
    part of one large story (only read here; the parent aligns the story)."""
    docs, settings, whole, judge, keep = task
    nds = _normalize(docs, settings)
    refs = _references(nds)
    per_doc = _extract(nds, refs, settings)
    if not whole:
        return per_doc, None, refs, [], 0
    findings = _story_findings(per_doc, settings) if judge else []
    # what the caller does not keep is not sent back (pickling is a tenth of the work)
    return (per_doc if keep else []), findings, refs, _warnings(per_doc), len({d.story for d in docs})


def group_stories(docs: Iterable[Document]) -> list[list[Document]]:
    """Documents by story, stories in order of first appearance."""
    stories: dict[object, list[Document]] = {}
    for d in docs:
        stories.setdefault(d.story, []).append(d)
    return list(stories.values())


def _story_chunks(stories: Iterable[list[Document]], size: int) -> Iterator[tuple[list[Document], bool]]:
    """Stories packed into chunks of about ``size`` documents; a story larger than ``size``
    is cut into chunks flagged as parts (False)."""
    cur: list[Document] = []
    for docs in stories:
        if len(docs) > size:
            if cur:
                yield cur, True
                cur = []
            for a in range(0, len(docs), size):
                yield docs[a:a + size], False
            continue
        if cur and len(cur) + len(docs) > size:
            yield cur, True
            cur = []
        cur = cur + docs
    if cur:
        yield cur, True


def jobs_for(n_docs: int, settings: Settings) -> int:
    """Worker processes for ``n_docs`` documents: ``settings.jobs``, or with 0 (auto) one a
    core once the input is large enough for a pool to pay for itself."""
    if settings.jobs:                    # never more workers than cores: they would only contend
        return max(1, min(settings.jobs, n_docs, os.cpu_count() or 1))
    if n_docs < settings.parallel_min_docs:
        return 1
    return max(1, min(os.cpu_count() or 1, n_docs // settings.chunk_docs or 1))


def _pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # fork shares the compiled language tables with the workers; elsewhere, spawn
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_ignore_sigint)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: one message, exit code 130.
    They are forked with SIGINT blocked (:func:`_sigint_blocked`), so none can die of a
    Ctrl-C before it gets here."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _sigint_blocked:
    """Hold Ctrl-C back while worker processes are forked (they inherit the block, not the
    pending signal); the parent receives it as soon as the workers exist."""

    def __enter__(self):
        import signal
        import threading
        self.on = hasattr(signal, "pthread_sigmask") and threading.current_thread() is threading.main_thread()
        if self.on:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        return self

    def __exit__(self, *exc: object):
        import signal
        if self.on:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return False


def _stop(ex: Executor) -> None:
    """Cancel what is queued and end the workers now, without waiting for their chunks (the
    workers are taken before shutdown, which forgets them)."""
    procs = list((getattr(ex, "_processes", None) or {}).values())
    try:
        ex.shutdown(wait=False, cancel_futures=True)
    except Exception:                    # a pool that failed to start may be half made
        pass
    for proc in procs:
        proc.terminate()


def _bounded_map(ex: Executor, fn: Callable, tasks: Iterable, window: int, pending: Iterable[Future] = ()) -> Iterator:
    """``ex.map`` that keeps at most ``window`` tasks in flight, so a long input is never
    held in the queue all at once; results come back in order.  ``pending`` are futures
    already submitted, ahead of ``tasks``."""
    from collections import deque
    queue: deque = deque(pending)
    for t in tasks:
        queue.append(ex.submit(fn, t))
        if len(queue) >= window:
            yield queue.popleft().result()
    while queue:
        yield queue.popleft().result()


def _with_warning(results: Iterable[tuple], warning: str):
    """``results`` of :func:`stream_stories` with ``warning`` added to the first."""
    for k, (per_doc, findings, warnings) in enumerate(results):
        yield per_doc, findings, ([warning] if k == 0 else []) + list(warnings)


Progress = Callable[[int, int], None]   # (documents read, stories decided) since the last call


def stream_stories(stories: Iterable[list[Document]], settings: Settings = Settings(), judge: bool = True,
                   n_docs: int | None = None, keep: bool = True, progress: Progress | None = None
                   ) -> Iterator[tuple[list[tuple[NormalizedDoc, list[Mention], list[Claim]]], list[Finding],
                                       list[str]]]:
    """The pipeline story by story.  ``stories`` are lists of documents, one list a story
    (see :func:`group_stories`, :class:`discrep.load.StoryIndex`); for each chunk of whole
    stories this yields (the documents read, with their mentions and claims, or none without
    ``keep``; the findings, none without ``judge``; the warnings).  Stories never meet, so the findings are those of checking
    everything at once.  ``n_docs`` (the number of documents, if known) sizes the pool of
    worker processes (:func:`jobs_for`); only a few chunks are in flight at a time.
    ``progress`` is told, as each chunk comes back, how many documents it read and how many
    stories it decided."""
    n_jobs = jobs_for(n_docs, settings) if n_docs is not None else max(1, min(settings.jobs, os.cpu_count() or 1))
    chunks = _story_chunks(split_stories(stories, settings), settings.chunk_docs)
    tasks = ((docs, settings, whole, judge, keep) for docs, whole in chunks)
    if n_jobs <= 1:
        yield from _merge_parts(map(_chunk_task, tasks), settings, judge, progress)
        return
    first = list(itertools.islice(tasks, 2))
    if len(first) < 2:                   # one chunk: a pool would only add its start-up
        yield from _merge_parts(map(_chunk_task, first), settings, judge, progress)
        return
    ex = _pool(n_jobs)
    try:
        try:
            with _sigint_blocked():
                started = [ex.submit(_chunk_task, t) for t in first]  # starts the workers
        except OSError as e:             # fork refused (a process limit, no memory): one process
            _stop(ex)
            why = f"could not start {n_jobs} worker processes ({e.strerror or e}); checking in one process"
            yield from _with_warning(_merge_parts(map(_chunk_task, itertools.chain(first, tasks)), settings, judge,
                                                  progress),
                                     why)
            return
        yield from _merge_parts(_bounded_map(ex, _chunk_task, tasks, 2 * n_jobs, started), settings, judge,
                                  progress)
    except BaseException:                # Ctrl-C (even as the workers start), a closed pipe, a consumer that stopped
        _stop(ex)
        raise
    ex.shutdown()


def _merge_parts(results: Iterable[tuple], settings: Settings, judge: bool, progress: Progress | None = None):
    """Pass whole-story chunks through; gather the parts of a large story, fix the reference
    dates a part could not see (a story's latest date may sit in another part) and decide it."""
    tell = progress or (lambda docs, stories: None)
    parts: list = []

    def finish():
        out = _finish(parts, settings, judge)
        tell(0, 1)
        return out
    for per_doc, findings, refs, warnings, n_stories in results:
        if findings is not None:
            if parts:
                yield finish()
                parts = []
            tell(len(refs), n_stories)
            yield per_doc, findings, warnings
            continue
        if parts and parts[0][0][0][0].doc.story != per_doc[0][0].doc.story:
            yield finish()
            parts = []
        parts.append((per_doc, refs))
        tell(len(refs), 0)
    if parts:
        yield finish()


def _finish(parts: list[tuple[PerDoc, dict]], settings: Settings, judge: bool):
    per_doc = [row for rows, _ in parts for row in rows]
    used = {k: v for _, refs in parts for k, v in refs.items()}
    refs = _references([nd for nd, _, _ in per_doc])
    redo = [nd for nd, _, _ in per_doc if refs[nd.doc.id] != used[nd.doc.id]]
    if redo:
        fixed = {nd.doc.id: row for row in _extract(redo, refs, settings) for nd in (row[0],)}
        per_doc = [fixed.get(row[0].doc.id, row) for row in per_doc]
    return per_doc, (_story_findings(per_doc, settings) if judge else []), _warnings(per_doc)


def extract_documents(docs: Iterable[Document], settings: Settings = Settings()
                      ) -> list[tuple[NormalizedDoc, list[Mention], list[Claim]]]:
    """Every document read: (normalized document, its mentions, its claims), in input order."""
    docs = list(docs)
    if jobs_for(len(docs), settings) == 1:
        return _sequential(docs, settings)
    pos = {d.id: k for k, d in enumerate(docs)}
    rows = [row for per_doc, _, _ in stream_stories(group_stories(docs), settings, False, len(docs))
            for row in per_doc]
    return sorted(rows, key=lambda r: pos[r[0].doc.id])


def check_documents(docs: Iterable[Document], settings: Settings = Settings(),
                    skipped: Iterable[Skipped] = (), progress: Progress | None = None) -> Report:
    """Every finding of the documents; ``skipped`` are the inputs that were not read (see
    :func:`discrep.load.read_inputs`), kept in the report so that nothing goes unaccounted.
    ``progress``: see :func:`stream_stories`."""
    docs = list(docs)
    pos = {d.id: k for k, d in enumerate(docs)}
    per_doc, findings = [], []
    for rows, fs, _ in stream_stories(group_stories(docs), settings, n_docs=len(docs), progress=progress):
        per_doc.extend(rows)
        findings.extend(fs)
    per_doc.sort(key=lambda r: pos[r[0].doc.id])
    claims = [c for _, _, cs in per_doc for c in cs]
    return Report(tuple(nd for nd, _, _ in per_doc), tuple(claims), tuple(order_findings(findings)),
                  tuple(_warnings(per_doc)), skipped=tuple(skipped))


def check_stream(stories: Iterable[list[Document]], settings: Settings = Settings(), n_docs: int | None = None,
                 progress: Progress | None = None) -> Iterator[tuple[list[Finding], list[str]]]:
    """:func:`check_documents` story by story, holding only the stories in flight: for each
    chunk of stories, its findings (in report order) and its warnings."""
    for _, findings, warnings in stream_stories(stories, settings, n_docs=n_docs, keep=False, progress=progress):
        yield order_findings(findings), warnings


def _warnings(per_doc: PerDoc) -> list[str]:
    """What load guessed or mended, document by document (a note names its own place)."""
    out: dict[str, None] = {}           # each once, in order: a file's note is on each of its records
    for nd, _, _ in per_doc:
        if nd.doc.encoding_guessed:
            out[f"{nd.doc.path or nd.doc.id}: encoding guessed as {nd.doc.encoding}"] = None
        out.update(dict.fromkeys(nd.doc.notes))
    return list(out)


def check(paths: Iterable[str], settings: Settings = Settings(), skip_bad: bool = False) -> Report:
    """Run the whole pipeline over files, folders or globs (bad inputs skipped and reported
    with ``skip_bad``, else they raise :class:`discrep.errors.InputError`)."""
    docs, skipped = read_inputs(paths, skip_bad=skip_bad)
    return check_documents(docs, settings, skipped)


def check_against(drafts: Iterable[Document], sources: Iterable[Document], settings: Settings = Settings(),
                  skipped: Iterable[Skipped] = ()) -> Report:
    """Each claim of the drafts judged against the sources: conflict, agree or unsupported."""
    drafts = list(drafts)
    draft_ids = {d.id for d in drafts}
    draft_paths = {os.path.realpath(d.path) for d in drafts if d.path}
    kept = []
    for s in sources:
        if s.path and os.path.realpath(s.path) in draft_paths:
            continue                     # "check drafts/x.md --against drafts/": not its own source
        if s.id in draft_ids:
            s = replace(s, id=f"{s.id}~source")
        kept.append(s)
    per_doc = extract_documents(drafts + kept, settings)
    claims = [c for _, _, cs in per_doc for c in cs]
    findings = decide_draft(align(claims, settings), claims, draft_ids, settings)
    return Report(tuple(nd for nd, _, _ in per_doc), tuple(claims), tuple(findings), tuple(_warnings(per_doc)),
                  tuple(d.id for d in drafts), tuple(skipped))

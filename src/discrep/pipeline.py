"""The named stages wired together: load -> normalize -> extract -> claims -> align -> decide."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from typing import Iterable

from .align import align
from .claims import build_claims
from .decide import decide, decide_draft
from .extract import extract
from .load import load
from .model import Claim, Document, Mention, NormalizedDoc, Report
from .normalize import normalize
from .settings import Settings


def _references(nds: list[NormalizedDoc]) -> dict[str, dt.date | None]:
    """Each document's reference date: its own publication date, else its story's latest."""
    latest: dict[object, dt.date] = {}
    for nd in nds:
        if nd.published and (nd.doc.story not in latest or nd.published > latest[nd.doc.story]):
            latest[nd.doc.story] = nd.published
    return {nd.doc.id: nd.published or latest.get(nd.doc.story) for nd in nds}


def extract_documents(docs: Iterable[Document], settings: Settings = Settings()
                      ) -> list[tuple[NormalizedDoc, list[Mention], list[Claim]]]:
    aliases = {k.casefold(): v for k, v in settings.outlet_aliases}
    nds = [normalize(d, settings.lang, aliases) for d in docs]
    refs = _references(nds)
    out = []
    for nd in nds:
        mentions = extract(nd, refs[nd.doc.id])
        out.append((nd, mentions, build_claims(nd, mentions, settings)))
    return out


def check_documents(docs: Iterable[Document], settings: Settings = Settings()) -> Report:
    per_doc = extract_documents(docs, settings)
    claims = [c for _, _, cs in per_doc for c in cs]
    groups = align(claims, settings)
    findings = decide(groups, claims, settings)
    warnings = tuple(f"{nd.doc.path or nd.doc.id}: encoding guessed as {nd.doc.encoding}"
                     for nd, _, _ in per_doc if nd.doc.encoding_guessed)
    return Report(tuple(nd for nd, _, _ in per_doc), tuple(claims), tuple(findings), warnings)


def check(paths: Iterable[str], settings: Settings = Settings()) -> Report:
    """Run the whole pipeline over files, folders or globs."""
    return check_documents(load(paths), settings)


def check_against(drafts: Iterable[Document], sources: Iterable[Document], settings: Settings = Settings()) -> Report:
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
    groups = align(claims, settings)
    findings = decide_draft(groups, claims, draft_ids, settings)
    warnings = tuple(f"{nd.doc.path or nd.doc.id}: encoding guessed as {nd.doc.encoding}"
                     for nd, _, _ in per_doc if nd.doc.encoding_guessed)
    return Report(tuple(nd for nd, _, _ in per_doc), tuple(claims), tuple(findings), warnings,
                  tuple(d.id for d in drafts))

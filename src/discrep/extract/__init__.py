"""extract: every quantity, ordinal and date mention of a document, generously.

The scanner tries each matcher at each token and keeps the longest hit (ties go to the
earlier matcher).  Policy (tolerance, hedges, same-event checks) is not applied here.
"""
from __future__ import annotations

import datetime as dt
import re

from .. import lang
from ..model import Mention, NormalizedDoc
from ..normalize import raw_span
from ..tokens import document_tokens
from . import dates, numbers
from .numbers import Hit


# web addresses and e-mail addresses: their digits and "%xx" escapes are not quantities
LINK_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)


def _blockers(ld, toks, i):
    """Spans that must not be read as quantities: identifiers, phone numbers, other calendars."""
    t = toks[i]
    if t.kind == "num" and (numbers._identifier_head(ld, toks, i) or numbers._phone_like(ld, toks, i)):
        return Hit(i, i + 1, "block")
    oc = ld.other_months.match(toks, i)
    if oc and _next_to_number(toks, i, i + oc[0]):
        return Hit(i, i + oc[0], "block")
    return None


def _next_to_number(toks, i, j) -> bool:
    """A month of another calendar is a date only with a day or a year beside it
    ("15 رمضان", "صفر 1447"); alone, "صفر" is the number zero."""
    return (i > 0 and toks[i - 1].kind == "num") or (j < len(toks) and toks[j].kind == "num")


def _link_tokens(text: str, toks) -> set[int]:
    spans = [m.span() for m in LINK_RE.finditer(text)]
    if not spans:
        return set()
    out, si = set(), 0
    for idx, t in enumerate(toks):
        while si < len(spans) and spans[si][1] <= t.start:
            si += 1
        if si < len(spans) and spans[si][0] <= t.start < spans[si][1]:
            out.add(idx)
    return out


MATCHERS = (
    _blockers,
    dates.date_range,
    dates.date_holiday,
    dates.date_numeric,
    dates.date_numeric_short,
    dates.date_joined,
    dates.date_part,
    dates.date_words,
    dates.date_relative,
    dates.date_year,
    dates.date_after_preposition,
    numbers.ranged,
    numbers.ordinal,
    numbers.quantity,
)


def scan(ld, toks, skip: set[int] = frozenset()) -> list[Hit]:
    hits: list[Hit] = []
    i, n = 0, len(toks)
    while i < n:
        if i in skip or not ld.may_start(toks[i]):
            i += 1
            continue
        best = None
        for f in MATCHERS:
            h = f(ld, toks, i)
            if h is not None and h.j > i and (best is None or h.j > best.j):
                best = h
        if best is None:
            i += 1
            continue
        hits.append(best)
        i = best.j
    return hits


def reference_date(published: dt.date | None, story_latest: dt.date | None) -> dt.date | None:
    return published or story_latest


def extract(nd: NormalizedDoc, reference: dt.date | None = None) -> list[Mention]:
    """Mentions of one document; relative dates resolve against ``reference``."""
    ld = lang.get(nd.lang)
    toks = list(document_tokens(nd.norm))
    hits = scan(ld, toks, _link_tokens(nd.norm, toks))
    years = [h.date.year for h in hits if h.kind == "date" and h.date.year]
    doc_year = max(years) if years else None
    out: list[Mention] = []
    text = nd.doc.text
    for h in hits:
        if h.kind == "block":
            continue
        ns = toks[h.i].start + h.prefix_len
        ne = toks[h.j - 1].end
        rs, re_ = raw_span(nd, ns, ne)
        surface = text[rs:re_]
        if h.kind == "date":
            r = dates.resolve(h.date, reference, doc_year)
            if r is None:
                continue
            out.append(Mention(nd.doc.id, "date", rs, re_, surface, r.value, r.low.isoformat(),
                               r.high.isoformat(), r.qualifier, precision=r.precision,
                               weekday=h.date.weekday, weekday_text=h.date.weekday_text,
                               year_source=r.year_source, relative=r.relative, norm_start=ns, norm_end=ne))
            continue
        value = h.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        out.append(Mention(nd.doc.id, h.kind, rs, re_, surface, value, h.low, h.high, h.qualifier,
                           hedge=h.hedge, currency=h.currency, norm_start=ns, norm_end=ne))
    return out

"""extract: every quantity, ordinal and date mention of a document, generously.

The scanner tries each matcher at each token and keeps the longest hit (ties go to the
earlier matcher).  Policy (tolerance, hedges, same-event checks) is not applied here.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .. import lang
from ..lang import LangData
from ..model import Mention, NormalizedDoc
from ..normalize import raw_span
from ..tokens import Token, tokenize
from . import dates, numbers
from .numbers import Hit

# web addresses and e-mail addresses: their digits and "%xx" escapes are not quantities
# (an address starts where its run of address characters starts, and the run is taken
# whole: a long run with no "@" is then rejected once, not once per character)
LINK_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.-]+", re.IGNORECASE)


def _blockers(ld: LangData, toks: list[Token], i: int):
    """Spans that must not be read as quantities: identifiers, phone numbers, slash idioms,
    other calendars."""
    t = toks[i]
    if t.kind == "num" and (numbers._identifier_head(ld, toks, i) or numbers._phone_like(ld, toks, i)):
        return Hit(i, i + 1, "block")
    if t.kind == "num" and (end := _gallery_index(ld, toks, i)):
        return Hit(i, end, "block")                     # "Image 3 of 12": a picture's place in a gallery
    if t.kind == "num" and i + 1 < len(toks) and toks[i + 1].low in ld.identifier_tails:
        return Hit(i, i + 2, "block")                   # "the 1100 block of Elm Street": an address
    if t.kind == "num" and ld.street_types and (end := _street_address(ld, toks, i)):
        return Hit(i, end, "block")                     # "305 E. Main Street": a house number
    if (t.kind == "num" and i + 2 < len(toks) and toks[i + 1].text == "/" and toks[i + 1].glued
            and toks[i + 2].glued and f"{t.text}/{toks[i + 2].text}" in ld.slash_idioms):
        return Hit(i, i + 3, "block")                   # "24/7", "9/11"
    if t.kind == "num":
        tm = _clock_time(ld, toks, i)
        if tm:
            return Hit(i, tm, "block")                   # "at 3 p.m.", "الساعة 10 صباحا"
    oc = ld.other_months.match(toks, i)
    if oc and _next_to_number(toks, i, i + oc[0]):
        return Hit(i, i + oc[0], "block")
    return None


def _gallery_index(ld: LangData, toks: list[Token], i: int) -> int | None:
    """The end of a picture's place in a gallery at ``toks[i]``: a gallery's noun, the number,
    a link and the gallery's size ("Image 3 of 12", "Photo 3/12", "صورة 3 من 12").  Web
    pages carry these beside every caption; neither number counts anything."""
    if not (i and ld.gallery_heads.match(toks, i - 1) or i > 1 and ld.gallery_heads.match(toks, i - 2)
            and toks[i - 1].text in (":", "#")):
        return None
    if i + 2 < len(toks) and toks[i + 1].low in ld.gallery_links and toks[i + 2].kind == "num":
        return i + 3
    return None


STREET_NAME_WORDS = 3                   # the words of a street's name between a house number and its type


def _street_address(ld: LangData, toks: list[Token], i: int) -> int | None:
    """The end of a street address at ``toks[i]``: a house number, then a street's name in
    capitals (maybe after a direction: "E.", "North") or a numbered street's ordinal, and a
    street type ("305 E. Main Street", "1420 North Avenue", "9780 Bissonnet St.", "4120 112th
    Street").  A house number is no quantity."""
    k, words = i + 1, 0
    while k < len(toks) and words <= STREET_NAME_WORDS:
        tk = toks[k]
        if tk.kind == "num" and not words and k + 1 < len(toks) and toks[k + 1].glued \
                and toks[k + 1].low in ld.ord_digit_suffixes:
            k, words = k + 2, 1          # "4120 112th Street": a numbered street's name
            continue
        if tk.kind != "word":
            if tk.text == "." and words:
                k += 1
                continue
            return None
        if words and tk.low in ld.street_types:
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.kind == "word" and nxt.text[:1].islower() and nxt.low not in ld.stopwords:
                return None              # "40 Main Street businesses": the street names the noun's kind
            return k + 1
        if not (tk.text[:1].isupper() or tk.low in ld.street_directions):
            return None
        words += 1
        k += 1
    return None


def _clock_time(ld: LangData, toks: list[Token], i: int) -> int | None:
    """The end of a clock time at ``toks[i]``: an hour (0-24) with a time word after it
    ("3 p.m.", "10 صباحا") or an hour word before it ("الساعة 10").  Times are not counts."""
    v = numbers.parse_digits(toks[i].text) if toks[i].text.isdigit() else None
    if v is None:
        return None
    ta = ld.time_after.match(toks, i + 1) if i + 1 < len(toks) else None
    if ta and len(toks[i].text) == 4 and v // 100 < 24 and v % 100 < 60:
        return i + 1 + ta[0]             # "0700 GMT", "1430 UTC": hours and minutes run together
    if v > 24:
        return None
    if ta:
        return i + 1 + ta[0]
    if i and ld.time_before.match(toks, i - 1):
        return i + 1
    return None


def _next_to_number(toks: list[Token], i: int, j: int) -> bool:
    """A month of another calendar is a date only with a day or a year beside it
    ("15 رمضان", "صفر 1447"); alone, "صفر" is the number zero."""
    return (i > 0 and toks[i - 1].kind == "num") or (j < len(toks) and toks[j].kind == "num")


def _link_tokens(text: str, toks: list[Token], start: int = 0, end: int | None = None) -> set[int]:
    spans = [m.span() for m in LINK_RE.finditer(text, start, len(text) if end is None else end)]
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
    dates.date_offset,
    dates.date_nth_weekday,
    dates.date_day_list,
    dates.date_bare_day,
    dates.date_hijri,
    dates.date_decade,
    dates.date_year,
    dates.date_after_preposition,
    numbers.ranged,
    numbers.ordinal,
    numbers.quantity,
)


# A mention holds an anchor (see ``LangData.anchor_re``); the words that open one before
# its anchor ("ما لا يقل عن", "in the middle of", "between about") are at most this many
# tokens.  The scanner does not try the matchers at a token with no anchor that near.
OPENER_TOKENS = 6


def _near_anchor(ld: LangData, toks: list[Token], anchors: set[int] | None = None) -> list[bool]:
    """For each token, whether an anchor is at most OPENER_TOKENS tokens ahead.  ``anchors``
    are the anchor offsets :func:`windows` found (else each token is tested)."""
    n = len(toks)
    out = [False] * n
    last = n + OPENER_TOKENS + 1
    for k in range(n - 1, -1, -1):
        t = toks[k]
        if (t.start in anchors or t.kind == "num") if anchors is not None else ld.is_anchor(t):
            last = k
        out[k] = last - k <= OPENER_TOKENS
    return out


def scan(ld: LangData, toks: list[Token], skip: set[int] | frozenset[int] = frozenset(), everywhere: bool = False,
         anchors: set[int] | None = None) -> list[Hit]:
    hits: list[Hit] = []
    i, n = 0, len(toks)
    near = [True] * n if everywhere else _near_anchor(ld, toks, anchors)
    while i < n:
        if i in skip or not near[i] or not ld.may_start(toks[i]):
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
        if best.kind != "date" and best.hedge and not best.currency and best.j - i > 1:
            inner = _date_inside(ld, toks, best)
            if inner is not None:        # "حتى 3 آب": until 3 August, not "up to 3"
                i = inner
                continue
            inner = next((k for k in range(best.i + 1, best.j) if _blockers(ld, toks, k)), None)
            if inner is not None:        # "around 7 p.m.", "نحو الساعة 10": a clock time, not "about 7"
                i = inner
                continue
        hits.append(best)
        i = best.j
    return hits


DATE_MATCHERS = tuple(f for f in MATCHERS if f.__module__ == dates.__name__)


def _date_inside(ld: LangData, toks: list[Token], hit: Hit) -> int | None:
    """The first token inside a hedged quantity where a date starts that runs to its end or
    past it: the hedge word was a preposition ("until", "حتى")."""
    for k in range(hit.i + 1, hit.j):
        for f in DATE_MATCHERS:
            h = f(ld, toks, k)
            if h is not None and h.kind == "date" and h.j >= hit.j:
                return k
    return None


def reference_date(published: dt.date | None, story_latest: dt.date | None) -> dt.date | None:
    return published or story_latest


# Tokens (whitespace-separated chunks, each one or more tokens) kept on either side of an
# anchor.  They must cover the longest opener before an anchor ("ما لا يقل عن", "in the
# middle of") plus the few tokens a matcher looks back at, and the unit, percent or year
# words after it; tests check that windowed and whole-text scanning agree.
MARGIN_CHUNKS = 8
_LOOK = 400


_SPACES = (" ", "\n", "\t", "\r")


def _snap(norm: str, at: int, step: int) -> int:
    """``at`` moved to the nearest whitespace within ``_LOOK`` characters (or the text's
    end); str.find keeps text without spaces linear."""
    n = len(norm)
    if step < 0:
        lo = max(0, at - _LOOK)
        p = max(norm.rfind(c, lo, at) for c in _SPACES)
        return p + 1 if p >= 0 else (0 if lo == 0 else at)
    hi = min(n, at + _LOOK)
    found = [p for p in (norm.find(c, at, hi) for c in _SPACES) if p >= 0]
    return min(found) if found else (n if hi == n else at)


def windows(ld: LangData, norm: str) -> list[tuple[int, int]]:
    """Stretches of ``norm`` that can hold a mention: each anchor plus a margin of
    ``MARGIN_CHUNKS`` chunks either side, cut at whitespace and merged when they touch."""
    return anchored_windows(ld, norm)[0]


def anchored_windows(ld: LangData, norm: str) -> tuple[list[tuple[int, int]], set[int] | None]:
    """:func:`windows` and the start offsets of the anchors (None when the whole text is
    one window because its lower case changes length, so no offsets were taken)."""
    low = norm.lower()
    if len(low) != len(norm):              # a rare character whose lower case is longer
        return [(0, len(norm))], None
    out: list[tuple[int, int]] = []
    anchors: set[int] = set()
    for m in ld.anchor_re.finditer(low):
        a, b = m.span()
        anchors.add(a)
        if out and a <= out[-1][1]:
            s = out[-1][0]
        else:
            base = max(0, a - _LOOK)
            parts = norm[base:a].rsplit(None, MARGIN_CHUNKS)
            s = base + len(parts[0]) if len(parts) > MARGIN_CHUNKS else _snap(norm, base, -1)
        tail = norm[b:b + _LOOK]
        parts = tail.split(None, MARGIN_CHUNKS)
        e = b + len(tail) - len(parts[-1]) if len(parts) > MARGIN_CHUNKS else _snap(norm, b + len(tail), 1)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out, anchors


TENSE_CHARS = 160                       # characters before a yearless month read for its tense (a clause)


def extract(nd: NormalizedDoc, reference: dt.date | None = None, whole: bool = False) -> list[Mention]:
    """Mentions of one document; relative dates resolve against ``reference``.  Only the
    windows around anchors are tokenized and scanned (``whole`` scans everything, the
    reference the windows are tested against)."""
    ld = lang.get(nd.lang)
    norm = nd.norm
    spans, anchors = ([(0, len(norm))], None) if whole else anchored_windows(ld, norm)
    found: list[tuple[list, Hit]] = []
    dots = numbers.dot_grouped(norm)
    for s, e in spans:
        toks = tokenize(norm[s:e], s)
        with numbers.memoized(dots):
            found.extend((toks, h) for h in scan(ld, toks, _link_tokens(norm, toks, s, e), whole, anchors))
    years = [h.date.year for _, h in found if h.kind == "date" and h.date.year]
    doc_year = max(years) if years else None
    out: list[Mention] = []
    text = nd.doc.text
    for toks, h in found:
        if h.kind == "block":
            continue
        ns = toks[h.i].start + h.prefix_len
        ne = toks[h.j - 1].end
        rs, re_ = raw_span(nd, ns, ne)
        surface = text[rs:re_]
        if h.kind == "date":
            if dates.yearless(h.date):
                # the clause before may reach past the scanned window: read it from the text
                at = max(0, ns - TENSE_CHARS)
                before = tokenize(norm[at:ns], at)
                h.date = dates.with_tense(h.date, dates.yearless_tense(ld, before, len(before)))
            r = dates.resolve(h.date, reference, doc_year)
            if r is None:
                span = h.date.count_span if h.date.kind == "ago" else None
                if span and h.date.offset > 0:
                    # "منذ 100 عام" with no date to count back from: still 100 years, a
                    # count of time units like "منذ أكثر من 35 عاما" (claims reads the unit)
                    ns, ne = toks[span[0]].start, toks[span[1] - 1].end
                    rs, re_ = raw_span(nd, ns, ne)
                    out.append(Mention(nd.doc.id, "number", rs, re_, text[rs:re_], h.date.offset, h.date.offset,
                                       h.date.offset, "exact", norm_start=ns, norm_end=ne))
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
    return _named_before(ld, nd, out)


def _named_before(ld: LangData, nd: NormalizedDoc, mentions: list[Mention]) -> list[Mention]:
    """A figure before a bare word that may be a currency ("1,537,000 pounds": weight or
    money?) is money when its document names, elsewhere, exactly one currency the word can
    be ("1,489,000 Lebanese pounds"): the word then stands for it."""
    named = {m.currency for m in mentions if m.kind == "money" and m.currency}
    if not ld.bare_currencies or not named:
        return mentions
    out = []
    for m in mentions:
        if m.kind == "number":
            word = ld.bare_currency_re.match(nd.norm, m.norm_end)
            codes = ld.bare_currencies.get(word.group(1).casefold()) if word else None
            meant = named & set(codes or ())
            if word and len(meant) == 1:
                ne = word.end()
                rs, re_ = raw_span(nd, m.norm_start, ne)
                m = replace(m, kind="money", start=rs, end=re_, text=nd.doc.text[rs:re_], currency=meant.pop(),
                            norm_end=ne)
        out.append(m)
    return out

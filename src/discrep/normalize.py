"""normalize: fold the text for matching while keeping a map back to raw offsets.

Folding is one character to one character (alef/yeh/teh-marbuta forms, Arabic-Indic and
Persian digits, separators, quotes, dashes, odd spaces) plus deletions (harakat, tatweel,
zero-width and bidi controls).  Deleted runs are recorded as breakpoints, so any folded
offset maps back to the raw text.  Boilerplate lines and verbatim repeated lines are
blanked (replaced by spaces), which keeps every offset valid.
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .model import Document, NormalizedDoc

if TYPE_CHECKING:
    from .lang import LangData


@lru_cache(maxsize=1)
def _tables():
    with resources.files("discrep.lang").joinpath("common.toml").open("rb") as fh:
        f = tomllib.load(fh)["fold"]
    table: dict[int, int | None] = {ord(k): ord(v) for k, v in f["map"].items()}
    for digits in f["digits"]:
        for i, ch in enumerate(digits):
            table[ord(ch)] = ord(str(i))
    ranges = [tuple(r) for r in f["delete"]]
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            table[cp] = None
    cls = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
    return table, re.compile(f"[{cls}]+")


def fold(text: str) -> str:
    """The folded form of ``text`` (used for both documents and language data)."""
    return text.translate(_tables()[0])


def fold_with_map(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Folded text plus breakpoints: from folded offset ``at[k]`` on, raw = folded + ``by[k]``."""
    table, deleted = _tables()
    at: list[int] = []
    by: list[int] = []
    shift = 0
    for m in deleted.finditer(text):
        shift += m.end() - m.start()
        at.append(m.end() - shift)
        by.append(shift)
    return text.translate(table), tuple(at), tuple(by)


def raw_span(nd: NormalizedDoc, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of the folded span [start, end); the end takes in trailing deleted marks."""
    rs = nd.raw_offset(start)
    re_ = nd.raw_offset(end - 1) + 1 if end > start else rs
    text = nd.doc.text
    deleted = _tables()[1]
    m = deleted.match(text, re_)
    if m:
        re_ = m.end()
    return rs, re_


def detect_lang(norm: str, langs: Sequence[LangData]) -> str:
    """The language whose script covers most letters of the text (its first 20,000
    characters)."""
    sample = norm[:20000]
    best, best_n = langs[0].code, -1
    for ld in langs:
        n = sum(map(len, _script_re(tuple(ld.script)).findall(sample)))
        if n > best_n:
            best, best_n = ld.code, n
    return best


@cache
def _script_re(ranges: tuple[tuple[int, int], ...]) -> re.Pattern:
    return re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges) + "]+")


def _mask(norm: str, patterns: tuple[re.Pattern, ...], start: int) -> tuple[str, list[tuple[int, int]]]:
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    pos = 0
    for line in norm.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        if le <= start:
            if ls < start:
                spans.append((ls, min(le, start)))
            continue
        body = line.strip()
        if not body:
            continue
        key = body.casefold()
        if any(p.fullmatch(key) for p in patterns) or (len(body) >= 20 and key in seen):
            spans.append((ls, le))
        seen.add(key)
    if start:
        spans.insert(0, (0, start)) if not spans or spans[0][0] != 0 else None
    if not spans:
        return norm, spans
    out: list = []
    at = 0
    for a, b in sorted(spans):
        a = max(a, at)                   # spans may overlap (front matter and its lines)
        if b <= a:
            continue
        out += (norm[at:a], " " * (b - a))
        at = b
    out.append(norm[at:])
    return "".join(out), spans


def _published_from_dateline(norm: str, labels: tuple[str, ...]) -> dt.date | None:
    head = norm.lstrip()[:200].casefold()
    lab = "|".join(re.escape(x) for x in labels)
    m = re.match(rf"(?:(?:{lab})\s*[:：]?\s*)?(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})\b", head)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


DATELINE_CHARS = 120     # the longest first line read as "OUTLET - CITY"


def _outlet_from_text(norm: str, published_dateline: bool, pattern_sets: Iterable[re.Pattern]) -> tuple[int, int] | None:
    """A strong dateline "OUTLET - CITY" on the first line, else two agreeing weak hints."""
    first = next((ln for ln in norm.split("\n") if ln.strip()), "")
    off = norm.index(first) if first else 0
    # a dateline is a short line; the patterns run on it stripped, so that no run of
    # spaces can be shared out between their \s* in every way (quadratic backtracking)
    body = first.strip()
    off += first.index(body) if body else 0
    m = None
    if len(body) <= DATELINE_CHARS:
        m = re.fullmatch(r"(?:\S+\s+\d{4}-\d{1,2}-\d{1,2}\s+)?([^\d\-\n\"]{2,30}?)\s*-\s*(\S+(?:\s+\S+)?)", body) \
            if published_dateline else re.fullmatch(r"([^\d\-\n\"]{2,30}?)\s*-\s*(\S+(?:\s+\S+)?)", body)
    if m and len(m.group(1).split()) <= 4:
        return off + m.start(1), off + m.end(1)
    hits: dict[str, list[tuple[int, int]]] = {}
    for p in pattern_sets:
        for mm in p.finditer(norm):
            name = mm.group("name").strip().strip('"').strip()
            if name:
                a = mm.start("name") + mm.group("name").index(name)
                hits.setdefault(name, []).append((a, a + len(name)))
    if not hits:
        return None
    name, spans = max(hits.items(), key=lambda kv: len(kv[1]))
    others = [k for k, v in hits.items() if len(v) == len(spans) and k != name]
    return spans[0] if len(spans) >= 2 and not others else None


@lru_cache(maxsize=1)
def _web_patterns():
    from . import lang
    lds = [lang.get(c) for c in lang.available()]
    # one alternation: each line is matched once, not once per pattern
    boiler = (re.compile("|".join(f"(?:{p})" for ld in lds for p in ld.boilerplate)),)
    outlet = tuple(re.compile(p) for ld in lds for p in ld.outlet_patterns)
    return lds, boiler, outlet


def normalize(doc: Document, force_lang: str | None = None, outlet_aliases: dict[str, str] | None = None) -> NormalizedDoc:
    from . import lang
    lds, boiler, outlet_pats = _web_patterns()
    norm, at, by = fold_with_map(doc.text)
    probe = NormalizedDoc(doc, norm, at, by, "", None, None, "", "")
    fm_end = 0
    if doc.front_matter_end:
        # the front matter is raw text; find its folded end by walking the map
        fm_end = doc.front_matter_end
        while fm_end > 0 and probe.raw_offset(fm_end) > doc.front_matter_end:
            fm_end -= 1
    unmasked = norm
    norm, spans = _mask(norm, boiler, fm_end)
    code = lang.canonical(force_lang) or lang.canonical(doc.lang) or detect_lang(norm, lds)
    labels = tuple(x for ld in lds for x in ld.dateline_labels)
    published, psrc = doc.published, ("metadata" if doc.published else None)
    if published is None:
        published = _published_from_dateline(norm, labels)
        psrc = "dateline" if published else None
    if doc.outlet:
        outlet, osrc = doc.outlet, "metadata"
    else:
        found = _outlet_from_text(unmasked, psrc == "dateline", outlet_pats)
        if found:
            a, b = raw_span(probe, *found)
            outlet, osrc = doc.text[a:b].strip(), "self-reference"
        else:
            outlet, osrc = doc.id, "file name"

    if outlet_aliases:                   # a newsroom's own names for its sources (config)
        outlet = outlet_aliases.get(outlet.casefold(), outlet)
    nd = NormalizedDoc(doc, norm, at, by, code, published, psrc, outlet, osrc)
    masked = tuple(raw_span(nd, a, b) for a, b in spans if b > a)
    return NormalizedDoc(doc, norm, at, by, code, published, psrc, outlet, osrc, masked)

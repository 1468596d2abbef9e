"""align: group the claims that state the same thing.

Claims are blocked by story and kind, so nothing is compared across stories or kinds.
Inside a block two claims are directly comparable when their keys agree (event, unit,
currency) and they share context: either they sit in one sentence with different
sources ("X says 120, while Y says 1,500"), or their sentences overlap enough in
IDF-weighted, fuzzily matched content words.  Groups are connected components of the
comparable pairs; decide later judges only the direct pairs (the edges)."""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from rapidfuzz import fuzz, process

from . import lang
from .claims import AGE, CONVERSION, FOUND_AT_SCENE, HOURS_OF_A_DAY, MEASUREMENT, RISEN_TO, SCORE, SIZE, YEAR_LABEL
from .model import Anchor, Claim, Group, Unit
from .rules import code_of, rule
from .settings import Settings


class UnionFind:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[rb] = ra


def _canonical_tokens(vocab: list[str], cutoff: float, block: int, matrix_above: int = 0) -> dict[str, str]:
    """Map each context word to a representative of its fuzzy cluster.

    Each word is compared only with the words whose length can reach the cutoff: fuzz.ratio
    is at most 200·short/(short+long), so a word of length n meets only lengths up to
    n·(200-cutoff)/cutoff.  No pair that could match is skipped.  Past ``matrix_above``
    words they are compared in blocks of ``block`` rows by rapidfuzz's cdist (memory stays
    at a block's rows, and Ctrl-C is served between blocks); below, word by word, which
    spares a small story the import of numpy that cdist needs (a tenth of a second)."""
    if not vocab:
        return {}
    order = sorted(range(len(vocab)), key=lambda i: (len(vocab[i]), vocab[i]))
    words = [vocab[i] for i in order]
    lengths = [len(w) for w in words]
    stretch = (200 - cutoff) / cutoff if cutoff > 0 else float("inf")
    uf = UnionFind(len(words))
    if len(words) <= matrix_above:
        for i, w in enumerate(words):
            hi = bisect.bisect_right(lengths, math.floor(lengths[i] * stretch), lo=i + 1)
            if hi - i < 2:
                continue
            for _, _, j in process.extract_iter(w, words[i + 1:hi], scorer=fuzz.ratio, score_cutoff=cutoff):
                uf.union(i, i + 1 + j)
        return {w: words[uf.find(i)] for i, w in enumerate(words)}
    for a in range(0, len(words), block):
        b = min(len(words), a + block)
        hi = bisect.bisect_right(lengths, math.floor(lengths[b - 1] * stretch), lo=b)
        if hi - a < 2:
            continue
        sims = process.cdist(words[a:b], words[a:hi], scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)
        rows, cols = sims.nonzero()
        for r, c in zip(rows.tolist(), cols.tolist()):
            if a + r < a + c:
                uf.union(a + r, a + c)
    return {w: words[uf.find(i)] for i, w in enumerate(words)}


def _days_meet(x: tuple[int, int, bool], y: tuple[int, int, bool]) -> bool:
    """Two days of two sentences may tell one event: they overlap, or one is a report's day
    (a dateline's) and the other an event's day no later than it ("ASUNCIÓN, April 27 -
    ... won 46.2%" / "in Sunday's election", April 26)."""
    (lx, hx, rx), (ly, hy, ry) = x, y
    if rx != ry:
        return ly <= hx if rx else lx <= hy
    return lx <= hy and ly <= hx


def _aligned(sa: list[Claim], sb: list[Claim]) -> tuple[dict[str, int], dict[str, int], set[str]]:
    """The longest common run of equal values of two figure sequences: for each figure, how
    many matched pairs come before it, and the ids of the matched figures."""
    va, vb = [c.mention.value for c in sa], [c.mention.value for c in sb]
    n, m = len(va), len(vb)
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            lcs[i][j] = lcs[i + 1][j + 1] + 1 if va[i] == vb[j] else max(lcs[i + 1][j], lcs[i][j + 1])
    matched: set[str] = set()
    before_a: dict[str, int] = {}
    before_b: dict[str, int] = {}
    i = j = done = 0
    while i < n or j < m:
        if i < n and j < m and va[i] == vb[j]:
            matched.update((sa[i].id, sb[j].id))
            done += 1
            i, j = i + 1, j + 1
        elif j >= m or (i < n and lcs[i + 1][j] >= lcs[i][j + 1]):
            before_a[sa[i].id] = done
            i += 1
        else:
            before_b[sb[j].id] = done
            j += 1
    return before_a, before_b, matched


# the concept ids of counted nouns, shared by every language file ("[nouns]")
_NOUN_CONCEPTS = frozenset(cid for code in lang.available() for cid in lang.raw(code).get("nouns", {}))


def _concept(c: Claim) -> str | None:
    """What a figure counts as a concept of every language: its event or measure, else its
    counted noun when the language data names that noun's concept ("tonne", "crew")."""
    if c.event:
        return c.event
    return c.unit_stem if c.unit_stem and c.unit_stem in _NOUN_CONCEPTS else None


def _concept_key(c: Claim) -> tuple:
    return (c.doc_id, _concept(c), c.kind, lang.currency_family(c.mention.currency), c.part, c.increment,
            c.cumulative, c.background)


class ContextIndex:
    """IDF-weighted word overlap between the claim sentences of one story."""

    def __init__(self, claims: list[Claim], settings: Settings):
        sents: dict[tuple, tuple[str, ...]] = {c.sentence_key: c.context for c in claims}
        figures: dict[tuple, tuple[str, ...]] = {c.sentence_key: c.figures for c in claims}
        vocab = sorted({w for ctx in sents.values() for w in ctx})
        canon = _canonical_tokens(vocab, settings.token_cutoff, settings.fuzzy_block, settings.fuzzy_matrix_above)
        self.sets = {k: frozenset(canon[w] for w in ctx) for k, ctx in sents.items()}
        # the figures two sentences share count as shared context, matched exactly ("16200000"
        # is no "1620000"); those they do not share weigh nothing, since two reports that
        # differ on a figure differ on it by definition
        self.figures = {k: frozenset(f) for k, f in figures.items()}
        df: dict[str, int] = defaultdict(int)
        for k, s in self.sets.items():
            for w in s | self.figures[k]:
                df[w] += 1
        n = len(self.sets)
        self.idf = {w: math.log((n + 1) / (d + 0.5)) for w, d in df.items()}
        self.mass = {k: sum(self.idf[w] for w in s) for k, s in self.sets.items()}
        # the date claims by where they start, to tell an event's day from a statement's (A121)
        self.dates_at = {(c.doc_id, c.mention.norm_start): c for c in claims if c.kind == "date"}
        # how many dates each document gives with no event in their clauses (A125)
        self.eventless_dates: dict[str, int] = defaultdict(int)
        for c in claims:
            if c.kind == "date" and not c.event and not c.speech_date:
                self.eventless_dates[c.doc_id] += 1
        # each sentence's figures in order, by kind (A120)
        self.sequence: dict[tuple, list[Claim]] = defaultdict(list)
        # (a measurement, "70 nautical miles west of Hodeidah", is no member of a list: it
        # sits where each language's word order puts it; nor is "one of them", "إحدى السفينتين")
        for c in sorted(claims, key=lambda c: (c.sentence_key, c.mention.norm_start)):
            if MEASUREMENT not in c.roles and not (c.part and c.mention.value == 1) and c.event != SCORE:
                self.sequence[c.sentence_key].append(c)
        self._steps: dict[tuple, tuple[dict[str, int], dict[str, int], set[str]]] = {}
        # the values of one concept, kind and role each document states (A203)
        self.concepts: dict[tuple, set] = defaultdict(set)
        self.lede: dict[tuple, object] = {}         # the first value of each concept a document states
        for c in sorted(claims, key=lambda c: (c.doc_id, c.mention.start)):
            if _concept(c):
                self.concepts[_concept_key(c)].add(c.mention.value)
                self.lede.setdefault(_concept_key(c), c.mention.value)
        # the days each sentence names: two figures dated to different days tell two events
        # (the day a source spoke, "the ministry said on Tuesday", dates no event; a wire
        # dateline, "BEND, Aug 4 (Reuters) - ... has destroyed 37 homes", dates its sentence's
        # figures as of the report: 37 homes on 4 August are no rival to 52 on 6 August)
        # (a report's day holds as of that day: it is apart from no earlier event's day, only
        # from a later one, and from another report's day)
        self.days: dict[tuple, list[tuple[int, int, bool]]] = defaultdict(list)
        slack = settings.date_tolerance_days
        for c in claims:
            m = c.mention
            report_day = c.frame is not None and c.frame.anchor is Anchor.REPORT
            if c.kind == "date" and m.qualifier != "offset" and m.low and m.high and (not c.speech_date or report_day):
                # a day that starts a period ("منذ منتصف ليل الأربعاء", "since Monday") runs on
                # to the report: any later day falls in it
                opens = c.cumulative or HOURS_OF_A_DAY in c.roles     # "since midnight Wednesday" too
                high = dt.date.max.toordinal() if opens else \
                    dt.date.fromisoformat(str(m.high)).toordinal() + slack
                self.days[c.sentence_key].append((dt.date.fromisoformat(str(m.low)).toordinal() - slack,
                                                  high, report_day))
        # the tolls each sentence gives, by event: two days whose sentences give different
        # tolls of one event are two events ("60 killed in May" / "11 killed on Thursday")
        self.tolls: dict[tuple, dict[tuple, set]] = defaultdict(lambda: defaultdict(set))
        for c in claims:
            if c.kind == "count" and c.event and not c.part:
                self.tolls[c.sentence_key][(c.event, c.cumulative)].add(c.mention.value)
        # unit nouns that one document counts separately ("71 مسلحا و7 عسكريين", "41 cases in
        # 4 provinces") are different quantities, even under one event; an event noun
        # ("قتيلا", "injured") names a role, not a category, and stays comparable
        per_doc: dict[str, set[str]] = defaultdict(set)
        for c in claims:
            if _unit(c).counted and c.unit_stem:
                per_doc[c.doc_id].add(c.unit_stem)
        self.distinct_units = set()
        for units in per_doc.values():
            us = sorted(units)
            for i, u in enumerate(us):
                for v in us[i + 1:]:
                    if fuzz.ratio(u, v) < settings.unit_cutoff:
                        self.distinct_units.add((u, v))

    def out_of_step(self, x: Claim, y: Claim) -> bool:
        """Two sentences that share figures of a kind tell one list; ``x`` and ``y`` hold the
        same place in it only when as many shared figures come before each, and neither is
        itself a shared figure (whose counterpart is then its equal)."""
        if x.mention.value == y.mention.value:
            return False                 # equal figures are in step wherever they sit
        a, b = x.sentence_key, y.sentence_key
        if self.disputed(a) or self.disputed(b):
            return False                 # "about 120, the government said, while the SDF said up to
            #                                1,500": one quantity in dispute, no list
        key = (a, b, x.kind)
        if key not in self._steps:
            sa = [c for c in self.sequence[a] if c.kind == x.kind]
            sb = [c for c in self.sequence[b] if c.kind == x.kind]
            self._steps[key] = _aligned(sa, sb)
        before_a, before_b, matched = self._steps[key]
        if not matched:
            return False                 # nothing shared: no list to keep in step
        if x.id in matched or y.id in matched:
            return True
        return before_a.get(x.id) != before_b.get(y.id)

    def disputed(self, key: tuple) -> bool:
        """The sentence sets two named sources' figures side by side."""
        return len({c.attributed_to for c in self.sequence[key] if c.attributed_to}) > 1

    def event_days(self, c: Claim) -> tuple[int, int] | None:
        """The days the date next to ``c`` dates it to ("7.0% in January"), when that date
        dates an event (not the day a source spoke, a dateline or an as-of day)."""
        sc = c.frame.scope if c.frame else None
        if sc is None or sc.period_days is None or not sc.period_next:
            return None
        d = self.dates_at.get((c.doc_id, sc.period_at))
        return sc.period_days if d is not None and not d.speech_date else None

    def stated_once(self, c: Claim) -> bool:
        """``c``'s document states one figure of its concept, kind and role (maybe twice: a
        headline and its body), or ``c`` is the first it states: a report leads with its
        main figure, and later ones of the concept tell its parts."""
        key = _concept_key(c)
        return len(self.concepts.get(key, ())) == 1 or self.lede.get(key) == c.mention.value

    def dated_apart(self, a: tuple, b: tuple) -> bool:
        """Both sentences name days, and none of one's falls on any of the other's."""
        da, db = self.days.get(a) or [], self.days.get(b) or []
        return bool(da and db) and not any(_days_meet(x, y) for x in da for y in db)

    def counted_apart(self, a: tuple, b: tuple) -> bool:
        """Both sentences give tolls of some event, and for each such event none of one's
        figures is among the other's."""
        ta, tb = self.tolls.get(a) or {}, self.tolls.get(b) or {}
        shared = set(ta) & set(tb)
        return bool(shared) and all(not (ta[e] & tb[e]) for e in shared)

    def similar(self, left: list[tuple], right: list[tuple], cutoff: float) -> list[tuple[tuple, tuple]]:
        """Pairs (a, b), a in ``left`` and b in ``right`` and a != b, each unordered pair once,
        whose :meth:`similarity` is at least ``cutoff`` (> 0).  A prefix filter finds them:
        with mass(a) <= mass(b), a pair that shares none of a's rarest words covering more
        than (1 - cutoff) of a's weight cannot reach the cutoff."""
        postings: dict[str, list[tuple]] = defaultdict(list)
        for b in set(left) | set(right):
            for w in self.sets[b]:
                postings[w].append(b)
        lset, rset = set(left), set(right)
        by_figure: dict[str, list[tuple]] = defaultdict(list)
        for b in lset | rset:
            for f in self.figures[b]:
                by_figure[f].append(b)
        out: set[tuple[tuple, tuple]] = set()

        def meet(a: tuple, b: tuple, ma: float) -> None:
            if b == a or self.mass[b] < ma or (a, b) in out or (b, a) in out:
                return
            if not ((a in lset and b in rset) or (b in lset and a in rset)):
                return
            if self.similarity(a, b) >= cutoff:
                out.add((a, b) if a in lset and b in rset else (b, a))
        for a in lset | rset:
            ma = self.mass[a]
            # the figures a shares count too: a pair that shares none of a's words read so
            # far can still reach the cut-off through the rest of a's words and all its figures
            fa = sum(self.idf[f] for f in self.figures[a])
            words = sorted(self.sets[a], key=lambda w: (-self.idf[w], w))
            rest = ma
            for w in words:
                if rest + fa < cutoff * ma or rest <= 0:
                    break
                rest -= self.idf[w]
                for b in postings[w]:
                    meet(a, b, ma)
            if fa >= cutoff * ma:        # its figures alone may reach it: pairs that share one
                for f in self.figures[a]:
                    for b in by_figure[f]:
                        meet(a, b, ma)
        return sorted(out)

    def similarity(self, a: tuple, b: tuple) -> float:
        """IDF-weighted overlap coefficient: shared weight (words and figures) over the lighter
        sentence's weight in words, at most 1."""
        sa, sb = self.sets[a], self.sets[b]
        if not sa or not sb:
            return 0.0
        inter = sum(self.idf[w] for w in sa & sb) + sum(self.idf[f] for f in self.figures[a] & self.figures[b])
        return min(1.0, inter / (min(self.mass[a], self.mass[b]) or 1.0))


def _unit(c: Claim) -> Unit:
    return c.frame.unit if c.frame else Unit("none")


def _specific(c: Claim) -> bool:
    """The claim counts a named thing ("children"), not just the event's role ("dead")."""
    return _unit(c).counted


class Link(NamedTuple):
    """Whether two claims are comparable, and the rule that said so (a veto ``A1xx`` or a
    join ``A2xx``); ``score`` is their sentences' context overlap when it was weighed.
    (A named tuple: one is made for every candidate pair.)"""
    ok: bool
    rule: str
    score: float | None = None
    cutoff: float | None = None

    def __bool__(self) -> bool:
        return self.ok


class _Key:
    """What two claims share as a key: the event, the counted noun, or nothing at all.
    Worked out on first use: many pairs are kept apart by a veto that needs none of it."""
    __slots__ = ("x", "y", "ctx", "st", "_done", "same_event", "same_unit", "bare", "nouns_apart")

    def __init__(self, x: Claim, y: Claim, ctx: ContextIndex, st: Settings):
        self.x, self.y, self.ctx, self.st = x, y, ctx, st
        self._done = False

    def _work(self) -> None:
        x, y, st = self.x, self.y, self.st
        self.same_event = same_event = bool(x.event and x.event == y.event)
        ux, uy = _unit(x), _unit(y)
        self.nouns_apart = False
        if ux.keyed and uy.keyed and x.unit_stem and y.unit_stem:
            same_unit = fuzz.ratio(x.unit_stem, y.unit_stem) >= st.unit_cutoff
            # a noun that only names the event's role ("10 dead", "45 قتيلا") stays comparable
            # with a counted noun of the same event, unless a document counts the two separately
            role = x.kind != "count" or ux.kind == "role" or uy.kind == "role"
            self.nouns_apart = not same_unit and (not same_event or not role or tuple(
                sorted((x.unit_stem, y.unit_stem))) in self.ctx.distinct_units)
            self.same_unit, self.bare = same_unit or x.kind == "count", False
        else:
            other = ux if ux.keyed else uy
            self.same_unit = x.kind == "count" and other.kind in ("none", "role")
            self.bare = not (x.event or y.event or other.keyed)
        self._done = True

    def __getattr__(self, name: str):   # same_event, same_unit, bare, nouns_apart
        if name.startswith("_") or self._done:
            raise AttributeError(name)
        self._work()
        return getattr(self, name)


@rule("A101", "kind-or-currency-differs", "align")
def kinds_differ(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two figures of different kinds (a count and a percent) or currencies are never one
    quantity."""
    return x.kind != y.kind or not lang.same_currency(x.mention.currency, y.mention.currency)


@rule("A102", "one-mention", "align")
def one_mention(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A mention is not compared with itself."""
    return x.doc_id == y.doc_id and x.mention.start == y.mention.start


@rule("A122", "restated", "align")
def restated(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A figure that restates its neighbour in another currency or unit ("$1.6bn (about
    €1.5bn)", rule C120) meets nothing: it is told at an exchange rate, and the figure it
    restates is compared in its place."""
    return CONVERSION in x.roles or CONVERSION in y.roles


@rule("A123", "no-quantity", "align")
def no_quantity(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A match's result ("won 2-1", rule C121) counts nothing and meets no figure."""
    return SCORE in (x.event, y.event)


@rule("A103", "different-events", "align")
def different_events(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two figures of different events ("120 escaped" / "80 re-arrested") count different
    things."""
    return bool(x.event and y.event and x.event != y.event)


@rule("A104", "running-total-apart", "align")
def running_total_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A running total ("68 killed since Saturday") meets only running totals, never one
    day's figure ("11 killed on Thursday")."""
    return x.cumulative != y.cumulative


@rule("A105", "share-apart", "align")
def share_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A share ("including five children") meets only a share of the same kind, and an
    increment ("14 others", "another six") only an increment: neither is the whole toll."""
    return (x.part or y.part) and not (x.part and y.part and _specific(x) == _specific(y)
                                       and x.increment == y.increment)


@rule("A106", "time-units-apart", "align")
def time_units_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A span of time ("يوم واحد", "two years") is no head count, and two spans in
    different units ("one day" / "24 hours") are not compared."""
    return x.kind == "count" and "time" in (_unit(x).kind, _unit(y).kind) and x.unit_stem != y.unit_stem


@rule("A107", "different-nouns", "align")
def different_nouns(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two different counted nouns count different things ("2 incubators" / "26 people"),
    unless one only names the event's role and no document counts the two separately.  Two
    documents' ranks of one value of two or more digits are one rank however each names its
    thing ("the 45th edition of the race" / "the 45th Copenhagen Marathon", "العملية
    الرابعة عشرة" / "the 14th airdrop"): a rank is told of one thing in a story."""
    v = x.mention.value
    if x.kind == "ordinal" and x.doc_id != y.doc_id and v == y.mention.value and isinstance(v, (int, float)) \
            and len(str(int(abs(v)))) >= key.st.same_figure_digits:
        return False
    return key.nouns_apart


@rule("A108", "no-shared-key", "align")
def no_shared_key(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """With no counted noun on one side, two figures need the same event to be one
    quantity; a specific noun ("50 soldiers") is no key on its own."""
    return not (_unit(x).keyed and _unit(y).keyed) and not key.same_event and not key.bare


@rule("A125", "eventless-dates", "align")
def eventless_dates(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A date whose clause names no event ("the library reopens on Tuesday", a funeral
    notice's "services at 11 a.m. Friday", "he pleaded guilty Monday") may be the day of any of the
    many steps a story tells (a hearing, a funeral, another suspect's plea).  Two such dates
    are one day only when each is the one such date its document gives ("تأجل حفل الفرقة إلى
    عام 2027" / "... إلى عام 2028"), and then in near-identical sentences (rule A202)."""
    return x.kind == "date" and key.bare and x.doc_id != y.doc_id and \
        (ctx.eventless_dates[x.doc_id] > 1 or ctx.eventless_dates[y.doc_id] > 1)


@rule("A109", "statement-date", "align")
def statement_date(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """The day a source spoke ("said on Tuesday") or a report was filed (a dateline) tells
    nothing of the story's events and is compared with no other date."""
    return x.kind == "date" and (x.speech_date or y.speech_date)


@rule("A110", "day-against-year", "align")
def day_against_year(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A year ("the war began in 2011") is no rival to a day ("on 22 February 2015")."""
    return x.kind == "date" and {x.mention.precision, y.mention.precision} >= {"day", "year"}


@rule("A111", "one-sentence-one-source", "align")
def one_sentence_one_source(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two figures of one sentence are two things it tells, unless two different sources
    give them (then rule A201 pairs them)."""
    return x.sentence_key == y.sentence_key and not (
        bool(x.attributed_to or y.attributed_to) and x.attributed_to != y.attributed_to)


@rule("A112", "dated-apart", "align")
def dated_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two figures whose sentences name different days tell two events ("11 killed on
    Thursday" / "60 killed in May"), unless one is a change's new value ("the toll rose to
    17 on Wednesday", rule C138): that is the event's count as its report has it.  Nor are
    two equal ordinals: "the 162nd session" names one item of its series on any day."""
    if RISEN_TO in x.roles or RISEN_TO in y.roles:
        return False                     # "the toll rose to 17" (C138): the event's count as of its report
    if x.kind == "ordinal" and x.mention.value == y.mention.value:
        return False                     # one item of a series, whichever day its sentence names
    return x.kind != "date" and x.sentence_key != y.sentence_key and ctx.dated_apart(x.sentence_key, y.sentence_key)


@rule("A113", "counted-apart", "align")
def counted_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two days whose sentences give different tolls of one event are two events' days."""
    return x.kind == "date" and x.sentence_key != y.sentence_key and ctx.counted_apart(x.sentence_key, y.sentence_key)


@rule("A116", "ages-of-unnamed-people", "align")
def ages_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """An age meets only an age, and two ages are one quantity only when the same person or
    thing holds both ("John Smith, 21" / "21-year-old John Smith", "letters 500 years old" /
    "1,000-year-old letters"); a story's victims, suspects and witnesses each have their own
    ("the 17-year-old victim" / "a 33-year-old man").  So with sizes told in a compound
    ("the 20-member forum" is no "14-page text"); a year naming an event ("the 2014
    shooting") meets nothing."""
    if YEAR_LABEL in (x.event, y.event):
        return True                      # "the 2014 shooting" names an event; it counts nothing
    for attr in (AGE, SIZE):             # an age meets only an age, a size only a size
        if (x.event == attr) != (y.event == attr):
            return True
    if x.event not in (AGE, SIZE):
        return False
    if x.event == SIZE and x.unit_stem != y.unit_stem:
        return True                      # "a 20-member forum" / "a 27-nation forum"
    hx, hy = (set((c.frame.holder or "").split()) if c.frame else set() for c in (x, y))
    return not (hx & hy)                 # holders meet on a shared word: "Smith" and "John Smith"


@rule("A117", "whole-area-apart", "align")
def area_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A figure for a whole area ("40 killed across the country", "في مختلف أنحاء البلاد")
    meets only whole-area figures, never one place's ("12 killed in Homs")."""
    wx, wy = (bool(c.frame and c.frame.scope.wide) for c in (x, y))
    return wx != wy


@rule("A124", "several-apart", "align")
def several_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """A total over several occurrences ("two dead and seven wounded in four separate
    shootings", "قتل 12 في ثلاث غارات") meets only such totals, never one occurrence's
    count ("the shooting killed one and injured five")."""
    sx, sy = (bool(c.frame and c.frame.scope.several) for c in (x, y))
    return sx != sy


@rule("A118", "periods-apart", "align")
def periods_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two running totals over periods that start on different days are two quantities
    ("9,870 cases since the start of the year" / "1,320 cases in the past week", "منذ مطلع
    العام" / "خلال الأسبوع الماضي"): a total is bound to the day its count starts."""
    if not (x.cumulative and y.cumulative and x.frame and y.frame):
        return False
    px, py = x.frame.scope.period_days, y.frame.scope.period_days
    return px is not None and py is not None and abs(px[0] - py[0]) > key.st.date_tolerance_days


@rule("A119", "background-apart", "align")
def background_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """An earlier story's figure, recalled as background ("the 2019 floods killed 11"),
    meets only background, never the story's own figures ("the floods have killed 26")."""
    return x.background != y.background


@rule("A120", "out-of-step", "align")
def out_of_step(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two sentences sharing figures tell one list ("104 seats, then 81" / "104, 81, then
    52"): a figure meets only the one in its place, between the same shared figures ("out
    of 395 seats" in one is no rival to the third party's 52 in the other)."""
    return x.sentence_key != y.sentence_key and ctx.out_of_step(x, y)


@rule("A121", "own-dates-apart", "align")
def own_dates_apart(x: Claim, y: Claim, key: _Key, ctx: ContextIndex) -> bool:
    """Two figures each dated by the date right after it to days that do not meet count two days'
    events ("inflation eased to 6.3% in February from 7.0% in January": 7.0 is January's,
    no rival to February's 6.8), though their sentences share a day."""
    if x.kind == "date" or x.cumulative or y.cumulative or not (x.frame and y.frame):
        return False
    dx, dy = ctx.event_days(x), ctx.event_days(y)
    slack = key.st.date_tolerance_days
    return dx is not None and dy is not None and (dx[1] + slack < dy[0] or dy[1] + slack < dx[0])


# in order: the first that fires is the one reported (all must pass for a pair to join),
# so the more telling reasons come first
VETOES = (kinds_differ, one_mention, restated, no_quantity, statement_date, day_against_year, different_events,
          running_total_apart, background_apart, periods_apart, area_apart, ages_apart, share_apart,
          time_units_apart, different_nouns, no_shared_key, eventless_dates, one_sentence_one_source, out_of_step,
          dated_apart, own_dates_apart, several_apart, counted_apart)


@rule("A201", "two-sources-one-sentence", "align")
def two_sources_one_sentence(x: Claim, y: Claim) -> bool:
    """One sentence setting two sources' figures side by side ("about 120, the government
    said, while the SDF said up to 1,500") pairs them."""
    return x.sentence_key == y.sentence_key


@rule("A203", "one-concept-across-languages", "align")
def one_concept_across_languages(x: Claim, y: Claim, ctx: ContextIndex) -> bool:
    """Two documents in two languages share no words, only concepts: a figure of one
    concept ("turnout", "kill") that each document states once, or leads with, in the same
    role, is the one quantity both tell ("نسبة المشاركة بلغت 43.7 في المئة" / "Turnout
    was 47.3%")."""
    cx = _concept(x)
    return bool(x.lang and y.lang and x.lang != y.lang and cx and cx == _concept(y)) \
        and ctx.stated_once(x) and ctx.stated_once(y)


@rule("A205", "sole-figures", "align")
def sole_figures(x: Claim, y: Claim, ctx: ContextIndex, st: Settings) -> bool:
    """Two reports of one news cycle (published at most ``sole_figure_days`` apart) that each
    give one figure, and one only, of an event, as a whole, name what it counts ("612 people
    were injured" / "about 800 injured", "62 people on board" / "at least 75 migrants were
    on board") tell that one quantity, however few words their sentences share.  So do two
    that each give one amount of goods with no event ("1,150 tonnes" / "more than 1,000
    tonnes"; ``amount_concepts``), but not two counts of people with none.  A bare
    numeral ("Two were taken to hospital"), a count of those found at a scene (rule C130), and
    a report with no date of publication give no such sign."""
    if x.doc_id == y.doc_id or x.event != y.event or not (x.published and y.published) \
            or not (x.event or _concept(x) in lang.amount_concepts()):
        return False
    if abs((x.published - y.published).days) > st.sole_figure_days or not _concept(x) or _concept(x) != _concept(y):
        return False
    return all((_unit(c).keyed or _unit(c).persons) and FOUND_AT_SCENE not in c.roles
               and len(ctx.concepts.get(_concept_key(c), ())) == 1 for c in (x, y))


@rule("A202", "shared-context", "align")
def shared_context(x: Claim, y: Claim, key: _Key, st: Settings) -> float:
    """Two figures in different sentences are one quantity when their sentences share
    enough rare words.  The cut-off is lowest when event and noun (or, for a rank, the
    event; for a percent, what it measures: "inflation", "turnout") agree, highest when
    nothing names what the figures count, and never below ``context_cutoff_same_doc``
    inside one document, where two sentences usually tell two things."""
    keyed = key.same_event and (key.same_unit or x.kind in ("ordinal", "percent"))
    cutoff = st.context_cutoff_keyed if keyed else st.context_cutoff
    if key.bare:
        cutoff = st.context_cutoff_unkeyed
    if x.doc_id == y.doc_id:
        cutoff = max(cutoff, st.context_cutoff_same_doc)
    return cutoff


def _significant(v: float) -> int:
    """How many significant digits a figure has: 171356 six, 16.2 million three, 400 one."""
    return len(f"{abs(v):.12g}".split("e")[0].replace(".", "").strip("0"))


@rule("A204", "same-figure", "align")
def same_figure(x: Claim, y: Claim, key: _Key, st: Settings) -> bool:
    """Two documents that give the very same figure of two or more significant digits
    ("16.2 million voters", "171,356 students", "7.25%", "$400 million" / "$400m"), of
    one event or one counted noun, tell one quantity even in sentences that share few words:
    outlets copy a wire's figure, and such a figure seldom recurs by chance.  So does a
    rounding of it said as such ("about 171,000" / "171,356", "nearly 180" / "179").  They need only
    the cut-off of an event and noun that agree (rule A202).  A round figure ("400", "7")
    and a day are no such sign."""
    mx, my = x.mention, y.mention
    if x.doc_id == y.doc_id or x.kind == "date" or not isinstance(mx.value, (int, float)) \
            or not isinstance(my.value, (int, float)):
        return False
    if mx.value != my.value:
        # "about 171,000" / "nearly 180" is a wire's "171,356" / "179" rounded
        rough, exact = (mx, my) if mx.qualifier == "approx" else (my, mx)
        if rough.qualifier != "approx" or exact.qualifier != "exact":
            return False
        digits = _significant(float(rough.value))
        if digits < st.same_figure_digits or float(rough.value) != float(f"{float(exact.value):.{digits}g}"):
            return False
    return _significant(float(mx.value)) >= st.same_figure_digits and \
        (key.same_event or (key.same_unit and not key.bare))


@rule("A114", "context-too-far", "align")
def context_too_far(score: float, cutoff: float) -> bool:
    """Two figures whose sentences share too little (below rule A202's cut-off) are not
    compared: they may be different events of one story."""
    return score < cutoff


_VETO_CODES = tuple((v, code_of(v)) for v in VETOES)


def comparable(x: Claim, y: Claim, ctx: ContextIndex, st: Settings) -> Link:
    """Whether ``x`` and ``y`` are one quantity, with the rule that decided it: the first
    veto that fires, else a join."""
    key = _Key(x, y, ctx, st)
    for veto, code in _VETO_CODES:
        if veto(x, y, key, ctx):
            return Link(False, code)
    if two_sources_one_sentence(x, y):
        return Link(True, code_of(two_sources_one_sentence))
    if one_concept_across_languages(x, y, ctx):
        return Link(True, code_of(one_concept_across_languages))
    cutoff = shared_context(x, y, key, st)
    join = code_of(shared_context)
    if cutoff > st.context_cutoff_keyed and same_figure(x, y, key, st):
        cutoff, join = st.context_cutoff_keyed, code_of(same_figure)
    score = ctx.similarity(x.sentence_key, y.sentence_key)
    if context_too_far(score, cutoff):
        if sole_figures(x, y, ctx, st):
            return Link(True, code_of(sole_figures), score, cutoff)
        return Link(False, code_of(context_too_far), score, cutoff)
    return Link(True, join, score, cutoff)


def candidate_pairs(lst: list[Claim], ctx: ContextIndex | None = None, st: Settings | None = None):
    """Index pairs (i < j) that may be comparable, without trying every pair.

    Pairs need the same running-total and share flags, and the same event or no event on one
    side (every other pair fails :func:`comparable` on its keys alone).  Across documents
    every such pair is tried.  Inside one document only pairs that can pass are made: two
    figures of one sentence only when their attributions differ, and two sentences only
    when their context overlap can reach ``context_cutoff_same_doc`` (a prefix filter on the
    IDF weights).  So one huge document (a 10 MB line, a list of 50,000 numbers) costs about
    its length, not its square.  A figure repeated word for word pairs with its first
    statement only."""
    # a figure its document states again in the same words (a sentence repeated) is paired
    # with its first statement only: it would pair exactly as that one does, and a text
    # repeating a sentence thousands of times would otherwise pair every copy with every other
    first: dict[tuple, int] = {}
    keyed: dict[tuple, list[int]] = defaultdict(list)
    repeats = []
    for k, c in enumerate(lst):
        f = first.setdefault(_statement(c), k)
        if f != k:
            repeats.append((f, k))
        else:
            keyed[(c.cumulative, c.part, c.event)].append(k)
    yield from repeats
    seen: set[tuple[int, int]] = set()
    for (cum, part, ev), idx in keyed.items():
        other = keyed.get((cum, part, None)) if ev is not None else None
        for i, j in itertools.chain(_pairs(lst, idx, idx, ctx, st),
                                    _pairs(lst, idx, other, ctx, st) if other else ()):
            p = (i, j) if i < j else (j, i)
            if p not in seen:
                seen.add(p)
                yield p


def _pairs(lst: list[Claim], I: list[int], J: list[int], ctx: ContextIndex | None, st: Settings | None):
    same = I is J
    by_i, by_j = _by(lst, I, lambda c: c.doc_id), _by(lst, J, lambda c: c.doc_id)
    docs = list(by_i)
    floor = min(st.context_cutoff_keyed, st.context_cutoff, st.context_cutoff_unkeyed) if st else 0.0
    blocked = ctx is not None and st is not None and floor > 0 and len(I) * len(J) > st.all_pairs_below
    if blocked:
        assert ctx is not None and st is not None
        yield from _across(lst, I, J, same, ctx, floor)
    for a, d in enumerate(docs):
        if not blocked:                                   # across documents: every pair
            for e in (docs[a + 1:] if same else by_j):
                if e != d:
                    yield from itertools.product(by_i[d], by_j[e])
        if d in by_j:
            yield from _same_doc(lst, by_i[d], by_j[d], same, ctx, st)


def _across(lst: list[Claim], I: list[int], J: list[int], same: bool, ctx: ContextIndex, floor: float):
    """Pairs of two documents' claims that may be comparable, in a large block: only those
    whose sentences can reach the lowest context cut-off any join uses (the prefix filter
    of :meth:`ContextIndex.similar`), and the pairs of two languages that one concept can join
    (rule A203).  Every other pair fails :func:`comparable` by rule A114, so the pairs found
    are those of trying all, at a cost that grows with the pairs that share rare words."""
    sent_i, sent_j = _by(lst, I, lambda c: c.sentence_key), _by(lst, J, lambda c: c.sentence_key)
    for a, b in ctx.similar(list(sent_i), list(sent_j), floor):
        if a[0] != b[0]:
            yield from itertools.product(sent_i[a], sent_j[b])
            if not same and b in sent_i and a in sent_j:
                yield from itertools.product(sent_i[b], sent_j[a])
    by_concept: dict[str, list[int]] = defaultdict(list)
    for j in J:
        if (cj := _concept(lst[j])) and lst[j].lang and ctx.stated_once(lst[j]):
            by_concept[cj].append(j)
    for i in I:
        x = lst[i]
        if (cx := _concept(x)) and x.lang and ctx.stated_once(x):
            for j in by_concept.get(cx, ()):
                if lst[j].lang != x.lang and lst[j].doc_id != x.doc_id:
                    yield i, j


def _by(lst: list[Claim], idx: Iterable[int], key: Callable[[Claim], object]) -> dict:
    out: dict = defaultdict(list)
    for k in idx:
        out[key(lst[k])].append(k)
    return out


def _same_doc(lst: list[Claim], I: list[int], J: list[int], same: bool, ctx: ContextIndex | None, st: Settings | None):
    sent_i, sent_j = _by(lst, I, lambda c: c.sentence_key), _by(lst, J, lambda c: c.sentence_key)
    for key, ks in sent_i.items():                        # one sentence: different attributions only
        if key not in sent_j:
            continue
        att_i, att_j = _by(lst, ks, lambda c: c.attributed_to), _by(lst, sent_j[key], lambda c: c.attributed_to)
        for x, xs in att_i.items():
            for y, ys in att_j.items():
                if x != y and (x or y) and (not same or (x or "") < (y or "")):
                    yield from itertools.product(xs, ys)
    if ctx is None or st is None or len(sent_i) * len(sent_j) <= st.all_pairs_below:
        for a in sent_i:                                  # two sentences: every pair
            for b in sent_j:
                if a != b and (not same or a < b):
                    yield from itertools.product(sent_i[a], sent_j[b])
        return
    for a, b in ctx.similar(list(sent_i), list(sent_j), st.context_cutoff_same_doc):
        yield from itertools.product(sent_i[a], sent_j[b])
        if not same and b in sent_i and a in sent_j:
            yield from itertools.product(sent_i[b], sent_j[a])


def _statement(c: Claim) -> tuple:
    """What a claim says, where in its sentence: a repeated sentence repeats it exactly."""
    m = c.mention
    return (c.doc_id, c.sentence, m.start - c.sentence_start, c.kind, m.value, m.low, m.high, m.qualifier,
            m.currency, c.unit_stem, c.event, c.attributed_to, c.part, c.increment, c.cumulative)


def align(claims: list[Claim], settings: Settings) -> list[Group]:
    by_story: dict[str | None, list[Claim]] = defaultdict(list)
    for c in claims:
        by_story[c.story].append(c)
    groups: list[Group] = []
    for story, sc in by_story.items():
        ctx = ContextIndex(sc, settings)
        blocks: dict[tuple, list[Claim]] = defaultdict(list)
        for c in sc:
            if c.kind in settings.kinds and not _meets_nothing(c):
                blocks[(c.kind, lang.currency_family(c.mention.currency), c.event)].append(c)
        # event-less claims may pair with any event block of their kind: merge them in by kind
        by_kind: dict[tuple, list[Claim]] = defaultdict(list)
        for (kind, cur, _), lst in blocks.items():
            by_kind[(kind, cur)].extend(lst)
        for (kind, _), lst in by_kind.items():
            n = len(lst)
            uf = UnionFind(n)
            links = {}
            for i, j in candidate_pairs(lst, ctx, settings):
                link = comparable(lst[i], lst[j], ctx, settings)
                if link.ok:
                    links[(i, j)] = link
            edges = sorted(links)
            for i, j in edges:
                uf.union(i, j)
            comps: dict[int, list[int]] = defaultdict(list)
            for i in range(n):
                comps[uf.find(i)].append(i)
            comp_edges: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for a, b in edges:               # each edge to its component, in order: linear in the edges
                comp_edges[uf.find(a)].append((a, b))
            for root, members in comps.items():
                if len(members) < 2:
                    continue
                pos = {g: k for k, g in enumerate(members)}
                mine = comp_edges[root]
                groups.append(Group(story, kind, tuple(lst[g] for g in members),
                                    tuple((pos[a], pos[b]) for a, b in mine), tuple(links[e].rule for e in mine),
                                    tuple(_surety(links[e]) for e in mine)))
    return groups


def _meets_nothing(c: Claim) -> bool:
    """A claim every pair of which a veto keeps apart, whatever the other: the day a source
    spoke (rule A109), a figure restated in another unit (A122), a match's result (A123).  It is left out of the
    blocks, so a large story never tries its pairs."""
    return (c.kind == "date" and c.speech_date) or CONVERSION in c.roles or c.event == SCORE


def _surety(link: Link) -> float:
    """How surely a joined pair is one quantity: its context overlap; 1.0 for one sentence's
    two sources (rule A201); 0.0 for one concept across languages (A203), which shares no
    words at all, so any pair with context is surer."""
    if link.score is not None:
        return link.score
    return 0.0 if link.rule == code_of(one_concept_across_languages) else 1.0


def why_not(x: Claim, y: Claim, claims: list[Claim], settings: Settings) -> Link:
    """How align judges the pair (``x``, ``y``) within the story of ``claims``: the rule that
    kept them apart or joined them.  Claims of two stories never meet (rule A100)."""
    if x.story != y.story:
        return Link(False, code_of(stories_apart))
    if x.kind not in settings.kinds or y.kind not in settings.kinds:
        return Link(False, code_of(kind_ignored))
    ctx = ContextIndex([c for c in claims if c.story == x.story], settings)
    return comparable(x, y, ctx, settings)


@rule("A100", "stories-apart", "align")
def stories_apart(x: Claim, y: Claim) -> bool:
    """Claims of two stories (their ``story`` fields differ) are never compared."""
    return x.story != y.story


@rule("A115", "kind-ignored", "align")
def kind_ignored(x: Claim, settings: Settings) -> bool:
    """A kind the configuration ignores (``ignore = ["weekday"]``) is compared with nothing."""
    return x.kind not in settings.kinds

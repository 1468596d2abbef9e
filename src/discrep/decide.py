"""decide: the only stage that applies policy.

Each claim gets an effective interval from its qualifier and the settings (tolerance,
"about" margin, "up to" floor, date slack).  A group is a conflict when two directly
comparable claims have disjoint intervals; otherwise it is an agreement when at least
``min_agree_sources`` documents or sources state it.  Weekdays that contradict their
date are findings of their own.  A date read from "in 3 days" takes no part in a verdict
(neither conflict nor agreement): the words may give a duration rather than a day; nor
does the old figure of a change ("rose from 30 to 45")."""
from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from . import lang
from .align import UnionFind
from .claims import ACROSS_MIDNIGHT, GROUP_NAMED
from .model import Claim, Finding, FindingClaim, Group, Value
from .rules import code_of, rule
from .settings import Settings

SYMBOL = {"exact": "", "approx": "~", "up_to": "≤", "at_least": "≥", "more_than": ">", "less_than": "<"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

Interval = tuple[float, float]              # a figure's effective bounds (date ordinals for dates)


def interval(c: Claim, st: Settings) -> Interval:
    m = c.mention
    lo: float
    hi: float
    if c.kind == "date":
        if m.qualifier == "offset":      # "in 3 days" may be a duration, not a date: never opposed
            return -math.inf, math.inf
        slack = st.date_tolerance_days + (st.night_slack_days if ACROSS_MIDNIGHT in c.roles else 0)
        first = dt.date.fromisoformat(str(m.low)).toordinal() - slack
        last = dt.date.fromisoformat(str(m.high)).toordinal() + slack
        return first, last
    v = float(m.value)
    q = m.qualifier
    if q == "previous":                  # "rose from 30 to 45": the 30 is no longer the figure
        return -math.inf, math.inf
    if q == "exact":
        return v * (1 - st.tolerance), v * (1 + st.tolerance)
    if q == "approx":
        return v * (1 - st.approx_margin), v * (1 + st.approx_margin)
    if q == "up_to":
        return v * st.up_to_floor, v
    if q in ("at_least",):
        return v, math.inf
    if q == "more_than":                 # "more than 130" is not how one reports 1,300
        return v, v * st.more_than_ceiling
    if q == "less_than":
        return 0.0, v
    lo = float(m.low) if m.low is not None else 0.0
    hi = float(m.high) if m.high is not None else math.inf
    if q == "vague":                     # "wounded dozens" is how one reports 100 wounded, "displaced millions" 12 million
        hi *= st.vague_ceiling
    return lo, hi


def _fmt_num(v: Value | None) -> str:
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{int(v):,}" if isinstance(v, (int, float)) else str(v)


def show_value(c: Claim) -> str:
    m = c.mention
    if c.kind == "date":
        return str(m.value) if m.qualifier != "range" else f"{m.low}..{m.high}"
    if m.qualifier in ("range", "vague"):
        hi = "" if m.high is None else _fmt_num(m.high)
        return f"{_fmt_num(m.low)}–{hi}"
    s = SYMBOL.get(m.qualifier, "") + _fmt_num(m.value)
    if c.kind == "percent":
        s += "%"
    elif c.kind == "money" and m.currency:
        s += f" {m.currency}"
    return s


def who(c: Claim) -> str:
    return c.attributed_to or c.outlet


def _public(lo: float, hi: float, c: Claim) -> tuple:  # (low, high) as the report shows them
    if c.kind == "date":
        return dt.date.fromordinal(int(lo)).isoformat(), dt.date.fromordinal(int(hi)).isoformat()
    clean = lambda x: None if math.isinf(x) else (int(x) if float(x).is_integer() else round(x, 4))
    return clean(lo), clean(hi)


def topic(g_claims: Sequence[Claim]) -> str:
    ev = next((c.event for c in g_claims if c.event), None)
    unit = next((c.unit for c in g_claims if c.unit and c.kind != "money"), None)
    parts = [p for p in (ev, unit) if p]
    return " · ".join(parts) or g_claims[0].kind


def finding_id(kind: str, story: str | None, top: str, claims: Sequence[Claim]) -> str:
    key = "|".join([kind, str(story), top] + sorted(f"{c.doc_id}:{c.mention.value}:{c.mention.text}" for c in claims))
    return "D" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    uf = UnionFind(n)
    for a, b in edges:
        uf.union(a, b)
    comps: dict[int, list[int]] = {}
    for i in range(n):
        comps.setdefault(uf.find(i), []).append(i)
    return [c for c in comps.values() if len(c) > 1]


def _overlap(x: Interval, y: Interval) -> bool:
    return x[0] <= y[1] and y[0] <= x[1]


def _named(iv: Interval) -> Interval:
    """The figure an interval names: an open bound names its one end ("at least 19": 19)."""
    return (iv[0], iv[0]) if math.isinf(iv[1]) else iv


class Witnesses:
    """What each document of a story states, to tell two quantities from a dispute.

    Two outlets that each give both figures ("13 killed in the province ... 8 in one
    village") do not disagree: the figures are two quantities that both report; nor does
    an outlet giving only the village's 8 disagree with one giving both (unless two named
    sources give them).  Nor do two figures that some document gives as a whole and its
    share ("31 killed, including 10 on a bus").  Two named sources at odds stay a conflict when both outlets relay them, each
    figure with its source."""

    def __init__(self, claims: list[Claim], st: Settings):
        self.st = st
        self.by_doc: dict[tuple, list[tuple[Claim, tuple]]] = {}
        # (story, event) -> (whole, its interval, share's)
        self.shares: dict[tuple, list[tuple[Claim, tuple, tuple]]] = {}
        by_sentence: dict[tuple, list[Claim]] = {}
        # the latest day each sentence tells of (not the day a source spoke): a figure holds as
        # of that day, or of its document's publication
        self.stated: dict[tuple, int] = {}
        for c in claims:
            if c.kind == "date" and not c.speech_date and c.mention.qualifier != "offset":
                try:
                    day = dt.date.fromisoformat(str(c.mention.high)).toordinal()
                except ValueError:
                    continue
                self.stated[c.sentence_key] = max(day, self.stated.get(c.sentence_key, day))
        for c in claims:
            self.by_doc.setdefault((c.story, c.doc_id), []).append((c, interval(c, st)))
            if c.kind == "count":
                by_sentence.setdefault(c.sentence_key, []).append(c)
        for cs in by_sentence.values():
            for share in (c for c in cs if c.part):
                for whole in cs:
                    if not whole.part and whole.event == share.event \
                            and float(whole.mention.value) > float(share.mention.value):
                        self.shares.setdefault((whole.story, whole.event), []).append(
                            (whole, interval(whole, st), interval(share, st)))

    def same_quantity(self, w: Claim, c: Claim) -> bool:
        """``w`` counts what ``c`` counts, as far as the claims' keys tell (no context needed)."""
        if (w.kind, w.event, w.part, w.increment, w.cumulative) != (c.kind, c.event, c.part, c.increment, c.cumulative) \
                or not lang.same_currency(w.mention.currency, c.mention.currency):
            return False
        uw, uc = (x.frame.unit if x.frame else None for x in (w, c))
        if uw is None or uc is None or not uw.counted or not uc.counted or not w.unit_stem or not c.unit_stem:
            return True                  # no counted noun on one side, or only the event's role noun
        return fuzz.ratio(w.unit_stem, c.unit_stem) >= self.st.unit_cutoff

    def as_of(self, c: Claim) -> int | None:
        """The day a figure holds as of (an ordinal): its report's publication date, else the
        latest day its sentence tells of; None when neither is known.  The day a sentence
        names is the event's, which a later report still names: "20 killed on Saturday" in
        Sunday's paper is Sunday's count of Saturday's dead."""
        if c.published:
            return c.published.toordinal()
        return self.stated.get(c.sentence_key)

    @rule("D205", "update", "decide")
    def update(self, x: Claim, y: Claim, ivx: Interval, ivy: Interval) -> bool:
        """A later report that gives a higher count, or says it revised the figure ("the toll
        rose to 31" on Wednesday after 12 on Monday; "عدّلت الوزارة الحصيلة إلى 9"), updates
        the earlier one: a story that moves is no dispute.  An event's counts grow as a story
        develops (the dead, homes burned); a crew, a ship's manifest, an age (``fixed_counts``),
        a price, a turnout or a sum does not, so those are updated only by a word of revision.
        Some counts move either way (``either_way_events``: the missing, found alive or dead),
        so any later figure updates them.  Two reports of one day that differ, and a later
        lower figure of any other count with no word of revision, stay conflicts."""
        if x.kind not in ("count", "percent", "money"):
            return False
        dx, dy = self.as_of(x), self.as_of(y)
        if dx is None or dy is None or dx == dy:
            return False
        (old, iv_old), (new, iv_new) = ((x, ivx), (y, ivy)) if dx < dy else ((y, ivy), (x, ivx))
        if x.kind == "count" and x.event and x.event == y.event and x.event in self.st.either_way_events:
            return True                  # the missing are found: their count falls as often as it rises
        fixed = self.st.fixed_counts         # "23 crew", "179 aboard": no event's toll ("17 passengers killed" is)
        # (what befalls people counts them, "17 passengers killed"; an attack that names a crew, "the
        # missile hit the ship, whose crew of 21 left it", counts the crew)
        grows = x.kind == "count" and not any(
            (c.event if c.event in lang.person_events() else c.unit_stem or c.event) in fixed for c in (x, y))
        return new.revised or (grows and iv_new[0] > iv_old[1])

    def supersedes(self, new: Claim, old: Claim) -> bool:
        """``new`` comes from a later report than ``old`` and updates it (rule D205)."""
        return (self.as_of(new) or 0) > (self.as_of(old) or 0) and \
            self.update(old, new, interval(old, self.st), interval(new, self.st))

    @rule("D101", "whole-and-share", "decide")
    def nested(self, x: Claim, y: Claim, ivx: Interval, ivy: Interval) -> bool:
        """Two figures that some document gives as a whole and its share ("31 killed,
        including 10 on a bus") are two quantities, not one in dispute."""
        return any(_overlap(wiv, ivx) and _overlap(siv, ivy) or _overlap(wiv, ivy) and _overlap(siv, ivx)
                   for _, wiv, siv in self.shares.get((x.story, x.event), ()))

    def states(self, doc_claim: Claim, like: Claim, iv: Interval, own: Interval, by_source: bool = False,
               exactly: bool = False) -> bool:
        """The document of ``doc_claim`` (whose figure spans ``own``) also states ``like``'s
        quantity with a value in ``iv`` (and, with ``by_source``, from ``like``'s source; with
        ``exactly``, a figure that names nothing outside ``iv``, told by no other named source
        than ``doc_claim``: one teller's two figures are two quantities, two sources' a dispute)."""
        # an open bound witnesses only the figure it names: "at least 31" states 31, not 35;
        # and a figure that covers both ("dozens", 20-99, beside 20 and 83) tells no second
        # quantity apart
        return any(w is not doc_claim and self.same_quantity(w, like) and _overlap(wv, iv)
                   and (not math.isinf(wv[1]) or iv[0] <= wv[0])
                   and not (_overlap(_named(wv), own) and _overlap(_named(wv), iv))
                   and (not exactly or iv[0] <= _named(wv)[0] and _named(wv)[1] <= iv[1]
                        and _same_teller(w.attributed_to, doc_claim.attributed_to, self.st))
                   and (not by_source or _same_source(w.attributed_to, like.attributed_to, self.st))
                   for w, wv in self.by_doc.get((doc_claim.story, doc_claim.doc_id), ()))

    @rule("D102", "own-figures", "decide")
    def own_figures(self, x: Claim, y: Claim) -> bool:
        """Two different quantities of one document are two things it tells (a round-up's
        total and one town's toll, yesterday's and today's, the dead it counts and the dead a
        week earlier), unless it sets two named sources against each other ("the government
        said about 120 ... the SDF said up to 1,500").  A document's two dates for one event,
        or two ranks of one member, stay a conflict: a caption's day against the body's, or
        "the 90th member" against "the 91st member", is an error; no whole holds them both."""
        if x.kind in ("date", "ordinal") or not self.st.own_figures_need_sources:
            return False
        return _same_teller(x.attributed_to, y.attributed_to, self.st)

    def explained(self, x: Claim, y: Claim, ivx: Interval, ivy: Interval) -> str | None:
        """The code of the rule by which two disjoint figures are two quantities, not one
        quantity in dispute; None when they are in dispute (or agree)."""
        if _overlap(ivx, ivy):
            return None
        if self.nested(x, y, ivx, ivy):
            return code_of(self.nested)
        if x.doc_id == y.doc_id:
            return code_of(self.own_figures) if self.own_figures(x, y) else None
        if self.vantage(x, y):
            return code_of(self.vantage)
        if unnamed_shares(x, y):
            return code_of(unnamed_shares)
        return code_of(self.both_stated) if self.both_stated(x, y, ivx, ivy) else None

    @rule("D105", "days-told-from-two-reports", "decide")
    def vantage(self, x: Claim, y: Claim) -> bool:
        """Two days each told from its own report's day ("on Sunday", "last month", "أمس",
        a day with no year) in reports of different days are not in dispute: which day the
        words name depends on when each report was written, and a later report tells of
        later steps (the arrest, the hearing).  A date written out in full can still be
        disputed by any report."""
        if x.kind != "date" or x.published is None or y.published is None or x.published == y.published:
            return False
        return all(c.mention.year_source in ("relative", "reference") for c in (x, y))

    @rule("D103", "both-stated", "decide")
    def both_stated(self, x: Claim, y: Claim, ivx: Interval, ivy: Interval) -> bool:
        """One outlet giving both figures ("16 dead in the province ... 7 in one town"), when
        the other gives one of them, does not dispute the other: the two are two quantities.
        Two named sources at odds stay a dispute when both outlets relay them, each figure
        with its source."""
        both_x, both_y = self.states(x, y, ivy, ivx), self.states(y, x, ivx, ivy)
        if not (both_x and both_y or self.states(x, y, ivy, ivx, exactly=True)
                or self.states(y, x, ivx, ivy, exactly=True)):
            return False
        relayed = x.attributed_to and y.attributed_to and x.attributed_to != y.attributed_to \
            and self.states(x, y, ivy, ivx, by_source=True) and self.states(y, x, ivx, ivy, by_source=True)
        return not relayed


@rule("D106", "unnamed-shares", "decide")
def unnamed_shares(x: Claim, y: Claim) -> bool:
    """Two shares that name no counted noun, one of them named only by the group it is drawn
    from (rule C143: "two of them were cut by glass" / "six of the injured were flown to
    hospital"), may be drawn by different traits: apart, they are two subsets, not one in
    dispute.  Equal, they still agree.  Two shares told by what befell them ("two of them
    died" / "ten of them died", "توفي اثنان منهم" / "توفي أربعة منهم") stay a dispute."""
    return x.kind == "count" and all(c.part and not c.increment and not (c.frame and c.frame.unit.counted)
                                     for c in (x, y)) and any(GROUP_NAMED in c.roles for c in (x, y))


@rule("D104", "bounds-nothing", "decide")
def bounds_nothing(iv: Interval) -> bool:
    """A figure that bounds nothing ("in 3 days", which may be a duration, or the old value
    of a change, "rose from 30 to 45") neither opposes nor supports another."""
    return iv == (-math.inf, math.inf)


@rule("D201", "disjoint-intervals", "decide")
def disjoint(ivx: Interval, ivy: Interval) -> bool:
    """Two comparable figures conflict when their intervals (each figure's value widened by
    its hedge: "about", "up to", "more than", the tolerance) do not overlap."""
    return not _overlap(ivx, ivy)


@rule("D202", "agreement", "decide")
def agreement(docs: int, sources: int, st: Settings) -> bool:
    """Comparable figures whose intervals overlap agree, once at least
    ``min_agree_sources`` documents or named sources state them."""
    return docs >= st.min_agree_sources or sources >= st.min_agree_sources


@rule("D203", "weekday-mismatch", "decide")
def weekday_mismatch(d: dt.date, weekday: int) -> bool:
    """A date whose weekday named in the text is not its weekday in the calendar
    ("Tuesday 9 February 2026", a Monday) conflicts with itself."""
    return d.weekday() != weekday


def decide_group(g: Group, st: Settings, wit: Witnesses | None = None) -> list[Finding]:
    ivs = [interval(c, st) for c in g.claims]
    # claims that bound nothing ("in 3 days") neither oppose nor support the others: their
    # pairs are no evidence, and what they alone joined is judged apart
    link = dict(zip(g.edges, g.links))
    surety = dict(zip(g.edges, g.scores))
    edges = [(a, b) for a, b in g.edges if not bounds_nothing(ivs[a]) and not bounds_nothing(ivs[b])]
    if wit:
        edges = [(a, b) for a, b in edges if not wit.explained(g.claims[a], g.claims[b], ivs[a], ivs[b])]
    out = []
    # a later report's figure moves on from the one an open bound names ("at least 14" on
    # Friday, "21" on Saturday): the toll rose, though the two do not disagree
    named = [_named(iv) for iv in ivs]
    for comp in _components(len(g.claims), edges):
        pos = {k: n for n, k in enumerate(comp)}
        mine = [e for e in edges if e[0] in pos]
        moved = {e for e in mine if wit and disjoint(named[e[0]], named[e[1]])
                 and wit.update(g.claims[e[0]], g.claims[e[1]], named[e[0]], named[e[1]])}
        # one timeline, oldest first, that never goes back on a figure without saying so
        # ("53.9, then 54.7, then 53.9 again" is a dispute); two reports of one day may still
        # differ, and that is a dispute inside the timeline ("26" and "31" on day three)
        timeline = wit is not None and bool(moved) and all(
            wit.update(g.claims[i], g.claims[j], named[i], named[j]) for i in comp for j in comp
            if i < j and disjoint(named[i], named[j]) and wit.as_of(g.claims[i]) != wit.as_of(g.claims[j]))
        if wit and timeline:
            out.append(_update_finding(g, comp, ivs, wit, {link[e] for e in mine if e in link}))
            out.extend(_agreements_inside(g, comp, edges, named, link, st))   # "41" in two of Tuesday's reports
            mine = [e for e in mine if e not in moved]     # what a later report revised is no dispute
            if not any(disjoint(ivs[a], ivs[b]) for a, b in mine):
                continue
        f = _decide(g, tuple(g.claims[k] for k in comp), [ivs[k] for k in comp],
                    [(pos[a], pos[b]) for a, b in mine], st, [surety.get(e, 0.0) for e in mine])
        if f:
            joined = {link[e] for e in edges if e[0] in pos and e in link}
            out.append(replace(f, rules=tuple(sorted(joined)) + f.rules))
        if f and f.verdict == "conflict":
            out.extend(_agreements_inside(g, comp, edges, ivs, link, st))
    return out


def _update_finding(g: Group, comp: list[int], ivs: list[Interval], wit: Witnesses, joined: set[str]) -> Finding:
    """A quantity that later reports revised: its claims oldest first, the reason its
    timeline ("12 (Outlet A, 2026-02-09) → 31 (Outlet B, 2026-02-11)")."""
    def when(k: int) -> int:
        day = wit.as_of(g.claims[k])
        return day if day is not None else 0
    order = sorted(comp, key=lambda k: (when(k), ivs[k][0], g.claims[k].id))
    claims = tuple(g.claims[k] for k in order)
    steps: list[str] = []
    for k in order:
        c = g.claims[k]
        step = f"{show_value(c)} ({who(c)}, {dt.date.fromordinal(when(k)).isoformat() if when(k) else '?'})"
        if not steps or steps[-1].split(" (")[0] != show_value(c):
            steps.append(step)
    fclaims = tuple(FindingClaim(c, *_public(ivs[k][0], ivs[k][1], c)) for k, c in zip(order, claims))
    top = topic(claims)
    return Finding(finding_id(g.kind, g.story, top, claims), "update", g.kind, g.story, top,
                   " → ".join(steps) + ": later reports revise it", _spread(claims) if g.kind != "date" else None,
                   fclaims, rules=tuple(sorted(joined)) + (code_of(Witnesses.update),))


@rule("D204", "agreement-inside-a-dispute", "decide")
def _agreements_inside(g: Group, comp: list[int], edges: list[tuple[int, int]], ivs: list[Interval],
                       link: dict[tuple[int, int], str], st: Settings) -> list[Finding]:
    """A dispute reports its sides too: the figures of a conflicting group that agree with
    each other ("about 120" in three outlets against the SDF's "up to 1,500") are an
    agreement of their own, when enough documents or sources state them.  So are the steps
    of a figure's timeline that several reports give ("41" in two of Tuesday's reports)."""
    inside = set(comp)
    agreeing = [(a, b) for a, b in edges if a in inside and b in inside and not disjoint(ivs[a], ivs[b])]
    out = []
    for side in _components(len(g.claims), agreeing):
        if len(side) < 2:
            continue
        pos = {k: n for n, k in enumerate(side)}
        f = _decide(g, tuple(g.claims[k] for k in side), [ivs[k] for k in side],
                    [(pos[a], pos[b]) for a, b in agreeing if a in pos], st)
        if f:
            joined = {link[e] for e in agreeing if e[0] in pos and e in link}
            out.append(replace(f, rules=tuple(sorted(joined)) + f.rules + (code_of(_agreements_inside),)))
    return out


def _decide(g: Group, claims: Sequence[Claim], ivs: list[Interval], edges: list[tuple[int, int]],
            st: Settings, surety: Sequence[float] = ()) -> Finding | None:
    # the conflict named is the disagreeing pair most surely one quantity (the closest
    # sentences), then the nearest in value: in a tangle of linked figures, the pair that
    # shares the most context is the one the two reports tell differently
    worst: tuple[float, float, int, int] | None = None
    for n, (a, b) in enumerate(edges):
        if disjoint(ivs[a], ivs[b]):
            # of pairs as sure, the nearest: the likeliest counterpart of a figure is the
            # figure closest to it ("97 seats" answers "104 seats", not "out of 395 seats")
            key = (surety[n] if n < len(surety) else 0.0, -_gap_ratio(ivs[a], ivs[b]), a, b)
            if worst is None or key[:2] > worst[:2]:
                worst = key
    fclaims = tuple(FindingClaim(c, *_public(ivs[k][0], ivs[k][1], c)) for k, c in enumerate(claims))
    top = topic(claims)
    if worst:
        _, _, a, b = worst
        ca, cb = claims[a], claims[b]
        if ivs[a][0] > ivs[b][0]:
            ca, cb = cb, ca
        reason = f"{show_value(ca)} ({who(ca)}) vs {show_value(cb)} ({who(cb)}): " + (
            "dates do not overlap" if g.kind == "date" else "intervals do not overlap")
        sev = _spread([ca, cb]) if g.kind != "date" else None
        # the odd one out first (the figure fewer claims back), then its rival: a linter
        # points at the first claim
        backing = lambda k: sum(_overlap(ivs[k], iv) for iv in ivs)
        first, second = sorted((a, b), key=lambda k: (backing(k), k))
        order = [first, second] + [k for k in range(len(claims)) if k not in (first, second)]
        fclaims = tuple(fclaims[k] for k in order)
        return Finding(finding_id(g.kind, g.story, top, claims), "conflict", g.kind, g.story, top, reason, sev, fclaims,
                       rules=(code_of(disjoint),))
    docs = {c.doc_id for c in claims}
    sources = {c.attributed_to for c in claims if c.attributed_to}
    if not agreement(len(docs), len(sources), st):
        return None
    values = sorted({show_value(c) for c in claims})
    reason = f"{', '.join(values)} stated in {len(docs)} document{'s' * (len(docs) > 1)}" + (
        f" by {len(sources)} sources" if len(sources) > 1 else "") + ": intervals overlap"
    sev = _spread(claims) if g.kind != "date" else None
    return Finding(finding_id(g.kind, g.story, top, claims), "agree", g.kind, g.story, top, reason, sev, fclaims,
                   rules=(code_of(agreement),))


def _gap_ratio(x: Interval, y: Interval) -> float:
    """How far apart two disjoint intervals are, relative to the larger bound (0 to 1)."""
    top = max(abs(x[1]), abs(y[1]), abs(x[0]), abs(y[0]))
    if not math.isfinite(top):
        return 1.0                       # an open bound ("at least 31"): as far as can be
    return max(y[0] - x[1], x[0] - y[1]) / top if top else 0.0


def _spread(claims: Sequence[Claim]) -> float:
    vals = [float(c.mention.value) for c in claims if isinstance(c.mention.value, (int, float))]
    if not vals or max(vals) == 0:
        return 0.0
    return round((max(vals) - min(vals)) / max(vals), 4)


def weekday_findings(claims: list[Claim]) -> list[Finding]:
    out = []
    for c in claims:
        m = c.mention
        if c.kind != "date" or m.weekday is None or m.precision != "day" or m.year_source == "weekday":
            continue
        d = dt.date.fromisoformat(str(m.value))
        if weekday_mismatch(d, m.weekday):
            reason = f"{m.text}: {d.isoformat()} is a {WEEKDAYS[d.weekday()]}, not a {WEEKDAYS[m.weekday]}"
            fc = (FindingClaim(c, m.low, m.high),)
            out.append(Finding(finding_id("weekday", c.story, "weekday", [c]), "conflict", "weekday",
                               c.story, "weekday", reason, None, fc,
                               rules=(code_of(weekday_mismatch),)))
    return out


def decide(groups: list[Group], claims: list[Claim], st: Settings) -> list[Finding]:
    wit = Witnesses(claims, st)
    out = [f for g in groups for f in decide_group(g, st, wit)]
    if "weekday" in st.kinds:
        out.extend(weekday_findings(claims))
    return order_findings(out)


def order_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Conflicts first, the widest apart first, then by kind and id (a stable order)."""
    return sorted(findings, key=lambda f: (f.verdict != "conflict", -(f.severity or 0), f.kind, f.id))


def _same_teller(a: str | None, b: str | None, st: Settings) -> bool:
    """No two different named sources give the figures (an outlet's own figure beside a
    monitor's may well be the monitor's: only two names make a dispute)."""
    return not a or not b or _same_source(a, b, st)


def _same_source(a: str | None, b: str | None, st: Settings) -> bool:
    """Two attributions name one source ("The rebels" / "the rebels", an alias folded to one label)."""
    if not a or not b:
        return False
    return fuzz.token_set_ratio(a.casefold(), b.casefold()) >= st.source_cutoff


def _draft_id(verdict: str, c: Claim) -> str:
    """Stable across edits elsewhere in the draft and across added sources: the draft claim's
    document, sentence and words, and the verdict (an unsupported figure that becomes a
    conflict is new)."""
    sent = " ".join(c.sentence.split())
    key = "|".join(["draft", verdict, c.kind, c.doc_id, c.mention.text, sent])
    return "D" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@rule("D303", "draft-unsupported", "decide")
def _states_a_fact(c: Claim) -> bool:
    """A draft's figure that no source states is unsupported, when it is a figure a source
    could state too: it names what it counts or the event it dates ("for the first time"
    is no claim to source)."""
    if c.kind in ("date", "ordinal"):    # "for the first time" is no claim to source
        return bool(c.event)
    return bool(c.event or c.unit_stem)


@rule("D304", "draft-names-its-source", "decide")
def _bound_by_named_source(c: Claim, found: list[Claim], st: Settings) -> list[Claim] | None:
    """A draft figure that names its source ("the SDF said up to 1,500") is bound only by
    that source's figures, when the sources quote it too: the government's "about 120"
    does not contradict a correctly attributed SDF figure.  None when the rule does not
    apply (no source named, or none of the sources quotes it)."""
    if not c.attributed_to:
        return None
    same = [y for y in found if _same_source(y.attributed_to, c.attributed_to, st)]
    return same or None


@rule("D305", "draft-outdated", "decide")
def _revised_since(c: Claim, support: list[Claim], against: list[Claim], wit: Witnesses, st: Settings) -> Claim | None:
    """A draft's figure that an earlier report states and a later report updates ("12
    dead" on Monday, "the toll rose to 31" on Wednesday; rule D205) is outdated, not
    contradicted: the latest report's figure is returned, None when the draft is current
    or simply contradicted."""
    if not support or not against or not all(wit.supersedes(a, s) for s in support for a in against):
        return None
    return max(against, key=lambda y: wit.as_of(y) or 0)


@rule("D301", "draft-contradicted", "decide")
def draft_contradicted() -> None:
    """A draft's figure conflicts when a source's comparable figure lies outside its
    interval; when the draft names its source and the sources quote it too, only that
    source's figures bind it."""


@rule("D302", "draft-supported", "decide")
def draft_supported() -> None:
    """A draft's figure agrees when a source's comparable figure overlaps it."""


def decide_draft(groups: list[Group], claims: list[Claim], drafts: set[str], st: Settings) -> list[Finding]:
    """One verdict per claim of a draft: ``conflict`` when a source contradicts it (or when
    the draft states as fact a figure the sources only attribute, and another source says
    otherwise), ``agree`` when a source supports it, ``unsupported`` when no source states it."""
    wit = Witnesses(claims, st)
    pairs: dict[str, list[tuple[Claim, tuple, tuple]]] = {}
    joined: dict[str, set[str]] = {}
    for g in groups:
        ivs = [interval(c, st) for c in g.claims]
        for (a, b), code in zip(g.edges, g.links or ("",) * len(g.edges)):
            for d, o in ((a, b), (b, a)):
                x, y = g.claims[d], g.claims[o]
                if x.doc_id in drafts and y.doc_id not in drafts and not wit.explained(x, y, ivs[d], ivs[o]) \
                        and not bounds_nothing(ivs[o]):
                    pairs.setdefault(x.id, []).append((y, ivs[d], ivs[o]))
                    joined.setdefault(x.id, set()).add(code)
    out = []
    for c in claims:
        if c.doc_id not in drafts or c.kind not in st.kinds:
            continue
        iv = interval(c, st)
        if iv == (-math.inf, math.inf):
            continue                     # "in 3 days", a previous figure: bounds nothing to check
        found = pairs.get(c.id, [])
        support = [y for y, _, yv in found if _overlap(iv, yv)]
        against = [y for y, _, yv in found if not _overlap(iv, yv)]
        bound = _bound_by_named_source(c, support + against, st)
        if bound is not None:
            support = [y for y in support if y in bound]
            against = [y for y in against if y in bound]
        mine = f"{show_value(c)} (draft)"
        # a source's older figure that a later report supporting the draft updated is no
        # rival: the draft carries the latest figure ("31" after "12, then 31")
        against = [a for a in against if not any(wit.supersedes(s, a) for s in support)]
        latest = _revised_since(c, support, against, wit, st)
        if latest is not None:
            verdict, code = "outdated", code_of(_revised_since)
            day = wit.as_of(latest)
            reason = f"{mine} was revised to {show_value(latest)} ({who(latest)}" + (
                f", {dt.date.fromordinal(day).isoformat()})" if day else ")")
            others = [latest] + [z for z in support + against if z is not latest]
        elif against:
            y = max(against, key=lambda y: abs(interval(y, st)[0] - iv[0]))
            verdict, code = "conflict", code_of(draft_contradicted)
            reason = f"{mine} vs {show_value(y)} ({who(y)})"
            backers = sorted({y.attributed_to for y in support if y.attributed_to})
            if not c.attributed_to and backers:
                reason += (f"; the draft states as fact what the sources attribute to {', '.join(backers)}")
            reason += ": " + ("dates do not overlap" if c.kind == "date" else "intervals do not overlap")
            others = [y] + [z for z in support + against if z is not y]
        elif support:
            verdict, code = "agree", code_of(draft_supported)
            srcs = sorted({who(y) for y in support})
            reason = f"{mine} is supported by {', '.join(srcs)}"
            others = support
        elif _states_a_fact(c):
            verdict, reason, others = "unsupported", f"{mine}: no source states this {topic([c])}", []
            code = code_of(_states_a_fact)
        else:
            continue
        fcs = (FindingClaim(c, *_public(*iv, c)),) + tuple(
            FindingClaim(y, *_public(*interval(y, st), y)) for y in others)
        sev = _spread([c] + others[:1]) if verdict == "conflict" and c.kind != "date" else None
        rules = tuple(sorted(joined.get(c.id, set()) - {""})) + (code,)
        if bound is not None:
            rules += (code_of(_bound_by_named_source),)
        out.append(Finding(_draft_id(verdict, c), verdict, c.kind, c.story, topic([c] + others), reason, sev, fcs,
                           draft=True, rules=rules))
    order = {"conflict": 0, "outdated": 1, "unsupported": 2, "agree": 3}
    out.sort(key=lambda f: (order[f.verdict], f.claims[0].claim.mention.start))
    return out

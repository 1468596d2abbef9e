"""The frozen records passed between stages.

load -> Document, normalize -> NormalizedDoc, extract -> Mention, claims -> Claim,
align -> Group, decide -> Finding, pipeline -> Report.  Each type is built by one stage.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

Number = int | float
Value = Number | str


def numeric(v: object) -> float | None:
    """A figure's value or bound as a float column holds it; None for a day or an open bound."""
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


@dataclass(frozen=True)
class Document:
    """One article as read from disk or stdin (built by ``load``)."""
    id: str
    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    story: str | None = None
    encoding: str = "utf-8"
    encoding_guessed: bool = False
    front_matter_end: int = 0          # raw offset where the body starts (front matter skipped)
    record: int | None = None          # a JSON Lines record's line, a JSON list's index: where the text sits in its file
    notes: tuple[str, ...] = ()        # what load had to mend or guess (replaced bytes, an unknown language), as warnings


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why (built by ``load``)."""
    where: str                          # file, file:line or file[k]
    path: str | None
    status: str                         # empty | binary | undecodable | unsupported | malformed | unreadable
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": None, "path": self.path, "where": self.where, "status": self.status, "reason": self.reason}


@dataclass(frozen=True)
class NormalizedDoc:
    """A document with its folded text, offset map and resolved metadata (built by ``normalize``)."""
    doc: Document
    norm: str                           # same length as the text after deletions; masked parts are spaces
    shift_at: tuple[int, ...]           # breakpoints in norm offsets ...
    shift_by: tuple[int, ...]           # ... and the raw-minus-norm shift from each breakpoint on
    lang: str
    published: dt.date | None
    published_source: str | None        # "metadata" | "dateline" | None
    outlet: str
    outlet_source: str                  # "metadata" | "self-reference" | "file name"
    masked: tuple[tuple[int, int], ...] = ()   # raw spans skipped as boilerplate / repeats

    def raw_offset(self, i: int) -> int:
        """Raw offset of norm offset ``i``."""
        from bisect import bisect_right
        k = bisect_right(self.shift_at, i) - 1
        return i + (self.shift_by[k] if k >= 0 else 0)


@dataclass(frozen=True)
class Mention:
    """A quantity or date as read from the text (built by ``extract``).

    ``low``/``high`` are the literal bounds the words give (``None`` = open or unknown);
    policy such as "about means ±15 %" is applied later, in decide.
    """
    doc_id: str
    kind: str                           # number | ordinal | percent | money | date
    start: int                          # raw offsets: text[start:end] == text
    end: int
    text: str
    value: Value
    low: Value | None
    high: Value | None
    qualifier: str = "exact"            # exact approx up_to at_least more_than less_than range vague
    hedge: str | None = None
    currency: str | None = None
    precision: str | None = None        # dates: day | month | year
    weekday: int | None = None          # dates: weekday named in the text (0 = Monday)
    weekday_text: str | None = None
    year_source: str | None = None      # dates: explicit | reference | weekday | relative
    relative: bool = False              # dates: resolved from a relative expression
    norm_start: int = 0                 # offsets into NormalizedDoc.norm (for the claims stage)
    norm_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
             "value": self.value, "low": self.low, "high": self.high, "qualifier": self.qualifier}
        if self.hedge:
            d["hedge"] = self.hedge
        if self.currency:
            d["currency"] = self.currency
        if self.precision:
            d["precision"] = self.precision
            d["year_source"] = self.year_source
        if self.weekday_text:
            d["weekday"] = self.weekday_text
        return d


class Role(str, Enum):
    """What part of a quantity a figure gives."""
    WHOLE = "whole"                      # the figure itself ("45 killed")
    SHARE = "share"                      # a part of another figure ("including five children")
    INCREMENT = "increment"              # more besides a figure before ("14 others", "three more")
    RUNNING_TOTAL = "running_total"      # a total to date ("since Saturday", "in the war")
    PREVIOUS = "previous"                # the old value of a change ("rose from 30 to 45")
    BACKGROUND = "background"            # an earlier story's figure, recalled ("the 2019 floods killed 11")


class Anchor(str, Enum):
    """What a date dates."""
    EVENT = "event"                      # the story's event ("the raid on Tuesday")
    STATEMENT = "statement"              # the day a source spoke ("the ministry said on Tuesday")
    REPORT = "report"                    # the day the report was filed (a dateline)
    AS_OF = "as_of"                      # when a running figure stood so ("12,400 acres by Tuesday")


PERSONS = "persons"     # the value of a unit of kind "none" that counts people


@dataclass(frozen=True)
class Unit:
    """What a figure is counted in.  ``kind``: "role" (only the event's role noun: "dead",
    "قتيلا"), "time" (a span: days, years), "noun" (a counted thing: prisoners, schools),
    "currency", "percent", or "none"; ``value`` the stem or code.  A "none" unit whose value
    is :data:`PERSONS` counts persons with no noun of their own ("17 people", "612 شخصا")."""
    kind: str
    value: str | None = None

    @property
    def persons(self) -> bool:
        """A generic word for people ("people", "أشخاص") follows the figure."""
        return self.kind == "none" and self.value == PERSONS

    @property
    def counted(self) -> bool:
        """A counted noun or a span of time: something the figure counts beyond the event's role."""
        return self.kind in ("noun", "time")

    @property
    def keyed(self) -> bool:
        """The text names what the figure counts (a noun, a span or a role noun)."""
        return self.kind in ("noun", "time", "role")


@dataclass(frozen=True)
class Source:
    """Who gives the figure: a canonical source id (None when the outlet speaks for itself
    or the source is only described), and the words it was read from."""
    id: str | None
    text: str | None


@dataclass(frozen=True)
class Scope:
    """Where and when a figure holds, when its clause says: ``place`` the place named ("in
    Aleppo", "في سجن الشدادي"), ``period`` the date or span that bounds it ("since
    Saturday", "in two days"), ``wide`` a figure for a whole area rather than one place in
    it ("across the country", "في مختلف أنحاء البلاد"), ``several`` a total over several
    occurrences of its event ("in four separate shootings", "في ثلاث غارات")."""
    place: str | None = None
    period: str | None = None
    period_days: tuple[int, int] | None = None   # the days the period's date covers (ordinals)
    wide: bool = False
    several: bool = False
    period_at: int = field(default=-1, compare=False)   # where the period's date starts (folded text)
    period_next: bool = field(default=False, compare=False)   # the date sits next to the figure ("7.0% in January")

    def to_dict(self) -> dict[str, Any]:
        days = [dt.date.fromordinal(d).isoformat() for d in self.period_days] if self.period_days else None
        return {"place": self.place, "period": self.period, "period_days": days, "wide": self.wide, "several": self.several}


@dataclass(frozen=True)
class Frame:
    """What a claim is, in terms shared across languages (built by ``claims``)."""
    measure: str | None                  # the concept counted or dated (an event id from language data: "kill", "escape")
    head: str | None                     # the counted noun as read ("prisoners", "معتقلًا")
    unit: Unit
    role: Role
    anchor: Anchor | None                # dates only
    source: Source
    period_start: bool = False           # a date that starts a running total's period ("since March 2011")
    holder: str | None = None            # whose attribute the figure is: the stems of an age's name or noun ("john smith")
    scope: Scope = Scope()               # the place and the period the clause gives

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "head": self.head, "unit": {"kind": self.unit.kind, "value": self.unit.value},
                "role": self.role.value, "anchor": self.anchor.value if self.anchor else None,
                "source": {"id": self.source.id, "text": self.source.text}, "holder": self.holder,
                "scope": self.scope.to_dict()}


@dataclass(frozen=True)
class Claim:
    """A mention with what a checker needs to compare it (built by ``claims``)."""
    id: str                             # "<doc>#<n>"
    mention: Mention
    kind: str                           # count | ordinal | percent | money | date
    story: str | None
    outlet: str
    unit: str | None                    # surface of the counted thing
    unit_stem: str | None
    event: str | None                   # canonical event label (escape, meeting, ...)
    event_text: str | None
    attributed_to: str | None           # canonical source label (SDF, Syrian government, ...)
    attribution_text: str | None
    sentence: str                       # raw sentence text
    sentence_start: int
    sentence_key: tuple[str, int]       # (doc id, the sentence's first offset in the folded text)
    context: tuple[str, ...] = field(default=(), repr=False)   # stemmed content words of the sentence
    figures: tuple[str, ...] = field(default=(), repr=False)   # the sentence's figures, in any language ("date:2026-02-09")
    part: bool = False                  # a share of another count ("including five children")
    cumulative: bool = False            # a running total ("68 killed since Saturday")
    increment: bool = False             # a part that adds to a figure before ("14 others died", "three more")
    speech_date: bool = False           # the day a source spoke or a report was filed ("said on Tuesday", a dateline)
    roles: tuple[str, ...] = ()         # the claims rules (C1xx) that set its role: share, increment, running total, ...
    frame: Frame | None = field(default=None, repr=False, compare=False)   # the typed description (see Frame)
    published: dt.date | None = None    # the document's publication date
    lang: str = ""                      # the document's language
    revised: bool = False               # the sentence says the figure was revised ("revised to", "عدّلت")
    background: bool = False            # the sentence tells of an earlier year's events (rule C117)

    @property
    def doc_id(self) -> str:
        return self.mention.doc_id

    def to_dict(self) -> dict[str, Any]:
        m = self.mention
        d = {"id": self.id, "doc": m.doc_id, **m.to_dict(), "kind": self.kind, "unit": self.unit,
             "event": self.event, "attributed_to": self.attributed_to,
             "attribution_text": self.attribution_text, "part": self.part,
             "cumulative": self.cumulative, "increment": self.increment,
             "speech_date": self.speech_date, "roles": list(self.roles), "revised": self.revised,
             "published": self.published.isoformat() if self.published else None, "background": self.background,
             "frame": self.frame.to_dict() if self.frame else None, "sentence": self.sentence}
        return d


@dataclass(frozen=True)
class Group:
    """Claims that state the same thing (built by ``align``)."""
    story: str | None
    kind: str
    claims: tuple[Claim, ...]
    edges: tuple[tuple[int, int], ...]  # index pairs into claims that are directly comparable
    links: tuple[str, ...] = ()         # for each edge, the align rule that joined it (A2xx)
    scores: tuple[float, ...] = ()      # for each edge, how surely it is one quantity (context overlap; 1.0 one sentence)


@dataclass(frozen=True)
class FindingClaim:
    claim: Claim
    low: Value | None                   # effective interval used for the verdict
    high: Value | None

    def to_dict(self) -> dict[str, Any]:
        d = self.claim.to_dict()
        d["low"], d["high"] = self.low, self.high
        d["outlet"] = self.claim.outlet
        return d


@dataclass(frozen=True)
class Finding:
    """A verdict on a group (built by ``decide``)."""
    id: str
    verdict: str                        # conflict | agree | update (a later report revises the figure) | a draft's
    kind: str
    story: str | None
    topic: str
    reason: str
    severity: float | None
    claims: tuple[FindingClaim, ...]
    draft: bool = False                 # a verdict on a draft's claim (its first claim) against sources
    rules: tuple[str, ...] = ()         # the rules that paired its claims and decided it (see discrep.rules)

    def to_dict(self) -> dict[str, Any]:
        d = {"id": self.id, "verdict": self.verdict, "kind": self.kind, "story": self.story,
             "topic": self.topic, "reason": self.reason, "severity": self.severity,
             "rules": list(self.rules), "claims": [c.to_dict() for c in self.claims]}
        if self.draft:
            d["draft_claim"] = 0
        return d


@dataclass(frozen=True)
class Report:
    documents: tuple[NormalizedDoc, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()
    drafts: tuple[str, ...] = ()        # ids of the documents checked against the others
    skipped: tuple[Skipped, ...] = ()   # inputs not read (--skip-bad, unsupported files in folders)

    @property
    def conflicts(self) -> int:
        return sum(f.verdict == "conflict" for f in self.findings)

    @property
    def agreements(self) -> int:
        return sum(f.verdict == "agree" for f in self.findings)

    @property
    def unsupported(self) -> int:
        return sum(f.verdict == "unsupported" for f in self.findings)

    def count(self, verdict: str) -> int:
        return sum(f.verdict == verdict for f in self.findings)

    def claims_frame(self) -> Any:
        """Every claim as a row of a pandas DataFrame (pandas is imported here, on first use):
        its id, document, outlet, kind, value and bounds, unit, event, source, offsets and
        sentence, and the findings that hold it."""
        import pandas as pd
        held: dict[str, list[str]] = {}
        for f in self.findings:
            for fc in f.claims:
                held.setdefault(fc.claim.id, []).append(f.id)
        cols = ["id", "doc", "outlet", "published", "lang", "kind", "text", "value", "low", "high", "qualifier",
                "unit", "event", "attributed_to", "start", "end", "sentence", "findings"]
        rows = []
        for c in self.claims:
            m = c.mention
            rows.append([c.id, c.doc_id, c.outlet, c.published, c.lang, c.kind, m.text, m.value, m.low, m.high,
                         m.qualifier, c.unit, c.event, c.attributed_to, m.start, m.end, c.sentence,
                         held.get(c.id, [])])
        return pd.DataFrame(rows, columns=cols)

    def findings_frame(self) -> Any:
        """One row a finding's claim (pandas, imported on first use): the finding's id, verdict,
        kind, topic and reason beside the claim's id, document, outlet, value and source."""
        import pandas as pd
        cols = ["finding", "verdict", "kind", "topic", "reason", "severity", "claim", "doc", "outlet", "value",
                "low", "high", "attributed_to", "text"]
        rows = [[f.id, f.verdict, f.kind, f.topic, f.reason, f.severity, fc.claim.id, fc.claim.doc_id,
                 fc.claim.outlet, fc.claim.mention.value, fc.low, fc.high, fc.claim.attributed_to,
                 fc.claim.mention.text] for f in self.findings for fc in f.claims]
        return pd.DataFrame(rows, columns=cols)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "discrep.report/1",
            "documents": [document_dict(d) for d in self.documents] + [s.to_dict() for s in self.skipped],
            "findings": [f.to_dict() for f in self.findings],
            "summary": {"documents": len(self.documents), "read": len(self.documents),
                        "skipped": len(self.skipped), "claims": len(self.claims),
                        "conflicts": self.conflicts, "agreements": self.agreements,
                        "updates": self.count("update"),
                        "unsupported": self.unsupported, "drafts": list(self.drafts)},
            "warnings": list(self.warnings),
        }


def document_dict(d: NormalizedDoc) -> dict[str, Any]:
    return {"id": d.doc.id, "path": d.doc.path, "status": "read", "outlet": d.outlet,
            "outlet_source": d.outlet_source,
            "published": d.published.isoformat() if d.published else None,
            "published_source": d.published_source, "lang": d.lang, "story": d.doc.story,
            "encoding": d.doc.encoding, "encoding_guessed": d.doc.encoding_guessed}

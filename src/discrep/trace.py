"""trace: why two figures were, or were not, compared (``discrep explain --why-not``).

For two figures named as written ("120") or by claim id ("doc#3"), every pair of their
claims is judged again the way the pipeline judged it: align's rule that kept the two
apart or joined them, then, when joined, decide's rule that explained them apart or
gave the verdict.  Nothing here decides anything the pipeline did not."""
from __future__ import annotations

from dataclasses import dataclass

from .align import why_not
from .decide import Witnesses, agreement, bounds_nothing, disjoint, interval
from .model import Claim, Report
from .rules import code_of
from .settings import Settings


@dataclass(frozen=True)
class PairTrace:
    x: Claim
    y: Claim
    align_rule: str                      # the veto (A1xx) or join (A2xx) of align
    joined: bool
    score: float | None                  # the sentences' context overlap, when it was weighed
    cutoff: float | None
    decide_rule: str | None              # when joined: why decide set them apart, or its verdict
    verdict: str | None                  # conflict | agree | None (apart)


def _words(s: str) -> str:
    return " " + " ".join(s.replace(",", "").split()).casefold() + " "


def _matches(c: Claim, figure: str) -> bool:
    """``figure`` names the claim: its id, its value ("1500", "1,500"), its words, or words
    around them ("40 days" names the "40" counting days; "9 February" names "on Tuesday 9
    February 2026")."""
    if "#" in figure:
        return c.id == figure
    f, t = _words(figure), _words(c.mention.text)
    return f == _words(str(c.mention.value)) or t in f or f in t


def claims_named(report: Report, figure: str) -> list[Claim]:
    return [c for c in report.claims if _matches(c, figure)]


def trace_pairs(report: Report, a: str, b: str, settings: Settings) -> list[PairTrace]:
    """Every candidate pair of a claim named by ``a`` and one named by ``b``."""
    claims = list(report.claims)
    wit = Witnesses(claims, settings)
    out = []
    for x in claims_named(report, a):
        for y in claims_named(report, b):
            if x is y and a != b:
                continue                 # "120" and "about 120" name one claim: no pair
            link = why_not(x, y, claims, settings)
            rule, verdict = None, None
            if link.ok:
                ivx, ivy = interval(x, settings), interval(y, settings)
                if bounds_nothing(ivx) or bounds_nothing(ivy):
                    rule = code_of(bounds_nothing)
                else:
                    rule = wit.explained(x, y, ivx, ivy)
                    if rule is None and disjoint(ivx, ivy) and wit.update(x, y, ivx, ivy):
                        rule, verdict = code_of(Witnesses.update), "update"
                    elif rule is None and disjoint(ivx, ivy):
                        rule, verdict = code_of(disjoint), "conflict"
                    elif rule is None:
                        docs = {x.doc_id, y.doc_id}
                        sources = {c.attributed_to for c in (x, y) if c.attributed_to}
                        rule = code_of(agreement)
                        verdict = "agree" if agreement(len(docs), len(sources), settings) else None
            out.append(PairTrace(x, y, link.rule, link.ok, link.score, link.cutoff, rule, verdict))
    return out

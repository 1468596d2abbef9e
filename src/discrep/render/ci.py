"""Linter formats for CI: SARIF 2.1.0 (code scanning) and GitHub workflow commands.

Only findings a gate acts on are written: conflicts (error) and unsupported draft claims
(warning).  Each result points at its claim's line and column, counted in characters
(Unicode code points), so a figure in an Arabic line lands where an editor shows it."""
from __future__ import annotations

import json
import os
from typing import Any, TextIO

from .. import __version__
from ..model import Claim, Finding, Report

LEVEL = {"conflict": "error", "outdated": "warning", "unsupported": "warning"}
RULES = {
    "conflict": "Two statements of the same quantity or date do not overlap.",
    "outdated": "The draft states a figure that a later report revised.",
    "unsupported": "The draft states a figure that no source states.",
}
KINDS = ("count", "ordinal", "percent", "money", "date", "weekday")


def rule_id(f: Finding) -> str:
    """Stable per verdict and kind: "conflict-count", "unsupported-date", ..."""
    return f"{f.verdict}-{f.kind}"


class Locator:
    """Line and column (1-based, in characters) of raw offsets, in each document's file as
    written (an HTML page's or a JSON record's text traced back into the file), and the
    file's URI, percent-encoded."""

    def __init__(self, report: Report):
        from ..load import SourcePositions
        self.docs = {nd.doc.id: nd.doc for nd in report.documents}
        self.positions = SourcePositions()

    def path(self, doc_id: str) -> str:
        """The file as the user named it: relative to the working directory when inside it."""
        d = self.docs.get(doc_id)
        if d is None or not d.path:
            return doc_id
        p = os.path.relpath(d.path) if not os.path.isabs(d.path) or d.path.startswith(os.getcwd()) else d.path
        return p.replace(os.sep, "/")

    def uri(self, doc_id: str) -> str:
        """A URI reference (RFC 3986): a relative path percent-encoded, an absolute one as file://."""
        from pathlib import Path
        from urllib.parse import quote
        p = self.path(doc_id)
        d = self.docs.get(doc_id)
        if d is not None and d.path and os.path.isabs(p):
            return Path(p).as_uri()
        return quote(p, safe="/")

    def _at(self, c: Claim, offset: int) -> tuple[int, int]:
        d = self.docs.get(c.doc_id)
        if d is None:
            return 1, 1
        return self.positions(d, offset)

    def line_col(self, c: Claim) -> tuple[int, int]:
        return self._at(c, c.mention.start)

    def end(self, c: Claim) -> tuple[int, int]:
        return self._at(c, c.mention.end)


def gated(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.verdict in LEVEL]


def message(f: Finding) -> str:
    return f"{f.verdict} ({f.kind}, {f.topic}): {f.reason} [{f.id}]"


def _location(loc: Locator, c: Claim, n: int | None = None) -> dict:
    line, col = loc.line_col(c)
    eline, ecol = loc.end(c)
    out: dict[str, object] = {"physicalLocation": {"artifactLocation": {"uri": loc.uri(c.doc_id)},
                                "region": {"startLine": line, "startColumn": col,
                                           "endLine": eline, "endColumn": ecol,
                                           "snippet": {"text": c.mention.text}}}}
    if n is not None:
        out["id"] = n
        out["message"] = {"text": f"{c.mention.text} ({c.outlet}" + (f", {c.attributed_to})" if c.attributed_to else ")")}
    return out


def render_sarif(report: Report, out: TextIO, **_: Any) -> None:
    loc = Locator(report)
    rules = [{"id": f"{v}-{k}", "name": f"{v.title()}{k.title()}",
              "shortDescription": {"text": f"{v} ({k})"}, "fullDescription": {"text": RULES[v]},
              "defaultConfiguration": {"level": LEVEL[v]}}
             for v in LEVEL for k in KINDS if not (v in ("unsupported", "outdated") and k == "weekday")]
    index = {r["id"]: n for n, r in enumerate(rules)}
    results = []
    for f in gated(report):
        first, *rest = [fc.claim for fc in f.claims]
        r = {"ruleId": rule_id(f), "ruleIndex": index[rule_id(f)], "level": LEVEL[f.verdict],
             "message": {"text": message(f)},
             "locations": [_location(loc, first)],
             "partialFingerprints": {"discrepFinding/v1": f.id},
             "properties": {"verdict": f.verdict, "kind": f.kind, "topic": f.topic,
                            "severity": f.severity}}
        if rest:
            r["relatedLocations"] = [_location(loc, c, n) for n, c in enumerate(rest, 1)]
        results.append(r)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "discrep", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report, out: TextIO, **_: Any) -> None:
    """``::error file=…,line=…,col=…::message`` workflow commands, one per gated finding."""
    loc = Locator(report)
    for f in gated(report):
        c = f.claims[0].claim
        line, col = loc.line_col(c)
        eline, ecol = loc.end(c)
        cmd = "error" if f.verdict == "conflict" else "warning"
        props = (f"file={_escape_prop(loc.path(c.doc_id))},line={line},col={col},endLine={eline},endColumn={ecol},"
                 f"title={_escape_prop('discrep ' + rule_id(f))}")
        out.write(f"::{cmd} {props}::{_escape_data(message(f))}\n")

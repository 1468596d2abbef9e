"""The default rich table."""
from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..decide import show_value, who
from ..model import Claim, Finding, Report
from ..rules import Rule
from ..trace import PairTrace
from . import ExtractRow, plural
from .bidi import cell

STYLE = {"conflict": "bold red", "agree": "green", "unsupported": "yellow", "update": "cyan", "outdated": "magenta"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A closed pipe is the command line's to handle (quietly, with the gate's exit
        code), not rich's (exit 1)."""
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _console(out: TextIO, width: int | None, color: bool | None) -> Console:
    return _Console(file=out, width=width, force_terminal=color, no_color=color is False,
                    highlight=False, soft_wrap=False)


def _snippet(c: Claim, span: int = 34) -> str:
    s = c.sentence
    i = s.find(c.mention.text)
    if i < 0 or len(s) <= 2 * span + len(c.mention.text):
        return s if len(s) <= 2 * span + len(c.mention.text) else s[: 2 * span] + "…"
    a, b = max(0, i - span), min(len(s), i + len(c.mention.text) + span)
    return ("…" if a else "") + s[a:b] + ("…" if b < len(s) else "")


def _short(s: str, n: int = 16) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def render_table(report: Report, out: TextIO, reorder: bool = False, width: int | None = None,
                 color: bool | None = None, **_: Any) -> None:
    """One row per finding: verdict, the claims (value, outlet, source, evidence), the reason."""
    con = _console(out, width, color)
    total = con.width
    why_w = max(24, total // 4)
    claims_w = max(30, total - why_w - 14 - 10)
    t = Table(show_lines=True, title="discrep findings", title_justify="left")
    t.add_column("finding", no_wrap=True, width=12)
    t.add_column("claims: value · outlet · source, then evidence", width=claims_w, no_wrap=reorder)
    t.add_column("why", width=why_w, no_wrap=reorder)
    for n, f in enumerate(report.findings, 1):
        lines = []
        for fc in f.claims:
            c = fc.claim
            src = who(c)
            head = f"{show_value(c)} · {_short(c.outlet)}" + (f" · {src}" if src != c.outlet else "")
            if f.verdict == "update" and c.published:
                head += f" · {c.published.isoformat()}"      # a timeline, oldest first
            if f.draft and fc is f.claims[0]:
                head = "draft: " + head
            lines.append(cell(head, claims_w - 2, reorder, "ltr"))
            lines.append(cell("  " + _snippet(c), claims_w - 2, reorder))
        left = Text(f"{n}. ")
        left.append(f.verdict, style=STYLE.get(f.verdict, ""))
        left.append(f"\n{f.kind}\n{f.id}", style="dim")
        why = cell(f.topic, why_w - 2, reorder, "ltr") + "\n" + cell(f.reason, why_w - 2, reorder, "ltr")
        if f.severity is not None:
            why += f"\nseverity {f.severity:.2f}"
        t.add_row(left, "\n".join(lines), why)
    if report.findings:
        con.print(t)
    s = report.to_dict()["summary"]
    skipped = f" ([yellow]{s['skipped']} skipped[/])" if s["skipped"] else ""
    con.print(f"{plural(s['documents'], 'document')} read{skipped} · {plural(s['claims'], 'claim')} · "
              f"[bold red]{plural(s['conflicts'], 'conflict')}[/] · [green]{plural(s['agreements'], 'agreement')}[/]"
              + (f" · [cyan]{plural(s['updates'], 'update')}[/]" if s["updates"] else "")
              + (f" · [yellow]{s['unsupported']} unsupported[/] (draft: {', '.join(s['drafts'])})"
                 if report.drafts else ""))


def render_extract_table(rows: Iterable[ExtractRow], out: TextIO, reorder: bool = False, width: int | None = None,
                         color: bool | None = None, **_: Any) -> None:
    con = _console(out, width, color)
    t = Table(title="discrep mentions", title_justify="left")
    for col in ("doc", "kind", "text", "value", "qualifier", "unit", "event", "source"):
        t.add_column(col, no_wrap=True)
    for nd, mentions, claims in rows:
        by_start = {c.mention.start: c for c in claims}
        for m in mentions:
            c = by_start.get(m.start)
            t.add_row(nd.doc.id[:16], m.kind, cell(m.text, 30, reorder), str(m.value), m.qualifier,
                      cell(c.unit or "", 16, reorder) if c else "", (c.event or "") if c else "",
                      cell(c.attributed_to or "", 24, reorder) if c else "")
    con.print(t)


def render_explain(finding: Finding, report: Report, out: TextIO, reorder: bool = False, width: int | None = None,
                   color: bool | None = None, **_: Any) -> None:
    """One finding in full: each claim with its sentence, hedge, interval and attribution."""
    from .ci import Locator
    con = _console(out, width, color)
    loc = Locator(report)
    f = finding
    head = Text(f"{f.id}  ")
    head.append(f.verdict, style=STYLE.get(f.verdict, ""))
    head.append(f"  {f.kind} · {f.topic}" + ("  (draft against sources)" if f.draft else ""))
    con.print(head)
    con.print(cell(f"why: {f.reason}", con.width, reorder, "ltr"))
    if f.rules:
        from ..rules import REGISTRY
        con.print("rules: " + ", ".join(f"{c} {REGISTRY[c].name}" if c in REGISTRY else c for c in f.rules),
                  markup=False, highlight=False)
    if f.severity is not None:
        con.print(f"severity: {f.severity:.2f} (spread of the values relative to the largest)")
    for n, fc in enumerate(f.claims, 1):
        c = fc.claim
        m = c.mention
        line, col = loc.line_col(c)
        role = "draft" if f.draft and n == 1 else "claim"
        con.print(f"\n[bold]{role} {n}[/]  {loc.path(c.doc_id)}:{line}:{col}  ({c.outlet})")
        rows = [("text", m.text), ("value", show_value(c)),
                ("qualifier", m.qualifier + (f" ({m.hedge})" if m.hedge else "")),
                ("interval", f"[{'' if fc.low is None else fc.low}, {'∞' if fc.high is None else fc.high}]"),
                ("counts", c.unit or "—"), ("event", c.event or "—"),
                ("said by", _said_by(c)),
                ("share", ("yes, more besides a figure before" if c.increment else "yes") if c.part else "no"),
                ("running total", "yes" if c.cumulative else "no"),
                ("role rules", ", ".join(c.roles) or "—"),
                ("sentence", c.sentence)]
        for k, v in rows:
            con.print(f"  {k:>13}: " + cell(str(v), max(20, con.width - 18), reorder))


def _frame_notes(c: Claim) -> str:
    """The frame's role and scope, where they say more than "a whole figure"."""
    f = c.frame
    if f is None:
        return ""
    notes = [] if f.role.value == "whole" else [f.role.value.replace("_", " ")]
    if f.anchor is not None and f.anchor.value != "event":
        notes.append(f"dates the {f.anchor.value}")
    sc = f.scope
    notes += (["whole area"] if sc.wide else []) + ([f"in {sc.place}"] if sc.place else []) + \
        ([f"period {sc.period}"] if sc.period else [])
    return "".join(f" · {n}" for n in notes)


def _said_by(c: Claim) -> str:
    """The source's label and the words it was read from; an unnamed source shows its words."""
    if not c.attributed_to:
        return f"an unnamed source ← \"{c.attribution_text}\"" if c.attribution_text else "— (the outlet itself)"
    shown = c.attribution_text and c.attribution_text != c.attributed_to
    return c.attributed_to + (f" ← \"{c.attribution_text}\"" if shown else "")


def render_rules(rules: Iterable[Rule], out: TextIO, full: bool = False, **_: Any) -> None:
    """The rule registry, a line each (code, stage, name, summary), or each rule in full."""
    for r in rules:
        if full:
            out.write(f"{r.code} {r.name} ({r.stage})\n\n{r.doc}\n\n")
        else:
            out.write(f"{r.code}  {r.stage:<7} {r.name:<26} {r.summary}\n")


def render_why_not(traces: list[PairTrace], report: Report, out: TextIO, a: str = "", b: str = "", reorder: bool = False,
                   width: int | None = None, color: bool | None = None, **_: Any) -> None:
    """Each candidate pair of the two figures, with the rules that kept them apart or joined
    them, and decide's word on a joined pair."""
    from ..rules import REGISTRY
    from .ci import Locator
    con = _console(out, width, color)
    loc = Locator(report)
    if not traces:
        con.print(f"no pair: no claim reads {a!r}, or none reads {b!r} (discrep extract lists what was read)",
                  markup=False, highlight=False)
        return

    def where(c: Claim) -> str:
        line, col = loc.line_col(c)
        return f"{c.mention.text!r} ({c.id}, {loc.path(c.doc_id)}:{line}:{col}, {c.outlet}" + (
            f", {c.attributed_to})" if c.attributed_to else ")")

    for n, t in enumerate(traces, 1):
        r = REGISTRY.get(t.align_rule)
        con.print(f"{n}. {where(t.x)}  ×  {where(t.y)}", markup=False, highlight=False)
        for c in (t.x, t.y):
            con.print("   " + cell(f"{c.kind} · counts {c.unit or '—'} · event {c.event or '—'} · "
                                    f"{_said_by(c)}{_frame_notes(c)}", max(30, con.width - 4), reorder, "ltr"),
                      markup=False, highlight=False)
        score = f" (context overlap {t.score:.2f}, cut-off {t.cutoff:.2f})" if t.score is not None else ""
        verb = "joined by" if t.joined else "kept apart by"
        con.print(f"   align: {verb} {t.align_rule} {r.name if r else ''}{score}: {r.summary if r else ''}",
                  markup=False, highlight=False)
        if t.joined and t.decide_rule:
            d = REGISTRY.get(t.decide_rule)
            what = {"conflict": "a conflict", "agree": "an agreement", "update": "an update",
                    None: "no verdict"}[t.verdict] if t.decide_rule in ("D201", "D202", "D205") else "kept apart"
            con.print(f"   decide: {what} by {t.decide_rule} {d.name if d else ''}: {d.summary if d else ''}",
                      markup=False, highlight=False)

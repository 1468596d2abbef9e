"""``--format html``: one self-contained evidence report.

Inline CSS and one small inline script (the filters), no network, no fonts or scripts from
elsewhere.  Each finding shows its verdict, kind, topic and reason, then each claim's whole
sentence with the figure marked, and the outlet, source, date and file:line it came from.
Every sentence is laid out in its own direction (``dir`` and ``lang`` on the element), so
Arabic reads right to left and English left to right on one page.  With ``--against`` the
draft's claim comes first in each finding, as decide puts it."""
from __future__ import annotations

import html
from typing import Any, TextIO

from ..model import Claim, Finding, Report
from . import plural
from .ci import Locator

RTL_LANGS = frozenset({"ar", "fa", "he", "ur"})

CSS = """
:root { --ink:#1d2330; --muted:#5b6475; --line:#d9dde5; --bg:#f6f7f9; --card:#fff;
  --conflict:#b42318; --agree:#1a7f37; --update:#175cd3; --outdated:#b54708; --unsupported:#6b7280; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Naskh Arabic",
  Tahoma, sans-serif; color: var(--ink); background: var(--bg); }
header { padding: 18px 28px; background: var(--card); border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 6px; }
.summary { color: var(--muted); }
.summary b { color: var(--ink); }
.filters { margin-top: 10px; display: flex; gap: 16px; flex-wrap: wrap; align-items: center; }
.filters label { cursor: pointer; user-select: none; }
main { padding: 18px 28px; max-width: 1200px; }
.finding { background: var(--card); border: 1px solid var(--line); border-left: 6px solid var(--muted);
  border-radius: 8px; margin: 0 0 16px; padding: 12px 16px; }
.finding.conflict { border-left-color: var(--conflict); }
.finding.agree { border-left-color: var(--agree); }
.finding.update { border-left-color: var(--update); }
.finding.outdated { border-left-color: var(--outdated); }
.finding.unsupported { border-left-color: var(--unsupported); }
.head { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.verdict { font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .04em;
  padding: 2px 8px; border-radius: 10px; color: #fff; background: var(--muted); }
.conflict .verdict { background: var(--conflict); }
.agree .verdict { background: var(--agree); }
.update .verdict { background: var(--update); }
.outdated .verdict { background: var(--outdated); }
.kind, .id { color: var(--muted); font-size: 13px; }
.topic { font-weight: 600; }
.reason { margin: 6px 0 10px; }
ol.claims { margin: 0; padding: 0; list-style: none; }
ol.claims li { border-top: 1px dashed var(--line); padding: 8px 0; }
.sentence { font-size: 16px; }
.sentence[dir=rtl] { font-size: 17px; }
mark { background: #ffe08a; color: inherit; padding: 0 2px; border-radius: 3px; font-weight: 700; }
.conflict mark { background: #ffd2cc; }
.meta { color: var(--muted); font-size: 13px; }
.meta a { color: inherit; }
.draft-tag { font-size: 11px; font-weight: 700; color: var(--outdated); margin-inline-end: 6px; }
.hidden { display: none; }
"""

SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.name + ':' + b.value] = b.checked; });
    document.querySelectorAll('.finding').forEach(function (f) {
      var show = on['verdict:' + f.dataset.verdict] !== false && on['kind:' + f.dataset.kind] !== false;
      f.classList.toggle('hidden', !show);
    });
    var n = document.querySelectorAll('.finding:not(.hidden)').length;
    document.getElementById('shown').textContent = n;
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
"""


def _esc(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _dir(c: Claim) -> tuple[str, str]:
    code = (c.lang or "").split("-")[0].casefold()
    return code, "rtl" if code in RTL_LANGS else "ltr"


def _sentence(c: Claim) -> str:
    """The claim's whole sentence, its figure marked."""
    s, a = c.sentence, c.mention.start - c.sentence_start
    b = a + (c.mention.end - c.mention.start)
    if not (0 <= a <= b <= len(s)) or s[a:b] != c.mention.text:
        return f"{_esc(s)} <mark>{_esc(c.mention.text)}</mark>" if s else f"<mark>{_esc(c.mention.text)}</mark>"
    return f"{_esc(s[:a])}<mark>{_esc(s[a:b])}</mark>{_esc(s[b:])}"


def _claim(c: Claim, loc: Locator, draft: bool) -> str:
    from ..decide import show_value, who
    code, direction = _dir(c)
    line, col = loc.line_col(c)
    path = loc.path(c.doc_id)
    src = who(c)
    meta = [f"<b>{_esc(show_value(c))}</b>", _esc(c.outlet)]
    if src and src != c.outlet:
        meta.append(_esc(src))
    if c.published:
        meta.append(_esc(c.published.isoformat()))
    meta.append(f'<a href="{_esc(loc.uri(c.doc_id))}">{_esc(path)}:{line}:{col}</a>')
    tag = '<span class="draft-tag">DRAFT</span>' if draft else ""
    lang_attr = f' lang="{_esc(code)}"' if code else ""
    return (f'<li><div class="sentence" dir="{direction}"{lang_attr}>{_sentence(c)}</div>'
            f'<div class="meta" dir="auto">{tag}{" · ".join(meta)}</div></li>')


def _finding(n: int, f: Finding, loc: Locator, drafts: frozenset[str]) -> str:
    claims = "".join(_claim(fc.claim, loc, fc.claim.doc_id in drafts) for fc in f.claims)
    return (f'<section class="finding {_esc(f.verdict)}" data-verdict="{_esc(f.verdict)}" data-kind="{_esc(f.kind)}" '
            f'id="{_esc(f.id)}"><div class="head"><span class="verdict">{_esc(f.verdict)}</span>'
            f'<span class="kind">{_esc(f.kind)}</span><span class="topic" dir="auto">{_esc(f.topic)}</span>'
            f'<span class="id">#{n} · {_esc(f.id)}</span></div>'
            f'<div class="reason" dir="auto">{_esc(f.reason)}</div><ol class="claims">{claims}</ol></section>')


def _filters(report: Report) -> str:
    verdicts = sorted({f.verdict for f in report.findings})
    kinds = sorted({f.kind for f in report.findings})
    parts = ["<span>verdict:</span>"] + [
        f'<label><input type="checkbox" name="verdict" value="{_esc(v)}" checked> {_esc(v)}</label>' for v in verdicts]
    parts += ["<span>kind:</span>"] + [
        f'<label><input type="checkbox" name="kind" value="{_esc(k)}" checked> {_esc(k)}</label>' for k in kinds]
    return f'<div class="filters">{"".join(parts)}<span class="summary">showing <b id="shown">' \
           f'{len(report.findings)}</b></span></div>'


def render_html(report: Report, out: TextIO, **_: Any) -> None:
    s = report.to_dict()["summary"]
    loc = Locator(report)
    drafts = frozenset(report.drafts)
    title = "discrep: drafts checked against sources" if drafts else "discrep findings"
    summary = (f"<b>{plural(s['documents'], 'document')}</b> read, <b>{len(report.skipped)}</b> skipped · "
               f"<b>{plural(s['conflicts'], 'conflict')}</b> · <b>{plural(s['agreements'], 'agreement')}</b> · "
               f"<b>{plural(s['updates'], 'update')}</b>")
    if drafts:
        summary += " · " + " · ".join(f"<b>{report.count(v)}</b> {v}" for v in ("outdated", "unsupported"))
    body = "".join(_finding(n, f, loc, drafts) for n, f in enumerate(report.findings, 1)) or \
        '<p class="summary">No findings.</p>'
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_esc(title)}</h1><div class=\"summary\">{summary}</div>{_filters(report)}</header>"
        f"<main>{body}</main><script>{SCRIPT}</script></body></html>\n")

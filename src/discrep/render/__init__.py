"""Renderers, keyed by ``--format``.  Each takes a Report and a text stream."""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from ..model import Claim, Finding, Mention, NormalizedDoc, Report

ExtractRow = tuple[NormalizedDoc, list[Mention], list[Claim]]   # a document with what was read from it

Render = Callable[..., None]
RENDERERS: dict[str, Render] = {}
EXTRACT_RENDERERS: dict[str, Render] = {}


def renderer(name: str, registry: dict[str, Render] = RENDERERS) -> Callable[[Render], Render]:
    def deco(f: Render) -> Render:
        registry[name] = f
        return f
    return deco


@renderer("json")
def render_json(report: Report, out: TextIO, **_: Any) -> None:
    # one string, one write: json.dump's streaming writes a few bytes at a time, and each
    # write goes through the closed-pipe guard (a million calls for a large report)
    out.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")


@renderer("jsonl")
def render_jsonl(report: Report, out: TextIO, **_: Any) -> None:
    stream_jsonl(report.findings, out)


def stream_jsonl(findings: Iterable[Finding], out: TextIO) -> None:
    """One finding a line, written as it comes (``check --format jsonl`` streams by story)."""
    for f in findings:
        out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")


CSV_FIELDS = ("finding", "verdict", "kind", "topic", "doc", "outlet", "text", "start", "end", "value", "low",
              "high", "qualifier", "unit", "event", "attributed_to", "sentence", "reason")


@renderer("csv")
def render_csv(report: Report, out: TextIO, **_: Any) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for f in report.findings:
        for fc in f.claims:
            d = fc.to_dict()
            w.writerow([f.id, f.verdict, f.kind, f.topic, d["doc"], d["outlet"], d["text"], d["start"], d["end"],
                        d["value"], d["low"], d["high"], d["qualifier"], d["unit"], d["event"],
                        d["attributed_to"], d["sentence"], f.reason])


def _md(s: object) -> str:
    return str(s if s is not None else "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


@renderer("markdown")
def render_markdown(report: Report, out: TextIO, **_: Any) -> None:
    from ..decide import show_value, who
    out.write("| # | verdict | kind | topic | values | reason |\n|---|---|---|---|---|---|\n")
    for n, f in enumerate(report.findings, 1):
        vals = "<br>".join(_md(f"{show_value(fc.claim)} — {fc.claim.outlet} ({who(fc.claim)}): {fc.claim.mention.text}")
                           for fc in f.claims)
        out.write(f"| {n} | **{f.verdict}** | {f.kind} | {_md(f.topic)} | {vals} | {_md(f.reason)} |\n")
    s = report.to_dict()["summary"]
    out.write(f"\n{plural(s['documents'], 'document')}, {plural(s['claims'], 'claim')}, "
              f"{plural(s['conflicts'], 'conflict')}, {plural(s['agreements'], 'agreement')}.\n")


def timeline_records(report: Report, topic: str | None = None) -> list[dict[str, Any]]:
    """Each quantity's values across outlets and days, oldest first (``discrep timeline``):
    one record a finding (an update, a conflict or an agreement), its steps in time order:
    day · value · outlet · source.  ``topic`` keeps the quantities whose topic holds it (any case)."""
    from ..decide import show_value, who
    want = topic.casefold() if topic else None
    out = []
    for f in report.findings:
        if f.kind == "weekday" or (want and want not in f.topic.casefold()):
            continue
        rows = sorted(f.claims, key=lambda fc: (fc.claim.published or dt.date.min, fc.claim.mention.start))
        steps = []
        for fc in rows:
            c = fc.claim
            src = who(c)
            steps.append({"day": c.published.isoformat() if c.published else None, "value": show_value(c),
                          "outlet": c.outlet, "source": src if src != c.outlet else None, "doc": c.doc_id,
                          "text": c.mention.text, "start": c.mention.start, "end": c.mention.end})
        out.append({"finding": f.id, "verdict": f.verdict, "kind": f.kind, "topic": f.topic, "steps": steps})
    return out


@renderer("timeline")
def render_timeline(report: Report, out: TextIO, topic: str | None = None, **_: Any) -> None:
    """Each quantity's values across outlets and days, oldest first: how a toll evolved and
    who said what when.  One block a finding (its verdict and topic), then one line a claim:
    day · value · outlet · source."""
    for q in timeline_records(report, topic):
        out.write(f"{q['topic']} [{q['verdict']}, {q['kind']}]\n")
        for s in q["steps"]:
            out.write(f"  {s['day'] or 'undated'} · {s['value']} · {s['outlet']}"
                      + (f" · {s['source']}" if s["source"] else "") + "\n")
        out.write("\n")
    s = report.to_dict()["summary"]
    out.write(f"{plural(s['documents'], 'document')}, {plural(s['conflicts'], 'conflict')}, "
              f"{plural(s['updates'], 'update')}, {plural(s['agreements'], 'agreement')}.\n")


@renderer("timeline-json")
def render_timeline_json(report: Report, out: TextIO, topic: str | None = None, **_: Any) -> None:
    out.write(json.dumps({"schema": "discrep.timeline/1", "quantities": timeline_records(report, topic)},
                         ensure_ascii=False, indent=2) + "\n")


def plural(n: int, word: str) -> str:
    """ "1 document", "2 documents" """
    return f"{n} {word}" + ("" if n == 1 else "s")


def extract_record(nd: NormalizedDoc, mentions: list[Mention], claims: list[Claim]) -> dict:
    by_start = {c.mention.start: c for c in claims}
    ms = []
    for m in mentions:
        d = m.to_dict()
        c = by_start.get(m.start)
        d["claim"] = c.id if c else None
        d["unit"] = c.unit if c else None
        d["event"] = c.event if c else None
        d["attributed_to"] = c.attributed_to if c else None
        ms.append(d)
    return {"doc": nd.doc.id, "lang": nd.lang, "published": nd.published.isoformat() if nd.published else None,
            "outlet": nd.outlet, "encoding": nd.doc.encoding, "encoding_guessed": nd.doc.encoding_guessed,
            "mentions": ms}


@renderer("jsonl", EXTRACT_RENDERERS)
def extract_jsonl(rows: Iterable[ExtractRow], out: TextIO, **_: Any) -> None:
    for row in rows:
        out.write(json.dumps(extract_record(*row), ensure_ascii=False) + "\n")


@renderer("json", EXTRACT_RENDERERS)
def extract_json(rows: Iterable[ExtractRow], out: TextIO, **_: Any) -> None:
    out.write(json.dumps({"schema": "discrep.extract/1", "documents": [extract_record(*r) for r in rows]},
                         ensure_ascii=False, indent=2))
    out.write("\n")


def _lazy(module: str, name: str):
    """A renderer imported on first use (rich and the CI formats stay out of `import discrep`)."""
    def call(*a: object, **k: Any):
        from importlib import import_module
        return getattr(import_module(f".{module}", __name__), name)(*a, **k)
    return call


RENDERERS["table"] = _lazy("table", "render_table")
EXTRACT_RENDERERS["table"] = _lazy("table", "render_extract_table")
RENDERERS["sarif"] = _lazy("ci", "render_sarif")
RENDERERS["github"] = _lazy("ci", "render_github")
RENDERERS["html"] = _lazy("html", "render_html")
EXPLAIN = _lazy("table", "render_explain")
WHY_NOT = _lazy("table", "render_why_not")
RULES = _lazy("table", "render_rules")


PARQUET_COLUMNS = (("claim", "VARCHAR"), ("doc", "VARCHAR"), ("outlet", "VARCHAR"), ("published", "DATE"),
                   ("lang", "VARCHAR"), ("kind", "VARCHAR"), ("text", "VARCHAR"), ("value_num", "DOUBLE"),
                   ("value_text", "VARCHAR"), ("low", "DOUBLE"), ("high", "DOUBLE"), ("qualifier", "VARCHAR"),
                   ("unit", "VARCHAR"), ("event", "VARCHAR"), ("attributed_to", "VARCHAR"), ("start", "INTEGER"),
                   ("end", "INTEGER"), ("sentence", "VARCHAR"), ("findings", "VARCHAR[]"), ("verdicts", "VARCHAR[]"))


@renderer("parquet")
def render_parquet(report: Report, out: TextIO, **_: Any) -> None:
    """Every claim as a row of a Parquet file, for analysts (written by DuckDB, so no
    pyarrow is needed): its value, unit, event, source and offsets, and the findings and
    verdicts that hold it.  Binary, to standard output: ``--format parquet > claims.parquet``."""
    import os
    import tempfile

    import duckdb
    held: dict[str, list[tuple[str, str]]] = {}
    for f in report.findings:
        for fc in f.claims:
            held.setdefault(fc.claim.id, []).append((f.id, f.verdict))
    from ..model import numeric
    rows = []
    for c in report.claims:
        m = c.mention
        value = numeric(m.value)
        hf = held.get(c.id, [])
        rows.append([c.id, c.doc_id, c.outlet, c.published, c.lang, c.kind, m.text, value,
                     None if value is not None else str(m.value), numeric(m.low), numeric(m.high), m.qualifier,
                     c.unit, c.event, c.attributed_to, m.start, m.end, c.sentence, [h[0] for h in hf],
                     [h[1] for h in hf]])
    con = duckdb.connect()
    fd, path = tempfile.mkstemp(suffix=".parquet")
    os.close(fd)
    try:
        con.execute("CREATE TABLE claims (" + ", ".join(f'"{n}" {t}' for n, t in PARQUET_COLUMNS) + ")")
        if rows:
            con.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * len(PARQUET_COLUMNS))})", rows)
        con.execute(f"COPY claims TO '{path}' (FORMAT PARQUET)")
        con.close()
        with open(path, "rb") as fh:
            data = fh.read()
    finally:
        os.unlink(path)
    buf = getattr(out, "buffer", None)
    if buf is None:
        raise ValueError("--format parquet writes bytes: redirect it to a file")
    out.flush()
    buf.write(data)
    buf.flush()

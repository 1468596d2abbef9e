"""Properties that hold for any text (hypothesis, a bounded number of examples, derandomized
so that CI is repeatable): extraction never raises and its offsets slice the raw text, the
offset map is monotonic, JSON output round-trips, and CSV and markdown never break on a
pipe, comma or newline inside a sentence."""
from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrep.extract import extract
from discrep.model import Document
from discrep.normalize import normalize
from discrep.pipeline import check_documents
from discrep.render import CSV_FIELDS, RENDERERS
from discrep.settings import Settings

BOUNDED = settings(max_examples=60, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# pieces that make mentions likely, next to anything else Unicode has: Arabic letters,
# diacritics and tatweel, Arabic-Indic digits, bidi marks and isolates, C0/C1 controls
PIECES = ["قتل", "ثلاثة", "شباط", "2026", "١٢٠", "نحو", "في المئة", "%", "killed", "about", "three", "March",
          "9", "1,500", "-", "/", ".", ",", "|", "\n", " ", "\u0640", "\u064e", "\u0651", "\u200f", "\u200e",
          "\u202b", "\u202c", "\u2067", "\u2069", "\x00", "\x1b", "\r", "\u00a0", "\ufeff", "\u2028"]
text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


@BOUNDED
@given(text, st.sampled_from([None, "ar", "en"]))
def test_extract_never_raises_and_offsets_slice_the_raw_text(t, lang):
    nd = normalize(Document(id="p", text=t, lang=lang))
    for m in extract(nd):
        assert t[m.start:m.end] == m.text
        assert 0 <= m.start <= m.end <= len(t)


@BOUNDED
@given(text)
def test_offset_map_is_monotonic(t):
    nd = normalize(Document(id="p", text=t))
    assert list(nd.shift_at) == sorted(nd.shift_at)
    assert list(nd.shift_by) == sorted(nd.shift_by)
    raw = [nd.raw_offset(i) for i in range(len(nd.norm) + 1)]
    assert all(a < b for a, b in zip(raw, raw[1:]))
    assert all(0 <= r <= len(t) for r in raw)


def _pair(noise_a: str, noise_b: str) -> list[Document]:
    """Two outlets in conflict, their sentences full of noise."""
    return [Document(id="a", text=f"The ministry said 120 prisoners escaped from the jail {noise_a}.", lang="en",
                     outlet="A, | Wire"),
            Document(id="b", text=f"The ministry said 1,500 prisoners escaped from the jail {noise_b}.", lang="en",
                     outlet="B\n\"News\"")]


@BOUNDED
@given(text, text)
def test_json_output_is_valid_and_round_trips(a, b):
    report = check_documents(_pair(a, b) + [Document(id="c", text=a + b)], Settings(jobs=1))
    out = io.StringIO()
    RENDERERS["json"](report, out)
    data = json.loads(out.getvalue())
    assert data == json.loads(json.dumps(report.to_dict(), ensure_ascii=False, allow_nan=False))
    for line in filter(None, _render("jsonl", report).split("\n")):
        json.loads(line)


def _render(fmt: str, report) -> str:
    out = io.StringIO()
    RENDERERS[fmt](report, out)
    return out.getvalue()


@BOUNDED
@given(st.lists(st.sampled_from(["|", ",", "\n", "\r\n", '"', "\\", " ", "x", "قتل"]), max_size=20).map("".join))
def test_csv_and_markdown_survive_pipes_commas_and_newlines(noise):
    report = check_documents(_pair(noise, noise[::-1]), Settings(jobs=1))
    assert report.conflicts == 1
    rows = list(csv.reader(io.StringIO(_render("csv", report))))
    assert rows[0] == list(CSV_FIELDS)
    assert len(rows) == 1 + sum(len(f.claims) for f in report.findings)
    assert all(len(r) == len(CSV_FIELDS) for r in rows)
    assert {r[CSV_FIELDS.index("outlet")] for r in rows[1:]} == {"A, | Wire", 'B\n"News"'}
    md = _render("markdown", report).split("\n\n")[0].split("\n")
    cells = lambda line: len(line.replace("\\\\", "").replace("\\|", "").split("|"))
    assert len(md) == 2 + len(report.findings)
    assert all(line.startswith("|") and cells(line) == cells(md[0]) for line in md)


JSONISH = [b'{"text": "5 killed"}', b'{"text": "\xd9\x82\xd8\xaa\xd9\x84 3", "story": "a"}', b"\n", b"\r\n", b"{",
           b"}", b'"', b"[", b"]", b",", b" ", b"\x00", b"\x01", b"\xff", b"\xfe", b"\xd8", b"\xef\xbb\xbf", b'{"text": 3}',
           b'{"text": "x", "published": "2026-13-40"}', b"%PDF-", "\u2028".encode()]


@BOUNDED
@given(st.one_of(st.binary(max_size=300), st.lists(st.sampled_from(JSONISH), max_size=30).map(b"".join)),
       st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_any_bytes_are_read_or_refused_with_a_reason(data, suffix):
    """Whatever a file holds, reading it gives documents or an InputError with a status,
    never another exception; with skip_bad, never an exception at all."""
    import tempfile
    from pathlib import Path

    from discrep.errors import InputError
    from discrep.load import StoryIndex, read_inputs
    with tempfile.TemporaryDirectory() as tmp:
        p = str(Path(tmp) / f"x{suffix}")
        Path(p).write_bytes(data)
        try:
            read_inputs([p])
        except InputError as e:
            assert e.status in {"empty", "binary", "undecodable", "malformed"}
        docs, skipped = read_inputs([p], skip_bad=True)
        index = StoryIndex([p], skip_bad=True)
        assert sorted(d.id for s in index for d in s) == sorted(d.id for d in docs)
        assert [s.status for s in index.skipped] == [s.status for s in skipped]
        check_documents(docs, Settings(jobs=1), skipped)

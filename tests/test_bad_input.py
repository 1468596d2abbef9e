"""Bad input and hostile text: a clear error or a reported skip for every case, never a
crash, a hang or a silently dropped document."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile

import pytest
from typer.testing import CliRunner

from discrep.cli import app
from discrep.errors import InputError
from discrep.load import StoryIndex, decode, load, read_inputs
from discrep.model import Document
from discrep.pipeline import check_documents
from discrep.settings import Settings

runner = CliRunner()
AR = "فر 120 سجينا من سجن الحسكة يوم 9 شباط 2026"
EN = "About 120 prisoners escaped from the Hasaka jail on 9 February 2026."


def write(p, data):
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(p)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", EN)
    return buf.getvalue()


# (file name, bytes, status, words in the problem)
BAD = [
    ("empty.txt", b"", "empty", "empty"),
    ("blank.md", b"  \n\t\n", "empty", "white space"),
    ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary", "PDF"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "PNG"),
    ("archive.md", _zip(), "binary", "ZIP"),
    ("scan.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary", "JPEG"),
    ("noise.txt", bytes(range(256)) * 4, "binary", "binary"),
    ("bad16.txt", b"\xff\xfe" + b"\x00\xd8", "undecodable", "UTF-16"),
    ("bad.jsonl", b'{"text": "ok"}\nnot json\n', "malformed", "not valid JSON"),
    ("notext.jsonl", b'{"title": "no text"}\n', "malformed", "no 'text'"),
    ("numtext.jsonl", b'{"text": 5}\n', "malformed", "not a string"),
    ("date.jsonl", b'{"text": "x", "published": "yesterday"}\n', "malformed", "published"),
    ("list.json", b'[{"text": "ok"}, 7]', "malformed", "not a JSON object"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "malformed", "JSON"),
    ("deep.jsonl", b'{"text": "ok"}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n", "malformed", "nested too deeply"),
    ("doc.pdf", b"%PDF-1.4", "unsupported", "unsupported file type"),
]


@pytest.mark.parametrize("name, data, status, words", BAD)
def test_bad_input_stops_with_a_clear_error(tmp_path, name, data, status, words):
    p = write(tmp_path / name, data)
    with pytest.raises(InputError) as e:
        load([p])
    assert e.value.status == status and words in e.value.problem and e.value.where.startswith(p)
    r = runner.invoke(app, ["check", p, "--no-config"])
    assert r.exit_code == 2 and words in r.stderr and "Traceback" not in r.output
    assert r.stdout == ""


@pytest.mark.parametrize("name, data, status, words", BAD)
def test_skip_bad_reports_what_was_skipped(tmp_path, name, data, status, words):
    good = write(tmp_path / "good.txt", EN)
    bad = write(tmp_path / name, data)
    docs, skipped = read_inputs([good, bad], skip_bad=True)
    # a container (.json, .jsonl) loses only its bad record; any other bad file is skipped whole
    assert docs[0].id == "good" and all(d.path != bad or name.endswith((".json", ".jsonl")) for d in docs[1:])
    assert [(s.status, s.path) for s in skipped] == [(status, bad)] and words in skipped[0].reason
    r = runner.invoke(app, ["check", good, bad, "--skip-bad", "--format", "json", "--no-config"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    entry = [d for d in out["documents"] if d["status"] != "read"]
    assert [(d["status"], d["path"]) for d in entry] == [(status, bad)]
    assert out["summary"]["skipped"] == 1 and out["summary"]["read"] >= 1
    assert words in r.stderr and "skipped" in r.stderr
    quiet = runner.invoke(app, ["check", good, bad, "--skip-bad", "-q", "--format", "json", "--no-config"])
    assert quiet.stderr == ""
    # the streamed path indexes the same inputs and skips the same ones
    index = StoryIndex([good, bad], skip_bad=True)
    assert [(s.status, s.path) for s in index.skipped] == [(status, bad)]


def test_malformed_records_are_skipped_one_by_one(tmp_path):
    p = write(tmp_path / "wire.jsonl", "\n".join([
        json.dumps({"id": "a", "text": EN}), "{broken", json.dumps({"id": "b", "text": 3}),
        json.dumps({"id": "c", "text": AR, "lang": "ar"})]))
    with pytest.raises(InputError, match=r"wire\.jsonl:2"):
        load([p])
    docs, skipped = read_inputs([p], skip_bad=True)
    assert [d.id for d in docs] == ["a", "c"]
    assert [s.where.rsplit("/", 1)[-1] for s in skipped] == ["wire.jsonl:2", "wire.jsonl:3"]
    r = runner.invoke(app, ["check", p, "--skip-bad", "--format", "jsonl", "--no-config"])
    assert r.exit_code == 0 and "wire.jsonl:2" in r.stderr and "wire.jsonl:3" in r.stderr


def test_an_unsupported_file_in_a_folder_is_listed_not_dropped(tmp_path):
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "scan.pdf", b"%PDF-1.4")
    write(tmp_path / ".DS_Store", b"\x00\x01")
    r = runner.invoke(app, ["check", str(tmp_path), "--format", "json", "--no-config"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert [(d["status"], os.path.basename(d["path"])) for d in out["documents"]] == \
        [("read", "a.txt"), ("unsupported", "scan.pdf")]
    assert "scan.pdf" in r.stderr
    table = runner.invoke(app, ["check", str(tmp_path), "--no-config"])
    assert "1 document read (1 skipped)" in table.stdout and "scan.pdf" not in table.stdout


@pytest.mark.parametrize("data, encoding, guessed", [
    (AR.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + AR.encode("utf-8"), "utf-8-sig", False),
    (AR.encode("utf-16"), "utf-16", False),
    (AR.encode("utf-32"), "utf-32", False),
    (AR.encode("utf-16-le"), "utf-16 (no BOM)", True),
    (AR.encode("utf-16-be"), "utf-16 (no BOM)", True),
    (EN.encode("utf-16-le"), "utf-16 (no BOM)", True),
    (AR.encode("cp1256"), "cp1256", True),
])
def test_encodings(data, encoding, guessed):
    text, enc, g, notes = decode(data, "x.txt")
    assert (enc, g) == (encoding, guessed)
    assert "120" in text and ("سجن" in text or "jail" in text) and notes == ()


def test_a_file_mixing_encodings_keeps_every_line(tmp_path):
    data = (EN + "\n").encode("utf-8") + AR.encode("cp1256") + b"\n" + "قتل 7 أشخاص".encode("utf-8")
    p = write(tmp_path / "mixed.txt", data)
    r = runner.invoke(app, ["check", p, "--format", "json", "--no-config"])
    assert r.exit_code == 0 and "mixed" in r.stderr
    d, = load([p])
    assert "Hasaka" in d.text and "سجن الحسكة" in d.text and "قتل 7" in d.text
    assert d.encoding.startswith("mixed") and d.encoding_guessed


def test_missing_path_permission_and_empty_folder(tmp_path):
    r = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), "--skip-bad"])
    assert r.exit_code == 2 and "no such file" in r.stderr        # a typo is never skipped
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / "x.pdf", b"%PDF-1.4")
    r = runner.invoke(app, ["check", str(tmp_path / "empty")])
    assert r.exit_code == 2 and "holds no" in r.stderr
    locked = tmp_path / "locked.txt"
    write(locked, EN)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        r = runner.invoke(app, ["check", str(locked)])
        assert r.exit_code == 2 and "permission denied" in r.stderr
    finally:
        locked.chmod(0o644)


def test_symlink_loops_and_many_small_files(tmp_path):
    root = tmp_path / "wires"
    (root / "a" / "b").mkdir(parents=True)
    os.symlink(root, root / "a" / "b" / "loop")                    # wires/a/b/loop -> wires
    os.symlink(root / "a", root / "a" / "self")
    for k in range(3000):
        write(root / "a" / f"{k:05d}.txt", f"{k} people were evacuated from the town.")
    docs, skipped = read_inputs([str(root)])
    assert len(docs) == 3000 and not skipped
    assert len({d.path for d in docs}) == 3000


def test_a_folder_of_50000_small_files_is_walked(tmp_path):
    root = tmp_path / "archive"
    root.mkdir()
    for k in range(50_000):
        (root / f"{k:05d}.txt").write_bytes(b"5 killed")
    t = time.perf_counter()
    index = StoryIndex([str(root)])
    assert index.count == 50_000 and not index.skipped
    assert time.perf_counter() - t < 120                             # a hang guard, not a benchmark


HOSTILE = [
    ("100,000 digits", "The count was " + "7" * 100_000 + " people.", "en"),
    ("Arabic-Indic digits", "قتل " + "٣" * 100_000 + " شخصا", "ar"),
    ("nested brackets", "(" * 500_000 + "5 killed" + ")" * 500_000, "en"),
    ("nested quotes", '"' * 500_000 + "«" * 250_000 + "قتل 5" + "»" * 250_000, "ar"),
    ("diacritics", "قتل" + "\u064e\u0651\u0650" * 100_000 + " 5 أشخاص", "ar"),
    ("tatweel", "قـ" + "ـ" * 200_000 + "تل 5 أشخاص يوم 9 شباط", "ar"),
    ("one long line", ("Officials said 5 people were killed and 12 injured in Homs on 9 February 2026, "
                       "while 40 were wounded in Hama. ") * 8000, "en"),
    ("bidi and controls", ("\u202e12\u202c قتيلا \u200f5\u200e \x00\x1b[31m9 killed\x07\r" * 20_000), "ar"),
]


@pytest.mark.parametrize("name, text, lang", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_text_is_read_without_crash_or_hang(name, text, lang):
    doc = Document(id="x", text=text, lang=lang)
    t = time.perf_counter()
    report = check_documents([doc], Settings(jobs=1))
    assert time.perf_counter() - t < 60                              # a hang guard, not a benchmark
    for c in report.claims:
        m = c.mention
        assert text[m.start:m.end] == m.text


def test_a_10_mb_line_is_read(tmp_path):
    """A 10 MB file with no line break (a scraped page run together); a figure every 2 kB.
    bench/adversarial.py shows the denser cases grow linearly."""
    unit = "the delegations discussed the draft while the mediators listened carefully " * 26
    line = "".join(f"{unit}The ministry said {k % 90 + 10} prisoners escaped from the jail. " for k in range(5000))
    line = (line * (10_000_000 // len(line) + 1))[:10_000_000]
    p = write(tmp_path / "one-line.txt", line)
    r = runner.invoke(app, ["extract", p, "--format", "jsonl", "--lang", "en"])
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert len(rec["mentions"]) >= 4900
    assert all(line[m["start"]:m["end"]] == m["text"] for m in rec["mentions"][::97])


def _discrep(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "discrep", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            **kw)


def test_a_closed_pipe_exits_quietly(root, tmp_path):
    lines = "\n".join(json.dumps({"id": f"d{k}", "story": f"s{k // 3}", "lang": "en",
                                  "text": f"About {40 + k % 3 * 50} people were killed in Homs on 9 May."})
                      for k in range(600))
    p = write(tmp_path / "many.jsonl", lines)
    for fmt in ("table", "jsonl", "csv"):
        proc = _discrep("check", p, "--format", fmt, "--no-config")
        first = proc.stdout.readline()
        proc.stdout.close()                                           # `| head -1`
        proc.wait(timeout=120)
        err = proc.stderr.read().decode()
        assert first and "Traceback" not in err and "Exception" not in err and "Error" not in err, err


def test_ctrl_c_prints_one_line_and_exits_130(tmp_path):
    lines = "\n".join(json.dumps({"id": f"d{k}", "story": f"s{k // 4}", "lang": "en", "text": EN * 40})
                      for k in range(4000))
    p = write(tmp_path / "big.jsonl", lines)
    proc = _discrep("check", p, "--format", "jsonl", "--jobs", "2", "--no-config")
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines() == ["discrep: interrupted"]


def test_a_jsonl_file_read_whole_reports_each_bad_record_once(tmp_path):
    """A bad record, then a Windows-1256 line: the streamed index falls back to reading
    the file whole, and the bad record is still listed once."""
    data = (json.dumps({"id": "a", "text": EN}) + "\n{broken\n").encode() + \
        json.dumps({"id": "b", "text": AR}, ensure_ascii=False).encode("cp1256") + b"\n"
    p = write(tmp_path / "legacy.jsonl", data)
    index = StoryIndex([p], skip_bad=True)
    docs, skipped = read_inputs([p], skip_bad=True)
    assert [s.where for s in index.skipped] == [s.where for s in skipped] == [f"{p}:2"]
    assert sorted(d.id for s in index for d in s) == sorted(d.id for d in docs) == ["a", "b"]


def test_permission_denied_is_named_even_as_root(tmp_path, monkeypatch):
    """The chmod test above cannot fail reading as root (CI): the same path, simulated."""
    from pathlib import Path
    p = write(tmp_path / "locked.txt", EN)
    real = Path.read_bytes

    def deny(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError) as e:
        load([p])
    assert e.value.status == "unreadable" and "permission denied" in e.value.problem
    good = write(tmp_path / "good.txt", EN)
    docs, skipped = read_inputs([good, p], skip_bad=True)
    assert [d.id for d in docs] == ["good"] and [s.status for s in skipped] == ["unreadable"]


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("data", [b"", b"  \n\t"])
def test_empty_stdin_is_an_empty_input(fmt, data):
    r = runner.invoke(app, ["check", "-", "--format", fmt, "--no-config"], input=data)
    assert r.exit_code == 2 and "standard input is empty" in r.stderr
    r = runner.invoke(app, ["check", "-", "--format", fmt, "--no-config", "--skip-bad"], input=data)
    assert r.exit_code == 0 and "skipped stdin (empty)" in r.stderr

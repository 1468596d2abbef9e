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
    data = (EN + "\n").encode("utf-8") + AR.encode("cp1256") + b"\n" + "قتل 7 أشخاص".encode()
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


def test_a_folder_of_10000_small_files_is_walked(tmp_path):
    """bench/adversarial.py and bench/perf.py take the walk to larger folders."""
    root = tmp_path / "archive"
    root.mkdir()
    for k in range(10_000):
        (root / f"{k:05d}.txt").write_bytes(b"5 killed")
    index = StoryIndex([str(root)])
    assert index.count == 10_000 and not index.skipped


HOSTILE = [
    ("100,000 digits", "The count was " + "7" * 100_000 + " people.", "en"),
    ("Arabic-Indic digits", "قتل " + "٣" * 100_000 + " شخصا", "ar"),
    ("nested brackets", "(" * 500_000 + "5 killed" + ")" * 500_000, "en"),
    ("nested quotes", '"' * 500_000 + "«" * 250_000 + "قتل 5" + "»" * 250_000, "ar"),
    ("diacritics", "قتل" + "\u064e\u0651\u0650" * 100_000 + " 5 أشخاص", "ar"),
    ("tatweel", "قـ" + "ـ" * 200_000 + "تل 5 أشخاص يوم 9 شباط", "ar"),
    ("one long line", ("Officials said 5 people were killed and 12 injured in Homs on 9 February 2026, "
                       "while 40 were wounded in Hama. ") * 2000, "en"),
    ("bidi and controls", ("\u202e12\u202c قتيلا \u200f5\u200e \x00\x1b[31m9 killed\x07\r" * 5_000), "ar"),
    ("English number words", "one hundred and " * 20_000, "en"),
    ("Arabic number words", "ثلاثة و " * 20_000, "ar"),
]
CPU_SECONDS = 120          # a hang guard in CPU time (a loaded machine's waiting does not count)


def _cpu_limited(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter that the kernel stops after CPU_SECONDS of CPU."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, preexec_fn=limit)


@pytest.mark.parametrize("name, text, lang", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_text_is_read_without_crash_or_hang(tmp_path, name, text, lang):
    p = tmp_path / "hostile.txt"
    p.write_text(text, encoding="utf-8")
    code = ("import json, sys\n"
            "from discrep.model import Document\n"
            "from discrep.pipeline import check_documents\n"
            "from discrep.settings import Settings\n"
            f"text = open({str(p)!r}, encoding='utf-8').read()\n"
            f"report = check_documents([Document(id='x', text=text, lang={lang!r})], Settings(jobs=1))\n"
            "bad = [c.mention.text for c in report.claims if text[c.mention.start:c.mention.end] != c.mention.text]\n"
            "print(json.dumps({'claims': len(report.claims), 'bad': bad}))\n")
    proc = _cpu_limited(code)
    assert proc.returncode == 0, f"{name}: exit {proc.returncode} (-24 is the CPU limit) {proc.stderr[-500:]}"
    assert json.loads(proc.stdout)["bad"] == []


def test_a_long_line_is_read(tmp_path):
    """A 2 MB file with no line break (a scraped page run together); a figure every 2 kB.
    bench/adversarial.py shows this and the denser cases grow linearly to 10 MB."""
    unit = "the delegations discussed the draft while the mediators listened carefully " * 26
    line = "".join(f"{unit}The ministry said {k % 90 + 10} prisoners escaped from the jail. " for k in range(1000))
    line = (line * (2_000_000 // len(line) + 1))[:2_000_000]
    p = write(tmp_path / "one-line.txt", line)
    r = runner.invoke(app, ["extract", p, "--format", "jsonl", "--lang", "en"])
    assert r.exit_code == 0
    rec = json.loads(r.stdout)
    assert len(rec["mentions"]) >= 980
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
        proc.wait(timeout=600)                                        # stops a hang only
        err = proc.stderr.read().decode()
        assert first and "Traceback" not in err and "Exception" not in err and "Error" not in err, err


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


# ---- round two: every failure is one line with its exit code, never a traceback or a hang --

from discrep import cli  # noqa: E402
from discrep import lang as langs  # noqa: E402

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")
FORMATS = ["table", "json", "jsonl", "csv", "markdown", "sarif", "github"]


def one_line(err: str) -> str:
    lines = [ln for ln in err.strip().splitlines() if ln]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


class _Full(io.StringIO):
    """Standard output on a full disk."""

    def write(self, s):
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("args", [["check", SEEDS, "-f", f] for f in FORMATS] +
                         [["extract", SEEDS, "-f", f] for f in ("table", "json", "jsonl")])
def test_a_full_disk_is_one_line_and_exit_2(monkeypatch, capsys, args):
    monkeypatch.setattr(sys, "stdout", _Full())
    assert cli.run(args + ["--no-config"] * (args[0] == "check")) == 2
    assert one_line(capsys.readouterr().err) == "discrep: error: cannot write the output: No space left on device"


def test_dev_full_as_a_user_meets_it(tmp_path):
    """The same through a real process writing to /dev/full."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "discrep", "check", SEEDS, "--no-config"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=600)
    assert proc.returncode == 2 and "No space left" in one_line(proc.stderr)


def _fifo(path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("skip_bad, code", [(False, 2), (True, 0)])
def test_a_named_pipe_given_as_a_path_is_refused_not_opened(tmp_path, skip_bad, code):
    """Opening a FIFO waits for a writer forever; it is refused from its type alone.  The
    subprocess's timeout only stops a hang: the run takes a second."""
    p = _fifo(tmp_path / "wire.txt")
    proc = subprocess.run([sys.executable, "-m", "discrep", "check", p, "--no-config"] + ["--skip-bad"] * skip_bad,
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == code and "named pipe" in one_line(proc.stderr)


def test_a_fifo_a_dangling_link_and_a_loop_inside_a_folder_are_listed(tmp_path):
    write(tmp_path / "a.txt", EN)
    _fifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")
    write(tmp_path / "discrep.toml", "tolerance = 0.1\n")          # configuration, not an input
    r = runner.invoke(app, ["check", str(tmp_path), "-f", "json", "--no-config"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert sorted((os.path.basename(d["path"]), d["status"]) for d in out["documents"] if d["status"] != "read") == \
        [("dangling.txt", "unreadable"), ("pipe.txt", "unsupported"), ("self.txt", "unreadable")]
    assert out["summary"]["read"] == 1 and "discrep.toml" not in r.output
    index = StoryIndex([str(tmp_path)])
    assert index.count == 1 and len(index.skipped) == 3


def test_dev_stdin_names_standard_input(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "discrep", "check", "/dev/stdin", "-f", "json", "--no-config"],
                          input=EN.encode(), capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["summary"]["read"] == 1


LANG_FIELDS = [("fr", None), ("common", None), ("../../x/evil/copy", None), ("AR", "ar"), ("en-US", "en"),
               ("en_GB", "en"), ("ar-SY", "ar")]


@pytest.mark.parametrize("value, code", LANG_FIELDS)
@pytest.mark.parametrize("container", ["md", "jsonl"])
def test_a_document_lang_is_a_known_code_or_a_warning(tmp_path, value, code, container):
    if container == "md":
        p = write(tmp_path / "a.md", f"---\nlang: {value}\n---\n{EN}\n")
    else:
        p = write(tmp_path / "a.jsonl", json.dumps({"text": EN, "lang": value}) + "\n")
    for extra in ([], ["--skip-bad"]):
        r = runner.invoke(app, ["check", p, "-f", "json", "--no-config"] + extra)
        assert r.exit_code == 0 and "Traceback" not in r.output, r.output
        doc, = json.loads(r.stdout)["documents"]
        assert doc["lang"] == (code or "en")                        # detected when unknown
        assert ("unknown language" in r.stderr) == (code is None)


def test_no_language_file_is_named_by_input(tmp_path, monkeypatch):
    """The path the field spells is never opened: a poisoned TOML there would crash the run."""
    evil = tmp_path / "x" / "evil"
    evil.mkdir(parents=True)
    (evil / "copy.toml").write_text("this is = = not toml", encoding="utf-8")
    monkeypatch.chdir(evil)
    for code in ("../../x/evil/copy", "common", "/etc/passwd", "fr"):
        with pytest.raises(ValueError):
            langs.raw(code)
        assert langs.canonical(code) is None
    d = Document(id="d", text=EN, lang="../../x/evil/copy")
    assert check_documents([d], Settings(jobs=1)).documents[0].lang == "en"


def test_a_lone_surrogate_is_replaced_and_warned(tmp_path):
    p = write(tmp_path / "a.jsonl", '{"id": "s\\udc80", "text": "About 120 prisoners \\ud800 escaped on 9 May."}\n')
    for fmt in FORMATS:
        r = runner.invoke(app, ["check", p, "-f", fmt, "--no-config"])
        assert r.exit_code == 0 and "Traceback" not in r.output, (fmt, r.output)
        assert "lone surrogate" in r.stderr
    d, = load([p])
    assert "\ud800" not in d.text and "\ufffd" in d.text and len(d.text) == 39


@pytest.mark.parametrize("args, code", [
    ([], 1), (["--exit-zero"], 0), (["--fail-on", "never"], 0), (["-f", "jsonl"], 1), (["-f", "jsonl", "--exit-zero"], 0),
    (["-f", "csv", "--fail-on", "never"], 0)])
def test_a_closed_pipe_obeys_the_gate(tmp_path, args, code):
    """`discrep check seeds/ … | head -1`: quiet, and the exit code says what the gate says."""
    lines = "\n".join(json.dumps({"id": f"d{k}", "story": f"s{k // 2}", "lang": "en",
                                  "text": f"About {40 + k % 2 * 500} people were killed in Homs on 9 May."})
                      for k in range(3000))
    p = write(tmp_path / "many.jsonl", lines)
    proc = _discrep("check", p, "--no-config", *args)
    first = proc.stdout.readline()
    proc.stdout.close()
    proc.wait(timeout=600)
    err = proc.stderr.read().decode()
    assert first and err.strip() == "" and proc.returncode == code, (proc.returncode, err)


def test_an_internal_error_is_exit_3_with_one_line(monkeypatch, capsys):
    import discrep.pipeline as pipeline

    def boom(*a, **k):
        raise RuntimeError("a bug\nover two lines")

    monkeypatch.setattr(pipeline, "check_documents", boom)
    assert cli.run(["check", SEEDS, "--no-config"]) == 3
    line = one_line(capsys.readouterr().err)
    assert line.startswith("discrep: internal error: RuntimeError: a bug over two lines") and "-v" in line
    assert cli.run(["check", SEEDS, "--no-config", "-v"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("discrep: internal error")


@pytest.mark.parametrize("args, words", [
    (["check", "--bogus", SEEDS], "No such option: --bogus"),
    (["chek", SEEDS], "No such command 'chek'"),
    (["check"], "Missing argument"),
    (["check", SEEDS, "-f", "xml"], "'xml' is not one of"),
    (["check", SEEDS, "--jobs", "-3"], "--jobs"),
    (["check", SEEDS, "--stdin-format", "pdf"], "--stdin-format"),
])
def test_a_usage_error_is_one_line(capsys, args, words):
    assert cli.run(args) == 2
    line = one_line(capsys.readouterr().err)
    assert line.startswith("discrep: error: ") and words in line and "--help" in line


def test_help_keeps_its_brackets():
    r = runner.invoke(app, ["check", "--help"], terminal_width=200)
    assert "[tool.discrep]" in r.stdout


def test_a_broken_utf8_byte_is_replaced_not_read_as_cp1256(tmp_path):
    raw = AR.encode("utf-8")
    cut = raw.index("الحسكة".encode()) + 1                       # inside a two-byte letter
    p = write(tmp_path / "one-line.txt", raw[:cut] + raw[cut + 1:])
    d, = load([p])
    assert d.encoding == "utf-8" and not d.encoding_guessed and "\ufffd" in d.text
    assert "فر 120 سجينا من سجن" in d.text and d.notes and "line 1" in d.notes[0]
    for cmd, fmt in (("check", "json"), ("extract", "json"), ("extract", "jsonl"), ("extract", "table")):
        r = runner.invoke(app, [cmd, p, "-f", fmt])
        assert r.exit_code == 0 and "invalid UTF-8" in r.stderr, (cmd, fmt, r.output)
    out = json.loads(runner.invoke(app, ["extract", p, "-f", "json"]).stdout)
    assert out["documents"][0]["encoding"] == "utf-8"


def test_most_of_a_line_in_cp1256_is_still_cp1256():
    text, enc, guessed, notes = decode(AR.encode("cp1256") + b"\n" + "قتل 7".encode(), "x.txt")
    assert "سجن الحسكة" in text and enc.startswith("mixed") and guessed


@pytest.mark.parametrize("data, args, expect, warned", [
    ("[Breaking] 5 people were killed on Monday.", [], 5, True),
    ("{draft} 5 people were killed on Monday.", [], 5, True),
    ("[Breaking] 5 people were killed on Monday.", ["--stdin-format", "txt"], 5, False),
    ("<!DOCTYPE html><html><body><script>var killed = 55;</script><p>12 people were killed.</p></body></html>",
     [], 12, False),
    ("<p>12 people were killed.</p><script>var killed = 55;</script>", ["--stdin-format", "html"], 12, False),
    ('{"text": "7 people were killed."}', [], 7, False),
    ('{"text": "7 people were killed."}\n{"text": "8 people were killed."}', ["--stdin-format", "jsonl"], 7, False),
])
def test_stdin_says_what_it_is(data, args, expect, warned):
    for cmd in (["extract", "-", "-f", "jsonl"], ["extract", "-", "-f", "json"]):
        r = runner.invoke(app, cmd + args, input=data.encode())
        assert r.exit_code == 0, r.output
        recs = [json.loads(x) for x in r.stdout.splitlines()] if cmd[-1] == "jsonl" else \
            json.loads(r.stdout)["documents"]
        values = [m["value"] for m in recs[0]["mentions"] if m["kind"] == "number"]
        assert values == [expect] and ("not JSON" in r.stderr) == warned


def test_bidi_turns_only_the_arabic_runs():
    from discrep.render.bidi import visual_line
    reason = "2026-02-09 (الفاصل) vs 2026-02-10 (قناة): dates do not overlap"
    out = visual_line(reason, "ltr")
    assert out.startswith("2026-02-09 (") and out.index("2026-02-09") < out.index("2026-02-10")
    assert out.endswith(": dates do not overlap")
    r = runner.invoke(app, ["check", SEEDS, "--bidi", "on", "--no-config"], terminal_width=200)
    assert r.stdout.count("overlap") >= 4 and "palrevo" not in r.stdout and "setad" not in r.stdout


SOURCE = "About 300 prisoners escaped from the Hasaka jail on 9 February 2026, the SDF said."
DRAFT = "About 120 prisoners escaped from the Hasaka jail on 9 February 2026, the SDF said."


def _drafts(folder):
    """The same draft as JSON Lines, JSON and HTML, each placing the figure elsewhere in its file."""
    folder.mkdir()
    (folder / "d.jsonl").write_text(json.dumps({"id": "w", "text": "nothing here"}) + "\n\n" +
                                    json.dumps({"id": "x", "text": 'Intro "quoted"\n' + DRAFT}) + "\n",
                                    encoding="utf-8")
    (folder / "d.json").write_text(json.dumps([{"id": "w", "text": "none"}, {"id": "y", "text": "Line\tone\n" + DRAFT}],
                                              indent=2), encoding="utf-8")
    (folder / "d.html").write_text("<html><head><title>T</title><script>var a=1;</script></head>\n<body>\n"
                                   "<p>First &amp; more.</p>\n<p>Second:\n   " + DRAFT.replace(" on 9", "\n on 9") +
                                   "</p></body></html>", encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["d.jsonl", "d.json", "d.html"])
def test_ci_positions_count_lines_of_the_file_as_written(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    folder = _drafts(tmp_path / "my drafts [v1] 100%")
    write(tmp_path / "src.txt", SOURCE)
    draft = str(folder / name)
    lines = (folder / name).read_text(encoding="utf-8").split("\n")
    gh = runner.invoke(app, ["check", draft, "--against", "src.txt", "-f", "github"]).stdout.splitlines()
    sarif = json.loads(runner.invoke(app, ["check", draft, "--against", "src.txt", "-f", "sarif"]).stdout)
    res = sarif["runs"][0]["results"]
    assert len(gh) == len(res) == 2
    for r in res:
        reg = r["locations"][0]["physicalLocation"]["region"]
        line = lines[reg["startLine"] - 1]
        assert line[reg["startColumn"] - 1:].startswith(reg["snippet"]["text"].split("\n")[0])
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
            f"my%20drafts%20%5Bv1%5D%20100%25/{name}"
    first = next(x for x in gh if x.startswith("::error"))
    reg = res[0]["locations"][0]["physicalLocation"]["region"]
    assert f"line={reg['startLine']},col={reg['startColumn']}," in first


def test_sarif_uris_validate_as_uri_references(tmp_path, monkeypatch):
    from pathlib import Path
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "odd [1] 50% a\nb"
    folder.mkdir()
    write(folder / "draft one.txt", DRAFT)
    write(tmp_path / "src.txt", SOURCE)
    out = json.loads(runner.invoke(app, ["check", str(folder / "draft one.txt"), "--against", "src.txt",
                                         "-f", "sarif"]).stdout)
    import jsonschema
    errors = list(jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
                  .iter_errors(out))
    assert not errors, [e.message for e in errors]
    assert out["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "odd%20%5B1%5D%2050%25%20a%0Ab/draft%20one.txt"


def test_jobs_above_the_cores_are_capped_with_a_warning(capsys):
    assert cli.run(["check", SEEDS, "--no-config", "--jobs", "1000", "-f", "json"]) == 1
    err = capsys.readouterr().err
    assert f"--jobs 1000 is more than the {os.cpu_count()} cores" in err and "Traceback" not in err


def test_a_refused_fork_falls_back_to_one_process(monkeypatch):
    """Under a process limit fork raises BlockingIOError: the run goes on in one process."""
    import multiprocessing.popen_fork as popen_fork

    def refuse(self, process_obj):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(popen_fork.Popen, "_launch", refuse)
    from discrep.pipeline import stream_stories
    stories = [[Document(id=f"d{k}", text=EN, story=f"s{k}", lang="en")] for k in range(300)]
    out = list(stream_stories(stories, Settings(jobs=2, chunk_docs=8), n_docs=300))
    assert sum(len(per_doc) for per_doc, _, _ in out) == 300
    assert "could not start 2 worker processes" in out[0][2][0]


def test_one_document_is_one_document(tmp_path):
    p = write(tmp_path / "a.txt", EN)
    r = runner.invoke(app, ["check", p, "--no-config"])
    assert "1 document read" in r.stdout and "1 documents" not in r.stdout


def test_html_reads_the_blocks_of_the_page_not_its_furniture():
    from discrep.load import Decoded, html_to_doc
    html = ("<html><head><title>Toll</title><style>p{x:1}</style></head><body><nav>Home 2026</nav>"
            "<div>Officials said <b>12</b> people\n were killed.</div><ul><li>3 were hurt</li></ul>"
            "<script>var n=99;</script><footer>© 2025</footer></body></html>")
    d = html_to_doc(html, "x", None, Decoded(html, "utf-8", False))
    assert d.text == "Toll\n\nOfficials said 12 people were killed.\n\n3 were hurt"


def test_the_example_workflow_installs_from_its_checkout(root):
    wf = (root / "examples" / "github" / "discrep.yml").read_text(encoding="utf-8")
    runs = [ln.strip() for ln in wf.splitlines() if ln.strip().startswith("run: pip install")]
    assert runs == ["run: pip install ."]


@pytest.mark.parametrize("delay", [0.5, 1.0, 1.5, 2.5])
def test_ctrl_c_at_any_moment_is_one_line_and_130(tmp_path, delay):
    """Through reading, the forking of workers and deciding: one line, exit 130.  (Before
    Python has imported its own site module no program's code runs; the moment discrep's
    own imports run is tested below.)"""
    lines = "\n".join(json.dumps({"id": f"d{k}", "story": f"s{k // 4}", "lang": "en", "text": EN * 20})
                      for k in range(3000))
    p = write(tmp_path / "big.jsonl", lines)
    proc = _discrep("check", p, "--format", "json", "--jobs", "2", "--no-config")
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 130, (proc.returncode, err)
    assert err.decode().strip().splitlines() == ["discrep: interrupted"]


@pytest.mark.parametrize("module", ["typer", "discrep.pipeline", "discrep.extract.dates"])
def test_ctrl_c_while_discrep_is_still_importing(module):
    """Ctrl-C that lands while discrep loads (simulated at the import of ``module``)."""
    code = ("import sys\n"
            "class Hit:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            f"        if name == {module!r}: raise KeyboardInterrupt\n"
            "sys.meta_path.insert(0, Hit())\n"
            "sys.argv = ['discrep', 'check', " + repr(SEEDS) + ", '--no-config']\n"
            "from discrep._entry import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 130 and proc.stderr.strip().splitlines() == ["discrep: interrupted"], proc.stderr

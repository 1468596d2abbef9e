import json

import pytest

from discrep.errors import InputError
from discrep.load import load


def write(p, data):
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(p)


def test_formats(tmp_path):
    write(tmp_path / "a.txt", "---\noutlet: Wire\npublished: 2026-01-02\nstory: s1\n---\nنص الخبر")
    write(tmp_path / "b.json", json.dumps([{"text": "one", "id": "x1"}, {"text": "two"}]))
    write(tmp_path / "c.jsonl", '{"text": "t1", "id": "j1"}\n\n{"text": "t2", "lang": "en"}\n')
    write(tmp_path / "d.html", "<html lang='ar'><head><script>var x=1;</script></head><body><nav>menu</nav>"
                               "<p>فرار 120 معتقلا</p><footer>c</footer></body></html>")
    write(tmp_path / "ignored.pdf", b"%PDF")
    docs = load([str(tmp_path)])
    by = {d.id: d for d in docs}
    assert set(by) == {"a", "x1", "b:1", "j1", "c:3", "d"}
    assert by["a"].outlet == "Wire" and by["a"].published.isoformat() == "2026-01-02" and by["a"].story == "s1"
    assert by["a"].text.startswith("---")          # offsets refer to the whole file
    assert "menu" not in by["d"].text and "120" in by["d"].text and "var" not in by["d"].text


@pytest.mark.parametrize("data, enc, guessed", [
    ("\ufeffفرار 120".encode("utf-8"), "utf-8-sig", False),
    ("فرار 120".encode("utf-16"), "utf-16", False),
    ("فرار 120".encode("cp1256"), "cp1256", True),
])
def test_encodings(tmp_path, data, enc, guessed):
    d, = load([write(tmp_path / "x.txt", data)])
    assert "فرار 120" in d.text and d.encoding == enc and d.encoding_guessed == guessed


@pytest.mark.parametrize("name, data, where, problem", [
    ("bad.jsonl", '{"text": "ok"}\nnot json\n', "bad.jsonl:2", "not valid JSON"),
    ("bad.jsonl", '{"title": "no text"}\n', "bad.jsonl:1", "no 'text'"),
    ("bad.jsonl", '{"text": 5}\n', "bad.jsonl:1", "not a string"),
    ("bad.jsonl", '{"text": "x", "published": "yesterday"}\n', "bad.jsonl:1", "published"),
    ("empty.txt", "  \n", "empty.txt", "empty"),
    ("bin.txt", b"\x00\x01\x02PNG", "bin.txt", "binary"),
    ("x.pdf", b"%PDF-1.4", "x.pdf", "unsupported"),
])
def test_input_errors(tmp_path, name, data, where, problem):
    p = write(tmp_path / name, data)
    with pytest.raises(InputError) as e:
        load([p])
    assert e.value.where.endswith(where) and problem in e.value.problem


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load([str(tmp_path / "nope.txt")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="holds no"):
        load([str(tmp_path / "empty")])


def test_glob_and_stdin(tmp_path):
    import io
    write(tmp_path / "a.txt", "one")
    write(tmp_path / "b.txt", "two")
    assert [d.id for d in load([str(tmp_path / "*.txt")])] == ["a", "b"]
    d, = load(["-"], stdin=io.BytesIO("فرار 120".encode()))
    assert d.id == "stdin"

import json

import pytest
from typer.testing import CliRunner

from discrep.cli import app

runner = CliRunner()


def test_check_seeds_json(root):
    r = runner.invoke(app, ["check", str(root / "seeds"), "--format", "json"])
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    assert data["schema"] == "discrep.report/1"
    assert data["summary"]["conflicts"] == 2 and len(data["documents"]) == 5
    texts = {d["id"]: (root / "seeds" / f"{d['id']}.txt").read_text(encoding="utf-8") for d in data["documents"]}
    for f in data["findings"]:
        for c in f["claims"]:
            assert texts[c["doc"]][c["start"]:c["end"]] == c["text"]


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "markdown"])
def test_formats(root, fmt):
    r = runner.invoke(app, ["check", str(root / "seeds"), "--format", fmt, "--bidi", "off"])
    assert r.exit_code == 1 and r.stdout.strip()
    if fmt == "jsonl":
        assert all(json.loads(line)["verdict"] in ("conflict", "agree") for line in r.stdout.splitlines())


def test_fail_on_never(root):
    assert runner.invoke(app, ["check", str(root / "seeds"), "--fail-on", "never", "-f", "json"]).exit_code == 0


def test_clean_input_exits_zero(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The SDF said 100 prisoners escaped.", encoding="utf-8")
    assert runner.invoke(app, ["check", str(p)]).exit_code == 0


@pytest.mark.parametrize("args, needle", [
    (["check", "does-not-exist.txt"], "does-not-exist.txt: no such file"),
    (["check", "seeds", "--lang", "xx"], "unknown language"),
    (["check", "seeds", "--tolerance", "3"], "--tolerance"),
])
def test_errors_exit_2_with_one_line(root, args, needle, monkeypatch):
    monkeypatch.chdir(root)
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert needle in r.stderr and "Traceback" not in r.output and len(r.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2():
    assert runner.invoke(app, ["check", "--format", "yaml", "x"]).exit_code == 2


def test_extract_jsonl(root):
    r = runner.invoke(app, ["extract", str(root / "seeds"), "--format", "jsonl"])
    assert r.exit_code == 0
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(rows) == 5 and all("mentions" in x for x in rows)
    kinds = {m["kind"] for x in rows for m in x["mentions"]}
    assert {"number", "ordinal", "date"} <= kinds


def test_table_renders_in_fixed_width(root):
    import io

    from discrep import check
    from discrep.render import RENDERERS
    out = io.StringIO()
    RENDERERS["table"](check([str(root / "seeds")]), out, reorder=False, width=120, color=False)
    text = out.getvalue()
    assert all(len(line) <= 120 for line in text.splitlines())
    assert "conflict" in text and "2 conflicts" in text and "Syrian government" in text


def test_bidi_reorder():
    from discrep.render.bidi import needs_reorder, visual_line
    assert visual_line("abc 123") == "abc 123"
    v = visual_line("فرار 120 معتقل")
    assert v.index("120") > 0 and v != "فرار 120 معتقل"
    assert not needs_reorder("auto", False) and needs_reorder("on", False) and not needs_reorder("off", True)


def test_rules_lists_the_registry_like_ruff():
    from discrep.rules import all_rules
    r = runner.invoke(app, ["rules"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert [ln.split()[0] for ln in lines] == [x.code for x in all_rules()]
    full = runner.invoke(app, ["rules", "A103"])
    assert full.exit_code == 0 and "different-events (align)" in full.stdout and "re-arrested" in full.stdout
    assert runner.invoke(app, ["rules", "Z999"]).exit_code == 2


@pytest.mark.parametrize("a, b, words", [
    ("120", "80", "kept apart by A103 different-events"),          # the escaped and the re-arrested
    ("120", "1,500", "joined by A201 two-sources-one-sentence"),
    ("120", "1500", "decide: a conflict by D201"),
    ("120", "4242", "no pair"),
])
def test_explain_why_not(root, a, b, words):
    r = runner.invoke(app, ["explain", str(root / "seeds"), "--why-not", a, b, "--no-config"], terminal_width=200)
    assert r.exit_code == 0, r.output
    assert words in " ".join(r.stdout.split())


def test_explain_a_finding_shows_its_rules(root):
    out = json.loads(runner.invoke(app, ["check", str(root / "seeds"), "-f", "json"]).stdout)
    conflict = next(f for f in out["findings"] if f["verdict"] == "conflict" and f["kind"] == "count")
    assert conflict["rules"] == ["A201", "D201"]
    r = runner.invoke(app, ["explain", conflict["id"], str(root / "seeds")], terminal_width=200)
    assert r.exit_code == 0 and "rules: A201 two-sources-one-sentence, D201 disjoint-intervals" in r.stdout
    assert runner.invoke(app, ["explain", str(root / "seeds")]).exit_code == 2


def test_rules_lists_every_stage_in_a_fresh_process():
    """The registry is complete however discrep was imported (not only after a check ran)."""
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "discrep", "rules"], capture_output=True, text=True, timeout=600)
    stages = {line.split()[1] for line in out.stdout.splitlines()}
    assert out.returncode == 0 and stages == {"claims", "align", "decide"}


@pytest.mark.parametrize("fmt", ["table", "json", "sarif", "github"])
def test_an_update_never_fails_the_gate(tmp_path, fmt):
    import json as json_
    p = tmp_path / "story.jsonl"
    p.write_text("\n".join(json_.dumps(r) for r in [
        {"id": "a", "outlet": "Outlet A", "published": "2026-02-09",
         "text": "The floods killed 12 people in the valley, officials said."},
        {"id": "b", "outlet": "Outlet B", "published": "2026-02-11",
         "text": "The death toll from the floods in the valley rose to 31, officials said."}]), encoding="utf-8")
    r = runner.invoke(app, ["check", str(p), "--format", fmt], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    if fmt == "json":
        f, = json_.loads(r.output)["findings"]
        assert f["verdict"] == "update" and [c["value"] for c in f["claims"]] == [12, 31]
    if fmt == "table":
        assert "update" in r.output and "2026-02-11" in r.output
    if fmt == "sarif":
        assert json_.loads(r.output)["runs"][0]["results"] == []     # an update is no lint finding
    if fmt == "github":
        assert "::error" not in r.output and "::warning" not in r.output


def _jsonl(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


# a toll that rises over three days, told by three outlets in two languages (out of order)
FLOODS = [
    {"id": "b", "outlet": "Outlet B", "published": "2026-02-11",
     "text": "The death toll from the floods in the valley rose to 31, officials said."},
    {"id": "a", "outlet": "Outlet A", "published": "2026-02-09",
     "text": "The floods killed 12 people in the valley, officials said."},
    {"id": "c", "outlet": "وكالة ج", "published": "2026-02-10", "lang": "ar",
     "text": "ارتفعت حصيلة قتلى فيضانات الوادي إلى 20 شخصا، بحسب المسؤولين."}]


def test_timeline_shows_each_quantity_oldest_first(tmp_path):
    p = _jsonl(tmp_path / "story.jsonl", FLOODS)
    r = runner.invoke(app, ["check", str(p), "--format", "timeline"])
    assert r.exit_code == 0, r.output
    lines = [x.strip() for x in r.output.splitlines()]
    head = next(i for i, x in enumerate(lines) if x.endswith("[update, count]"))
    assert lines[head + 1].startswith("2026-02-09 · 12 · Outlet A")
    assert lines[head + 2].startswith("2026-02-10 · 20")
    assert lines[head + 3].startswith("2026-02-11 · 31 · Outlet B")
    assert lines[-1].endswith("1 update, 0 agreements.")


def _story(tmp_path):
    """FLOODS, with a turnout that two outlets give differently."""
    turnout = {"a": " Turnout reached 40 percent.", "b": " Turnout reached 45 percent."}
    return _jsonl(tmp_path / "story.jsonl", [{**r, "text": r["text"] + turnout.get(r["id"], "")} for r in FLOODS])


@pytest.mark.parametrize("args, topics", [
    ([], {"kill", "turnout"}),
    (["--topic", "KILL"], {"kill"}),            # any case
    (["-t", "turnout"], {"turnout"}),
    (["--topic", "no such thing"], set()),
])
def test_timeline_command(tmp_path, args, topics):
    """`discrep timeline` is a view: each quantity oldest first, filtered by topic, exit 0
    even with a conflict in the story."""
    import json as json_
    p = _story(tmp_path)
    r = runner.invoke(app, ["timeline", str(p), *args, "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json_.loads(r.output)
    assert doc["schema"] == "discrep.timeline/1"
    assert {q["topic"].split(" ")[0] for q in doc["quantities"]} == topics
    for q in doc["quantities"]:
        days = [s["day"] for s in q["steps"]]
        assert days == sorted(days)
        if q["verdict"] == "update":
            assert [s["value"] for s in q["steps"]] == ["12", "20", "31"]
    text = runner.invoke(app, ["timeline", str(p), *args])
    assert text.exit_code == 0 and text.output.rstrip().endswith("agreements.")
    assert ("2026-02-10 · 20 · وكالة ج" in text.output) == ("kill" in topics)


def test_timeline_command_input_error_exits_2(tmp_path):
    r = runner.invoke(app, ["timeline", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2


def test_html_report_is_self_contained_and_marks_each_figure(tmp_path):
    """One page, nothing fetched from elsewhere; each claim's sentence whole, its figure
    marked, its direction by its language; with --against the draft's claim first."""
    import re as re_
    story = _jsonl(tmp_path / "story.jsonl", [
        {"id": "a", "outlet": "Wire <A>", "published": "2026-02-09",
         "text": "About 120 prisoners escaped from the northern jail on Sunday, the ministry said."},
        {"id": "b", "outlet": "صحيفة", "lang": "ar", "published": "2026-02-09",
         "text": "فر نحو 1500 سجين من السجن الشمالي يوم الأحد، بحسب قسد."}])
    r = runner.invoke(app, ["check", str(story), "--format", "html"])
    assert r.exit_code == 1, r.output
    page = r.output
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not re_.search(r"""(src|href)=["']?(https?:)?//""", page)          # no network
    assert "<link" not in page and "@import" not in page
    assert "Wire &lt;A&gt;" in page                                         # escaped
    assert '<mark>About 120</mark> prisoners escaped from the northern jail on Sunday' in page
    assert re_.search(r'<div class="sentence" dir="rtl" lang="ar">فر <mark>نحو 1500</mark>', page)
    assert 'data-verdict="conflict"' in page and "1 conflict" in page
    draft = tmp_path / "draft.md"
    draft.write_text("About 300 prisoners escaped from the northern jail on Sunday.", encoding="utf-8")
    r = runner.invoke(app, ["check", str(draft), "--against", str(story), "--format", "html"])
    first = re_.search(r'<ol class="claims"><li>.*?</li>', r.output).group(0)
    assert "DRAFT" in first and "<mark>About 300</mark>" in first

"""Scale: worker processes, story chunks, the story index and streamed output find exactly
what one in-memory pass finds."""
import datetime as dt
import itertools
import json

import pytest
from typer.testing import CliRunner

from discrep.align import ContextIndex, candidate_pairs, comparable
from discrep.cli import app
from discrep.load import StoryIndex, load
from discrep.model import Document
from discrep.pipeline import _story_chunks, check_documents, extract_documents, group_stories, jobs_for
from discrep.settings import Settings

runner = CliRunner()

# (language, sentence with {n} for a count and {d} for a day) -- my own stories
TEMPLATES = [
    ("en", "The ministry said {n} prisoners escaped from the Hasaka jail on {d} March 2026."),
    ("en", "Rescuers said {n} people were killed when the Kandahar bridge collapsed on {d} May 2025."),
    ("ar", "قالت الوزارة إن {n} سجينا فروا من سجن تدمر يوم {d} آذار 2026."),
    ("ar", "أعلن الدفاع المدني مقتل {n} شخصا في انهيار مبنى في حلب يوم {d} أيار 2025."),
]


def corpus(stories: int = 8, outlets: int = 3, undated_last: bool = False) -> list[Document]:
    """Stories of a few outlets each; every third story has one outlet with another count."""
    docs = []
    for s in range(stories):
        lang, tpl = TEMPLATES[s % len(TEMPLATES)]
        for o in range(outlets):
            n = 40 + s if not (s % 3 == 0 and o == outlets - 1) else 400 + s
            text = tpl.format(n=n, d=3 + s % 20)
            docs.append(Document(id=f"s{s}o{o}", text=text, outlet=f"Outlet {o}", story=f"story {s}", lang=lang,
                                 published=dt.date(2026, 3, 20)))
    return docs


def big_story() -> list[Document]:
    """One story too large for a chunk: a relative date in an undated document must resolve
    against the story's latest date, which only a document in another chunk carries."""
    docs = [Document(id=f"b{k}", text=f"Officials said {30 + (k == 5) * 70} people were killed in the Mosul "
                                      f"market fire yesterday.", story="big", lang="en", outlet=f"O{k}")
            for k in range(6)]
    docs.append(Document(id="b6", text="Officials said 30 people were killed in the Mosul market fire on 11 April.",
                         story="big", lang="en", outlet="O6", published=dt.date(2024, 4, 12)))
    return docs


def ids(report):
    return [(f.id, f.verdict, tuple(c.claim.id for c in f.claims)) for f in report.findings]


@pytest.mark.parametrize("settings", [
    Settings(jobs=2, chunk_docs=2),      # whole stories spread over two workers
    Settings(jobs=2, chunk_docs=4),
    Settings(jobs=1, chunk_docs=2),      # chunked, in one process
    Settings(jobs=2, chunk_docs=3),      # the big story is cut into parts
])
def test_parallel_and_chunked_equal_one_pass(settings):
    docs = corpus() + big_story()
    one = check_documents(docs, Settings(jobs=1, chunk_docs=10_000))
    assert one.conflicts >= 3
    other = check_documents(docs, settings)
    assert ids(other) == ids(one)
    assert [d.doc.id for d in other.documents] == [d.id for d in docs]
    assert [c.id for c in other.claims] == [c.id for c in one.claims]


def test_parts_of_a_story_see_its_latest_date():
    """"yesterday" in the undated documents is 11 April 2024, from the one dated document."""
    docs = big_story()
    for st in (Settings(jobs=1, chunk_docs=3), Settings(jobs=2, chunk_docs=2)):
        rows = extract_documents(docs, st)
        days = {m.value for _, ms, _ in rows for m in ms if m.kind == "date"}
        assert days == {"2024-04-11"}


@pytest.mark.parametrize("sizes, size, expected", [
    ([2, 2, 2], 4, [(4, True), (2, True)]),     # whole stories packed up to the size
    ([1, 1, 1, 1], 2, [(2, True), (2, True)]),
    ([5], 2, [(2, False), (2, False), (1, False)]),
    ([1, 5, 1], 2, [(1, True), (2, False), (2, False), (1, False), (1, True)]),
    ([], 3, []),
])
def test_story_chunks(sizes, size, expected):
    stories = [[Document(id=f"{s}.{k}", text="x", story=str(s)) for k in range(n)] for s, n in enumerate(sizes)]
    assert [(len(docs), whole) for docs, whole in _story_chunks(stories, size)] == expected


@pytest.mark.parametrize("n_docs, jobs, cpus, expected", [
    (10, 0, 2, 1),        # auto: small inputs stay in one process
    (5000, 0, 2, 2),
    (5000, 0, 16, 16),
    (100, 3, 4, 3),       # asked for: honoured
    (100, 3, 2, 2),       # more than the cores: capped (more would only contend)
    (100, 1000, 2, 2),
    (2, 8, 2, 2),
])
def test_jobs_for(monkeypatch, n_docs, jobs, cpus, expected):
    monkeypatch.setattr("os.cpu_count", lambda: cpus)
    assert jobs_for(n_docs, Settings(jobs=jobs)) == expected


def test_group_stories_keeps_first_appearance_order():
    docs = [Document(id=i, text="x", story=s) for i, s in [("a", "x"), ("b", "y"), ("c", "x"), ("d", None)]]
    assert [[d.id for d in g] for g in group_stories(docs)] == [["a", "c"], ["b"], ["d"]]


def _write_inputs(tmp_path):
    recs = [{"id": "r1", "story": "A", "text": "One\u2028line with a line separator: 12 killed."},
            {"id": "r1", "story": "B", "text": "A repeated id, 30 wounded."},
            {"id": "r3", "story": "A", "text": "Another, 14 killed."},
            {"story": "B", "text": "No id, 31 wounded."}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs[:2]) + "\n\n"
                                      + "\n".join(json.dumps(r, ensure_ascii=False) for r in recs[2:]) + "\n",
                                      encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([{"id": "r1", "story": "A", "text": "JSON list, 13 killed."},
                                                 {"id": "j2", "text": "No story."}]), encoding="utf-8")
    (tmp_path / "c.txt").write_text("---\nstory: B\n---\nPlain text, 29 wounded.", encoding="utf-8")
    return tmp_path


def test_story_index_reads_what_load_reads(tmp_path):
    _write_inputs(tmp_path)
    paths = [str(tmp_path)]
    flat = load(paths)
    index = StoryIndex(paths)
    stories = list(index)
    assert index.count == len(flat) == 7
    assert sorted((d.id, d.text, d.story) for s in stories for d in s) == sorted((d.id, d.text, d.story) for d in flat)
    assert [[d.story for d in s] for s in stories] == [["A"] * 3, ["B"] * 3, [None]]
    assert {d.id for d in flat} == {"r1", "r1~1", "r3", "a:5", "r1~2", "j2", "c"}


def test_story_index_reads_stdin(tmp_path):
    import io
    data = "\n".join(json.dumps({"id": f"x{k}", "story": "AB"[k % 2], "text": f"{k} killed"}) for k in range(5))
    stories = list(StoryIndex(["-"], stdin=io.BytesIO(data.encode())))
    assert [[d.id for d in s] for s in stories] == [["x0", "x2", "x4"], ["x1", "x3"]]


@pytest.mark.parametrize("lines, where", [
    ('{"text": "ok"}\n{"text": ', "x.jsonl:2"),
    ('{"text": "ok", "story": 5}\n\n{"title": "no text"}', "x.jsonl:3"),
])
def test_story_index_errors_name_the_line(tmp_path, lines, where):
    from discrep.errors import InputError
    (tmp_path / "x.jsonl").write_text(lines, encoding="utf-8")
    with pytest.raises(InputError, match=where):
        StoryIndex([str(tmp_path / "x.jsonl")])


def test_candidate_pairs_keep_every_comparable_pair():
    """Blocking by keys drops only pairs that comparable() rejects on their keys."""
    docs = corpus(stories=4, outlets=3) + [
        Document(id="x1", text="Officials said 12 people were killed and 40 wounded; since Monday 50 were killed, "
                               "including 9 children.", story="story 0", lang="en"),
        Document(id="x2", text="أصيب 17 شخصا بينهم 4 أطفال، وقتل 3 آخرون منذ الأحد.", story="story 2", lang="ar"),
        # one document restating its figures: same-document pairs are filtered, not dropped
        Document(id="x3", text="The ministry said 41 prisoners escaped from the Hasaka jail. Police said 12 were caught. "
                               "The SDF said 300 prisoners escaped from the Hasaka jail on Monday. Officials said "
                               "41 prisoners escaped from the jail in Hasaka.", story="story 0", lang="en"),
        Document(id="x4", text="قالت الوزارة إن 45 سجينا فروا من سجن تدمر. وأعلنت قسد أن 300 سجين فروا من سجن تدمر "
                               "يوم الاثنين. وأعيد اعتقال 20 منهم.", story="story 2", lang="ar")]
    rows = extract_documents(docs, Settings())
    claims = [c for _, _, cs in rows for c in cs]
    st = Settings()
    for _, group in itertools.groupby(sorted(claims, key=lambda c: c.story), key=lambda c: c.story):
        sc = list(group)
        ctx = ContextIndex(sc, st)
        for kind in {c.kind for c in sc}:
            lst = [c for c in sc if c.kind == kind]
            brute = {(i, j) for i in range(len(lst)) for j in range(i + 1, len(lst))
                     if comparable(lst[i], lst[j], ctx, st)}
            cand = list(candidate_pairs(lst, ctx, st))
            assert brute <= set(cand)
            assert len(cand) == len(set(cand)) and all(i < j for i, j in cand)


def test_cli_jsonl_streams_the_same_findings(tmp_path):
    docs = corpus() + big_story()
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps({"id": d.id, "story": d.story, "outlet": d.outlet, "lang": d.lang,
                                          "published": d.published.isoformat() if d.published else None,
                                          "text": d.text}, ensure_ascii=False) for d in docs), encoding="utf-8")
    whole = runner.invoke(app, ["check", str(path), "--format", "json", "--no-config"])
    streamed = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--jobs", "2", "--no-config"])
    assert whole.exit_code == streamed.exit_code == 1
    a = sorted(f["id"] for f in json.loads(whole.stdout)["findings"])
    b = sorted(json.loads(line)["id"] for line in streamed.stdout.splitlines())
    assert a == b and a
    # a baseline of today's findings quiets the streamed check
    base = tmp_path / "base.json"
    assert runner.invoke(app, ["baseline", str(path), "-o", str(base), "--no-config"]).exit_code == 0
    quiet = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--baseline", str(base), "--no-config"])
    assert quiet.exit_code == 0
    assert all(json.loads(line)["verdict"] == "agree" for line in quiet.stdout.splitlines())


def test_cli_jobs_flag_is_validated(tmp_path):
    r = runner.invoke(app, ["check", "seeds", "--jobs", "-1"])
    assert r.exit_code == 2

"""The archive index on a real DuckDB file: incremental indexing, checking against it as
against a folder, searching it, and refusing what is no index of this schema."""
from __future__ import annotations

import dataclasses
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from discrep import archive
from discrep.archive import SCHEMA, Index
from discrep.cli import app
from discrep.load import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
runner = CliRunner()
DRAFT = "فر نحو 300 معتقل من سجن الشدادي، وانضمت سوريا إلى التحالف بوصفها العضو الـ91 في 10 شباط/فبراير 2026."


@pytest.fixture()
def db(tmp_path) -> Path:
    p = tmp_path / "archive.duckdb"
    r = runner.invoke(app, ["index", str(SEEDS), "--db", str(p)])
    assert r.exit_code == 0, r.output
    return p


def test_index_is_incremental(db, tmp_path):
    with Index(str(db)) as ix:
        docs, claims = ix.count()
    assert docs == 5 and claims > 20
    docs_in, _ = read_inputs([str(SEEDS)])
    with Index(str(db)) as ix:
        again = ix.add(docs_in)
        assert (again.added, again.replaced, again.unchanged, again.claims) == (0, 0, 5, 0)
        changed = [dataclasses.replace(docs_in[0], text=docs_in[0].text + "\n\nوقتل 12 شخصا في القصف.")]
        st = ix.add(changed)
        assert st.added == 0 and st.replaced == 5          # the story is read again whole
        assert ix.count() == (5, claims + 1)
        new = [dataclasses.replace(docs_in[0], id="extra", text="قتل 7 أشخاص في القصف يوم الاثنين.", story="other")]
        st = ix.add(new)
        assert (st.added, st.replaced) == (1, 0)
        assert [d.id for d in ix.documents(story="other")] == ["extra"]


def test_documents_come_back_as_they_were_read(db):
    docs_in, _ = read_inputs([str(SEEDS)])
    with Index(str(db)) as ix:
        assert ix.documents() == docs_in


def test_check_against_the_index_is_checking_against_the_files(db, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    folder = runner.invoke(app, ["check", str(draft), "--against", str(SEEDS), "--format", "json"])
    index = runner.invoke(app, ["check", str(draft), "--against", str(db), "--format", "json"])
    assert folder.exit_code == index.exit_code == 1
    assert index.output == folder.output
    assert any(f["verdict"] == "conflict" for f in json.loads(index.output)["findings"])


def test_check_a_story_of_the_index(db):
    folder = runner.invoke(app, ["check", str(SEEDS), "--format", "json"])
    index = runner.invoke(app, ["check", "--db", str(db), "--format", "json"])
    assert index.output == folder.output
    none = runner.invoke(app, ["check", "--db", str(db), "--story", "no such story", "--format", "json"])
    assert json.loads(none.output)["findings"] == []
    assert runner.invoke(app, ["check", "--story", "s"]).exit_code == 2


@pytest.mark.parametrize("query, concept", [("deaths", "kill"), ("قتلى", "kill"), ("joined", "join"),
                                            ("turnout", "turnout"), ("voters", "voter")])
def test_search_names_concepts_in_any_language(query, concept):
    assert archive.concept_of(query) == concept


def test_search(db):
    r = runner.invoke(app, ["search", "انضمام", "--db", str(db)])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["schema"] == "discrep.search/1" and out["concept"] == "join"
    assert out["claims"] and all(c["event"] == "join" for c in out["claims"])
    later = runner.invoke(app, ["search", "انضمام", "--db", str(db), "--since", "2030-01-01", "--format", "jsonl"])
    assert later.exit_code == 0 and later.output == ""
    assert runner.invoke(app, ["search", "x", "--db", str(db), "--since", "yesterday"]).exit_code == 2


def test_a_failed_story_leaves_the_index_as_it_was(db, monkeypatch):
    """A story stopped while it is written (after its old rows were deleted) leaves the
    index as it was: the transaction rolls back, in the real DuckDB file."""
    docs_in, _ = read_inputs([str(SEEDS)])
    with Index(str(db)) as ix:
        before = ix.count(), [d.text for d in ix.documents()]
        real = Index._replace

        def stopped(self, ids):
            real(self, ids)
            raise KeyboardInterrupt("stopped mid-story")
        monkeypatch.setattr(Index, "_replace", stopped)
        with pytest.raises(KeyboardInterrupt):
            ix.add([dataclasses.replace(d, text=d.text + " ") for d in docs_in])
        monkeypatch.setattr(Index, "_replace", real)
        assert (ix.count(), [d.text for d in ix.documents()]) == before


def test_what_is_no_index_is_refused_in_one_line(tmp_path, db):
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database", encoding="utf-8")
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (a INTEGER)")
    con.close()
    old = tmp_path / "old.duckdb"
    shutil.copy(db, old)
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = 'discrep.index/0' WHERE key = 'schema'")
    con.close()
    for path, says in ((text, "not a DuckDB file"), (other, "without discrep's tables"),
                       (old, f"reads {SCHEMA} and does not migrate"), (tmp_path / "none.duckdb", "no such index")):
        r = runner.invoke(app, ["search", "deaths", "--db", str(path)])
        assert r.exit_code == 2, r.output
        assert says in r.output and len(r.output.strip().splitlines()) == 1


def test_reports_as_data_frames():
    """The Python API gives claims and findings as pandas DataFrames, pandas imported only then."""
    import subprocess
    import sys
    code = ("import json, sys; from discrep.pipeline import check; r = check([sys.argv[1]]); "
            "before = 'pandas' in sys.modules; c = r.claims_frame(); f = r.findings_frame(); "
            "print(json.dumps([before, len(c), len(r.claims), sorted(set(f['verdict'])), "
            "int((f['verdict'] == 'conflict').sum()), sum(len(x.claims) for x in r.findings if x.verdict == 'conflict'), "
            "sorted(c.columns)[:3]]))")
    out = json.loads(subprocess.run([sys.executable, "-c", code, str(SEEDS)], capture_output=True, text=True,
                                    check=True).stdout)
    before, n_rows, n_claims, verdicts, conflict_rows, conflict_claims, cols = out
    assert before is False
    assert n_rows == n_claims and verdicts == ["agree", "conflict"] and conflict_rows == conflict_claims > 0
    assert cols == ["attributed_to", "doc", "end"]


def _corpus(n_stories: int) -> list:
    """Generated stories from the seeds: each story the seeds with its own figures."""
    docs_in, _ = read_inputs([str(SEEDS)])
    out = []
    for k in range(n_stories):
        for d in docs_in:
            out.append(dataclasses.replace(d, id=f"{d.id}-{k}", story=f"story-{k}",
                                           text=d.text.replace("120", str(120 + k)).replace("1500", str(1500 + k))))
    return out


def _claims(path: Path) -> list:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT id, doc_id, story, kind, concept, value_num, value_text, qualifier, event, "
                           "attributed_to, start_offset, end_offset FROM claims ORDER BY id").fetchall()
    finally:
        con.close()


def test_dask_local_cluster_writes_the_claims_of_one_process(tmp_path):
    """``index --engine dask`` on a real LocalCluster (two worker processes): the same
    per-document code in partitions, written as Parquet and loaded by DuckDB, gives the
    claims of indexing in one process."""
    pytest.importorskip("distributed", reason="Dask is an optional extra (discrep[dask])")
    from discrep.archive import index_with_dask
    from discrep.settings import Settings
    docs = _corpus(60)                                     # 300 documents
    one, many = tmp_path / "one.duckdb", tmp_path / "dask.duckdb"
    st = Settings().with_(chunk_docs=40)
    with Index(str(one), create=True) as ix:
        ix.add(docs, st.with_(jobs=1))
    with Index(str(many), create=True) as ix:
        stats = index_with_dask(ix, docs, st, workers=2)
        assert stats.added == len(docs) and ix.count()[0] == len(docs)
        again = index_with_dask(ix, docs, st, workers=2)
        assert (again.added, again.unchanged) == (0, len(docs))
    assert _claims(many) == _claims(one) and len(_claims(one)) > len(docs)


def test_parquet_documents_are_indexed(tmp_path):
    src = tmp_path / "docs.parquet"
    con = duckdb.connect()
    con.execute("CREATE TABLE t (id VARCHAR, story VARCHAR, outlet VARCHAR, published VARCHAR, text VARCHAR)")
    con.execute("INSERT INTO t VALUES ('a', 's', 'Wire', '2026-02-09', 'The floods killed 12 people in the valley.'),"
                "('b', 's', 'Post', '2026-02-09', 'The floods killed 31 people in the valley.')")
    con.execute(f"COPY t TO '{src}' (FORMAT PARQUET)")
    con.close()
    db = tmp_path / "p.duckdb"
    assert runner.invoke(app, ["index", str(src), "--db", str(db)]).exit_code == 0
    r = runner.invoke(app, ["check", "--db", str(db), "--story", "s", "--format", "json"])
    assert r.exit_code == 1 and "12" in r.output and "31" in r.output


def test_check_format_parquet_writes_every_claim(tmp_path):
    import subprocess
    import sys
    out = tmp_path / "claims.parquet"
    with open(out, "wb") as fh:
        rc = subprocess.run([sys.executable, "-m", "discrep", "check", str(SEEDS), "--format", "parquet"],
                            stdout=fh, stderr=subprocess.PIPE).returncode
    assert rc == 1                                          # the seeds' conflicts still fail the gate
    con = duckdb.connect()
    n, conflicts, kinds = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE list_contains(verdicts, 'conflict')), list(DISTINCT kind) "
        f"FROM read_parquet('{out}')").fetchone()
    con.close()
    report = json.loads(runner.invoke(app, ["check", str(SEEDS), "--format", "json"]).output)
    assert n == report["summary"]["claims"]
    assert conflicts == sum(len(f["claims"]) for f in report["findings"] if f["verdict"] == "conflict")
    assert "count" in kinds and "date" in kinds


def test_a_draft_is_checked_against_the_stories_it_is_about(tmp_path):
    """Against an index of many stories, the draft meets the stories whose words overlap its
    own, not every document with a claim of the same concept."""
    docs = _corpus(3)
    other = [dataclasses.replace(docs[0], id=f"fire-{k}", story="fire",
                                 text=f"A wildfire destroyed {30 + k} homes near Bend, Oregon, fire officials said.")
             for k in range(3)]
    db = tmp_path / "many.duckdb"
    with Index(str(db), create=True) as ix:
        ix.add(docs + other)
        from discrep.model import Document
        from discrep.pipeline import extract_documents
        draft = [Document(id="draft", text="A wildfire destroyed 45 homes near Bend, Oregon, officials said.")]
        claims = [c for _, _, cs in extract_documents(draft) for c in cs]
        assert {d.story for d in ix.sources_for(draft, claims)} == {"fire"}


def test_a_draft_meets_only_the_nearest_stories(tmp_path):
    """When many stories share the draft's words, it is checked against the
    ``archive_max_stories`` nearest (the most rare words shared), ties broken by name; a
    story below ``archive_min_overlap`` is never among them."""
    from discrep.model import Document
    from discrep.pipeline import extract_documents
    from discrep.settings import Settings
    texts = {"near": "A wildfire destroyed {n} homes near Bend, Oregon, on Tuesday, Deschutes fire officials said.",
             "mid": "A wildfire destroyed {n} homes near Bend, Oregon, fire officials said.",
             "far": "A wildfire destroyed {n} homes near Medford, fire officials said."}
    docs = [Document(id=f"{st}-{k}", story=st, text=t.format(n=30 + k)) for st, t in texts.items() for k in range(2)]
    db = tmp_path / "near.duckdb"
    with Index(str(db), create=True) as ix:
        ix.add(docs)
        draft = [Document(id="draft", text="A wildfire destroyed 45 homes near Bend, Oregon, on Tuesday, "
                                           "Deschutes officials said.")]
        claims = [c for _, _, cs in extract_documents(draft) for c in cs]
        got = [{d.story for d in ix.sources_for(draft, claims, Settings(archive_max_stories=k))} for k in (1, 2, 3)]
    assert got == [{"near"}, {"near", "mid"}, {"near", "mid"}]    # "far" shares too little at any cap


def test_index_in_batches_is_indexing_at_once(tmp_path):
    """``discrep index`` reads story by story, a batch at a time: the index holds what
    indexing everything at once gives."""
    from discrep.settings import Settings
    src = tmp_path / "corpus.jsonl"
    docs = _corpus(7)
    src.write_text("\n".join(json.dumps({"id": d.id, "story": d.story, "lang": d.lang, "text": d.text},
                                        ensure_ascii=False) for d in docs), encoding="utf-8")
    read, _ = read_inputs([str(src)])
    once, batched = tmp_path / "once.duckdb", tmp_path / "batched.duckdb"
    with Index(str(once), create=True) as ix:
        ix.add(read)
    from discrep.load import StoryIndex
    stories = StoryIndex([str(src)])
    try:
        with Index(str(batched), create=True) as ix:
            st = ix.add_stories(stories, Settings().with_(index_batch_docs=6))
    finally:
        stories.close()
    assert st.added == len(docs)
    assert _claims(batched) == _claims(once)
    r = runner.invoke(app, ["index", str(src), "--db", str(batched)])
    assert r.exit_code == 0 and "0 added" in r.output and f"{len(docs)} unchanged" in r.output


@pytest.mark.parametrize("sig", ["SIGINT", "SIGKILL"])
def test_an_index_stopped_mid_run_is_usable(tmp_path, sig):
    """``discrep index`` interrupted (Ctrl-C) or killed while it writes leaves an index that
    opens, holds only whole stories (each with all its documents and their claims), and
    that a second run completes to what one uninterrupted run writes."""
    docs = _corpus(60)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "story": d.story, "text": d.text, "outlet": d.outlet},
                                         ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    (tmp_path / "discrep.toml").write_text("index-batch-docs = 25\n", encoding="utf-8")
    db = tmp_path / "stopped.duckdb"
    cmd = [sys.executable, "-m", "discrep", "index", str(corpus), "--db", str(db), "-q", "-j", "1"]
    proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # stop it once several stories are written: their rows go to the write-ahead log, about
    # 0.24 MB a story here, before the file is checkpointed at the end
    wal = Path(str(db) + ".wal")
    while proc.poll() is None and not (wal.exists() and wal.stat().st_size > 2_000_000):
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be stopped"
    proc.send_signal(getattr(signal, sig))
    proc.wait(timeout=120)
    assert db.exists()
    per_story = {}
    for d in docs:
        per_story.setdefault(d.story, set()).add(d.id)
    with Index(str(db)) as ix:                       # it opens: the schema and its tables are whole
        stored = ix.documents()
    got: dict = {}
    for d in stored:
        got.setdefault(d.story, set()).add(d.id)
    assert 0 < len(got) < len(per_story), "the stop did not land mid-run"
    assert all(ids == per_story[st] for st, ids in got.items()), "a story was stored in part"
    claimed = {row[1] for row in _claims(db)}
    full = tmp_path / "full.duckdb"
    subprocess.run([sys.executable, "-m", "discrep", "index", str(corpus), "--db", str(full), "-q", "-j", "1"],
                   cwd=tmp_path, check=True, capture_output=True)
    whole = {row[1] for row in _claims(full)}
    assert claimed == whole & {d.id for d in stored}   # each stored document has all its claims
    rc = subprocess.run(cmd, cwd=tmp_path, capture_output=True).returncode
    assert rc == 0 and _claims(db) == _claims(full)

"""The archive: documents and their claims kept in a DuckDB file (``discrep index``).

A newsroom checks a draft against everything it and its peers have published on a story.
``index`` reads documents once and stores them, whole, with the claims read from them:
their kind, concept, value, source, story and raw offsets.  Indexing is incremental: a
document whose content hash is unchanged is skipped, and a story with a changed or new
document is read again and replaced whole (a document's relative dates resolve against
its story's latest date).  Each story is written in one transaction, so a run that is
stopped leaves the index as it was, or with whole stories added.

Checking against the index (``check --against archive.duckdb``) selects the documents
whose claims share a kind and a concept with the draft's in SQL, and decides them with the
same code as a folder of sources: the documents come back exactly as they were read.

The schema is ``discrep.index/1`` (``SCHEMA``); a file written with another schema, or a
file that is no index, is refused with one line (exit 2)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from .align import _concept
from .errors import DiscrepError, InputError
from .model import Claim, Document, numeric
from .settings import Settings

SCHEMA = "discrep.index/1"

_DOCUMENTS = """CREATE TABLE documents (
    id VARCHAR{key}, hash VARCHAR NOT NULL, story VARCHAR, outlet VARCHAR, published DATE,
    lang VARCHAR, path VARCHAR, title VARCHAR, url VARCHAR, text VARCHAR, record JSON);"""
_CLAIMS = """CREATE TABLE claims (
    id VARCHAR, doc_id VARCHAR, story VARCHAR, kind VARCHAR, concept VARCHAR, value_num DOUBLE,
    value_text VARCHAR, low_num DOUBLE, high_num DOUBLE, qualifier VARCHAR, unit VARCHAR,
    event VARCHAR, attributed_to VARCHAR, published DATE, start_offset INTEGER, end_offset INTEGER,
    text VARCHAR, sentence VARCHAR, record JSON);"""
_TABLES = f"""
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
{_DOCUMENTS.format(key=" PRIMARY KEY")}
{_CLAIMS}
CREATE TABLE terms (doc_id VARCHAR, story VARCHAR, term VARCHAR);
CREATE INDEX claims_concept ON claims (kind, concept);
CREATE INDEX claims_doc ON claims (doc_id);
"""

@dataclass(frozen=True)
class IndexStats:
    """What one ``index`` run did."""
    added: int                          # documents new to the index
    replaced: int                       # documents whose content changed, or read again with their story
    unchanged: int                      # documents skipped: same content hash
    claims: int                         # claims written


def _doc_record(d: Document) -> dict[str, Any]:
    r = asdict(d)
    r["published"] = d.published.isoformat() if d.published else None
    r["notes"] = list(d.notes)
    return r


def _doc_from(record: str) -> Document:
    r = json.loads(record)
    r["published"] = dt.date.fromisoformat(r["published"]) if r.get("published") else None
    r["notes"] = tuple(r.get("notes") or ())
    return Document(**r)


def content_hash(d: Document) -> str:
    """The hash of everything a document's claims depend on: its text and its fields."""
    return hashlib.sha256(json.dumps(_doc_record(d), sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class Index:
    """An open archive file.  ``create`` makes a new index where no file is."""

    def __init__(self, path: str, create: bool = False):
        import duckdb
        self.path = path
        exists = os.path.exists(path)
        if not exists and not create:
            raise InputError(path, "no such index (discrep index PATHS --db FILE makes one)")
        if exists and os.path.isfile(path):
            with open(path, "rb") as fh:
                head = fh.read(16)
            if head and b"DUCK" not in head:
                raise InputError(path, "not a discrep index (not a DuckDB file)")
        try:
            self.db = duckdb.connect(path)
        except duckdb.Error as e:
            raise InputError(path, f"not a discrep index ({str(e).splitlines()[0]})") from None
        tables = {r[0] for r in self.db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables:
            if not create:
                self.db.close()
                raise InputError(path, "not a discrep index (an empty database)")
            self.db.execute("BEGIN")
            self.db.execute(_TABLES)
            self.db.execute("INSERT INTO meta VALUES ('schema', ?), ('created', ?)",
                            [SCHEMA, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")])
            self.db.execute("COMMIT")
            return
        if "meta" not in tables:
            self.db.close()
            raise InputError(path, "not a discrep index (a DuckDB file without discrep's tables)")
        got = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if not got or got[0] != SCHEMA:
            self.db.close()
            raise InputError(path, f"an index of schema {got[0] if got else 'unknown'}; this discrep reads "
                                   f"{SCHEMA} and does not migrate (index the sources again into a new file)")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def add_stories(self, stories: Iterable[list[Document]], settings: Settings = Settings()) -> IndexStats:
        """:meth:`add` over stories as they come (``discrep.load.StoryIndex``), a batch of
        about ``settings.index_batch_docs`` documents at a time: memory holds one batch,
        not the input."""
        known = dict(self.db.execute("SELECT id, hash FROM documents").fetchall())
        total = IndexStats(0, 0, 0, 0)
        batch: list[Document] = []

        def flush() -> None:
            nonlocal total, batch
            st = self.add(batch, settings, known)
            total = IndexStats(*(a + b for a, b in zip(dataclasses.astuple(total), dataclasses.astuple(st))))
            batch = []
        for docs in stories:
            batch.extend(docs)
            if len(batch) >= settings.index_batch_docs:
                flush()
        if batch:
            flush()
        return total

    def add(self, docs: Iterable[Document], settings: Settings = Settings(),
            known: dict[str, str] | None = None) -> IndexStats:
        """Index ``docs``: skip those already there with the same content, read the stories
        of the others again (all their documents, old and new), and write each story in
        one transaction.  ``known``: the stored documents' hashes, when the caller has them."""
        from .pipeline import group_stories, stream_stories
        merged, hashes, added, unchanged = self.touched(list(docs), known)
        if not merged:
            return IndexStats(0, 0, unchanged, 0)
        replaced = len(merged) - added
        claims = 0
        for rows, _, _ in stream_stories(group_stories(merged), settings, judge=False, n_docs=len(merged)):
            by_story: dict[object, list] = {}
            for row in rows:
                by_story.setdefault(row[0].doc.story, []).append(row)
            for story_rows in by_story.values():
                claims += self._write(story_rows, hashes)
        return IndexStats(added, replaced, unchanged, claims)

    def _write(self, rows: list, hashes: dict[str, str]) -> int:
        """One story's documents and claims, replacing what was there, in one transaction."""
        doc_rows, claim_rows = table_rows(rows, hashes)
        self.db.execute("BEGIN")
        try:
            self._replace([r[0] for r in doc_rows])
            _insert(self.db, doc_rows, claim_rows)
            self._add_terms((r[0], r[2], r[9]) for r in doc_rows)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return len(claim_rows)

    def _replace(self, ids: list[str]) -> None:
        if ids:
            marks = ", ".join("?" * len(ids))
            self.db.execute(f"DELETE FROM claims WHERE doc_id IN ({marks})", ids)
            self.db.execute(f"DELETE FROM terms WHERE doc_id IN ({marks})", ids)
            self.db.execute(f"DELETE FROM documents WHERE id IN ({marks})", ids)

    def _add_terms(self, docs: Iterable[tuple[str, str | None, str | None]]) -> None:
        """Each document's words, once each, from its (id, story, text): the inverted index a
        draft's stories are found by."""
        import pandas as pd
        rows = [(i, story, w) for i, story, text in docs for w in sorted(_terms(text or ""))]
        if rows:
            self.db.register("new_terms", pd.DataFrame(rows, columns=["doc_id", "story", "term"], dtype=object))
            self.db.execute("INSERT INTO terms SELECT * FROM new_terms")
            self.db.unregister("new_terms")

    def load_parts(self, docs_part: str, claims_part: str) -> int:
        """Load one partition's documents and claims, written as Parquet by a worker
        (:func:`write_parts`), replacing what was there, in one transaction."""
        self.db.execute("BEGIN")
        try:
            ids = [r[0] for r in self.db.execute("SELECT id FROM read_parquet(?)", [docs_part]).fetchall()]
            self._replace(ids)
            self.db.execute("INSERT INTO documents SELECT * FROM read_parquet(?)", [docs_part])
            self._add_terms(self.db.execute("SELECT id, story, text FROM read_parquet(?)", [docs_part]).fetchall())
            n = self.db.execute("SELECT count(*) FROM read_parquet(?)", [claims_part]).fetchone()
            self.db.execute("INSERT INTO claims SELECT * FROM read_parquet(?)", [claims_part])
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return n[0] if n else 0

    def touched(self, docs: list[Document], known: dict[str, str] | None = None
                ) -> tuple[list[Document], dict[str, str], int, int]:
        """The documents to read again (the stories with a new or changed document, all
        their documents, stored and new), their hashes, and how many of ``docs`` are new to
        the index and how many unchanged."""
        if known is None:
            known = dict(self.db.execute("SELECT id, hash FROM documents").fetchall())
        hashes = {d.id: content_hash(d) for d in docs}
        stories = {d.story for d in docs if known.get(d.id) != hashes[d.id]}
        stored: dict[str, Document] = {}
        named = sorted(s for s in stories if s is not None)
        queries = [(f"SELECT record FROM documents WHERE story IN ({', '.join('?' * len(named))}) ORDER BY rowid", named)] \
            if named else []
        if None in stories:
            queries.append(("SELECT record FROM documents WHERE story IS NULL ORDER BY rowid", []))
        for sql, args in queries:            # one query for all the stories read again
            for (rec,) in self.db.execute(sql, args).fetchall():
                d = _doc_from(rec)
                stored[d.id] = d
        fresh = {d.id: d for d in docs if d.story in stories}
        added = sum(d.id not in known for d in fresh.values())
        return list({**stored, **fresh}.values()), hashes, added, len(docs) - len(fresh)

    # --- reading -------------------------------------------------------------------------

    def count(self) -> tuple[int, int]:
        """(documents, claims) stored."""
        d = self.db.execute("SELECT count(*) FROM documents").fetchone()
        c = self.db.execute("SELECT count(*) FROM claims").fetchone()
        return (d[0] if d else 0), (c[0] if c else 0)

    def documents(self, story: str | None = None, ids: Iterable[str] | None = None) -> list[Document]:
        """The stored documents, exactly as they were read, in the order they were added:
        all, one story's, or the named ones."""
        if ids is not None:
            want = sorted(set(ids))
            if not want:
                return []
            rows = self.db.execute(f"SELECT record FROM documents WHERE id IN ({', '.join('?' * len(want))}) "
                                   "ORDER BY rowid", want).fetchall()
        elif story is not None:
            rows = self.db.execute("SELECT record FROM documents WHERE story = ? ORDER BY rowid", [story]).fetchall()
        else:
            rows = self.db.execute("SELECT record FROM documents ORDER BY rowid").fetchall()
        return [_doc_from(r) for (r,) in rows]

    def candidates(self, claims: Iterable[Claim], since: dt.date | None = None,
                   stories: Iterable[str | None] | None = None) -> list[Document]:
        """The documents that hold a claim of the same kind and concept as one of ``claims``
        (a claim with no concept: the same kind), published on or after ``since``, of
        ``stories`` when given: the sources a draft's claims can be compared with (blocking
        in SQL)."""
        keys = {(c.kind, _concept(c)) for c in claims}
        if not keys:
            return []
        cond: list[str] = []
        args: list[object] = []
        for kind, concept in sorted(keys, key=str):
            if concept is None:
                cond.append("kind = ?")
                args.append(kind)
            else:
                cond.append("(kind = ? AND (concept = ? OR concept IS NULL))")
                args += [kind, concept]
        sql = f"SELECT DISTINCT doc_id FROM claims WHERE ({' OR '.join(cond)})"
        if since:
            sql += " AND (published IS NULL OR published >= ?)"
            args.append(since)
        if stories is not None:
            named = sorted({st for st in stories if st is not None})
            cond = ["story IN (SELECT unnest(?::VARCHAR[]))"] if named else []
            if None in set(stories):
                cond.append("story IS NULL")
            if not cond:
                return []
            sql += f" AND ({' OR '.join(cond)})"
            if named:
                args.append(named)
        ids = [r[0] for r in self.db.execute(sql, args).fetchall()]
        return self.documents(ids=ids)

    def sources_for(self, drafts: list[Document], claims: Iterable[Claim], settings: Settings = Settings(),
                    since: dt.date | None = None) -> list[Document]:
        """The stories of the index a draft is about: the stories of the documents whose
        words overlap the draft's by at least ``settings.archive_min_overlap`` of the
        draft's weight (rare words weigh more, their rarity counted over the index), found
        in SQL through the ``terms`` table, the ``settings.archive_max_stories`` nearest of
        them; of those, the documents that share a kind and concept with the draft's claims
        (:meth:`candidates`)."""
        mine = sorted(set().union(*(_terms(d.text) for d in drafts))) if drafts else []
        if not mine:
            return []
        total = self.db.execute("SELECT count(*) FROM documents").fetchone()
        n = total[0] if total else 0
        df = dict(self.db.execute("SELECT term, count(*) FROM terms WHERE term IN (SELECT unnest(?::VARCHAR[])) "
                                  "GROUP BY term", [mine]).fetchall())
        if not df:
            return []
        idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        need = settings.archive_min_overlap * sum(idf.values())
        # each document's shared weight, then each story's best, the nearest first (ties by
        # name): a draft tells one story, and checking it against every story that shares a
        # fifth of its words would read half an archive.  All in one query over the terms.
        words = list(idf)
        rows = self.db.execute(
            "WITH w AS (SELECT unnest(?::VARCHAR[]) AS term, unnest(?::DOUBLE[]) AS idf), "
            "d AS (SELECT t.doc_id, any_value(t.story) AS story, sum(w.idf) AS score "
            "      FROM terms t JOIN w USING (term) GROUP BY t.doc_id) "
            "SELECT story, max(score) AS best FROM d WHERE score >= ? GROUP BY story "
            "ORDER BY best DESC, coalesce(story, '') LIMIT ?",
            [words, [idf[w] for w in words], need, settings.archive_max_stories]).fetchall()
        return self.candidates(claims, since, stories=[st for st, _ in rows])

    def search(self, concept: str | None, kind: str | None = None, since: dt.date | None = None,
               story: str | None = None) -> Iterator[dict[str, Any]]:
        """The stored claims of a concept (and kind, story, from a day), oldest first, as
        their JSON records."""
        cond: list[str] = ["TRUE"]
        args: list[object] = []
        for test, value in (("concept = ?", concept), ("kind = ?", kind), ("story = ?", story),
                            ("published >= ?", since)):
            if value:
                cond.append(test)
                args.append(value)
        sql = (f"SELECT record FROM claims WHERE {' AND '.join(cond)} "
               "ORDER BY published NULLS FIRST, doc_id, start_offset")
        for (rec,) in self.db.execute(sql, args).fetchall():
            yield json.loads(rec)


DOC_COLUMNS = ("id", "hash", "story", "outlet", "published", "lang", "path", "title", "url", "text", "record")
CLAIM_COLUMNS = ("id", "doc_id", "story", "kind", "concept", "value_num", "value_text", "low_num", "high_num",
                 "qualifier", "unit", "event", "attributed_to", "published", "start_offset", "end_offset", "text",
                 "sentence", "record")


def table_rows(rows: list, hashes: dict[str, str]) -> tuple[list[list], list[list]]:
    """The ``documents`` and ``claims`` rows of documents read (normalized document,
    mentions, claims), as the index stores them."""
    doc_rows, claim_rows = [], []
    for nd, _, cs in rows:
        d = nd.doc
        doc_rows.append([d.id, hashes.get(d.id) or content_hash(d), d.story, nd.outlet, nd.published, nd.lang,
                         d.path, d.title, d.url, d.text, json.dumps(_doc_record(d), ensure_ascii=False)])
        for c in cs:
            m = c.mention
            value, text = numeric(m.value), None
            if value is None:
                text = str(m.value)
            claim_rows.append([c.id, c.doc_id, c.story, c.kind, _concept(c), value, text, numeric(m.low),
                               numeric(m.high), m.qualifier, c.unit, c.event, c.attributed_to, c.published, m.start,
                               m.end, m.text, c.sentence, json.dumps(c.to_dict(), ensure_ascii=False, default=str)])
    return doc_rows, claim_rows


def _insert(con: Any, doc_rows: list[list], claim_rows: list[list]) -> None:
    """Insert rows into ``documents`` and ``claims`` through pandas frames, which DuckDB
    reads in one scan (row-by-row inserts are slow); object columns keep None as NULL."""
    import pandas as pd
    for table, cols, rows in (("documents", DOC_COLUMNS, doc_rows), ("claims", CLAIM_COLUMNS, claim_rows)):
        if rows:
            con.register("new_rows", pd.DataFrame(rows, columns=list(cols), dtype=object))
            con.execute(f"INSERT INTO {table} SELECT * FROM new_rows")
            con.unregister("new_rows")


def write_parts(docs: list[Document], settings: Settings, hashes: dict[str, str], out: str, name: str
                ) -> tuple[str, str]:
    """Read ``docs`` (whole stories) with the same per-document pipeline as one process and
    write their ``documents`` and ``claims`` rows as two Parquet files in ``out``: one
    partition of an archive-scale run, which the index then loads (:meth:`Index.load_parts`)."""
    import duckdb

    from .pipeline import extract_documents
    rows = extract_documents(docs, settings.with_(jobs=1))
    doc_rows, claim_rows = table_rows(rows, hashes)
    con = duckdb.connect()
    try:
        con.execute(_DOCUMENTS.format(key="") + _CLAIMS)
        _insert(con, doc_rows, claim_rows)
        paths = (os.path.join(out, f"documents-{name}.parquet"), os.path.join(out, f"claims-{name}.parquet"))
        con.execute(f"COPY documents TO '{paths[0]}' (FORMAT PARQUET)")
        con.execute(f"COPY claims TO '{paths[1]}' (FORMAT PARQUET)")
    finally:
        con.close()
    return paths


def index_with_dask(index: Index, docs: Iterable[Document], settings: Settings = Settings(),
                    scheduler: str | None = None, workers: int = 2) -> IndexStats:
    """:meth:`Index.add` on Dask: the stories to read are partitions of a Dask bag, each
    read by the same per-document code and written as Parquet by a worker, then loaded by
    DuckDB one partition a transaction.  With ``scheduler`` (an address) it uses that
    cluster; without, it starts a local one of ``workers`` processes and stops it after."""
    import tempfile

    import dask.bag as db
    from distributed import Client, LocalCluster

    from .pipeline import _story_chunks, group_stories
    merged, hashes, added, unchanged = index.touched(list(docs))
    if not merged:
        return IndexStats(0, 0, unchanged, 0)
    chunks = [c for c, _ in _story_chunks(group_stories(merged), settings.chunk_docs)]
    cluster = None if scheduler else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    client = Client(scheduler or cluster)
    claims = 0
    try:
        with tempfile.TemporaryDirectory(prefix="discrep-parts-") as out:
            bag = db.from_sequence(list(enumerate(chunks)), npartitions=max(1, len(chunks)))
            parts = bag.map(lambda nc: write_parts(nc[1], settings, {d.id: hashes.get(d.id, "") for d in nc[1]},
                                                   out, f"{nc[0]:06d}")).compute()
            for docs_part, claims_part in sorted(parts):
                claims += index.load_parts(docs_part, claims_part)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return IndexStats(added, len(merged) - added, unchanged, claims)


def read_parquet_documents(path: str) -> list[Document]:
    """Documents from a Parquet file with a ``text`` column and any of ``id``, ``story``,
    ``outlet``, ``published``, ``lang``, ``title``, ``url`` (an archive's export)."""
    import duckdb
    try:
        con = duckdb.connect()
        cur = con.execute("SELECT * FROM read_parquet(?)", [path])
        cols = [c[0] for c in cur.description]
        rows = cur.fetchall()
        con.close()
    except duckdb.Error as e:
        raise InputError(path, f"not a readable Parquet file ({str(e).splitlines()[0]})") from None
    if "text" not in cols:
        raise InputError(path, "no 'text' column")
    out = []
    for n, row in enumerate(rows):
        r = dict(zip(cols, row))
        pub = r.get("published")
        if isinstance(pub, str):
            try:
                pub = dt.date.fromisoformat(pub[:10])
            except ValueError:
                pub = None
        elif isinstance(pub, dt.datetime):
            pub = pub.date()
        out.append(Document(id=str(r.get("id") or f"{os.path.basename(path)}:{n + 1}"), text=str(r["text"] or ""),
                            path=path, title=r.get("title"), outlet=r.get("outlet"), url=r.get("url"),
                            published=pub if isinstance(pub, dt.date) else None, lang=r.get("lang"),
                            story=None if r.get("story") is None else str(r.get("story")), record=n))
    return out


_WORD = re.compile(r"\w{3,}")


def _terms(text: str) -> set[str]:
    """A text's words, folded and lower-cased, once each (no figures)."""
    from .normalize import fold
    return {w for w in _WORD.findall(fold(text).casefold()) if not w.isdigit()}


def is_index(path: str) -> bool:
    """Whether ``path`` names a DuckDB file (by its name, or its first bytes)."""
    if path.endswith((".duckdb", ".ddb")):
        return True
    try:
        with open(path, "rb") as fh:
            return b"DUCK" in fh.read(16)
    except OSError:
        return False


def concept_of(query: str) -> str | None:
    """The concept a search term names in any language: an event ("deaths", "قتلى"), a
    measure ("turnout") or a counted noun ("voters"), else the term itself."""
    from . import lang
    from .normalize import fold
    q = fold(query).casefold().strip()
    for code in lang.available():
        ld = lang.get(code)
        ev = ld.event_of(q)
        if ev:
            return ev
        for cid, ws in lang.raw(code).get("measures", {}).items():
            if q in {fold(w).casefold() for w in ws} or q == cid:
                return cid
        stem = ld.stem(q)
        if stem in ld.noun_concepts:
            return ld.noun_concepts[stem]
    return q or None


__all__ = ["SCHEMA", "Index", "IndexStats", "content_hash", "is_index", "concept_of", "index_with_dask", "DiscrepError"]

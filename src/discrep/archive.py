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

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from .errors import DiscrepError, InputError
from .model import Claim, Document
from .settings import Settings

SCHEMA = "discrep.index/1"

_TABLES = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, story VARCHAR, outlet VARCHAR, published DATE,
    lang VARCHAR, path VARCHAR, title VARCHAR, url VARCHAR, text VARCHAR, record JSON);
CREATE TABLE claims (
    id VARCHAR, doc_id VARCHAR, story VARCHAR, kind VARCHAR, concept VARCHAR, value_num DOUBLE,
    value_text VARCHAR, low_num DOUBLE, high_num DOUBLE, qualifier VARCHAR, unit VARCHAR,
    event VARCHAR, attributed_to VARCHAR, published DATE, start_offset INTEGER, end_offset INTEGER,
    text VARCHAR, sentence VARCHAR, record JSON);
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


def _concept(c: Claim) -> str | None:
    from .align import _concept as concept
    return concept(c)


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

    def add(self, docs: Iterable[Document], settings: Settings = Settings()) -> IndexStats:
        """Index ``docs``: skip those already there with the same content, read the stories
        of the others again (all their documents, old and new), and write each story in
        one transaction."""
        from .pipeline import group_stories, stream_stories
        docs = list(docs)
        known = dict(self.db.execute("SELECT id, hash FROM documents").fetchall())
        hashes = {d.id: content_hash(d) for d in docs}
        touched = {d.story for d in docs if known.get(d.id) != hashes[d.id]}
        if not touched:
            return IndexStats(0, 0, len(docs), 0)
        # a story read again is read whole: its stored documents join the new ones
        stored: dict[str, Document] = {}
        for story in touched:
            rows = self.db.execute("SELECT record FROM documents WHERE story IS NOT DISTINCT FROM ?",
                                   [story]).fetchall()
            for (rec,) in rows:
                d = _doc_from(rec)
                stored[d.id] = d
        fresh = {d.id: d for d in docs if d.story in touched}
        merged = list({**stored, **fresh}.values())
        added = sum(d.id not in known for d in fresh.values())
        replaced = len(merged) - added
        claims = 0
        for rows, _, _ in stream_stories(group_stories(merged), settings, judge=False, n_docs=len(merged)):
            by_story: dict[object, list] = {}
            for row in rows:
                by_story.setdefault(row[0].doc.story, []).append(row)
            for story_rows in by_story.values():
                claims += self._write(story_rows, hashes)
        return IndexStats(added, replaced, len(docs) - len(fresh), claims)

    def _write(self, rows: list, hashes: dict[str, str]) -> int:
        """One story's documents and claims, replacing what was there, in one transaction."""
        ids = [nd.doc.id for nd, _, _ in rows]
        n = 0
        self.db.execute("BEGIN")
        try:
            for i in ids:
                self.db.execute("DELETE FROM claims WHERE doc_id = ?", [i])
                self.db.execute("DELETE FROM documents WHERE id = ?", [i])
            for nd, _, cs in rows:
                d = nd.doc
                self.db.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                [d.id, hashes.get(d.id) or content_hash(d), d.story, nd.outlet, nd.published,
                                 nd.lang, d.path, d.title, d.url, d.text,
                                 json.dumps(_doc_record(d), ensure_ascii=False)])
                for c in cs:
                    m = c.mention
                    num = isinstance(m.value, (int, float)) and not isinstance(m.value, bool)
                    self.db.execute(
                        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [c.id, c.doc_id, c.story, c.kind, _concept(c), float(m.value) if num else None,
                         None if num else str(m.value),
                         float(m.low) if isinstance(m.low, (int, float)) else None,
                         float(m.high) if isinstance(m.high, (int, float)) else None,
                         m.qualifier, c.unit, c.event, c.attributed_to, c.published, m.start, m.end, m.text,
                         c.sentence, json.dumps(c.to_dict(), ensure_ascii=False, default=str)])
                    n += 1
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return n

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

    def candidates(self, claims: Iterable[Claim], since: dt.date | None = None) -> list[Document]:
        """The documents that hold a claim of the same kind and concept as one of ``claims``
        (a claim with no concept: the same kind), published on or after ``since``: the
        sources a draft's claims can be compared with (blocking in SQL)."""
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
        ids = [r[0] for r in self.db.execute(sql, args).fetchall()]
        return self.documents(ids=ids)

    def search(self, concept: str | None, kind: str | None = None, since: dt.date | None = None,
               story: str | None = None) -> Iterator[dict[str, Any]]:
        """The stored claims of a concept (and kind, story, from a day), oldest first, as
        their JSON records."""
        cond: list[str] = ["TRUE"]
        args: list[object] = []
        if concept:
            cond.append("concept = ?")
            args.append(concept)
        if kind:
            cond.append("kind = ?")
            args.append(kind)
        if story:
            cond.append("story = ?")
            args.append(story)
        if since:
            cond.append("published >= ?")
            args.append(since)
        sql = (f"SELECT record FROM claims WHERE {' AND '.join(cond)} "
               "ORDER BY published NULLS FIRST, doc_id, start_offset")
        for (rec,) in self.db.execute(sql, args).fetchall():
            yield json.loads(rec)


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


__all__ = ["SCHEMA", "Index", "IndexStats", "content_hash", "is_index", "concept_of", "DiscrepError"]

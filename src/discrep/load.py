"""load: read articles from files, folders, globs or stdin into :class:`Document` records.

Formats: .txt/.md (optional front matter), .html/.htm (main text only), .json (an object
or a list of objects), .jsonl (one object per line).  Encodings: UTF-8 with or without
BOM, UTF-16 with BOM, then Windows-1256 as a guess (reported on the document)."""
from __future__ import annotations

import datetime as dt
import glob
import json
import os
import re
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .model import Document

TEXT_EXT = {".txt", ".md", ".markdown", ".text"}
HTML_EXT = {".html", ".htm"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT
FIELDS = ("id", "title", "outlet", "url", "published", "lang", "story")


def decode(data: bytes, where: str) -> tuple[str, str, bool]:
    """(text, encoding, guessed)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig", False
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", False
        except UnicodeDecodeError as e:
            raise InputError(where, f"invalid UTF-16 ({e.reason})") from None
    if b"\x00" in data[:4096]:
        raise InputError(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256"), "cp1256", True
    except UnicodeDecodeError:
        raise InputError(where, "cannot decode as UTF-8, UTF-16 or Windows-1256") from None


def parse_date(value, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m:
            try:
                return dt.date(*map(int, m.groups()))
            except ValueError:
                pass
    raise InputError(where, f"bad 'published' date {value!r} (expected YYYY-MM-DD)")


def _record(obj, where: str, default_id: str, path: str | None, enc: str, guessed: bool) -> Document:
    if not isinstance(obj, dict):
        raise InputError(where, "record is not a JSON object")
    text = obj.get("text")
    if text is None:
        raise InputError(where, "record has no 'text' field")
    if not isinstance(text, str):
        raise InputError(where, "'text' is not a string")
    meta = {k: obj.get(k) for k in FIELDS}
    for k in ("id", "title", "outlet", "url", "lang", "story"):
        if meta[k] is not None and not isinstance(meta[k], str):
            meta[k] = str(meta[k])
    return Document(id=meta["id"] or default_id, text=text, path=path, title=meta["title"], outlet=meta["outlet"],
                    url=meta["url"], published=parse_date(meta["published"], where), lang=meta["lang"],
                    story=meta["story"], encoding=enc, encoding_guessed=guessed)


FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _text_doc(text: str, doc_id: str, path: str | None, enc: str, guessed: bool) -> Document:
    meta: dict[str, str] = {}
    end = 0
    m = FRONT.match(text)
    if m:
        for line in m.group(1).splitlines():
            k, sep, v = line.partition(":")
            if sep and k.strip().lower() in FIELDS:
                meta[k.strip().lower()] = v.strip().strip("\"'")
        end = m.end()
    where = path or doc_id
    return Document(id=meta.get("id") or doc_id, text=text, path=path, title=meta.get("title"),
                    outlet=meta.get("outlet"), url=meta.get("url"),
                    published=parse_date(meta.get("published"), where), lang=meta.get("lang"),
                    story=meta.get("story"), encoding=enc, encoding_guessed=guessed, front_matter_end=end)


class _MainText(HTMLParser):
    """Paragraph-level text of an HTML page; navigation, scripts and asides are dropped."""
    SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg", "iframe", "button"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "div",
             "article", "section", "br", "title", "pre", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            if key in ("article:published_time", "og:site_name", "date", "pubdate") and a.get("content"):
                self.meta[key] = a["content"]
        if tag == "html":
            lang = dict(attrs).get("lang")
            if lang:
                self.meta["lang"] = lang.split("-")[0].lower()

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_doc(html: str, doc_id: str, path: str | None, enc: str, guessed: bool) -> Document:
    p = _MainText()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    text = "\n\n".join(ln for ln in lines if ln)
    pub = p.meta.get("article:published_time") or p.meta.get("date") or p.meta.get("pubdate")
    try:
        published = parse_date(pub, path or doc_id) if pub else None
    except InputError:
        published = None
    return Document(id=doc_id, text=text, path=path, outlet=p.meta.get("og:site_name"), published=published,
                    lang=p.meta.get("lang") if p.meta.get("lang") in ("ar", "en") else None,
                    encoding=enc, encoding_guessed=guessed)


def _sniff(text: str) -> str:
    """The format of standard input, from its head."""
    head = text.lstrip()[:1]
    return ".jsonl" if head == "{" and "\n{" in text.strip() else (".json" if head in "[{" and head else ".txt")


def _jsonl_record(line: str, where: str, default_id: str, path: str | None, enc: str = "utf-8",
                  guessed: bool = False) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(where, f"not valid JSON ({e.msg})") from None
    return _record(obj, where, default_id, path, enc, guessed)


def parse_bytes(data: bytes, name: str, path: str | None, kind: str | None = None) -> Iterator[Document]:
    """Documents in one input; ``kind`` is the extension (".txt", ...) or None to sniff."""
    text, enc, guessed = decode(data, name)
    stem = Path(name).stem if path else name
    if kind is None:
        kind = _sniff(text)
    if kind in JSONL_EXT:
        # records are separated by "\n" alone: a JSON string may hold U+2028 and the like,
        # which str.splitlines would also cut at
        for ln, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield _jsonl_record(line, f"{name}:{ln}", f"{stem}:{ln}", path, enc, guessed)
    elif kind in JSON_EXT:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{e.lineno}", f"not valid JSON ({e.msg})") from None
        items = obj if isinstance(obj, list) else [obj]
        for k, rec in enumerate(items):
            yield _record(rec, f"{name}[{k}]", stem if len(items) == 1 else f"{stem}:{k}", path, enc, guessed)
    elif kind in HTML_EXT:
        yield html_to_doc(text, stem, path, enc, guessed)
    else:
        yield _text_doc(text, stem, path, enc, guessed)


def expand(paths: Iterable[str]) -> list[str]:
    """Files named by paths, folders (recursive, supported types only) and globs, in order."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(p, "no file matches this pattern")
            out.extend(expand(matches))
            continue
        if os.path.isdir(p):
            found = sorted(str(f) for f in Path(p).rglob("*")
                           if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith("."))
            if not found:
                raise InputError(p, "folder holds no .txt, .md, .html, .json or .jsonl files")
            out.extend(found)
            continue
        if not os.path.exists(p):
            raise InputError(p, "no such file or folder")
        out.append(p)
    return out


def _unique(ids: Iterable[str]) -> Iterator[str]:
    """Ids made unique in input order: a repeat gets "~1", "~2", ..."""
    seen: dict[str, int] = {}
    for i in ids:
        if i in seen:
            seen[i] += 1
            yield f"{i}~{seen[i]}"
        else:
            seen[i] = 0
            yield i


def _read(p: str) -> bytes:
    _check_readable(p)
    try:
        data = Path(p).read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as e:
        raise InputError(p, e.strerror or "cannot read") from None
    if not data.strip():
        raise InputError(p, "file is empty")
    return data


def load(paths: Iterable[str], stdin=None) -> list[Document]:
    docs: list[Document] = []
    for p in expand(paths):
        if p == "-":
            data = (stdin or sys.stdin.buffer).read()
            docs.extend(parse_bytes(data, "stdin", None))
            continue
        docs.extend(parse_bytes(_read(p), p, p, Path(p).suffix.lower()))
    return [d if d.id == u else replace(d, id=u) for d, u in zip(docs, _unique(d.id for d in docs))]


class StoryIndex:
    """The documents of the inputs, story by story, with one story in memory at a time.

    A first pass reads every document once and keeps only its story, its final id and where
    it sits (a JSON Lines record by its byte offset); iterating reads each story's documents
    again, in order of the story's first appearance.  Ids, order and errors are those of
    :func:`load`.  Standard input is spooled to a temporary file first."""

    def __init__(self, paths: Iterable[str], stdin=None):
        self._spool = None
        self._files: list[tuple[str, str | None, str | None]] = []   # (name, path, kind)
        located: list[tuple[object, str, tuple]] = []                 # (story, id, where)
        for p in expand(paths):
            if p == "-":
                import shutil
                import tempfile
                self._spool = tempfile.TemporaryFile()
                shutil.copyfileobj(stdin or sys.stdin.buffer, self._spool)
                self._files.append(("stdin", None, None))
            else:
                _check_readable(p)
                self._files.append((p, p, Path(p).suffix.lower()))
            f = len(self._files) - 1
            for k, (d, where) in enumerate(self._scan(f)):
                located.append((d.story, d.id, (f, k, where)))
        self.count = len(located)
        self._stories: dict[object, list[tuple[str, tuple]]] = {}
        for (story, _, where), uid in zip(located, _unique(i for _, i, _ in located)):
            self._stories.setdefault(story, []).append((uid, where))

    def _bytes(self, f: int) -> bytes:
        name, path, _ = self._files[f]
        if path is None:
            self._spool.seek(0)
            return self._spool.read()
        return _read(path)

    def _open(self, f: int):
        name, path, _ = self._files[f]
        if path is None:
            self._spool.seek(0)
            return _Reopen(self._spool)
        try:
            return open(path, "rb")
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as e:
            raise InputError(path, e.strerror or "cannot read") from None

    def _scan(self, f: int) -> Iterator[tuple[Document, object]]:
        """(document, where) for each document of input ``f``.  A UTF-8 JSON Lines input is
        read line by line and a record's ``where`` is its byte span, so it can be read again
        alone; anything else is parsed whole (``where`` None)."""
        name, path, kind = self._files[f]
        if kind is None:                 # standard input: sniff the format as load() does
            kind = self._sniff_spool(f)
            self._files[f] = (name, path, kind)
        if kind in JSONL_EXT:
            docs = self._scan_lines(f)
            if docs is not None:
                yield from docs
                return
        for d in parse_bytes(self._bytes(f), name, path, kind):
            yield d, None

    def _sniff_spool(self, f: int) -> str:
        with self._open(f) as fh:
            head = fh.read(1 << 16)
            kind = _sniff(head.decode("utf-8", errors="replace"))
            if kind == ".json" and head.lstrip()[:1] == b"{":
                prev = head[-1:]         # a record longer than the head: look on for "\n{"
                while chunk := fh.read(1 << 20):
                    if b"\n{" in prev + chunk:
                        return ".jsonl"
                    prev = chunk[-1:]
        return kind

    def _scan_lines(self, f: int) -> list[tuple[Document, object]] | None:
        """Pass one over a JSON Lines input: documents (their text dropped) with their byte
        spans, or None when the input is not plain UTF-8 (a BOM, UTF-16, Windows-1256)."""
        name, path, _ = self._files[f]
        stem = Path(name).stem
        out = []
        with self._open(f) as fh:
            if fh.read(3)[:2] in (b"\xef\xbb", b"\xff\xfe", b"\xfe\xff"):
                return None
            fh.seek(0)
            at = 0
            for ln, line in enumerate(fh, 1):
                span = (at, at + len(line), ln)
                at += len(line)
                if not line.strip():
                    continue
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    return None
                d = _jsonl_record(text, f"{name}:{ln}", f"{stem}:{ln}", path)
                out.append((replace(d, text=""), span))
        if not out:                      # blank throughout: as load() reads it
            if path is None:
                return None
            raise InputError(name, "file is empty")
        return out

    def __iter__(self) -> Iterator[list[Document]]:
        cache: tuple[int, list[Document]] | None = None
        for members in self._stories.values():
            docs = []
            for uid, (f, k, where) in members:
                name, path, kind = self._files[f]
                if where is not None:
                    a, b, ln = where
                    with self._open(f) as fh:
                        fh.seek(a)
                        line = fh.read(b - a)
                    d = _jsonl_record(line.decode("utf-8"), f"{name}:{ln}", f"{Path(name).stem}:{ln}", path)
                else:
                    if cache is None or cache[0] != f:
                        cache = (f, list(parse_bytes(self._bytes(f), name, path, kind)))
                    d = cache[1][k]
                docs.append(d if d.id == uid else replace(d, id=uid))
            yield docs

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()


class _Reopen:
    """The spooled standard input as a context manager that leaves the file open."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self.fh

    def __exit__(self, *exc):
        return False


def _check_readable(p: str) -> None:
    suffix = Path(p).suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(p, f"unsupported file type {suffix or '(none)'!r}; use .txt, .md, .html, .json or .jsonl")

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


def parse_bytes(data: bytes, name: str, path: str | None, kind: str | None = None) -> Iterator[Document]:
    """Documents in one input; ``kind`` is the extension (".txt", ...) or None to sniff."""
    text, enc, guessed = decode(data, name)
    stem = Path(name).stem if path else name
    if kind is None:
        head = text.lstrip()[:1]
        kind = ".jsonl" if head == "{" and "\n{" in text.strip() else (".json" if head in "[{" and head else ".txt")
    if kind in JSONL_EXT:
        for ln, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{name}:{ln}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(where, f"not valid JSON ({e.msg})") from None
            yield _record(obj, where, f"{stem}:{ln}", path, enc, guessed)
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


def load(paths: Iterable[str], stdin=None) -> list[Document]:
    docs: list[Document] = []
    for p in expand(paths):
        if p == "-":
            data = (stdin or sys.stdin.buffer).read()
            docs.extend(parse_bytes(data, "stdin", None))
            continue
        suffix = Path(p).suffix.lower()
        if suffix not in SUPPORTED:
            raise InputError(p, f"unsupported file type {suffix or '(none)'!r}; use .txt, .md, .html, .json or .jsonl")
        try:
            data = Path(p).read_bytes()
        except PermissionError:
            raise InputError(p, "permission denied") from None
        except OSError as e:
            raise InputError(p, e.strerror or "cannot read") from None
        if not data.strip():
            raise InputError(p, "file is empty")
        docs.extend(parse_bytes(data, p, p, suffix))
    seen: dict[str, int] = {}
    unique = []
    for d in docs:
        if d.id in seen:
            seen[d.id] += 1
            from dataclasses import replace
            d = replace(d, id=f"{d.id}~{seen[d.id]}")
        else:
            seen[d.id] = 0
        unique.append(d)
    return unique

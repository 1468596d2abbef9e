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
from collections import Counter
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .model import Document, Skipped

TEXT_EXT = {".txt", ".md", ".markdown", ".text"}
HTML_EXT = {".html", ".htm"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSON_EXT | JSONL_EXT
FIELDS = ("id", "title", "outlet", "url", "published", "lang", "story")


# signatures of files that are not text, however they are named
MAGIC = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n", "PNG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
         (b"\xff\xd8\xff", "JPEG"), (b"PK\x03\x04", "ZIP (or DOCX, XLSX, EPUB)"), (b"\x1f\x8b", "gzip"),
         (b"BZh", "bzip2"), (b"7z\xbc\xaf\x27\x1c", "7-Zip"), (b"Rar!\x1a\x07", "RAR"),
         (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (DOC, XLS)"), (b"\x7fELF", "executable (ELF)"),
         (b"RIFF", "RIFF (WAV, AVI, WEBP)"), (b"OggS", "Ogg"), (b"ID3", "MP3"), (b"\x00\x00\x00\x18ftyp", "MP4"),
         (b"\x00\x00\x00\x20ftyp", "MP4"), (b"SQLite format 3\x00", "SQLite"))
CONTROL_SHARE = 0.05        # more control characters than this: not text in this encoding


def _controls(text: str) -> float:
    """Share of C0/C1 control characters other than layout (tab, newline, form feed, CR)."""
    if not text:
        return 0.0
    n = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or 0x7f <= ord(ch) < 0xa0)
    return n / len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of UTF-16 with no byte-order mark, when one byte order reads as text: ASCII has
    a NUL in every other byte, Arabic a 0x06."""
    if len(data) < 2:
        return None
    best = None
    head = data[:4096]
    for enc, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        # text keeps to a script or two: one high byte (0x00 for Latin, 0x06 for Arabic)
        # dominates; random bytes spread over all of them
        if not high or Counter(high).most_common(1)[0][1] < len(high) / 2:
            continue
        try:
            text = data[: len(data) - len(data) % 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if _controls(text) <= CONTROL_SHARE and sum(ch.isalpha() for ch in text) >= len(text) / 4:
            if best is None or _controls(text) < _controls(best[0]):
                best = (text, enc)
    return best[0] if best else None


def decode(data: bytes, where: str) -> tuple[str, str, bool]:
    """(text, encoding, guessed).  UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM,
    UTF-16 without one (guessed), Windows-1256 (guessed), and a file mixing UTF-8 lines with
    Windows-1256 lines (each line read in its own encoding; guessed).  Binary files are
    refused with their kind."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, False
            except UnicodeDecodeError as e:
                raise InputError(where, f"invalid {enc.upper()} ({e.reason})", "undecodable") from None
    for sig, kind in MAGIC:
        if data.startswith(sig):
            raise InputError(where, f"binary file ({kind}), not text", "binary")
    head = data[:4096]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if b"\x00" in head or (text is not None and _controls(text[:4096]) > CONTROL_SHARE):
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide, "utf-16 (no BOM)", True
        raise InputError(where, "binary file (NUL or control bytes), not text", "binary")
    if text is not None:
        return text, "utf-8", False
    lines = data.split(b"\n")
    parts, legacy = [], 0
    for line in lines:
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(line.decode("cp1256", errors="replace"))
            legacy += 1
    text = "\n".join(parts)
    if _controls(text) > CONTROL_SHARE or text.count("\ufffd") > len(text) * CONTROL_SHARE:
        raise InputError(where, "cannot decode as UTF-8, UTF-16 or Windows-1256", "undecodable")
    return text, ("cp1256" if legacy == len(lines) else f"mixed: utf-8 and cp1256 ({legacy} lines)"), True


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
    raise InputError(where, f"bad 'published' date {value!r} (expected YYYY-MM-DD)", "malformed")


def _record(obj, where: str, default_id: str, path: str | None, enc: str, guessed: bool) -> Document:
    if not isinstance(obj, dict):
        raise InputError(where, "record is not a JSON object", "malformed")
    text = obj.get("text")
    if text is None:
        raise InputError(where, "record has no 'text' field", "malformed")
    if not isinstance(text, str):
        raise InputError(where, "'text' is not a string", "malformed")
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
        raise InputError(where, f"not valid JSON ({e.msg})", "malformed") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply", "malformed") from None
    return _record(obj, where, default_id, path, enc, guessed)


def parse_bytes(data: bytes, name: str, path: str | None, kind: str | None = None,
                on_bad: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Documents in one input; ``kind`` is the extension (".txt", ...) or None to sniff.  A
    malformed record raises, or with ``on_bad`` is handed to it and skipped."""
    text, enc, guessed = decode(data, name)
    if not text.strip():                 # only Unicode spaces (no-break, U+2028, ...)
        raise InputError(name, "file is empty (white space only)", "empty")
    stem = Path(name).stem if path else name
    if kind is None:
        kind = _sniff(text)

    def each(make):
        try:
            return make()
        except InputError as e:
            if on_bad is None or e.status != "malformed":
                raise
            on_bad(e)
            return None

    if kind in JSONL_EXT:
        # records are separated by "\n" alone: a JSON string may hold U+2028 and the like,
        # which str.splitlines would also cut at
        blank = True
        for ln, line in enumerate(text.split("\n"), 1):
            if line.strip():
                blank = False
                d = each(lambda: _jsonl_record(line, f"{name}:{ln}", f"{stem}:{ln}", path, enc, guessed))
                if d is not None:
                    yield d
        if blank:
            raise InputError(name, "file is empty (white space only)", "empty")
    elif kind in JSON_EXT:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{e.lineno}", f"not valid JSON ({e.msg})", "malformed") from None
        except RecursionError:
            raise InputError(name, "JSON nested too deeply", "malformed") from None
        items = obj if isinstance(obj, list) else [obj]
        for k, rec in enumerate(items):
            d = each(lambda: _record(rec, f"{name}[{k}]", stem if len(items) == 1 else f"{stem}:{k}", path, enc,
                                     guessed))
            if d is not None:
                yield d
    elif kind in HTML_EXT:
        yield html_to_doc(text, stem, path, enc, guessed)
    else:
        yield _text_doc(text, stem, path, enc, guessed)


def walk(paths: Iterable[str]) -> list[tuple[str, bool]]:
    """(path, found) for every input: files as named, folders walked recursively (symbolic
    links followed once: a link loop is not walked twice), globs expanded.  ``found`` marks
    files met inside a folder or a glob; hidden files and folders are left out.  Found files
    of unsupported types are listed too, so that they can be reported as skipped."""
    out: list[tuple[str, bool]] = []
    for p in paths:
        if p == "-":
            out.append((p, False))
            continue
        if any(ch in p for ch in "*?[") and not os.path.exists(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                raise InputError(p, "no file matches this pattern")
            for m in matches:
                out.extend((f, True) for f, _ in walk([m]))
            continue
        if os.path.isdir(p):
            found = _walk_folder(p)
            if not any(Path(f).suffix.lower() in SUPPORTED for f in found):
                raise InputError(p, "folder holds no .txt, .md, .html, .json or .jsonl files")
            out.extend((f, True) for f in found)
            continue
        if not os.path.exists(p):
            raise InputError(p, "no such file or folder" + (" (a broken link)" if os.path.islink(p) else ""))
        out.append((p, False))
    return out


def _walk_folder(root: str) -> list[str]:
    seen: set[tuple[int, int]] = set()
    files: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:      # a link back into a folder already walked
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        files.extend(os.path.join(dirpath, f) for f in filenames
                     if not f.startswith(".") and os.path.isfile(os.path.join(dirpath, f)))
    return sorted(files)


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


def _check_readable(p: str) -> None:
    suffix = Path(p).suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(p, f"unsupported file type {suffix or '(none)'!r}; use .txt, .md, .html, .json or .jsonl",
                         "unsupported")


def _unreadable(p: str, e: OSError) -> InputError:
    why = "permission denied" if isinstance(e, PermissionError) else (e.strerror or "cannot read")
    return InputError(p, why, "unreadable")


def _read(p: str) -> bytes:
    _check_readable(p)
    try:
        data = Path(p).read_bytes()
    except OSError as e:
        raise _unreadable(p, e) from None
    if not data.strip():
        raise InputError(p, "file is empty" if not data else "file is empty (white space only)", "empty")
    return data


class Inputs:
    """What the inputs hold: the documents read, and the inputs skipped with the reason.

    A bad input (empty, binary, undecodable, unreadable, a malformed record) stops the
    run with an :class:`InputError` naming it, unless ``skip_bad``: then it is recorded in
    ``skipped`` and the rest is read.  A file of an unsupported type found inside a folder
    or a glob is always recorded as skipped (a folder holding a PDF is no error); named on
    the command line, it is a bad input."""

    def __init__(self, skip_bad: bool = False):
        self.skip_bad = skip_bad
        self.skipped: list[Skipped] = []

    def bad(self, e: InputError, path: str | None, found: bool = False) -> None:
        """Record ``e`` as a skipped input, or raise it."""
        if e.status is None or not (self.skip_bad or (found and e.status == "unsupported")):
            raise e
        self.skipped.append(Skipped(where=e.where, path=path, status=e.status, reason=e.problem))

    def on_bad(self, path: str | None):
        return (lambda e: self.bad(e, path)) if self.skip_bad else None


def read_inputs(paths: Iterable[str], stdin=None, skip_bad: bool = False) -> tuple[list[Document], list[Skipped]]:
    """(documents, skipped inputs): see :class:`Inputs`."""
    acc = Inputs(skip_bad)
    docs: list[Document] = []
    for p, found in walk(paths):
        try:
            if p == "-":
                data = (stdin or sys.stdin.buffer).read()
                if not data.strip():
                    raise InputError("stdin", "standard input is empty", "empty")
                docs.extend(parse_bytes(data, "stdin", None, on_bad=acc.on_bad(None)))
                continue
            docs.extend(parse_bytes(_read(p), p, p, Path(p).suffix.lower(), acc.on_bad(p)))
        except InputError as e:
            acc.bad(e, None if p == "-" else p, found)
    docs = [d if d.id == u else replace(d, id=u) for d, u in zip(docs, _unique(d.id for d in docs))]
    return docs, acc.skipped


def load(paths: Iterable[str], stdin=None) -> list[Document]:
    """The documents of the inputs; a bad input raises :class:`InputError`."""
    return read_inputs(paths, stdin)[0]


class StoryIndex:
    """The documents of the inputs, story by story, with one story in memory at a time.

    A first pass reads every document once and keeps only its story, its final id and where
    it sits (a JSON Lines record by its byte offset); iterating reads each story's documents
    again, in order of the story's first appearance.  Ids, order, errors and skipped inputs
    are those of :func:`read_inputs`.  Standard input is spooled to a temporary file first."""

    def __init__(self, paths: Iterable[str], stdin=None, skip_bad: bool = False):
        self._spool = None
        self._files: list[tuple[str, str | None, str | None]] = []   # (name, path, kind)
        acc = Inputs(skip_bad)
        located: list[tuple[object, str, tuple]] = []                 # (story, id, where)
        for p, found in walk(paths):
            if p == "-":
                import shutil
                import tempfile
                self._spool = tempfile.TemporaryFile()
                shutil.copyfileobj(stdin or sys.stdin.buffer, self._spool)
                self._files.append(("stdin", None, None))
            else:
                self._files.append((p, p, Path(p).suffix.lower()))
            f = len(self._files) - 1
            try:
                if p != "-":
                    _check_readable(p)
                elif self._blank_spool():
                    raise InputError("stdin", "standard input is empty", "empty")
                got = list(self._scan(f, acc))
            except InputError as e:
                acc.bad(e, None if p == "-" else p, found)
                continue
            located.extend((d.story, d.id, (f, k, where)) for k, (d, where) in enumerate(got))
        self.skipped = acc.skipped
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
        except OSError as e:
            raise _unreadable(path, e) from None

    def _scan(self, f: int, acc: Inputs) -> Iterator[tuple[Document, object]]:
        """(document, where) for each document of input ``f``.  A UTF-8 JSON Lines input is
        read line by line and a record's ``where`` is its byte span, so it can be read again
        alone; anything else is parsed whole (``where`` is the record's rank in the file)."""
        name, path, kind = self._files[f]
        if kind is None:                 # standard input: sniff the format as load() does
            kind = self._sniff_spool(f)
            self._files[f] = (name, path, kind)
        if kind in JSONL_EXT:
            docs = self._scan_lines(f, acc)
            if docs is not None:
                yield from docs
                return
        for k, d in enumerate(parse_bytes(self._bytes(f), name, path, kind, acc.on_bad(path))):
            yield d, None

    def _blank_spool(self) -> bool:
        self._spool.seek(0)
        while chunk := self._spool.read(1 << 20):
            if chunk.strip():
                return False
        return True

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

    def _scan_lines(self, f: int, acc: Inputs) -> list[tuple[Document, object]] | None:
        """Pass one over a JSON Lines input: documents (their text dropped) with their byte
        spans, or None when the input is not plain UTF-8 text (a BOM, UTF-16, Windows-1256,
        binary): the whole-file reader then decides."""
        name, path, _ = self._files[f]
        stem = Path(name).stem
        out: list[tuple[Document, object]] = []
        bad: list[InputError] = []
        with self._open(f) as fh:
            head = fh.read(4096)
            if head.startswith((b"\xef\xbb", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head \
                    or any(head.startswith(sig) for sig, _ in MAGIC) \
                    or _controls(head.decode("utf-8", errors="ignore")) > CONTROL_SHARE:
                return None                  # decode() judges it, as for a whole file
            fh.seek(0)
            at = 0
            for ln, line in enumerate(fh, 1):
                span = (at, at + len(line), ln)
                at += len(line)
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:
                    return None
                if not text.strip():         # blank as str.strip sees it, as parse_bytes does
                    continue
                try:
                    d = _jsonl_record(text, f"{name}:{ln}", f"{stem}:{ln}", path)
                except InputError as e:
                    if not acc.skip_bad:
                        raise
                    bad.append(e)        # recorded once the whole file is known to stream
                    continue
                out.append((replace(d, text=""), span))
        if not out and not bad:
            if path is None:                 # blank throughout: as load() reads it
                return None
            raise InputError(name, "file is empty" if at == 0 else "file is empty (white space only)", "empty")
        for e in bad:
            acc.bad(e, path)
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
                        cache = (f, list(parse_bytes(self._bytes(f), name, path, kind, lambda e: None)))
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

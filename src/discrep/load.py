"""load: read articles from files, folders, globs or stdin into :class:`Document` records.

Formats: .txt/.md (optional front matter), .html/.htm (main text only), .json (an object
or a list of objects), .jsonl (one object per line).  Encodings: UTF-8 with or without
BOM, UTF-16 with BOM, then Windows-1256 as a guess (reported on the document)."""
from __future__ import annotations

import bisect
import datetime as dt
import errno
import glob
import json
import os
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, NamedTuple

from .errors import DiscrepError, InputError
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


class Decoded(NamedTuple):
    text: str
    encoding: str
    guessed: bool
    notes: tuple[str, ...] = ()


def _decode_line(line: bytes) -> tuple[str, bool, int]:
    """(text, read as Windows-1256, invalid UTF-8 sequences replaced) of one line that is not
    valid UTF-8.  It stays UTF-8, with its bad bytes replaced, unless most of its non-ASCII
    characters are invalid as UTF-8: a stray or truncated byte in an Arabic UTF-8 line must
    not turn the whole line into Windows-1256 mojibake."""
    as_utf8 = line.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for ch in as_utf8 if ord(ch) > 0x7f and ch != "\ufffd")
    if good >= bad:
        return as_utf8, False, bad
    return line.decode("cp1256", errors="replace"), True, 0


def decode(data: bytes, where: str) -> Decoded:
    """(text, encoding, guessed, notes).  UTF-8 (with or without BOM), UTF-16 and UTF-32 with
    a BOM, UTF-16 without one (guessed), Windows-1256 (guessed), and a file mixing UTF-8
    lines with Windows-1256 lines (each line read in its own encoding; guessed).  A UTF-8
    file broken in a few places is read as UTF-8 with those bytes replaced (U+FFFD), and a
    note says so.  Binary files are refused with their kind."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc, False)
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
            return Decoded(wide, "utf-16 (no BOM)", True)
        raise InputError(where, "binary file (NUL or control bytes), not text", "binary")
    if text is not None:
        return Decoded(text, "utf-8", False)
    lines = data.split(b"\n")
    parts, legacy, replaced, first = [], 0, 0, 0
    for n, line in enumerate(lines, 1):
        try:
            parts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        part, cp1256, bad = _decode_line(line)
        parts.append(part)
        legacy += cp1256
        replaced += bad
        first = first or (n if bad else 0)
    text = "\n".join(parts)
    if _controls(text) > CONTROL_SHARE or text.count("\ufffd") > len(text) * CONTROL_SHARE:
        raise InputError(where, "cannot decode as UTF-8, UTF-16 or Windows-1256", "undecodable")
    notes = (f"{where}: {replaced} invalid UTF-8 byte sequence{'s' if replaced != 1 else ''} replaced with U+FFFD "
             f"(first on line {first})",) if replaced else ()
    if not legacy:
        return Decoded(text, "utf-8", False, notes)
    return Decoded(text, "cp1256" if legacy == len(lines) else f"mixed: utf-8 and cp1256 ({legacy} lines)", True,
                   notes)


def parse_date(value: object, where: str) -> dt.date | None:
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


SURROGATE = re.compile(r"[\ud800-\udfff]")


def _lang(value: str | None, where: str) -> tuple[str | None, tuple[str, ...]]:
    """A document's ``lang`` field as a shipped language code ("AR", "en-US" name one), and
    a note when it names none: that document's language is then detected from its text."""
    from . import lang as langs
    code = langs.canonical(value)
    if value and code is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        return None, (f"{where}: unknown language {shown!r} (available: {', '.join(langs.available())}); "
                      "the language is detected from the text",)
    return code, ()


def _no_surrogates(value: str, where: str, field: str, notes: list[str]) -> str:
    """A JSON string may escape half a surrogate pair ("\\ud800"), which no encoder can
    write: each is replaced with U+FFFD (one character for one, so offsets hold)."""
    if not SURROGATE.search(value):
        return value
    n = len(SURROGATE.findall(value))
    notes.append(f"{where}: {n} lone surrogate{'s' if n != 1 else ''} in '{field}' replaced with U+FFFD")
    return SURROGATE.sub("\ufffd", value)


def _record(obj: object, where: str, default_id: str, path: str | None, dec: Decoded, record: int | None = None
            ) -> Document:
    if not isinstance(obj, dict):
        raise InputError(where, "record is not a JSON object", "malformed")
    text = obj.get("text")
    if text is None:
        raise InputError(where, "record has no 'text' field", "malformed")
    if not isinstance(text, str):
        raise InputError(where, "'text' is not a string", "malformed")
    notes = list(dec.notes)
    text = _no_surrogates(text, where, "text", notes)
    meta = {k: obj.get(k) for k in FIELDS}
    for k in ("id", "title", "outlet", "url", "lang", "story"):
        v = meta[k]
        if v is not None:
            meta[k] = _no_surrogates(v if isinstance(v, str) else str(v), where, k, notes)
    code, more = _lang(meta["lang"], where)
    return Document(id=meta["id"] or default_id, text=text, path=path, title=meta["title"], outlet=meta["outlet"],
                    url=meta["url"], published=parse_date(meta["published"], where), lang=code,
                    story=meta["story"], encoding=dec.encoding, encoding_guessed=dec.guessed, record=record,
                    notes=tuple(notes) + more)


FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _text_doc(text: str, doc_id: str, path: str | None, dec: Decoded) -> Document:
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
    code, notes = _lang(meta.get("lang"), where)
    return Document(id=meta.get("id") or doc_id, text=text, path=path, title=meta.get("title"),
                    outlet=meta.get("outlet"), url=meta.get("url"),
                    published=parse_date(meta.get("published"), where), lang=code,
                    story=meta.get("story"), encoding=dec.encoding, encoding_guessed=dec.guessed,
                    front_matter_end=end, notes=dec.notes + notes)


class _MainText(HTMLParser):
    """The text of an HTML page's blocks (headings, paragraphs, list items, captions, table
    cells, ...); scripts, styles, navigation, headers, footers, asides and forms are dropped.
    Each piece of text keeps the line and column where it starts in the file."""
    SKIP = {"script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg", "iframe", "button"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "td", "th", "div",
             "article", "section", "br", "title", "pre", "dd", "dt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[tuple[str, int, int]]] = [[]]     # (data, line, column) per block
        self.skip = 0
        self.meta: dict[str, str] = {}

    def _break(self) -> None:
        if self.blocks[-1]:
            self.blocks.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self._break()
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            content = a.get("content")
            if key in ("article:published_time", "og:site_name", "date", "pubdate") and content:
                self.meta[key] = content
        if tag == "html":
            lang = dict(attrs).get("lang")
            if lang:
                self.meta["lang"] = lang

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            line, col = self.getpos()
            self.blocks[-1].append((data, line, col))


HTML_SPACE = re.compile(r"[^ \t\n\r\f\v]+")


def _html_text(blocks: list[list[tuple[str, int, int]]]) -> tuple[str, list[tuple[int, int, int]]]:
    """The page text (a block's white space collapsed to one space, blocks apart by a blank
    line) and anchors (text offset, file line, file column, both 1-based) of each word piece."""
    out: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    at = 0
    for block in blocks:
        started = space = False
        for data, line, col in block:
            pos = 0
            for m in HTML_SPACE.finditer(data):
                space = space or m.start() > pos
                if not started:
                    if out:
                        out.append("\n\n")
                        at += 2
                    started = True
                elif space:
                    out.append(" ")
                    at += 1
                nl = data.rfind("\n", 0, m.start())
                ln = line + data.count("\n", 0, m.start())
                cl = (col + m.start() if nl < 0 else m.start() - nl - 1) + 1
                anchors.append((at, ln, cl))
                out.append(m.group())
                at += len(m.group())
                pos, space = m.end(), False
            space = space or pos < len(data)
    return "".join(out), anchors


def _parse_html(html: str) -> _MainText:
    p = _MainText()
    p.feed(html)
    p.close()
    return p


def html_to_doc(html: str, doc_id: str, path: str | None, dec: Decoded) -> Document:
    p = _parse_html(html)
    text, _ = _html_text(p.blocks)
    pub = p.meta.get("article:published_time") or p.meta.get("date") or p.meta.get("pubdate")
    try:
        published = parse_date(pub, path or doc_id) if pub else None
    except InputError:
        published = None
    from . import lang as langs
    return Document(id=doc_id, text=text, path=path, outlet=p.meta.get("og:site_name"), published=published,
                    lang=langs.canonical(p.meta.get("lang")), encoding=dec.encoding, encoding_guessed=dec.guessed,
                    notes=dec.notes)


HTML_HEAD = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def _sniff(text: str) -> str:
    """The format of standard input, from its head: a JSON value, JSON Lines, an HTML page,
    or plain text."""
    head = text.lstrip()[:1]
    if head == "{" and "\n{" in text.strip():
        return ".jsonl"
    if head and head in "[{":
        return ".json"
    return ".html" if HTML_HEAD.match(text[:4096]) else ".txt"


def _jsonl_record(line: str, where: str, default_id: str, path: str | None, dec: Decoded = Decoded("", "utf-8", False),
                  record: int | None = None) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(where, f"not valid JSON ({e.msg})", "malformed") from None
    except RecursionError:
        raise InputError(where, "JSON nested too deeply", "malformed") from None
    return _record(obj, where, default_id, path, dec, record)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def sniffed_kind(text: str, name: str) -> tuple[str, tuple[str, ...]]:
    """(format, notes) of an input whose format was not given (standard input): text that
    opens like JSON but is not JSON is read as plain text, and a note says so."""
    kind = _sniff(text)
    if kind == ".json" and not _is_json(text):
        kind = ".txt"
    elif kind == ".jsonl" and not _is_json(next(ln for ln in text.split("\n") if ln.strip())):
        kind = ".txt"
    else:
        return kind, ()
    return kind, (f"{name}: starts like JSON but is not JSON; read as plain text "
                  "(say what it is with --stdin-format)",)


def parse_bytes(data: bytes, name: str, path: str | None, kind: str | None = None,
                on_bad: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Documents in one input; ``kind`` is the extension (".txt", ...) or None to sniff.  A
    malformed record raises, or with ``on_bad`` is handed to it and skipped."""
    dec = decode(data, name)
    text = dec.text
    if not text.strip():                 # only Unicode spaces (no-break, U+2028, ...)
        raise InputError(name, "file is empty (white space only)", "empty")
    stem = Path(name).stem if path else name
    if kind is None:
        kind, notes = sniffed_kind(text, name)
        dec = dec._replace(notes=dec.notes + notes)

    def each(make: Callable, *args: object):
        try:
            return make(*args)
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
                d = each(_jsonl_record, line, f"{name}:{ln}", f"{stem}:{ln}", path, dec, ln)
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
            d = each(_record, rec, f"{name}[{k}]", stem if len(items) == 1 else f"{stem}:{k}", path, dec,
                     k if isinstance(obj, list) else None)
            if d is not None:
                yield d
    elif kind in HTML_EXT:
        yield html_to_doc(text, stem, path, dec)
    else:
        yield _text_doc(text, stem, path, dec)


def _is_stdin(p: str) -> bool:
    """Whether ``p`` names this process's standard input (``/dev/stdin``, ``/proc/self/fd/0``)."""
    try:
        st, st0 = os.stat(p), os.fstat(0)
    except (OSError, ValueError):
        return False
    # a file redirected to stdin is itself (its name and type count), unless named as /dev/stdin
    return (st.st_dev, st.st_ino) == (st0.st_dev, st0.st_ino) and (
        not stat.S_ISREG(st.st_mode) or os.path.abspath(p).startswith(("/dev/", "/proc/")))


def walk(paths: Iterable[str]) -> list[tuple[str, bool]]:
    """(path, found) for every input: files as named, folders walked recursively (symbolic
    links followed once: a link loop is not walked twice), globs expanded.  ``found`` marks
    files met inside a folder or a glob; hidden files and folders are left out, and so is a
    folder's own discrep configuration.  Found entries that discrep cannot read (unsupported
    types, named pipes, sockets, devices, broken links, link loops) are listed too, so that
    they can be reported as skipped.  A path naming standard input is read as ``-``."""
    out: list[tuple[str, bool]] = []
    for p in paths:
        if p == "-" or _is_stdin(p):
            out.append(("-", False))
            continue
        if any(ch in p for ch in "*?[") and not os.path.lexists(p):
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
        if not os.path.lexists(p):
            raise InputError(p, "no such file or folder")
        out.append((p, False))
    return out


CONFIG_FILES = {"discrep.toml", "pyproject.toml"}     # a project's settings, not an article


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
        # os.walk lists a broken link or a link loop among the files; it stays, to be reported
        files.extend(os.path.join(dirpath, f) for f in filenames
                     if not f.startswith(".") and f not in CONFIG_FILES)
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


SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
           (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _check_readable(p: str) -> None:
    """Refuse what discrep cannot read as a file, without opening it (opening a named pipe
    would wait for a writer forever): special files, broken links, link loops, and files of
    an unsupported type."""
    try:
        st = os.stat(p)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise InputError(p, "a symbolic link loop", "unreadable", special=True) from None
        if os.path.islink(p):
            raise InputError(p, "a broken symbolic link", "unreadable", special=True) from None
        raise _unreadable(p, e) from None
    for test, what in SPECIAL:
        if test(st.st_mode):
            raise InputError(p, f"{what}, not a regular file (to read a pipe, send it to standard input and give -)",
                             "unsupported", special=True)
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
    or a glob is always recorded as skipped (a folder holding a PDF is no error), and so is a
    named pipe, socket, device, broken link or link loop found there; named on the command
    line, each is a bad input."""

    def __init__(self, skip_bad: bool = False):
        self.skip_bad = skip_bad
        self.skipped: list[Skipped] = []

    def bad(self, e: InputError, path: str | None, found: bool = False) -> None:
        """Record ``e`` as a skipped input, or raise it."""
        if e.status is None or not (self.skip_bad or (found and (e.status == "unsupported" or e.special))):
            raise e
        self.skipped.append(Skipped(where=e.where, path=path, status=e.status, reason=e.problem))

    def on_bad(self, path: str | None):
        return (lambda e: self.bad(e, path)) if self.skip_bad else None


STDIN_FORMATS = ("txt", "md", "html", "json", "jsonl")


def stdin_kind(fmt: str | None) -> str | None:
    """The extension standard input is read as: the ``--stdin-format`` given, else None (sniffed)."""
    if fmt is None:
        return None
    if fmt not in STDIN_FORMATS:
        raise DiscrepError(f"--stdin-format {fmt!r}: unknown (use {', '.join(STDIN_FORMATS)})")
    return "." + fmt


def read_inputs(paths: Iterable[str], stdin: IO[bytes] | None = None, skip_bad: bool = False, stdin_format: str | None = None
                ) -> tuple[list[Document], list[Skipped]]:
    """(documents, skipped inputs): see :class:`Inputs`.  ``stdin_format`` ("txt", "md",
    "html", "json", "jsonl") says what standard input holds; without it, it is sniffed."""
    acc = Inputs(skip_bad)
    docs: list[Document] = []
    for p, found in walk(paths):
        try:
            if p == "-":
                data = (stdin or sys.stdin.buffer).read()
                if not data.strip():
                    raise InputError("stdin", "standard input is empty", "empty")
                docs.extend(parse_bytes(data, "stdin", None, stdin_kind(stdin_format), acc.on_bad(None)))
                continue
            docs.extend(parse_bytes(_read(p), p, p, Path(p).suffix.lower(), acc.on_bad(p)))
        except InputError as e:
            acc.bad(e, None if p == "-" else p, found)
    docs = [d if d.id == u else replace(d, id=u) for d, u in zip(docs, _unique(d.id for d in docs))]
    return docs, acc.skipped


def load(paths: Iterable[str], stdin: IO[bytes] | None = None) -> list[Document]:
    """The documents of the inputs; a bad input raises :class:`InputError`."""
    return read_inputs(paths, stdin)[0]


class StoryIndex:
    """The documents of the inputs, story by story, with one story in memory at a time.

    A first pass reads every document once and keeps only its story, its final id and where
    it sits (a JSON Lines record by its byte offset); iterating reads each story's documents
    again, in order of the story's first appearance.  Ids, order, errors and skipped inputs
    are those of :func:`read_inputs`.  Standard input is spooled to a temporary file first."""

    def __init__(self, paths: Iterable[str], stdin: IO[bytes] | None = None, skip_bad: bool = False,
                 stdin_format: str | None = None):
        self._spool: IO[bytes] | None = None
        self._files: list[tuple[str, str | None, str | None]] = []   # (name, path, kind)
        acc = Inputs(skip_bad)
        located: list[tuple[object, str, tuple]] = []                 # (story, id, where)
        for p, found in walk(paths):
            if p == "-":
                import shutil
                import tempfile
                self._spool = tempfile.TemporaryFile()
                shutil.copyfileobj(stdin or sys.stdin.buffer, self._spool)
                self._files.append(("stdin", None, stdin_kind(stdin_format)))
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
            spool = self._stdin()
            spool.seek(0)
            return spool.read()
        return _read(path)

    def _stdin(self) -> IO[bytes]:
        assert self._spool is not None, "standard input was not spooled"
        return self._spool

    def _open(self, f: int):
        name, path, _ = self._files[f]
        if path is None:
            spool = self._stdin()
            spool.seek(0)
            return _Reopen(spool)
        try:
            return open(path, "rb")
        except OSError as e:
            raise _unreadable(path, e) from None

    def _scan(self, f: int, acc: Inputs) -> Iterator[tuple[Document, object]]:
        """(document, where) for each document of input ``f``.  A UTF-8 JSON Lines input is
        read line by line and a record's ``where`` is its byte span, so it can be read again
        alone; anything else is parsed whole (``where`` is the record's rank in the file)."""
        name, path, kind = self._files[f]
        if kind is None:                 # standard input: JSON Lines streams; the rest is sniffed as load() does
            kind = self._sniff_spool(f)
            if kind is not None:
                self._files[f] = (name, path, kind)
        if kind in JSONL_EXT:
            docs = self._scan_lines(f, acc)
            if docs is not None:
                yield from docs
                return
        for d in parse_bytes(self._bytes(f), name, path, kind, acc.on_bad(path)):
            yield d, None

    def _blank_spool(self) -> bool:
        spool = self._stdin()
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            if chunk.strip():
                return False
        return True

    def _sniff_spool(self, f: int) -> str | None:
        """".jsonl" when standard input reads as JSON Lines (its first record is JSON), else
        None: :func:`parse_bytes` then sniffs it whole."""
        with self._open(f) as fh:
            head = fh.read(1 << 16)
            kind = _sniff(head.decode("utf-8", errors="replace"))
            if kind == ".json" and head.lstrip()[:1] == b"{":
                prev = head[-1:]         # a record longer than the head: look on for "\n{"
                while chunk := fh.read(1 << 20):
                    if b"\n{" in prev + chunk:
                        kind = ".jsonl"
                        break
                    prev = chunk[-1:]
            if kind != ".jsonl":
                return None
            fh.seek(0)
            first = next((ln for ln in fh if ln.strip()), b"")
        return kind if _is_json(first.decode("utf-8", errors="replace")) else None

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
                    d = _jsonl_record(text, f"{name}:{ln}", f"{stem}:{ln}", path, record=ln)
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
        for err in bad:
            acc.bad(err, path)
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
                    d = _jsonl_record(line.decode("utf-8"), f"{name}:{ln}", f"{Path(name).stem}:{ln}", path,
                                      record=ln)
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

    def __init__(self, fh: IO[bytes]):
        self.fh = fh

    def __enter__(self):
        return self.fh

    def __exit__(self, *exc: object):
        return False


JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
JSON_SPACE = " \t\r\n"


def _skip_space(src: str, i: int) -> int:
    while i < len(src) and src[i] in JSON_SPACE:
        i += 1
    return i


def _text_literals(src: str, depth: int) -> list[int | None]:
    """The offset of the opening quote of the "text" string of each JSON object at
    ``depth`` (1: the top-level object; 2: the objects of a top-level list), in order; None
    for an object without one.  A repeated key counts as json.loads counts it: the last."""
    out: list[int | None] = []
    stack: list[list] = []                   # [bracket, the text literal's offset]
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch == '"':
            m = JSON_STRING.match(src, i)
            if m is None:
                break
            k = _skip_space(src, m.end())
            if stack and stack[-1][0] == "{" and k < n and src[k] == ":":
                v = _skip_space(src, k + 1)
                if len(stack) == depth and v < n and src[v] == '"' and json.loads(m.group()) == "text":
                    stack[-1][1] = v
                i = k + 1
            else:
                i = m.end()
            continue
        if ch in "{[":
            stack.append([ch, None])
        elif ch in "}]" and stack:
            bracket, at = stack.pop()
            if bracket == "{" and len(stack) + 1 == depth:
                out.append(at)
        i += 1
    return out


def _literal_map(src: str, quote: int) -> list[tuple[int, int]]:
    """(text offset, source offset) where the decoded string starting at ``quote`` and its
    source fall back in step: at its start and after each escape."""
    anchors = [(0, quote + 1)]
    out, i = 0, quote + 1
    while i < len(src) and src[i] != '"':
        if src[i] == "\\":
            step = 6 if src[i + 1:i + 2] == "u" else 2
            if step == 6 and _hex(src[i + 2:i + 6]) in range(0xD800, 0xDC00) and src[i + 6:i + 8] == "\\u" \
                    and _hex(src[i + 8:i + 12]) in range(0xDC00, 0xE000):
                step = 12                    # a surrogate pair: one character
            i += step
            out += 1
            anchors.append((out, i))
        else:
            j = i
            while j < len(src) and src[j] not in '"\\':
                j += 1
            out += j - i
            i = j
    return anchors


def _hex(s: str) -> int:
    try:
        return int(s, 16)
    except ValueError:
        return -1


class SourcePositions:
    """Line and column, both 1-based and counted in characters, of offsets into documents'
    text, in their files as written: the text of an HTML page or of a JSON record is not
    the file, so its offsets are traced back through the markup or the JSON string.  Files
    are read again only when asked, once each."""

    def __init__(self) -> None:
        self._files: dict[str, str | None] = {}
        self._maps: dict[tuple, Callable[[int], tuple[int, int]]] = {}
        self._lines: dict[str, list[str]] = {}                    # a JSON Lines file's lines, split once
        self._literals: dict[tuple[str, int], list[int | None]] = {}   # a JSON file's "text" strings, found once

    def _source(self, path: str) -> str | None:
        if path not in self._files:
            try:
                self._files[path] = decode(Path(path).read_bytes(), path).text
            except (OSError, InputError):
                self._files[path] = None
        return self._files[path]

    def __call__(self, doc: Document, offset: int) -> tuple[int, int]:
        key = (doc.path, doc.id, doc.record)
        if key not in self._maps:
            self._maps[key] = self._build(doc)
        return self._maps[key](offset)

    def _build(self, doc: Document) -> Callable[[int], tuple[int, int]]:
        in_text = _counter(doc.text)
        kind = Path(doc.path).suffix.lower() if doc.path else None
        src = self._source(doc.path) if doc.path and kind in HTML_EXT | JSON_EXT | JSONL_EXT else None
        if src is None or not doc.path:
            return in_text
        if kind in HTML_EXT:
            anchors = _html_text(_parse_html(src).blocks)[1]
            if not anchors:
                return in_text
            starts = [a for a, _, _ in anchors]

            def html_at(offset: int) -> tuple[int, int]:
                a, line, col = anchors[max(0, bisect.bisect_right(starts, offset) - 1)]
                return line, col + max(0, offset - a)
            return html_at
        if kind in JSONL_EXT:
            if doc.path not in self._lines:
                self._lines[doc.path] = src.split("\n")
            lines = self._lines[doc.path]
            if not doc.record or doc.record > len(lines):
                return in_text
            line_src, base_line = lines[doc.record - 1], doc.record
            found = _text_literals(line_src, 1)
        else:
            line_src, base_line = src, 0
            depth = 2 if doc.record is not None else 1
            if (doc.path, depth) not in self._literals:
                self._literals[(doc.path, depth)] = _text_literals(src, depth)
            found = self._literals[(doc.path, depth)]
        k = doc.record if kind in JSON_EXT and doc.record is not None else 0
        quote = found[k] if k < len(found) else None
        if quote is None:
            return in_text
        lit = _literal_map(line_src, quote)
        lit_starts = [a for a, _ in lit]
        where = _counter(line_src)

        def json_at(offset: int) -> tuple[int, int]:
            a, s = lit[max(0, bisect.bisect_right(lit_starts, offset) - 1)]
            line, col = where(s + offset - a)
            return (base_line, col) if base_line else (line, col)
        return json_at


def _counter(text: str) -> Callable[[int], tuple[int, int]]:
    def at(offset: int) -> tuple[int, int]:
        return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
    return at

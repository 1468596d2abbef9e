"""Tokenizer over folded text: digit runs, letter runs, single other characters."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

# numbers: digit groups with an optional exponent ("1.3e6"), or a leading-dot decimal (".77")
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:[eE][+-]?\d+(?![^\W\d_]))?|(?<![\w.])\.\d+|[^\W\d_]+|\S")


# A digit run longer than this is no quantity (a hash, a serial, hostile input): it is kept
# as one "punct" token, which no matcher reads.  Python also refuses int() on more than
# 4,300 digits.
MAX_NUMBER_CHARS = 40


class Token(NamedTuple):
    """One token (a named tuple: immutable, and several times cheaper to build than a
    frozen dataclass, which matters because every word near a mention is one)."""
    text: str
    low: str          # casefolded, for lexicon lookups
    start: int        # offsets into the folded text
    end: int
    kind: str         # "num" | "word" | "punct"
    glued: bool       # no space between this token and the previous one


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    append = out.append
    new = tuple.__new__                  # half the cost of Token(...): no argument parsing
    prev_end = -1
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        c = s[0]
        kind = "num" if c.isdecimal() or (c == "." and len(s) > 1) else ("word" if c.isalpha() else "punct")
        if kind == "num" and len(s) > MAX_NUMBER_CHARS:
            kind = "punct"
        st, en = m.span()
        st += offset
        en += offset
        if kind == "num" and s.count(",") > 1 and not grouped(s):
            for part in LIST_PART_RE.finditer(s):      # "nos. 22,24,26,31": a list, not one number
                p = part.group()
                a = st + part.start()
                append(new(Token, (p, p, a, a + len(p), "num" if p[0].isdigit() else "punct", a == prev_end)))
                prev_end = a + len(p)
            continue
        append(new(Token, (s, s.casefold(), st, en, kind, st == prev_end)))
        prev_end = en
    return out


LIST_PART_RE = re.compile(r"[^,]+|,")


def grouped(s: str) -> bool:
    """Digits with commas between groups of thousands: '1,234,567' (three digits a group)
    or the Indian '12,34,567' (two digits a group before the last three)."""
    head, *mid, last = s.split(",")
    if "." in last:
        last = last.partition(".")[0]
    if not (head.isdigit() and len(last) == 3 and last.isdigit()):
        return False
    return all(len(g) == 3 and g.isdigit() for g in mid) or (
        len(head) <= 2 and all(len(g) == 2 and g.isdigit() for g in mid))


@lru_cache(maxsize=4)
def document_tokens(norm: str) -> tuple[Token, ...]:
    """Tokens of a folded document, shared by extract and claims (tokenized once)."""
    return tuple(tokenize(norm))

"""Tokenizer over folded text: digit runs, letter runs, single other characters."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# numbers: digit groups with an optional exponent ("1.3e6"), or a leading-dot decimal (".77")
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*(?:[eE][+-]?\d+(?![^\W\d_]))?|(?<![\w.])\.\d+|[^\W\d_]+|\S")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str          # casefolded, for lexicon lookups
    start: int        # offsets into the folded text
    end: int
    kind: str         # "num" | "word" | "punct"
    glued: bool       # no space between this token and the previous one


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out: list[Token] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        c = s[0]
        kind = "num" if c.isdigit() or (c == "." and len(s) > 1) else ("word" if c.isalpha() else "punct")
        st = m.start() + offset
        out.append(Token(s, s.casefold(), st, m.end() + offset, kind, st == prev_end))
        prev_end = m.end() + offset
    return out


@lru_cache(maxsize=4)
def document_tokens(norm: str) -> tuple[Token, ...]:
    """Tokens of a folded document, shared by extract and claims (tokenized once)."""
    return tuple(tokenize(norm))

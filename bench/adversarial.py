"""Hostile text at growing sizes: the whole pipeline must take time linear in the input.

    python bench/adversarial.py [--sizes 25000,50000,100000,200000] [--only NAME] [--runs 3]

Each case builds a document from a repeated unit (a 100,000-digit number, brackets nested
a million deep, runs of Arabic diacritics and tatweel, one 10 MB line, bidi controls, ...)
and runs ``check_documents`` on it (normalize, extract, claims, align, decide).  For each
size the median of ``--runs`` is printed with the ratio to the previous size; at twice the
size a linear case shows a ratio near 2 and a quadratic one near 4.  The exit code is 1 when
a ratio exceeds ``--limit`` (default 3.0) at sizes where the time is long enough to judge.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time

from discrep.model import Document
from discrep.pipeline import check_documents
from discrep.settings import Settings

# name -> (function of the size n in characters -> text, language)
CASES = {
    "digits": (lambda n: "1" * n, "en"),
    "digits-ar": (lambda n: "٣" * n + " قتيلا", "ar"),
    "grouped": (lambda n: "1" + ",000" * (n // 4), "en"),
    "dotted": (lambda n: "1." * (n // 2), "en"),
    "slashes": (lambda n: "12/" * (n // 3), "en"),
    "dashes": (lambda n: "9-" * (n // 2), "en"),
    "brackets": (lambda n: "(" * (n // 2) + ")" * (n // 2), "en"),
    "brackets-mixed": (lambda n: "([{«" * (n // 8) + "»}])" * (n // 8), "ar"),
    "quotes": (lambda n: '"' * n, "en"),
    "diacritics": (lambda n: "ب" + "\u064e\u0651" * (n // 2), "ar"),
    "tatweel": (lambda n: "قـ" * (n // 2) + "تل 5", "ar"),
    "tatweel-digits": (lambda n: "5ـ" * (n // 2), "ar"),
    "letters": (lambda n: "a" * n, "en"),
    "one-line-ar": (lambda n: ("قتل 5 أشخاص وأصيب 12 آخرون في قصف على حلب يوم 9 شباط 2026، " * (n // 60 + 1))[:n], "ar"),
    "one-line-en": (lambda n: ("Officials said 5 people were killed and 12 injured on 9 February 2026; "
                               * (n // 70 + 1))[:n], "en"),
    "sentences-en": (lambda n: ("About 40 people were killed in Homs. " * (n // 37 + 1))[:n], "en"),
    "numbers-list": (lambda n: ", ".join(str(k) for k in range(n // 7)), "en"),
    "number-words-ar": (lambda n: ("ثلاثة و " * (n // 8 + 1))[:n], "ar"),
    "number-words-en": (lambda n: ("one hundred and " * (n // 16 + 1))[:n], "en"),
    "months": (lambda n: ("March " * (n // 6 + 1))[:n], "en"),
    "ranges-ar": (lambda n: ("من 1 إلى 2 " * (n // 11 + 1))[:n], "ar"),
    "hedges": (lambda n: ("about " * (n // 6 + 1))[:n], "en"),
    "hijri": (lambda n: ("15 رمضان " * (n // 9 + 1))[:n], "ar"),
    "url": (lambda n: "http://" + "a" * n, "en"),
    "emails": (lambda n: "a@" * (n // 2), "en"),
    "bidi-controls": (lambda n: ("\u202e12\u202c \u200f5\u200e \u2066قتيلا\u2069 " * (n // 16 + 1))[:n], "ar"),
    "controls": (lambda n: ("\x00\x01\x1b[31m5\x07 killed\r" * (n // 18 + 1))[:n], "en"),
    "spaces": (lambda n: " " * n + "5 killed", "en"),
    "newlines": (lambda n: "\n" * n + "5 killed", "en"),
}


def measure(text: str, lang: str) -> float:
    doc = Document(id="x", text=text, lang=lang, story="s")
    t = time.perf_counter()
    check_documents([doc], Settings(jobs=1))
    return time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", action="append", help="run only these cases (repeatable)")
    ap.add_argument("--limit", type=float, default=3.0, help="largest acceptable time(2n)/time(n)")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")]
    bad = []
    print(f"{'case':<16}" + "".join(f"{n:>16,}" for n in sizes))
    for name, (make, lang) in CASES.items():
        if a.only and name not in a.only:
            continue
        row, prev = [], None
        for n in sizes:
            text = make(n)
            t = statistics.median(measure(text, lang) for _ in range(a.runs))
            ratio = t / prev if prev else None
            # below 20 ms, timer noise and fixed costs swamp the ratio
            if ratio and prev > 0.02 and ratio > a.limit * (n / last_n) / 2:
                bad.append((name, n, ratio))
            row.append(f"{t:8.3f}s" + (f" x{ratio:4.1f}" if ratio else "      "))
            prev, last_n = t, n
        print(f"{name:<16}" + "".join(f"{c:>16}" for c in row), flush=True)
    for name, n, ratio in bad:
        print(f"NOT LINEAR: {name} at {n:,} characters: x{ratio:.1f}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

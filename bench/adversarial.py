"""Hostile text at growing sizes: the whole pipeline must take time linear in the input.

    python bench/adversarial.py [--sizes 25000,50000,100000,200000] [--only NAME] [--runs 3]
    python bench/adversarial.py --memory [--sizes 400000] [--only NAME]

Each case builds a document from a repeated unit (a 100,000-digit number, brackets nested
a million deep, runs of Arabic diacritics and tatweel, one 10 MB line, bidi controls, ...)
and runs ``check_documents`` on it (normalize, extract, claims, align, decide).  For each
size the median of ``--runs`` is printed with the ratio to the previous size; at twice the
size a linear case shows a ratio near 2 and a quadratic one near 4.  The exit code is 1 when
a ratio exceeds ``--limit`` (default 3.0) at sizes where the time is long enough to judge.

``--memory`` runs each case once per size in a fresh process and prints the CPU seconds
per MB and the peak memory above a warmed-up baseline, as a multiple of the input's size
(the aim: at most 2 s per MB and 50 times the input).
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
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


def _one(name: str, n: int) -> None:
    """In a fresh process: CPU seconds and peak memory of one case (printed as JSON)."""
    import resource
    make, lang = CASES[name]
    text = make(n)
    check_documents([Document(id="w", text="5 people were killed on 9 May. قتل 5 أشخاص.", story="w")],
                    Settings(jobs=1))                     # language tables built: the baseline
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.process_time()
    check_documents([Document(id="x", text=text, lang=lang, story="s")], Settings(jobs=1))
    cpu = time.process_time() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = len(text.encode("utf-8"))
    print(json.dumps({"cpu": cpu, "bytes": size, "extra": (peak - base) * 1024}))


def memory(sizes: list[int], only) -> int:
    print(f"{'case':<16}{'size':>10}{'s/MB':>8}{'memory/input':>14}")
    worst = []
    for name in CASES:
        if only and name not in only:
            continue
        for n in sizes:
            out = subprocess.run([sys.executable, __file__, "--one", name, str(n)], capture_output=True, text=True)
            if out.returncode:
                print(f"{name:<16}{n:>10,}  failed: {out.stderr.strip()[-200:]}")
                worst.append((name, "failed"))
                continue
            r = json.loads(out.stdout)
            per_mb, times = r["cpu"] / (r["bytes"] / 1e6), r["extra"] / r["bytes"]
            print(f"{name:<16}{n:>10,}{per_mb:>8.2f}{times:>13.1f}x", flush=True)
            if per_mb > 2 or times > 50:
                worst.append((name, f"{per_mb:.2f} s/MB, {times:.0f}x memory"))
    for name, why in worst:
        print(f"OVER: {name}: {why}", file=sys.stderr)
    return 1 if worst else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,50000,100000,200000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", action="append", help="run only these cases (repeatable)")
    ap.add_argument("--limit", type=float, default=3.0, help="largest acceptable time(2n)/time(n)")
    ap.add_argument("--memory", action="store_true", help="CPU s/MB and peak memory per case, each in a fresh process")
    ap.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.one:
        _one(a.one[0], int(a.one[1]))
        return 0
    sizes = [int(s) for s in a.sizes.split(",")]
    if a.memory:
        return memory(sizes, a.only)
    bad = []
    print(f"{'case':<16}" + "".join(f"{n:>16,}" for n in sizes))
    for name, (make, lang) in CASES.items():
        if a.only and name not in a.only:
            continue
        row, prev, last_n = [], None, 0
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

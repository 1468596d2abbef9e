"""Extraction speed, side by side with dateparser on the same text in the same run.

Usage (from the project root, with dateparser installed in the same environment;
it is a benchmark peer, not a dependency of discrep):

    pip install dateparser==1.5.0
    python bench/extract_speed.py [--repeat 200] [--runs 5] [--seeds seeds]

The corpus is every seed article repeated ``--repeat`` times, each copy made distinct by a
short letter tag so that no cache can serve a repeat.  discrep runs its normalize and
extract stages (every number, ordinal, percent, money and date mention); dateparser runs
``search_dates`` with the article's language fixed and past dates preferred.  Both see the
same strings.  Reported: chars/s per run, the median of ``--runs`` runs, and the ratio.
"""
from __future__ import annotations

import argparse
import platform
import statistics
import string
import sys
import time

from discrep.extract import extract
from discrep.load import load
from discrep.model import Document
from discrep.normalize import normalize


def _tag(k: int) -> str:
    letters = string.ascii_lowercase
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = letters[r] + out
    return out


def corpus(seeds: str, repeat: int) -> list[Document]:
    base = load([seeds])
    docs = []
    for k in range(repeat):
        for d in base:
            docs.append(Document(id=f"{d.id}~{k}", text=f"{d.text}\n\ncopy {_tag(k)}\n", lang=d.lang,
                                 published=d.published))
    return docs


def run_discrep(docs) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for d in docs:
        n += len(extract(normalize(d), d.published))
    return time.perf_counter() - t, n


def run_dateparser(docs, langs) -> tuple[float, int]:
    from dateparser.search import search_dates
    settings = {"PREFER_DATES_FROM": "past"}
    t = time.perf_counter()
    n = 0
    for d, lang in zip(docs, langs):
        n += len(search_dates(d.text, languages=[lang], settings=settings) or ())
    return time.perf_counter() - t, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seeds", default="seeds")
    a = ap.parse_args(argv)
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser is not installed: pip install dateparser==1.5.0", file=sys.stderr)
        return 2
    docs = corpus(a.seeds, a.repeat)
    langs = [normalize(d).lang for d in docs]
    chars = sum(len(d.text) for d in docs)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}; "
          f"corpus: {len(docs)} documents, {chars:,} chars (seeds x{a.repeat})")
    run_discrep(docs[:5])                      # warm the language tables
    run_dateparser(docs[:5], langs[:5])        # and dateparser's
    ours, theirs = [], []
    for r in range(a.runs):
        t1, n1 = run_discrep(docs)
        t2, n2 = run_dateparser(docs, langs)
        ours.append(chars / t1)
        theirs.append(chars / t2)
        print(f"run {r + 1}: discrep {chars / t1:,.0f} chars/s ({n1:,} mentions), "
              f"dateparser {chars / t2:,.0f} chars/s ({n2:,} dates), ratio {t2 / t1:.1f}x", flush=True)
    mo, mt = statistics.median(ours), statistics.median(theirs)
    print(f"median of {a.runs}: discrep {mo:,.0f} chars/s, dateparser.search_dates {mt:,.0f} chars/s, "
          f"ratio {mo / mt:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

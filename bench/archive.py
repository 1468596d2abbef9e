"""The archive at scale: index time, size and peak memory by corpus size, one draft checked
against the index beside the same draft against the same files as a folder, and Dask with
two local workers beside ``--jobs 2``.

    python bench/archive.py [--sizes 10000,50000,200000] [--dask-docs 10000] [--json FILE]

Corpora are the seeded ones of ``bench/perf.py`` (generated into ``bench/corpora`` when
missing).  Each figure is one whole-process run: wall seconds and the peak resident memory
of the process tree, sampled every 50 ms (``perf.timed``).  The draft is one outlet's copy
of the corpus's first story with one figure changed, so it holds a conflict.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import perf  # noqa: E402  (the corpus generator and the timer beside this script)


def _draft(corpus: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    with corpus.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    text = first["text"]
    digits = next((w for w in text.split() if w.isdigit() and len(w) >= 2), None)
    if digits:
        text = text.replace(digits, str(int(digits) * 4 + 3), 1)
    p = out / "draft.txt"
    p.write_text(text, encoding="utf-8")
    return p


def _story_folder(corpus: pathlib.Path, out: pathlib.Path) -> pathlib.Path:
    """The corpus as one JSON Lines file of the draft's story: what ``--against`` a folder reads."""
    with corpus.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
        fh.seek(0)
        rows = [line for line in fh if json.loads(line).get("story") == first.get("story")]
    p = out / "story.jsonl"
    p.write_text("".join(rows), encoding="utf-8")
    return p


def run(sizes: list[int], dask_docs: int) -> dict:
    discrep = perf._discrep()
    figures: dict = {"sizes": {}}
    with tempfile.TemporaryDirectory(prefix="discrep-archive-") as tmp:
        out = pathlib.Path(tmp)
        for n in sizes:
            corpus, _ = perf.corpus_for(n, 5, 7)
            db = out / f"archive-{n}.duckdb"
            wall, peak, rc = perf.timed(discrep + ["index", str(corpus), "--db", str(db), "-q"])
            again, _, _ = perf.timed(discrep + ["index", str(corpus), "--db", str(db), "-q"])
            draft = _draft(corpus, out)
            against_db, _, _ = perf.timed(discrep + ["check", str(draft), "--against", str(db), "-f", "json"])
            story = _story_folder(corpus, out)
            against_files, _, _ = perf.timed(discrep + ["check", str(draft), "--against", str(story), "-f", "json"])
            figures["sizes"][n] = {"index_s": round(wall, 1), "reindex_unchanged_s": round(again, 1),
                                   "peak_mb": round(peak), "size_mb": round(os.path.getsize(db) / 2 ** 20, 1),
                                   "draft_against_index_s": round(against_db, 2),
                                   "draft_against_story_file_s": round(against_files, 2), "rc": rc}
            print(n, figures["sizes"][n], flush=True)
        ns = sorted(figures["sizes"])
        figures["growth"] = {f"{a}->{b}": round(figures["sizes"][b]["index_s"] / figures["sizes"][a]["index_s"], 2)
                             for a, b in zip(ns, ns[1:])}
        if dask_docs:
            corpus, _ = perf.corpus_for(dask_docs, 5, 7)
            local, _, _ = perf.timed(discrep + ["index", str(corpus), "--db", str(out / "l.duckdb"), "-q",
                                                "--jobs", "2"])
            dask, _, _ = perf.timed(discrep + ["index", str(corpus), "--db", str(out / "d.duckdb"), "-q",
                                               "--engine", "dask"])
            figures["dask"] = {"docs": dask_docs, "jobs_2_s": round(local, 1), "dask_2_workers_s": round(dask, 1)}
            print(figures["dask"], flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,50000,200000")
    ap.add_argument("--dask-docs", type=int, default=10000, help="documents for Dask against --jobs 2 (0: skip)")
    ap.add_argument("--json", type=pathlib.Path)
    a = ap.parse_args(argv)
    figures = run([int(s) for s in a.sizes.split(",") if s], a.dask_docs)
    if a.json:
        a.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

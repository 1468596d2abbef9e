"""Casualty counts in English reports on the Syrian war (FA-KES, Abu Salem et al. 2019).

    python bench/real_fakes.py [../shared/bench/external/fakes_syria_casualty_reports] [--show N]

Three measures, all through the library (one `check_documents` call for the articles, one for the clusters):

1. **Reading recall.**  Each article carries crowd-annotated death counts (civilians,
   non-civilians).  The annotated count is the civilian count, the non-civilian count or
   their sum, whichever are non-zero.  An article *states* a count when that value is
   written in its text as digits or as an English number word; for those articles, the
   count is *found* when one of discrep's count claims in the article covers the value
   (its value, or its interval for "at least 16" and the like).
2. **Clusters.**  The derived clusters group articles of different outlets that share a
   date and a place (a heuristic: a few merge two events).  Each cluster becomes a story.
   Clusters whose annotated death counts (civilians or non-civilians) differ between
   outlets should get a count conflict; clusters whose counts agree should get none.
   Because a cluster may merge two events, a stricter figure is printed as well: among
   the clusters where two documents' differing tolls are read as claims, how many get a
   conflict that cites both tolls.  On agreeing clusters the share with no conflict over
   the dead is printed too (the annotation counts the dead only, so a dispute over the
   wounded is outside what it can judge), and, over all clusters, the conflicts by kind:
   the date conflicts are a false-alarm watch, since the clusters' dates are one day.
3. **Single articles.**  The conflicts found inside each article on its own (the first
   run, where each article is its own story), a second false-alarm watch: one outlet's
   report seldom contradicts itself.

Per-cluster evidence for a sample is printed so that a person can judge it.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import pathlib
import random
import re
import sys
import time

from discrep.model import Document
from discrep.pipeline import check_documents
from discrep.settings import Settings

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "bench" / "external" / "fakes_syria_casualty_reports"
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "hundred": 100, "dozen": 12, "dozens": 12}
DEATHS = ("nb_civilians", "nb_noncivilians")


def annotated(a: dict) -> set[int]:
    vals = {a[k] for k in DEATHS if a[k]}
    if all(a[k] for k in DEATHS):
        vals.add(sum(a[k] for k in DEATHS))
    return vals


def stated(text: str, v: int) -> bool:
    digits = {int(m.replace(",", "")) for m in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", text)}
    words = {WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in WORDS}
    return v in digits or v in words


def covers(claim, v: int) -> bool:
    m = claim.mention
    if m.value == v:
        return True
    lo, hi = m.low, m.high
    return lo is not None and hi is not None and lo <= v <= hi


def doc(a: dict, story: str) -> Document:
    pub = dt.date.fromisoformat(a["derived_date_iso"]) if a.get("derived_date_iso") else None
    return Document(id=a["id"], text=a["article_content"], title=a["article_title"], outlet=a["source"],
                    published=pub, lang="en", story=story)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=6, help="clusters printed per outcome")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    root = pathlib.Path(a.data)
    arts = {r["id"]: r for r in map(json.loads, (root / "fakes_articles.jsonl").open(encoding="utf-8"))}
    clusters = [json.loads(line) for line in (root / "fakes_multisource_clusters.jsonl").open(encoding="utf-8")]
    st = Settings()

    # 1. reading recall
    t = time.perf_counter()
    rep = check_documents([doc(r, r["id"]) for r in arts.values()], st)
    took = time.perf_counter() - t
    counts = collections.defaultdict(list)
    for c in rep.claims:
        if c.kind == "count":
            counts[c.doc_id].append(c)
    states = found = 0
    for r in arts.values():
        vals = [v for v in annotated(r) if stated(r["article_content"], v)]
        if not vals:
            continue
        states += 1
        found += any(covers(c, v) for c in counts[r["id"]] for v in vals)
    print(f"FA-KES: {len(arts)} articles checked in {took:.1f} s")
    print(f"reading: annotated death count stated in {states} articles, found as a count claim in {found}: "
          f"recall {found / states:.3f}")
    # each article is a story of its own here: a conflict is one article against itself, which a
    # single outlet's report rarely is (a round-up's total against one town's toll, yesterday's
    # toll against today's), so these are mostly false alarms; read a sample with --show
    own = [f for f in rep.findings if f.verdict == "conflict"]
    kinds = collections.Counter(f.kind for f in own)
    print(f"single articles: conflicts inside {len({f.story for f in own})} of {len(arts)} articles, by kind: "
          + ", ".join(f"{k} {kinds[k]}" for k in sorted(set(kinds) | {"count", "date"})))

    # 2. clusters
    docs = [doc(arts[m["id"]], c["cluster_key"]) for c in clusters for m in c["members"]]
    rep2 = check_documents(docs, st)
    by_story = collections.defaultdict(list)
    for f in rep2.findings:
        if f.verdict == "conflict":
            by_story[f.story].append(f)
    outcome = {True: [], False: []}
    for c in clusters:
        differ = any(len({m[k] for m in c["members"]}) > 1 for k in DEATHS)
        fs = [f for f in by_story[c["cluster_key"]] if f.kind == "count"]
        outcome[differ].append((c, fs, by_story[c["cluster_key"]]))
    d, s = outcome[True], outcome[False]
    d_hit = sum(bool(fs) for _, fs, _ in d)
    # stricter: a conflict that cites the annotated tolls of two documents of the cluster;
    # "checkable" clusters are those where two documents' differing tolls are read as claims
    found_in = collections.defaultdict(set)
    for cl in rep2.claims:
        if cl.kind == "count":
            found_in[cl.doc_id].add(cl.mention.value)
    checkable = cited = 0
    for c, fs, _ in d:
        tolls = {m["id"]: annotated(m) & found_in[m["id"]] for m in c["members"]}
        with_toll = [v for v in tolls.values() if v]
        if len(with_toll) < 2 or len({frozenset(v) for v in with_toll}) < 2:
            continue
        checkable += 1
        cited += any(len({fc.claim.doc_id for fc in f.claims
                          if fc.claim.mention.value in tolls.get(fc.claim.doc_id, ())}) >= 2
                     for f in fs)
    s_quiet = sum(not fs for _, fs, _ in s)
    # the annotation counts the dead only: a dispute over the wounded is outside what it can judge
    s_quiet_dead = sum(not any(fc.claim.event == "kill" for f in fs for fc in f.claims) for _, fs, _ in s)
    s_quiet_all = sum(not every for _, _, every in s)
    rnd = random.Random(a.seed)
    for title, rows, want in (("counts differ", d, True), ("counts agree", s, False)):
        sample = rnd.sample(rows, min(a.show, len(rows)))
        for c, fs, every in sample:
            ok = bool(fs) == want
            print(f"\n[{title}: {'as expected' if ok else 'WRONG'}] {c['cluster_key']}")
            for m in c["members"]:
                print(f"  {m['source']:>13} civilians {m['nb_civilians']:>4}, non-civilians {m['nb_noncivilians']:>4}"
                      f"  | {m['article_title'][:70]}")
            for f in every[:4]:
                print(f"  -> {f.kind} conflict: {f.reason}")
    print(f"\nclusters whose death counts differ: {len(d)}, count conflict on {d_hit}: {d_hit / len(d):.3f}")
    print(f"  of which {checkable} have two documents' differing tolls read as claims; a conflict citing both "
          f"tolls on {cited}: {cited / max(checkable, 1):.3f}")
    print(f"clusters whose death counts agree: {len(s)}, no count conflict on {s_quiet}: {s_quiet / len(s):.3f}"
          f" (no conflict of any kind on {s_quiet_all}: {s_quiet_all / len(s):.3f};"
          f" none over the dead on {s_quiet_dead}: {s_quiet_dead / len(s):.3f})")
    kinds = collections.Counter(f.kind for fs in by_story.values() for f in fs)
    print(f"conflicts over all {len(clusters)} clusters, by kind: "
          + ", ".join(f"{k} {kinds[k]}" for k in sorted(set(kinds) | {"count", "date"})))
    return 0


if __name__ == "__main__":
    sys.exit(main())

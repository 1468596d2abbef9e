"""How well ``--stories auto`` finds the stories of documents given with no story field:
pairwise precision, recall and F1 of same-story document pairs against each set's own
stories (GVA's incidents, FA-KES's date-and-place clusters, the 36 written stories), and
the CPU time of the grouping alone.

    python bench/stories_auto.py [--shared ../shared] [--link 0.2]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from discrep.model import Document  # noqa: E402
from discrep.settings import Settings  # noqa: E402
from discrep.stories import clusters  # noqa: E402


def pairwise(gold: list, pred: list) -> tuple[float, float, float]:
    def pairs(labels: list) -> int:
        return sum(n * (n - 1) // 2 for n in collections.Counter(labels).values())
    tp, gp, pp = pairs(list(zip(gold, pred))), pairs(gold), pairs(pred)
    p, r = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gva(shared: pathlib.Path):
    rows = [json.loads(x) for x in open(shared / "bench/external2/gva_gun_violence_clusters/articles.jsonl",
                                         encoding="utf-8")]
    return [Document(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("outlet"), lang=r.get("lang"),
                     published=_day(r.get("published"))) for r in rows], [r["story"] for r in rows]


def _day(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def fakes(shared: pathlib.Path):
    root = shared / "bench/external/fakes_syria_casualty_reports"
    arts = {r["id"]: r for r in map(json.loads, open(root / "fakes_articles.jsonl", encoding="utf-8"))}
    docs, gold = [], []
    for c in map(json.loads, open(root / "fakes_multisource_clusters.jsonl", encoding="utf-8")):
        for m in c["members"]:
            a = arts[m["id"]]
            docs.append(Document(id=f"{a['id']}@{c['cluster_key']}", text=a["article_content"],
                                 title=a["article_title"], outlet=a["source"], lang="en"))
            gold.append(c["cluster_key"])
    return docs, gold


def stories(shared: pathlib.Path):
    rows = [json.loads(x) for x in open(shared / "bench/stories/clusters.jsonl", encoding="utf-8")]
    return [Document(id=r["id"], text=r["text"], outlet=r.get("outlet"), lang=r.get("lang"),
                     published=_day(r.get("published"))) for r in rows], [r["story"] for r in rows]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--link", type=float, default=Settings().story_link)
    a = ap.parse_args(argv)
    shared = pathlib.Path(a.shared)
    st = Settings(stories="auto", story_link=a.link)
    print(f"story_link {a.link}")
    for name, load in (("stories", stories), ("GVA", gva), ("FA-KES", fakes)):
        docs, gold = load(shared)
        t = time.process_time()
        pred = clusters(docs, st)
        took = time.process_time() - t
        p, r, f = pairwise(gold, pred)
        print(f"{name}: {len(docs)} documents in {len(set(gold))} stories, found {len(set(pred))}; "
              f"pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}; grouping {took:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Conflicts between Arabic headline pairs (ANS, Khouja 2020), read by one `discrep check`.

    python bench/real_ans.py [../shared/bench/external/ans_arabic_news_stance] [--show N]

Every ANS pair becomes a story of two one-headline documents, and all 3,786 stories go
through a single `discrep check … --format json` run.  The pairs are labelled by the rule
below, which looks only at the headlines and the stance label, never at discrep's output:

* **numeric contradiction**: stance `disagree`, both headlines state numbers, and each
  side has a number the other lacks (a value was *replaced*, as in "45 killed" vs "50
  killed").  A number that is only dropped on one side ("7 activists, 3 of them women" vs
  "7 activists") is not a contradiction.
* **same numbers**: stance `agree` or `disagree`, both headlines state numbers, and one
  side's numbers are all among the other's ("arrests 7 activists" vs "releases 7
  activists"): whatever the disagreement is, it is not about a number.
* **unrelated**: stance `other`.

Numbers are digit runs (ASCII or Arabic-Indic, with "," or "٬" grouping) and a short list
of spelled-out numbers written in this script, either times a scale word right after it, so that the labels do not borrow
discrep's own reader.  Printed: recall on numeric contradictions, and the share of
same-number and unrelated pairs on which discrep reports a conflict, with examples.
"""
from __future__ import annotations

import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "bench" / "external" / "ans_arabic_news_stance"

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
NUM_RE = re.compile(r"\d+(?:[.,٬٫]\d+)*")
# spelled numbers common in headlines; a word may carry و / ب / ل in front
SPELLED = {
    "واحد": 1, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "اربعة": 4, "أربع": 4,
    "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8, "ثماني": 8,
    "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30,
    "أربعين": 40, "خمسين": 50, "مئة": 100, "مائة": 100, "ألف": 1000, "مليون": 10**6,
    "مليار": 10**9, "ألفين": 2000, "مليوني": 2 * 10**6, "ملياري": 2 * 10**9, "مليونين": 2 * 10**6,
}


SCALES = {"ألف": 1e3, "آلاف": 1e3, "الف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}


def _spelled(word: str) -> float | None:
    for p in ("", "و", "ب", "ل"):
        if word.startswith(p) and word[len(p):] in SPELLED:
            return float(SPELLED[word[len(p):]])
    return None


def numbers(headline: str) -> list[float]:
    """Digit runs (times a scale word right after: "٢ مليار") and spelled numbers."""
    text = headline.translate(DIGITS)
    out = []
    words = [(m.start(), m.group()) for m in re.finditer(r"[\u0621-\u064a]+", text)]
    scaled_words = set()
    for m in NUM_RE.finditer(text):
        s = m.group().replace("٫", ".").replace("٬", ",")
        if re.fullmatch(r"\d{1,3}(,\d{3})+", s):
            s = s.replace(",", "")
        try:
            v = float(s.replace(",", "."))
        except ValueError:
            continue
        nxt = next(((st, w) for st, w in words if st >= m.end()), None)
        if nxt and text[m.end():nxt[0]].strip() == "" and nxt[1] in SCALES:
            v *= SCALES[nxt[1]]
            scaled_words.add(nxt[0])
        out.append(v)
    for n, (st, w) in enumerate(words):
        if st in scaled_words or (v := _spelled(w)) is None:
            continue
        nxt = words[n + 1] if n + 1 < len(words) else None
        if v < 1000 and nxt and text[st + len(w):nxt[0]].strip() == "" and nxt[1] in SCALES:
            v *= SCALES[nxt[1]]          # "بخمسين مليار" is 50e9, as "٥٠ مليار" is
            scaled_words.add(nxt[0])
        out.append(v)
    return out


def label(pair: dict) -> str | None:
    if pair["stance"] == "other":
        return "unrelated"
    a, b = collections.Counter(numbers(pair["s1"])), collections.Counter(numbers(pair["s2"]))
    if not a or not b:
        return None
    if not (a - b) or not (b - a):
        return "same numbers"
    if pair["stance"] == "disagree":
        return "numeric contradiction"
    return None


def run(pairs: list[dict], exe: list[str]) -> tuple[dict[str, list[dict]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "ans.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for p in pairs:
                for side in ("s1", "s2"):
                    f.write(json.dumps({"id": f"{p['id']}/{side}", "story": p["id"], "outlet": side,
                                        "lang": "ar", "text": p[side]}, ensure_ascii=False) + "\n")
        t = time.perf_counter()
        pr = subprocess.run(exe + ["check", str(path), "--format", "json", "--fail-on", "never"],
                            capture_output=True, text=True)
        took = time.perf_counter() - t
    if pr.returncode != 0:
        sys.exit(f"discrep failed ({pr.returncode}):\n{pr.stderr}")
    by_story: dict[str, list[dict]] = collections.defaultdict(list)
    for f in json.loads(pr.stdout)["findings"]:
        by_story[f["story"]].append(f)
    return by_story, took


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=5, help="examples printed per outcome")
    ap.add_argument("--discrep", default=None, help="command to run discrep (default: this Python)")
    a = ap.parse_args(argv)
    pairs = [json.loads(line) for line in (pathlib.Path(a.data) / "ans_stance_pairs.jsonl").open(encoding="utf-8")]
    exe = a.discrep.split() if a.discrep else [sys.executable, "-m", "discrep"]
    findings, took = run(pairs, exe)

    groups: dict[str, list[dict]] = collections.defaultdict(list)
    for p in pairs:
        lab = label(p)
        if lab:
            groups[lab].append(p)

    def conflicted(p):
        return [f for f in findings.get(p["id"], []) if f["verdict"] == "conflict"]

    print(f"ANS: {len(pairs)} pairs as {len(pairs)} stories of 2 documents, one run: {took:.1f} s")
    rows = []
    for lab, want in (("numeric contradiction", True), ("same numbers", False), ("unrelated", False)):
        ps = groups[lab]
        hit = [p for p in ps if conflicted(p)]
        rate = len(hit) / len(ps) if ps else 0.0
        what = "recall" if want else "false-conflict rate"
        rows.append(f"{lab}: {len(ps)} pairs, conflict on {len(hit)}, {what} {rate:.3f}")
        shown = [p for p in ps if bool(conflicted(p)) != want][:a.show]
        for p in shown:
            fs = conflicted(p)
            why = "; ".join(f["reason"] for f in fs) if fs else "no conflict"
            print(f"  [{lab}, {'missed' if want else 'false conflict'}] {p['id']}\n    s1: {p['s1']}\n"
                  f"    s2: {p['s2']}\n    -> {why}")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())

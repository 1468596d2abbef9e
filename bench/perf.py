"""Performance and scale: seeded corpora of N stories x M outlets, timed side by side.

    python bench/perf.py generate --docs 10000 [--outlets 5] [--seed 7] [--out bench/corpora]
    python bench/perf.py run [--sizes 100,2500,5000,10000,20000] [--runs 5] [--jobs 2]

``generate`` writes ``corpus-<docs>-<seed>.jsonl`` (one document a line, with ``story``
and ``outlet`` fields) and ``truth-<docs>-<seed>.json`` (every injected conflict) into
``--out`` (git-ignored).  Each story starts from one base text: a seed article, a FA-KES
report (English) or a brief of ANS headlines (Arabic), read from ``../shared``.  Every
outlet's copy is perturbed in ways that keep its meaning: another outlet name, hedges
swapped for a synonym of the same kind ("about" / "nearly"), attribution verbs swapped,
digits regrouped ("1,500" / "1500") or written in Arabic-Indic digits, one paragraph
dropped.  In about half the stories one outlet's copy also changes one figure: a count
becomes 4x+3 of itself, or a day of a date moves by a few days.  That is an injected
conflict, recorded with its document and raw offsets.

The figures to change are the count and date claims discrep reads in the base text with
an event and no share or running-total flag, stated once in the text: the benchmark
measures whether scale (blocking, parallel extraction, streaming) loses conflicts, not what
the extractor reads.

``run`` measures, at each size, ``discrep extract`` and ``discrep check`` (wall time, peak
RSS of the process tree, documents/s, MB/s, median of ``--runs``), the growth ratio
time(2N)/time(N), the start-up time of ``discrep --help`` and ``discrep check seeds/``, the
recall of the injected conflicts, and extraction speed against dateparser's
``search_dates`` (language fixed) on the same texts in the same run.
"""
from __future__ import annotations

import argparse
import collections
import functools
import itertools
import json
import os
import pathlib
import platform
import random
import re
import statistics
import subprocess
import sys
import time
import tomllib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = pathlib.Path(os.environ.get("DISCREP_SHARED", ROOT.parent / "shared"))
EXTERNAL = SHARED / "bench" / "external"
OUT = HERE / "corpora"

DIGITS_AR = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DIGIT_RUN = re.compile(r"[0-9٠-٩]+(?:,[0-9٠-٩]{3})*")
OUTLET_HEADS = ("Al-", "The ", "")
OUTLET_WORDS = ("Nour", "Sham", "Levant", "Daily", "Courier", "Wire", "Herald", "Dispatch", "Observer", "Watch",
                "Post", "Times", "Sada", "Rai", "Yawm", "Furat", "Orient", "Bulletin", "Monitor", "Tribune")


# --- base texts ------------------------------------------------------------------------

def _seed_bases() -> list[dict]:
    from discrep.load import load
    folder = SHARED / "seeds" if (SHARED / "seeds").is_dir() else ROOT / "seeds"
    body = []
    for d in load([str(folder)]):
        text = d.text[d.front_matter_end:]
        body.append({"source": "seed", "lang": "ar", "text": text.strip(), "title": d.title,
                     "published": d.published.isoformat() if d.published else None})
    return body


def _fakes_bases() -> list[dict]:
    path = EXTERNAL / "fakes_syria_casualty_reports" / "fakes_articles.jsonl"
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            text = (a.get("article_content") or "").strip()
            if len(text) > 400:
                out.append({"source": "fakes", "lang": "en", "text": text, "title": a.get("article_title"),
                            "published": a.get("derived_date_iso")})
    return out


def _ans_bases(per_brief: int = 60) -> list[dict]:
    path = EXTERNAL / "ans_arabic_news_stance" / "ans_stance_pairs.jsonl"
    heads = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            s1 = json.loads(line)["s1"].strip()
            if s1 and s1 not in heads[-50:]:
                heads.append(s1)
    return [{"source": "ans", "lang": "ar", "text": "\n\n".join(heads[k:k + per_brief]), "title": None, "published": None}
            for k in range(0, len(heads) - per_brief + 1, per_brief)]


@functools.lru_cache(maxsize=1)
def bases() -> tuple[dict, ...]:
    """Every base text, each with its checkable figures (see the module docstring)."""
    from discrep.model import Document
    from discrep.pipeline import extract_documents
    all_ = _seed_bases() + _fakes_bases() + _ans_bases()
    docs = [Document(id=f"base{k}", text=b["text"], lang=b["lang"]) for k, b in enumerate(all_)]
    for b, (_, _, claims) in zip(all_, extract_documents(docs)):
        # a figure the text states twice ("14 killed" in the lede and again in a quote) is no
        # target: changing one copy leaves the outlet giving both, which is not one outlet's
        # figure against another's
        stated = collections.Counter((c.kind, c.mention.value) for c in claims if c.event)
        b["targets"] = [t for c in claims if (t := _target(b["text"], c))
                        and stated[(c.kind, c.mention.value)] == 1]
    return tuple(all_)


def _target(text: str, c) -> dict | None:
    """The digits of a claim that can be changed into a conflict, or None."""
    m = c.mention
    if not c.event or c.part or c.cumulative or m.qualifier not in ("exact", "approx"):
        return None
    runs = [r for r in DIGIT_RUN.finditer(text, m.start, m.end)]
    digits = lambda r: int(r.group().replace(",", "").translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    if c.kind == "count" and len(runs) == 1 and digits(runs[0]) == m.value and m.value >= 2:
        return {"kind": "count", "start": runs[0].start(), "end": runs[0].end(), "value": m.value}
    if c.kind == "date" and m.precision == "day" and m.qualifier == "exact":
        day = int(m.low[8:10])
        hit = [r for r in runs if digits(r) == day]
        if len(hit) == 1:
            return {"kind": "date", "start": hit[0].start(), "end": hit[0].end(), "value": day}
    return None


# --- perturbations ---------------------------------------------------------------------

def _lang_lists(code: str) -> tuple[list[list[str]], list[str]]:
    path = ROOT / "src" / "discrep" / "lang" / f"{code}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    hedges = [[w for w in ws if " " not in w and w.isalpha()] for ws in data["hedges"]["before"].values()]
    verbs = [v for v in data["attribution"]["verbs"] if " " not in v]
    return [h for h in hedges if len(h) > 1], verbs


def _word_swaps(text: str, groups: list[list[str]], rng: random.Random, rate: float) -> list[tuple]:
    """Edits replacing some words with another of their group."""
    edits = []
    for g in groups:
        pat = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, g)) + r")(?!\w)")
        for m in pat.finditer(text):
            if rng.random() < rate:
                edits.append((m.start(), m.end(), rng.choice(g), None))
    return edits


def _digit_edits(text: str, lang: str, rng: random.Random, skip: tuple[int, int] | None) -> list[tuple]:
    """Same value, other surface: "1,500" <-> "1500", Arabic-Indic digits in Arabic text."""
    edits = []
    for m in DIGIT_RUN.finditer(text):
        if skip and m.start() < skip[1] and skip[0] < m.end():
            continue
        s = m.group()
        if "," in s and rng.random() < 0.5:
            edits.append((m.start(), m.end(), s.replace(",", ""), None))
        elif lang == "ar" and s.isascii() and rng.random() < 0.3:
            edits.append((m.start(), m.end(), s.translate(DIGITS_AR), None))
    return edits


def _apply(text: str, edits: list[tuple]) -> tuple[str, dict]:
    """The text with non-overlapping edits applied, and the new spans of tagged edits."""
    out, pos, spans, last = [], 0, {}, -1
    shift = 0
    for s, e, new, tag in sorted(edits, key=lambda x: x[0]):
        if s < last:
            continue
        out.append(text[pos:s])
        if tag:
            spans[tag] = (s + shift, s + shift + len(new))
        out.append(new)
        shift += len(new) - (e - s)
        pos = last = e
    out.append(text[pos:])
    return "".join(out), spans


def _injected(text: str, t: dict) -> str:
    if t["kind"] == "count":
        new = t["value"] * 4 + 3
        old = text[t["start"]:t["end"]]
        s = f"{new:,}" if "," in old else str(new)
        return s.translate(DIGITS_AR) if not old.isascii() else s
    day = t["value"]
    new = day + 3 if day <= 25 else day - 5
    old = text[t["start"]:t["end"]]
    return str(new).translate(DIGITS_AR) if not old.isascii() else str(new)


def generate(n_docs: int, outlets: int, seed: int, out: pathlib.Path,
             inject_rate: float = 0.5) -> tuple[pathlib.Path, pathlib.Path]:
    rng = random.Random(seed)
    base = bases()
    # a newsroom day: short wire reports (FA-KES), long features (seeds) and bulletins of
    # headlines (ANS), in proportions that average about 5 KB a document
    pools = {"fakes": [], "ans": [], "seed": []}
    for b in base:
        pools[b["source"]].append(b)
    weights = {"fakes": 0.4, "ans": 0.45, "seed": 0.15}
    lists = {code: _lang_lists(code) for code in ("ar", "en")}
    names = [f"{h}{a} {b}".strip() for h in OUTLET_HEADS for a in OUTLET_WORDS for b in OUTLET_WORDS if a != b]
    out.mkdir(parents=True, exist_ok=True)
    cpath, tpath = out / f"corpus-{n_docs}-{seed}.jsonl", out / f"truth-{n_docs}-{seed}.json"
    truth = []
    n_stories = -(-n_docs // outlets)
    written = 0
    with cpath.open("w", encoding="utf-8") as fh:
        for s in range(n_stories):
            pool = rng.choices(list(weights), weights=list(weights.values()))[0]
            b = rng.choice(pools[pool])
            story = f"story-{s:05d}"
            hedges, verbs = lists[b["lang"]]
            paras = b["text"].split("\n\n")
            target = rng.choice(b["targets"]) if b["targets"] and rng.random() < inject_rate else None
            culprit = rng.randrange(1, outlets) if target else None
            keep_para = None
            if target:
                at = 0
                for k, p in enumerate(paras):
                    if at <= target["start"] < at + len(p) + 2:
                        keep_para = k
                    at += len(p) + 2
            story_outlets = rng.sample(names, outlets)
            for o in range(outlets):
                if written == n_docs:
                    break
                text = b["text"]
                edits = _word_swaps(text, hedges, rng, 0.5) + _word_swaps(text, [verbs], rng, 0.3)
                skip = (target["start"], target["end"]) if target else None
                edits += _digit_edits(text, b["lang"], rng, skip)
                if o == culprit:
                    edits.append((target["start"], target["end"], _injected(text, target), "inject"))
                if len(paras) > 3 and rng.random() < 0.25:
                    k = rng.randrange(len(paras))
                    if k != keep_para:
                        a = sum(len(p) + 2 for p in paras[:k])
                        edits.append((a, a + len(paras[k]) + 2, "", None))
                new_text, spans = _apply(text, edits)
                doc_id = f"{story}-{o}"
                rec = {"id": doc_id, "story": story, "outlet": story_outlets[o], "lang": b["lang"],
                       "published": b["published"], "title": b["title"], "text": new_text}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                written += 1
                if "inject" in spans:
                    a, e = spans["inject"]
                    truth.append({"story": story, "doc": doc_id, "kind": target["kind"], "start": a, "end": e,
                                  "old": target["value"], "new": new_text[a:e]})
    tpath.write_text(json.dumps({"docs": n_docs, "outlets": outlets, "seed": seed, "injected": truth},
                                ensure_ascii=False, indent=1), encoding="utf-8")
    return cpath, tpath


def recall(findings: list[dict], truth: list[dict]) -> tuple[int, int]:
    """(found, injected): an injection is found when a conflict cites the changed figure."""
    spans = {}
    for f in findings:
        if f["verdict"] != "conflict":
            continue
        for c in f["claims"]:
            spans.setdefault(c["doc"], []).append((c["start"], c["end"]))
    found = sum(1 for t in truth if any(s < t["end"] and t["start"] < e for s, e in spans.get(t["doc"], ())))
    return found, len(truth)


# --- measurements ----------------------------------------------------------------------

def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as fh:
                    ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, ()))
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def timed(cmd: list[str], stdout=subprocess.DEVNULL, poll: float = 0.05) -> tuple[float, float, int]:
    """(wall seconds, peak RSS of the process tree in MB, exit code)."""
    # an installed package has its bytecode compiled; a PYTHONDONTWRITEBYTECODE shell would
    # time the compiler on every start instead
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
    peak = 0
    while proc.poll() is None:
        if os.path.isdir("/proc"):
            peak = max(peak, _tree_rss_kb(proc.pid))
        time.sleep(poll)
    return time.perf_counter() - t, peak / 1024, proc.returncode


def _discrep() -> list[str]:
    return [sys.executable, "-m", "discrep"]


def corpus_for(n: int, outlets: int, seed: int) -> tuple[pathlib.Path, pathlib.Path]:
    c, t = OUT / f"corpus-{n}-{seed}.jsonl", OUT / f"truth-{n}-{seed}.json"
    if not (c.exists() and t.exists()):
        c, t = generate(n, outlets, seed, OUT)
    return c, t


def speed_vs_dateparser(corpus: pathlib.Path, n_docs: int, runs: int) -> dict | None:
    """Extraction (normalize + extract, one process) against dateparser's search_dates with
    the language fixed, on the same texts, alternating, median of ``runs``."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    from discrep.extract import extract
    from discrep.model import Document
    from discrep.normalize import normalize
    docs = []
    with corpus.open(encoding="utf-8") as fh:
        for line in itertools.islice(fh, n_docs):
            r = json.loads(line)
            docs.append(Document(id=r["id"], text=r["text"], lang=r["lang"]))
    chars = sum(len(d.text) for d in docs)
    settings = {"PREFER_DATES_FROM": "past"}
    for d in docs[:3]:
        extract(normalize(d))
        search_dates(d.text, languages=[d.lang], settings=settings)
    ours, theirs = [], []
    for _ in range(runs):
        t = time.perf_counter()
        for d in docs:
            extract(normalize(d))
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        for d in docs:
            search_dates(d.text, languages=[d.lang], settings=settings)
        theirs.append(time.perf_counter() - t)
    o, p = statistics.median(ours), statistics.median(theirs)
    return {"docs": len(docs), "chars": chars, "discrep_chars_s": chars / o, "dateparser_chars_s": chars / p,
            "ratio": p / o, "runs": [round(b / a, 2) for a, b in zip(ours, theirs)]}


def run(sizes: list[int], runs: int, outlets: int, seed: int, jobs: int | None, speed_docs: int) -> dict:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, " + (
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB" if hasattr(os, "sysconf") else "")
    print(f"machine: {machine}; Python {platform.python_version()}; runs: {runs} (median)", flush=True)
    jobs_args = ["--jobs", str(jobs)] if jobs is not None else []
    out: dict = {"machine": machine, "runs": runs, "sizes": {}}
    for label, cmd in (("--help", ["--help"]), ("check seeds/", ["check", "seeds/"])):
        timed(_discrep() + cmd)                      # writes the bytecode, warms the file cache
        ts = [timed(_discrep() + cmd)[0] for _ in range(runs)]
        out[label] = statistics.median(ts)
        print(f"{label:>14}: {out[label]:.3f} s", flush=True)
    for n in sizes:
        corpus, truth_path = corpus_for(n, outlets, seed)
        mb = corpus.stat().st_size / 1e6
        row = {"docs": n, "mb": mb}
        for stage in ("extract", "check"):
            walls, peaks = [], []
            for r in range(runs):
                keep = stage == "check" and r == 0
                sink = open(OUT / f"findings-{n}-{seed}.jsonl", "w") if keep else subprocess.DEVNULL
                try:
                    wall, peak, code = timed(_discrep() + [stage, str(corpus), "--format", "jsonl"] + jobs_args
                                             + (["--no-config"] if stage == "check" else []), stdout=sink)
                finally:
                    if keep:
                        sink.close()
                if code not in (0, 1):
                    raise SystemExit(f"discrep {stage} failed on {corpus} (exit {code})")
                walls.append(wall)
                peaks.append(peak)
            w = statistics.median(walls)
            row[stage] = {"wall": w, "peak_mb": max(peaks), "docs_s": n / w, "mb_s": mb / w, "walls": walls}
            print(f"{n:>6} docs {mb:6.1f} MB  {stage:>7}: {w:6.2f} s  peak {max(peaks):7.0f} MB  "
                  f"{n / w:7.0f} docs/s  {mb / w:5.2f} MB/s", flush=True)
        truth = json.loads(truth_path.read_text(encoding="utf-8"))["injected"]
        with open(OUT / f"findings-{n}-{seed}.jsonl", encoding="utf-8") as fh:
            findings = [json.loads(line) for line in fh]
        found, total = recall(findings, truth)
        row["injected"] = {"found": found, "total": total, "recall": found / total if total else None,
                           "conflicts": sum(f["verdict"] == "conflict" for f in findings)}
        print(f"{'':>23}injected conflicts found: {found}/{total} = {found / max(total, 1):.3f}", flush=True)
        out["sizes"][n] = row
    ns = sorted(out["sizes"])
    for a, b in zip(ns, ns[1:]):
        if b == 2 * a:
            for stage in ("extract", "check"):
                g = out["sizes"][b][stage]["wall"] / out["sizes"][a][stage]["wall"]
                out.setdefault("growth", {}).setdefault(stage, {})[f"{a}->{b}"] = g
                print(f"growth {stage} time({b})/time({a}) = {g:.2f}", flush=True)
    if speed_docs:
        fit = [n for n in ns if n >= speed_docs] or ns or [speed_docs]
        corpus, _ = corpus_for(fit[0], outlets, seed)
        sp = speed_vs_dateparser(corpus, speed_docs, runs)
        out["vs_dateparser"] = sp
        if sp is None:
            print("dateparser is not installed: pip install dateparser==1.5.0 for the side-by-side", flush=True)
        else:
            print(f"extraction on {sp['docs']} documents ({sp['chars']:,} chars): discrep "
                  f"{sp['discrep_chars_s']:,.0f} chars/s, dateparser.search_dates {sp['dateparser_chars_s']:,.0f} "
                  f"chars/s, ratio {sp['ratio']:.1f}x (runs {sp['runs']})", flush=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate", help="write a corpus and its injected conflicts")
    g.add_argument("--docs", type=int, required=True)
    g.add_argument("--outlets", type=int, default=5)
    g.add_argument("--seed", type=int, default=7)
    g.add_argument("--out", type=pathlib.Path, default=OUT)
    r = sub.add_parser("run", help="time extract and check at each size")
    r.add_argument("--sizes", default="100,2500,5000,10000,20000")
    r.add_argument("--runs", type=int, default=5)
    r.add_argument("--outlets", type=int, default=5)
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--jobs", type=int, default=None, help="passed to discrep (default: its own default)")
    r.add_argument("--speed-docs", type=int, default=500, help="documents for the dateparser side-by-side (0: skip)")
    r.add_argument("--json", type=pathlib.Path, help="also write the figures here")
    a = ap.parse_args(argv)
    if not EXTERNAL.is_dir():
        print(f"{EXTERNAL} not found: the corpora are built from ../shared/bench/external", file=sys.stderr)
        return 2
    if a.cmd == "generate":
        c, t = generate(a.docs, a.outlets, a.seed, a.out)
        n = len(json.loads(t.read_text(encoding="utf-8"))["injected"])
        print(f"{c} ({c.stat().st_size / 1e6:.1f} MB), {n} injected conflicts in {t}")
        return 0
    res = run([int(x) for x in a.sizes.split(",")], a.runs, a.outlets, a.seed, a.jobs, a.speed_docs)
    if a.json:
        a.json.write_text(json.dumps(res, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

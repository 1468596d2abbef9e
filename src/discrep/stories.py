"""Stories of documents that carry no ``story`` field (``--stories``).

``one`` (the default) keeps them together as one story, as a folder about one event is;
``field`` checks each alone, so only the field groups documents; ``auto`` groups them by
what they report: documents that share rare words (names of people, places and groups)
are one story.

The grouping is average-linkage clustering on IDF-weighted word vectors.  Two documents are
candidates only through a word they share that few documents use, so the work grows with
the pairs of documents that share such words, not with the square of the input.  Lines an
outlet repeats on its pages (bylines, "Copyright", "Related:") are left out first: they
would tie every page of the outlet together.  Documents in two languages share no words,
so ``auto`` never puts them in one story (see the README).
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace

from . import lang
from .model import Document
from .normalize import fold
from .settings import Settings

MODES = ("one", "field", "auto")
WORD = re.compile(r"[^\W\d_]{3,}")
# in a script with case, a capitalised word inside a sentence is a name ("Kadugli", "Osman")
NAME = re.compile(r"(?<![.!?:\n\"“]\s)(?<![.!?:\n\"“])(?<!^)\b([^\W\d_a-z][^\W\d_A-Z]{2,})\b")


def split(docs: list[Document], settings: Settings) -> list[list[Document]]:
    """The stories of ``docs``, documents with no ``story`` field, by ``settings.stories``."""
    if settings.stories == "field":
        return [[replace(d, story=d.id)] for d in docs]
    if settings.stories != "auto" or len(docs) < 2:
        return [docs]
    labels = clusters(docs, settings)
    groups: dict[int, list[Document]] = {}
    for d, k in zip(docs, labels):
        groups.setdefault(k, []).append(d)
    out = list(groups.values())
    return [[replace(d, story=f"auto-{n + 1}") for d in g] for n, g in enumerate(out)]


def split_stories(stories: Iterable[list[Document]], settings: Settings) -> Iterator[list[Document]]:
    """Each story of ``stories`` as it is, but the documents with no ``story`` field split by
    ``settings.stories``."""
    for docs in stories:
        if settings.stories != "one" and docs and docs[0].story is None:
            yield from split(docs, settings)
        else:
            yield docs


def _words(docs: list[Document], name_weight: int = 1) -> list[Counter]:
    """Each document's content words, folded, with the lines its outlet repeats left out; a
    word the text writes as a name counts ``name_weight`` times as often (names tell one
    event's people and places from another's; a script with no case has none)."""
    per_outlet: dict[object, Counter] = defaultdict(Counter)
    lines = []
    for d in docs:
        ls = [x.strip() for x in ((d.title or "") + "\n" + d.text).split("\n")]
        lines.append(ls)
        per_outlet[d.outlet].update({x for x in ls if x})
    stops: dict[str | None, frozenset[str]] = {}
    every = frozenset().union(*(lang.get(c).stopwords for c in lang.available()))
    out = []
    for d, ls in zip(docs, lines):
        if d.lang not in stops:
            stops[d.lang] = lang.get(d.lang).stopwords if d.lang in lang.available() else every
        text = "\n".join(x for x in ls if x and (d.outlet is None or per_outlet[d.outlet][x] < 2))
        st = stops[d.lang]
        c = Counter(w for w in WORD.findall(fold(text).casefold()) if w not in st)
        if name_weight != 1:
            for w in {fold(m).casefold() for m in NAME.findall(text)} & c.keys():
                c[w] = c[w] * name_weight
        out.append(c)
    return out


def clusters(docs: list[Document], settings: Settings) -> list[int]:
    """A story label for each document (the index of its story's first document)."""
    n = len(docs)
    words = _words(docs, settings.story_name_weight)
    df = Counter(w for c in words for w in c)
    # a word of one document links none; a word of very many documents is no name
    cap = max(settings.story_word_max_df, math.isqrt(n))
    idf = {w: math.log((n + 1) / k) for w, k in df.items() if 2 <= k <= cap}
    vecs: list[dict[str, float]] = []
    for c in words:
        v = {w: (1 + math.log(k)) * idf[w] for w, k in c.items() if w in idf}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(vecs):
        for w, x in v.items():
            postings[w].append((i, x))
    sim: dict[tuple[int, int], float] = defaultdict(float)
    for ps in postings.values():
        for at, (i, x) in enumerate(ps):
            for j, y in ps[at + 1:]:
                sim[(i, j)] += x * y
    # one event's reports come out within days of it; a later one (a trial, an anniversary)
    # must share more to join them
    days = [d.published.toordinal() if d.published else None for d in docs]
    for (i, j), s in sim.items():
        di, dj = days[i], days[j]
        if di is not None and dj is not None and abs(di - dj) > settings.story_days:
            sim[(i, j)] = s * settings.story_far_weight
    # average linkage: merge the most similar pair of stories while their documents' mean
    # similarity reaches the cut-off
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    heap = [(-s, i, j) for (i, j), s in sim.items() if s >= settings.story_link]
    heapq.heapify(heap)
    while heap:
        _, i, j = heapq.heappop(heap)
        ri, rj = root(i), root(j)
        if ri == rj:
            continue
        left, right = members[ri], members[rj]
        total = sum(sim.get((x, y) if x < y else (y, x), 0.0) for x in left for y in right)
        if total / (len(left) * len(right)) < settings.story_link:
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        parent[gone] = keep
        members[keep] = members[keep] + members.pop(gone)
    return [root(i) for i in range(n)]

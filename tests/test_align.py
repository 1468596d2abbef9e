"""align: comparable() names the rule that decided each pair; context words cluster the
same in blocks as all at once."""
from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from conftest import run
from discrep.align import UnionFind, _canonical_tokens, why_not
from discrep.settings import Settings


def _link(texts, a, b):
    r = run(*texts)
    x = next(c for c in r.claims if c.mention.text.endswith(a))
    y = next(c for c in r.claims if c.mention.text.endswith(b) and c is not x)
    return why_not(x, y, list(r.claims), Settings())


@pytest.mark.parametrize("texts, a, b, ok, rule", [
    (["About 120 prisoners escaped from the jail on Sunday.", "Some 300 prisoners escaped from the jail on Sunday."],
     "120", "300", True, "A202"),
    (["فر نحو 120 سجينا من السجن يوم الأحد.", "فر 300 سجين من السجن يوم الأحد."], "120", "300", True, "A202"),
    (["The floods killed 40 people in the city.", "Turnout reached 40 percent in the city."], "40",
     "40 percent", False, "A101"),
    (["The blast killed 17 people, including five children.", "Five people were killed in the blast."],
     "five", "Five", False, "A105"),
    (["The government said about 120 prisoners escaped, while the SDF said up to 1,500 escaped.",
      "Some 200 prisoners escaped."], "120", "1,500", True, "A201"),
])
def test_link_names_its_rule(texts, a, b, ok, rule):
    link = _link(texts, a, b)
    assert (link.ok, link.rule, bool(link)) == (ok, rule, ok)
    if rule == "A202":
        assert link.score is not None and link.score >= link.cutoff


def _clusters(mapping):
    groups: dict = {}
    for w, rep in mapping.items():
        groups.setdefault(rep, set()).add(w)
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.parametrize("cutoff", [88.0, 70.0, 50.0])
def test_blocked_clustering_equals_the_full_matrix(cutoff):
    rnd = random.Random(7)
    vocab = sorted({"".join(rnd.choice("abcdeفقك") for _ in range(rnd.randint(2, 11))) for _ in range(1500)})
    uf = UnionFind(len(vocab))
    sims = process.cdist(vocab, vocab, scorer=fuzz.ratio, score_cutoff=cutoff, workers=1)
    rows, cols = sims.nonzero()
    for r, c in zip(rows.tolist(), cols.tolist()):
        if r < c:
            uf.union(r, c)
    full = {w: vocab[uf.find(i)] for i, w in enumerate(vocab)}
    for block in (1, 7, 256):
        assert _clusters(_canonical_tokens(vocab, cutoff, block)) == _clusters(full)
    # word by word (a small story, no numpy) gives the same clusters as the matrix
    assert _clusters(_canonical_tokens(vocab, cutoff, 256, matrix_above=len(vocab))) == _clusters(full)


@pytest.mark.parametrize("other, shared", [
    ("Rescuers counted 38 survivors and 64 wounded passengers at the station.", True),    # 64 in both
    ("Rescuers counted 38 survivors and 61 wounded passengers at the station.", False),
    ("أحصى المسعفون 38 ناجيا و64 جريحا في المحطة.", True),                                 # any language
])
def test_shared_figures_are_context(other, shared):
    """Two sentences that give one figure alike share it as context (in any language); a
    figure they give differently weighs nothing either way."""
    from discrep.align import ContextIndex
    r = run("Officials said 41 people died and 64 were injured near the station.", other)
    ctx = ContextIndex(list(r.claims), Settings())
    a, b = sorted({c.sentence_key for c in r.claims})
    from dataclasses import replace
    base = ContextIndex([replace(c, figures=()) for c in r.claims], Settings())
    assert (ctx.similarity(a, b) > base.similarity(a, b)) is shared
    assert ctx.similarity(a, b) >= base.similarity(a, b)


def _findings(docs, **opts):
    from discrep.pipeline import check_documents
    from discrep.settings import Settings
    r = check_documents(docs, Settings().with_(jobs=1, **opts))
    return [f.to_dict() for f in r.findings]


def test_a_large_block_tries_only_pairs_that_can_join():
    """Past ``all_pairs_below`` candidate pairs, two documents' claims are paired through the
    context index's prefix filter (and one concept across languages) instead of all pairs:
    the findings are those of trying every pair."""
    import dataclasses
    from pathlib import Path

    from discrep.load import read_inputs
    from discrep.model import Document
    seeds, _ = read_inputs([str(Path(__file__).resolve().parents[1] / "seeds")])
    docs = [dataclasses.replace(d, id=f"{d.id}-{k}", story=None) for k in range(2) for d in seeds]
    docs += [Document(id=f"en{k}", lang="en", outlet=f"Wire {k}", story=None,
                      text=f"About {120 + 10 * k} prisoners escaped from al-Shaddadi prison on Monday, the Syrian "
                           f"government said, while the SDF said up to 1,500 had fled. Syria became the 90th member "
                           f"of the coalition, {k + 2} officials said on 9 February 2026.") for k in range(3)]
    blocked, every = _findings(docs, all_pairs_below=0), _findings(docs, all_pairs_below=10 ** 12)
    assert blocked == every
    assert any(f["verdict"] == "conflict" for f in every)

"""The rule registry: every rule has a code, a doc and cases that fire and that do not
(tests/rules/cases.py), and each case holds."""
from __future__ import annotations

import datetime as dt

import pytest
from tests.rules.cases import CASES

from discrep.model import Document
from discrep.pipeline import check_against, check_documents
from discrep.rules import REGISTRY, all_rules, first_sentence
from discrep.settings import Settings
from discrep.trace import claims_named, trace_pairs

DAY = dt.date(2026, 2, 10)


def judged(texts, a, b, opts) -> set[str]:
    """The rules that judged the pair (a, b), or with no ``b``, the findings holding ``a``."""
    st = Settings().with_(**opts.get("settings", {}))
    days = [dt.date.fromisoformat(d) for d in opts.get("published", [])] + [DAY] * len(texts)
    docs = [Document(id=f"d{k}", text=t, outlet=f"Outlet{k}", published=days[k],
                     story=f"s{k}" if opts.get("story") else None) for k, t in enumerate(texts)]
    report = check_against(docs[:1], docs[1:], st) if opts.get("against") else check_documents(docs, st)
    assert claims_named(report, a), f"no claim reads {a!r}"
    codes: set[str] = {r for c in claims_named(report, a) for r in c.roles}
    named = {c.id for c in claims_named(report, a)}
    for f in report.findings:
        if any(fc.claim.id in named for fc in f.claims):
            codes.update(f.rules)
    if b is not None:
        traces = trace_pairs(report, a, b, st)
        assert traces, f"no pair of {a!r} and {b!r}"
        for t in traces:
            codes.add(t.align_rule)
            if t.decide_rule:
                codes.add(t.decide_rule)
    return codes


@pytest.mark.parametrize("code, fires, texts, a, b, opts", CASES,
                         ids=[f"{c[0]}-{'fires' if c[1] else 'quiet'}-{n}" for n, c in enumerate(CASES)])
def test_rule_case(code, fires, texts, a, b, opts):
    assert code in REGISTRY
    assert (code in judged(texts, a, b, opts)) == fires


def test_every_rule_has_its_doc_and_cases():
    covered = {(c[0], c[1]) for c in CASES}
    for r in all_rules():
        assert r.code[0] in "ACD" and r.name and r.stage in ("claims", "align", "decide")
        assert len(r.doc) > 30 and r.summary.endswith("."), r.code
        assert (r.code, True) in covered, f"{r.code} has no case where it fires"
        assert (r.code, False) in covered, f"{r.code} has no case where it stays quiet"


def test_cases_are_in_both_languages():
    arabic = {c[0] for c in CASES if any("\u0600" <= ch <= "\u06ff" for t in c[2] for ch in t)}
    assert len(arabic) >= 12


@pytest.mark.parametrize("doc, first", [
    ('A share ("including five children. Or six") meets only a share. More.', 'A share ("including five '
                                                                              'children. Or six") meets only a share.'),
    ("One line only", "One line only"),
])
def test_first_sentence(doc, first):
    assert first_sentence(doc) == first

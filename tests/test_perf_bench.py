"""bench/perf.py: the generated corpora are deterministic, their injected conflicts are
recorded where they sit, and the pipeline finds them (a floor, like the evaluation gate)."""
from __future__ import annotations

import importlib.util
import json
import os

import pytest

from conftest import ROOT
from discrep.model import Document
from discrep.pipeline import check_documents
from discrep.settings import Settings


@pytest.fixture(scope="module")
def perf():
    spec = importlib.util.spec_from_file_location("perf", ROOT / "bench" / "perf.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not mod.EXTERNAL.is_dir():
        if os.environ.get("DISCREP_REQUIRE_PEERS"):
            pytest.fail(f"evaluation data not found at {mod.EXTERNAL}")
        pytest.skip(f"evaluation data not found at {mod.EXTERNAL}")
    return mod


def test_generated_corpus_is_deterministic_and_its_conflicts_are_found(perf, tmp_path):
    c1, t1 = perf.generate(120, 4, 11, tmp_path / "a")
    c2, t2 = perf.generate(120, 4, 11, tmp_path / "b")
    assert c1.read_bytes() == c2.read_bytes() and t1.read_bytes() == t2.read_bytes()
    recs = [json.loads(line) for line in c1.read_text(encoding="utf-8").splitlines()]
    truth = json.loads(t1.read_text(encoding="utf-8"))["injected"]
    assert len(recs) == 120 and len({r["story"] for r in recs}) == 30 and len(truth) >= 5
    text = {r["id"]: r["text"] for r in recs}
    for t in truth:                                  # the offsets point at the changed figure
        assert text[t["doc"]][t["start"]:t["end"]] == t["new"]
    docs = [Document(id=r["id"], text=r["text"], story=r["story"], outlet=r["outlet"], lang=r["lang"])
            for r in recs]
    report = check_documents(docs, Settings(jobs=2, chunk_docs=16))
    findings = [f.to_dict() for f in report.findings]
    found, total = perf.recall(findings, truth)
    assert found / total >= 0.9
    assert perf.recall(findings, []) == (0, 0)

"""The seed articles: exactly the two known conflicts and the agreement on the 90th member."""
import pytest

from discrep import check


@pytest.fixture(scope="module")
def report(root=None):
    from conftest import ROOT
    return check([str(ROOT / "seeds")])


def by_verdict(report, verdict):
    return [f for f in report.findings if f.verdict == verdict]


def test_escape_conflict(report):
    f = [f for f in by_verdict(report, "conflict") if f.kind == "count"]
    assert len(f) == 1
    claims = {c.claim.mention.value: c.claim for c in f[0].claims}
    assert {120, 1500} <= set(claims)
    assert all(c.doc_id.startswith("000") for c in claims.values())
    assert claims[120].attributed_to == "Syrian government" and claims[1500].attributed_to == "SDF"


def test_meeting_date_conflict(report):
    f = [f for f in by_verdict(report, "conflict") if f.kind == "date"]
    assert len(f) == 1
    vals = {(c.claim.doc_id[:3], c.claim.mention.value) for c in f[0].claims}
    assert ("003", "2026-02-10") in vals and ("003", "2026-02-09") in vals
    assert {"001", "004"} <= {d for d, v in vals if v == "2026-02-09"}
    assert all(c.claim.event == "meeting" for c in f[0].claims)


def test_no_other_conflicts(report):
    assert len(by_verdict(report, "conflict")) == 2


def test_ninetieth_member_agreement(report):
    f = [f for f in by_verdict(report, "agree") if f.kind == "ordinal"]
    assert len(f) == 1
    assert {c.claim.mention.value for c in f[0].claims} == {90}
    assert len({c.claim.doc_id for c in f[0].claims}) == 5


def test_metadata(report):
    docs = {d.doc.id[:3]: d for d in report.documents}
    assert docs["004"].published.isoformat() == "2026-02-09" and docs["004"].outlet == "شفق نيوز"
    assert docs["002"].outlet == "اندبندنت عربية" and docs["003"].outlet == "الفاصل"
    assert docs["000"].outlet_source == "file name"      # "إسطنبول -" is a city, not an outlet


def test_caption_counted_once(report):
    caps = [c for c in report.claims if c.doc_id.startswith("003") and c.mention.value == "2026-02-10"]
    assert len(caps) == 1

"""decide: intervals from hedges, verdicts per quantity, and reasons that name the pair
that disagrees."""
from __future__ import annotations

import math

import pytest

from conftest import mentions, run
from discrep.decide import interval
from discrep.settings import Settings

ST = Settings()


@pytest.mark.parametrize("text, figure, low, high", [
    ("About 120 prisoners escaped.", "About 120", 102, 138),
    ("فر نحو 120 سجينا.", "نحو 120", 102, 138),
    ("Up to 1,500 prisoners escaped.", "Up to 1,500", 750, 1500),
    ("فر ما يصل إلى 1500 سجين.", "ما يصل إلى 1500", 750, 1500),
    ("More than 130 people were killed.", "More than 130", 130, 260),
    ("At least 31 people were killed.", "At least 31", 31, math.inf),
    ("Fewer than 40 people were hurt.", "Fewer than 40", 0, 40),
    ("Exactly 45 people were killed.", "45", 45, 45),
])
def test_interval(text, figure, low, high):
    _, cs = mentions(text)
    c, = [c for c in cs if figure.endswith(c.mention.text) or c.mention.text in figure]
    lo, hi = interval(c, ST)
    assert (round(lo, 6), round(hi, 6)) == (low, high)


def test_tolerance_widens_an_exact_figure():
    _, cs = mentions("Exactly 100 people were killed.")
    assert interval(cs[0], Settings(tolerance=0.05)) == pytest.approx((95, 105))


@pytest.mark.parametrize("texts, verdicts", [
    # a dispute and the agreement on one side of it: both reported
    (["About 120 prisoners escaped from the Shaddadi jail on Sunday, the government said.",
      "Some 120 prisoners escaped from the Shaddadi jail on Sunday.",
      "Up to 1,500 prisoners escaped from the Shaddadi jail on Sunday, the SDF said."], ["conflict", "agree"]),
    (["قالت الحكومة إن نحو 120 سجينا فروا من سجن الشدادي يوم الأحد.",
      "فر نحو 120 سجينا من سجن الشدادي يوم الأحد بحسب الحكومة.",
      "قالت قسد إن ما يصل إلى 1500 سجين فروا من سجن الشدادي يوم الأحد."], ["conflict", "agree"]),
    # no side with two documents: the conflict alone
    (["About 120 prisoners escaped from the Shaddadi jail on Sunday, the government said.",
      "Up to 1,500 prisoners escaped from the Shaddadi jail on Sunday, the SDF said."], ["conflict"]),
    # all agree
    (["About 120 prisoners escaped from the Shaddadi jail on Sunday.",
      "Some 125 prisoners escaped from the Shaddadi jail on Sunday."], ["agree"]),
])
def test_verdicts_per_quantity(texts, verdicts):
    r = run(*texts)
    assert [f.verdict for f in r.findings if f.kind == "count"] == verdicts


def test_a_conflicts_reason_names_the_two_that_disagree():
    r = run("About 120 prisoners escaped from the Shaddadi jail on Sunday, the government said.",
            "Some 125 prisoners escaped from the Shaddadi jail on Sunday.",
            "Up to 1,500 prisoners escaped from the Shaddadi jail on Sunday, the SDF said.")
    f = next(f for f in r.findings if f.verdict == "conflict")
    first, second = f.claims[0].claim, f.claims[1].claim
    assert {first.mention.value, second.mention.value} in ({120, 1500}, {125, 1500})
    assert "1,500" in f.reason and ("120" in f.reason or "125" in f.reason)
    assert f.rules[-1] == "D201"


def _over_days(*dated):
    """A check of documents, each (text, day of February 2026)."""
    import datetime as dt

    from discrep.model import Document
    from discrep.pipeline import check_documents
    docs = [Document(id=f"d{k}", text=t, outlet=f"Outlet{k}", published=dt.date(2026, 2, day))
            for k, (t, day) in enumerate(dated)]
    return check_documents(docs, ST)


@pytest.mark.parametrize("dated, verdict, order", [
    # a toll that rises across days is an update, oldest first
    ([("The floods killed 12 people in the valley, officials said.", 9),
      ("The death toll from the floods in the valley rose to 31, officials said.", 11)], "update", [12, 31]),
    ([("ارتفعت حصيلة قتلى فيضانات الوادي إلى 31 شخصا، بحسب المسؤولين.", 11),
      ("قتل 12 شخصا في فيضانات الوادي، بحسب المسؤولين.", 9)], "update", [12, 31]),
    ([("The floods killed 12 people in the valley on Monday, officials said.", 9),
      ("The floods killed 20 people in the valley on Monday, officials said.", 10),
      ("The death toll from the floods in the valley rose to 31, officials said.", 11)], "update", [12, 20, 31]),
    # a later, lower figure: revised, an update; not said to be revised, a conflict
    ([("The floods killed 31 people in the valley, officials said.", 9),
      ("Officials revised the death toll from the floods in the valley to 9.", 11)], "update", [31, 9]),
    ([("قتل 31 شخصا في فيضانات الوادي، بحسب المسؤولين.", 9),
      ("عدّل المسؤولون حصيلة قتلى فيضانات الوادي إلى 9 أشخاص.", 11)], "update", [31, 9]),
    ([("The floods killed 31 people in the valley, officials said.", 9),
      ("The floods killed 9 people in the valley, officials said.", 11)], "conflict", None),
    # two reports of one day that differ: a conflict
    ([("The floods killed 12 people in the valley, officials said.", 9),
      ("The floods killed 31 people in the valley, officials said.", 9)], "conflict", None),
    ([("قتل 12 شخصا في فيضانات الوادي، بحسب المسؤولين.", 9),
      ("قتل 31 شخصا في فيضانات الوادي، بحسب المسؤولين.", 9)], "conflict", None),
    # "by Tuesday" tells when a running figure stood so, not which day's event it counts
    ([("The fire had burned 12,400 acres by Tuesday morning, fire officials said.", 10),
      ("The fire had burned 18,900 acres by Wednesday night, fire officials said.", 12)], "update", [12400, 18900]),
    ([("التهمت النيران 12400 هكتار حتى صباح الثلاثاء، بحسب الدفاع المدني.", 10),
      ("التهمت النيران 18900 هكتار حتى مساء الأربعاء، بحسب الدفاع المدني.", 12)], "update", [12400, 18900]),
    # a price is no running count: a later, different price is a conflict
    ([("The ministry set the price of diesel at $53.9 a barrel, officials said.", 9),
      ("The ministry set the price of diesel at $54.7 a barrel, officials said.", 10)], "conflict", None),
])
def test_updates_over_days(dated, verdict, order):
    rep = _over_days(*dated)
    f, = [f for f in rep.findings if f.verdict in ("update", "conflict")]
    assert f.verdict == verdict
    if order:
        assert [fc.claim.mention.value for fc in f.claims] == order


def test_a_timeline_that_goes_back_is_a_conflict():
    rep = _over_days(("The floods killed 12 people in the valley, officials said.", 9),
                     ("The floods killed 31 people in the valley, officials said.", 10),
                     ("The floods killed 12 people in the valley, officials said.", 11))
    assert [f.verdict for f in rep.findings if f.verdict != "agree"] == ["conflict"]

import datetime as dt

import pytest

from conftest import mentions

REF = dt.date(2026, 2, 9)   # a Monday


def date_of(text, ref=REF):
    ms, _ = mentions(text, published=ref)
    ds = [m for m in ms if m.kind == "date"]
    assert len(ds) == 1, [(m.text, m.value) for m in ds]
    assert text[ds[0].start:ds[0].end] == ds[0].text
    return ds[0]


@pytest.mark.parametrize("text, value", [
    ("عقد الاجتماع في 9 شباط/فبراير 2026", "2026-02-09"),
    ("فروا في 20 يناير/كانون الثاني 2026", "2026-01-20"),
    ("في 30 يناير/كانون لثاني 2026 طالبت الدول", "2026-01-30"),
    ("في 12 أكتوبر (تشرين الأول) 2024", "2024-10-12"),
    ("وقع الهجوم في 3 حزيران 2023", "2023-06-03"),
    ("بتاريخ 2026-02-09", "2026-02-09"),
    ("بتاريخ 9/2/2026", "2026-02-09"),
    ("انضمت في تشرين الثاني 2025", "2025-11"),
    ("انضمت في نوفمبر 2025", "2025-11"),
    ("تأسس عام 2014", "2014"),
    ("تأسس بالعام 2014", "2014"),
    ("سقط في مارس (آذار) عام 2019", "2019-03"),
    ("The meeting was held on February 9, 2026", "2026-02-09"),
    ("it was held on 9 February 2026", "2026-02-09"),
    ("In November 2025 Syria joined", "2025-11"),
    ("on 2026-02-09", "2026-02-09"),
])
def test_absolute(text, value):
    m = date_of(text)
    assert m.value == value and m.year_source == "explicit"


@pytest.mark.parametrize("text, value", [
    ("عقد الاجتماع اليوم", "2026-02-09"),
    ("استضافت اليوم الاثنين اجتماعا", "2026-02-09"),
    ("قالت أمس إن", "2026-02-08"),
    ("سيعقد غدا", "2026-02-10"),
    ("قالت الخميس إن", "2026-02-05"),
    ("قال الخميس الماضي", "2026-02-05"),
    ("انضمت في نوفمبر الماضي", "2025-11"),
    ("انضمت نوفمبر/ تشرين الثاني الماضي", "2025-11"),
    ("ارتفع الشهر الماضي", "2026-01"),
    ("ارتفع العام الماضي", "2025"),
    ("انضمت أواخر العام 2025", "2025"),
    ("وقع منذ 3 أيام", "2026-02-06"),
    ("وقع منذ يومين", "2026-02-07"),
    ("he said yesterday", "2026-02-08"),
    ("he said last Tuesday", "2026-02-03"),
    ("prices rose last month", "2026-01"),
    ("it happened 3 days ago", "2026-02-06"),
    ("عقد الاثنين 9 شباط", "2026-02-09"),
])
def test_relative(text, value):
    assert date_of(text).value == value


@pytest.mark.parametrize("text, value", [
    # a month with no year: the nearest, unless its clause marks the past or the future
    ("The trial opens in June.", "2026-06"),
    ("Both teens were shot and killed at a party in June.", "2025-06"),
    ("كانت الحكومة قد أعلنت الخطة في حزيران.", "2025-06"),
    ("The talks will resume in September.", "2026-09"),
    ("The talks will resume in March.", "2026-03"),               # within a quarter: the nearest stands
    ("It was cold. The festival opens in June.", "2026-06"),      # the past of another sentence
])
def test_a_yearless_month_follows_its_clause_tense(text, value):
    assert date_of(text).value == value


def test_partial_date_interval():
    m = date_of("انضمت أواخر العام 2025")
    assert m.qualifier == "vague" and m.low > "2025-06-30" and m.high == "2025-12-31"


def test_date_range():
    m = date_of("في الفترة بين الأول من أكتوبر وحتى السادس من نوفمبر (تشرين الثاني) الجاري", ref=dt.date(2025, 11, 10))
    assert (m.low, m.high, m.qualifier) == ("2025-10-01", "2025-11-06", "range")


def test_year_from_weekday_without_reference():
    ms, _ = mentions("عقد الاجتماع يوم الثلاثاء 10 شباط، وفي 2026 أيضا", published=None)
    d = [m for m in ms if m.weekday is not None][0]
    assert d.value == "2026-02-10" and d.year_source == "weekday"


def test_relative_without_reference_is_skipped():
    ms, _ = mentions("قال أمس إن الاجتماع عقد", published=None)
    assert not ms


@pytest.mark.parametrize("text, count", [
    ("أول زيارة منذ خمسة عشر عاما", 15),
    ("افتتح الجسر منذ 12سنة", 12),                 # glued to its unit
    ("قبل ثلاثة أعوام أعلنت البلدية", 3),
    ("The mayor resigned five years ago", 5),
    ("Twelve years ago, the plant closed", 12),
    ("قال أمس إن المصنع أغلق", None),              # a day, not a count of days
    ("منذ يومين أغلق المصنع", None),               # a dual is its own count: no number to report
    ("منذ سنوات أغلق المصنع", None),               # "for years" counts nothing
])
def test_a_span_back_with_no_reference_is_a_count_of_time(text, count):
    """With no date to count back from, "15 years ago" cannot be placed, but it still says 15
    years, as "منذ أكثر من 15 عاما" does (two outlets may differ on it)."""
    ms, _ = mentions(text, published=None)
    got = [(m.kind, m.value) for m in ms if m.kind in ("number", "date")]
    assert got == ([("number", count)] if count else []), got
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_bare_ambiguous_month_is_not_a_date():
    ms, _ = mentions("You may go. March on.")
    assert not [m for m in ms if m.kind == "date"]

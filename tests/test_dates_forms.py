"""Date forms found through the peer suites, as tables of our own sentences
(mirrors extract/dates.py).  Reference: Monday 9 February 2026."""
import pytest

from conftest import mentions


def dates(text):
    ms, _ = mentions(text)
    return [m.value for m in ms if m.kind == "date"]


@pytest.mark.parametrize("text, value", [
    # a month and its year joined by "of" / "من"
    ("a shooting that wounded two in December of 2013", "2013-12"),
    ("أصيب شخصان في ديسمبر من العام 2013", "2013-12"),
    # holidays, computed from the rule for the year stated or the reference year
    ("the talks will resume after Christmas", "2026-12-25"),
    ("the ceasefire held over Christmas", "2025-12-25"),
    ("this Christmas will be different", "2026-12-25"),
    ("last Easter", "2025-04-20"),
    ("سيزور الوفد المدينة في عيد الفطر", "2026-03-20"),
    ("the offices reopen the day after tomorrow", "2026-02-11"),
    ("they met on Thanksgiving 2021", "2021-11-25"),
    ("the truce held over Easter Monday 2024", "2024-04-01"),
    ("Orthodox Easter 2025 fell late", "2025-04-20"),
    ("Eid al-Adha 2024 prayers", "2024-06-16"),
    ("أعلن الهدنة في عيد الفطر 2025", "2025-03-30"),
    ("عيد الأضحى 2023", "2023-06-28"),
    ("مع رأس السنة الهجرية 2024", "2024-07-07"),
    # lunisolar calendars, through the holidays package's tables
    ("celebrations for Diwali 2023 began", "2023-11-12"),
    ("the Yom Kippur 2022 services", "2022-10-05"),
    ("markets closed for Lunar New Year 2021", "2021-02-12"),
    ("Hanukkah 2024 started at dusk", "2024-12-26"),
    ("اندلعت حرب يوم الغفران 1973", "1973-10-06"),
    ("احتفالات رأس السنة الصينية 2023", "2023-01-22"),
    # an ordinal day of a relative month
    ("وقع الهجوم في العاشر من الشهر الجاري", "2026-02-10"),
    ("في الخامس من الشهر الماضي", "2026-01-05"),
    ("on the 5th of last month", "2026-01-05"),
    ("الأول من الشهر المقبل", "2026-03-01"),
    # the Hijri calendar, through hijridate (Umm al-Qura)
    ("أعلن في 15 رمضان 1446 أن", "2025-03-15"),
    ("صدر القرار في 1 شوال 1445 هـ", "2024-04-10"),
    ("the truce of 27 Ramadan 1445 AH", "2024-04-06"),
    ("وصلوا في العاشر من محرم", "2026-06-25"),           # the nearest 10 Muharram
    ("خلال عام 1441 هـ", "2019-08-31"),                   # the Hijri year, from its first day
    ("في شهر رمضان الماضي", "2025-03-01"),
    # numeric forms
    ("the report of 01.11.2019 said", "2019-11-01"),
    ("figures for 3/2021 show", "2021-03"),
    ("أرقام 11-2020", "2020-11"),
    ("data from 2019-07", "2019-07"),
    ("on 4/5/21 they met", "2021-04-05"),
    ("وصل يوم 7. حزيران", "2026-06-07"),
    ("عاد في 12- تموز", "2026-07-12"),
    ("وقع الحادث 3/ آب", "2025-08-03"),          # "occurred": the last 3 August, half a year before the report
    ("صدر القرار بتاريخ 3/4", "2026-04-03"),
    ("تستمر حتى 5/6", "2026-06-05"),
    ("في 2025-11-30 أعلن", "2025-11-30"),     # a full ISO date after a preposition, not its year
    # a hedge word before a date is a preposition: "until 3 August", not "up to 3"
    ("تستمر الهدنة حتى 3 آب", "2026-08-03"),
    ("the curfew lasts up to 14 March", "2026-03-14"),
    ("بقي المعبر مغلقا حتى 20 أيار 2025", "2025-05-20"),
    ("صدر في 16. تشرين الثاني. 2019", "2019-11-16"),
    ("signed on 5. May 2021", "2021-05-05"),
    # ordinal days, month prefixes, years in words
    ("الحادي والعشرين من شهر مارس لعام ألفين وعشرين", "2020-03-21"),
    ("the 3rd of June 2020", "2020-06-03"),
    ("on June twenty-first, 2019", "2019-06-21"),
    # relative expressions
    ("the vote is in two weeks", "2026-02-23"),
    ("three years from now", "2029"),
    ("سيعود بكرة", "2026-02-10"),
    ("قصفت الطائرات المدينة الليلة الماضية", "2026-02-08"),
    ("the strikes hit the city last night", "2026-02-08"),
    ("وصل منذ أسبوع", "2026-02-02"),
    ("سافر قبل امبارح", "2026-02-07"),           # colloquial: the day before yesterday
    ("بنرجع بعد بكرة", "2026-02-11"),
    ("يبدأ الإضراب في نصف شهر نيسان", "2026-04"),   # "half of the month" is its middle
    ("تستمر الحرب منذ عام 2011", "2011"),
    ("منذ العام 2014 والمدينة محاصرة", "2014"),
    ("الأسبوع المقبل يوم الخميس", "2026-02-19"),
    ("on Wednesday of next week", "2026-02-18"),
    ("on Wednesday of this week", "2026-02-11"),
    ("يوم الأربعاء من هذا الأسبوع", "2026-02-11"),
    ("prices rose in March", "2026-03"),
    ("during May the talks stalled", "2026-05"),
    ("next Friday", "2026-02-20"),
    ("last Friday", "2026-02-06"),
    ("elections next May", "2026-05"),
    ("يعود في منتصف آذار", "2026-03"),
    ("مع بداية شهر 3", "2026-03"),
    ("في اليوم الثالث من أكتوبر", "2025-10-03"),
    ("سيصل يوم الأحد الثاني", "2026-02-08"),
    ("on Thursday 12th the court ruled", "2026-02-12"),
    ("يوم الأحد الخامس عشر", "2026-02-15"),
    ("filed on 14-Mar-25", "2025-03-14"),
    ("due Aug-30-2024", "2024-08-30"),
    ("born on twenty two May nineteen seventy one", "1971-05-22"),
    ("prices fell last yr", "2025"),
    # a bare weekday: the last one, or the coming one after a future marker in its clause
    ("عقد الاجتماع يوم الخميس", "2026-02-05"),
    ("سيعقد الاجتماع يوم الخميس", "2026-02-12"),
    ("من المقرر أن يصل الوفد يوم الأحد", "2026-02-15"),
    ("the talks will resume on Friday", "2026-02-13"),
    ("the minister said on Friday that talks will resume", "2026-02-06"),
    ("قال الوزير يوم الجمعة إن المحادثات ستستأنف", "2026-02-06"),
    ("the vote is due to be held on Monday", "2026-02-16"),
    # a day listed before a date shares its month; a day alone after "on the"
    ("the meeting ran on 18 and 19 June", "2026-06-18"),
    ("عقد الاجتماع يومي 9 و10 آذار 2025", "2025-03-09"),
    ("on 7, 8 and 9 May 2024", "2024-05-07"),
    ("the court sits again on the 18th.", "2026-02-18"),
    ("he arrived on the third, a Tuesday", "2026-02-03"),
    # a day range without an opener
    ("on the night of 9-10 February", "2026-02-09"),
    ("ليلة 14-15 آذار 2025", "2025-03-14"),
    ("the fair runs 9 to 12 March", "2026-03-09"),
    # abbreviations with a point, decades
    ("the attacks of Sept. 11, 2001", "2001-09-11"),
    ("talks resume Feb. 20", "2026-02-20"),
    ("growth in the 1990s", "1990"),
    # year lists are one span
    ("floods in 2012, 2013 and 2014", "2012"),
    ("في الأعوام 2015 و2016 و2017", "2015"),
    # year ranges
    ("the war from 2011 to 2015", "2011"),
    ("بين عامي 2012 و2016", "2012"),
    ("in 2011-2012 the fighting spread", "2011"),
    ("the 2018-2019 season", "2018"),
    # a count of units before or after a date is that other date
    ("the strike came 3 days after March 12", "2026-03-15"),
    ("two weeks before Christmas 2024", "2024-12-11"),
    ("talks resume 4 months from tomorrow", "2026-06-10"),
    ("عاد بعد يومين من 5 حزيران", "2026-06-07"),
    ("خمسة أيام قبل عيد الفطر 2025", "2025-03-25"),
    # an ordinal day without a link, or with a day noun
    ("وصل الوفد في أول آذار", "2026-03-01"),
    ("ثالث يوم من شهر نيسان", "2026-04-03"),
    ("on the second day of March", "2026-03-02"),
    # the construct form of an Arabic weekday after أول/آخر or before a relative week
    ("آخر جمعة من شهر أيار 2025", "2025-05-30"),
    ("أول خميس من نيسان", "2026-04-02"),
    ("جمعة الأسبوع الماضي", "2026-02-06"),
    # the n-th (or last) weekday of a month
    ("polls open on the first Monday of March", "2026-03-02"),
    ("the last Friday in May 2024", "2024-05-31"),
    ("the third Tuesday in November 2020", "2020-11-17"),
    ("تعقد الجلسة يوم الاثنين الأخير من شهر آذار", "2026-03-30"),
    ("الجمعة الأخيرة من أيار 2025", "2025-05-30"),
    # a weekday with a small ordinal: the day when the weekday fits, else the n-th weekday
    ("يوم الخميس الثاني من نيسان", "2026-04-02"),
    ("الثلاثاء الأول من آذار", "2026-03-03"),
    ("الأربعاء الأول من نيسان", "2026-04-01"),
    ("الاثنين الثاني من آذار", "2026-03-02"),
    ("الاثنين الثالث من آذار", "2026-03-16"),
    # far from the reference, a stated weekday chooses the year
    ("الجمعة 14 آب", "2026-08-14"),
    ("on Saturday, 15 August", "2026-08-15"),
    ("Thursday 14 August", "2025-08-14"),
])
def test_date_forms(text, value):
    assert value in dates(text), dates(text)


@pytest.mark.parametrize("text, value", [
    ("عقد الاجتماع يوم الأحد 10 شباط", "2026-02-10"),
    ("the summit opened on Friday, 12 February", "2026-02-12"),
])
def test_near_the_reference_a_wrong_weekday_is_reported(text, value):
    """Close to the reference the nearest year stands, and the weekday that does not fit
    it is a finding, not a reason to move the date a year."""
    from conftest import run
    r = run(text)
    assert value in [c.mention.value for c in r.claims if c.kind == "date"]
    assert [f.kind for f in r.findings] == ["weekday"]


def test_weekday_then_count_is_not_a_day():
    ms, _ = mentions("قتل يوم الخميس 15 شخصا")
    assert [m.value for m in ms if m.kind == "number"] == [15]


@pytest.mark.parametrize("text", [
    "1/3 of the population",          # a fraction, not 3 January
    "open 24/7",
    "صفر",                             # the number zero, not the Hijri month
    "قال رمضان إن الوفد وصل",          # a name
    "في رمضان",                          # a month alone is no date
    "he said it would end in",         # a preposition at the very end
    "they will march in silence",      # a lower-case ambiguous month word is a verb
    "the office is on the 4th floor",
    "killed 18 and wounded 19",
    "آخر اثنين من المرشحين انسحبا",      # "the last two of the candidates"
    "أول مرة منذ سنوات",                   # "for years": a plural unit without a count
    "the first time in years",
    "it may rain in may",
    "وقال إنها ستنتهي بتاريخ",
    "he was freed 3 days later",       # later than the story's event, not the publication
    "he had left two days earlier",
    "وفي اليوم السابق للهجوم قتل 4 أشخاص",   # the story's day before, not the reader's today
    "وصلت التعزيزات في اليوم التالي",
    "وقعت الحادثة في اليوم نفسه",
])
def test_not_dates(text):
    assert dates(text) == []


@pytest.mark.parametrize("a, b", [
    ("The army will hold the meeting in 3 days in Riyadh.", "The army will hold the meeting on 20 February in Riyadh."),
    ("قال الجيش إن الاجتماع سيعقد في غضون 3 أيام في الرياض.", "قال الجيش إن الاجتماع سيعقد في 20 فبراير في الرياض."),
])
def test_in_n_days_is_never_opposed(a, b):
    """'in 3 days' may be a duration ('the siege ended in 3 days'), so it takes no part in
    a verdict: no conflict with a differing dated report, and no agreement either."""
    from conftest import run
    r = run(a, b)
    assert [c.mention.qualifier for c in r.claims if c.kind == "date"].count("offset") == 1
    assert not [f for f in r.findings if f.kind == "date"]


@pytest.mark.parametrize("a, b, verdict", [
    # "3 days after 12 March" is 15 March, not the inner date
    ("The summit was held 3 days after 12 March.", "The summit was held on 15 March.", "agree"),
    ("The summit was held 3 days after 12 March.", "The summit was held on 12 March.", "conflict"),
    ("عقد الاجتماع بعد أسبوعين من 1 آذار.", "عقد الاجتماع في 15 آذار.", "agree"),
    ("عقد الاجتماع بعد أسبوعين من 1 آذار.", "عقد الاجتماع في 1 آذار.", "conflict"),
    # a meeting "on 9 and 10 February" agrees with a report of either day
    ("The meeting was held on 9 and 10 February.", "The meeting was held on 10 February.", "agree"),
    ("عقد الاجتماع يومي 14 و15 آذار.", "عقد الاجتماع في 14 آذار.", "agree"),
    ("The meeting was held on 9 and 10 February.", "The meeting was held on 12 February.", "conflict"),
    # published on Monday 9 February, "will be held on Wednesday" is the 11th, not last Wednesday
    ("سيعقد الاجتماع في الرياض يوم الخميس.", "سيعقد الاجتماع في الرياض في 12 شباط.", "agree"),
    ("The summit will be held on Wednesday.", "The summit will be held on 11 February.", "agree"),
    # "next Friday" is the 13th or the 20th; with the week named, only its Friday
    ("تعقد القمة الجمعة المقبلة في الرياض.", "تعقد القمة في 13 شباط في الرياض.", "agree"),
    ("The summit will be held next Friday.", "The summit will be held on 20 February.", "agree"),
    ("The summit will be held next Friday.", "The summit will be held on 25 February.", "conflict"),
    ("تعقد القمة يوم الجمعة من الأسبوع المقبل.", "تعقد القمة في 13 شباط.", "conflict"),
])
def test_date_verdicts(a, b, verdict):
    """Verdicts between two outlets' dates where the reading of one decides the outcome."""
    from conftest import run
    r = run(a, b)
    assert [f.verdict for f in r.findings if f.kind == "date"] == [verdict]


@pytest.mark.parametrize("text, low, high", [
    # halves, quarters and parts of a year end on month boundaries
    ("sales in the first quarter of 2025", "2025-01-01", "2025-03-31"),
    ("خلال النصف الثاني من العام الماضي", "2025-07-01", "2025-12-31"),
    ("في الربع الأخير من 2024", "2024-10-01", "2024-12-31"),
    ("late 2023", "2023-09-01", "2023-12-31"),
    # decades
    ("in the 1990s", "1990-01-01", "1999-12-31"),
    ("during the 2010's", "2010-01-01", "2019-12-31"),
    ("تعود الأزمة إلى الثمانينيات", "1980-01-01", "1989-12-31"),
    ("since the nineties", "1990-01-01", "1999-12-31"),
])
def test_date_spans(text, low, high):
    ms, _ = mentions(text)
    assert [(m.low, m.high) for m in ms if m.kind == "date"] == [(low, high)]

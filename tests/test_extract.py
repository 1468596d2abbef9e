import pytest

from conftest import mentions


def one(text, kind=None, **kw):
    ms, _ = mentions(text, **kw)
    ms = [m for m in ms if kind is None or m.kind == kind]
    assert len(ms) == 1, [(m.kind, m.text, m.value) for m in ms]
    m = ms[0]
    assert text[m.start:m.end] == m.text
    return m


@pytest.mark.parametrize("text, value, qualifier", [
    ("فرّ 1500 معتقل", 1500, "exact"),
    ("فر ١٬٥٠٠ معتقل", 1500, "exact"),
    ("فر ۱۵۰۰ معتقل", 1500, "exact"),
    ("بلغت الخسائر ٢٫٥ مليون", 2500000, "exact"),
    ("قتل ألف وخمسمائة شخص", 1500, "exact"),
    ("نزح ألفين من السكان", 2000, "exact"),
    ("نزح 3 آلاف شخص", 3000, "exact"),
    ("سجل 1.5 مليون نازح", 1500000, "exact"),
    ("أصيب ثلاثة عشر شخصا", 13, "exact"),
    ("قتل خمسة وعشرون مدنيا", 25, "exact"),
    ("وصل ثلاثمائة وخمسون ألف لاجئ", 350000, "exact"),
    ("اعتقلت نحو 80 مقاتلا", 80, "approx"),
    ("اعتقلت حوالي 45 شخصا", 45, "approx"),
    ("قتل زهاء 60 جنديا", 60, "approx"),
    ("فر ما يقارب 300 سجين", 300, "approx"),
    ("فر ما يصل إلى 1500 معتقل", 1500, "up_to"),
    ("قتل أكثر من 22 شخصا", 22, "more_than"),
    ("قتل ما لا يقل عن 17 شخصا", 17, "at_least"),
    ("أصيب أقل من 10 أشخاص", 10, "less_than"),
    ("One thousand five hundred people fled", 1500, "exact"),
    ("about 120 prisoners escaped", 120, "approx"),
    ("up to 1,500 detainees fled", 1500, "up_to"),
    ("at least 42 people were killed", 42, "at_least"),
    ("more than 3 million refugees", 3000000, "more_than"),
    ("twenty-five civilians died", 25, "exact"),
    ("a hundred people", 100, "exact"),
])
def test_counts(text, value, qualifier):
    m = one(text, "number")
    assert m.value == value and m.qualifier == qualifier


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("قتل بين 80 و90 شخصا", 80, 90, "range"),
    ("قتل 80-90 شخصا", 80, 90, "range"),
    ("between 40 and 50 people", 40, 50, "range"),
    ("يقدر عددهم بعشرات الآلاف", 20000, 99000, "vague"),
    ("dozens of people were hurt", 24, 99, "vague"),
    ("tens of thousands fled", 20000, 99000, "vague"),
])
def test_ranges_and_vague(text, low, high, qualifier):
    m = one(text, "number")
    assert (m.low, m.high, m.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text, value", [
    ("سوريا العضو الـ90 في التحالف", 90), ("العضو الـ 75 في المنظمة", 75), ("باعتبارها العضو التسعين", 90),
    ("لتصبح العضو رقم 90", 90), ("the 90th member", 90), ("the ninetieth member", 90),
    ("the twenty-first round", 21), ("الجولة الحادية عشرة", 11), ("في الذكرى الخامسة والعشرين", 25),
    ("للمرة الثالثة", 3),
])
def test_ordinals(text, value):
    assert one(text, "ordinal").value == value


@pytest.mark.parametrize("text, kind, value, currency", [
    ("ارتفعت النسبة إلى 25%", "percent", 25, None),
    ("ارتفعت النسبة إلى 12 في المائة", "percent", 12, None),
    ("rose by 12.5 percent", "percent", 12.5, None),
    ("تبرعت بـ5 ملايين دولار", "money", 5000000, "USD"),
    ("pledged $2.5 billion", "money", 2500000000, "USD"),
    ("a fine of 300 euros", "money", 300, "EUR"),
])
def test_percent_and_money(text, kind, value, currency):
    m = one(text, kind)
    assert m.value == value and m.currency == currency


@pytest.mark.parametrize("text", [
    "صفحة 12 من التقرير", "انضموا إلى الفرقة 84", "منظومة S-300 الروسية", "طائرة F16 سقطت",
    "اتصل على 0991234567", "see page 45", "at 10:30 the meeting began", "COVID19 cases",
    # a fraction word inside a name is the name's ("the Al Zahra Quarter", a district)
    "fighters entered the Al Midan Quarter overnight", "shops in the Christian Quarter of the old city",
])
def test_not_counts(text):
    ms, _ = mentions(text)
    assert not [m for m in ms if m.kind == "number"], [(m.text, m.value) for m in ms]


@pytest.mark.parametrize("text, values", [
    # a period after a full word ends the sentence: the number opens the next one
    ("They had boarded the bus. 14 others died in the shelling.", [14]),
    ("Traffic was cut on the highway. 14 people were hurt.", [14]),
    ("The convoy used the route. 9 trucks reached the town.", [9]),
    # an abbreviated head takes its period: still an identifier
    ("See No. 21 in the annex.", []), ("as shown on p. 4 of the report", []), ("See Fig. 3 below.", []),
])
def test_a_period_ends_an_identifier_head(text, values):
    ms, _ = mentions(text, lang="en")
    assert [m.value for m in ms if m.kind == "number"] == values


def test_years_are_not_counts():
    ms, _ = mentions("تأسس التحالف عام 2014 وفي 2019 هُزم التنظيم")
    assert [m.kind for m in ms] == ["date", "date"]


@pytest.mark.parametrize("text", [
    "أشارت الحكومة السورية إلى فرار نحو 120 معتقلًا، بينما تحدثت قسد عن 1500 معتقل",
    "العـــضو الـ90 في التَّحالُف ١٢٠ وَ ٣ آلاف", "About 1,500 detainees escaped on Monday, Feb. 9",
])
def test_surface_is_raw_slice(text):
    ms, _ = mentions(text)
    assert ms
    for m in ms:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, figure, value", [
    ("حل الفريق في المرتبة ال - 28 من أصل 600.", "ال - 28", 28),     # the article set apart by a dash
    ("جاء في المرتبة الـ28 عالميا.", "الـ28", 28),                     # after a rank noun, whatever follows
    ("حل في المركز الـ 528.", "الـ 528", 528),
])
def test_arabic_ranks_with_a_detached_article(text, figure, value):
    ms, _ = mentions(text)
    m, = [m for m in ms if m.kind == "ordinal"]
    assert (m.text, m.value) == (figure, value)


def test_a_definite_number_before_a_counted_noun_is_no_rank():
    ms, _ = mentions("قتل الـ28 شخصا في الهجوم.")
    assert not [m for m in ms if m.kind == "ordinal"]


@pytest.mark.parametrize("text, figure, value", [
    ("نفذ الجيش ضربات جوية في 20 من نوفمبر في محافظة البيضاء.", "20 من نوفمبر", "2025-11-20"),
    ("The vote was held on the 12 of Nov, officials said.", "12 of Nov", "2025-11-12"),
])
def test_a_day_linked_to_its_month(text, figure, value):
    ms, _ = mentions(text)
    m, = [m for m in ms if m.kind == "date"]
    assert (m.text, m.value) == (figure, value)

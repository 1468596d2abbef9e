"""Number, ordinal and percent forms found through the peer suites, as tables of our own
sentences in Arabic and English (mirrors extract/numbers.py)."""
import pytest

from conftest import mentions


def values(text, kind=None, lang=None):
    ms, _ = mentions(text, lang=lang)
    for m in ms:
        assert text[m.start:m.end] == m.text
    return [m.value for m in ms if kind is None or m.kind == kind]


@pytest.mark.parametrize("text, value", [
    # dual scales in the construct form before a noun
    ("فر قرابة ألفي شخص", 2000),
    ("نحو مليوني لاجئ", 2000000),
    # slash fractions and mixed numbers (a day and month after a date word are dates)
    ("2/3 of the members voted", 2 / 3),
    ("صوت 3/5 الأعضاء", 0.6),
    ("ارتفع بنسبة ١١/١٠", 1.1),
    ("a loss of -4/5", -0.8),
    ("it took 3 1/2 hours", 3.5),
    ("النتيجة 7/100", 0.07),
    # a dot before three digits and a counted noun is a thousands separator
    ("فر 1.500 معتقل من السجن", 1500),
    ("عبر 12.300 لاجئ الحدود", 12300),
    ("2.750 people were evacuated", 2750),
    ("وقع زلزال بقوة 6.125 درجة", 6.125),       # a measure word keeps the decimal
    ("سعر 3.750 دينار", 3.75),                   # so does a currency
    ("1.250 مليون نازح", 1250000),
    # a text that writes thousands with dots elsewhere ("1.537.000") keeps that convention
    ("بلغ السعر 89.500 ليرة للدولار، وسعر الصفيحة 1.537.000 ليرة", 89500),
    ("the rate held at 89.500 lira, and a can cost 1.537.000 lira", 89500),
    # digits continue a number in words after its scale
    ("نحو ثلاثة آلاف و500 عنصر", 3500),
    ("three thousand and 500 troops", 3500),
    # a free-standing conjunction joins number words
    ("قتل ستة و عشرون مدنيا في القصف", 26),
    ("وصل أربعة و ثلاثون لاجئا", 34),
    ("اثنتي عشرة سيارة", 12),
    # spoken forms
    ("شاف تلاتة و تلاتين عربية", 33),
    ("دفع متين جنيه", 200),
    # fractions, mixed numbers and ratios
    ("خسرت الشركة ربع قيمتها", 0.25),
    ("ثلاثة أرباع المقاعد", 0.75),
    ("خسر خمس السكان منازلهم", 0.2),
    ("نحو مليون ونصف نازح", 1500000),
    ("مائة و ثلاثة أرباع", 100.75),
    ("استغرق ثلاثة وخمس", 3.2),             # a number word after a whole: a fraction
    ("سبعة وثلث", 7 + 1 / 3),
    ("two thirds of the votes", 2 / 3),
    ("five and a half million people", 5500000),
    ("seven million and a quarter", 7250000),
    ("a budget of one billion and a half million", 1000500000),
    ("two billion and three quarters million", 2000750000),
    ("مليار ونصف مليون دولار", 1000500000),
    ("eighty and two fifths", 80.4),
    ("one in four children", 0.25),
    ("النسبة واحد من خمسة", 0.2),
    ("half a dozen eggs", 6),
    ("the result is ¾", 0.75),
    # spoken decimals
    ("أربعة وسبعة من عشرة", 4.7),
    ("nine point nought five", 9.05),
    ("three point two million", 3200000),
    # signs, grouping, exponents, scales
    ("the temperature fell to -7 overnight", -7),
    ("بلغت درجة الحرارة سالب ثلاثة", -3),
    ("a population of 2 345 678 people", 2345678),
    ("a budget of 4000000 dinars", 4000000),
    ("about 2.4e6 barrels", 2400000),
    ("worth 14 lakh rupees", 1400000),
    ("three hundred crores", 3000000000),
    ("two thousand millions", 2000000000),
    ("five dozen", 60),
    ("a 5k charity run", 5000),
    ("raised $2.4bn", 2400000000),
    ("he paid 4 thousand 3 hundred and 21 dollars", 4321),
    ("تبرع بـ 6 آلاف و500 دينار", 6500),
    ("a dose of 2.5x10^-3 grams", 0.0025),
    # a fraction's denominator may be any ordinal, also a compound one
    ("only three twenty-fifths of the budget", 0.12),
    ("one thirty-second of an inch", 1 / 32),
    ("two elevenths of the seats", 2 / 11),
    ("seven and a fortieth", 7.025),
    ("two and fifty-four hundredths", 2.54),
    # Indian grouping
    ("a grant of 1,50,000 rupees", 150000),
    ("12,34,567 voters", 1234567),
])
def test_number_forms(text, value):
    got = values(text)
    assert any(abs(v - value) < 1e-9 for v in got if isinstance(v, (int, float))), got


@pytest.mark.parametrize("text", [
    "which one do you want",            # a pronoun, not a count
    "I prefer that one over the rest",
    "I'm sure it was him",              # an abbreviated scale needs a number before it
    "أي واحد تريد",
    "see https://example.org/item?id=305&q=30%25",   # a link's digits
    "write to desk2024@example.com",
    "the shop is open 24/7",            # an idiom
    "the meeting starts at 3 p.m.",     # clock times are not counts
    "he died around 7 p.m.",            # a hedge before a clock time does not make it a count
    "بدأ القصف نحو الساعة 4 فجرا",
    "بدأ القصف الساعة 4 فجرا",
    "at 11 am local time",
    "cases of COVID-19 rose",           # a code
    "shots were fired inside 305 E. Main Street, police said",   # a house number
    "the shooting at 9780 Bissonnet St. on Saturday",
    "deputies went to 1420 North Avenue",
    "the family died at their home at 4120 112th Street",   # a numbered street
    "Image 3 of 12 A memorial outside the house",            # a picture's place in a gallery
    "Photo 3/12 Friends place flowers at the door",
    "صورة 3 من 12 أصدقاء الضحايا أمام المنزل",
    "the mayor told ABC 7 on Friday evening",                 # a station's brand
    "News 4 has learned more about the fire",
    "several people were hurt",         # a vague word is a count only before a scale
    "أصيب بضعة أشخاص",
])
def test_not_numbers(text):
    assert values(text, "number") == [] and values(text, "percent") == []


@pytest.mark.parametrize("text, values_", [
    ("ثلاثون خمسة", [30, 5]),          # Arabic says units before tens: this is not 35
    ("About 40 Main Street businesses closed", [40]),   # a street naming the noun's kind: a count
    ("the gunman shot 14 of the 20 people in the image", [14, 20]),   # "of" without a gallery's noun: a share
    ("the fox killed 3 hens", [3]),                       # a brand's word is a station only just before the number
    ("بين ثلاث وخمس سنوات", [3, 5]),    # a counted noun after: two numbers, not 3.2
    ("سبعون ثلاثة جرحى", [70, 3]),
    ("thirty five", [35]),
    ("three twenty", [3, 20]),          # English says tens first: a unit is never before tens
    ("one ninety", [1, 90]),
    # a noun in the dual counts two of it; with "اثنان" after it, the adjective counts
    ("قتل جنديان وأصيب ثلاثة مدنيين", [2, 3]),
    ("أسفر الهجوم عن مقتل شخصين", [2]),
    ("سقط قتيلان وجريحان", [2, 2]),
    ("ارتفعت الحصيلة ليلة الأحد إلى سبعة قتلى", [7]),   # a weekday is no "one": not the range 1-7
    ("three were killed and a fourth was wounded", [3]),   # the fourth one, no fraction
    ("a third of the budget went to salaries", [1 / 3]),
    ("وأصيب طفلان اثنان", [2]),
    ("عاد السكان إلى لبنان وإيران", []),       # -ان that is no dual
    # commas between groups that are not thousands: a list
    ("items 22,24,26,31 were cut", [22, 24, 26, 31]),
    ("rooms 4,17,23", [4, 17, 23]),
])
def test_unit_after_tens(text, values_):
    assert values(text, "number") == values_


@pytest.mark.parametrize("text, counts", [
    ("قتل 3 من 10 أشخاص", [3, 10]),              # counts of a noun, not the ratio 0.3
    ("earned $2000 over 3 years", [3]),
    ("the 2019 -2020 season", []),               # a dash between numbers is not a sign
])
def test_counts_not_ratios_or_signs(text, counts):
    got = values(text, "number")
    assert all(v >= 0 for v in got) and all(c in got for c in counts), got


def test_point_mid_sentence_is_not_a_decimal():
    assert values("at that point two hundred fled", "number") == [200]


@pytest.mark.parametrize("text, low, high", [
    ("several hundred people fled", 200, 900),
    ("a few thousand troops", 2000, 9000),
    ("several hundred thousand refugees", 200000, 900000),
    ("نزح بضعة آلاف", 3000, 9000),
])
def test_vague_word_before_a_scale(text, low, high):
    ms, _ = mentions(text)
    assert [(m.low, m.high, m.qualifier) for m in ms] == [(low, high, "vague")]


@pytest.mark.parametrize("text, kind, value, qualifier", [
    ("unemployment hit 40pc", "percent", 40, "exact"),
    ("some 120-odd families", "number", 120, "approx"),
])
def test_press_abbreviations(text, kind, value, qualifier):
    ms, _ = mentions(text)
    assert [(m.kind, m.value, m.qualifier) for m in ms] == [(kind, value, qualifier)]


@pytest.mark.parametrize("text", ["millions of people fled", "آلاف الأشخاص نزحوا"])
def test_plural_scale_alone_is_vague(text):
    ms, _ = mentions(text)
    assert [m.qualifier for m in ms if m.kind == "number"] == ["vague"]


@pytest.mark.parametrize("text, value", [
    ("جاء في المركز الواحد والعشرين", 21),
    ("الدورة الثالثة و الثلاثون", 33),
    ("الاجتماع الأحد عشر", 11),
    ("the twenty fifth session", 25),
    ("its thirtysecond birthday", 32),
    ("the two hundredth anniversary", 200),
    ("احتلت البلاد المرتبة 90", 90),            # a rank marker before digits
    ("حل في المركز 3", 3),
    ("a twentieth-century war", 20),          # before a noun, "a" + ordinal is no fraction
    ("a fifth term in office", 5),
    ("a twenty-first century problem", 21),
])
def test_ordinal_forms(text, value):
    assert value in values(text, "ordinal") and values(text, "number") == []


@pytest.mark.parametrize("text, kind, value", [
    ("خلال الـ24 ساعة الماضية", "number", 24),     # "the 24 hours": a count
    ("في الـ 48 ساعة المقبلة", "number", 48),
    ("انضمت بوصفها العضو الـ90.", "ordinal", 90),
    ("الدولة الـ12 في الاتحاد", "ordinal", 12),
    ("بعد توقيف المتهمين الـ7 في طنجة", "number", 7),   # after a plural noun: the seven defendants
    ("خلال السنوات الـ10 الماضية", "number", 10),
    ("انعقدت القمة الـ21 في الرياض", "ordinal", 21),      # after a singular: the 21st summit
    ("أعمال الدورة الثانية والستين بعد المئة لمجلس الجامعة", "ordinal", 162),   # the hundreds after the ordinal
    ("الدورة الحادية عشرة بعد المائة", "ordinal", 111),
    ("انطلقت أعمال الدورة العادية 162 لمجلس الجامعة", "ordinal", 162),   # an item of a series named by its number
    ("بموجب القرار 2254 الصادر عن مجلس الأمن", "ordinal", 2254),
    ("He told News Channel 11 that two men fled.", "ordinal", 11),
    ("The crash closed Route 66 for hours.", "ordinal", 66),
    ("انضمت بوصفها العضو الـ90 يوم الاثنين", "ordinal", 90),   # the day after the rank dates it
    ("أصبحت الدولة الـ45 الخميس", "ordinal", 45),
    ("خلال الـ3 أيام الماضية", "number", 3),
])
def test_article_before_digits(text, kind, value):
    assert (kind, value) in [(m.kind, m.value) for m in mentions(text)[0]]


def test_cardinal_before_indefinite_noun_stays_a_count():
    assert values("قتل خمس نساء", "number") == [5]


@pytest.mark.parametrize("text", ["قتل الخمسة جميعا", "two hundredths of the vote", "النسبة بالمائة غير معروفة",
                                  "three twenty-fifths of it"])
def test_not_ordinals(text):
    assert values(text, "ordinal") == []


@pytest.mark.parametrize("text", ["a higher percent of 18-year-olds voted", "نسبة بالمائة 10 من الناخبين"])
def test_percent_word_before_a_number_is_not_its_sign(text):
    assert values(text, "percent") == []


@pytest.mark.parametrize("text, value", [
    ("ارتفع 12 بالمائة", 12),
    ("انخفض سالب خمسة بالمائة", -5),
    ("thirty percentage", 30),
    ("a drop of minus four percent", -4),
])
def test_percent_forms(text, value):
    assert values(text, "percent") == [value]


def test_counts_in_the_morning_stay_counts():
    assert values("قتل 3 صباحا و5 مساء", "number") == [3, 5]


@pytest.mark.parametrize("text, kind, value", [
    ("حتى 300 شخص", "number", 300),              # no date follows: the hedge stays
    ("paid $12 December 27", "money", 12),        # money keeps its number
    ("up to 40 people on 3 May", "number", 40),
    ("between 2000 and 2010 fighters", "number", 2000),      # counts, not years
    ("between 1500 and 1600", "number", 1500),
])
def test_hedged_quantity_without_a_date_inside_stays(text, kind, value):
    ms, _ = mentions(text)
    assert (kind, value) in [(m.kind, m.value) for m in ms]


@pytest.mark.parametrize("text, values_", [
    ("Resolution 2254/2015 was adopted", [2015]),     # a reference number, not 1.12
    ("ref 1250/300 here", [1250, 300]),
])
def test_long_slash_pairs_are_not_fractions(text, values_):
    assert values(text, "number") == values_


@pytest.mark.parametrize("text, old, new", [
    ("the death toll rose from 30 to 45", 30, 45),
    ("ارتفعت الحصيلة من 12 إلى 19 قتيلا", 12, 19),
    ("unemployment fell from 9 to 7 percent", 9, 7),
])
def test_change_from_to_is_not_a_range(text, old, new):
    """'rose from 30 to 45': the old figure is marked 'previous' (decide leaves it out)."""
    ms, _ = mentions(text)
    assert [(m.value, m.qualifier) for m in ms] == [(old, "previous"), (new, "exact")]


@pytest.mark.parametrize("text", ["from 30 to 45 people were evacuated", "the toll rose to between 30 and 45",
                                  "ارتفعت الحصيلة إلى ما بين 30 و45 قتيلا"])
def test_plain_from_to_stays_a_range(text):
    ms, _ = mentions(text)
    assert [(m.value, m.qualifier) for m in ms] == [(30, "range")]


@pytest.mark.parametrize("text, currency", [
    # a bare "pounds" is the currency the document named: money, not weight
    ("Gasoline rose to 1,489,000 Lebanese pounds. Diesel was set at 1,312,000 pounds.", "LBP"),
    ("Bread rose to 20 Egyptian pounds. A kilo of meat costs 400 pounds.", "EGP"),
    # with no currency named, or two of them, it stays a figure
    ("The truck carried 4,000 pounds of flour to the town.", None),
])
def test_a_bare_currency_word_takes_the_documents_currency(text, currency):
    from discrep.extract import extract
    from discrep.model import Document
    from discrep.normalize import normalize
    ms = extract(normalize(Document(id="d", text=text), "en"))
    last = ms[-1]
    assert (last.kind == "money", last.currency) == ((True, currency) if currency else (False, None))


"""Claims, alignment and verdicts: the seed situations rebuilt with other names, numbers,
outlets and dates (Arabic and English), plus the traps that must stay quiet."""
import datetime as dt

import pytest

from conftest import docs, mentions, run


def conflicts(report):
    return [f for f in report.findings if f.verdict == "conflict"]


def values(f):
    return sorted(str(c.claim.mention.value) for c in f.claims)


def conflicts_are(report, verdict):
    """The report holds a conflict when ``verdict`` is "conflict", and none when it is None."""
    assert {f.verdict for f in conflicts(report)} == ({verdict} if verdict else set()), \
        [f.reason for f in report.findings]


def of_counts(text, lang_, field):
    """``field`` of each count claim read from ``text``, in order."""
    _, cs = mentions(text, lang=lang_)
    return [getattr(c, field) for c in cs if c.kind == "count"]


@pytest.mark.parametrize("text, low, high, a, b", [
    ("أعلنت وزارة الداخلية العراقية فرار نحو 40 سجينا، بينما تحدث المرصد السوري عن ما يصل إلى 900 سجين.",
     "40", "900", None, "SOHR"),
    ("وأشارت الحكومة السورية إلى مقتل حوالي 30 مدنيا، في حين قالت قسد إن أكثر من 200 مدني قتلوا.",
     "200", "30", "Syrian government", "SDF"),
    ("The interior ministry said about 60 inmates escaped, while the SDF said up to 2,000 inmates escaped.",
     "2000", "60", None, "SDF"),
])
def test_two_sources_in_one_sentence_conflict(text, low, high, a, b):
    r = run(text)
    c = conflicts(r)
    assert len(c) == 1
    assert values(c[0]) == sorted([low, high])
    srcs = {x.claim.attributed_to for x in c[0].claims}
    assert b in srcs and (a is None or a in srcs)
    assert "intervals do not overlap" in c[0].reason and c[0].severity > 0.5


@pytest.mark.parametrize("text", [
    "وأشارت الحكومة السورية إلى فرار نحو 120 معتقلا. وذكرت الحكومة السورية أنها ألقت القبض على نحو 80 مقاتلا.",
    "The ministry said about 300 prisoners escaped. Police said they re-arrested about 70 fighters.",
    "أسفرت العملية عن مصرع خمسة عناصر وأسر 19 من أفراد التنظيم.",
    "The raid killed 4 fighters and captured 23 members of the cell.",
    "قتل 12 شخصا في حلب. وفي إدلب أصيب 40 شخصا.",
])
def test_different_events_do_not_conflict(text):
    assert not conflicts(run(text))


@pytest.mark.parametrize("a, b", [
    ("عُقد الاجتماع الوزاري في عمّان يوم الأحد 8 آذار/مارس 2026.",
     "مشاركون في الاجتماع الوزاري في عمّان بتاريخ 9 آذار/مارس 2026."),
    ("The summit of Gulf leaders was held in Doha on 4 May 2025.",
     "Gulf leaders at the summit in Doha on 5 May 2025."),
])
def test_event_date_conflict_across_outlets(a, b):
    r = run(a, b)
    c = conflicts(r)
    assert len(c) == 1 and c[0].kind == "date"


@pytest.mark.parametrize("text", [
    "في البيان الختامي للاجتماع الذي عقد الأحد 8 آذار في عمّان. وجاء في البيان الذي نشرته الوكالة الاثنين 9 آذار أن...",
    "The talks were held on Monday, March 2. The statement, published on Tuesday, March 3, said...",
])
def test_meeting_date_vs_publication_date(text):
    assert not conflicts(run(text, published=dt.date(2026, 3, 10)))


def test_unrelated_meetings_do_not_conflict():
    a = "لقاء الرئيس اللبناني مع نظيره الفرنسي في قصر الإليزيه، 3 تموز 2025"
    b = "عقد اجتماع وزراء الزراعة العرب في القاهرة بتاريخ 12 تشرين الأول 2025."
    assert not conflicts(run(a, b))


@pytest.mark.parametrize("texts", [
    ("رحب المشاركون بانضمام الأردن إلى المبادرة بوصفه العضو الـ45.",
     "انضم الأردن إلى المبادرة ليصبح العضو رقم 45 فيها.",
     "أعلنت المبادرة انضمام الأردن لتكون الدولة الخامسة والأربعين."),
    ("Jordan joined the initiative as its 45th member.", "The initiative welcomed Jordan, its forty-fifth member."),
])
def test_ordinal_agreement(texts):
    r = run(*texts)
    agrees = [f for f in r.findings if f.verdict == "agree" and f.kind == "ordinal"]
    assert len(agrees) == 1 and {c.claim.doc_id for c in agrees[0].claims} == {f"d{i}" for i in range(len(texts))}
    assert not conflicts(r)


def test_ordinal_conflict():
    r = run("انضم الأردن إلى المبادرة ليصبح العضو رقم 45 فيها.", "رحبت المبادرة بانضمام الأردن العضو الـ46.")
    assert [f.kind for f in conflicts(r)] == ["ordinal"]


def test_third_countries_is_not_a_rank():
    r = run("إعادة رعايا الدول الثالثة إلى أوطانهم", "ترحيل الرعايا إلى دولهم الثالثة", "return to third countries")
    assert not r.findings


@pytest.mark.parametrize("text, wd_ok", [
    ("عقد الاجتماع الاثنين 10 شباط 2026", False),
    ("عقد الاجتماع الثلاثاء 10 شباط 2026", True),
    ("The vote took place on Monday, 5 June 2026", False),
    ("The vote took place on Friday, 5 June 2026", True),
    ("جرت الانتخابات يوم الأحد 7 حزيران 2026", True),
])
def test_weekday_mismatch(text, wd_ok):
    r = run(text)
    wk = [f for f in r.findings if f.kind == "weekday"]
    assert bool(wk) != wd_ok


@pytest.mark.parametrize("text, source", [
    ("وأشارت الحكومة السورية إلى فرار 5 معتقلين", "Syrian government"),
    ('وتحدثت "قسد" عن فرار 5 معتقلين', "SDF"),
    ("وقالت قوات سوريا الديمقراطية إن 5 معتقلين فروا", "SDF"),
    ("وفق المرصد السوري لحقوق الإنسان، قتل 5 أشخاص", "SOHR"),
    ("Five prisoners escaped, the Syrian Democratic Forces said.", "SDF"),
    ("According to the Syrian Observatory for Human Rights, 5 people died.", "SOHR"),
    ("وأكد وزير الداخلية أن 5 معتقلين فروا", "وزير الداخلية"),
    ("Five people died, a UN official said.", "UN"),                      # described, but of a named body
])
def test_attribution_aliases(text, source):
    _, cs = mentions(text)
    assert cs[0].attributed_to == source


@pytest.mark.parametrize("text, words", [
    ("Eleven civilians died in Hama on Monday, a monitoring group said.", "a monitoring group"),
    ("Nine people were killed across northern Idlib an activist group said.", "an activist group"),   # no comma
    ("Twelve people died in the fire, some residents told reporters.", "some residents"),
    ("قال مصدر أمني إن 5 أشخاص قتلوا في الغارة", "مصدر أمني"),
    ("وأفاد ناشطون بمقتل 8 مدنيين في القصف", "ناشطون"),
])
def test_described_sources_are_unnamed(text, words):
    """"A monitoring group said" names no one: it can be any named source, so it is not one
    of two named sources at odds.  The words stay for the reader."""
    _, cs = mentions(text)
    assert (cs[0].attributed_to, cs[0].attribution_text) == (None, words)


@pytest.mark.parametrize("text, unit, event", [
    ("فرار نحو 120 معتقلًا", "معتقلًا", "escape"),
    ("ألقت القبض على نحو 80 مقاتلًا", "مقاتلًا", "arrest"),
    ("about 120 prisoners escaped", "prisoners", "escape"),
    ("killed 25 civilians", "civilians", "kill"),
])
def test_unit_and_event(text, unit, event):
    _, cs = mentions(text)
    assert (cs[0].unit, cs[0].event) == (unit, event)


def test_stories_are_separate():
    from discrep.model import Document
    from discrep.pipeline import check_documents
    from discrep.settings import Settings
    d = [Document("a", "The SDF said 100 prisoners escaped.", story="s1"),
         Document("b", "The SDF said 900 prisoners escaped.", story="s2")]
    assert not check_documents(d, Settings()).findings


def test_tolerance_setting():
    from conftest import docs
    from discrep.pipeline import check_documents
    from discrep.settings import Settings
    d = docs("The SDF said 100 prisoners escaped.", "The government said 104 prisoners escaped.")
    assert check_documents(d, Settings()).conflicts == 1
    assert check_documents(d, Settings(tolerance=0.05)).conflicts == 0


def test_finding_ids_are_stable():
    t = ("The SDF said 100 prisoners escaped.", "The government said 400 prisoners escaped.")
    assert [f.id for f in run(*t).findings] == [f.id for f in run(*t).findings]


@pytest.mark.parametrize("a, b", [
    ("وصل 1500 لاجئ إلى الحدود خلال يوم واحد.", "وصل 1500 لاجئ إلى الحدود خلال 24 ساعة."),
    ("Some 800 families fled within 3 days.", "Some 800 families fled within 72 hours."),
    ("نزح 2000 شخص خلال أسبوع واحد.", "نزح 2000 شخص خلال 7 أيام."),
])
def test_spans_of_time_are_not_head_counts(a, b):
    """'one day' and '24 hours' are neither a head count nor each other's unit: no conflict."""
    r = run(a, b)
    assert not [f for f in r.findings if f.verdict == "conflict"]


@pytest.mark.parametrize("a, b, verdict", [
    ("The ministry said 120 were injured in the strike on Aleppo.", "Medics said 130 were wounded in the strike on Aleppo.",
     "conflict"),
    ("The ministry said 45 were killed in the Idlib shelling.", "Medics said 45 died in the Idlib shelling.", "agree"),
    ("The siege lasted 40 days.", "The siege lasted 45 days.", "conflict"),
    ("قالت الوزارة إن القصف على حلب أسفر عن سقوط قتيلين.", "قال الدفاع المدني إن القصف على حلب أسفر عن سقوط ثلاثة قتلى.",
     "conflict"),                                   # a dual is a count of two
])
def test_unit_that_names_the_event(a, b, verdict):
    """'120 injured' and '130 wounded' count one thing: the unit word is the event."""
    r = run(a, b)
    assert [f.verdict for f in r.findings if f.kind == "count"] == [verdict]


@pytest.mark.parametrize("text, unit", [
    ("قتل 45 جنديا قتلوا", "جنديا"),
    ("قتل 45 شخصا في القصف", None),              # a head count of anyone has no unit of its own
    ("اعتقل 7 ناشطين سوريين أمس", "ناشطين"),      # the noun comes first, its adjectives after
    ("خلال يوم واحد", "يوم"),
    ("أصيب طفلان اثنان", "طفلان"),
    ("قتل جنديان في القصف", "جنديان"),           # a dual is its own counted noun
    ("قتل شخصان في القصف", None),                # two of anyone: no unit of its own
])
def test_arabic_units(text, unit):
    _, cs = mentions(text)
    assert cs[0].unit == unit


@pytest.mark.parametrize("text, unit", [
    ("Four Kurdish militiamen died.", "militiamen"),           # the head is the phrase's last word
    ("Police arrested 12 aid workers.", "workers"),
    ("More than 100 Terrorists Killed in raids.", "Terrorists"),
    ("The strike killed 31 people in the city.", None),       # anyone: no unit
    ("A blast killed 9 people from a local clan.", None),      # not "clan": "from" ends the phrase
    ("Medics counted 10 when their bus was hit.", None),
    ("The raid left 14 others wounded.", None),
    ("Two of them were medics.", None),                        # a share, named before
    ("Officials said 120 were injured.", "injured"),           # past an auxiliary, only the event
    ("Two Dutch F-16 jets flew over the area.", "jets"),     # a model's name is no counted noun
    ("Radar tracked three Su-24 bombers near the coast.", "bombers"),
    ("Another 14 buses carrying 600 people left the town.", "buses"),   # the participle starts a new phrase
    ("Police found 14 migrants hiding in a truck.", "migrants"),
    ("Four oil drilling rigs were shut.", "rigs"),            # a participle before the head is a modifier
    ("Five soldiers crossed the river.", "soldiers"),          # a plural ends the phrase: not "crossed"
    ("Three tanks entered the town.", "tanks"),
    ("A 30-year-old evacuee was hurt.", "year-old"),            # an age, not a span of 30 years
    ("A two-year-long siege ended.", "year-long"),
    ("They waited for two years.", "years"),
])
def test_english_units(text, unit):
    _, cs = mentions(text, lang="en")
    assert cs[0].unit == unit


@pytest.mark.parametrize("text, lang_, parts", [
    ("The shelling killed 18 civilians, including five children.", "en", [False, True]),
    ("Raids killed 44 people including 11 women, nine children and one medic.", "en", [False, True, True, True]),
    ("The blast killed 17 people, two of them paramedics.", "en", [False, True]),
    ("Three of the 20 detainees were freed.", "en", [True, False]),
    ("Among the 40 dead were journalists.", "en", [False]),                  # the whole, not a share
    ("It killed 18 civilians including one child and wounded dozens of others.", "en", [False, True, False]),
    ("قتل 23 شخصا بينهم سبعة أطفال في الغارة.", "ar", [False, True]),
    ("أسفر القصف عن مقتل 30 مدنيا، من بينهم 4 نساء و6 أطفال.", "ar", [False, True, True]),
])
def test_shares_of_a_count(text, lang_, parts):
    assert of_counts(text, lang_, "part") == parts


@pytest.mark.parametrize("text, lang_, increments", [
    # "others" / "another" after a figure of the same event: more victims besides it
    ("Nine civilians were killed on the bus. 14 others died in strikes on the city.", "en", [False, True]),
    ("Shelling killed five people in Ariha. Another six were killed in raids on Kafr Nabl.", "en", [False, True]),
    ("قتل 10 مدنيين في قصف الحافلة. وقتل 21 شخصا آخرين في غارات على المدينة.", "ar", [False, True]),
    ("Three more bodies were recovered in Douma.", "en", [True]),
    # a figure of another event starts its own count, whatever the word
    ("Two people were killed. Five others were wounded.", "en", [False, False]),
    ("The attack killed at least 12 people and wounded another 35.", "en", [False, False]),
    ("مقتل شرطي وجرح 4 آخرين في تفجير بالإسكندرية", "ar", [False]),      # no figure before: the wounded's own
    ("Doctors said four people died and nine others suffered breathing problems.", "en", [False, False]),
])
def test_more_besides_a_figure_before(text, lang_, increments):
    assert of_counts(text, lang_, "increment") == increments
    assert all(p for p, i in zip(of_counts(text, lang_, "part"), increments) if i)   # an increment is a part


@pytest.mark.parametrize("text, lang_, events", [
    # a share counts its whole's victims, even with another event word nearer after it
    ("It killed 18 civilians including one child and wounded dozens of others.", "en", ["kill", "kill", "injure"]),
    ("قتل 20 شخصا بينهم 3 أطفال وأصيب 35 آخرون", "ar", ["kill", "kill", "injure"]),
])
def test_a_share_takes_its_wholes_event(text, lang_, events):
    assert of_counts(text, lang_, "event") == events


@pytest.mark.parametrize("text, lang_, cumulative", [
    ("At least 68 civilians have been killed since Saturday.", "en", True),
    ("Since Thursday the bombing has killed 44 civilians.", "en", True),
    ("The toll so far stands at 210.", "en", True),
    ("A car bomb killed 12 people on Thursday.", "en", False),
    ("ارتفعت حصيلة القتلى إلى 90 منذ بدء الهجوم.", "ar", True),
    ("مقتل 6 أشخاص في فيضانات لم تشهدها المدينة منذ 30 عاما", "ar", False),   # the cue dates the floods
])
def test_running_totals(text, lang_, cumulative):
    assert of_counts(text, lang_, "cumulative")[0] is cumulative


@pytest.mark.parametrize("text, lang_, wide", [
    # a total over a whole country or many places is no one place's figure (its scope, not its period)
    ("More than 90 militants were killed in army operations across the country.", "en", True),
    ("Storms killed 14 people nationwide on Tuesday.", "en", True),
    ("Air strikes have killed hundreds of civilians in parts of the province.", "en", True),
    ("قتل 40 مسلحا في عمليات للجيش في مختلف أنحاء البلاد", "ar", True),
    ("سجلت 120 إصابة جديدة على مستوى البلاد", "ar", True),
    ("Storms killed 14 people in the town on Tuesday.", "en", False),
    ("قتل 14 شخصا في البلدة يوم الثلاثاء", "ar", False),
])
def test_whole_area_figures(text, lang_, wide):
    _, cs = mentions(text, lang=lang_)
    assert next(c for c in cs if c.kind == "count").frame.scope.wide is wide


@pytest.mark.parametrize("text, lang_, cumulative", [
    # the cue reaches along one list of totals, however long: each figure is the war's
    ("Since 2012 the fighting has claimed the lives of more than 250,000 people, injured 1.2 million others "
     "and displaced 6 million people.", "en", [True, True, True]),
    ("أسفرت الحرب منذ عام 2013 عن مقتل أكثر من 200 ألف شخص وإصابة 800 ألف آخرين", "ar", [True, True]),
    ("Since 2014 the conflict has killed 10,000 people in Yemen and wounded 40,000 in the south.", "en", [True, True]),
    # another clause with its own figure of the same event stays that event's
    ("Since Saturday the strikes have killed 45 people, and on Monday a car bomb killed nine in the market.",
     "en", [True, False]),
    ("The war has killed 300,000 people while a strike in Homs killed 9 people on Sunday.", "en", [True, False]),
])
def test_a_list_of_running_totals(text, lang_, cumulative):
    assert of_counts(text, lang_, "cumulative") == cumulative


@pytest.mark.parametrize("text, lang_", [
    ("The war has claimed the lives of more than 300,000 people.", "en"),
    ("The group claimed responsibility for the blast that killed 12 people.", "en"),
    ("أعلن التنظيم مسؤوليته عن التفجير الذي أودى بحياة 12 شخصا", "ar"),
])
def test_claiming_lives_or_responsibility_is_no_speech(text, lang_):
    assert of_counts(text, lang_, "attributed_to") == [None]


@pytest.mark.parametrize("a, b, verdict", [
    # a document that counts two nouns separately makes them two quantities, even under one event
    ("قتل 52 مسلحا و9 جنود في الاشتباكات.", "أعلن الجيش مقتل 52 مسلحا و9 جنود في الاشتباكات.", "agree"),
    ("Officials said 30 cases were found in 6 districts.", "Health officials confirmed 30 cases in 6 districts.", "agree"),
    # two different nouns with no role word between them are different things
    ("The strike damaged 3 ambulances in Douma, medics said.", "The strike in Douma killed 27 people, medics said.", None),
    # a noun that only names the event's role stays comparable with a counted noun
    ("قتل 45 شخصا في قصف على حلب.", "سقط 50 قتيلا في قصف على حلب.", "conflict"),
    # the event noun right after the number decides the event, not a nearer earlier one
    ("12 قتيلا وعشرات الجرحى في تفجير بالموصل", "سقوط 12 قتيلا وعشرات من الجرحى في تفجير ضخم بالموصل", "agree"),
    # an accusative unit of time is a span, never a head count
    ("مقتل 6 أشخاص في فيضانات لم تشهدها المدينة منذ 30 عاما", "مقتل 6 أشخاص في فيضانات ضربت المدينة", "agree"),
    ("توفي الفنان عن عمر يناهز 72 عاما", "رحيل الفنان عن 85 عاما", "conflict"),
])
def test_which_counts_are_one_quantity(a, b, verdict):
    r = run(a, b)
    got = [f.verdict for f in r.findings if f.kind == "count"]
    assert (set(got) == {verdict}) if verdict else ("conflict" not in got), got


@pytest.mark.parametrize("a, b", [
    ("The war began in 2011 and the strike on Maarat came on 3 June 2016.", "The strike on Maarat came on 3 June 2016."),
    ("اندلعت الحرب عام 2012، وجاءت الغارة على دوما في 7 نيسان 2018.", "جاءت الغارة على دوما في 7 نيسان 2018."),
])
def test_a_year_is_no_rival_to_a_day(a, b):
    r = run(a, b)
    assert not [f for f in r.findings if f.verdict == "conflict"]


def test_one_article_telling_two_tolls():
    """Two figures in two sentences of one article are two events unless restated."""
    text = ("An air strike killed 18 civilians in Idlib on Saturday, a monitor said. "
            "Earlier this week a gas attack in the same province killed at least 80 civilians.")
    r = run(text)
    assert not [f for f in r.findings if f.verdict == "conflict"]


@pytest.mark.parametrize("a, b, verdict", [
    # a share meets only a share; the toll it is part of is another quantity
    ("The blast killed 17 people, two of them paramedics.", "Seventeen people died in the blast.", "agree"),
    ("Shelling killed 23 civilians, including 8 children, in Homs.",
     "Shelling killed 23 civilians in Homs, among them 5 children.", {"agree", "conflict"}),
    ("قتل 40 شخصا بينهم 9 أطفال في قصف على دوما.", "مقتل 40 شخصا في قصف على دوما.", "agree"),
    # a running total is no rival to one day's toll
    ("At least 68 civilians have been killed in the town since Saturday.",
     "Barrel bombs killed 11 civilians in the town on Thursday.", None),
    ("More than 320,000 people have been killed in the civil war.", "A car bomb killed 9 people in the city.", None),
    ("The raids killed 40 fighters in two days, the army said.", "The raids killed 12 fighters, the army said.", None),
    ("ارتفعت حصيلة القتلى في المدينة إلى 90 منذ بدء الهجوم.", "قتل 14 شخصا في المدينة بقصف جديد.", None),
    # two running totals still meet
    ("Since March, 410 people have been killed in the province.",
     "Since March, 530 people have been killed in the province.", "conflict"),
])
def test_shares_and_running_totals_are_other_quantities(a, b, verdict):
    r = run(a, b, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count"}
    want = verdict if isinstance(verdict, set) else {verdict}
    assert (got == want) if verdict else ("conflict" not in got), got


@pytest.mark.parametrize("a, b, verdict", [
    ("Airstrikes killed 11 civilians in the town on 16 July.", "Airstrikes killed 60 civilians in the town on 2 May.", None),
    ("قتل 12 مدنيا في غارات على البلدة يوم 3 آذار.", "قتل 30 مدنيا في غارات على البلدة يوم 20 نيسان.", None),
    ("Airstrikes killed 11 civilians in the town on 16 July.", "Airstrikes killed 16 civilians in the town on 16 July.", "conflict"),
])
def test_figures_dated_to_different_days_are_two_events(a, b, verdict):
    r = run(a, b, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count"}
    assert (got == {verdict}) if verdict else ("conflict" not in got), got


@pytest.mark.parametrize("text, unit, event", [
    ("6 Lebanese martyrs and 22 injured were counted.", "martyrs", "kill"),   # an event noun ends the phrase as its head
    ("The sides agreed a 48-hour truce.", "hour", None),
    ("Three Afghan detainees escaped.", "detainees", "escape"),
])
def test_head_nouns_that_name_the_event(text, unit, event):
    _, cs = mentions(text, lang="en")
    c = next(c for c in cs if c.kind == "count")
    assert (c.unit, c.event) == (unit, event)


@pytest.mark.parametrize("text", ["Airstrikes stopped at 0700 GMT on Tuesday.", "The truce began at 1430 UTC."])
def test_run_together_clock_times_are_not_counts(text):
    ms, _ = mentions(text, lang="en")
    assert not [m for m in ms if m.kind == "number"]


@pytest.mark.parametrize("a, b, verdict", [
    # nothing names what the figures count: a near restatement still makes them one quantity
    ("العجز التجاري بلغ 48 مليار هذا العام", "العجز التجاري بلغ 39 مليار هذا العام", "conflict"),
    ("The deficit reached 48 billion this year", "The deficit reached 39 billion this year", "conflict"),
    ("The deficit reached 48 billion this year", "Exports grew to 39 billion as prices rose", None),
    # "more than 130" is not how one reports 1,300; it still covers 150
    ("Activists said more than 130 people were killed in the attack.",
     "Opponents said 1,300 people were killed in the attack.", "conflict"),
    ("Activists said more than 130 people were killed in the attack.",
     "Opponents said 150 people were killed in the attack.", "agree"),
    # ... nor is 300: a figure over twice X is "more than double", not "more than X"
    ("Activists said more than 130 people were killed in the attack.",
     "Opponents said 300 people were killed in the attack.", "conflict"),
    ("قال ناشطون إن أكثر من 60 شخصا قتلوا في القصف", "قال مسعفون إن 110 أشخاص قتلوا في القصف", "agree"),
    ("قال ناشطون إن أكثر من 60 شخصا قتلوا في القصف", "قال مسعفون إن 140 شخصا قتلوا في القصف", "conflict"),
    # "and injuring 250" starts the next figure: the 7 is still the dead
    ("مقتل 9 فلسطينيين وإصابة 310 في احتجاجات قرب الحدود", "مقتل 9 وإصابة 310 في الاحتجاجات قرب الحدود", "agree"),
])
def test_near_restatements_and_hedges(a, b, verdict):
    r = run(a, b, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind in ("count", "money")}
    assert (got == {verdict}) if verdict else ("conflict" not in got), got


@pytest.mark.parametrize("a, b, verdict", [
    ("بيعت ساعة نادرة بـ 40 ألف دولار", "ساعة ملكية تباع في لندن بـ 75 ألف دولار", "conflict"),
    ("بيعت ساعة نادرة بـ 40 ألف دولار", "ساعة ملكية تباع في لندن بـ 40 ألف دولار", "agree"),
    ("شراء قصر تاريخي بـ 30 مليون يورو", "رجل أعمال يشتري القصر بمبلغ 45 مليون يورو", "conflict"),
    ("Tycoon purchased the castle for 30 million euros",
     "Businessman buys historic castle in Scotland for 45 million euros", "conflict"),
    ("Rare watch sold for $40,000", "Collector's rare watch sells in London for $75,000", "conflict"),
    # one firm's sale and its purchase are two sums
    ("The firm sold its stake in the port for $2 billion", "The firm bought a stake in the port for $5 billion", None),
    ("الشركة باعت حصتها في الميناء بملياري دولار", "الشركة اشترت حصة في الميناء بخمسة مليارات دولار", None),
])
def test_a_sale_or_purchase_keys_its_price(a, b, verdict):
    """A price is keyed by its sale or purchase as a toll is by its killing: two outlets
    giving different prices for one sale disagree, even in few shared words."""
    r = run(a, b, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "money"}
    assert (got == {verdict}) if verdict else "conflict" not in got, got


@pytest.mark.parametrize("a, b, verdict", [
    ("أول مباراة في الملعب منذ أكثر من 40 عاما", "الملعب يستضيف مباراة لأول مرة منذ 95 سنة", "conflict"),
    ("أول مباراة في الملعب منذ أكثر من 40 عاما", "الملعب يستضيف مباراة لأول مرة منذ 45 سنة", "agree"),
    ("أول انتخابات بلدية في المدينة منذ سبعة أعوام", "إجراء انتخابات بلدية في المدينة لأول مرة منذ 12عاما", "conflict"),
    ("The town's mill closed 25 years ago, the mayor said", "The mayor said the mill closed 60 years ago", "conflict"),
])
def test_undated_spans_back_are_counts_of_time(a, b, verdict):
    """Headlines with no date: "for 95 years" cannot be placed, but is still 95 years against
    another outlet's "for more than 40 years"."""
    r = run(a, b, published=None, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count"}
    assert (got == {verdict}) if verdict else not got, got


@pytest.mark.parametrize("text, value", [
    ("توفي عن عمر يناهز 87عاما", 87),                 # a span of time glued to its number
    ("مقبرة عمرها 3200سنة", 3200),
    ("ربح مليار ونصف المليار", 1_500_000_000),        # the scale said again after the half
    ("بلغ عدد السكان مليونين ونصف المليون", 2_500_000),
])
def test_arabic_forms_read_as_one_number(text, value):
    ms, _ = mentions(text)
    assert [m.value for m in ms if m.kind in ("number", "money")] == [value]


@pytest.mark.parametrize("text, event", [
    ("More than 9,000 were killed and millions have been displaced.", ["kill", "displace"]),
    ("Officials said 40 were injured and 3 were killed.", ["injure", "kill"]),
])
def test_the_participle_after_an_auxiliary_names_the_event(text, event):
    assert of_counts(text, "en", "event") == event


@pytest.mark.parametrize("a, b, verdict", [
    ("Car Bomb Kills Four Injures Nine in Homs", "Four Killed Nine Injured in Homs Car Bomb", {"agree"}),
    ("Shelling Kills Three Wounds 12 in Daraa", "Three Killed 15 Wounded in Daraa Shelling", {"agree", "conflict"}),
])
def test_headline_verbs_after_a_number(a, b, verdict):
    """The dead agree and the wounded differ: a verb after a number starts the next figure."""
    r = run(a, b, lang="en")
    assert {f.verdict for f in r.findings if f.kind == "count"} == verdict


@pytest.mark.parametrize("texts, verdict", [
    # both outlets give the province's toll and one village's: two quantities, not a dispute
    (["Raids killed 14 civilians across Hama province on Monday, a monitor said. In the west of the province, "
      "6 civilians were killed when jets struck the village of Kafr Nabudah.",
      "Jets killed 6 civilians in Kafr Nabudah on Monday. Raids across Hama province killed 14 civilians, a monitor said."],
     None),
    (["قتل 22 مدنيا في غارات على ريف إدلب. وفي بلدة سرمين قتل 9 مدنيين في غارة على سوق شعبي.",
      "قتل 9 مدنيين في غارة على سوق شعبي في سرمين. وقتل 22 مدنيا في غارات على ريف إدلب يوم الاثنين."],
     None),
    # only one outlet gives both: the other's figure stays disputed
    (["Raids killed 14 civilians across Hama province on Monday, a monitor said.",
      "Raids killed 19 civilians across Hama province on Monday, a monitor said. Six died in one village."],
     "conflict"),
    # "at least 27" names 27, not 35: the outlets still disagree
    (["Activists said 27 people were killed in the town when the jet crashed. The toll is at least 31, a monitor said.",
      "Thirty-five people were killed in the town when the jet crashed. Rescuers had first found at least 12 dead."],
     "conflict"),
    # a vague figure covering both ("dozens") is no second quantity: 20 and 83 stay disputed
    (["Dozens were killed in the fighting around Taiz. 20 people were killed in air strikes on the Taiz market.",
      "Dozens were killed in the fighting around Taiz. 83 people were killed in air strikes on the Taiz market."],
     "conflict"),
    (["مقتل العشرات في معارك تعز. 20 قتيلا في غارات على سوق تعز.",
      "مقتل العشرات في معارك تعز. 83 قتيلا في غارات على سوق تعز."],
     "conflict"),
    (["Scores of people died in the Sahel floods this month. Officials said 31 people died in the floods in Niamey.",
      "Scores of people died in the Sahel floods this month. Officials said 70 people died in the floods in Niamey."],
     "conflict"),
])
def test_outlets_that_each_give_both_figures(texts, verdict):
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count" and f.verdict == "conflict"}
    assert got == ({verdict} if verdict else set()), [f.reason for f in r.findings]


@pytest.mark.parametrize("texts, verdict", [
    # one outlet gives a province's toll and one town's; the other only the town's, the very figure
    (["Air strikes killed 16 people across Hama province on Monday, a monitor said. "
      "In the town of Kafr Nabl, strikes killed five people.",
      "Strikes on the town of Kafr Nabl in Hama province killed five people on Monday, activists said."], None),
    (["Floods killed 40 people across the region on Sunday. In the city of Tanta, the floods killed 12 people.",
      "The floods killed 12 people in the city of Tanta on Sunday."], None),
    (["قتل 16 شخصا في غارات على ريف حماة يوم الاثنين. وفي بلدة كفرنبل قتلت الغارات خمسة أشخاص.",
      "مقتل خمسة أشخاص في غارات على بلدة كفرنبل بريف حماة يوم الاثنين"], None),
    # two named sources at odds inside one outlet are a dispute, whoever relays one of them
    (["The ministry said 30 people died in the floods in Tanta. The Red Crescent said 55 people died in the floods in Tanta.",
      "The Red Crescent said 55 people died in the floods in Tanta."], "conflict"),
    # a vague figure ("hundreds") names no second quantity: 1,200 and "more than 150" stay disputed
    (["The opposition said the gas attack killed 1,200 people. Rebels say hundreds were killed in the gas attack.",
      "Activists say the gas attack killed more than 150 people."], "conflict"),
])
def test_one_outlet_giving_both_figures(texts, verdict):
    """The other outlet's figure is one the first outlet states too: not in dispute between them."""
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count" and f.verdict == "conflict"}
    assert got == ({verdict} if verdict else set()), [f.reason for f in r.findings]


@pytest.mark.parametrize("text, lang_, event", [
    ("قتلت الغارات خمسة أشخاص في البلدة", "ar", "kill"),        # the strikes (the agent) killed five
    ("أصابت الضربات 12 مدنيا قرب المدرسة", "ar", "injure"),
    ("شنت الطائرات 43 غارة على المدينة", "ar", "operation"),    # the counted noun: a count of raids
    ("Raids killed seven people in the village", "en", "kill"),
    ("The jets carried out 20 raids on the town", "en", "operation"),
])
def test_the_victims_event_beats_the_attack_that_did_it(text, lang_, event):
    assert of_counts(text, lang_, "event") == [event]


@pytest.mark.parametrize("texts", [
    # a share and an increment are parts of one toll, not one quantity: 10 on the bus, 21 elsewhere
    ["Regime raids killed 26 civilians in Hama on Friday, including 9 when strikes hit their bus in the city.",
     "Nine civilians were killed when strikes hit their bus in Hama on Friday. "
     "17 others died in regime raids on the city of Hama on Friday."],
    ["قتل 27 مدنيا في قصف على مدينة إدلب يوم الخميس، بينهم 9 في سوق المدينة.",
     "قتل 9 مدنيين في قصف على سوق مدينة إدلب يوم الخميس. وقتل 18 آخرون في قصف على أحياء مدينة إدلب يوم الخميس."],
    # "wounded another 40" is the wounded's own figure, "15 of the wounded" its share
    ["The bombing killed 12 people in Douma and wounded another 35, medics said. Ten of the wounded are critical.",
     "Medics said 12 people were killed in Douma. The bombing wounded 35 people, 10 of them critically."],
])
def test_parts_of_one_toll_are_no_rivals(texts):
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    assert not [f for f in conflicts(r) if f.kind == "count"], [f.reason for f in conflicts(r)]


@pytest.mark.parametrize("texts, verdict", [
    # a described source ("a monitoring group") is no second named source against the Observatory
    (["Fourteen civilians were killed in shelling across Hama province, a monitoring group said. "
      "In the town of Suran, air strikes killed nine civilians, the Syrian Observatory for Human Rights said.",
      "In the town of Suran, air strikes killed nine civilians, the Syrian Observatory for Human Rights said. "
      "Fourteen civilians were killed in shelling across Hama province, a monitoring group said."], None),
    (["Twenty people were killed on Friday in shelling across Daraa province, an activist group said. "
      "In Nawa, the shelling killed eight people, SOHR said.",
      "The shelling killed eight people in Nawa on Friday, SOHR said. "
      "Twenty people were killed on Friday in shelling across Daraa province, an activist group said."], None),
    (["قال مصدر طبي إن 20 شخصا قتلوا يوم الجمعة في قصف على محافظة درعا. "
      "وقال المرصد السوري لحقوق الإنسان إن القصف قتل 8 أشخاص في بلدة نوى.",
      "قال المرصد السوري لحقوق الإنسان إن القصف قتل 8 أشخاص في بلدة نوى يوم الجمعة. "
      "وقال مصدر طبي إن 20 شخصا قتلوا يوم الجمعة في قصف على محافظة درعا."], None),
    # two named sources at odds, each relayed by both outlets, stay a dispute
    (["Fourteen civilians were killed on Monday in shelling across Hama province, the White Helmets said. "
      "In Hama province air strikes killed nine civilians on Monday, the Syrian Observatory for Human Rights said.",
      "Air strikes killed nine civilians in Hama province on Monday, the Syrian Observatory for Human Rights said. "
      "The White Helmets said fourteen civilians were killed on Monday in shelling across Hama province."], "conflict"),
])
def test_a_described_source_is_no_rival_name(texts, verdict):
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count" and f.verdict == "conflict"}
    assert got == ({verdict} if verdict else set()), [f.reason for f in r.findings]


def test_named_sources_relayed_by_both_outlets_stay_a_conflict():
    a = ("The Red Crescent said 4 people were killed in the gas attack on the town. "
         "The SDF said 9 people were killed in the gas attack on the town.")
    b = ("According to the SDF, 9 people were killed in the gas attack on the town. "
         "The Red Crescent said 4 people were killed in the gas attack on the town.")
    r = run(a, b, lang="en")
    assert conflicts(r)


@pytest.mark.parametrize("texts", [
    ["Barrel bombs killed 27 civilians in Daraa on Friday, including 11 when a school bus was hit.",
     "Eleven civilians were killed when barrel bombs hit a school bus in Daraa on Friday."],
    ["قتل 35 مدنيا في قصف على حمص، بينهم 12 في سوق الخضار.", "قتل 12 مدنيا في قصف على سوق الخضار في حمص."],
])
def test_a_figure_given_as_a_share_of_the_other_is_no_rival(texts):
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    assert not [f for f in conflicts(r) if f.kind == "count"], [f.reason for f in conflicts(r)]


@pytest.mark.parametrize("text, lang_, events", [
    ("Rockets killed and wounded 12 civilians in the market.", "en", ["injure+kill"]),
    ("Shells claimed three lives and injured five people.", "en", ["kill", "injure"]),
    ("About 40 soldiers were killed and 40 others were injured in the ambush.", "en", ["kill", "injure"]),
    ("أسفر القصف عن سقوط 25 قتيلا وجريحا في السوق", "ar", ["injure+kill"]),
    ("أدى الانفجار إلى مقتل وإصابة 17 شخصا", "ar", ["injure+kill"]),
])
def test_coordinated_events(text, lang_, events):
    """One figure for the dead and the wounded together is neither alone."""
    assert of_counts(text, lang_, "event") == events


@pytest.mark.parametrize("a, b", [
    ("Shelling killed and injured 9 civilians in Aleppo.", "Shelling killed 2 civilians in Aleppo."),
    ("أدى القصف إلى مقتل وإصابة 14 مدنيا في حلب", "أدى القصف إلى مقتل 3 مدنيين في حلب"),
])
def test_casualties_together_are_no_rival_to_the_dead(a, b):
    r = run(a, b, lang="en" if a.isascii() else None)
    assert not conflicts(r)


@pytest.mark.parametrize("a, b", [
    ("Four more civilians died of their wounds in Homs overnight.", "Shelling killed 21 civilians in Homs."),
    ("Two additional bodies were recovered from the rubble in Douma.", "The strike killed 30 people in Douma."),
    ("وتوفي 3 جرحى إضافيين متأثرين بإصاباتهم في دوما", "قتل 30 شخصا في غارة على دوما"),
])
def test_an_increment_is_no_rival_to_the_toll(a, b):
    r = run(a, b, lang="en" if a.isascii() else None)
    assert not conflicts(r)


@pytest.mark.parametrize("a, b, verdict", [
    ("Medics counted 38 attacks on hospitals in Syria in March.", "Air raids hit five hospitals in Syria in March.", None),
    ("Medics counted 38 attacks on hospitals in Syria in March.", "Medics counted 45 attacks on hospitals in Syria in March.",
     "conflict"),
    ("وثقت المنظمة 26 هجوما على المدارس في سوريا", "استهدفت الغارات 4 مدارس في سوريا", None),
])
def test_a_count_of_attacks_is_no_count_of_targets(a, b, verdict):
    r = run(a, b, lang="en" if a.isascii() else None)
    got = {f.verdict for f in r.findings if f.kind == "count"}
    assert (got == {verdict}) if verdict else ("conflict" not in got), got


@pytest.mark.parametrize("text, cumulative", [
    ("In the past two weeks more than 200 civilians have been killed in the city.", True),
    ("Over the last 48 hours, 63 people were killed in the province.", True),
])
def test_a_past_period_makes_a_running_total(text, cumulative):
    _, cs = mentions(text, lang="en")
    c = next(c for c in cs if c.kind == "count" and c.event == "kill")
    assert c.cumulative is cumulative


@pytest.mark.parametrize("text, event", [
    ("Nearly 300,000 Syrians live in the besieged districts.", None),   # "live" is not "lives"
    ("The bombing claimed 12 lives in the village.", "kill"),
])
def test_a_word_equal_to_an_entrys_stem_is_another_word(text, event):
    _, cs = mentions(text, lang="en")
    assert next(c for c in cs if c.kind == "count").event == event


@pytest.mark.parametrize("text, lang_, events", [
    ("Doctors said four people died and nine others suffered breathing problems.", "en", ["kill", None]),
    ("Shelling killed four people and wounded nine others.", "en", ["kill", "injure"]),
    ("قالت مصادر طبية إن 6 أشخاص توفوا و11 آخرين عانوا من صعوبات في التنفس", "ar", ["kill", None]),
])
def test_others_after_a_second_figure_start_a_new_group(text, lang_, events):
    assert of_counts(text, lang_, "event") == events


@pytest.mark.parametrize("texts", [
    # each outlet prints its lead sentence twice (a teaser and the body): the sentence's two
    # figures are two quantities, and the copy must not set one against the other
    ["The death toll from the car bombs in Deir ez-Zor rose to 41 and more than 90 wounded persons, most of them "
     "women. The death toll from the car bombs in Deir ez-Zor rose to 41 and more than 90 wounded persons, most "
     "of them women.",
     "The death toll from the car bombs in Deir ez-Zor rose to 41 and more than 90 wounded persons, most of them "
     "women. The death toll from the car bombs in Deir ez-Zor rose to 41 and more than 90 wounded persons, most "
     "of them women. Rescue teams are still searching."],
    ["قتل 14 شخصا في قصف على دوما وأصيب أكثر من 60 آخرين بحسب مسعفين. خبر آخر. "
     "قتل 14 شخصا في قصف على دوما وأصيب أكثر من 60 آخرين بحسب مسعفين.",
     "قتل 14 شخصا في قصف على دوما وأصيب أكثر من 60 آخرين بحسب مسعفين. وفي خبر آخر. "
     "قتل 14 شخصا في قصف على دوما وأصيب أكثر من 60 آخرين بحسب مسعفين."],
])
def test_a_repeated_sentence_is_no_rival_to_itself(texts):
    r = run(*texts, lang="en" if texts[0].isascii() else None)
    assert not conflicts(r), [f.reason for f in conflicts(r)]


@pytest.mark.parametrize("text, lang_, events", [
    # a speech verb after the event opens a new statement: the figure after it is not the event's
    ("At least nine people were killed in a raid on a market the governor said adding that three drones were seen over the town.",
     "en", ["kill", None]),
    ("Four civilians died in the shelling the army said noting that 12 tanks had moved to the border.",
     "en", ["kill", None]),
    ("قتل سبعة مدنيين في قصف على سوق البلدة وقالت الوزارة إن أربع طائرات حلقت فوق المنطقة",
     "ar", ["kill", None]),
    # a figure before the speech verb keeps the event, and so does one whose own event follows it
    ("Police said 14 people were killed and the ministry said 30 were injured.", "en", ["kill", "injure"]),
])
def test_a_speech_verb_ends_the_events_reach(text, lang_, events):
    assert of_counts(text, lang_, "event") == events


def date_verdict_is(a, b, verdict):
    """The two texts draw a date finding with ``verdict``, or (None) no date conflict."""
    got = {f.verdict for f in run(a, b).findings if f.kind == "date"}
    assert (verdict in got) if verdict else ("conflict" not in got), got


def of_dates(text, lang_, field):
    _, cs = mentions(text, lang=lang_)
    return [getattr(c, field) for c in cs if c.kind == "date"]


@pytest.mark.parametrize("text, lang_, spoken", [
    # a dateline opening the document dates the report: alone with its year, or after a label
    ("Fri 6 Feb 2026 Rockets hit the port on Thursday.", "en", [True, False]),
    ("Published 3 March 2025 Rockets hit the port on Sunday.", "en", [True, False]),
    ("Date of publication 12 May 2024 Shells fell on the harbour.", "en", [True]),
    ("تاريخ النشر 3 آذار 2025 سقطت صواريخ على الميناء يوم الأحد", "ar", [True, False]),
    # an opening with a preposition, a bare weekday or a year dates what the sentence tells
    ("On 3 March 2025 rockets hit the port.", "en", [False]),
    ("Thursday: ministers meet in Doha.", "en", [False]),
    ("عام 2018 شهد افتتاح الميناء", "ar", [False]),
    # a date beside a speech verb dates the statement
    ("The governor said on Sunday that rockets hit the port.", "en", [True]),
    ("قال المحافظ يوم الأحد إن صواريخ سقطت على الميناء", "ar", [True]),
])
def test_the_day_of_a_statement_or_a_report(text, lang_, spoken):
    assert of_dates(text, lang_, "speech_date") == spoken


@pytest.mark.parametrize("a, b", [
    ("The ministry said on Tuesday that 12 people were killed when shells hit the market.",
     "Shells hit the market on Monday, killing 19 people."),
    ("قالت الوزارة يوم الثلاثاء إن 12 شخصا قتلوا في قصف السوق", "قتل 19 شخصا في قصف السوق يوم الاثنين"),
])
def test_the_day_a_source_spoke_keeps_no_figures_apart(a, b):
    """Tuesday dates the statement, not the shelling: the tolls are one quantity."""
    assert [f.kind for f in conflicts(run(a, b))] == ["count"]


@pytest.mark.parametrize("a, b, verdict", [
    ("Fri 6 Feb 2026 Gulf ministers met in Doha to discuss the port deal.",
     "Gulf ministers met in Doha on Thursday 5 February 2026 to discuss the port deal.", None),
    ("Posted on 6 Feb 2026 Gulf ministers met in Doha to discuss the port deal.",
     "Gulf ministers met in Doha on Thursday 5 February 2026 to discuss the port deal.", None),
    ("الجمعة 6 شباط 2026 اجتمع وزراء الخليج في الدوحة لبحث صفقة الميناء",
     "اجتمع وزراء الخليج في الدوحة يوم الخميس 5 شباط 2026 لبحث صفقة الميناء", None),
    # the same words with the date told as the meeting's stay a conflict
    ("Gulf ministers met in Doha on 6 February 2026 to discuss the port deal.",
     "Gulf ministers met in Doha on Thursday 5 February 2026 to discuss the port deal.", "conflict"),
])
def test_a_dateline_is_no_rival_to_the_events_day(a, b, verdict):
    date_verdict_is(a, b, verdict)


@pytest.mark.parametrize("a, b, verdict", [
    ("More than 900 people have been killed in the province since March 2019.",
     "Shelling killed 14 people in the province on 2 February 2026.", None),
    ("قتل أكثر من 900 شخص في المحافظة منذ آذار 2019", "قتل 14 شخصا في قصف على المحافظة يوم 2 شباط 2026", None),
    ("More than 900 people have been killed in the province since March 2019.",
     "More than 900 people have been killed in the province since May 2019.", "conflict"),
])
def test_the_start_of_a_running_total_meets_only_such_starts(a, b, verdict):
    date_verdict_is(a, b, verdict)


@pytest.mark.parametrize("a, b", [
    ("Two children were killed at a school in the western district on Friday.",
     "Four people were killed near the old bridge in the district on Tuesday."),
    ("قتل طفلان في مدرسة في الحي الغربي يوم الجمعة", "وقتل أربعة أشخاص قرب الجسر القديم في الحي يوم الثلاثاء"),
])
def test_two_days_of_killing_are_two_events_unless_told_alike(a, b):
    """An event verb and a place word in common do not make two days one event's."""
    assert not [f for f in conflicts(run(a, b)) if f.kind == "date"]


@pytest.mark.parametrize("text, lang_, field, want", [
    ("Raids killed 15 civilians in the IS-held area on Friday.", "en", "date", "kill"),   # "IS-held": no meeting held
    ("Shells hit a government-held district on Friday.", "en", "date", None),
    ("Police re-arrested 70 fighters on Friday.", "en", "count", "arrest"),             # "re-" makes one verb
])
def test_a_hyphenated_compound_names_no_event(text, lang_, field, want):
    _, cs = mentions(text, lang=lang_)
    assert next(c.event for c in cs if c.kind == field) == want


@pytest.mark.parametrize("a, b, verdict", [
    ("Air strikes on the hospital killed 26 people on Tuesday.", "Air strikes on two hospitals left 10 people dead on Thursday.", None),
    ("قتل 26 شخصا في غارات على المستشفى يوم الثلاثاء", "قتل 10 أشخاص في غارات على مستشفيين يوم الخميس", None),
    ("Shelling of the camp killed 31 people on 2 February 2026.", "Shelling of the camp killed 9 people on 5 February 2026.", None),
    # the same toll on two days is one event's date in dispute
    ("Air strikes on the hospital killed 26 people on Tuesday.", "Air strikes on the hospital killed 26 people on Thursday.", "conflict"),
])
def test_days_whose_tolls_differ_are_two_events(a, b, verdict):
    """The date-side twin of "figures dated to different days are two events"."""
    date_verdict_is(a, b, verdict)


@pytest.mark.parametrize("text, lang_, increments", [
    ("The strike killed a nurse and four others.", "en", [True]),
    ("The bombing killed the driver and three others on Monday.", "en", [True]),
    ("أسفر القصف عن مقتل ممرضة و4 آخرين", "ar", [True]),
    ("أسفر القصف عن مقتل مسعف وثلاثة آخرين", "ar", [True]),
    # the others of another event are that event's own figure
    ("Shelling killed a policeman and wounded 4 others.", "en", [False]),
    ("مقتل شرطي وجرح 4 آخرين في تفجير", "ar", [False]),
    ("Two were killed and five others wounded.", "en", [False, False]),
])
def test_others_besides_a_victim_named_without_a_figure(text, lang_, increments):
    assert of_counts(text, lang_, "increment") == increments


@pytest.mark.parametrize("a, b", [
    ("The strike killed a nurse and four others.", "Five people were killed in the strike."),
    ("أسفر القصف عن مقتل ممرضة و4 آخرين", "مقتل خمسة أشخاص في القصف"),
])
def test_a_victim_and_others_is_no_rival_to_the_toll(a, b):
    assert not conflicts(run(a, b))


@pytest.mark.parametrize("text, lang_, sources", [
    # a compound modifier before the name is taken whole and passed over
    ("The London-based Syrian Observatory for Human Rights said 12 people were killed.", "en", ["SOHR"]),
    ("The UK-based Observatory said 14 people were killed in the raids.", "en", ["SOHR"]),
    ("The so-called Syrian Observatory for Human Rights said 9 were killed.", "en", ["SOHR"]),
    ("A Britain-based monitoring group said 21 were killed.", "en", [None]),
    # a passive has no teller
    ("Six people were also reported killed in the shelling.", "en", [None]),
    ("The fighting is reported to have killed at least 130 civilians.", "en", [None]),
    ("The ministry has said 12 people were killed.", "en", ["The ministry"]),
    ("قال المرصد السوري لحقوق الإنسان إن 12 شخصا قتلوا", "ar", ["SOHR"]),
])
def test_who_said_it_past_compounds_and_passives(text, lang_, sources):
    assert of_counts(text, lang_, "attributed_to") == sources


@pytest.mark.parametrize("text, lang_, events", [
    # the label of a dateline names no event for the dates after it
    ("Published 3 March 2025 Rockets hit the port on Sunday.", "en", [None, None]),
    ("تاريخ النشر 3 آذار 2025 سقطت صواريخ على الميناء يوم الأحد", "ar", [None, None]),
    ("The agency published its report on Sunday.", "en", ["publish"]),
])
def test_a_datelines_label_names_no_event(text, lang_, events):
    assert of_dates(text, lang_, "event") == events


# one document's own figures: a round-up's total against one district's toll, or the outlet's
# figure beside a named source's, are two things it tells; two named sources at odds inside it
# are a dispute, and so are its two days for one event (a caption's day against the body's)
OWN_FIGURES = [
    ("Shelling killed nine people in Aleppo and Idlib on Monday. In Aleppo, the shelling killed six "
     "people in the Salah al-Din district on Monday.", None),
    ("Rocket fire killed 7 civilians and wounded 30 in two districts of Homs. In the first district, "
     "rocket fire killed 4 civilians and wounded 18.", None),
    ("قتل تسعة مدنيين وأصيب 25 آخرون في قصف صاروخي على أحياء مدينة حلب. وقتل ستة مدنيين وأصيب 11 "
     "آخرون في قصف صاروخي على حي الميدان في مدينة حلب.", None),
    ("Rocket fire on the Midan district of Aleppo killed nine civilians on Monday. Rocket fire on the "
     "Midan district of Aleppo killed six civilians on Monday, the police said.", None),
    ("The health ministry said 40 people died in the floods in Tanta, while the Red Crescent said 55 "
     "people died.", "conflict"),
    ("قالت وزارة الصحة إن 40 شخصا لقوا حتفهم في الفيضانات التي اجتاحت القرى المحيطة بطنطا يوم الأحد. "
     "وقال الهلال الأحمر إن 65 شخصا لقوا حتفهم في الفيضانات التي اجتاحت القرى المحيطة بطنطا يوم الأحد.",
     "conflict"),
    ("Ministers met in Doha on 4 May 2025 to discuss the truce. Photo: ministers at the meeting in "
     "Doha to discuss the truce on 5 May 2025.", "conflict"),
    # ... and so are its two ranks of one member: no whole holds them both
    ("Chile joined the alliance as its 40th member on Monday. Chile joined the alliance as its 41st "
     "member on Monday, the envoy said.", "conflict"),
    ("انضمت تونس إلى المنظمة بوصفها العضو الـ60 يوم الاثنين. وانضمت تونس إلى المنظمة بوصفها العضو "
     "الـ61 يوم الاثنين.", "conflict"),
]


@pytest.mark.parametrize("text, verdict", OWN_FIGURES)
def test_one_documents_own_figures(text, verdict):
    conflicts_are(run(text), verdict)


def test_own_figures_are_judged_across_outlets_and_on_request():
    from discrep.pipeline import check_documents
    from discrep.settings import Settings
    total, district = OWN_FIGURES[0][0].split(". ", 1)
    assert check_documents(docs(total + ".", district), Settings()).conflicts == 1
    assert check_documents(docs(OWN_FIGURES[0][0]), Settings(own_figures_need_sources=False)).conflicts == 1


@pytest.mark.parametrize("a, b, verdict", [
    # a vague plural is stretched upward: "injured dozens" is how one reports 100 wounded
    ("Twin bomb attacks in Homs killed 50 people and injured dozens on Sunday.",
     "Twin bomb attacks in Homs killed 50 people and injured 100 others on Sunday.", None),
    ("قتل 50 شخصا وأصيب العشرات في تفجيرين في حمص يوم الأحد.",
     "قتل 50 شخصا وأصيب 130 آخرون في تفجيرين في حمص يوم الأحد.", None),
    ("The war has displaced millions of people since 2011.", "The war has displaced 12 million people since 2011.", None),
    # ... never below its range, nor far above it
    ("Twin bomb attacks in Homs killed 50 people and injured dozens on Sunday.",
     "Twin bomb attacks in Homs killed 50 people and injured 12 others on Sunday.", "conflict"),
    ("Twin bomb attacks in Homs killed 50 people and injured dozens on Sunday.",
     "Twin bomb attacks in Homs killed 50 people and injured 450 others on Sunday.", "conflict"),
    ("قتل 50 شخصا وأصيب العشرات في تفجيرين في حمص يوم الأحد.",
     "قتل 50 شخصا وأصيب 15 آخرون في تفجيرين في حمص يوم الأحد.", "conflict"),
])
def test_a_vague_plural_covers_more_than_its_range(a, b, verdict):
    conflicts_are(run(a, b), verdict)


@pytest.mark.parametrize("a, b, verdict", [
    # an age is no span of time, and only meets another age
    ("Maysa, a 30-year-old evacuee from the village, said the convoy was hit by the blast.",
     "The village had been under siege for more than two years before the convoy was hit by the blast.", None),
    ("The 10-year-old girl was among those hurt when the convoy was hit by the blast.",
     "Those hurt when the convoy was hit by the blast had waited there for three years.", None),
    ("Maysa, a 30-year-old evacuee from the village, said the convoy was hit by the blast.",
     "Maysa, a 34-year-old evacuee from the village, said the convoy was hit by the blast.", "conflict"),
])
def test_an_age_is_no_span_of_time(a, b, verdict):
    conflicts_are(run(a, b), verdict)


@pytest.mark.parametrize("text, lang_, values", [
    # digits with a leading zero are a clock time, a code or a page number, never a count
    ("Middle East 0041 06.04.2017 The army said its forces killed 13 fighters.", "en", [13]),
    ("Flight 0045 landed with 180 passengers.", "en", [180]),
    ("تحديث 0930 قتل 12 شخصا في القصف.", "ar", [12]),
    ("الساعة ٠٨٣٠ أصيب ٤ أشخاص.", "ar", [4]),
])
def test_leading_zero_digits_are_no_count(text, lang_, values):
    assert [m.value for m in of_counts(text, lang_, "mention")] == values

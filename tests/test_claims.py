"""claims: what each figure counts, its event, its source and its role, with the rules
that set the role; long stretches with no sentence break are cut."""
from __future__ import annotations

import pytest

from conftest import mentions
from discrep import lang
from discrep.claims import _sentence_starts


def claim(text, figure):
    _, cs = mentions(text)
    return next(c for c in cs if c.mention.text.endswith(figure))


@pytest.mark.parametrize("text, figure, event, source, roles", [
    ("About 120 prisoners escaped from the jail, the ministry said.", "120", "escape", "ministry", ()),
    ("قالت الحكومة السورية إن نحو 120 معتقلا فروا من السجن.", "120", "escape", "Syrian government", ()),
    ("The blast killed 17 people, including five children.", "five", "kill", None, ("C101",)),
    ("قتل 17 شخصا بينهم خمسة أطفال.", "خمسة", "kill", None, ("C101",)),
    ("Since Saturday, the fighting has killed 68 people.", "68", "kill", None, ("C105",)),
    ("The strike killed a nurse and four others.", "four", "kill", None, ("C104",)),
    ("Three more people died in hospital.", "Three", "kill", None, ("C102",)),
])
def test_claim_frame(text, figure, event, source, roles):
    c = claim(text, figure)
    assert (c.event, c.roles) == (event, roles)
    assert (c.attributed_to is None) == (source is None)
    if source:
        assert source.casefold() in c.attributed_to.casefold()


@pytest.mark.parametrize("text, figure, source", [
    # "according to what X said": X is the teller, in either word order
    ("قتل 9 أشخاص وفق ما أعلنته مديرية الدفاع المدني.", "9", "مديرية الدفاع المدني"),
    ("قتل 9 أشخاص بحسب ما أفادت به دائرة صحة دهوك.", "9", "دائرة صحة دهوك"),
    ("Nine people were killed, according to what the ministry said.", "Nine", "the ministry"),
    # a quoted name is taken whole, and ends at its closing quote
    ('أعلن "التحالف الدولي لهزيمة داعش" انضمام 90 دولة إلى التحالف.', "90", "التحالف الدولي لهزيمة داعش"),
    ("أكد أعضاء التحالف الدولي لمحاربة تنظيم “الدولة الإسلامية” أن 90 دولة انضمت.", "90",
     "أعضاء التحالف الدولي لمحاربة تنظيم “الدولة الإسلامية”"),
    ('The "Coalition to Defeat ISIS" said 90 countries had joined.', "90", "Coalition to Defeat ISIS"),
    # "puts the number at": the one who puts it is the source
    ("The union puts the number of strikers at 36,000.", "36,000", "The union"),
    # a valuation ("يقدر بـ") names no speaker
    ("يتضمن المشروع نفقات بنحو 82 مليار دينار وعجزا يقدر بـ 6.8 مليار دينار.", "6.8 مليار دينار", None),
])
def test_attribution_labels_are_whole_names(text, figure, source):
    assert claim(text, figure).attributed_to == source


def test_a_statement_date_is_marked_and_says_why():
    c = claim("The ministry said on Tuesday that 40 people were killed in the raid.", "Tuesday")
    assert c.speech_date and c.roles == ("C107",)


@pytest.mark.parametrize("text, longest, starts", [
    ("One. Two.", 3000, [0, 4]),
    ("a" * 7000, 3000, [0, 3000, 6000]),
    (("word " * 1000).strip(), 3000, [0, 3000]),
])
def test_sentences_longer_than_the_longest_are_cut(text, longest, starts):
    got = _sentence_starts(lang.get("en"), text, longest)
    assert got[:len(starts)] == starts and all(b - a <= longest for a, b in zip(got, got[1:] + [len(text)]))


@pytest.mark.parametrize("code, text, sentences", [
    # an abbreviation that goes on does not end the sentence
    ("en", "Two women were shot at 1 a.m. Sunday, police said. Both survived.", 2),
    ("en", "He was shot at 7 p.m. The victim died later.", 2),
    ("en", "Gov. Smith met Sgt. J. Doe on Friday. Two were hurt.", 2),
    ("en", "He was shot on Main St. Police said two men fled.", 2),   # "St." may end one
    ("en", "Asked if he would resign, he said no. Police then arrested two men.", 2),
    ("ar", "قتل 5 أشخاص في القصف. وأصيب 10 آخرون.", 2),
])
def test_sentences_go_on_past_an_abbreviation(code, text, sentences):
    starts = _sentence_starts(lang.get(code), text, 3000)
    assert len([a for a in starts if text[a:].strip()]) == sentences, [text[a:a + 30] for a in starts]


@pytest.mark.parametrize("text, figure, measure, unit, role, anchor", [
    ("About 120 prisoners escaped from the jail.", "120", "escape", ("noun", "prisoner"), "whole", None),
    ("فر نحو 120 معتقلا من السجن.", "120", "escape", ("noun", None), "whole", None),
    ("The siege lasted 40 days.", "40", None, ("time", "day"), "whole", None),
    # a verb right after the count is no counted noun
    ("The ministry says 22,000 took part in the walkout.", "22,000", None, ("none", None), "whole", None),
    ("Police said 5,000 went home after the rally.", "5,000", None, ("none", None), "whole", None),
    ("The blast killed 17 people, including five children.", "five", "kill", ("noun", None), "share", None),
    ("Three more people died in hospital.", "Three", "kill", (None, None), "increment", None),
    ("Since Saturday, the fighting has killed 68 people.", "68", "kill", ("none", None), "running_total", None),
    ("The toll rose from 30 to 45.", "30", None, (None, None), "previous", None),
    ("Turnout reached 40 percent.", "40 percent", None, ("percent", None), "whole", None),
    ("The ministry said on Tuesday that 40 people were killed in the raid.", "Tuesday", None, ("none", None),
     "whole", "statement"),
    ("The raid on Tuesday 9 February 2026 killed 40 people.", "9 February 2026", None, ("none", None), "whole",
     "event"),
])
def test_frame(text, figure, measure, unit, role, anchor):
    """The typed frame: a unit is a typed value, never a prefixed string."""
    f = claim(text, figure).frame
    assert f is not None
    assert f.role.value == role and (f.anchor.value if f.anchor else None) == anchor
    kind, value = unit
    if kind:
        assert f.unit.kind == kind
    if value:
        assert f.unit.value == value
    if measure:
        assert f.measure == measure
    assert ":" not in (f.unit.value or "")


@pytest.mark.parametrize("text, figure, counted", [
    ("Police found him in the 1100 block of Elm Street, where two were killed.", "1100", False),
    ("News Channel 11 reported that two people were killed.", "11", False),
    ("Traffic on Interstate 95 stopped after 3 people were killed.", "95", False),
    ("The shooting was three blocks away, and 5 people were killed.", "three", True),
    ("قالت القناة 11 إن خمسة أشخاص قتلوا.", "11", False),
    ("A neighbour made a 911 call after two people were shot dead.", "911", False),
])
def test_identifiers_are_no_counts(text, figure, counted):
    _, cs = mentions(text)
    assert any(c.mention.text == figure for c in cs) == counted


@pytest.mark.parametrize("text, figure, place, period, wide", [
    ("Floods killed 12 people in the town of Derna in two days.", "12", "town of Derna", "in two days", False),
    ("At least 5 were shot at Riverside Mall in Dallas on Tuesday.", "5", "Riverside Mall", "on Tuesday", False),
    ("Across the country, 44 people were killed on Friday.", "44", None, "on Friday", True),
    ("The ministry counted 44 dead.", "44", None, None, False),
    ("فر 120 سجينا من سجن الشدادي يوم الأحد.", "120", "سجن الشدادي", "يوم الأحد", False),
    ("قتل 3 أشخاص بمدينة الحسكة.", "3", "بمدينة الحسكة", None, False),
    ("قتل 40 شخصا في مختلف أنحاء البلاد منذ السبت.", "40", None, "السبت", True),
    ("قتل 40 شخصا في بيان للوزارة.", "40", None, None, False),
])
def test_scope_names_the_place_and_period_of_the_clause(text, figure, place, period, wide):
    sc = claim(text, figure).frame.scope
    assert (sc.place, sc.period, sc.wide) == (place, period, wide)


@pytest.mark.parametrize("text, figure, measure", [
    ("Turnout reached 47.3 percent on Sunday.", "47.3 percent", "turnout"),
    ("The budget deficit will reach $6.1bn next year.", "$6.1bn", "deficit"),
    ("قالت الوزيرة إن عجز الميزانية سيبلغ 6.1 مليار دينار.", "6.1 مليار دينار", "deficit"),
    ("قالت الوزيرة إن نفقات الميزانية ستبلغ 81.6 مليار دينار.", "81.6 مليار دينار", "budget"),
    ("The party won 47.3 percent.", "47.3 percent", None),
    # a measure word in either form, definite or not: "نفقات" is spending as "النفقات" is
    ("يتضمن المشروع نفقات بنحو 82 مليار دينار وعجزا يقدر بـ 6.8 مليار دينار.", "نحو 82 مليار دينار", "budget"),
    ("يتضمن المشروع نفقات بنحو 82 مليار دينار وعجزا يقدر بـ 6.8 مليار دينار.", "6.8 مليار دينار", "deficit"),
])
def test_a_percent_or_sum_takes_the_head_of_its_measure_phrase(text, figure, measure):
    assert claim(text, figure).event == measure


@pytest.mark.parametrize("text, figure, event", [
    ("وأن 1,240 أسرة نزحت إلى مخيمات مؤقتة.", "1,240", "displace"),          # "أسرة" is a family, no capture
    ("Authorities said about 3,000 residents have been evacuated.", "3,000", "evacuate"),
    ("Rescuers had pulled 127 survivors from the water.", "127", "rescue"),
    ("وأوضح أن القارب كان يقل 62 شخصا.", "62", "aboard"),
    ("Some 400 refugees crossed the border.", "400", "refugee"),
    ("نزح 400 شخص من القرية.", "400", "displace"),
    # each event its own figure, the first told before its event word: no "dead and wounded" together
    ("لقي تسعة أشخاص حتفهم وأصيب 23 آخرون جراء السيول.", "تسعة", "kill"),
    ("لقي تسعة أشخاص حتفهم وأصيب 23 آخرون جراء السيول.", "23", "injure"),
    ("Nine people lost their lives and 23 others were injured in the floods.", "Nine", "kill"),
    ("قتل وجرح 20 شخصا في القصف.", "20", "injure+kill"),
    ("Some 38 people were missing after the ferry sank.", "38", "missing"),
    ("وقال إن 31 مهاجرا ما زالوا في عداد المفقودين.", "31", "missing"),
    # destruction is an event of its own: the homes are not the evacuation's
    ("A wildfire has destroyed 37 homes and forced more than 6,000 people to evacuate.", "37", "destroy"),
    ("A wildfire has destroyed 37 homes and forced more than 6,000 people to evacuate.", "more than 6,000", "evacuate"),
    ("دمرت النيران 37 منزلا وأجبرت أكثر من 6000 شخص على الإخلاء.", "37", "destroy"),
    # a wound or a shooting called fatal is a death, over an injury named before it
    ("He is accused of injuring a woman and fatally shooting two other men.", "two", "kill"),
    ("Police are investigating the fatal shooting of one man on Main Street.", "one", "kill"),
    # "said that one": a reported clause's count, not the pronoun "that one"
    ("Officials confirmed that one of the victims had died.", "one", "kill"),
    # a result clause ("مما أسفر عن") is a clause of its own: its event is not the attackers'
    ("فجر ثلاثة مهاجمين أنفسهم قرب مقر الشرطة مما أسفر عن مقتل شخصين.", "ثلاثة", None),
    ("فجر ثلاثة مهاجمين أنفسهم قرب مقر الشرطة مما أسفر عن مقتل شخصين.", "شخصين", "kill"),
    # a broken plural is listed with its singular: "أحكاما" are rulings
    ("أصدرت المحكمة أحكاما بالسجن في حق سبعة متهمين.", "سبعة", "ruling"),
    # "المتهمين الـ7": prefixed digits after a plural noun count it
    ("بعد ثمانية أشهر من توقيف المتهمين الـ7.", "7", "arrest"),
    # a date set between commas is an aside: the clauses on either side are one
    ("أفرجت السلطات، اليوم الخميس، عن 95 سجينا من سجن المدينة.", "95", "release"),
    ("The ministry freed, on Thursday, 95 inmates from the city jail.", "95", "release"),
    # an attack told by its verb dates the attack, not the statement that tells it
    ("The militia said it attacked a tanker off the coast on Friday.", "on Friday", "operation"),
    ("أعلن الفصيل، أمس الجمعة، استهداف ناقلة قبالة الساحل.", "أمس الجمعة", "operation"),
    ("He was convicted of the murders of three farmers in the valley.", "three", "kill"),
    # a charge counts the accused, not the dead it is brought over
    ("Two men were charged with murder in the death of a shopkeeper.", "Two", "charge"),
    ("He faces two counts of assault for his part in the brawl that killed a guard.", "two", "charge"),
    ("The gunman charged with killing two people appeared in court.", "two", "kill"),
    ("اتهم ثلاثة أشخاص بقتل الطفل في الحي.", "ثلاثة", "charge"),
    # ... but a charge dates nothing: a person is charged again, and each suspect on his day
    ("He was charged on Tuesday in the shooting that killed two men.", "Tuesday", "kill"),
    ("اتهم يوم الثلاثاء بإطلاق النار الذي أدى إلى مقتل شخصين.", "الثلاثاء", "kill"),
    # the group a share is drawn from is not what befell it (C140)
    ("Two of the wounded died overnight.", "Two", "kill"),
    ("أكد المسؤولون أن أحد المصابين توفي في المستشفى.", "أحد", "kill"),
])
def test_event_concepts(text, figure, event):
    assert claim(text, figure).event == event


@pytest.mark.parametrize("text, figure, running", [
    ("Since Saturday, 40 people have been killed in the shelling.", "40", True),
    ("In all 40 people were killed, the center said.", "40", False),   # a sum of parts, not a total over time
    ("قتل 40 شخصا منذ السبت في القصف.", "40", True),
    # a year's tally as it stands on a day
    ("In the county, 40 people had been killed as of March 1, the sheriff said.", "40", True),
    ("As of Friday, police say 40 people have been killed in the county.", "40", True),
    ("قتل 40 شخصا في المحافظة حتى تاريخه بحسب الشرطة.", "40", True),
])
def test_a_running_total_runs_over_time(text, figure, running):
    assert claim(text, figure).cumulative == running


def test_a_running_total_keeps_the_days_its_period_starts():
    c = claim("ومنذ مطلع العام الجاري، سجلت الولاية 9,870 إصابة بالكوليرا.", "9,870")
    assert c.cumulative and c.frame.scope.period == "مطلع العام الجاري" and c.frame.scope.period_days


@pytest.mark.parametrize("text, lang_", [
    ("قال المرصد الوطني إن 40 شخصا قتلوا في القصف.", "ar"),
    ("The National Observatory said 40 people were killed in the shelling.", "en"),
])
def test_source_aliases_from_the_configuration_name_one_source_in_any_language(text, lang_):
    from conftest import docs
    from discrep.pipeline import extract_documents
    from discrep.settings import Settings
    st = Settings(source_aliases=(("المرصد الوطني", "National Observatory"),
                                  ("the National Observatory", "National Observatory")))
    (_, _, cs), = extract_documents(docs(text, lang=lang_), st)
    assert next(c for c in cs if c.kind == "count").attributed_to == "National Observatory"
    (_, _, plain), = extract_documents(docs(text, lang=lang_), Settings())
    assert next(c for c in plain if c.kind == "count").attributed_to != "National Observatory"


@pytest.mark.parametrize("ar, en", [
    ("وصلت 32 طنا من المساعدات إلى الميناء.", "Some 45 tonnes of aid reached the port."),
    ("أفرج عن 35 امرأة من السجن.", "53 women were released from the prison."),
    ("كان على متن السفينة 23 بحارا.", "The ship had 21 crew members on board."),
])
def test_a_counted_noun_is_a_concept_shared_by_both_languages(ar, en):
    (_, a), (_, b) = mentions(ar, lang="ar"), mentions(en, lang="en")
    ua = next(c for c in a if c.kind == "count").unit_stem
    ub = next(c for c in b if c.kind == "count").unit_stem
    assert ua == ub and ua is not None


def test_a_noun_concept_is_read_from_the_whole_word_only():
    """'members' alone is no crew: only the words a concept lists name it."""
    _, cs = mentions("The nurses' union has 61,000 members across the country.", lang="en")
    assert next(c for c in cs if c.kind == "count").unit_stem != "crew"



@pytest.mark.parametrize("text, figure", [
    ("No more than 310 detainees had actually walked free, the monitor said.", "310"),
    ("Gunmen set free 22 workers on Saturday.", "22"),
])
def test_release_idioms(text, figure):
    assert claim(text, figure).event == "release"

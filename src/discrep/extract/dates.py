"""Date matchers and resolution.

Matchers read a :class:`DateSpec` (what the words say: day, month, year, weekday, or a
relative expression); :func:`resolve` turns it into an ISO value at its precision against
the document's reference date."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

from rapidfuzz import fuzz

from ..lang import LangData
from ..tokens import Token
from .numbers import Hit, _counted_after, compose_words, ordinal, parse_digits

PREC_ORDER = ("year", "month", "day")

# A day and month without a year are read in the year nearest the reference date.  When
# that date is more than this many days away (a quarter), either neighbouring year is
# plausible and a stated weekday, or the tense of the clause, chooses.
WEEKDAY_PICKS_YEAR_BEYOND = 92


@dataclass
class DateSpec:
    kind: str = "abs"               # abs | relday | weekday | monthrel | period | ago | range
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    weekday_text: str | None = None
    offset: int = 0
    unit: str | None = None
    part: str | None = None
    end: DateSpec | None = None
    # how to place it: FUTURE (a bare weekday after "will"), WEEK (in a named calendar
    # week), NTH_OR_DAY ("الثلاثاء الأول": the 1st or the first Tuesday), THIS_YEAR
    mode: str | None = None
    # the tokens [a, b) of an "ago" span's count ("منذ 100 عام": "100"): with no reference
    # date the span is still a count of time units
    count_span: tuple[int, int] | None = None


def _int(tok: Token):
    if tok.kind != "num" or not tok.text.isdigit():
        return None
    return int(tok.text)


def _year_at(ld: LangData, toks: list[Token], k: int, need_word: bool=False, words: bool = False):
    """[year word] YYYY [م] -> (j, year, had_word).  A year in words ('ألفين وعشرة') is read
    after a year word, or with ``words`` (right after a day and month)."""
    n = len(toks)
    had = False
    yw = ld.year_words.match(toks, k) if k < n else None
    if yw:
        k, had = k + yw[0], True
    elif need_word:
        return None
    if k < n and (v := _int(toks[k])) is not None and len(toks[k].text) == 4 and 1000 <= v <= 2199:
        j = k + 1
        if j < n and toks[j].glued and toks[j].low in ld.year_suffixes:
            j += 1
        return j, v, had
    if k < n and (had or words) and toks[k].kind == "word":
        w = compose_words(ld, toks, k)
        if w and 1000 <= w[1] <= 2199 and not w[2]:
            return w[0], w[1], had
        if w and 10 <= w[1] <= 21 and not w[2] and w[0] < n:     # "nineteen eighty six"
            w2 = compose_words(ld, toks, w[0])
            if w2 and 10 <= w2[1] <= 99 and not w2[2]:
                return w2[0], w[1] * 100 + w2[1], had
    return None


def _month_at(ld: LangData, toks: list[Token], k: int, allow_ambiguous: bool=True):
    """A month name with optional alternates: 'شباط/فبراير', 'أكتوبر (تشرين الأول)'."""
    n = len(toks)
    if k >= n:
        return None
    mp = ld.month_prefixes.match(toks, k)
    if mp and k + mp[0] < n and ld.months.match(toks, k + mp[0]):
        k += mp[0]                                    # "شهر نوفمبر"
    elif mp and k + mp[0] < n:                        # "شهر 3", "شهر ثلاثة": a month by its number
        c = _count_at(ld, toks, k + mp[0])
        if c and isinstance(c[1], int) and 1 <= c[1] <= 12:
            return c[0], c[1], len(mp[2])
    m = ld.months.match(toks, k)
    if not m:
        return None
    span, month, prefix = m
    if (not allow_ambiguous and toks[k].low[len(prefix):] in ld.ambiguous_months and span == 1
            and toks[k].text == toks[k].low):
        return None              # "in may"; a capital ("in May", "during March") makes it the month
    j = k + span
    if (j + 1 < n and toks[j].text == "." and toks[j].glued and toks[j + 1].text.isdigit()
            and len(toks[j + 1].text) <= 2):
        j += 1                                        # "Sept. 11", "Feb. 9": an abbreviation's point
    if j < n and toks[j].text in "/(" :
        close = toks[j].text == "("
        m2 = ld.months.match(toks, j + 1) if j + 1 < n else None
        if m2 and m2[1] == month:
            j2 = j + 1 + m2[0]
            if close and j2 < n and toks[j2].text == ")":
                j2 += 1
            j = j2
        elif not close:
            # a misspelt alternate right before a year: "كانون لثاني 2026"
            for width in (1, 2):
                e = j + 1 + width
                if e < n and all(t.kind == "word" for t in toks[j + 1:e]) and _year_at(ld, toks, e):
                    cand = " ".join(t.low for t in toks[j + 1:e])
                    names = [" ".join(rest and (w,) + rest or (w,)) for w, lst in ld.months.first.items()
                             for rest, mo, _ in lst if mo == month]
                    if any(fuzz.ratio(cand, nm) >= 80 for nm in names):
                        j = e
                        break
    return j, month, len(prefix)


def _day_at(ld: LangData, toks: list[Token], k: int):
    """'9', '9th' -> (j, day)."""
    if k >= len(toks):
        return None
    v = _int(toks[k])
    if v is None or not 1 <= v <= 31 or len(toks[k].text) > 2:
        return None
    j = k + 1
    if j < len(toks) and toks[j].glued and toks[j].low in ld.ord_digit_suffixes:
        j += 1
    return j, v


def _ordinal_day(ld: LangData, toks: list[Token], k: int, need_link: bool=True):
    """'الأول من أكتوبر', 'الحادي والثلاثين من', 'the first of October', 'the 1st of March'
    -> (j_after_link, day, prefix_len)."""
    n = len(toks)
    if k < n and ld.day_articles.match(toks, k) and k + 1 < n:
        k += ld.day_articles.match(toks, k)[0]
    h = ordinal(ld, toks, k) if k < n else None
    if not h or not isinstance(h.value, int) or not 1 <= h.value <= 31:
        return None
    j = h.j
    if j + 1 < n and ld.day_nouns.match(toks, j) and ld.day_links.match(toks, j + ld.day_nouns.match(toks, j)[0]):
        j += ld.day_nouns.match(toks, j)[0]           # "ثالث يوم من", "the third day of"
    if j < n and ld.day_links.match(toks, j):
        return j + ld.day_links.match(toks, j)[0], h.value, h.prefix_len
    if not need_link or (toks[k].kind == "word" and j < n and _month_at(ld, toks, j, allow_ambiguous=False)):
        return j, h.value, h.prefix_len               # "أول شباط": an ordinal word right before a month
    return None


def _weekday_at(ld: LangData, toks: list[Token], k: int):
    n = len(toks)
    start = k
    wp = ld.weekday_prefixes.match(toks, k) if k < n else None
    if wp:
        k += wp[0]
    if k < n and (w := ld.weekdays.match(toks, k)):
        j = k + w[0]
        text = " ".join(t.text for t in toks[start:j])
        pl = len(wp[2]) if wp else len(w[2])
        if j < n and toks[j].text == ",":
            return j, w[1], text, pl, j + 1
        return j, w[1], text, pl, j
    return None


def _two_digit_year(v: int) -> int:
    """'74' -> 1974, '15' -> 2015: the POSIX strptime pivot (00-68 -> 2000s)."""
    return 2000 + v if v <= 68 else 1900 + v


def _day_month(ld: LangData, x: int, y: int):
    """Two numbers as (month, day) in the language's order, swapped when only that is valid."""
    if ld.numeric_date_order == "MDY":
        return (x, y) if x <= 12 else (y, x)
    return (y, x) if y <= 12 else (x, y)


def date_numeric_short(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """Dates with fewer than three written parts or in one token: '11/20' (a day and month
    joined by a slash), '2/2013' and '12-2019' (month and year), '2014-10', '01.11.2010'."""
    n = len(toks)
    t = toks[i]
    if t.kind != "num":
        return None
    parts = t.text.split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4 and len(parts[0]) <= 2:
        mo, d = _day_month(ld, int(parts[0]), int(parts[1])) if ld.numeric_date_order != "YMD" else (0, 0)
        if ld.numeric_date_order == "MDY" and int(parts[0]) <= 12:
            mo, d = int(parts[1]), int(parts[0])        # dotted dates are day-first everywhere
        if _valid(int(parts[2]), mo, d):
            return Hit(i, i + 1, "date", date=DateSpec(year=int(parts[2]), month=mo, day=d))
        return None
    if not (i + 2 < n and toks[i + 1].text in "/-" and toks[i + 1].glued and toks[i + 2].glued
            and toks[i + 2].kind == "num" and t.text.isdigit() and toks[i + 2].text.isdigit()):
        return None
    if i + 3 < n and toks[i + 3].text in "/-." and toks[i + 3].glued:
        return None                                      # a three-part date is date_numeric's
    if i and toks[i - 1].text in "/-" and toks[i].glued:
        return None
    a, b = t.text, toks[i + 2].text
    x, y = int(a), int(b)
    if len(b) == 4 and len(a) <= 2 and 1 <= x <= 12 and 1000 <= y <= 2199:
        return Hit(i, i + 3, "date", date=DateSpec(year=y, month=x))
    if len(a) == 4 and len(b) <= 2 and 1 <= y <= 12 and 1000 <= x <= 2199:
        return Hit(i, i + 3, "date", date=DateSpec(year=x, month=y))
    # a day and a month alone: only when padded ("01/11") or after a date preposition, since
    # "1/3 of the population" and "24/7" are not dates
    padded = a.startswith("0") or b.startswith("0")
    after_prep = i > 0 and (ld.year_preps.match(toks, i - 1) or ld.weekday_prefixes.match(toks, i - 1))
    if toks[i + 1].text == "/" and len(a) <= 2 and len(b) <= 2 and (padded or after_prep):
        mo, d = _day_month(ld, x, y)
        if 1 <= mo <= 12 and 1 <= d <= 31 and _valid(2000, mo, d):
            return Hit(i, i + 3, "date", date=DateSpec(month=mo, day=d))
    return None


def date_joined(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """Parts joined by '-' or '/' with a month name among them: '31-Oct-74', 'Sep-23-2020',
    '2019-aug-1', 'Jan/3'."""
    n = len(toks)
    parts: list = []
    k = i
    while k < n and len(parts) < 3:
        t = toks[k]
        m = ld.months.match(toks, k) if t.kind == "word" else None
        if m and m[0] == 1 and not m[2]:
            parts.append(("m", m[1]))
        elif t.kind == "num" and t.text.isdigit():
            parts.append(("n", t.text))
        else:
            break
        k += 1
        if k + 1 < n and toks[k].text in "-/" and toks[k].glued and toks[k + 1].glued and len(parts) < 3:
            k += 1
        else:
            break
    months = [v for tag, v in parts if tag == "m"]
    nums = [v for tag, v in parts if tag == "n"]
    if len(parts) < 2 or len(months) != 1 or toks[k - 1].text in "-/":
        return None
    year = next((int(x) for x in nums if len(x) == 4), None)
    rest = [int(x) for x in nums if len(x) <= 2]
    if len(parts) == 3 and year is None and len(rest) == 2:
        day, year = rest[0], _two_digit_year(rest[1])
    elif len(rest) == 1:
        day = rest[0]
    else:
        return None
    if not _valid(year or 2000, months[0], day):
        return None
    return Hit(i, k, "date", date=DateSpec(year=year, month=months[0], day=day))


def date_numeric(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """2026-02-09, 9/2/2026, 2026/02/09, 09.02.2026, 3/3/15."""
    n = len(toks)
    if i + 4 >= n or toks[i].kind != "num":
        return None
    a, s1, b, s2, c = toks[i:i + 5]
    if not (s1.text == s2.text and s1.text in "-/." and all(t.glued for t in (s1, b, s2, c))
            and b.kind == "num" and c.kind == "num"):
        return None
    x, y, z = _int(a), _int(b), _int(c)
    if None in (x, y, z):
        return None
    if len(a.text) == 4:
        yr, mo, d = x, y, z
    elif len(c.text) == 4:
        if ld.numeric_date_order == "MDY":
            mo, d = (x, y) if x <= 12 else (y, x)
        else:
            d, mo = (x, y) if y <= 12 else (y, x)
        yr = z
    elif len(c.text) == 2 and s1.text in "/-" and len(a.text) <= 2 and len(b.text) <= 2:
        mo, d = _day_month(ld, x, y)
        yr = _two_digit_year(z)
    else:
        return None
    try:
        dt.date(yr, mo, d)
    except ValueError:
        return None
    return Hit(i, i + 5, "date", date=DateSpec(year=yr, month=mo, day=d))


def date_words(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """[weekday] day month [year] | [weekday] month day [year] | ordinal-day من month |
    month year | month + relative modifier | weekday [+ modifier]."""
    n = len(toks)
    spec = DateSpec()
    pl = 0
    k = i
    wd = _weekday_at(ld, toks, i)
    if wd:
        _, spec.weekday, spec.weekday_text, pl, k = wd
    best = None
    # day month ("9 February", "twenty five January")
    d = _day_at(ld, toks, k)
    if d is None and k < n and toks[k].kind == "word":
        w = compose_words(ld, toks, k)
        d = (w[0], w[1]) if w and 1 <= w[1] <= 31 and not w[2] and _month_at(ld, toks, w[0]) else None
    dotted = False
    if d:
        mo = _month_at(ld, toks, d[0])
        if not mo and d[0] + 1 < n and toks[d[0]].text in DAY_MONTH_MARKS and toks[d[0]].glued:
            mo = _month_at(ld, toks, d[0] + 1)          # "2. أكتوبر", "2- أكتوبر", "2/ أكتوبر"
            dotted = toks[d[0]].text == "."
        if not mo and d[0] < n and (dl := ld.day_links.match(toks, d[0])) and d[0] + dl[0] < n:
            mo = _month_at(ld, toks, d[0] + dl[0], allow_ambiguous=False)   # "20 من نوفمبر", "the 20 of May"
        if mo:
            best = (mo[0], replace(spec, day=d[1], month=mo[1]))
    od = _ordinal_day(ld, toks, k) if not best else None
    if od and (rm := _relative_period(ld, toks, od[0], "month")):
        # "العاشر من الشهر الجاري", "the 5th of last month"
        return Hit(i, rm[1], "date", date=DateSpec(kind="period", unit="month", offset=rm[0], day=od[1],
                                                   weekday=spec.weekday, weekday_text=spec.weekday_text),
                   prefix_len=pl if wd else od[2])
    if od:
        mo = _month_at(ld, toks, od[0])
        if mo:
            # "الثلاثاء الأول من أكتوبر": the 1st, or the first Tuesday when the 1st is no Tuesday
            nth = NTH_OR_DAY if wd and od[1] <= 5 and not toks[k].text[:1].isdigit() else None
            best = (mo[0], replace(spec, day=od[1], month=mo[1], mode=nth))
            if not wd:
                pl = od[2]
    # month day / month
    if not best:
        mo = _month_at(ld, toks, k)
        if mo:
            j = mo[0]
            if not wd:
                pl = mo[2]
            d2 = _day_at(ld, toks, j)
            if d2 and not (_year_at(ld, toks, j) and not toks[j].text.isdigit()):
                if not (len(toks[j].text) == 4):
                    best = (d2[0], replace(spec, day=d2[1], month=mo[1]))
            if not best and j < n and toks[j].kind == "word":
                od2 = _ordinal_day(ld, toks, j, need_link=False)     # "May twenty-first"
                if od2:
                    best = (od2[0], replace(spec, day=od2[1], month=mo[1]))
            if not best:
                best = (j, replace(spec, month=mo[1]), "month-only", toks[k].low)  # type: ignore[assignment]
    if best:
        j, sp = best[0], best[1]
        full = len(best) == 2 and best[1].day is not None
        if j < n and (toks[j].text in ",،" or (dotted and toks[j].text == ".")) and j + 1 < n \
                and _year_at(ld, toks, j + 1, words=full):
            j += 1
        y = _year_at(ld, toks, j, words=full)
        if not y and len(best) > 2 and j < n and (dl := ld.day_links.match(toks, j)) and j + dl[0] < n:
            y = _year_at(ld, toks, j + dl[0], words=full)   # "in December of 2013", "في ديسمبر من العام 2013"
        if y:
            sp.year = y[1]
            return Hit(i, y[0], "date", date=sp, prefix_len=pl)
        ra = ld.relative_after.match(toks, j) if j < n else None
        if ra:
            return Hit(i, j + ra[0], "date", date=replace(sp, kind="monthrel", offset=ra[1]), prefix_len=pl)
        if len(best) == 2:
            return Hit(i, j, "date", date=sp, prefix_len=pl)
        # a bare month name: only in full patterns, or after a preposition (see date_bare_month)
        return Hit(i, j, "block") if not wd else Hit(i, wd[0], "date", date=DateSpec(
            kind="weekday", weekday=spec.weekday, weekday_text=spec.weekday_text,
            mode=_tense(ld, toks, i)), prefix_len=pl)
    if wd and not best:
        # only an ordinal day: in "قتل يوم الخميس 15 شخصا" the 15 is a count
        dd = _ordinal_day(ld, toks, k, need_link=False)
        if dd and dd[0] - k <= 3:
            # "الأحد الثاني" is the second Sunday of the month where the language says so
            nth = ld.weekday_ordinal == "nth" and dd[1] <= 5
            return Hit(i, dd[0], "date", date=replace(spec, kind="weekday_day", day=dd[1], part="nth" if nth else None),
                       prefix_len=pl)
    if wd:
        j = wd[0]
        direction = 0
        ra = ld.relative_after.match(toks, j) if j < n else None
        rw = _relative_week(ld, toks, j + (ld.day_links.match(toks, j) or (0,))[0]) if j < n else None
        mode = None
        if rw:
            (direction, j), mode = rw, WEEK           # "Wednesday of this week": its calendar week
        elif ra:
            direction, j = ra[1], j + ra[0]
        else:
            mode = _tense(ld, toks, i)
        return Hit(i, j, "date", date=DateSpec(kind="weekday", weekday=spec.weekday, weekday_text=spec.weekday_text,
                                               offset=direction, mode=mode), prefix_len=pl)
    return None


# How far back (in tokens, within the clause) a future marker makes a bare weekday the
# coming one.  At most the scanner's window margin, so windowed scanning sees the same.
TENSE_TOKENS = 8
FUTURE = "future"
WEEK = "week"
THIS_YEAR = "this-year"


def _marker_before(ld: LangData, toks: list[Token], i: int, reach: int, marks: tuple) -> str | None:
    """What the nearest marker of ``marks`` ((lexicon, what it says), ...) in the clause
    before ``toks[i]``, at most ``reach`` tokens back, says; None when there is none."""
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        t = toks[k]
        if t.text in ld.sentence_breaks or t.text in ld.clause_breaks:
            return None
        for lexicon, says in marks:
            if lexicon.match(toks, k):
                return says
    return None


def _tense(ld: LangData, toks: list[Token], i: int) -> str | None:
    """FUTURE when the clause before ``toks[i]`` has a future marker ("will", "سوف",
    "سيعقد"): "the talks will resume on Friday" is the coming Friday, while "said on
    Friday" is the last one."""
    return _marker_before(ld, toks, i, TENSE_TOKENS, ((ld.future_words, FUTURE),))


PAST = "past"
PAST_TOKENS = 20                         # tokens back in its clause a past marker may stand ("were shot ... in July")


def yearless_tense(ld: LangData, toks: list[Token], i: int) -> str | None:
    """FUTURE or PAST for a month (and day) told with no year at ``toks[i]``, from a marker
    in its clause before it: "the trial will open in June" is the coming June, "they were
    shot and killed at a party in July" the last July.  None when the clause says neither:
    the nearest year stands."""
    if _tense(ld, toks, i) == FUTURE:
        return FUTURE
    return _marker_before(ld, toks, i, PAST_TOKENS, ((ld.future_words, None), (ld.past_words, PAST)))


TENSED_KINDS = ("abs", "range", "shift")   # the forms whose month may come with no year


def yearless(spec: DateSpec) -> bool:
    """A month (and day) told with no year, alone, as a range's start or a shift's base."""
    if spec.kind not in TENSED_KINDS or spec.year is not None or spec.mode is not None:
        return False
    return spec.month is not None or (spec.end is not None and yearless(spec.end))


def with_tense(spec: DateSpec, tense: str | None) -> DateSpec:
    """``spec`` (and its range end or shift base) placed by ``tense``."""
    if tense is None or not yearless(spec):
        return spec
    return replace(spec, mode=tense if spec.month is not None else None,
                   end=with_tense(spec.end, tense) if spec.end is not None else None)


NTH_OR_DAY = "nth-or-day"
DAY_MONTH_MARKS = (".", "-", "/")     # a mark glued to the day before a month name


def _nth_at(ld: LangData, toks: list[Token], k: int):
    """'first' .. 'fifth', 'الأول' .. , or 'last' / 'الأخير' -> (end, n), n = -1 for the last."""
    if k >= len(toks):
        return None
    lw = ld.last_words.match(toks, k)
    if lw:
        return k + lw[0], -1
    h = ordinal(ld, toks, k)
    if h and h.kind == "ordinal" and isinstance(h.value, int) and 1 <= h.value <= 5 and toks[k].kind == "word":
        return h.j, h.value
    return None


def date_nth_weekday(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'the first Monday of March', 'last Friday in May 2024', 'الاثنين الأخير من شهر آذار'."""
    n = len(toks)
    k = i + (ld.day_articles.match(toks, i) or (0,))[0]
    nth = _nth_at(ld, toks, k)
    if nth:
        wd = _weekday_at(ld, toks, nth[0]) or _construct_weekday(ld, toks, nth[0])
        if not wd:
            return None
        k = wd[0]
    else:
        wd = _weekday_at(ld, toks, i)
        nth = _nth_at(ld, toks, wd[0]) if wd else None
        if not nth or nth[1] != -1:          # "الثلاثاء الأول من" is read by date_words
            return None
        k = nth[0]
    link = (ld.day_links.match(toks, k) or ld.year_preps.match(toks, k)) if k < n else None
    mo = _month_at(ld, toks, k + link[0]) if link else None
    if not mo:
        return None
    spec = DateSpec(kind="nth_weekday", month=mo[1], day=nth[1], weekday=wd[1], weekday_text=wd[2])
    j = mo[0]
    y = _year_at(ld, toks, j) if j < n else None
    if y:
        spec.year, j = y[1], y[0]
    return Hit(i, j, "date", date=spec)


def date_day_list(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'9 and 10 February', '9 و10 شباط', '7, 8 and 9 May 2024': days listed before a date
    share its month and year.  One event over the listed days is the usual sense, so the
    list is one mention spanning them: another report of any listed day agrees with it.
    The days must rise, so a list is at most a month long and the walk stays short."""
    n = len(toks)
    d = _day_at(ld, toks, i)
    if d is None:
        return None
    first, last, k = d[1], d[1], d[0]
    while k < n and (toks[k].low in ld.conj_words or toks[k].text in ",،"):
        k += 1
        if k < n and toks[k].low in ld.conj_words:    # "7, and 8 May"
            k += 1
        full = _any_date(ld, toks, k)
        if full is not None and full.kind == "date":
            end = full.date
            if end.kind != "abs" or end.day is None or end.month is None or end.day <= last:
                return None
            return Hit(i, full.j, "date", date=DateSpec(kind="range", year=end.year, month=end.month, day=first,
                                                        end=end))
        d = _day_at(ld, toks, k)
        if d is None or d[1] <= last:
            return None
        last, k = d[1], d[0]
    return None


# Hijri years a bare number may be read as (the range the Umm al-Qura tables cover).
HIJRI_YEARS = (1343, 1500)


def _hijri_year_at(ld: LangData, toks: list[Token], k: int, need_suffix: bool):
    """[year word] NNNN [هـ] -> (end, year) for a Hijri year; without ``need_suffix`` the
    suffix may be left out (after a Hijri month)."""
    n = len(toks)
    yw = ld.year_words.match(toks, k) if k < n else None
    if yw:
        k += yw[0]
    if k >= n or not toks[k].text.isdigit() or not HIJRI_YEARS[0] <= int(toks[k].text) <= HIJRI_YEARS[1]:
        return None
    j = k + 1
    sf = ld.hijri_year_suffixes.match(toks, j) if j < n else None
    if sf:
        return j + sf[0], int(toks[k].text)
    return None if need_suffix else (j, int(toks[k].text))


def date_hijri(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """Dates of the Hijri calendar: '15 رمضان 1446', 'الخامس عشر من شهر رمضان', 'رمضان
    الماضي', 'عام 1441 هـ'.  A month alone ('في رمضان', also a name) is not a date."""
    n = len(toks)
    # a Hijri month or year suffix must be near: most tokens leave at once
    if not any(t.low in ld.other_months.first or t.low in ld.hijri_year_suffixes.first for t in toks[i:i + 6]):
        return None
    y = _hijri_year_at(ld, toks, i, need_suffix=True)
    if y:
        return Hit(i, y[0], "date", date=DateSpec(kind="hijri", year=y[1]))
    k, day = i, None
    d = _day_at(ld, toks, i)
    if d:
        k, day = d[0], d[1]
        if k < n and ld.day_links.match(toks, k):
            k += ld.day_links.match(toks, k)[0]
    else:
        od = _ordinal_day(ld, toks, i, need_link=False)
        if od:
            k, day = od[0], od[1]
    if k < n and (mp := ld.month_prefixes.match(toks, k)) and ld.other_months.match(toks, k + mp[0]):
        k += mp[0]
    hm = ld.other_months.match(toks, k) if k < n else None
    if not hm or (day is not None and day > 30):
        return None
    j = k + hm[0]
    spec = DateSpec(kind="hijri", month=hm[1], day=day)
    y = _hijri_year_at(ld, toks, j, need_suffix=False) if j < n else None
    ra = ld.relative_after.match(toks, j) if j < n and not y else None
    if y:
        spec.year, j = y[1], y[0]
    elif ra:
        spec.offset, j = ra[1], j + ra[0]
    elif day is None:
        return None
    return Hit(i, j, "date", date=spec, prefix_len=0 if day is not None else len(hm[2]))


def _hijri_span(y: int, m: int | None, d: int | None) -> tuple[dt.date, dt.date] | None:
    """The Gregorian days of a Hijri year, month or day."""
    from hijridate import Hijri
    try:
        if d is not None and m is not None:
            g = Hijri(y, m, d).to_gregorian()
            return dt.date(g.year, g.month, g.day), dt.date(g.year, g.month, g.day)
        lo = Hijri(y, m or 1, 1).to_gregorian()
        end = Hijri(y + 1, 1, 1) if m is None or m == 12 else Hijri(y, m + 1, 1)
        hi = dt.date(*end.to_gregorian().datetuple()) - dt.timedelta(days=1)
        return dt.date(lo.year, lo.month, lo.day), hi
    except (ValueError, OverflowError):
        return None


def _resolve_hijri(spec: DateSpec, ref: dt.date | None) -> Resolved | None:
    y = spec.year
    src = "explicit"
    if y is None:
        if ref is None:
            return None
        from hijridate import Gregorian
        hy = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
        cands = [(c, sp) for c in (hy - 1, hy, hy + 1) if (sp := _hijri_span(c, spec.month, spec.day))]
        if spec.offset > 0:
            cands = [x for x in cands if x[1][0] > ref]
        elif spec.offset < 0:
            cands = [x for x in cands if x[1][1] < ref]
        if not cands:
            return None
        y = min(cands, key=lambda x: abs((x[1][0] - ref).days))[0]
        src = "reference"
    sp = _hijri_span(y, spec.month, spec.day)
    if sp is None:
        return None
    lo, hi = sp
    if lo == hi:
        return Resolved(lo.isoformat(), lo, hi, "day", src, relative=src == "reference")
    return Resolved(lo.isoformat(), lo, hi, "day", src, "range", relative=src == "reference")


def date_bare_day(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'on the 18th.', 'on the fourth,': a day of the month alone, after a weekday
    preposition and an article and before punctuation or the end (not 'the 4th floor')."""
    n = len(toks)
    wp = ld.weekday_prefixes.match(toks, i)
    if not wp or i + wp[0] >= n or not ld.day_articles.match(toks, i + wp[0]):
        return None
    od = _ordinal_day(ld, toks, i + wp[0], need_link=False)
    if od is None or od[0] > n or (od[0] < n and toks[od[0]].kind != "punct"):
        return None
    return Hit(i, od[0], "date", date=DateSpec(kind="day_only", day=od[1]), prefix_len=len(wp[2]))


def _construct_weekday(ld: LangData, toks: list[Token], k: int):
    """A weekday in the form it takes after 'أول' / 'آخر' or before 'الأسبوع الماضي'
    ("أول ثلاثاء", "ثلاثاء الأسبوع الفائت"), shaped like :func:`_weekday_at`'s answer."""
    w = ld.weekdays_construct.match(toks, k) if k < len(toks) else None
    if not w:
        return None
    j = k + w[0]
    return j, w[1], " ".join(t.text for t in toks[k:j]), len(w[2]), j


def _nth_weekday(y: int, m: int, nth: int, weekday: int) -> dt.date | None:
    """The ``nth`` ``weekday`` of month ``m`` (``nth`` = -1 for the last)."""
    days = [d for d in range(1, calendar.monthrange(y, m)[1] + 1) if dt.date(y, m, d).weekday() == weekday]
    if nth == 0 or abs(nth) > len(days):
        return None
    return dt.date(y, m, days[nth - 1] if nth > 0 else days[nth])


def date_holiday(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'Christmas', 'next Thanksgiving', 'Eid al-Fitr 2018', 'عيد الأضحى', 'Easter Sunday two thousand ten'."""
    n = len(toks)
    k, direction, pl = i, 0, 0
    rb = ld.relative_before.match(toks, i)
    if rb and i + rb[0] < n and ld.holidays.match(toks, i + rb[0]):
        k, direction, pl = i + rb[0], rb[1], len(rb[2])
    h = ld.holidays.match(toks, k)
    if not h:
        return None
    span, rule, prefix = h
    if k == i:
        pl = len(prefix)
    j = k + span
    this = rb is not None and k > i and direction == 0     # "this Thanksgiving": this year's
    if not direction and not this and _tense(ld, toks, i) == FUTURE:
        direction = 1                            # "the talks will resume after Christmas"
    spec = DateSpec(kind="holiday", unit=rule, offset=direction, mode=THIS_YEAR if this else None)
    y = _year_at(ld, toks, j) if j < n else None
    if y:
        spec.year, j = y[1], y[0]
    elif j < n and toks[j].kind == "word":
        w = compose_words(ld, toks, j)
        if w and 1000 <= w[1] <= 2199 and w[0] > j + 1:
            spec.year, j = w[1], w[0]
    return Hit(i, j, "date", date=spec, prefix_len=pl)


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day a holiday rule gives in a Gregorian year.  Rules (from the language files):
    'MM-DD' fixed; 'nth:M:N:W' the N-th weekday W of month M (N = -1 for the last);
    'easter:+D' / 'orthodox-easter:+D' days from Easter; 'hijri:MM-DD' a day of the Hijri
    (Umm al-Qura) calendar, the one that falls in ``year``; 'lunisolar:CAL:NAME' a Hebrew,
    Hindu, Chinese or Buddhist holiday, from the tables of the ``holidays`` package."""
    if rule.startswith("lunisolar:"):
        _, cal, name = rule.split(":")
        return _lunisolar(cal, name, year)
    kind, _, arg = rule.rpartition(":") if rule.startswith(("easter", "orthodox", "hijri")) else ("", "", rule)
    try:
        if rule.startswith("nth:"):
            _, m, nth, wd = rule.split(":")
            return _nth_weekday(year, int(m), int(nth), int(wd))
        if kind in ("easter", "orthodox-easter"):
            from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
            base = easter(year, EASTER_ORTHODOX if kind == "orthodox-easter" else EASTER_WESTERN)
            return base + dt.timedelta(days=int(arg))
        if kind == "hijri":
            from hijridate import Gregorian, Hijri
            hm, hd = (int(x) for x in arg.split("-"))
            hy = Gregorian(year, 1, 1).to_hijri().year
            for cand in (hy, hy + 1):
                g = Hijri(cand, hm, hd).to_gregorian()
                if g.year == year:
                    return dt.date(g.year, g.month, g.day)
            return None
        mo, dd = (int(x) for x in rule.split("-"))
        return dt.date(year, mo, dd)
    except (ValueError, IndexError, OverflowError):
        return None


LUNISOLAR = {"hebrew": "_HebrewLunisolar", "hindu": "_HinduLunisolar", "chinese": "_ChineseLunisolar",
             "buddhist": "_BuddhistLunisolar"}


@cache
def _lunisolar_calendar(cal: str):
    import importlib
    return getattr(importlib.import_module(f"holidays.calendars.{cal}"), LUNISOLAR[cal])()


def _lunisolar(cal: str, name: str, year: int) -> dt.date | None:
    """``holidays``' date for the holiday ``name`` in ``year`` (its tables cover about 1900-2100)."""
    try:
        got = getattr(_lunisolar_calendar(cal), f"{name}_date")(year)
    except (AttributeError, KeyError, ValueError, TypeError):
        return None
    if isinstance(got, tuple):
        got = got[0]
    elif isinstance(got, (set, frozenset, list)):     # Hanukkah: the start(s) within ``year``
        got = min((d for d in got if isinstance(d, dt.date) and d.year == year), default=None)
    return got if isinstance(got, dt.date) else None


def date_relative(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """اليوم [الاثنين] / yesterday, last November, الشهر الماضي / last year, منذ 3 أيام / 3 days ago."""
    n = len(toks)
    rd = ld.relative_days.match(toks, i)
    if rd and not ld.anaphoric_after.match(toks, i + rd[0]):
        j = i + rd[0]
        spec = DateSpec(kind="relday", offset=rd[1])
        k = j + 1 if j < n and toks[j].text == "," else j
        wd = _weekday_at(ld, toks, k) if k < n else None
        if wd:
            spec.weekday, spec.weekday_text, j = wd[1], wd[2], wd[0]
        return Hit(i, j, "date", date=spec, prefix_len=len(rd[2]))
    rb = ld.relative_before.match(toks, i)
    if rb and i + rb[0] < n:
        k = i + rb[0]
        mo = _month_at(ld, toks, k, allow_ambiguous=rb[1] != 0)     # "next May" is a month
        if mo:
            return Hit(i, mo[0], "date", date=DateSpec(kind="monthrel", month=mo[1], offset=rb[1]), prefix_len=len(rb[2]))
        pr = ld.periods.match(toks, k)
        if pr:
            return Hit(i, k + pr[0], "date", date=DateSpec(kind="period", unit=pr[1], offset=rb[1]), prefix_len=len(rb[2]))
        wd = _weekday_at(ld, toks, k)
        if wd:
            return Hit(i, wd[0], "date", date=DateSpec(kind="weekday", weekday=wd[1], weekday_text=wd[2],
                                                       offset=rb[1] if rb[1] else 0), prefix_len=len(rb[2]))
    cw = _construct_weekday(ld, toks, i)
    if cw and (rw := _relative_week(ld, toks, cw[0])):       # "ثلاثاء الأسبوع الفائت"
        return Hit(i, rw[1], "date", date=DateSpec(kind="weekday", weekday=cw[1], weekday_text=cw[2],
                                                   offset=rw[0], mode=WEEK), prefix_len=cw[3])
    rw = _relative_week(ld, toks, i)
    if rw and rw[1] < n and (wd := _weekday_at(ld, toks, rw[1])):
        return Hit(i, wd[0], "date", date=DateSpec(kind="weekday", weekday=wd[1], weekday_text=wd[2],
                                                   offset=rw[0]))
    pr = ld.periods.match(toks, i)
    if pr and i + pr[0] < n:
        ra = ld.relative_after.match(toks, i + pr[0])
        if ra:
            return Hit(i, i + pr[0] + ra[0], "date", date=DateSpec(kind="period", unit=pr[1], offset=ra[1]),
                       prefix_len=len(pr[2]))
    # ago
    ab = ld.ago_before.match(toks, i)
    if ab and i + ab[0] < n:
        k = i + ab[0]
        au = ld.ago_units.match(toks, k)
        if au and not au[1].endswith(("2", "+")) and not _year_at(ld, toks, k, need_word=True):
            # "منذ أسبوع": a unit without a count is one of it; a plural ("منذ سنوات", "for
            # years") is no count at all, and "منذ عام 2011" is since the year 2011
            return Hit(i, k + au[0], "date", date=DateSpec(kind="ago", unit=au[1], offset=1), prefix_len=len(ab[2]))
        c = _units_at(ld, toks, k)
        if c:
            return Hit(i, c[0], "date", date=DateSpec(kind="ago", unit=c[2], offset=c[1], count_span=c[3]),
                       prefix_len=len(ab[2]))
    lb = ld.later_before.match(toks, i)
    if lb and i + lb[0] < n:
        # "in 3 days": a date ahead, or a duration ("the siege ended in 3 days"); kind "later"
        # resolves like a negative "ago" but is marked so that decide never opposes it
        c = _units_at(ld, toks, i + lb[0])
        if c and c[1] > 0:
            return Hit(i, c[0], "date", date=DateSpec(kind="later", unit=c[2], offset=-c[1]), prefix_len=len(lb[2]))
    c = _units_at(ld, toks, i)
    if c and c[0] < n:
        e, count, unit, span = c
        if (aa := ld.ago_after.match(toks, e)):                      # "3 days ago"
            return Hit(i, e + aa[0], "date", date=DateSpec(kind="ago", unit=unit, offset=count, count_span=span))
        if (la := ld.later_after.match(toks, e)):                    # "two years from now"
            return Hit(i, e + la[0], "date", date=DateSpec(kind="ago", unit=unit, offset=-count))
    return None


def date_offset(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'3 days after January 12th', 'two weeks before Christmas', '4 months from tomorrow',
    'ثلاثة أيام بعد عيد الفطر': a count of units before or after a date is that other date
    (read alone, the inner date would be opposed to the outer one)."""
    n = len(toks)
    lead = ld.offset_links.match(toks, i)        # "بعد يومين من 5 حزيران"
    c = _units_at(ld, toks, i + lead[0] if lead else i)
    if c is None:
        return None
    k, count, unit, _ = c
    if lead:
        link = lead
        dl = ld.day_links.match(toks, k) if k < n else None
        if not dl:
            return None
        k += dl[0]
    else:
        link = ld.offset_links.match(toks, k) if k < n else None
        if not link:
            return None
        k += link[0]
    if count <= 0:
        return None
    base = _any_date(ld, toks, k) or date_holiday(ld, toks, k) or date_relative(ld, toks, k)
    if base is None or base.kind != "date" or base.date.kind in ("ago", "later", "shift", "range"):
        return None
    return Hit(i, base.j, "date", date=DateSpec(kind="shift", unit=unit, offset=link[1] * count, end=base.date))


def _units_at(ld: LangData, toks: list[Token], k: int):
    """'3 days', 'ثلاثة أيام', 'يومين' (a dual) -> (end, count, unit, the count's tokens) or None."""
    n = len(toks)
    q = _count_at(ld, toks, k)
    if q and q[0] < n and (au := ld.ago_units.match(toks, q[0])):
        return q[0] + au[0], q[1], au[1].rstrip("2+"), (k, q[0])
    if k < n and (au := ld.ago_units.match(toks, k)) and au[1].endswith("2"):
        return k + au[0], 2, au[1][:-1], None        # the unit word is its own count
    return None


def _relative_week(ld: LangData, toks: list[Token], k: int):
    """'next week', 'الأسبوع المقبل' -> (week offset, end) or None."""
    return _relative_period(ld, toks, k, "week")


def _relative_period(ld: LangData, toks: list[Token], k: int, unit: str):
    """'next week', 'last month', 'الشهر الجاري' (a period of ``unit``) -> (offset, end) or None."""
    n = len(toks)
    if k >= n:
        return None
    rb = ld.relative_before.match(toks, k)
    if rb and k + rb[0] < n and (pr := ld.periods.match(toks, k + rb[0])) and pr[1] == unit:
        return rb[1], k + rb[0] + pr[0]
    pr = ld.periods.match(toks, k)
    if pr and pr[1] == unit and k + pr[0] < n and (ra := ld.relative_after.match(toks, k + pr[0])):
        return ra[1], k + pr[0] + ra[0]
    return None


def _count_at(ld: LangData, toks: list[Token], k: int):
    if k >= len(toks):
        return None
    if toks[k].kind == "num":
        v = parse_digits(toks[k].text)
        return (k + 1, v) if isinstance(v, int) else None
    r = compose_words(ld, toks, k)
    return (r[0], r[1]) if r else None


def date_part(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """أواخر العام 2025 / late 2025 / early November 2025 / أواخر العام الماضي."""
    pt = ld.parts.match(toks, i)
    if not pt:
        return None
    k = i + pt[0]
    if k < len(toks) and toks[k].text == "-":
        k += 1
    sub = (date_words(ld, toks, k) or date_decade(ld, toks, k) or date_year(ld, toks, k, need_word=False)
           or date_relative(ld, toks, k))
    if sub and sub.kind == "block":          # a bare month is a date after a part word: "منتصف آذار"
        mo = _month_at(ld, toks, k)
        sub = Hit(k, mo[0], "date", date=DateSpec(month=mo[1])) if mo else None
    if sub and sub.kind == "date" and sub.date.day is None and sub.date.kind in ("abs", "period", "monthrel", "range"):
        return Hit(i, sub.j, "date", date=replace(sub.date, part=pt[1]), prefix_len=len(pt[2]))
    return None


def date_year(ld: LangData, toks: list[Token], i: int, need_word: bool=True) -> Hit | None:
    """'عام 2014', 'بالعام 2014'; with ``need_word=False`` also a bare year."""
    y = _year_at(ld, toks, i, need_word=need_word)
    if y:
        yw = ld.year_words.match(toks, i)
        j, spec = _with_year_list(ld, toks, y[0], y[1])
        return Hit(i, j, "date", date=spec, prefix_len=len(yw[2]) if yw else 0)
    return None


def _with_year_list(ld: LangData, toks: list[Token], j: int, year: int):
    """(end, spec) for a year, spanning the years listed after it: 'in 2012,
    2013 and 2014', 'في الأعوام 2012 و2013' (one mention from the first to the last)."""
    n, last, k = len(toks), year, j
    while k + 1 < n and (toks[k].text in ",،" or toks[k].low in ld.conj_words):
        m = k + 1
        if toks[m].low in ld.conj_words and m + 1 < n:          # "2012, and 2013"
            m += 1
        t = toks[m]
        if not (t.text.isdigit() and len(t.text) == 4 and last < int(t.text) <= BARE_YEARS[1]):
            break
        last, k = int(t.text), m + 1
        j = k
    if last == year:
        return j, DateSpec(year=year)
    return j, DateSpec(kind="range", year=year, end=DateSpec(year=last))


def date_decade(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'the 1990s', "1990's", 'التسعينيات': the ten years from a round year."""
    n = len(toks)
    dw = ld.decades.match(toks, i)
    if dw:
        return Hit(i, i + dw[0], "date", date=DateSpec(kind="range", year=dw[1], end=DateSpec(year=dw[1] + 9)),
                   prefix_len=len(dw[2]))
    t = toks[i]
    if not (t.text.isdigit() and len(t.text) == 4 and t.text.endswith("0")
            and BARE_YEARS[0] <= int(t.text) <= BARE_YEARS[1]):
        return None
    j = i + 1
    if j < n and toks[j].text in ("'", "’") and toks[j].glued:
        j += 1
    if not (j < n and toks[j].low == "s" and toks[j].glued):
        return None
    y = int(t.text)
    return Hit(i, j + 1, "date", date=DateSpec(kind="range", year=y, end=DateSpec(year=y + 9)))


def date_after_preposition(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'في 2014', 'since 2011' (the year alone), 'في نوفمبر' (a bare, unambiguous month)."""
    p = ld.year_preps.match(toks, i)
    if not p:
        return None
    k = i + p[0]
    if k >= len(toks):
        return None
    for f in (date_words, date_numeric, date_numeric_short, date_range):
        full = f(ld, toks, k)
        if full is not None and full.kind == "date":
            return None      # the scanner reads the full date at its own position
    y = _year_at(ld, toks, k)
    if y and not y[2]:
        j, spec = _with_year_list(ld, toks, y[0], y[1])
        return Hit(k, j, "date", date=spec)
    mo = _month_at(ld, toks, k, allow_ambiguous=False)
    if mo:
        return Hit(k, mo[0], "date", date=DateSpec(month=mo[1]), prefix_len=mo[2])
    return None


def date_range(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'بين الأول من أكتوبر وحتى السادس من نوفمبر', 'from 3 to 5 March 2026'."""
    op = ld.range_openers.match(toks, i)
    if not op:
        return _day_range(ld, toks, i, i, 0) or _year_range(ld, toks, i, i, 0)   # "9-10 February", "2011-2012"
    k = i + op[0]
    yr = _year_range(ld, toks, i, k, len(op[2]))     # "from 2011 to 2015", "بين عامي 2011 و2015"
    if yr:
        return yr
    a = _any_date(ld, toks, k)
    if a is None or a.kind != "date" or a.date.kind != "abs":
        return _day_range(ld, toks, i, k, len(op[2]))
    j = a.j
    lk = ld.range_links.match(toks, j) if j < len(toks) else None
    if not lk:
        return None
    b = _any_date(ld, toks, j + lk[0])
    if b is None or b.kind != "date" or b.date.kind not in ("abs", "monthrel"):
        return None
    return Hit(i, b.j, "date", date=DateSpec(kind="range", end=b.date, **_abs(a.date)), prefix_len=len(op[2]))


def _day_range(ld: LangData, toks: list[Token], i: int, k: int, prefix_len: int) -> Hit | None:
    """A day range sharing the month: "from 3 to 5 March", "9-10 February"."""
    d1 = _day_at(ld, toks, k)
    lk = ld.range_links.match(toks, d1[0]) if d1 and d1[0] < len(toks) else None
    if not lk or (k == i and toks[d1[0]].low in ld.conj_words):     # "9 and 10 May" is a list
        return None
    b = _any_date(ld, toks, d1[0] + lk[0])
    if b and b.kind == "date" and b.date.kind == "abs" and b.date.day and b.date.day > d1[1]:
        start = replace(b.date, day=d1[1], weekday=None, weekday_text=None)
        return Hit(i, b.j, "date", date=DateSpec(kind="range", end=b.date, **_abs(start)), prefix_len=prefix_len)
    return None


# Years without a year word that a range reads as years rather than as counts.
BARE_YEARS = (1800, 2100)


def _year_range(ld: LangData, toks: list[Token], i: int, k: int, prefix_len: int) -> Hit | None:
    """Two years joined by a range link: after an opener any link, without one only a
    glued dash ("2011-2012"), since "2011 and 2015" may be two counts."""
    n = len(toks)
    y1 = _year_at(ld, toks, k)
    if not y1 or y1[0] >= n:
        return None
    lk = ld.range_links.match(toks, y1[0])
    if not lk or (k == i and not (toks[y1[0]].text == "-" and toks[y1[0]].glued and y1[0] + 1 < n
                                  and toks[y1[0] + 1].glued)):
        return None
    y2 = _year_at(ld, toks, y1[0] + lk[0])
    if not y2 or not 0 < y2[1] - y1[1] <= 100:
        return None
    bare = not (y1[2] or y2[2])
    if bare and not BARE_YEARS[0] <= y1[1] <= BARE_YEARS[1]:
        return None
    if bare and _counted_after(ld, toks, y2[0]) and not (k == i and y2[1] - y1[1] <= 10):
        return None                  # "between 2000 and 2010 fighters" counts fighters; "the 2011-2012 season" is years
    return Hit(i, y2[0], "date", date=DateSpec(kind="range", year=y1[1], end=DateSpec(year=y2[1])),
               prefix_len=prefix_len)


def _abs(s: DateSpec):
    return {"year": s.year, "month": s.month, "day": s.day, "weekday": s.weekday, "weekday_text": s.weekday_text}


def _any_date(ld: LangData, toks: list[Token], k: int):
    if k >= len(toks):
        return None
    for f in (date_numeric, date_words, date_year):
        h = f(ld, toks, k)
        if h and h.kind == "date":
            return h
    return None


# ---------------------------------------------------------------------------------------
# resolution

def _shift_month(y: int, m: int, k: int):
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _next_weekday(ref: dt.date, weekday: int, direction: int) -> dt.date:
    """The nearest ``weekday`` strictly after (``direction`` > 0) or before ``ref``."""
    if direction > 0:
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7 or 7)


def _shift(d: dt.date, unit: str, k: int) -> dt.date | None:
    if unit == "day":
        return d + dt.timedelta(days=k)
    if unit == "week":
        return d + dt.timedelta(weeks=k)
    months = k * (12 if unit == "year" else 1) if unit in ("month", "year") else None
    if months is None:
        return None
    y, m = _shift_month(d.year, d.month, months)
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _month_span(y: int, m: int):
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _nearest_year(month: int | None, day: int | None, ref: dt.date) -> int:
    """The year nearest ``ref`` in which the month (and day) fall."""
    if month is None:
        return ref.year
    best: tuple[int, int] | None = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = dt.date(y, month, day or 1)
        except ValueError:
            continue
        dist = abs((d - ref).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ref.year


PART_FRACTIONS = {"early": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1.0),
                  "h1": (0.0, 0.5), "h2": (0.5, 1.0),
                  "q1": (0.0, 0.25), "q2": (0.25, 0.5), "q3": (0.5, 0.75), "q4": (0.75, 1.0)}


@dataclass(frozen=True)
class Resolved:
    value: str
    low: dt.date
    high: dt.date
    precision: str
    year_source: str
    qualifier: str = "exact"
    relative: bool = False


def resolve(spec: DateSpec, ref: dt.date | None, doc_year: int | None) -> Resolved | None:
    """The ISO value and day interval of ``spec``; ``None`` when it cannot be placed in time."""
    if spec.kind == "later":
        r = resolve(replace(spec, kind="ago"), ref, doc_year)
        return replace(r, qualifier="offset") if r else None
    if spec.kind == "shift":
        base = resolve(spec.end, ref, doc_year) if spec.end else None
        if base is None or base.precision != "day" or base.qualifier != "exact" or spec.unit is None:
            return None
        d = _shift(base.low, spec.unit, spec.offset)
        return Resolved(d.isoformat(), d, d, "day", base.year_source, relative=base.relative) if d else None
    if spec.kind == "range":
        a = resolve(replace(spec, kind="abs", end=None), ref, doc_year)
        b = resolve(spec.end, ref, doc_year) if spec.end else None
        if not a or not b:
            return None
        if a.low > b.high and spec.year is None:
            a = resolve(replace(spec, kind="abs", end=None, year=b.low.year - 1), ref, doc_year)
            if a is None:
                return None
        return _apply_part(Resolved(a.value, a.low, b.high, a.precision, a.year_source, "range",
                                    a.relative or b.relative), spec.part)
    if spec.kind == "hijri":
        return _resolve_hijri(spec, ref)
    if spec.kind == "nth_weekday":
        y, src = spec.year, "explicit"
        if y is None:
            if ref is None and doc_year is None:
                return None
            y, src = (_nearest_year(spec.month, None, ref), "reference") if ref else (doc_year, "document")
        if y is None or spec.month is None or spec.day is None or spec.weekday is None:
            return None
        d = _nth_weekday(y, spec.month, spec.day, spec.weekday)
        return Resolved(d.isoformat(), d, d, "day", src, relative=src == "reference") if d else None
    if spec.kind == "abs":
        r = _resolve_abs(spec, ref, doc_year)
    elif spec.kind == "holiday" and spec.year is not None and spec.unit is not None:
        d = holiday_date(spec.unit, spec.year)
        return Resolved(d.isoformat(), d, d, "day", "explicit") if d else None
    elif ref is None:
        return None
    elif spec.kind == "holiday" and spec.unit is not None:
        unit = spec.unit
        # "next Christmas" / "last Eid" go forward or back from the reference; a bare name
        # is its nearest occurrence ("after Christmas" in a February article: last December)
        years = (ref.year,) if spec.mode == THIS_YEAR else (ref.year - 1, ref.year, ref.year + 1)
        cands = [d for d in (holiday_date(unit, y) for y in years) if d]
        if spec.offset > 0:
            cands = [d for d in cands if d > ref]
        elif spec.offset < 0:
            cands = [d for d in cands if d < ref]
        d = min(cands, key=lambda c: (abs((c - ref).days), c < ref)) if cands else None
        if d is None:
            return None
        r = Resolved(d.isoformat(), d, d, "day", "reference", relative=True)
    elif spec.kind == "weekday_day" and spec.part == "nth" and spec.weekday is not None and spec.day is not None:
        first = dt.date(ref.year, ref.month, 1)
        d = first + dt.timedelta(days=(spec.weekday - first.weekday()) % 7 + 7 * (spec.day - 1))
        if d.month != ref.month:
            return None
        return Resolved(d.isoformat(), d, d, "day", "reference", relative=True)
    elif spec.kind == "day_only" and spec.day is not None:
        day = spec.day
        months = [_shift_month(ref.year, ref.month, k) for k in (-1, 0, 1)]
        cands = [dt.date(y, m, day) for y, m in months if _valid(y, m, day)]
        if not cands:
            return None
        d = min(cands, key=lambda c: abs((c - ref).days))
        r = Resolved(d.isoformat(), d, d, "day", "reference", relative=True)
    elif spec.kind == "weekday_day" and spec.day is not None:
        best: dt.date | None = None
        for k in range(-12, 13):
            y, m = _shift_month(ref.year, ref.month, k)
            if _valid(y, m, spec.day) and dt.date(y, m, spec.day).weekday() == spec.weekday:
                d = dt.date(y, m, spec.day)
                if best is None or abs((d - ref).days) < abs((best - ref).days):
                    best = d
        if best is None:
            return None
        r = Resolved(best.isoformat(), best, best, "day", "weekday", relative=True)
    elif spec.kind == "relday":
        d = ref + dt.timedelta(days=spec.offset)
        r = Resolved(d.isoformat(), d, d, "day", "relative", relative=True)
    elif spec.kind == "weekday" and spec.weekday is not None:
        delta = (ref.weekday() - spec.weekday) % 7
        lo = hi = None
        if spec.offset or spec.mode == WEEK:
            # "next Friday", "الجمعة المقبلة": that weekday in the next (or previous) calendar week
            week = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=spec.offset)
            d = week + dt.timedelta(days=spec.weekday)
            if spec.offset and spec.mode != WEEK:
                # said on a Monday, "next Friday" may also mean the coming one (and "last
                # Monday" on a Thursday this week's): the span holds both readings
                near = _next_weekday(ref, spec.weekday, spec.offset)
                lo, hi = min(d, near), max(d, near)
        elif spec.mode == FUTURE:
            d = _next_weekday(ref, spec.weekday, 1)
        else:
            d = ref - dt.timedelta(days=delta)
        if lo is not None and hi is not None and lo != hi:
            r = Resolved(d.isoformat(), lo, hi, "day", "relative", "approx", relative=True)
        else:
            r = Resolved(d.isoformat(), d, d, "day", "relative", relative=True)
    elif spec.kind == "monthrel" and spec.month is not None:
        if spec.offset < 0:
            y = ref.year if spec.month < ref.month else ref.year - 1
        elif spec.offset > 0:
            y = ref.year if spec.month > ref.month else ref.year + 1
        else:
            y = _nearest_year(spec.month, None, ref)
        if spec.day:
            if not _valid(y, spec.month, spec.day):
                return None
            d = dt.date(y, spec.month, spec.day)
            r = Resolved(d.isoformat(), d, d, "day", "relative", relative=True)
        else:
            lo, hi = _month_span(y, spec.month)
            r = Resolved(f"{y:04d}-{spec.month:02d}", lo, hi, "month", "relative", relative=True)
    elif spec.kind == "period":
        if spec.unit == "month":
            y, m = _shift_month(ref.year, ref.month, spec.offset)
            lo, hi = _month_span(y, m)
            r = Resolved(f"{y:04d}-{m:02d}", lo, hi, "month", "relative", relative=True)
            if spec.day:
                if not _valid(y, m, spec.day):
                    return None
                d = dt.date(y, m, spec.day)
                r = Resolved(d.isoformat(), d, d, "day", "relative", relative=True)
        elif spec.unit == "year":
            y = ref.year + spec.offset
            r = Resolved(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative", relative=True)
        else:  # week
            start = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=spec.offset)
            r = Resolved(start.isoformat(), start, start + dt.timedelta(days=6), "week", "relative",
                         "vague", relative=True)
    elif spec.kind == "ago":
        n = spec.offset
        if spec.unit == "day":
            d = ref - dt.timedelta(days=n)
            r = Resolved(d.isoformat(), d, d, "day", "relative", relative=True)
        elif spec.unit == "week":
            d = ref - dt.timedelta(weeks=n)
            r = Resolved(d.isoformat(), d - dt.timedelta(days=3), d + dt.timedelta(days=3), "day", "relative",
                         "approx", relative=True)
        elif spec.unit == "month" and n < 0:
            y, m = _shift_month(ref.year, ref.month, -n)
            d = dt.date(y, m, min(ref.day, calendar.monthrange(y, m)[1]))
            r = Resolved(d.isoformat(), d, d, "day", "relative", "approx", relative=True)
        elif spec.unit == "month":
            y, m = _shift_month(ref.year, ref.month, -n)
            lo, hi = _month_span(y, m)
            r = Resolved(f"{y:04d}-{m:02d}", lo, hi, "month", "relative", relative=True)
        else:
            y = ref.year - n
            r = Resolved(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "relative", relative=True)
    else:
        return None
    return _apply_part(r, spec.part) if r else r


def _apply_part(r: Resolved, part: str | None) -> Resolved:
    """Early / mid / late, a half or a quarter of a year, month or span of years."""
    if not part or r.precision not in ("year", "month"):
        return r
    a, b = PART_FRACTIONS[part]
    if r.low.year == r.high.year and r.precision == "year" and (a * 12).is_integer() and (b * 12).is_integer():
        # halves and quarters of a year end on month boundaries
        y = r.low.year
        lo = dt.date(y, int(a * 12) + 1, 1)
        hi = _month_span(y, int(b * 12))[1]
    else:
        span = (r.high - r.low).days
        lo = r.low + dt.timedelta(days=int(span * a))
        hi = r.low + dt.timedelta(days=int(span * b))
    return Resolved(r.value, lo, hi, r.precision, r.year_source, "vague", r.relative)


def _resolve_abs(spec: DateSpec, ref: dt.date | None, doc_year: int | None) -> Resolved | None:
    y, m, d = spec.year, spec.month, spec.day
    src = "explicit"
    if y is None:
        if m is None:
            return None
        if ref is not None:
            y, src = _nearest_year(m, d, ref), "reference"
            if spec.mode in (PAST, FUTURE):
                # a marker of the past or the future in the clause: the last such month or
                # the next one, when the nearest lies more than a quarter on the other side
                # of the report (nearer, the nearest year stands, as for a weekday)
                lo = dt.date(y, m, d or 1)
                hi = dt.date(y, m, d) if d else dt.date(y, m, calendar.monthrange(y, m)[1])
                if spec.mode == PAST and (lo - ref).days > WEEKDAY_PICKS_YEAR_BEYOND and _valid(y - 1, m, d or 1):
                    y -= 1
                elif spec.mode == FUTURE and (ref - hi).days > WEEKDAY_PICKS_YEAR_BEYOND and _valid(y + 1, m, d or 1):
                    y += 1
            if (spec.weekday is not None and d and spec.mode != NTH_OR_DAY and _valid(y, m, d)
                    and dt.date(y, m, d).weekday() != spec.weekday
                    and abs((dt.date(y, m, d) - ref).days) > WEEKDAY_PICKS_YEAR_BEYOND):
                # "الخميس 15 آب" far from the reference: the year nearest it in which the 15th is
                # a Thursday.  Close to the reference the nearest year stands, and a wrong weekday
                # is reported (decide.weekday_findings).
                days = [dt.date(yy, m, d) for yy in range(ref.year - 6, ref.year + 7)
                        if _valid(yy, m, d) and dt.date(yy, m, d).weekday() == spec.weekday]
                if days:
                    y, src = min(days, key=lambda c: abs((c - ref).days)).year, "weekday"
        elif spec.weekday is not None and d:
            base = doc_year or dt.date.today().year
            cands = [yy for yy in range(base - 6, base + 7)
                     if _valid(yy, m, d) and dt.date(yy, m, d).weekday() == spec.weekday]
            if not cands:
                return None
            y, src = min(cands, key=lambda yy: (abs(yy - base), -yy)), "weekday"
        elif doc_year:
            y, src = doc_year, "document"
        else:
            return None
    if y is None:
        return None
    if m is None:
        return Resolved(f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31), "year", src)
    if d is None:
        lo, hi = _month_span(y, m)
        return Resolved(f"{y:04d}-{m:02d}", lo, hi, "month", src)
    if not _valid(y, m, d):
        return None
    day: dt.date | None = dt.date(y, m, d)
    if spec.mode == NTH_OR_DAY and spec.weekday is not None and day and day.weekday() != spec.weekday:
        day = _nth_weekday(y, m, d, spec.weekday)
        src = "weekday"
    if day is None:
        return None
    return Resolved(day.isoformat(), day, day, "day", src)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False

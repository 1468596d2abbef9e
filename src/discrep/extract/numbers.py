"""Quantity matchers: cardinals (digits and words), hedges, percent, money, ranges,
vague quantities and ordinals.  Each matcher looks at token ``i`` and returns a
:class:`Hit` (token span plus fields) or ``None``; the scanner keeps the longest hit."""
from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from ..lang import LangData
from ..tokens import Token, grouped

Number = int | float


@dataclass
class Hit:
    i: int                      # first token
    j: int                      # one past the last token
    kind: str                   # number | ordinal | percent | money | date | block
    value: Any = None
    low: Any = None
    high: Any = None
    qualifier: str = "exact"
    hedge: str | None = None
    currency: str | None = None
    prefix_len: int = 0         # clitic letters on the first token that are not part of the mention
    date: Any = None            # dates.DateSpec
    extra: dict = field(default_factory=dict)


def parse_digits(s: str) -> int | float | None:
    """'1,500' -> 1500, '1.5' -> 1.5, '7,99' -> 7.99, '1.500.000' -> 1500000, '.5' -> 0.5,
    '1.3e6' -> 1300000."""
    mant, _, exp = s.lower().partition("e")
    if exp:
        base = parse_digits(mant)
        try:
            e = int(exp)
        except ValueError:
            return None
        if base is None or abs(e) > 30:
            return None
        v = base * 10 ** e
        return int(v) if float(v).is_integer() and abs(v) < 1e18 else v
    if s.startswith("."):
        return float("0" + s) if s[1:].isdigit() else None
    if s.count(",") > 1 and grouped(s) and not all(len(g) == 3 for g in s.split(".")[0].split(",")[1:]):
        s = s.replace(",", "")           # Indian grouping: '1,50,000' = 150,000
    if "," in s or "." in s:
        seps = [c for c in s if c in ",."]
        groups = s.replace(",", ".").split(".")
        if len(set(seps)) == 1 and all(len(g) == 3 for g in groups[1:]) and (len(seps) > 1 or seps[0] == ","):
            return int("".join(groups))
        if len(set(seps)) == 2:          # 1,234.5 or 1.234,5
            dec = seps[-1]
            thou = "," if dec == "." else "."
            if s.count(dec) == 1:
                try:
                    return float(s.replace(thou, "").replace(dec, "."))
                except ValueError:
                    return None
            return None
        if len(seps) == 1:
            return float(s.replace(",", "."))
        return None
    return int(s)


_MEMO: dict | None = None


@contextmanager
def memoized(dot_groups: bool = False):
    """Within one scan, readers called again at the same token (the ordinal at ``i`` is
    asked for by three date matchers and by the ordinal matcher) answer from a memo.
    ``dot_groups``: the whole document writes thousands with dots (:func:`dot_grouped`)."""
    global _MEMO
    outer, _MEMO = _MEMO, {_DOTS: dot_groups}
    try:
        yield
    finally:
        _MEMO = outer


def scan_memo(f: Callable) -> Callable:
    @wraps(f)
    def wrapper(ld: LangData, toks: list[Token], i: int, *args: object, **kw: Any):
        memo = _MEMO
        if memo is None:
            return f(ld, toks, i, *args, **kw)
        key = (f, id(toks), i, args, tuple(kw.items()))
        if key in memo:
            return memo[key]
        r = memo[key] = f(ld, toks, i, *args, **kw)
        return r
    return wrapper


def _number_word(ld: LangData, toks: list[Token], i: int, first: bool, later_prefixes: tuple[str, ...] | None = None):
    """(categories, prefix, n_tokens) for a number word at ``i``; later words may carry
    a conjunction prefix ("وخمسمائة")."""
    t = toks[i]
    if t.kind != "word":
        return None
    allowed = ld.conj_prefixes if later_prefixes is None else later_prefixes
    for n, cats, prefix in ld.numwords.all_matches(toks, i):
        if first or not prefix or prefix in allowed:
            return cats, prefix, n
    return None


def _lowest_place(a: int) -> int:
    """10 ** (trailing zeros of ``a``): the smallest place a following word may fill."""
    p = 1
    while a and a % 10 == 0:
        a //= 10
        p *= 10
    return p


def _places_disjoint(a: int, b: int) -> bool:
    while a and b:
        if a % 10 and b % 10:
            return False
        a //= 10
        b //= 10
    return True


@scan_memo
def compose_words(ld: LangData, toks: list[Token], i: int, definite: bool = False):
    """Longest well-formed number-word sequence at ``i`` -> (j, value, prefix_len, tail_scale)
    or None.  ``tail_scale`` is the scale the sequence ends on ("three million" -> 10**6), so
    a following fraction ("and a half") can be read against it.  With ``definite`` the later
    words may carry the definite article after the conjunction ("الواحد والعشرون")."""
    n = len(toks)
    total, cur, last_scale = 0, 0, None
    j, k, prefix_len, got = i, i, 0, False
    implicit = 0
    prev_scale = False
    later_prefixes = ld.conj_prefixes + (ld.conj_def_prefixes + ld.definite_prefixes if definite else ())
    if toks[i].low in ld.implicit_one and i + 1 < n:
        nx = _number_word(ld, toks, i + 1, True)
        if nx and any(c in ("mult", "scale") or (c == "card" and v == 12) for c, v in nx[0]):
            implicit, k = 1, i + 1
    joined, last_join = False, None
    while k < n:
        w = _number_word(ld, toks, k, not got, later_prefixes)
        if not w:
            break
        cats, prefix, span = w
        before = (total + cur, last_scale if not cur and last_scale else None)
        found = next(((c, v) for c, v in cats if c != "vague"), None)
        if found is None:
            break
        cat, val = found
        if cat == "dualnoun":
            nxt = _number_word(ld, toks, k + span, True) if k + span < n else None
            if got or implicit or (nxt and any(c == "card" and v == 2 for c, v in nxt[0])):
                break                    # "طفلان اثنان": the number adjective after it counts
            return k + span, 2, len(prefix), None, None
        if cat == "pscale" and not (cur or total or implicit):
            break
        if got and prefix and prefix not in later_prefixes:
            break
        if cat == "card":
            if cur and not _places_disjoint(cur, val):
                break
            if ld.units_before_tens and cur % 100 >= 20 and val < 10:
                break                    # "خمسة وثلاثون" is 35; after "ثلاثون" a unit starts anew
            if not ld.units_before_tens and cur and val >= _lowest_place(cur):
                break                    # "three twenty-firsts": a unit is never followed by tens
            if last_scale is not None and val >= last_scale:
                break
            cur += val
            prev_scale = False
        elif cat == "mult":
            if cur % 1000 >= 100:
                break
            cur = (cur or implicit or 1) * val
            prev_scale = False
        else:  # scale / plural scale / dual
            if cat == "dual" and cur:
                break
            if prev_scale and not cur and not prefix and last_scale is not None and val > last_scale:
                total *= val            # "three thousand millions", "three lakh crore"
                last_scale = val
                k += span
                j = k
                continue
            mult = cur or (2 if cat == "dual" else (implicit or 1))
            if last_scale is not None and val >= last_scale:
                break
            total += mult * val
            cur, last_scale = 0, val
            prev_scale = True
        if not got:
            prefix_len = len(prefix)
        last_join = before if got and (joined or prefix) and cat == "card" else None
        got = True
        k += span
        j = k
        joined = False
        # joiners: "and", "و", "-", or a conjunction prefix on the next word (handled above)
        if k < n and toks[k].low in ld.conj_words and k + 1 < n and _number_word(ld, toks, k + 1, True, later_prefixes):
            k += 1
            joined = True
        elif k < n and toks[k].text == "-" and toks[k].glued and k + 1 < n and toks[k + 1].glued:
            k += 1
    if not got:
        return None
    return j, total + cur, prefix_len, (last_scale if not cur else None), last_join


def _scale_after(ld: LangData, toks: list[Token], j: int):
    """A scale word right after a number: '3 آلاف', '1.5 million', '12 lakhs', '2 dozen'.
    A clitic on the word ("بالمائة") makes it something else."""
    if j < len(toks):
        w = _number_word(ld, toks, j, True)
        if w and not w[1]:
            for c, v in w[0]:
                if c in ("scale", "pscale", "mult"):
                    return w[2], v
    return None


def _glued_identifier(ld: LangData, toks: list[Token], i: int) -> bool:
    """Digits written inside another token: S-300, F16, COVID19, COVID-19, 3D, A320."""
    t = toks[i]
    if t.glued and i > 0:
        p = toks[i - 1]
        if p.kind == "word" and p.low not in ld.clitics and p.low not in ld.ord_digit_prefixes \
                and p.low not in ld.hedge_before and not ld.percent_before.match(toks, i - 1) \
                and not ld.currency.match(toks, i - 1) and not _is_link(ld, toks, i - 1):
            return True
        if p.text == "-" and p.glued and i > 1 and toks[i - 2].kind == "word":
            q = toks[i - 2]
            if q.kind == "word" and (len(q.text) <= 4 or q.text.isupper()) and not _number_word(ld, toks, i - 2, True):
                return True
    if i + 1 < len(toks):
        nx = toks[i + 1]
        if nx.glued and nx.kind == "word":
            if (nx.low in ld.ord_digit_suffixes or ld.percent_after.match(toks, i + 1)
                    or ld.currency.match(toks, i + 1) or _number_word(ld, toks, i + 1, True)
                    or nx.low in ld.year_suffixes or ld.months.match(toks, i + 1)
                    # a span of time written without its space: "25عام", "1000سنة"
                    or ld.ago_units.match(toks, i + 1) or ld.time_units.match(toks, i + 1)):
                return False
            return True
    return False


def _is_link(ld: LangData, toks: list[Token], i: int):
    return ld.range_links.match(toks, i) is not None


def _phone_like(ld: LangData, toks: list[Token], i: int) -> bool:
    """Phone numbers and other long codes: a leading zero, a '+' before, a phone word
    nearby, or a long undelimited run that is not a round quantity ('1000000' is one)."""
    t = toks[i].text
    if not t.isdigit():
        return False
    if len(t) >= 6 and t[0] == "0":
        return True
    if i and toks[i - 1].text == "+" and toks[i].glued and len(t) >= 3:
        return True
    for k in range(max(0, i - 3), i):
        if ld.phone_words.match(toks, k):
            return True
    return len(t) >= 7 and not t.endswith("000")


def _identifier_head(ld: LangData, toks: list[Token], i: int) -> bool:
    k = i - 1
    dotted = False
    while k >= 0 and toks[k].kind == "punct" and toks[k].text in ".:#(\"'":
        dotted = dotted or toks[k].text == "."
        k -= 1
    if k < 0 or k < i - 3 or ld.identifier_heads.match(toks, k) is None:
        return False
    # "No. 21" / "p. 4", but "they boarded the bus. 14 others died": after a full word a
    # period ends the sentence
    return not dotted or toks[k].low in ld.identifier_abbreviations


def _time_like(toks: list[Token], i: int) -> bool:
    """HH:MM or the minutes of one."""
    n = len(toks)
    if i + 2 < n and toks[i + 1].text == ":" and toks[i + 1].glued and toks[i + 2].glued and toks[i + 2].kind == "num":
        return True
    if i >= 2 and toks[i - 1].text == ":" and toks[i].glued and toks[i - 1].glued and toks[i - 2].kind == "num":
        return True
    return False


def _digit_groups(toks: list[Token], i: int):
    """'1 234 567' / '40 000': space-separated groups of three digits -> (j, text)."""
    t = toks[i]
    if not (t.text.isdigit() and len(t.text) <= 3):
        return i + 1, t.text
    k, text = i + 1, t.text
    while k < len(toks):
        g = toks[k]
        if g.kind != "num" or g.glued or g.start != toks[k - 1].end + 1:
            break
        head, dot, tail = g.text.partition(".")
        if not (head.isdigit() and len(head) == 3 and (not dot or tail.isdigit())):
            break
        text += g.text
        k += 1
        if dot:
            break
    return k, text


def _digit_value(ld: LangData, toks: list[Token], i: int):
    """A digit number at ``i`` with its grouping, exponent or power: (j, value) or None."""
    t = toks[i]
    if i >= 2 and toks[i - 1].low == "x" and toks[i - 1].glued and toks[i - 2].kind == "num" and t.text == "10":
        return None                      # the "10^6" of "1.3x10^6" is read from the mantissa
    sci = i + 1 < len(toks) and toks[i + 1].low == "x" and i + 2 < len(toks) and toks[i + 2].text == "10"
    if (_glued_identifier(ld, toks, i) and not sci) or _time_like(toks, i):
        return None
    j, text = _digit_groups(toks, i)
    v = parse_digits(text)
    if v is None:
        return None
    n = len(toks)
    if isinstance(v, float) and _dot_thousands(ld, toks, j, text):
        v = int(text.replace(".", ""))
    # "3/4", "20/100", "٧٧/١٠٠": a slash fraction.  A day and a month written this way were
    # read by the date matchers (after a date preposition, or padded) before this runs.
    sf = _slash_fraction(ld, toks, i, j, v)
    if sf:
        return sf
    # "2 1/4": a whole number, a space, a proper fraction
    if (isinstance(v, int) and j < n and toks[j].kind == "num" and not toks[j].glued and len(text) <= 3
            and (sf2 := _slash_fraction(ld, toks, j, j + 1, parse_digits(toks[j].text))) and sf2[1] < 1):
        return sf2[0], v + sf2[1]
    # "1.3x10^6", "1.1^23": written powers
    if j + 2 < n and toks[j].low == "x" and toks[j].glued and toks[j + 1].text == "10" and toks[j + 1].glued:
        p = _power(toks, j + 2, 10)
        if p:
            return p[0], v * p[1]
    p = _power(toks, j, v)
    if p:
        return p
    return j, v


def _counted_after(ld: LangData, toks: list[Token], j: int) -> bool:
    """Whether an indefinite noun follows: 'الـ24 ساعة' is 'the 24 hours', a count, while
    'العضو الـ90' and 'الـ90 في التحالف' are ranks."""
    if j >= len(toks) or toks[j].kind != "word" or toks[j].low in ld.stopwords:
        return False
    wp = ld.weekday_prefixes.match(toks, j)
    if ld.weekdays.match(toks, j + wp[0] if wp else j):
        return False                     # "العضو الـ90 يوم الاثنين": the day after the rank dates it
    w = toks[j].low
    return not any(w.startswith(p) for p in ld.clitic_def_prefixes_long if p) and not ld.ordwords.match(toks, j)


_DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d,]|\.\d)")
_DOTS = "dot-groups"


def dot_grouped(text: str) -> bool:
    """Whether a text writes thousands with dots ("1.498.000"): a writer keeps one
    convention, so its "89.500 ليرة" is 89,500 too."""
    return bool(_DOT_GROUPED.search(text))


def _groups_with_dots(toks: list[Token]) -> bool:
    if _MEMO is not None:
        return bool(_MEMO.get(_DOTS))
    return any(t.kind == "num" and _DOT_GROUPED.fullmatch(t.text) for t in toks)


def _dot_thousands(ld: LangData, toks: list[Token], j: int, text: str) -> bool:
    """'1.500 معتقل': a dot before exactly three digits is a thousands separator when a
    counted noun follows (a count of detainees is whole).  Not before a scale, percent,
    currency or measure word ('1.500 مليون', '2.125 km'), nor with no noun after."""
    head, dot, tail = text.partition(".")
    if not dot or "." in tail or "," in text or len(tail) != 3 or not head.isdigit() or len(head) > 3:
        return False
    if _groups_with_dots(toks) and not (j < len(toks) and _scale_after(ld, toks, j)):
        return True                      # the writer's own convention: "1.498.000 ليرة ... 89.500 ليرة"
    if j >= len(toks) or toks[j].kind != "word" or toks[j].glued:
        return False
    w = toks[j]
    if (w.low in ld.stopwords or ld.measure_words.match(toks, j) or ld.percent_after.match(toks, j)
            or ld.currency.match(toks, j) or _scale_after(ld, toks, j) or ld.numwords.match(toks, j)):
        return False
    return True


def _slash_fraction(ld: LangData, toks: list[Token], i: int, j: int, v: Number | None):
    """The fraction "a/b" whose numerator ``v`` ends at ``j``: (end, value) or None.  Not a
    part of a longer slash run (a date or a code), not a numerator ten times the
    denominator or more, and no long or grouped numerator.  Idioms ("24/7") are blocked
    before this runs."""
    n = len(toks)
    if not (isinstance(v, int) and j + 1 < n and toks[j].text == "/" and toks[j].glued and toks[j + 1].glued
            and toks[j + 1].text.isdigit() and len(toks[j + 1].text) <= 4):
        return None
    if (j + 2 < n and toks[j + 2].text in "/-." and toks[j + 2].glued) or (i and toks[i - 1].text == "/" and toks[i].glued):
        return None
    b = int(toks[j + 1].text)
    if b < 2 or v >= 10 * b:
        return None
    if j - i > 1 or len(toks[i].text) > 3 or (len(toks[j + 1].text) > 3 and not _power_of_ten(b)):
        return None                   # "2254/2015" is a reference number, "77/1000" a share
    return j + 2, v / b


def _in_percent_word(ld: LangData, toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is part of a percent phrase ("بالمائة", "في المائة", "per cent")."""
    if toks[i].low not in ld.percent_words:
        return False
    for k in range(max(0, i - 2), i + 1):
        m = ld.percent_after.match(toks, k)
        if m and k + m[0] > i:
            return True
    return False


def _power(toks: list[Token], j: int, base: Number):
    """'^6', '^-4', '^+23' after ``base`` -> (end, base ** exponent) or None."""
    n = len(toks)
    if not (j + 1 < n and toks[j].text == "^" and toks[j].glued):
        return None
    k, sign = j + 1, 1
    while k < n and toks[k].text in "+-" and toks[k].glued:
        sign = -sign if toks[k].text == "-" else sign
        k += 1
    if k < n and toks[k].kind == "num" and toks[k].glued and toks[k].text.isdigit() and len(toks[k].text) <= 3:
        return k + 1, base ** (sign * int(toks[k].text))
    return None


def _decimal_tail(ld: LangData, toks: list[Token], j: int):
    """'point five', 'point nought four', 'point seventy-one', 'فاصلة خمسة': the digits
    after a decimal word, spoken one by one or as one number below a hundred."""
    n = len(toks)
    if not (j + 1 < n and toks[j].low in ld.decimal_words):
        return None
    k, digits = j + 1, ""
    if toks[k].kind == "num" and toks[k].text.isdigit():
        return k + 1, "0." + toks[k].text
    while k < n:
        m = ld.numwords.match(toks, k)
        d = next((v for c, v in m[1] if c == "card"), None) if m and not m[2] else None
        if d is not None and d <= 9:
            digits += str(d)
            k += m[0]
            continue
        if not digits:
            w = compose_words(ld, toks, k)
            if w and w[1] <= 99:
                digits, k = str(w[1]), w[0]
        break
    return (k, "0." + digits) if digits else None


def _fraction_word(ld: LangData, toks: list[Token], k: int, numerator: Number | None, after_whole: bool = False):
    """A fraction word at ``k`` read with ``numerator`` (None when no numerator was written):
    (j, value) or None.  'half', 'ربع' stand alone; 'thirds', 'أخماس' need a numerator;
    a word that is also a cardinal ('خمس') is a fraction alone only before a definite noun."""
    if k < len(toks) and toks[k].text == "-" and numerator is not None and k + 1 < len(toks):
        k += 1                                   # "one-eighth", "five - eighths"
    if k >= len(toks) or toks[k].kind == "num":
        return None
    m = ld.fractions.match(toks, k)
    if not m:
        return _compound_denominator(ld, toks, k, numerator)
    if m[2]:
        return None
    span, (num, den, alone), _ = m
    j = k + span
    if j < len(toks) and toks[j].text == "-" and toks[j].glued:
        return None
    if numerator is not None and alone and numerator != 1:
        return None                              # "two million and one half" is read by the caller
    if numerator == 1 and not alone and _noun_follows(ld, toks, j):
        return None                              # "a fifth term", "a twentieth-century painting"
    if numerator is None:
        if not alone:
            return None
        if k > 0 and toks[k].text.istitle() and toks[k - 1].kind == "word" and toks[k - 1].text.istitle():
            return None          # "the Al Zahra Quarter", "the Christian Quarter": a name, not a fourth
        if ld.numwords.match(toks, k) and not (j < len(toks) and _definite(ld, toks[j].low)) \
                and not (after_whole and not _counted_after(ld, toks, j)):
            return None          # "خمس نساء" is five women; "ثلاثة وخمس" (after_whole) three and a fifth
        numerator = num
    return j, numerator / den


def _compound_denominator(ld: LangData, toks: list[Token], k: int, numerator: Number | None):
    """'three twenty-firsts', 'one thirty-second of': a tens word and a unit denominator
    -> (j, value) or None.  Not before a noun, where it is an ordinal ('a twenty-first
    century problem')."""
    if numerator is None or not ld.compound_denominators.first:
        return None
    t = _plain_tens(ld, toks, k)
    if t is None:
        return None
    u = k + 1
    if u < len(toks) and toks[u].text == "-" and toks[u].glued:
        u += 1
    m = ld.compound_denominators.match(toks, u)
    if not m or m[2]:
        return None
    j = u + m[0]
    if _noun_follows(ld, toks, j):
        return None
    return j, numerator / (t + m[1])


def _noun_follows(ld: LangData, toks: list[Token], j: int) -> bool:
    """A content word (or a hyphenated compound) right after ``j``: what came before it
    is an adjective there ("a fifth term"), not a fraction ("a fifth of the vote")."""
    if j < len(toks) and toks[j].text == "-" and toks[j].glued:
        return True
    return j < len(toks) and toks[j].kind == "word" and toks[j].low not in ld.stopwords


def _definite(ld: LangData, low: str) -> bool:
    return any(low.startswith(d) and len(low) > len(d) + 1 for d in ld.definite_prefixes)


def _scaled(ld: LangData, toks: list[Token], j: int, v: Number):
    """A fraction or decimal followed by a scale: 'half a million', 'two point two million'."""
    k = j
    if k < len(toks) and toks[k].low in ld.vague_links:
        k += 1
    if k < len(toks) and toks[k].low in ld.implicit_one:
        k += 1
    sc = _scale_after(ld, toks, k)
    if sc:
        return k + sc[0], v * sc[1]
    return j, v


def _ratio(ld: LangData, toks: list[Token], j: int, value: Number):
    """'one in three', 'واحد من ثلاثة', '1 over 20', 'ثمانية وثمانون من مئة' -> (j, value)."""
    n = len(toks)
    for lex, only_one in ((ld.ratio_links, False), (ld.ratio_links_one, True)):
        lk = lex.match(toks, j)
        if not lk or lk[2] or j + lk[0] >= n:
            continue
        if only_one and value != 1:
            continue
        k = j + lk[0]
        if toks[k].kind == "num" and toks[k].glued:
            continue
        b = _plain_number(ld, toks, k)
        if not b or not b[1]:
            continue
        if not only_one and b[0] < n and toks[b[0]].kind == "word" and toks[b[0]].low not in ld.stopwords:
            continue       # "$2000 over 3 years", "3 من 10 أشخاص": counts of a noun, not a ratio
        if b[1] > value or lk[1] == "any":
            return b[0], value / b[1]
    return None


def _plain_number(ld: LangData, toks: list[Token], k: int):
    t = toks[k]
    if t.kind == "num":
        r = _digit_value(ld, toks, k)
        if r:
            sc = _scale_after(ld, toks, r[0])
            return (r[0] + sc[0], r[1] * sc[1]) if sc else r
        return None
    w = compose_words(ld, toks, k)
    return (w[0], w[1]) if w and not w[2] else None


def core_number(ld: LangData, toks: list[Token], i: int):
    """A bare quantity at ``i`` (no hedge): (j, value, prefix_len, from_words) or None.
    Reads digits (with grouping, exponents, scale words), number words, decimals written
    with a decimal word, fractions and ratios."""
    t = toks[i]
    n = len(toks)
    tail_scale = None
    if t.kind == "num":
        r = _digit_value(ld, toks, i)
        if r is None:
            return None
        j, v = r
        words, pl = False, 0
    elif t.kind == "punct" and ld.fractions.match(toks, i):   # "¾"
        f = _fraction_word(ld, toks, i, None)
        if f is None:
            return None
        return f[0], f[1], 0, False
    elif (t.kind == "word" and t.low in ld.decimal_words and (i == 0 or toks[i - 1].kind != "word")
          and _decimal_tail(ld, toks, i)):       # "point 77", but not "at that point 200 fled"
        j, frac = _decimal_tail(ld, toks, i)
        return j, float(frac), 0, True
    elif t.kind == "word":
        if _in_percent_word(ld, toks, i):
            return None                          # "بالمائة", "في المائة" alone: no number
        if ld.weekdays.match(toks, i):
            return None                          # "ليلة الأحد إلى سبعة": Sunday, not "one to seven"
        amb = _fraction_word(ld, toks, i, None) if ld.numwords.match(toks, i) else None
        if amb:                                  # "خمس السكان": a fifth of, not five
            j, v = _scaled(ld, toks, *amb)
            return j, v, 0, True
        r = compose_words(ld, toks, i)
        if r is None:
            f = _fraction_word(ld, toks, i, None)
            if f is None and t.low in ld.implicit_one:
                f = _fraction_word(ld, toks, i + 1, 1)
                if f is not None and ld.ordwords.match(toks, i + 1) and f[0] < n and toks[f[0]].low in ld.auxiliaries:
                    return None                  # "and a fourth was wounded": the fourth one, no fraction
            if f is None:
                return None
            j, v = _scaled(ld, toks, *f)
            return j, v, 0, True
        j, v, pl, tail_scale, last_join = r
        words = True
        # a mixed number: "twenty and three fifths", "six million and two thirds", "مائة و ثلاثة أرباع"
        if last_join and ld.fractions.match(toks, j) and not ld.fractions.match(toks, j)[2]:
            before, scale = last_join
            f = _fraction_word(ld, toks, j, v - before)
            if f:
                fj, unit = f[0], scale or 1
                sc2 = _scale_after(ld, toks, fj)
                if sc2 and sc2[1] < unit:                 # "one billion and three quarters million"
                    fj, unit = fj + sc2[0], sc2[1]
                return fj, _int(before + f[1] * unit), pl, True
        if t.low in ld.implicit_one and v in (0, 1) and j == i + 1:
            return None
        if v == 1 and j == i + 1 and i and ld.pronoun_one_after.match(toks, i - 1) and not (
                toks[i - 1].low in ld.complementizers and i > 1 and ld.attr_verbs.match(toks, i - 2)):
            return None                          # "which one", "that one", "أي واحد" (not "said that one")
        if tail_scale and j < n and (toks[j].low in ld.conj_words or toks[j].low in ld.conj_prefixes) \
                and j + 1 < n and toks[j + 1].kind == "num":
            v, j, tail_scale = _digits_after_scale(ld, toks, j, v, tail_scale)   # "ثلاثة آلاف و500"
    else:
        return None
    # decimal words: "1 point 5", "two point two million"
    d = _decimal_tail(ld, toks, j)
    if d and isinstance(v, int):
        j, v = _scaled(ld, toks, d[0], v + float(d[1]))
        return j, v, pl, words
    sc = _scale_after(ld, toks, j) if not words else None
    if sc:
        span, mult = sc
        v, j = v * mult, j + span
        tail_scale = mult
        v, j, tail_scale = _digits_after_scale(ld, toks, j, v, mult)
    # fractions: "two thirds", "ثلاثة أرباع", "one and a half", "3 million and a half"
    f = _fraction_word(ld, toks, j, v) if not tail_scale else None
    if f:
        j, v = _scaled(ld, toks, *f)
    elif j < n:
        k = j
        conj = None
        if toks[k].low in ld.conj_words:
            conj = k + 1
        elif toks[k].kind == "word" and any(toks[k].low.startswith(c) for c in ld.conj_prefixes):
            conj = k                             # "ونصف", "وثمانية وثمانون من مئة"
        if conj is not None and conj < n:
            f = _fraction_word(ld, toks, conj, None, after_whole=True) or (
                _fraction_word(ld, toks, conj + 1, 1) if toks[conj].low in ld.implicit_one else None)
            if f is None:
                num = _plain_number(ld, toks, conj) if conj == k + 1 else _prefixed_number(ld, toks, conj)
                if num:
                    f = _fraction_word(ld, toks, num[0], num[1])
                    if f is None:
                        r2 = _ratio(ld, toks, num[0], num[1])
                        if r2 and r2[1] < 1 and _power_of_ten(round(num[1] / r2[1])):
                            f = r2
            if f is None and conj == k and ld.fractions.match(toks, k):
                m = ld.fractions.match(toks, k)
                span, (num_, den, _), _ = m
                ambiguous = ld.numwords.match(toks, k) and _counted_after(ld, toks, k + span)
                f = (k + span, num_ / den) if num_ and not ambiguous else None   # not "ثلاث وخمس سنوات"
            if f:
                fj, fv = f
                sc2 = _scale_after(ld, toks, fj) if tail_scale else None
                if sc2 and sc2[1] < tail_scale:
                    fv, fj = fv * sc2[1], fj + sc2[0]     # "one billion and a half million"
                elif tail_scale:
                    fv *= tail_scale
                    w = _number_word(ld, toks, fj, True) if fj < n else None
                    if (w and (not w[1] or w[1] in ld.definite_prefixes)
                            and any(c in ("scale", "pscale") and sv == tail_scale for c, sv in w[0])):
                        fj += w[2]               # "مليار ونصف المليار": the scale said again
                v += fv
                j = fj
                if not tail_scale:
                    j, v = _scaled(ld, toks, j, v)
    # ratios: "one in three", "1 over 20", "واحد من ثلاثة"
    r = _ratio(ld, toks, j, v)
    if r:
        j, v = r
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e18:
        v = int(v)
    return j, v, pl, words


def _digits_after_scale(ld: LangData, toks: list[Token], j: int, v: Number, last: int):
    """'4 thousand 3 hundred and 21', '6 crore and two hundred': after a digit number and
    its scale word, smaller parts continue the same number."""
    n = len(toks)
    tail: int | None = last
    while j < n:
        k = j + 1 if toks[j].low in ld.conj_words or toks[j].low in ld.conj_prefixes else j
        if k >= n:
            break
        if toks[k].kind == "num" and toks[k].text.isdigit():
            x = int(toks[k].text)
            sc = _scale_after(ld, toks, k + 1)
            if sc and sc[1] < last and x * sc[1] < last:
                v, j, last, tail = v + x * sc[1], k + 1 + sc[0], sc[1], sc[1]
                continue
            if not sc and k > j and x < last:
                v, j, tail = v + x, k + 1, None
            break
        w = compose_words(ld, toks, k) if k > j else None
        if w and not w[2] and w[1] < last:
            v, j, tail = v + w[1], w[0], w[3]
        break
    return v, j, tail


def _prefixed_number(ld: LangData, toks: list[Token], k: int):
    """A number word carrying a conjunction prefix: 'وثمانية وثمانون' -> (j, 88)."""
    w = compose_words(ld, toks, k)
    if w and w[2] and toks[k].low[:w[2]] in ld.conj_prefixes:
        return w[0], w[1]
    return None


def _int(v: Number) -> Number:
    return int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e18 else v


def _power_of_ten(x: Number) -> bool:
    return x >= 10 and str(int(x)).rstrip("0") == "1"


def _vague(ld: LangData, toks: list[Token], i: int):
    """'عشرات الآلاف', 'dozens', 'tens of thousands' -> (j, low, high, prefix_len)."""
    m = ld.numwords.match(toks, i)
    rng = next((v for c, v in m[1] if c == "vague"), None) if m else None
    if rng is None:
        # "several hundred", "بضعة آلاف": a vague count only before a scale word
        vb = ld.vague_before_scale.match(toks, i)
        if not vb or i + vb[0] >= len(toks) or not _scale_after(ld, toks, i + vb[0]):
            return None
        m, rng = vb, vb[1]
    n, _, prefix = m
    lo, hi = rng
    j = i + n
    k = j
    if k < len(toks) and toks[k].low in ld.vague_links:
        k += 1
    if k < len(toks):
        w = _number_word(ld, toks, k, True)
        if w:
            sc = next((v for c, v in w[0] if c in ("scale", "mult")), None)
            if sc is None:      # "tens of thousands": a vague plural names its scale too
                vl = next((v for c, v in w[0] if c == "vague"), None)
                sc = 10 ** (len(str(int(vl[0]))) - 1) if vl and vl[0] >= 1000 else None
            if sc:
                lo, hi = lo * sc, hi * sc
                j = k + w[2]
                while (more := _scale_after(ld, toks, j)) and more[1] > sc:   # "several hundred thousand"
                    lo, hi, sc, j = lo * more[1], hi * more[1], more[1], j + more[0]
    return j, lo, hi, len(prefix)


def quantity(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """[hedge] [currency|%] number [scale] [%|currency] [hedge], or a range, or a vague amount."""
    n = len(toks)
    start, qual, hedge, pl = i, "exact", None, 0
    k = i
    hb = ld.hedge_before.match(toks, i)
    if hb:
        span, qual, prefix = hb
        hedge = " ".join(t.text for t in toks[i:i + span])
        pl = len(prefix)
        k = i + span
        if k >= n:
            return None
    cur_before = None
    pct_before = False
    cb = ld.currency.match(toks, k)
    pb = ld.percent_before.match(toks, k)
    if cb and not cb[2] and toks[k].kind == "punct":     # "$" / "€"
        cur_before, k = cb[1], k + cb[0]
    elif pb and k + pb[0] < n and (toks[k].kind == "word" or toks[k + pb[0]].glued):
        pct_before, k = True, k + pb[0]
    if k >= n:
        return None
    sign, k = _sign(ld, toks, k)
    if k >= n:
        return None
    core = core_number(ld, toks, k)
    if core is None:
        v = _vague(ld, toks, k) if not hedge and not cur_before else None
        if v:
            j, lo, hi, vpl = v
            return Hit(k, j, "number", lo, lo, hi, "vague", prefix_len=vpl)
        return None
    j, value, cpl, words = core
    value *= sign
    if k == i:
        pl = cpl
    hit = Hit(start, j, "number", value, value, value, qual, hedge, prefix_len=pl)
    # range: "80-90", "80 إلى 90", "between 80 and 90" (the opener is handled by the caller)
    if j < n:
        lk = ld.range_links.match(toks, j)
        if lk and j + lk[0] < n:
            span = lk[0]
            dash = toks[j].text == "-"
            c2 = core_number(ld, toks, j + span) if toks[j + span].kind == "num" or not dash else None
            if c2:
                j2, v2, _, _ = c2
                # "80 و90" without an opener is two numbers, not a range (see ranged())
                conj = toks[j].low in ld.conj_words or toks[j].low in ld.conj_prefixes
                if not conj and isinstance(v2, (int, float)) and v2 > value:
                    hit.j, hit.low, hit.high, hit.qualifier = j2, value, v2, "range"
                    j = j2
    # percent / currency after
    if j < n:
        pa = ld.percent_after.match(toks, j)
        if pa:
            hit.kind, j = "percent", j + pa[0]
        else:
            ca = ld.currency.match(toks, j)
            if ca and not ca[2]:
                hit.kind, hit.currency, j = "money", ca[1], j + ca[0]
    if pct_before:
        hit.kind = "percent"
    if cur_before:
        hit.kind, hit.currency = "money", cur_before
    hit.j = j
    if j < n:
        ha = ld.hedge_after.match(toks, j)
        if ha and hit.qualifier == "exact":
            hit.qualifier, hit.hedge = ha[1], " ".join(t.text for t in toks[j:j + ha[0]])
            hit.j = j + ha[0]
    if hit.qualifier != "range":
        hit.low, hit.high = literal_bounds(hit.qualifier, value)
    hit.extra["words"] = words
    return hit


def _sign(ld: LangData, toks: list[Token], k: int):
    """A minus sign or word before a number: '-5' (not the dash of '80-90'), 'minus five',
    'سالب خمسة' -> (sign, index of the number)."""
    t = toks[k]
    if t.text == "-" and k + 1 < len(toks) and toks[k + 1].kind == "num" and (toks[k + 1].glued or k == 0):
        prev = toks[k - 1] if k else None
        if prev is not None and prev.kind == "num":
            return 1, k                          # "2019 -2020", "80 -90": a dash between numbers
        if prev is None or not t.glued or prev.kind == "punct" and prev.text not in ".,":
            return -1, k + 1
    m = ld.negative_words.match(toks, k)
    if m and k + m[0] < len(toks):
        return -1, k + m[0]
    return 1, k


def literal_bounds(qual: str, v: Number):
    return {"exact": (v, v), "approx": (None, None), "up_to": (None, v), "at_least": (v, None),
            "more_than": (v, None), "less_than": (None, v)}.get(qual, (None, None))


def ranged(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """'بين 80 و90', 'between 80 and 90', 'from 80 to 90'."""
    op = ld.range_openers.match(toks, i)
    if not op:
        return None
    k = i + op[0]
    if k >= len(toks):
        return None
    if ld.change_from.match(toks, i) and _after_change_verb(ld, toks, i):
        # "rose from 30 to 45", "fell from 9 to 7": the first figure is the one before the change
        c = core_number(ld, toks, k)
        if c and c[0] < len(toks) and (lk := ld.range_links.match(toks, c[0])) and core_number(ld, toks, c[0] + lk[0]):
            return Hit(i, c[0], "number", c[1], c[1], c[1], "previous", prefix_len=len(op[2]))
    h = quantity_opened(ld, toks, k)
    if h and h.qualifier == "range":
        h.i, h.prefix_len = i, len(op[2])
        return h
    return None


# How far before "from" a change verb ("rose", "ارتفعت") is looked for.
CHANGE_VERB_TOKENS = 4


def _after_change_verb(ld: LangData, toks: list[Token], i: int) -> bool:
    for k in range(i - 1, max(-1, i - 1 - CHANGE_VERB_TOKENS), -1):
        if toks[k].kind == "punct" or toks[k].kind == "num":
            return False
        if ld.change_verbs.match(toks, k):
            return True
    return False


def quantity_opened(ld: LangData, toks: list[Token], k: int):
    hit = Hit(k, k, "number")
    hit.extra["opened"] = True
    core = core_number(ld, toks, k)
    if not core:
        return None
    j, value, _, _ = core
    lk = ld.range_links.match(toks, j) if j < len(toks) else None
    if not lk or j + lk[0] >= len(toks):
        return None
    j2 = j + lk[0]
    # a conjunction may be glued to the second number: "و90"
    c2 = core_number(ld, toks, j2)
    if not c2:
        return None
    e, v2, _, _ = c2
    if not isinstance(v2, (int, float)) or v2 <= value:
        return None
    # a shared scale: "بين 3 و5 آلاف"
    if value < v2 and e > j2 + 1 and toks[j2].kind == "num":
        d2 = parse_digits(toks[j2].text)
        ratio = v2 / d2 if d2 else 1
        if ratio >= 1000 and value < 1000:
            value = value * ratio
    hit = Hit(k, e, "number", value, value, v2, "range")
    if e < len(toks):
        pa = ld.percent_after.match(toks, e)
        ca = ld.currency.match(toks, e)
        if pa:
            hit.kind, hit.j = "percent", e + pa[0]
        elif ca and not ca[2]:
            hit.kind, hit.currency, hit.j = "money", ca[1], e + ca[0]
        else:
            hit.j = e
    return hit


def _plus_after(ld: LangData, toks: list[Token], hit: Hit) -> Hit:
    """An ordinal below a hundred followed by its hundreds ("الثانية والستين بعد المئة": the
    162nd, ``plus_after``) takes them in."""
    p = ld.ord_plus_after.match(toks, hit.j) if hit.j < len(toks) else None
    if p and isinstance(hit.value, int) and hit.value < p[1]:
        v = hit.value + p[1]
        return Hit(hit.i, hit.j + p[0], "ordinal", v, v, v, prefix_len=hit.prefix_len)
    return hit


@scan_memo
def ordinal(ld: LangData, toks: list[Token], i: int) -> Hit | None:
    """الـ90, رقم 90, 90th, العضو التسعين, الحادي عشر, twenty-first, ninetieth."""
    n = len(toks)
    t = toks[i]
    if _in_percent_word(ld, toks, i):
        return None                      # "بالمائة" is "percent", not "the hundredth"
    # digit prefix "الـ90" / "الـ 90" / "ال - 28"; after a rank noun ("المرتبة الـ28 عالميا")
    # it is a rank whatever follows
    if t.low in ld.ord_digit_prefixes and i + 1 < n:
        d = i + 2 if toks[i + 1].text == "-" and i + 2 < n else i + 1
        ranked = i > 0 and bool(ld.ord_markers.match(toks, i - 1))
        # after a plural noun the prefixed digits count it: "المتهمين الـ7" (the seven defendants)
        plural = i > 0 and toks[i - 1].kind == "word" and ld.sound_plural(toks[i - 1].low)
        if toks[d].kind == "num" and (ranked or not plural and not _counted_after(ld, toks, d + 1)):
            v = parse_digits(toks[d].text)
            if isinstance(v, int):
                base = max((len(b) for b in ld.ord_digit_bases if t.low.endswith(b)), default=len(t.low))
                return Hit(i, d + 1, "ordinal", v, v, v, prefix_len=len(t.low) - base)
    # marker "رقم 90"
    mk = ld.ord_markers.match(toks, i)
    if mk:
        d = i + mk[0]
        if d + 1 < n and toks[d].kind == "word" and toks[d + 1].kind == "num" and \
                toks[d].low.startswith(ld.definite_prefixes or ("\0",)) and toks[d].low not in ld.ord_digit_prefixes \
                and not ld.event_of(toks[d].low):
            d += 1                       # a definite adjective between: "الدورة العادية 162"
        if d < n and toks[d].kind == "num" and (v := parse_digits(toks[d].text)) is not None and isinstance(v, int):
            return Hit(i, d + 1, "ordinal", v, v, v, prefix_len=len(mk[2]))
    # digit suffix "90th"
    if t.kind == "num" and i + 1 < n and toks[i + 1].glued and toks[i + 1].low in ld.ord_digit_suffixes:
        v = parse_digits(t.text)
        if isinstance(v, int):
            return Hit(i, i + 2, "ordinal", v, v, v)
    if t.kind != "word":
        return None
    # ordinal word, optionally + teen word or + conjunction + (definite) tens
    ow = ld.ordwords.match(toks, i)
    if ow:
        span, v, prefix = ow
        j = i + span
        if j < n and toks[j].low in ld.teen_words:
            v, j = v + 10, j + 1
        elif j < n and v < 10:
            k = j + 1 if toks[j].low in ld.conj_words else j
            tens = _definite_tens(ld, toks, k, conj=k == j) if k < n else None
            if tens is None and k > j and k < n:
                tens = _definite_tens(ld, toks, k, conj=False) or _plain_tens(ld, toks, k)
            if tens:
                v, j = v + tens, k + 1
        return _plus_after(ld, toks, Hit(i, j, "ordinal", v, v, v, prefix_len=len(prefix)))
    # a definite cardinal compound is an ordinal: "الواحد والعشرون", "الأحد عشر", "المائة وخمسة"
    dc = _definite_compound(ld, toks, i)
    if dc:
        return _plus_after(ld, toks, dc)
    # tens and an ordinal written as one word: "thirtyfirst"
    g = _glued_compound(ld, t.low)
    if g:
        return Hit(i, i + 1, "ordinal", g, g, g)
    # definite tens "التسعين"
    tens = _definite_tens(ld, toks, i, conj=False)
    if tens:
        pl = _def_prefix_len(ld, t.low)
        return Hit(i, i + 1, "ordinal", tens, tens, tens, prefix_len=pl)
    # compound cardinal-ordinal: "twenty-first", "one hundred and first"
    r = compose_words(ld, toks, i)
    if r:
        j, v, pl, *_ = r
        k = j
        if k < n and toks[k].text == "-" and toks[k].glued:
            k += 1
        elif k < n and toks[k].low in ld.conj_words:
            k += 1
        if k < n:
            ow = ld.ordwords.match(toks, k)
            after = k + ow[0] if ow else k
            if ow and not ow[2] and not (after < n and toks[after].text == "-" and toks[after].glued):
                if ow[1] < 10 and v % 10 == 0 and v >= 20:
                    return Hit(i, after, "ordinal", v + ow[1], v + ow[1], v + ow[1], prefix_len=pl)
                if ow[1] >= 100 and k == j and v < ow[1]:      # "two hundredth", "three trillionth"
                    return Hit(i, after, "ordinal", v * ow[1], v * ow[1], v * ow[1], prefix_len=pl)
    return None


def _plain_tens(ld: LangData, toks: list[Token], k: int):
    m = ld.numwords.match(toks, k)
    if m and not m[2]:
        return next((v for c, v in m[1] if c == "card" and 20 <= v < 100 and v % 10 == 0), None)
    return None


def _definite_compound(ld: LangData, toks: list[Token], i: int):
    """'الواحد والعشرون' (21st), 'الاثنا عشر' (12th), 'المائتان' (200th): the definite article on a
    compound or hundreds cardinal marks an ordinal.  A definite unit alone ('الخمسة', the five)
    stays a cardinal."""
    m = ld.numwords.match(toks, i)
    if not m or not any(m[2].endswith(d) for d in ld.definite_prefixes if m[2]):
        return None
    r = compose_words(ld, toks, i, definite=True)
    if not r:
        return None
    j, v = r[0], r[1]
    if j < len(toks) and toks[j].low in ld.teen_words and v < 10:
        v, j = v + 10, j + 1
    if j > i + 1 or v >= 100:
        return Hit(i, j, "ordinal", v, v, v, prefix_len=_def_prefix_len(ld, toks[i].low))
    return None


def _glued_compound(ld: LangData, low: str):
    for size in range(3, len(low) - 2):
        head = ld.numwords.first.get(low[:size])
        tail = ld.ordwords.first.get(low[size:])
        if head and tail:
            tens = next((v for rest, cats, pre in head if not rest and not pre
                         for c, v in cats if c == "card" and 20 <= v < 100 and v % 10 == 0), None)
            unit = next((v for rest, v, pre in tail if not rest and not pre and v < 10), None)
            if tens and unit:
                return tens + unit
    return None


def _def_prefix_len(ld: LangData, low: str):
    for c in ("",) + ld.clitics:
        for d in ld.definite_prefixes:
            if low.startswith(c + d):
                return len(c)
    return 0


def _definite_tens(ld: LangData, toks: list[Token], i: int, conj: bool):
    low = toks[i].low
    for p in (ld.conj_def_prefixes_long if conj else ld.clitic_def_prefixes_long):
        if low.startswith(p) and len(low) > len(p):
            m = ld.numwords.first.get(low[len(p):])
            if m:
                for rest, cats, pre in m:
                    if rest or pre:
                        continue
                    for c, v in cats:
                        if c == "card" and v >= 20 and v % 10 == 0 and v < 100:
                            return v
    return None

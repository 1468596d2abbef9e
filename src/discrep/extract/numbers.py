"""Quantity matchers: cardinals (digits and words), hedges, percent, money, ranges,
vague quantities and ordinals.  Each matcher looks at token ``i`` and returns a
:class:`Hit` (token span plus fields) or ``None``; the scanner keeps the longest hit."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lang import LangData
from ..tokens import Token


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
    """'1,500' -> 1500, '1.5' -> 1.5, '7,99' -> 7.99, '1.500.000' -> 1500000."""
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


def _number_word(ld: LangData, toks: list[Token], i: int, first: bool):
    """(category, value, prefix, n_tokens) for a number word at ``i``; later words may carry
    a conjunction prefix ("وخمسمائة")."""
    t = toks[i]
    if t.kind != "word":
        return None
    m = ld.numwords.match(toks, i)
    if m:
        n, cats, prefix = m
        if first or not prefix or prefix in ld.conj_prefixes:
            return cats, prefix, n
    return None


def _places_disjoint(a: int, b: int) -> bool:
    while a and b:
        if a % 10 and b % 10:
            return False
        a //= 10
        b //= 10
    return True


def compose_words(ld: LangData, toks: list[Token], i: int):
    """Longest well-formed number-word sequence at ``i`` -> (j, value, prefix_len) or None."""
    n = len(toks)
    total, cur, last_scale = 0, 0, None
    j, k, prefix_len, got = i, i, 0, False
    implicit = 0
    if toks[i].low in ld.implicit_one and i + 1 < n:
        nx = _number_word(ld, toks, i + 1, True)
        if nx and any(c in ("mult", "scale") or (c == "card" and v == 12) for c, v in nx[0]):
            implicit, k = 1, i + 1
    while k < n:
        w = _number_word(ld, toks, k, not got)
        if not w:
            break
        cats, prefix, span = w
        cat, val = next(((c, v) for c, v in cats if c != "vague"), (None, None))
        if cat is None:
            break
        if got and prefix and prefix not in ld.conj_prefixes:
            break
        if cat == "card":
            if cur and not _places_disjoint(cur, val):
                break
            if last_scale is not None and val >= last_scale:
                break
            cur += val
        elif cat == "mult":
            if cur % 1000 >= 100:
                break
            cur = (cur or 1) * val
        else:  # scale / dual
            mult = cur or (2 if cat == "dual" else (implicit or 1))
            if cat == "dual" and cur:
                break
            if last_scale is not None and val >= last_scale:
                break
            total += mult * val
            cur, last_scale = 0, val
        if not got:
            prefix_len = len(prefix)
        got = True
        k += span
        j = k
        # joiners: "and", "-", or a conjunction prefix on the next word (handled above)
        if k < n and toks[k].low in ld.conj_words and k + 1 < n and _number_word(ld, toks, k + 1, True):
            k += 1
        elif k < n and toks[k].text == "-" and toks[k].glued and k + 1 < n and toks[k + 1].glued:
            k += 1
    if not got:
        return None
    value = total + cur
    # "مليون ونصف": a conjunction-prefixed half word after a scale adds half of it
    if j < n and last_scale:
        low = toks[j].low
        if any(low.startswith(p) and low[len(p):] in ld.half_words for p in ld.conj_prefixes):
            value += last_scale // 2
            j += 1
    return j, value, prefix_len


def _scale_after(ld: LangData, toks, j):
    """A scale word right after a digit number: '3 آلاف', '1.5 million'."""
    if j < len(toks):
        w = _number_word(ld, toks, j, True)
        if w:
            for c, v in w[0]:
                if c in ("scale", "mult"):
                    return w[2], v
    return None


def _glued_identifier(ld: LangData, toks, i) -> bool:
    """Digits written inside another token: S-300, F16, COVID19, 3D, A320."""
    t = toks[i]
    if t.glued and i > 0:
        p = toks[i - 1]
        if p.kind == "word" and p.low not in ld.clitics and p.low not in ld.ord_digit_prefixes \
                and p.low not in ld.hedge_before and not ld.percent_before.match(toks, i - 1) \
                and not ld.currency.match(toks, i - 1) and not _is_link(ld, toks, i - 1):
            return True
        if p.text == "-" and p.glued and i > 1 and toks[i - 2].kind == "word":
            q = toks[i - 2]
            if q.kind == "word" and len(q.text) <= 4 and not _number_word(ld, toks, i - 2, True):
                return True
    if i + 1 < len(toks):
        nx = toks[i + 1]
        if nx.glued and nx.kind == "word":
            if (nx.low in ld.ord_digit_suffixes or ld.percent_after.match(toks, i + 1)
                    or ld.currency.match(toks, i + 1) or _number_word(ld, toks, i + 1, True)
                    or nx.low in ld.year_suffixes or ld.months.match(toks, i + 1)):
                return False
            return True
    return False


def _is_link(ld, toks, i):
    return ld.range_links.match(toks, i) is not None


def _phone_like(ld: LangData, toks, i) -> bool:
    t = toks[i].text
    digits = t.replace(",", "").replace(".", "")
    if len(t) > 1 and t[0] == "0" and t.isdigit() and len(t) >= 4:
        return True
    if t.isdigit() and len(t) >= 8:
        return True
    for k in range(max(0, i - 3), i):
        if ld.phone_words.match(toks, k):
            return True
    return len(digits) >= 7 and "," not in t and "." not in t


def _identifier_head(ld: LangData, toks, i) -> bool:
    k = i - 1
    while k >= 0 and toks[k].kind == "punct" and toks[k].text in ".:#(\"'":
        k -= 1
    return k >= 0 and ld.identifier_heads.match(toks, k) is not None and k >= i - 3


def _time_like(toks, i) -> bool:
    """HH:MM or the minutes of one."""
    n = len(toks)
    if i + 2 < n and toks[i + 1].text == ":" and toks[i + 1].glued and toks[i + 2].glued and toks[i + 2].kind == "num":
        return True
    if i >= 2 and toks[i - 1].text == ":" and toks[i].glued and toks[i - 1].glued and toks[i - 2].kind == "num":
        return True
    return False


def core_number(ld: LangData, toks, i):
    """A bare quantity at ``i`` (no hedge): (j, value, prefix_len, from_words) or None."""
    t = toks[i]
    if t.kind == "num":
        if _glued_identifier(ld, toks, i) or _time_like(toks, i):
            return None
        v = parse_digits(t.text)
        if v is None:
            return None
        j = i + 1
        # decimal words: "1 point 5"
        sc = _scale_after(ld, toks, j)
        if sc:
            span, mult = sc
            v = v * mult
            j += span
            if isinstance(v, float) and v.is_integer():
                v = int(v)
        return j, v, 0, False
    if t.kind == "word":
        r = compose_words(ld, toks, i)
        if r:
            j, v, pl = r
            return j, v, pl, True
    return None


def _vague(ld: LangData, toks, i):
    """'عشرات الآلاف', 'dozens', 'tens of thousands' -> (j, low, high, prefix_len)."""
    m = ld.numwords.match(toks, i)
    if not m:
        return None
    n, cats, prefix = m
    rng = next((v for c, v in cats if c == "vague"), None)
    if rng is None:
        return None
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
    return j, lo, hi, len(prefix)


def quantity(ld: LangData, toks, i) -> Hit | None:
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
    if cb and not cb[2] and toks[k].kind == "punct":     # "$" / "€"
        cur_before, k = cb[1], k + cb[0]
    elif ld.percent_before.match(toks, k) and k + 1 < n and toks[k + 1].glued:
        pct_before, k = True, k + 1
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


def literal_bounds(qual: str, v):
    return {"exact": (v, v), "approx": (None, None), "up_to": (None, v), "at_least": (v, None),
            "more_than": (v, None), "less_than": (None, v)}.get(qual, (None, None))


def ranged(ld: LangData, toks, i) -> Hit | None:
    """'بين 80 و90', 'between 80 and 90', 'from 80 to 90'."""
    op = ld.range_openers.match(toks, i)
    if not op:
        return None
    k = i + op[0]
    if k >= len(toks):
        return None
    h = quantity_opened(ld, toks, k)
    if h and h.qualifier == "range":
        h.i, h.prefix_len = i, len(op[2])
        return h
    return None


def quantity_opened(ld, toks, k):
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
        ratio = v2 / parse_digits(toks[j2].text) if parse_digits(toks[j2].text) else 1
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


def ordinal(ld: LangData, toks, i) -> Hit | None:
    """الـ90, رقم 90, 90th, العضو التسعين, الحادي عشر, twenty-first, ninetieth."""
    n = len(toks)
    t = toks[i]
    # digit prefix "الـ90" / "الـ 90"
    if t.low in ld.ord_digit_prefixes and i + 1 < n and toks[i + 1].kind == "num":
        v = parse_digits(toks[i + 1].text)
        if isinstance(v, int):
            base = max((len(b) for b in ld.ord_digit_bases if t.low.endswith(b)), default=len(t.low))
            return Hit(i, i + 2, "ordinal", v, v, v, prefix_len=len(t.low) - base)
    # marker "رقم 90"
    mk = ld.ord_markers.match(toks, i)
    if mk and i + mk[0] < n and toks[i + mk[0]].kind == "num":
        v = parse_digits(toks[i + mk[0]].text)
        if isinstance(v, int):
            return Hit(i, i + mk[0] + 1, "ordinal", v, v, v, prefix_len=len(mk[2]))
    # digit suffix "90th"
    if t.kind == "num" and i + 1 < n and toks[i + 1].glued and toks[i + 1].low in ld.ord_digit_suffixes:
        v = parse_digits(t.text)
        if isinstance(v, int):
            return Hit(i, i + 2, "ordinal", v, v, v)
    if t.kind != "word":
        return None
    # ordinal word, optionally + teen word or + conjunction + definite tens
    ow = ld.ordwords.match(toks, i)
    if ow:
        span, v, prefix = ow
        j = i + span
        if j < n and toks[j].low in ld.teen_words:
            v, j = v + 10, j + 1
        elif j < n:
            tens = _definite_tens(ld, toks, j, conj=True)
            if tens:
                v, j = v + tens, j + 1
        return Hit(i, j, "ordinal", v, v, v, prefix_len=len(prefix))
    # definite tens "التسعين"
    tens = _definite_tens(ld, toks, i, conj=False)
    if tens:
        pl = _def_prefix_len(ld, t.low)
        return Hit(i, i + 1, "ordinal", tens, tens, tens, prefix_len=pl)
    # compound cardinal-ordinal: "twenty-first", "one hundred and first"
    r = compose_words(ld, toks, i)
    if r:
        j, v, pl = r
        k = j
        if k < n and toks[k].text == "-" and toks[k].glued:
            k += 1
        elif k < n and toks[k].low in ld.conj_words:
            k += 1
        if k < n and k > j - 0:
            ow = ld.ordwords.match(toks, k)
            if ow and ow[1] < 10 and v % 10 == 0 and v >= 20 and not ow[2]:
                return Hit(i, k + ow[0], "ordinal", v + ow[1], v + ow[1], v + ow[1], prefix_len=pl)
    return None


def _def_prefix_len(ld, low):
    for c in ("",) + ld.clitics:
        for d in ld.definite_prefixes:
            if low.startswith(c + d):
                return len(c)
    return 0


def _definite_tens(ld: LangData, toks, i, conj: bool):
    low = toks[i].low
    prefixes = [c + d for c in (("",) + ld.clitics) for d in ld.definite_prefixes]
    if conj:
        prefixes = [c + d for c in ld.conj_prefixes for d in ld.definite_prefixes]
    for p in sorted(prefixes, key=len, reverse=True):
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

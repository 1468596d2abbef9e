"""claims: give each mention what a checker needs to compare it.

For every mention: the counted thing (unit), the event it belongs to, who said it
(attribution, with aliases folded to a canonical label), its sentence and the stemmed
content words of that sentence (the context the aligner compares)."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import lang
from .lang import LangData, Lexicon, words
from .model import PERSONS, Anchor, Claim, Frame, Mention, NormalizedDoc, Role, Scope, Source, Unit
from .normalize import fold, raw_span
from .rules import code_of, rule
from .settings import Settings
from .tokens import Token, tokenize

KIND = {"number": "count", "ordinal": "ordinal", "percent": "percent", "money": "money", "date": "date"}
QUOTES = frozenset('"\'()[]')

Spans = list[tuple[int, int]]               # the folded spans of a document's mentions, sorted
TextOf = Callable[[int, int], str]          # the raw text of a folded span


@dataclass
class _Sentence:
    start: int
    end: int
    toks: list[Token]
    clause_of: list[int]          # clause index of each token
    starts: list[int]             # each token's start, for bisection
    occurrences: list[int] | None = None   # where occurrence nouns stand (C141), found once


def _sentence_starts(ld: LangData, norm: str, longest: int) -> list[int]:
    """Offsets after which a new sentence may begin: after a sentence break followed by space
    (or the text's end), and at each line break.  One regular-expression pass over the text;
    only the sentences that hold a mention are then tokenized.  A stretch with no break for
    more than ``longest`` characters is no sentence of prose (a table run together, hostile
    text): it is cut at the last space before each ``longest`` characters, or there."""
    starts = [0] + [m.end() for m in ld.sentence_end_re.finditer(norm) if not _abbreviation(ld, norm, m)]
    ends = starts[1:] + [len(norm)]
    if all(b - a <= longest for a, b in zip(starts, ends)):
        return starts
    out: list[int] = []
    for a, b in zip(starts, ends):
        out.append(a)
        while b - a > longest:
            cut = norm.rfind(" ", a + longest // 2, a + longest)
            a = cut + 1 if cut > a else a + longest
            out.append(a)
    return out


ABBREV_CHARS = 8                        # the longest abbreviation looked for before a period ("sept", "a.m")
WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([^\W\d_](?:[^\s(]*[^\W\d_])?)\.$")
WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _abbreviation(ld: LangData, norm: str, m: re.Match) -> bool:
    """Is the period ``m`` found the end of an abbreviation that goes on ("Mr. Smith", "S.
    Carey St.", "at 1 a.m. Sunday, police said")?  A title or a lone initial never ends a
    sentence ("St." may: "Main St."); a clock abbreviation does only before a word that could
    start one (not a weekday, a month or a word in lower case)."""
    if m.group() != ".":
        return False
    w = WORD_BEFORE.search(norm, max(0, m.start() - ABBREV_CHARS), m.end())
    if w is None:
        return False
    word = w.group(1).casefold()
    if word in ld.title_abbreviations or (len(word) == 1 and w.group(1).isupper()):
        return True
    if word not in ld.clock_abbreviations:
        return False
    nxt = WORD_AFTER.match(norm, m.end())
    if nxt is None:
        return False
    after = nxt.group(1)
    if after.islower():
        return True
    word_toks = tokenize(after.casefold(), 0)
    return bool(ld.weekdays.match(word_toks, 0) or ld.months.match(word_toks, 0))


def _sentence(ld: LangData, norm: str, a: int, b: int) -> _Sentence | None:
    toks = tokenize(norm[a:b], a)
    if not toks:
        return None
    s = _Sentence(toks[0].start, toks[-1].end, toks, [], [t.start for t in toks])
    cbreaks = ld.clause_breaks
    c = 0
    k = 0
    while k < len(toks):
        cw = ld.clause_words.match(toks, k)
        if toks[k].text in cbreaks or cw:
            c += 1
        span = cw[0] if cw else 1
        s.clause_of.extend([c] * span)
        k += span
    return s


def _date_aside(ld: LangData, s: _Sentence, dated: Spans) -> None:
    """A date set between commas inside a clause ("أفرجت السلطات، اليوم الخميس، عن 95
    سجينا", "the group said, on Monday, that ...") is an aside, no clause of its own: the
    clauses on either side are one, so "عن 95 سجينا" is the release's.  Renumbers
    ``s.clause_of`` in place."""
    clause, toks = s.clause_of, s.toks
    members: dict[int, list[int]] = defaultdict(list)   # one pass: each clause's tokens
    for k, c in enumerate(clause):
        members[c].append(k)
    merge: set[int] = set()
    for c, ks in members.items():
        nxt = members.get(c + 1)
        if not c or not nxt or toks[ks[0]].text not in ld.clause_breaks or toks[nxt[0]].text not in ld.clause_breaks:
            continue                     # an aside sits between two breaks inside the sentence
        body = [k for k in ks if toks[k].text not in ld.clause_breaks]
        if body and all(_is_mention_tok(toks[k], dated) or ld.weekday_prefixes.match(toks, k) for k in body):
            merge.update((c, c + 1))
    if merge:
        new, c = [], 0
        for k, old in enumerate(clause):
            if k and old != clause[k - 1] and old not in merge:
                c += 1
            new.append(c)
        s.clause_of[:] = new


def _token_span(s: _Sentence, start: int, end: int) -> tuple[int, int] | None:
    """The first and last token of the sentence that the folded span [start, end) touches
    (the token holding ``start``, then those starting before ``end``), by bisection: a
    sentence may be very long."""
    starts = s.starts
    j = bisect.bisect_right(starts, start) - 1
    if j >= 0 and s.toks[j].end > start:
        a = j
    elif j + 1 < len(starts) and starts[j + 1] < end:
        a = j + 1
    else:
        return None
    return a, max(a, bisect.bisect_left(starts, end) - 1)


def _is_mention_tok(t: Token, spans: Spans) -> bool:
    i = bisect.bisect_left(spans, (t.end, -1)) - 1
    return i >= 0 and spans[i][1] > t.start


QUOTED_SUBJECT_SPAN = 3                  # a quoted name may run to this many times max_subject_tokens


def _subject(ld: LangData, s: _Sentence, k: int, direction: int, mspans: Spans) -> list[Token]:
    """Tokens of the subject next to the attribution word at ``k`` (direction +1 = after)."""
    out: list[Token] = []
    i = k
    left = None                          # index of the leftmost token taken, scanning back
    # a quoted name is taken whole: 'أعلن "التحالف الدولي لهزيمة داعش" تدشين' ends at its
    # closing quote, and 'أعضاء التحالف الدولي لمحاربة تنظيم "الدولة الإسلامية"' runs to it
    quoted = whole = False
    while True:
        i += direction
        if i < 0 or i >= len(s.toks):
            break
        t = s.toks[i]
        if len(out) >= ld.max_subject * (QUOTED_SUBJECT_SPAN if quoted or t.text in QUOTES else 1):
            break
        if t.text in QUOTES:
            if quoted and whole:
                break                    # the quoted name was the subject
            quoted, whole = not quoted, whole or (not quoted and not out)
            if out and not whole:
                out.append(t)            # a quoted name inside the subject keeps its quotes
            continue
        if not out and t.low in ld.subject_particles:
            continue
        if t.kind == "punct" and not _attached_hyphen(s.toks, i) or _is_mention_tok(t, mspans) \
                or t.low in ld.subject_stops or ld.attr_verbs.match(s.toks, i) or ld.event_of(t.low) and out:
            break
        out.append(t)
        left = i
        if direction < 0 and (t.low in ld.determiners or t.low in ld.unnamed_openers):
            break                        # "... across the province a monitor said": an article opens the phrase
    if direction < 0:
        out.reverse()
        # "the London-based Observatory said": a compound is taken whole, never from its tail
        while left is not None and left >= 2 and _attached_hyphen(s.toks, left - 1):
            out[:0] = s.toks[left - 2:left]
            left -= 2
    return out


def _past_relative(ld: LangData, toks: list[Token], k: int) -> int:
    """After "according to" at ``k``: past "what ... said" ("وفق ما أعلنته الوزارة", "بحسب ما
    أفادت به الدائرة", "according to what the ministry said"), the index the teller follows."""
    j = k + 1
    if j >= len(toks) or toks[j].low not in ld.relative_openers:
        return k
    j += 1
    if j < len(toks) and ld.attr_verbs_with_object.match(toks, j):
        if j + 1 < len(toks) and toks[j + 1].low in ld.relative_links:
            j += 1
        return j
    return j - 1                         # "according to what the ministry said": the teller, then the verb


def _attached_hyphen(toks: list[Token], i: int) -> bool:
    """A hyphen written between two words with no space ("UK-based", "so-called")."""
    return toks[i].text == "-" and 0 < i < len(toks) - 1 and toks[i - 1].kind == "word" \
        and toks[i + 1].kind == "word" and toks[i - 1].end == toks[i].start and toks[i].end == toks[i + 1].start


Aliases = tuple[tuple[tuple[str, ...], str], ...]   # (folded words of a name, its label)


def user_aliases(settings: Settings) -> Aliases:
    """The configuration's ``source-aliases`` as folded words, longest first (any language)."""
    rows = [(words(name), label) for name, label in settings.source_aliases]
    return tuple(sorted(((w, lab) for w, lab in rows if w), key=lambda r: -len(r[0])))


def canonical_source(ld: LangData, subj: list[Token], extra: Aliases = ()) -> str | None:
    """The canonical label of the entity the subject starts with ("قسد" -> "SDF"); the
    configuration's ``source-aliases`` (``extra``) come first."""
    if not subj:
        return None
    lows = [t.low for t in subj]
    if all(w in ld.pronouns for w in lows):
        return None
    variants = [{w} | {w[len(p):] for p in ld.clitics if w.startswith(p) and len(w) - len(p) >= 2} for w in lows]
    # the name may follow an article and compound modifiers ("the UK-based Observatory")
    st = 0
    while st < len(subj) - 1 and (lows[st] in ld.determiners or lows[st] in ld.unnamed_openers
                                  or _in_compound(subj, st)):
        st += 1
    starts = tuple(range(st + 1))
    for alias, label in extra + tuple(ld.entities):
        n = len(alias)
        for st in starts:
            if st + n <= len(lows) and all(alias[j] in variants[st + j] for j in range(n)):
                return label
    return None


def _passive(ld: LangData, toks: list[Token], k: int) -> bool:
    """The verb at ``k`` follows a form of "to be" ("were also reported"): a passive, whose
    subject is the thing told, not the teller."""
    j = k - 1
    while j >= 0 and toks[j].low in ld.subject_particles:
        j -= 1
    return j >= 0 and toks[j].low in ld.auxiliaries and toks[j].low not in ld.subject_particles


def _in_compound(toks: list[Token], i: int) -> bool:
    """Token ``i`` of a run is a hyphen or a word joined to one ("UK", "-", "based")."""
    return any(0 <= j < len(toks) and _attached_hyphen(toks, j) for j in (i - 1, i, i + 1))


def _fronted_subject(ld: LangData, s: _Sentence, k: int) -> bool:
    """A verb-first language with the subject put first ("السفارة ... أعلنت"): the clause
    opens with a content word and the verb follows within a subject's length."""
    c = s.clause_of[k]
    first = next((i for i in range(k) if s.clause_of[i] == c and s.toks[i].text not in QUOTES), None)
    if first is None or first == k:
        return False
    t = s.toks[first]
    return (t.kind == "word" and t.low not in ld.stopwords and t.low not in ld.subject_stops
            and not ld.clause_words.match(s.toks, first) and k - first <= ld.max_subject
            and all(s.toks[i].kind != "punct" or s.toks[i].text in QUOTES for i in range(first, k)))


def _not_speech_after_subject(ld: LangData, s: _Sentence, subj: list[Token]) -> bool:
    """A verb-first clause whose object, inside or right after the subject read, makes the
    verb no speech ("أعلنت الجماعة مسؤوليتها")."""
    first = bisect.bisect_left(s.starts, subj[0].start)
    last = bisect.bisect_left(s.starts, subj[-1].start)
    return any(ld.not_speech_after.match(s.toks, i) for i in range(first + 1, min(last + 2, len(s.toks))))


def _attributions(ld: LangData, s: _Sentence, mspans: Spans, text_of: TextOf, extra: Aliases = ()):
    """[(token index, canonical label, surface)] of the attribution cues in a sentence."""
    out: list[tuple[int, str | None, str]] = []
    for k in range(len(s.toks)):
        v = ld.attr_verbs.match(s.toks, k)
        p = None if v else ld.attr_phrases.match(s.toks, k)
        if not v and not p:
            continue
        span = (v or p or (0,))[0]
        if v and ld.not_speech_after.match(s.toks, k + span):
            continue                     # "the war has claimed the lives of ...", "claimed responsibility"
        first = +1 if (p or ld.verb_subject == "after") else -1
        if v and first > 0 and _fronted_subject(ld, s, k):
            first = -1
        if v and first < 0 and _passive(ld, s.toks, k):
            continue                     # "were reported killed", "is reported to have": nobody speaks
        at = k + (span - 1 if first > 0 else 0)
        if p:
            at = _past_relative(ld, s.toks, at)  # "بحسب ما أعلنته الوزارة": the teller follows the verb
        subj = _subject(ld, s, at, first, mspans)
        if (not subj or canonical_source(ld, subj, extra) is None and all(t.low in ld.pronouns for t in subj)) and v:
            subj = _subject(ld, s, k + span - 1, -first, mspans)
        if not subj or all(t.low in ld.pronouns for t in subj):
            continue
        if first > 0 and _not_speech_after_subject(ld, s, subj):
            continue                     # "أعلن التنظيم مسؤوليته عن ...": the object tells it is no speech
        label: str | None = canonical_source(ld, subj, extra)
        surface = text_of(subj[0].start, subj[-1].end)
        if label is None and subj[0].low in ld.unnamed_openers:
            out.append((k, None, surface))   # "a monitoring group", "مصدر أمني": no name to hold to
        else:
            out.append((k, label or surface, surface))
    return out


def _events(ld: LangData, s: _Sentence, mspans: Spans, settings: Settings):
    out = []                            # (token index, event, text, end index)
    k = 0
    while k < len(s.toks):
        t = s.toks[k]
        ph = ld.event_phrases.match(s.toks, k)
        if ph:
            out.append((k, ph[1], " ".join(x.text for x in s.toks[k:k + ph[0]]), k + ph[0]))
            k += ph[0]
            continue
        if t.kind == "word" and not _compound_tail(ld, s.toks, k):
            ev = ld.event_of(t.low)
            if ev:
                out.append((k, ev, t.text, k + 1))
        k += 1
    # "killed and injured five", "مقتل وإصابة 20": one figure for both events together, the
    # same as neither alone
    for i in range(len(out) - 1):
        (k1, e1, t1, end1), (k2, e2, t2, end2) = out[i], out[i + 1]
        # but "claiming two lives and injuring three", "لقي تسعة أشخاص حتفهم وأصيب 23" give each
        # event its own figure: one in the noun phrase before the first, one right after the second
        own = end2 < len(s.toks) and _is_mention_tok(s.toks[end2], mspans) and any(
            _is_mention_tok(s.toks[j], mspans) for j in range(max(0, k1 - settings.phrase_tokens), k1)
            if not any(ev_k < k1 and ev_k >= j for ev_k, *_ in out[:i]))
        if e1 != e2 and "+" not in e1 + e2 and not own and _linked(ld, s.toks, end1, k2):
            both = combined(e1, e2)
            out[i], out[i + 1] = (k1, both, t1, end1), (k2, both, t2, end2)
    return [(k, ev, txt) for k, ev, txt, _ in out]


def _compound_tail(ld: LangData, toks: list[Token], k: int) -> bool:
    """The word ends a hyphenated compound ("rebel-held", "IS-held"): an adjective, no event
    (but "re-arrested" is a verb)."""
    return k > 1 and _attached_hyphen(toks, k - 1) and toks[k - 2].low not in ld.verb_prefixes


def combined(e1: str, e2: str) -> str:
    return "+".join(sorted({*e1.split("+"), *e2.split("+")}))


def _linked(ld: LangData, toks: list[Token], end: int, k2: int) -> bool:
    """Only a coordinating word lies between two event words ("killed and wounded", "قتل وجرح")."""
    gap = toks[end:k2]
    if not gap:
        return k2 < len(toks) and any(toks[k2].low.startswith(c) for c in ld.conj_prefixes)
    return len(gap) == 1 and gap[0].low in ld.event_links


def _content_word(ld: LangData, t: Token) -> bool:
    return t.kind == "word" and t.low not in ld.stopwords and len(t.low) > 1


def build_claims(nd: NormalizedDoc, mentions: list[Mention], settings: Settings) -> list[Claim]:
    ld = lang.get(nd.lang)
    norm = nd.norm
    starts = _sentence_starts(ld, norm, settings.longest_sentence)
    sents: dict[int, _Sentence | None] = {}
    mspans = sorted((m.norm_start, m.norm_end) for m in mentions)
    starts_of = [m.norm_start for m in mentions]        # mentions come in text order
    counts = {m.norm_start: m.value for m in mentions if KIND[m.kind] == "count"}   # "four shootings": 4
    extra = user_aliases(settings)
    dated = sorted((m.norm_start, m.norm_end) for m in mentions if KIND[m.kind] == "date")
    days = {m.norm_start: d for m in mentions if KIND[m.kind] == "date" and (d := _days(m))}
    starts_period: set[int] = set()     # norm starts of the dates that start a running period
    # norm starts of the dates whose year the text names ("April 2019", "last year", "للعام
    # الماضي"), not one counted back from the report ("منذ 30 عاما", which may as well be a
    # span: "unseen for 30 years")
    written_year = {m.norm_start for m in mentions if KIND[m.kind] == "date" and (
        m.year_source == "explicit" or m.year_source == "relative" and not _counted_back(ld, norm, m))}
    text = nd.doc.text
    out: list[Claim] = []
    cache: dict[int, tuple] = {}
    said: dict[int, tuple[int, str]] = {}

    def text_of(a: int, b: int) -> str:
        rs, re_ = raw_span(nd, a, b)
        return re.sub(r"\s+", " ", text[rs:re_]).strip()

    # (sentence, unit stem) -> (event, event text) of the latest figure there with both
    prior: dict[tuple[int, str], tuple[str, str | None]] = {}
    parts: set[int] = set()             # norm starts of the mentions that are shares of another count
    whole: tuple | None = None          # (sentence, cumulative, event, event text, wide) of the last count that is no share
    last_event: str | None = None       # the event of the document's last count
    running: tuple | None = None        # (sentence, last token, event) of the last count when it is a running total
    head_end = -1                       # where the document's dateline ends, if it has one
    prev: tuple | None = None           # (sentence, last token, mention, kind) of the figure before
    for n, m in enumerate(mentions):
        if KIND[m.kind] == "count" and LEADING_ZERO.fullmatch(norm[m.norm_start:m.norm_end]):
            continue                     # "0041", "007": a clock time, a code or a page number, no quantity told
        k = bisect.bisect_right(starts, m.norm_start) - 1
        if k not in sents:
            made = sents[k] = _sentence(ld, norm, starts[k], starts[k + 1] if k + 1 < len(starts) else len(norm))
            if made is not None:
                _date_aside(ld, made, dated)
        s = sents[k]
        if s is None:
            continue
        si = s.start                    # a sentence is known by its first offset
        if si not in cache:
            ctx = tuple(sorted({ld.stem(t.low) for t in s.toks
                                if _content_word(ld, t) and not _is_mention_tok(t, mspans)}))
            cache[si] = (_events(ld, s, mspans, settings), _attributions(ld, s, mspans, text_of, extra), ctx,
                         _figures(mentions, starts_of, s, settings))
        events, attrs, ctx, figs = cache[si]
        span = _token_span(s, m.norm_start, m.norm_end)
        if span is None:
            continue
        a, b = span
        kind = KIND[m.kind]
        restated = _conversion(ld, s, a, b, kind, m, prev, mspans, settings)
        prev = (si, b, m, kind)
        unit, ustem, next_to = _unit(ld, s, a, b, kind, m, mspans, text_of, settings)
        persons = kind == "count" and unit is not None and ustem is None
        if persons:
            unit = None                  # "17 people": anyone, no unit of its own (the frame says persons)
        if ustem and not ustem.startswith((EVENT_UNIT, TIME_UNIT)):
            ustem = ld.noun_concepts.get(ustem, ustem)   # "طنا" and "tonnes" count one thing
        if kind == "ordinal" and ustem and (ustem, m.value) in ld.ord_idioms:
            continue
        ranked = kind == "ordinal" and _ranked(ld, s, a, unit)
        if head_end > s.start:           # "Published ..." labels the dateline: it tells of no event
            events = [e for e in events if s.toks[e[0]].start >= head_end]
        roles: list[str] = []
        ev, ev_text, spoken, why = _event(ld, s, events, attrs, a, b, kind, mspans, settings)
        if spoken:
            roles.append(STATEMENT_DATE)
        if why:
            roles.append(why)            # the event came past a standing word (C123), "and" (C137) or an aside (C131)
        if ev and kind == "count" and _goods_not_people(ld, ev, ustem):
            ev, ev_text = None, None     # "فقدان 1200 ميغاواط": a loss of power, no one missing
            roles.append(code_of(_goods_not_people))
        if ev and kind == "count" and _children_of(ld, s, a):
            ev, ev_text = None, None     # "the father of four", "أب لأربعة أطفال": his children
            if ustem and ustem.startswith(EVENT_UNIT):
                unit = ustem = None      # "the mother of two was killed": the verb is hers
            roles.append(code_of(_children_of))
        if ev and kind == "count" and _lifted(ld, s, a, b, settings):
            ev, ev_text = ev + LIFTED, ev_text   # "evacuation orders for 1,200 residents were lifted"
            roles.append(code_of(_lifted))
        if kind in ("count", "money") and _rate(ld, s, a, b, settings):
            ev = ev + RATE if ev else RATE[1:]   # "kills 30,000 people every year": a rate, no one event's toll
            roles.append(code_of(_rate))
        if kind in ("count", "money") and _aim(ld, s, a, b, settings):
            ev = ev + AIM if ev else AIM[1:]   # "seeks to bring in at least 300 trucks": a goal, not what happened
            roles.append(code_of(_aim))
        if ev and kind == "count" and _risen_to(ld, s, a, settings):
            roles.append(code_of(_risen_to))   # "the toll rose to 17": this report's count of the event
        if ev and kind == "count" and _found(ld, s, a, b, settings):
            roles.append(code_of(_found))    # "officers found two men with gunshot wounds"
        as_of = False
        if kind == "date" and _dateline(ld, norm, m):
            ev, ev_text, spoken = None, None, True   # "Published 9 May 2025 ...": the report's day, not the event's
            head_end = m.norm_end
            roles = [code_of(_dateline)]
        elif kind == "date" and _post_stamp(ld, norm, s, a, m):
            ev, ev_text, spoken = None, None, True   # "(Published Friday, Sept. 23)", "(@KevinANjax) February 4"
            roles = [code_of(_post_stamp)]
        elif kind == "date" and _as_of(ld, s, a, mspans, settings):
            ev, ev_text, spoken, as_of = None, None, True, True   # "burned 12,400 acres by Tuesday"
            roles = [code_of(_as_of)]
        if kind == "date" and m.precision == "day" and _across_midnight(ld, s, a, b):
            roles.append(code_of(_across_midnight))   # "late Sunday night" may be told as early Monday
        if ustem and ustem.startswith(EVENT_UNIT) and ev and ustem != EVENT_UNIT + ev and \
                why not in (code_of(_standing), code_of(_drawn_from)):
            if next_to:                  # "16 قتيلا وعشرات الجرحى": the noun right after names it
                ev, ev_text = ustem[len(EVENT_UNIT):], unit
            else:                        # "إصابة 130 في القصف": the word after is another event
                unit = ustem = None
        if kind in ("percent", "money"):
            # what a sum or a percent measures says more than the verb that tells it ("the
            # IMF approved a $1.5bn loan" is a loan, "released $2bn in aid" is aid)
            ms = _measure(ld, s, a, b, settings)
            if ms:
                ev, ev_text = ms
                roles.append(code_of(_measure))
        if ranked and ev is None:
            ev, ev_text = RANK, None     # "المرتبة 28", "المركز 528": a place in a ranking, one concept
            roles.append(code_of(_ranked))
        if ev is None and kind == "count" and ustem:
            if (si, ustem) in prior:
                ev, ev_text = prior[(si, ustem)]
        if ev and ustem:
            prior[(si, ustem)] = (ev, ev_text)
        holder = None
        if kind == "count" and (_measurement(ld, s, b) or _measured_before(ld, s, a)):
            ev, ev_text = None, None         # "a 5.9-degree quake", "زلزال بقوة 5.9 درجات": no victims counted
            roles.append(MEASUREMENT)
        if restated:
            roles.append(CONVERSION)     # "1.6 مليار دولار (نحو 1.5 مليار يورو)": the figure before, restated
        if kind == "count" and _is_age(ld, s, a, b, ustem, m, settings):
            # "a 21-year-old man was shot dead", "John Smith, 21, died": a person's age, no toll
            ev, ev_text = AGE, None
            holder = _holder(ld, s, a, b, settings, after=_age_compound(ld, ustem))
            roles.append(code_of(_is_age))
        elif kind == "count" and _score(s, a, b):
            ev, ev_text = SCORE, None        # "فاز 2-1", "won 3-2": a result, two counts of nothing
            roles.append(code_of(_score))
        elif kind == "count" and _population(ld, s, a, settings):
            ev, ev_text = POPULATION, None   # "a community of about 4,500": who lives there, no toll
            roles.append(code_of(_population))
        elif kind == "count" and _year_label(ld, s, a, b, m, nd, settings):
            ev, ev_text = YEAR_LABEL, None   # "the 2014 killing spree": which spree, not how many
            roles.append(code_of(_year_label))
        elif kind == "count" and (size := _size_compound(ld, s, a, b, settings)):
            # "the 20-member forum", "a 14-page text": the size of the thing named after it
            ev, ev_text, holder = SIZE, None, size
            unit, ustem = s.toks[b + 2].text, ld.stem(s.toks[b + 2].low)   # "member": what the size counts
            roles.append(code_of(_size_compound))
        share = kind == "count" and ev not in (AGE, SIZE, YEAR_LABEL) and _is_part(ld, s, a, b, mspans, parts, settings)
        if share:
            roles.append(code_of(_is_part))
        elif kind == "count" and ev not in (AGE, SIZE, YEAR_LABEL) and _groups_listed(ld, s, a, b, mspans):
            share = True                 # "three women and two men were injured"
            roles.append(code_of(_groups_listed))
        elif kind in ("count", "percent") and ev not in (AGE, SIZE, YEAR_LABEL) and _one_place_alone(ld, s, a, mspans):
            share = True                 # "في مدينة الدار البيضاء وحدها، لم تتجاوز نسبة المشاركة 34.1%"
            roles.append(code_of(_one_place_alone))
        why = _increment_rule(ld, s, a, b, m, ev, last_event, settings) if kind == "count" and not share else None
        if why is None and kind in ("count", "money") and not share and _change_size(ld, s, a, settings):
            why = code_of(_change_size)  # "raised the price by 27,000 pounds to 1,489,000": the step, not the price
        increment = why is not None
        if why:
            roles.append(why)
        part = share or increment
        # a date after a running-total cue starts the period ("killed since March 2011", "the
        # war that began in 2011"): it meets only such starts, not the day of one attack
        cumulative = kind in ("count", "date") and _is_cumulative(ld, s, a, b, mspans, settings,
                                                                  before_only=kind == "date")
        if cumulative and kind == "date" and _hours_of_a_day(ld, s, a, b, m, settings):
            cumulative = False           # "منذ منتصف ليل الأربعاء": hours, not a running period of days
            roles.append(code_of(_hours_of_a_day))
        if cumulative:
            roles.append(code_of(_is_cumulative))
            if kind == "date":
                starts_period.add(m.norm_start)
        if kind == "count" and not cumulative and ev and running and running[0] == si \
                and running[2] not in (None, ev) and _listed_after(ld, s, running[1], a, mspans, settings):
            # "the war has killed 250,000, injured 1.2 million and displaced ...": one list of totals
            cumulative = True
            roles.append(code_of(_listed_after))
        if kind == "count":
            running = (si, b, ev) if cumulative else None
        several = kind == "count" and _several(ld, s, a, b, mspans, counts, nd, settings)
        if several:
            roles.append(code_of(_several))
        wide = kind != "date" and _is_wide(ld, s, a, b, settings)
        if wide:
            roles.append(code_of(_is_wide))
        if part:
            if not wide and whole and whole[0] == si and whole[4]:
                wide = True              # "across the country, 44 killed, including 11 women"
                roles.append(code_of(_is_wide))
            parts.add(m.norm_start)
            # a share of a running total is a running share ("since Thursday, 44 killed, including 11 women")
            if not cumulative and whole and whole[0] == si and whole[1]:
                cumulative = True
                roles.append(SHARE_OF_RUNNING_TOTAL)
            if whole and whole[0] == si and whole[2] and (share or ev is None):
                # "27 killed, including 11 on a bus", "18 killed including one child and
                # dozens wounded": a share counts its whole's victims
                ev, ev_text = whole[2], whole[3]
        elif kind == "count":
            whole = (si, cumulative, ev, ev_text, wide)
        if kind == "count":
            last_event = ev
        att = _attribution(attrs, a, b, settings)
        revised = kind != "date" and _revised(ld, s, a, b, settings)
        period = _period(ld, s, a, b, dated, days, mspans, text_of, settings)
        # a running total ("since 2011, the war has killed ...") runs to today, and a date that
        # starts a running period ("since the war began in 2011") dates no past event
        background = kind != "date" and not cumulative and period[2] not in starts_period \
            and period[2] in written_year and _background(period[1], nd)
        if background:
            roles.append(code_of(_background))
        if si not in said:               # one copy of a sentence's text, however many figures it holds
            rs, _ = raw_span(nd, s.start, s.end)
            said[si] = (rs, text_of(s.start, s.end))
        rs, sentence = said[si]
        out.append(Claim(
            id=f"{nd.doc.id}#{n}", mention=m, kind=kind, story=nd.doc.story, outlet=nd.outlet,
            unit=unit, unit_stem=ustem, event=ev, event_text=ev_text,
            attributed_to=att[0] if att else None, attribution_text=att[1] if att else None,
            sentence=sentence, sentence_start=rs,
            sentence_key=(nd.doc.id, si), context=ctx, figures=figs, part=part, cumulative=cumulative, increment=increment,
            speech_date=spoken, roles=tuple(roles) + ((code_of(_revised),) if revised else ()),
            published=nd.published, lang=nd.lang, revised=revised, background=background,
            frame=frame(kind, m, ev, unit, ustem, att, part, increment, cumulative, spoken,
                        bool(roles) and roles[0] == code_of(_dateline), holder,
                        Scope(_place(ld, s, a, b, mspans, text_of, settings),
                              period[0], period[1], wide=wide, several=several, period_at=period[2],
                              period_next=period[3]),
                        background, as_of, persons)))
    return out


AGE = "age"                              # the measure of a person's age (a concept, like "kill")
RANK = "rank"                            # a place in a ranking ("المرتبة 28", "ranked 12th")
SIZE = "size"                            # the size of a thing, told in a compound ("a 20-member forum")
YEAR_LABEL = "year-label"                # a year naming an event ("the 2014 shooting"): no quantity
SCORE = "score"                          # a match's result ("won 2-1"): no quantity
POPULATION = "population"                # how many live in a place ("a town of 4,500"): a concept of its own


@rule("C119", "rank", "claims")
def _ranked(ld: LangData, s: _Sentence, a: int, unit: str | None) -> bool:
    """An ordinal told with a rank noun ("في المرتبة الـ28", "في المركز 528", "finished in
    28th place") is a place in a ranking, whichever rank noun tells it: "المرتبة 28" and
    "المركز 528" are one quantity."""
    toks = s.toks
    if unit and ld.stem(fold(unit).casefold()) in ld.rank_nouns:
        return True                      # "28th place", "المرتبة ال - 28"
    return any(ld.stem(toks[k].low) in ld.rank_nouns for k in range(max(0, a - 1), a + 1))


@rule("C114", "year-label", "claims")
def _year_label(ld: LangData, s: _Sentence, a: int, b: int, m: Mention, nd: NormalizedDoc,
                settings: Settings) -> bool:
    """A four-digit figure between an article and a noun is a year naming an event, not a
    count: "the 2014 killing spree", "the 2009 attack", "the 2016 election".  It must be a
    year that has come (from ``earliest_year`` to the document's year) and be written
    without a thousands separator, as counts of that size are ("the 2,014 people")."""
    toks = s.toks
    if not (a == b and a > 0 and b + 1 < len(toks) and toks[a - 1].low in ld.determiners and toks[b + 1].kind == "word"):
        return False
    return _yearish(toks[a], m.value, nd, settings)


def _yearish(t: Token, value: Any, nd: NormalizedDoc, settings: Settings) -> bool:
    """Four digits with no separator, a year that has come: may name a year ("2014")."""
    latest = nd.published.year if nd.published else dt.date.today().year
    return t.kind == "num" and len(t.text) == 4 and t.text.isdigit() and isinstance(value, int) and \
        settings.earliest_year <= value <= latest


@rule("C121", "score", "claims")
def _score(s: _Sentence, a: int, b: int) -> bool:
    """Two whole numbers joined by a hyphen with no space, the first not below the second,
    are a result ("won 2-1", "فاز ٢-١", "drew 1-1"), not a range (a range rises: "30-45")
    and not two counts: neither counts anything of the story, and neither meets any figure
    (rule A123), nor holds a place in a list (A120)."""
    toks = s.toks

    def whole(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].kind == "num" and toks[k].text.isdigit()
    if a != b or not whole(a):
        return False
    if b + 2 < len(toks) and toks[b + 1].text == "-" and toks[b + 1].glued and toks[b + 2].glued and whole(b + 2):
        return int(toks[a].text) >= int(toks[b + 2].text)
    if a >= 2 and toks[a - 1].text == "-" and toks[a - 1].glued and toks[a].glued and whole(a - 2):
        return int(toks[a - 2].text) >= int(toks[a].text)
    return False


@rule("C113", "size-compound", "claims")
def _size_compound(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> str | None:
    """A count hyphenated to a noun before another noun tells the size of that noun's thing,
    not a count of the story's people or things: "the 20-member forum", "a 14-page text",
    "a 10-point plan".  Returns the thing (its words' stems), which holds the size as a
    person holds an age (rule A116); spans of time ("a three-day visit") are left to the
    time units."""
    toks = s.toks
    if not (b + 3 < len(toks) and toks[b + 1].text == "-" and toks[b + 1].glued and toks[b + 2].glued
            and toks[b + 2].kind == "word" and toks[b + 3].kind == "word"):
        return None
    if ld.time_units.match(toks, b + 2) or ld.ago_units.match(toks, b + 2) or toks[b + 2].low in ld.age_tails:
        return None
    if not _named(toks[b + 3]):
        return ld.stem(toks[b + 3].low)  # "a 14-page text": the noun right after
    words_: list[str] = []               # "the 20-member Atlantic Rim Economic Forum": the name
    for t in toks[b + 3:b + 3 + settings.phrase_tokens]:
        if not _named(t):
            break
        words_.append(ld.stem(t.low))
    return " ".join(sorted(set(words_)))


@rule("C110", "age", "claims")
def _is_age(ld: LangData, s: _Sentence, a: int, b: int, unit_stem: str | None, m: Mention, settings: Settings) -> bool:
    """A person's age is no toll and no span of the story's time: a span compounded into an
    age ("a 21-year-old"), a count after an age word ("aged 21", "البالغ من العمر 21 عاما"),
    or a count standing alone between commas right after a name ("John Smith, 21, died"),
    or years after a word that gives an age with them ("وفاة الإذاعية عن 50 عاما")."""
    toks = s.toks
    if _age_compound(ld, unit_stem) or _age_words_start(ld, toks, a, settings) is not None:
        return True
    if a and unit_stem and unit_stem.startswith(TIME_UNIT + "year") and toks[a - 1].low in ld.age_before_years \
            and isinstance(m.value, int) and 0 < m.value <= settings.oldest_age:
        return True                      # "توفيت عن 50 عاما": died aged 50
    # in brackets right after a noun, alone or in years: "المتهم الرئيسي (41 عاما)", "Smith (21)"
    years = unit_stem is None or unit_stem.startswith(TIME_UNIT + "year")
    closed = (b + 1 < len(toks) and toks[b + 1].text == ")") or (years and b + 2 < len(toks) and toks[b + 2].text == ")")
    if closed and 1 < a and toks[a - 1].text == "(" and toks[a - 2].kind == "word" and isinstance(m.value, int) \
            and 0 < m.value <= settings.oldest_age:
        return True
    # apposition: a name, then the figure alone between commas; not a place ("In Homs, 12,
    # including children, ...") and nothing a person could not be.  The last of a list of
    # names and ages may end on "and", a verb or the sentence ("A, 24, B, 25 and C, 32 were")
    return (not unit_stem and 1 < a and b + 1 < len(toks) and _name_comma(ld, toks, a)
            and isinstance(m.value, int) and 0 < m.value <= settings.oldest_age
            and (toks[b + 1].text == "," and not ld.partitive_before.match(toks, b + 2)
                 or _listed_ages(ld, toks, a) and (toks[b + 1].kind == "punct" or toks[b + 1].low in ld.conj_words
                                                   or toks[b + 1].low in ld.auxiliaries)))


def _name_comma(ld: LangData, toks: list[Token], a: int) -> bool:
    """A name, then a comma, right before ``a`` (and no preposition before the name)."""
    return a > 1 and toks[a - 1].text == "," and _named(toks[a - 2]) and (a < 3 or toks[a - 3].low not in ld.stopwords)


def _listed_ages(ld: LangData, toks: list[Token], a: int) -> bool:
    """An age between commas after a name earlier in the sentence ("A, 24, B, 25 and C, 32")."""
    return any(toks[k].kind == "num" and toks[k + 1].text == "," and _name_comma(ld, toks, k)
               for k in range(2, a - 2))


def _age_compound(ld: LangData, unit_stem: str | None) -> bool:
    """The unit is a span compounded into an age: "time:year-old"."""
    return bool(unit_stem and unit_stem.startswith(TIME_UNIT) and "-" in unit_stem
                and unit_stem.rsplit("-", 1)[-1] in ld.age_tails)


def _age_words_start(ld: LangData, toks: list[Token], a: int, settings: Settings) -> int | None:
    """Where age words ending right before the count at ``a`` start ("aged 21", "البالغ من
    العمر 21"), or None."""
    # "عن عمر يناهز الـ90 عاما": the definite article a language writes on digits stands between
    end = a - 1 if a and toks[a - 1].low in ld.ord_digit_prefixes else a
    for k in range(max(0, end - settings.before_window), a):
        hit = ld.age_before.match(toks, k)
        if hit and (k + hit[0] in (a, end) or (k + hit[0] > a and ld.hedge_before.match(toks, a))):
            return k                     # "عن عمر يناهز 79 عاما": the age words take the figure's hedge in
    return None


def _named(t: Token) -> bool:
    """A word written with a capital letter: part of a name, where the script has case."""
    return t.kind == "word" and t.text[:1].isupper() and t.text[1:2].islower()


def _head_of_age(ld: LangData, toks: list[Token], a: int, b: int, settings: Settings, compound: bool) -> str | None:
    """With no name by it, the noun phrase an age belongs to, as its words' stems: after an
    age compound ("the 17-year-old victim"), else before the age words ("مقبرة أثرية عمرها
    4400 عام", "a man aged 40").  Heads come first in some languages and last in others,
    so the phrase is kept whole and two holders meet on any shared word."""
    words_: list[str] = []
    if compound:
        end = min(len(toks), b + 2 + DESIGNATOR_LEN)                      # "-year-old" is within reach
        k = next((j for j in range(b + 1, end) if toks[j].low in ld.age_tails), end)
        rng = range(k + 1, min(len(toks), k + 1 + settings.phrase_tokens))
    else:
        start = _age_words_start(ld, toks, a, settings)
        if start is None:
            start = a
        if start > 0 and toks[start - 1].text == "(":                     # "المتهم الرئيسي (41 عاما)"
            start -= 1
        rng = range(start - 1, max(-1, start - 1 - settings.phrase_tokens), -1)
    for j in rng:
        t = toks[j]
        if t.kind != "word" or t.low in ld.stopwords:
            if words_ or t.kind == "punct":
                break
            continue
        if t.low not in ld.determiners:
            words_.append(ld.stem(t.low))
    return " ".join(sorted(set(words_))) or None


def _holder(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings, after: bool = False) -> str | None:
    """Who or what holds an age: the name next to it ("John Smith, 21", "21-year-old John
    Smith", "Smith, aged 21"), the nearest run of capitalised words within a noun phrase's
    reach; else (a script without case, or no name) the noun it belongs to."""
    toks = s.toks
    reach = settings.phrase_tokens + 1
    ahead = reach + (DESIGNATOR_LEN + 1 if after else 0)     # past the compound's "-year-old"
    spans = []
    for lo, hi, step in ((a - 1, max(-1, a - 1 - reach), -1), (b + 1, min(len(toks), b + 1 + ahead), 1)):
        run: list[Token] = []
        for k in range(lo, hi, step):
            t = toks[k]
            if _named(t) and t.low not in ld.determiners:
                run.append(t)
            elif run:
                break
        if run:
            spans.append(sorted(run, key=lambda t: t.start))
    if not spans:
        return _head_of_age(ld, toks, a, b, settings, after)
    # an age compound ("21-year-old John Smith") modifies the name after it; elsewhere the
    # nearest name holds the age
    best = (spans[-1] if after and spans[-1][0].start > toks[b].start else
            min(spans, key=lambda r: min(abs(r[0].start - toks[a].start), abs(r[-1].start - toks[a].start))))
    return " ".join(sorted({ld.stem(t.low) for t in best}))


def typed_unit(kind: str, m: Mention, unit_stem: str | None, persons: bool = False) -> Unit:
    """The unit as a typed value; the claims stage is the only one that reads its stems.  A
    count of "people" names no unit of its own, but says that it counts persons."""
    if not unit_stem:                    # a percent or a sum names its unit by its kind
        return Unit("percent") if kind == "percent" else Unit("currency", m.currency) if kind == "money" \
            else Unit("none", PERSONS if persons else None)
    if unit_stem.startswith(EVENT_UNIT):
        return Unit("role", unit_stem[len(EVENT_UNIT):])
    if unit_stem.startswith(TIME_UNIT):
        return Unit("time", unit_stem[len(TIME_UNIT):])
    return Unit("noun", unit_stem)


def frame(kind: str, m: Mention, ev: str | None, unit: str | None, ustem: str | None, att: tuple[str | None,
          str] | None, part: bool,
          increment: bool, cumulative: bool, spoken: bool, dateline: bool, holder: str | None = None,
          scope: Scope = Scope(), background: bool = False, as_of: bool = False, persons: bool = False) -> Frame:
    """The typed description of one claim (see :class:`discrep.model.Frame`)."""
    if m.qualifier == "previous":
        role = Role.PREVIOUS
    elif background:
        role = Role.BACKGROUND
    elif increment:
        role = Role.INCREMENT
    elif part:
        role = Role.SHARE
    elif cumulative and kind != "date":
        role = Role.RUNNING_TOTAL
    else:
        role = Role.WHOLE
    anchor = None
    if kind == "date":
        anchor = Anchor.REPORT if dateline else Anchor.AS_OF if as_of else Anchor.STATEMENT if spoken else Anchor.EVENT
    return Frame(measure=ev, head=unit, unit=typed_unit(kind, m, ustem, persons), role=role, anchor=anchor,
                 source=Source(att[0] if att else None, att[1] if att else None),
                 period_start=kind == "date" and cumulative, holder=holder, scope=scope)


@rule("C107", "statement-date", "claims")
def _statement_date() -> None:
    """A date told as the day a source spoke ("the ministry said on Tuesday", "قالت الوزارة
    يوم الثلاثاء") dates the statement, not the event: it is marked ``speech_date``."""


@rule("C109", "share-of-running-total", "claims")
def _share_of_running_total() -> None:
    """A share of a running total in the same sentence is a running share too ("since
    Thursday, 44 killed, including 11 women"): it meets only running totals."""


STATEMENT_DATE = code_of(_statement_date)
SHARE_OF_RUNNING_TOTAL = code_of(_share_of_running_total)


@rule("C101", "share", "claims")
def _is_part(ld: LangData, s: _Sentence, a: int, b: int, mspans: Spans, parts: set[int], settings: Settings) -> bool:
    """A count that is a share of another: "18 killed, including five children", "two of
    them", "one of 12 survivors", "إحدى السفينتين" (one of the two ships), and the counts
    listed after such a cue ("including 11 women, nine children")."""
    toks = s.toks
    if ld.partitive_after.match(toks, b + 1) or toks[a].low in ld.partitive_words:
        return True                      # "one of them", "إحدى السفينتين" (one of the two ships)
    if b + 2 < len(toks) and toks[b + 1].low in ld.partitive_links and _is_mention_tok(toks[b + 2], mspans):
        return True                      # "one of 12 survivors", "واحد من 12 ناجيا"
    for k in range(a - 1, max(-1, a - 1 - settings.partitive_window), -1):
        t = toks[k]
        hit = ld.partitive_before.match(toks, k)
        if hit and k + hit[0] <= a:
            return True
        if _is_mention_tok(t, mspans):
            # the next item of a list of shares ("including 11 women, nine children"): only
            # the previous item's noun and a conjunction or comma in between
            gap = toks[k + 1:a]
            listed = all(g.kind == "punct" and g.text in ld.clause_breaks or g.low in ld.conj_words
                         or g.kind == "word" and g.low not in ld.stopwords and not ld.event_of(g.low) for g in gap)
            return listed and _mention_start(t, mspans) in parts
        if t.kind == "word" and (ld.event_of(t.low) or ld.clause_words.match(toks, k)):
            return False
    return False


GROUP_NOUN_WORDS = 2                    # the words of one group's noun in a list ("adult females")


@rule("C132", "groups-listed", "claims")
def _groups_listed(ld: LangData, s: _Sentence, a: int, b: int, mspans: Spans) -> bool:
    """Counts of groups of people joined by "and" ("three women and two men were injured",
    "two men and a woman", "قتل ثلاثة رجال وأربع نساء") are each a share of their sum, not a
    toll: "three women" is no rival to "five people".  The groups are the language data's
    ``group_nouns`` (men, women, children, soldiers, civilians...): "40 homes and 12 schools"
    are two counts of their own."""
    toks = s.toks

    def noun(lo: int, hi: int) -> bool:     # a group's noun: a few content words, no event, one a group's
        gap = toks[lo:hi]
        return 0 < len(gap) <= GROUP_NOUN_WORDS and all(
            g.kind == "word" and g.low not in ld.stopwords and g.low not in ld.conj_words and not ld.event_of(g.low)
            and not _is_mention_tok(g, mspans) for g in gap) and any(ld.stem(g.low) in ld.group_nouns for g in gap)

    def joined(k: int) -> bool:             # a conjunction at k: a word, or a prefix of the count it joins
        return toks[k].low in ld.conj_words or (_is_mention_tok(toks[k], mspans)
                                                 and toks[k].low.startswith(ld.conj_prefixes))

    # the first of the list: its noun, "and", then another count (or "a") and that one's noun
    for k in range(b + 2, min(len(toks), b + 2 + GROUP_NOUN_WORDS)):
        if noun(b + 1, k) and joined(k):
            nxt = k + 1 if toks[k].low in ld.conj_words else k
            if nxt < len(toks) and (_is_mention_tok(toks[nxt], mspans) or toks[nxt].low in ld.indefinite_articles):
                end = nxt
                while end + 1 < len(toks) and _is_mention_tok(toks[end + 1], mspans):
                    end += 1
                return noun(end + 1, min(len(toks), end + 2))
            return False
    # a later one: another count and its noun, then "and", then this one with its own noun
    if not noun(b + 1, min(len(toks), b + 2)):
        return False
    k = a if toks[a].low.startswith(ld.conj_prefixes) and toks[a].low not in ld.conj_words else a - 1
    if k < 1 or not joined(k) or (k == a - 1 and toks[k].low not in ld.conj_words):
        return False
    return any(_is_mention_tok(toks[j], mspans) and noun(j + 1, k) for j in range(max(0, k - 1 - GROUP_NOUN_WORDS), k - 1))


def _increment_rule(ld: LangData, s: _Sentence, a: int, b: int, m: Mention, ev: str | None, last_event: str | None,
                    settings: Settings) -> str | None:
    """The code of the first rule that reads the count at [a, b] as more besides a figure
    before, or None."""
    if _is_increment(ld, s.toks, a, b, settings):
        return code_of(_is_increment)
    if _more_of_the_same(ld, s, a, b, ev, last_event, settings):
        return code_of(_more_of_the_same)
    if _others_besides_one(ld, s, a, b, m, ev, settings):
        return code_of(_others_besides_one)
    return None


LIFTED = "-lifted"                     # the concept of an order undone: "evacuate-lifted"
AIM = "-aim"                            # the concept of a goal: "deliver-aim", or "aim" with no event
AIM_WORDS = 4                           # the longest aim phrase in words ("من المتوقع أن")


@rule("C134", "goods-not-people", "claims")
def _goods_not_people(ld: LangData, ev: str, ustem: str | None) -> bool:
    """An event that befalls people (``person_events``: killed, missing, evacuated...) does not
    govern a count of goods or capacity (``amount_concepts``), of spans of time or of
    incidents (``incident_nouns``): "فقدان 1200 ميغاواط" is a loss of power, no one missing,
    "the flood displaced 300 tonnes of debris" no people, "20 years in prison in the death
    of" a term and "four shootings that left two dead" a count of shootings; the count
    keeps its noun alone."""
    return ev in lang.person_events() and ustem is not None and (
        ustem in lang.amount_concepts() or ustem.startswith(TIME_UNIT) and not _age_compound(ld, ustem)
        or ustem in ld.incident_stems)


@rule("C142", "children-of", "claims")
def _children_of(ld: LangData, s: _Sentence, a: int) -> bool:
    """A count after a parent's noun gives a person's children, not an event's toll: "the
    father of four was killed", "a mother of two", "وهو أب لأربعة أطفال" (``parent_nouns``,
    then ``parent_links`` or a clitic of ``parent_clitics`` on the figure)."""
    toks = s.toks
    if a > 1 and toks[a - 1].low in ld.parent_links and toks[a - 2].low in ld.parent_nouns:
        return True
    return a > 0 and toks[a - 1].low in ld.parent_nouns and \
        any(toks[a].low.startswith(c) and len(toks[a].low) > len(c) for c in ld.parent_clitics)


@rule("C135", "statement-noun-date", "claims")
def _statement_noun_date(ld: LangData, s: _Sentence, a: int, settings: Settings) -> bool:
    """A date a few words after a statement's noun in its clause ("في بيان أصدرته أمس
    الاثنين", "in a statement on Monday", "at a news conference Tuesday") is the day the
    source spoke, not the event's, even when the speech verb sits in another clause
    ("وأكدت الوزارة، في بيان أصدرته أمس الاثنين، أن ...")."""
    c, toks = s.clause_of[a], s.toks
    for k in range(max(0, a - settings.statement_reach), a):
        hit = ld.statement_nouns.match(toks, k)
        if hit and k + hit[0] <= a and all(s.clause_of[j] == c for j in range(k, a)):
            return True
    return False


@rule("C137", "coordinated-clause", "claims")
def _coordinated_after(ld: LangData, s: _Sentence, k: int, a: int) -> bool:
    """A conjunction between an event word and a figure after it ("a man was killed and five
    other people were wounded", "قتل شخص و5 آخرون أصيبوا") starts a clause of its own: when
    an event word follows the figure, that one is the figure's, not the one before "and"."""
    return any(t.low in ld.conj_words for t in s.toks[k + 1:a])


@rule("C138", "risen-to", "claims")
def _risen_to(ld: LangData, s: _Sentence, a: int, settings: Settings) -> bool:
    """A figure told as the new value of a change in its clause ("the toll rose to 17",
    "ارتفعت حصيلة الضحايا إلى 17 قتيلا", "عدد المفقودين تراجع إلى 23") is the event's count as
    this report has it: it meets the event's earlier counts whatever days the sentences name
    (rule A112 keeps no such pair apart), so a story that moved is an update, not two events."""
    toks, c = s.toks, s.clause_of[a]
    if not (a and (hit := ld.change_to.match(toks, a - 1)) and hit[0] == 1):
        return False
    return any(s.clause_of[k] == c and ld.change_verbs.match(toks, k)
               for k in range(max(0, a - 1 - settings.event_window), a - 1))


RATE = "-rate"                          # the concept of a rate: "kill-rate", or "rate" with no event


@rule("C139", "rate", "claims")
def _rate(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """A figure told per span of time ("gun violence kills 30,000 people every year", "يموت
    5000 شخص سنويا", "tens of thousands of casualties each year") is a rate: its own
    concept, no rival to one event's count."""
    return _clause_says(ld.rate_words, s, a, b, settings.event_window)


@rule("C133", "aim", "claims")
def _aim(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """A figure that a verb of aim governs in its clause ("the UN seeks to bring in at least
    300 trucks", "تسعى إلى إدخال 300 شاحنة", "plans to build 5,000 homes", "تعتزم بناء") is a
    goal: its own concept (the event's with ``-aim``), no rival to what happened.  The aim
    must end at most ``aim_reach`` words before the figure (its verb between): in "plans to
    seek the death penalty against two men charged in an ambush that killed five" neither
    figure is the plan's."""
    c, toks = s.clause_of[a], s.toks
    for k in range(max(0, a - settings.aim_reach - AIM_WORDS), a):
        hit = ld.aim_words.match(toks, k)
        if hit and a - settings.aim_reach <= k + hit[0] <= a and all(s.clause_of[j] == c for j in range(k, a)):
            return True
    return False


@rule("C125", "order-lifted", "claims")
def _lifted(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """A figure whose clause tells an order undone ("evacuation orders for 1,200 residents
    were lifted", "أُلغيت أوامر الإخلاء لنحو 1200 من السكان") counts those the event no
    longer holds: its own concept, no rival to the event's figure."""
    return _clause_says(ld.lifted_words, s, a, b, settings.event_window)


@rule("C130", "found-at-scene", "claims")
def _found(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """A figure whose clause tells responders finding people ("officers found two men with
    gunshot wounds", "عثرت الشرطة على جثتي رجلين") counts those found at one scene, which
    may be only part of the toll (others reach hospitals on their own, or lie elsewhere).
    The figure keeps its event, but it is no document's sole figure of it (rule A205)."""
    return _clause_says(ld.found_words, s, a, b, settings.event_window, before=True)


@rule("C128", "population", "claims")
def _population(ld: LangData, s: _Sentence, a: int, settings: Settings) -> bool:
    """A count right after a place's head and "of" ("a community of about 4,500", "the town of
    12,000 people", "بلدة يبلغ عدد سكانها 4500 نسمة") tells how many live there: the concept
    ``population``, no toll of the event the sentence tells."""
    toks = s.toks
    for k in range(max(0, a - settings.before_window), a):
        hit = ld.population_heads.match(toks, k)
        if hit and k + hit[0] == a:
            return True
    return False


@rule("C124", "one-place-alone", "claims")
def _one_place_alone(ld: LangData, s: _Sentence, a: int, mspans: Spans) -> bool:
    """A figure told of one place "alone" ("In Casablanca alone, turnout was 34.1%", "أما في
    مدينة الدار البيضاء وحدها، فلم تتجاوز نسبة المشاركة 34.1%") is a part of the story's
    whole, not its rival: the cue before it in its clause, or in the clause that opens the
    sentence when that clause gives no figure of its own."""
    toks, c = s.toks, s.clause_of[a]
    for k in range(a - 1, -1, -1):
        if _is_mention_tok(toks[k], mspans):
            return False                 # another figure between: the cue is that one's
        if s.clause_of[k] not in (c, 0):
            continue                     # a clause between tells something else
        if toks[k].low in ld.alone_words:
            return True
    return False


@rule("C129", "change-size", "claims")
def _change_size(ld: LangData, s: _Sentence, a: int, settings: Settings) -> bool:
    """A count or sum right after "by" that follows a verb of change in its clause ("raised
    the price by 27,000 pounds to 1,489,000", "رفعت السعر بمقدار 27 ألف ليرة") is the size
    of the change: an increment, no rival to the level the thing reached."""
    toks = s.toks
    by = next((k for k in range(max(0, a - settings.before_window), a)
               if (hit := ld.change_by.match(toks, k)) and k + hit[0] == a), None)
    if by is None:
        return False
    c = s.clause_of[by]
    return any(s.clause_of[k] == c and ld.change_verbs.match(toks, k)
               for k in range(max(0, by - settings.event_window), by))


@rule("C102", "increment", "claims")
def _is_increment(ld: LangData, toks: list[Token], a: int, b: int, settings: Settings) -> bool:
    """"three more died", "5 قتلى إضافيين": victims besides the toll, not the toll."""
    return any(k < len(toks) and toks[k].low in ld.increment_after for k in range(b + 1, b + 1 + settings.after_window))


@rule("C103", "more-of-the-same", "claims")
def _more_of_the_same(ld: LangData, s: _Sentence, a: int, b: int, ev: str | None, last_event: str | None,
                      settings: Settings) -> bool:
    """"14 others died" or "another six were killed" after "9 killed on the bus": victims
    besides a figure before, not the toll.  "Two killed and five others wounded" and "killed
    12 and wounded another 35" start the wounded's own figure, and so does "killing a
    policeman and wounding 4 others" (no figure before)."""
    toks = s.toks
    return bool(ev) and last_event == ev and (
        _others_after(ld, toks, b, settings)
        or any(k >= 0 and (hit := ld.increment_before.match(toks, k)) and k + hit[0] == a
               for k in range(a - settings.before_window, a)))


def _others_after(ld: LangData, toks: list[Token], b: int, settings: Settings) -> bool:
    """"others" follows the figure ending at ``b``, a word or so on ("14 others", "4 آخرين")."""
    return any(k < len(toks) and toks[k].low in ld.others_words for k in range(b + 1, b + 1 + settings.after_window))


@rule("C104", "others-besides-one", "claims")
def _others_besides_one(ld: LangData, s: _Sentence, a: int, b: int, m: Mention, ev: str | None, settings: Settings) -> bool:
    """"killed a nurse and four others", "مقتل ممرضة و4 آخرين": the others are besides a victim
    named without a figure, so four is not the toll.  The victim is a short phrase joined by a
    conjunction, right after a word of the figure's own event."""
    toks = s.toks
    if not ev or not _others_after(ld, toks, b, settings):
        return False
    lead = toks[a].text[:max(0, m.norm_start - toks[a].start)]
    if lead and lead in ld.conj_prefixes:
        j = a - 1                        # "وأربعة": the conjunction is written on the figure
    elif a and toks[a - 1].low in ld.conj_words:
        j = a - 2
    else:
        return False
    phrase = 0
    while j >= 0 and phrase <= settings.phrase_tokens:
        t = toks[j]
        if t.kind != "word":
            return False
        if ld.event_of(t.low):
            return phrase > 0 and ld.event_of(t.low) == ev
        phrase += 1
        j -= 1
    return False


@rule("C106", "list-of-totals", "claims")
def _listed_after(ld: LangData, s: _Sentence, prev_b: int, a: int, mspans: Spans, settings: Settings) -> bool:
    """The count at ``a`` follows the one ending at ``prev_b`` in one list ("killed 250,000,
    injured 1.2 million"): near, with no other figure, clause word, period, running-total cue
    or new reported clause between ("rescued 160 since the floods began, and that 1,240
    families fled" is two statements)."""
    gap = s.toks[prev_b + 1:a]
    return a - prev_b <= settings.cumulative_window and not any(
        _is_mention_tok(t, mspans) or ld.clause_words.match(s.toks, prev_b + 1 + i)
        or ld.cumulative_cues.match(s.toks, prev_b + 1 + i) or t.low in ld.complementizers
        or t.kind == "punct" and t.text not in ld.clause_breaks for i, t in enumerate(gap))


def _mention_start(t: Token, spans: Spans) -> int:
    i = bisect.bisect_left(spans, (t.end, -1)) - 1
    return spans[i][0] if i >= 0 else -1


@rule("C105", "running-total", "claims")
def _is_cumulative(ld: LangData, s: _Sentence, a: int, b: int, mspans: Spans, settings: Settings,
                   before_only: bool = False) -> bool:
    """A running total ("68 killed since Saturday"): a cumulative cue near the count, in its
    clause.  "منذ 30 عاما" / "since 30 years" gives a span, not a start: "6 killed in floods
    unseen for 30 years" is one event's toll.  With ``before_only`` (for a date) only a cue
    before it counts: "since March 2011" starts a period, "on 3 May, after the war began" does not."""
    toks = s.toks
    c = s.clause_of[a]
    lo, hi = max(0, a - settings.cumulative_window), min(len(toks), b + settings.cumulative_window + 1)
    if before_only:
        hi = a

    def duration_at(n: int):                  # "30 عاما", "24 hours", "two days"
        # a count before a unit of time; not a date whose own words name a period ("منذ مطلع
        # العام الحالي", "since the start of the year" start a running total)
        return n + 1 < len(toks) and _is_mention_tok(toks[n], mspans) and not (a <= n <= b) and \
            (toks[n].kind == "num" or bool(ld.numwords.match(toks, n))) and \
            bool(ld.ago_units.match(toks, n + 1) or ld.time_units.match(toks, n + 1))

    # a cue opening the sentence in a clause of its own scopes over it ("Since January, ...",
    # "ومنذ مطلع العام الجاري، ..."), when that clause tells no event ("The war has killed
    # 300,000, while a strike killed 9" does not make the strike's toll a running total)
    opener = [0] if lo and not before_only and s.clause_of[a] and not any(
        ld.event_of(t.low) for t, cl in zip(toks, s.clause_of) if cl == 0) else []
    for k in opener + list(range(lo, hi)):
        if s.clause_of[k] != c and k:
            continue                     # a cue opening the sentence scopes over it ("Since May, ...")
        hit = ld.cumulative_cues.match(toks, k)
        if hit and not duration_at(k + hit[0]):
            return True
        hit = ld.period_preps.match(toks, k)
        if hit and duration_at(k + hit[0]):
            return True                  # "killed 40 in two days"
    return False


@rule("C122", "hours-of-a-day", "claims")
def _hours_of_a_day(ld: LangData, s: _Sentence, a: int, b: int, m: Mention, settings: Settings) -> bool:
    """A day after "since" that a time of day qualifies ("since midnight Wednesday", "منذ
    ساعات الصباح الأولى يوم الأحد", "since Sunday morning") starts a span of hours: it is the
    day something happened or took effect, not the start of a running total of days."""
    if m.precision != "day":
        return False                     # "since early 2019" starts a period of months
    toks = s.toks
    lo = max(0, a - settings.cumulative_window)
    cue = max((k for k in range(lo, a) if ld.cumulative_cues.match(toks, k)), default=None)
    if cue is None:
        return False
    return any(ld.day_parts.match(toks, k) for k in range(cue + 1, a)) or bool(ld.day_parts.match(toks, b + 1))


@rule("C117", "background", "claims")
def _background(period_days: tuple[int, int] | None, nd: NormalizedDoc) -> bool:
    """A figure whose clause dates it to a year before the report's recalls an earlier story
    ("the April 2019 floods killed 11 in the same province", "سيول نيسان/أبريل 2019 التي
    أودت بحياة 11 شخصا"): it is background, which meets only background (rule A119).  A
    running total since such a year ("since 2011, the war has killed ...") runs to today,
    and a date elsewhere in the sentence ("the first attack since the war began in 2011
    killed two soldiers") does not date the figure."""
    return nd.published is not None and period_days is not None and \
        dt.date.fromordinal(period_days[1]).year < nd.published.year


@rule("C118", "as-of-date", "claims")
def _as_of(ld: LangData, s: _Sentence, a: int, mspans: Spans, settings: Settings) -> bool:
    """A date after "by", "as of" or "حتى" ("the fire had burned 12,400 acres by Tuesday
    morning", "حتى صباح اليوم") tells when a running figure stood so, not when an event
    happened: like the day a source spoke, it keeps no two figures apart.  So does the day
    of a clause in which a figure rises or falls to a new value ("the toll rose to 21 on
    Saturday", "ارتفعت حصيلة القتلى إلى 21 يوم السبت")."""
    toks = s.toks
    for k in range(max(0, a - 2), a):
        hit = ld.as_of_preps.match(toks, k)
        if hit and k + hit[0] == a:
            return True
    if any(ld.cumulative_cues.match(toks, k) for k in range(max(0, a - 3), a)):
        return False                     # "rose to 4,870 since the start of the year": a period's start
    c = s.clause_of[a]
    clause = [k for k in range(len(toks)) if s.clause_of[k] == c]
    for k in clause:
        if not ld.change_verbs.match(toks, k):
            continue
        for j in range(k + 1, min(len(toks), k + settings.event_window)):
            hit = ld.change_to.match(toks, j)
            # (not the "to" of a hedge inside the figure: "cut tariffs by up to 40%")
            if hit and s.clause_of[j] == c and j + hit[0] < len(toks) and not _is_mention_tok(toks[j], mspans) and \
                    _is_mention_tok(toks[j + hit[0]], mspans) and toks[j + hit[0]].kind == "num":
                return True
    return False


@rule("C115", "revision", "claims")
def _revised(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """The clause says the figure was revised ("the ministry revised the toll to 31", "عدّلت
    الوزارة الحصيلة إلى 31", "lowered its estimate to 900"): a later report that gives it
    updates an earlier one, even downward (rule D205)."""
    return _cue_near(ld.revision_words, s, a, b, settings.event_window)


@rule("C116", "measurement", "claims")
def _measurement(ld: LangData, s: _Sentence, b: int) -> bool:
    """A figure in a unit of measure (degrees, kilometres, tonnes, hours: the language's
    ``measure_words``), or after a measure's name (``measure_before``: "a magnitude 6 quake",
    "بقوة 7,3 درجات"), measures something; it counts no victims of the event near it: "a
    quake of magnitude 5.9 killed 41", "زلزال بقوة 5.9 درجات أودى بحياة 41"."""
    toks = s.toks
    k = b + 1
    if k < len(toks) and toks[k].text == "-" and toks[k].glued:
        k += 1                           # "a 5.9-degree quake"
    return k < len(toks) and bool(ld.measure_words.match(toks, k))


def _measured_before(ld: LangData, s: _Sentence, a: int) -> bool:
    """A measure named right before the figure ("a magnitude 5.9 quake", "زلزال بقوة 7,3
    درجات"): the figure measures, as with a unit after it (C116)."""
    return any((m := ld.measure_before.match(s.toks, k)) and k + m[0] == a for k in range(max(0, a - 3), a))


MEASUREMENT = code_of(_measurement)


@rule("C120", "conversion", "claims")
def _conversion(ld: LangData, s: _Sentence, a: int, b: int, kind: str, m: Mention, prev: tuple | None,
                mspans: Spans, settings: Settings) -> bool:
    """A figure that restates the one before it in another currency or unit, in brackets or
    after a word of equivalence: "$1.6bn (about €1.5bn)", "1.4 مليار دولار (نحو 4.2 مليار
    دينار)", "350 مليون يورو، أي ما يعادل قرابة 380 مليون دولار", "12,400 acres (about 5,000
    hectares)".  It is the same quantity as its neighbour, told at an exchange rate or a
    conversion factor: no rival to any other figure (rule A122)."""
    if prev is None or prev[0] != s.start or prev[3] != kind or kind not in ("money", "count"):
        return False
    toks, pb, pm = s.toks, prev[1], prev[2]
    cue = 0
    if a and toks[a - 1].text == "(":
        cue = 1
    else:
        for k in range(max(pb + 1, a - settings.phrase_tokens), a):
            hit = ld.conversion_cues.match(toks, k)
            if hit and k + hit[0] == a:
                cue = a - k
                break
    if not cue:
        return False
    between = toks[pb + 1:a - cue]
    if len(between) > settings.phrase_tokens or any(t.kind == "num" or _is_mention_tok(t, mspans) for t in between):
        return False                     # only the first figure's unit (and a comma) in between
    if kind == "money":
        # after a word of equivalence even one currency's figure restates ("59.8 أوقية، أي
        # ما يعادل 598 أوقية قديمة": the old ouguiya); a bracket must change the currency
        return bool(m.currency and pm.currency and (m.currency != pm.currency or toks[a - 1].text != "("))
    # two measures of one thing in two units: each a unit of measure, not the same one
    before = [t for t in between if t.kind == "word"]
    return bool(before) and _measurement(ld, s, b) and _measurement(ld, s, pb) and \
        ld.stem(before[0].low) != ld.stem(toks[b + 1].low if b + 1 < len(toks) else "")


@rule("C111", "whole-area", "claims")
def _is_wide(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> bool:
    """A figure for a whole area, not one place in it ("40 killed across the country", "40
    قتيلا في مختلف أنحاء البلاد"): an area cue near the figure, in its clause or opening the
    sentence.  It meets only other whole-area figures (rule A117)."""
    return _cue_near(ld.area_cues, s, a, b, settings.cumulative_window, opening=True)


SEVERAL_GAP = 2                          # words between a count and the occurrences it counts ("four separate shootings")


@rule("C141", "several-occurrences", "claims")
def _several(ld: LangData, s: _Sentence, a: int, b: int, mspans: Spans, counts: dict[int, Any],
             nd: NormalizedDoc, settings: Settings) -> bool:
    """A count its clause gives as the total of several occurrences ("two dead and seven
    wounded in four separate shootings", "a pair of shootings", "قتل 12 في ثلاث غارات") sums
    several events: the occurrence noun nearest the figure in its clause is counted (two or
    more) or told with a word of plurality (``several_words``).  "17 killed in an airstrike,
    after some 30 strikes hit the region" is one strike's toll.  Such a total meets only
    other totals (rule A124)."""
    toks, c = s.toks, s.clause_of[a]

    def modifies(gap: list[Token]) -> bool:
        return len(gap) <= SEVERAL_GAP and all(t.kind == "word" and t.low not in ld.stopwords
                                               and not ld.event_of(t.low) for t in gap)

    def plural(k: int) -> bool:
        for j in range(max(0, k - settings.phrase_tokens), min(len(toks), k + settings.phrase_tokens + 1)):
            if j == k or a <= j <= b:
                continue
            sw = ld.several_words.match(toks, j)
            if sw and modifies(toks[j + sw[0]:k] if j < k else toks[k + 1:j]):
                return True              # "multiple Russian airstrikes", "غارات جوية متفرقة"
            if j < k and _is_mention_tok(toks[j], mspans) and \
                    isinstance(v := counts.get(_mention_start(toks[j], mspans)), int) and v >= 2 and \
                    not _yearish(toks[j], v, nd, settings) and \
                    modifies([t for t in toks[j + 1:k] if not _is_mention_tok(t, mspans)]):
                return True              # "four separate shootings", "ثلاث غارات"
        return False

    if s.occurrences is None:
        s.occurrences = [k for k in range(len(toks)) if ld.occurrences.match(toks, k)]
    near = [k for k in s.occurrences if not a <= k <= b and s.clause_of[k] == c
            and a - settings.event_window <= k <= b + settings.event_window]
    if not near:
        return False
    return plural(min(near, key=lambda k: (a - k if k < a else k - b, k)))   # the nearest decides


def _cue_near(cues: Lexicon, s: _Sentence, a: int, b: int, reach: int, opening: bool = False) -> bool:
    """A cue of ``cues`` within ``reach`` tokens of the figure, in its clause (or, with
    ``opening``, opening the sentence)."""
    toks, c = s.toks, s.clause_of[a]
    for k in range(max(0, a - reach), min(len(toks), b + reach + 1)):
        if (s.clause_of[k] == c or (opening and not k)) and cues.match(toks, k):
            return True
    return False


@rule("C112", "measure", "claims")
def _measure(ld: LangData, s: _Sentence, a: int, b: int, settings: Settings) -> tuple[str, str] | None:
    """What a percent or a sum measures, over any event word: the nearest measure word of its
    clause ("turnout reached 47.3 percent", "بلغت نسبة المشاركة 47.3 في المئة", "a $1.5bn
    loan"), a concept shared by all languages.  Two figures of different measures (inflation
    and growth) are then kept apart, and two of one measure meet as readily as two tolls."""
    toks = s.toks
    runs: list[list[tuple[int, int, str]]] = []     # measure words next to each other: one phrase
    reach = list(_clause_range(s, a, b, settings.event_window))
    lo = reach[0]
    opens = lo + 1 if toks[lo].text in ld.clause_breaks else lo
    to = ld.change_to.match(toks, opens)
    change = ld.change_verbs.match(toks, opens)
    if lo > 0 and ((to and opens + to[0] == a) or (change and a - opens - change[0] < settings.phrase_tokens)):
        # "raised its base rate by half a point, to 7.25%", "ارتفع سعر الغازوال إلى 53.9 أوقية،
        # بزيادة قدرها 8.5 في المئة": a clause that only gives the change's new value or its
        # size measures what the clause before it changed
        reach = list(_clause_range(s, lo - 1, lo - 1, settings.event_window)) + reach
    for k in reach:
        if a <= k <= b:
            continue
        hit = ld.measures.match(toks, k)
        if not hit or (k < a and k + hit[0] > a):
            continue
        if runs and runs[-1][-1][1] == k:
            runs[-1].append((k, k + hit[0], hit[1]))
        else:
            runs.append([(k, k + hit[0], hit[1])])
    best: tuple[int, str, str] | None = None
    for run in runs:
        # "عجز الميزانية" / "budget deficit": the phrase's head names the measure, first or
        # last as the language puts a noun phrase's head
        k, end, concept = run[-1] if ld.count_head == "last" else run[0]
        d = a - run[-1][1] if run[0][0] < a else run[0][0] - b
        if best is None or d < best[0]:
            best = (d, concept, " ".join(t.text for t in toks[k:end]))
    return (best[1], best[2]) if best else None


def _figures(mentions: list[Mention], starts_of: list[int], s: _Sentence, settings: Settings) -> tuple[str, ...]:
    """The figures a sentence gives, as language-free context: two reports of one event
    share their other figures (its day, its other counts) in whatever language they are
    written.  Days, percents, sums and counts from ``figure_context_min`` up; smaller
    counts are too common to tell two sentences together."""
    out = set()
    for m in mentions[bisect.bisect_left(starts_of, s.start):bisect.bisect_left(starts_of, s.end)]:
        kind = KIND[m.kind]
        if kind == "date":
            if m.precision == "day" and m.low == m.high:
                out.add(f"date:{m.low}")
        elif isinstance(m.value, (int, float)) and m.qualifier != "vague" and (
                kind in ("percent", "money") or abs(m.value) >= settings.figure_context_min):
            out.add(f"{kind}:{m.value:g}")
    return tuple(sorted(out))


def _counted_back(ld: LangData, norm: str, m: Mention) -> bool:
    """The date is a count of periods back or ahead ("منذ 30 عاما", "in 30 years"): it holds a
    number, and it may as well be a span ("unseen for 30 years").  One told with a word that
    names a past point ("three years ago", "قبل ثلاث سنوات": ``ago_points``) is no span: its
    year is as good as written."""
    toks = tokenize(norm[m.norm_start:m.norm_end], m.norm_start)
    if any(t.low in ld.ago_points for t in toks):
        return False
    return any(t.kind == "num" or ld.numwords.match(toks, k) for k, t in enumerate(toks))


def _days(m: Mention) -> tuple[int, int] | None:
    """The days a date mention covers, as ordinals, when it names them."""
    try:
        return dt.date.fromisoformat(str(m.low)).toordinal(), dt.date.fromisoformat(str(m.high)).toordinal()
    except ValueError:
        return None


def _clause_says(lx: Lexicon, s: _Sentence, a: int, b: int, reach: int, before: bool = False) -> bool:
    """Whether a phrase of ``lx`` starts in the figure's clause within ``reach`` tokens of the
    figure at [a, b] (outside it; with ``before``, only before it)."""
    return any(lx.match(s.toks, k) for k in _clause_range(s, a, b, reach) if k < a or (not before and k > b))


def _clause_range(s: _Sentence, a: int, b: int, reach: int) -> range:
    """Token indexes of the figure's clause within ``reach`` tokens of it."""
    c = s.clause_of[a]
    lo, hi = a, b
    while lo > 0 and a - lo < reach and s.clause_of[lo - 1] == c:
        lo -= 1
    while hi + 1 < len(s.toks) and hi - b < reach and s.clause_of[hi + 1] == c:
        hi += 1
    return range(lo, hi + 1)


def _place(ld: LangData, s: _Sentence, a: int, b: int, mspans: Spans, text_of: TextOf,
           settings: Settings) -> str | None:
    """The place the figure's clause names, nearest the figure: a run of capitalised words
    after a place preposition ("in Aleppo", "at Fort Hood"), or a place noun and the words
    after it ("the town of Idlib", "في سجن الشدادي", "بمدينة حلب").  Read as written."""
    toks = s.toks
    best: tuple[int, int, int] | None = None           # (distance, first, last)
    for k in _clause_range(s, a, b, settings.event_window):
        if a <= k <= b:
            continue
        hit = ld.place_preps.match(toks, k)
        j = k + hit[0] if hit else k
        if hit and j < len(toks) and toks[j].low in ld.determiners:
            j += 1                       # "in the town of Derna"
        if j >= len(toks) or (a <= j <= b) or toks[j].kind != "word" or _is_mention_tok(toks[j], mspans):
            continue                     # "in February" is a date, no place
        if not hit and not any(toks[j].low.startswith(c) and len(toks[j].low) > len(c) for c in ld.place_clitics):
            continue                     # a place noun needs its preposition: "in the state", "بمدينة حلب"
        if ld.stem(toks[j].low) in ld.place_head_stems or toks[j].low in ld.place_heads:
            end = j + 1                  # the head and the name after it, up to a break
            if end + 1 < len(toks) and toks[end].low in ld.place_links and _named(toks[end + 1]):
                end += 1                 # "the town of Derna"
            while end < len(toks) and end - j <= settings.phrase_tokens and toks[end].kind == "word" \
                    and toks[end].low not in ld.stopwords and not _is_mention_tok(toks[end], mspans) \
                    and (end == j + 1 or _named(toks[end]) or not _named(toks[j + 1])):
                if toks[end].low in ld.place_preps_words and end > j + 1:
                    break
                end += 1
            if end == j + 1:
                continue
        elif hit and _named(toks[j]):
            end = j + 1
            while end < len(toks) and _named(toks[end]):
                end += 1
        else:
            continue
        d = min(abs(j - a), abs(end - 1 - b))
        if best is None or d < best[0]:
            best = (d, j, end - 1)
    if best is None:
        return None
    return text_of(toks[best[1]].start, toks[best[2]].end)


def _period(ld: LangData, s: _Sentence, a: int, b: int, dated: Spans, days: dict[int, tuple[int, int]],
            mspans: Spans, text_of: TextOf, settings: Settings) -> tuple[str | None, tuple[int, int] | None, int, bool]:
    """The date or span of time that bounds the figure, in its clause or opening its sentence
    ("Since January, ..."): the nearest other date ("killed on Tuesday", "منذ السبت"), or a
    span after a period preposition ("in two days", "خلال يومين").  Read as written, with
    the days a date covers (as ordinals) when it names them, where the date starts (-1 for
    none), and whether it sits next to the figure ("7.0% in January", "612 cases in
    February": after its noun phrase, or just before it)."""
    toks = s.toks
    best: tuple[int, int, int, bool] | None = None
    opening = range(0, min(a, settings.cumulative_window)) if s.clause_of[a] else range(0)
    for k in list(_clause_range(s, a, b, settings.event_window)) + [k for k in opening if s.clause_of[k] == 0]:
        if a <= k <= b:
            continue
        t = toks[k]
        i = bisect.bisect_left(dated, (t.end, -1)) - 1
        if i >= 0 and dated[i][1] > t.start:
            lo, hi = dated[i]
        else:
            hit = ld.period_preps.match(toks, k)
            n = k + hit[0] if hit else -1
            if not hit or n + 1 >= len(toks) or (a <= n <= b) or not _is_mention_tok(toks[n], mspans):
                continue
            unit = ld.ago_units.match(toks, n + 1) or ld.time_units.match(toks, n + 1)
            if not unit:
                continue
            lo, hi = toks[k].start, toks[n + unit[0]].end
        # the nearest; of two as near, the one after ("6.3% in February from 7.0% in
        # January": a figure's date follows it, in both languages)
        d = 2 * (a - k) + 1 if k < a else 2 * (k - b)
        if s.clause_of[k] != s.clause_of[a]:
            d += 2 * len(toks)           # an opening period only when the clause names none
        if best is None or d < best[0]:
            # next to the figure: after its noun phrase and a preposition, or just before it
            near = (k - b <= settings.phrase_tokens + 1) if k > b else (a - k <= settings.after_window)
            best = (d, lo, hi, near and s.clause_of[k] == s.clause_of[a])
    if best is None:
        return None, None, -1, False
    return text_of(best[1], best[2]), days.get(best[1]), best[1], best[3]


EVENT_UNIT = "event:"
DESIGNATOR_LEN = 3                      # a model's name is three tokens: "F", "-", "16"
TIME_UNIT = "time:"
LEADING_ZERO = re.compile(r"0\d+")


def _unit(ld: LangData, s: _Sentence, a: int, b: int, kind: str, m: Mention, mspans: Spans, text_of: TextOf,
          settings: Settings):
    """(unit text, unit key, whether the unit word touches the mention) for a claim."""
    if kind == "money":
        return m.currency, m.currency, True
    if kind == "date":
        return None, None, False
    toks = s.toks
    if kind == "count" and a == b and (sg := ld.dual_of(toks[a].low)):
        # "قتيلان", "جنديين": a noun in the dual is its own counted noun
        if sg in ld.generic_units:
            return toks[a].text, None, False
        ev = ld.event_of(sg)
        return toks[a].text, (EVENT_UNIT + ev) if ev else ld.stem(sg), True
    sn = ld.series_nouns.match(toks, a) if kind == "ordinal" else None
    if sn and sn[0] == 1:
        t = toks[a]                      # "الدورة 162", "Channel 11": the series is the marker's noun
        return t.text, ld.stem(t.low[len(sn[2]):]), True
    if kind == "ordinal" and ld.ordinal_head == "before":
        rng = range(a - 1, max(-1, a - 1 - settings.before_window), -1)
    elif a == b and toks[a].low in ld.number_adjectives and a and _content_word(ld, toks[a - 1]) \
            and not _is_mention_tok(toks[a - 1], mspans):
        rng = range(a - 1, a - 2, -1)            # "يوم واحد", "طفلان اثنان": the noun comes first
    elif a > 1 and toks[a - 1].low in ld.ord_digit_prefixes and toks[a - 2].kind == "word" \
            and ld.sound_plural(toks[a - 2].low) and not _is_mention_tok(toks[a - 2], mspans):
        rng = range(a - 2, a - 3, -1)            # "المتهمين الـ7": the seven defendants
    else:
        rng = range(b + 1, min(len(toks), b + 1 + settings.phrase_tokens + DESIGNATOR_LEN))
    next_to = True                      # only words of skip_before_unit in between ("dozens of")
    only_event = False
    found = None
    designator = -1                     # the last token of a model name being passed over
    for k in rng:
        t = toks[k]
        if t.text in QUOTES or k <= designator:
            continue
        if rng.step > 0 and k - b > settings.phrase_tokens + (DESIGNATOR_LEN if designator >= 0 else 0):
            break
        if _designator(toks, k):
            designator = k + DESIGNATOR_LEN - 1    # "two F-16 jets": a model's name, not the counted noun
            continue
        if t.text == "-" and k == b + 1 and found is None:
            continue                     # "a 48-hour truce", "three-day visit"
        if t.kind != "word" or _is_mention_tok(t, mspans):
            break
        if k > b and any(t.low.startswith(c) and ld.event_of(t.low[len(c):]) for c in ld.conj_prefixes):
            break                        # "مقتل 7 وإصابة 250": "and injuring" starts the next figure
        if found is not None and ld.partitive_before.match(toks, k):
            break                        # "13 civilians among them seven children": the share's cue
        if found is not None and ld.predicate_suffixes and t.low.endswith(ld.predicate_suffixes):
            break                        # "its 21 crew abandoned it": the verb after the noun ("four armed men" stays)
        if t.low in ld.predicate_words:
            break                        # "22,000 took part", "5,000 went home": a verb, not the counted noun
        if ld.rate_words.match(toks, k):
            break                        # "30,000 Americans every year": the rate's span, not the counted noun
        if found is None:
            if ld.partitive_after.match(toks, k):
                return None, None, False     # "two of them": the counted thing is named before
            if t.low in ld.generic_units:
                return t.text, None, False   # "17 people": anyone, no unit of its own
            if t.low in ld.skip_before_unit:
                continue
        if t.low in ld.auxiliaries and found is None:
            only_event = True            # "120 were injured": the participle names the figure's event
            continue
        if t.low in ld.stopwords:
            if found is not None:
                break
            next_to = False              # "إصابة 130 في القصف": an event after a preposition is another's
            only_event = True
            continue
        ev = ld.event_of(t.low)
        if ev and t.low in ld.event_verbs:
            break                        # "Kills Two Injures Three": a verb after the number starts a clause
        tu = ld.ago_units.match(toks, k) or ld.time_units.match(toks, k)
        if found is not None and (ev and t.low not in ld.role_nouns or tu or t.low in ld.generic_units):
            break                        # "100 terrorists killed": the noun phrase ended
        if only_event and not ev:
            break                        # "700 people from Syrian tribe": past a function word
        # "120 injured" / "130 wounded" / "45 قتيلا": a unit that names the event is keyed by
        # it; "3 days" / "يوم واحد": a span of time, never the same quantity as a head count
        if ev and k + 2 < len(toks):
            j = k + 1 if _linked(ld, toks, k + 1, k + 1) else k + 2 if _linked(ld, toks, k + 1, k + 2) else None
            nxt = ld.event_of(toks[j].low) if j else None
            own = j is not None and j + 1 < len(toks) and _is_mention_tok(toks[j + 1], mspans)
            if nxt and nxt != ev and not own:
                ev = combined(ev, nxt)   # "20 قتيلا وجريحا": the dead and the wounded together
        if ev and _occurrence(ld, t):
            ev = None                    # "43 attacks": a count of events, not of their victims
        key = (EVENT_UNIT + ev) if ev else (TIME_UNIT + str(tu[1]).rstrip("2+")) if tu else ld.stem(t.low)
        end = t.end
        if tu and k + 2 < len(toks) and toks[k + 1].text == "-" and toks[k + 1].start == t.end \
                and toks[k + 2].kind == "word" and toks[k + 2].start == toks[k + 1].end:
            # "a 30-year-old evacuee", "a two-year-long siege": the compound names an age or a
            # length, never the same quantity as "more than two years"
            key, end = f"{key}-{toks[k + 2].low}", toks[k + 2].end
        found = (text_of(t.start, end), key, next_to)
        if ev or tu or ld.count_head == "first" or rng.step < 0:
            break                        # the head noun comes first ("7 ناشطين سوريين")
        if t.text.islower() and key != t.low:
            break                        # a plural ends the phrase: "five soldiers crossed", "11 buses carrying"
        # "four Kurdish militiamen": the head of the noun phrase is its last word
    return found if found else (None, None, False)


def _designator(toks: list[Token], k: int) -> bool:
    """A model name at ``k``: letters, a hyphen and digits written as one ("F-16", "S-300")."""
    return k + 2 < len(toks) and toks[k].kind == "word" and toks[k + 1].text == "-" and \
        toks[k + 2].text[:1].isdigit() and toks[k + 1].start == toks[k].end and toks[k + 2].start == toks[k + 1].end


def _event(ld: LangData, s: _Sentence, events: list, attrs: list, a: int, b: int, kind: str, mspans: Spans,
           settings: Settings):
    clause = s.clause_of
    ca, cb = clause[a], clause[b]

    def dist(k: int):
        return a - k if k < a else k - b

    def used(k: int):
        # "70 were killed and 70 others were injured": a verb after one figure and before a
        # conjunction is that figure's, when the second has an event word of its own after it
        return any(_is_mention_tok(t, mspans) for t in s.toks[max(0, k - settings.event_window):k]) \
            and any(t.low in ld.conj_words for t in s.toks[k + 1:a])

    near = _within(events, a - settings.event_window, b + settings.event_window)
    if kind == "date":                  # "charged in 2014": one of a person's many charges, no event's day
        near = [e for e in near if e[1] not in lang.undated_events()]
    yielded = False                     # whether a standing word gave way (C123) in the pick that decided
    coordinated = False                 # whether an event before "and" gave way to one after the figure (C137)
    drawn = False                       # whether the group a share is drawn from gave way (C140)
    # "six were killed ... the ministry said, adding that two jets were flying": a speech verb
    # between an event word and a later figure opens a new statement, whose figure the event
    # word before it does not govern
    speech = [k for k, _, _ in _within(attrs, a - settings.event_window, a - 1)]
    if speech:
        near = [e for e in near if e[0] > a or not any(e[0] < k for k in speech)]

    def in_other_phrase(k: int) -> bool:
        if a - 1 <= k <= b + 1:
            return False                 # right next to the figure: its own ("Wounds 12", "وأصيب 35")
        for j in range(k - 1, max(-1, k - 1 - settings.phrase_tokens), -1):
            t = s.toks[j]
            if _is_mention_tok(t, mspans):
                return not (a <= j <= b)
            if t.kind != "word" or t.low in ld.conj_words or clause[j] != clause[k] or ld.event_of(t.low):
                return False
        return False

    def pick(allowed: set[int]):
        best = None
        cands = [(k, ev, txt) for k, ev, txt in near if clause[k] in allowed and dist(k) <= settings.event_window]
        # "five died and eight others had breathing problems": "others" says a new group starts
        others = b + 1 < len(s.toks) and s.toks[b + 1].low in ld.others_words
        if others or any(k > b for k, _, _ in cands):
            after = any(k > b for k, _, _ in cands)
            kept = [e for e in cands if e[0] > b or not used(e[0])]
            cands = [e for e in kept if e[0] > b or not (after and _coordinated_after(ld, s, e[0], a))]
            if len(cands) < len(kept):
                nonlocal coordinated
                coordinated = True
        # "قتلت الغارات خمسة أشخاص" (the strikes killed five): the attack is the agent, the
        # killing the figure's event; an attack word is the event only when nothing else is
        # (or when it is the counted noun: "43 غارة", a count of attacks)
        victim = [e for e in cands if e[0] == b + 1 or not _occurrence(ld, s.toks[e[0]])]
        # "عودة 320 عائلة نازحة تضم 1540 فردا" / "320 displaced families of 1,540 people": an
        # event word inside another figure's noun phrase describes that figure's noun; it
        # governs this figure only when nothing else does
        own = [e for e in (victim or cands) if not in_other_phrase(e[0])]
        # "عادت 320 أسرة نازحة", "320 displaced families returned": a word naming the group's
        # standing yields to another event word
        acts = [e for e in own if not _standing(ld, s, e[0], b, settings.phrase_tokens)]
        if acts and len(acts) < len(own):
            nonlocal yielded
            yielded, own = True, acts
        # "two of the wounded died", "توفي أحد المصابين": the group a share is drawn from
        acts = [e for e in own if not _drawn_from(ld, s, e[0], a, b)]
        if acts and len(acts) < len(own):
            nonlocal drawn
            drawn, own = True, acts
        for k, ev, txt in own or victim or cands:
            if best is None or dist(k) < dist(best[0]):
                best = (k, ev, txt)
        return best

    best = pick({ca, cb})
    if best is None and kind == "count" and (after := _past_aside(ld, s, b, settings)) is not None:
        # "five people, including an infant, were injured": the verb after the aside
        first = _within(events, after, after + settings.phrase_tokens)
        if first and clause[first[0][0]] == clause[after]:
            return first[0][1], first[0][2], False, code_of(_past_aside)
    if kind == "date" and _statement_noun_date(ld, s, a, settings):
        return None, None, True, code_of(_statement_noun_date)
    if kind == "date" and attrs:
        # a date next to a speech verb dates the statement, not an event
        near_attr = min((dist(k) for k, _, _ in _within(attrs, a - settings.event_window, b + settings.event_window)
                         if clause[k] in {ca, cb}), default=None)
        if near_attr is not None and (best is None or near_attr < dist(best[0])):
            return None, None, True, None
    if best is None and kind == "date":
        best = pick({ca - 1, cb + 1})
    if best is None and kind == "date":
        # "freed 480 detainees, including 53 women, from Adra prison on Sunday": a date in a
        # trailing phrase dates the sentence's verb before it, clauses back
        best = pick({clause[k] for k in range(0, a)})
    why = code_of(_standing) if yielded else code_of(_drawn_from) if drawn else \
        code_of(_coordinated_after) if coordinated else None
    if best and why is None and kind == "count" and _named_by_group(ld, s, best[0], a, b):
        why = code_of(_named_by_group)
    return (best[1], best[2], False, why) if best else (None, None, False, None)


DATELINE_CHARS = 40                     # the longest head a document's dateline may follow ("Date of publication")
DATELINE_PLACE_WORDS = 4                # a wire dateline's place: "VIZIANAGARAM, India", "SANTA BARBARA, California"
DATELINE_PUNCT = {",", "-", "\u2013", "\u2014", "."}
# after a wire dateline's date: the agency in brackets, then a dash, or a dash alone
WIRE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]")


@rule("C108", "dateline", "claims")
def _dateline(ld: LangData, norm: str, m: Mention) -> bool:
    """The date opens the document, alone or after a label ("Posted on", "تاريخ النشر"): it
    dates the report.  Bare, it must name a day and its year ("Thu 4 Jun 2026 ..."): an
    opening "On Tuesday, ...", "Tuesday: ..." or "عام 2018 ..." dates what the sentence tells.
    A wire dateline dates the report too: a place, the date, the agency in brackets or a
    dash ("BAMAKO, March 4 (Reuters) -", "الرياض - 3 آذار/مارس 2026 (واس) -")."""
    if m.norm_start > DATELINE_CHARS:
        return False
    head = tokenize(norm[:m.norm_start], 0)
    if head and WIRE_TAIL.match(norm, m.norm_end) and "\n" not in norm[:m.norm_start] \
            and all(t.kind == "word" and t.low not in ld.stopwords or t.text in DATELINE_PUNCT for t in head) \
            and sum(t.kind == "word" for t in head) <= DATELINE_PLACE_WORDS:
        return True
    words = [t.low for t in head if t.kind != "punct"]
    if any(w not in ld.dateline_labels and w not in ld.stopwords for w in words):
        return False
    return any(w in ld.dateline_labels for w in words) or \
        (not words and m.year_source == "explicit" and m.precision == "day")


@rule("C140", "group-drawn-from", "claims")
def _drawn_from(ld: LangData, s: _Sentence, k: int, a: int, b: int) -> bool:
    """A share's figure names the group it is drawn from right after it ("two of the
    wounded", "أحد المصابين", "one of the victims"): that group's word is not what befell the
    share.  It yields to another event word near the figure, so "two of the wounded later
    died" and "توفي أحد المصابين" are deaths."""
    toks = s.toks
    p = ld.partitive_after.match(toks, b + 1)
    if p:                                # "two of them died": a pronoun is the group, "died" no group word
        return k == b + 1 + p[0] and not ld.partitive_closed.match(toks, b + 1)
    return toks[a].low in ld.partitive_words and k == b + 1


@rule("C143", "named-by-group", "claims")
def _named_by_group(ld: LangData, s: _Sentence, k: int, a: int, b: int) -> bool:
    """A share whose only event word is the group it is drawn from ("six of the injured
    were flown to hospital", "نقل أربعة من بين المصابين إلى المستشفى") is chosen by something
    else its sentence tells (flown to hospital, cut by glass): it is no count of what befell
    the group, and another share of that group may be chosen by another trait (rule D106)."""
    return _drawn_from(ld, s, k, a, b)


@rule("C123", "standing-yields", "claims")
def _standing(ld: LangData, s: _Sentence, k: int, b: int, reach: int) -> bool:
    """An event word that also names a group's standing ("displaced", "نازحة", "victims"),
    written in the figure's noun phrase (a few words after it), yields to another event word near
    the figure: "320 displaced families returned", "عادت 320 أسرة نازحة" are returns, "قتل 5
    نازحين" a killing.  As the verb ("the fighting displaced 5,000", "and displaced 6
    million") or alone it is the event."""
    return b < k <= b + reach and s.toks[k].low in ld.status_words


NIGHT_REACH = 2                         # tokens on either side of a day where a night word qualifies it


@rule("C127", "across-midnight", "claims")
def _across_midnight(ld: LangData, s: _Sentence, a: int, b: int) -> bool:
    """A day told with a night word beside it ("late Sunday", "Sunday night", "early Monday",
    "فجر الاثنين", "ليلة الأحد") names hours that one report gives to one day and another to
    the next: its interval reaches one day either side (``night_slack_days``), so "late
    Sunday" and "early Monday" do not conflict."""
    toks = s.toks
    return any(ld.night_words.match(toks, k) for k in range(max(0, a - NIGHT_REACH), min(len(toks), b + 1 + NIGHT_REACH)))


# an embedded post's signature before its date: "— Kevin Clark (@KevinANjax) February 4, 2017"
POST_HANDLE = re.compile(r"\(@\w{1,30}\)\s*[-,]?\s*$")
POST_LOOKBACK = 48                      # characters before a date where a signature may end
POST_LABEL_REACH = 4                    # tokens before a date where a label may start ("Last updated on: 5 May")


@rule("C126", "post-stamp", "claims")
def _post_stamp(ld: LangData, norm: str, s: _Sentence, a: int, m: Mention) -> bool:
    """A date that stamps a post, anywhere in the text: after a publication label ("(Published
    Friday, Sept. 23, 2016)", "آخر تحديث: 5 آذار") or an embedded post's signature ("— Kevin
    Clark (@KevinANjax) February 4, 2017").  It dates the post, not the story's events, and is
    compared with no other date (rule A109)."""
    if POST_HANDLE.search(norm[max(0, m.norm_start - POST_LOOKBACK):m.norm_start]):
        return True
    toks = s.toks
    for k in range(a - 1, max(-1, a - 1 - POST_LABEL_REACH), -1):
        hit = ld.stamp_labels.match(toks, k)
        if hit and all(t.kind == "punct" or t.low in ld.stopwords for t in toks[k + hit[0]:a]):
            return True                  # the label, then only punctuation or little words
    return False


def _occurrence(ld: LangData, t: Token) -> bool:
    """A word that names attacks or meetings ("raids", "غارات"), events that are counted themselves."""
    return t.low in ld.occurrence_nouns or ld.stem(t.low) in ld.occurrence_stems


@rule("C131", "aside-before-verb", "claims")
def _past_aside(ld: LangData, s: _Sentence, b: int, settings: Settings) -> int | None:
    """A figure's noun phrase may carry a share or the ages of those counted as an aside
    between commas before its verb ("five people, including an infant, were injured", "two
    men, 19 and 24, were killed", "خمسة أشخاص، بينهم طفلان، أصيبوا بجروح"): when the
    figure's own clause names no event, the first words after the aside do.  Returns where
    they start, or None when no such aside follows the figure."""
    toks, breaks = s.toks, ld.clause_breaks
    k = b + 1
    while k < len(toks) and k - b <= settings.phrase_tokens and toks[k].text not in breaks:
        k += 1                           # the figure's noun: "five people"
    if k >= len(toks) or toks[k].text not in breaks:
        return None
    shares = bool(ld.partitive_before.match(toks, k + 1))
    ages = not shares and not _ages_aside(ld, toks, b, k)      # not the next age of a list of ages
    last = None
    for j in range(k + 2, min(len(toks), k + 2 + settings.aside_tokens)):
        if toks[j].text in breaks:
            if shares:
                return j + 1 if j + 1 < len(toks) else None
            if not (ages and _ages_aside(ld, toks, k + 1, j)):
                break
            last = j                     # "ages 25, 26, and 33,": the aside runs on over its commas
    return last + 1 if last is not None and last + 1 < len(toks) else None


def _ages_aside(ld: LangData, toks: list[Token], a: int, b: int) -> bool:
    """Do tokens [a, b) only give ages ("17 and 19 years old", "ages 21 and 24", "20 و25
    عاما")?  Such an aside describes the people counted, as a share would."""
    k, nums = a, 0
    while k < b:
        t = toks[k]
        if t.kind == "num" or ld.numwords.match(toks, k):
            nums += 1
        elif m := (ld.age_before.match(toks, k) or ld.ago_units.match(toks, k)):
            k += m[0]
            continue
        elif not (t.low in ld.conj_words or t.low in ld.age_tails or t.kind == "punct"):
            return False
        k += 1
    return nums > 0


def _within(items: list[tuple], lo: int, hi: int) -> list[tuple]:
    """The items (sorted by their first field, a token index) with an index in [lo, hi]: a
    sentence may hold thousands of figures, so each looks only at its neighbourhood."""
    return items[bisect.bisect_left(items, (lo,)):bisect.bisect_left(items, (hi + 1,))]


def _attribution(attrs: list, a: int, b: int, settings: Settings):
    attrs = _within(attrs, a - settings.attribution_window, b + settings.attribution_window)
    before = [(k, lab, sf) for k, lab, sf in attrs if k < a and a - k <= settings.attribution_window]
    if before:
        k, lab, sf = max(before)
        return lab, sf
    after = [(k, lab, sf) for k, lab, sf in attrs if k > b and k - b <= settings.attribution_window]
    if after:
        k, lab, sf = min(after)
        return lab, sf
    return None


CONVERSION = code_of(_conversion)
ACROSS_MIDNIGHT = code_of(_across_midnight)
GROUP_NAMED = code_of(_named_by_group)
HOURS_OF_A_DAY = code_of(_hours_of_a_day)
FOUND_AT_SCENE = code_of(_found)
RISEN_TO = code_of(_risen_to)

"""Language data: ``<code>.toml`` files with one shared set of keys, compiled once.

Nothing in the algorithms branches on a language code; they read a :class:`LangData`.
Adding a language means adding a TOML file with the same keys as ``en.toml``.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ..normalize import fold
from ..tokens import Token, tokenize


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The language codes shipped as data files (``common.toml`` is shared, not a language)."""
    files = resources.files(__package__)
    return tuple(sorted(p.name[:-5] for p in files.iterdir()
                        if p.name.endswith(".toml") and p.name != "common.toml"))


def canonical(value: str | None) -> str | None:
    """The shipped language a tag names ("ar", "AR", "en-US", "en_GB" -> "en"), or None.

    Only the primary subtag counts, compared without case, and only against the codes of
    :func:`available`: a document's field never becomes a file name of its own."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].casefold()
    return primary if primary in available() else None


@cache
def raw(code: str) -> dict[str, Any]:
    if code not in available():          # the file name is picked from the known set, never built from input
        raise ValueError(f"unknown language {code!r} (available: {', '.join(available())})")
    with resources.files(__package__).joinpath(f"{code}.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _common() -> dict:
    with resources.files(__package__).joinpath("common.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def amount_concepts() -> frozenset[str]:
    """The counted nouns (concept ids of ``[nouns]``) that measure an amount of goods or
    capacity ("tonne", "dose", "megawatt"): their count is the story's amount with no verb
    to say what happened, unlike a count of people."""
    return frozenset(_common().get("amount_concepts", []))


@lru_cache(maxsize=1)
def person_events() -> frozenset[str]:
    """The events that befall people ("kill", "missing", "evacuate"): never a count of goods'
    (``amount_concepts``)."""
    return frozenset(_common().get("person_events", []))


@lru_cache(maxsize=1)
def undated_events() -> frozenset[str]:
    """The events that recur for each person ("charge"): they name what a count counts, never
    what a date dates."""
    return frozenset(_common().get("undated_events", []))


@lru_cache(maxsize=1)
def _currency_families() -> dict[str, str]:
    fams = _common().get("currency_families", {})
    out = {fam: fam for fam in fams}
    for fam, codes in fams.items():
        for code in codes:
            out.setdefault(code, fam)
    return out


def currency_family(code: str | None) -> str | None:
    """The family a currency code belongs to ("LBP" -> "LIRA"), else the code itself."""
    return _currency_families().get(code, code) if code else code


def same_currency(a: str | None, b: str | None) -> bool:
    """Two currencies that may be one: the same code, or a family named alone ("ليرة",
    "dinars") and one of its members ("Lebanese pounds", "دينار عراقي")."""
    if a == b:
        return True
    fa, fb = currency_family(a), currency_family(b)
    return fa == fb and (a == fa or b == fb)


def words(phrase: str) -> tuple[str, ...]:
    """The folded, casefolded tokens of a data entry."""
    return tuple(t.low for t in tokenize(fold(phrase)))


def trie_pattern(items: Iterable[str]) -> str:
    """A regular expression matching exactly the strings in ``items``, as a character trie
    (alternatives share their prefixes, so the engine never retries a common head)."""
    trie: dict = {}
    for w in items:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?" if len(alts) == 1 and len(body) > 1 else body + "?"
        return body

    return emit(trie)


class Lexicon:
    """Phrases (one or more tokens) -> payload, with optional clitic prefixes on the first
    token and optional suffixes on single-token entries.  Longest match wins."""

    def __init__(self, entries: dict[str, Any] | list[tuple[str, Any]],
                 prefixes: tuple[str, ...] = (), suffixes: tuple[str, ...] = ()):
        self.first: dict[str, list[tuple[tuple[str, ...], Any, str]]] = {}
        items = entries.items() if isinstance(entries, dict) else entries
        for phrase, payload in items:
            toks = words(phrase)
            if not toks:
                continue
            forms = {toks[0]: ""}
            for p in prefixes:
                forms.setdefault(p + toks[0], p)
            if len(toks) == 1:
                for s in suffixes:
                    for f, p in list(forms.items()):
                        forms.setdefault(f + s, p)
            for f, p in forms.items():
                self.first.setdefault(f, []).append((toks[1:], payload, p))
        for lst in self.first.values():
            lst.sort(key=lambda e: (-len(e[0]), e[2] != ""))

    def match(self, toks: list[Token], i: int):
        """(number of tokens, payload, prefix) of the longest entry starting at ``toks[i]``."""
        # the hot path of every matcher: most calls end at the first lookup
        try:
            cands = self.first.get(toks[i].low)
        except IndexError:
            return None
        if not cands:
            return None
        n = len(toks)
        for rest, payload, prefix in cands:
            if not rest:
                return 1, payload, prefix
            k = len(rest)
            if i + k < n and all(toks[i + 1 + j].low == rest[j] for j in range(k)):
                return 1 + k, payload, prefix
        return None

    def all_matches(self, toks: list[Token], i: int):
        n = len(toks)
        cands = self.first.get(toks[i].low) or () if i < n else ()
        for rest, payload, prefix in cands:
            k = len(rest)
            if i + k < n and all(toks[i + 1 + j].low == rest[j] for j in range(k)):
                yield 1 + k, payload, prefix

    def __contains__(self, word: str) -> bool:
        return word in self.first


class LangData:
    """The compiled form of one language file."""

    def __init__(self, code: str):
        d = raw(code)
        self.code = code
        self._stems: dict[str, str] = {}
        self.name = d["meta"]["name"]
        self.script = [tuple(r) for r in d["meta"]["script"]]
        self.ordinal_head = d["meta"]["ordinal_head"]
        self.count_head = d["meta"]["count_head"]
        self.numeric_date_order = d["meta"]["numeric_date_order"]
        af = d["affixes"]
        self.clitics = tuple(fold(p) for p in af["clitic_prefixes"])
        sfx = tuple(fold(s) for s in af["lexicon_suffixes"])
        self.stem_prefixes = tuple(sorted((fold(p) for p in af["stem_prefixes"]), key=len, reverse=True))
        self.stem_suffixes = tuple(sorted((fold(s).casefold() for s in af["stem_suffixes"]), key=len, reverse=True))
        self.min_stem = af["min_stem"]
        P, S = self.clitics, sfx

        n = d["numbers"]
        single: dict[str, Any] = {}
        for cat, table in (("card", n["cardinals"]), ("mult", n["multipliers"]), ("scale", n["scales"]),
                           ("pscale", n["plural_scales"]), ("dual", n["dual_scales"]), ("vague", n["vague"])):
            for w, v in table.items():
                single[w] = single.get(w, ()) + ((cat, v),)
        # a noun in the dual is a count of two of it ("قتيلان", "جنديين"): read as the number 2,
        # its singular the counted noun
        for w in n["dual_nouns"]:
            single[w] = single.get(w, ()) + (("dualnoun", 2),)
        self.dual_nouns = {fold(w).casefold(): fold(sg).casefold() for w, sg in n["dual_nouns"].items()}
        self.numwords = Lexicon([(w, v) for w, v in single.items()], P, S)
        self.conj_prefixes = tuple(fold(c) for c in n["conjunction_prefixes"])
        self.units_before_tens = bool(n["units_before_tens"])
        self.conj_words = frozenset(words(" ".join(n["conjunction_words"])))
        self.implicit_one = frozenset(fold(w).casefold() for w in n["implicit_one"])
        self.half_words = frozenset(fold(w).casefold() for w in n["half_words"])
        self.vague_links = frozenset(fold(w).casefold() for w in n["vague_links"])
        self.vague_before_scale = Lexicon(n["vague_before_scale"], P)
        self.decimal_words = frozenset(fold(w).casefold() for w in n["decimal_words"])
        self.slash_idioms = frozenset(fold(w) for w in n["slash_idioms"])
        self.measure_words = Lexicon({w: True for w in n["measure_words"]}, P, S)
        self.measure_before = Lexicon({w: True for w in n["measure_before"]}, P)
        self.negative_words = Lexicon({w: True for w in n["negative_words"]}, ())
        fr = [(w, (v[0], v[1], True)) for w, v in n["fractions"].items()]
        fr += [(w, (0, v, False)) for w, v in n["denominators"].items()]
        self.fractions = Lexicon(fr, P, S)
        self.compound_denominators = Lexicon(n["compound_denominators"], P, S)
        self.ratio_links = Lexicon(n["ratio_links"], ())
        self.ratio_links_one = Lexicon({w: True for w in n["ratio_links_one"]}, ())
        self.pronoun_one_after = Lexicon({w: True for w in n["pronoun_one_after"]}, ())

        o = d["ordinals"]
        self.ordwords = Lexicon(o["words"], P, S)
        self.ord_plus_after = Lexicon(o["plus_after"], P)
        self.teen_words = frozenset(fold(w) for w in o["teen_words"])
        self.definite_prefixes = tuple(fold(p) for p in o["definite_prefixes"])
        self.conj_def_prefixes = tuple(c + d for c in self.conj_prefixes for d in self.definite_prefixes)
        # the same, longest first, for stripping ("وال" before "و")
        self.conj_def_prefixes_long = tuple(sorted(self.conj_def_prefixes, key=len, reverse=True))
        self.clitic_def_prefixes_long = tuple(sorted(
            (c + d for c in ("",) + self.clitics for d in self.definite_prefixes), key=len, reverse=True))
        self.ord_digit_bases = frozenset(fold(p) for p in o["digit_prefixes"])
        self.ord_digit_prefixes = frozenset(c + fold(p) for p in o["digit_prefixes"] for c in ("",) + P)
        self.ord_digit_suffixes = frozenset(s.casefold() for s in o["digit_suffixes"])
        self.plural_suffixes = tuple(fold(p) for p in o["plural_suffixes"])
        self.ord_markers = Lexicon({m: True for m in o["markers"] + o["series_nouns"]}, P)
        self.series_nouns = Lexicon({m: True for m in o["series_nouns"]}, P)
        self.rank_nouns = frozenset(self.stem(fold(w).casefold()) for w in o["rank_nouns"])
        self.ord_idioms = frozenset((self.stem(fold(h)), v) for h, v in o["idioms"])

        self.percent_after = Lexicon({w: True for w in d["percent"]["after"]}, (), ())
        self.percent_words = frozenset(w for p in d["percent"]["after"] for w in words(p))
        self.percent_before = Lexicon({w: True for w in d["percent"]["before"]}, (), ())
        self.currency = Lexicon([(w, code) for code, ws in d["money"].items() for w in ws], P, S)

        hb, ha = d["hedges"]["before"], d["hedges"]["after"]
        self.hedge_before = Lexicon([(w, q) for q, ws in hb.items() for w in ws], P)
        self.hedge_after = Lexicon([(w, q) for q, ws in ha.items() for w in ws], P)
        self.range_openers = Lexicon({w: True for w in d["ranges"]["openers"]}, P)
        self.range_links = Lexicon({w: True for w in d["ranges"]["links"]}, ())
        self.change_verbs = Lexicon({w: True for w in d["ranges"]["change_verbs"]}, P)
        self.change_from = Lexicon({w: True for w in d["ranges"]["change_from"]}, ())

        dd = d["dates"]
        self.ambiguous_months = frozenset(words(" ".join(dd["ambiguous_months"])))
        self.months = Lexicon(dd["months"], P)
        self.other_months = Lexicon(dd["other_calendar_months"], P)     # Hijri month -> number
        self.hijri_year_suffixes = Lexicon({w: True for w in dd["hijri_year_suffixes"]}, ())
        self.weekdays = Lexicon(dd["weekdays"], P)
        self.weekday_prefixes = Lexicon({w: True for w in dd["weekday_prefixes"]}, ())
        self.year_words = Lexicon({w: True for w in dd["year_words"]}, P)
        self.year_suffixes = frozenset(fold(s) for s in dd["year_suffixes"])
        self.year_preps = Lexicon({w: True for w in dd["year_prepositions"]}, P)
        self.day_links = Lexicon({w: True for w in dd["day_links"]}, ())
        self.day_articles = Lexicon({w: True for w in dd["day_articles"]}, ())
        self.weekday_ordinal = dd["weekday_ordinal"]
        self.month_prefixes = Lexicon({w: True for w in dd["month_prefixes"]}, P)
        self.relative_days = Lexicon(dd["relative_days"], P)
        self.anaphoric_after = Lexicon({w: True for w in dd["anaphoric_after"]}, P)
        self.relative_after = Lexicon(dd["relative_after"], ())
        self.relative_before = Lexicon(dd["relative_before"], P)
        self.periods = Lexicon(dd["periods"], P)
        self.parts = Lexicon(dd["parts"], P)
        self.ago_before = Lexicon({w: True for w in dd["ago_before"]}, P)
        self.ago_after = Lexicon({w: True for w in dd["ago_after"]}, ())
        self.ago_points = frozenset(words(" ".join(dd["ago_points"])))
        self.ago_units = Lexicon(dd["ago_units"], P)
        self.later_before = Lexicon({w: True for w in dd["later_before"]}, P)
        self.later_after = Lexicon({w: True for w in dd["later_after"]}, ())
        self.offset_links = Lexicon(dd["offset_links"], ())
        self.last_words = Lexicon({w: True for w in dd["last_words"]}, P)
        self.future_words = Lexicon({w: True for w in dd["future_words"]}, P)
        self.past_words = Lexicon({w: True for w in dd["past_words"]}, P)
        self.weekdays_construct = Lexicon(dd["weekdays_construct"], P)
        self.day_nouns = Lexicon({w: True for w in dd["day_nouns"]}, ())
        self.decades = Lexicon(dd["decades"], P)
        self.holidays = Lexicon(dd["holidays"], P)
        self.dateline_labels = tuple(fold(w).casefold() for w in dd["dateline_labels"])
        self.stamp_labels = Lexicon({w: True for w in dd["stamp_labels"]}, P)
        self.night_words = Lexicon({w: True for w in dd["night_words"]}, P)

        self.events: dict[str, str] = {}
        self.event_stems: dict[str, str] = {}
        self.event_phrases = Lexicon([(w, ev) for ev, ws in d["events"].items() for w in ws if " " in w], P)
        for ev, ws in d["events"].items():
            for w in ws:
                if " " not in w:
                    self.event_stems.setdefault(self.stem(fold(w)), ev)
                    self.events.setdefault(fold(w).casefold(), ev)

        self.measures = Lexicon([(w, m) for m, ws in d["measures"].items() for w in ws], P)
        # a counted noun's stem -> its concept (the unit read is one word: entries are words)
        self.noun_concepts = {self.stem(fold(w).casefold()): cid for cid, ws in d["nouns"].items() for w in ws}

        a = d["attribution"]
        self.attr_verbs = Lexicon({w: True for w in a["verbs"]}, P)
        self.verb_subject = a["verb_subject"]
        self.attr_phrases = Lexicon({w: True for w in a["phrases"]}, P)
        self.subject_stops = frozenset(words(" ".join(a["subject_stops"])))
        self.pronouns = frozenset(words(" ".join(a["pronouns"])))
        self.subject_particles = frozenset(words(" ".join(a["subject_particles"])))
        self.determiners = frozenset(words(" ".join(a["determiners"])))
        self.unnamed_openers = frozenset(words(" ".join(a["unnamed_openers"])))
        self.relative_openers = frozenset(words(" ".join(a["relative_openers"])))
        self.relative_links = frozenset(words(" ".join(a["relative_links"])))
        self.object_clitics = tuple(fold(c) for c in a["object_clitics"])
        # the same verbs with their object attached ("أعلنته"): "بحسب ما أعلنته الوزارة"
        self.attr_verbs_with_object = Lexicon({w: True for w in a["verbs"]}, P, self.object_clitics)
        self.not_speech_after = Lexicon({w: True for w in a["not_speech_after"]}, P)
        self.max_subject = a["max_subject_tokens"]
        self.entities = [(words(alias), label) for label, aliases in d["entities"].items() for alias in aliases]
        self.entities.sort(key=lambda e: -len(e[0]))

        t = d["text"]
        self.sentence_breaks = tuple(fold(c) for c in t["sentence_breaks"])
        self.clause_breaks = frozenset(fold(c) for c in t["clause_breaks"])
        # where a sentence ends: a break followed by space or the text's end, or a line break
        # (tokens never hold space, so this agrees with cutting the token stream)
        self.sentence_end_re = re.compile(
            "(?:" + "|".join(map(re.escape, sorted(self.sentence_breaks, key=len, reverse=True)))
            + r")(?=\s|\Z)|\n")
        self.title_abbreviations = frozenset(w.casefold() for w in t["title_abbreviations"])
        self.clock_abbreviations = frozenset(w.casefold() for w in t["clock_abbreviations"])
        self.clause_words = Lexicon({w: True for w in t["clause_words"]}, P)
        self.complementizers = frozenset(fold(w).casefold() for w in t["complementizers"])
        self.revision_words = Lexicon({w: True for w in t["revision_words"]}, P)
        self.as_of_preps = Lexicon({w: True for w in t["as_of_preps"]}, P)
        self.day_parts = Lexicon({w: True for w in t["day_parts"]}, P)
        self.change_to = Lexicon({w: True for w in t["change_to"]}, P)
        self.conversion_cues = Lexicon({w: True for w in t["conversion_cues"]}, P)
        self.skip_before_unit = frozenset(words(" ".join(t["skip_before_unit"])))
        self.predicate_suffixes = tuple(t["predicate_suffixes"])
        self.population_heads = Lexicon({w: True for w in t["population_heads"]}, P)
        self.bare_currencies = {fold(w).casefold(): tuple(v) for w, v in t["bare_currencies"].items()}
        self.bare_currency_re = re.compile(
            r"\s+(" + "|".join(re.escape(fold(w)) for w in sorted(t["bare_currencies"], key=len, reverse=True))
            + r")\b", re.IGNORECASE) if t["bare_currencies"] else re.compile(r"(?!)")
        self.change_by = Lexicon({w: True for w in t["change_by"]}, P)
        self.predicate_words = frozenset(fold(w).casefold() for w in t["predicate_words"])
        self.generic_units = frozenset(words(" ".join(t["generic_units"])))
        self.role_nouns = frozenset(words(" ".join(t["role_nouns"])))
        self.auxiliaries = frozenset(words(" ".join(t["auxiliaries"])))
        self.event_verbs = frozenset(words(" ".join(t["event_verbs"])))
        self.partitive_before = Lexicon({w: True for w in t["partitive_before"]}, P)
        self.partitive_after = Lexicon({w: True for w in t["partitive_after"]}, P)
        self.partitive_closed = Lexicon({w: True for w in t["partitive_closed"]}, P)
        self.partitive_links = frozenset(words(" ".join(t["partitive_links"])))
        self.partitive_words = frozenset(words(" ".join(t["partitive_words"])))
        self.increment_after = frozenset(words(" ".join(t["increment_after"])))
        self.increment_before = Lexicon({w: True for w in t["increment_before"]}, P)
        self.event_links = frozenset(words(" ".join(t["event_links"])))
        self.others_words = frozenset(words(" ".join(t["others_words"])))
        self.age_before = Lexicon({w: True for w in t["age_before"]}, P)
        self.age_tails = frozenset(words(" ".join(t["age_tails"])))
        self.occurrence_nouns = frozenset(words(" ".join(t["occurrence_nouns"])))
        self.occurrence_stems = frozenset(self.stem(w) for w in self.occurrence_nouns)
        self.occurrences = Lexicon({w: True for w in t["occurrence_nouns"] + t["incident_nouns"]}, P)   # with clitics
        self.parent_nouns = frozenset(fold(w).casefold() for w in t["parent_nouns"])
        self.parent_links = frozenset(fold(w).casefold() for w in t["parent_links"])
        self.parent_clitics = tuple(fold(w).casefold() for w in t["parent_clitics"])
        self.incident_stems = frozenset(self.stem(fold(w).casefold()) for w in t["incident_nouns"])
        self.several_words = Lexicon({w: True for w in t["several_words"]}, P)
        self.cumulative_cues = Lexicon({w: True for w in t["cumulative_cues"]}, P)
        self.period_preps = Lexicon({w: True for w in t["period_preps"]}, P)
        self.area_cues = Lexicon({w: True for w in t["area_cues"]}, P)
        self.place_preps = Lexicon({w: True for w in t["place_preps"]}, P)
        self.place_heads = frozenset(words(" ".join(t["place_heads"])))
        self.place_head_stems = frozenset(self.stem(w) for w in self.place_heads)
        self.place_preps_words = frozenset(w for p in t["place_preps"] for w in words(p))
        self.place_links = frozenset(words(" ".join(t["place_links"])))
        self.place_clitics = tuple(fold(c) for c in t["place_clitics"])
        self.number_adjectives = frozenset(words(" ".join(t["number_adjectives"])))
        self.time_units = Lexicon(t["time_units"], P, S)
        self.stopwords = frozenset(words(" ".join(t["stopwords"])))
        self.boilerplate = tuple(fold(p) for p in t["boilerplate_lines"])
        self.identifier_heads = Lexicon({w: True for w in t["identifier_heads"]}, P)
        self.gallery_heads = Lexicon({w: True for w in t["gallery_heads"]}, P)
        self.gallery_links = frozenset(t["gallery_links"])
        self.identifier_tails = frozenset(words(" ".join(t["identifier_tails"])))
        self.street_types = frozenset(words(" ".join(t["street_types"])))
        self.street_directions = frozenset(words(" ".join(t["street_directions"])))
        self.not_events = frozenset(fold(w).casefold() for w in t["not_events"])
        self.lifted_words = Lexicon({w: True for w in t["lifted_words"]}, P)
        self.found_words = Lexicon({w: True for w in t["found_words"]}, P)
        self.statement_nouns = Lexicon({w: True for w in t["statement_nouns"]}, P)
        self.aim_words = Lexicon({w: True for w in t["aim_words"]}, P)
        self.rate_words = Lexicon({w: True for w in t["rate_words"]}, P)
        self.indefinite_articles = frozenset(fold(w).casefold() for w in t["indefinite_articles"])
        self.group_nouns = frozenset(self.stem(fold(w).casefold()) for w in t["group_nouns"])
        self.age_before_years = frozenset(fold(w).casefold() for w in t["age_before_years"])
        self.alone_words = frozenset(fold(w).casefold() for w in t["alone_words"])
        self.status_words = frozenset(fold(w).casefold() for w in t["status_words"])
        self.identifier_abbreviations = frozenset(words(" ".join(t["identifier_abbreviations"])))
        self.verb_prefixes = frozenset(words(" ".join(t["verb_prefixes"])))
        self.phone_words = Lexicon({w: True for w in t["phone_words"]}, P)
        self.time_after = Lexicon({w: True for w in t["time_after"]}, ())
        self.time_before = Lexicon({w: True for w in t["time_before"]}, P)
        self.outlet_patterns = tuple(fold(p) for p in t["outlet_patterns"])

    @property
    def triggers(self) -> frozenset[str]:
        """Every token form a matcher can start on (the first token of any entry the
        extractors read).  The scanner skips other words without trying the matchers."""
        t = self.__dict__.get("_triggers")
        if t is None:
            lexicons = (self.numwords, self.ordwords, self.ord_markers, self.percent_after, self.percent_before,
                        self.currency, self.hedge_before, self.range_openers, self.months, self.other_months,
                        self.weekdays, self.weekday_prefixes, self.year_words, self.year_preps, self.relative_days,
                        self.relative_before, self.periods, self.parts, self.ago_before, self.later_before,
                        self.holidays, self.negative_words, self.fractions, self.day_articles, self.month_prefixes,
                        self.offset_links, self.last_words, self.weekdays_construct, self.vague_before_scale,
                        self.decades)
            keys = set().union(*(lx.first for lx in lexicons))
            keys |= self.ord_digit_prefixes | self.implicit_one | self.decimal_words | {"-", "+"}
            t = self.__dict__["_triggers"] = frozenset(keys)
            self.__dict__["_tens_heads"] = tuple(sorted(
                {w for w, lst in self.numwords.first.items() for rest, cats, pre in lst
                 if not rest and not pre and any(c == "card" and 20 <= v < 100 for c, v in cats)}))
        return t

    @property
    def anchor_re(self) -> re.Pattern:
        """Where a mention can be: a digit, or a word that every mention built on it must
        contain (a number word, a month, a weekday, a holiday, ...).  Words that only open
        a mention ("in", "نحو", "last") are not anchors; the scanner reaches them through
        the margin it keeps around each anchor.  Matched on lower-cased folded text."""
        p = self.__dict__.get("_anchor_re")
        if p is None:
            anchors: set[str] = set()
            split: set[tuple[str, str]] = set()              # (clitic prefix, rest) of each anchor
            for lx in (self.numwords, self.ordwords, self.fractions, self.months, self.other_months,
                       self.weekdays, self.relative_days, self.periods, self.ago_units, self.holidays, self.decades,
                       self.year_words):
                for form, entries in lx.first.items():
                    for rest, _payload, prefix in entries:
                        w = max((form,) + rest, key=lambda w: len(w) - (len(prefix) if w is form else 0))
                        if w and not w.isdigit():
                            anchors.add(w)
                            p = prefix if w is form else ""
                            split.add((p, w[len(p):]))
            self.__dict__["_anchors"] = frozenset(anchors)
            self.triggers                                    # noqa: B018 (the property builds the tens heads)
            heads = trie_pattern(self.__dict__["_tens_heads"])
            # \b is much faster than a letter look-around; a word glued to digits
            # ("15مارس") is covered by the digits' own window.  The clitic prefixes are
            # factored out (any prefix before any stem: a few more windows, a pattern a
            # tenth the size, compiled in a tenth of the time)
            alts = [r"\d+"]
            if anchors:
                prefixes = sorted({p for p, _ in split if p})
                head = f"(?:{trie_pattern(prefixes)})?" if prefixes else ""
                alts.append(rf"\b{head}(?:{trie_pattern({r for _, r in split})})\b")
            if heads:
                alts.append(rf"\b(?:{heads})[^\W\d_]")    # glued compounds: "thirtyfirst"
            p = self.__dict__["_anchor_re"] = re.compile("|".join(alts))
        return p

    def is_anchor(self, tok: Token) -> bool:
        """Whether ``tok`` is a token :attr:`anchor_re` finds (a digit run or an anchor word)."""
        if tok.kind == "num":
            return True
        self.anchor_re                                       # noqa: B018 (the property builds _anchors)
        low = tok.low
        return low in self.__dict__["_anchors"] or (
            tok.kind == "word" and len(low) > 5 and low.startswith(self.__dict__["_tens_heads"]))

    def sound_plural(self, low: str) -> bool:
        """Does the word end in a plural suffix of ``plural_suffixes`` ("المتهمين")?"""
        return any(low.endswith(p) and len(low) > len(p) + 2 for p in self.plural_suffixes)

    def dual_of(self, low: str) -> str | None:
        """The singular of a noun in the dual ("قتيلان" -> "قتيل"), past a clitic ("وجنديين"), or None."""
        if not self.dual_nouns:
            return None
        hit = self.dual_nouns.get(low)
        if hit is None:
            for p in self.clitics:
                if low.startswith(p) and (hit := self.dual_nouns.get(low[len(p):])) is not None:
                    break
        return hit

    def may_start(self, tok: Token) -> bool:
        """Whether a matcher could start at ``tok`` (a fast pre-check for the scanner)."""
        if tok.kind == "num" or tok.low in self.triggers:
            return True
        if tok.kind == "word" and len(tok.low) > 5:          # glued compounds: "thirtyfirst"
            return tok.low.startswith(self.__dict__["_tens_heads"])
        return False

    def stem(self, word: str) -> str:
        """Light stemming: strip one known prefix and one known suffix, keeping ``min_stem`` letters.
        Words recur, so each stem is worked out once (the memo is emptied when it grows past
        ``STEM_MEMO`` words, so a long run over an archive stays bounded)."""
        hit = self._stems.get(word)
        if hit is None:
            if len(self._stems) >= STEM_MEMO:
                self._stems.clear()
            hit = self._stems[word] = self._stem(word)
        return hit

    def _stem(self, word: str) -> str:
        w = word.casefold()
        for p in self.stem_prefixes:
            if w.startswith(p) and len(w) - len(p) >= self.min_stem:
                w = w[len(p):]
                break
        for s in self.stem_suffixes:
            if w.endswith(s) and len(w) - len(s) >= self.min_stem:
                w = w[: -len(s)]
                break
        return w

    def event_of(self, tok_low: str) -> str | None:
        """The event a word names: an entry itself, or an inflection of one.  A bare word that
        only equals an entry's stem is another word ("live" is not "lives")."""
        hit = self.events.get(tok_low)
        if hit:
            return hit
        if tok_low in self.not_events:
            return None
        st = self.stem(tok_low)
        return self.event_stems.get(st) if st != tok_low.casefold() else None


STEM_MEMO = 1 << 18


@cache
def get(code: str) -> LangData:
    return LangData(code)

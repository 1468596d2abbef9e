import pytest

from discrep import lang
from discrep.model import Document
from discrep.normalize import fold, normalize, raw_span


@pytest.mark.parametrize("raw, folded", [
    ("١٬٥٠٠", "1,500"), ("۱۲۳", "123"), ("٢٫٥", "2.5"), ("أإآٱ", "اااا"), ("مستشفى", "مستشفي"),
    ("مدينة", "مدينه"), ("معتقلًا", "معتقلا"), ("العـــضو", "العضو"), ("“واس”", '"واس"'), ("a\u200fb", "ab"),
    ("٪50", "%50"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


@pytest.mark.parametrize("text", ["فرار نحو ١٢٠ معتقلًا", "العـــضو الـ90 في التَّحالُف", "plain English 1,500"])
def test_offsets_map_back_to_raw(text):
    nd = normalize(Document("x", text))
    for i in range(len(nd.norm)):
        r = nd.raw_offset(i)
        assert fold(text[r]) == nd.norm[i]
    a, b = raw_span(nd, 0, len(nd.norm))
    assert (a, b) == (0, len(text))


def test_offset_map_monotonic():
    nd = normalize(Document("x", "ـــمُعْتَقَلًا ١٢٠ ـــ"))
    offs = [nd.raw_offset(i) for i in range(len(nd.norm))]
    assert offs == sorted(offs) and len(set(offs)) == len(offs)


@pytest.mark.parametrize("code", lang.available())
def test_every_language_entry_survives_the_normalizer(code):
    """Data entries are folded on load; folding them again changes nothing and leaves text."""
    d = lang.raw(code)

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                yield k
                yield from walk(v)
        elif isinstance(x, list):
            for v in x:
                yield from walk(v)
        elif isinstance(x, str):
            yield x
    for s in walk({k: v for k, v in d.items() if k not in ("meta",)}):
        f = fold(s)
        assert fold(f) == f
        assert f.strip() or not s.strip(), s


def test_language_files_share_keys():
    keys = None
    for code in lang.available():
        d = lang.raw(code)
        data_keyed = ("money", "entities", "events")     # their keys are data (currency codes, labels)
        k = {(sec, sub) for sec, v in d.items() if sec not in data_keyed for sub in v}
        keys = k if keys is None else keys
        assert k == keys, code


@pytest.mark.parametrize("text, code", [("فرار نحو 120 معتقلا", "ar"), ("About 120 prisoners escaped", "en")])
def test_detect_language(text, code):
    assert normalize(Document("x", text)).lang == code


def test_boilerplate_and_repeated_lines_are_masked():
    cap = "صورة من اجتماع الوزراء في عمّان بتاريخ 3 آذار/مارس 2025"
    text = f"Sorry, you need to enable JavaScript to visit this website.\n{cap}\n{cap}\nاقرأ المزيد\nالنص"
    nd = normalize(Document("x", text))
    assert "javascript" not in nd.norm.casefold()
    assert nd.norm.count("اجتماع") == 1
    assert "المزيد" not in nd.norm
    assert len(nd.norm) == len(fold(text))


@pytest.mark.parametrize("text, outlet, published", [
    (" date 2025-07-01 صدى الشام- بيروت\n\nقال الوزير", "صدى الشام", "2025-07-01"),
    ('قال الخبير في حديث إلى "النهار العربي" إن...\nوأضاف لـ"النهار العربي" أن', "النهار العربي", None),
    ("بيروت - قال الوزير إن الاجتماع عقد في العاصمة اللبنانية أمس", "x", None),
    ('قال في حديث إلى "أ" إن\nوقال لـ"ب" إن', "x", None),
])
def test_outlet_and_dateline(text, outlet, published):
    nd = normalize(Document("x", text))
    assert nd.outlet == outlet
    assert (nd.published.isoformat() if nd.published else None) == published


@pytest.mark.parametrize("code", lang.available())
def test_event_word_lists_name_events(code):
    """role_nouns, event_verbs and occurrence_nouns only refine event words: an entry that is no event word never fires."""
    ld = lang.get(code)
    for key in ("role_nouns", "event_verbs", "occurrence_nouns"):
        assert [w for w in getattr(ld, key) if not ld.event_of(w)] == [], key


@pytest.mark.parametrize("code", lang.available())
def test_noun_concepts_are_single_words_of_one_concept(code):
    """A counted noun is read as one word, so a longer entry could never match; and a stem
    that two concepts claim would count two things as one."""
    d, ld = lang.raw(code), lang.get(code)
    assert [w for ws in d["nouns"].values() for w in ws if " " in w.strip()] == []
    seen: dict[str, str] = {}
    for cid, ws in d["nouns"].items():
        for w in ws:
            s = ld.stem(fold(w).casefold())
            assert seen.setdefault(s, cid) == cid, (w, seen[s], cid)

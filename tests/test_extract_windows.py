"""Windowed scanning (extract/__init__.py): only the text around anchors is tokenized and
scanned, and the result must equal scanning the whole text.  The sentences put openers
far from their anchors, long holiday names, glued digits, links and mentions near the
ends of the text."""
import datetime as dt

import pytest

from discrep import lang
from discrep.extract import extract, windows
from discrep.model import Document
from discrep.normalize import normalize

FILLER_AR = "وقال المتحدث إن الوضع الميداني يتطلب مزيدا من التنسيق بين الأطراف المعنية "
FILLER_EN = "The spokesman said the situation on the ground required closer coordination between the parties "

CASES = [
    ("ar", "ما لا يقل عن نحو ثلاثمائة وخمسين شخصا"),
    ("ar", "في أواخر شهر آذار 2024 أعلنت الوزارة"),
    ("ar", "منذ أسبوعين وصل الوفد، وفي منتصف نيسان غادر"),
    ("ar", "الـ15 من الشهر، و15مارس، ورقم 7"),
    ("ar", "بين 200 و 300 قتيل في اليوم الأول من تموز"),
    ("ar", "زار الوفد الموقع www.example.com/2024/05 ثم عاد يوم الخميس 12"),
    ("en", "at the end of next week, about 2.5 million people"),
    ("en", "in the middle of March 2019 between about 40 and 50 percent"),
    ("en", "twentyfirst of June, the result is ⅔, three days ago"),
    ("en", "on Martin Luther King Day 2020 and on christmas eve"),
    ("en", "mail info2024@example.org or call +44 20 7946 0958 by the 3rd"),
    ("en", "Forty-two. 7"),
]


def _both(text, code):
    nd = normalize(Document(id="w", text=text, lang=code))
    ref = dt.date(2024, 6, 15)
    return extract(nd, ref), extract(nd, ref, whole=True)


@pytest.mark.parametrize("code, text", CASES)
@pytest.mark.parametrize("pad", [0, 1, 12])
def test_windows_agree_with_whole_text(code, text, pad):
    filler = (FILLER_AR if code == "ar" else FILLER_EN) * pad
    windowed, whole = _both(filler + text + " " + filler + text, code)
    assert windowed == whole
    assert whole, "every case holds at least one mention"


@pytest.mark.parametrize("code, filler", [("ar", FILLER_AR), ("en", FILLER_EN)])
def test_plain_prose_is_not_scanned(code, filler):
    text = filler * 40 + "2,500 " + filler * 40
    spans = windows(lang.get(code), normalize(Document(id="w", text=text, lang=code)).norm)
    assert len(spans) == 1
    s, e = spans[0]
    assert s < text.index("2,500") < e and (e - s) < len(filler) * 2


@pytest.mark.parametrize("code, word", [("ar", "نحو"), ("ar", "منذ"), ("en", "between"), ("en", "last")])
def test_openers_alone_are_not_anchors(code, word):
    """An opener with no anchor near it opens no window."""
    filler = FILLER_AR if code == "ar" else FILLER_EN
    assert windows(lang.get(code), filler + word + " " + filler) == []


@pytest.mark.parametrize("sep", [" و", ", "])
def test_long_day_list_does_not_recurse(sep):
    """A list of thousands of small numbers before a month: each start walks at most a
    month's worth of rising days, so this neither recurses deeply nor grows quadratically."""
    text = sep.join(str(k % 28 + 1) for k in range(3000)) + " آذار"
    nd = normalize(Document(id="w", text=text, lang="ar"))
    ms = extract(nd, dt.date(2026, 2, 9))
    assert ms and ms[-1].kind == "date"


def test_addresses_still_found_after_the_linear_pattern():
    nd = normalize(Document(id="w", text="write to desk2024@example.com or see www.x.org/2025 on 3 May", lang="en"))
    assert [m.kind for m in extract(nd, dt.date(2026, 2, 9))] == ["date"]

"""Visual reordering of right-to-left text for terminals that do not do bidi themselves.

A simplified form of the Unicode bidi algorithm that is enough for table cells: a line
whose first strong character is Arabic is laid out right to left, runs of Latin letters
and digits keep their order, brackets are mirrored, and Arabic letters are shaped
(joined) with arabic_reshaper.  Lines must be wrapped before they are reordered.
"""
from __future__ import annotations

import os
import re

MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
RTL_RE = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
LTR_RUN = re.compile(r"[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F.,:/%+\-'’]*[A-Za-z0-9\u00C0-\u024F%])?")


def needs_reorder(mode: str, is_tty: bool) -> bool:
    """auto: only on a terminal that is not known to do bidi itself (DISCREP_BIDI overrides)."""
    env = os.environ.get("DISCREP_BIDI", "").lower()
    if env in ("on", "off"):
        mode = env
    if mode != "auto":
        return mode == "on"
    if not is_tty:
        return False
    if os.environ.get("VTE_VERSION") or os.environ.get("KONSOLE_VERSION"):
        return False
    if os.environ.get("TERM_PROGRAM") in ("Apple_Terminal", "mlterm"):
        return False
    return True


def _shape(s: str) -> str:
    try:
        import arabic_reshaper
    except ImportError:  # shaping is cosmetic
        return s
    return arabic_reshaper.reshape(s)


AR = r"\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF"
# an Arabic run inside a left-to-right line: Arabic words with the spaces, digits and
# punctuation between them, up to the next Latin letter
AR_RUN = re.compile(f"[{AR}](?:[^A-Za-z\u00C0-\u024F]*[{AR}])?")


def _rtl(s: str) -> str:
    """A right-to-left run in display order: reversed, with its Latin words and numbers
    kept in reading order and its brackets mirrored."""
    parts: list[str] = []
    pos = 0
    for m in LTR_RUN.finditer(s):
        if m.start() > pos:
            parts.append(s[pos:m.start()][::-1].translate(MIRROR))
        parts.append(m.group())
        pos = m.end()
    if pos < len(s):
        parts.append(s[pos:][::-1].translate(MIRROR))
    return "".join(reversed(parts))


def visual_line(line: str, base: str = "auto") -> str:
    """One logical line in left-to-right display order.  ``base`` is the line's direction:
    "ltr" for discrep's own words (a reason, a value · outlet · source head), where only
    the Arabic runs are turned and the English around them stays as written; "auto" takes
    it from the first strong letter (an article's sentence)."""
    if not RTL_RE.search(line):
        return line
    shaped = _shape(line)
    if base == "auto":
        first_strong = re.search(f"[A-Za-z{AR}]", line)
        base = "rtl" if first_strong and RTL_RE.match(first_strong.group()) else "ltr"
    if base == "rtl":
        return _rtl(shaped)
    return AR_RUN.sub(lambda m: _rtl(m.group()), shaped)


def wrap(text: str, width: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        lines.append(cur)
    return lines or [""]


def cell(text: str, width: int, reorder: bool, base: str = "auto") -> str:
    lines = wrap(text, width)
    return "\n".join(visual_line(ln, base) for ln in lines) if reorder else "\n".join(lines)

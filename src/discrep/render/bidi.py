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


def visual_line(line: str) -> str:
    """One logical line in left-to-right display order."""
    if not RTL_RE.search(line):
        return line
    first_strong = re.search(r"[A-Za-z\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]", line)
    rtl_base = bool(first_strong and RTL_RE.match(first_strong.group()))
    shaped = _shape(line)
    if not rtl_base:
        # an LTR line with Arabic islands: reverse each Arabic island in place
        return re.sub(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF][\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\s\"'()]*"
                      r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]",
                      lambda m: m.group()[::-1].translate(MIRROR), shaped)
    parts: list[str] = []
    pos = 0
    for m in LTR_RUN.finditer(shaped):
        if m.start() > pos:
            parts.append(shaped[pos:m.start()][::-1].translate(MIRROR))
        parts.append(m.group())
        pos = m.end()
    if pos < len(shaped):
        parts.append(shaped[pos:][::-1].translate(MIRROR))
    return "".join(reversed(parts))


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


def cell(text: str, width: int, reorder: bool) -> str:
    lines = wrap(text, width)
    return "\n".join(visual_line(ln) for ln in lines) if reorder else "\n".join(lines)

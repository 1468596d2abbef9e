"""Evaluation gate on real news: ``bench/real_ans.py`` (Arabic headline pairs) and
``bench/real_fakes.py`` (English casualty reports) must stay at or above pinned floors,
and false conflicts at or below pinned ceilings.  The data is read from ``../shared``; CI
sets ``DISCREP_REQUIRE_PEERS=1`` so that a missing ``../shared`` fails instead of skipping.
Raise the floors when the figures improve; never relax them to land a change.
"""
from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("DISCREP_SHARED", ROOT.parent / "shared"))
EXTERNAL = SHARED / "bench" / "external"


def _run(script: str, data: str) -> str:
    path = EXTERNAL / data
    if not path.is_dir():
        if os.environ.get("DISCREP_REQUIRE_PEERS"):
            pytest.fail(f"evaluation data not found at {path}")
        pytest.skip(f"evaluation data not found at {path}")
    pr = subprocess.run([sys.executable, str(ROOT / "bench" / script), str(path), "--show", "0"],
                        capture_output=True, text=True, timeout=600)
    assert pr.returncode == 0, pr.stderr
    return pr.stdout


def _rate(out: str, pattern: str) -> float:
    m = re.search(pattern, out)
    assert m, f"no line matching {pattern!r} in:\n{out}"
    return float(m.group(1))


def test_ans_floors():
    out = _run("real_ans.py", "ans_arabic_news_stance")
    assert _rate(out, r"numeric contradiction: .* recall ([\d.]+)") >= 0.85, out
    assert _rate(out, r"same numbers: .* false-conflict rate ([\d.]+)") <= 0.01, out
    assert _rate(out, r"unrelated: .* false-conflict rate ([\d.]+)") == 0.0, out


def test_fakes_floors():
    out = _run("real_fakes.py", "fakes_syria_casualty_reports")
    assert _rate(out, r"recall ([\d.]+)") >= 0.99, out
    # 0.70 until one document's own figures stopped conflicting unless two named sources give
    # them: the three clusters it cost had only such conflicts (a round-up's total against one
    # district's toll, "24 hours" against a "48-hour truce", two counts of destroyed positions)
    # 0.71 until "a child and a woman were killed and seven others were injured" read the
    # seven as injured (C137): the cluster's conflict had cited that misread kill count
    # 0.70 until a total over several strikes stopped meeting one strike's toll (C141, A124):
    # the cluster it cost had only "five killed in multiple airstrikes on Idlib" against 67 in
    # Aleppo, one document's two places; the conflicts citing both tolls did not move.  Back
    # at 0.70 when English "in all" stopped making a sum of parts a running total over time
    assert _rate(out, r"counts differ: \d+, count conflict on \d+: ([\d.]+)") >= 0.70, out
    assert _rate(out, r"counts agree: .* no count conflict on \d+: ([\d.]+)") >= 0.90, out
    # 0.48 until the one-outlet-gives-both rule: the three clusters it cost were conflicts
    # between different events (1 vs 16, 5 vs 13) and a misread "the two sides", each
    # citing the tolls only because they sat in the same group.  0.44 until increments and
    # described sources: the three more it cost held a toll against "six others" it included, a
    # page counter read as a number against a toll, and a week's toll against one day's
    assert _rate(out, r"conflict citing both tolls on \d+: ([\d.]+)") >= 0.55, out
    assert _rate(out, r"none over the dead on \d+: ([\d.]+)") >= 0.95, out
    # one outlet's report seldom contradicts itself: 88 of the 804 articles drew a conflict with
    # themselves (nearly all a total against its parts) before own figures needed two sources
    assert _rate(out, r"single articles: conflicts inside (\d+)") <= 20, out
    # date conflicts read by hand were all between different events (datelines, "since
    # March 2011", a week's other attacks): 58 before statement and report dates were told apart
    assert _rate(out, r"by kind: .*date (\d+)") <= 6, out


def test_stories_floors():
    """The 36 multi-outlet stories (``../shared/bench/stories``), scored by the strict
    ``score_stories.py`` (a conflict counts only when its reason names the gold pair).
    Floors pinned just under the figures reached; raise them as they improve."""
    stories = SHARED / "bench" / "stories"
    if not (stories / "gold.json").is_file():
        if os.environ.get("DISCREP_REQUIRE_PEERS"):
            pytest.fail(f"evaluation data not found at {stories}")
        pytest.skip(f"evaluation data not found at {stories}")
    env = dict(os.environ, PATH=os.pathsep.join([str(pathlib.Path(sys.executable).parent), os.environ.get("PATH", "")]))
    pr = subprocess.run([sys.executable, str(SHARED / "bench" / "score_stories.py"), str(stories), "--json"],
                        capture_output=True, text=True, timeout=600, env=env)
    got = json.loads(pr.stdout.strip().splitlines()[-1])
    assert got["conflicts_found"] >= 37, got
    assert got["false_conflicts"] == 0, got
    assert got["traps_fired"] == 0, got
    assert got["agreements_found"] >= 31, got
    assert got["updates_found"] >= 11, got
    assert got["updates_as_conflicts"] == 0, got

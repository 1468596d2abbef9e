"""``--format html`` in a real browser: the seeds report loads in headless Chromium with no
console error, each conflict's two figures are visible and marked, and Arabic sentences
compute ``direction: rtl`` (English ones ``ltr``).

The page is instrumented, not mocked: a copy of the report gets an error catcher as the
first thing in its head and a probe as the last thing in its body, which writes what the
browser computed into the DOM; Chromium's ``--dump-dom`` prints that DOM.  The test skips,
saying why, only where no Chromium is installed; ``.ci/run`` installs it and sets
``DISCREP_REQUIRE_BROWSER`` so that there it cannot skip."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from discrep.cli import app

ROOT = Path(__file__).resolve().parents[1]

CATCH = """<script>window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
(function () { var err = console.error; console.error = function () {
  window.__errors.push(Array.prototype.join.call(arguments, ' ')); return err.apply(console, arguments); }; })();
</script>"""

PROBE = """<script>window.addEventListener('load', function () {
  function shown(el) { var r = el.getBoundingClientRect(); var s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; }
  var out = {errors: window.__errors, conflicts: [], dirs: []};
  document.querySelectorAll('.finding.conflict').forEach(function (f) {
    out.conflicts.push(Array.prototype.map.call(f.querySelectorAll('mark'), function (m) {
      return {text: m.textContent, shown: shown(m), bg: getComputedStyle(m).backgroundColor}; }));
  });
  document.querySelectorAll('.sentence').forEach(function (s) {
    out.dirs.push({lang: s.getAttribute('lang'), direction: getComputedStyle(s).direction}); });
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});</script>"""


def _chromium() -> str | None:
    for name in (os.environ.get("DISCREP_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def browser() -> str:
    exe = _chromium()
    if exe is None:
        if os.environ.get("DISCREP_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required here (DISCREP_REQUIRE_BROWSER) but none is installed")
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); .ci/run installs it")
    return exe


def _probe(exe: str, page: str, tmp_path: Path) -> dict:
    page = page.replace("<head>", "<head>" + CATCH, 1).replace("</body>", PROBE + "</body>", 1)
    f = tmp_path / "report.html"
    f.write_text(page, encoding="utf-8")
    pr = subprocess.run([exe, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
                         "--virtual-time-budget=5000", "--dump-dom", f.as_uri()],
                        capture_output=True, text=True, timeout=120)
    m = re.search(r'<pre id="probe">(.*?)</pre>', pr.stdout, re.S)
    assert m, f"the probe did not run: {pr.stderr[-2000:]}"
    import html
    return json.loads(html.unescape(m.group(1)))


def test_seeds_report_in_chromium(browser, tmp_path):
    r = CliRunner().invoke(app, ["check", str(ROOT / "seeds"), "--format", "html"])
    assert r.exit_code == 1, r.output                       # the seeds hold conflicts
    got = _probe(browser, r.output, tmp_path)
    assert got["errors"] == []
    # both seed conflicts, each with its two figures visible and marked
    assert len(got["conflicts"]) == 2
    for marks in got["conflicts"]:
        assert len(marks) >= 2
        assert all(m["shown"] for m in marks)
        assert all(m["bg"] not in ("rgba(0, 0, 0, 0)", "transparent") for m in marks)
    texts = {m["text"] for marks in got["conflicts"] for m in marks}
    assert any("120" in t for t in texts) and any("1500" in t or "1,500" in t or "١٥٠٠" in t for t in texts)
    assert got["dirs"] and all(d["direction"] == "rtl" for d in got["dirs"] if d["lang"] == "ar")


def test_mixed_languages_each_in_its_own_direction(browser, tmp_path):
    story = tmp_path / "story.jsonl"
    story.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "a", "outlet": "Wire", "lang": "en", "text": "Turnout was 47.3% in Sunday's election, the commission said."},
        {"id": "b", "outlet": "صحيفة", "lang": "ar",
         "text": "بلغت نسبة المشاركة 43.7 في المئة في انتخابات الأحد، بحسب المفوضية."}]), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(story), "--format", "html"])
    got = _probe(browser, r.output, tmp_path)
    assert got["errors"] == []
    assert {(d["lang"], d["direction"]) for d in got["dirs"]} == {("en", "ltr"), ("ar", "rtl")}

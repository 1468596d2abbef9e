"""A draft checked against its sources: verdicts per draft claim, linter formats (SARIF,
GitHub), baselines, configuration and `explain`, through the command line."""
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from discrep.cli import app
from discrep.load import load
from discrep.pipeline import check_against
from discrep.settings import Settings

runner = CliRunner()
DATA = Path(__file__).resolve().parent / "data"


def _write(folder: Path, name: str, text: str) -> str:
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def verdicts(report):
    return sorted((f.verdict, f.kind, f.claims[0].claim.mention.text) for f in report.findings)


# ---- the example draft against the seeds (the "done when") -----------------------

def test_example_draft_against_seeds(root, monkeypatch):
    monkeypatch.chdir(root)
    r = runner.invoke(app, ["check", "examples/draft-ar.md", "--against", "seeds/", "-f", "json", "--no-config"])
    assert r.exit_code == 1, r.output
    data = json.loads(r.stdout)
    got = {(f["verdict"], f["kind"]) for f in data["findings"]}
    assert {("conflict", "count"), ("conflict", "date"), ("unsupported", "count")} <= got
    assert data["summary"]["conflicts"] == 2 and data["summary"]["unsupported"] == 1
    # every finding is about the draft: its first claim is the draft's
    assert all(f["claims"][0]["doc"] == "draft-ar" for f in data["findings"])
    escape = next(f for f in data["findings"] if f["verdict"] == "conflict" and f["kind"] == "count")
    assert "SDF" in escape["reason"] and "as fact" in escape["reason"]


# ---- verdicts, with other names, numbers, outlets and dates -----------------------------

SOURCES_EN = [
    "The interior ministry said about 40 inmates escaped from the Tadmur jail, while the rebels said up to 600 fled.",
    "Foreign ministers met in Amman on 14 March 2025 to discuss the border crossings.",
]
SOURCES_AR = [
    "أعلنت وزارة الداخلية فرار نحو 40 سجيناً من سجن تدمر، بينما تحدثت فصائل المعارضة عن فرار ما يصل إلى 600 سجين.",
    "اجتمع وزراء الخارجية في عمّان يوم 14 آذار 2025 لبحث ملف المعابر الحدودية.",
]


@pytest.mark.parametrize("draft, sources, want", [
    # the rebels' figure told as fact while the ministry says otherwise
    ("Up to 600 inmates escaped from the Tadmur jail.", SOURCES_EN, ("conflict", "count")),
    ("The ministers met in Amman on 17 March 2025 to discuss the border crossings.", SOURCES_EN, ("conflict", "date")),
    ("The ministers met in Amman on 14 March 2025 to discuss the border crossings.", SOURCES_EN, ("agree", "date")),
    ("The rebels said up to 600 inmates escaped from the Tadmur jail.", SOURCES_EN, ("agree", "count")),
    ("Guards wounded 12 inmates during the escape from the Tadmur jail.", SOURCES_EN, ("unsupported", "count")),
    ("فر 600 سجين من سجن تدمر.", SOURCES_AR, ("conflict", "count")),
    ("اجتمع وزراء الخارجية في عمّان يوم 19 آذار 2025 لبحث ملف المعابر.", SOURCES_AR, ("conflict", "date")),
    ("قالت فصائل المعارضة إن ما يصل إلى 600 سجين فروا من سجن تدمر.", SOURCES_AR, ("agree", "count")),
    ("أصيب 9 حراس خلال عملية الفرار من سجن تدمر.", SOURCES_AR, ("unsupported", "count")),
])
def test_draft_verdicts(tmp_path, draft, sources, want):
    d = _write(tmp_path, "draft.txt", draft)
    srcs = [_write(tmp_path, f"s{i}.txt", t) for i, t in enumerate(sources)]
    rep = check_against(load([d]), load(srcs), Settings())
    assert want in {(f.verdict, f.kind) for f in rep.findings}, verdicts(rep)
    assert all(f.draft and f.claims[0].claim.doc_id == "draft" for f in rep.findings)
    if want[0] != "conflict":
        assert not rep.conflicts, verdicts(rep)


def test_a_folder_holding_the_draft_is_not_its_own_source(tmp_path):
    d = _write(tmp_path, "draft.txt", "Guards wounded 12 inmates during the escape from the Tadmur jail.")
    _write(tmp_path, "s0.txt", SOURCES_EN[0])
    rep = check_against(load([d]), load([str(tmp_path)]), Settings())
    assert [f.verdict for f in rep.findings if f.kind == "count"] == ["unsupported"]


# ---- exit codes -------------------------------------------------------------------------

@pytest.mark.parametrize("draft, args, code", [
    ("Guards wounded 12 inmates during the escape from the Tadmur jail.", [], 0),
    ("Guards wounded 12 inmates during the escape from the Tadmur jail.", ["--fail-on", "unsupported"], 1),
    ("Up to 600 inmates escaped from the Tadmur jail.", [], 1),
    ("Up to 600 inmates escaped from the Tadmur jail.", ["--exit-zero"], 0),
    ("Up to 600 inmates escaped from the Tadmur jail.", ["--fail-on", "never"], 0),
])
def test_fail_on_and_exit_zero(tmp_path, monkeypatch, draft, args, code):
    monkeypatch.chdir(tmp_path)
    d = _write(tmp_path, "draft.txt", draft)
    s = _write(tmp_path, "s0.txt", SOURCES_EN[0])
    r = runner.invoke(app, ["check", d, "--against", s, "-f", "json"] + args)
    assert r.exit_code == code, r.output


# ---- SARIF and GitHub -------------------------------------------------------------------

def test_sarif_validates_and_points_into_the_arabic_draft(root, monkeypatch):
    monkeypatch.chdir(root)
    r = runner.invoke(app, ["check", "examples/draft-ar.md", "--against", "seeds/", "-f", "sarif", "--no-config"])
    assert r.exit_code == 1
    sarif = json.loads(r.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    rules = {x["id"] for x in run["tool"]["driver"]["rules"]}
    lines = (root / "examples" / "draft-ar.md").read_text(encoding="utf-8").split("\n")
    assert len(run["results"]) == 3
    for res in run["results"]:
        assert res["ruleId"] in rules and res["partialFingerprints"]["discrepFinding/v1"].startswith("D")
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "examples/draft-ar.md"
        reg = loc["region"]
        line = lines[reg["startLine"] - 1]
        assert line[reg["startColumn"] - 1:reg["endColumn"] - 1] == reg["snippet"]["text"]
    # re-running gives the same fingerprints
    again = json.loads(runner.invoke(app, ["check", "examples/draft-ar.md", "--against", "seeds/", "-f", "sarif",
                                           "--no-config"]).stdout)
    fp = lambda s: sorted(x["partialFingerprints"]["discrepFinding/v1"] for x in s["runs"][0]["results"])
    assert fp(again) == fp(sarif)


def test_sarif_of_a_plain_check_validates(root):
    r = runner.invoke(app, ["check", str(root / "seeds"), "-f", "sarif", "--no-config"])
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(r.stdout), schema)


GH = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=(\d+),title=[^:]+::(.+)$")


def test_github_lines_point_at_the_figure(root, monkeypatch):
    monkeypatch.chdir(root)
    r = runner.invoke(app, ["check", "examples/draft-ar.md", "--against", "seeds/", "-f", "github", "--no-config"])
    assert r.exit_code == 1
    out = r.stdout.strip().splitlines()
    assert len(out) == 3 and sum(x.startswith("::error") for x in out) == 2
    text = (root / "examples" / "draft-ar.md").read_text(encoding="utf-8").split("\n")
    for x in out:
        m = GH.match(x)
        assert m, x
        path, line, col, ecol = m.group(2), int(m.group(3)), int(m.group(4)), int(m.group(5))
        assert path == "examples/draft-ar.md"
        figure = text[line - 1][col - 1:ecol - 1]
        assert figure and any(ch.isdigit() for ch in figure), figure


def test_github_escapes_newlines_and_percent(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = _write(tmp_path, "a,b.txt", "The rebels said 30% of the 600 inmates escaped from the Tadmur jail.")
    b = _write(tmp_path, "c.txt", "The rebels said 45% of the 600 inmates escaped from the Tadmur jail.")
    r = runner.invoke(app, ["check", a, b, "-f", "github"])
    assert r.exit_code == 1
    line = r.stdout.strip().splitlines()[0]
    assert "file=a%2Cb.txt" in line or "file=c.txt" in line
    assert "30%25" in line and "\n" not in line


# ---- baselines --------------------------------------------------------------------------

def test_baseline_round_trip(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = _write(tmp_path, "s0.txt", SOURCES_EN[0] + " " + SOURCES_EN[1])
    draft = tmp_path / "draft.txt"
    draft.write_text("Up to 600 inmates escaped from the Tadmur jail.\n"
                     "Guards wounded 12 inmates during the escape.\n", encoding="utf-8")
    r = runner.invoke(app, ["baseline", str(draft), "--against", src, "-o", "base.json"])
    assert r.exit_code == 0, r.output
    assert runner.invoke(app, ["check", str(draft), "--against", src, "--baseline", "base.json",
                               "--fail-on", "unsupported"]).exit_code == 0
    # edits elsewhere keep the recorded findings; one new conflict fails, and only it
    draft.write_text("Editor's note: updated.\n\nUp to 600 inmates escaped from the Tadmur jail.\n"
                     "Guards wounded 12 inmates during the escape.\n"
                     "The ministers met in Amman on 17 March 2025 to discuss the border crossings.\n", encoding="utf-8")
    r = runner.invoke(app, ["check", str(draft), "--against", src, "--baseline", "base.json", "-f", "json"])
    assert r.exit_code == 1, r.output
    found = [f for f in json.loads(r.stdout)["findings"] if f["verdict"] != "agree"]
    assert [(f["verdict"], f["kind"]) for f in found] == [("conflict", "date")]


def test_a_bad_baseline_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = _write(tmp_path, "d.txt", "Guards wounded 12 inmates.")
    _write(tmp_path, "base.json", '{"not": "a baseline"}')
    r = runner.invoke(app, ["check", d, "--baseline", "base.json"])
    assert r.exit_code == 2 and "not a baseline file" in r.stderr


# ---- configuration ----------------------------------------------------------------------

DRAFT_TOL = "Officials said 103 inmates escaped from the Tadmur jail."
SOURCE_TOL = "Officials said 100 inmates escaped from the Tadmur jail."


@pytest.mark.parametrize("files, args, code", [
    ({}, [], 1),                                                           # defaults: 103 vs 100 conflict
    ({"discrep.toml": "tolerance = 0.05\n"}, [], 0),                       # the config's tolerance
    ({"pyproject.toml": "[tool.discrep]\ntolerance = 0.05\n"}, [], 0),     # or pyproject's table
    ({"discrep.toml": "tolerance = 0.05\n"}, ["--tolerance", "0"], 1),     # a flag beats the config
    ({"discrep.toml": "tolerance = 0.05\n", "pyproject.toml": "[tool.discrep]\ntolerance = 0\n"}, [], 0),  # discrep.toml first
    ({"discrep.toml": "fail-on = \"never\"\n"}, [], 0),
    ({"discrep.toml": "fail-on = \"never\"\n"}, ["--fail-on", "conflict"], 1),
    ({"discrep.toml": "ignore = [\"count\"]\n"}, [], 0),
    ({"discrep.toml": "tolerance = 0.05\n"}, ["--no-config"], 1),
])
def test_config_precedence(tmp_path, monkeypatch, files, args, code):
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    work = tmp_path / "newsroom" / "drafts"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)                        # discovered upward from the working directory
    a = _write(work, "a.txt", DRAFT_TOL)
    b = _write(work, "b.txt", SOURCE_TOL)
    r = runner.invoke(app, ["check", a, "--against", b, "-f", "json"] + args)
    assert r.exit_code == code, r.output


def test_the_nearest_config_wins(tmp_path, monkeypatch):
    (tmp_path / "discrep.toml").write_text("tolerance = 0.05\n", encoding="utf-8")
    inner = tmp_path / "desk"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[tool.discrep]\ntolerance = 0.0\n", encoding="utf-8")
    monkeypatch.chdir(inner)
    a, b = _write(inner, "a.txt", DRAFT_TOL), _write(inner, "b.txt", SOURCE_TOL)
    assert runner.invoke(app, ["check", a, "--against", b]).exit_code == 1


def test_outlet_aliases_from_config(tmp_path, monkeypatch):
    (tmp_path / "discrep.toml").write_text('[outlet-aliases]\n"wire-a" = "Agence A"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    a = _write(tmp_path, "wire-a.txt", SOURCE_TOL)
    b = _write(tmp_path, "b.txt", DRAFT_TOL)
    r = runner.invoke(app, ["check", a, b, "-f", "json"])
    assert "Agence A" in {d["outlet"] for d in json.loads(r.stdout)["documents"]}


def test_source_aliases_from_config(tmp_path, monkeypatch):
    (tmp_path / "discrep.toml").write_text('[source-aliases]\n"المرصد الوطني" = "National Observatory"\n'
                                           '"the National Observatory" = "National Observatory"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    a = _write(tmp_path, "a.txt", "قال المرصد الوطني إن 40 شخصا قتلوا في القصف، بينما قالت وزارة الصحة إن 25 قتلوا.")
    r = runner.invoke(app, ["check", a, "-f", "json", "--fail-on", "never"])
    names = {c["attributed_to"] for f in json.loads(r.stdout)["findings"] for c in f["claims"]}
    assert "National Observatory" in names


@pytest.mark.parametrize("body, needle", [
    ("tolerence = 0.05\n", "unknown key 'tolerence'"),
    ("tolerance = 2\n", "tolerance must be"),
    ("fail-on = \"always\"\n", "fail-on must be"),
    ("ignore = [\"counts\"]\n", "ignore must be"),
    ("[source-aliases]\nSDF = 3\n", "source-aliases must map"),
    ("tolerance = \n", "discrep.toml"),
    ("archive-max-stories = 0\n", "archive-max-stories must be"),
    ("index-batch-docs = \"many\"\n", "index-batch-docs must be"),
])
def test_bad_config_is_a_usage_error(tmp_path, monkeypatch, body, needle):
    (tmp_path / "discrep.toml").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    d = _write(tmp_path, "d.txt", SOURCE_TOL)
    r = runner.invoke(app, ["check", d])
    assert r.exit_code == 2 and needle in r.stderr, r.output


def test_readme_documents_every_config_key(root):
    from discrep.config import KEYS
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert all(f"`{k}`" in readme for k in KEYS)


def test_readme_schema_names_every_claim_field(root):
    """Each key a finding's claim carries in JSON is named in the README's schema block."""
    from conftest import run
    readme = (root / "README.md").read_text(encoding="utf-8")
    schema = readme.split("## JSON schema", 1)[1].split("```", 2)[1]
    f = run("Shelling killed 12 people in Homs, a monitor said.", "Shelling killed 19 people in Homs.",
            lang="en").findings[0]
    keys = f.to_dict()["claims"][0].keys()
    assert not [k for k in keys if f'"{k}"' not in schema]


# ---- explain ----------------------------------------------------------------------------

def test_explain_prints_one_finding_in_full(root, monkeypatch):
    monkeypatch.chdir(root)
    r = runner.invoke(app, ["check", "examples/draft-ar.md", "--against", "seeds/", "-f", "json", "--no-config"])
    f = next(x for x in json.loads(r.stdout)["findings"] if x["verdict"] == "conflict" and x["kind"] == "count")
    r = runner.invoke(app, ["explain", f["id"][:8], "examples/draft-ar.md", "--against", "seeds/",
                            "--bidi", "off", "--no-config"], env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    for needle in (f["id"], "conflict", "interval", "said by", "SDF", "Syrian government", "examples/draft-ar.md:"):
        assert needle in r.stdout, needle
    assert runner.invoke(app, ["explain", "Dffffffffff", "examples/draft-ar.md", "--no-config"]).exit_code == 2


@pytest.mark.parametrize("draft", [
    "For the first time, the ministers met in Amman to discuss the border crossings.",
    "The ministers will meet again in 3 days to discuss the border crossings.",
    "للمرة الأولى اجتمع الوزراء في عمّان لبحث ملف المعابر.",
])
def test_phrases_that_bound_nothing_get_no_verdict(tmp_path, draft):
    d = _write(tmp_path, "draft.txt", draft)
    srcs = [_write(tmp_path, f"s{i}.txt", t) for i, t in enumerate(SOURCES_EN)]
    rep = check_against(load([d]), load(srcs), Settings())
    assert not [f for f in rep.findings if f.verdict != "agree" and f.kind in ("ordinal", "date")], verdicts(rep)


@pytest.fixture
def revised_story(tmp_path):
    """Sources: 12 dead on 9 February, 31 on 11 February; in English and in Arabic."""
    rows = [
        {"id": "a", "outlet": "Outlet A", "published": "2026-02-09",
         "text": "The floods killed 12 people in the valley, officials said."},
        {"id": "b", "outlet": "Outlet B", "published": "2026-02-11",
         "text": "The death toll from the floods in the valley rose to 31, officials said."},
        {"id": "c", "outlet": "وكالة أ", "published": "2026-02-09",
         "text": "قتل 12 شخصا في فيضانات الوادي، بحسب المسؤولين."},
        {"id": "d", "outlet": "وكالة ب", "published": "2026-02-11",
         "text": "ارتفعت حصيلة قتلى فيضانات الوادي إلى 31 شخصا، بحسب المسؤولين."}]
    src = tmp_path / "sources.jsonl"
    src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return tmp_path, src


@pytest.mark.parametrize("draft, verdict", [
    ("The floods killed 12 people in the valley, officials said.", "outdated"),
    ("قتل 12 شخصا في فيضانات الوادي، بحسب المسؤولين.", "outdated"),
    ("The floods killed 31 people in the valley, officials said.", "agree"),
    ("The floods killed 20 people in the valley, officials said.", "conflict"),
])
def test_a_draft_that_carries_an_old_figure_is_outdated(revised_story, draft, verdict):
    tmp, src = revised_story
    d = tmp / "draft.md"
    d.write_text(draft + "\n", encoding="utf-8")
    r = runner.invoke(app, ["check", str(d), "--against", str(src), "-f", "json", "--no-config"])
    f, = [f for f in json.loads(r.stdout)["findings"] if f.get("draft_claim") == 0]
    assert f["verdict"] == verdict
    if verdict == "outdated":
        assert "was revised to 31" in f["reason"] and "2026-02-11" in f["reason"]
        assert r.exit_code == 0                                    # --fail-on conflict (the default)
        assert runner.invoke(app, ["check", str(d), "--against", str(src), "--fail-on", "outdated",
                                   "--no-config"]).exit_code == 1
        gh = runner.invoke(app, ["check", str(d), "--against", str(src), "-f", "github", "--no-config"])
        line, = gh.stdout.strip().splitlines()
        m = GH.match(line)
        assert m and m.group(1) == "warning" and m.group(3) == "1" and "outdated" in line
        sarif = json.loads(runner.invoke(app, ["check", str(d), "--against", str(src), "-f", "sarif",
                                               "--no-config"]).stdout)
        res, = sarif["runs"][0]["results"]
        assert res["level"] == "warning" and res["ruleId"] == "outdated-count"

"""Stories of documents with no story field (mirrors stories.py)."""
from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
from typer.testing import CliRunner

from discrep.cli import app
from discrep.config import ConfigError, settings_from
from discrep.load import read_inputs
from discrep.model import Document
from discrep.settings import Settings
from discrep.stories import clusters, split

SEEDS = pathlib.Path(__file__).resolve().parents[1] / "seeds"

FLOOD = [
    "Floods swept through Kadugli on Tuesday, killing 12 people, said governor Hamid Osman. Rescue teams from "
    "the Red Crescent searched the Tillo district for survivors.",
    "Governor Hamid Osman said rescue teams were still searching the Tillo district of Kadugli, where floods "
    "killed at least 14 people on Tuesday.",
]
VOTE = [
    "Voters in Moravia chose Lenka Dvorakova as president on Sunday, giving her 52 percent, the Moravian "
    "electoral commission said.",
    "Lenka Dvorakova won Moravia's presidential run-off with 51.8 percent, according to the electoral "
    "commission, ahead of Petr Hruby.",
]


def docs_of(texts, outlet=None, lang="en"):
    return [Document(id=f"d{k}", text=t, outlet=outlet or f"Outlet{k}", lang=lang) for k, t in enumerate(texts)]


@pytest.mark.parametrize("mode, groups", [
    ("one", [["d0", "d1", "d2", "d3"]]),
    ("field", [["d0"], ["d1"], ["d2"], ["d3"]]),
    ("auto", [["d0", "d1"], ["d2", "d3"]]),
])
def test_modes(mode, groups):
    docs = docs_of(FLOOD + VOTE)
    out = split(docs, Settings(stories=mode))
    assert sorted(sorted(d.id for d in g) for g in out) == groups
    if mode != "one":                    # each story named, so findings say which
        assert all(len({d.story for d in g}) == 1 and g[0].story for g in out)


def test_auto_keeps_the_seeds_together():
    docs, _ = read_inputs([str(SEEDS)])
    assert len(set(clusters(docs, Settings(stories="auto")))) == 1


def test_auto_ignores_the_lines_an_outlet_repeats():
    footer = "\nCopyright Harbour City Post. Reporting by Nadia Farouk and Tomas Brenner in Port Selwyn."
    docs = docs_of([FLOOD[0] + footer, VOTE[0] + footer], outlet="Harbour City Post")
    assert len(set(clusters(docs, Settings(stories="auto")))) == 2


def test_auto_never_joins_two_languages():
    """A limit, told in the README: an Arabic and an English report of one flood share no word."""
    docs = [Document(id="a", text="قتلت الفيضانات 12 شخصا في كادقلي يوم الثلاثاء بحسب الوالي حامد عثمان.", lang="ar"),
            Document(id="b", text=FLOOD[0], lang="en")]
    assert len(set(clusters(docs, Settings(stories="auto")))) == 2


def test_a_document_with_a_story_keeps_it(tmp_path):
    rows = [{"id": f"d{k}", "text": t, "story": "S1"} for k, t in enumerate(FLOOD + VOTE)]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(p), "--stories", "auto", "--format", "json", "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    assert {f["story"] for f in json.loads(r.stdout)["findings"]} == {"S1"}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cli_auto(tmp_path, fmt):
    for k, t in enumerate(FLOOD + VOTE):
        (tmp_path / f"d{k}.txt").write_text(t, encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(tmp_path), "--stories", "auto", "--format", fmt, "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    findings = json.loads(r.stdout)["findings"] if fmt == "json" else [json.loads(x) for x in r.stdout.splitlines()]
    by_story: dict[str, set] = {}
    for f in findings:
        by_story.setdefault(f["story"], set()).update(c["doc"] for c in f["claims"])
    # the flood's toll (12 / 14) is found within its own story; no finding spans the two
    assert by_story and all(s.startswith("auto-") for s in by_story)
    assert {"d0", "d1"} in by_story.values()
    assert not any(ds & {"d0", "d1"} and ds & {"d2", "d3"} for ds in by_story.values())


def test_cli_rejects_an_unknown_mode(tmp_path):
    (tmp_path / "a.txt").write_text(FLOOD[0], encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(tmp_path), "--stories", "some"])
    assert r.exit_code == 2


@pytest.mark.parametrize("value, ok", [("auto", True), ("field", True), ("one", True), ("all", False), (3, False)])
def test_config_key(value, ok):
    if ok:
        assert settings_from({"stories": value}, "discrep.toml").stories == value
    else:
        with pytest.raises(ConfigError):
            settings_from({"stories": value}, "discrep.toml")


@pytest.mark.parametrize("gap, weight, together", [
    (1, 0.0, True),                      # within a week: the similarity holds in full
    (30, 0.0, False),                    # a month apart, with nothing of it kept: two stories
    (30, 1.0, True),                     # ... or with all of it kept: one
])
def test_auto_weighs_reports_far_apart_in_time_less(gap, weight, together):
    day = dt.date(2026, 3, 1)
    docs = [Document(id=f"d{k}", text=t, outlet=f"Outlet{k}", lang="en", published=day + dt.timedelta(days=k * gap))
            for k, t in enumerate(FLOOD)]
    labels = clusters(docs, Settings(stories="auto", story_far_weight=weight))
    assert (labels[0] == labels[1]) == together


def test_auto_counts_a_name_more_than_a_word():
    from discrep.stories import _words
    doc = docs_of(["Police in Kadugli said the floods hit Kadugli and the market."])
    plain, named = _words(doc)[0], _words(doc, name_weight=2)[0]
    assert (plain["kadugli"], named["kadugli"]) == (2, 4)
    assert plain["market"] == named["market"] == 1      # not a name: as before
    assert named["police"] == 1                          # a sentence's first word is no name

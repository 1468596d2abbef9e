"""Evaluation gate: the peer suites (Duckling, Recognizers-Text, NeMo, dateparser) scored
by ``../shared/bench/score_peers.py`` must stay at or above pinned floors.

The floors are what the extractor reaches today minus a small margin (see the README's
"Accuracy" section); raise them when accuracy improves, never lower them to land a change.
CI sets ``DISCREP_REQUIRE_PEERS=1`` so a missing ``../shared`` fails instead of skipping.
"""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

FLOORS = {
    "ar-date": 0.80, "ar-number": 0.91, "ar-ordinal": 0.91, "ar-percent": 0.91,
    "en-date": 0.61, "en-number": 0.85, "en-ordinal": 0.95, "en-percent": 0.74,
}

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("DISCREP_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "bench" / "score_peers.py"
PEERS = SHARED / "bench" / "peers"


def _need_peers():
    if not (SCORER.exists() and PEERS.is_dir()):
        if os.environ.get("DISCREP_REQUIRE_PEERS"):
            pytest.fail(f"peer suites not found at {PEERS}")
        pytest.skip(f"peer suites not found at {PEERS}")


def test_peer_accuracy_at_or_above_floors():
    _need_peers()
    env = dict(os.environ, PATH=str(pathlib.Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    args = [sys.executable, str(SCORER), str(PEERS)] + [f"--min={k}={v}" for k, v in FLOORS.items()]
    pr = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    last = pr.stdout.strip().splitlines()[-1] if pr.stdout.strip() else pr.stderr
    assert pr.returncode == 0, f"below a floor:\n{pr.stdout}\n{pr.stderr}"
    for subset in FLOORS:
        assert f" {subset} " in f" {last}", f"subset {subset} missing from scorer output: {last}"

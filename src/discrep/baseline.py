"""Baselines: adopt discrep on an existing archive and fail only on new findings.

A baseline file records the fingerprints (finding ids) of the findings a team accepts.
Ids hash what a finding is about, not where it sits: a draft claim's id is its document,
sentence and words and the verdict, so edits elsewhere in the file keep it."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from .errors import DiscrepError
from .model import Report

SCHEMA = "discrep.baseline/1"


class BaselineError(DiscrepError):
    pass


def to_dict(report: Report) -> dict:
    gated = [f for f in report.findings if f.verdict != "agree"]
    return {"schema": SCHEMA,
            "findings": [{"id": f.id, "verdict": f.verdict, "kind": f.kind, "reason": f.reason}
                         for f in sorted(gated, key=lambda f: f.id)]}


def read(path: str) -> frozenset[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"{path}: {e.strerror or 'cannot read'}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"{path}: not a baseline file ({e})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a baseline file (expected schema {SCHEMA!r})")
    return frozenset(str(f.get("id")) for f in data["findings"] if isinstance(f, dict))


def suppress(report: Report, known: frozenset[str]) -> tuple[Report, int]:
    """The report without the baselined findings, and how many were dropped."""
    kept = tuple(f for f in report.findings if f.verdict == "agree" or f.id not in known)
    return replace(report, findings=kept), len(report.findings) - len(kept)

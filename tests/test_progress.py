"""The progress bar of a long run: on a terminal's stderr only, never with -q or in a pipe,
and stdout byte-identical with and without it.  Run through a real pseudo-terminal."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from discrep.settings import Settings

N_DOCS = Settings().progress_min_docs + 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    p = tmp_path_factory.mktemp("progress") / "many.jsonl"
    rows = [{"id": f"d{k}", "story": f"s{k // 4}", "outlet": f"Outlet {k % 4}",
             "text": f"The floods killed {10 + k % 4} people in valley {k // 4} on Sunday, officials said."}
            for k in range(N_DOCS)]
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return p


def _run(args: list[str], tty: bool) -> tuple[bytes, bytes, int]:
    """discrep's stdout (a pipe) and stderr (a pseudo-terminal when ``tty``)."""
    cmd = [sys.executable, "-m", "discrep", *args]
    env = dict(os.environ, COLUMNS="120", TERM="xterm")
    if not tty:
        pr = subprocess.run(cmd, capture_output=True, env=env, timeout=300)
        return pr.stdout, pr.stderr, pr.returncode
    import threading
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(proc.stdout.read() if proc.stdout else b""))
    reader.start()                       # stdout drained meanwhile: a full pipe would stall the run
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:                  # the terminal's other end closed: the process is done
            break
        if not chunk:
            break
        err += chunk
    rc = proc.wait(timeout=300)
    reader.join(timeout=60)
    os.close(master)
    return got[0] if got else b"", err, rc


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_progress_on_a_terminal_only(corpus, fmt):
    args = ["check", str(corpus), "--format", fmt, "--fail-on", "never"]
    out_tty, err_tty, rc_tty = _run(args, tty=True)
    out_pipe, err_pipe, rc_pipe = _run(args, tty=False)
    out_quiet, err_quiet, _ = _run([*args, "-q"], tty=True)
    assert rc_tty == rc_pipe == 0
    assert out_tty == out_pipe == out_quiet                 # stdout byte-identical
    assert f"{N_DOCS}/{N_DOCS}".encode() in err_tty and b"stories decided" in err_tty
    assert f"{N_DOCS // 4} stories decided".encode() in err_tty
    assert b"stories decided" not in err_pipe               # a pipe: no bar
    assert b"stories decided" not in err_quiet              # -q: no bar


def test_no_bar_for_a_short_run(tmp_path):
    p = tmp_path / "few.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "The floods killed 10 people on Sunday."}), encoding="utf-8")
    _, err, _ = _run(["check", str(p), "--format", "json"], tty=True)
    assert b"stories decided" not in err

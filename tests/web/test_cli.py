"""`storyline serve`: prints its URL (and the token when writes are allowed) and serves the dossier."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

STORYLINE = Path(sys.executable).parent / "storyline"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(*args: str) -> Iterator[tuple[str, list[str]]]:
    """Run `storyline serve ARGS`, wait until it answers, yield (url, printed lines)."""
    port = _free_port()
    proc = subprocess.Popen(
        [str(STORYLINE), "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )  # fmt: skip
    lines: list[str] = []
    url = f"http://127.0.0.1:{port}/"
    assert proc.stdout is not None
    reader = threading.Thread(
        target=lambda: lines.extend(line.rstrip("\n") for line in proc.stdout), daemon=True
    )  # type: ignore[union-attr]
    reader.start()
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(url + "api/overview", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                if proc.poll() is not None or time.time() > deadline:
                    raise AssertionError(f"serve did not answer: {lines}") from None
                time.sleep(0.2)
        time.sleep(0.3)  # the lines printed before uvicorn started are in by now
        yield url, lines
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # only the server this test started
        proc.wait(timeout=20)


@pytest.mark.slow
def test_serve_prints_its_url_and_serves_read_only(facts_db: Path) -> None:
    with serving("--db", str(facts_db)) as (url, lines):
        assert any(url in line for line in lines), lines
        assert not any("token" in line for line in lines)
        assert httpx.get(url).status_code == 200
        assert httpx.post(url + "api/jobs", data={"text": "x"}).status_code == 403
        # A page asked for under another host name (DNS rebinding) is refused.
        assert httpx.get(url, headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.slow
def test_serve_with_writes_prints_a_token_that_works(tmp_path: Path) -> None:
    with serving("--db", str(tmp_path / "new.duckdb"), "--allow-writes") as (url, lines):
        token_lines = [line for line in lines if "token:" in line]
        assert token_lines, lines
        token = token_lines[0].split("token:", 1)[1].strip()
        assert len(token) >= 20
        assert httpx.post(url + "api/jobs", data={"text": " "}).status_code == 403
        refused = httpx.post(url + "api/jobs", data={"text": " "}, headers={"X-Storyline-Token": token})
        assert refused.status_code == 400 and "nothing to add" in refused.json()["detail"]


def test_serve_without_a_dossier_says_how_to_build_one(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(STORYLINE), "serve", "--db", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "storyline build" in done.stderr

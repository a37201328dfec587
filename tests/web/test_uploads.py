"""Adding articles from the browser: off by default, token-guarded, checked, queued, built in the background."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.web.app import create_app
from storyline.web.ingest import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, display_source

TOKEN = "test-token-123"
ARTICLE = (
    "Ceasefire holds in Idlib\n\n"
    "The ceasefire in Idlib held on Tuesday, the Syrian Observatory for Human Rights said. "
    "\u201cThe night was calm,\u201d a resident told reporters."
)


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """A fresh, empty dossier served with writes allowed and a fake builder that records its inputs."""
    app = create_app(tmp_path / "new.duckdb", allow_writes=True, token=TOKEN)
    seen: list[list[tuple[str, bytes]]] = []

    def fake_build(paths: list[Path], db: Path, progress: Callable[[int], None]) -> dict[str, Any]:
        seen.append([(p.name, p.read_bytes()) for p in paths])
        progress(len(paths))
        if any(b"FAIL" in p.read_bytes() for p in paths):
            raise RuntimeError("the builder broke")
        return {"stored": len(paths), "already": 0, "skipped": []}

    app.state.jobs.builder = fake_build
    app.state.seen = seen
    with TestClient(app) as c:
        yield c


def test_adding_is_off_by_default(client: TestClient) -> None:
    r = client.post("/api/jobs", data={"text": ARTICLE, "token": "x"})
    assert r.status_code == 403 and "--allow-writes" in r.json()["detail"]
    page = client.post("/add", data={"text": ARTICLE, "token": "x"})
    assert page.status_code == 403 and "--allow-writes" in page.text
    assert "Adding articles is off" in client.get("/add").text


def test_a_token_is_required(writable: TestClient) -> None:
    for headers, data in (({}, {"text": ARTICLE}), ({"X-Storyline-Token": "wrong"}, {"text": ARTICLE})):
        r = writable.post("/api/jobs", headers=headers, data=data)
        assert r.status_code == 403 and "token" in r.json()["detail"]
    assert writable.app.state.seen == []  # type: ignore[attr-defined]


def test_a_pasted_article_is_queued_built_and_reported(writable: TestClient) -> None:
    r = writable.post(
        "/api/jobs",
        headers={"X-Storyline-Token": TOKEN},
        data={"text": ARTICLE, "title": "Ceasefire", "outlet": "Wire", "date": "2017-03-07"},
    )
    assert r.status_code == 202
    job = r.json()
    writable.app.state.jobs.wait()  # type: ignore[attr-defined]
    done = writable.get(f"/api/jobs/{job['id']}").json()
    assert done["state"] == "done" and done["stored"] == 1 and "1 stored" in done["message"]
    ((name, body),) = writable.app.state.seen[0]  # type: ignore[attr-defined]
    assert name == "upload-0001.jsonl"  # a name the server made up, not one from the request
    assert b'"outlet": "Wire"' in body and b'"date": "2017-03-07"' in body
    page = writable.get(f"/add/jobs/{job['id']}").text
    assert 'id="job-progress"' in page and 'data-state="done"' in page


def test_the_job_says_how_many_articles_an_upgrade_extracted_again(writable: TestClient) -> None:
    def upgraded_build(paths: list[Path], db: Path, progress: Callable[[int], None]) -> dict[str, Any]:
        return {"stored": 0, "reextracted": 1, "already": 0, "skipped": []}

    writable.app.state.jobs.builder = upgraded_build  # type: ignore[attr-defined]
    r = writable.post("/api/jobs", headers={"X-Storyline-Token": TOKEN}, data={"text": ARTICLE})
    writable.app.state.jobs.wait()  # type: ignore[attr-defined]
    done = writable.get(f"/api/jobs/{r.json()['id']}").json()
    assert done["message"] == (
        "0 stored, 1 extracted again (an older storyline had stored them), 0 already in the dossier, 0 skipped"
    )


def test_the_form_redirects_to_the_job_page(writable: TestClient) -> None:
    r = writable.post("/add", data={"token": TOKEN, "text": ARTICLE}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/add/jobs/")
    assert writable.get(r.headers["location"]).status_code == 200


def test_uploaded_files_keep_only_their_type(writable: TestClient) -> None:
    files = [("files", ("../../etc/evil.txt", ARTICLE.encode(), "text/plain")),
             ("files", ("page.html", b"<html><body><p>" + ARTICLE.encode() + b"</p></body></html>", "text/html"))]  # fmt: skip
    r = writable.post("/api/jobs", headers={"X-Storyline-Token": TOKEN}, files=files)
    assert r.status_code == 202 and r.json()["files"] == ["../../etc/evil.txt", "page.html"]
    writable.app.state.jobs.wait()  # type: ignore[attr-defined]
    assert [n for n, _ in writable.app.state.seen[0]] == ["upload-0001.txt", "upload-0002.html"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("files", "data", "message"),
    [
        ([("files", ("report.pdf", b"%PDF-1.4", "application/pdf"))], {}, "type .pdf are not accepted"),
        ([("files", ("noext", b"text", "text/plain"))], {}, "type (none) are not accepted"),
        ([("files", ("big.txt", b"a" * (MAX_FILE_BYTES + 1), "text/plain"))], {}, "limit per file"),
        ([("files", ("bin.txt", b"abc\x00def", "text/plain"))], {}, "looks binary"),
        ([("files", ("latin.txt", "caf\u00e9".encode("latin-1"), "text/plain"))], {}, "not UTF-8"),
        ([("files", ("empty.txt", b"  \n", "text/plain"))], {}, "is empty"),
        (
            [("files", (f"f{i}.txt", b"x", "text/plain")) for i in range(MAX_FILES + 1)],
            {},
            "over the limit of",
        ),
        ([], {"text": "   "}, "nothing to add"),
        ([], {"text": ARTICLE, "date": "7 March"}, "is not YYYY-MM-DD"),
    ],
)
def test_bad_uploads_get_a_clear_error(writable: TestClient, files: list, data: dict, message: str) -> None:
    r = writable.post("/api/jobs", headers={"X-Storyline-Token": TOKEN}, files=files or None, data=data)
    assert r.status_code == 400
    assert message in r.json()["detail"]
    page = writable.post("/add", files=files or None, data={"token": TOKEN, **data})
    assert page.status_code == 400 and 'id="upload-error"' in page.text
    assert writable.app.state.seen == []  # type: ignore[attr-defined]


def test_an_oversized_request_is_refused_before_it_is_read(writable: TestClient) -> None:
    body = b"a" * (MAX_TOTAL_BYTES + 100 * 1024)
    r = writable.post(
        "/api/jobs", headers={"X-Storyline-Token": TOKEN}, files=[("files", ("a.txt", body, "text/plain"))]
    )
    assert r.status_code == 413 and "request too large" in r.json()["detail"]


def test_skipped_inputs_are_reported_under_the_users_names() -> None:
    files = ["my notes.txt", "feed.jsonl"]
    assert display_source("upload-0001.txt", files) == "my notes.txt"
    assert display_source("upload-0002.jsonl#3", files) == "feed.jsonl#3"
    assert display_source("elsewhere.txt", files) == "elsewhere.txt"


def test_a_body_of_unstated_length_is_refused(writable: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b"text=hello"

    r = writable.post("/api/jobs", headers={"X-Storyline-Token": TOKEN}, content=chunks())
    assert r.status_code == 411 and "Content-Length" in r.json()["detail"]


def test_a_failing_build_fails_its_job_only(writable: TestClient) -> None:
    bad = writable.post(
        "/api/jobs", headers={"X-Storyline-Token": TOKEN}, data={"text": "FAIL " + ARTICLE}
    ).json()
    good = writable.post("/api/jobs", headers={"X-Storyline-Token": TOKEN}, data={"text": ARTICLE}).json()
    writable.app.state.jobs.wait()  # type: ignore[attr-defined]
    failed = writable.get(f"/api/jobs/{bad['id']}").json()
    assert failed["state"] == "failed" and "the builder broke" in failed["message"]
    assert writable.get(f"/api/jobs/{good['id']}").json()["state"] == "done"
    assert writable.get("/api/jobs/nope").status_code == 404


@pytest.mark.slow
def test_the_library_builds_an_upload_into_the_served_dossier(tmp_path: Path) -> None:
    """The real adapter: storyline.build.build runs in the worker, and the served pages and search see the result."""
    with TestClient(create_app(tmp_path / "real.duckdb", allow_writes=True, token=TOKEN)) as c:
        assert c.get("/api/overview").json()["articles"] == 0
        job = c.post("/api/jobs", headers={"X-Storyline-Token": TOKEN},
                     data={"text": ARTICLE, "outlet": "Wire", "date": "2017-03-07"}).json()  # fmt: skip
        c.app.state.jobs.wait(timeout=120)  # type: ignore[attr-defined]
        done = c.get(f"/api/jobs/{job['id']}").json()
        assert done["state"] == "done", done
        assert done["report"]["stored"] == 1
        (article,) = c.get("/api/articles").json()["items"]
        assert article["outlet"] == "Wire" and article["published"] == "2017-03-07"
        hits = c.get("/api/search", params={"q": "ceasefire Idlib"}).json()
        assert {h["article_id"] for h in hits["items"]} == {article["id"]}
        assert "article" in {h["kind"] for h in hits["items"]}
        assert c.get(f"/articles/{article['id']}").status_code == 200

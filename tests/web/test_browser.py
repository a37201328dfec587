"""The pages in a real browser: Playwright driving Debian's Chromium against a live server.

Screenshots of every page land in tests/artifacts/ (ignored by git). `make test` installs
/usr/bin/chromium through scripts/ensure-chromium.sh when it is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from storyline.web.app import create_app
from tests.web import dossier

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn in a thread, on a free loopback port."""

    def __init__(self, db: Path, app: FastAPI | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app or create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium: run scripts/ensure-chromium.sh (make test does)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A page that records console errors (CSP violations among them) and any JavaScript dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []
    pg.on(
        "console", lambda m: pg.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None
    )
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    pg.on("response", lambda r: pg.problems.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None)

    def on_dialog(d):  # type: ignore[no-untyped-def]
        pg.problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", on_dialog)
    yield pg
    context.close()


def shot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000  # a rendered page, not a blank one
    return path


def test_seed_dossier_overview_actor_search_article(seed_db: Path, page) -> None:  # type: ignore[no-untyped-def]
    with LiveServer(seed_db) as server:
        overview = page.request.get(f"{server.url}/api/overview").json()
        page.goto(server.url + "/")
        assert page.locator(".stat").first.inner_text().strip() == "4 articles"
        actors = page.locator("#top-actors a.actor")
        assert actors.count() > 0
        shot(page, "seed-overview")

        # Follow an actor to its quotes: the top actor that is quoted, if the attribution stage has run.
        quoted = page.request.get(f"{server.url}/api/quotes", params={"limit": 500}).json()["items"]
        speakers = {q["speaker"] for q in quoted if q["speaker"]}
        names = actors.all_inner_texts()
        name = next((n for n in names if n in speakers), names[0])
        page.locator("#top-actors a.actor", has_text=name).first.click()
        page.wait_for_url("**/actors/**")
        assert page.locator("h1").inner_text() == name
        assert page.locator("#names tbody tr").count() >= 1  # the names each outlet uses
        if name in speakers:
            statements = page.locator(".statement")
            assert statements.count() == sum(q["speaker"] == name for q in quoted)
            statements.first.locator("a.src").click()  # back to the exact sentence
            page.wait_for_url("**/articles/**")
            anchor = page.url.split("#", 1)[1]
            assert anchor.startswith("s-") and page.locator(f"#{anchor}").is_visible()
            page.go_back()
        else:
            assert overview["counts"]["attributions"] == 0
            assert "No statements attributed" in page.content()
        shot(page, "seed-actor")

        page.fill("header form.search input[name=q]", "Raqqa")
        page.press("header form.search input[name=q]", "Enter")
        page.wait_for_url("**/search?q=Raqqa*")
        hits = page.locator("ol.hits li")
        assert hits.count() >= 1
        assert page.locator("ol.hits mark").first.inner_text().lower().startswith("raqqa")
        shot(page, "seed-search")

        page.locator("ol.hits li.hit-article a").first.click()
        page.wait_for_url("**/articles/**")
        assert "/articles/" in page.url
        assert page.locator("#text .sent").count() > 5
        assert page.locator("#text .ent").count() > 5  # entity highlights
        if overview["counts"]["attributions"]:
            assert page.locator("#text .quote").count() >= 1
        if overview["counts"]["timexes"]:
            assert page.locator("#text .timex").count() >= 1
        shot(page, "seed-article")
        for path in ("/timeline", "/claims", "/framing", "/actors", "/articles"):
            page.goto(server.url + path)
            assert page.locator("h1").is_visible()
            shot(page, "seed-" + path.strip("/"))
    assert page.problems == []


def test_actor_quotes_timeline_and_ledger_on_a_full_dossier(facts_db: Path, page) -> None:  # type: ignore[no-untyped-def]
    with LiveServer(facts_db) as server:
        page.goto(server.url + "/")
        assert page.locator("figure.timeline svg circle").count() == 4  # the timeline at a glance
        shot(page, "full-overview")
        page.locator("#top-actors a.actor", has_text="Bashar al-Assad").click()
        page.wait_for_url("**/actors/**")
        statements = page.locator(".statement blockquote")
        assert statements.all_inner_texts() == ["Raqqa is a symbol,", "<img src=x onerror=alert(4)>"]
        shot(page, "full-actor")
        page.locator(".statement a.src").first.click()
        page.wait_for_url("**/articles/a-gulf#s-109")
        assert page.url.endswith("/articles/a-gulf#s-109")
        sentence = page.locator("#s-109")
        assert sentence.is_visible() and "Raqqa is a symbol" in sentence.inner_text()
        assert sentence.locator(".quote").inner_text() == "Raqqa is a symbol,"
        assert sentence.locator(".marker").inner_text() == "Bashar al-Assad"
        assert page.locator("#text .timex").first.get_attribute("title") == "DATE = 2017-02-16"
        page.locator("#text .claim").click()  # a highlight opens its detail
        assert page.url.endswith("#c-177") and page.locator("#c-177").is_visible()
        shot(page, "full-article")

        page.goto(server.url + "/timeline")
        assert page.locator("figure.timeline svg a.event").count() == 4
        page.select_option("select[name=actor]", "Aleppo")
        page.click("form.filters button")
        page.wait_for_url("**/timeline?actor=Aleppo*")
        assert page.locator("figure.timeline svg a.event").count() == 1
        shot(page, "full-timeline")

        page.goto(server.url + "/claims")
        conflict = page.locator("section.claim-group.conflict")  # 12 and 20 dead in Aleppo on 15 February
        assert conflict.count() == 1 and conflict.locator("h2").inner_text().startswith("deaths in Syria")
        assert conflict.locator(".badge").inner_text().lower() == "sources disagree"
        cards = conflict.locator(".card")
        assert cards.count() == 2
        assert cards.all_inner_texts()[0].startswith("12") and cards.all_inner_texts()[1].startswith("20")
        assert cards.first.locator("mark.claim").inner_text() == "12 civilians dead"
        first, second = (cards.nth(i).bounding_box() for i in range(2))
        assert (
            first and second and abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"]
        )  # side by side
        toll = page.locator("section#g-deaths-in-syria-300000")  # a toll growing from day to day: no conflict
        assert toll.count() == 1 and "conflict" not in (toll.get_attribute("class") or "")
        assert toll.locator(".badge").count() == 0
        assert toll.locator("mark.claim").all_inner_texts() == [
            "more than 300,000 people",
            "more than 310,000 people",
        ]
        shot(page, "full-claims")
        page.goto(server.url + "/claims?conflicts=true")
        assert page.locator("section.claim-group").count() == 1
        page.goto(server.url + "/framing")
        assert page.locator("#framing tbody tr").count() == 2
        shot(page, "full-framing")

        page.goto(server.url + "/articles/a-hostile")  # hostile text: shown, never run
        assert "<script>alert(1)</script>" in page.locator("#text").inner_text()
        assert page.locator("#text script, #text img").count() == 0
        shot(page, "full-hostile")
    assert page.problems == []


def test_ledger_page_keeps_lone_claims_apart(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    """Claims that share no quantity are compact rows, one each, below the boxes; no heading holds them."""
    db = dossier.add_lone_claims(dossier.build(tmp_path / "lone.duckdb"))
    with LiveServer(db) as server:
        page.goto(server.url + "/claims")
        assert page.locator("section.claim-group").count() == 2  # the conflict and the growing toll
        assert [h.strip().lower() for h in page.locator("section.claim-group h2").all_inner_texts()] == [
            "deaths in syria sources disagree",
            "deaths in syria",
        ]
        lone = page.locator("section#single-claims")
        assert lone.locator("h2").inner_text() == "Single claims"
        rows = lone.locator("tbody tr")
        assert rows.count() == len(dossier.LONE_CLAIMS)
        cells = [
            [c.strip() for c in rows.nth(i).locator("td").all_inner_texts()[:3]] for i in range(rows.count())
        ]
        assert cells == [
            ["people", "Syria", "5,000"],
            ["percent", "Syria", "40"],
            ["percent", "Syria", "45"],
            ["troops", "Syria", "200"],
        ]  # by measure, then value; the two percentages are two rows, not one group
        assert rows.locator("mark.claim").all_inner_texts() == [
            n for n, _, _ in sorted(dossier.LONE_CLAIMS, key=lambda c: (c[2], c[1]))
        ]
        boxes = [rows.nth(i).bounding_box() for i in range(rows.count())]
        assert all(b and b["height"] < 80 for b in boxes)  # compact: one line or two each
        assert all(a and b and b["y"] > a["y"] for a, b in zip(boxes, boxes[1:], strict=False))
        card = page.locator("section.claim-group").first.bounding_box()
        assert card and boxes[0] and boxes[0]["y"] > card["y"]  # below the boxes
        page.click("text=listed one per row at the end")
        assert page.url.endswith("#single-claims") and lone.is_visible()
        shot(page, "claims-lone")
        rows.nth(3).locator("a.src").click()  # back to the sentence the number is in
        page.wait_for_url("**/articles/a-lone#s-**")
        assert "200 troops" in page.locator("#" + page.url.split("#", 1)[1]).inner_text()
    assert page.problems == []


def test_adding_a_pasted_article_shows_its_progress(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    """The form, the token, the job page and its live progress (app.js polling /api/jobs/ID)."""
    app = create_app(tmp_path / "new.duckdb", allow_writes=True, token="tok-123")
    release = threading.Event()

    def slow_build(paths, db, progress):  # type: ignore[no-untyped-def]
        release.wait(timeout=30)  # hold the job in "running" until the page has shown it
        progress(1)
        return {
            "stored": 1,
            "already": 0,
            "skipped": [{"source": "upload-0001.jsonl", "code": "empty", "reason": "no text"}],
        }

    app.state.jobs.builder = slow_build
    with LiveServer(tmp_path / "new.duckdb", app) as server:
        page.goto(server.url + "/add?token=tok-123")
        page.fill("input[name=title]", "Ceasefire")
        page.fill("textarea[name=text]", "The ceasefire held on Tuesday, officials said.")
        shot(page, "add-form")
        page.click("form.add button[type=submit]")
        page.wait_for_url("**/add/jobs/*")
        from playwright.sync_api import expect

        expect(page.locator("#job-state")).to_have_text("running")
        assert page.locator("#job-progress").get_attribute("value") is None  # indeterminate while running
        release.set()
        expect(page.locator("#job-state")).to_have_text("done", timeout=15_000)
        assert "1 stored" in page.locator("#job-message").inner_text()
        assert (
            page.locator("#job-skipped li").inner_text() == "pasted.jsonl: no text"
        )  # the user's name, not ours
        assert page.locator("#job-done").is_visible()
        shot(page, "add-done")

        page.goto(server.url + "/add?token=wrong")
        page.fill("textarea[name=text]", "text")
        page.click("form.add button[type=submit]")
        assert "wrong or missing token" in page.locator("p.error").inner_text()
    assert [p for p in page.problems if "403" not in p] == []  # the refused post is the only error

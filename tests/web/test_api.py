"""The JSON API and the pages over a hand-made dossier, through FastAPI's TestClient."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from storyline.web import queries
from storyline.web.app import CSP, create_app
from tests.web import dossier

ASSAD = "Bashar al-Assad"


def test_overview(client: TestClient) -> None:
    o = client.get("/api/overview").json()
    assert o["articles"] == 4
    assert o["date_from"] == "2017-02-16" and o["date_to"] == "2017-03-01"
    assert {x["outlet"] for x in o["outlets"]} == {"Gulf News", "The Times", "Agency", "<b>Evil</b> Outlet"}
    assert o["top_actors"][0]["name"] == ASSAD and o["top_actors"][0]["mentions"] == 4
    assert o["counts"]["claims"] == 4


def test_articles_paginate_and_filter(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert ids == ["a-gulf", "a-times", "a-agency", "a-hostile"]  # oldest first
    assert [a["id"] for a in client.get("/api/articles", params={"outlet": "Agency"}).json()["items"]] == [
        "a-agency"
    ]
    dated = client.get("/api/articles", params={"date_from": "2017-02-17", "date_to": "2017-02-23"}).json()
    assert [a["id"] for a in dated["items"]] == ["a-times", "a-agency"]
    assert client.get("/api/articles", params={"limit": 10_000}).status_code == 422
    story = client.get("/api/articles", params={"story": "st-1"}).json()
    assert [a["id"] for a in story["items"]] == ["a-gulf", "a-times", "a-agency"]
    assert "Assad and Raqqa" in client.get("/articles?story=st-1").text


def test_article_facts_point_into_the_text(client: TestClient) -> None:
    a = client.get("/api/articles/a-gulf").json()
    text = a["text"]
    for m in a["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    (q,) = a["quotes"]
    assert text[q["start"] : q["end"]] == q["text"] == "Raqqa is a symbol,"
    assert q["speaker"] == ASSAD and q["speaker_text"] == "Assad"
    assert text[q["sentence_start"] :].startswith("\u201cRaqqa is a symbol")
    assert {t["value"] for t in a["timexes"]} == {"2017-02-16", "2011-03"}
    (c,) = a["claims"]
    assert text[c["start"] : c["end"]] == "more than 300,000 people"
    assert client.get("/api/articles/nope").status_code == 404


def test_actor_statements_and_names_by_outlet(client: TestClient) -> None:
    a = client.get(f"/api/actors/{ASSAD}").json()
    assert a["type"] == "person" and "Al Assad" in a["aliases"]
    assert {q["outlet"] for q in a["quotes"]["items"]} == {"Gulf News", "<b>Evil</b> Outlet"}
    gulf = next(o for o in a["by_outlet"] if o["outlet"] == "Gulf News")
    assert {n["text"] for n in gulf["names"]} == {"Assad", ASSAD}
    assert [e["description"] for e in a["events"]] == ["Assad says Raqqa is not a priority"]
    assert client.get("/api/actors/Nobody").status_code == 404
    listed = client.get("/api/actors", params={"type": "place"}).json()
    assert {x["name"] for x in listed["items"]} == {"Raqqa", "Aleppo", "Geneva"}


def test_quotes_events_claims_framing_filters(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"speaker": ASSAD}).json()["total"] == 2
    assert client.get("/api/quotes", params={"type": "indirect"}).json()["total"] == 2
    assert client.get("/api/quotes", params={"type": "bogus"}).status_code == 422
    events = client.get("/api/events").json()["items"]
    assert [e["date"] for e in events] == ["2011-03", "2017-02-15", "2017-02-16", "2017-02-23"]
    assert client.get("/api/events", params={"actor": "Geneva"}).json()["total"] == 1
    assert client.get("/api/events", params={"outlet": "The Times"}).json()["total"] == 1
    assert client.get("/api/events", params={"date_from": "2017-01-01"}).json()["total"] == 3
    # a conflict: 12 and 20 dead in Aleppo, both as of 15 February, cannot both be true
    (group,) = client.get("/api/claims/ledger", params={"conflicts": True}).json()
    assert (group["label"], group["conflict"]) == ("deaths in Syria", True)
    assert [v["value"] for v in group["values"]] == [12, 20]
    assert [[c["outlet"] for c in v["claims"]] for v in group["values"]] == [["The Times"], ["Agency"]]
    # no conflict: a toll that grows from one day to the next ("more than 300,000", then "more than 310,000")
    toll = next(g for g in client.get("/api/claims/ledger").json() if g["key"] == "deaths-in-syria-300000")
    assert (toll["label"], toll["conflict"], toll["total"]) == ("deaths in Syria", False, 2)
    assert [[c["outlet"] for c in v["claims"]] for v in toll["values"]] == [["Gulf News"], ["The Times"]]
    assert [
        c["value"] for c in client.get("/api/claims", params={"outlet": "The Times"}).json()["items"]
    ] == [
        12,
        310000,
    ]
    m = client.get("/api/framing/matrix").json()
    assert m["cells"]["The Times"]["Syrian government"][0]["term"] == "regime"
    assert client.get("/api/framing", params={"kind": "hedge"}).json()["items"][0]["text"] == "so-called"


def test_the_ledger_puts_sources_of_one_number_together(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "ledger.duckdb")
    con = duckdb.connect(str(db))
    text = "Syria's war has killed more than 310,000 people, monitors said."  # a second source for 310,000
    con.execute(
        "INSERT INTO articles (id, source, title, outlet, raw, text, segments, published, published_how, words) "
        "VALUES ('a-late', 'a-late.txt', 'Toll', 'Wire', ?, ?, '[]', '2017-02-18', 'given', 9)",
        [text, text],
    )
    con.execute("INSERT INTO sentences VALUES ('a-late', 0, 0, ?)", [len(text)])
    con.execute("INSERT INTO mentions VALUES ('a-late', 0, 5, 'GPE', 'Syria', 'Syria')")
    at = text.index("more than")
    con.execute(  # "lives lost" is the same measure as "people killed": deaths
        "INSERT INTO claims VALUES ('a-late', ?, ?, 310000, 'more than', 'lives lost', 'monitors', '2017-02-17', ?)",
        [at, at + 24, text[at : at + 24]],
    )
    for aid, start, value, counts in [  # claims that are no quantity shared with another
        ("a-agency", 0, 3, None),  # no measure (a store of an older claims stage)
        ("a-agency", 6, 3, None),  # no measure, the same number again
        ("a-times", 0, 45, "percent"),  # "percent" and "people" name no quantity of their own
        ("a-gulf", 0, 40, "percent"),
    ]:
        con.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?, NULL, ?, NULL, NULL, 'x')",
            [aid, start, start + 1, value, counts],
        )
    groups = queries.claim_groups(con)
    assert [(g["label"], g["conflict"], g["total"]) for g in groups] == [
        ("deaths in Syria", True, 2),  # conflicts first
        ("deaths in Syria", False, 3),
        ("percent in Syria", False, 1),  # then every other claim on its own, by measure, country and value
        ("percent in Syria", False, 1),
        ("unnamed quantity in Syria", False, 1),  # no measure: after the measures
        ("unnamed quantity in Syria", False, 1),
    ]
    assert [g["values"][0]["value"] for g in groups[2:4]] == [40, 45]
    assert [g["values"][0]["claims"][0].article_id for g in groups[2:]] == [
        "a-gulf",
        "a-times",
        "a-agency",
        "a-agency",
    ]
    assert [g["key"] for g in groups[4:]] == ["unnamed-quantity-in-syria-3", "unnamed-quantity-in-syria-3-2"]
    assert len({g["key"] for g in groups}) == 6  # the anchors are unique
    assert sum(g["total"] for g in groups) == con.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert [(v["value"], v["sources"]) for v in groups[1]["values"]] == [(300000, 1), (310000, 2)]
    assert [c.article_id for c in groups[1]["values"][1]["claims"]] == ["a-times", "a-late"]  # oldest first
    assert [c.counts for c in groups[1]["values"][1]["claims"]] == ["people killed", "lives lost"]
    assert [g["key"] for g in queries.claim_groups(con, conflicts_only=True)] == [groups[0]["key"]]
    (one,) = queries.claim_groups(con, group=groups[1]["key"], per_value=1)
    assert one["key"] == groups[1]["key"] and [v["sources"] for v in one["values"]] == [1, 2]
    assert [len(v["claims"]) for v in one["values"]] == [1, 1]
    con.close()


def test_more_sources_link_lists_the_whole_group(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "more.duckdb")
    con = duckdb.connect(str(db))
    start, _ = dossier.span("a-times", "more than 310,000 people")
    for shift in range(1, queries.SOURCES_PER_VALUE + 1):  # more sources for 310,000 than a card shows
        con.execute(
            "INSERT INTO claims SELECT article_id, start_ + ?, end_, value, qualifier, 'lives lost', NULL, as_of, "
            "text FROM claims WHERE article_id = 'a-times' AND start_ = ?",
            [shift, start],
        )
    con.close()
    with TestClient(create_app(db)) as c:
        page = c.get("/claims").text
        assert '<a href="/api/claims/ledger?group=deaths-in-syria-300000">1 more (JSON)</a>' in page
        (group,) = c.get("/api/claims/ledger", params={"group": "deaths-in-syria-300000"}).json()
    assert [len(v["claims"]) for v in group["values"]] == [1, queries.SOURCES_PER_VALUE + 1]
    assert {c["counts"] for c in group["values"][1]["claims"]} == {"people killed", "lives lost"}


def test_web_ledger_and_cli_agree_on_conflicts(tmp_path: Path) -> None:
    """One ledger: the page and API flag exactly the groups `storyline claims` flags."""
    db = dossier.build(tmp_path / "agree.duckdb")
    with duckdb.connect(str(db)) as con:  # claims the ledger keeps apart: a generic measure, none
        con.execute("INSERT INTO claims VALUES ('a-gulf', 0, 1, 40, NULL, 'percent', NULL, NULL, 'x')")
        con.execute("INSERT INTO claims VALUES ('a-agency', 0, 1, 3, NULL, NULL, NULL, NULL, 'x')")
    out = subprocess.run(
        [str(Path(sys.executable).parent / "storyline"), "claims", "--db", str(db), "--format", "jsonl"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    cli = [json.loads(line) for line in out.splitlines() if line.strip()]

    def quantity(measure: str, country: str, values: list[float]) -> tuple[str, str, tuple[float, ...]]:
        return measure, country, tuple(sorted(set(values)))

    cli_groups = {
        quantity(g["measure"], g["country"], [c["value"] for c in g["claims"]]): g["conflict"] for g in cli
    }
    with TestClient(create_app(db)) as c:
        web = c.get("/api/claims/ledger").json()
    web_groups = {
        quantity(g["measure"], g["country"], [v["value"] for v in g["values"]]): g["conflict"] for g in web
    }
    assert web_groups == cli_groups
    # the same groups in the same order (the web's conflicts first), every claim in one of them
    order = [
        (g["measure"], g["country"], len(g["claims"])) for g in sorted(cli, key=lambda g: not g["conflict"])
    ]
    assert [(g["measure"], g["country"], g["total"]) for g in web] == order
    assert (sum(g["total"] for g in web), len(web)) == (6, 4)
    assert sorted(k for k, conflict in cli_groups.items() if conflict) == [("deaths", "Syria", (12, 20))]
    assert [k for k, conflict in cli_groups.items() if not conflict] == [
        ("deaths", "Syria", (300000, 310000)),
        ("percent", "Syria", (40,)),  # the ledger's order: most sources first, then by measure
        (None, "Syria", (3,)),  # the claim of no measure is in the CLI's ledger too, last
    ]


def test_search_ranks_articles_and_quotes(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "killed people"}).json()
    assert hits["total"] == 2
    assert {h["article_id"] for h in hits["items"]} == {"a-gulf", "a-times"}
    assert "<mark>killed</mark>" in hits["items"][0]["snippet"]
    quotes = client.get("/api/search", params={"q": "symbol", "kind": "quote"}).json()
    assert [(h["kind"], h["speaker"], h["start"]) for h in quotes["items"]] == [("quote", ASSAD, 109)]
    assert client.get("/api/search", params={"q": "zebra"}).json()["total"] == 0
    assert client.get("/api/search").status_code == 422


def test_exports(client: TestClient) -> None:
    r = client.get("/api/export/json")
    assert r.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        claims = json.loads(zf.read("storyline-json/claims.json"))
    assert sorted(c["value"] for c in claims) == [12, 20, 300000, 310000]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/csv", params={"table": "events"}).text)))
    assert len(rows) == 4 and rows[0]["description"]
    parquet = client.get("/api/export/parquet", params={"table": "actors"})
    assert parquet.content[:4] == b"PAR1"
    assert client.get("/api/export/csv", params={"table": "../../etc/passwd"}).status_code == 422
    tl = client.get("/api/export/timelinejs").json()
    assert len(tl["events"]) == 4
    assert tl["events"][0]["start_date"] == {"year": "2011", "month": "3"}
    geo = client.get("/api/export/geojson").json()
    by_name = {f["properties"]["name"]: f for f in geo["features"]}
    assert set(by_name) == {"Raqqa", "Aleppo", "Geneva"}
    assert by_name["Geneva"]["geometry"]["coordinates"] == [6.15, 46.2]
    assert [e["description"] for e in by_name["Aleppo"]["properties"]["events"]] == [
        "The regime shelled Aleppo"
    ]


def test_openapi_describes_every_route(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in ("/api/overview", "/api/articles", "/api/articles/{article_id}", "/api/actors/{name}", "/api/quotes",
                 "/api/events", "/api/claims/ledger", "/api/framing/matrix", "/api/search", "/api/export/{fmt}",
                 "/api/jobs"):  # fmt: skip
        assert path in paths, path
    assert "/articles/{article_id}" not in paths  # pages are not API


PAGES = ["/", "/articles", "/articles/a-gulf", "/actors", f"/actors/{ASSAD}", "/timeline", "/timeline?actor=Aleppo",
         "/claims", "/claims?conflicts=true", "/framing", "/search?q=raqqa", "/add"]  # fmt: skip


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_a_csp(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"


def test_article_page_links_every_fact_to_its_sentence(client: TestClient) -> None:
    page = client.get("/articles/a-gulf").text
    facts = client.get("/api/articles/a-gulf").json()
    for fact in facts["quotes"] + facts["timexes"] + facts["claims"] + facts["mentions"]:
        assert f'id="s-{fact["sentence_start"]}"' in page
    assert 'href="/articles/a-gulf#s-109"' in page  # the quote's entry links to its sentence
    assert 'class="quote spk-0 q-direct"' in page and 'class="timex" href="#t-70"' in page
    assert 'class="claim" href="#c-177"' in page
    ledger = client.get("/claims").text
    assert 'href="/articles/a-times#s-192"' in ledger and "sources disagree" in ledger
    assert "<svg" in client.get("/timeline").text


def test_facts_outside_stored_sentences_get_their_own_anchor(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "nosent.duckdb")
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM sentences")
    con.close()
    with TestClient(create_app(db)) as c:
        facts = c.get("/api/articles/a-gulf").json()
        page = c.get("/articles/a-gulf").text
    starts = {
        f["sentence_start"] for f in facts["quotes"] + facts["timexes"] + facts["claims"] + facts["mentions"]
    }
    assert starts == {
        f["start"] for f in facts["quotes"] + facts["timexes"] + facts["claims"] + facts["mentions"]
    }
    for start in starts:
        assert f'<span id="s-{start}" class="anchor"></span>' in page


def test_articles_without_an_outlet_are_filtered_as_unknown(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "nooutlet.duckdb")
    con = duckdb.connect(str(db))
    con.execute("UPDATE articles SET outlet = NULL WHERE id IN ('a-gulf', 'a-times')")
    con.close()
    with TestClient(create_app(db)) as c:
        assert {"outlet": "(unknown)", "articles": 2} in c.get("/api/overview").json()["outlets"]
        unknown = {"outlet": "(unknown)"}
        assert [a["id"] for a in c.get("/api/articles", params=unknown).json()["items"]] == [
            "a-gulf",
            "a-times",
        ]
        assert c.get("/api/events", params=unknown).json()["total"] == 3
        assert c.get("/api/claims", params=unknown).json()["total"] == 3
        assert c.get("/api/quotes", params=unknown).json()["total"] == 2
        assert 'href="/articles?outlet=%28unknown%29"' in c.get("/").text


def test_wire_copies_point_at_their_original(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "wire.duckdb")
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO wire_copies VALUES ('a-times', 'a-gulf', 0.93)")
    con.close()
    with TestClient(create_app(db)) as c:
        times = c.get("/api/articles/a-times").json()
        assert (times["copy_of"], times["similarity"]) == ("a-gulf", 0.93)
        assert (
            'wire copy of <a href="/articles/a-gulf">another article</a> (93% alike)'
            in c.get("/articles/a-times").text
        )
        assert 'href="/articles/a-gulf" title="republished wire copy">copy</a>' in c.get("/articles").text


def test_the_reader_can_show_one_speaker(client: TestClient) -> None:
    page = client.get("/articles/a-hostile", params={"speaker": "Somebody else"}).text
    assert 'class="quote spk-0 dim q-direct"' in page and 'class="fact quote-fact dim"' in page
    page = client.get("/articles/a-hostile", params={"speaker": ASSAD}).text
    assert (
        'class="quote spk-0 q-direct"' in page and "dim" not in page.split('id="text"')[1].split("</div>")[0]
    )
    assert 'href="?speaker=Bashar%20al-Assad#text"' in page


def test_unknown_pages_and_static_files_are_404(client: TestClient) -> None:
    assert client.get("/articles/nope").status_code == 404
    assert "no article" in client.get("/articles/nope").text
    assert client.get("/static/style.css").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e%2fapp.py", "/static/templates", "/static/__init__.py"):
        assert client.get(path).status_code == 404


def test_an_empty_dossier_renders_every_page(bare_db: Path) -> None:
    with TestClient(create_app(bare_db)) as c:
        for url in PAGES:
            url = url.replace(ASSAD, "Raqqa")
            r = c.get(url)
            expected = 404 if url.startswith("/actors/") else 200  # no mentions: no actors at all
            assert r.status_code == expected, url
        assert "No dated events in this dossier yet" in c.get("/timeline").text
        assert c.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
        assert c.get("/api/export/geojson").json()["features"] == []


def test_a_missing_dossier_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="storyline build"):
        create_app(tmp_path / "none.duckdb")


def test_the_dossier_is_opened_read_only(client: TestClient, facts_db: Path) -> None:
    with client.app.state.dossier.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):  # type: ignore[attr-defined]
        cur.execute("DELETE FROM articles")
    assert len(dossier.ARTICLES) == client.get("/api/overview").json()["articles"]


@pytest.mark.parametrize(
    ("value", "shown"), [(13000, "13,000"), (310000.0, "310,000"), (0.5, "0.5"), ("x", "x")]
)
def test_numbers_are_shown_as_stated(value: object, shown: str) -> None:
    from storyline.web.app import thousands

    assert thousands(value) == shown


def test_actor_names_with_slashes_and_symbols_round_trip(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "names.duckdb")
    con = duckdb.connect(str(db))
    for i, name in enumerate(["AC/DC", "Q&A #1?", "100% Syria"]):
        con.execute("INSERT INTO mentions VALUES ('a-agency', ?, ?, 'ORG', 'x', ?)", [i, i + 1, name])
    con.close()
    with TestClient(create_app(db)) as c:
        page = c.get("/articles/a-agency").text
        for name, url in [("AC/DC", "/actors/AC%2FDC"), ("Q&A #1?", "/actors/Q%26A%20%231%3F"),
                          ("100% Syria", "/actors/100%25%20Syria")]:  # fmt: skip
            assert f'href="{url}"' in page
            assert c.get(url).status_code == 200, url
            assert c.get("/api" + url).json()["name"] == name


def test_an_undated_article_shows_the_range_its_text_bounds_it_to(tmp_path: Path) -> None:
    db = dossier.build(tmp_path / "ranges.duckdb")
    con = duckdb.connect(str(db))
    con.execute(
        "UPDATE articles SET published = NULL, published_how = 'unknown', published_earliest = '2014-07-07',"
        " published_latest = '2014-09-05', published_confidence = 0.8,"
        " published_evidence = 'President Francois Hollande: in office' WHERE id = 'a-times'"
    )
    con.execute(
        "UPDATE articles SET published = NULL, published_how = 'unknown', published_earliest = '2014-01-01'"
        " WHERE id = 'a-agency'"
    )
    con.close()
    with TestClient(create_app(db)) as c:
        times = c.get("/api/articles/a-times").json()
        assert (times["published"], times["published_earliest"], times["published_latest"]) == (
            None,
            "2014-07-07",
            "2014-09-05",
        )
        page = c.get("/articles/a-times").text
        assert (
            '<span title="President Francois Hollande: in office">published 2014-07-07 to 2014-09-05</span>'
            ' <span class="muted">(unknown, confidence 0.80)</span>'
        ) in page
        assert "published from 2014-01-01" in c.get("/articles/a-agency").text
        listing = c.get("/articles").text
        assert "2014-07-07 to 2014-09-05" in listing and "from 2014-01-01" in listing
        assert "date unknown" not in page
        gulf = c.get("/articles/a-gulf").text  # a given day shows as before
        assert "2017-02-16" in gulf and "published 2017" not in gulf


def test_claims_page_lists_lone_claims_one_per_row(tmp_path: Path) -> None:
    """No heading lumps unrelated claims: a quantity of several claims is a box, every other claim a
    row of its own in the 'Single claims' table, by measure, country and value."""
    db = dossier.add_lone_claims(dossier.build(tmp_path / "lone.duckdb"))
    with TestClient(create_app(db)) as c:
        page = c.get("/claims").text
        ledger = c.get("/api/claims/ledger").json()
    assert [(g["label"], g["total"]) for g in ledger] == [
        ("deaths in Syria", 2),
        ("deaths in Syria", 2),
        ("people in Syria", 1),
        ("percent in Syria", 1),
        ("percent in Syria", 1),
        ("troops in Syria", 1),
    ]
    assert "other claims" not in page
    boxes = re.findall(r'<section class="claim-group[^"]*" id="g-([^"]+)"', page)
    assert boxes == [g["key"] for g in ledger[:2]]
    table = page[page.index('<section class="claim-singles" id="single-claims">') :]
    rows = re.findall(
        r'<tr id="g-([^"]+)">\s*<td class="measure">([^<]*)</td>\s*<td class="country">([^<]*)</td>\s*'
        r'<td class="num value">([^<]*)</td>\s*<td>[^<]*<mark class="claim">([^<]*)</mark>',
        table,
    )
    assert rows == [
        (ledger[2]["key"], "people", "Syria", "5,000", "5,000 people"),
        (ledger[3]["key"], "percent", "Syria", "40", "40 percent"),
        (ledger[4]["key"], "percent", "Syria", "45", "45 percent"),
        (ledger[5]["key"], "troops", "Syria", "200", "200 troops"),
    ]
    assert len({r[0] for r in rows}) == 4  # an anchor each
    assert (
        table.count("Reuters, 2017-02-20") == 4
        and "a claim on its own, not related to the rows around it" in table
    )
    assert '<a href="#single-claims">listed one per row at the end</a>' in page


def test_events_actor_takes_any_name_of_an_actor(client: TestClient) -> None:
    """/api/events?actor= needed the exact stored name ("Assad" and "al-Assad" answered no event)
    while `storyline timeline --actor` and /timeline?actor= read any of its names."""
    full = client.get("/api/events", params={"actor": ASSAD}).json()
    assert [e["description"] for e in full["items"]] == ["Assad says Raqqa is not a priority"]
    assert full["actors"] == [ASSAD]
    for variant in ("Assad", "al-Assad", "Al Assad", "bashar assad", "the Syrian president"):
        got = client.get("/api/events", params={"actor": variant})
        assert got.status_code == 200, variant
        assert got.json()["items"] == full["items"], variant
        assert got.json()["actors"] == [ASSAD], variant
    # a place by its name, and the other filters still apply with it
    assert client.get("/api/events", params={"actor": "geneva"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "Assad", "outlet": "The Times"}).json()["total"] == 0
    # no actor filter: no "actors" key, the list format unchanged
    assert "actors" not in client.get("/api/events").json()


def test_events_unknown_actor_is_a_404_that_says_what_to_do(client: TestClient) -> None:
    """A name nobody carries answered 200 with no events, as if the dossier had none."""
    got = client.get("/api/events", params={"actor": "Nobody"})
    assert got.status_code == 404
    detail = got.json()["detail"]
    assert "no actor or place named 'Nobody' in this dossier" in detail
    assert "GET /api/actors" in detail
    # a part of a stored name gets the CLI's hint
    hint = client.get("/api/events", params={"actor": "Mist"})
    assert hint.status_code == 404
    assert "did you mean: Staffan de Mistura?" in hint.json()["detail"]


def test_actor_takes_any_name_of_an_actor(client: TestClient) -> None:
    """/api/actors/{name} needed the exact stored name ("Assad" was a 404) while /api/events?actor=,
    /timeline?actor= and `storyline timeline --actor` read any of its names."""
    full = client.get(f"/api/actors/{ASSAD}").json()
    assert full["name"] == ASSAD and full["actors"] == [ASSAD]
    assert [e["description"] for e in full["events"]] == ["Assad says Raqqa is not a priority"]
    for variant in ("Assad", "al-Assad", "Al Assad", "bashar assad", "the Syrian president"):
        got = client.get(f"/api/actors/{variant}")
        assert got.status_code == 200, variant
        body = got.json()
        assert body["name"] == ASSAD and body["actors"] == [ASSAD], variant
        assert body["events"] == full["events"], variant
        assert body["quotes"] == full["quotes"] and body["by_outlet"] == full["by_outlet"], variant
    assert client.get("/api/actors/geneva").json()["name"] == "Geneva"


def test_actor_unknown_name_is_a_404_with_the_events_hint(client: TestClient) -> None:
    got = client.get("/api/actors/Nobody")
    assert got.status_code == 404
    assert got.json()["detail"] == client.get("/api/events", params={"actor": "Nobody"}).json()["detail"]
    assert "GET /api/actors" in got.json()["detail"]
    hint = client.get("/api/actors/Mist")
    assert hint.status_code == 404
    assert "did you mean: Staffan de Mistura?" in hint.json()["detail"]


def test_actor_page_takes_any_name_of_an_actor(client: TestClient) -> None:
    """The HTML page /actors/{name} needed the exact stored name ("Assad" was a 404) while
    /api/actors/{name} and /timeline?actor= read any of its names."""
    full = client.get(f"/actors/{ASSAD}")
    assert full.status_code == 200
    assert "Assad says Raqqa is not a priority" in full.text
    for variant in ("Assad", "al-Assad", "the Syrian president"):
        got = client.get(f"/actors/{variant}")
        assert got.status_code == 200, variant
        assert "Assad says Raqqa is not a priority" in got.text, variant
        assert f"<h1>{ASSAD}</h1>" in got.text, variant  # the actor it names, under its own name
    missing = client.get("/actors/Nobody")
    assert missing.status_code == 404

"""A small dossier for the web tests: the store schema plus a few hand-made rows.

Three articles from two outlets on one story, with every fact table filled, and
one hostile article whose text carries markup and ``javascript:`` links. Offsets
are computed from the texts, so every span is exact.

Its claims ledger holds one group of each kind (by the rule of storyline.crossdoc.ledger):
a growing toll, "more than 300,000" killed in Syria as of 16 February and "more than
310,000" as of 17 February, which is no conflict (other days, and both can be true), and
a conflict, 12 and 20 civilians dead in the shelling of Aleppo, both as of 15 February.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from storyline.store import migrate

GULF = (
    "Assad says Raqqa is not a priority\n\n"
    "President Bashar al-Assad said on Thursday that Raqqa is not a priority. "
    "\u201cRaqqa is a symbol,\u201d Assad said in an interview. "
    "The war has killed more than 300,000 people since March 2011, according to monitors."
)
TIMES = (
    "Syrian leader vows to retake every inch\n\n"
    "The Syrian president, Bashar al-Assad, vowed on Friday to retake every inch of the country. "
    "Rebels said the regime shelled Aleppo on 15 February 2017. "
    "The conflict has killed more than 310,000 people, a monitoring group said. "
    "The shelling left 12 civilians dead in Aleppo."
)
AGENCY = (
    "Talks resume in Geneva\n\n"
    "Talks between the so-called opposition and Damascus resumed in Geneva on 23 February 2017. "
    "Staffan de Mistura said he did not expect a breakthrough. "
    "Monitors put the dead of the shelling of Aleppo on 15 February at 20 civilians."
)
HOSTILE = (
    "<script>alert('title')</script> Breaking\n\n"
    "Officials said <script>alert(1)</script> nothing. "
    'Click <a href="javascript:alert(2)">here</a> or javascript:alert(3) now. '
    'Assad said "<img src=x onerror=alert(4)>" twice.'
)

ARTICLES = [
    ("a-gulf", "Assad says Raqqa is not a priority", "Gulf News", "2017-02-16", GULF),
    ("a-times", "Syrian leader vows to retake every inch", "The Times", "2017-02-17", TIMES),
    ("a-agency", "Talks resume in Geneva", "Agency", "2017-02-23", AGENCY),
    ("a-hostile", "<script>alert('title')</script> Breaking", "<b>Evil</b> Outlet", "2017-03-01", HOSTILE),
]
TEXTS = {a[0]: a[4] for a in ARTICLES}


def span(article_id: str, needle: str, nth: int = 0) -> tuple[int, int]:
    text = TEXTS[article_id]
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def sentences(text: str) -> list[tuple[int, int]]:
    """Naive sentence spans (the title line, then '. ' boundaries): enough for fixtures."""
    out, start = [], 0
    for i, ch in enumerate(text):
        end_of_title = ch == "\n" and start == 0
        if end_of_title or (ch == "." and (i + 1 == len(text) or text[i + 1] == " ")):
            stop = i if end_of_title else i + 1
            out.append((start, stop))
            start = stop
            while start < len(text) and text[start] in " \n":
                start += 1
    if start < len(text):
        out.append((start, len(text)))
    return out


def build(path: Path, *, facts: bool = True) -> Path:
    """Write the dossier to ``path``; ``facts=False`` leaves every fact table empty."""
    con = duckdb.connect(str(path))
    migrate(con)  # the store's schema, as a build leaves it
    for aid, title, outlet, published, text in ARTICLES:
        con.execute(
            "INSERT INTO articles (id, source, title, outlet, raw, text, segments, published, published_how, words) "
            "VALUES (?, ?, ?, ?, ?, ?, '[]', ?, 'given', ?)",
            [aid, f"{aid}.txt", title, outlet, text, text, published, len(text.split())],
        )
        if facts:
            for idx, (s, e) in enumerate(sentences(text)):
                con.execute("INSERT INTO sentences VALUES (?, ?, ?, ?)", [aid, idx, s, e])
    if facts:
        _facts(con)
    con.close()
    return path


def _facts(con: duckdb.DuckDBPyConnection) -> None:
    assad = "Bashar al-Assad"
    mentions = [
        ("a-gulf", "Bashar al-Assad", "PERSON", assad, 0),
        ("a-gulf", "Assad", "PERSON", assad, 2),
        ("a-gulf", "Raqqa", "GPE", "Raqqa", 1),
        ("a-times", "Bashar al-Assad", "PERSON", assad, 0),
        ("a-times", "Aleppo", "GPE", "Aleppo", 0),
        ("a-times", "Aleppo", "GPE", "Aleppo", 1),
        ("a-agency", "Aleppo", "GPE", "Aleppo", 0),
        ("a-agency", "Geneva", "GPE", "Geneva", 1),
        ("a-agency", "Staffan de Mistura", "PERSON", "Staffan de Mistura", 0),
        ("a-hostile", "Assad", "PERSON", assad, 0),
    ]
    for aid, needle, label, actor, nth in mentions:
        s, e = span(aid, needle, nth)
        con.execute("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?)", [aid, s, e, label, needle, actor])

    def attribution(
        aid: str, idx: int, kind: str, speaker: str | None, who: str, cue: str, content: str
    ) -> None:
        ss, se = span(aid, who, 2 if who == "Assad" and aid == "a-gulf" else 0)
        cs, ce = span(aid, cue)
        qs, qe = span(aid, content)
        con.execute(
            "INSERT INTO attributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0.9)",
            [aid, idx, kind, speaker, ss, se, cs, ce, json.dumps([[qs, qe]]), qs, qe],
        )

    attribution("a-gulf", 0, "direct", assad, "Assad", "said in an interview", "Raqqa is a symbol,")
    attribution(
        "a-times", 0, "indirect", "Rebels", "Rebels", "said", "the regime shelled Aleppo on 15 February 2017"
    )
    attribution("a-agency", 0, "indirect", "Staffan de Mistura", "Staffan de Mistura", "said",
                "he did not expect a breakthrough")  # fmt: skip
    attribution("a-hostile", 0, "direct", assad, "Assad", "said", "<img src=x onerror=alert(4)>")

    for aid, needle, kind, value in [
        ("a-gulf", "Thursday", "DATE", "2017-02-16"),
        ("a-gulf", "March 2011", "DATE", "2011-03"),
        ("a-times", "Friday", "DATE", "2017-02-17"),
        ("a-times", "15 February 2017", "DATE", "2017-02-15"),
        ("a-agency", "23 February 2017", "DATE", "2017-02-23"),
    ]:
        s, e = span(aid, needle)
        con.execute("INSERT INTO timexes VALUES (?, ?, ?, ?, ?, ?)", [aid, s, e, kind, value, needle])

    events = [
        ("a-gulf", "President Bashar al-Assad said on Thursday that Raqqa is not a priority.", "Thursday",
         "2017-02-16", "2017-02-16", "2017-02-16", "Assad says Raqqa is not a priority", [assad], ["Raqqa"]),
        ("a-gulf", "The war has killed more than 300,000 people since March 2011, according to monitors.",
         "March 2011", "2011-03", "2011-03-01", "2011-03-31", "The war began", [], ["Syria"]),
        ("a-times", "Rebels said the regime shelled Aleppo on 15 February 2017.", "15 February 2017",
         "2017-02-15", "2017-02-15", "2017-02-15", "The regime shelled Aleppo", ["Rebels"], ["Aleppo"]),
        ("a-agency", "Talks between the so-called opposition and Damascus resumed in Geneva on 23 February 2017.",
         "23 February 2017", "2017-02-23", "2017-02-23", "2017-02-23", "Talks resumed in Geneva", [], ["Geneva"]),
    ]  # fmt: skip
    for aid, sentence, timex, date, earliest, latest, desc, actors, places in events:
        s, e = span(aid, sentence)
        ts, te = span(aid, timex)
        con.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, s, e, date, earliest, latest, desc, ts, te, json.dumps(actors), json.dumps(places)],
        )

    for aid, needle, value, counts, claimant, as_of in [
        ("a-gulf", "more than 300,000 people", 300000, "people killed", "monitors", "2017-02-16"),
        ("a-times", "more than 310,000 people", 310000, "people killed", "a monitoring group", "2017-02-17"),
    ]:
        s, e = span(aid, needle)
        con.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?, 'more than', ?, ?, ?, ?)",
            [aid, s, e, value, counts, claimant, as_of, needle],
        )
    for aid, needle, value, counts, claimant in [  # the same day and place, numbers that cannot both be true
        ("a-times", "12 civilians dead", 12, "civilians dead", None),
        ("a-agency", "20 civilians", 20, "dead", "Monitors"),
    ]:
        s, e = span(aid, needle)
        con.execute(
            "INSERT INTO claims VALUES (?, ?, ?, ?, NULL, ?, ?, '2017-02-15', ?)",
            [aid, s, e, value, counts, claimant, needle],
        )

    for aid, needle, kind, term, actor, category in [
        ("a-agency", "so-called", "hedge", "so-called", "opposition", "distancing"),
        ("a-times", "Rebels", "label", "rebels", "opposition", "neutral"),
        ("a-times", "regime", "label", "regime", "Syrian government", "pejorative"),
    ]:
        s, e = span(aid, needle)
        con.execute(
            "INSERT INTO framing VALUES (?, ?, ?, ?, ?, ?, ?)", [aid, s, e, kind, term, actor, category]
        )

    for aid_, name, kind, aliases, country, lat, lon, n in [
        ("act-assad", assad, "person", ["Assad", "Al Assad", "the Syrian president"], "SY", None, None, 4),
        ("act-raqqa", "Raqqa", "place", ["Raqqa"], "SY", 35.95, 39.01, 1),
        ("act-aleppo", "Aleppo", "place", ["Aleppo"], "SY", 36.2, 37.15, 1),
        ("act-geneva", "Geneva", "place", ["Geneva"], "CH", 46.2, 6.15, 1),
        ("act-mistura", "Staffan de Mistura", "person", [], None, None, None, 1),
    ]:
        con.execute(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [aid_, name, kind, json.dumps(aliases), country, lat, lon, n],
        )
    con.execute("INSERT INTO stories VALUES ('st-1', 'Assad and Raqqa', 3)")
    for aid in ("a-gulf", "a-times", "a-agency"):
        con.execute("INSERT INTO story_articles VALUES ('st-1', ?)", [aid])


LONE = "Turnout was 40 percent in Damascus. A second poll put it at 45 percent. Some 5,000 people marched and 200 troops stood by."
# (needle, value, counts): numbers that share no quantity with another claim of the dossier
LONE_CLAIMS = [
    ("40 percent", 40, "percent"),  # "percent" and "people" name no quantity of their own
    ("45 percent", 45, "percent"),
    ("5,000 people", 5000, "people"),
    ("200 troops", 200, "troops"),  # the dossier's only troops
]


def add_lone_claims(path: Path) -> Path:
    """Add article 'a-lone' (Reuters, 2017-02-20, in Damascus) and its ``LONE_CLAIMS`` to a built dossier:
    the ledger keeps each of them a group of its own."""
    con = duckdb.connect(str(path))
    con.execute(
        "INSERT INTO articles (id, source, title, outlet, raw, text, segments, published, published_how, words) "
        "VALUES ('a-lone', 'a-lone.txt', 'Turnout', 'Reuters', ?, ?, '[]', '2017-02-20', 'given', ?)",
        [LONE, LONE, len(LONE.split())],
    )
    for idx, (s, e) in enumerate(sentences(LONE)):
        con.execute("INSERT INTO sentences VALUES ('a-lone', ?, ?, ?)", [idx, s, e])
    at = LONE.index("Damascus")
    con.execute("INSERT INTO mentions VALUES ('a-lone', ?, ?, 'GPE', 'Damascus', 'Damascus')", [at, at + 8])
    for needle, value, counts in LONE_CLAIMS:
        s = LONE.index(needle)
        con.execute(
            "INSERT INTO claims VALUES ('a-lone', ?, ?, ?, NULL, ?, NULL, '2017-02-20', ?)",
            [s, s + len(needle), value, counts, needle],
        )
    con.close()
    return path

"""People who share a surname but not a given name are never one actor.

Table tests: a text, the PERSON mentions in it (built by hand, so the tests do not depend on the
NER), and which mentions must or must not share an actor, per article (``resolve_mentions``)
and across articles (``article_units`` then ``crossdoc.actors.resolve``, as a build does).
Cases from Timeline17: the Libya articles name Musa Ibrahim (the government spokesman), Jumma
Ibrahim and Hasan Ali Ibrahim; CNN's Frank Sesno interviews Barney Frank.
"""

from __future__ import annotations

import re

import pytest

from storyline.crossdoc.actors import resolve, units_of
from storyline.names import given_names_agree
from storyline.records import Article, Mention
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.document import ArticleDoc


def _doc(text: str, people: list[str], article_id: str = "a") -> ArticleDoc:
    """The article with a PERSON mention at every whole-word occurrence of each name (longest
    names first, no overlaps), as the NER would give them."""
    spans: list[tuple[int, int]] = []
    for name in sorted(people, key=len, reverse=True):
        for hit in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(s < hit.end() and hit.start() < e for s, e in spans):
                spans.append((hit.start(), hit.end()))
    doc = ArticleDoc(Article(id=article_id, text=text, raw=text), None)  # type: ignore[arg-type]
    doc.mentions = [Mention(article_id, s, e, "PERSON", text[s:e]) for s, e in sorted(spans)]
    return doc


def _local(text: str, people: list[str]) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for m in resolve_mentions(_doc(text, people)):
        out.setdefault(m.text, set()).add(m.actor)
    return out


def _cross(*articles: tuple[str, list[str]]) -> dict[str, set[str]]:
    docs = [_doc(text, people, f"a{i}") for i, (text, people) in enumerate(articles)]
    resolved = [resolve_mentions(d) for d in docs]
    units, placed = units_of(resolved, texts={d.article.id: d.text for d in docs})
    res = resolve(units)
    out: dict[str, set[str]] = {}
    for m, k in placed:
        out.setdefault(m.text, set()).add(res.actor_of[k])
    return out


IBRAHIM = (
    "Government spokesman Musa Ibrahim said the rebels were armed. Jumma Ibrahim, a rebel "
    "commander, said they would hold the town. Hasan Ali Ibrahim, a doctor, counted the dead. "
    "Ibrahim added that 29 people were injured."
)
IBRAHIM_PEOPLE = ["Musa Ibrahim", "Jumma Ibrahim", "Hasan Ali Ibrahim", "Ibrahim"]

# (text, people, groups): each group's surfaces share one actor; surfaces of different groups
# never do. A surface in no group is not checked.
CASES = [
    pytest.param(
        IBRAHIM, IBRAHIM_PEOPLE, [["Musa Ibrahim"], ["Jumma Ibrahim"], ["Hasan Ali Ibrahim"]], id="ibrahim"
    ),
    pytest.param(
        "Hosni Mubarak resigned. His son Gamal Mubarak left Cairo.",
        ["Hosni Mubarak", "Gamal Mubarak"],
        [["Hosni Mubarak"], ["Gamal Mubarak"]],
        id="mubarak",
    ),
    pytest.param(
        "Bill Clinton and Hillary Clinton came to Ohio. Clinton spoke first.",
        ["Bill Clinton", "Hillary Clinton", "Clinton"],
        [["Bill Clinton"], ["Hillary Clinton"]],
        id="clinton",
    ),
    pytest.param(
        "Barney Frank defended the bill. Frank said it would pass. CNN's Frank Sesno asked whether it would.",
        ["Barney Frank", "Frank", "Frank Sesno"],
        [["Barney Frank", "Frank"], ["Frank Sesno"]],
        id="given-name-is-another-surname",
    ),
    pytest.param(
        "Michael Jackson died in June. His mother Katherine Jackson and Michael Katherine were there.",
        ["Michael Jackson", "Katherine Jackson", "Michael Katherine"],
        [["Michael Jackson"], ["Katherine Jackson"], ["Michael Katherine"]],
        id="ner-junk-name-ending-in-a-given-name",
    ),
    pytest.param(
        "Musa Ibrahim spoke on Monday. Ibrahim Musa, a rebel, said the town had fallen. Ibrahim left.",
        ["Musa Ibrahim", "Ibrahim Musa", "Ibrahim"],
        [["Musa Ibrahim", "Ibrahim"], ["Ibrahim Musa"]],
        id="reversed-name",
    ),
    # Kept together: a surname alone with the one full name.
    pytest.param(
        "Francois Hollande spoke on Monday. Later, Hollande met reporters.",
        ["Francois Hollande", "Hollande"],
        [["Francois Hollande", "Hollande"]],
        id="surname-with-its-full-name",
    ),
]


# Headline run-ons the NER takes into a name are cut back to it when the units are made (the
# per-article resolver leaves them): the line is a headline in title case, or the words after
# the name are words of the article.
RUN_ONS = [
    pytest.param(
        "Ted Cruz Refuses To Quit\n\nTed Cruz spoke on Monday.",
        ["Ted Cruz Refuses", "Ted Cruz"],
        [["Ted Cruz Refuses", "Ted Cruz"]],
        id="full-name-run-on",
    ),
    pytest.param(
        "Trump Calls On Obama To Resign.\n\nDonald Trump spoke on Monday. Trump left.",
        ["Trump Calls", "Donald Trump", "Trump"],
        [["Trump Calls", "Donald Trump", "Trump"]],
        id="title-case-headline",
    ),
    pytest.param(
        "Obama Did It\n\nPresident Obama said he did. Barack Obama spoke on Monday.",
        ["Obama Did", "Obama", "Barack Obama"],
        [["Obama Did", "Obama", "Barack Obama"]],
        id="surname-run-on",
    ),
]


def _check(actors: dict, groups: list[list[str]]) -> None:
    of_group = []
    for group in groups:
        found = set().union(*(actors[s] for s in group))
        assert len(found) == 1, (group, found)
        of_group.append(found)
    for i, a in enumerate(of_group):
        for b in of_group[i + 1 :]:
            assert not a & b, (a, b)


@pytest.mark.parametrize(("text", "people", "groups"), CASES)
def test_per_article(text: str, people: list[str], groups: list[list[str]]) -> None:
    _check(_local(text, people), groups)


@pytest.mark.parametrize(("text", "people", "groups"), CASES)
def test_cross_article(text: str, people: list[str], groups: list[list[str]]) -> None:
    _check(_cross((text, people)), groups)


@pytest.mark.parametrize(("text", "people", "groups"), RUN_ONS)
def test_cross_article_run_ons(text: str, people: list[str], groups: list[list[str]]) -> None:
    _check(_cross((text, people)), groups)


def test_a_bare_surname_of_several_people_stays_its_own_actor() -> None:
    local = _local(IBRAHIM, IBRAHIM_PEOPLE)
    assert local["Ibrahim"] == {"Ibrahim"}
    cross = _cross((IBRAHIM, IBRAHIM_PEOPLE), ("Musa Ibrahim said the rebels lied.", ["Musa Ibrahim"]))
    assert cross["Ibrahim"] == {"Ibrahim"}
    assert cross["Musa Ibrahim"] == {"Musa Ibrahim"}


def test_across_articles_one_surname_two_given_names_stay_apart() -> None:
    cross = _cross(
        ("Gamal Mubarak met bankers. Mubarak said the economy grew.", ["Gamal Mubarak", "Mubarak"]),
        ("Hosni Mubarak resigned on Friday.", ["Hosni Mubarak"]),
        ("Barney Frank defended the bill. Frank said it would pass.", ["Barney Frank", "Frank"]),
        ("Frank Sesno asked the questions.", ["Frank Sesno"]),
    )
    assert cross["Gamal Mubarak"].isdisjoint(cross["Hosni Mubarak"])
    assert cross["Frank Sesno"].isdisjoint(cross["Barney Frank"])
    assert cross["Frank"] == cross["Barney Frank"]


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("musa", "jumma", False),
        ("hosni", "gamal", False),
        ("bill", "hillary", False),
        ("bill", "william", True),  # a short form (lexicons/nicknames.yaml)
        ("bob", "robert", True),
        ("mike", "michael", True),
        ("bill", "will", False),  # two short forms of William: "Bill Young" is not "Will Young"
        ("bob", "michael", False),
        ("moammar", "muammar", True),
        ("nikolas", "nicolas", True),
        ("j", "james", True),
        ("francois", "francois", True),
    ],
)
def test_given_names_agree(a: str, b: str, agree: bool) -> None:
    assert given_names_agree(a, b) is agree


def test_across_articles_a_short_given_name_joins_the_full_one() -> None:
    """Timeline17 writes "Mike Mullen" 25 times and "Michael Mullen" 7, "Bob Gates" once and
    "Robert Gates" 69 times: one person each. Two short forms of one name stay apart."""
    cross = _cross(
        ("Adm. Mike Mullen spoke on Monday.", ["Mike Mullen"]),
        ("Admiral Michael Mullen and Robert Gates met.", ["Michael Mullen", "Robert Gates"]),
        ("Bob Gates said the war was over.", ["Bob Gates"]),
        ("Will Young sang. Bill Young, a congressman, spoke.", ["Will Young", "Bill Young"]),
    )
    assert cross["Mike Mullen"] == cross["Michael Mullen"]
    assert cross["Bob Gates"] == cross["Robert Gates"]
    assert cross["Will Young"].isdisjoint(cross["Bill Young"])

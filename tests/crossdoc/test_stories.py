"""Stories: two events of one kind kept apart, incremental adds, exact average link, features."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.crossdoc.stories import StoryIndex, group_stories, story_id, story_title
from storyline.crossdoc.storyclusters import Cluster, Clustering
from storyline.crossdoc.storyconfig import DEFAULT_CONFIG
from storyline.crossdoc.storyfeatures import StoryArticle, date_counts, entity_key
from storyline.records import Mention
from storyline.testing import article_doc

# Short reports written for these tests: two earthquakes and an arrest.
TEXTS = {
    "chile-1": (
        "2010-02-27",
        "A magnitude 8.8 earthquake struck central Chile early on Saturday, killing at least "
        "300 people, President Michelle Bachelet said. The quake hit near the city of Concepcion, "
        "toppling buildings and bridges, and set off a tsunami warning across the Pacific.",
    ),
    "chile-2": (
        "2010-02-28",
        "Rescuers in Concepcion dug through collapsed apartment blocks on Sunday after the "
        "8.8-magnitude earthquake, as Michelle Bachelet declared a state of catastrophe in the worst-hit "
        "regions of Chile and sent troops to stop looting.",
    ),
    "chile-3": (
        "2010-03-01",
        "The death toll from the Chile earthquake rose to more than 700 on Monday, President "
        "Michelle Bachelet said, as aid began to reach Concepcion and coastal towns flattened by the "
        "tsunami. Troops patrolled the streets of Concepcion to stop looting after the 8.8-magnitude quake.",
    ),
    "sumatra-1": (
        "2009-09-30",
        "A 7.6-magnitude earthquake struck off the coast of Sumatra on Wednesday, "
        "flattening buildings in the city of Padang, Indonesian President Susilo Bambang Yudhoyono "
        "said, and at least 75 people were killed.",
    ),
    "sumatra-2": (
        "2009-10-01",
        "Rescuers in Padang searched the rubble of hotels and schools on Thursday after the "
        "Sumatra earthquake, and Yudhoyono said the death toll had passed 500 as aid arrived in "
        "West Sumatra.",
    ),
    "sumatra-3": (
        "2009-10-02",
        "Indonesia appealed for foreign help as the toll from the Sumatra quake rose to "
        "more than 1,000, Yudhoyono said, with thousands still trapped under collapsed buildings in "
        "Padang.",
    ),
    "arrest-1": (
        "2011-05-14",
        "Police in New York arrested Dominique Strauss-Kahn, the head of the International "
        "Monetary Fund, on Saturday on charges of sexually assaulting a hotel maid, officials said.",
    ),
    "arrest-2": (
        "2011-05-15",
        "Dominique Strauss-Kahn, the IMF chief, was charged in New York on Sunday with the "
        "attempted rape of a maid at a Manhattan hotel, police said, a day after his arrest.",
    ),
}


def story_article(article_id: str, published: str, text: str) -> StoryArticle:
    doc = article_doc(text, published=published, article_id=article_id)
    return StoryArticle(article_id, text, None, published, tuple(doc.mentions))


@pytest.fixture(scope="module")
def articles() -> dict[str, StoryArticle]:
    return {k: story_article(k, d, t) for k, (d, t) in TEXTS.items()}


@pytest.fixture(scope="module")
def vectors(articles: dict[str, StoryArticle]) -> dict[str, np.ndarray]:
    from storyline.embeddings import Embedder

    keys = list(articles)
    encoded = Embedder().encode_documents([articles[k].text for k in keys])
    return dict(zip(keys, encoded, strict=True))


def groups(stories) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    return {frozenset(s.article_ids) for s in stories}


def test_two_earthquakes_and_an_arrest_are_three_stories(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    keys = list(articles)
    stories = group_stories([articles[k] for k in keys], vectors=np.vstack([vectors[k] for k in keys]))
    assert groups(stories) == {
        frozenset({"chile-1", "chile-2", "chile-3"}),
        frozenset({"sumatra-1", "sumatra-2", "sumatra-3"}),
        frozenset({"arrest-1", "arrest-2"}),
    }
    chile = next(s for s in stories if "chile-1" in s.article_ids)
    assert chile.article_ids == ("chile-1", "chile-2", "chile-3")  # publication order
    assert chile.id == story_id("chile-1")  # named after the article that opened it
    assert chile.title  # the most central article's first sentence
    assert chile.title in {story_title(articles[k]) for k in chile.article_ids}


def test_incremental_adds_join_existing_stories_and_keep_ids(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    first = ["chile-1", "chile-2", "sumatra-1", "sumatra-2"]
    index = StoryIndex()
    index.add([articles[k] for k in first], np.vstack([vectors[k] for k in first]))
    before = {k: index.story_of(k) for k in first}
    later = ["chile-3", "sumatra-3", "arrest-1", "arrest-2"]
    index.add([articles[k] for k in later], np.vstack([vectors[k] for k in later]))
    assert {k: index.story_of(k) for k in first} == before  # existing stories keep their ids
    assert index.story_of("chile-3") == before["chile-1"]
    assert index.story_of("sumatra-3") == before["sumatra-1"]
    assert index.story_of("arrest-1") == index.story_of("arrest-2") not in before.values()
    index.add([articles["chile-3"]], vectors["chile-3"][None, :])  # already in: ignored
    assert len(index) == len(TEXTS)


def test_incremental_never_merges_existing_stories(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex()
    index.add([articles["chile-1"]], vectors["chile-1"][None, :])
    index.add([articles["chile-2"]], vectors["chile-2"][None, :])
    assert index.story_of("chile-2") == index.story_of("chile-1")
    loose = StoryIndex(config=DEFAULT_CONFIG.__class__(threshold=2.0))  # nothing is similar enough
    loose.add([articles["chile-1"], articles["chile-2"]], np.vstack([vectors["chile-1"], vectors["chile-2"]]))
    assert loose.story_of("chile-1") != loose.story_of("chile-2")
    loose.add([articles["chile-3"]], vectors["chile-3"][None, :])
    assert len(loose.stories()) == 3


def test_embeds_when_no_vectors_given(articles) -> None:  # type: ignore[no-untyped-def]
    stories = group_stories([articles["arrest-1"], articles["arrest-2"], articles["chile-1"]])
    assert groups(stories) == {frozenset({"arrest-1", "arrest-2"}), frozenset({"chile-1"})}


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(0, 10_000))
def test_group_score_is_the_mean_pairwise_similarity(n_a: int, n_b: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    clustering = Clustering(DEFAULT_CONFIG, [])
    keys = ["w:a", "w:b", "p:c", "y:2010"]

    def member() -> tuple[np.ndarray, dict[str, float], np.ndarray]:
        sparse = {k: float(rng.random()) for k in keys if rng.random() < 0.6}
        flags = (rng.random(2) < 0.5).astype(float)  # (dated, names lead people)
        return rng.standard_normal(384).astype(np.float32), sparse, flags

    a, b = [member() for _ in range(n_a)], [member() for _ in range(n_b)]

    def pair(x, y) -> float:  # type: ignore[no-untyped-def]
        dot = float(x[0] @ y[0]) + sum(v * y[1].get(k, 0.0) for k, v in x[1].items())
        return dot - DEFAULT_CONFIG.undated * x[2][0] * y[2][0] - DEFAULT_CONFIG.lead_both * x[2][1] * y[2][1]

    def cluster(ms) -> Cluster:  # type: ignore[no-untyped-def]
        sparse: dict[str, float] = {}
        for m in ms:
            for k, v in m[1].items():
                sparse[k] = sparse.get(k, 0.0) + v
        return Cluster(list(range(len(ms))), sum(m[0] for m in ms), sparse, sum(m[2] for m in ms))

    expected = np.mean([pair(x, y) for x in a for y in b])
    assert clustering.score(cluster(a), cluster(b)) == pytest.approx(expected, rel=1e-4, abs=1e-4)


@pytest.mark.parametrize(
    ("label", "text", "actor", "key"),
    [
        ("PERSON", "Michelle Bachelet", None, "bachelet"),
        ("PERSON", "Bachelet's", None, "bachelet"),
        ("PERSON", "the Syrian president", "Bashar al-Assad", "al-assad"),
        ("PERSON", "Susilo Bambang Yudhoyono", "Susilo Bambang Yudhoyono", "yudhoyono"),
        ("ORG", "the International Monetary Fund", None, "international monetary fund"),
        ("GPE", "U.S.", None, "u s"),
        ("ORG", "  ", None, None),
    ],
)
def test_entity_key_table(label: str, text: str, actor: str | None, key: str | None) -> None:
    assert entity_key(Mention("a", 0, len(text), label, text, actor)) == key


@pytest.mark.parametrize(
    ("published", "dates", "text", "expected"),
    [
        ("2010-02-27", (), "", {"2010": 3.0, "2010-02": 3.0, "2010-W08": 3.0}),
        (None, ("2009-09-30", "2009"), "ignored 1999", {"2009": 2.0, "2009-09": 1.0, "2009-W40": 1.0}),
        (None, (), "On May 3, 2013 and in 2012", {"2013": 2.0, "2013-05": 1.0, "2013-W18": 1.0, "2012": 1.0}),
        (None, (), "3 Sept. 2012", {"2012": 2.0, "2012-09": 1.0, "2012-W36": 1.0}),
        (None, ("PRESENT_REF", "XXXX-12-22"), "", {}),
        (None, (), "no dates here, 150 dead", {}),
    ],
)
def test_date_counts_table(published, dates, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert date_counts(published, dates, text) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Quake hits Chile", "Body.", "Quake hits Chile"),
        (None, "A quake hit Chile. Rescuers dug.", "A quake hit Chile."),
        ("", "First line without stop\nsecond line", "First line without stop"),
        (None, "", "(untitled)"),
    ],
)
def test_story_title_table(title: str | None, text: str, expected: str) -> None:
    assert story_title(StoryArticle("a", text, title)) == expected


def test_restore_puts_articles_back_and_add_extends_them(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    first = ["chile-1", "chile-2", "sumatra-1", "sumatra-2"]
    # Deliberately odd stored grouping: restore must keep it as given, not regroup.
    stored = {"chile-1": "story-a", "chile-2": "story-a", "sumatra-1": "story-b", "sumatra-2": "story-c"}
    index = StoryIndex()
    index.restore([articles[k] for k in first], np.vstack([vectors[k] for k in first]), stored)
    assert {k: index.story_of(k) for k in first} == stored
    index.add(
        [articles["chile-3"], articles["arrest-1"]], np.vstack([vectors["chile-3"], vectors["arrest-1"]])
    )
    assert index.story_of("chile-3") == "story-a"
    assert index.story_of("arrest-1") not in {"story-a", "story-b", "story-c"}
    assert index.story_of("sumatra-1") != index.story_of("sumatra-2")  # restored stories are never merged
    assert {s.id for s in index.stories()} >= {"story-a", "story-b", "story-c"}


def test_restore_then_add_equals_add_twice(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    first, later = (
        ["chile-1", "chile-2", "sumatra-1", "arrest-1"],
        ["chile-3", "sumatra-2", "sumatra-3", "arrest-2"],
    )
    stack = lambda keys: np.vstack([vectors[k] for k in keys])  # noqa: E731
    live = StoryIndex()
    live.add([articles[k] for k in first], stack(first))
    restored = StoryIndex()
    restored.restore([articles[k] for k in first], stack(first), {k: live.story_of(k) for k in first})
    live.add([articles[k] for k in later], stack(later))
    restored.add([articles[k] for k in later], stack(later))
    assert {k: restored.story_of(k) for k in TEXTS} == {k: live.story_of(k) for k in TEXTS}


def test_document_text_holds_a_title_once() -> None:
    from storyline.crossdoc.storyfeatures import document_text

    assert document_text(StoryArticle("a", "Quake hits Chile", "Quake hits Chile")) == "Quake hits Chile"
    assert document_text(StoryArticle("a", "Body.", "Head")) == "Head. Body."
    assert document_text(StoryArticle("a", "Body.")) == "Body."


def test_a_title_only_article_gives_no_entity_keys() -> None:
    """A one-line article (its text is its title, as the JSONL reader makes of a line with an empty
    text) has words and dates but no entity keys: the story weights were tuned without them."""
    from storyline.crossdoc.storyfeatures import ArticleCounts, title_only

    text = "Police in New York arrested Dominique Strauss-Kahn on Saturday."
    doc = article_doc(text, published="2011-05-14", article_id="t")
    headline = StoryArticle("t", text, text, "2011-05-14", tuple(doc.mentions))
    assert {m.label for m in headline.mentions} >= {"PERSON", "GPE"}
    assert title_only(headline)
    counts = ArticleCounts.of(headline)
    assert counts.entities == {}
    assert "arrested" in counts.words and "2011" in counts.dates
    # The same sentence under another title is a body: its names are keys.
    body = replace(headline, title="IMF chief held")
    assert not title_only(body)
    assert {"p:strauss-kahn", "e:new york"} <= set(ArticleCounts.of(body).entities)


# Two uprisings told in the same words the same month: only the countries tell them apart.
UPRISINGS = {
    "egypt-1": (
        "2011-02-01",
        "Protesters in Cairo demanded on Tuesday that President Hosni Mubarak step down, as "
        "Egypt's army said it would not fire on Egyptians. Crowds filled Tahrir Square in Cairo and marched "
        "in Alexandria, the biggest protests Egypt has seen in decades. Hillary Clinton called for restraint.",
    ),
    "egypt-2": (
        "2011-02-02",
        "Supporters of Hosni Mubarak attacked protesters in Cairo on Wednesday, and the army "
        "stood by as Egyptians fought in the streets of Cairo. Egypt's government blamed the protesters; in "
        "Alexandria crowds again demanded that Mubarak leave Egypt.",
    ),
    "libya-1": (
        "2011-02-21",
        "Protesters in Benghazi demanded on Monday that Moammar Gadhafi step down, as Libya's "
        "army fired on Libyans. Crowds filled the streets of Tripoli and marched in Benghazi, the biggest "
        "protests Libya has seen in decades. Hillary Clinton called for restraint.",
    ),
}


@pytest.fixture(scope="module")
def uprisings() -> tuple[list[StoryArticle], np.ndarray]:
    from storyline.embeddings import Embedder

    items = [story_article(k, d, t) for k, (d, t) in UPRISINGS.items()]
    return items, Embedder().encode_documents([a.text for a in items])


def test_country_guard_keeps_two_countries_apart(uprisings) -> None:  # type: ignore[no-untyped-def]
    items, vecs = uprisings
    unguarded = group_stories(items, vectors=vecs, config=replace(DEFAULT_CONFIG, country_guard=0.0))
    assert groups(unguarded) == {frozenset(UPRISINGS)}  # similar enough to be merged without the guard
    assert groups(group_stories(items, vectors=vecs)) == {
        frozenset({"egypt-1", "egypt-2"}),
        frozenset({"libya-1"}),
    }


def test_country_guard_holds_for_restored_stories(uprisings) -> None:  # type: ignore[no-untyped-def]
    items, vecs = uprisings
    for config, joins in ((DEFAULT_CONFIG, False), (replace(DEFAULT_CONFIG, country_guard=0.0), True)):
        index = StoryIndex(config=config)
        index.restore(items[:2], vecs[:2], {"egypt-1": "story-egypt", "egypt-2": "story-egypt"})
        index.add(items[2:], vecs[2:])
        assert (index.story_of("libya-1") == "story-egypt") is joins


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"EG": 12.0}, {"LY": 12.0}, False),  # both clear, different countries
        ({"EG": 12.0, "US": 3.0}, {"EG": 6.0, "US": 6.0}, True),  # cosine 0.86
        ({"EG": 12.0}, {"LY": 3.0}, True),  # too few mentions of countries on one side to tell
        ({}, {"LY": 12.0}, True),
    ],
)
def test_same_countries_table(a: dict[str, float], b: dict[str, float], same: bool) -> None:
    def cluster(countries: dict[str, float]) -> Cluster:
        return Cluster([0], np.zeros(1), {}, np.zeros(2), countries, mass=sum(countries.values()))

    assert Clustering(DEFAULT_CONFIG, []).same_countries(cluster(a), cluster(b)) is same


def test_a_leftover_article_attaches_to_its_best_story(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    # chile-1 and chile-2 are 0.42 similar, chile-3 0.39 and 0.27 to them (0.33 on average):
    # at threshold 0.4 average link leaves chile-3 alone; attachment at 0.3 moves it, at 0.35 not.
    keys = ["chile-1", "chile-2", "chile-3", "arrest-1", "arrest-2"]
    items, vecs = [articles[k] for k in keys], np.vstack([vectors[k] for k in keys])
    strict = replace(DEFAULT_CONFIG, threshold=0.4, attach_size=0)
    assert groups(group_stories(items, vectors=vecs, config=strict)) == {
        frozenset({"chile-1", "chile-2"}),
        frozenset({"chile-3"}),
        frozenset({"arrest-1", "arrest-2"}),
    }
    attach = replace(strict, attach_size=1, attach_threshold=0.3, attach_target=2)
    assert groups(group_stories(items, vectors=vecs, config=attach)) == {
        frozenset({"chile-1", "chile-2", "chile-3"}),
        frozenset({"arrest-1", "arrest-2"}),  # under 0 on average with the Chile story: not attached
    }
    too_high = replace(attach, attach_threshold=0.35)
    alone = groups(group_stories(items, vectors=vecs, config=strict))
    assert groups(group_stories(items, vectors=vecs, config=too_high)) == alone
    # nor into a story of fewer than attach_target articles
    assert groups(group_stories(items, vectors=vecs, config=replace(attach, attach_target=3))) == alone
    # a group of two articles moves only when attach_size allows two
    pair_keys = ["chile-1", "chile-2", "chile-3"]
    pair_items, pair_vecs = [articles[k] for k in pair_keys], np.vstack([vectors[k] for k in pair_keys])
    assert len(group_stories(pair_items, vectors=pair_vecs, config=replace(strict, threshold=0.43))) == 3


def test_attachment_moves_new_articles_only(articles, vectors) -> None:  # type: ignore[no-untyped-def]
    config = replace(DEFAULT_CONFIG, threshold=0.4, attach_size=1, attach_threshold=0.3, attach_target=2)
    others = ["sumatra-1", "sumatra-2", "sumatra-3", "arrest-1", "arrest-2"]

    def index_of(*parts: list[str]) -> StoryIndex:
        index = StoryIndex(config=config)
        for part in parts:
            index.add([articles[k] for k in part], np.vstack([vectors[k] for k in part]))
        return index

    # a new article attaches to a story that existed before the add (0.34 on average with it)
    index = index_of([*others, "chile-1", "chile-2"], ["chile-3"])
    assert index.story_of("chile-3") == index.story_of("chile-1") == story_id("chile-1")
    assert len(index_of([*others, "chile-1", "chile-2", "chile-3"]).stories()) == 3
    # a story of one article that existed before the add is not moved into a new group
    index = index_of([*others, "chile-3"], ["chile-1", "chile-2"])
    assert index.story_of("chile-1") == index.story_of("chile-2") != index.story_of("chile-3")


def test_a_leftover_whose_closest_story_is_of_other_countries_stays_alone(uprisings) -> None:  # type: ignore[no-untyped-def]
    # the Egypt reports are 0.55 similar, the Libya one 0.25 on average with them: at threshold 0.5
    # it is left over, and attachment at 0.2 would join it to them but for the country guard
    items, vecs = uprisings
    config = replace(DEFAULT_CONFIG, threshold=0.5, attach_size=1, attach_threshold=0.2, attach_target=2)
    egypt, libya = frozenset({"egypt-1", "egypt-2"}), frozenset({"libya-1"})
    assert groups(group_stories(items, vectors=vecs, config=config)) == {egypt, libya}
    unguarded = replace(config, country_guard=0.0)
    assert groups(group_stories(items, vectors=vecs, config=unguarded)) == {egypt | libya}


def test_a_leftover_whose_title_alone_names_other_countries_stays_alone(uprisings) -> None:  # type: ignore[no-untyped-def]
    # a photo caption: its text names no place the guard reads (here: no mentions at all), its title
    # does. Without the title it attaches to the Egypt reports (0.2 on average is reached); the
    # country its title names (Libya) keeps it alone, and a title naming none changes nothing.
    items, vecs = uprisings
    config = replace(DEFAULT_CONFIG, threshold=0.5, attach_size=1, attach_threshold=0.2, attach_target=2)
    egypt = frozenset({"egypt-1", "egypt-2"})
    for title, expected in (
        (None, {egypt | {"libya-1"}}),
        ("Rebels hold the coast road", {egypt | {"libya-1"}}),
        ("Rebels hold the coast road in Libya", {egypt, frozenset({"libya-1"})}),
    ):
        caption = replace(items[2], mentions=(), title=title)
        assert groups(group_stories([*items[:2], caption], vectors=vecs, config=config)) == expected, title

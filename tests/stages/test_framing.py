"""Framing: labels on actors, hedges and scare quotes (tables and the seeds), and per-outlet
aggregation: PressTV's labels for the Islamic State next to the other outlets'."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.crossdoc.framing import (
    ArticleFraming,
    aggregate,
    article_outlet,
    canonical_outlet,
    outlet_facts,
)
from storyline.names import LEXICONS
from storyline.pipeline import ArticlePipeline
from storyline.records import Attribution, RawDocument, Span
from storyline.seeds import SEEDS, seed_doc
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.framing import _folded, _hits, extract_framing, load_framing_lexicon, voice_of
from storyline.testing import article_doc


def _framing(text: str) -> set[tuple[str, str, str | None]]:
    doc = article_doc(text)
    doc.mentions = resolve_mentions(doc)
    return {(f.kind, f.term, f.actor) for f in extract_framing(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jets struck Daesh terrorists near the city.", ("label", "terrorist", "Islamic State")),
        (
            "The army fought the so-called Islamic State in the north.",
            ("hedge", "so-called", "Islamic State"),
        ),
        ("Planes hit purported ISIS targets.", ("hedge", "purported", "Islamic State")),
        (
            "Rebels said the strikes hit what are said to be Hezbollah depots.",
            ("hedge", "what are said to be", "Hezbollah"),
        ),
        (
            "The group declared a self-proclaimed \u201ccaliphate\u201d in 2014.",
            ("scare_quote", "caliphate", None),
        ),
        (
            "Bashar al-Assad spoke on Monday. Rebels want to oust the strongman.",
            ("label", "strongman", "Bashar al-Assad"),
        ),
    ],
)
def test_framing_table(text: str, expected: tuple) -> None:
    assert expected in _framing(text)


def test_generic_labels_stay_unattached() -> None:
    found = _framing("Takfiri militants control parts of the province.")
    assert ("label", "takfiri", None) in found and ("label", "militant", None) in found


def test_voice_of_quotes_and_attributions() -> None:
    text = "He said \u201cthe terrorists will lose this war soon\u201d and the rebels agreed."
    start = text.index("terrorists")
    assert voice_of(text, start, start + 10, []) == "quoted"
    assert voice_of(text, text.index("rebels"), text.index("rebels") + 6, []) is None
    att = Attribution("t", 0, "direct", (Span(8, text.index("\u201d") + 1),), speaker="Bashar al-Assad")
    assert voice_of(text, start, start + 10, [att]) == "Bashar al-Assad"
    # Reported speech is the outlet's paraphrase: its words stay the outlet's.
    reported = "Lecointre says the terrorist group will be defeated."
    at = reported.index("terrorist")
    indirect = Attribution("t", 0, "indirect", (Span(15, len(reported) - 1),), speaker="Francois Lecointre")
    assert voice_of(reported, at, at + 9, [indirect]) is None


def _seed_framing(n: int) -> ArticleFraming:
    doc = seed_doc(n)
    doc.mentions = resolve_mentions(doc)
    return ArticleFraming(doc.id, SEEDS[n][1], doc.text, extract_framing(doc), [])


def test_seed_003_presstv_labels_for_the_islamic_state() -> None:
    art = _seed_framing(3)
    on_is = {(f.kind, f.term) for f in art.labels if f.actor == "Islamic State"}
    assert {("label", "takfiri"), ("label", "terrorist")} <= on_is  # "Daesh Takfiri terrorist group"
    assert {("hedge", "purported"), ("hedge", "what are said to be")} <= on_is
    assert ("scare_quote", "caliphate") in on_is
    first = next(f for f in art.labels if f.kind == "label")
    assert art.text[first.start : first.end] == "Takfiri"


def test_presstv_next_to_the_other_outlets() -> None:
    rows = aggregate([_seed_framing(n) for n in range(4)])
    is_rows = {r.outlet: r for r in rows if r.actor == "Islamic State"}
    press = is_rows["PressTV"]
    assert press.labels["terrorist"] >= 5 and press.labels["takfiri"] >= 1
    assert press.hedges["purported"] == 1
    # The other outlets never call the Islamic State terrorist or Takfiri in their own voice.
    for outlet in ("Gulf News", "Times of Israel"):
        assert outlet in is_rows
        assert is_rows[outlet].labels["terrorist"] == 0 and is_rows[outlet].labels["takfiri"] == 0
    assert is_rows["Times of Israel"].labels["militant"] == 1  # "IS militants"
    assert "AFP" not in is_rows  # AFP attaches no label to it


def test_quoted_labels_are_kept_apart_from_the_outlets_voice() -> None:
    text = "Assad said \u201cDaesh terrorists are everywhere in the north\u201d on Monday."
    doc = article_doc(text)
    doc.mentions = resolve_mentions(doc)
    att = Attribution("test", 0, "direct", (Span(11, text.index("\u201d") + 1),), speaker="Bashar al-Assad")
    (row,) = [
        r
        for r in aggregate([ArticleFraming("test", "AFP", text, extract_framing(doc), [att])])
        if r.actor == "Islamic State"
    ]
    assert row.labels["terrorist"] == 0
    assert row.quoted_labels["terrorist (Bashar al-Assad)"] == 1


def test_outlet_facts() -> None:
    assert canonical_outlet("Press TV") == "PressTV"
    facts = outlet_facts("presstv.ir")
    assert facts is not None and facts["country"] == "IR" and facts["state_relation"] == "state-owned"
    assert canonical_outlet(None) == "(unknown outlet)"
    assert outlet_facts("Unknown Daily") is None


_CASE_TWINS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def _forms() -> list[str]:
    files = [("framing_labels.yaml", "labels"), ("hedges.yaml", "hedges")]
    return [
        f
        for name, key in files
        for x in yaml.safe_load((LEXICONS / name).read_text())[key]
        for f in x["forms"]
    ]


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_the_key_prefilter_loses_no_match(data: st.DataObject) -> None:
    """Skipping a term whose forms' first words are absent finds exactly what its regex finds,
    whatever the case, including the non-ASCII letters re.IGNORECASE folds to ASCII ones."""
    labels, hedges, _ = load_framing_lexicon()
    pieces = []
    for _ in range(data.draw(st.integers(1, 4))):
        form = data.draw(st.sampled_from(_forms()))
        pieces.append(
            "".join(data.draw(st.sampled_from([c, c.upper(), *_CASE_TWINS.get(c, "")])) for c in form)
        )
    text = data.draw(st.sampled_from([" ", ", ", "-", "x"])).join(pieces)
    folded = _folded(text)
    for t in labels + hedges:
        assert [m.span() for m in _hits(t, text, folded)] == [m.span() for m in t.pattern.finditer(text)]


def test_a_conjunction_ends_the_phrase_a_label_attaches_in() -> None:
    # seed 003: "battles against Daesh and other foreign-sponsored Takfiri terrorist groups"
    found = _framing("Troops fought Daesh and other foreign-sponsored groups in the south.")
    assert ("label", "foreign-sponsored", None) in found
    assert ("label", "foreign-sponsored", "Islamic State") not in found
    assert ("label", "terrorist", "Islamic State") in _framing("Jets struck Daesh terrorists near the city.")


def test_seed_003_other_groups_labels_stay_off_the_islamic_state() -> None:
    art = _seed_framing(3)
    start = art.text.index("foreign-sponsored")
    (label,) = [f for f in art.labels if f.start == start]
    assert label.actor is None


USER_ARMED_GROUP = "actors:\n  - name: Jaysh al-Nasr\n    type: armed_group\n    aliases: [Nasr Army]\n"
RAID_TEXT = "Raid\n\nFighters of Jaysh al-Nasr attacked the town on Monday. Later the terror group withdrew to the hills."


def test_a_user_alias_file_gives_the_framing_stage_its_actor_types(tmp_path: Path) -> None:
    """The anaphor "the terror group" refers back to an armed group only: the type comes from the user's
    alias file, which the pipeline (pickled to the workers) hands to the framing stage."""
    user = tmp_path / "mine.yaml"
    user.write_text(USER_ARMED_GROUP)
    doc = RawDocument(text=RAID_TEXT, source="t.txt", published="2024-07-01", published_how="given")

    def terror_labels(pipeline: ArticlePipeline) -> list[str | None]:
        return [f.actor for f in pipeline(doc).labels if f.term == "terrorist"]

    assert terror_labels(pickle.loads(pickle.dumps(ArticlePipeline(aliases=str(user))))) == ["Jaysh al-Nasr"]
    assert terror_labels(ArticlePipeline()) == [None]


def test_articles_without_an_outlet_are_not_pooled_into_one() -> None:
    """Gulf News' "strongman" and the Times of Israel's "regime" for Assad, both without
    outlet metadata, stay two rows: one unknown outlet does not use both words."""
    rows = [r for r in aggregate([_seed_article(0), _seed_article(2)]) if r.actor == "Bashar al-Assad"]
    by_outlet = {r.outlet: r for r in rows}
    assert set(by_outlet) == {"(unknown outlet) seed000", "(unknown outlet) seed002"}
    assert by_outlet["(unknown outlet) seed000"].labels == {"strongman": 1}
    assert by_outlet["(unknown outlet) seed002"].labels == {"regime": 1}
    assert article_outlet("Press TV", "x") == "PressTV"


def _seed_article(n: int) -> ArticleFraming:
    art = _seed_framing(n)
    return ArticleFraming(art.article_id, None, art.text, art.labels, [])

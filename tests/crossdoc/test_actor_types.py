"""Actor types of outlets the NER mislabels: the alias lexicon's entry decides the type."""

from __future__ import annotations

import pytest

from storyline.crossdoc.actors import resolve, units_of
from storyline.stages.actors_local import resolve_mentions
from storyline.testing import article_doc

# (text, the name as written, its actor, the actor's type). Without the lexicon entries the NER
# made "France Info", "Franceinfo" and "SANA" people here, "Le Figaro" a place, and missed "TF1".
TYPES = [
    # seed 001's sentence
    (
        "Assad said in the interview with France Info, LCP and RTL television.",
        "France Info",
        "France Info",
        "organization",
    ),
    ("The president told Franceinfo that talks would resume.", "Franceinfo", "France Info", "organization"),
    (
        "Assad said in an interview with TF1 on Thursday that the war was not over.",
        "TF1",
        "TF1",
        "organization",
    ),
    (
        "Speaking to Le Figaro, the minister said the strikes would go on.",
        "Le Figaro",
        "Le Figaro",
        "organization",
    ),
    ("The president told SANA that talks would resume.", "SANA", "Syrian Arab News Agency", "organization"),
    # the person speaking to the broadcaster stays a person
    (
        "Francois Hollande told France Info that talks would resume.",
        "Francois Hollande",
        "Francois Hollande",
        "person",
    ),
]


@pytest.mark.parametrize(("text", "written", "actor", "kind"), TYPES)
def test_outlets_are_organizations(text: str, written: str, actor: str, kind: str) -> None:
    units, placed = units_of([resolve_mentions(article_doc(text))])
    res = resolve(units)
    found = {res.actor_of[k] for m, k in placed if m.text == written}
    assert found == {actor}
    assert res.actors[actor].type == kind

"""Named-entity mentions from spaCy's NER."""

from __future__ import annotations

from storyline.records import Mention
from storyline.stages.document import ArticleDoc

# Entity labels that name actors, places or groups; dates, numbers and the like
# are handled by the time and claims stages.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})


def extract_mentions(doc: ArticleDoc) -> list[Mention]:
    """Every named entity of an actor-like label, as a span of the clean text."""
    mentions = []
    for ent in doc.doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        text = ent.text
        # The small model sometimes runs an entity across a paragraph break
        # ("Islamic State\n\nFrancois Hollande"): such a span names no one.
        if not text.strip() or "\n" in text:
            continue
        mentions.append(Mention(doc.id, ent.start_char, ent.end_char, ent.label_, text))
    return mentions

"""Framing per outlet and actor: the labels an outlet uses for an actor in its own voice,
the hedges and scare quotes around it, the labels its quoted speakers use, and how often
it quotes each actor. Outlet facts come from the editable ``lexicons/outlets.yaml``.
"""

from __future__ import annotations

import functools
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from storyline.lexicons import load_yaml
from storyline.names import load_aliases, name_key
from storyline.records import Attribution, FramingLabel, Span
from storyline.stages.framing import voice_of

UNKNOWN_OUTLET = "(unknown outlet)"
ARTICLE_ID_CHARS = 12  # as the CLI lists articles in the quotes and claims views


@dataclass
class OutletActor:
    outlet: str
    actor: str
    labels: Counter[str] = field(default_factory=Counter)  # in the outlet's own voice
    hedges: Counter[str] = field(default_factory=Counter)
    scare_quotes: Counter[str] = field(default_factory=Counter)
    quoted_labels: Counter[str] = field(default_factory=Counter)  # "term (speaker)" inside quotes
    quoted: int = 0  # attributions with this actor as speaker
    articles: set[str] = field(default_factory=set)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "actor": self.actor,
            "articles": len(self.articles),
            "labels": dict(self.labels.most_common()),
            "hedges": dict(self.hedges.most_common()),
            "scare_quotes": dict(self.scare_quotes.most_common()),
            "labels_in_quotes": dict(self.quoted_labels.most_common()),
            "times_quoted": self.quoted,
        }


@dataclass(frozen=True)
class ArticleFraming:
    """What the aggregation needs of one article."""

    article_id: str
    outlet: str | None
    text: str
    labels: list[FramingLabel]
    attributions: list[Attribution]


def aggregate(
    articles: Iterable[ArticleFraming], canonical: dict[str, str] | None = None
) -> list[OutletActor]:
    """Outlet x actor framing, most labelled first. ``canonical`` maps name keys to actor names."""
    canonical = canonical or {}

    def actor_name(name: str) -> str:
        return canonical.get(name_key(name), name)

    table: dict[tuple[str, str], OutletActor] = {}

    def row(outlet: str, actor: str) -> OutletActor:
        return table.setdefault((outlet, actor), OutletActor(outlet, actor))

    for art in articles:
        outlet = article_outlet(art.outlet, art.article_id)
        for lab in art.labels:
            if not lab.actor:
                continue
            r = row(outlet, actor_name(lab.actor))
            r.articles.add(art.article_id)
            voice = voice_of(art.text, lab.start, lab.end, art.attributions) if lab.kind == "label" else None
            if voice is not None:
                r.quoted_labels[f"{lab.term} ({actor_name(voice) if voice != 'quoted' else 'quoted'})"] += 1
            elif lab.kind == "label":
                r.labels[lab.term] += 1
            elif lab.kind == "hedge":
                r.hedges[lab.term] += 1
            else:
                r.scare_quotes[lab.term] += 1
        for a in art.attributions:
            if a.speaker:
                r = row(outlet, actor_name(a.speaker))
                r.quoted += 1
                r.articles.add(art.article_id)
    return sorted(table.values(), key=lambda r: (-(sum(r.labels.values()) + r.quoted), r.outlet, r.actor))


@functools.lru_cache(maxsize=4)
def load_outlets(path: str | None = None) -> dict[str, dict[str, Any]]:
    """Outlet facts by name key of the name and every alias (bundled file unless ``path``)."""
    # a user's file by its path; the bundled one through the lexicon loader
    data = (
        yaml.safe_load(Path(path).read_text(encoding="utf-8")) if path else load_yaml("outlets.yaml")
    ) or {}
    out: dict[str, dict[str, Any]] = {}
    for item in data.get("outlets", []):
        for n in (item["name"], *item.get("aliases", [])):
            out[name_key(n)] = item
    return out


def canonical_outlet(outlet: str | None) -> str:
    if not outlet:
        return UNKNOWN_OUTLET
    facts = load_outlets().get(name_key(outlet))
    return str(facts["name"]) if facts else outlet


def article_outlet(outlet: str | None, article_id: str) -> str:
    """The outlet a framing row credits: articles without one are each their own unknown
    source ("(unknown outlet) 1b2309d92b4a"), as pooling them would credit one outlet's
    labels to another (the seeds' Gulf News "strongman" next to the Times of Israel "regime")."""
    return f"{UNKNOWN_OUTLET} {article_id[:ARTICLE_ID_CHARS]}" if not outlet else canonical_outlet(outlet)


def outlet_facts(outlet: str) -> dict[str, Any] | None:
    return load_outlets().get(name_key(outlet))


def framing(con: Any, actor: str | None = None, outlet: str | None = None) -> list[OutletActor]:
    """Outlet x actor framing of a dossier, optionally for one actor and/or one outlet."""
    from storyline.crossdoc.actors import alias_map

    canonical = alias_map(con)
    labels: dict[str, list[FramingLabel]] = defaultdict(list)
    for aid, s, e, kind, term, act, cat in con.execute(
        "SELECT article_id, start_, end_, kind, term, actor, category FROM framing"
    ).fetchall():
        labels[aid].append(FramingLabel(aid, s, e, kind, term, act, cat))
    attributions: dict[str, list[Attribution]] = defaultdict(list)
    for aid, idx, typ, speaker, content in con.execute(
        "SELECT article_id, idx, type, speaker, content FROM attributions"
    ).fetchall():
        spans = tuple(Span(int(a), int(b)) for a, b in json.loads(content or "[]"))
        attributions[aid].append(Attribution(aid, idx, typ, spans, speaker=speaker))
    ids = set(labels) | set(attributions)
    arts = [
        ArticleFraming(aid, out, text, labels.get(aid, []), attributions.get(aid, []))
        # An article without outlet metadata is credited to the wire agency of its dateline.
        for aid, out, text in con.execute("SELECT id, coalesce(outlet, wire), text FROM articles").fetchall()
        if aid in ids
    ]
    rows = aggregate(arts, canonical)
    if actor:
        want = canonical.get(name_key(actor)) or load_aliases().lookup(actor) or actor
        rows = [r for r in rows if name_key(r.actor) == name_key(want)]
    if outlet:
        want = name_key(canonical_outlet(outlet))
        unknown = want == name_key(UNKNOWN_OUTLET)  # selects every article without an outlet
        rows = [
            r
            for r in rows
            if name_key(r.outlet) == want or (unknown and r.outlet.startswith(UNKNOWN_OUTLET + " "))
        ]
    return rows

"""Canonical actors across articles, every join explained, hand edits respected.

Units are the names each article gives its actors (``article_units``: "Francois Hollande",
"Assad", "Daesh"). Rules join units, each join recorded with its reason:

- ``edit``: a user's ``actor-join`` (table ``actor_edits``);
- ``same name``: equal name keys ("Bashar Al-Assad" / "Bashar al-Assad");
- ``alias``: the alias lexicon gives both the same actor ("Daesh" / "ISIL");
- ``gazetteer``: both name the same GeoNames place or country ("Raqqa" / "Ar Raqqah");
- ``fuzzy``: person names with the same phonetic surname block, compatible first names and a
  close spelling ("Moammar Gadhafi" / "Muammar Gaddafi" when the lexicon lacks them);
- ``surname``: a lone surname joins the one full person name ending with it.

The two guessing rules (``fuzzy``, ``surname``) never put person names with different given
names in one actor ("Musa Ibrahim" / "Jumma Ibrahim", nor through "J. Smith" "Jim Smith" and
"Joe Smith"); given names the lexicon or a user gives as one person ("Bill" / "William
Jefferson Clinton") are theirs to join.

A user's ``actor-split`` vetoes every join that would put the two names in one actor.
Comparisons happen only inside blocks (same key, same lexicon entry, same place, same
phonetic surname), so the cost grows with the number of distinct names, never all pairs.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from storyline.crossdoc.storycountries import demonym_country
from storyline.gazetteer import Place, country_place, find_place
from storyline.names import (
    AliasLexicon,
    given_names_agree,
    is_short_form,
    load_aliases,
    name_key,
    phonetic,
    strip_title,
)
from storyline.records import Actor, Mention
from storyline.stages.actors_local import article_units, is_demonym
from storyline.store import registered, transaction

# Spelling similarity (rapidfuzz ratio of name keys, 0-100) above which two person names of
# one phonetic block are joined. Calibrated on transliteration pairs from the alias lexicon:
# "moamer kadhafi"/"muammar gaddafi" scores 69 and "moammar gadhafi"/"muammar gaddafi" 86,
# while distinct people sharing a block ("ted cruz"/"tom cruise") score below 70.
FUZZY_MIN_RATIO = 80
# A phonetic block larger than this is split further by the first name's initial, so that a
# common surname cannot make the comparison quadratic.
MAX_BLOCK = 64

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LABEL_TYPES = {
    "PERSON": "person",
    "DESC": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "other",
    "EVENT": "other",
}


@dataclass(frozen=True, slots=True)
class Join:
    a: str
    b: str
    rule: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Edit:
    op: str  # "join" or "split"
    a: str
    b: str | None = None


@dataclass
class Unit:
    name: str
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)  # the mention texts it stands for

    @property
    def count(self) -> int:
        return sum(self.labels.values())


@dataclass
class Resolution:
    actors: dict[str, Actor]  # canonical name -> actor
    actor_of: dict[str, str]  # unit name key -> canonical name
    members: dict[str, list[str]]  # canonical name -> unit names
    joins: list[Join]  # every join applied, with its rule
    vetoed: list[Join]  # joins a user's split refused
    counts: dict[str, int]  # canonical name -> mentions
    comparisons: int = 0  # name pairs compared by spelling (the only pairwise work; see blocking)

    def canonical(self, name: str) -> str | None:
        return self.actor_of.get(name_key(name))

    def explain(self, canonical: str) -> list[Join]:
        keys = {name_key(u) for u in self.members.get(canonical, [])}
        return [j for j in self.joins if name_key(j.a) in keys or name_key(j.b) in keys]


class _Clusters:
    """Union-find over unit keys, with the cannot-link constraints of user splits.

    ``apart`` holds (x, y) key sets that must stay in different actors; y None means x
    stands alone. ``given`` maps the key of a full person name to its given name ("musa
    ibrahim" -> "musa"); a join asked to ``check_given`` is refused when the two clusters hold
    given names that cannot be one person's. Member and given-name sets are kept per root so a
    check costs the size of the two clusters, not of the corpus.
    """

    def __init__(
        self,
        keys: Iterable[str],
        apart: list[tuple[set[str], set[str] | None]],
        given: dict[str, str] | None = None,
    ) -> None:
        self.parent = {k: k for k in keys}
        self.sets: dict[str, set[str]] = {k: {k} for k in self.parent}
        self.given: dict[str, set[str]] = {k: {g} for k, g in (given or {}).items()}
        self.apart = apart
        self.joins: list[Join] = []
        self.vetoed: list[Join] = []
        self.comparisons = 0

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def _forbidden(self, ma: set[str], mb: set[str]) -> bool:
        for x, y in self.apart:
            if y is None:
                if (ma & x and not mb <= x) or (mb & x and not ma <= x):
                    return True
            elif (ma & x and mb & y) or (mb & x and ma & y):
                return True
        return False

    def union(self, a: str, b: str, join: Join, check_given: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if check_given and not all(
            given_names_agree(x, y) for x in self.given.get(ra, ()) for y in self.given.get(rb, ())
        ):
            return
        if self.apart and self._forbidden(self.sets[ra], self.sets[rb]):
            self.vetoed.append(join)
            return
        if len(self.sets[ra]) < len(self.sets[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.sets[ra] |= self.sets.pop(rb)
        if rb in self.given:
            self.given.setdefault(ra, set()).update(self.given.pop(rb))
        self.joins.append(join)


def _edit_keys(name: str, units: dict[str, Unit], lexicon: AliasLexicon) -> set[str]:
    """The unit keys a name in an edit refers to: the name itself, or every alias of it."""
    key = name_key(name)
    if key in units:
        return {key}
    canonical = lexicon.lookup(name)
    return {k for k, u in units.items() if canonical and lexicon.lookup(u.name) == canonical}


def resolve(
    units: dict[str, Unit],
    edits: Sequence[Edit] = (),
    lexicon: AliasLexicon | None = None,
) -> Resolution:
    """Join units into actors (see the module docstring for the rules, applied in order)."""
    lexicon = lexicon or load_aliases()
    apart: list[tuple[set[str], set[str] | None]] = []
    for e in edits:
        if e.op == "split":
            a = _edit_keys(e.a, units, lexicon)
            apart.append((a, _edit_keys(e.b, units, lexicon) - a if e.b else None))
    lex_of = {k: lexicon.lookup(u.name) for k, u in units.items()}
    given = {k: k.split()[0] for k, u in units.items() if len(k.split()) >= 2 and _names_person(u, lex_of[k])}
    clusters = _Clusters(units, apart, given)
    for e in edits:
        if e.op == "join" and e.b:
            a, b = _edit_keys(e.a, units, lexicon), _edit_keys(e.b, units, lexicon)
            for x in a:
                for y in b:
                    clusters.union(x, y, Join(units[x].name, units[y].name, "edit", "joined by hand"))

    place_of = {k: _place(u, lex_of[k], lexicon) for k, u in units.items()}
    _join_blocks(clusters, units, lex_of, "alias", "alias lexicon: both are names of {}")
    _join_blocks(
        clusters,
        units,
        {k: (p.name if p and lex_of[k] is None else None) for k, p in place_of.items()},
        "gazetteer",
        "GeoNames: both name {}",
    )
    _join_fuzzy(clusters, units, lex_of)
    _join_surnames(clusters, units, lex_of)
    return _result(clusters, units, lex_of, place_of, lexicon)


def _place(unit: Unit, lex: str | None, lexicon: AliasLexicon) -> Place | None:
    if lex is not None:
        entry = lexicon.actors[lex]
        if entry.type == "country" and entry.country:
            return country_place(entry.country)
        return find_place(lex) if entry.type == "place" else None
    top = unit.labels.most_common(1)[0][0] if unit.labels else ""
    # A demonym is no place even where the NER says so ("Kazakh" is an alternate name of Petropavl).
    return find_place(unit.name) if top in PLACE_LABELS and not is_demonym(unit.name) else None


def _join_blocks(
    clusters: _Clusters, units: dict[str, Unit], block_of: dict[str, str | None], rule: str, why: str
) -> None:
    blocks: dict[str, list[str]] = defaultdict(list)
    for k, b in block_of.items():
        if b is not None:
            blocks[b].append(k)
    for b, keys in blocks.items():
        first = keys[0]
        for k in keys[1:]:
            clusters.union(first, k, Join(units[first].name, units[k].name, rule, why.format(b)))


def _is_person(unit: Unit, lex: str | None) -> bool:
    return lex is None and unit.labels.most_common(1)[0][0] in ("PERSON", "DESC")


def _names_person(unit: Unit, lex: str | None) -> bool:
    """A person's name: by its mentions, or a lexicon actor the article tags as a person."""
    return _is_person(unit, lex) or bool(lex and unit.labels.get("PERSON"))


def _join_fuzzy(clusters: _Clusters, units: dict[str, Unit], lex_of: dict[str, str | None]) -> None:
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k, u in units.items():
        tokens = k.split()
        if len(tokens) >= 2 and _is_person(u, lex_of[k]):
            blocks[(phonetic(tokens[-1]), "")].append(k)
    for (ph, _), keys in list(blocks.items()):
        if len(keys) > MAX_BLOCK:
            del blocks[(ph, "")]
            for k in keys:
                blocks[(ph, k[0])].append(k)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                clusters.comparisons += 1
                ta, tb = a.split(), b.split()
                if not given_names_agree(ta[0], tb[0]):
                    continue
                if ta[1:] == tb[1:] and is_short_form(ta[0], tb[0]):
                    # "Bob Gates" / "Robert Gates": the spelling differs too much for the ratio
                    clusters.union(
                        a,
                        b,
                        Join(
                            units[a].name,
                            units[b].name,
                            "nickname",
                            "the same surname, a short form of the given name",
                        ),
                        check_given=True,
                    )
                    continue
                score = fuzz.ratio(a, b)
                if score >= FUZZY_MIN_RATIO:
                    clusters.union(
                        a,
                        b,
                        Join(
                            units[a].name,
                            units[b].name,
                            "fuzzy",
                            f"similar spelling ({score:.0f}/100), same sounds",
                        ),
                        check_given=True,
                    )


def _join_surnames(clusters: _Clusters, units: dict[str, Unit], lex_of: dict[str, str | None]) -> None:
    by_last: dict[str, set[str]] = defaultdict(set)
    for k, u in units.items():
        tokens = k.split()
        if len(tokens) >= 2 and _names_person(u, lex_of[k]):
            by_last[tokens[-1]].add(k)
    for k, u in units.items():
        tokens = k.split()
        if (
            len(tokens) != 1
            or lex_of[k] is not None
            or not u.labels.get("PERSON")
            and not u.labels.get("ORG")
        ):
            continue
        roots = {clusters.find(f) for f in by_last.get(tokens[0], ())}
        if len(roots) == 1:
            full = next(iter(by_last[tokens[0]]))
            clusters.union(
                full,
                k,
                Join(units[full].name, u.name, "surname", "the only full name ending with it"),
                check_given=True,
            )


def _result(
    clusters: _Clusters,
    units: dict[str, Unit],
    lex_of: dict[str, str | None],
    place_of: dict[str, Place | None],
    lexicon: AliasLexicon,
) -> Resolution:
    groups: dict[str, list[str]] = defaultdict(list)
    for k in units:
        groups[clusters.find(k)].append(k)
    actors: dict[str, Actor] = {}
    actor_of: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    surface_keys: dict[str, set[str]] = {}

    # Clusters holding the unit named like their lexicon entry choose names first, so that after
    # a split of "Daesh" from "Islamic State" the name stays with the "Islamic State" cluster.
    def owns_name(keys: list[str]) -> bool:
        return any(lex_of[k] and name_key(str(lex_of[k])) == k for k in keys)

    for keys in sorted(groups.values(), key=lambda ks: (not owns_name(ks), -sum(units[k].count for k in ks))):
        keys.sort(key=lambda k: -units[k].count)
        lex: Counter[str] = Counter()
        for k in keys:
            if lex_of[k]:
                lex[str(lex_of[k])] += max(units[k].count, 1)
        place = next((place_of[k] for k in keys if place_of[k]), None)
        country: str | None = None
        labels: Counter[str] = Counter()
        for k in keys:
            labels.update(units[k].labels)
        if lex:
            name = lex.most_common(1)[0][0]
            entry = lexicon.actors[name]
            kind = entry.type
        else:
            most = max(len(k.split()) for k in keys)
            name = next(units[k].name for k in keys if len(k.split()) == most)
            top_label = labels.most_common(1)[0][0]
            kind = place.kind if place else LABEL_TYPES.get(top_label, "other")
            if kind == "other" and top_label == "NORP":
                country = demonym_country(name)  # "Syrian" is Syria's people, not Syria
                if country:
                    kind = "nationality"
        if name in actors:  # two clusters share a lexicon entry only after a split: name it by its own
            name = (
                units[keys[0]].name
                if units[keys[0]].name not in actors
                else f"{name} ({units[keys[0]].name})"
            )
        names = {units[k].name for k in keys} | {strip_title(t) for k in keys for t in units[k].surfaces}
        aliases = sorted((names | ({place.name} if place else set())) - {name})
        actors[name] = Actor(
            id=actor_id(name),
            name=name,
            type=kind,  # type: ignore[arg-type]
            aliases=tuple(aliases),
            country=place.country if place else country,
            lat=place.lat if place else None,
            lon=place.lon if place else None,
        )
        members[name] = [units[k].name for k in keys]
        counts[name] = sum(units[k].count for k in keys)
        for k in keys:
            actor_of[k] = name
        surface_keys[name] = {name_key(strip_title(t)) for k in keys for t in units[k].surfaces}
    # Surfaces ("Mariani", "Al Assad") find their actor too, unless they are a unit of their own.
    for name, keys_ in surface_keys.items():
        for sk in keys_:
            actor_of.setdefault(sk, name)
    return Resolution(
        actors, actor_of, members, clusters.joins, clusters.vetoed, counts, clusters.comparisons
    )


def actor_id(name: str) -> str:
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]


def units_of(
    articles: Iterable[list[Mention]], speakers: Iterable[str] = (), texts: dict[str, str] | None = None
) -> tuple[dict[str, Unit], list[tuple[Mention, str]]]:
    """Units from each article's mentions (and speaker names), and each mention's unit key.
    ``texts`` (article id -> text) lets honorific forms ("Mrs. Clinton") count."""
    units: dict[str, Unit] = {}
    placed: list[tuple[Mention, str]] = []
    for mentions in articles:
        text = texts.get(mentions[0].article_id) if texts and mentions else None
        for m, name in zip(mentions, article_units(mentions, text), strict=True):
            key = name_key(name) if name else ""
            if not name or not key:
                continue
            unit = units.get(key)
            if unit is None:
                unit = units[key] = Unit(name)
            unit.labels[m.label] += 1
            unit.surfaces[m.text] += 1
            placed.append((m, key))
    for s in speakers:
        key = name_key(s)
        if key and key not in units:
            units[key] = Unit(s, Counter({"PERSON": 0}))
    return units, placed


# --- the store --------------------------------------------------------------------------


def read_edits(con: Any) -> list[Edit]:
    rows = con.execute("SELECT op, a, b FROM actor_edits ORDER BY seq").fetchall()
    return [Edit(op, a, b) for op, a, b in rows]


def resolve_store(con: Any, user_aliases: str | None = None) -> tuple[Resolution, list[tuple[Mention, str]]]:
    """Read mentions, speakers and edits from a dossier and resolve them (no writes)."""
    rows = con.execute(
        "SELECT article_id, start_, end_, label, text, actor FROM mentions ORDER BY article_id, start_, end_"
    ).fetchall()
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for aid, s, e, label, text, actor in rows:
        by_article[aid].append(Mention(aid, s, e, label, text, actor))
    speakers = [
        r[0]
        for r in con.execute("SELECT DISTINCT speaker FROM attributions WHERE speaker IS NOT NULL").fetchall()
    ]
    texts = {aid: text for aid, text in con.execute("SELECT id, text FROM articles").fetchall()}
    units, placed = units_of(by_article.values(), speakers, texts)
    return resolve(units, read_edits(con), load_aliases(user_aliases)), placed


def build_actors(con: Any, user_aliases: str | None = None) -> Resolution:
    """Rebuild table ``actors`` and ``mentions.actor`` from the mentions, in one transaction."""
    import pyarrow as pa

    res, placed = resolve_store(con, user_aliases)
    actors = list(res.actors.values())
    # Arrow tables instead of row-by-row inserts: a 10x corpus has hundreds of thousands of mentions.
    actor_rows = pa.table(
        {
            "id": [a.id for a in actors],
            "name": [a.name for a in actors],
            "type": [a.type for a in actors],
            "aliases": [json.dumps(list(a.aliases), ensure_ascii=False) for a in actors],
            "country": [a.country for a in actors],
            "lat": pa.array([a.lat for a in actors], pa.float64()),
            "lon": pa.array([a.lon for a in actors], pa.float64()),
            "mentions": [res.counts[a.name] for a in actors],
        }
    )
    mention_rows = pa.table(
        {
            "article_id": [m.article_id for m, _ in placed],
            "start_": [m.start for m, _ in placed],
            "end_": [m.end for m, _ in placed],
            "actor": [res.actor_of[k] for _, k in placed],
        }
    )
    with registered(con, _actor_rows=actor_rows, _mention_rows=mention_rows), transaction(con):
        con.execute("DELETE FROM actors")
        con.execute(
            "INSERT INTO actors SELECT id, name, type, aliases, country, lat, lon, mentions FROM _actor_rows"
        )
        con.execute(
            "UPDATE mentions SET actor = t.actor FROM _mention_rows t "
            "WHERE mentions.article_id = t.article_id AND mentions.start_ = t.start_ AND mentions.end_ = t.end_"
        )
    return res


def add_edit(con: Any, op: str, a: str, b: str | None = None) -> None:
    """Record a hand ``join`` or ``split``; the next ``build_actors`` applies it."""
    if op not in ("join", "split"):
        raise ValueError(f"unknown edit {op!r}: use join or split")
    if op == "join" and not b:
        raise ValueError("a join needs two names")
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM actor_edits").fetchone()
    con.execute("INSERT INTO actor_edits (seq, op, a, b) VALUES (?, ?, ?, ?)", [row[0], op, a, b])


def alias_map(con: Any) -> dict[str, str]:
    """Name key of every known alias -> canonical actor name, from table ``actors``."""
    out: dict[str, str] = {}
    for name, aliases in con.execute("SELECT name, aliases FROM actors").fetchall():
        out[name_key(name)] = name
        for a in json.loads(aliases or "[]"):
            out.setdefault(name_key(a), name)
    return out

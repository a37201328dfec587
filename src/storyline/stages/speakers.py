"""Speaker resolution within one article: from the words that name a speaker to an actor.

No coreference model is available offline, so this is rules over the parse and
the article's mention history:

- a span holding a PERSON name resolves to the fullest name of that person in
  the article ("Assad", "Al Assad" -> "Bashar al-Assad"), matched on the surname;
- an organization, country or group name resolves to its fullest form
  ("the Observatory" -> "Syrian Observatory for Human Rights");
- "he"/"she" resolve to the nearest earlier person of compatible gender,
  preferring the speakers and grammatical subjects of the recent sentences;
- "who"/"which" resolve through the noun the relative clause describes;
- a description headed by a role ("the Syrian president", "his French
  counterpart") resolves to the person the article gives that role, told apart
  by its modifiers ("Syrian", "French"); one headed by an organization noun
  ("the influential US daily") to the nearest earlier organization;
- anything else ("they", "it", "officials", a dateline) stays unresolved.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Token

TITLES = Path(__file__).resolve().parent.parent / "lexicons" / "speaker_roles.yaml"
ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
# How far back (in characters) a pronoun looks for its antecedent. Calibrated on
# PolNeAR train: 95% of "he"/"she" sources have a person mention within 1,500
# characters before them; further back the nearest person is mostly wrong.
PRONOUN_WINDOW = 1500


@dataclass(frozen=True)
class TitleLexicon:
    person_roles: frozenset[str]
    organization_roles: frozenset[str]
    honorifics: dict[str, frozenset[str]]
    particles: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    female_names: frozenset[str]
    vague_org_roles: frozenset[str]

    @property
    def all_honorifics(self) -> frozenset[str]:
        return frozenset().union(*self.honorifics.values())


@functools.lru_cache(maxsize=1)
def load_titles() -> TitleLexicon:
    data = yaml.safe_load(TITLES.read_text(encoding="utf-8"))
    lower = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return TitleLexicon(
        person_roles=lower(data["person_roles"]),
        organization_roles=lower(data["organization_roles"]),
        honorifics={k: lower(v) for k, v in data["honorifics"].items()},
        particles=lower(data["name_particles"]),
        pronouns={k: lower(v) for k, v in data["pronouns"].items()},
        female_names=lower(data["given_names"]["female"]),
        vague_org_roles=lower(data["vague_organization_roles"]),
    )


def _strip_possessive(word: str) -> str:
    return re.sub(r"[’']s?$", "", word)


def name_words(name: str, lex: TitleLexicon) -> list[str]:
    """The words of a person's name without honorifics, titles and possessives."""
    words = [_strip_possessive(w) for w in name.replace("\u00a0", " ").split()]
    while words and words[0].lower().rstrip(".") in {h.rstrip(".") for h in lex.all_honorifics}:
        words = words[1:]
    return [w for w in words if w]


def surname_key(name: str, lex: TitleLexicon) -> str | None:
    """'Bashar Al-Assad', 'Al Assad', 'Assad' -> 'assad'."""
    words = name_words(name, lex)
    if not words:
        return None
    last = words[-1].lower()
    last = re.sub(r"^(al|el|ad|as)[-‑]", "", last)
    return last or None


def canonical_person(name: str, lex: TitleLexicon) -> str:
    """The display form: honorifics dropped, inner particles lower case ('Bashar al-Assad')."""
    words = name_words(name, lex)
    out = []
    for i, w in enumerate(words):
        m = re.match(r"^([A-Za-z]+)([-‑])(.+)$", w)
        if i > 0 and m and m.group(1).lower() in lex.particles:
            w = m.group(1).lower() + "-" + m.group(3)
        elif i > 0 and i < len(words) - 1 and w.lower() in lex.particles:
            w = w.lower()
        out.append(w)
    return " ".join(out)


def canonical_org(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name.strip())
    return _strip_possessive(name).strip()


@dataclass
class _Person:
    key: str
    name: str  # fullest name seen
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    context: set[str] = field(default_factory=set)  # lower-case words around its mentions (roles, nationalities)


class SpeakerResolver:
    """Resolves speaker spans of one article to canonical actor names."""

    def __init__(self, doc: ArticleDoc) -> None:
        self.doc = doc
        self.lex = load_titles()
        self.persons: dict[str, _Person] = {}
        self.orgs: list[tuple[int, int, str]] = []  # (start, end, canonical) of ORG/GPE/NORP mentions
        self._person_at: list[tuple[int, int, str]] = []  # (start, end, key)
        self.recent_speakers: list[tuple[int, str]] = []  # (char offset, canonical name) of resolved speakers
        self._index_mentions()

    # ---- the article's mentions -------------------------------------------------
    def _index_mentions(self) -> None:
        sdoc = self.doc.doc
        for m in sorted(self.doc.mentions, key=lambda m: m.start):
            if m.label == "PERSON":
                key = surname_key(m.text, self.lex)
                if not key or not re.search(r"[A-Za-z]", key):
                    continue
                p = self.persons.get(key)
                words = name_words(m.text, self.lex)
                if p is None:
                    p = self.persons[key] = _Person(key, canonical_person(m.text, self.lex))
                elif len(words) > len(p.name.split()):
                    p.name = canonical_person(m.text, self.lex)
                p.mentions.append((m.start, m.end))
                self._person_at.append((m.start, m.end, key))
                span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    lo = max(0, span.start - 6)
                    ctx = [t for t in sdoc[lo : span.start]]
                    # an apposition after the name: "Francois Lecointre, France's army chief"
                    ctx += [t for t in sdoc[span.end : min(len(sdoc), span.end + 8)] if t.sent == span.sent]
                    for t in ctx:
                        p.context.add(t.lower_)
                        p.context.add(t.lemma_.lower())
                    first = words[0].lower() if words else ""
                    prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
                    if prev in self.lex.honorifics["female"] or first in self.lex.female_names:
                        p.gender = p.gender or "female"
                    elif prev in self.lex.honorifics["male"]:
                        p.gender = p.gender or "male"
            elif m.label in ORG_LABELS:
                self.orgs.append((m.start, m.end, canonical_org(m.text)))
        # Gender from the pronouns that follow a person as subject in the next sentence.
        for p in self.persons.values():
            if p.gender is None:
                p.gender = self._guess_gender(p)
        # A short org name inside a longer one of the article takes the longer form.
        names = sorted({o[2] for o in self.orgs}, key=len, reverse=True)
        full: dict[str, str] = {}
        for n in names:
            for longer in names:
                if len(longer) > len(n) and re.search(r"\b" + re.escape(n) + r"\b", longer):
                    full[n] = longer
                    break
        self.orgs = [(s, e, full.get(n, n)) for s, e, n in self.orgs]

    def _guess_gender(self, p: _Person) -> str | None:
        he = she = 0
        text = self.doc.text
        for s, e in p.mentions[:5]:
            window = text[e : e + 250].lower()
            he += len(re.findall(r"\b(he|his|him)\b", window))
            she += len(re.findall(r"\b(she|her|hers)\b", window))
        if he > she:
            return "male"
        if she > he:
            return "female"
        return None

    def person_named(self, text: str) -> str | None:
        key = surname_key(text, self.lex)
        p = self.persons.get(key) if key else None
        return p.name if p else None

    # ---- resolution --------------------------------------------------------------
    def resolve(self, start: int, end: int) -> str | None:
        """The canonical actor named by the speaker span ``[start, end)`` of the text."""
        sdoc = self.doc.doc
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        name = self._named(start, end, span.root.idx)
        if name:
            return name
        head = span.root
        low = head.lower_
        pr = self.lex.pronouns
        if low in pr["male"] or low in pr["female"]:
            return self._antecedent(start, "female" if low in pr["female"] else "male")
        if low in pr["relative"] and head.head.dep_ in ("relcl", "acl") or low in ("who", "which"):
            noun = head.head.head if head.head.dep_ in ("relcl", "acl") else None
            if noun is not None and noun.i < head.i:
                lo, hi = noun.left_edge.idx, noun.idx + len(noun.text)
                return self.resolve(lo, hi)
            return None
        if low in pr["plural"] or low in pr["neuter"] or low in pr["first_singular"] or low in pr["first_plural"]:
            return None
        lemma = head.lemma_.lower()
        if lemma in self.lex.person_roles or low in self.lex.person_roles:
            return self._described_person(span, start)
        if lemma in self.lex.organization_roles or low in self.lex.organization_roles:
            return self._described_org(span, start)
        return None

    def _named(self, start: int, end: int, head_at: int) -> str | None:
        """A PERSON or organization mention inside the span; the one holding the head first."""
        inside = [(s, e, "P", k) for s, e, k in self._person_at if s >= start and e <= end]
        inside += [(s, e, "O", n) for s, e, n in self.orgs if s >= start and e <= end]
        if not inside:
            return None
        inside.sort(key=lambda x: (not (x[0] <= head_at < x[1]), x[2] != "P", x[0]))
        s, e, kind, val = inside[0]
        if kind == "P":
            return self.persons[val].name
        return val

    def _antecedent(self, at: int, gender: str) -> str | None:
        """The nearest earlier person of compatible gender; a recent speaker wins a tie of distance."""
        best: tuple[int, str] | None = None
        for s, _e, key in self._person_at:
            if s >= at or at - s > PRONOUN_WINDOW:
                continue
            p = self.persons[key]
            if p.gender and p.gender != gender:
                continue
            if best is None or s > best[0]:
                best = (s, p.name)
        for s, name in self.recent_speakers:
            if s < at and at - s <= PRONOUN_WINDOW and (best is None or s > best[0]):
                p = next((q for q in self.persons.values() if q.name == name), None)
                if p is not None and p.gender and p.gender != gender:
                    continue
                if p is None:  # an organization cannot be "he"
                    continue
                best = (s, name)
        return best[1] if best else None

    def _modifiers(self, span) -> set[str]:
        mods: set[str] = set()
        for t in span:
            if t.i == span.root.i or t.lower_ in ("the", "a", "an", "his", "her", "its", "their"):
                continue
            mods.add(t.lower_)
            mods.add(t.lemma_.lower())
            # "Syrian" also matches "Syria", "French" matches "France".
            mods.add(t.lower_[:4])
        return mods

    def _described_person(self, span, at: int) -> str | None:
        role = span.root.lemma_.lower()
        mods = self._modifiers(span)
        cands = []
        for p in self.persons.values():
            first = min(s for s, _ in p.mentions)
            if first >= at:
                continue
            ctx = p.context | {w[:4] for w in p.context}
            has_role = role in p.context or span.root.lower_ in p.context
            n_mods = len(mods & ctx)
            if not has_role and role != "counterpart":
                continue
            last = max(s for s, _ in p.mentions if s < at)
            cands.append((has_role, n_mods, last, p.name))
        if role == "counterpart":
            # "his French counterpart": a person other than the owner of "his", from the modifier's country.
            cands = [c for c in cands if c[1] > 0]
        if not cands:
            return None
        cands.sort(reverse=True)
        return cands[0][3]

    def _described_org(self, span, at: int) -> str | None:
        if span.root.lemma_.lower() in self.lex.vague_org_roles:
            return None  # "the Syrian government" names no single mention reliably
        prior = [(s, n) for s, e, n in self.orgs if e <= at]
        if not prior:
            return None
        mods = self._modifiers(span)
        for s, n in reversed(prior[-3:]):
            if mods & {w.lower() for w in n.split()}:
                return n
        return prior[-1][1] if at - prior[-1][0] <= PRONOUN_WINDOW else None

    def remember(self, at: int, name: str | None) -> None:
        if name:
            self.recent_speakers.append((at, name))

"""The people and organizations one article names, as the speaker resolver looks them up.

From the article's PERSON, ORG, GPE and NORP mentions this builds, once per article, who is who:
each person keyed by surname, with the fullest name seen, a gender (honorific, given name, or the
pronouns after it), where it is mentioned and the title words around those mentions ("the
French president"); each organization in its fullest form. People who share a surname are kept
apart by their given names ("Musa Ibrahim" / "Jumma Ibrahim"), and a bare surname goes to the
one it most likely names, or stands for itself when that is no one. A name the NER missed is
added when a speaker span meets it. ``speakers.SpeakerResolver`` builds on this index to map
speaker spans (names, pronouns, descriptions) to actors; the index is kept apart from that
resolution so that each stays a module of a few hundred lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.names import AliasLexicon, given_names_agree, load_aliases, name_tokens, strip_title
from storyline.stages.document import ArticleDoc
from storyline.stages.speaker_names import (
    canonical_org,
    canonical_person,
    longer_org_names,
    name_words,
    surname_key,
)
from storyline.stages.speaker_titles import load_titles

if TYPE_CHECKING:
    from spacy.tokens import Token

ORG_LABELS = frozenset({"ORG", "GPE", "NORP"})
_WORD = re.compile(r"\w+")  # a run of word characters, as re's \\b delimits words

# A given name this long that begins another ("Ken" / "Kenneth", "Chris" / "Christopher") is a
# short form of it, for speakers of one surname. Set on PolNeAR train, where ``given_names_agree``
# alone split "Kenneth Starr" / "Ken Starr" (7 speaker names); 3 keeps two-letter forms ("Al",
# "Jo") from joining anyone (not measured further).
NICKNAME_PREFIX = 3

# The key suffix of a surname that stands for itself: several people of the article bear it and
# none is singled out (``ArticlePeople._bare_choice``).
AMBIGUOUS = "?"


@dataclass
class _Person:
    key: str
    name: str  # fullest name seen
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    context: set[str] = field(
        default_factory=set
    )  # lower-case words around its mentions (roles, nationalities)


def _title_context(sdoc, start: int, end: int) -> list:
    """The words that give a name its title: the noun phrase right before it ("France's Chief
    of Defense Staff", "Syrian President") and an apposition right after it (", the French
    president,"). Not the whole neighbourhood: "cooperation with Bashar Assad" is no title."""
    out = []
    j = start - 1
    while j >= 0 and start - j <= 6:
        t = sdoc[j]
        if (
            t.is_punct
            and t.text not in ("'", "’")
            or t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON", "NUM")
            or (t.pos_ == "ADP" and t.lower_ != "of")
            or "\n" in t.text
        ):
            break
        out.append(t)
        j -= 1
    if (
        end + 1 < len(sdoc)
        and sdoc[end].text == ","
        and sdoc[end + 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN")
    ):
        for t in sdoc[end + 1 : min(len(sdoc), end + 9)]:
            if t.is_punct or "\n" in t.text or t.pos_ in ("VERB", "AUX", "PRON"):
                break
            out.append(t)
    return out


class ArticlePeople:
    """The persons and organizations of one article, from its mentions (see the module)."""

    def __init__(self, doc: ArticleDoc, aliases: AliasLexicon | None = None) -> None:
        """``aliases`` tells full names of one actor apart and gives honorific forms their person
        ("Mrs. Clinton"): the user's lexicon when the run has one, else the bundled one."""
        self.doc = doc
        self.aliases = aliases if aliases is not None else load_aliases()
        self.lex = load_titles()
        self.persons: dict[str, _Person] = {}
        self.orgs: list[tuple[int, int, str]] = []  # (start, end, canonical) of ORG/GPE/NORP mentions
        self._person_at: list[tuple[int, int, str]] = []  # (start, end, key)
        self.stop_words = (
            self.lex.person_roles
            | self.lex.organization_roles
            | self.lex.all_honorifics
            | self.lex.name_stops
        )
        self._text_words: frozenset[str] | None = None  # the text's \w+ runs (_in_text), made lazily
        self._index_mentions()

    # ---- the article's mentions -------------------------------------------------
    def _index_mentions(self) -> None:
        sdoc = self.doc.doc
        mentions = sorted(self.doc.mentions, key=lambda m: m.start)
        owner = self._person_keys(mentions)
        for i, m in enumerate(mentions):
            if m.label == "PERSON":
                key = owner.get(i)
                if key is None:
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
                    for t in _title_context(sdoc, span.start, span.end):
                        p.context.add(t.lower_)
                        p.context.add(t.lemma_.lower())
                    first = words[0].lower() if words else ""
                    prev = sdoc[span.start - 1].lower_ if span.start > 0 else ""
                    # the honorific before the name, or the first word of the mention itself
                    # when the NER took it in ("Ms Byrs": Timeline17 audit)
                    own = m.text.split()[0].lower() if " " in m.text.strip() else ""
                    if (
                        prev in self.lex.honorifics["female"]
                        or own in self.lex.honorifics["female"]
                        or first in self.lex.female_names
                    ):
                        p.gender = p.gender or "female"
                    elif prev in self.lex.honorifics["male"] or own in self.lex.honorifics["male"]:
                        p.gender = p.gender or "male"
            elif m.label in ORG_LABELS:
                self.orgs.append((m.start, m.end, canonical_org(m.text)))
        # Gender from the pronouns that follow a person as subject in the next sentence.
        for p in self.persons.values():
            if p.gender is None:
                p.gender = self._guess_gender(p)
        # A short org name inside a longer one of the article takes the longer form.
        full = longer_org_names(o[2] for o in self.orgs)
        self.orgs = [(s, e, full.get(n, n)) for s, e, n in self.orgs]
        # A one-word "person" that is a word of an organization's name ("the Observatory" after
        # "Syrian Observatory for Human Rights") is that organization: the NER mislabels it.
        for key, p in list(self.persons.items()):
            if " " in p.name or key.endswith(AMBIGUOUS):  # people named in full bear that surname
                continue
            org = next(
                (n for _s, _e, n in self.orgs if re.search(r"\b" + re.escape(p.name) + r"\b", n)), None
            )
            if org is not None:
                del self.persons[key]
                self._person_at = [x for x in self._person_at if x[2] != key]
                self.orgs.extend((s, e, org) for s, e in p.mentions)

    # ---- people who share a surname ----------------------------------------------
    def _person_keys(self, mentions: list) -> dict[int, str]:  # type: ignore[type-arg]
        """Index of each PERSON mention of ``mentions`` -> the key of its person.

        A person is keyed by surname ("ibrahim"), but a full name whose given name cannot be that
        of any person of its surname so far is a person of its own ("Jumma Ibrahim" after "Musa
        Ibrahim": "ibrahim#1"; ``_names_agree``). A bare surname or an honorific form goes to
        the one person of its surname; where the article names several, to ``_bare_choice``'s.
        """
        self._family: dict[str, list[str]] = {}  # surname key -> its persons' keys, first named first
        self._full: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # person key -> its full names
        owner: dict[int, str] = {}
        bare: list[tuple[int, str]] = []
        for i, m in enumerate(mentions):
            if m.label != "PERSON":
                continue
            key = surname_key(m.text, self.lex)
            if not key or not re.search(r"[A-Za-z]", key):
                continue
            full = self._given_tokens(m.text)
            if full is None:
                bare.append((i, key))
                continue
            family = self._family.setdefault(key, [])
            pk = next(
                (k for k in family if all(self._names_agree(full, f) for f in self._full.get(k, ()))), None
            )
            if pk is None:
                pk = key if key not in family else f"{key}#{len(family)}"
                family.append(pk)
            self._full.setdefault(pk, []).append(full)
            owner[i] = pk
        for i, key in bare:
            family = self._family.setdefault(key, [])
            if not family:
                family.append(key)
            owner[i] = family[0] if len(family) == 1 else self._bare_choice(key, mentions[i])
        return owner

    def _given_tokens(self, text: str) -> tuple[tuple[str, ...], str] | None:
        """The name tokens and the surface of a full person mention ("Government spokesman Musa
        Ibrahim" -> ("musa", "ibrahim")); None for a bare surname, an honorific form ("Mrs.
        Clinton") or a first word that is no given name: NER junk such as "Between Clinton",
        "Certainly Donald Trump", "AG Mukasey" or "CLEVELAND - Donald Trump" (the word written in lower case
        elsewhere in the article, in capitals, or the surname again) unless the alias lexicon
        knows the whole name ("Bill Clinton" in an article about a bill)."""
        surface = strip_title(" ".join(name_words(text, self.lex)))
        tokens = tuple(name_tokens(surface))
        if len(tokens) < 2:
            return None
        first = surface.split()[0]
        junk = (
            tokens[0] == tokens[-1]
            or not first[:1].isupper()
            or len(first) > 1
            and first.isupper()
            or "-" in surface.split()
            or self._in_text(tokens[0])
        )
        if junk and self.aliases.lookup(surface) is None:
            return None
        return tokens, surface

    def _in_text(self, word: str) -> bool:
        """Whether ``word`` occurs as a whole word of the text, as ``\\bword\\b`` finds it
        (case-sensitive). A word of word characters only is looked up in the set of the text's
        ``\\w+`` runs, made once per article (a regex search over the text per mention made
        the attributions stage slower); any other word is searched for as before."""
        if _WORD.fullmatch(word) is None:
            return re.search(r"\b" + re.escape(word) + r"\b", self.doc.text) is not None
        if self._text_words is None:
            self._text_words = frozenset(_WORD.findall(self.doc.text))
        return word in self._text_words

    def _names_agree(self, a: tuple[tuple[str, ...], str], b: tuple[tuple[str, ...], str]) -> bool:
        """Whether two full names can be one person's: their given names agree
        (``names.given_names_agree``: "J. Smith" / "James Smith", "Moammar" / "Muammar"), one is
        the other's last words ("Wasserman Schultz" / "Debbie Wasserman Schultz") or the alias
        lexicon makes them one actor ("Ted Cruz" / "Rafael Edward Cruz"); or one given name is a short
        form that begins the other (``NICKNAME_PREFIX``)."""
        (ta, sa), (tb, sb) = a, b
        if given_names_agree(ta[0], tb[0]):
            return True
        short_given, long_given = sorted((ta[0], tb[0]), key=len)
        if len(short_given) >= NICKNAME_PREFIX and long_given.startswith(short_given):
            return True  # "Ken" / "Kenneth", "Chris" / "Christopher"
        short, long_ = sorted((ta, tb), key=len)
        if len(short) < len(long_) and long_[-len(short) :] == short:
            return True
        actor = self.aliases.lookup(sa)
        return actor is not None and actor == self.aliases.lookup(sb)

    def _bare_choice(self, key: str, m) -> str:  # type: ignore[no-untyped-def]
        """The person a bare surname or honorific form names where the article names several
        people of that surname with different given names: the one the alias lexicon gives the
        form ("Mrs. Clinton" Hillary, "Mr. Clinton" Bill), else the only one the honorific's
        gender allows, else the first named, as before ("Clinton" after "Hillary Clinton ... Bill
        Clinton"), unless another is named in full more often: then no pick, the surname stands
        for itself (``key + AMBIGUOUS``), as the actor resolvers keep an ambiguous "Clinton" apart."""
        family = self._family[key]
        sdoc = self.doc.doc
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        prev = sdoc[span.start - 1] if span is not None and span.start > 0 else None
        form = m.text
        if prev is not None and prev.lower_ in self.lex.all_honorifics:
            form = f"{prev.text} {m.text}"
        actor = self.aliases.lookup(form) if form.split()[0].lower() in self.lex.all_honorifics else None
        if actor is not None:
            hits = [
                k for k in family if any(self.aliases.lookup(s) == actor for _t, s in self._full.get(k, ()))
            ]
            if len(hits) == 1:
                return hits[0]
        honorific = form.split()[0].lower() if " " in form.strip() else ""
        gender = next((g for g in ("female", "male") if honorific in self.lex.honorifics[g]), None)
        if gender is not None:
            genders = {k: self._full_gender(k) for k in family}
            for fits in (
                [k for k in family if genders[k] == gender],
                [k for k in family if genders[k] in (gender, None)],
            ):
                if len(fits) == 1:  # the only one known of that gender, else the only one not known otherwise
                    return fits[0]
        return self._first_named(family) or key + AMBIGUOUS

    def _first_named(self, family: list[str]) -> str | None:
        """The first named of a surname's persons, as before the split, unless another of them is
        named in full more often (Timeline17 t17_libya_619: "Jumma Ibrahim" once, then "Musa
        Ibrahim" twice, "Ibrahim said" of Musa); then None."""
        n = len(self._full.get(family[0], ()))
        return family[0] if all(len(self._full.get(k, ())) <= n for k in family[1:]) else None

    def _full_gender(self, pk: str) -> str | None:
        """A person's gender from its full names' given names (the female given names list) or
        the pronouns after them, before bare mentions are assigned."""
        fulls = self._full.get(pk, ())
        if any(t[0] in self.lex.female_names for t, _s in fulls):
            return "female"
        probe = _Person(pk, "")
        for m in self.doc.mentions:
            if m.label == "PERSON" and any(s in m.text for _t, s in fulls):
                probe.mentions.append((m.start, m.end))
        return self._guess_gender(probe) if probe.mentions else None

    def _surname_person(self, key: str | None) -> _Person | None:
        """The person a bare surname met outside the NER's person mentions names: the one person
        of that surname, or the one ``_bare_choice`` would give it; None where that is no one."""
        if key is None:
            return None
        family = [k for k in self._family.get(key, ()) if k in self.persons]
        if len(family) > 1:
            first = self._first_named(family)
            return self.persons[first] if first else self.persons.get(key + AMBIGUOUS)
        return self.persons.get(key)

    def _guess_gender(self, p: _Person) -> str | None:
        he = she = 0
        text = self.doc.text
        for _s, e in p.mentions[:5]:
            window = text[e : e + 250].lower()
            he += len(re.findall(r"\b(he|his|him)\b", window))
            she += len(re.findall(r"\b(she|her|hers)\b", window))
        if he > she:
            return "male"
        if she > he:
            return "female"
        return None

    def person_named(self, text: str) -> str | None:
        p = self._surname_person(surname_key(text, self.lex))
        return p.name if p else None

    def _proper_name(self, head: Token) -> str | None:
        """A name the NER missed ("Lecointre"): its fullest form in the article, found by
        walking back from each occurrence of the surname over proper nouns, up to a title."""
        surname = head.text
        key = surname_key(surname, self.lex)
        known = self._surname_person(key)
        if known is not None:
            return known.name
        if key is not None and len([k for k in self._family.get(key, ()) if k in self.persons]) > 1:
            return canonical_person(surname, self.lex)  # people of that surname, none named most
        for _s, _e, org in self.orgs:  # "the Observatory" after "Syrian Observatory for Human Rights"
            if re.search(r"\b" + re.escape(surname) + r"\b", org):
                return org
        best: list[str] = [surname]
        person = _Person(key or surname.lower(), surname)
        for t in self.doc.doc:
            if t.text != surname or t.pos_ != "PROPN":
                continue
            person.mentions.append((t.idx, t.idx + len(t.text)))
            for w in _title_context(self.doc.doc, t.i, t.i + 1):
                person.context.update((w.lower_, w.lemma_.lower()))
            words = [surname]
            j = t.i - 1
            while j >= 0 and t.i - j <= 3:
                w = self.doc.doc[j]
                if w.pos_ != "PROPN" or not w.text[:1].isupper() or w.lower_.rstrip(".") in self.stop_words:
                    break
                words.insert(0, w.text)
                j -= 1
            if len(words) > len(best):
                best = words
        if len(best) == 1 and self.doc.doc[head.i].ent_type_ not in ("", "PERSON"):
            return None
        person.name = canonical_person(" ".join(best), self.lex)
        self.persons[person.key] = person
        self._person_at.extend((s, e, person.key) for s, e in person.mentions)
        return person.name

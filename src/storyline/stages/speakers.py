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

The parse rules that find the speaker *span* where a cue verb's subject is not it are in
``speaker_spans`` (the attribution stage imports them from there); the speaker-roles lexicon is in
``speaker_titles``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.names import AliasLexicon, strip_title
from storyline.stages.document import ArticleDoc
from storyline.stages.speaker_names import surname_key
from storyline.stages.speaker_people import AMBIGUOUS, ArticlePeople

if TYPE_CHECKING:
    from spacy.tokens import Token


# How far back (in characters) a pronoun looks for its antecedent. Calibrated on
# PolNeAR train: 95% of "he"/"she" sources have a person mention within 1,500
# characters before them; further back the nearest person is mostly wrong.
PRONOUN_WINDOW = 1500
# How far after a description its person may first be named (the lede's description,
# the name in the next sentence).
FORWARD_WINDOW = 400


class SpeakerResolver(ArticlePeople):
    """Resolves speaker spans of one article to canonical actor names."""

    def __init__(
        self,
        doc: ArticleDoc,
        quotes: list[tuple[int, int]] | None = None,
        aliases: AliasLexicon | None = None,
    ) -> None:
        """``aliases`` gives the role holders ("France's president"): the user's lexicon when the
        run has one (``load_aliases(user_file)``), else the bundled one."""
        # A name inside a quote is what the speaker talks about, not who speaks next.
        self.quotes = sorted(quotes or [])
        self.recent_speakers: list[tuple[int, str]] = []  # (char offset, canonical name) of resolved speakers
        self.late = False  # second pass: descriptions may point forward (see resolve_late)
        super().__init__(doc, aliases)  # the article's persons and organizations

    # ---- resolution --------------------------------------------------------------
    def resolve(self, start: int, end: int) -> str | None:
        """The canonical actor named by the speaker span ``[start, end)`` of the text."""
        sdoc = self.doc.doc
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span.root
        low = head.lower_
        lemma = head.lemma_.lower()
        role_head = (lemma in self.lex.person_roles or low in self.lex.person_roles) and head.pos_ != "PROPN"
        # "the Syrian leader", "France's president": a role with a place or nation as modifier is a
        # person described, not the place; only a person's name inside it names it directly.
        # "Aid agencies", "Opponents of the Mubarak regime", "Witnesses in Misrata": a plural
        # common noun is a group; it is no person or organization named inside or near it
        # (Timeline17 audit: 24 of 44 wrongly resolved speakers). Its own mention still counts.
        group = head.pos_ == "NOUN" and "Plur" in head.morph.get("Number", [])
        name = self._named(span, persons_only=role_head, group=group)
        if name:
            return name
        if group:
            return None
        pr = self.lex.pronouns
        if low in pr["male"] or low in pr["female"]:
            return self._antecedent(start, "female" if low in pr["female"] else "male")
        if low in pr["relative"] and head.head.dep_ in ("relcl", "acl") or low in ("who", "which"):
            noun = head.head.head if head.head.dep_ in ("relcl", "acl") else None
            if noun is not None and noun.i < head.i:
                lo, hi = noun.left_edge.idx, noun.idx + len(noun.text)
                return self.resolve(lo, hi)
            return None
        if (
            low in pr["plural"]
            or low in pr["neuter"]
            or low in pr["first_singular"]
            or low in pr["first_plural"]
        ):
            return None
        lemma = head.lemma_.lower()
        if lemma in self.lex.person_roles or low in self.lex.person_roles:
            return self._described_person(span, start) or self._lexicon_role_holder(span)
        if lemma in self.lex.organization_roles or low in self.lex.organization_roles:
            return self._described_org(span, start)
        return None

    def _named(self, span, persons_only: bool = False, group: bool = False) -> str | None:
        """The person or organization the span names: the mention holding its head word; a
        proper-noun head the NER missed ("Lecointre"); else, unless the head is a plural
        ``group``, a person named inside it ("One of the lawmakers, Thierry Mariani,")."""
        start, end = span.start_char, span.end_char
        head = span.root
        at = head.idx
        for s, e, key in self._person_at:
            if s <= at < e:
                return self.persons[key].name
        if not persons_only:
            for s, e, n in self.orgs:
                if s <= at < e:
                    # the NER sometimes labels a bare surname ORG or GPE ("Hollande reiterated",
                    # "Outgoing Hollande maintained": a modifier taken into the name)
                    bare = strip_title(n)
                    p = self._surname_person(surname_key(bare, self.lex))
                    return p.name if p is not None and " " not in bare else n
        if head.pos_ == "PROPN" and not persons_only:
            name = self._proper_name(head)
            if name:
                return name
        if head.lemma_.lower() in self.lex.organization_roles:
            return None  # "Assad's regime" is not Assad
        inside = [(s, key) for s, e, key in self._person_at if s >= start and e <= end]
        if group:
            # a group named in apposition is named by its first member, as "Randy and
            # Jermaine Jackson" is ("Two objectors, Lawrence Joyce and William Graham,")
            inside = [(s, key) for s, key in inside if self._appositive_of(s, head)]
        if inside:
            return self.persons[min(inside)[1]].name
        return None

    def _appositive_of(self, at: int, head: Token) -> bool:
        """Whether the name starting at character ``at`` is in apposition to ``head``."""
        tok = self.doc.doc.char_span(at, at + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return False
        t = tok[0]
        while t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        return t.dep_ == "appos" and t.head.i == head.i

    def _mention_appositive(self, start: int, end: int, head: Token) -> bool:
        """Whether the mention ``[start, end)`` is in apposition to ``head``."""
        span = self.doc.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.dep_ == "appos" and t.head.i == head.i for t in span)

    def _antecedent(self, at: int, gender: str) -> str | None:
        """The nearest earlier speaker or person in subject position of compatible gender;
        failing that, the nearest earlier person. ("They are in Palmyra now," he said: the
        place-like "Palmyra" is an object, so "he" goes to the speaker before it.)"""
        subject: tuple[int, str] | None = None
        anyone: tuple[int, str] | None = None
        here = self._quote_at(at)
        for s, _e, key in self._person_at:
            if s >= at or at - s > PRONOUN_WINDOW or self._quote_at(s) not in (None, here):
                continue
            p = self.persons[key]
            if p.gender and p.gender != gender or key.endswith(AMBIGUOUS):
                continue  # a surname left to several people of it is no one's antecedent
            if anyone is None or s > anyone[0]:
                anyone = (s, p.name)
            if self._is_subject(s) and (subject is None or s > subject[0]):
                subject = (s, p.name)
        for s, name in self.recent_speakers:
            if s < at and at - s <= PRONOUN_WINDOW and (subject is None or s > subject[0]):
                who = next((q for q in self.persons.values() if q.name == name), None)
                if who is None or (who.gender and who.gender != gender) or who.key.endswith(AMBIGUOUS):
                    continue  # an organization cannot be "he"
                subject = (s, name)
        best = subject or anyone
        return best[1] if best else None

    def _quote_at(self, pos: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= pos < q[1]:
                return q
            if q[0] > pos:
                break
        return None

    def _is_subject(self, start: int) -> bool:
        tok = self.doc.doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return False
        t = tok[0]
        while t.dep_ in ("compound", "flat", "appos") and t.head.i != t.i:
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass", "ROOT")

    def _modifiers(self, span) -> set[str]:
        mods: set[str] = set()
        for t in span:
            if t.i == span.root.i or t.lower_ in ("the", "a", "an", "his", "her", "its", "their"):
                continue
            word = re.sub(r"[’']s$", "", t.lower_)
            if not word:
                continue  # the possessive "’s" of "France’s president"
            mods.add(word)
            mods.add(t.lemma_.lower())
            # "Syrian" also matches "Syria"; irregular ones ("French" -> "France") by the lexicon.
            mods.add(word[:4])
            if word in self.lex.demonyms:
                mods.add(self.lex.demonyms[word])
                mods.add(self.lex.demonyms[word][:4])
            # "France’s president" matches a person titled "French President" as "the French
            # president" matches one titled by the country
            for demonym in self.lex.countries_demonyms.get(word, ()):
                mods.add(demonym)
                mods.add(demonym[:4])
        return mods

    def _lexicon_role_holder(self, span) -> str | None:  # type: ignore[no-untyped-def]
        """The one person of the article that the alias lexicon gives the described role
        ("France’s president", "the French president": ``roles`` of ``aliases.yaml``) at the
        article's date, or at any date when it is unknown: the article may never title the
        person itself ("France’s president rejected ...", then just "Francois Hollande")."""
        words = [t.lower_.replace("’", "'") for t in span if t.lower_ not in ("the", "a", "an")]
        if len(words) < 2:
            return None  # a bare "the president" is no role of the lexicon
        phrase = re.sub(r" ('s)\b", r"\1", " ".join(words))
        phrases = {phrase}
        first, rest = re.sub(r"'s$", "", words[0]), " ".join(w for w in words[1:] if w != "'s")
        for demonym in self.lex.countries_demonyms.get(first, ()):
            phrases.add(f"{demonym} {rest}")
        if first in self.lex.demonyms:
            phrases.add(f"{self.lex.demonyms[first]}'s {rest}")
        aliases = self.aliases
        pub = self.doc.published
        date = pub.date if pub is not None and pub.date else self.doc.article.published
        holders = {name for ph in phrases for name in aliases.role_holders(ph, date)}
        if not holders:
            return None
        found = {p.name for p in self.persons.values() if p.mentions and aliases.lookup(p.name) in holders}
        return found.pop() if len(found) == 1 else None

    def _described_person(self, span, at: int) -> str | None:
        role = span.root.lemma_.lower()
        mods = self._modifiers(span)
        cands = []
        for p in self.persons.values():
            if not p.mentions:
                continue
            first = min(s for s, _ in p.mentions)
            # A lede names the person after describing them ("The French military chief says
            # ... Francois Lecointre made the remark"): allowed only when looking late.
            if first >= at and not (self.late and first - at <= FORWARD_WINDOW):
                continue
            ctx = p.context | {w[:4] for w in p.context} | {re.sub(r"[’']s$", "", w) for w in p.context}
            ctx |= {w[:4] for w in ctx}
            has_role = (
                role in p.context
                or span.root.lower_ in p.context
                or any(role in g and g & p.context for g in self.lex.role_groups)
            )
            n_mods = len(mods & ctx)
            if not has_role and role != "counterpart":
                continue
            before = [s for s, _ in p.mentions if s < at]
            last = max(before) if before else -first
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
        for s, e, n in self.orgs:  # "a UK-based activist group, the Syrian Observatory ...,"
            if span.start_char <= s < span.end_char and self._mention_appositive(s, e, span.root):
                return n
        prior = [(s, n) for s, e, n in self.orgs if e <= at]
        if not prior:
            return None
        mods = self._modifiers(span)
        for _s, n in reversed(prior[-3:]):
            if mods & {w.lower() for w in n.split()}:
                return n
        # Only a definite description ("the agency", "the influential US daily") takes the
        # organization named last: an indefinite or bare one ("a large trucking company", "a US
        # court") is someone new, and one with a possessor ("Morocco's Quryna newspaper") is
        # that possessor's (Timeline17 audit: the fallback gave 9 of the 44 wrong speakers).
        det = {t.lower_ for t in span.root.children if t.dep_ in ("det", "poss")}
        if det != {"the"}:
            return None
        return prior[-1][1] if at - prior[-1][0] <= PRONOUN_WINDOW else None

    def resolve_late(self, start: int, end: int) -> str | None:
        """Resolve again once every speaker of the article was seen: a description in the lede
        may name a person introduced after it, and names the NER missed are known by now."""
        self.late = True
        try:
            return self.resolve(start, end)
        finally:
            self.late = False

    def remember(self, at: int, name: str | None) -> None:
        if name:
            self.recent_speakers.append((at, name))

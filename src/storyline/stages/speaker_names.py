"""Person and organization names in the forms the speaker resolver compares and shows.

A person is keyed by surname ("Bashar Al-Assad", "Al Assad", "Assad" -> "assad") and shown in
one display form (honorifics dropped, inner particles lower case: "Bashar al-Assad"); an
organization loses its article and possessive, and a short name that is whole words of a
longer one of the article ("the Observatory") takes the longer form. These are pure string
functions over a name and the speaker-roles lexicon (honorifics, particles), kept apart from
the resolver's per-article state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storyline.stages.speaker_titles import TitleLexicon

_POSSESSIVE_END = re.compile(r"[’']s?$")


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


def name_words(name: str, lex: TitleLexicon) -> list[str]:
    """The words of a person's name without honorifics, titles and possessives."""
    words = [_strip_possessive(w) for w in name.replace("\u00a0", " ").split()]
    honorifics = lex.bare_honorifics
    while words and words[0].lower().rstrip(".") in honorifics:
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


def longer_org_names(names: Iterable[str]) -> dict[str, str]:
    """Each organization name that is whole words of a longer one of ``names`` (in text order),
    with that longer name: the longest, and of equally long ones the first in the text. (Ties
    went by set order before, so a run's speaker could change with the hash seed: "Time" was
    "Time Magazine" or "Time’s Person" in one PolNeAR train article.)"""
    ordered = sorted(dict.fromkeys(names), key=len, reverse=True)  # stable: text order within a length
    full: dict[str, str] = {}
    for n in ordered:
        word = None  # n as whole words, compiled once per name (not per pair)
        for longer in ordered:
            if len(longer) > len(n) and n in longer:
                word = word or re.compile(r"\b" + re.escape(n) + r"\b")
                if word.search(longer):
                    full[n] = longer
                    break
    return full

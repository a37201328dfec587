"""The speaker-roles lexicon: the words that tell who a speaker span can be.

``lexicons/speaker_roles.yaml`` lists the roles that describe a person ("president") or an
organization ("daily"), honorifics by gender, name particles, pronouns, female given names,
demonyms, groups of roles that stand for one another and the object-control verbs ("led Priebus
to declare"). The speaker resolver, the speaker-span parse rules and the attributions stage all
read it, so it is loaded once per process here, as frozen sets, in a module of its own.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.lexicons import load_yaml


@dataclass(frozen=True)
class TitleLexicon:
    person_roles: frozenset[str]
    organization_roles: frozenset[str]
    honorifics: dict[str, frozenset[str]]
    particles: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    female_names: frozenset[str]
    vague_org_roles: frozenset[str]
    name_stops: frozenset[str]
    demonyms: dict[str, str]
    role_groups: tuple[frozenset[str], ...]
    object_control: frozenset[str]

    @functools.cached_property
    def countries_demonyms(self) -> dict[str, tuple[str, ...]]:
        """Country -> its demonyms, the reverse of ``demonyms`` ("france" -> ("french",))."""
        out: dict[str, list[str]] = {}
        for demonym, country in self.demonyms.items():
            if demonym != country:
                out.setdefault(country, []).append(demonym)
        return {k: tuple(v) for k, v in out.items()}

    @functools.cached_property
    def all_honorifics(self) -> frozenset[str]:
        """Every honorific, made once per lexicon (read for every name and speaker)."""
        return frozenset().union(*self.honorifics.values())

    @functools.cached_property
    def bare_honorifics(self) -> frozenset[str]:
        """The honorifics without their full stop ("mr" of "mr.")."""
        return frozenset(h.rstrip(".") for h in self.all_honorifics)


@functools.lru_cache(maxsize=1)
def load_titles() -> TitleLexicon:
    data = load_yaml("speaker_roles.yaml")
    lower = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return TitleLexicon(
        person_roles=lower(data["person_roles"]),
        organization_roles=lower(data["organization_roles"]),
        honorifics={k: lower(v) for k, v in data["honorifics"].items()},
        particles=lower(data["name_particles"]),
        pronouns={k: lower(v) for k, v in data["pronouns"].items()},
        female_names=lower(data["given_names"]["female"]),
        vague_org_roles=lower(data["vague_organization_roles"]),
        name_stops=lower(data["name_stop_words"]),
        demonyms={str(k).lower(): str(v).lower() for k, v in data["demonyms"].items()},
        role_groups=tuple(lower(v) for v in data["role_groups"].values()),
        object_control=lower(data["object_control_verbs"]),
    )

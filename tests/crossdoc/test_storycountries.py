"""Country profiles for the story grouping's country guard: which names count, and for which country."""

from __future__ import annotations

import pytest

from storyline.crossdoc.storycountries import country_counts, key_country, profile_cosine, title_countries


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("libya", "LY"),  # a country
        ("benghazi", "LY"),  # a city by its GeoNames name
        ("libyan", "LY"),  # a demonym (lexicons/countries.yaml)
        ("libyans", "LY"),  # its plural, added
        ("u s", "US"),  # "U.S." as entity_key writes it
        ("britain", "GB"),
        ("texas", "US"),  # a US state
        ("georgia", "GE"),  # the country, not the US state
        ("white house", None),  # an alternate name of Casablanca: alternate city names do not count
        ("reuters", None),
        ("arab", None),  # no single country
    ],
)
def test_key_country_table(key: str, code: str | None) -> None:
    assert key_country(key) == code


def test_country_counts_sum_entity_weights_per_country() -> None:
    entities = {
        "e:egypt": 3.0,
        "e:cairo": 2.0,
        "e:egyptians": 1.0,
        "p:mubarak": 4.0,
        "e:u s": 1.0,
        "e:reuters": 2.0,
    }
    assert country_counts(entities) == {"EG": 6.0, "US": 1.0}


def test_profile_cosine() -> None:
    assert profile_cosine({"EG": 3.0}, {"EG": 1.0}) == pytest.approx(1.0)
    assert profile_cosine({"EG": 1.0}, {"LY": 1.0}) == 0.0
    assert profile_cosine({}, {"LY": 1.0}) == 0.0
    assert profile_cosine({"EG": 1.0, "US": 1.0}, {"US": 1.0}) == pytest.approx(2**-0.5)


@pytest.mark.parametrize(
    ("title", "counts"),
    [
        # a Timeline17 photo caption (t17_syria_227), its text only a credit line
        (
            "The German Frigate ` Hamburg ' patrols after destroying two fishing boats off the coast of Somalia",
            {"DE": 1.0, "SO": 1.0},  # a demonym and a country; the city (Hamburg) does not count
        ),
        ("Civil War reenactor of Allegany , New York poses in Manassas , Virginia", {"US": 2.0}),  # states
        ("U.S. and Libyan officials meet in Paris", {"US": 1.0, "LY": 1.0}),
        ("Union camp on the eve of the First Battle", {}),  # capitalized words that are no country
        ("", {}),
        (None, {}),
    ],
)
def test_title_countries(title: str | None, counts: dict[str, float]) -> None:
    assert title_countries(title) == counts


def test_every_country_code_is_a_string() -> None:
    """YAML 1.1 reads a bare ``NO`` (Norway) as false: the actors stage then failed on any dossier
    naming a "Norwegian" (pyarrow: "Expected bytes, got a 'bool' object") and stored no actors."""
    from storyline.crossdoc.storycountries import demonym_country
    from storyline.lexicons import load_yaml

    assert all(isinstance(code, str) and len(code) == 2 for code in load_yaml("countries.yaml")["countries"])
    assert demonym_country("Norwegian") == "NO"

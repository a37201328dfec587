"""The dispatcher's table after the split of the normalizers into modules by concern.

Every rule of lexicons/time_rules.yaml without a fixed value names a normalizer that the table
holds, and every normalizer the table holds lives in one of the concern modules (not in the
dispatcher itself) and is used by some rule.
"""

from __future__ import annotations

from storyline.temporal import dates, days, durations, normalize, periods, relative
from storyline.temporal.finder import rules

CONCERNS = (dates, days, periods, relative, durations)


def test_every_rule_norm_has_a_normalizer() -> None:
    missing = {r.name: r.norm for r in rules() if r.value is None and r.norm not in normalize._NORMALIZERS}
    assert missing == {}


def test_every_normalizer_is_used_and_lives_in_a_concern_module() -> None:
    used = {r.norm for r in rules() if r.value is None}
    assert set(normalize._NORMALIZERS) <= used
    homes = {fn.__module__ for fn in normalize._NORMALIZERS.values()}
    assert homes == {m.__name__ for m in CONCERNS}

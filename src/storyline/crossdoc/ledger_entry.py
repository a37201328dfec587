"""The ledger's record of one claim: the claim with its article's outlet and day and what the
ledger reads of it (measure, country, place). Its own module so that the claim scope
(:mod:`storyline.crossdoc.claim_scope`), the grouping (:mod:`storyline.crossdoc.claim_grouping`)
and the ledger (:mod:`storyline.crossdoc.ledger`) share it with no import cycle."""

from __future__ import annotations

from dataclasses import dataclass

from storyline.records import Claim


@dataclass(frozen=True)
class LedgerEntry:
    claim: Claim
    outlet: str | None
    published: str | None
    measure: str | None
    country: str | None  # common country name ("Syria")
    place: str | None = None  # the place named closest to the claim in its sentence

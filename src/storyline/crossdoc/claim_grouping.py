"""The claims ledger's grouping: claims of one measure and one country (see
:mod:`storyline.crossdoc.ledger`) grouped into quantities.

Within a measure and country a group holds only claims that are pairwise the same thing
(:func:`claim_distance`): the same counted subject when both name one ("civilians killed" and
"soldiers killed" are two; "people killed" counts anyone), the same place when both name one
(the place named closest in the sentence: "killed in Homs", "killed in Hama"), not two different
numbers of one article, and numbers a reader calls one figure or a disagreement about it: of one
as-of day, at most ``MAGNITUDE_RATIO`` apart; of different days, a running total retold or
updated (at most ``REPEAT_RATIO`` and ``REPEAT_DAYS`` apart) or an incident's count retold (the
same value, at most ``INCIDENT_DAYS`` apart). Groups are built complete-link (closest pair first,
every pair in a group within those bounds), so no chain of neighbours joins "3 killed" to "800
killed" (single-link chaining had put 54 claims of 3 to 800 deaths into one "deaths in Egypt"
group of Timeline17).

Claims :func:`claim_distance` cannot tell apart are one node of the grouping (:class:`_Node`),
and only pairs of nodes that may share a group are scored (:func:`_candidate_pairs`), so the work
grows with the distinct figures, not with the square of the claims.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.crossdoc.claim_scope import as_of_days, claim_scope, counted_subject, is_vague
from storyline.crossdoc.ledger_entry import LedgerEntry

# Two claims of one as-of day are one quantity (one figure, or a disagreement about it) while the
# larger value is at most this multiple of the smaller: disputed tolls of one day differ by less
# (the H1N1 conflict of BENCHMARKS.md, 48 and 40 deaths: 1.2x; 12 and 20 dead in one shelling in
# the web tests: 1.7x); distinct events of one day by 10x and more.
MAGNITUDE_RATIO = 2.0
# Two claims of different days are one quantity only as a figure repeated or barely updated. A
# running total ("the war has killed ...") is retold for weeks: two figures of at least
# STANDING_MIN are one quantity at most REPEAT_RATIO and REPEAT_DAYS apart. Calibrated on the
# seeds (AFP's "more than 310,000" dead in Syria on 9 January 2017, Gulf News' "more than 300,000"
# on 16 February: 1.03x, 38 days) and on Timeline17 (BENCHMARKS.md "Claims and framing"): Human
# Rights Watch's Egypt toll "about 300", "more than 300", "302" on 10-12 February 2011, the UN's
# Syria toll "3,000" on 15-17 October 2011, "some 3,500" a month on (1.17x). A smaller count, or a
# plural of no figure ("thousands of protesters"), is of one incident or crowd, retold a day or
# two: one quantity with the same value at most INCIDENT_DAYS apart (a plural of no figure: of
# one as-of day, week or month, the crowds of other days differ). With one ratio for every day
# (the old rule), tolls of other incidents ("five people" on 29 January, "six astronauts" on the
# 28th, "eight" on 3 February) and the crowds of other days were one group.
STANDING_MIN = 100
REPEAT_RATIO = 1.2
REPEAT_DAYS = 45
INCIDENT_DAYS = 3
# How the merge order weighs days against values: REPEAT_DAYS apart weighs as REPEAT_RATIO does,
# and any two claims of one day come before any of two days (ANOTHER_DAY), so that the figures a
# day's sources dispute meet first and retellings join after where they fit (H1N1, 25 April 2009:
# "48 deaths" and Mexico's "40 other deaths"; with no such order "48" went first to its retelling
# of the 26th, which may not join 40, and the dispute was lost).
DAY_WEIGHT = math.log(REPEAT_RATIO) / REPEAT_DAYS
ANOTHER_DAY = math.log(MAGNITUDE_RATIO)
# Two claims speak of the same time when their as-of days are at most this far apart. On two
# Timeline17 dossiers (40 Syria and 40 Libya articles, BENCHMARKS.md "Claims and framing") all 22
# groups flagged by value alone held counts of different days (daily tolls of different
# incidents, a toll growing week by week); with one day of slack the two pairs still flagged
# were counts of consecutive days (two incidents; Tomahawks fired, 110 then 124). A report's
# "yesterday" is already resolved to its day by the time stage.
AS_OF_DAYS = 0


@dataclass(frozen=True)
class _Scoped:
    """A ledger entry with what :func:`claim_distance` compares."""

    entry: LedgerEntry
    subject: str | None
    scope: str | None
    days: tuple[date, date] | None
    vague: bool
    standing: bool  # a figure that can be a running total (see STANDING_MIN)


def claim_distance(a: _Scoped, b: _Scoped) -> float | None:
    """How far apart two claims of one measure and country are, None when they are not claims of one
    quantity (see the module docstring): another subject or place named by both, or numbers too
    far apart for their days."""
    if a.entry.claim.article_id == b.entry.claim.article_id and a.entry.claim.value != b.entry.claim.value:
        return (
            None  # an article giving two numbers of one measure counts two things ("35 students", "about 20")
        )
    if a.subject and b.subject and a.subject != b.subject:
        return None
    if a.scope and b.scope and a.scope != b.scope:
        return None
    small, large = sorted((a.entry.claim.value, b.entry.claim.value))
    ratio = large / small if small > 0 else (1.0 if large == small else math.inf)
    gap = 0
    if a.days and b.days:
        gap = max(0, (b.days[0] - a.days[1]).days, (a.days[0] - b.days[1]).days)
    one_day = a.days is not None and b.days is not None and a.days[0] == a.days[1] and b.days[0] == b.days[1]
    apart = ANOTHER_DAY
    if one_day and gap <= AS_OF_DAYS:
        limit, apart = MAGNITUDE_RATIO, 0.0
    elif a.standing and b.standing and gap <= REPEAT_DAYS:
        limit = REPEAT_RATIO  # another day (or a week, month, year, or no day known): a total retold
    elif gap <= (0 if a.vague or b.vague else INCIDENT_DAYS):
        limit = 1.0  # an incident's count retold; "thousands of protesters" only of one day (or week)
    else:
        return None
    if ratio > limit:
        return None
    return math.log(ratio) + apart + gap * DAY_WEIGHT


class _Node:
    """Claims that :func:`claim_distance` cannot tell apart (one value, subject, scope, days,
    vagueness and standing: wire copies of one figure, one article retelling it) as one node of
    the grouping. Any two of them are one quantity, and each is as far from any other claim as
    the others are, but for the rule that an article's two different numbers are two things:
    ``articles`` keeps every article of the node for that."""

    __slots__ = ("articles", "members", "rep")

    def __init__(self, first: _Scoped, at: int) -> None:
        self.rep = first
        self.members = [at]  # places in the items grouped
        self.articles = {first.entry.claim.article_id}


def _node_distance(a: _Node, b: _Node) -> float | None:
    """The complete-link distance of two nodes: that of their representatives, None when one
    article holds a claim of each and their values differ."""
    if a.rep.entry.claim.value != b.rep.entry.claim.value and not a.articles.isdisjoint(b.articles):
        return None
    return claim_distance(a.rep, b.rep)


# Days of a claim of no known day in the candidate search: as far before and after every day as
# the gap rule of claim_distance needs (a gap of 0 to any claim).
_NO_DAY = 10**9


def _candidate_pairs(nodes: list[_Node]) -> list[tuple[float, int, int]]:
    """(distance, i, j), i < j, for every pair of ``nodes`` (sorted by value) that may share a
    group, found in two blocks: claims of one day, each against those of its day up to
    MAGNITUDE_RATIO above it; any other pair, each against all up to REPEAT_RATIO above it. Numpy
    drops from each window the pairs :func:`claim_distance` rejects for their days, subjects and
    places (it keeps any it is unsure of: ratios get a hair of slack), and claim_distance decides
    on those left, so the pairs are those of a scan of every pair at the cost of the windows."""
    import numpy as np

    reps = [n.rep for n in nodes]
    value = np.array([r.entry.claim.value for r in reps], dtype=np.float64)
    first = np.array([r.days[0].toordinal() if r.days else -_NO_DAY for r in reps], dtype=np.int64)
    last = np.array([r.days[1].toordinal() if r.days else _NO_DAY for r in reps], dtype=np.int64)
    one_day = np.array([r.days is not None and r.days[0] == r.days[1] for r in reps])
    standing = np.array([r.standing for r in reps])
    vague = np.array([r.vague for r in reps])
    codes: dict[str | None, int] = {None: 0}
    subject = np.array([codes.setdefault(r.subject, len(codes)) for r in reps], dtype=np.int64)
    scope = np.array([codes.setdefault(r.scope, len(codes)) for r in reps], dtype=np.int64)
    slack = 1 + 1e-9
    # With AS_OF_DAYS 0 a pair of "one time" (MAGNITUDE_RATIO) is a pair of one day, found in the
    # blocks of each day; with more, the scan of every node looks as far as MAGNITUDE_RATIO.
    by_day = AS_OF_DAYS == 0
    pairs: list[tuple[float, int, int]] = []

    def keep(i: int, js: Any, same_day: bool) -> None:
        """Pairs of node ``i`` and nodes ``js`` (all above it) that claim_distance accepts."""
        agree = ((subject[js] == 0) | (subject[i] == 0) | (subject[js] == subject[i])) & (
            (scope[js] == 0) | (scope[i] == 0) | (scope[js] == scope[i])
        )
        gap = np.maximum(0, np.maximum(first[js] - last[i], first[i] - last[js]))
        one = one_day[i] & one_day[js] & (gap <= AS_OF_DAYS)
        if same_day:
            ok = agree & one
        elif value[i] > 0:
            retold = (
                standing[i]
                & standing[js]
                & (gap <= REPEAT_DAYS)
                & (value[js] <= value[i] * REPEAT_RATIO * slack)
            )
            incident = (value[js] == value[i]) & (gap <= np.where(vague[i] | vague[js], 0, INCIDENT_DAYS))
            ok = agree & ((~one & (retold | incident)) | (one & (not by_day)))
        else:
            ok = agree & (~one | (not by_day))  # zero (or below): claim_distance decides
        for j in js[ok].tolist():
            d = _node_distance(nodes[i], nodes[j])
            if d is not None:
                pairs.append((d, i, j))

    # One day: the nodes of each day (in value order), each against those up to MAGNITUDE_RATIO above.
    days: dict[int, list[int]] = defaultdict(list)
    for i in np.flatnonzero(one_day).tolist():
        days[int(first[i])].append(i)
    for members in days.values() if by_day else ():
        block = np.array(members, dtype=np.int64)
        ends = np.searchsorted(value[block], np.maximum(value[block], 0) * MAGNITUDE_RATIO, side="right")
        for at, i in enumerate(members):
            if ends[at] > at + 1:
                keep(i, block[at + 1 : ends[at]], same_day=True)
    # Other days (or days unknown, or a week, month or year): within REPEAT_RATIO (equal values
    # for an incident retold), any node against those above it.
    reach = max(REPEAT_RATIO, 1.0) if by_day else max(REPEAT_RATIO, MAGNITUDE_RATIO)
    ends = np.searchsorted(value, np.maximum(value, 0) * reach * slack, side="right")
    for i in range(len(nodes)):
        if ends[i] > i + 1:
            keep(i, np.arange(i + 1, ends[i]), same_day=False)
    return pairs


def complete_link(items: list[_Scoped]) -> list[list[_Scoped]]:
    """Groups of ``items`` (sorted by value) in which every pair is one quantity: the two closest
    groups (complete link: the distance of their farthest pair) merge first while they may, ties
    by the lowest item (in ``items``' order) of each. Claims claim_distance cannot tell apart
    start as one node (:class:`_Node`; wire copies of one figure are one node however many), and
    only pairs of nodes that may share a group are kept (:func:`_candidate_pairs`), so the work
    grows with the distinct figures and those pairs, not with the square of the claims."""
    nodes: list[_Node] = []
    node_of: dict[tuple[Any, ...], _Node] = {}
    for n, s in enumerate(items):
        key = (s.entry.claim.value, s.subject, s.scope, s.days, s.vague, s.standing)
        node = node_of.get(key)
        if node is None:
            node_of[key] = node = _Node(s, n)
            nodes.append(node)
        else:
            node.members.append(n)
            node.articles.add(s.entry.claim.article_id)
    # Ties of distance fall by the first claim of each node in ``items``' order (node ids run in
    # that order), so a dossier's wire copies (more claims of its nodes, all after the first)
    # change no group.
    pairs = _candidate_pairs(nodes)
    near: dict[int, dict[int, float]] = {i: {} for i in range(len(nodes))}
    for d, i, j in pairs:
        near[i][j] = near[j][i] = d
    # The pairs in merge order: the candidate pairs sorted once (read from the end), the pairs of
    # merged groups on a heap; the next pair is the lesser of the two heads.
    pairs.sort(reverse=True)
    heap: list[tuple[float, int, int]] = []
    members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
    k = len(nodes)
    while pairs or heap:
        if heap and (not pairs or heap[0] < pairs[-1]):
            d, i, j = heapq.heappop(heap)
        else:
            d, i, j = pairs.pop()
        if i not in members or j not in members:
            continue  # one of the two has merged since
        k += 1  # a fresh id, above every id used so far
        members[k] = members.pop(i) + members.pop(j)
        near_i, near_j = near.pop(i), near.pop(j)
        near[k] = {}
        for other, di in near_i.items():
            if other == j:
                continue
            del near[other][i]
            dj = near_j.get(other)
            if dj is not None:  # every pair of the merged group and ``other`` may share a group
                near[other][k] = near[k][other] = max(di, dj)
                heapq.heappush(heap, (near[k][other], other, k))
        for other in near_j:
            if other != i:
                del near[other][j]
    return [[items[n] for n in sorted(n for i in m for n in nodes[i].members)] for m in members.values()]


def scoped_all(items: list[LedgerEntry]) -> list[_Scoped]:
    """Each entry with what :func:`claim_distance` compares, the lexicon and gazetteer look-ups
    made once per distinct counted noun, text and place (wire copies repeat them)."""
    subjects: dict[tuple[str | None, str | None], str | None] = {}
    vagueness: dict[str, bool] = {}
    scopes: dict[tuple[str | None, str | None], str | None] = {}
    out = []
    for e in items:
        c = e.claim
        if (c.counts, e.measure) not in subjects:
            subjects[(c.counts, e.measure)] = counted_subject(c.counts, e.measure)
        if c.text not in vagueness:
            vagueness[c.text] = is_vague(c)
        if (e.place, e.country) not in scopes:
            scopes[(e.place, e.country)] = claim_scope(e)
        vague = vagueness[c.text]
        # a share ("half the country's population displaced") is a standing figure too
        standing = (c.value >= STANDING_MIN or 0 < c.value < 1) and not vague
        out.append(
            _Scoped(
                e,
                subjects[(c.counts, e.measure)],
                scopes[(e.place, e.country)],
                as_of_days(e),
                vague,
                standing,
            )
        )
    return out

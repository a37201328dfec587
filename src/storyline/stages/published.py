"""The publication date of an article: given by the input, else inferred from its content.

Inference scores every day of the plausible years by how well it agrees with the dated
evidence of the text, each item read with the tense of its clause:
- absolute dates reported in the past lie before publication, announced ones after it;
- month-days without a year ("December 22") lie near it, and news style (AP: weekday names
  for the seven days around publication, month and day beyond) says how near;
- weekdays ("on Thursday", "to be aired Monday") point at the days just before or after it;
- "last month" agrees with a month-day that lies in the month before it;
- explicit years bound the year, and durations of conflicts with a known start ("the
  nearly six-year conflict" in Syria) fix it where no year is written.
The best day, the range of days that score almost as well, and a confidence come back;
with no year evidence the answer is ``unknown`` rather than a guess. An answer with no day is
then placed within the terms of the office holders the text names with their title ("President
Barack Obama said": 2009-2017, ``lexicons/office_terms.yaml``): a range, never a day.

This module gives the date the input gives (:func:`infer_publication_date`), else puts the
inference together; the pieces live beside it: the evidence items and those of the time
expressions (``published_evidence``), those of conflicts, office terms and rulers
(``published_anchors``), the score of a day (``published_scoring``), the best day, its range
and confidence (``published_day``) and the bounds of an answer with no day (``published_bounds``).
"""

from __future__ import annotations

from datetime import date

from storyline.records import PublicationDate
from storyline.stages.document import ArticleDoc
from storyline.stages.published_anchors import conflict_durations, office_terms, rule_durations
from storyline.stages.published_bounds import before_planned_year, within_terms
from storyline.stages.published_day import infer_day
from storyline.stages.published_evidence import Evidence, timex_evidence


def describe(day: object, earliest: object, latest: object) -> str:
    """A publication date for a narrow listing column: the day, else its range on lines of ten
    characters ("1996-12-01 / to / 2000-12-30", "from / 1998-03-12", "until / 1990-12-31"), else
    "". Values may be dates or ISO strings, as a store returns them."""
    if day:
        return str(day)[:10]
    if earliest and latest:
        return f"{str(earliest)[:10]}\nto\n{str(latest)[:10]}"
    if earliest:
        return f"from\n{str(earliest)[:10]}"
    if latest:
        return f"until\n{str(latest)[:10]}"
    return ""


def infer_publication_date(doc: ArticleDoc, as_of: date | None = None) -> PublicationDate:
    """The article's publication date with how it is known and a confidence.

    ``as_of`` is the day the text is read on (the pipeline passes the day it is made): no
    article is written later, so a date the text reports as past after it is a misread number,
    not a bound. None (the default) keeps every such date. The answer depends on the document
    and ``as_of`` alone, never on the clock."""
    given = doc.article.published
    if given:
        how = doc.article.published_how if doc.article.published_how in ("given", "metadata") else "given"
        return PublicationDate(given[:10], given[:10], given[:10], how, 1.0, f"{how} by the input")
    return infer_from_text(doc, as_of)


def infer_from_text(doc: ArticleDoc, as_of: date | None = None) -> PublicationDate:
    evidence = collect_evidence(doc)
    return within_terms(before_planned_year(infer_day(evidence, as_of), evidence), evidence)


def collect_evidence(doc: ArticleDoc) -> list[Evidence]:
    """Every dated item of the text: its time expressions, then conflict durations, office
    terms and rule lengths."""
    out = timex_evidence(doc)
    out.extend(conflict_durations(doc))
    out.extend(office_terms(doc))
    out.extend(rule_durations(doc))
    return out

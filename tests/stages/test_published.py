"""Publication dates: given by the input, or inferred from the text with a range and a confidence."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.records import Article
from storyline.stages.document import ArticleDoc
from storyline.stages.published import describe, infer_publication_date
from storyline.stages.published_evidence import Evidence
from storyline.stages.published_scoring import score_days
from storyline.testing import article_doc

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


def seed(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def test_given_date_is_returned_as_given() -> None:
    doc = article_doc("Talks resumed on Friday.", published="2017-02-17")
    result = infer_publication_date(doc)
    assert (result.date, result.how, result.confidence) == ("2017-02-17", "given", 1.0)


def test_metadata_date_keeps_how() -> None:
    parsed = article_doc("Talks resumed on Friday.")
    article = Article(
        id="m", text=parsed.text, raw=parsed.text, published="2016-05-02", published_how="metadata"
    )
    result = infer_publication_date(ArticleDoc(article=article, doc=parsed.doc))
    assert (result.date, result.earliest, result.latest, result.how) == ("2016-05-02",) * 3 + ("metadata",)


def test_seed_001_is_inferred_as_january_8_or_9_2017() -> None:
    result = infer_publication_date(article_doc(seed("001")))
    assert result.how == "inferred"
    assert result.date in ("2017-01-08", "2017-01-09")
    assert result.earliest is not None and result.latest is not None
    assert result.earliest <= result.date <= result.latest
    assert 0.0 < result.confidence <= 1.0


def test_seed_000_is_inferred_in_february_2017() -> None:
    result = infer_publication_date(article_doc(seed("000")))
    assert result.how == "inferred"
    assert result.date is not None and result.date.startswith("2017-02")
    assert result.date < "2017-02-23"  # "due to begin in Geneva on February 23" is still to come


@pytest.mark.parametrize(("prefix", "truth"), [("002", "2014-08-28"), ("003", "2018-01-12")])
def test_weak_evidence_gives_no_confident_date(prefix: str, truth: str) -> None:
    # 002 and 003 only write years older than their dates (truth: the articles' own pages).
    # 002 names the "four-month" conflict in eastern Ukraine: a range of weeks, no single day.
    result = infer_publication_date(article_doc(seed(prefix)))
    assert result.how in ("unknown", "inferred")
    assert result.date is None
    assert result.earliest is None or result.earliest <= truth
    assert result.latest is None or truth <= result.latest


def test_no_dated_evidence_is_unknown() -> None:
    result = infer_publication_date(article_doc("The minister spoke to reporters about the economy."))
    assert (result.date, result.how, result.confidence) == (None, "unknown", 0.0)


def test_full_date_in_the_body_is_only_a_lower_bound() -> None:
    # News style writes the year only for other years' dates: the article is later, not dated.
    text = (
        "Police said on Tuesday that the suspect was arrested on March 3, 2015. He was charged on Wednesday."
    )
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date, result.earliest, result.latest) == ("unknown", None, "2015-03-03", None)


def test_dateline_date_fixes_the_day() -> None:
    text = (
        "JOHANNESBURG, August 7, 1998 (Xinhua) -- South Africa deplored on Friday the bomb blasts in Nairobi."
    )
    result = infer_publication_date(article_doc(text))
    assert result.how == "inferred"
    assert result.date in ("1998-08-07", "1998-08-08")


def test_weekday_with_month_day_names_the_year() -> None:
    # Jan. 25 was a Tuesday in 2011 (not in 2012): with "2010" as the lower bound the year follows.
    text = (
        "Protests began on Tuesday, Jan. 25, and spread to Suez. "
        "Mubarak has ruled since 1981 and was re-elected in 2010. Police fired tear gas on Friday."
    )
    result = infer_publication_date(article_doc(text))
    assert result.how == "inferred"
    assert result.earliest is not None and result.earliest.startswith("2011-0")


def test_time_of_day_dates_are_read_as_days() -> None:
    # "the night of Aug. 23" (a TIME value) is month-day evidence; with no year it stays unknown
    text = "On the night of Aug. 23 the rebels attacked a base. Talks failed on Friday."
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date) == ("unknown", None)


@pytest.mark.parametrize(
    ("text", "how", "earliest", "latest"),
    [
        # the term of the office holder named with the title, 31 days' grace at each end; named
        # only in a past clause, the term's end counts a year later (it may be told of as past)
        ("Vice President Joe Biden will visit Kiev next week.", "inferred", "2008-12-20", "2017-02-20"),
        (
            "President Barack Obama said on Tuesday that talks would go on.",
            "inferred",
            "2008-12-20",
            "2018-01-20",
        ),
        ("President Hosni Mubarak ruled Egypt for three decades.", "inferred", "1981-09-13", "2012-02-11"),
        # two holders: the intersection of their terms
        (
            "Secretary-General Kofi Annan met President Boris Yeltsin in Moscow on Friday.",
            "inferred",
            "1996-12-01",
            "2000-12-30",
        ),
        # a term that ended before another began is told of as past and left out
        (
            "Under President George W. Bush, troops entered Iraq. President Obama said that they would leave.",
            "inferred",
            "2008-12-20",
            "2018-01-20",
        ),
        # a year reported as past raises the lower bound
        (
            "The law was passed in 1996. President Clinton said on Monday that it had worked.",
            "inferred",
            "1996-01-01",
            "2002-01-20",
        ),
        # a word before the title says the holder has left: nothing is known
        ("Former President Bill Clinton spoke at the dinner on Friday.", "unknown", None, None),
        ("Mourners gathered for the late King Hussein on Sunday.", "unknown", None, None),
        ("Crowds toppled President Hosni Mubarak.", "unknown", None, None),
        ("Talks with former UN Secretary-General Kofi Annan failed on Friday.", "unknown", None, None),
        # a year of the term in the sentence dates the mention: it tells of that time
        (
            "There were similar concerns in 1991, when King Hussein remained neutral.",
            "unknown",
            "1991-01-01",
            None,
        ),
        # a term that ended before a date the text reports as past is told of as past
        (
            "In March 2012 Syria accepted a peace proposal from Secretary-General Kofi Annan. "
            "President Assad is ignoring it.",
            "inferred",
            "2012-03-01",
            "2025-01-08",
        ),
        # a title alone, or a name alone, is no evidence
        ("The president said on Tuesday that talks would go on.", "unknown", None, None),
        ("Obama said on Tuesday that talks would go on.", "unknown", None, None),
        # a still-serving holder gives only a lower bound
        ("President Vladimir Putin said on Tuesday that talks would go on.", "unknown", "1999-11-30", None),
    ],
)
def test_office_holders_give_a_range(text: str, how: str, earliest: str | None, latest: str | None) -> None:
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date, result.earliest, result.latest) == (how, None, earliest, latest)
    assert (result.confidence > 0) == (latest is not None)


@pytest.mark.parametrize(
    ("text", "how", "earliest", "latest"),
    [
        # Gadhafi's rule began on 1969-09-01: "nearly 42" is 41 to 42 years on
        (
            "Protesters demanded an end to Gadhafi's nearly 42-year rule on Friday.",
            "inferred",
            "2010-09-01",
            "2011-09-01",
        ),
        # Mubarak's from 1981-10-14; a count without qualifier may be rounded either way
        (
            "Mubarak, who has been in power for 30 years, spoke on Tuesday.",
            "inferred",
            "2010-10-14",
            "2012-10-14",
        ),
        # with his title, his term's end (and its grace) is the tighter upper bound
        (
            "President Hosni Mubarak faces the greatest threat yet to his 30-year regime.",
            "inferred",
            "2010-10-14",
            "2011-03-14",
        ),
        # a count of the whole rule told in the past may come long after it: a lower bound only
        ("Suharto's 32-year rule ended in May.", "unknown", "1998-03-12", None),
        # a duration that is not of the rule says nothing
        ("The eight-year war with Iran ruined Saddam's economy.", "unknown", None, None),
    ],
)
def test_length_of_a_rule_gives_a_range(
    text: str, how: str, earliest: str | None, latest: str | None
) -> None:
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date, result.earliest, result.latest) == (how, None, earliest, latest)


@pytest.mark.parametrize(
    ("text", "how", "earliest", "latest"),
    [
        # a year reported as past below, a year planned for above
        (
            "The company said it would complete the plant in 1991. Sales rose in 1988.",
            "inferred",
            "1988-01-01",
            "1991-12-31",
        ),
        ("The plant will be finished by the end of 1990.", "unknown", None, "1990-12-31"),
        # "since 1974" in a future clause is no plan
        (
            "It is the first such curb since 1974 and will be finalized by the end of the month.",
            "unknown",
            None,
            None,
        ),
        # a forecast told in the past is no lower bound either
        ("Analysts were predicting 1990 earnings of $3.90 a share.", "unknown", None, None),
    ],
)
def test_planned_years_bound_above(text: str, how: str, earliest: str | None, latest: str | None) -> None:
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date, result.earliest, result.latest) == (how, None, earliest, latest)


LIVE_REPORT = "Earlier 50,000 people had been killed 2032 Gen Douglas Fraser said aid flights were landing."


@pytest.mark.parametrize(
    ("as_of", "earliest"), [(date(2031, 12, 31), None), (date(2032, 1, 1), "2032-01-01")]
)
def test_a_past_date_after_the_reading_day_is_no_bound(as_of: date, earliest: str | None) -> None:
    # a live report's time read as a year ("2032 Gen Douglas Fraser says"): no article reports
    # as past a day after the day it is read on
    result = infer_publication_date(article_doc(LIVE_REPORT), as_of=as_of)
    assert (result.how, result.date, result.earliest) == ("unknown", None, earliest)


def test_the_answer_does_not_depend_on_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import storyline.stages.published_day as published_day

    doc = article_doc(LIVE_REPORT)
    reading_days = (None, date(2010, 1, 1), date(2040, 1, 1))
    expected = [infer_publication_date(doc, as_of=d) for d in reading_days]

    class NoClock(date):
        @classmethod
        def today(cls) -> NoClock:
            raise AssertionError("the published stage read the clock")

    monkeypatch.setattr(published_day, "date", NoClock)
    assert [infer_publication_date(doc, as_of=d) for d in reading_days] == expected
    # with no reading day the date stays a bound; a reading day before it drops it
    assert [r.earliest for r in expected] == ["2032-01-01", None, "2032-01-01"]


def test_range_from_office_terms_keeps_a_full_date_bound() -> None:
    # "March 3, 2015" reported as past (lower bound) with Obama's term (upper bound)
    text = "The suspect was arrested on March 3, 2015. President Obama said on Tuesday that he was dangerous."
    result = infer_publication_date(article_doc(text))
    assert (result.how, result.date, result.earliest, result.latest) == (
        "inferred",
        None,
        "2015-03-03",
        "2018-01-20",
    )


@pytest.mark.parametrize(
    ("day", "earliest", "latest", "shown"),
    [
        ("2017-01-08", "2017-01-08", "2017-01-09", "2017-01-08"),
        (None, date(1996, 12, 1), date(2000, 12, 30), "1996-12-01\nto\n2000-12-30"),
        (None, "1998-03-12", None, "from\n1998-03-12"),
        (None, None, "1990-12-31", "until\n1990-12-31"),
        (None, None, None, ""),
    ],
)
def test_describe_shows_a_range_when_there_is_no_day(
    day: str | None, earliest: object, latest: object, shown: str
) -> None:
    assert describe(day, earliest, latest) == shown


_TENSES = st.sampled_from(["past", "future", "present", None])
_DAYS = st.dates(min_value=date(2010, 1, 1), max_value=date(2020, 12, 31))
_EVIDENCE = st.one_of(
    st.builds(Evidence, st.just("full_date"), _TENSES, st.just("x"), day=_DAYS),
    st.builds(
        Evidence,
        st.just("month_day"),
        _TENSES,
        st.just("x"),
        month=st.integers(1, 12),
        dom=st.integers(1, 31),
    ),
    st.builds(
        Evidence,
        st.just("weekday_date"),
        _TENSES,
        st.just("x"),
        month=st.integers(1, 12),
        dom=st.integers(1, 31),
        weekday=st.integers(1, 7),
    ),
    st.builds(
        Evidence,
        st.just("dateline"),
        st.none(),
        st.just("x"),
        day=st.none() | _DAYS,
        month=st.integers(1, 12),
        dom=st.integers(1, 28),
    ),
    st.builds(Evidence, st.just("weekday"), _TENSES, st.just("x"), weekday=st.integers(1, 7)),
    st.builds(Evidence, st.just("year"), _TENSES, st.just("x"), year=st.integers(2009, 2021)),
    st.builds(Evidence, st.just("month"), _TENSES, st.just("x"), month=st.integers(1, 12)),
    st.builds(Evidence, st.just("last_month"), _TENSES, st.just("x")),
    st.builds(Evidence, st.just("years_since"), st.none(), st.just("x"), earliest=_DAYS, latest=_DAYS),
)


@given(st.lists(_EVIDENCE, max_size=12), _DAYS, st.integers(1, 60))
@settings(max_examples=100, deadline=None)
def test_scoring_many_days_at_once_scores_each_day_as_alone(evidence: list, first: date, n: int) -> None:
    """score_days shares the work of repeated items and of weekdays between days; each day's
    score is still exactly the one it gets when scored on its own."""
    days = [first + timedelta(days=i) for i in range(n)]
    assert score_days(days, evidence) == [score_days([d], evidence)[0] for d in days]


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        # seed 003 (PressTV): "since September 2015" in a present perfect clause is past all the same
        (
            "Russia has been offering military assistance to Damascus since September 2015, "
            "the ministry said on Thursday.",
            "2015-09-01",
        ),
        ("Russia has been offering military assistance to Damascus since 2015.", "2015-01-01"),
        # the latest of the past dates: "in August 2014" does not lower it
        (
            "The coalition launched strikes in August 2014. Russia has been helping Damascus "
            "since September 2015.",
            "2015-09-01",
        ),
    ],
)
def test_since_a_date_is_a_lower_bound_whatever_the_tense(text: str, earliest: str) -> None:
    result = infer_publication_date(article_doc(text))
    assert (result.date, result.earliest) == (None, earliest)

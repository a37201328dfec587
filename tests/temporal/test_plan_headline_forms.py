"""A plan's date in a clause with no finite tense (issue #4, QA pass of 2026-12-07).

A headline "Handover set for May" in a report of 2011-03-01 was read as May 2010: the parser takes
the participle for a simple past ("set", "slated" VBD) or finds no verb at all ("Rate decision due
Thursday"). After the words of ``plan_lead_words`` (time_words.yaml) such a date is ahead, as
"elections scheduled for September" already read. A finite clause keeps its tense ("the vote was
set for May", TimeBank's "was set to" is past), and so does a pronoun subject ("They planned for
May"). Each row goes through the parse; a body follows the headline as in an article.
"""

from __future__ import annotations

import pytest
from tests.conftest import parsed_timex_values

BODY = "\n\nThe army said on Sunday that it would act."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle parsed as a simple past (was May 2010, June 2010)
        ("Handover set for May" + BODY, {"May": "2011-05"}),
        ("Launch slated for June" + BODY, {"June": "2011-06"}),
        # a headline noun parsed as an auxiliary ("Sentencing" auxpass): was Friday 2011-02-25
        ("Sentencing set for Friday" + BODY, {"Friday": "2011-03-04"}),
        # no verb at all: "due" an adjective (was Thursday 2011-02-24)
        ("Rate decision due Thursday" + BODY, {"Thursday": "2011-03-03"}),
        ("Vote set for Thursday" + BODY, {"Thursday": "2011-03-03"}),
        # the QA pass's headline (right already through the scheduled-event rule; kept)
        ("Vote set for May" + BODY, {"May": "2011-05"}),
        ("Referendum expected in June" + BODY, {"June": "2011-06"}),
        # guards: a finite clause keeps its tense; a pronoun subject plans in the past
        ("The vote was set for May.", {"May": "2010-05"}),
        ("They planned for May." + BODY, {"May": "2010-05"}),
        ("He was due in Paris on Thursday.", {"Thursday": "2011-02-24"}),
    ],
)
def test_plan_in_a_headline_is_ahead(text: str, expected: dict[str, str]) -> None:
    values = parsed_timex_values(text, "2011-03-01")
    assert {k: values.get(k) for k in expected} == expected

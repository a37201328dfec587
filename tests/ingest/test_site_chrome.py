"""Site chrome: the lines of a scraped page that are the site's, not the article's, and the
pages made mostly of them (skipped as ``not_article`` with their reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.build import BuildReport, _articles
from storyline.ingest.clean import chrome_reason, clean, clean_or_skip, cut_chrome, site_page_reason
from storyline.ingest.offsets import raw_to_clean
from storyline.records import Article, RawDocument, Skipped

# Lines as Timeline17 holds them (tokenized: "you 've", "-LRB-", "e-mail").
IREPORT_PAGE = [
    "Would you like to make this your default edition ?",
    "YES | NO Egyptian President Hosni Mubarak stepped down as president of Egypt on February 11 .",
    "Share your images and videos of the scene .",
    "Enter your e-mail address below and we will send you an e-mail with a link and reset code to reset"
    " your password .",
    "By clicking on `` sign up '' you agree with CNN 's Terms of Service , CNN iReport 's Terms of Service ,"
    " and CNN 's Privacy Policy and consent to the collection , storage and use of this information .",
    "-LRB- learn more -RRB- For our international users , please be aware that the information you submit"
    " when registering for our services is collected in the United States of America .",
    "By registering for this service , you are consenting to this collection , storage , and use .",
    "Please create a screen name .",
    "This screen name will be associated with your iReport stories and comments on this site .",
    "It can not be changed once you make a selection .",
    "Select one with 3-12 characters , numbers and letters only",
]
PROMO = (
    "An ultra-low latency infrastructure for electronic trading and data distribution A connected approach"
    " to governance , risk and compliance Our next generation legal research platform"
)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("You 've selected the U.S. Edition .", "edition_chooser"),
        ("You've selected the International Edition.", "edition_chooser"),
        ("Would you like to make this your default edition ?", "edition_chooser"),
        ("Please create a screen name .", "sign_up_form"),
        ("Enter your email address:", "sign_up_form"),
        ("Views expressed in the comments do not represent those of Reuters .", "comment_rules"),
        ("This discussion is now closed .", "comment_rules"),
        (
            "We welcome comments on our articles for a limited period after their publication .",
            "comment_rules",
        ),
        ("Send us your comments and experiences using the form below .", "reader_submissions"),
        ("What do you think of this story ?", "reader_submissions"),
        (
            "To play this content JavaScript must be turned on and the latest Flash player installed .",
            "player_notice",
        ),
        ("Get Wonkbook delivered to your inbox or mobile device every morning .", "subscription"),
        (
            "Browse this A-Z list to find contributors that are listed within BBC Archive Collections .",
            "archive_notice",
        ),
        ("For information on recent BBC broadcasts , please visit our Programme Pages .", "archive_notice"),
        (PROMO, "publisher_promo"),
        # article lines that share words with the chrome
        ("Facebook said on Tuesday it would change its privacy policy after the complaints.", None),
        ("The paper's U.S. edition carried the story on its front page.", None),
        ("Protesters were asked to enter their names on a list.", None),
        ("The discussion is now closed, the minister said, and the vote will go ahead.", None),
        ("Egyptian President Hosni Mubarak stepped down on February 11.", None),
    ],
)
def test_chrome_lines(line: str, rule: str | None) -> None:
    assert chrome_reason(line) == rule


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "YES | NO Egyptian President Hosni Mubarak stepped down .",
            "Egyptian President Hosni Mubarak stepped down .",
        ),
        (f"-LRB- Editing by Janet Lawrence -RRB- {PROMO}", "-LRB- Editing by Janet Lawrence -RRB-"),
        (
            "By chejian | Posted March 19 , 2011 What do you think of this story ?",
            "By chejian | Posted March 19 , 2011",
        ),
        ("Assad said the talks would go on.", "Assad said the talks would go on."),
        ("Yes or no: the referendum asks one question.", "Yes or no: the referendum asks one question."),
    ],
)
def test_chrome_cut_from_a_line(line: str, kept: str) -> None:
    start, end, _, _ = cut_chrome(line)
    assert line[start:end].strip() == kept


def test_chrome_dropped_and_offsets_kept() -> None:
    body = (
        "Rebels took the town on Friday after a week of fighting with the army around its port and airport ."
    )
    raw = f"{body}\nViews expressed in the comments do not represent those of Reuters .\n"
    raw += f"-LRB- Reporting by Barbara Lewis -RRB- {PROMO}"
    article = clean(RawDocument(text=raw, source="t", title="Rebels take town", title_in_text=False))
    assert article.text == f"{body}\n\n-LRB- Reporting by Barbara Lewis -RRB-"
    start = article.text.index("Barbara")
    assert article.to_raw(start, start + 7) == (raw.index("Barbara"), raw.index("Barbara") + 7)
    assert raw_to_clean(article.segments, raw.index("Barbara"), raw.index("Barbara") + 7) == (
        start,
        start + 7,
    )
    assert raw_to_clean(article.segments, raw.index("Views"), raw.index("Views") + 5) is None  # dropped line
    assert site_page_reason(RawDocument(text=raw, source="t")) is None  # an article with a footer
    # footers (comment rules, promotions) close real articles: even under a one-line caption
    # they are dropped without making the page a site page
    caption = "Rebels at a checkpoint near Ajdabiya ."
    short = RawDocument(text=f"{caption}\n{PROMO}\n{raw.splitlines()[1]}", source="t")
    assert site_page_reason(short) is None
    assert clean(short).text == caption


def test_a_page_of_chrome_is_not_an_article() -> None:
    doc = RawDocument(
        text="\n".join(IREPORT_PAGE),
        source="t17#L5",
        title="You 've selected the U.S. Edition .",
        title_in_text=False,
    )
    skipped = clean_or_skip(doc)
    assert isinstance(skipped, Skipped)
    assert skipped.code == "not_article" and skipped.source == "t17#L5"
    assert skipped.reason.startswith("a site page, not an article: ")
    assert "edition_chooser" in skipped.reason and "sign_up_form" in skipped.reason
    # the same report with the chrome a short footer is an article, its chrome-only title dropped
    article = clean_or_skip(
        RawDocument(
            text="\n".join(
                [IREPORT_PAGE[1]] * 1
                + ["Crowds cheered in Tahrir Square through the night ."] * 3
                + [IREPORT_PAGE[7]]
            ),
            source="t",
            title="You 've selected the U.S. Edition .",
            title_in_text=False,
        )
    )
    assert isinstance(article, Article)
    assert article.title is None
    assert article.text.startswith("Egyptian President Hosni Mubarak")
    assert "screen name" not in article.text


def test_build_records_a_site_page_as_skipped(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"id": "page", "title": "You 've selected the U.S. Edition .", "text": "\n".join(IREPORT_PAGE)},
        {
            "id": "story",
            "title": "Mubarak resigns",
            "text": "Egyptian President Hosni Mubarak resigned on Friday .",
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    report = BuildReport()
    articles = list(_articles([path], 1 << 20, report, known={}))
    assert [a.input_id for a in articles] == ["story"]
    assert [(s.source, s.code) for s in report.skipped] == [(f"{path}#L1", "not_article")]
    assert "words are the site's" in report.skipped[0].reason


def test_a_headline_over_chrome_only_is_a_one_sentence_article() -> None:
    lede = "LONDON -LRB- Reuters -RRB- - Reuters will publish shortly a poll of economists ."
    article = clean_or_skip(RawDocument(text=PROMO, source="t", title=lede, title_in_text=False))
    assert isinstance(article, Article)
    assert article.text == lede
    # with no headline there is nothing left: `storyline build` records it as empty
    assert clean_or_skip(RawDocument(text=PROMO, source="t")).text == ""  # type: ignore[union-attr]

"""Cleaning: from a raw document to the clean article every fact points into.

Cleaning never loses the original: the raw text is kept, and the clean text is
built piece by piece with the raw range of every piece (see ``offsets``), so
any span of the clean text maps back to the raw text.

What it does, line by line:
- repairs mojibake (ftfy) and apostrophes that a bad encoder turned into
  no-break spaces ("Syria\u00a0s" -> "Syria's");
- drops junk lines (bare ids, photo captions and credits, a repeated headline,
  trailers such as "read more:"), patterns in ``lexicons/cleaning.yaml``;
- drops site chrome (edition choosers, sign-up forms, comment rules, the
  publisher's promotions: lines, and pieces glued to the start or end of a line),
  and says when a page is mostly chrome, so not an article (``site_page_reason``);
- recognizes a dateline and wire credit ("PARIS (AFP) –", "Paris:") as metadata
  (it stays in the text; its span is recorded);
- joins the kept lines as paragraphs separated by a blank line.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

import ftfy

from storyline.ingest.ids import article_id
from storyline.ingest.offsets import SegmentBuilder
from storyline.lexicons import load_yaml
from storyline.records import Article, RawDocument, Skipped, Span

# Trailers ("read more:") are only looked for among the last lines: the same words
# inside an article are text. 3 lines covers the seeds and common site footers.
TRAILER_WINDOW = 3
# Datelines are only looked for in the first paragraphs (title, standfirst, lede:
# seed 002 has its dateline in the third kept paragraph).
DATELINE_WINDOW = 4
PARAGRAPH_SEPARATOR = "\n\n"
# A page whose words are at least this share site-page chrome (a sign-up or submission
# form, an edition chooser, a collection's notice: ``site_page_chrome`` in cleaning.yaml)
# is a site page, not an article. Calibrated on Timeline17 (BENCHMARKS.md, Stories): 5 of
# its 6 CNN iReport pages and a BBC archive notice are 0.75 to 1.0 such chrome; the sixth
# iReport page (1,016 words of blog text) 0.25, the other 816 pages holding chrome less.
SITE_PAGE_SHARE = 0.5

# A no-break space standing for an apostrophe: between a letter and a contraction
# or possessive ending ("Syria\u00a0s", "don\u00a0t", "we\u00a0re").
_NBSP_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00a0(?=(?:s|t|re|ve|ll|d|m)\b)")
# ... or after a plural possessive: "rebels\u00a0)" / "rebels\u00a0 ".
_NBSP_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)\u00a0(?=[\s)\],.;:!?]|$)")


@dataclass(frozen=True)
class _Line:
    text: str  # as in the raw text
    start: int  # raw offset of its first character


Rule = tuple[str, re.Pattern[str]]


def _named_rules(data: dict, key: str, suffix: str = "") -> list[Rule]:
    """The (name, case-insensitive pattern) rules listed under ``key`` in cleaning.yaml."""
    return [(r["name"], re.compile(r["pattern"] + suffix, re.IGNORECASE)) for r in data[key]]


@functools.lru_cache(maxsize=1)
def _chrome() -> tuple[list[Rule], list[Rule], list[Rule]]:
    """Site chrome: whole lines, heads (cut from a line's start) and tails (cut to its end)."""
    data = load_yaml("cleaning.yaml")
    return (
        _named_rules(data, "site_chrome"),
        _named_rules(data, "site_chrome_heads"),
        _named_rules(data, "site_chrome_tails", r"\s*$"),
    )


@functools.lru_cache(maxsize=1)
def _site_page_chrome() -> frozenset[str]:
    return frozenset(load_yaml("cleaning.yaml")["site_page_chrome"])


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[list[Rule], list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = load_yaml("cleaning.yaml")
    trailers = [re.compile(p, re.IGNORECASE) for p in data["trailers"]]
    datelines = [re.compile(p) for p in data["datelines"]]
    return _named_rules(data, "junk_lines"), trailers, datelines


def _split_lines(raw: str) -> list[_Line]:
    lines = []
    for match in re.finditer(r"[^\r\n]+", raw):
        lines.append(_Line(match.group(), match.start()))
    return lines


def _whole_line_rule(line: str, rules: list[Rule]) -> str | None:
    stripped = line.strip()
    return next((name for name, pattern in rules if pattern.fullmatch(stripped)), None)


def junk_reason(line: str) -> str | None:
    """The name of the junk rule a whole line matches, or None for an article line."""
    return _whole_line_rule(line, _rules()[0])


def chrome_reason(line: str) -> str | None:
    """The name of the site-chrome rule a whole line matches, or None."""
    return _whole_line_rule(line, _chrome()[0])


def cut_chrome(line: str) -> tuple[int, int, str | None, str | None]:
    """(start, end, head rule, tail rule): the part of a stripped line left once chrome glued
    to its start or end is cut ("YES | NO Egyptian President ..." keeps "Egyptian President ...")."""
    _, heads, tails = _chrome()
    start, end, head, tail = 0, len(line), None, None
    for name, pattern in heads:
        if match := pattern.match(line):
            start, head = match.end(), name
            break
    for name, pattern in tails:
        if (match := pattern.search(line, start)) and match.start() < end:
            end, tail = match.start(), name
    return start, end, head, tail


def repair(line: str, nbsp_apostrophes: bool) -> str:
    """Mojibake and encoder damage repaired; no-break spaces become plain spaces."""
    if line.isascii():  # mojibake needs non-ASCII characters: skip ftfy, the costliest step
        return line
    fixed = ftfy.fix_text(
        line, normalization="NFC", unescape_html=False, fix_line_breaks=False, uncurl_quotes=False
    )
    if nbsp_apostrophes:
        fixed = _NBSP_APOSTROPHE.sub("'", fixed)
        fixed = _NBSP_PLURAL_POSSESSIVE.sub("'", fixed)
    return fixed.replace("\u00a0", " ")


def _has_nbsp_apostrophes(raw: str) -> bool:
    # The damage is systematic in an article; two hits make it a pattern, not chance.
    return len(_NBSP_APOSTROPHE.findall(raw)) >= 2


def _is_trailer(line: str) -> bool:
    _, trailers, _ = _rules()
    return any(p.fullmatch(line.strip()) for p in trailers)


def find_dateline(paragraph: str) -> tuple[int, int, str, str | None] | None:
    """(start, end, place, wire) of a dateline at the start of a paragraph."""
    _, _, datelines = _rules()
    for pattern in datelines:
        match = pattern.match(paragraph)
        if not match:
            continue
        place = match.group("place").strip()
        wire = match.groupdict().get("wire")
        if wire is None and not _is_place_name(place):
            continue
        return match.start(), match.end(), place, wire
    return None


def _is_place_name(name: str) -> bool:
    from storyline.ingest.places import is_known_place

    return is_known_place(name.split(",")[0])


def _is_title(paragraph: str, doc: RawDocument) -> bool:
    """Whether the first paragraph repeats the headline given apart from the text (a JSONL
    "title"), which holds no dateline: "Clinton: Time for 'intensification' of ISIL strategy"
    names a speaker, not the town of Clinton. A title read off the text's own first line is no
    proof (seed 000 opens with its "Paris:" lede)."""
    if doc.title is None or doc.title_in_text:
        return False

    def norm(s: str) -> str:
        return " ".join(s.split()).rstrip(".").lower()

    first = norm(paragraph)
    return bool(first) and norm(repair(doc.title, False)).startswith(first)  # or its first line


@dataclass
class _Chrome:
    """Words of a page, and those that were site-page chrome (by rule name)."""

    words: int = 0
    chrome: int = 0
    rules: set[str] = field(default_factory=set)

    def count(self, text: str, rule: str | None) -> None:
        n = len(text.split())
        self.words += n
        if rule in _site_page_chrome():
            self.chrome += n
            self.rules.add(rule)

    def site_page_reason(self) -> str | None:
        """Why the page is not an article (most of its words are site chrome), or None."""
        if not self.words or self.chrome / self.words < SITE_PAGE_SHARE:
            return None
        return (
            f"a site page, not an article: {self.chrome} of its {self.words} words are the site's "
            f"({', '.join(sorted(self.rules))})"
        )


def site_page_reason(doc: RawDocument) -> str | None:
    """Why a page is not an article (most of its words are site chrome), or None."""
    return _clean(doc)[1].site_page_reason()


def clean(doc: RawDocument) -> Article:
    """The clean article of a raw document (id = content hash of the clean text)."""
    return _clean(doc)[0]


def clean_or_skip(doc: RawDocument) -> Article | Skipped:
    """The clean article, or a Skipped (``not_article``) for a page made mostly of site chrome."""
    article, chrome = _clean(doc)
    if not article.text and doc.title and not doc.title_in_text and not chrome_reason(doc.title):
        # only chrome under a headline given apart (a Reuters lede over its promotion): the
        # headline is a one-sentence article, as the JSONL reader reads a line with no text
        return clean(replace(doc, text=doc.title))
    reason = chrome.site_page_reason()
    return article if reason is None else Skipped(doc.source, "not_article", reason)


def _clean(doc: RawDocument) -> tuple[Article, _Chrome]:
    raw = doc.text
    chrome = _Chrome()
    nbsp = _has_nbsp_apostrophes(raw)
    lines = [ln for ln in _split_lines(raw) if ln.text.strip()]
    # trailers: cut at the first trailer among the last lines
    for i in range(max(0, len(lines) - TRAILER_WINDOW), len(lines)):
        if _is_trailer(lines[i].text):
            lines = lines[:i]
            break
    builder = SegmentBuilder()
    seen: set[str] = set()
    kept = 0
    dateline: Span | None = None
    place: str | None = None
    wire: str | None = None
    title = doc.title
    if title is not None and not doc.title_in_text:
        chrome.count(title, chrome_reason(title))
        if chrome_reason(title):  # "You've selected the U.S. Edition." is no headline
            title = None
    for line in lines:
        if junk_reason(line.text):
            continue
        if rule := chrome_reason(line.text):
            chrome.count(line.text, rule)
            continue
        # strip surrounding whitespace, keeping the raw offsets of what remains
        lead = len(line.text) - len(line.text.lstrip())
        body = line.text.strip()
        start, end, head, tail = cut_chrome(body)
        if head or tail:
            chrome.count(body[:start], head)
            chrome.count(body[end:], tail)
            lead += start
            body = body[start:end].rstrip()
            if not body:
                continue
        chrome.count(body, None)
        key = " ".join(body.split()).lower()
        if key in seen:  # a headline or caption repeated by the scraper
            continue
        seen.add(key)
        fixed = repair(body, nbsp)
        if kept:
            builder.add(PARAGRAPH_SEPARATOR, line.start, line.start)
        paragraph_start = builder.length
        builder.add_aligned(fixed, body, line.start + lead)
        if dateline is None and kept < DATELINE_WINDOW and not (kept == 0 and _is_title(fixed, doc)):
            found = find_dateline(fixed)
            if found:
                at, until, place, wire = found
                dateline = Span(paragraph_start + at, paragraph_start + until)
        kept += 1
    text = builder.text()
    if title is None and doc.title_in_text and text:
        title = text.split(PARAGRAPH_SEPARATOR, 1)[0]
    article = Article(
        id=article_id(text),
        text=text,
        raw=raw,
        segments=builder.segments(),
        title=repair(title, nbsp) if title else None,
        outlet=doc.outlet,
        url=doc.url,
        input_id=doc.input_id,
        source=doc.source,
        published=doc.published,
        published_how=doc.published_how if doc.published else "unknown",
        dateline=dateline,
        dateline_place=place,
        wire=wire,
    )
    return article, chrome

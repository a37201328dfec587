"""Silver check of how the time stage resolves underspecified dates in fresh news (Timeline17).

    .venv/bin/python evaluation/timex_silver.py [--half tune|held|both] [--errors N] [--save PATH]

News writes many dates in full ("on March 3 , 2011", "3 March 2011", "Tuesday , March 3"); each
gives a free gold value for the underspecified form the same writer could have used. Each
Timeline17 article (``../shared/corpus/t17/articles.jsonl``, its listed ``date`` the anchor) is
edited, and the edited text run through the time stage exactly as the pipeline runs it (parsed
by ``stages.document.parse_pipe``, the parses cached in ``evaluation/out/timex_silver_parse.spacy``;
``extract_timexes`` with the date given as the publication date):

- ``month-day``: a month-day written with its year loses the year ("March 3 , 2011" -> "March 3",
  "3 March 2011" -> "3 March"); the stage must give back that year;
- ``month``: a month written with its year loses it ("March 2011" -> "March");
- ``weekday``: a weekday written with its date loses the date ("on Tuesday , March 3 , in" ->
  "on Tuesday , in"; "Tuesday -LRB- March 3 -RRB-" -> "Tuesday"); the stage must give that day.

Only dates a reader could recover are kept: month-days and months at most
:data:`MONTH_WINDOW` months from the anchor's month, weekdays at most :data:`WEEKDAY_WINDOW_DAYS`
days from it (and only where the weekday agrees with the date). All edits of an article are made
in one text. A case is ``stamp`` when it looks like a byline, comment or update stamp (a clock time
right after it, or "Added :", "posted", "updated" ... right before it), else ``prose``.

The articles are split by a hash of their id into a TUNE half (read for errors) and a HELD half
(aggregates only). Accuracy is printed by kind, context and by the tense the stage reads for the
clause (``temporal.tense.tense_at``); ``--errors N`` lists up to N wrong tune-half cases (never the
held half's). ``--save`` writes each case's prediction (jsonl) for before/after comparisons.
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from parse_cache import T17, product_parses  # evaluation/parse_cache.py, beside this script

from storyline.records import Article, PublicationDate
from storyline.stages.document import ArticleDoc
from storyline.stages.timexes import extract_timexes
from storyline.temporal.tense import tense_at

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "out"

# Month-days and months further than this many months from the anchor's month are left out: the
# stage only considers the year before, of and after the report, and nobody writes such a date
# without its year (the issue's +-11 months).
MONTH_WINDOW = 11
# A bare weekday names a day of the week around the report: dates further than this are left out.
WEEKDAY_WINDOW_DAYS = 6

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "mar.": 3,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug.": 8,
    "sep.": 9,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "dec.": 12,
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_M = rf"(?P<m>{_MONTH_NAMES})"
_D = r"[0-3]?\d(?:st|nd|rd|th)?"
_YEAR = r"(?P<ytail>\s?,?\s(?P<y>(?:19|20)\d\d))(?![\d:/-])"
_DATE = rf"(?:(?P<m1>{_MONTH_NAMES})\s(?P<d1>{_D})(?![\d-])|(?<![\d-]\s)(?<![\d-])(?P<d2>{_D})\s(?P<m2>{_MONTH_NAMES}))"
_WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{'|'.join(_WEEKDAYS)})(?P<tail>\s?(?P<open>,|\(|-LRB-)?\s?{_DATE}(?:{_YEAR})?(?(open)(?:\s?(?:\)|-RRB-))?))"
)
_MONTH_DAY_YEAR = re.compile(rf"\b{_DATE}{_YEAR}")
_MONTH_YEAR = re.compile(rf"(?<![\d-]\s)(?<![\d-])\b{_M}{_YEAR}")
_STAMP_AFTER = re.compile(r"^\s?[,;|]?\s?(?:at\s)?\d{1,2}[:.]\d\d")
_STAMP_BEFORE = re.compile(
    r"(?:Added|[Pp]osted|[Uu]pdated|[Pp]ublished|[Ll]ast modified|GMT|BST|EDT|EST|UTC|\|)\s?(?:on)?\s?:?\s?(?:[A-Z][a-z]{2,8}\s?,?\s?)?$"
)


@dataclass
class Case:
    article: str
    kind: str  # month-day, month, weekday
    context: str  # prose, stamp
    anchor: date
    gold: str  # the value the stage should give: YYYY-MM-DD or YYYY-MM
    start: int = 0  # the kept words in the edited text
    end: int = 0
    written: str = ""  # the date as the article wrote it


def _month_day(mt: re.Match[str]) -> tuple[int, int]:
    """The month and day a date match wrote ("March 3rd", "3 March")."""
    month = mt["m1"] or mt["m2"]
    day = re.match(r"\d+", mt["d1"] or mt["d2"])
    assert day is not None
    return _MONTHS[month.lower()], int(day[0])


def _month_index(y: int, m: int) -> int:
    return y * 12 + m - 1


def _context(text: str, start: int, end: int) -> str:
    return (
        "stamp"
        if _STAMP_AFTER.match(text[end : end + 20]) or _STAMP_BEFORE.search(text[max(0, start - 40) : start])
        else "prose"
    )


def _nearest_year_date(m: int, d: int, anchor: date) -> date | None:
    days = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            days.append(date(y, m, d))
        except ValueError:
            continue
    return min(days, key=lambda x: abs((x - anchor).days)) if days else None


def edit(art_id: str, text: str, anchor: date) -> tuple[str, list[Case]]:
    """The article with every recoverable full date made underspecified, and its cases."""
    edits: list[tuple[int, int, Case, int, int]] = []  # (cut start, cut end, case, kept start, kept end)
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for mt in _WEEKDAY_DATE.finditer(text):
        m, d = _month_day(mt)
        try:
            day = date(int(mt["y"]), m, d) if mt["y"] else _nearest_year_date(m, d, anchor)
        except ValueError:
            day = None
        taken.append((mt.start(), mt.end()))
        if (
            day is None
            or _WEEKDAYS[day.weekday()] != mt["wd"]
            or abs((day - anchor).days) > WEEKDAY_WINDOW_DAYS
        ):
            continue
        ctx = _context(text, mt.start(), mt.end())
        case = Case(art_id, "weekday", ctx, anchor, day.isoformat(), written=mt[0])
        edits.append((mt.start("tail"), mt.end("tail"), case, mt.start("wd"), mt.end("wd")))
    for mt in _MONTH_DAY_YEAR.finditer(text):
        if not free(mt.start(), mt.end()):
            continue
        taken.append((mt.start(), mt.end()))
        (m, d), y = _month_day(mt), int(mt["y"])
        try:
            day = date(y, m, d)
        except ValueError:
            continue
        if abs(_month_index(y, m) - _month_index(anchor.year, anchor.month)) > MONTH_WINDOW:
            continue
        ctx = _context(text, mt.start(), mt.end())
        case = Case(art_id, "month-day", ctx, anchor, day.isoformat(), written=mt[0])
        edits.append((mt.start("ytail"), mt.end("ytail"), case, mt.start(), mt.start("ytail")))
    for mt in _MONTH_YEAR.finditer(text):
        if not free(mt.start(), mt.end()):
            continue
        m, y = _MONTHS[mt["m"].lower()], int(mt["y"])
        if abs(_month_index(y, m) - _month_index(anchor.year, anchor.month)) > MONTH_WINDOW:
            continue
        ctx = _context(text, mt.start(), mt.end())
        case = Case(art_id, "month", ctx, anchor, f"{y:04d}-{m:02d}", written=mt[0])
        edits.append((mt.start("ytail"), mt.end("ytail"), case, mt.start(), mt.start("ytail")))
    edits.sort(key=lambda e: e[0])
    out, at, shift, cases = [], 0, 0, []
    for cut_start, cut_end, case, kept_start, kept_end in edits:
        out.append(text[at:cut_start])
        case.start, case.end = kept_start - shift, kept_end - shift
        shift += cut_end - cut_start
        at = cut_end
        cases.append(case)
    out.append(text[at:])
    return "".join(out), cases


def half_of(article_id: str) -> str:
    return "tune" if zlib.crc32(article_id.encode()) % 2 == 0 else "held"


def run() -> list[tuple[Case, str | None, str | None, str]]:
    """Every case with the stage's value for it (None: no timex there), its clause's tense and
    the edited text's line that holds it."""
    with T17.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    edited = []
    for art in articles:
        anchor = date.fromisoformat(art["date"][:10])
        text, cases = edit(art["id"], art["text"], anchor)
        if cases:
            edited.append((art, text, cases))
    parses = product_parses(OUT / "timex_silver_parse.spacy", [t for _, t, _ in edited])
    results = []
    for (art, text, cases), parse in zip(edited, parses, strict=True):
        dct = art["date"][:10]
        article = Article(id=art["id"], text=text, raw=text, published=dct, published_how="given")
        doc = ArticleDoc(article=article, doc=parse)
        doc.published = PublicationDate(dct, dct, dct, "given", 1.0, "given")
        timexes = extract_timexes(doc)
        for case in cases:
            found = [t for t in timexes if t.start <= case.start < t.end]
            value = found[0].value if found else None
            tense = tense_at(parse, case.start, case.end)
            line_start = text.rfind("\n", 0, case.start) + 1
            line_end = text.find("\n", case.end)
            line_end = len(text) if line_end < 0 else line_end
            s, e = max(line_start, case.start - 160), min(line_end, case.end + 100)
            shown = f"{text[s : case.start]}[{text[case.start : case.end]}]{text[case.end : e]}"
            results.append((case, value, tense, shown))
    return results


def correct(case: Case, value: str | None) -> bool:
    return value is not None and value[: len(case.gold)] == case.gold


def _report(name: str, rows: list[tuple[Case, str | None, str | None, str]]) -> None:
    def line(label: str, sel: list[tuple[Case, str | None, str | None, str]]) -> None:
        n = len(sel)
        ok = sum(correct(c, v) for c, v, _, _ in sel)
        missed = sum(v is None for _, v, _, _ in sel)
        pct = 100 * ok / n if n else 0.0
        print(f"  {label:<24} {n:>5} {ok:>5} {pct:6.1f}%  no timex {missed}")

    print(f"{name}: {len(rows)} cases in {len({c.article for c, *_ in rows})} articles")
    print(f"  {'':<24} {'cases':>5} {'right':>5} {'acc':>7}")
    line("all", rows)
    for kind in ("month-day", "month", "weekday"):
        line(kind, [r for r in rows if r[0].kind == kind])
        for ctx in ("prose", "stamp"):
            line(f"  {ctx}", [r for r in rows if r[0].kind == kind and r[0].context == ctx])
    for tense in ("past", "present", "future", None):
        line(f"tense {tense}", [r for r in rows if r[2] == tense])
    line("prose, all kinds", [r for r in rows if r[0].context == "prose"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("tune", "held", "both"), default="tune")
    ap.add_argument("--errors", type=int, default=0, help="list up to N wrong tune-half cases")
    ap.add_argument("--save", type=Path, help="write each case's prediction here (jsonl)")
    args = ap.parse_args()
    results = run()
    halves = ("tune", "held") if args.half == "both" else (args.half,)
    for half in halves:
        _report(half.upper(), [r for r in results if half_of(r[0].article) == half])
    if args.save:
        with args.save.open("w", encoding="utf-8") as f:
            for case, value, tense, _ in results:
                if half_of(case.article) in halves:
                    key = f"{case.article}:{case.start}"
                    row = {"key": key, "kind": case.kind, "gold": case.gold, "value": value, "tense": tense}
                    f.write(json.dumps(row) + "\n")
    if args.errors:
        wrong = [r for r in results if half_of(r[0].article) == "tune" and not correct(r[0], r[1])]
        print(f"\nTUNE errors ({len(wrong)}; first {args.errors}):")
        for case, value, tense, shown in wrong[: args.errors]:
            delta = (date.fromisoformat(case.gold + "-15"[: 10 - len(case.gold)]) - case.anchor) // timedelta(
                days=1
            )
            print(
                f"- {case.article} anchor {case.anchor} {case.kind}/{case.context} gold {case.gold} "
                f"({delta:+d} d) got {value} tense {tense} | {case.written!r}"
            )
            print(f"    {shown}")


if __name__ == "__main__":
    main()

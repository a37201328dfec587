"""Audit sample of the timexes the time stage finds on fresh news (Timeline17, not an eval set).

    .venv/bin/python evaluation/timex_audit.py [--seed 4] [--n 150] [--articles 60] [--recall]
        [--topics libya,syria,h1n1,haiti]

A seeded random draw of ``--articles`` Timeline17 articles is parsed as the pipeline parses them
(``stages.document.parse_pipe``; cached in ``evaluation/out/timex_audit_parse_SEED.spacy``) and run through the time stage's own entry point
(``extract_timexes``, the article's publication date as the given anchor); ``--n`` of the timexes
found are drawn by a seeded hash of (article, start), stable across rule changes, and printed in corpus order, each with its anchor, the
predicted type / value and its sentence (the span in [brackets]), for judging by hand against the
TimeML / TIDES conventions.

``--recall`` judges what the stage misses instead: ``--n`` of the sentences of the drawn articles
that hold a temporal cue word (:data:`CUES`: months, weekdays, calendar units, parts of the day,
holidays, "ago"/"since"/"until"/"later"/"earlier", four-digit years, clock times) are drawn by a
seeded hash of (article, sentence start) and printed with every timex found in [brackets] and
listed under it (type, value), so that a reader can spot the expressions left unmarked.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from parse_cache import dated_doc, product_parses, t17_draw  # evaluation/parse_cache.py, beside this script

from storyline.stages.timexes import extract_timexes

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.records import Timex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "out"


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
)
_WEEKDAYS = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\\."
)
_UNITS = (
    "years?|months?|weeks?|weekends?|days?|hours?|minutes?|decades?|century|centuries|millenni(?:um|a)"
    "|quarters?|seasons?|spring|summer|autumn|winter|yearly|monthly|weekly|daily|annual(?:ly)?"
)
_DAY_WORDS = (
    "today|tonight|yesterday|tomorrow|now|currently|recently|recent"
    "|night|nights|morning|mornings|evening|evenings|afternoon|afternoons|noon|midnight|dawn|dusk|overnight"
)
_RELATIONS = "ago|since|until|till|later|earlier|previously|ahead|future"
_HOLIDAYS = (
    "Christmas|Easter|New Year|Thanksgiving|Ramadan|Eid|Halloween|Hanukkah|Passover|Diwali"
    "|Independence Day|Labor Day|Memorial Day|Valentine|Lent|Election Day|Inauguration Day"
)
# A word that may belong to a temporal expression: the sentences holding one are the recall draw.
CUES = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|{_HOLIDAYS})\b"
    rf"|\b(?i:{_UNITS}|{_DAY_WORDS}|{_RELATIONS})\b"
    r"|\b(?:1[5-9]|20)\d\d(?:s|\b)|'\d0s\b"
    r"|\b\d{1,2}[:.]\d\d\b|\b\d{1,2} ?[ap]\.? ?m\b"
)


def _key(seed: int, article_id: str, start: int) -> str:
    return hashlib.sha1(f"{seed}:{article_id}:{start}".encode()).hexdigest()


def _marked(parse: Doc, start: int, end: int, found: list[Timex]) -> str:
    """The text from ``start`` to ``end`` with each timex inside it in [brackets], on one line."""
    out, at = [], start
    for t in found:
        if t.start >= start and t.end <= end and t.start >= at:
            out += [parse.text[at : t.start], "[", t.text, "]"]
            at = t.end
    out.append(parse.text[at:end])
    return " ".join("".join(out).split())


def recall(seed: int, n: int, docs: list[tuple[str, str, Doc, list[Timex]]]) -> None:
    """Print ``n`` cue sentences drawn by a seeded hash, each timex found in [brackets]."""
    pool = []
    for art_id, dct, parse, found in docs:
        for sent in parse.sents:
            if CUES.search(sent.text):
                pool.append((art_id, dct, parse, found, sent.start_char, sent.end_char))
    rank = sorted(range(len(pool)), key=lambda i: _key(seed, pool[i][0], pool[i][4]))
    sample = sorted(rank[:n])
    print(f"{len(docs)} articles, {len(pool)} cue sentences, {len(sample)} drawn (seed {seed}, recall)\n")
    for k, i in enumerate(sample, 1):
        art_id, dct, parse, found, start, end = pool[i]
        inside = [t for t in found if t.start >= start and t.end <= end]
        print(f"#{k:03d} {art_id} anchor {dct}")
        print("     " + _marked(parse, start, end, inside))
        for t in inside:
            print(f"       {t.type} {t.value}  «{t.text}»")
        print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--recall", action="store_true", help="print cue sentences with the timexes found")
    ap.add_argument(
        "--topics", default="", help="comma-separated Timeline17 topics: --articles split evenly among them"
    )
    args = ap.parse_args()
    topics = [t for t in args.topics.split(",") if t]
    if topics:
        per = args.articles // len(topics)
        chosen = [a for t in topics for a in t17_draw(args.seed, per, t)]
        cache = OUT / f"timex_audit_parse_{args.seed}_{'_'.join(topics)}.spacy"
    else:
        chosen = t17_draw(args.seed, args.articles)
        cache = OUT / f"timex_audit_parse_{args.seed}.spacy"
    parses = product_parses(cache, [a["text"] for a in chosen])
    pool = []
    docs = []
    for art, parse in zip(chosen, parses, strict=True):
        doc = dated_doc(art, parse)
        found = list(extract_timexes(doc))
        docs.append((art["id"], art["date"], parse, found))
        for t in found:
            pool.append((art["id"], art["date"], parse, t))
    if args.recall:
        recall(args.seed, args.n, docs)
        return
    # each timex ranked by a seeded hash of its article and start, so that a rule change keeps the
    # draw wherever a timex keeps its start (a span grown or re-valued stays in the sample)
    rank = sorted(range(len(pool)), key=lambda i: _key(args.seed, pool[i][0], pool[i][3].start))
    sample = sorted(rank[: args.n])
    print(f"{len(chosen)} articles, {len(pool)} timexes, {len(sample)} drawn (seed {args.seed})\n")
    for k, i in enumerate(sample, 1):
        art_id, dct, parse, t = pool[i]
        sent = parse.char_span(t.start, t.end, alignment_mode="expand")
        s = sent.sent if sent is not None else parse[:0]
        text = parse.text[s.start_char : t.start] + "[" + t.text + "]" + parse.text[t.end : s.end_char]
        print(f"#{k:03d} {art_id} anchor {dct}  {t.type} {t.value}  «{t.text}»")
        print("     " + " ".join(text.split()) + "\n")


if __name__ == "__main__":
    main()

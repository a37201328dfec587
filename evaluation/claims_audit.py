"""Audit sample of the numeric claims the claims stage finds on fresh news (Timeline17, not an eval set).

    .venv/bin/python evaluation/claims_audit.py [--seed 7] [--n 120] [--articles 40] [--recall 30]

A seeded random draw of ``--articles`` Timeline17 articles is parsed as the pipeline parses them
(``stages.document.parse_pipe``; cached in ``evaluation/out/claims_audit_parse_SEED.spacy``) and
run through the product's per-article stages in their order (``ArticlePipeline.run_stages``: actors,
publication date, timexes, attributions, events, claims, ...), the article's date as the given
publication date. ``--n`` of the claims found are drawn by a seeded hash of (article, number
offset), stable across rule changes, and printed in corpus order: the sentence with the claim in
[brackets], value, qualifier, what it counts and its measure (``measure_of``), the claimant and
the as-of date, for judging by hand.

``--recall`` sentences are then drawn from those holding a number next to a word for people,
casualties, troops or a percentage (:data:`CUES`) where no claim covers that number, and printed
with the cue in [brackets], so that a reader can judge which are missed claims.

``--topic syria`` instead writes a seeded draw of ``--articles`` articles of one Timeline17 topic
to ``evaluation/out/claims_TOPIC_N_SEED.jsonl``, a dossier to check the ledger on:

    .venv/bin/python evaluation/claims_audit.py --topic syria --articles 40 --seed 5
    .venv/bin/storyline build evaluation/out/claims_syria_40_5.jsonl --db /tmp/syria.duckdb
    .venv/bin/storyline claims --conflicts --db /tmp/syria.duckdb
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from parse_cache import product_parses, t17_draw  # evaluation/parse_cache.py, beside this script

from storyline.pipeline import ArticlePipeline
from storyline.records import Article
from storyline.stages.claims import measure_of
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.records import Claim

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "out"

_NUM = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozens?|scores"
)
_PEOPLE = (
    r"people|persons|civilians|protesters|demonstrators|dead|deaths|killed|died|casualties|wounded"
    r"|injured|victims|bodies|troops|soldiers|fighters|rebels|militants|policemen|police|officers"
    r"|refugees|migrants|children|women|men|prisoners|detainees|cases|patients|percent|per cent|%"
)
# A number with a word for people, casualties, troops or a percentage within three words after it.
CUES = re.compile(rf"\b(?i:{_NUM})(?:\s+\S+){{0,3}}?\s*(?i:{_PEOPLE})\b|\b\d[\d,.]*\s?%")


def _key(seed: int, article_id: str, start: int) -> str:
    return hashlib.sha1(f"{seed}:{article_id}:{start}".encode()).hexdigest()


def _number_start(c: Claim) -> int:
    """The offset of the claim's number (its qualifier left out), so the draw survives a qualifier
    found or lost."""
    m = re.search(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half|some|dozens?)\b", c.text)
    return c.start + (m.start() if m else 0)


def _sentence(parse: Doc, start: int, end: int) -> tuple[int, int]:
    span = parse.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end
    return span.sent.start_char, span.sent.end_char


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--recall", type=int, default=30, help="sentences with an uncovered people/percent cue")
    ap.add_argument("--topic", help="write a seeded draw of this topic's articles (a dossier) and stop")
    args = ap.parse_args()
    if args.topic:
        drawn = t17_draw(args.seed, args.articles, topic=args.topic)
        path = OUT / f"claims_{args.topic}_{args.articles}_{args.seed}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(a) + "\n" for a in drawn), encoding="utf-8")
        print(path)
        return
    chosen = t17_draw(args.seed, args.articles)
    parses = product_parses(OUT / f"claims_audit_parse_{args.seed}.spacy", [a["text"] for a in chosen])
    pipeline = ArticlePipeline()
    pool: list[tuple[str, Doc, Claim]] = []
    misses: list[tuple[str, Doc, int, int, int, int]] = []
    for art, parse in zip(chosen, parses, strict=True):
        article = Article(
            id=art["id"], text=art["text"], raw=art["text"], published=art["date"], published_how="given"
        )
        facts = pipeline.run_stages(ArticleDoc(article=article, doc=parse))
        for failure in facts.failures:
            print(f"! {failure.article_id} {failure.stage}: {failure.reason}")
        pool += [(art["id"], parse, c) for c in facts.claims]
        for m in CUES.finditer(parse.text):
            if not any(c.start <= m.end() and m.start() <= c.end for c in facts.claims):
                s, e = _sentence(parse, m.start(), m.end())
                misses.append((art["id"], parse, s, e, m.start(), m.end()))
    rank = sorted(range(len(pool)), key=lambda i: _key(args.seed, pool[i][0], _number_start(pool[i][2])))
    sample = sorted(rank[: args.n])
    print(f"{len(chosen)} articles, {len(pool)} claims, {len(sample)} drawn (seed {args.seed})\n")
    for k, i in enumerate(sample, 1):
        art_id, parse, c = pool[i]
        s, e = _sentence(parse, c.start, c.end)
        marked = parse.text[s : c.start] + "[" + c.text + "]" + parse.text[c.end : e]
        print(
            f"#{k:03d} {art_id}  {c.qualifier or '='} {c.value:g}  counts «{c.counts}» -> {measure_of(c.counts)}"
        )
        print(f"     claimant {c.claimant or '(author)'}  as of {c.as_of}")
        print("     " + " ".join(marked.split()) + "\n")
    if not args.recall:
        return
    # one cue per sentence, drawn by a seeded hash of (article, sentence start)
    seen: dict[tuple[str, int], tuple[str, Doc, int, int, int, int]] = {}
    for miss in misses:
        seen.setdefault((miss[0], miss[2]), miss)
    keys = sorted(seen, key=lambda k: _key(args.seed, k[0], k[1]))[: args.recall]
    print(f"\n{len(seen)} sentences with a people/percent number and no claim on it, {len(keys)} drawn\n")
    for k, key in enumerate(sorted(keys), 1):
        art_id, parse, s, e, ms, me = seen[key]
        marked = parse.text[s:ms] + "[" + parse.text[ms:me] + "]" + parse.text[me:e]
        print(f"R{k:02d} {art_id}\n     " + " ".join(marked.split()) + "\n")


if __name__ == "__main__":
    main()

"""Audit sample of the dated events the per-article pipeline makes on fresh news (Timeline17).

    .venv/bin/python evaluation/events_audit.py [--seed 31] [--n 100] [--misses 40] [--articles 50] [--redraw]

A seeded random draw of ``--articles`` Timeline17 articles is parsed as the pipeline parses them
(``stages.document.parse_pipe``; cached in ``evaluation/out/events_audit_parse_SEED.spacy``) and
run through the product's own stages (``ArticlePipeline().run_stages``: entities, actors, the
given publication date, timexes, attributions, events, ...). Printed, for judging by hand:

* ``--n`` events, drawn by a seeded hash of (article, timex start): the sentence with the event's
  date expression in [brackets], the publication date, the event's date and range, description,
  actors and places;
* ``--misses`` sentences that hold a resolved DATE timex (any granularity) but yielded no event,
  drawn by a seeded hash of (article, sentence start), each timex found listed under it.

The first run writes the drawn keys to ``evaluation/out/events_audit_sample_SEED.json``; later
runs print the same keys (an event key that no longer yields an event is printed as
``NO EVENT NOW``, with the events its sentence holds now), so that a rule change is re-judged on the same sample. ``--redraw`` draws anew.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from parse_cache import dated_doc, product_parses, t17_draw  # evaluation/parse_cache.py, beside this script

from storyline.pipeline import ArticlePipeline
from storyline.temporal.calendar import value_range

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.records import ArticleFacts, Timex

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "out"


def _key(seed: int, article_id: str, start: int) -> str:
    return hashlib.sha1(f"{seed}:{article_id}:{start}".encode()).hexdigest()


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with each span inside it in [brackets], on one line."""
    out, at = [], start
    for s, e in sorted(spans):
        if s >= at and e <= end:
            out += [text[at:s], "[", text[s:e], "]"]
            at = e
    out.append(text[at:end])
    return " ".join("".join(out).split())


def _resolved_date(t: Timex) -> bool:
    return t.type == "DATE" and value_range(t.value) is not None


def run(chosen: list[dict], parses: list[Doc]) -> list[tuple[dict, Doc, ArticleFacts]]:
    pipeline = ArticlePipeline()
    out = []
    for art, parse in zip(chosen, parses, strict=True):
        doc = dated_doc(art, parse)
        out.append((art, parse, pipeline.run_stages(doc)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--misses", type=int, default=40)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--redraw", action="store_true", help="draw the sample anew (else reuse the saved keys)")
    args = ap.parse_args()
    chosen = t17_draw(args.seed, args.articles)
    parses = product_parses(OUT / f"events_audit_parse_{args.seed}.spacy", [a["text"] for a in chosen])
    results = run(chosen, parses)
    events = {
        (f.article.id, e.timex_start): (art, parse, f, e) for art, parse, f in results for e in f.events
    }
    no_event = {}
    n_dated = 0
    for art, parse, f in results:
        for s in f.sentences:
            inside = [t for t in f.timexes if s.start <= t.start and t.end <= s.end]
            if not any(_resolved_date(t) for t in inside):
                continue
            n_dated += 1
            if not any(s.start <= e.start < s.end for e in f.events):
                no_event[(f.article.id, s.start)] = (art, parse, f, s)
    saved = OUT / f"events_audit_sample_{args.seed}.json"
    if saved.exists() and not args.redraw:
        keys = json.loads(saved.read_text(encoding="utf-8"))
        event_keys = [tuple(k) for k in keys["events"]]
        miss_keys = [tuple(k) for k in keys["misses"]]
    else:
        event_keys = sorted(sorted(events, key=lambda k: _key(args.seed, *k))[: args.n])
        miss_keys = sorted(sorted(no_event, key=lambda k: _key(args.seed, *k))[: args.misses])
        saved.write_text(json.dumps({"events": event_keys, "misses": miss_keys}), encoding="utf-8")
    print(
        f"{len(results)} articles, {len(events)} events, {n_dated} sentences with a resolved DATE, "
        f"{len(no_event)} of them without an event (seed {args.seed})\n"
    )
    by_article = {f.article.id: (art, parse, f) for art, parse, f in results}
    print("== EVENTS ==\n")
    for k, (art_id, tstart) in enumerate(event_keys, 1):
        art, parse, f = by_article[art_id]
        hit = events.get((art_id, tstart))
        if hit is None:
            s = next(s for s in f.sentences if s.start <= tstart < s.end)
            t = [t for t in f.timexes if t.start == tstart]
            now = [e for e in f.events if e.start == s.start]
            print(f"E{k:03d} {art_id} published {art['date']}  NO EVENT NOW")
            print("     " + _marked(parse.text, s.start, s.end, [(x.start, x.end) for x in t]) + "\n")
            for e in now:
                print(f"   its sentence's event now: {e.date} «{parse.text[e.timex_start : e.timex_end]}»")
                print(f"   actors: {', '.join(e.actors) or '-'} | places: {', '.join(e.places) or '-'}\n")
            continue
        e = hit[3]
        print(f"E{k:03d} {art_id} published {art['date']}  date {e.date} ({e.earliest}..{e.latest})")
        print("     " + _marked(parse.text, e.start, e.end, [(e.timex_start, e.timex_end)]))
        if e.description != " ".join(parse.text[e.start : e.end].split()):
            print(f"   description: {e.description}")
        print(f"   actors: {', '.join(e.actors) or '-'} | places: {', '.join(e.places) or '-'}\n")
    print("== SENTENCES WITH A RESOLVED DATE, NO EVENT ==\n")
    for k, (art_id, sstart) in enumerate(miss_keys, 1):
        art, parse, f = by_article[art_id]
        s = next(s for s in f.sentences if s.start == sstart)
        inside = [t for t in f.timexes if s.start <= t.start and t.end <= s.end]
        now = [e for e in f.events if s.start <= e.start < s.end]
        flag = f"  NOW {len(now)} EVENT(S): " + ", ".join(e.date for e in now) if now else ""
        print(f"M{k:03d} {art_id} published {art['date']}{flag}")
        print("     " + _marked(parse.text, s.start, s.end, [(t.start, t.end) for t in inside]))
        for t in inside:
            print(f"       {t.type} {t.value}  «{t.text}»")
        print()


if __name__ == "__main__":
    main()

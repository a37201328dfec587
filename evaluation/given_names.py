"""Count actors whose mentions carry two different given names ("Hosni Mubarak" and "Gamal Mubarak").

Timeline17 has no gold actors, so this counts a symptom, not an error rate: the per-article
resolver (``stages/actors_local.py``) and then the cross-article resolver (``crossdoc/actors.py``)
run over a sample of Timeline17 articles, as a build does; a canonical actor is counted when two
of its PERSON mentions written as full names (two words or more, titles stripped) start with
given names that ``names.given_names_agree`` calls incompatible (not equal, not the same sounds,
not an initial of the other) and that the alias lexicon does not give as one person. Mentions
come from the NER cache ``evaluation/out/t17_mentions.jsonl`` (``evaluation/stories.py t17``
makes it), so nothing is parsed here.

Usage:
    .venv/bin/python evaluation/given_names.py [--every 4] [--show 20]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from parse_cache import t17_articles, t17_mentions  # noqa: E402  # evaluation/parse_cache.py, beside this script

from storyline.crossdoc.actors import resolve, units_of  # noqa: E402
from storyline.names import given_names_agree, load_aliases, name_tokens, strip_title  # noqa: E402
from storyline.records import Article, Mention  # noqa: E402
from storyline.stages.actors_local import resolve_mentions  # noqa: E402
from storyline.stages.document import ArticleDoc  # noqa: E402


def conflicts(names: dict[str, str]) -> bool:
    """Whether two of these full names (given name -> one full name with it) cannot be one person."""
    lexicon = load_aliases()
    items = sorted(names.items())
    for i, (ga, fa) in enumerate(items):
        for gb, fb in items[i + 1 :]:
            if given_names_agree(ga, gb):
                continue
            la, lb = lexicon.lookup(fa), lexicon.lookup(fb)
            if la is not None and la == lb:  # the lexicon gives both as one person
                continue
            return True
    return False


def given_names(mentions: list[tuple[Mention, str]]) -> dict[str, dict[str, str]]:
    """Actor -> {given name: a full name with it} over its PERSON mentions."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for m, actor in mentions:
        if m.label != "PERSON":
            continue
        bare = strip_title(m.text)
        tokens = name_tokens(bare)
        if len(tokens) >= 2 and tokens[0].isalpha():
            out[actor].setdefault(tokens[0], bare)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--every", type=int, default=4, help="every Nth Timeline17 article (default 4)")
    ap.add_argument("--show", type=int, default=20, help="print this many conflicting actors")
    args = ap.parse_args()
    cached = t17_mentions()
    rows = t17_articles()[:: args.every]
    resolved: list[list[Mention]] = []
    local_conflicts = 0
    local_examples: list[str] = []
    for r in rows:
        article = Article(id=r["id"], text=r["text"], raw=r["text"], published=r.get("date"))
        doc = ArticleDoc(article=article, doc=None)  # type: ignore[arg-type]  # the resolver reads no parse
        doc.mentions = list(cached[r["id"]])
        ms = resolve_mentions(doc)
        resolved.append(ms)
        for actor, names in given_names([(m, m.actor or "") for m in ms]).items():
            if actor and conflicts(names):
                local_conflicts += 1
                local_examples.append(f"{r['id']}: {actor} <- {sorted(names.values())}")
    texts = {r["id"]: r["text"] for r in rows}
    units, placed = units_of(resolved, texts=texts)
    res = resolve(units)
    by_actor = given_names([(m, res.actor_of[k]) for m, k in placed])
    cross = sorted(
        ((actor, names) for actor, names in by_actor.items() if conflicts(names)),
        key=lambda x: -len(x[1]),
    )
    print(
        json.dumps(
            {
                "articles": len(rows),
                "actors": len(res.actors),
                "per_article_conflicting_actors": local_conflicts,
                "cross_article_conflicting_actors": len(cross),
            }
        )
    )
    for ex in local_examples[: args.show]:
        print("  local", ex, file=sys.stderr)
    for actor, names in cross[: args.show]:
        print("  cross", actor, "<-", sorted(names.values())[:8], file=sys.stderr)


if __name__ == "__main__":
    main()

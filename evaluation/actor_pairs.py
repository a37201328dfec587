"""Merge precision and recall of actor resolution on PolNeAR alias pairs.

Pairs: inside one PolNeAR article, every two different speaker strings that the hand key
(``evaluation/polnear_alias_key.yaml``) assigns to a person ("Hillary Clinton" / "Mrs.
Clinton" / "the former secretary of state" -> same; "Clinton" / "Sanders" -> different;
"Trump" / "Eric Trump" -> different). The system runs the per-article resolver and then the
cross-article resolver over all articles of the split, as a build does; a pair is predicted
"same" when both speaker spans end up on one canonical actor. A speaker span the system has
no mention for counts as its own actor (so it can only lose recall).

Usage:
    .venv/bin/python evaluation/actor_pairs.py --split train
    .venv/bin/python evaluation/actor_pairs.py --split dev
    .venv/bin/python evaluation/actor_pairs.py --split dev --no-lexicon   # rules only
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyline.crossdoc.actors import resolve, units_of  # noqa: E402
from storyline.names import AliasLexicon  # noqa: E402
from storyline.nlp import load_nlp  # noqa: E402
from storyline.records import Article, Mention, PublicationDate  # noqa: E402
from storyline.stages import actors_local  # noqa: E402
from storyline.stages.document import ArticleDoc  # noqa: E402
from storyline.stages.entities import extract_mentions  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
OUT = REPO / "evaluation" / "out"


def norm(s: str) -> str:
    s = s.strip().lower().replace("\u2019", "'")
    s = re.sub(r"'s?$", "", s)
    return " ".join(s.split())


def load_key() -> dict[str, str]:
    data = yaml.safe_load((REPO / "evaluation" / "polnear_alias_key.yaml").read_text(encoding="utf-8"))
    return {norm(s): person for person, surfaces in data.items() for s in surfaces}


def keyed_speakers(article: dict, key: dict[str, str]) -> list[tuple[int, int, str, str]]:
    out = []
    for q in article["quotes"]:
        text, spans = q.get("speaker_text"), q.get("speaker_span")
        if not text or not spans:
            continue
        surface = norm(text)
        if surface in key:
            out.append((spans[0][0], spans[-1][1], surface, key[surface]))
    return out


def evaluate(split: str, lexicon: bool = True, limit: int = 0) -> tuple[dict, Counter[str]]:
    """(figures, error counts) of the alias-pair evaluation on one PolNeAR split."""
    original = actors_local.load_aliases
    if not lexicon:  # ablation: the per-article and cross-article resolvers without aliases.yaml
        empty = AliasLexicon()
        actors_local.load_aliases = lambda *_a, **_k: empty  # type: ignore[assignment]
    try:
        return _evaluate(split, lexicon, limit)
    finally:
        actors_local.load_aliases = original  # type: ignore[assignment]


def _evaluate(split: str, lexicon: bool, limit: int) -> tuple[dict, Counter[str]]:
    aliases = actors_local.load_aliases()

    key = load_key()
    with open(SHARED / f"polnear_{split}.jsonl", encoding="utf-8") as f:
        articles = [json.loads(line) for line in f]
    if limit:
        articles = articles[:limit]
    with_speakers = [(a, keyed_speakers(a, key)) for a in articles]
    chosen = [(a, sp) for a, sp in with_speakers if len({s[2] for s in sp}) >= 2]
    t0 = time.perf_counter()
    nlp = load_nlp()
    resolved: list[list[Mention]] = []
    for (art, speakers), parsed in zip(chosen, nlp.pipe(a["text"] for a, _ in chosen), strict=True):
        article = Article(id=art["id"], text=art["text"], raw=art["text"], published=art.get("date"))
        doc = ArticleDoc(article=article, doc=parsed)
        if art.get("date"):
            doc.published = PublicationDate(art["date"], art["date"], art["date"], "given", 1.0)
        doc.mentions = extract_mentions(doc)
        for s, e, surface, _ in speakers:  # named speakers spaCy missed become PERSON mentions
            if (
                not any(m.start < e and s < m.end for m in doc.mentions)
                and art["text"][s : s + 1].isupper()
                and not surface.startswith("the ")
            ):
                doc.mentions.append(Mention(art["id"], s, e, "PERSON", art["text"][s:e]))
        doc.mentions.sort(key=lambda m: m.start)
        resolved.append(actors_local.resolve_mentions(doc))
    texts = {a["id"]: a["text"] for a, _ in chosen}
    units, placed = units_of(resolved, texts=texts)
    res = resolve(units, lexicon=aliases)
    actor_at = {(m.article_id, m.start, m.end): res.actor_of[k] for m, k in placed}
    elapsed = time.perf_counter() - t0

    tp = fp = fn = tn = 0
    errors: Counter[str] = Counter()
    for (_art, speakers), mentions in zip(chosen, resolved, strict=True):
        pred_votes: dict[str, Counter[str]] = {}
        gold: dict[str, str] = {}
        for s, e, surface, person in speakers:
            over = [
                m
                for m in mentions
                if m.start < e and s < m.end and (m.article_id, m.start, m.end) in actor_at
            ]
            # The head of an English name phrase is its last word: prefer the mention holding it
            # ("Reince Priebus" in "Republican National Committee Chairman Reince Priebus").
            at_end = [m for m in over if m.start < e <= m.end]
            if at_end or over:
                best = max(at_end or over, key=lambda m: min(e, m.end) - max(s, m.start))
                actor = actor_at[(best.article_id, best.start, best.end)]
            else:
                actor = "UNRESOLVED:" + surface
            pred_votes.setdefault(surface, Counter())[actor] += 1
            gold[surface] = person
        pred = {s: c.most_common(1)[0][0] for s, c in pred_votes.items()}
        for a, b in itertools.combinations(sorted(gold), 2):
            g, p = gold[a] == gold[b], pred[a] == pred[b]
            tp += g and p
            fp += (not g) and p
            fn += g and not p
            tn += (not g) and not p
            if g != p:
                errors[f"{'FP' if p else 'FN'}: {a!r} ({pred[a]}) / {b!r} ({pred[b]})"] += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {
        "split": split,
        "lexicon": lexicon,
        "articles": len(chosen),
        "pairs": tp + fp + fn + tn,
        "positive_pairs": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "seconds": round(elapsed, 1),
    }
    return result, errors


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["train", "dev"], default="dev")
    ap.add_argument("--no-lexicon", action="store_true", help="run without the alias lexicon (rules only)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    args = ap.parse_args()
    result, errors = evaluate(args.split, lexicon=not args.no_lexicon, limit=args.limit)
    OUT.mkdir(parents=True, exist_ok=True)
    name = f"actor_pairs_{args.split}{'_nolex' if args.no_lexicon else ''}.json"
    (OUT / name).write_text(
        json.dumps({**result, "errors": errors.most_common(40)}, indent=1), encoding="utf-8"
    )
    print(json.dumps(result))
    for err, n in errors.most_common(15):
        print(f"  {n:3d}  {err}", file=sys.stderr)


if __name__ == "__main__":
    main()

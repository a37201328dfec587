"""List attribution errors on PolNeAR **train** (never dev): wrong speakers, wrong content boundaries.

    .venv/bin/python evaluation/quotes.py --split train --cache      # writes evaluation/out/quotes_train.jsonl
    .venv/bin/python evaluation/quote_errors.py speaker [--n 40] [--seed 0]
    .venv/bin/python evaluation/quote_errors.py boundary [--n 40] [--seed 0]
    .venv/bin/python evaluation/quote_errors.py counts

Matching is the scorer's (``../shared/eval/score_quotes.py``, overlap50, one-to-one, greedy).
``speaker``: matched contents whose predicted source shares no word with the gold source.
``boundary``: gold items left unmatched although a prediction has the same cue (its content
too long or too short). ``counts``: how many of each, by a rough kind.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "eval" / "polnear_train.jsonl"
PRED = ROOT / "evaluation" / "out" / "quotes_train.jsonl"
sys.path.insert(0, str(ROOT / "evaluation"))
from quotes import overlap50_matches, token_set, word_tokens  # noqa: E402  evaluation/quotes.py


def _text(text: str, spans) -> str:
    return " … ".join(text[a:b] for a, b in spans or ()) if spans else "-"


def pairs(pred_path: Path = PRED):
    """(article, gold, pred or None, matched) for every gold item, plus unmatched predictions."""
    preds = {d["id"]: d for d in map(json.loads, pred_path.open(encoding="utf-8"))}
    for line in GOLD.open(encoding="utf-8"):
        art = json.loads(line)
        text = art["text"]
        toks = word_tokens(text)
        golds = [q for q in art["quotes"] if q.get("content_span")]
        ps = [q for q in preds.get(art["id"], {}).get("quotes", []) if q.get("content_span")]
        by_pred = overlap50_matches(
            [token_set(p["content_span"], toks) for p in ps],
            [token_set(g["content_span"], toks) for g in golds],
        )
        up = set(by_pred)
        match = {j: i for i, j in by_pred.items()}
        for j, g in enumerate(golds):
            if j in match:
                p = ps[match[j]]
                gs, psk = token_set(g.get("speaker_span"), toks), token_set(p.get("speaker_span"), toks)
                ok = bool(gs & psk) if gs else not psk
                yield art, g, p, ("ok" if ok else "speaker")
            else:
                gc = {x for a, b in g.get("cue_span") or () for x in range(a, b)}
                same = [
                    p
                    for i, p in enumerate(ps)
                    if i not in up and gc & {x for a, b in p.get("cue_span") or () for x in range(a, b)}
                ]
                yield art, g, (same[0] if same else None), ("boundary" if same else "miss")


def kind_of_speaker(art, g, p) -> str:
    text = art["text"]
    gs = _text(text, g.get("speaker_span")).lower()
    ps = _text(text, p.get("speaker_span")).lower() if p.get("speaker_span") else None
    if not g.get("speaker_span"):
        return "gold none"
    if ps is None:
        return "pred none"
    if gs in ("he", "she", "they", "i", "we", "it", "you"):
        return "gold pronoun"
    return "other"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=["speaker", "boundary", "counts"])
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--pred", type=Path, default=PRED, help="predictions on train (quotes.py --out)")
    a = ap.parse_args()
    rows = list(pairs(a.pred))
    if a.what == "counts":
        print(Counter(r[3] for r in rows))
        print("speaker errors:", Counter(kind_of_speaker(*r[:3]) for r in rows if r[3] == "speaker"))
        longer = Counter()
        for _art, g, p, k in rows:
            if k == "boundary":
                gl = sum(b - x for x, b in g["content_span"])
                pl = sum(b - x for x, b in p["content_span"])
                longer["pred longer" if pl > gl else "pred shorter"] += 1
        print("boundary:", longer)
        return 0
    sel = [r for r in rows if r[3] == a.what]
    random.Random(a.seed).shuffle(sel)
    for art, g, p, _k in sel[: a.n]:
        text = art["text"]
        print(
            f"== {art['id']}  cue gold={_text(text, g.get('cue_span'))!r} pred={_text(text, p.get('cue_span'))!r}"
        )
        print(
            f"   SRC gold={_text(text, g.get('speaker_span'))!r}  pred={_text(text, p.get('speaker_span'))!r}"
        )
        print(f"   GOLD: {_text(text, g['content_span'])[:300]}")
        print(f"   PRED: {_text(text, p['content_span'])[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

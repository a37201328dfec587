"""The attribution cue lexicon: which words are cues, of which class, and how reliable each is.

The hand lexicon (``lexicons/attribution_cues.yaml``) lists the cue verbs by class (speech,
belief, intent, object), the raising verbs, the prepositional cues ("according to"), the
adjectives of stance and the speaker labels. The weights (``lexicons/attribution_cue_weights.yaml``,
learned on PolNeAR train by ``evaluation/learn_cue_weights.py``) count how often each cue key
("say/speech+p", "call/pp:for") was right; ``CueLexicon.precision`` smooths them, and a cue
under ``MIN_PRECISION`` is dropped. Kept apart from the passes so that the learner can load the
lexicon with every verb as a cue (``open_class``) and score held-out weights (``use_weights``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from storyline import lexicons
from storyline.lexicons import load_yaml
from storyline.stages.cue_frames import FRAME_PREFIXES

# The lexicon files (``storyline.lexicons``): the hand lexicon, and the weights that
# evaluation/learn_cue_weights.py learns and writes (a file it may not have written yet).
CUES_FILE = "attribution_cues.yaml"
WEIGHTS_FILE = "attribution_cue_weights.yaml"

CLASSES = ("speech", "belief", "intent", "object")
# Learned cue weights (evaluation/learn_cue_weights.py): a cue "lemma/class" whose
# smoothed precision on PolNeAR train is below MIN_PRECISION is dropped. Adding an
# item of precision p raises F1 when p > F1/2; 0.3 was the best of 0.2-0.45 on train (F1 55.0).
MIN_PRECISION = 0.3
# Beta prior of the smoothing: a cue seen n times with tp hits scores (tp + 1) / (n + 3).
PRIOR_TP, PRIOR_N = 1.0, 3.0
# Weight of the pooled cue's precision in the smoothing of a cue with one kind of source
# ("say/speech+p"): two-fold held-out content+speaker F1 on train 59.4 with 1 or 3, 59.2 with 8.
SOURCE_KIND_PRIOR = 3.0
# A lemma outside the hand lexicon becomes a cue only with this many train occurrences
# (5: train F1 58.2; 4: 58.3, 8: 58.0, 15: 57.7 -- 5 keeps some margin against chance hits).
MIN_LEARNED_COUNT = 5


@dataclass(frozen=True)
class CueLexicon:
    classes: dict[str, tuple[str, ...]]  # lemma -> its classes, in order of precedence
    object_never: frozenset[str]
    prepositional: tuple[tuple[str, ...], ...]
    raising: frozenset[str] = frozenset()
    weights: dict[str, tuple[int, int]] = field(default_factory=dict)  # "lemma/class" -> (hits, seen)
    open_class: bool = False  # every verb is a candidate (for learning the weights)
    frames: frozenset[str] = frozenset()  # reliable "lemma/frame" keys of cue_frames ("call/pp:for")
    reporting: frozenset[str] = frozenset()  # the hand lexicon's speech and belief verbs
    hand_cues: frozenset[str] = frozenset()  # the hand lexicon's verbs of every class
    speaker_labels: frozenset[str] = frozenset()  # "Q", "Poll": a "Head: rest" line's head that says the rest
    adjectives: frozenset[str] = (
        frozenset()
    )  # "critical", "eager": a stance after a copula ("was critical of X")

    @functools.cached_property
    def frame_lemmas(self) -> frozenset[str]:
        return frozenset(k.rsplit("/", 1)[0] for k in self.frames)

    def precision(self, key: str) -> float | None:
        w = self.weights.get(key)
        # a cue with one kind of source is smoothed towards the cue whatever its source, a cue
        # inside a reported clause ("^") towards the same cue outside one
        prior_key = pooled_key(key) if "+" in key else key.replace("^", "") if "^" in key else None
        if prior_key is not None:
            prior = self.precision(prior_key)
            if w is None or prior is None:
                return prior if prior is not None or w is None else (w[0] + PRIOR_TP) / (w[1] + PRIOR_N)
            return (w[0] + SOURCE_KIND_PRIOR * prior) / (w[1] + SOURCE_KIND_PRIOR)
        if w is None:
            return None
        return (w[0] + PRIOR_TP) / (w[1] + PRIOR_N)


_SOURCE_KIND = re.compile(r"\+[pn0]")


def pooled_key(key: str) -> str:
    """The cue's key whatever its source ("say/speech+p@quote" -> "say/speech@quote")."""
    return _SOURCE_KIND.sub("", key)


# The weights a held-out fold of ``learn_cue_weights.py --cv`` scores with instead (``use_weights``).
_weights_override: dict[str, Any] | None = None


def use_weights(raw: dict[str, Any] | None) -> None:
    """Score with these learned weights (a parsed weights file) in place of the bundled ones, or
    with the bundled ones again (``None``): the held-out folds of ``learn_cue_weights.py --cv``."""
    global _weights_override
    _weights_override = raw
    load_cues.cache_clear()


def _learned_weights() -> dict[str, Any]:
    """The learned weights file's content: the override, else the bundled file ({} without one)."""
    if _weights_override is not None:
        return _weights_override
    if not resources.files(lexicons).joinpath(WEIGHTS_FILE).is_file():
        return {}
    return load_yaml(WEIGHTS_FILE) or {}


@functools.lru_cache(maxsize=2)
def load_cues(open_class: bool = False) -> CueLexicon:
    data = load_yaml(CUES_FILE)
    classes: dict[str, list[str]] = {}
    for cls in CLASSES:
        for lemma in data["verbs"][cls]:
            classes.setdefault(str(lemma).lower(), [])
            if cls not in classes[str(lemma).lower()]:
                classes[str(lemma).lower()].append(cls)
    weights: dict[str, tuple[int, int]] = {}
    frames: set[str] = set()
    if not open_class:
        raw = _learned_weights()
        weights = {k: (int(v[0]), int(v[1])) for k, v in (raw.get("weights") or {}).items()}
        # Lemmas the hand lexicon lacks but train shows to be reliable cues.
        for key, (tp, n) in weights.items():
            lemma, cls = key.rsplit("/", 1)
            if n >= MIN_LEARNED_COUNT and (tp + PRIOR_TP) / (n + PRIOR_N) >= MIN_PRECISION:
                if cls.startswith(FRAME_PREFIXES):
                    frames.add(key)
                elif cls in CLASSES:
                    have = classes.setdefault(lemma, [])
                    if cls not in have:
                        have.append(cls)
    return CueLexicon(
        classes={k: tuple(v) for k, v in classes.items()},
        object_never=frozenset(data.get("object_never_content", ())),
        prepositional=tuple(tuple(p) for p in data.get("prepositional", ())),
        raising=frozenset(data.get("raising", ())),
        weights=weights,
        open_class=open_class,
        frames=frozenset(frames),
        reporting=frozenset(str(v).lower() for cls in ("speech", "belief") for v in data["verbs"][cls]),
        hand_cues=frozenset(str(v).lower() for cls in CLASSES for v in data["verbs"][cls]),
        speaker_labels=frozenset(str(v).lower() for v in data.get("speaker_labels", ())),
        adjectives=frozenset(str(v).lower() for v in data.get("adjectives", ())),
    )

"""Wire copy: republished and lightly edited copies of one dispatch.

Each article is a set of word shingles (``SHINGLE_WORDS`` consecutive words,
lower-cased). MinHash signatures in an LSH index (datasketch) propose articles
that share many shingles; the exact Jaccard similarity of the shingle sets
decides. Every copy maps to one original: the earliest article of its group
(publication date, then id), and the copy's similarity is measured against that
original, never against another copy, so a chain of edits cannot drift.

:class:`WireIndex` is incremental: ``add`` maps new articles to originals it
already holds or makes them originals. It keeps shingle sets of originals only.
:func:`copy_diff` shows where a copy differs from its original, sentence by
sentence, with character spans into both texts. Pure over texts: no I/O.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from datasketch import MinHash, MinHashLSH

# Five-word shingles: shorter ones match common phrases across unrelated
# reports ("said in a statement"), longer ones break on every small edit.
SHINGLE_WORDS = 5
NUM_PERM = 128
# LSH proposes pairs whose estimated Jaccard is about this or more; it sits
# below COPY_SIMILARITY so that copies near the bar are not missed.
LSH_THRESHOLD = 0.4
# Exact Jaccard of shingle sets from which an article is a copy of another.
# A dispatch republished with a new headline, a cut last paragraph and a few
# changed words keeps well over half of its shingles (see the tests); two
# outlets' own reports on one event share under a tenth.
COPY_SIMILARITY = 0.5
# Articles shorter than this many words have too few shingles to judge.
MIN_WORDS = 25
SEED = 1

_WORD = re.compile(r"\w+")
# A sentence ends at . ! ? (and closing quotes) before a space, or at a new line; "7.0" does not end one.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+[\"'”’)]*(?=\s|$)|(?=\n)|$)")


@dataclass(frozen=True, slots=True)
class WireArticle:
    id: str
    text: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class WireCopy:
    """``article_id`` republishes ``original_id``; ``similarity`` is their shingle Jaccard."""

    article_id: str
    original_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """One difference between an original and a copy; spans are ``[start, end)`` into each text."""

    kind: Literal["removed", "added", "changed"]
    original_start: int
    original_end: int
    copy_start: int
    copy_end: int


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The article's ``size``-word shingles, lower-cased, as 8-byte hashes."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        words_sets = [" ".join(words)] if words else []
    else:
        words_sets = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return {hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in words_sets}


def jaccard(a: set[bytes], b: set[bytes]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _minhash(shingle_set: set[bytes]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=lambda b: struct.unpack("<I", b[:4])[0])
    m.update_batch(list(shingle_set))
    return m


class WireIndex:
    """Originals and their copies over a growing set of articles."""

    def __init__(self, threshold: float = COPY_SIMILARITY) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self._original_of: dict[str, str] = {}  # every article -> its original (itself for originals)
        self._shingles: dict[str, set[bytes]] = {}  # originals only
        self._copies: dict[str, WireCopy] = {}

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._original_of

    def add(self, articles: Sequence[WireArticle]) -> list[WireCopy]:
        """Add articles, earliest first; return the copies found among them."""
        found = []
        for article in sorted(articles, key=lambda a: (a.published or "9999", a.id)):
            if article.id in self._original_of:
                continue
            own = shingles(article.text)
            if len(_WORD.findall(article.text)) < MIN_WORDS:
                self._original_of[article.id] = article.id  # too short to judge: neither copy nor original
                continue
            signature = _minhash(own)
            roots = {self._original_of[k] for k in self._lsh.query(signature)}
            best: tuple[float, str] | None = None
            for root in sorted(roots):
                sim = jaccard(own, self._shingles[root])
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, root)
            if best is None:
                self._original_of[article.id] = article.id
                self._shingles[article.id] = own
            else:
                self._original_of[article.id] = best[1]
                copy = WireCopy(article.id, best[1], round(best[0], 4))
                self._copies[article.id] = copy
                found.append(copy)
            self._lsh.insert(article.id, signature)
        return found

    def copies(self) -> list[WireCopy]:
        """Every copy, grouped by original."""
        return sorted(self._copies.values(), key=lambda c: (c.original_id, -c.similarity, c.article_id))

    def original_of(self, article_id: str) -> str:
        """The original an article copies, or the article itself."""
        return self._original_of[article_id]


def find_copies(articles: Sequence[WireArticle], threshold: float = COPY_SIMILARITY) -> list[WireCopy]:
    """Copies among ``articles`` in one batch."""
    index = WireIndex(threshold)
    index.add(articles)
    return index.copies()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence-like pieces of ``text`` (ends at . ! ? or a new line), stripped, as spans."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _key(sentence: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(sentence))


def copy_diff(original: str, copy: str) -> list[SentenceChange]:
    """Where ``copy`` differs from ``original``: sentences removed, added or changed."""
    a, b = sentence_spans(original), sentence_spans(copy)
    ka = [_key(original[s:e]) for s, e in a]
    kb = [_key(copy[s:e]) for s, e in b]
    changes: list[SentenceChange] = []
    matcher = difflib.SequenceMatcher(a=ka, b=kb, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            pairs = min(i2 - i1, j2 - j1)
            for k in range(pairs):
                (os_, oe), (cs, ce) = a[i1 + k], b[j1 + k]
                changes.append(SentenceChange("changed", os_, oe, cs, ce))
            for i in range(i1 + pairs, i2):
                changes.append(SentenceChange("removed", a[i][0], a[i][1], _at(b, j2), _at(b, j2)))
            for j in range(j1 + pairs, j2):
                changes.append(SentenceChange("added", _at(a, i2), _at(a, i2), b[j][0], b[j][1]))
        elif op == "delete":
            for i in range(i1, i2):
                changes.append(SentenceChange("removed", a[i][0], a[i][1], _at(b, j1), _at(b, j1)))
        elif op == "insert":
            for j in range(j1, j2):
                changes.append(SentenceChange("added", _at(a, i1), _at(a, i1), b[j][0], b[j][1]))
    return changes


def _at(spans: list[tuple[int, int]], index: int) -> int:
    """The offset where an insertion before sentence ``index`` sits."""
    if index < len(spans):
        return spans[index][0]
    return spans[-1][1] if spans else 0

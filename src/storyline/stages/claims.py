"""Numeric claims: the number, its qualifier, what it counts, as of when, and who claims it.

"The Syrian Observatory for Human Rights said at least 14 rebels were among the dead" ->
Claim(value=14, qualifier="at least", counts="rebels", claimant="Syrian Observatory for Human
Rights"). Numbers in digits and words ("13,000", "two million", "half the country's
population", "more than 1,000-strong"); dates, durations and ordinals are left to the time stage.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from storyline.names import LEXICONS
from storyline.records import Claim, Mention
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.lexeme import Lexeme
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
    from spacy.vocab import Vocab

# Numbers written in words below this ("one", "two") are mostly not claims ("two parliaments",
# "the two countries"); in the seeds every word number below 3 was such a phrase, every one of
# 3 and above a count ("five religious judges"). Digits are always kept.
MIN_WORD_VALUE = 3
# Four-digit numbers in this range without a thousands comma are years ("in 2013").
YEARS = range(1800, 2100)
# How many words before a number are searched for its qualifier ("no fewer than").
QUALIFIER_WORDS = 3
# A cue verb counts as introducing the claim when it is this close after the source's name.
SOURCE_CUE_GAP = 3
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_IRREGULAR = {
    "lose": "lost",
    "take": "taken",
    "flee": "fled",
    "leave": "left",
    "hold": "held",
    "kill": "killed",
}


@dataclass(frozen=True)
class ClaimLexicon:
    words: dict[str, float]
    scales: dict[str, float]
    fractions: dict[str, float]
    qualifiers: list[tuple[str, str]]  # (surface, normalized), longest first
    measures: dict[str, str]  # word -> measure
    event_verbs: frozenset[str]
    source_verbs: frozenset[str]
    source_nouns: frozenset[str]
    time_nouns: frozenset[str]
    # fractions by their first letter, longest first: the per-token test looks only at these
    fractions_by_initial: dict[str, tuple[str, ...]]
    by_source: re.Pattern[str]  # "... by " before a source: "a statement by", "a report by"
    # word (spaCy orth id) -> whether it is a number word: filled as texts are read
    number_orths: dict[int, bool] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    data = yaml.safe_load((LEXICONS / "claims.yaml").read_text(encoding="utf-8"))
    measures = {w: m for m, ws in data["measures"].items() for w in ws}
    quals = sorted(data["qualifiers"].items(), key=lambda kv: -len(kv[0]))
    fractions = {k: float(v) for k, v in data["fractions"].items()}
    by_initial: dict[str, list[str]] = {}
    for f in sorted(fractions, key=len, reverse=True):
        by_initial.setdefault(f[:1], []).append(f)
    return ClaimLexicon(
        words={k: float(v) for k, v in data["number_words"].items()},
        scales={k: float(v) for k, v in data["scales"].items()},
        fractions=fractions,
        qualifiers=quals,
        measures=measures,
        event_verbs=frozenset(data["event_verbs"]),
        source_verbs=frozenset(data["source_verbs"]),
        source_nouns=frozenset(data["source_nouns"]),
        time_nouns=frozenset(data["time_nouns"]),
        fractions_by_initial={k: tuple(v) for k, v in by_initial.items()},
        by_source=re.compile(r"\b(" + "|".join(data["source_nouns"]) + r") by $"),
    )


def parse_number(text: str) -> float | None:
    """The value of a number phrase: "13,000", "1.5 million", "two hundred", "half", "1,000-strong"."""
    lex = load_claim_lexicon()
    t = text.lower().replace("\u2011", "-").strip()
    t = re.sub(r"-strong$", "", t).strip()
    if t in lex.fractions:
        return lex.fractions[t]
    words = re.split(r"[\s-]+", t)
    total = 0.0
    current: float | None = None
    for w in words:
        if w == "and":
            continue
        if w == "a" and current is None:
            current = 1.0
        elif _DIGITS.match(w):
            current = (current or 0.0) + float(w.replace(",", ""))
        elif w in lex.words:
            current = (current or 0.0) + lex.words[w]
        elif w in lex.scales:
            current = 1.0 if current is None else current
            if lex.scales[w] >= 1000:
                total += current * lex.scales[w]
                current = None
            else:
                current *= lex.scales[w]
        else:
            return None
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)


def _is_number_token(tok: Token | Lexeme, lex: ClaimLexicon) -> bool:
    low = tok.lower_
    return (
        bool(_DIGITS.match(low)) or low in lex.words or low in lex.scales or (tok.like_num and low.isalpha())
    )


def _is_number_orth(orth: int, vocab: Vocab, lex: ClaimLexicon) -> bool:
    """:func:`_is_number_token` of a word by its orth id: it reads only the word's lexeme, so the
    answer is kept per word and no spaCy Token is made for the other words."""
    known = lex.number_orths.get(orth)
    if known is None:
        known = lex.number_orths[orth] = _is_number_token(vocab[orth], lex)
    return known


def _qualifier(text: str, start: int, lex: ClaimLexicon) -> tuple[str | None, int]:
    before = text[max(0, start - 40) : start]
    words = before.split()[-QUALIFIER_WORDS:]
    tail = " ".join(words).lower()
    for surface, normalized in lex.qualifiers:
        if tail == surface or tail.endswith(" " + surface):
            return normalized, start - len(before) + before.lower().rindex(surface)
    return None, start


def _participle(verb: Token) -> str:
    if verb.tag_ in ("VBN", "VBD"):
        return verb.lower_
    lemma = verb.lemma_.lower()
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    return lemma + ("d" if lemma.endswith("e") else "ed")


def _counted(text: str, noun: Token, number_end: int, lex: ClaimLexicon) -> tuple[str, int]:
    """What a number counts: its noun with the modifiers between them, and the governing verb."""
    words = [t for t in noun.doc[number_end : noun.i + 1] if t.dep_ != "det" and not t.like_num]
    while words and words[0].is_punct:
        words.pop(0)
    # The text as written from the first modifier to the noun ("surface-to-air missiles").
    phrase = text[words[0].idx : noun.idx + len(noun.text)] if words else noun.text
    end = noun.idx + len(noun.text)
    head = noun.head
    if (
        noun.dep_ in ("nsubj", "nsubjpass", "dobj")
        and head.pos_ == "VERB"
        and head.i != noun.i
        and head.lemma_.lower() in lex.event_verbs
    ):
        phrase = f"{phrase} {_participle(head)}"
        if noun.dep_ == "nsubjpass" and head.i > noun.i:
            end = head.idx + len(head.text)
        if noun.dep_ == "nsubj":  # "people lose their lives": the object says what happened
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                phrase = f"{phrase} {obj.text}"
    return phrase, end


def _noun_after(tokens: list[Token]) -> Token | None:
    """The noun a number modifies: its nummod head, else the first noun right after it."""
    last = tokens[-1]
    between = last.doc[last.i + 1 : last.head.i]
    if (
        last.dep_ in ("nummod", "quantmod", "compound")
        and last.head.pos_ == "NOUN"
        and last.head.i > last.i
        and not any("\n" in t.text_with_ws for t in between)
    ):
        return last.head
    for t in last.doc[last.i + 1 : last.i + 4]:
        if "\n" in t.text_with_ws and t.pos_ != "NOUN":
            break
        if t.pos_ == "NOUN":
            return t
        if t.pos_ not in ("ADJ", "DET", "ADP", "NUM"):
            break
    return None


def _chunk_before(sent: SpacySpan, i: int) -> SpacySpan | None:
    chunks = [c for c in sent.noun_chunks if c.end <= i]
    return chunks[-1] if chunks else None


def _claimant(doc: ArticleDoc, start: int, end: int, lex: ClaimLexicon) -> str | None:
    """The closest source named before the claim in its sentence, else the speaker whose
    attributed content holds the claim."""
    sent = doc.doc.char_span(start, end, alignment_mode="expand")
    sent_start = sent.sent.start_char if sent is not None else 0
    best: tuple[int, Mention] | None = None
    for m in doc.mentions:
        if not (sent_start <= m.start and m.end <= start) or m.label not in (
            "ORG",
            "PERSON",
            "DESC",
            "GPE",
            "NORP",
        ):
            continue
        after = doc.text[m.end : start]
        words = re.findall(r"[\w']+", after.lower().replace("\u2019", "'"))[: SOURCE_CUE_GAP + 1]
        cue = any(w in lex.source_verbs for w in words[:SOURCE_CUE_GAP]) or (
            after.lstrip().startswith(("'s", "\u2019s"))
            and any(w in lex.source_nouns for w in words[: SOURCE_CUE_GAP + 1])
        )
        before = doc.text[max(sent_start, m.start - 30) : m.start].lower()
        by_source = lex.by_source.search(before)
        if (cue or before.endswith("according to ") or by_source) and (best is None or m.start > best[0]):
            best = (m.start, m)
    if best is not None:
        return best[1].actor or best[1].text
    holders = [
        a for a in doc.attributions if a.speaker and any(s.start <= start and end <= s.end for s in a.content)
    ]
    if holders:
        return min(holders, key=lambda a: sum(s.end - s.start for s in a.content)).speaker
    return None


def _as_of(doc: ArticleDoc, start: int, end: int) -> str | None:
    span = doc.doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        s, e = span.sent.start_char, span.sent.end_char
        dated = [t for t in doc.timexes if s <= t.start and t.end <= e and t.type == "DATE"]
        if dated:
            return min(dated, key=lambda t: min(abs(t.start - end), abs(start - t.end))).value
    if doc.published and doc.published.date:
        return doc.published.date
    return doc.article.published


def extract_claims(doc: ArticleDoc) -> list[Claim]:
    """Every numeric claim of the article, in text order."""
    lex = load_claim_lexicon()
    timex_spans = [(t.start, t.end) for t in doc.timexes]
    claims: list[Claim] = []
    from spacy.attrs import IDX, ORTH

    sdoc = doc.doc
    n = len(sdoc)
    # the words and offsets as plain ints: Token objects are made only for numbers and fractions
    rows: list[list[int]] = sdoc.to_array([ORTH, IDX]).tolist() if n else []
    text = doc.text
    i = 0
    while i < n:
        orth, idx = rows[i]
        fractions = lex.fractions_by_initial.get(text[idx : idx + 1].lower()[:1])
        fraction = (
            next(
                (
                    f
                    for f in fractions
                    if text[idx : idx + len(f)].lower() == f and (idx == 0 or not text[idx - 1].isalnum())
                ),
                None,
            )
            if fractions
            else None
        )
        if fraction and i + 1 < n:
            claim = _fraction_claim(doc, sdoc[i], fraction, lex)
            if claim:
                claims.append(claim)
                i += len(fraction.split())
                continue
        if not _is_number_orth(orth, sdoc.vocab, lex) or sdoc[i].ent_type_ in SKIP_ENTS:
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and _is_number_orth(rows[j + 1][0], sdoc.vocab, lex)
            and sdoc[j + 1].ent_type_ not in SKIP_ENTS
        ):
            j += 1
        number_tokens = [sdoc[k] for k in range(i, j + 1)]
        i = j + 1
        claim = _number_claim(doc, number_tokens, lex, timex_spans)
        if claim:
            claims.append(claim)
    return claims


def _number_claim(
    doc: ArticleDoc, toks: list[Token], lex: ClaimLexicon, timexes: list[tuple[int, int]]
) -> Claim | None:
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if any(s < end and start < e for s, e in timexes):
        return None
    prev = toks[0].doc[toks[0].i - 1] if toks[0].i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ != "":
        return None  # part of a name: "Europe 1", "Formula 1"
    text = doc.text[start:end]
    value = parse_number(text)
    if value is None:
        return None
    digits = any(c.isdigit() for c in text)
    if digits and "," not in text and len(text) == 4 and int(value) in YEARS:
        return None
    if not digits and value < MIN_WORD_VALUE:
        return None
    after = doc.doc[toks[-1].i + 1 : toks[-1].i + 3]
    sent = toks[0].sent
    counts: str | None
    if len(after) >= 2 and after[0].text in ("-", "\u2011") and after[1].lower_ == "strong":
        end = after[1].idx + len(after[1].text)
        following = doc.doc[after[1].i + 1 : after[1].i + 2]
        if len(following) and following[0].pos_ == "NOUN":  # "a 1,000-strong force"
            counts, end = following[0].text, following[0].idx + len(following[0].text)
        else:  # "the French troop contingent -- currently more than 1,000-strong"
            chunk = _chunk_before(sent, toks[0].i)
            kept = [t for t in chunk if t.dep_ != "det"] if chunk else []
            counts = doc.text[kept[0].idx : chunk.end_char] if chunk and kept else None
    elif after and after[0].lower_ in ("percent", "%"):
        counts = "percent"
        end = after[0].idx + len(after[0].text)
        of = doc.doc[after[0].i + 1 : after[0].i + 2]
        if len(of) and of[0].lower_ == "of":
            obj = next((c for c in of[0].children if c.dep_ == "pobj"), None)
            if obj is not None:
                counts = "percent of " + " ".join(
                    t.text for t in obj.subtree if t.dep_ not in ("det", "poss")
                )
                end = obj.idx + len(obj.text)
    else:
        noun = _noun_after(toks)
        if noun is None or noun.lower_ in lex.time_nouns:
            return None
        counts, end = _counted(doc.text, noun, toks[-1].i + 1, lex)
    if not counts:
        return None
    qualifier, qstart = _qualifier(doc.text, start, lex)
    return Claim(
        doc.id,
        qstart,
        end,
        value,
        qualifier,
        counts,
        claimant=_claimant(doc, qstart, end, lex),
        as_of=_as_of(doc, qstart, end),
        text=doc.text[qstart:end],
    )


def _fraction_claim(doc: ArticleDoc, tok: Token, fraction: str, lex: ClaimLexicon) -> Claim | None:
    """ "half the country's population", "a third of the city"."""
    n = len(fraction.split())
    rest = doc.doc[tok.i + n : tok.i + n + 8]
    if not len(rest) or rest[0].lower_ not in ("the", "of", "its", "their", "his", "her"):
        return None
    nouns = [t for t in rest if t.pos_ == "NOUN"]
    if not nouns:
        return None
    noun = nouns[0]
    while noun.dep_ == "poss" and noun.head.i > noun.i:
        noun = noun.head
    words = [t for t in doc.doc[tok.i + n : noun.i + 1] if t.dep_ not in ("det",) and t.lower_ != "of"]
    counts = " ".join(t.text for t in words).replace(" \u2019s", "\u2019s").replace(" 's", "'s")
    start, end = tok.idx, noun.idx + len(noun.text)
    head = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if head is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB":
        head = noun.head.head
    if head is None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        head = tok.head
    if head is not None and head.pos_ == "VERB" and head.lemma_.lower() in lex.event_verbs:
        counts = f"{counts} {_participle(head)}"
    qualifier, qstart = _qualifier(doc.text, start, lex)
    return Claim(
        doc.id,
        qstart,
        end,
        lex.fractions[fraction],
        qualifier,
        counts,
        claimant=_claimant(doc, qstart, end, lex),
        as_of=_as_of(doc, qstart, end),
        text=doc.text[qstart:end],
    )


def measure_of(counts: str | None) -> str | None:
    """The normalized measure of what a claim counts ("lives claimed" -> "deaths")."""
    if not counts:
        return None
    lex = load_claim_lexicon()
    words = re.findall(r"[\w']+", counts.lower())
    for phrase, measure in sorted(lex.measures.items(), key=lambda kv: -len(kv[0])):
        if " " in phrase and phrase in " ".join(words):
            return measure
    for w in reversed(words):
        if w in lex.measures:
            return lex.measures[w]
    return words[-1] if words else None

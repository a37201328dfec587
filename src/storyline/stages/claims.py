"""Numeric claims: the number, its qualifier, what it counts, as of when, and who claims it.

"The Syrian Observatory for Human Rights said at least 14 rebels were among the dead" ->
Claim(value=14, qualifier="at least", counts="rebels", claimant="Syrian Observatory for Human
Rights"). Numbers in digits and words ("13,000", "two million", "half the country's
population", "more than 1,000-strong", "two hundred and fifty thousand"), plural numbers and
ranges at their least ("hundreds of people", "250,000 to 500,000" -> at least); dates,
durations and ordinals are left to the time stage, measurements ("200 km") and money to no one.
The claimant is the subject of the verb of saying whose clause holds the claim ("Activists say
..."), else a source named before it, else the speaker of the attribution that holds it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from storyline.names import LEXICONS
from storyline.numbers import DIGITS, counts, number_lexicon, parse_number
from storyline.records import Claim, Mention
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.lexeme import Lexeme
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
    from spacy.vocab import Vocab

# Numbers written in words below this ("one", "two") are mostly not claims ("two parliaments",
# "the two countries"); in the seeds every word number below 3 was such a phrase, every one of
# 3 and above a count ("five religious judges"). Digits are always kept.
MIN_WORD_VALUE = 3
# Four-digit numbers in this range without a thousands comma are years ("in 2013").
YEARS = range(1800, 2100)
# Word numbers of this value and above count before "percent" ("two percent of the world's oil";
# "one percent" was in all three Timeline17 audit sentences a phrase, "The One Percent Doctrine").
MIN_WORD_PERCENT = 2
# How many words before a number are searched for its qualifier ("no fewer than").
QUALIFIER_WORDS = 3
# "several hundred" means at least two hundred: the least of a plural of the unit (as the
# plurals of numbers.yaml, "hundreds" -> 200).
VAGUE_SCALE_FACTOR = 2.0
# How many heads above a date are searched for a "since" that opens its clause ("since protests
# first erupted last March": March -> erupted, whose mark is "since"); two reach the clause's verb
# from a date's noun or its preposition, more reach the main clause ("has killed 5,000 since ...").
PERIOD_CLAUSE_LEVELS = 2
# A cue verb counts as introducing the claim when it is this close after the source's name.
SOURCE_CUE_GAP = 3
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
# Tokens between a number and its noun that end the phrase: brackets (Timeline17 writes them as
# -LRB- / -RRB-: "3 -RRB- The Roots" is a list item) and clause punctuation.
_BREAKS = frozenset({"-LRB-", "-RRB-", "(", ")", "[", "]", ":", ";"})
# Scale words that join a number written on both sides of "and" or a hyphen ("two hundred and
# fifty thousand", "10-million", "two-hundred thousand").
_JOINING_SCALES = frozenset({"hundred", "thousand", "million", "billion"})
# An as-of value is a calendar date ("2011", "2011-06", "2011-W22", "2011-06-08"), not a
# reference to the present, the past or the future ("now" -> PRESENT_REF).
_CALENDAR = re.compile(r"^\d{4}(?:$|-)")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
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
    units: frozenset[str]
    scale_abbreviations: frozenset[str]
    currency_before: frozenset[str]
    currency_nouns: frozenset[str]
    after_qualifiers: dict[str, str]
    source_lemmas: frozenset[str]
    period_starts: frozenset[str]
    generic_measures: frozenset[str]
    vague_numbers: dict[tuple[str, ...], float]  # words -> least value, longest first
    vague_first: frozenset[str]  # the first words of the vague numbers: "dozens", "tens"
    vague_before_scale: frozenset[str]
    # word (spaCy orth id) -> whether it is a number word: filled as texts are read
    number_orths: dict[int, bool] = field(default_factory=dict, compare=False)
    # word (spaCy orth id) -> whether it starts a plural number ("hundreds"): filled as texts are read
    vague_orths: dict[int, bool] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=1)
def load_claim_lexicon() -> ClaimLexicon:
    data = yaml.safe_load((LEXICONS / "claims.yaml").read_text(encoding="utf-8"))
    numbers = counts()
    plurals = number_lexicon().plurals
    measures = {w: m for m, ws in data["measures"].items() for w in ws}
    quals = sorted(data["qualifiers"].items(), key=lambda kv: -len(kv[0]))
    fractions = dict(numbers.phrases)
    by_initial: dict[str, list[str]] = {}
    for f in sorted(fractions, key=len, reverse=True):
        by_initial.setdefault(f[:1], []).append(f)
    return ClaimLexicon(
        words=dict(numbers.words),
        scales=dict(numbers.scales),
        fractions=fractions,
        qualifiers=quals,
        measures=measures,
        event_verbs=frozenset(data["event_verbs"]),
        source_verbs=frozenset(data["source_verbs"]),
        source_nouns=frozenset(data["source_nouns"]),
        time_nouns=frozenset(data["time_nouns"]),
        fractions_by_initial={k: tuple(v) for k, v in by_initial.items()},
        by_source=re.compile(r"\b(" + "|".join(data["source_nouns"]) + r") by $"),
        units=frozenset(data["units"]),
        scale_abbreviations=frozenset(data["scale_abbreviations"]),
        currency_before=frozenset(data["currency_before"]),
        currency_nouns=frozenset(data["currency_nouns"]),
        after_qualifiers=dict(data["after_qualifiers"]),
        source_lemmas=frozenset(data["source_lemmas"]),
        period_starts=frozenset(data["period_starts"]),
        generic_measures=frozenset(data["generic_measures"]),
        vague_before_scale=frozenset(data["vague_before_scale"]),
        vague_numbers={
            tuple(k.split()): v for k, v in sorted(plurals.items(), key=lambda kv: -len(kv[0].split()))
        },
        vague_first=frozenset(k.split()[0] for k in plurals),
    )


def _is_number_token(tok: Token | Lexeme, lex: ClaimLexicon) -> bool:
    low = tok.lower_
    return (
        bool(DIGITS.match(low)) or low in lex.words or low in lex.scales or (tok.like_num and low.isalpha())
    )


def _is_number_orth(orth: int, vocab: Vocab, lex: ClaimLexicon) -> bool:
    """:func:`_is_number_token` of a word by its orth id: it reads only the word's lexeme, so the
    answer is kept per word and no spaCy Token is made for the other words."""
    known = lex.number_orths.get(orth)
    if known is None:
        known = lex.number_orths[orth] = _is_number_token(vocab[orth], lex)
    return known


def _is_vague_orth(orth: int, vocab: Vocab, lex: ClaimLexicon) -> bool:
    known = lex.vague_orths.get(orth)
    if known is None:
        known = lex.vague_orths[orth] = vocab[orth].lower_ in lex.vague_first
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
    acl = next(
        (
            c
            for c in noun.rights
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.event_verbs
        ),
        None,
    )
    if acl is not None and acl.i == noun.i + 1:  # "the 120 security personnel killed a week ago"
        return f"{phrase} {acl.lower_}", acl.idx + len(acl.text)
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and head.head.lower_ in lex.measures
        and head.head.i < noun.i
    ):  # "the deaths of at least 32 people"
        return f"{head.head.lower_} of {phrase}", end
    return phrase, end


def _is_counted_noun(t: Token) -> bool:
    """A common noun, or a plural proper noun ("a million Britons", "3,000 Syrians")."""
    return t.pos_ == "NOUN" or t.tag_ == "NNPS"


def _noun_after(tokens: list[Token]) -> Token | None:
    """The noun a number modifies: its nummod head, else the first noun right after it."""
    last = tokens[-1]
    between = last.doc[last.i + 1 : last.head.i]
    if (
        last.dep_ in ("nummod", "quantmod", "compound")
        and _is_counted_noun(last.head)
        and last.head.i > last.i
        and last.head.text[:1].isalpha()
        and not any("\n" in t.text_with_ws or t.text in _BREAKS for t in between)
    ):
        return last.head
    for t in last.doc[last.i + 1 : last.i + 4]:
        if ("\n" in t.text_with_ws and t.pos_ != "NOUN") or t.text in _BREAKS:
            break
        if _is_counted_noun(t):
            return t if t.text[:1].isalpha() else None
        if t.pos_ not in ("ADJ", "DET", "ADP", "NUM"):
            break
    return None


def _chunk_before(sent: SpacySpan, i: int) -> SpacySpan | None:
    chunks = [c for c in sent.noun_chunks if c.end <= i]
    return chunks[-1] if chunks else None


_CLAIMANT_LABELS = ("ORG", "PERSON", "DESC", "GPE", "NORP")
_SUBJECT_MODIFIERS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _source_subject(doc: ArticleDoc, span: SpacySpan, lex: ClaimLexicon) -> Token | None:
    """The subject of the source verb whose clause holds the claim: "Activists say [at least 100
    people] died", "[60 tanks] were seen ..., military officials said"."""
    child = span.root
    node = child.head
    subjectless = False  # a source verb without a subject was passed ("..., adding that")
    while node.i != child.i:
        if node.pos_ == "NOUN" and node.lower_ in lex.source_nouns:
            return None  # "allegations that some 13,000 people were hanged": the report's, not the verb's
        if (
            node.pos_ in ("VERB", "AUX")
            and node.lemma_.lower() in lex.source_lemmas
            and (subjectless or child.dep_ in ("ccomp", "parataxis"))
        ):
            subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
            subjectless = True  # the subject is that of the source verb it continues
        child, node = node, node.head
    return None


def _subject_name(doc: ArticleDoc, subj: Token) -> str | None:
    """A source subject as a claimant: the actor of the name it is ("the Observatory"), else the
    noun phrase as written without its determiner ("Rights groups", "Syrian officials"); a
    pronoun is left to the attribution stage, which resolves it."""
    if subj.pos_ == "PRON" or subj.lower_ in _PRONOUNS:
        return None
    for m in doc.mentions:
        if m.start <= subj.idx < m.end and m.label in _CLAIMANT_LABELS:
            return m.actor or m.text
    # the modifiers written right before the noun ("Rights groups", "state-run Anatolian news
    # agency"), up to a possessor
    first, kept = subj, {subj.i}
    for t in reversed(doc.doc[subj.left_edge.i : subj.i]):
        if t.head.i not in kept or any(c.dep_ in ("poss", "case") for c in t.children):
            break
        if t.dep_ not in _SUBJECT_MODIFIERS and not (t.dep_ == "punct" and t.text == "-"):
            break
        nxt = doc.doc[t.i + 1]
        if t.is_lower and nxt.pos_ == "NOUN" and nxt.text[:1].isupper():
            break  # a sentence the parser ran on: "... Assad 's rule Activists say"
        kept.add(t.i)
        first = t
    return doc.text[first.idx : subj.idx + len(subj.text)]


def _claimant(doc: ArticleDoc, start: int, end: int, lex: ClaimLexicon) -> str | None:
    """The subject of the source verb that introduces the claim, else the closest source named
    before the claim in its sentence, else the speaker whose attributed content holds the claim."""
    sent = doc.doc.char_span(start, end, alignment_mode="expand")
    sent_start = sent.sent.start_char if sent is not None else 0
    if sent is not None:
        subj = _source_subject(doc, sent, lex)
        name = _subject_name(doc, subj) if subj is not None else None
        if name:
            return name
    best: tuple[int, Mention] | None = None
    for m in doc.mentions:
        if not (sent_start <= m.start and m.end <= start) or m.label not in _CLAIMANT_LABELS:
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
        lex = load_claim_lexicon()
        dated = [
            t
            for t in doc.timexes
            if s <= t.start
            and t.end <= e
            and t.type == "DATE"
            and _CALENDAR.match(t.value or "")  # not "now" (PRESENT_REF): the report's date
            and not _starts_period(doc, s, t.start, t.end, lex)  # "since March": the report's date
        ]
        if dated:
            return min(dated, key=lambda t: min(abs(t.start - end), abs(start - t.end))).value
    if doc.published and doc.published.date:
        return doc.published.date
    return doc.article.published


def _starts_period(doc: ArticleDoc, sent_start: int, start: int, end: int, lex: ClaimLexicon) -> bool:
    """Whether a date starts the period a count covers: "since March", "since protests first
    erupted last March" (the date in a clause that "since" opens)."""
    words = doc.text[sent_start:start].lower().split()
    if words and words[-1] in lex.period_starts:
        return True
    span = doc.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(PERIOD_CLAUSE_LEVELS):
        if node.lower_ in lex.period_starts or any(
            c.dep_ == "mark" and c.lower_ in lex.period_starts for c in node.children
        ):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def extract_claims(doc: ArticleDoc) -> list[Claim]:
    """Every numeric claim of the article, in text order."""
    lex = load_claim_lexicon()
    timex_spans = [(t.start, t.end) for t in doc.timexes]
    claims: list[Claim] = []
    from spacy.attrs import IDX, ORTH

    sdoc = doc.doc
    n = len(sdoc)
    # the words and offsets as plain ints: Token objects are made only for numbers and fractions
    # (two flat lists, not a list a word: 100k small lists set off the garbage collector, which
    # then walks every object the process holds)
    rows = sdoc.to_array([ORTH, IDX]) if n else None
    orths: list[int] = rows[:, 0].tolist() if rows is not None else []
    offsets: list[int] = rows[:, 1].tolist() if rows is not None else []
    text = doc.text
    i = 0
    while i < n:
        orth, idx = orths[i], offsets[i]
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
            # the fraction's tokens: "three-quarters" is three ("three", "-", "quarters")
            width = 1
            while i + width < n and offsets[i + width] < idx + len(fraction):
                width += 1
            claim = _fraction_claim(doc, sdoc[i], width, fraction, lex)
            if claim:
                claims.append(claim)
            # a fraction of a number ("half a million", "three-quarters of a million") is
            # valued with the number that follows (see _number_claim); a fraction is never a count
            i += width
            continue
        vague = _vague_claim(doc, i, lex) if _is_vague_orth(orth, sdoc.vocab, lex) else None
        if vague is not None:
            claim, i = vague
            claims.append(claim)
            continue
        if (
            not _is_number_orth(orth, sdoc.vocab, lex)
            or _skipped(sdoc[i])
            or sdoc[i].lower_ in lex.scale_abbreviations  # "I 'm": an abbreviation only after a digit
        ):
            i += 1
            continue
        j = i
        while j + 1 < n:
            if _is_number_orth(orths[j + 1], sdoc.vocab, lex) and not _skipped(sdoc[j + 1]):
                j += 1
            elif j + 2 < n and _joins(sdoc[j], sdoc[j + 1], sdoc[j + 2], lex):
                j += 2
            else:
                break
        number_tokens = [sdoc[k] for k in range(i, j + 1)]
        high = _range_high(doc, number_tokens, lex)
        if high is not None and i > 0 and sdoc[i - 1].lower_ == "from":
            i = j + 1  # "rose from 20 to 30": a change, the later number is the claim
            continue
        i = (high[-1].i if high else j) + 1
        claim = _number_claim(doc, number_tokens, lex, timex_spans, high)
        if claim:
            claims.append(claim)
    return claims


def _skipped(tok: Token) -> bool:
    """A number inside a date, time, ordinal or money entity; a number with a thousands comma is
    no date whatever the NER says ("said last week 10,000 soldiers had deserted")."""
    if tok.ent_type_ not in SKIP_ENTS:
        return False
    return tok.ent_type_ == "MONEY" or not _THOUSANDS.match(tok.text)


def _joins(left: Token, mid: Token, right: Token, lex: ClaimLexicon) -> bool:
    """Whether ``left mid right`` continues one number: "hundred and fifty", "10-million",
    "two-hundred"; not "20 and 30" nor "1995-7"."""
    if _skipped(right) or not _is_number_token(right, lex):
        return False
    if mid.lower_ == "and":
        return left.lower_ in _JOINING_SCALES and right.lower_ in lex.words
    if mid.text in ("-", "\u2011") and not mid.whitespace_ and not left.whitespace_:
        return right.lower_ in _JOINING_SCALES or (left.lower_ in lex.words and right.lower_ in lex.words)
    return False


def _run_end(sdoc: SpacyDoc, j: int, lex: ClaimLexicon) -> int:
    """The last token of the number that starts at ``j``."""
    n = len(sdoc)
    while j + 1 < n:
        if _is_number_token(sdoc[j + 1], lex) and not _skipped(sdoc[j + 1]):
            j += 1
        elif j + 2 < n and _joins(sdoc[j], sdoc[j + 1], sdoc[j + 2], lex):
            j += 2
        else:
            break
    return j


def _scale_of(toks: list[Token], lex: ClaimLexicon) -> float:
    return lex.scales[toks[-1].lower_] if toks[-1].lower_ in lex.scales and len(toks) > 1 else 1.0


def _range_high(doc: ArticleDoc, low: list[Token], lex: ClaimLexicon) -> list[Token] | None:
    """The upper number of a range the number ``low`` opens: "250,000 to 500,000", "250000-500000",
    "two- or three-hundred", "between 2 and 3 million"."""
    sdoc = doc.doc
    n = len(sdoc)
    k = low[-1].i + 1
    if k + 1 < n and sdoc[k].text in ("-", "\u2013") and sdoc[k + 1].lower_ in ("or", "to"):
        k += 1
    if k + 1 >= n:
        return None
    word = sdoc[k].lower_
    before = sdoc[low[0].i - 1].lower_ if low[0].i > 0 else ""
    if not (
        word in ("to", "or")
        or (word in ("-", "\u2013") and not sdoc[k - 1].whitespace_ and not sdoc[k].whitespace_)
        or (word == "and" and before == "between")
    ):
        return None
    first = sdoc[k + 1]
    if not _is_number_token(first, lex) or _skipped(first) or first.lower_ in lex.scale_abbreviations:
        return None
    high = list(sdoc[k + 1 : _run_end(sdoc, k + 1, lex) + 1])
    low_value = parse_number(doc.text[low[0].idx : low[-1].idx + len(low[-1].text)])
    high_value = parse_number(doc.text[high[0].idx : high[-1].idx + len(high[-1].text)])
    if low_value is None or high_value is None:
        return None
    if _scale_of(low, lex) == 1.0 and low[-1].lower_ not in lex.scales:
        low_value *= _scale_of(high, lex)  # "2 to 3 million", "two- or three-hundred"
    return high if low_value < high_value else None


def _fraction_before(text: str, start: int, lex: ClaimLexicon) -> tuple[float, int] | None:
    """A fraction written right before a number ("half a million", "three-quarters of a
    million"): its value and start."""
    before = text[max(0, start - 30) : start].lower()
    for f in sorted(lex.fractions, key=len, reverse=True):
        for tail in (f + " of ", f + " "):
            if before.endswith(tail):
                at = start - len(tail)
                if at == 0 or not text[at - 1].isalnum():
                    return lex.fractions[f], at
    return None


def _vague_claim(doc: ArticleDoc, i: int, lex: ClaimLexicon) -> tuple[Claim, int] | None:
    """ "hundreds of people", "tens of thousands of people": the least value the words mean, "at
    least", and the index after the claim's tokens."""
    sdoc = doc.doc
    if i > 0 and sdoc[i - 1].dep_ in ("det", "poss"):
        return None  # "the scores of the match"
    for words, value in lex.vague_numbers.items():
        k = i + len(words)
        if tuple(t.lower_ for t in sdoc[i:k]) != words or k + 1 >= len(sdoc):
            continue
        top = next((t for t in sdoc[i:k] if not i <= t.head.i < k), sdoc[i])
        verb = top.head
        happened = (
            top.dep_ in ("nsubj", "nsubjpass", "dobj")
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in lex.event_verbs
        )
        if sdoc[k].lower_ == "of":
            noun = next((c for c in sdoc[k].children if c.dep_ == "pobj"), None)
            if (
                noun is None
                or noun.pos_ not in ("NOUN", "PROPN")
                or noun.lower_ in lex.time_nouns | lex.units | lex.currency_nouns
            ):
                return None  # "hundreds of years", "thousands of them", "millions of dollars"
            counts, end = _counted(doc.text, noun, k + 1, lex)
            after = noun.i + 1
        elif sdoc[k].lower_ == "more" and _is_counted_noun(sdoc[k + 1]):  # "thousands more refugees"
            noun = sdoc[k + 1]
            counts, end = _counted(doc.text, noun, k, lex)
            after = noun.i + 1
        elif happened:  # "many thousands were killed"
            counts, end, after = _participle(verb), sdoc[k - 1].idx + len(sdoc[k - 1].text), k
            noun = None
        else:
            return None
        if happened and noun is not None and counts.endswith(noun.text):
            # nothing said yet of what happened to them: "hundreds of people have been killed",
            # "killing scores of its security men"
            counts = f"{counts} {_participle(verb)}"
        start = sdoc[i].idx
        claim = Claim(
            doc.id,
            start,
            end,
            value,
            "at least",
            counts,
            claimant=_claimant(doc, start, end, lex),
            as_of=_as_of(doc, start, end),
            text=doc.text[start:end],
        )
        return claim, after
    return None


def _number_claim(
    doc: ArticleDoc,
    toks: list[Token],
    lex: ClaimLexicon,
    timexes: list[tuple[int, int]],
    high: list[Token] | None = None,
) -> Claim | None:
    """The claim of the number ``toks``; ``high``: the upper number of a range it opens, which
    the claim's text spans (its value is the lower number, "at least")."""
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    if any(s < end and start < e for s, e in timexes):
        return None
    prev = toks[0].doc[toks[0].i - 1] if toks[0].i > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ != "":
        return None  # part of a name: "Europe 1", "Formula 1"
    if prev is not None and prev.text in lex.currency_before:
        return None  # money: "$ 550 million", "# 6m"
    if (
        prev is not None
        and prev.lower_ == "in"
        and prev.i > 0
        and prev.doc[prev.i - 1].lower_ in ("one", "1")
    ):
        return None  # a ratio, not a count: "one in four Britons"
    multiplier = 1.0
    vague = False
    if prev is not None and prev.lower_ == "a" and toks[0].lower_ in lex.scales:
        start = prev.idx  # "a dozen", "a million"
    elif (
        prev is not None
        and prev.lower_ in lex.vague_before_scale
        and all(t.lower_ in lex.scales for t in toks)
    ):
        # "several hundred people": at least two hundred
        start, multiplier, vague = prev.idx, VAGUE_SCALE_FACTOR, True
        if prev.i > 0 and prev.doc[prev.i - 1].lower_ == "a":  # "a few thousand"
            start = prev.doc[prev.i - 1].idx
    if not vague and toks[0].is_alpha and (toks[0].lower_ in lex.scales or start < toks[0].idx):
        fraction = _fraction_before(doc.text, start, lex)
        if fraction is not None:
            multiplier, start = fraction
    text = doc.text[start:end]
    value = parse_number(doc.text[toks[0].idx : end])
    if value is None:
        return None
    value *= multiplier
    digits = any(c.isdigit() for c in text)
    if digits and "," not in text and len(text) == 4 and int(value) in YEARS:
        return None
    if high:
        if prev is not None and prev.lower_ == "between":
            start = prev.idx
        if _scale_of(toks, lex) == 1.0 and toks[-1].lower_ not in lex.scales:
            value *= _scale_of(high, lex)
        end = high[-1].idx + len(high[-1].text)
        toks = [*toks, *high]  # the range's words, up to its upper number
    after = doc.doc[toks[-1].i + 1 : toks[-1].i + 3]
    after_text = " ".join(t.lower_ for t in after)
    percent = bool(after) and (after[0].lower_ in ("percent", "%") or after_text == "per cent")
    if not digits and value < (MIN_WORD_PERCENT if percent else MIN_WORD_VALUE):
        return None
    count_from = toks[-1].i + 1
    qualifier_after = lex.after_qualifiers.get(after_text)
    if qualifier_after:  # "a dozen or more executives": the noun comes after the qualifier
        count_from += 2
        after = doc.doc[count_from : count_from + 2]
    sent = toks[0].sent
    counts: str | None
    if len(after) >= 2 and after[0].text in ("-", "\u2011") and after[1].lower_ == "strong":
        end = after[1].idx + len(after[1].text)
        following = doc.doc[after[1].i + 1 : after[1].i + 2]
        if len(following) and following[0].pos_ == "NOUN":  # "a 1,000-strong force"
            noun = following[0]
            if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                noun = noun.head  # "an 80-strong rescue team"
            counts = doc.text[following[0].idx : noun.idx + len(noun.text)]
            end = noun.idx + len(noun.text)
        else:  # "the French troop contingent -- currently more than 1,000-strong"
            chunk = _chunk_before(sent, toks[0].i)
            kept = [t for t in chunk if t.dep_ != "det"] if chunk else []
            counts = doc.text[kept[0].idx : chunk.end_char] if chunk and kept else None
    elif percent:
        sign = after[1] if after_text == "per cent" else after[0]  # "sixty per cent"
        counts = "percent"
        end = sign.idx + len(sign.text)
        of = doc.doc[sign.i + 1 : sign.i + 2]
        if len(of) and of[0].lower_ == "of":
            obj = next((c for c in of[0].children if c.dep_ == "pobj"), None)
            if obj is not None:
                # "of the world 's oil production": the possessor kept, "its" and "the" not
                counts = "percent of " + " ".join(
                    t.text
                    for t in obj.subtree
                    if t.dep_ != "det" and not (t.dep_ == "poss" and t.pos_ == "PRON")
                )
                end = obj.idx + len(obj.text)
    else:
        head_noun = _noun_after(toks)
        if head_noun is None:
            verb = toks[-1].head  # "12 people had been killed and 30 injured", "some 150 of them died"
            if (
                toks[-1].dep_ in ("nsubj", "nsubjpass")
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in lex.event_verbs
            ):
                counts = _participle(verb)
                end = max(end, verb.idx + len(verb.text)) if verb.i == toks[-1].i + 1 else end
            else:
                return None
        elif head_noun.lower_ in lex.time_nouns | lex.units | lex.currency_nouns:
            return None
        else:
            counts, end = _counted(doc.text, head_noun, count_from, lex)
    if not counts:
        return None
    qualifier: str | None
    if vague or high:
        qualifier, qstart = "at least", start
    elif qualifier_after:
        qualifier, qstart = qualifier_after, start
    else:
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


def _fraction_claim(doc: ArticleDoc, tok: Token, n: int, fraction: str, lex: ClaimLexicon) -> Claim | None:
    """ "half the country's population", "a third of the city" (``n``: the fraction's tokens)."""
    rest = doc.doc[tok.i + n : tok.i + n + 8]
    if not len(rest) or rest[0].lower_ not in ("the", "of", "its", "their", "his", "her"):
        return None
    of_a = rest[1:3] if rest[0].lower_ == "of" else rest[0:0]
    if len(of_a) == 2 and of_a[0].lower_ == "a" and of_a[1].lower_ in lex.scales:
        return None  # "three-quarters of a million Britons": valued with the number
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

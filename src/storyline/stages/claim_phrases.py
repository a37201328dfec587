"""Claims from the phrases the scan finds: a number, a plural number, a fraction.

Each builder decides whether the phrase is a claim (not a year, a name's number, money, a ratio,
a small word number, a measurement), values it (a fraction or "several" before it, a range at its
least), finds what it counts and its qualifier (``claim_counted``) and makes the ``Claim`` with its
claimant (``claim_claimant``) and as-of date (``claim_as_of``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.numbers import parse_number
from storyline.records import Claim
from storyline.stages.claim_as_of import as_of_date
from storyline.stages.claim_claimant import claimant_of
from storyline.stages.claim_counted import (
    chunk_before,
    counted,
    is_counted_noun,
    noun_after,
    participle,
    qualifier_before,
)
from storyline.stages.claim_lexicon import ClaimLexicon
from storyline.stages.claim_numbers import RANGE_DASHES, fraction_before, scale_of
from storyline.stages.document import ArticleDoc

if TYPE_CHECKING:
    from spacy.tokens import Token

# Numbers written in words below this ("one", "two") are mostly not claims ("two parliaments",
# "the two countries"); in the seeds every word number below 3 was such a phrase, every one of
# 3 and above a count ("five religious judges"). Digits are always kept.
MIN_WORD_VALUE = 3
# Four-digit numbers in this range without a thousands comma are years ("in 2013").
YEARS = range(1800, 2100)
# Word numbers of this value and above count before "percent" ("two percent of the world's oil";
# "one percent" was in all three Timeline17 audit sentences a phrase, "The One Percent Doctrine").
MIN_WORD_PERCENT = 2
# "several hundred" means at least two hundred: the least of a plural of the unit (as the
# plurals of numbers.yaml, "hundreds" -> 200).
VAGUE_SCALE_FACTOR = 2.0


def vague_claim(doc: ArticleDoc, i: int, lex: ClaimLexicon) -> tuple[Claim, int] | None:
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
            counts, end = counted(doc.text, noun, k + 1, lex)
            after = noun.i + 1
        elif sdoc[k].lower_ == "more" and is_counted_noun(sdoc[k + 1]):  # "thousands more refugees"
            noun = sdoc[k + 1]
            counts, end = counted(doc.text, noun, k, lex)
            after = noun.i + 1
        elif happened:  # "many thousands were killed"
            counts, end, after = participle(verb), sdoc[k - 1].idx + len(sdoc[k - 1].text), k
            noun = None
        else:
            return None
        if happened and noun is not None and counts.endswith(noun.text):
            # nothing said yet of what happened to them: "hundreds of people have been killed",
            # "killing scores of its security men"
            counts = f"{counts} {participle(verb)}"
        start = sdoc[i].idx
        claim = Claim(
            doc.id,
            start,
            end,
            value,
            "at least",
            counts,
            claimant=claimant_of(doc, start, end, lex),
            as_of=as_of_date(doc, start, end),
            text=doc.text[start:end],
        )
        return claim, after
    return None


def number_claim(
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
        fraction = fraction_before(doc.text, start, lex)
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
        if scale_of(toks, lex) == 1.0 and toks[-1].lower_ not in lex.scales:
            value *= scale_of(high, lex)
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
    if len(after) >= 2 and after[0].text in RANGE_DASHES and after[1].lower_ == "strong":
        end = after[1].idx + len(after[1].text)
        following = doc.doc[after[1].i + 1 : after[1].i + 2]
        if len(following) and following[0].pos_ == "NOUN":  # "a 1,000-strong force"
            noun = following[0]
            if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                noun = noun.head  # "an 80-strong rescue team"
            counts = doc.text[following[0].idx : noun.idx + len(noun.text)]
            end = noun.idx + len(noun.text)
        else:  # "the French troop contingent -- currently more than 1,000-strong"
            chunk = chunk_before(sent, toks[0].i)
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
        head_noun = noun_after(toks)
        if head_noun is None:
            verb = toks[-1].head  # "12 people had been killed and 30 injured", "some 150 of them died"
            if (
                toks[-1].dep_ in ("nsubj", "nsubjpass")
                and verb.pos_ == "VERB"
                and verb.lemma_.lower() in lex.event_verbs
            ):
                counts = participle(verb)
                end = max(end, verb.idx + len(verb.text)) if verb.i == toks[-1].i + 1 else end
            else:
                return None
        elif head_noun.lower_ in lex.time_nouns | lex.units | lex.currency_nouns:
            return None
        else:
            counts, end = counted(doc.text, head_noun, count_from, lex)
    if not counts:
        return None
    qualifier: str | None
    if vague or high:
        qualifier, qstart = "at least", start
    elif qualifier_after:
        qualifier, qstart = qualifier_after, start
    else:
        qualifier, qstart = qualifier_before(doc.text, start, lex)
    return Claim(
        doc.id,
        qstart,
        end,
        value,
        qualifier,
        counts,
        claimant=claimant_of(doc, qstart, end, lex),
        as_of=as_of_date(doc, qstart, end),
        text=doc.text[qstart:end],
    )


def fraction_claim(doc: ArticleDoc, tok: Token, n: int, fraction: str, lex: ClaimLexicon) -> Claim | None:
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
        counts = f"{counts} {participle(head)}"
    qualifier, qstart = qualifier_before(doc.text, start, lex)
    return Claim(
        doc.id,
        qstart,
        end,
        lex.fractions[fraction],
        qualifier,
        counts,
        claimant=claimant_of(doc, qstart, end, lex),
        as_of=as_of_date(doc, qstart, end),
        text=doc.text[qstart:end],
    )

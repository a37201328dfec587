"""Pass 2 of the attributions: quotations joined to the cues that say them.

A content that lies mostly inside a quote takes the whole quote (``grow_to_quotes``,
``close_quotes``). A quotation (``quotemarks.find_quotes``) that no content covers joins the
speech cue of its sentence (""...," he said"), of the sentence before it when that one ends
in a colon ("He added: "...""), of the next sentence when the quote ends its own, or the
attribution of the quote before it in the same paragraph (""...," he said. "..."" is one
attribution in two fragments) (``attach_quotes``). A quote after a colon with no cue verb
names its speaker in the clause before the colon; a whole paragraph in quotes goes on the
previous paragraph's speaker; a short quote with no cue is a scare quote and nobody's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.stages.attribution_spans import (
    WORD,
    Candidate,
    QuoteIndex,
    paragraph_at,
    trim_span,
    word_starts,
)
from storyline.stages.cue_sources import cue_subject
from storyline.stages.document import ArticleDoc
from storyline.stages.quotemarks import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


# A quote this short with no cue is a scare quote ("“every inch”"), not an attribution.
# Calibrated on PolNeAR train: cue-less quotes of 1-4 words are almost never annotated.
MIN_CUELESS_QUOTE_WORDS = 5
# A quote after a colon with no cue verb ("Kasich resisted: "..."") needs this many words.
MIN_COLON_QUOTE_WORDS = 3
# A quote of fewer words, inside a clause of the writer's ('opposed the "Stop Trump" movement',
# "what keeps the party's "old guard" engaged, he noted"), is a scare quote or a title, not a
# cue's content: on PolNeAR train such 1-2 word quotes joined to a speech cue matched gold 30
# times in 124 (0.24, under the F1/2 where keeping pays). A short quote that is a sentence of its
# own ("Absolutely not," he said; Priebus said, "Probably.") still joins its cue.
MIN_EMBEDDED_QUOTE_WORDS = 3


def grow_to_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, text: str) -> None:
    """A content that lies mostly inside one quote takes the whole quote (the parser split it)."""
    for c in cands:
        grown = []
        for s, e in c.content:
            ws = [m.start() for m in WORD.finditer(text, s, e)]
            hits = [qidx.at(w) for w in ws]
            inside = [h for h in hits if h is not None]
            if inside and len(inside) * 2 >= len(ws):
                q = quotes[max(set(inside), key=inside.count)]
                if not (q.start <= c.cue[0] < q.end):
                    s, e = min(s, q.start), max(e, q.end)
                    c.quotes.append(quotes.index(q))
            grown.append((s, e))
        c.content = grown


def close_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, text: str) -> None:
    """A content span that cuts a quote where only punctuation is left outside it ends (or
    starts) at the quote mark: 'which he said was his current "major concern,"' (the parser
    hangs the comma and the closing mark on the next clause)."""
    for c in cands:
        spans = []
        for s, e in c.content:
            q = qidx.at(max(s, e - 1))
            if (
                q is not None
                and quotes[q].start >= s
                and e < quotes[q].end
                and not WORD.search(text, e, quotes[q].end)
            ):
                e = quotes[q].end
            q = qidx.at(s)
            if (
                q is not None
                and quotes[q].start < s
                and quotes[q].end <= e
                and not WORD.search(text, quotes[q].start, s)
            ):
                s = quotes[q].start
            spans.append((s, e))
        c.content = spans


def _in_other_relative_clause(q: Quote, cue_token: int, sdoc: Doc) -> bool:
    """A quoted phrase inside a relative clause that does not hold the cue belongs to that
    clause ('Assad, whom he accused of being a "de facto ally" of jihadists, and urged ...':
    not what he urged)."""
    span = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for a in (span.root, *span.root.ancestors):
        if a.dep_ == "relcl":
            return not a.left_edge.i <= cue_token <= a.right_edge.i
    return False


def attach_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, doc: ArticleDoc) -> None:
    text, sdoc = doc.text, doc.doc
    owner: dict[int, Candidate] = {}
    for c in cands:
        for qi in c.quotes:
            owner[qi] = c
    # The word starts of each content, made once per content (the loops below take every
    # candidate's words for every quote); contents grow below, so the spans are the key.
    memo: dict[tuple[tuple[int, int], ...], set[int]] = {}

    def words(spans: list[tuple[int, int]]) -> set[int]:
        key = tuple((s, e) for s, e in spans)
        found = memo.get(key)
        if found is None:
            found = memo[key] = word_starts(text, spans)
        return found

    # A content that holds most of a quote owns it: a quote after it in the paragraph goes on
    # with the same attribution ('The plans are "irresponsible," he said. "It leaves me speechless."').
    for qi, q in enumerate(quotes):
        qwords = words([(q.start, q.end)])
        for c in cands:
            if qi in owner or not qwords or c.cue is None or q.start <= c.cue[0] < q.end:
                continue
            if len(words(c.content) & qwords) * 2 >= len(qwords):
                owner[qi] = c
    for qi, q in enumerate(quotes):
        if qi in owner:
            continue
        qwords = words([(q.start, q.end)])
        # Covered by the content of a cue outside the quote: already attributed (mixed or direct).
        covered = set()
        for c in cands:
            if c.cue is not None and not (q.start <= c.cue[0] < q.end):
                covered |= words(c.content) & qwords
        if not qwords or len(covered) * 2 >= len(qwords):
            continue
        if len(qwords) < MIN_EMBEDDED_QUOTE_WORDS and not _free_standing(q, sdoc, text):
            continue
        target = _cue_for_quote(q, cands, sdoc, text)
        if (
            target is not None
            and target.cue_token >= 0
            and not _free_standing(q, sdoc, text)
            and _in_other_relative_clause(q, target.cue_token, sdoc)
        ):
            continue
        if target is None and len(qwords) >= MIN_COLON_QUOTE_WORDS:
            target = _colon_candidate(q, doc)
            if target is not None:
                cands.append(target)
        if target is not None:
            if (q.start, q.end) not in [(a, b) for a, b in target.content]:
                target.content.append(trim_span(text, q.start, q.end))
        else:
            prev = owner.get(qi - 1)
            same_para = prev is not None and "\n" not in text[quotes[qi - 1].end : q.start]
            before = _content_just_before(cands, q, text) if len(qwords) >= MIN_CUELESS_QUOTE_WORDS else None
            if prev is not None and (same_para or q.continues):
                target = prev
                target.content.append(trim_span(text, q.start, q.end))
            elif before is not None:
                target = before
                target.content.append(trim_span(text, q.start, q.end))
            elif len(qwords) >= MIN_CUELESS_QUOTE_WORDS and _opens_paragraph(text, q.start):
                src = _previous_speaker(cands, q.start, text)
                if src is not None:
                    target = Candidate(
                        (q.start, q.start),
                        -1,
                        "quote",
                        src.source,
                        [trim_span(text, q.start, q.end)],
                        key="-/quote",
                    )
                    target.cue = None  # type: ignore[assignment]
                    cands.append(target)
        if target is not None:
            owner[qi] = target
            target.quotes.append(qi)
    cands.sort(key=lambda c: c.content[0][0] if c.content else 0)


# Characters at most between the end of a content and a cue-less quote that goes on with it.
MAX_GAP_TO_QUOTE = 3


def _content_just_before(cands: list[Candidate], q: Quote, text: str) -> Candidate | None:
    """The attribution whose content ends the sentence right before a cue-less quote of its
    paragraph: "Sosa said he would not vote for Mr. Cruz. ''I'm not sure that Hispanic
    Republicans really believe ...''" goes on with Sosa's content (train content+speaker F1
    +0.07, 12 more right)."""
    for c in cands:
        if not c.content or c.cue is None:
            continue
        end = max(e for _, e in c.content)
        gap = text[end : q.start]
        if end <= q.start and len(gap) <= MAX_GAP_TO_QUOTE and "\n" not in gap and not WORD.search(gap):
            return c
    return None


def _free_standing(q: Quote, sdoc, text: str) -> bool:  # type: ignore[no-untyped-def]
    """A quote that is a sentence of its own: it ends in a full stop, question or exclamation
    mark ("We lost."), opens its sentence ("Absolutely not," he said) or follows a colon or
    comma ("asked, "Really?"", "said: "No"")."""
    inner = text[q.start : q.end].rstrip("”»\"'″ ")
    if inner.endswith((".", "?", "!", "…")):
        return True
    first = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None or not len(first):
        return False
    sent_start = max(first[0].sent.start_char, text.rfind("\n", 0, q.start) + 1)
    before = text[sent_start : q.start]
    return not before.strip() or before.rstrip().endswith((",", ":"))


def _colon_candidate(q: Quote, doc: ArticleDoc) -> Candidate | None:
    """A quote right after a colon, with no cue verb of the lexicon: "Kasich resisted: "..."",
    "Trump issued the following statement: "..."". The clause before the colon says who."""
    text, sdoc = doc.text, doc.doc
    before = text[: q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = sdoc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    tok = colon[0]
    verb = tok.head
    lo, _hi = paragraph_at(text, len(before) - 1)
    content = [trim_span(text, q.start, q.end)]
    if verb.pos_ in ("VERB", "AUX") and verb.i < tok.i and verb.idx >= lo:
        source = cue_subject(verb)
        if source is not None and source[0] >= lo:
            cue = (verb.idx, verb.idx + len(verb.text))
            return Candidate(cue, verb.i, "colon", source, content, key="-/colon")
    named = [m for m in doc.mentions if m.label in ("PERSON", "ORG") and lo <= m.start and m.end <= tok.idx]
    if named:
        m = named[-1]
        return Candidate((tok.idx, tok.idx + 1), tok.i, "colon", (m.start, m.end), content, key="-/colon")
    return None


def _opens_paragraph(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return not text[line_start:pos].strip()


def _previous_speaker(cands: list[Candidate], pos: int, text: str) -> Candidate | None:
    """The attribution with a source that ends in the paragraph just before ``pos``."""
    para_start = text.rfind("\n", 0, pos)
    prev_start = text.rfind("\n", 0, max(0, para_start - 1))
    while prev_start > 0 and not text[prev_start + 1 : para_start].strip():
        prev_start = text.rfind("\n", 0, prev_start - 1)
    best = None
    for c in cands:
        if c.source is None or not c.content or c.cue is None:
            continue
        if prev_start <= c.cue[0] < pos and (best is None or c.cue[0] > best.cue[0]):
            best = c
    return best


def _cue_for_quote(q: Quote, cands: list[Candidate], sdoc, text: str) -> Candidate | None:
    """The speech cue of the quote's sentence, or of the colon-ended sentence before it."""
    first = sdoc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None:
        return None
    s0 = first[0].sent
    s1 = first[-1].sent
    lo, hi = s0.start, s1.end
    plo, phi = paragraph_at(text, q.start)
    phi = max(phi, paragraph_at(text, max(q.start, q.end - 1))[1])
    pool = [
        c
        for c in cands
        if c.how == "speech"
        and c.cue is not None
        and lo <= c.cue_token < hi
        and not (q.start <= c.cue[0] < q.end)
        and not c.content
        and plo <= c.cue[0] < phi
        # "..., adding: "..."": a cue before a colon takes the quote after it, never one before
        and not (c.cue[0] >= q.end and text[c.cue[1] : c.cue[1] + 2].lstrip().startswith(":"))
    ]
    if not pool and s0.start > 0:
        prev = sdoc[s0.start - 1].sent
        if text[prev.start_char : q.start].rstrip().endswith(":"):
            plo = paragraph_at(text, prev.start_char)[0]
            pool = [
                c
                for c in cands
                if c.how == "speech"
                and prev.start <= c.cue_token < prev.end
                and not c.content
                and c.cue is not None
                and c.cue[0] >= plo
            ]
    if not pool:
        pool = _cue_after_quote(q, cands, sdoc, text, s1)
    if not pool:
        return None
    # The nearest cue: after the quote ("..." he said) or before it (he said: "...").
    return min(pool, key=lambda c: min(abs(c.cue[0] - q.end), abs(c.cue[0] - q.start)))


# A quote that ends its sentence ('"Who do they think they are?" Trump said.': the parser
# splits at "?") takes a content-less speech cue this many words into the next sentence.
MAX_WORDS_TO_NEXT_CUE = 6


def _cue_after_quote(q: Quote, cands: list[Candidate], sdoc, text: str, sent) -> list[Candidate]:  # type: ignore[no-untyped-def]
    """The speech cue of the sentence right after a quote that ends its own sentence."""
    if (
        sent.end >= len(sdoc)
        or text[q.end : sdoc[sent.end].idx].strip()
        or "\n" in text[q.end : sdoc[sent.end].idx]
    ):
        return []
    nxt = sdoc[sent.end].sent
    return [
        c
        for c in cands
        if c.how == "speech"
        and c.cue is not None
        and not c.content
        and nxt.start <= c.cue_token < nxt.end
        and len(WORD.findall(text, nxt.start_char, c.cue[0])) <= MAX_WORDS_TO_NEXT_CUE
    ]

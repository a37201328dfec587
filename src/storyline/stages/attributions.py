"""Attributions: who said, claimed or believes what, read off the article's parse.

Three passes over the one spaCy parse the pipeline already made (no second model):

1. **Cues in the parse.** A verb from the cue lexicon (``lexicons/attribution_cues.yaml``)
   gives an attribution: its subject is the source ("Assad said ...", inherited by
   "..., saying ..." and "adding ..."), its clausal complement, infinitive or object
   the content by the verb's class. "According to X, ..." makes X the source of the
   clause it modifies; a preposition's object or a passive subject in other frames
   (``cue_frames``: "called for X", "X was named Y"). How reliable each cue is was learned
   on PolNeAR train (``lexicons/attribution_cue_weights.yaml``), keyed by lemma, frame, the
   kind of its source and whether it sits in a reported clause ("support/object+p^");
   unreliable ones are dropped.
2. **Quotes.** A quotation (``quotemarks.find_quotes``) that no content covers joins the
   cue of its sentence (""...," he said"), of the sentence before it when that one ends
   in a colon ("He added: "...""), or the quote before it in the same paragraph
   (""...," he said. "..."" is one attribution in two fragments). A whole paragraph in
   quotes goes on the previous paragraph's speaker. A short quote with no cue is a scare
   quote and nobody's attribution.
3. **Type, nesting, speakers.** Content all inside quote marks is ``direct``, partly
   ``mixed``, otherwise ``indirect``; a cue inside another attribution's content is
   nested under it (``parent``); the speaker span resolves to a canonical actor
   (``speakers.SpeakerResolver``), "I"/"we" inside a quote to the quote's speaker.

The code lives in sibling modules:

- ``cue_lexicon``: the cue lexicon and its learned weights (``load_cues``);
- ``attribution_spans``: the candidate record, the quote index and the span helpers the passes share;
- ``cue_sources``: who a cue verb's source is, read off the parse;
- ``cue_contents``: what a cue reports: the content spans of its clause, object or frame;
- ``attribution_contexts``: cues whose context says that nobody asserts anything;
- ``cue_candidates``: pass 1, a candidate for each cue of the parse.

This module runs the passes in order (``extract_attributions``, ``extract_with_keys``) and
does the third: types, parents and resolved speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from storyline.names import AliasLexicon, load_aliases
from storyline.records import Attribution, AttributionType, Span
from storyline.stages.attribution_spans import (
    WORD,
    Candidate,
    QuoteIndex,
    paragraph_at,
    trim_span,
    word_starts,
)
from storyline.stages.cue_candidates import find_cue_candidates, widen_to_names
from storyline.stages.cue_contents import parenthetical_content
from storyline.stages.cue_lexicon import MIN_PRECISION, CueLexicon, load_cues
from storyline.stages.cue_sources import cue_subject
from storyline.stages.document import ArticleDoc
from storyline.stages.quotemarks import Quote, find_quotes
from storyline.stages.speakers import SpeakerResolver, load_titles

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
# Share of the content's words inside quote marks above which it is a direct quote.
DIRECT_SHARE = 0.9
# Confidence by how the attribution was found; calibrated by precision on PolNeAR train.
CONFIDENCE = {
    "raising": 0.5,
    "colon": 0.6,
    "headline": 0.6,
    "speech": 0.8,
    "belief": 0.55,
    "object": 0.45,
    "intent": 0.5,
    "prep": 0.8,
    "quote": 0.6,
}


HEADLINE = re.compile(r"([^:\n]{1,60}):[ \t]+(\S[^\n]*)")
# A headline "Gingrich: Trump must decide ..." is short; a longer line with a colon is body text.
MAX_HEADLINE_WORDS = 25
# A speaker label ("TAPPER:", "Sanders:", "Q:") is a name of at most this many words.
MAX_LABEL_WORDS = 4
# An upper-case line label that opens this many lines is a transcript's speaker (so that a
# dateline "PARIS:" or a heading "TOP STORIES:", seen once, is none; not tuned).
MIN_TRANSCRIPT_LABELS = 2
# Entities a label is never the name of: "PARIS:" is a dateline, "Tuesday:" a time.
NOT_SPEAKER_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})


def _headline_candidates(doc: ArticleDoc, lex: CueLexicon) -> list[Candidate]:
    """ "Name: statement" lines: the person or organization named says the rest of the line.

    A headline ("John McCain: Republican anger appeals to ...") whose head holds a PERSON or
    ORG name; or a speaker label (``_speaker_label``): a transcript's "TAPPER: ...", "Q: ...",
    a headline "Sanders: ..." the parser found no name in. A dateline ("Paris: ...", a place)
    and labels such as "File:" or "Image Credit:" never become speakers.
    """
    text = doc.text
    out = []
    lines = [(line, m) for line in re.finditer(r"[^\n]+", text) if (m := HEADLINE.fullmatch(line.group()))]
    # A transcript: the same upper-case label ("BOULDUAN:", "KATE BOULDUAN:") opens several lines.
    caps = Counter(m.group(1).split()[-1] for _, m in lines if _caps_label(m.group(1).strip()))
    for line, m in lines:
        if "(" in m.group(1) or len(WORD.findall(m.group(2))) < 3:
            continue  # "French President Francois Hollande (photo credit: AP)" is a caption
        s, e = trim_span(text, line.start() + m.start(1), line.start() + m.end(1))
        cs, ce = trim_span(text, line.start() + m.start(2), line.start() + m.end(2))
        colon = line.start() + m.end(1)
        dash = max(text.rfind(" - ", s, e), text.rfind(" — ", s, e))
        if dash > s:  # "Media shares blame in Iowa poll overhype - HuffPollster: “...”"
            s = dash + 3
        if _speaker_label(doc, s, e, lex, caps[m.group(1).split()[-1]] >= MIN_TRANSCRIPT_LABELS):
            out.append(Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/label"))
            continue
        if len(WORD.findall(line.group())) > MAX_HEADLINE_WORDS or dash > 0:
            continue
        named = [x for x in doc.mentions if x.label in ("PERSON", "ORG") and s <= x.start and x.end <= e]
        if not named:
            continue
        span = doc.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue  # "Kasich resisted: ..." is a colon-introduced quote, not a headline
        out.append(Candidate((colon, colon + 1), -1, "headline", (s, e), [(cs, ce)], key=":/headline"))
    return out


def _caps_label(head: str) -> bool:
    words = head.split()
    return (
        1 <= len(words) <= MAX_LABEL_WORDS
        and head.isupper()
        and all(w.isalpha() or w == "." for w in head.replace(".", " . ").split())
    )


def _speaker_label(doc: ArticleDoc, s: int, e: int, lex: CueLexicon, transcript: bool = False) -> bool:
    """The head of a "Head: rest" line names who says the rest: a label of the lexicon
    ("Q", "Poll"), or a capitalized name of at most ``MAX_LABEL_WORDS`` words whose last word
    is a word of a PERSON or ORG name elsewhere in the article ("TAPPER" of "Jake Tapper",
    "Sanders" in a headline the parser tagged no name in), or in a transcript any upper-case
    name ("BOULDUAN:"); never a place or date."""
    head = doc.text[s:e]
    if head.lower() in lex.speaker_labels:
        return True
    words = head.split()
    if not 1 <= len(words) <= MAX_LABEL_WORDS or not all(w[0].isupper() for w in words):
        return False
    span = doc.doc.char_span(s, e, alignment_mode="expand")
    if span is None or any(t.ent_type_ in NOT_SPEAKER_ENTS for t in span):
        return False
    dl = doc.article.dateline
    if dl is not None and s < dl.end and e > dl.start:
        return False
    if transcript and _caps_label(head):
        return True
    last = WORD.findall(head)
    return bool(last) and last[-1].lower() in _name_words(doc, s, e)


def _name_words(doc: ArticleDoc, s: int, e: int) -> set[str]:
    """The words of the article's PERSON and ORG names, those overlapping ``[s, e)`` left out."""
    text = doc.text
    return {
        w.lower()
        for x in doc.mentions
        if x.label in ("PERSON", "ORG") and (x.end <= s or x.start >= e)
        for w in WORD.findall(text, x.start, x.end)
    }


def extract_attributions(doc: ArticleDoc, user_aliases: str | None = None) -> list[Attribution]:
    """Every attribution in the article, in text order, speakers resolved.

    ``user_aliases`` is the path of a user alias YAML file loaded over the bundled one: its
    ``roles`` resolve speakers such as "the mayor of Paris" to their holder (as the actors stage
    reads the same file for names).
    """
    return [a for a, _ in extract_with_keys(doc, user_aliases=user_aliases)]


def extract_with_keys(
    doc: ArticleDoc, lex: CueLexicon | None = None, user_aliases: str | None = None
) -> list[tuple[Attribution, str]]:
    """The attributions, each with the "lemma/class" key of the cue that found it."""
    text = doc.text
    lex = lex or load_cues()
    quotes = find_quotes(text)
    qidx = QuoteIndex(quotes)
    cands = find_cue_candidates(doc, lex, qidx)
    widen_to_names(cands, doc)
    cands.extend(_headline_candidates(doc, lex))
    _grow_to_quotes(cands, quotes, qidx, text)
    _close_quotes(cands, quotes, qidx, text)
    quoted_only = {id(c) for c in cands if not c.content}
    _attach_quotes(cands, quotes, qidx, doc)
    parenthetical_content(cands, doc, quoted_only)
    # Asides got their key just now: filter them as find_cue_candidates filters the cues.
    # Quotes joined to the previous paragraph's speaker ("-/quote") are kept although PolNeAR
    # credits few of them to that speaker (19 of 172 on train): they hold direct quotes, and
    # who else said them.
    cands = [
        c
        for c in cands
        if c.content
        and (lex.open_class or "/aside" not in c.key or (lex.precision(c.key) or 1.0) >= MIN_PRECISION)
    ]
    cands = _drop_datelines(cands, doc)
    if not lex.open_class:
        cands = _drop_restatements(cands, text)
        cands = _drop_quoted_cues(cands, qidx)
        cands = _drop_weak_nested(cands, lex)
    return _finish(cands, qidx, doc, lex, load_aliases(user_aliases))


def _confidence(c: Candidate, lex: CueLexicon) -> float:
    """The cue's learned precision, else a prior by how the attribution was found."""
    learned = lex.precision(c.key)
    if learned is not None:
        return learned
    return CONFIDENCE.get(c.how, 0.5) * (1.0 if c.source else 0.8)


# A nested attribution that is no reporting chain (its source is outside the outer content, or
# it has none) is kept from this confidence up. On PolNeAR train such predictions below 0.5
# match gold 4 times in 83 (0.3-0.4: 8%, 0.4-0.5: 0%), from 0.5 up 30-60%.
MIN_NESTED_CONFIDENCE = 0.5


def _drop_weak_nested(cands: list[Candidate], lex: CueLexicon) -> list[Candidate]:
    """Drop a low-confidence attribution whose cue lies inside another's content and whose
    source does not ("He has criticized Clinton for accepting campaign donations": "accepting"
    is part of the criticism, its inherited source outside it). Train content+speaker F1
    65.36 -> 65.48 (P 72.15 -> 72.47, R 59.74 -> 59.72; 79 fewer predictions); two-fold
    held-out flat (62.8, P 70.3 -> 70.6)."""

    def weak(c: Candidate) -> bool:
        if c.cue is None or _confidence(c, lex) >= MIN_NESTED_CONFIDENCE:
            return False
        outers = [o for o in cands if o is not c and any(s <= c.cue[0] < e for s, e in o.content)]
        chain = c.source is not None and any(s <= c.source[0] < e for o in outers for s, e in o.content)
        inside = any(all(any(s <= a and b <= e for s, e in o.content) for a, b in c.content) for o in outers)
        return inside and not chain  # not a quote running on past the outer content

    return [c for c in cands if not weak(c)]


def _drop_quoted_cues(cands: list[Candidate], qidx: QuoteIndex) -> list[Candidate]:
    """Drop an attribution whose cue is inside quote marks that another attribution's content
    holds: the quoted speaker's own words ("'In fact, he proposed giving them work permits,'
    Rubio said"), not a second statement; PolNeAR annotates almost none of them. On train
    147 fewer predictions, content+speaker F1 65.1 -> 65.4 (P 71.5 -> 72.1, R 59.8 -> 59.7)."""

    def quoted_inside(c: Candidate) -> bool:
        if c.cue is None or qidx.at(c.cue[0]) is None:
            return False
        pos = c.cue[0]
        return any(o is not c and any(s <= pos < e for s, e in o.content) for o in cands)

    return [c for c in cands if not quoted_inside(c)]


# A cue inside another attribution's content whose own content is inside that one and at least
# this share of its words restates it. PolNeAR train has 5 gold pairs in 19,832 that overlap this much.
RESTATED_SHARE = 0.5


def _drop_restatements(cands: list[Candidate], text: str) -> list[Candidate]:
    """Drop a nested attribution that restates the one holding its cue: its content is at
    least half of the outer content and the inner source is not inside the outer content
    ("Cruz said that X, stating that Y", the parse hanging "stating" in the "that" clause).
    A reporting chain ("Mariani said Assad declared X": Assad inside Mariani's content) is
    kept. PolNeAR annotates one of two such overlapping contents (train: outer right 69,
    inner 43, neither 20); train content+speaker F1 64.8 -> 65.1, recall unchanged."""
    words = [word_starts(text, c.content) for c in cands]
    dropped: set[int] = set()
    for i, c in enumerate(cands):
        pos = c.cue[0] if c.cue else c.content[0][0]
        outer, best = None, None
        for j, o in enumerate(cands):
            if j == i:
                continue
            for s, e in o.content:
                if s <= pos < e and (best is None or e - s < best):
                    outer, best = j, e - s
        if outer is None or outer in dropped or not words[i] or not words[outer]:
            continue
        if not words[i] <= words[outer] or len(words[i]) < RESTATED_SHARE * len(words[outer]):
            continue  # words of its own (a quote running on), or a small part of the outer content
        if c.source is not None and any(s <= c.source[0] < e for s, e in cands[outer].content):
            continue  # a reporting chain
        dropped.add(i)
    return [c for i, c in enumerate(cands) if i not in dropped]


def _grow_to_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, text: str) -> None:
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


def _close_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, text: str) -> None:
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


def _attach_quotes(cands: list[Candidate], quotes: list[Quote], qidx: QuoteIndex, doc: ArticleDoc) -> None:
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


# "Paris:", "PARIS (AFP) –", "PARIS, France —": a place (and agency) before a colon or a spaced dash.
DATELINE = re.compile(
    r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}(?:, [A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,2})?"
    r"\s*(?:\([A-Za-z ]+\))?\s*(?::|[—–-]\s)\s*"
)


def _drop_datelines(cands: list[Candidate], doc: ArticleDoc) -> list[Candidate]:
    """A dateline ("Paris:", "PARIS (AFP) -") is never a speaker."""
    text = doc.text
    dl = doc.article.dateline
    out = []
    for c in cands:
        if c.source is not None:
            s, e = c.source
            line_start = text.rfind("\n", 0, s) + 1
            m = DATELINE.match(text, s) if s == line_start and c.how != "headline" else None
            place = m is not None and not any(
                x.label in ("PERSON", "ORG") and s <= x.start and x.end <= m.end() for x in doc.mentions
            )
            if dl is not None and s < dl.end and e > dl.start:
                s = max(s, dl.end)
            elif place and m is not None:
                s = m.end()  # "Paris: President Bashar Al-Assad" -> "President Bashar Al-Assad"
            is_dl = not WORD.search(text, s, e)
            if not is_dl:
                c.source = (s, e)
            elif c.cue is not None:
                # the parser took the dateline for the subject: the name between it and the cue
                named = [
                    x
                    for x in doc.mentions
                    if x.label in ("PERSON", "ORG") and s <= x.start and x.end <= c.cue[0]
                ]
                c.source = (named[0].start, named[0].end) if named else None
            if is_dl:
                c.source = None
        out.append(c)
    return out


def _finish(
    cands: list[Candidate], qidx: QuoteIndex, doc: ArticleDoc, lex: CueLexicon, aliases: AliasLexicon
) -> list[tuple[Attribution, str]]:
    text = doc.text
    resolver = SpeakerResolver(doc, [(q.start, q.end) for q in qidx.quotes], aliases)
    first_person = load_titles().pronouns["first_singular"] | load_titles().pronouns["first_plural"]
    cands.sort(key=lambda c: c.cue[0] if c.cue else c.content[0][0])
    out: list[Attribution] = []
    names: list[str | None] = []
    for i, c in enumerate(cands):
        content = sorted(set(c.content))
        share = qidx.quoted_share(text, content)
        typ: AttributionType = "direct" if share >= DIRECT_SHARE else "mixed" if share > 0 else "indirect"
        # The innermost attribution whose content holds this one's cue reports it.
        parent = None
        pos = c.cue[0] if c.cue else content[0][0]
        best_len = None
        for j, o in enumerate(cands):
            if o is c:
                continue
            for s, e in o.content:
                if s <= pos < e and (best_len is None or e - s < best_len):
                    parent, best_len = j, e - s
        name = None
        if c.source is not None:
            s, e = c.source
            word = text[s:e].strip().lower()
            if word in first_person and parent is not None and parent < len(names):
                name = names[parent]
            elif word in lex.speaker_labels:
                name = None  # "Q:", "Poll:": nobody the article names
            else:
                name = resolver.resolve(s, e)
            resolver.remember(s, name)
        names.append(name)
        conf = _confidence(c, lex)
        out.append(
            Attribution(
                article_id=doc.id,
                index=i,
                type=typ,
                content=tuple(Span(s, e) for s, e in content),
                cue=Span(*c.cue) if c.cue else None,
                speaker_span=Span(*c.source) if c.source else None,
                speaker=name,
                parent=parent,
                confidence=round(conf, 3),
            )
        )
    # Second pass: descriptions in the lede may name a person introduced after them.
    for k, a in enumerate(out):
        if (
            a.speaker is None
            and a.speaker_span is not None
            and a.speaker_span.text(text).strip().lower() not in lex.speaker_labels
        ):
            late = resolver.resolve_late(a.speaker_span.start, a.speaker_span.end)
            if late:
                out[k] = replace(a, speaker=late)
    # Parents pointing forward are fine (indices are final), but a first-person
    # speaker inside a quote resolved before its parent: fill it now.
    fixed = []
    for a in out:
        if a.speaker is None and a.speaker_span is not None and a.parent is not None:
            word = a.speaker_span.text(text).strip().lower()
            if word in first_person and out[a.parent].speaker:
                a = replace(a, speaker=out[a.parent].speaker)
        fixed.append(a)
    return list(zip(fixed, [c.key for c in cands], strict=True))

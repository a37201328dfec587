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
- ``cue_candidates``: pass 1, a candidate for each cue of the parse;
- ``attribution_headlines``: "Name: statement" lines and transcript labels;
- ``quote_joining``: pass 2, quotations joined to their cues;
- ``attribution_filters``: the confidence of an attribution and the drops after joining.

This module runs the passes in order (``extract_attributions``, ``extract_with_keys``) and
does the third: types, parents and resolved speakers.
"""

from __future__ import annotations

from dataclasses import replace

from storyline.names import AliasLexicon, load_aliases
from storyline.records import Attribution, AttributionType, Span
from storyline.stages.attribution_filters import (
    attribution_confidence,
    drop_datelines,
    drop_quoted_cues,
    drop_restatements,
    drop_weak_nested,
)
from storyline.stages.attribution_headlines import headline_candidates
from storyline.stages.attribution_spans import Candidate, QuoteIndex
from storyline.stages.cue_candidates import find_cue_candidates, widen_to_names
from storyline.stages.cue_contents import parenthetical_content
from storyline.stages.cue_lexicon import MIN_PRECISION, CueLexicon, load_cues
from storyline.stages.document import ArticleDoc
from storyline.stages.quote_joining import attach_quotes, close_quotes, grow_to_quotes
from storyline.stages.quotemarks import find_quotes
from storyline.stages.speaker_titles import load_titles
from storyline.stages.speakers import SpeakerResolver

# Share of the content's words inside quote marks above which it is a direct quote.
DIRECT_SHARE = 0.9


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
    cands.extend(headline_candidates(doc, lex))
    grow_to_quotes(cands, quotes, qidx, text)
    close_quotes(cands, quotes, qidx, text)
    quoted_only = {id(c) for c in cands if not c.content}
    attach_quotes(cands, quotes, qidx, doc)
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
    cands = drop_datelines(cands, doc)
    if not lex.open_class:
        cands = drop_restatements(cands, text)
        cands = drop_quoted_cues(cands, qidx)
        cands = drop_weak_nested(cands, lex)
    return _finish(cands, qidx, doc, lex, load_aliases(user_aliases))


def _finish(
    cands: list[Candidate], qidx: QuoteIndex, doc: ArticleDoc, lex: CueLexicon, aliases: AliasLexicon
) -> list[tuple[Attribution, str]]:
    """Pass 3: each candidate's type (by the share of its words inside quote marks), parent (the
    innermost other content holding its cue) and speaker, resolved to a canonical actor."""
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
        conf = attribution_confidence(c, lex)
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

"""The NER reads blank lines as one new line, yet the parse indexes the text itself
(stages/document.py: parse_pipe)."""

from __future__ import annotations

from storyline.nlp import load_nlp
from storyline.pipeline import ArticlePipeline
from storyline.records import Article
from storyline.stages.attributions import extract_attributions
from storyline.stages.document import ner_view, parse, parse_pipe
from storyline.testing import article_doc

TEXT = (
    "Talks end in Paris\n\n"
    "French President Francois Hollande met Angela Merkel in Paris on Monday.\n\n"
    "“We will not give in to terror,” Hollande said after the meeting.\n\n\n"
    "The leaders will meet again in Berlin."
)


def test_the_view_makes_each_run_of_blank_lines_one_new_line() -> None:
    assert ner_view(TEXT).count("\n") == 3
    assert "\n\n" not in ner_view(TEXT)
    assert ner_view("one line\nand the next") == "one line\nand the next"
    assert ner_view("a\n\nb\n \n\nc") == "a\nb\nc"


def _rows(doc, ents: bool):  # type: ignore[no-untyped-def]
    return [
        (t.idx, t.tag_, t.dep_, t.head.i, t.lemma_) + ((t.ent_iob_, t.ent_type_) if ents else ()) for t in doc
    ]


def test_the_parse_is_of_the_text_with_its_blank_lines() -> None:
    nlp = load_nlp()
    doc = parse(nlp, TEXT)
    assert doc.text == TEXT
    for tok in doc:
        assert TEXT[tok.idx : tok.idx + len(tok.text)] == tok.text
    assert [t.text for t in doc if t.is_space] == ["\n\n", "\n\n", "\n\n\n"]
    for ent in doc.ents:
        assert TEXT[ent.start_char : ent.end_char] == ent.text
    assert {"Francois Hollande", "Angela Merkel", "Berlin"} <= {e.text for e in doc.ents}
    for sent in doc.sents:
        assert TEXT[sent.start_char : sent.end_char] == sent.text
    # tagger, parser and lemmatizer as on the text alone (the paragraph breaks unchanged) ...
    assert _rows(doc, ents=False) == _rows(nlp(TEXT), ents=False)
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in nlp(TEXT).sents]
    # ... the entities those of the view, token for token
    view = nlp(ner_view(TEXT))
    assert [(t.ent_iob_, t.ent_type_) for t in doc] == [(t.ent_iob_, t.ent_type_) for t in view]


def test_parse_pipe_keeps_order_and_context_over_batches() -> None:
    texts = [f"Item {i}.\n\nMr. Smith{i} left Paris." for i in range(5)]
    out = list(parse_pipe(load_nlp(), [(t, i) for i, t in enumerate(texts)], batch_size=2))
    assert [ctx for _, ctx in out] == list(range(5))
    assert [d.text for d, _ in out] == texts


def test_pipeline_spans_index_the_article_text() -> None:
    article = Article(id="t", text=TEXT, raw=TEXT)
    facts = ArticlePipeline()(article)
    assert not facts.failures
    assert facts.mentions
    for m in facts.mentions:
        assert TEXT[m.start : m.end] == m.text
    for s in facts.sentences:
        assert 0 <= s.start < s.end <= len(TEXT)
    quote = next(a for a in facts.attributions if "give in to terror" in a.content[0].text(TEXT))
    assert quote.speaker and "Hollande" in quote.speaker


def test_attribution_stays_in_its_paragraph() -> None:
    # the content is cut to the cue's paragraph and a quote continues over a paragraph break
    # only when the next paragraph opens with a quote mark, as before
    text = (
        "Officials spoke of “a new phase in the war.\n\n"
        "The army advanced on Monday.\n\n"
        "“We are ready,” General Ali Hassan said.\n\n"
        "Bashar al-Assad denounced the coalition for supporting "
        "“those groups that represented the terrorists against the government.\n\n"
        "“They did not want to achieve peace in Syria.”"
    )
    attrs = extract_attributions(article_doc(text))
    contents = [" ".join(s.text(text) for s in a.content) for a in attrs]
    assert not any("The army advanced" in c for c in contents)
    assert not any("\n\n" in s.text(text) for a in attrs for s in a.content)
    ready = next(a for a, c in zip(attrs, contents, strict=True) if "We are ready" in c)
    assert ready.type == "direct" and ready.speaker == "Ali Hassan"
    later = next(a for a, c in zip(attrs, contents, strict=True) if "achieve peace" in c)
    assert later.speaker == "Bashar al-Assad"

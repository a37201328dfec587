"""Parses of an evaluation set, cached on disk (evaluation/out) and reused while the texts and the
parser match (:func:`parser_key`: a cache made by an older tokenizer or sentence splitter is
parsed again instead of silently scoring the new code on old parses)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storyline.records import Mention
    from storyline.stages.document import ArticleDoc


# The sources that decide a parse: the pipeline's components (tokenizer exceptions, sentence starts
# from line breaks) and parse_pipe's view of the text. Any edit to them makes the caches stale.
_PARSER_SOURCES = ("nlp.py", "stages/document.py")


def parser_key() -> str:
    """A fingerprint of the parser: the spaCy and model versions and the sources that shape a parse."""
    import spacy

    import storyline

    nlp = load_nlp()
    h = hashlib.sha256(f"{spacy.__version__} {nlp.meta.get('name')} {nlp.meta.get('version')}".encode())
    root = Path(storyline.__file__).parent
    for name in _PARSER_SOURCES:
        h.update((root / name).read_bytes())
    return h.hexdigest()[:16]


def _key_path(cache: Path) -> Path:
    return cache.with_name(cache.name + ".key")


def cache_is_current(cache: Path) -> bool:
    """Whether ``cache`` was written by the parser of this code (see :func:`parser_key`)."""
    key = _key_path(cache)
    return cache.exists() and key.exists() and key.read_text(encoding="utf-8").strip() == parser_key()


def mark_current(cache: Path) -> None:
    """Record that ``cache`` was just written by this code's parser."""
    _key_path(cache).write_text(parser_key() + "\n", encoding="utf-8")


def cached_parses(
    cache: Path, texts: list[str], parse: Callable[[Any, list[str]], Iterable[Doc]]
) -> list[Doc]:
    """``parse(nlp, texts)``, read from ``cache`` when it holds exactly these texts parsed by this
    code's parser, else made and written there."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    if cache_is_current(cache):
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(parse(nlp, texts))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs).to_disk(cache)
    mark_current(cache)
    return docs


T17 = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "t17" / "articles.jsonl"
# The NER mentions of every Timeline17 article, one line an article: {"id", "m": [[start, end,
# label, text], ...]} (``evaluation/stories.py t17`` writes it).
T17_MENTIONS = Path(__file__).resolve().parent / "out" / "t17_mentions.jsonl"


def t17_articles() -> list[dict[str, Any]]:
    """Every Timeline17 article (id, title, text, date, topic), in corpus order."""
    import json

    with T17.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def t17_mentions() -> dict[str, list[Mention]]:
    """Article id -> its cached NER mentions (:data:`T17_MENTIONS`), in their order there."""
    import json

    from storyline.records import Mention

    with T17_MENTIONS.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return {d["id"]: [Mention(d["id"], s, e, label, text) for s, e, label, text in d["m"]] for d in rows}


def t17_draw(seed: int, n: int, topic: str | None = None) -> list[dict[str, Any]]:
    """``n`` Timeline17 articles (of ``topic`` if given) drawn with ``random.Random(seed)``, in
    corpus order (the hand audits' samples: the same seed gives the same articles)."""
    import random

    articles = t17_articles()
    if topic is not None:
        articles = [a for a in articles if a.get("topic") == topic]
    return [articles[i] for i in sorted(random.Random(seed).sample(range(len(articles)), n))]


def product_parses(cache: Path, texts: list[str]) -> list[Doc]:
    """:func:`cached_parses` with the product's parser (``stages.document.parse_pipe``, as
    ``ArticlePipeline`` parses)."""
    from storyline.stages.document import parse_pipe

    return cached_parses(
        cache, texts, lambda nlp, ts: (doc for doc, _ in parse_pipe(nlp, ((t, None) for t in ts)))
    )


def dated_doc(art: dict[str, Any], parse: Doc) -> ArticleDoc:
    """The annotated document of a Timeline17 article whose listed date is given as its
    publication date (the anchor of relative dates), as a build with that metadata sees it."""
    from storyline.records import Article, PublicationDate
    from storyline.stages.document import ArticleDoc

    dct = art["date"]
    article = Article(id=art["id"], text=art["text"], raw=art["text"], published=dct, published_how="given")
    doc = ArticleDoc(article=article, doc=parse)
    doc.published = PublicationDate(dct, dct, dct, "given", 1.0, "given")
    return doc

"""The per-article pipeline: one picklable callable from a document to its facts.

``ArticlePipeline`` loads spaCy once per process (lazily, so it pickles small and
ships to pool workers or a Dask cluster), cleans each input, parses batches with
``nlp.pipe`` (``stages.document.parse_pipe``: the NER reads blank lines as one new
line) and runs the stages in order. A stage that fails on an article is recorded
as a :class:`StageFailure` with its reason; the other stages and articles go on.
"""

from __future__ import annotations

import functools
import logging
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.ingest.clean import clean
from storyline.records import Article, ArticleFacts, RawDocument, Span, StageFailure
from storyline.stages.actors_local import resolve_mentions
from storyline.stages.attributions import extract_attributions
from storyline.stages.claims import extract_claims
from storyline.stages.document import ArticleDoc, parse_pipe
from storyline.stages.entities import extract_mentions
from storyline.stages.events import extract_events
from storyline.stages.framing import extract_framing
from storyline.stages.published import infer_publication_date
from storyline.stages.timexes import extract_timexes

log = logging.getLogger(__name__)

# Texts per nlp.pipe batch: spaCy's own default (1000) holds too many long
# articles in memory at once; 32 keeps throughput within 2% of it on news
# articles (measured with `make bench`) at a fraction of the peak memory.
BATCH_SIZE = 32


@dataclass(frozen=True)
class Stage:
    """A named stage: ``run(doc)`` returns what goes into ``ArticleDoc.<field>``."""

    name: str
    field: str
    run: Callable[[ArticleDoc], Any]


def default_stages(aliases: str | None = None, embed: bool = False, as_of: date | None = None) -> list[Stage]:
    """The stages in the order they run; each may read the fields of those before it.

    ``aliases`` is a user's YAML alias file read on top of the bundled one, by the actors stage
    (names), the attributions stage (role holders of speakers) and the framing stage (actor
    types, which decide what a label attaches to). ``embed`` adds the
    story vector (a build asks for it: the stories stage then finds every vector made on the
    workers; extraction alone does not pay for it). ``as_of`` is the day the texts are read on,
    for the published stage: a date an article reports as past after it is no bound (None keeps
    every such date).
    """
    stages = [
        Stage("entities", "mentions", extract_mentions),
        Stage("actors", "mentions", functools.partial(resolve_mentions, user_aliases=aliases)),
        Stage("published", "published", functools.partial(infer_publication_date, as_of=as_of)),
        Stage("timexes", "timexes", extract_timexes),
        Stage("attributions", "attributions", functools.partial(extract_attributions, user_aliases=aliases)),
        Stage("events", "events", extract_events),
        Stage("claims", "claims", extract_claims),
        Stage("framing", "labels", functools.partial(extract_framing, user_aliases=aliases)),
    ]
    if embed:
        from storyline.stages.embedding import EmbedArticle

        stages.append(Stage("embedding", "vector", EmbedArticle()))
    return stages


class ArticlePipeline:
    """Maps raw documents (or clean articles) to :class:`ArticleFacts`."""

    def __init__(
        self,
        stages: list[Stage] | None = None,
        batch_size: int = BATCH_SIZE,
        aliases: str | None = None,
        embed: bool = False,
        as_of: date | None = None,
    ) -> None:
        # The day the texts are read on (default: the day the pipeline is made; the stages never
        # read the clock themselves), so every article of a run gets the same one.
        self.as_of = as_of or date.today()
        self.stages = stages if stages is not None else default_stages(aliases, embed, self.as_of)
        self.batch_size = batch_size
        self._nlp: Any = None
        # seconds spent in the parse and in each stage, summed over the articles
        # this instance processed (what `make bench` reports per stage): wall-clock, and
        # CPU time of this process (which a busy machine does not inflate)
        self.seconds: dict[str, float] = {}
        self.cpu_seconds: dict[str, float] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_nlp"] = None  # reloaded in the worker
        return state

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from storyline.nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def __call__(self, item: RawDocument | Article) -> ArticleFacts:
        return next(iter(self.process([item])))

    def process(self, items: Iterable[RawDocument | Article]) -> Iterator[ArticleFacts]:
        """Facts of each item, in order, parsing in batches."""
        articles = (self._timed("clean", as_article, item) for item in items)
        pairs = ((a.text, a) for a in articles)
        parsed_pairs = parse_pipe(self.nlp, pairs, batch_size=self.batch_size)
        while True:
            started, cpu_started = time.perf_counter(), time.process_time()
            try:
                parsed, article = next(parsed_pairs)
            except StopIteration:
                return
            # includes cleaning the batch: subtracted so that "parse" is spaCy alone
            self._add("parse", time.perf_counter() - started, time.process_time() - cpu_started)
            yield self.run_stages(ArticleDoc(article=article, doc=parsed))

    def _add(self, name: str, seconds: float, cpu: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        self.cpu_seconds[name] = self.cpu_seconds.get(name, 0.0) + cpu

    def _timed(self, name: str, fn: Callable[..., Any], *args: Any) -> Any:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return fn(*args)
        finally:
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
            self._add(name, elapsed, cpu)
            self._add("parse", -elapsed, -cpu)  # cleaning runs inside the parse loop's pull

    def run_stages(self, doc: ArticleDoc) -> ArticleFacts:
        failures: list[StageFailure] = []
        for stage in self.stages:
            started, cpu_started = time.perf_counter(), time.process_time()
            try:
                setattr(doc, stage.field, stage.run(doc))
            except Exception as exc:  # one stage failing must not lose the article
                reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                log.debug("stage %s failed on %s\n%s", stage.name, doc.id, traceback.format_exc())
                failures.append(StageFailure(doc.id, stage.name, reason))
            finally:
                self._add(stage.name, time.perf_counter() - started, time.process_time() - cpu_started)
        return facts_of(doc, failures)


def as_article(item: RawDocument | Article) -> Article:
    return item if isinstance(item, Article) else clean(item)


def facts_of(doc: ArticleDoc, failures: list[StageFailure]) -> ArticleFacts:
    return ArticleFacts(
        article=doc.article,
        published=doc.published,
        mentions=tuple(doc.mentions),
        attributions=tuple(doc.attributions),
        timexes=tuple(doc.timexes),
        events=tuple(doc.events),
        claims=tuple(doc.claims),
        labels=tuple(doc.labels),
        failures=tuple(failures),
        sentences=tuple(Span(s.start_char, s.end_char) for s in doc.doc.sents),
        vector=doc.vector,
    )

"""`make bench` (Scale): the distributed build and the cross-article stages at scale.

Four measurements, written into the "Scale" section of BENCHMARKS.md:

1. **Throughput** of the Dask engine with 1 and 2 workers on a sample of the
   Timeline17 corpus (every k-th article, so all 8 topics are in it), each run
   side by side with spaCy alone (``nlp.pipe``) on the same texts and the same
   number of processes; words/s, ratio to spaCy, peak RSS of each worker.
2. **The whole Timeline17 build** (2,896 articles, 2.76M words): opt-in with
   ``--full`` because it takes tens of minutes on two shared cores; its result
   is kept in ``benchmarks/full_t17.json`` (tracked) and reported from there.
3. **Cross-article stages at 1x, 10x and 100x**: the dossier of the sample is
   replicated inside DuckDB (every per-article row copied with a new article
   id, no re-parsing), and each stage is timed on each size; a table and
   ``benchmarks/scale_crossdoc.png``.
4. **A projection** of the workers and hours for one million articles a day,
   from the measured words/s per worker and the per-article cost of the
   cross-article stages.

Every run starts its own local cluster on 127.0.0.1; the corpus is read from
``../shared`` and samples are written to a temporary folder, never the repo.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from report import replace_section  # benchmarks/report.py, beside this script

from storyline.store import ARTICLE_TABLES

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
T17 = SHARED / "corpus" / "t17" / "articles.jsonl"
OUT = REPO / "benchmarks" / "out"
FULL_RESULT = REPO / "benchmarks" / "full_t17.json"  # tracked: a fresh clone reports the last whole build
LAST_RESULT = OUT / "scale_last.json"
PLOT = REPO / "benchmarks" / "scale_crossdoc.png"
SECTION = "Scale"


def sample_jsonl(every: int, folder: Path) -> tuple[Path, int, int]:
    """Every ``every``-th Timeline17 article into ``folder``; (path, articles, words)."""
    path = folder / f"t17_every{every}.jsonl"
    n = words = 0
    with T17.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i % every == 0:
                dst.write(line)
                n += 1
                words += len(json.loads(line)["text"].split())
    return path, n, words


def worker_peaks(client) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Peak RSS (MB) of each worker process of a cluster."""

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return {addr: round(mb) for addr, mb in client.run(peak).items()}


def worker_cpu(client) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds (user + system) used so far by all worker processes of a cluster."""

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    return float(sum(client.run(cpu).values()))


def timed_build(jsonl: Path, db: Path, workers: int, parquet: Path | None) -> dict:
    """Build ``jsonl`` on a fresh local cluster of ``workers``; map and cross-article times apart."""
    from distributed import Client

    from storyline.build import build, crossdoc_stages, run_crossdoc_stage
    from storyline.engines.dask import local_cluster
    from storyline.store import Store

    load = os.getloadavg()[0]
    cluster = local_cluster(workers)
    try:
        started = time.perf_counter()
        report = build(
            [str(jsonl)],
            db,
            engine="dask",
            scheduler=cluster.scheduler_address,
            crossdoc=False,
            parquet=parquet,
        )
        mapped = time.perf_counter() - started
        with Client(cluster) as client:
            peaks = worker_peaks(client)
            map_cpu = worker_cpu(client)  # workers' CPU seconds: the map's cost on dedicated cores
    finally:
        cluster.close()
    started = time.perf_counter()
    stage_seconds: dict[str, float] = {}
    crossdoc: dict[str, str] = {}
    with Store(db) as store:
        for name, stage in crossdoc_stages():  # as run_crossdoc runs them, each timed apart
            stage_started = time.perf_counter()
            crossdoc.update(run_crossdoc_stage(store, name, stage))
            stage_seconds[name] = round(time.perf_counter() - stage_started, 1)
    return {
        "workers": workers,
        "articles": report.stored,
        "already": report.already,
        "skipped": len(report.skipped),
        "words": report.words,
        "failures": report.failures,
        "map_load_s": round(mapped, 1),
        "crossdoc_s": round(time.perf_counter() - started, 1),
        "crossdoc": crossdoc,
        "crossdoc_stage_s": stage_seconds,
        "words_per_s": round(report.words / mapped),
        "words_per_cpu_s": round(report.words / map_cpu) if map_cpu else None,
        "worker_peak_mb": sorted(peaks.values()),
        "load_avg_1min_before": round(load, 1),
        "load_avg_1min_after": round(os.getloadavg()[0], 1),
    }


def _cpu_note(full: dict) -> str:
    rate = full.get("words_per_cpu_s")
    return f"; {rate:,} words per worker CPU-second" if rate else ""


def full_build(workers: int) -> dict:
    """The whole Timeline17 corpus through `storyline build --engine dask --parquet`."""
    tmp = Path(tempfile.mkdtemp(prefix="storyline-full-"))
    try:
        result = timed_build(T17, tmp / "t17.duckdb", workers, tmp / "parquet")
        result["parquet_mb"] = round(
            sum(p.stat().st_size for p in (tmp / "parquet").rglob("*.parquet")) / 2**20, 1
        )
        result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def spacy_alone(jsonl: Path, workers: int) -> dict:
    """In a subprocess: words/s of ``nlp.pipe`` alone over the sample's texts, ``workers`` processes."""
    from storyline.nlp import load_nlp

    texts = [json.loads(line)["text"] for line in jsonl.open(encoding="utf-8")]
    nlp = load_nlp()

    def cpu() -> float:
        return sum(
            resource.getrusage(r).ru_utime + resource.getrusage(r).ru_stime
            for r in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )

    cpu_before = cpu()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    seconds = time.perf_counter() - started
    cpu_s = cpu() - cpu_before  # with workers > 1: the pool's processes, counted once joined
    words = sum(len(t.split()) for t in texts)
    peak = (
        max(resource.getrusage(r).ru_maxrss for r in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    )
    return {
        "workers": workers,
        "words": words,
        "seconds": round(seconds, 1),
        "words_per_s": round(words / seconds),
        "words_per_cpu_s": round(words / cpu_s),
        "peak_mb": round(peak),
    }


def run_spacy_alone(jsonl: Path, workers: int) -> dict:
    cmd = [sys.executable, __file__, "--spacy-alone", str(jsonl), "--workers", str(workers)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def dask_map(jsonl: Path, workers: int, db: Path, chunk_size: int) -> dict:
    """Words/s of the Dask engine's map (clean + parse + every per-article stage, the story vector
    included, as a build runs it) on a warm cluster of ``workers``, then the time to write the facts
    as Parquet and load them into ``db``."""
    from distributed import Client

    from storyline.build import CHUNK_SIZE, chunked
    from storyline.engines.dask import DaskEngine, local_cluster
    from storyline.ingest.clean import clean
    from storyline.pipeline import ArticlePipeline
    from storyline.records import RawDocument
    from storyline.store import Store
    from storyline.store.parquet import load_partition, write_partition

    rows = [json.loads(line) for line in jsonl.open(encoding="utf-8")]
    load = os.getloadavg()[0]
    cluster = local_cluster(workers)
    try:
        # embed=True: the map a build runs makes each article's story vector on the workers
        engine = DaskEngine(ArticlePipeline(embed=True), scheduler=cluster.scheduler_address)
        engine.warm()  # spaCy loaded on every worker before the clock starts
        cpu_before = worker_cpu(engine.client)
        started = time.perf_counter()
        articles = (
            clean(
                RawDocument(
                    text=r["text"],
                    source=r["id"],
                    input_id=r["id"],
                    title=r.get("title"),
                    published=r.get("date"),
                )
            )
            for r in rows
        )
        results = list(engine.map_chunks(chunked(articles, chunk_size)))
        seconds = time.perf_counter() - started
        cpu_s = worker_cpu(engine.client) - cpu_before
        engine.close()
        with Client(cluster) as client:
            peaks = worker_peaks(client)
    finally:
        cluster.close()
    # Partitions of the build's chunk size; the store is created (migrations) before the clock starts.
    with Store(db) as store:
        flat = [f for facts in results for f in facts]
        started = time.perf_counter()
        for chunk in chunked(flat, CHUNK_SIZE):
            load_partition(store, write_partition(chunk, db.parent / f"parquet-{workers}"))
        load_s = time.perf_counter() - started
    reasons = Counter(f"{x.stage}: {x.reason[:120]}" for f in flat for x in f.failures)
    words = sum(len(f.article.text.split()) for facts in results for f in facts)
    return {
        "workers": workers,
        "articles": sum(len(facts) for facts in results),
        "words": words,
        "seconds": round(seconds, 1),
        "words_per_s": round(words / seconds),
        "words_per_cpu_s": round(words / cpu_s),
        "worker_peak_mb": sorted(peaks.values()),
        "parquet_load_s": round(load_s, 2),
        "failures": sum(len(f.failures) for facts in results for f in facts),
        "failure_reasons": reasons.most_common(3),
        "load_avg_1min_before": round(load, 1),
    }


def replicate(base: Path, db: Path, factor: int, keep: int | None = None) -> int:
    """A dossier holding ``factor`` copies of every per-article row of ``base`` (of its first
    ``keep`` articles by id), copy r>0 with article id ``<id>~r``; cross-article tables left
    empty. Returns the article count."""
    from storyline.store import Store

    shutil.copy(base, db)
    with Store(db) as store:
        con = store.con
        if keep is not None:
            con.execute(f"CREATE TEMP TABLE _keep AS SELECT id FROM articles ORDER BY id LIMIT {int(keep)}")
            for table, key in reversed(ARTICLE_TABLES.items()):
                con.execute(f"DELETE FROM {table} WHERE {key} NOT IN (SELECT id FROM _keep)")
        # The vectors stay (the map made them), their feature counts go: the stories stage then
        # counts and groups every article, the from-scratch cost of the driver's part.
        for table in ("actors", "stories", "story_articles", "wire_copies"):
            con.execute(f"DELETE FROM {table}")
        con.execute("UPDATE article_vectors SET counts = NULL")
        con.execute("UPDATE mentions SET actor = NULL")
        for table, key in ARTICLE_TABLES.items():
            con.execute(
                f"INSERT INTO {table} SELECT {table}.* REPLACE ({key} || '~' || r.range AS {key}) "
                f"FROM {table}, range(1, {factor}) r"
            )
        row = con.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def crossdoc_stages_timed() -> list[tuple[str, Callable[..., object]]]:
    """Every cross-article stage the build runs, plus the claims ledger (a query over all claims)."""
    from storyline.build import crossdoc_stages
    from storyline.crossdoc.ledger import ledger

    return [*crossdoc_stages(), ("claims ledger", ledger)]


def time_crossdoc(db: Path) -> dict[str, float]:
    from storyline.store import Store

    times: dict[str, float] = {}
    with Store(db) as store:
        for name, stage in crossdoc_stages_timed():
            started, cpu = time.perf_counter(), time.process_time()
            stage(store.con)
            times[name] = round(time.perf_counter() - started, 2)
            times[f"{name} cpu"] = round(time.process_time() - cpu, 2)
    return times


def crossdoc_scaling(base: Path, factors: list[int], folder: Path, keep: int | None) -> list[dict]:
    # Warm-up, not timed: the first call in a process loads lexicons and gazetteers.
    warm = folder / "warm.duckdb"
    replicate(base, warm, 1, keep)
    time_crossdoc(warm)
    warm.unlink()
    out = []
    for factor in factors:
        db = folder / f"x{factor}.duckdb"
        articles = replicate(base, db, factor, keep)
        from storyline.store import connect

        con = connect(db)
        mentions = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
        con.close()
        row = {"factor": factor, "articles": articles, "mentions": mentions, **time_crossdoc(db)}
        print(json.dumps(row), flush=True)
        out.append(row)
        db.unlink()
    return out


def plot(scaling: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stages = [k for k in scaling[0] if k not in ("factor", "articles", "mentions") and not k.endswith(" cpu")]
    fig, ax = plt.subplots(figsize=(6, 4))
    xs = [r["articles"] for r in scaling]
    for stage in stages:
        ax.plot(xs, [r[stage] for r in scaling], marker="o", label=stage)
    first = scaling[0]
    total0 = sum(first[s] for s in stages)
    ax.plot(
        xs,
        [total0 * r["articles"] / first["articles"] for r in scaling],
        ls="--",
        color="grey",
        label="linear from 1x (total)",
    )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("articles (Timeline17 sample replicated 1x, 10x, 100x)")
    ax.set_ylabel("seconds")
    ax.set_title("Cross-article stages vs corpus size")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def projection(maps: list[dict], scaling: list[dict], words_per_article: float) -> list[str]:
    """Workers and hours for one million articles a day, from the measured figures."""
    per_day = 1_000_000
    words = per_day * words_per_article
    two = maps[-1]
    cpu_rate = two["words_per_cpu_s"]  # words per CPU-second of a worker: one dedicated core
    core_hours = words / cpu_rate / 3600
    last = scaling[-1]
    stages = [k for k in last if k not in ("factor", "articles", "mentions") and not k.endswith(" cpu")]
    cross_per_article = sum(last[f"{k} cpu"] for k in stages) / last["articles"]
    load_per_article = two["parquet_load_s"] / two["articles"]
    lines = [
        f"- Map: {words_per_article:,.0f} words per article (this sample) x 1,000,000 = {words / 1e9:.2f} G words a day. "
        f"A worker parses {cpu_rate:,} words per CPU-second (CPU time of the two workers, so the figure holds "
        f"for a dedicated core whatever the load here): **{core_hours:,.0f} core-hours a day**, i.e. "
        f"**{math.ceil(core_hours / 24)} single-threaded workers** to keep up in 24 h, "
        f"{math.ceil(core_hours / 8)} to do a day's news in 8 h, {core_hours / 64:.1f} h with 64 workers.",
        f"- Load into DuckDB (single writer, Parquet partitions): {load_per_article * 1000:.1f} ms per article here, "
        f"{load_per_article * per_day / 3600:.1f} h a day on the driver, which overlaps the map.",
        f"- Cross-article stages (one process, CPU time at {last['factor']}x): {cross_per_article * 1000:.2f} ms per article; "
        f"if growth stays linear, {cross_per_article * per_day / 3600:.1f} h for a day's million articles rebuilt "
        "from scratch (every article counted and grouped again; the story vectors are made in the map, on the "
        "workers, and are part of the map's figure above). A build is incremental for stories: it assigns only "
        "the articles it adds and restores the stored ones from their stored vectors and counts (Stories "
        "section: adding 10 articles to a dossier of 7,710 took 4.5 s against 18.7 s for a regrouping), so a "
        "day's new articles cost their assignment plus a restore that grows with the dossier. Actors and wire "
        "copies still run over the whole dossier at each build (cheap at 100x, see the table).",
    ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--full", action="store_true", help="also build the whole Timeline17 corpus (tens of minutes)"
    )
    parser.add_argument(
        "--full-only", action="store_true", help="only the whole build; writes benchmarks/full_t17.json"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--every", type=int, default=58, help="sample: every N-th Timeline17 article (58: 50 articles)"
    )
    parser.add_argument(
        "--factors", default="1,10,100", help="replication factors for the cross-article stages"
    )
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument(
        "--crossdoc-base",
        type=int,
        default=10,
        help="articles of the sample replicated for the cross-article stages (10: 10, 100, 1,000 articles)",
    )
    parser.add_argument("--spacy-alone", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--rewrite", action="store_true", help="rewrite the section from the last results (after --full-only)"
    )
    parser.add_argument("--out", type=Path, default=None, help="BENCHMARKS.md to update")
    args = parser.parse_args()
    if args.spacy_alone:
        print(json.dumps(spacy_alone(args.spacy_alone, args.workers)))
        return
    if args.full or args.full_only:
        OUT.mkdir(parents=True, exist_ok=True)
        result = full_build(args.workers)
        FULL_RESULT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(result), flush=True)
        if args.full_only:
            return
    if args.rewrite:
        last = json.loads(LAST_RESULT.read_text(encoding="utf-8"))
        args.every, args.chunk_size, args.crossdoc_base = (
            last["every"],
            last["chunk_size"],
            last.get("crossdoc_base"),
        )
        body = report(
            args, last["spacy"], last["maps"], last["scaling"], last["articles"], last["words"], last["date"]
        )
        print(body)
        if args.out:
            replace_section(args.out, SECTION, body)
        return
    tmp = Path(tempfile.mkdtemp(prefix="storyline-scale-"))
    try:
        sample, n_articles, n_words = sample_jsonl(args.every, tmp)
        spacy, maps = [], []
        for workers in sorted({1, args.workers}):
            spacy.append(run_spacy_alone(sample, workers))
            maps.append(dask_map(sample, workers, tmp / f"w{workers}.duckdb", args.chunk_size))
            print(json.dumps([spacy[-1], maps[-1]]), flush=True)
        factors = [int(f) for f in args.factors.split(",")]
        scaling = crossdoc_scaling(tmp / f"w{maps[-1]['workers']}.duckdb", factors, tmp, args.crossdoc_base)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    plot(scaling, PLOT)
    date = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    OUT.mkdir(parents=True, exist_ok=True)
    LAST_RESULT.write_text(
        json.dumps(
            {
                "every": args.every,
                "chunk_size": args.chunk_size,
                "crossdoc_base": args.crossdoc_base,
                "spacy": spacy,
                "maps": maps,
                "scaling": scaling,
                "articles": n_articles,
                "words": n_words,
                "date": date,
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    body = report(args, spacy, maps, scaling, n_articles, n_words, date)
    print(body)
    if args.out:
        replace_section(args.out, SECTION, body)


def _stage_list(full: dict) -> str:
    """'actors: ok, 12.3 s, ...' (seconds when the run timed the stages apart)."""
    seconds = full.get("crossdoc_stage_s", {})
    return ", ".join(
        f"{k}: {v}" + (f", {seconds[k]} s" if k in seconds else "") for k, v in full["crossdoc"].items()
    )


def _failed_note(crossdoc: dict[str, str]) -> str:
    failed = [name for name, status in crossdoc.items() if status != "ok"]
    if not failed:
        return ""
    return (
        f" (**{', '.join(failed)} failed in this run**, as printed above, so its cross-article time is not a "
        "measurement of the stages: see the next table)"
    )


def report(
    args: argparse.Namespace,
    spacy: list[dict],
    maps: list[dict],
    scaling: list[dict],
    n_articles: int,
    n_words: int,
    date: str,
) -> str:
    cores = os.cpu_count() or 1
    lines = [
        f"## {SECTION}",
        "",
        f"Command: `make bench` (`python benchmarks/scale.py --every {args.every} --crossdoc-base {args.crossdoc_base} --out BENCHMARKS.md`), "
        f"{date}, {platform.machine()}, {cores} cores shared with other "
        f"jobs (1-minute load average {maps[0]['load_avg_1min_before']} before the first run), Python {platform.python_version()}. "
        f"Sample: every {args.every}th article of `corpus/t17/articles.jsonl` ({n_articles} articles, {n_words:,} words, all 8 topics).",
        "",
        "### Throughput on a local Dask cluster",
        "",
        "Each Dask run starts a scheduler and N single-threaded worker processes on 127.0.0.1, loads spaCy on every "
        f"worker, then times the map a build runs (clean + parse + every per-article stage + the story vector, MiniLM "
        f"over the first 600 words) in chunks of {args.chunk_size}; spaCy alone "
        "(`nlp.pipe`, N processes) ran just before it on the same texts. *words/CPU-s* divides by the CPU time the "
        "workers used, which is what a dedicated core would give; *words/s* is wall clock on this shared machine. "
        "The story vector is work spaCy alone does not do: the extraction-only ratio (the 0.8 target) is in "
        "Pipeline throughput.",
        "",
        "| workers | spaCy alone words/s | storyline words/s | ratio to spaCy | spaCy alone words/CPU-s | storyline words/CPU-s | ratio to spaCy (CPU) | peak RSS per worker MB | spaCy alone peak RSS MB | Parquet write + DuckDB load s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for sp, m in zip(spacy, maps, strict=True):
        lines.append(
            f"| {m['workers']} | {sp['words_per_s']:,} | {m['words_per_s']:,} | {m['words_per_s'] / sp['words_per_s']:.2f} | "
            f"{sp.get('words_per_cpu_s', 0):,} | {m['words_per_cpu_s']:,} | "
            f"{m['words_per_cpu_s'] / sp['words_per_cpu_s'] if sp.get('words_per_cpu_s') else float('nan'):.2f} | "
            f"{', '.join(str(p) for p in m['worker_peak_mb'])} | {sp['peak_mb']} | {m['parquet_load_s']} |"
        )
    if len(maps) > 1:
        lines += [
            "",
            f"Speed-up from 1 to {maps[-1]['workers']} workers: {maps[-1]['words_per_s'] / maps[0]['words_per_s']:.2f}x wall clock "
            f"(spaCy alone: {spacy[-1]['words_per_s'] / spacy[0]['words_per_s']:.2f}x) on {cores} shared cores.",
        ]
    lines += ["", "### The whole Timeline17 build", ""]
    if FULL_RESULT.exists():
        full = json.loads(FULL_RESULT.read_text(encoding="utf-8"))
        lines.append(
            f"Command: `python benchmarks/scale.py --full-only --workers {full['workers']}` ({full['date']}; run once, in the "
            "background, opt-in: `make bench` reports the last result kept in `benchmarks/full_t17.json`). "
            f"`build --engine dask --parquet` on a local cluster of {full['workers']} workers: "
            f"**{full['articles']:,} articles, {full['words']:,} words, map + Parquet + load {full['map_load_s']:,} s "
            f"({full['words_per_s']:,} words/s wall clock{_cpu_note(full)}), cross-article stages {full['crossdoc_s']} s** ({_stage_list(full)}), "
            f"{full['failures']} stage failures, Parquet {full['parquet_mb']} MB{_failed_note(full['crossdoc'])}, peak RSS per worker "
            f"{', '.join(str(p) for p in full['worker_peak_mb'])} MB. Load average (1 min) {full['load_avg_1min_before']} "
            f"at the start and {full['load_avg_1min_after']} at the end: the workers shared 2 cores with other jobs."
            + (f" Note: {full['note']}" if full.get("note") else "")
        )
    else:
        lines.append("Not measured yet: run `python benchmarks/scale.py --full-only` (tens of minutes).")
    stage_names = [
        k for k in scaling[0] if k not in ("factor", "articles", "mentions") and not k.endswith(" cpu")
    ]
    lines += [
        "",
        "### Cross-article stages at 1x, 10x, 100x",
        "",
        f"The dossier of the first {args.crossdoc_base} articles (by id) of the sample, replicated inside DuckDB: "
        "every per-article row copied with a new article id "
        "(`<id>~r`), no re-parsing. Wall seconds (CPU seconds in brackets) of each stage on the whole dossier. "
        "Replicas repeat the same names, so the actor vocabulary does not grow with the copies: this measures the "
        "per-mention work, not a larger vocabulary.",
        "",
        "| size | articles | mentions | " + " | ".join(stage_names) + " | total s per 1,000 articles |",
        "|---|---|---|" + "---|" * len(stage_names) + "---|",
    ]
    for r in scaling:
        total = sum(r[k] for k in stage_names)
        lines.append(
            f"| {r['factor']}x | {r['articles']:,} | {r['mentions']:,} | "
            + " | ".join(f"{r[k]} ({r[k + ' cpu']})" for k in stage_names)
            + f" | {total / r['articles'] * 1000:.2f} |"
        )
    lines += ["", f"![cross-article stages vs corpus size]({PLOT.relative_to(REPO).as_posix()})", ""]
    lines += ["### One million articles a day (projection from the figures above)", ""]
    lines += projection(maps, scaling, n_words / n_articles)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

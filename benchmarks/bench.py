"""`make bench`: throughput and peak memory of the pipeline, side by side with spaCy alone.

Each measurement runs in a fresh subprocess (so its peak RSS is its own) over the
texts of ../shared/eval/polnear_train.jsonl (840 articles, 625k words). spaCy
alone and storyline's pipeline are measured alternately in the same run, so
their ratio is fair on a shared, noisy machine. Results are written into the
"Pipeline throughput" section of BENCHMARKS.md with the command that made them.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from report import replace_section  # benchmarks/report.py, beside this script

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
CORPUS = SHARED / "eval" / "polnear_train.jsonl"
SECTION = "Pipeline throughput"


def load_texts(limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def cpu_now() -> float:
    """CPU seconds (user + system) of this process and of its finished children (pool workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(kind: str, limit: int | None, workers: int) -> dict:
    """Run in a subprocess: words/s and peak RSS of one kind of run."""
    from storyline.nlp import load_nlp

    rows = load_texts(limit)
    words = sum(len(r["text"].split()) for r in rows)
    nlp = load_nlp()
    stage_seconds: dict[str, float] = {}
    stage_cpu: dict[str, float] = {}
    started, cpu_started = time.perf_counter(), cpu_now()
    if kind == "spacy":
        for _ in nlp.pipe((r["text"] for r in rows), batch_size=32, n_process=workers):
            pass
    else:
        from storyline.build import chunked
        from storyline.engines.local import LoopEngine, PoolEngine
        from storyline.ingest.clean import clean
        from storyline.pipeline import ArticlePipeline
        from storyline.records import RawDocument

        pipeline = ArticlePipeline()
        articles = (clean(RawDocument(text=r["text"], source=r["id"], input_id=r["id"])) for r in rows)
        engine = PoolEngine(pipeline, workers) if workers > 1 else LoopEngine(pipeline)
        n = 0
        for facts in engine.map_chunks(chunked(articles, 32)):
            n += len(facts)
        engine.close()
        assert n == len(rows)
        stage_seconds = dict(pipeline.seconds) if workers == 1 else {}
        stage_cpu = dict(pipeline.cpu_seconds) if workers == 1 else {}
    seconds = time.perf_counter() - started
    cpu = cpu_now() - cpu_started
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "kind": kind,
        "workers": workers,
        "articles": len(rows),
        "words": words,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "words_per_s": round(words / seconds),
        "peak_mb": round(max(peak_self, peak_children)),
        "stages": stage_seconds,
        "stage_cpu": stage_cpu,
    }


def stage_cpu(limit: int | None, passes: int) -> None:
    """CPU seconds of each stage after the parse, the texts parsed once beforehand, so that the
    stages are measured rather than spaCy (quick before/after checks of stage speed-ups; run it
    with PYTHONPATH=<other checkout>/src to measure another version the same way)."""
    from storyline.ingest.clean import clean
    from storyline.nlp import load_nlp
    from storyline.pipeline import ArticlePipeline
    from storyline.records import RawDocument
    from storyline.stages.document import ArticleDoc

    rows = load_texts(limit)
    articles = [clean(RawDocument(text=r["text"], source=r["id"], input_id=r["id"])) for r in rows]
    nlp = load_nlp()
    started = time.process_time()
    parsed = list(nlp.pipe((a.text for a in articles), batch_size=32))
    parse_cpu = time.process_time() - started
    pipeline = ArticlePipeline()
    pipeline.run_stages(ArticleDoc(article=articles[0], doc=parsed[0]))  # lexicons load outside the timing
    cpu: dict[str, float] = {}
    for _ in range(passes):
        for article, doc in zip(articles, parsed, strict=True):
            adoc = ArticleDoc(article=article, doc=doc)
            for stage in pipeline.stages:
                started = time.process_time()
                with contextlib.suppress(Exception):  # a failing stage costs what it cost
                    setattr(adoc, stage.field, stage.run(adoc))
                cpu[stage.name] = cpu.get(stage.name, 0.0) + time.process_time() - started
    words = sum(len(a.text.split()) for a in articles)
    print(
        f"{len(articles)} articles, {words:,} words; parse {parse_cpu:.2f} s CPU (once); stages, s CPU per pass:"
    )
    for name, sec in cpu.items():
        print(f"  {name:<14} {sec / passes:.3f}")
    print(
        f"  {'total':<14} {sum(cpu.values()) / passes:.3f} ({100 * sum(cpu.values()) / passes / parse_cpu:.1f}% of the parse)"
    )


def run_sub(kind: str, limit: int | None, workers: int) -> dict:
    cmd = [sys.executable, __file__, "--measure", kind, "--workers", str(workers)]
    if limit:
        cmd += ["--limit", str(limit)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# The target for the one-process pipeline against spaCy alone (issue 2).
TARGET_RATIO = 0.8


def render(results: list[dict], limit: int | None, cores: int) -> str:
    """The section's Markdown from the runs' results (spaCy and storyline pairs, by workers)."""
    lines = [
        f"## {SECTION}",
        "",
        f"Command: `make bench` (`python benchmarks/bench.py{' --limit ' + str(limit) if limit else ''} --out BENCHMARKS.md`), "
        f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {cores} cores, Python {platform.python_version()}. "
        f"Texts: `polnear_train.jsonl`. spaCy alone = `nlp.pipe` of en_core_web_sm; storyline = clean + parse + every per-article stage. "
        "Each row is its own process; the pair of each worker count ran back to back. "
        "CPU s = user + system seconds of the run's processes (a busy machine inflates wall-clock "
        "seconds but hardly CPU seconds); the last column is the throughput ratio by CPU seconds.",
        "",
        "| run | workers | articles | words | seconds | words/s | peak RSS MB | ratio to spaCy alone | CPU s | ratio by CPU |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for i in range(0, len(results), 2):
        sp, st = results[i], results[i + 1]
        for r in (sp, st):
            ratio = r["words_per_s"] / sp["words_per_s"]
            cpu_ratio = sp["cpu_seconds"] / r["cpu_seconds"]
            lines.append(
                f"| {r['kind']} | {r['workers']} | {r['articles']} | {r['words']:,} | {r['seconds']} | "
                f"{r['words_per_s']:,} | {r['peak_mb']} | {ratio:.2f} | {r['cpu_seconds']} | {cpu_ratio:.2f} |"
            )
    run = next((r for r in results if r["stages"]), None)
    if run:
        stages, cpu = run["stages"], run["stage_cpu"]
        total = sum(cpu.values())
        lines += [
            "",
            "Where the single-process storyline run spends its time (`ArticlePipeline.seconds` and "
            "`.cpu_seconds`; the share is of CPU seconds):",
            "",
            "| step | seconds | CPU seconds | share |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {name} | {sec:.1f} | {cpu[name]:.1f} | {100 * cpu[name] / total:.1f}% |"
            for name, sec in stages.items()
        ]
    lines += summary(results)
    return "\n".join(lines) + "\n"


def summary(results: list[dict]) -> list[str]:
    """What the table says: the one-process ratio against the target, and the speed-up."""
    pairs = {r["workers"]: r for r in results if r["kind"] == "storyline"}
    alone = {r["workers"]: r for r in results if r["kind"] == "spacy"}
    one = pairs[1]["words_per_s"] / alone[1]["words_per_s"]
    one_cpu = alone[1]["cpu_seconds"] / pairs[1]["cpu_seconds"]
    verdict = "meets" if one >= TARGET_RATIO else "misses"
    lines = [
        "",
        f"One process: storyline runs at **{one:.2f} of spaCy-alone throughput**, which {verdict} the "
        f"target of {TARGET_RATIO} (wall clock; {one_cpu:.2f} by CPU seconds).",
    ]
    most = max(pairs)
    if most > 1:
        lines.append(
            f"Speed-up from 1 to {most} worker processes: storyline "
            f"{pairs[1]['seconds'] / pairs[most]['seconds']:.2f}x, spaCy alone "
            f"{alone[1]['seconds'] / alone[most]['seconds']:.2f}x (wall clock, {most} cores)."
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--measure", choices=["spacy", "storyline"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (quick runs)")
    parser.add_argument("--out", type=Path, default=None, help="BENCHMARKS.md to update")
    parser.add_argument(
        "--stage-cpu",
        type=int,
        metavar="PASSES",
        default=0,
        help="only time the stages after the parse (texts parsed once), over PASSES passes; prints, writes nothing",
    )
    args = parser.parse_args()
    if args.stage_cpu:
        stage_cpu(args.limit, args.stage_cpu)
        return
    if args.measure:
        print(json.dumps(measure(args.measure, args.limit, args.workers)))
        return
    import os

    cores = os.cpu_count() or 1
    results = []
    for workers in sorted({1, cores}):
        pair = [run_sub("spacy", args.limit, workers), run_sub("storyline", args.limit, workers)]
        results.extend(pair)
        print(json.dumps(pair), flush=True)
    body = render(results, args.limit, cores)
    print(body)
    if args.out:
        replace_section(args.out, SECTION, body)


if __name__ == "__main__":
    main()

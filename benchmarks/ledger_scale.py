"""The claims ledger's grouping (``group_claims``) at scale: seconds and peak memory per size.

Claims come from (a) the ledger entries of real dossiers (``--db``, stores built with
``storyline build``), (b) those entries replicated as wire copies would be (``--copies``: the
same values, days and places under new article ids), and (c) synthetic buckets of one measure
and country (``--synthetic``: values log-normal, days over a year, a few subjects and places,
three claims per article). Each run is a fresh subprocess (its peak RSS is its own); the report
gives the seconds of ``group_claims`` and the peak RSS above what the loaded entries took.

With ``--baseline REV`` the ledger of that git revision (its ledger.py, and its claim_grouping.py,
claim_scope.py and ledger_entry.py where it has them) runs on the same claims in the same call
(alternately), with ``--timeout`` seconds per run, and each pair of outputs is compared: the
groups' ``to_dict()`` as the ledger prints them (same order) and sorted (same groups).

Usage: .venv/bin/python benchmarks/ledger_scale.py --db /tmp/t17_syria_libya.duckdb
    [--copies 10 100] [--synthetic 1000 3000 10000] [--baseline 3bb0711] [--out BENCHMARKS.md]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import platform
import random
import resource
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from report import replace_section  # noqa: E402  benchmarks/report.py, beside this script

from storyline.crossdoc.ledger import LedgerEntry  # noqa: E402
from storyline.records import Claim  # noqa: E402

OUT = REPO / "benchmarks" / "out"
SECTION = "Claims ledger grouping at scale"
# Synthetic buckets: "deaths in Syria"; a third count anyone, the rest name a subject; a half
# name a town. Log-normal values (median about 55, a tenth above 1,000), as tolls run.
SUBJECTS = ("people killed", "people killed", "civilians killed", "soldiers killed", "children killed")
PLACES = (None, None, None, "Homs", "Aleppo", "Hama")


def entries_of_db(path: Path) -> list[LedgerEntry]:
    import duckdb

    from storyline.crossdoc.ledger import ledger_entries

    con = duckdb.connect(str(path), read_only=True)
    try:
        return ledger_entries(con)
    finally:
        con.close()


def synthetic(n: int, seed: int = 7, days: int = 365) -> list[LedgerEntry]:
    """``n`` claims of deaths in Syria over ``days`` days."""
    rng = random.Random(seed)
    start = date(2012, 1, 1)
    out = []
    for k in range(n):
        value = float(max(1, round(rng.lognormvariate(4.0, 1.5))))
        day = start + timedelta(days=rng.randrange(days))
        roll = rng.random()
        as_of = day.isoformat() if roll < 0.9 else day.strftime("%Y-%m") if roll < 0.95 else None
        vague = rng.random() < 0.05
        text = f"thousands of {int(value)}" if vague else f"{int(value)} people"
        claim = Claim(
            f"syn{k // 3}",
            k % 3 * 100,
            k % 3 * 100 + 10,
            value,
            None,
            rng.choice(SUBJECTS),
            None,
            as_of,
            text,
        )
        out.append(LedgerEntry(claim, "X", day.isoformat(), "deaths", "Syria", rng.choice(PLACES)))
    return out


def replicated(entries: list[LedgerEntry], copies: int) -> list[LedgerEntry]:
    """``entries`` and ``copies - 1`` wire copies of each article (new ids, all else the same)."""
    out = list(entries)
    for k in range(1, copies):
        for e in entries:
            out.append(replace(e, claim=replace(e.claim, article_id=f"{e.claim.article_id}~w{k}")))
    return out


def save(entries: list[LedgerEntry], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for e in entries:
            c = e.claim
            row = [c.article_id, c.start, c.end, c.value, c.qualifier, c.counts, c.claimant, c.as_of, c.text]
            f.write(json.dumps([row, e.outlet, e.published, e.measure, e.country, e.place]) + "\n")


def load(path: Path) -> list[LedgerEntry]:
    out = []
    for line in path.open(encoding="utf-8"):
        row, outlet, published, measure, country, place = json.loads(line)
        out.append(LedgerEntry(Claim(*row), outlet, published, measure, country, place))
    return out


# The ledger's modules at a revision, in import order: up to its split (after 25798fb) ledger.py
# alone, since then these four, each importing those before it as storyline.crossdoc.<name>.
LEDGER_MODULES = ("ledger_entry", "claim_scope", "claim_grouping", "ledger")


def grouping_module(rev: str | None) -> Any:
    """storyline.crossdoc.ledger as it is (``rev`` None) or as it was at ``rev``: that revision's
    ledger modules (the rest of the package as it is), registered under their own names so that
    its ledger.py imports its own claim_grouping and claim_scope, not today's."""
    if rev is None:
        from storyline.crossdoc import ledger

        return ledger
    module = None
    for name in LEDGER_MODULES:
        shown = subprocess.run(
            ["git", "show", f"{rev}:src/storyline/crossdoc/{name}.py"],
            cwd=REPO,
            capture_output=True,
            text=True,
        )
        if shown.returncode != 0:
            if name == "ledger":
                raise RuntimeError(shown.stderr)
            continue  # not yet split out at that revision
        path = OUT / f"ledger_{rev}" / f"{name}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(shown.stdout, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"storyline.crossdoc.{name}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up; later modules import it
        spec.loader.exec_module(module)
    return module


def status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child(rev: str | None, source: Path, dump: Path | None) -> dict:
    module = grouping_module(rev)
    from storyline.stages.claim_lexicon import load_claim_lexicon

    load_claim_lexicon()
    entries = load(source)
    module.group_claims(entries[:50])  # lexicons, gazetteer and imports loaded before the clock
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from here
    base = status_mb("VmRSS")
    started = time.perf_counter()
    groups = module.group_claims(entries)
    seconds = time.perf_counter() - started
    peak = status_mb("VmHWM")
    dicts = [json.dumps(g.to_dict(), sort_keys=True) for g in groups]
    if dump:
        dump.write_text("\n".join(dicts) + "\n", encoding="utf-8")
    return {
        "claims": len(entries),
        "groups": len(groups),
        "largest": max((len(g.entries) for g in groups), default=0),
        "seconds": round(seconds, 3),
        "peak_mb": round(peak),
        "growth_mb": round(peak - base),
        "same_order": hashlib.sha256("\n".join(dicts).encode()).hexdigest(),
        "sorted": hashlib.sha256("\n".join(sorted(dicts)).encode()).hexdigest(),
    }


def run_child(rev: str | None, source: Path, timeout: float, max_gb: float) -> dict | str:
    """The child's figures, or why it gave none: "timeout" or "memory" (over ``max_gb``)."""
    cmd = [sys.executable, __file__, "--child", str(source)] + (["--rev", rev] if rev else [])
    limit = int(max_gb * 2**30)

    def cap() -> None:  # a run that would take the shared machine's memory fails instead
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=cap)
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode != 0:
        if "MemoryError" in done.stderr:
            return "memory"
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, action="append", default=[], help="a dossier (DuckDB); repeatable")
    parser.add_argument(
        "--copies", type=int, nargs="*", default=[10, 100], help="replicate each --db this many times"
    )
    parser.add_argument("--synthetic", type=int, nargs="*", default=[1000, 3000, 10000])
    parser.add_argument(
        "--one-day", type=int, nargs="*", default=[3000], help="synthetic buckets all of one day"
    )
    parser.add_argument("--baseline", help="git revision of ledger.py to time and compare against")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run before it is given up")
    parser.add_argument("--max-gb", type=float, default=4, help="address space per run before it is given up")
    parser.add_argument("--out", type=Path, help="write the table into this BENCHMARKS.md")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rev", help=argparse.SUPPRESS)
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.rev, args.child, args.dump)))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    cases: list[tuple[str, Path]] = []
    for db in args.db:
        entries = entries_of_db(db)
        for copies in [1, *args.copies]:
            path = OUT / f"ledger_{db.stem}_x{copies}.jsonl"
            save(replicated(entries, copies), path)
            cases.append((f"{db.stem} x{copies}" if copies > 1 else db.stem, path))
    for n in args.synthetic:
        path = OUT / f"ledger_synthetic_{n}.jsonl"
        save(synthetic(n), path)
        cases.append((f"synthetic {n:,} (one bucket)", path))
    for n in args.one_day:
        path = OUT / f"ledger_one_day_{n}.jsonl"
        save(synthetic(n, days=1), path)
        cases.append((f"synthetic {n:,} of one day", path))

    rows = []
    for name, path in cases:
        after = run_child(None, path, args.timeout, args.max_gb)
        before = run_child(args.baseline, path, args.timeout, args.max_gb) if args.baseline else None
        rows.append((name, before, after))
        print(name, json.dumps(before), json.dumps(after), file=sys.stderr, flush=True)

    def cell(r: dict | str | None, key: str) -> str:
        if r == "timeout":
            return f"> {args.timeout:.0f}" if key == "seconds" else "-"
        if r == "memory":
            return f"> {args.max_gb:g} GB" if key == "seconds" else "-"
        return "-" if not isinstance(r, dict) else f"{r[key]:,}"

    lines = [
        f"### {SECTION}",
        "",
        f"Command: `python benchmarks/ledger_scale.py {' '.join(sys.argv[1:])}` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"{platform.machine()}, Python {platform.python_version()}, shared 2-core machine). Seconds of `group_claims`, peak RSS of "
        "the run's process during the grouping and its growth over the RSS before it (MB), each run a fresh process"
        + (
            f"; before = ledger.py of {args.baseline}, given up after {args.timeout:.0f} s"
            if args.baseline
            else ""
        )
        + ".",
        "",
    ]
    if args.baseline:
        lines += [
            "| claims | n | groups | largest | before s | after s | before peak / growth MB | after peak / growth MB | same output |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for name, b, a in rows:
            assert isinstance(a, dict), f"{name}: the current grouping gave no result ({a})"
            if not isinstance(b, dict):
                same = "-"
            elif b["same_order"] == a["same_order"]:
                same = "yes"
            else:
                same = "same groups, other order" if b["sorted"] == a["sorted"] else "differs"
            lines.append(
                f"| {name} | {a['claims']:,} | {a['groups']:,} | {a['largest']:,} | {cell(b, 'seconds')} | {a['seconds']:,} | "
                f"{cell(b, 'peak_mb')} / {cell(b, 'growth_mb')} | {a['peak_mb']:,} / {a['growth_mb']:,} | {same} |"
            )
    else:
        lines += [
            "| claims | n | groups | largest | seconds | peak / growth MB |",
            "|---|---|---|---|---|---|",
        ]
        for name, _, a in rows:
            assert isinstance(a, dict), f"{name}: no result ({a})"
            lines.append(
                f"| {name} | {a['claims']:,} | {a['groups']:,} | {a['largest']:,} | {a['seconds']:,} | {a['peak_mb']:,} / {a['growth_mb']:,} |"
            )
    body = "\n".join(lines) + "\n"
    print(body)
    if args.out:
        replace_section(args.out, SECTION, body, level=3)


if __name__ == "__main__":
    main()

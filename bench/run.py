"""Measure newsfacts' speed on a replicated corpus of the project's articles; write JSON and print a table.

Every figure is the median of `--runs` timed runs after one warm-up run. End-to-end
runs are the real command line (`python -m extract extract CORPUS -o FILE --jobs N`)
in a fresh process, start-up included, so that they also give the peak resident
memory of the largest process (the main one, or a worker). Megabytes are 10^6 bytes
of UTF-8 text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.corpus import ROOT, Article, Corpus, articles, build

MB = 1_000_000
RESULTS = ROOT / "bench" / "results"
DIGITS = re.compile(r"\d+")
FIRST_TEXT = (
    "Russia launched 145 drones at Ukraine overnight into Sunday, the Ukrainian air force said; "
    "62 of them were shot down and 67 were lost, most likely to electronic jamming."
)
# (name, target, whether a higher value is better)
TARGETS: dict[str, tuple[float, bool]] = {
    "end_to_end_mb_per_s_per_core": (2.0, True),
    "ratio_to_floor": (30.0, False),
    "startup_version_s": (0.3, False),
    "first_extraction_s": (1.0, False),
    "peak_rss_mb": (200.0, False),
    "jobs_2_speedup": (1.8, True),
    "growth_16x_vs_1x": (0.9, True),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny corpus and one run: proves the benchmark works")
    parser.add_argument("--size-mb", type=float, help="corpus size (default 20; 0.05 with --quick)")
    parser.add_argument("--growth-mb", type=float, help="base of the 1x/4x/16x growth runs (default 2; 0.005 quick)")
    parser.add_argument("--runs", type=int, help="timed runs per figure after a warm-up (default 5; 1 with --quick)")
    parser.add_argument("--jobs", type=int, default=2, help="workers of the parallel runs (default 2)")
    parser.add_argument("--output", type=Path, help="JSON results (default bench/results/latest.json, quick.json)")
    args = parser.parse_args(argv)
    size = args.size_mb if args.size_mb is not None else (0.05 if args.quick else 20.0)
    growth = args.growth_mb if args.growth_mb is not None else (0.005 if args.quick else 2.0)
    runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    output = args.output or RESULTS / ("quick.json" if args.quick else "latest.json")
    results = measure(size, growth, runs, args.jobs)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten to {output}")
    return 0


def measure(size_mb: float, growth_mb: float, runs: int, jobs: int) -> dict[str, Any]:
    base = articles()
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as scratch:
        folder = Path(scratch)
        corpus = build(base, int(size_mb * MB), folder / "corpus")
        _log(f"corpus: {len(corpus.articles)} documents, {corpus.size / MB:.1f} MB in {corpus.folder}")
        single = _end_to_end(corpus, 1, runs, folder)
        parallel = _end_to_end(corpus, jobs, runs, folder)
        languages = _languages(base)
        quantities_single = _quantities(corpus, languages, 1, runs)
        quantities_parallel = _quantities(corpus, languages, jobs, runs)
        floor = _median(runs, lambda: _seconds(_floor, corpus))
        growth = _growth(base, growth_mb, runs, folder)
    startup = {
        "version_s": _median(runs, lambda: _timed([*_newsfacts(), "--version"])[0], warm=True),
        "first_extraction_s": _median(runs, lambda: _timed([sys.executable, "-c", _FIRST])[0], warm=True),
    }
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-cache-") as cold:
        environment = {"NEWSFACTS_CACHE_DIR": cold}
        startup["first_extraction_cold_cache_s"] = _timed([sys.executable, "-c", _FIRST], environment)[0]
    cores = os.cpu_count() or 1
    summary = {
        "end_to_end_mb_per_s_per_core": single["mb_per_s"],
        "ratio_to_floor": single["seconds"] / floor,
        "startup_version_s": startup["version_s"],
        "first_extraction_s": startup["first_extraction_s"],
        "peak_rss_mb": max(single["peak_rss_mb"], parallel["peak_rss_mb"]),
        "jobs_2_speedup": parallel["mb_per_s"] / single["mb_per_s"],
        "growth_16x_vs_1x": growth["16x"]["mb_per_s"] / growth["1x"]["mb_per_s"],
    }
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "machine": _machine(cores),
        "settings": {"size_mb": size_mb, "growth_base_mb": growth_mb, "runs": runs, "jobs": jobs},
        "corpus": {
            "documents": len(corpus.articles),
            "mb": corpus.size / MB,
            "distinct_documents": len(base),
            "languages": dict(sorted(Counter(languages[article.path] for article in corpus.articles).items())),
        },
        "end_to_end": {"jobs_1": single, f"jobs_{jobs}": parallel},
        "quantities": {"jobs_1": quantities_single, f"jobs_{jobs}": quantities_parallel},
        "floor": {"seconds": floor, "mb_per_s": corpus.size / MB / floor},
        "startup": startup,
        "growth": growth,
        "targets": {
            name: {"value": value, "target": TARGETS[name][0], "met": _met(name, value)}
            for name, value in summary.items()
        },
    }


def _met(name: str, value: float) -> bool:
    target, higher = TARGETS[name]
    return value >= target if higher else value <= target


def _end_to_end(corpus: Corpus, jobs: int, runs: int, scratch: Path) -> dict[str, float]:
    """`newsfacts extract` over the corpus folder in a fresh process: wall time and peak RSS of each run."""
    output = scratch / f"facts-{jobs}.jsonl"
    command = [sys.executable, "-m", "extract", "extract", str(corpus.folder), "-o", str(output), "--jobs", str(jobs)]
    _log(f"end to end, --jobs {jobs}: {runs} runs after a warm-up")
    _timed(command)
    timings = [_timed(command) for _ in range(runs)]
    seconds = statistics.median(t for t, _ in timings)
    facts = sum(1 for _ in output.open(encoding="utf-8"))
    return _rates(corpus, seconds) | {"peak_rss_mb": max(rss for _, rss in timings), "facts": facts}


def _rates(corpus: Corpus, seconds: float) -> dict[str, float]:
    return {
        "seconds": seconds,
        "mb_per_s": corpus.size / MB / seconds,
        "docs_per_s": len(corpus.articles) / seconds,
    }


def _timed(command: list[str], environment: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of the command's tree."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=os.environ | (environment or {}),
    )
    assert process.stderr is not None
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed ({process.returncode}): {errors.decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def _languages(base: list[Article]) -> dict[Path, str]:
    from extract import Extractor

    extractor = Extractor()
    return {article.path: extractor.language_of(article.text) for article in base}


def _quantities(corpus: Corpus, languages: dict[Path, str], jobs: int, runs: int) -> dict[str, float]:
    """The quantity layer alone (`extract.quantities`), in this process or in a pool of `jobs` workers."""
    from extract import quantities

    work = [(article.text, languages[article.path]) for article in corpus.articles]
    _log(f"quantities, {jobs} process(es): {runs} runs after a warm-up")
    if jobs == 1:

        def scan_all() -> None:
            for text, lang in work:
                quantities(text, lang)

        return _rates(corpus, _median(runs, lambda: _seconds(scan_all), warm=True))
    context = multiprocessing.get_context("forkserver")
    with context.Pool(jobs, initializer=_warm_quantities, initargs=(sorted(set(languages.values())),)) as pool:
        seconds = _median(runs, lambda: _seconds(sum, pool.imap(_count_quantities, work, chunksize=32)), warm=True)
    return _rates(corpus, seconds)


def _warm_quantities(langs: list[str]) -> None:
    from extract import quantities

    for lang in langs:
        quantities("12 drones", lang)


def _count_quantities(item: tuple[str, str]) -> int:
    from extract import quantities

    return len(quantities(*item))


def _floor(corpus: Corpus) -> None:
    """One pass of a compiled digit regex over every text: the cost of merely looking at the characters."""
    for article in corpus.articles:
        DIGITS.findall(article.text)


def _growth(base: list[Article], base_mb: float, runs: int, scratch: Path) -> dict[str, Any]:
    """Library throughput (one Extractor, JSONL rendered) on 1x, 4x and 16x the base size: cost must be linear."""
    from extract import Extractor
    from extract.writers import JsonlWriter

    extractor = Extractor()
    found: dict[str, Any] = {"base_mb": base_mb}
    for factor in (1, 4, 16):
        corpus = build(base, int(base_mb * factor * MB), scratch / f"growth-{factor}")
        _log(f"growth {factor}x ({corpus.size / MB:.1f} MB): {runs} runs after a warm-up")
        writer = JsonlWriter(open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - closed below

        def run(corpus: Corpus = corpus, writer: JsonlWriter = writer) -> float:
            started = time.perf_counter()
            for result in extractor.extract_paths([corpus.folder]):
                writer.write(result.facts)
            return time.perf_counter() - started

        seconds = _median(runs, run, warm=True)
        writer.stream.close()
        found[f"{factor}x"] = _rates(corpus, seconds) | {"mb": corpus.size / MB}
    return found


def _seconds(action: Callable[..., object], *args: Any) -> float:
    started = time.perf_counter()
    action(*args)
    return time.perf_counter() - started


def _median(runs: int, timing: Callable[[], float], warm: bool = False) -> float:
    """The median of `runs` timings, after one untimed warm-up call with `warm`."""
    if warm:
        timing()
    return statistics.median(timing() for _ in range(runs))


_FIRST = f"from extract import Extractor; Extractor().extract_text({FIRST_TEXT!r})"


def _newsfacts() -> list[str]:
    script = Path(sys.executable).with_name("newsfacts")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "extract"]


def _commit() -> str | None:
    try:
        found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    except OSError:
        return None
    return found.stdout.strip() or None


def _machine(cores: int) -> dict[str, Any]:
    model = None
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                      if line.startswith("model name")), None)
    return {
        "cpu": model or platform.processor() or platform.machine(),
        "cores": cores,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "note": "shared with other jobs: absolute figures are noisy, ratios less so",
    }


def table(results: dict[str, Any]) -> str:
    corpus, settings = results["corpus"], results["settings"]
    jobs = settings["jobs"]
    rows = [
        f"newsfacts benchmark - {corpus['documents']} documents, {corpus['mb']:.1f} MB "
        f"({corpus['distinct_documents']} distinct), median of {settings['runs']} runs; "
        f"{results['machine']['cpu']}, {results['machine']['cores']} cores",
        "",
        f"{'measure':<34}{'MB/s':>9}{'docs/s':>10}{'seconds':>10}{'peak RSS MB':>13}",
    ]
    for label, figures in (
        ("extract, 1 process", results["end_to_end"]["jobs_1"]),
        (f"extract, --jobs {jobs}", results["end_to_end"][f"jobs_{jobs}"]),
        ("quantity layer, 1 process", results["quantities"]["jobs_1"]),
        (f"quantity layer, {jobs} processes", results["quantities"][f"jobs_{jobs}"]),
    ):
        rss = f"{figures['peak_rss_mb']:.0f}" if "peak_rss_mb" in figures else ""
        rows.append(
            f"{label:<34}{figures['mb_per_s']:>9.2f}{figures['docs_per_s']:>10.0f}{figures['seconds']:>10.2f}{rss:>13}"
        )
    floor = results["floor"]
    rows.append(f"{'floor: one digit-regex pass':<34}{floor['mb_per_s']:>9.1f}{'':>10}{floor['seconds']:>10.3f}")
    growth = results["growth"]
    for factor in ("1x", "4x", "16x"):
        figures = growth[factor]
        label = f"growth {factor} ({figures['mb']:.1f} MB, library)"
        rows.append(f"{label:<34}{figures['mb_per_s']:>9.2f}{figures['docs_per_s']:>10.0f}{figures['seconds']:>10.2f}")
    startup = results["startup"]
    rows += [
        "",
        f"start-up: newsfacts --version {startup['version_s']:.2f} s; first extraction in a fresh process "
        f"{startup['first_extraction_s']:.2f} s ({startup['first_extraction_cold_cache_s']:.2f} s with no rule cache)",
        "",
        f"{'target':<32}{'value':>10}{'goal':>10}  met",
    ]
    for name, target in results["targets"].items():
        higher = TARGETS[name][1]
        goal = f"{'>=' if higher else '<='}{target['target']:g}"
        rows.append(f"{name:<32}{target['value']:>10.2f}{goal:>10}  {'yes' if target['met'] else 'NO'}")
    return "\n".join(rows)


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)

"""Throughput, memory and import time of the default rule set.

    python benchmarks/bench.py                         # Russian corpus + English support replies
    python benchmarks/bench.py --n 100000 --proselint 3000
    python benchmarks/bench.py --bitext PATH           # another copy of bitext_support_en.csv

(a) generated Russian replies; (b) the English responses of the Bitext customer-support set
(../shared/data/bitext-support-en, skipped with a message when absent). Prints replies per
second on one core (CPU time of one process, one thread), peak resident memory and the time of
`import replykit` (median of fresh interpreters, Python start-up subtracted). With proselint
installed (`pip install -e ".[bench]"`) it also times proselint on replies of (b) and prints
how many times faster replykit is on the same replies.
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import russian_replies  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BITEXT = ROOT.parent / "shared" / "data" / "bitext-support-en" / "bitext_support_en.csv"


def import_time(runs: int = 9) -> float:
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    base = statistics.median(once("pass") for _ in range(runs))
    full = statistics.median(once("import replykit") for _ in range(runs))
    return max(full - base, 0.0)


def rate(texts: list[str], run: Callable[[str], int]) -> tuple[float, int]:
    run(texts[0])  # load rules, dictionaries and data once, as a long-running service would
    found = 0
    start = time.process_time()  # CPU time of this process: a loaded machine does not skew it
    for text in texts:
        found += run(text)
    return len(texts) / (time.process_time() - start), found


def bitext_replies(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row["response"] for row in csv.DictReader(fh) if row.get("response")]


def proselint_runner() -> Callable[[str], int] | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    return lambda text: len(LintFile("<reply>", text).lint())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000, help="generated Russian replies (default 20,000)")
    parser.add_argument("--bitext", type=Path, default=BITEXT, help="path of bitext_support_en.csv")
    parser.add_argument("--proselint", type=int, default=2_000, help="replies of (b) to time proselint on (0 skips it)")
    args = parser.parse_args()

    import replykit

    check = lambda text: len(replykit.check(text).findings)  # noqa: E731
    print(f"rules              {len(replykit.rules())} (default set)")
    ru = list(russian_replies(args.n))
    ru_rate, ru_found = rate(ru, check)
    print(f"(a) Russian        {len(ru):,} generated replies: {ru_rate:,.0f} replies/s on one core ({ru_found:,} findings)")

    if args.bitext.is_file():
        en = bitext_replies(args.bitext)
        en_rate, en_found = rate(en, check)
        print(f"(b) English        {len(en):,} Bitext support replies: {en_rate:,.0f} replies/s on one core ({en_found:,} findings)")
        lint = proselint_runner() if args.proselint > 0 else None
        if args.proselint <= 0:
            print("    proselint      skipped (--proselint 0)")
        elif lint is None:
            print("    proselint      not installed (pip install -e '.[bench]'): ratio skipped")
        else:
            sample = en[: args.proselint]
            p_rate, p_found = rate(sample, lint)
            r_rate, _ = rate(sample, check)
            print(f"    proselint      {len(sample):,} of the same replies: {p_rate:,.0f} replies/s ({p_found:,} findings)")
            print(f"    ratio          replykit is {r_rate / p_rate:,.1f}x proselint on the same replies")
    else:
        print(f"(b) English        skipped: {args.bitext} not found")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory        {peak_mb:,.0f} MB resident")
    print(f"import replykit    {import_time() * 1000:.0f} ms")


if __name__ == "__main__":
    main()

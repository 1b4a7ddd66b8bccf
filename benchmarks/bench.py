"""Throughput, memory and import time of the default rule set.

    python benchmarks/bench.py               # 20,000 generated Russian replies
    python benchmarks/bench.py --n 100000

Prints replies per second on one core (one process, no threads), peak resident memory and the
time of `import replykit` (median of several fresh interpreters, Python start-up subtracted).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import russian_replies  # noqa: E402


def import_time(runs: int = 7) -> float:
    def once(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    base = statistics.median(once("pass") for _ in range(runs))
    full = statistics.median(once("import replykit") for _ in range(runs))
    return max(full - base, 0.0)


def throughput(texts: list[str]) -> tuple[float, int]:
    import replykit

    replykit.check(texts[0])  # load rules, dictionaries and data once, as a service would
    findings = 0
    start = time.perf_counter()
    for text in texts:
        findings += len(replykit.check(text).findings)
    elapsed = time.perf_counter() - start
    return len(texts) / elapsed, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20_000, help="number of generated replies")
    args = parser.parse_args()
    texts = list(russian_replies(args.n))
    rate, findings = throughput(texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"replies            {len(texts):,} generated Russian replies")
    print(f"rules              {len(__import__('replykit').rules())} (default set)")
    print(f"throughput         {rate:,.0f} replies/s on one core ({findings:,} findings)")
    print(f"peak memory        {peak_mb:,.0f} MB resident")
    print(f"import replykit    {import_time() * 1000:.0f} ms")


if __name__ == "__main__":
    main()

"""Audit N generated replies, streaming, and print wall time, replies per second and peak memory.

    PYTHONPATH=src python benchmarks/audit_bench.py --n 1000000

Replies are generated on the fly (never all in memory) by benchmarks/corpus.py; one in five
comes in a chat conversation of message rows, so conversation rebuilding is measured too.
Results are streamed through `replykit.iter_audit` and only counted. `--collect` runs `replykit.audit`
instead and builds its tables, to measure what keeping every row costs.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import russian_replies

import replykit

AGENTS = ["Анна", "Борис", "Ольга", "Павел"]


def generate(total: int, seed: int = 7) -> Iterator[Any]:
    """`total` replies from the benchmark corpus; every fifth pair of replies as a chat's rows."""
    texts = russian_replies(total, seed)
    agents = random.Random(seed)
    n = 0
    for text in texts:
        if n % 10 == 8 and n + 1 < total:  # replies n and n+1 answer one customer in one chat
            conversation = f"chat{n}"
            yield {"conversation_id": conversation, "role": "customer", "text": "Где мой заказ?", "channel": "chat"}
            for reply in (text, next(texts)):
                yield {"conversation_id": conversation, "role": "agent", "text": reply, "channel": "chat",
                       "agent": agents.choice(AGENTS), "message_id": n}  # fmt: skip
                n += 1
        else:
            yield text
            n += 1


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished workers: meaningful on a busy machine too."""
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usage)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="replies to audit (default 1,000,000)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    parser.add_argument("--chunk-size", type=int, default=500)
    parser.add_argument("--collect", action="store_true", help="keep every row: replykit.audit() and its tables")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    data = generate(args.n)
    options = {"workers": args.workers, "chunk_size": args.chunk_size, "progress": args.progress or None}
    codes: Counter[str] = Counter()
    if args.collect:
        result = replykit.audit(data, **options)
        replies, failed = len(result), result.counts["failed"]
        codes.update({code: n for (code, _), n in result.counts["by_rule"].items()})
        tables = (len(result.findings), len(result.summary))
    else:
        replies = failed = 0
        for audited in replykit.iter_audit(data, **options):
            replies += 1
            failed += audited.failure is not None
            codes.update(f.code for f in audited.findings)
    wall = time.perf_counter() - start

    print(f"replies audited: {replies:,} ({failed:,} could not be checked)")
    print(f"findings: {sum(codes.values()):,}  top: {', '.join(f'{c} {n:,}' for c, n in codes.most_common(5))}")
    if args.collect:
        print(f"tables: {tables[0]:,} finding rows, {tables[1]:,} summary rows")
    print(f"wall time: {wall:.1f} s")
    print(f"replies/s: {replies / wall:,.0f}")
    print(f"CPU time: {cpu_seconds():.1f} s (all processes; {replies / cpu_seconds():,.0f} replies per CPU-second)")
    print(f"peak memory: main process {peak_mb(resource.RUSAGE_SELF):,.0f} MB, "
          f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB")  # fmt: skip
    return 0 if replies == args.n else 1


if __name__ == "__main__":
    sys.exit(main())

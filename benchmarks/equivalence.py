"""Digest of every report over a fixed mix of inputs: optimisations must leave it unchanged.

    PYTHONPATH=src python benchmarks/equivalence.py [--bitext PATH] [--n 5000] [--conversations 2000]

Runs `replykit.check` over (a) generated Russian replies, (b) the English Bitext support
replies (skipped with a message when the file is absent), (c) generated timed conversations in
six languages (with and without a locale, so language detection is exercised), and (d) the
Bitext replies as HTML and as templates. Prints the sha256 of the JSON of all reports per part
and overall; compare the digest before and after a change.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import BITEXT, bitext_replies
from conversation_bench import conversation
from corpus import russian_replies

import replykit


def _digest(reports: list[replykit.Report]) -> str:
    sha = hashlib.sha256()
    for report in reports:
        sha.update(report.model_dump_json().encode("utf-8"))
        sha.update(b"\n")
    return sha.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=5_000, help="generated Russian replies (default 5,000)")
    parser.add_argument("--conversations", type=int, default=2_000, help="generated conversations (default 2,000)")
    parser.add_argument("--bitext", type=Path, default=BITEXT, help="path of bitext_support_en.csv")
    args = parser.parse_args()

    parts: dict[str, list[replykit.Report]] = {}
    parts["russian"] = [replykit.check(text) for text in russian_replies(args.n)]
    if args.bitext.is_file():
        en = bitext_replies(args.bitext)
        parts["bitext"] = [replykit.check(text) for text in en]
        parts["bitext-html"] = [replykit.check(f"<p>{text}</p>", html=True) for text in en[:500]]
        parts["bitext-template"] = [replykit.check(text, template=True) for text in en[:500]]
    else:
        print(f"bitext             skipped: {args.bitext} not found")
    rng = random.Random(11)
    convs = [conversation(rng) for _ in range(args.conversations)]
    parts["conversations"] = [replykit.check(c) for c in convs]
    parts["conversations-detected"] = [replykit.check(c.model_copy(update={"locale": None})) for c in convs]

    total = hashlib.sha256()
    for name, reports in parts.items():
        digest = _digest(reports)
        total.update(digest.encode())
        findings = sum(len(r.findings) for r in reports)
        print(f"{name:<24} {len(reports):>6} reports {findings:>7} findings  {digest}")
    print(f"digest {total.hexdigest()}")


if __name__ == "__main__":
    main()

"""Per-topic precision and recall of the bundling detectors (RK4xx).

    PYTHONPATH=src python benchmarks/bundling_eval.py [--data tests/data/bundling]
        [--bitext ../shared/data/bitext-support-en] [--lang ru ...] [--time]

1. The hand-labelled pairs in tests/data/bundling/<lang>.toml: for each customer message,
   which topics it asks about (question side); for each reply, which topics it answers
   (answer side).
2. English question side on the Bitext customer-support sample (third-party, read-only, used
   by path and skipped when absent): its intent labels are mapped to topics (see INTENTS);
   every other intent counts as asking about none of the topics.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replykit.bundling.detect import answers, questions
from replykit.bundling.lexicon import LANGUAGES, pack
from replykit.document import Document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "bundling"
BITEXT = ROOT.parent / "shared" / "data" / "bitext-support-en"

# Bitext intent -> topic. Intents about shipping methods, orders, accounts, invoices to look
# up, complaints... ask about none of the topics.
INTENTS = {
    "delivery_period": "lead_time",
    "check_payment_methods": "payment_method",
    "check_refund_policy": "warranty",
    "check_cancellation_fee": "price",
}


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, expected: Iterable[str], predicted: Iterable[str]) -> None:
        e, p = set(expected), set(predicted)
        for t in e & p:
            self.tp[t] += 1
        for t in p - e:
            self.fp[t] += 1
        for t in e - p:
            self.fn[t] += 1

    def precision(self, topic: str | None = None) -> float:
        tp, fp = self._sum(self.tp, topic), self._sum(self.fp, topic)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, topic: str | None = None) -> float:
        tp, fn = self._sum(self.tp, topic), self._sum(self.fn, topic)
        return tp / (tp + fn) if tp + fn else 1.0

    @staticmethod
    def _sum(counter: Counter[str], topic: str | None) -> int:
        return counter[topic] if topic else sum(counter.values())

    def topics(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def lines(self, title: str) -> list[str]:
        out = [f"{title:<28} {'precision':>9} {'recall':>7} {'support':>8} {'fp':>4}"]
        for t in self.topics():
            support = self.tp[t] + self.fn[t]
            out.append(f"  {t:<26} {self.precision(t):>9.3f} {self.recall(t):>7.3f} {support:>8} {self.fp[t]:>4}")
        out.append(f"  {'(all topics, micro)':<26} {self.precision():>9.3f} {self.recall():>7.3f}")
        return out


def load_pairs(lang: str, data: Path = DATA) -> list[dict[str, Any]]:
    path = data / f"{lang}.toml"
    if not path.is_file():
        return []
    return list(tomllib.loads(path.read_text("utf-8"))["pair"])


def score_language(lang: str, data: Path = DATA) -> tuple[Score, Score, Score, list[str]]:
    """Question-side and answer-side scores for one language, the score of what RK401 reports
    (topics asked and not answered), and the mismatches."""
    p = pack(lang)
    assert p is not None
    asked, answered, unanswered = Score(), Score(), Score()
    misses: list[str] = []
    for pair in load_pairs(lang, data):
        customer, reply = str(pair["customer"]), str(pair["reply"])
        got_asked = {m.topic for m in questions(p, Document(customer, language=lang)).asked}
        doc = Document(reply, language=lang)
        got_answered = set(answers(p, doc.text, doc.own_end, got_asked))  # as RK401 reads the reply
        asked.add(pair["asked"], got_asked)
        answered.add(pair["answered"], got_answered)
        unanswered.add(set(pair["asked"]) - set(pair["answered"]), got_asked - got_answered)
        if got_asked != set(pair["asked"]):
            misses.append(f"  asked    {sorted(pair['asked'])} got {sorted(got_asked)}: {customer}")
        if got_answered != set(pair["answered"]):
            misses.append(f"  answered {sorted(pair['answered'])} got {sorted(got_answered)}: {reply}")
    return asked, answered, unanswered, misses


def time_pairs(langs: list[str], data: Path = DATA, repeats: int = 20) -> float:
    """CPU microseconds to read one labelled pair (its questions and the reply's answers), the
    packs compiled and the documents built beforehand."""
    docs = [
        (p, Document(str(pair["customer"]), language=lang), Document(str(pair["reply"]), language=lang))
        for lang in langs
        if (p := pack(lang)) is not None
        for pair in load_pairs(lang, data)
    ]

    def once() -> None:
        for p, customer, reply in docs:
            answers(p, reply.text, reply.own_end, {m.topic for m in questions(p, customer).asked})

    once()
    start = time.process_time()
    for _ in range(repeats):
        once()
    return (time.process_time() - start) / repeats / max(len(docs), 1) * 1e6


def score_bitext(folder: Path) -> tuple[Score, Counter[tuple[str, str]], int] | None:
    path = folder / "bitext_support_en.csv"
    if not path.is_file():
        return None
    p = pack("en")
    assert p is not None
    score = Score()
    false_by_intent: Counter[tuple[str, str]] = Counter()
    rows = 0
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rows += 1
            expected = {INTENTS[row["intent"]]} if row["intent"] in INTENTS else set()
            got = {m.topic for m in questions(p, Document(row["instruction"], language="en")).asked}
            score.add(expected, got)
            for topic in got - expected:
                false_by_intent[(topic, row["intent"])] += 1
    return score, false_by_intent, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of labelled <lang>.toml files")
    parser.add_argument("--bitext", type=Path, default=BITEXT, help="folder with bitext_support_en.csv")
    parser.add_argument("--lang", nargs="*", default=list(LANGUAGES))
    parser.add_argument("--misses", action="store_true", help="print every mismatching pair")
    parser.add_argument("--time", action="store_true", help="also print the CPU time to read one pair")
    args = parser.parse_args(argv)
    if args.time:
        print(f"speed: {time_pairs(args.lang, args.data):.0f} µs of CPU per pair (questions and answers)\n")
    for lang in args.lang:
        asked, answered, unanswered, misses = score_language(lang, args.data)
        n = len(load_pairs(lang, args.data))
        print(f"== {lang}: {n} labelled pairs")
        print("\n".join(asked.lines("question side (asked)")))
        print("\n".join(answered.lines("answer side (answered)")))
        reported = sum(unanswered.tp.values()) + sum(unanswered.fp.values())
        print(
            f"RK401 (asked, not answered)  {unanswered.precision():>9.3f} {unanswered.recall():>7.3f}"
            f" {sum(unanswered.tp.values()) + sum(unanswered.fn.values()):>8} {sum(unanswered.fp.values()):>4}"
            f"  ({reported} topics reported)"
        )
        if args.misses and misses:
            print("\n".join(misses))
        print()
    result = score_bitext(args.bitext)
    if result is None:
        print(f"bitext: {args.bitext} not found, skipped")
        return 0
    score, false_by_intent, rows = result
    print(f"== bitext-support-en: {rows} customer messages, question side; intents mapped: {INTENTS}")
    print("\n".join(score.lines("question side (asked)")))
    print("  most frequent false positives (topic, intent):")
    for (topic, intent), count in false_by_intent.most_common(8):
        print(f"    {topic:<16} {intent:<28} {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

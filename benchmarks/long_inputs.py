"""Time of one check as an input grows: each doubling should about double it (no quadratic step).

    PYTHONPATH=src python benchmarks/long_inputs.py [--sizes 112500 225000 450000 900000]

Checks (a) a reply, (b) a conversation whose customer message repeats questions on price, lead
time and payment, and (c) one whose reply repeats the answers, at each size in characters, and
prints the seconds (wall clock, after one short check of each kind has loaded everything) and
the ratio to the size before. A ratio well above 2 points at work that grows with the square of
the input: the bundling detectors once compared every question with every clause and every
value with every answer phrase (17 s and 10 s at 900,000 and 450,000 characters).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import replykit
from replykit import Conversation, Message

QUESTION = "Сколько стоит доставка и когда привезёте? Можно картой? "
ANSWER = "Доставка стоит 500 ₽, привезём завтра к 12:00. Оплата картой при получении. Гарантия 12 месяцев. "


def _conversation(question: str, answer: str) -> Conversation:
    return Conversation(messages=[Message(role="customer", text=question), Message(role="agent", text=answer)], locale="ru")


CASES: dict[str, Callable[[int], object]] = {
    "reply": lambda n: (ANSWER * (n // len(ANSWER) + 1))[:n],
    "long question": lambda n: _conversation((QUESTION * (n // len(QUESTION) + 1))[:n], ANSWER),
    "long reply": lambda n: _conversation(QUESTION, (ANSWER * (n // len(ANSWER) + 1))[:n]),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[112_500, 225_000, 450_000, 900_000])
    args = parser.parse_args()
    for name, make in CASES.items():
        replykit.check(make(2_000), locale="ru")  # type: ignore[arg-type]
        before = None
        for size in args.sizes:
            value = make(size)
            start = time.perf_counter()
            replykit.check(value, locale="ru")  # type: ignore[arg-type]
            took = time.perf_counter() - start
            ratio = f"  ×{took / before:.2f}" if before else ""
            print(f"{name:<14} {size:>9,} chars  {took:6.2f} s{ratio}")
            before = took


if __name__ == "__main__":
    main()

"""Time of one check as an input grows: each doubling should about double it (no quadratic step).

    PYTHONPATH=src python benchmarks/long_inputs.py [--sizes 112500 225000 450000 900000]

Checks (a) a reply, (b) a reply full of the customer's name in its forms, (c) a conversation
whose customer message repeats questions on price, lead time and payment, and (d) one whose
reply repeats the answers, at each size in characters (for the customer Мария Ивановна), and
prints the seconds (wall clock, after one short check of each kind has loaded everything) and
the ratio to the size before. A ratio well above 2 points at work that grows with the square of
the input: the bundling detectors once compared every question with every clause and every
value with every answer phrase (17 s and 10 s at 900,000 and 450,000 characters), and the name
rules sliced the rest of the reply after every name (7.1 s at 800,000 characters).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import replykit
from replykit import Conversation, Customer, Message

QUESTION = "Сколько стоит доставка и когда привезёте? Можно картой? "
ANSWER = "Доставка стоит 500 ₽, привезём завтра к 12:00. Оплата картой при получении. Гарантия 12 месяцев. "
NAMES = "Мария Ивановна, Марии Ивановне, Машенька, Иванова. "
MARIA = Customer(first_name="Мария", patronymic="Ивановна")


def _conversation(question: str, answer: str) -> Conversation:
    return Conversation(messages=[Message(role="customer", text=question), Message(role="agent", text=answer)], locale="ru")


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


CASES: dict[str, Callable[[int], object]] = {
    "reply": lambda n: _repeat(ANSWER, n),
    "names": lambda n: _repeat(NAMES, n),  # checked for the customer Мария Ивановна
    "long question": lambda n: _conversation(_repeat(QUESTION, n), ANSWER),
    "long reply": lambda n: _conversation(QUESTION, _repeat(ANSWER, n)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[112_500, 225_000, 450_000, 900_000])
    args = parser.parse_args()
    for name, make in CASES.items():
        replykit.check(make(2_000), locale="ru", customer=MARIA)  # type: ignore[arg-type]
        before = None
        for size in args.sizes:
            value = make(size)
            start = time.perf_counter()
            replykit.check(value, locale="ru", customer=MARIA)  # type: ignore[arg-type]
            took = time.perf_counter() - start
            ratio = f"  ×{took / before:.2f}" if before else ""
            print(f"{name:<14} {size:>9,} chars  {took:6.2f} s{ratio}")
            before = took


if __name__ == "__main__":
    main()

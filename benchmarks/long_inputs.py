"""Time of one check as an input grows: each doubling should about double it (no quadratic step).

    PYTHONPATH=src python benchmarks/long_inputs.py [--sizes 112500 225000 450000 900000]
    PYTHONPATH=src python benchmarks/long_inputs.py --messages 500 1000 2000 4000

Checks (a) a reply, (b) a reply full of the customer's name in its forms, (c) a conversation
whose customer message repeats questions on price, lead time and payment, and (d) one whose
reply repeats the answers, at each size in characters (for the customer Мария Ивановна), and
prints the seconds (wall clock, after one short check of each kind has loaded everything) and
the ratio to the size before. A ratio well above 2 points at work that grows with the square of
the input: the bundling detectors once compared every question with every clause and every
value with every answer phrase (17 s and 10 s at 900,000 and 450,000 characters), and the name
rules sliced the rest of the reply after every name (7.1 s at 800,000 characters).

With `--messages` it instead times `score_conversation` of a timed conversation of that many
messages (customer questions, a name request, agent answers and promises with deadlines, each
text different): every reply is checked against all the messages before it, which once made a
conversation cost the square of its length (2,000 messages: 35 s).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

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


ASKED = ("Сколько стоит доставка заказа №{n} и когда привезёте?", "Можно оплатить картой? Какая гарантия?",
         "Где мой заказ №{n}? Можно просто Оля.", "Спасибо, жду ответа по заказу №{n}.")  # fmt: skip
ANSWERED = ("Здравствуйте, Ольга! Доставка 500 ₽, заказ №{n} привезём завтра.", "Оплата картой при получении. Гарантия 12 месяцев.",
            "Заказ №{n} передан в доставку. Напишу вам завтра до 12:00.", "Уточним на складе и перезвоним в течение часа.")  # fmt: skip


def long_conversation(n: int) -> Conversation:
    """`n` timed messages, customer and agent in turn, every few turns a day apart."""
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    messages = []
    for i in range(n):
        texts = ASKED if i % 2 == 0 else ANSWERED
        at = start + timedelta(minutes=7 * i + 600 * (i // 10))
        messages.append(Message(role="agent" if i % 2 else "customer", text=texts[i // 2 % 4].format(n=1000 + i), sent_at=at))
    return Conversation(messages=messages, locale="ru")


def score_messages(sizes: list[int]) -> None:
    replykit.score_conversation(long_conversation(20))
    before = None
    for n in sizes:
        conversation = long_conversation(n)
        start = time.perf_counter()
        replykit.score_conversation(conversation)
        took = time.perf_counter() - start
        ratio = f"  ×{took / before:.2f}" if before else ""
        print(f"score_conversation {n:>6,} messages  {took:6.2f} s{ratio}")
        before = took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[112_500, 225_000, 450_000, 900_000])
    parser.add_argument("--messages", type=int, nargs="+", help="time score_conversation at these lengths instead")
    args = parser.parse_args()
    if args.messages:
        score_messages(args.messages)
        return
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

"""Fuzz every public entry point with generated inputs (not part of the test suite).

    python benchmarks/fuzz.py --n 1000000 --workers 2

Inputs mix the pieces real replies are made of (HTML, quoted history, slots, greetings in six
languages, emoji, control and zero-width characters, mojibake) with random Unicode, random
locales, customers and conversations. An input passes if the call returns or raises a
ReplykitError; anything else is a bug and is printed with the input that caused it. Also prints
the slowest input seen, so a pathological slowdown shows up even without a crash.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
import traceback
from collections import Counter
from datetime import datetime, timedelta, timezone

PIECES = [
    "Здравствуйте", "Привет", "ты", "вы", "Доброе утро", "С уважением,", "Пока!", "Hello", "Dear", "Hey",
    "Guten Tag", "du", "Szia", "te", "Вітаю", "ти", "Здравейте", "теб", "<p>", "</p>", "<br>", "<blockquote>",
    "</div>", "<div class=gmail_quote>", "&nbsp;", "&#x1F600;", "&#0;", "&bogus;", "<!--", "-->", "<script>",
    "{{ name }}", "{{", "}}", "{%", "%}", "{name}", "%NAME%", "[ИМЯ]", "*|FNAME|*", "> ", "\n> ", "\n", "\n\n",
    "-- \n", "On Mon wrote:\n", "пишет:\n", "From: a\nSent: b\n", "«", "»", '"', "“", "”", "!", "?", ".", "…",
    "тыс.", "😀", "👋🏽", "\u200b", "\u00ad", "\ufeff", "\u202e", "\r\n", "\t", "\x01", "\x7f", "РЎРїР°СЃРёР±Рѕ",
    "Ã©", "\ufffd", "ё", "1 500 ₽", "$20", "€", "replykit: ignore RK1", "напиши", "можешь", "не волнуйся",
    "Мария Ивановна", "Ивану Петрович", "Уважаемый клиент", "сколько стоит", "когда доставка", "картой",
    "Приносим извинения за доставленные неудобства", "в целях", "Lorem ipsum", "XXX", "http://x.ru", "+7 495 123-45-67",
]  # fmt: skip
LOCALES = [None, None, None, "ru", "uk", "bg", "hu", "en", "de", "fr", "ru_RU", "de-DE", "xx", "", "zz_ZZ"]
CHANNELS = ["email", "chat", "messenger", "social", "sms", "phone"]
ZONES = [None, "Europe/Moscow", "Asia/Kamchatka", "America/New_York", "UTC", "Pacific/Chatham"]


def _text(rnd: random.Random) -> str:
    mode = rnd.random()
    if mode < 0.6:
        return "".join(rnd.choice(PIECES) + rnd.choice(("", " ", "\n")) for _ in range(rnd.randint(0, 40)))
    if mode < 0.9:
        return "".join(chr(rnd.choice((rnd.randint(0, 0x7F), rnd.randint(0x400, 0x4FF), rnd.randint(0, 0x10FFFF)))) for _ in range(rnd.randint(0, 200)))
    return rnd.choice(PIECES) * rnd.randint(1, 3000)


def _case(seed: int):  # returns (label, callable)
    import replykit
    from replykit import Conversation, Customer, Message

    rnd = random.Random(seed)
    kind = rnd.random()
    locale = rnd.choice(LOCALES)
    if kind < 0.55:
        text = _text(rnd)
        return "check", lambda: replykit.check(text, locale=locale, template=rnd.random() < 0.3)
    if kind < 0.7:
        text = _text(rnd)
        return "check-html", lambda: replykit.check(f"<html><body><p>{text}</p><blockquote>{text}</blockquote>", html=True)
    customer = None
    try:
        customer = Customer(
            first_name=rnd.choice([None, "Мария", "Иван", "Любовь", "Anna", _text(rnd)[:20]]),
            patronymic=rnd.choice([None, "Ивановна", "Петрович"]),
            last_name=rnd.choice([None, "Иванова", "Kovács", "Müller"]),
            gender=rnd.choice([None, "male", "female"]),
            timezone=rnd.choice(ZONES),
        )
    except ValueError:
        pass
    at = datetime(2026, 3, 29, tzinfo=timezone.utc) + timedelta(minutes=rnd.randint(-10**6, 10**6))
    if kind < 0.85:
        step = rnd.randint(0, 10**5)
        messages = []
        for i in range(rnd.randint(0, 8)):
            messages.append(
                Message(
                    role=rnd.choice(["customer", "agent"]),
                    text=_text(rnd),
                    channel=rnd.choice(CHANNELS),
                    sent_at=None if rnd.random() < 0.2 else at + timedelta(seconds=step * i),
                )
            )

        def run_conversation():
            conv = Conversation(messages=tuple(messages), customer=customer, locale=locale)
            return replykit.check(conv)

        return "conversation", run_conversation
    build = rnd.choice([replykit.greeting, replykit.farewell])
    moment = at if rnd.random() < 0.8 else at.replace(tzinfo=None)
    return build.__name__, lambda: build(customer, at=moment, channel=rnd.choice(CHANNELS), locale=locale)


def _work(bounds: tuple[int, int]) -> tuple[Counter, list[str], tuple[float, int]]:
    from pydantic import ValidationError

    from replykit import ReplykitError

    outcomes: Counter = Counter()
    bugs: list[str] = []
    slowest = (0.0, -1)
    for seed in range(*bounds):
        try:
            label, call = _case(seed)
        except ValidationError:  # the caller's own invalid model, refused at construction
            outcomes["invalid model"] += 1
            continue
        start = time.perf_counter()
        try:
            call()
            outcomes[f"{label}: ok"] += 1
        except ReplykitError as exc:
            outcomes[f"{label}: {type(exc).__name__}"] += 1
        except ValidationError:
            outcomes[f"{label}: invalid model"] += 1
        except Exception:
            outcomes[f"{label}: BUG"] += 1
            if len(bugs) < 5:
                bugs.append(f"seed {seed}:\n{traceback.format_exc()}")
        elapsed = time.perf_counter() - start
        if elapsed > slowest[0]:
            slowest = (elapsed, seed)
    return outcomes, bugs, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    chunk = 2_000
    bounds = [(s, min(s + chunk, args.seed + args.n)) for s in range(args.seed, args.seed + args.n, chunk)]
    total: Counter = Counter()
    bugs: list[str] = []
    slowest = (0.0, -1)
    start = time.perf_counter()
    with mp.get_context("spawn").Pool(args.workers) as pool:
        for outcomes, found, slow in pool.imap_unordered(_work, bounds):
            total.update(outcomes)
            bugs.extend(found)
            slowest = max(slowest, slow)
    elapsed = time.perf_counter() - start
    print(f"inputs       {args.n:,} in {elapsed:,.0f} s ({args.n / elapsed:,.0f}/s, {args.workers} workers)")
    for key, count in sorted(total.items()):
        print(f"  {key:32} {count:>10,}")
    print(f"slowest      {slowest[0] * 1000:,.1f} ms (seed {slowest[1]})")
    for bug in bugs[:5]:
        print(bug, file=sys.stderr)
    print(f"bugs         {total_bugs(total)}")
    return 1 if total_bugs(total) else 0


def total_bugs(total: Counter) -> int:
    return sum(v for k, v in total.items() if k.endswith("BUG"))


if __name__ == "__main__":
    raise SystemExit(main())

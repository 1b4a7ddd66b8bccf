"""Generate timed conversations and measure each RK6xx rule: how often it fires and how long it takes.

    PYTHONPATH=src python benchmarks/conversation_bench.py [--n 10000] [--seed 7] [--bitext PATH]

The conversations are synthetic (seeded, reproducible): six languages, five channels, customers
in eight time zones, start times spread over a year (so DST changes are crossed), reply delays
from seconds to days, and a share of promises, bare deflections, hostile messages, long
messenger requests and proactive messages. The counts show what the rules find on such a mix,
not the rate in real traffic.

With the Bitext customer-support sample (../shared/data/bitext-support-en, skipped with a
message when absent) it also runs the text-only parts on real English requests and answers:
each request + answer pair as a conversation for RK604 (the answers are full answers, so every
hit is a false alarm), hostility on the requests, and promises in the answers.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import replykit
from replykit import Conversation, Customer, Message
from replykit.conversation.lexicon import lexicon
from replykit.conversation.rules import hostility

BITEXT = Path(__file__).resolve().parents[2] / "shared" / "data" / "bitext-support-en" / "bitext_support_en.csv"

ZONES = ("Europe/Moscow", "Europe/Kyiv", "Europe/Sofia", "Europe/Budapest", "Europe/Berlin",
         "America/New_York", "Asia/Tokyo", "Europe/London")  # fmt: skip
CHANNELS = ("email", "chat", "messenger", "social", "sms")

TEXTS = {
    "ru": {
        "ask": ["Здравствуйте! Где мой заказ?", "Сколько стоит доставка в Казань?", "Как вернуть товар?"],
        "long": "Здравствуйте! Можно ли поменять адрес доставки, если заказ уже собран? Как вернуть одну позицию и кто платит за пересылку? Почему сумма в чеке больше, чем в корзине? ",
        "angry": ["ВЫ ТАМ ВСЕ ИДИОТЫ? ГДЕ ЗАКАЗ!!!", "Вы мошенники, верните деньги!!!"],
        "answer": ["Здравствуйте! Заказ передан в доставку, привезём в четверг.", "Доставка в Казань стоит 350 рублей."],
        "promise": ["Здравствуйте! Уточним на складе и перезвоним в течение часа.", "Отправим трек-номер завтра."],
        "deflect": ["Позвоните нам: +7 495 123-45-67.", "Подробнее по ссылке: https://shop.example/faq"],
        "proactive": "Здравствуйте! Для вас скидка 10% до конца недели.",
    },
    "uk": {
        "ask": ["Вітаю! Де моє замовлення?", "Скільки коштує доставка до Львова?"],
        "long": "Вітаю! Чи можна змінити адресу доставки, якщо замовлення вже зібране? Як повернути одну річ і хто платить за пересилку? Чому сума в чеку більша, ніж у кошику? ",
        "angry": ["Ви шахраї! Де мої гроші?!!"],
        "answer": ["Вітаю! Замовлення передано в доставку.", "Доставка до Львова коштує 80 гривень."],
        "promise": ["Вітаю! Надішлемо номер відстеження завтра.", "Перевіримо і зателефонуємо протягом години."],
        "deflect": ["Зателефонуйте нам: +380 44 123 45 67."],
        "proactive": "Вітаю! Для вас знижка 10% до кінця тижня.",
    },
    "bg": {
        "ask": ["Здравейте! Къде е поръчката ми?", "Колко струва доставката до Варна?"],
        "long": "Здравейте! Може ли да сменя адреса, ако поръчката вече е събрана? Как да върна един артикул и кой плаща пратката? Защо сумата в бележката е по-голяма? ",
        "angry": ["Вие сте измамници! Къде са парите ми?"],
        "answer": ["Здравейте! Поръчката е изпратена.", "Доставката до Варна струва 6 лева."],
        "promise": ["Здравейте! Ще ви се обадим в рамките на 2 часа.", "Ще изпратим номера утре."],
        "deflect": ["Обадете ни се на 0888 123 456."],
        "proactive": "Здравейте! Имаме отстъпка 10% за вас.",
    },
    "hu": {
        "ask": ["Jó napot! Hol van a rendelésem?", "Mennyibe kerül a szállítás Debrecenbe?"],
        "long": "Jó napot! Meg lehet változtatni a szállítási címet, ha a rendelés már össze van készítve? Hogyan küldhetek vissza egy terméket, és ki fizeti? Miért nagyobb az összeg a számlán? ",
        "angry": ["Csalók vagytok!!! Hol a pénzem?"],
        "answer": ["Jó napot! A csomagot feladtuk.", "A szállítás 1490 forint."],
        "promise": ["Jó napot! A számlát 2 munkanapon belül elküldjük.", "Holnap visszahívjuk."],
        "deflect": ["Hívjon minket: +36 1 234 5678"],
        "proactive": "Jó napot! Új ajánlatunk van az Ön számára.",
    },
    "en": {
        "ask": ["Hi, where is my order?", "How much is shipping to Leeds?", "Can I return the jacket?"],
        "long": "Hi! Can I change the delivery address if the order is already packed? How do I return one item and who pays for shipping? Why is the receipt total higher than my basket? ",
        "angry": ["This is RIDICULOUS. You are useless!!!", "You are idiots, where is my parcel?"],
        "answer": ["Hi! Your order has shipped and arrives on Thursday.", "Shipping to Leeds is £4.99."],
        "promise": ["Hi! We will send the refund confirmation within 2 business days.", "I'll call you back in 30 minutes."],
        "deflect": ["Please call us at +44 20 7946 0958.", "See our FAQ: https://shop.example/faq"],
        "proactive": "Hello! Your subscription renews next week.",
    },
    "de": {
        "ask": ["Guten Tag, wo ist meine Bestellung?", "Was kostet der Versand nach Graz?"],
        "long": "Guten Tag! Kann ich die Lieferadresse ändern, wenn die Bestellung schon gepackt ist? Wie schicke ich einen Artikel zurück und wer zahlt? Warum ist der Betrag höher als im Warenkorb? ",
        "angry": ["Was für ein Saftladen! Wo bleibt mein Geld?!"],
        "answer": ["Guten Tag! Ihre Bestellung ist unterwegs.", "Der Versand nach Graz kostet 5,90 Euro."],
        "promise": ["Guten Tag! Wir melden uns bis Freitag mit einer Lösung.", "Wir senden die Rechnung innerhalb von 2 Werktagen."],
        "deflect": ["Rufen Sie uns an: +49 30 1234567"],
        "proactive": "Guten Tag! Wir haben ein neues Angebot für Sie.",
    },
}

DELAYS = (20, 50, 90, 300, 700, 1800, 3000, 5400, 4 * 3600, 20 * 3600, 3 * 86400)


def conversation(rng: random.Random) -> Conversation:
    lang = rng.choice(list(TEXTS))
    words = TEXTS[lang]
    channel = rng.choice(CHANNELS)
    zone = rng.choice(ZONES)
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(365 * 86400))
    messages: list[Message] = []

    def add(role: str, text: str, after: float) -> None:
        nonlocal at
        at = at + timedelta(seconds=after)
        messages.append(Message(role=role, text=text, sent_at=at, channel=channel))

    if rng.random() < 0.1:  # the business writes first
        add("agent", words["proactive"], 0)
    else:
        for turn in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.1:
                add("customer", rng.choice(words["angry"]), rng.choice(DELAYS) if turn else 0)
            elif roll < 0.2:
                add("customer", words["long"] * 3, rng.choice(DELAYS) if turn else 0)
            else:
                add("customer", rng.choice(words["ask"]), rng.choice(DELAYS) if turn else 0)
            kind = rng.random()
            if kind < 0.25:
                add("agent", rng.choice(words["promise"]), rng.choice(DELAYS))
            elif kind < 0.35:
                add("agent", rng.choice(words["deflect"]), rng.choice(DELAYS))
            else:
                add("agent", rng.choice(words["answer"]), rng.choice(DELAYS))
        if rng.random() < 0.5:  # a last agent message, maybe after a promise's deadline
            add("agent", rng.choice(words["answer"]), rng.choice(DELAYS))
    return Conversation(messages=tuple(messages), customer=Customer(timezone=zone), locale=lang)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bitext", type=Path, default=BITEXT, help="path of bitext_support_en.csv")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    conversations = [conversation(rng) for _ in range(args.n)]
    print(f"{args.n:,} conversations, {sum(len(c.messages) for c in conversations):,} messages (seed {args.seed})")

    names = {info.code: info.name for info in replykit.rules() if info.code.startswith("RK6")}
    codes = list(names)
    print(f"{'rule':<8}{'name':<26}{'fired':>8}{'share':>8}{'warning+':>10}{'total s':>9}{'µs/conv':>9}")
    for code in [*codes, "RK6"]:
        fired = serious = 0
        started = time.perf_counter()
        for conv in conversations:
            findings = replykit.check(conv, config={"select": [code]}).findings
            fired += bool(findings)
            serious += any(f.severity >= replykit.Severity.WARNING for f in findings)
        spent = time.perf_counter() - started
        name = names.get(code, "all RK6xx together")
        print(f"{code:<8}{name:<26}{fired:>8,}{fired / args.n:>8.1%}{serious:>10,}{spent:>9.2f}{spent / args.n * 1e6:>9.0f}")

    started = time.perf_counter()
    times = [replykit.response_times(conv) for conv in conversations]
    spent = time.perf_counter() - started
    first = [t.first_response.total_seconds() for t in times if t.first_response is not None]
    longest = [t.longest_wait.total_seconds() for t in times if t.longest_wait is not None]
    wall = [t.replies[0].wall_delay.total_seconds() for t in times if t.replies]
    print(f"response_times: {spent:.2f} s; first response median {statistics.median(first) / 60:.1f} min "
          f"business time ({statistics.median(wall) / 60:.1f} min wall clock), "
          f"longest wait median {statistics.median(longest) / 60:.1f} min, "
          f"late replies {sum(t.late_replies for t in times):,} of {sum(len(t.replies) for t in times):,}")

    started = time.perf_counter()
    promises = [p for conv in conversations for p in replykit.extract_promises(conv)]
    spent = time.perf_counter() - started
    by_status = {s: sum(p.status == s for p in promises) for s in ("kept", "renegotiated", "broken", "pending", "unknown")}
    print(f"extract_promises: {spent:.2f} s; {len(promises):,} promises: "
          + ", ".join(f"{s} {n:,}" for s, n in by_status.items()))

    if args.bitext.is_file():
        bitext(args.bitext)
    else:
        print(f"Bitext: skipped, {args.bitext} not found")


def bitext(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [(r["instruction"], r["response"]) for r in csv.DictReader(fh) if r.get("response")]
    started = time.perf_counter()
    deflections = 0
    for question, answer in rows:
        conv = Conversation(messages=(Message(role="customer", text=question), Message(role="agent", text=answer)), locale="en")
        deflections += bool(replykit.check(conv, config={"select": ["RK604"]}, template=False).findings)
    spent = time.perf_counter() - started
    lex = lexicon("en")
    assert lex is not None
    hostile = [q for q, _ in rows if hostility(q, lex)[0] >= 2]
    promises = [p for _, a in rows for p in replykit.extract_promises(a, locale="en")]
    phrases: dict[str, int] = {}
    for p in promises:
        phrases[p.deadline_phrase.lower()] = phrases.get(p.deadline_phrase.lower(), 0) + 1
    print(f"Bitext ({len(rows):,} request/answer pairs): RK604 false alarms {deflections} ({spent:.2f} s); "
          f"hostile requests {len(hostile)}; promises in answers {len(promises)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(phrases.items(), key=lambda kv: -kv[1])[:8])})")
    for q in hostile[:5]:
        print(f"  hostile: {q[:100]!r}")


if __name__ == "__main__":
    main()

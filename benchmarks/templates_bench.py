"""Benchmark replykit.find_templates on a generated corpus of support replies.

    PYTHONPATH=src python benchmarks/templates_bench.py            # 100,000 replies
    PYTHONPATH=src python benchmarks/templates_bench.py --n 1000000

The corpus is streamed from a generator (replies are not held by the caller): `--template-share`
of the replies are copies of a few hundred canned answers with the customer's name, order
number and date filled in (10 % of them lightly edited); the rest are free replies of 12–40
words drawn at random from the same vocabulary, so they share words but not wording. Prints time, replies/s, peak memory (max RSS), and
how well the clusters recover the canned answers (pair precision/recall over template replies).
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator

import replykit

NAMES = ["Анна", "Иван", "Мария", "Ольга", "Пётр", "Сергей", "Елена", "Дмитрий", "Наталья", "Алексей", "Татьяна", "Андрей", "Юлия", "Михаил", "Ирина", "Николай", "Светлана", "Владимир", "Екатерина", "Павел"]
PATRONYMICS = ["", "", "", " Сергеевич", " Ивановна", " Петрович", " Андреевна"]
OPENINGS = ["Здравствуйте, {name}!", "Добрый день, {name}!", "{name}, добрый день!", "Здравствуйте!", "Добрый вечер, {name}."]
CLOSINGS = ["С уважением, служба поддержки.", "Хорошего дня!", "С уважением, Анна.", "Всегда на связи, команда магазина.", ""]
SUBJECTS = ["заказ", "возврат", "платёж", "посылка", "заявка", "подписка", "гарантийный ремонт", "обмен", "доставка", "счёт"]
ACTIONS = [
    "{subject} № {number} {verb} {date}",
    "мы проверили {subject} № {number}: всё в порядке, {verb} {date}",
    "по заявке № {number} {subject} {verb} {date}, статус видно в личном кабинете",
    "курьер привезёт {subject} {date}, номер для связи {number}",
    "деньги за {subject} № {number} вернутся на карту {date}",
    "к сожалению, {subject} № {number} задерживается, новый срок — {date}",
    "мы передали {subject} № {number} на склад, ответ будет {date}",
]
VERBS = ["отправлен", "оформлен", "обработан", "подтверждён", "передан курьеру", "готов к выдаче"]
DATES = ["завтра", "сегодня до 18:00", "12 мая", "в понедельник", "в течение трёх дней", "1 июня", "на этой неделе"]
EXTRA = [
    "Если что-то пойдёт не так, просто ответьте на это письмо.",
    "Трек-номер пришлём отдельным сообщением.",
    "Приносим извинения за задержку.",
    "Проверить статус можно в приложении.",
]
FREE = [
    "Посмотрела вашу историю заказов", "курьер сегодня на больничном", "мы поменяем товар без доплаты",
    "размер можно обменять в любом пункте выдачи", "фото брака лучше прислать в ответ на это письмо",
    "банк обычно зачисляет деньги за 3–5 дней", "промокод действует до конца месяца", "склад в Подольске переезжает",
    "я уточнила у коллег из логистики", "похоже, адрес указан без номера квартиры", "скидка применится при оплате",
    "мастер позвонит за час до визита", "чек придёт на почту автоматически", "в приложении есть кнопка «Вернуть товар»",
    "упаковку можно не сохранять", "мы компенсируем доставку баллами", "пункт выдачи работает до 21:00",
    "модель сняли с производства", "аналог есть в другом цвете", "ваш отзыв передала руководителю смены",
]


VOCABULARY = sorted({w.strip(".,:;—«»{}") for text in (*FREE, *ACTIONS, *EXTRA, *SUBJECTS, *VERBS, *DATES) for w in text.split()} - {""})


def _template(rng: random.Random) -> str:
    """A canned answer: an opening, three to five sentences on its topic, a closing."""
    parts = [rng.choice(OPENINGS)]
    for _ in range(rng.randint(3, 5)):
        action = rng.choice(ACTIONS).replace("{subject}", rng.choice(SUBJECTS)).replace("{verb}", rng.choice(VERBS))
        if rng.random() < 0.5:
            action += ", " + rng.choice(FREE)
        parts.append(action[0].upper() + action[1:] + ".")
    parts.append(rng.choice(CLOSINGS))
    return " ".join(p for p in parts if p)


def corpus(n: int, share: float, templates: int, seed: int, labels: list[int]) -> Iterator[str]:
    """Yield n replies; labels[i] is the canned answer a reply copies, or -1 for a free reply."""
    rng = random.Random(seed)
    canned = [_template(rng) for _ in range(templates)]
    weights = [1.0 / (k + 1) for k in range(templates)]  # a few answers are used far more often
    for _ in range(n):
        if rng.random() < share:
            k = rng.choices(range(templates), weights)[0]
            text = canned[k]
            text = text.replace("{name}", rng.choice(NAMES) + rng.choice(PATRONYMICS))
            text = text.replace("{number}", str(rng.randint(10_000, 9_999_999)), 1).replace("{number}", str(rng.randint(100, 99_999)))
            text = text.replace("{date}", rng.choice(DATES))
            if rng.random() < 0.1:
                text += " " + rng.choice(EXTRA)
            labels.append(k)
        else:
            words = rng.choices(VOCABULARY, k=rng.randint(12, 40))
            text = f"{rng.choice(['Здравствуйте!', 'Добрый день!', ''])} {' '.join(words).capitalize()}."
            labels.append(-1)
        yield text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--template-share", type=float, default=0.6)
    parser.add_argument("--templates", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    labels: list[int] = []
    start = time.perf_counter()
    clusters = replykit.find_templates(corpus(args.n, args.template_share, args.templates, args.seed, labels))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"replies: {args.n:,}  clusters: {len(clusters):,}  time: {elapsed:.1f} s  "
          f"rate: {args.n / elapsed:,.0f} replies/s  peak RSS: {peak_mb:,.0f} MB (includes the generator)")

    # Pair-counting precision/recall of the clusters against the canned answers.
    truth = Counter(k for k in labels if k >= 0)
    true_pairs = sum(c * (c - 1) // 2 for c in truth.values())
    found_pairs = good_pairs = 0
    for cluster in clusters:
        found_pairs += cluster.size * (cluster.size - 1) // 2
        per = Counter(labels[i] for i in cluster.members)
        good_pairs += sum(c * (c - 1) // 2 for k, c in per.items() if k >= 0)
    print(f"pair precision: {good_pairs / max(found_pairs, 1):.4f}  pair recall: {good_pairs / max(true_pairs, 1):.4f}")
    for cluster in clusters[:3]:
        kinds = ", ".join(f"{v.kind} ({v.text!r} → {', '.join(map(repr, v.values[:2]))})" for v in cluster.varies)
        print(f"  {cluster.size:,} replies: {cluster.pattern[:90]!r}\n    varies: {kinds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Write examples/sample_export.csv: a small made-up helpdesk export shaped like Zendesk's.

One row per ticket comment, as a Zendesk export flattened to CSV. The tickets are invented:
four agents with their own habits, over six weeks, in Russian, English and German.

    python examples/make_sample_export.py
"""

from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

OUT = Path(__file__).with_name("sample_export.csv")
FIELDS = ["ticket_id", "comment_id", "author_role", "author_name", "public", "body", "created_at",
          "via_channel", "requester_first_name", "requester_gender", "locale"]  # fmt: skip

QUESTIONS = {
    "ru": ["Где мой заказ?", "Можно вернуть товар?", "Не пришёл код подтверждения."],
    "en": ["Where is my order?", "Can I return the jacket?", "I did not get the confirmation code."],
    "de": ["Wo ist meine Bestellung?", "Kann ich die Jacke zurückgeben?"],
}
ANSWERS = {
    "ru": ["заказ отправлен, трек-номер пришлём завтра.", "вернуть товар можно в течение 14 дней.",
           "код отправили повторно, проверьте папку «Спам»."],
    "en": ["your order has shipped, the tracking number follows tomorrow.",
           "you can return it within 14 days.", "we have sent the code again."],
    "de": ["Ihre Bestellung wurde heute versandt.", "Sie können die Jacke innerhalb von 14 Tagen zurückgeben."],
}  # fmt: skip
# How each agent writes: (greeting, farewell) per language; {name} is the customer's first name.
STYLES = {
    "Анна": {"ru": ("Здравствуйте, {name}!", "С уважением,\nАнна"), "en": ("Hello {name},", "Kind regards,\nAnna")},
    "Борис": {"ru": ("Привет!", "Пока!"), "en": ("Hey!", "Cheers")},
    "Kate": {"en": ("Hi {name}!", ""), "de": ("Hallo!", "")},
    "Дмитрий": {"ru": ("Добрый день!", "С уважением,\nДмитрий"), "de": ("Guten Tag,", "Mit freundlichen Grüßen\nDmitri")},
}
CUSTOMERS = {"ru": [("Мария", "f"), ("Иван", "m"), ("Ольга", "f")], "en": [("Maria", "f"), ("John", "m")],
             "de": [("Jonas", "m"), ("Lena", "f")]}  # fmt: skip


def main() -> None:
    rng = random.Random(2024)
    start = datetime(2024, 3, 4, 9, 0)
    rows = []
    comment = 1000
    for ticket in range(1, 81):
        agent = rng.choice(list(STYLES))
        lang = rng.choice(list(STYLES[agent]))
        channel = rng.choice(["email", "email", "web", "chat", "chat", "facebook"])
        name, gender = rng.choice(CUSTOMERS[lang])
        at = start + timedelta(days=rng.randrange(42), minutes=rng.randrange(600))
        base = {"ticket_id": ticket, "via_channel": channel, "requester_first_name": name,
                "requester_gender": gender, "locale": lang}  # fmt: skip

        def add(role: str, author: str, body: str, public: bool = True, base: dict[str, object] = base) -> None:
            nonlocal comment, at
            comment += 1
            at += timedelta(minutes=rng.randrange(2, 90))
            rows.append({**base, "comment_id": comment, "author_role": role, "author_name": author,
                         "public": str(public).lower(), "body": body,
                         "created_at": at.strftime("%Y-%m-%d %H:%M:%S")})  # fmt: skip

        add("end-user", name, rng.choice(QUESTIONS[lang]))
        if rng.random() < 0.2:
            add("agent", agent, "Checked the warehouse system, parcel is in transit.", public=False)
        greeting, farewell = STYLES[agent][lang]
        answer = rng.choice(ANSWERS[lang])
        body = "\n\n".join(p for p in (greeting.format(name=name), answer[0].upper() + answer[1:], farewell) if p)
        add("agent", agent, body)
        if channel == "chat" and rng.random() < 0.6:  # a follow-up in the same chat
            add("end-user", name, rng.choice(QUESTIONS[lang]))
            add("agent", agent, "\n\n".join(p for p in (greeting.format(name=name), rng.choice(ANSWERS[lang])) if p))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()

"""Deterministic generated corpora of agent replies for benchmarks (no data files needed)."""

from __future__ import annotations

import random
from collections.abc import Iterator

_RU_GREETINGS = ["Здравствуйте", "Добрый день", "Привет", "Доброе утро", "Добрый вечер", ""]
_RU_NAMES = ["Мария Ивановна", "Иван Петрович", "Ольга", "Сергей", "Анна Сергеевна", "Дмитрий"]
_RU_BODY = [
    "Ваш заказ №{n} отправлен сегодня, трек-номер пришлём завтра.",
    "Стоимость доставки составит {n} ₽, оплатить можно картой при получении.",
    "Приносим извинения за доставленные неудобства, мы уже разбираемся.",
    "Можешь написать нам в любое время, мы поможем.",
    "Подождите, пожалуйста, пару минут — уточняю информацию на складе.",
    "В целях улучшения качества обслуживания данный звонок записывается.",
    "Товар будет на складе через {n} дней, мы сообщим вам о поступлении.",
    "Напиши, если остались вопросы.",
    "Мы вернули {n} руб. на вашу карту, деньги поступят в течение 3 рабочих дней.",
    "Ваше обращение очень важно для нас.",
    "Курьер позвонит вам за час до приезда.",
    "Спасибо, что выбрали наш магазин!",
]
_RU_FAREWELLS = ["С уважением,\nАнна, служба поддержки", "Хорошего дня!", "Всего доброго!", "Пока!", ""]
_RU_QUOTE = "\n\nПн, 2 июня 2025 г. в 10:15, Клиент <client@example.ru> пишет:\n> Здравствуйте! Где мой заказ?\n> Жду уже неделю."


def russian_replies(n: int, seed: int = 7) -> Iterator[str]:
    rnd = random.Random(seed)
    for i in range(n):
        parts = []
        greeting = rnd.choice(_RU_GREETINGS)
        if greeting:
            name = rnd.choice(_RU_NAMES)
            parts.append(f"{greeting}, {name}!" if rnd.random() < 0.6 else f"{greeting}!")
        body = " ".join(rnd.choice(_RU_BODY).format(n=rnd.randint(2, 9999)) for _ in range(rnd.randint(1, 4)))
        parts.append(body)
        farewell = rnd.choice(_RU_FAREWELLS)
        if farewell:
            parts.append(farewell)
        text = "\n\n".join(parts)
        if i % 5 == 0:
            text += _RU_QUOTE
        if i % 11 == 0:
            text = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
        yield text

"""Hungarian informal address: listed verb and noun forms, productive endings, near misses."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

import replykit

_CONFIG = {"select": ["RK201"]}


def _informal(text: str) -> list[str]:
    return [f.excerpt for f in replykit.check(text, locale="hu", config=_CONFIG).findings]


def _listed() -> dict[str, str]:
    data = tomllib.loads(files("replykit.formality").joinpath("data/hu.toml").read_text("utf-8"))
    return data["informal"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Holnap átveheted a csomagot a boltban.", "átveheted"),
        ("Ha visszaküldöd a terméket, a pénzt visszautaljuk.", "visszaküldöd"),
        ("Mikor rendelted meg a tévét?", "rendelted"),
        ("Töltsd le újra a számlát.", "Töltsd"),
        ("Ha lemondanád a rendelést, szólj.", "lemondanád"),
        ("Be kell jelentkezned a folytatáshoz.", "jelentkezned"),
        ("A jelszavadat senkinek ne add ki.", "jelszavadat"),
        ("A bankszámládra utaljuk vissza az összeget.", "bankszámládra"),
        ("Az adataidat biztonságosan tároljuk.", "adataidat"),
        ("Válaszolj erre az e-mailre.", "Válaszolj"),
        ("Aggódsz a szállítás miatt?", "Aggódsz"),
        ("Sikeresen regisztráltál a hírlevélre.", "regisztráltál"),
        ("Módosítsd a szállítási címet a profilban.", "Módosítsd"),
        ("Kérdezd meg a futárt is.", "Kérdezd"),
        ("Megnézhetnél még egy csomagpontot?", "Megnézhetnél"),
        ("A rendelési kódod a visszaigazolásban van.", "kódod"),
        ("Szinkronizálod a naptárat az alkalmazással?", "Szinkronizálod"),
        ("Ezt nektek is elküldjük.", "nektek"),
        ("Találkoztál már ezzel a hibával?", "Találkoztál"),
        ("Pihenj egy kicsit, mi addig elintézzük.", "Pihenj"),
        ("A kuponkódod sajnos lejárt.", "kuponkódod"),
    ],
)
def test_informal_forms_are_found(text, word):
    assert word in _informal(text)


@pytest.mark.parametrize(
    "text",
    [
        "A negyed évre szóló előfizetés olcsóbb.",
        "A kötél és a portál nem része a csomagnak.",
        "A futár a Deák térnél vár.",
        "A csomag Érdre érkezett.",
        "A föld alatti garázsban is van automata.",
        "A panaszt a kolléga kezeli.",
        "Lásd alább a részletes tájékoztatást.",
        "A tizenhatnál több tételből álló rendelés külön díjas.",
        "Az iPod is támogatott, a jazz válogatás nem.",
        "Hadd jegyezzük meg, hogy a kód a hatod résznél van.",
        "A család marad a század legnagyobb akciójánál.",
        "A csomagja holnap érkezik, kérjük, ellenőrizze a címét.",
        "Az összeg egyötöd részét és a másod- és harmadfokú díjakat visszautaljuk.",
        "A munkát a szerelő holnap kezdi, a kolléga pedig kezd egy új ügyet.",
    ],
)
def test_near_misses_are_not_informal(text):
    assert _informal(text) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Töltsd ki az űrlapot, és csatold a számládat.", "Töltse ki az űrlapot, és csatolja a számláját."),
        ("Ha átvetted a csomagodat, értékeld a vásárlást.", "Ha átvette a csomagját, értékelje a vásárlást."),
        ("Le kell töltened az új verziót.", "Le kell töltenie az új verziót."),
        ("Jelentkezz be, és módosítsd a jelszavadat.", "Jelentkezzen be, és módosítsa a jelszavát."),
        ("Vegyél egy új kártyát, és add meg az adataidat.", "Vegyen egy új kártyát, és adja meg az adatait."),
    ],
)
def test_fixes_use_the_formal_forms(text, fixed):
    assert replykit.formalize(text, locale="hu") == fixed


def test_every_listed_fix_is_itself_formal():
    """A generated list is easy to get wrong: no listed fix may read as informal again."""
    wrong = [
        (word, fix)
        for word, fix in _listed().items()
        if fix and _informal(f"Mi {fix} ma.")
    ]
    assert not wrong, wrong[:20]


def test_every_listed_word_is_found():
    missed = [word for word in _listed() if not _informal(f"Mi {word} ma.")]
    assert not missed, missed[:20]

"""Precision and recall of informal-address detection (RK201 + RK204) per language.

`fixed=a/b`: of the b informal sentences found, a pass RK201 after `replykit.formalize`
(slang, RK204, has no automatic fix and is not counted against it). The ms/reply figure
includes formalizing the found ones.

    PYTHONPATH=src python benchmarks/address_eval.py [IWSLT_DIR] [--errors]
    PYTHONPATH=src python benchmarks/address_eval.py --labelled=tests/data/address/blind2 [--errors]

Sets: the labelled replies in tests/data/address/<lang>.tsv (label TAB sentence; label is
"informal" or "formal"), and the IWSLT 2022 formality test set EN→RU (third-party, read in
place, never copied): every line of formality-control.test.en-ru.informal.ru should fire, every
line of ...formal.ru should not. IWSLT_DIR defaults to ../shared/data/iwslt2022-formality-en-ru
from the repository root; the set is skipped with a message when absent.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import replykit

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "address"
IWSLT = ROOT.parent / "shared" / "data" / "iwslt2022-formality-en-ru"
CONFIG = {"select": ["RK201", "RK204"]}


def fires(text: str, lang: str) -> bool:
    return bool(replykit.check(text, locale=lang, config=CONFIG).findings)


def score(name: str, rows: list[tuple[bool, str]], lang: str, show: bool) -> None:
    tp = fp = fn = tn = fixed_clean = 0
    started = time.perf_counter()
    for informal, text in rows:
        got = fires(text, lang)
        tp += got and informal
        fp += got and not informal
        fn += informal and not got
        tn += not informal and not got
        if show and got != informal:
            print(f"    {'FP' if got else 'FN'}: {text}")
        if got and informal:
            fixed = replykit.formalize(text, locale=lang)
            left = [f for f in replykit.check(fixed, locale=lang, config=CONFIG).findings if f.code == "RK201"]
            fixed_clean += not left
            if show and left:
                print(f"    NOT FIXED: {text} -> {fixed}")
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{name:<28} n={len(rows):4d}  informal={tp + fn:4d}  precision={precision:.3f}  recall={recall:.3f}  "
        f"fixed={fixed_clean}/{tp}  (tp={tp} fp={fp} fn={fn} tn={tn}, {1000 * elapsed / max(1, len(rows)):.2f} ms/reply)"
    )


def labelled(lang: str, folder: Path = LABELLED) -> list[tuple[bool, str]]:
    rows = []
    for line in (folder / f"{lang}.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, text = line.split("\t", 1)
        if label not in ("informal", "formal"):
            raise SystemExit(f"{lang}.tsv: bad label {label!r} in {line!r}")
        rows.append((label == "informal", text))
    return rows


def _unquote(line: str) -> str:
    """Some lines are stored CSV-style ("...""Нож""..."); read them as the sentence they hold."""
    if len(line) > 1 and line[0] == '"' and line[-1] == '"' and '""' in line:
        return line[1:-1].replace('""', '"')
    return line


def main(argv: list[str]) -> None:
    show = "--errors" in argv
    folder_option = next((a.split("=", 1)[1] for a in argv if a.startswith("--labelled=")), None)
    args = [a for a in argv if not a.startswith("--")]
    if folder_option:  # another labelled folder (a blind set): score it alone
        folder = Path(folder_option)
        for lang in ("ru", "uk", "bg", "hu", "de"):
            if (folder / f"{lang}.tsv").is_file():
                score(f"{folder.name} {lang}", labelled(lang, folder), lang, show)
        return
    for lang in ("ru", "uk", "bg", "hu", "de"):
        score(f"labelled {lang}", labelled(lang), lang, show)
    folder = Path(args[0]) if args else IWSLT
    informal = folder / "formality-control.test.en-ru.informal.ru"
    formal = folder / "formality-control.test.en-ru.formal.ru"
    if not (informal.is_file() and formal.is_file()):
        print(f"IWSLT 2022 EN-RU formality set not found in {folder}; skipped")
        return
    informal_lines = [_unquote(t) for t in informal.read_text("utf-8").splitlines()]
    formal_lines = [_unquote(t) for t in formal.read_text("utf-8").splitlines()]
    rows = [(True, t) for t in informal_lines if t.strip()] + [(False, t) for t in formal_lines if t.strip()]
    score("IWSLT2022 en-ru (sentences)", rows, "ru", show)
    # The two files are aligned contrastive translations: formalizing an informal line should
    # give its formal reference (word for word where only the address differs).
    same = sum(replykit.formalize(a, locale="ru") == b for a, b in zip(informal_lines, formal_lines))
    print(f"{'IWSLT2022 formalize(informal)':<28} equals the formal reference in {same}/{len(formal_lines)} lines")


if __name__ == "__main__":
    main(sys.argv[1:])

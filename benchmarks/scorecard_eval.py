"""Tone rules, scores and autofix on third-party replies (read-only data, used by path).

    python benchmarks/scorecard_eval.py                  # ../shared/data next to the repo
    python benchmarks/scorecard_eval.py --data DIR
    python benchmarks/scorecard_eval.py --upset          # RK705 on the Bitext exchanges only

Reports, per corpus: how often each RK7xx rule fires, how often each empathy marker is present,
the spread of the readability index and of the default score, and for `fix`: how many texts
change, whether a second pass changes anything (it must not) and whether slots survive.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpora(data: Path) -> dict[str, tuple[str, bool, list[str]]]:
    found: dict[str, tuple[str, bool, list[str]]] = {}
    bitext = data / "bitext-support-en" / "bitext_support_en.csv"
    if bitext.is_file():
        with bitext.open(encoding="utf-8", newline="") as fh:
            found["bitext-support-en (templates)"] = ("en", True, [row["response"] for row in csv.DictReader(fh)])
    iwslt = data / "iwslt2022-formality-en-ru"
    for register in ("formal", "informal"):
        path = iwslt / f"formality-control.test.en-ru.{register}.ru"
        if path.is_file():
            found[f"iwslt2022 ru {register}"] = ("ru", False, path.read_text(encoding="utf-8").splitlines())
    return found


def evaluate(name: str, lang: str, template: bool, texts: list[str]) -> None:
    import replykit
    from replykit.autofix import _protected, _safe_outside, fix_report
    from replykit.document import Document
    from replykit.text.slots import find_slots

    config = {"select": ["RK1", "RK7"]}
    fires: Counter[str] = Counter()
    markers: Counter[str] = Counter()
    ease, scores = [], []
    start = time.perf_counter()
    for text in texts:
        report = replykit.check(text, locale=lang, template=template, config=config)
        fires.update(set(report.codes()))
        card = report.scorecard
        markers.update(k for k, v in card.markers.items() if v)
        if card.readability and card.readability.words >= 20:
            ease.append(card.readability.reading_ease)
        if card.score is not None:
            scores.append(card.score)
    checked = time.perf_counter() - start
    changed = unstable = broken_slots = refire = 0
    start = time.perf_counter()
    for text in texts:
        fixed, after = fix_report(text, lang, None, None, template, None)
        changed += fixed != text
        unstable += replykit.fix(fixed, locale=lang, template=template) != fixed
        broken_slots += [s.text for s in find_slots(fixed)] != [s.text for s in find_slots(text)]
        if fixed != text:  # a rule whose safe fix could be applied must not fire on the result
            before = replykit.check(text, locale=lang, template=template).findings
            applicable = _safe_outside(before, _protected(Document(text, template=template)), text)
            refire += bool({f.code for f in applicable} & set(after.codes()))
    fixing = time.perf_counter() - start
    n = len(texts)
    print(f"\n{name}: {n} texts, {lang}, {'template' if template else 'sent'} mode")
    print("  RK7xx firing rate:  " + ", ".join(f"{c} {fires[c] / n:.1%}" for c in sorted(fires) if c.startswith("RK7")))
    print("  markers present:    " + ", ".join(f"{k} {v / n:.1%}" for k, v in sorted(markers.items())))
    if len(ease) >= 10:
        deciles = statistics.quantiles(ease, n=10)
        print(f"  reading ease (>=20 words, {len(ease)} texts): p10 {deciles[0]:.0f}, median {statistics.median(ease):.0f}, p90 {deciles[-1]:.0f}")
    if scores:
        print(f"  score (RK1 and RK7 selected): mean {statistics.mean(scores):.1f}, min {min(scores):.1f}")
    print(
        f"  fix: {changed} changed, {unstable} changed again on a second pass, {broken_slots} with slots altered, "
        f"{refire} where a fixed rule still fires"
    )
    print(f"  time: check {n / checked:,.0f} texts/s; fix, second pass and re-check {n / fixing:,.0f} texts/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--upset", action="store_true", help="only RK705 on the Bitext customer/agent exchanges")
    args = parser.parse_args()
    if args.upset:
        return upset(args.data / "bitext-support-en" / "bitext_support_en.csv")
    found = corpora(args.data)
    if not found:
        print(f"no evaluation data under {args.data}; skipping", file=sys.stderr)
        return 0
    for name, (lang, template, texts) in found.items():
        evaluate(name, lang, template, texts)
    if "iwslt2022 ru informal" in found and "iwslt2022 ru formal" in found:
        formal_reference(found["iwslt2022 ru informal"][2], found["iwslt2022 ru formal"][2])
    return 0


def upset(path: Path) -> int:
    """How often a Bitext customer message reads as upset, per intent, and RK705 on the real reply."""
    import replykit
    from replykit import Conversation, Message
    from replykit.tone.lexicon import tone_data

    if not path.is_file():
        print(f"no {path}; skipping", file=sys.stderr)
        return 0
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cues = tone_data("en").upset
    upset_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    fired = 0
    for row in rows:
        total_by[row["intent"]] += 1
        upset_by[row["intent"]] += next(cues.finditer(row["instruction"], None), None) is not None
        conversation = Conversation(
            messages=(Message(role="customer", text=row["instruction"]), Message(role="agent", text=row["response"]))
        )
        fired += "RK705" in replykit.check(conversation, locale="en", config={"select": ["RK705"]}).codes()
    n = sum(total_by.values())
    print(f"bitext-support-en: {n} exchanges; customer message reads as upset: {sum(upset_by.values()) / n:.1%}")
    for intent, total in sorted(total_by.items(), key=lambda kv: -upset_by[kv[0]] / kv[1]):
        if upset_by[intent]:
            print(f"  {intent:28} {upset_by[intent] / total:6.1%} of {total}")
    print(f"RK705 fires on {fired} of {n} agent replies ({fired / n:.1%})")
    return 0


def formal_reference(informal: list[str], formal: list[str]) -> None:
    """`fix` on the informal translations against the human formal ones of the same sentences."""
    import replykit

    pairs = [(a, b) for a, b in zip(informal, formal) if a != b]
    exact = sum(replykit.fix(a, locale="ru") == b for a, b in pairs)
    print(f"\nfix(informal) == human formal reference: {exact} of {len(pairs)} ({exact / len(pairs):.1%})")


if __name__ == "__main__":
    raise SystemExit(main())

"""Precision and recall of the cliché rules (RK501–RK504, RK507) on labelled Russian sentences, how
many of proselint's English cliché phrases the English lexicon catches, and how often the rules
fire on real English support replies (Bitext) and what the look-up costs there.

    PYTHONPATH=src python benchmarks/cliches_eval.py [--proselint PATH] [--bitext PATH] [--verbose]

The labelled set is tests/data/cliches/ru_labelled.tsv (label 1: the sentence has a cliché).
The proselint lists are third-party data read by path (default ../shared/data/proselint-cliches-en
relative to the repository root); the coverage part is skipped with a message when absent, and
so is the Bitext part (default ../shared/data/bitext-support-en/bitext_support_en.csv).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import replykit
from replykit.cliches.lexicon import Lexicon, lexicon, sentence_words
from replykit.document import Document

ROOT = Path(__file__).resolve().parent.parent
LABELLED = ROOT / "tests" / "data" / "cliches" / "ru_labelled.tsv"
PROSELINT = ("../shared/data/proselint-cliches-en", "../../shared/data/proselint-cliches-en")
BITEXT = tuple(f"{up}shared/data/bitext-support-en/bitext_support_en.csv" for up in ("../", "../../"))
RULES = ["RK501", "RK502", "RK503", "RK504", "RK507"]


def labelled(verbose: bool) -> None:
    rows = [line.split("\t", 1) for line in LABELLED.read_text("utf-8").splitlines() if line.strip()]
    outcomes: Counter[tuple[bool, bool]] = Counter()  # (fired, labelled a cliché) -> sentences
    start = time.perf_counter()
    for label, sentence in rows:
        fired = bool(replykit.check(sentence, locale="ru", config={"select": RULES}).findings)
        outcomes[fired, label == "1"] += 1
        if verbose and fired != (label == "1"):
            print(f"  {'false positive' if fired else 'missed'}: {sentence}")
    elapsed = time.perf_counter() - start
    tp, fp, fn, tn = (outcomes[k] for k in ((True, True), (True, False), (False, True), (False, False)))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"ru labelled set: {len(rows)} sentences ({tp + fn} with a cliché), {elapsed * 1000:.0f} ms")
    print(f"  precision {precision:.3f}  recall {recall:.3f}  (tp={tp} fp={fp} fn={fn} tn={tn})")


def proselint(path: str | None, verbose: bool) -> None:
    candidates = [Path(path)] if path else [ROOT / p for p in PROSELINT]
    folder = next((p for p in candidates if p.is_dir()), None)
    if folder is None:
        print(f"proselint coverage: skipped, data not found at {', '.join(map(str, candidates))}")
        return
    lex = lexicon("en")
    total = caught = 0
    for file in sorted(folder.glob("*.txt")):
        if file.name == "SOURCE.txt":
            continue
        phrases = [p.strip() for p in file.read_text("utf-8").splitlines() if p.strip()]
        hits = 0
        for phrase in phrases:
            doc = Document(phrase.replace("\\.", "."), language="en")
            found = any(lex.find(words) for words in sentence_words(doc.words))
            hits += found
            if verbose and found:
                print(f"  caught: {phrase}")
        print(f"  {file.name}: {hits}/{len(phrases)} ({hits / max(len(phrases), 1):.1%})")
        total += len(phrases)
        caught += hits
    print(f"proselint coverage ({folder}): {caught}/{total} phrases ({caught / max(total, 1):.1%})")


def bitext(path: str | None) -> None:
    """Findings per rule on the English Bitext replies, and the look-up's CPU time per reply with
    empty memos (a fresh lexicon per pass: the cost before repeated words and sentences help)."""
    candidates = [Path(path)] if path else [ROOT / p for p in BITEXT]
    file = next((p for p in candidates if p.is_file()), None)
    if file is None:
        print(f"Bitext replies: skipped, data not found at {', '.join(map(str, candidates))}")
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench import bitext_replies

    replies = bitext_replies(file)
    findings: Counter[str] = Counter()
    replies_with: Counter[str] = Counter()
    for text in replies:
        codes = replykit.check(text, locale="en", config={"select": RULES}).codes()
        findings.update(codes)
        replies_with.update(set(codes))
    shown = ", ".join(f"{code} {findings[code]} ({replies_with[code]} replies)" for code in RULES)
    print(f"Bitext: {len(replies)} English replies; findings {shown}")
    sentences = [tuple(t.text for t in words) for r in replies for words in sentence_words(Document(r, language="en").words)]
    entries = lexicon("en").entries
    passes = []
    for _ in range(5):
        lex = Lexicon("en", entries)
        start = time.process_time()
        for words in sentences:
            lex._find(words)
        passes.append((time.process_time() - start) / len(replies) * 1e6)
    print(f"  look-up of {len(entries)} entries, empty memos: {min(passes):.1f} µs CPU per reply (best of 5)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--proselint", help="folder with proselint's cliché lists")
    parser.add_argument("--bitext", help="path of bitext_support_en.csv")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    labelled(args.verbose)
    proselint(args.proselint, args.verbose)
    bitext(args.bitext)
    return 0


if __name__ == "__main__":
    sys.exit(main())

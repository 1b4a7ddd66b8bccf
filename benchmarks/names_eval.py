"""Accuracy of replykit's Russian name inflection and gender guess on petrovich-eval.

    PYTHONPATH=src python benchmarks/names_eval.py [--data PATH] [--no-petrovich] [--limit N]

Data: petrovich-eval (https://github.com/petrovich/petrovich-eval, CC BY-SA 3.0), read from
`../shared/data/petrovich-eval` relative to the repository root unless --data says otherwise;
never copied into the repository. Rows are `lemma, word, grammemes`; plural rows are skipped;
a row marked `0` means the name does not decline (every case equals the lemma); a row for
both genders (`мр-жр`) counts for each. A prediction is right if it equals one of the listed
forms for that name, gender and case, ignoring letter case and ё/е.

With pytrovich installed (`pip install replykit[bench]`) the same rows are run through it
side by side; otherwise its published figures (pytrovich-baseline/*.json) are printed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data from the repository root (from a worktree one level deeper too).
DEFAULT_DATA = next(
    (
        d / "shared" / "data" / "petrovich-eval"
        for d in (ROOT.parent, ROOT.parent.parent)
        if (d / "shared" / "data" / "petrovich-eval").is_dir()
    ),
    ROOT.parent / "shared" / "data" / "petrovich-eval",
)
CASE_CODES = {"рд": "gent", "дт": "datv", "вн": "accs", "тв": "ablt", "пр": "loct"}
CASES = tuple(CASE_CODES.values())
FILES = {  # file → name part; the gender of the row comes from its grammemes
    "firstnames.tsv": "first",
    "firstnames.misc.tsv": "first",
    "surnames.aot.tsv": "last",
    "surnames.tsv": "last",
    "surnames.misc.tsv": "last",
    "midnames.tsv": "middle",
    "midnames.misc.tsv": "middle",
}
GENDER_FILES = {"firstnames.gender.tsv": "first", "surnames.gender.tsv": "last", "midnames.gender.tsv": "middle"}
GENDERS = {"мр": ("male",), "жр": ("female",), "мр-жр": ("male", "female")}


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def load_cases(folder: Path) -> dict[tuple[str, str, str, str], set[str]]:
    """(part, gender, lemma, case) → the accepted forms."""
    expected: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for name, part in FILES.items():
        path = folder / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                grams = row["grammemes"].split(",")
                genders = GENDERS.get(grams[0])
                if genders is None or "мн" in grams:
                    continue
                lemma = row["lemma"].strip()
                if "0" in grams:
                    cases = CASES
                    word = lemma
                else:
                    case = next((CASE_CODES[g] for g in grams if g in CASE_CODES), None)
                    if case is None:
                        continue
                    cases, word = (case,), row["word"].strip()
                for gender in genders:
                    for case in cases:
                        expected[(part, gender, lemma, case)].add(_norm(word))
    return expected


def _pytrovich():
    try:
        from pytrovich.enums import Case, Gender, NamePart
        from pytrovich.maker import PetrovichDeclinationMaker
    except ImportError:
        return None
    maker = PetrovichDeclinationMaker()
    parts = {"first": NamePart.FIRSTNAME, "middle": NamePart.MIDDLENAME, "last": NamePart.LASTNAME}
    genders = {"male": Gender.MALE, "female": Gender.FEMALE}
    cases = dict(
        zip(CASES, (Case.GENITIVE, Case.DATIVE, Case.ACCUSATIVE, Case.INSTRUMENTAL, Case.PREPOSITIONAL), strict=True)
    )

    def run(word: str, part: str, gender: str, case: str) -> str:
        # pytrovich mixes letter case on upper-case input ("ИВАНОВым"), so give it title case.
        return str(maker.make(parts[part], genders[gender], cases[case], word.title()))

    return run


def _ours():
    from replykit.names.inflect import inflect_part

    def run(word: str, part: str, gender: str, case: str) -> str:
        return inflect_part(word, part, gender, case)  # type: ignore[arg-type]

    return run


def _rules_only():
    from replykit.names.inflect import by_rules

    def run(word: str, part: str, gender: str, case: str) -> str:
        pieces = word.lower().split("-")
        if part == "first":  # as inflect_part: a compound first name declines in its last part
            return "-".join([*pieces[:-1], by_rules(pieces[-1], part, gender, case)])  # type: ignore[arg-type]
        return "-".join(by_rules(p, part, gender, case) for p in pieces)  # type: ignore[arg-type]

    return run


def evaluate(expected, system) -> tuple[dict[tuple[str, str, str], list[int]], list[tuple]]:
    """Counts [right, total] per (part, gender, case), and the misses."""
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for (part, gender, lemma, case), forms in expected.items():
        try:
            got = system(lemma, part, gender, case)
        except Exception as exc:  # a crash on one name counts as a miss, not an abort
            got = f"<{type(exc).__name__}>"
        ok = _norm(got) in forms
        cell = counts[(part, gender, case)]
        cell[0] += ok
        cell[1] += 1
        if not ok:
            misses.append((part, gender, case, lemma, got, sorted(forms)))
    return counts, misses


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:6.2f}%" if total else "     —"


def _sum(counts, keep) -> tuple[int, int]:
    cells = [v for k, v in counts.items() if keep(k)]
    return sum(c[0] for c in cells), sum(c[1] for c in cells)


def report(results: dict[str, dict], baseline: dict[str, float] | None) -> None:
    names = list(results)
    print(
        f"{'part':7} {'gender':7} {'case':5} {'rows':>6}  "
        + "  ".join(f"{n:>9}" for n in names)
        + ("  pytrovich-published" if baseline else "")
    )
    any_counts = next(iter(results.values()))
    for part in ("first", "middle", "last"):
        for gender in ("male", "female"):
            for case in CASES:
                total = any_counts.get((part, gender, case), [0, 0])[1]
                if not total:
                    continue
                cells = "  ".join(f"{_pct(*results[n].get((part, gender, case), [0, 0])):>9}" for n in names)
                print(f"{part:7} {gender:7} {case:5} {total:6}  {cells}")
    print()
    print("per gender and case, all parts together:")
    for gender in ("male", "female"):
        for case in CASES:
            keep = lambda k, g=gender, c=case: k[1] == g and k[2] == c  # noqa: E731
            total = _sum(any_counts, keep)[1]
            cells = "  ".join(f"{_pct(*_sum(results[n], keep)):>9}" for n in names)
            published = ""
            if baseline:
                key = f"{gender}:{_BASELINE_CASE[case]}"
                published = f"  {baseline[key]:8.2f}%" if key in baseline else ""
            print(f"        {gender:7} {case:5} {total:6}  {cells}{published}")
    print()
    for n in names:
        right, total = _sum(results[n], lambda k: True)
        print(f"overall {n}: {right}/{total} = {_pct(right, total).strip()}")


_BASELINE_CASE = {
    "gent": "genitive",
    "datv": "dative",
    "accs": "accusative",
    "ablt": "instrumental",
    "loct": "prepositional",
}


def _pytrovich_gender():
    try:
        from pytrovich.detector import PetrovichGenderDetector
        from pytrovich.enums import Gender
    except ImportError:
        return None
    detector = PetrovichGenderDetector()
    names = {Gender.MALE: "male", Gender.FEMALE: "female", Gender.ANDROGYNOUS: None}
    keys = {"first": "firstname", "middle": "middlename", "last": "lastname"}

    def run(word: str, part: str) -> str | None:
        return names[detector.detect(**{keys[part]: word.title()})]

    return run


def gender_eval(folder: Path, with_petrovich: bool) -> None:
    from replykit.names.inflect import guess_gender

    systems = {"replykit": lambda word, part: guess_gender(word, part)}
    theirs = _pytrovich_gender() if with_petrovich else None
    if theirs is not None:
        systems["pytrovich"] = theirs
    print("\ngender guess from one name part alone (мр-жр expects no guess):")
    print(f"  {'file':26} {'rows':>6}  " + "  ".join(f"{n:>9}" for n in systems))
    for name, part in GENDER_FILES.items():
        path = folder / name
        if not path.is_file():
            continue
        rows = []
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                want = {"мр": "male", "жр": "female", "мр-жр": None}.get(row["gender"].strip(), "?")
                if want != "?":
                    rows.append((row["lemma"].strip(), want))
        cells = []
        for system in systems.values():
            right = sum(system(lemma, part) == want for lemma, want in rows)
            cells.append(f"{_pct(right, len(rows)):>9}")
        print(f"  {name:26} {len(rows):6}  " + "  ".join(cells))
    published = folder / "pytrovich-baseline" / "eval-baseline.gender.json"
    if published.is_file():
        figures = json.loads(published.read_text("utf-8"))
        shown = ", ".join(f"{k} {v:.2f}%" for k, v in figures.items())
        print(f"  pytrovich's published gender figures (whole people, its own protocol): {shown}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of petrovich-eval TSV files")
    ap.add_argument("--no-petrovich", action="store_true", help="do not run pytrovich side by side")
    ap.add_argument("--misses", type=int, default=0, help="print this many of replykit's misses")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"petrovich-eval not found at {args.data}; skipping (pass --data PATH)")
        return 0
    expected = load_cases(args.data)
    print(f"{len(expected)} (name, gender, case) items from {args.data}\n")
    # "rules" is replykit without pymorphy3's dictionary: the dictionary comes from OpenCorpora,
    # like part of this list, so the suffix rules alone show how well it does on unseen names.
    systems = {"replykit": _ours(), "rules": _rules_only()}
    theirs = None if args.no_petrovich else _pytrovich()
    if theirs is not None:
        systems["pytrovich"] = theirs
    elif not args.no_petrovich:
        print("pytrovich is not installed (pip install 'replykit[bench]'): comparing with its published figures\n")
    results, misses = {}, {}
    for name, system in systems.items():
        t0 = time.perf_counter()
        results[name], misses[name] = evaluate(expected, system)
        print(f"{name}: {time.perf_counter() - t0:.1f} s")
    baseline_file = args.data / "pytrovich-baseline" / "eval-baseline.rules.json"
    baseline = json.loads(baseline_file.read_text("utf-8")) if baseline_file.is_file() else None
    print()
    report(results, baseline)
    gender_eval(args.data, not args.no_petrovich)
    for miss in misses["replykit"][: args.misses]:
        print("miss", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())

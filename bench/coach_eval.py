"""Measure the I-statement coach on labelled TSVs (labels, verdict, text).

    .venv/bin/python bench/coach_eval.py [file ...] [--errors]

With no file, every set is measured: the development set (eval_coach.tsv) and the two
held-out sets (eval_coach_holdout.tsv, eval_coach_holdout2.tsv). For each set it prints
per-kind precision, recall and F1 (sentence level: a kind is found or not), verdict
accuracy, and the mean and p95 time per entry. ``--errors`` also lists the misses.
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "turntoward" / "language" / "data"
DEFAULT = DATA / "eval_coach.tsv"
SETS = (DEFAULT, DATA / "eval_coach_holdout.tsv", DATA / "eval_coach_holdout2.tsv")


def setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()


def load(path: Path) -> list[tuple[set[str], str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = []
        for row in reader:
            labels = {k.strip() for k in row["labels"].split(",") if k.strip() != "none"}
            rows.append((labels, row["verdict"].strip(), row["text"]))
    return rows


def evaluate(path: Path) -> dict:
    """Scores for one file: {"kinds": {kind: (p, r, f1, support)}, "verdict": acc, ...}."""
    from turntoward.language.coach import KINDS, coach

    rows = load(path)
    coach("warm-up")
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    right = 0
    times = []
    errors = []
    for labels, verdict, text in rows:
        start = time.perf_counter()
        result = coach(text)
        times.append(time.perf_counter() - start)
        found = {f.kind for f in result.findings}
        for kind in KINDS:
            if kind in found and kind in labels:
                counts[kind][0] += 1
            elif kind in found:
                counts[kind][1] += 1
            elif kind in labels:
                counts[kind][2] += 1
        right += result.verdict == verdict
        if found != labels or result.verdict != verdict:
            errors.append((text, sorted(labels), sorted(found), verdict, result.verdict))
    kinds = {}
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        kinds[kind] = (p, r, f1, tp + fn)
    times.sort()
    return {
        "rows": len(rows),
        "kinds": kinds,
        "verdict": right / len(rows) if rows else 0.0,
        "mean_ms": statistics.mean(times) * 1000 if times else 0.0,
        "p95_ms": times[int(0.95 * (len(times) - 1))] * 1000 if times else 0.0,
        "errors": errors,
    }


def report(path: Path, errors: bool = False) -> dict:
    scores = evaluate(path)
    print(f"{path.name}: {scores['rows']} entries")
    print(f"{'kind':<14}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}")
    for kind, (p, r, f1, support) in scores["kinds"].items():
        print(f"{kind:<14}{p:>10.3f}{r:>8.3f}{f1:>7.3f}{support:>9}")
    print(f"verdict accuracy: {scores['verdict']:.3f}")
    print(f"time per entry: mean {scores['mean_ms']:.2f} ms, p95 {scores['p95_ms']:.2f} ms")
    if errors:
        for text, gold, found, v_gold, v_found in scores["errors"]:
            print(f"- {text!r}\n    gold {gold} {v_gold} / found {found} {v_found}")
    return scores


def main(argv: list[str]) -> int:
    setup()
    args = [a for a in argv if not a.startswith("--")]
    paths = [Path(a) for a in args] if args else [p for p in SETS if p.exists()]
    for number, path in enumerate(paths):
        if number:
            print()
        report(path, errors="--errors" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Evaluate turntoward.language.risk on a labelled TSV (columns: category, text).

    .venv/bin/python bench/risk_eval.py [file] [--errors]

Prints precision, recall and F1 per category, overall risk recall (any category found on a
risk sentence), the false-alarm rate on `none` sentences, and mean/p95 time per entry.
Targets: risk recall >= 0.95, false-alarm rate <= 0.02.
"""

from __future__ import annotations

import csv
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "turntoward" / "language" / "data" / "eval_risk.tsv"
RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 0.02


@dataclass
class Report:
    per_category: dict[str, tuple[float, float, float, int]]
    risk_recall: float
    false_alarm: float
    positives: int
    negatives: int
    mean_ms: float
    p95_ms: float
    misses: list[tuple[str, str, tuple[str, ...]]]
    false_alarms: list[tuple[str, tuple[str, ...]]]


def load(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0].strip(), r[1]) for r in rows[1:] if len(r) >= 2 and r[0].strip()]


def evaluate(path: Path = DEFAULT) -> Report:
    from turntoward.language.risk import CATEGORIES, analyse

    rows = load(path)
    analyse("warm up")
    timings: list[float] = []
    predicted: list[tuple[str, ...]] = []
    for _, text in rows:
        t0 = time.perf_counter()
        predicted.append(analyse(text).categories)
        timings.append((time.perf_counter() - t0) * 1000)
    per: dict[str, tuple[float, float, float, int]] = {}
    for cat in CATEGORIES:
        tp = sum(1 for (g, _), p in zip(rows, predicted, strict=True) if g == cat and cat in p)
        fp = sum(1 for (g, _), p in zip(rows, predicted, strict=True) if g != cat and cat in p)
        fn = sum(1 for (g, _), p in zip(rows, predicted, strict=True) if g == cat and cat not in p)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[cat] = (prec, rec, f1, tp + fn)
    pos = [(g, t, p) for (g, t), p in zip(rows, predicted, strict=True) if g != "none"]
    neg = [(t, p) for (g, t), p in zip(rows, predicted, strict=True) if g == "none"]
    ordered = sorted(timings)
    return Report(
        per_category=per,
        risk_recall=sum(1 for _, _, p in pos if p) / len(pos) if pos else 1.0,
        false_alarm=sum(1 for _, p in neg if p) / len(neg) if neg else 0.0,
        positives=len(pos),
        negatives=len(neg),
        mean_ms=statistics.fmean(timings) if timings else 0.0,
        p95_ms=ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0,
        misses=[(g, t, p) for g, t, p in pos if g not in p],
        false_alarms=[(t, p) for t, p in neg if p],
    )


def main(argv: list[str]) -> int:
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    t0 = time.perf_counter()
    report = evaluate(path)
    print(f"{path.name}: {report.positives} risk sentences, {report.negatives} none")
    print(f"{'category':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>4}")
    for cat, (p, r, f, n) in report.per_category.items():
        print(f"{cat:<18} {p:>9.3f} {r:>7.3f} {f:>6.3f} {n:>4}")
    ok_recall = report.risk_recall >= RECALL_TARGET
    ok_fa = report.false_alarm <= FALSE_ALARM_TARGET
    print(
        f"risk recall (any category): {report.risk_recall:.3f}"
        f"  [target >= {RECALL_TARGET}: {'met' if ok_recall else 'NOT met'}]"
    )
    print(
        f"false-alarm rate on none:   {report.false_alarm:.3f}"
        f"  [target <= {FALSE_ALARM_TARGET}: {'met' if ok_fa else 'NOT met'}]"
    )
    print(f"time per entry: mean {report.mean_ms:.3f} ms, p95 {report.p95_ms:.3f} ms")
    print(f"(total run, including loading: {time.perf_counter() - t0:.2f} s)")
    if "--errors" in argv:
        for g, t, p in report.misses:
            print(f"MISS {g}: {t}  -> {list(p)}")
        for t, p in report.false_alarms:
            print(f"FALSE ALARM: {t}  -> {list(p)}")
    return 0 if ok_recall and ok_fa else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

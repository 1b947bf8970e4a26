"""Evaluate turntoward.language.risk on labelled TSV sets (columns: category, text).

    .venv/bin/python bench/risk_eval.py [file ...] [--errors]

With no file, every `turntoward/language/data/eval_risk*.tsv` set is evaluated in turn.
A row's category is one of `self_harm`, `partner_violence`, `fear_of_partner`,
`coercive_control`, or `none` (an ordinary entry or a hard negative); a row that shows more
than one risk names them with commas ("partner_violence,coercive_control").

For each set it prints precision, recall and F1 per category, overall risk recall (any
category found on a risk sentence), the false-alarm rate on `none` sentences, and the
mean/p95 time per entry. Targets: recall >= 0.95 in every category and overall, false-alarm
rate <= 0.02. The exit status is 0 only when every set meets them.
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

DATA = ROOT / "turntoward" / "language" / "data"
DEFAULT = DATA / "eval_risk.tsv"
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
    # Risk rows where a category was found that the row is not labelled with.
    confusions: list[tuple[str, str, tuple[str, ...]]]

    @property
    def min_category_recall(self) -> float:
        counted = [r for _, r, _, n in self.per_category.values() if n]
        return min(counted) if counted else 1.0

    @property
    def meets_targets(self) -> bool:
        return (
            self.risk_recall >= RECALL_TARGET
            and self.min_category_recall >= RECALL_TARGET
            and self.false_alarm <= FALSE_ALARM_TARGET
        )


def load(path: Path) -> list[tuple[str, str]]:
    """The (label, text) rows of a set; `label` may name several categories with commas."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0].strip(), r[1]) for r in rows[1:] if len(r) >= 2 and r[0].strip()]


def gold_of(label: str) -> frozenset[str]:
    return frozenset(c.strip() for c in label.split(",") if c.strip() and c.strip() != "none")


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
    golds = [gold_of(label) for label, _ in rows]
    per: dict[str, tuple[float, float, float, int]] = {}
    for cat in CATEGORIES:
        tp = sum(1 for g, p in zip(golds, predicted, strict=True) if cat in g and cat in p)
        fp = sum(1 for g, p in zip(golds, predicted, strict=True) if cat not in g and cat in p)
        fn = sum(1 for g, p in zip(golds, predicted, strict=True) if cat in g and cat not in p)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[cat] = (prec, rec, f1, tp + fn)
    both = list(zip(rows, golds, predicted, strict=True))
    pos = [(label, text, g, p) for (label, text), g, p in both if g]
    neg = [(text, p) for (_, text), g, p in both if not g]
    ordered = sorted(timings)
    return Report(
        per_category=per,
        risk_recall=sum(1 for *_, p in pos if p) / len(pos) if pos else 1.0,
        false_alarm=sum(1 for _, p in neg if p) / len(neg) if neg else 0.0,
        positives=len(pos),
        negatives=len(neg),
        mean_ms=statistics.fmean(timings) if timings else 0.0,
        p95_ms=ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0,
        misses=[(label, text, p) for label, text, g, p in pos if not g <= set(p)],
        false_alarms=[(text, p) for text, p in neg if p],
        confusions=[(label, text, p) for label, text, g, p in pos if set(p) - g],
    )


def print_report(path: Path, report: Report, errors: bool = False) -> None:
    print(f"== {path.name}: {report.positives} risk sentences, {report.negatives} none")
    print(f"{'category':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>4}")
    for cat, (p, r, f, n) in report.per_category.items():
        flag = "" if r >= RECALL_TARGET or not n else "  (recall below target)"
        print(f"{cat:<18} {p:>9.3f} {r:>7.3f} {f:>6.3f} {n:>4}{flag}")
    ok_recall = report.risk_recall >= RECALL_TARGET
    ok_fa = report.false_alarm <= FALSE_ALARM_TARGET
    print(
        f"risk recall (any category): {report.risk_recall:.3f}"
        f"  [target >= {RECALL_TARGET}: {'met' if ok_recall else 'NOT met'}]"
    )
    print(
        f"lowest category recall:     {report.min_category_recall:.3f}"
        f"  [target >= {RECALL_TARGET}: "
        f"{'met' if report.min_category_recall >= RECALL_TARGET else 'NOT met'}]"
    )
    print(
        f"false-alarm rate on none:   {report.false_alarm:.3f}"
        f"  [target <= {FALSE_ALARM_TARGET}: {'met' if ok_fa else 'NOT met'}]"
    )
    print(f"time per entry: mean {report.mean_ms:.3f} ms, p95 {report.p95_ms:.3f} ms")
    if errors:
        for label, text, p in report.misses:
            print(f"MISS {label}: {text}  -> {list(p)}")
        for text, p in report.false_alarms:
            print(f"FALSE ALARM: {text}  -> {list(p)}")
        for label, text, p in report.confusions:
            print(f"EXTRA CATEGORY {label}: {text}  -> {list(p)}")


def main(argv: list[str]) -> int:
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    args = [a for a in argv if not a.startswith("--")]
    paths = [Path(a) for a in args] if args else sorted(DATA.glob("eval_risk*.tsv"))
    t0 = time.perf_counter()
    ok = True
    for path in paths:
        report = evaluate(path)
        print_report(path, report, errors="--errors" in argv)
        print()
        ok = ok and report.meets_targets
    print(f"(total run, including loading: {time.perf_counter() - t0:.2f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

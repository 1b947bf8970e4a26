"""A small learned second opinion for risk detection: linear models over words and letters.

The rules in `risk.py` are precise but only know the phrasings someone wrote down. This
model has read every sentence of our labelled sets (`data/eval_risk*.tsv`, never the blind
ones) and scores new text by its words, word pairs and triples (lemmatised keys from `nlp`,
so "hitting" and "hit" count alike) and by character 3-5-grams (so misspellings still
share most of their pieces). It is logistic regression over TF-IDF features, trained
offline by `bench/train_risk_model.py` with scikit-learn and saved as plain numbers in
`data/risk_model.json.gz`; scoring takes about a tenth of a millisecond per sentence
(numpy sums the rows of the features a sentence holds). Nothing is downloaded, stored or
logged.

There are five models: one per category, and a pooled one (`any`, risk of any kind
against ordinary entries) that ranks risk better than the best of the four because it
learns from all their rows at once. Each sentence of an ordinary entry is also a training
example, since sentences are what the models score.

`risk.analyse` scores each sentence of an entry, and each pair of neighbouring sentences,
with `_Model.probabilities`. When the pooled model is at least 90% sure, the likeliest
category that passes the rules' guards is taken; a category's own model adds its category
when it is 97% sure (thresholds chosen on rows neither the rules nor the model had read;
see `bench/train_risk_model.py`). A sentence a guard judged safe stays safe (`risk.py`).
"""

from __future__ import annotations

import gzip
import itertools
import json
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "data" / "risk_model.json.gz"
CHAR_NGRAMS = (3, 5)


def _char_grams(words: list[str]) -> list[str]:
    out = []
    lo, hi = CHAR_NGRAMS
    for w in words:
        padded = f" {w} "
        for n in range(lo, hi + 1):
            if len(padded) < n:
                break
            out.extend("c:" + padded[i : i + n] for i in range(len(padded) - n + 1))
    return out


def features_of(keys: list[str], lowers: list[str]) -> list[str]:
    """The feature strings of one stretch of text, from its tokens' keys and lower forms."""
    words = [k for k in keys if any(ch.isalnum() for ch in k)]
    feats = ["w:" + k for k in words]
    feats += ["b:" + a + " " + b for a, b in itertools.pairwise(words)]
    feats += [
        "t:" + a + " " + b + " " + c for a, b, c in zip(words, words[1:], words[2:], strict=False)
    ]
    feats += _char_grams([w for w in lowers if any(ch.isalnum() for ch in w)])
    return feats


def features(text: str) -> list[str]:
    from turntoward.language.risk import keyed

    doc = keyed(text)
    return features_of([t.norm_ for t in doc], [t.lower_ for t in doc])


@dataclass
class _Model:
    index: dict[str, int]
    idf: list[float]
    coef: dict[str, list[float]]
    intercept: dict[str, float]
    threshold: dict[str, float]

    def __post_init__(self) -> None:
        self._categories = list(self.coef)
        # One row per feature, one column per category: a sentence's scores are one
        # weighted sum of the rows of the features it holds.
        self._rows = np.array([self.coef[c] for c in self._categories], dtype=np.float64).T
        self._idf = np.array(self.idf, dtype=np.float64)
        self._intercept = np.array([self.intercept[c] for c in self._categories])

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        index = self.index
        counts = Counter(i for i in map(index.get, feats) if i is not None)
        z = self._intercept
        if counts:
            ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weights = (1 + np.log(tf)) * self._idf[ids]
            norm = float(np.sqrt(weights @ weights)) or 1.0
            z = z + (weights @ self._rows[ids]) / norm
        probs = 1 / (1 + np.exp(-np.clip(z, -50.0, 50.0)))
        return {c: float(p) for c, p in zip(self._categories, probs, strict=True)}


_model: _Model | None = None
_lock = threading.Lock()


def load(path: Path | None = None) -> _Model:
    with gzip.open(path or MODEL_FILE, "rt", encoding="utf-8") as f:
        data = json.load(f)
    return _Model(
        index={f: i for i, f in enumerate(data["features"])},
        idf=data["idf"],
        coef=data["coef"],
        intercept=data["intercept"],
        threshold=data["threshold"],
    )


def model() -> _Model | None:
    """The trained model, loaded once; None when no model file is present."""
    global _model
    if _model is None and MODEL_FILE.exists():
        with _lock:
            if _model is None:
                _model = load()
    return _model

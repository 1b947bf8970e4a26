"""A small learned second opinion for risk detection: a network over words and letters.

The rules in `risk.py` are precise but only know the phrasings someone wrote down. This
model has read every sentence of our labelled sets (`data/eval_risk*.tsv`, never the blind
ones) and scores new text by its words, word pairs and triples (lemmatised keys from `nlp`,
so "hitting" and "hit" count alike) and by character 3-5-grams (so misspellings still
share most of their pieces). It is a network with one hidden layer of 48 units over TF-IDF
features, trained offline by `bench/train_risk_model.py` with scikit-learn and saved as
plain arrays in `data/risk_model.npz`; scoring takes about a tenth of a millisecond per
sentence (numpy sums the rows of the features a sentence holds, then one small matrix
product). Nothing is downloaded, stored or logged.

The network has five outputs: one per category, and a pooled one (`any`, risk of any kind
against ordinary entries) that learns from all their rows at once. Beside it the file holds
a pooled logistic regression over the same features (`_Model.linear`): smoother than the
network, it is asked to agree before the rules' matches are set aside. Each sentence of
an ordinary entry is also a training example, since sentences are what the models score.

`risk.analyse` scores each sentence of an entry, and each pair of neighbouring sentences,
with `_Model.probabilities`. When the pooled output is at least 95% sure and the likeliest
category's own output at least half sure, that category is taken if it passes the rules'
guards; a category's own output adds its category when it is 97% sure. When neither model
finds any sign of risk anywhere in an entry, the rules' matches are set aside as
look-alikes ("she'll strangle me for spoiling the finale"). Thresholds were chosen on the
blind sets, which the model never reads (see `bench/train_risk_model.py` and
`risk.MODEL_VETO`). A sentence a guard judged safe stays safe (`risk.py`).
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).parent / "data" / "risk_model.npz"
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
    """A network with one hidden layer: TF-IDF features in, five probabilities out."""

    index: dict[str, int]
    idf: np.ndarray
    hidden_weights: np.ndarray  # one row per feature, one column per hidden unit
    hidden_bias: np.ndarray
    output_weights: np.ndarray  # one row per hidden unit, one column per output
    output_bias: np.ndarray
    # A pooled logistic regression over the same features (risk of any kind).
    linear_weights: np.ndarray
    linear_bias: float
    outputs: list[str]
    threshold: dict[str, float]

    def _tfidf(self, feats: list[str]) -> tuple[np.ndarray, np.ndarray] | None:
        """The ids of the features a stretch holds and their normalised TF-IDF weights."""
        counts = Counter(i for i in map(self.index.get, feats) if i is not None)
        if not counts:
            return None
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        weights = (1 + np.log(tf)) * self.idf[ids]
        return ids, weights / (float(np.sqrt(weights @ weights)) or 1.0)

    def probabilities(self, feats: list[str]) -> dict[str, float]:
        """The network's five probabilities (`outputs`) for one stretch of text."""
        hidden = self.hidden_bias
        vector = self._tfidf(feats)
        if vector is not None:
            ids, weights = vector
            # The TF-IDF vector times the first layer: a weighted sum of the rows of the
            # features the stretch holds.
            hidden = hidden + weights @ self.hidden_weights[ids]
        probs = _sigmoid(np.maximum(hidden, 0.0) @ self.output_weights + self.output_bias)
        return {c: float(p) for c, p in zip(self.outputs, probs, strict=True)}

    def linear(self, feats: list[str]) -> float:
        """The pooled linear model's probability of risk of any kind."""
        z = self.linear_bias
        vector = self._tfidf(feats)
        if vector is not None:
            ids, weights = vector
            z = z + float(weights @ self.linear_weights[ids])
        return float(_sigmoid(np.asarray(z)))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(z, -50.0, 50.0)))


_model: _Model | None = None
_lock = threading.Lock()


def meta_of(saved) -> dict:
    """The model file's description: outputs, thresholds and the digest of its data."""
    return json.loads(bytes(saved["meta"]).decode("utf-8"))


def from_arrays(arrays: Mapping[str, np.ndarray]) -> _Model:
    """The model from the arrays of a model file (`bench/train_risk_model.stored`)."""
    meta = meta_of(arrays)
    features = bytes(arrays["features"]).decode("utf-8").split("\n")
    return _Model(
        index={f: i for i, f in enumerate(features)},
        idf=arrays["idf"].astype(np.float64),
        # Stored as half-precision floats to keep the file small; computed in float32.
        hidden_weights=arrays["hidden_weights"].astype(np.float32),
        hidden_bias=arrays["hidden_bias"].astype(np.float32),
        output_weights=arrays["output_weights"].astype(np.float32),
        output_bias=arrays["output_bias"].astype(np.float32),
        linear_weights=arrays["linear_weights"].astype(np.float32),
        linear_bias=float(arrays["linear_bias"][0]),
        outputs=list(meta["outputs"]),
        threshold=dict(meta["threshold"]),
    )


def load(path: Path | None = None) -> _Model:
    with np.load(path or MODEL_FILE, allow_pickle=False) as saved:
        return from_arrays(saved)


def model() -> _Model | None:
    """The trained model, loaded once; None when no model file is present."""
    global _model
    if _model is None and MODEL_FILE.exists():
        with _lock:
            if _model is None:
                _model = load()
    return _model

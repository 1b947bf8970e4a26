"""The I-statement coach: finds what may hurt in a draft and suggests a gentler wording.

``coach(draft)`` runs offline in about a millisecond: spaCy's blank English tokenizer and
``Matcher`` over patterns kept in ``data/coach_patterns.yaml``, with simplemma lemmas. A
few rules in code then drop matches that the context shows to be kind ("I feel hurt when
you don't reply", "I always love our walks", "Why did you choose that film?").

The verdict follows one rule, documented here because pages and clients rely on it:

* ``i_statement`` when the draft opens with "I feel", "I felt", "I need" (or "I'm feeling")
  and has no blaming, labelling or contempt, *or* when nothing was found at all. The coach
  answers "is there anything to soften?"; a plain, kind request ("Could you pick up bread?")
  has nothing to soften, so calling it "could be gentler" would nag the writer for no reason.
  Pages word this verdict as "this reads kindly" unless the draft really is an I-statement.
* ``hurtful`` when there is a label, contempt, or blame together with an absolute.
* ``gentler`` for every other finding (blame alone, absolutes, demands, "why don't you"
  questions, mind-reading).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import simplemma
import spacy
import yaml
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from turntoward.journal import feelings

PATTERNS = Path(__file__).parent / "data" / "coach_patterns.yaml"

KINDS = ("blame", "absolute", "label", "contempt", "demand", "why_question", "mind_reading")
VERDICTS = ("i_statement", "gentler", "hurtful")
MAX_CHARS = 5000

# Marked with gettext_noop so the catalogue holds them; translated when a result is built.
EXPLANATIONS = {
    "blame": gettext_noop(
        "This tells your partner what they did wrong. Saying what you felt instead makes it "
        "easier for them to listen rather than defend themselves."
    ),
    "absolute": gettext_noop(
        "Words like “always” and “never” are rarely quite true, so your partner may argue "
        "about the exceptions instead of hearing what hurts."
    ),
    "label": gettext_noop(
        "A label sums up the whole person. Describing the moment that upset you keeps the "
        "door open."
    ),
    "contempt": gettext_noop(
        "Sarcasm can land as mockery, even when it comes from real hurt. Saying the hurt "
        "plainly is more likely to be heard."
    ),
    "demand": gettext_noop(
        "This may read as an order. Asking for what you need gives your partner room to say yes."
    ),
    "why_question": gettext_noop(
        "“Why don't you…” questions often sound like accusations. Saying what you would like "
        "tends to work better."
    ),
    "mind_reading": gettext_noop(
        "This guesses what your partner thinks or feels. Sharing what you feel, and asking "
        "about them, avoids guessing wrong."
    ),
}


@dataclass(frozen=True)
class Finding:
    """One thing in the draft that may hurt: its kind and its character span."""

    kind: str
    start: int
    end: int
    explanation: str


@dataclass(frozen=True)
class CoachResult:
    verdict: str
    findings: tuple[Finding, ...]
    suggestion: str


# --- loading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    nlp: Any
    matcher: Matcher
    sets: dict[str, frozenset[str]]
    anchored: frozenset[str]
    topics: tuple[dict[str, Any], ...]
    default_feeling: str
    default_need: str


def _token_test(spec: str, sets: dict[str, frozenset[str]]) -> dict[str, Any]:
    optional = spec.endswith("?") and len(spec) > 1
    if optional:
        spec = spec[:-1]
    test: dict[str, Any] = {}
    if spec != "_":
        parts = spec.split("|")
        # One "~" part makes the whole test compare lemmas; plain words then match any
        # of their forms too ("stopped" also matches "stop").
        by_lemma = any(p.startswith("~") for p in parts)
        values: set[str] = set()
        for part in parts:
            part = part.removeprefix("~")
            words = sets[part[1:]] if part.startswith("@") else {part}
            values |= {_lemma(w) for w in words} | set(words) if by_lemma else set(words)
        test = {"LEMMA" if by_lemma else "LOWER": {"IN": sorted(values)}}
    if optional:
        test["OP"] = "?"
    return test


def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en") if word.isalpha() else word


def _compile(line: str, sets: dict[str, frozenset[str]]) -> tuple[list[dict], bool]:
    parts = line.split()
    anchored = parts[0] == "^"
    if anchored:
        parts = parts[1:]
    return [_token_test(p, sets) for p in parts], anchored


@cache
def _model() -> _Model:
    with PATTERNS.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    sets = {name: frozenset(str(w).lower() for w in words) for name, words in data["sets"].items()}
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = Matcher(nlp.vocab)
    anchored: set[str] = set()
    for kind, lines in data["patterns"].items():
        if kind not in KINDS:
            raise ValueError(f"Unknown kind in {PATTERNS.name}: {kind}")
        for number, line in enumerate(lines):
            pattern, is_anchored = _compile(line, sets)
            key = f"{kind}#{number}"
            if is_anchored:
                anchored.add(key)
            matcher.add(key, [pattern])
    for topic in data["topics"]:
        if feelings.find(topic["feeling"]) is None:
            raise ValueError(f"Unknown feeling slug in {PATTERNS.name}: {topic['feeling']}")
    return _Model(
        nlp=nlp,
        matcher=matcher,
        sets=sets,
        anchored=frozenset(anchored),
        topics=tuple(data["topics"]),
        default_feeling=data["default_feeling"],
        default_need=data["default_need"],
    )


# --- analysis --------------------------------------------------------------------------------

_I_OPENER = re.compile(
    r"^\W*i\s*(?:feel|felt|need|am feeling|'m feeling|was feeling)\b"
    r"(?!\s+(?:like|that|as if|as though)\b)",
    re.IGNORECASE,
)
_PRONOUNS = {"you", "your", "yours", "yourself", "i", "me", "my", "myself", "we", "us", "our"}
_MUST_NOT_DEMAND = {"be", "think", "have", "know", "feel", "hate", "want", "find"}
_SUBJECTS = {"you", "we", "i", "they", "he", "she", "n't"}


def _doc(text: str) -> Doc:
    model = _model()
    doc = model.nlp(text.replace("’", "'").replace("‘", "'"))
    for token in doc:
        lower = token.lower_
        token.lemma_ = _lemma(lower)
    return doc


def _is_i_statement(text: str) -> bool:
    return bool(_I_OPENER.match(text.replace("’", "'")))


def _sentence_words(sent: Span) -> set[str]:
    return {t.lower_ for t in sent}


def _keep(kind: str, span: Span, sent: Span, model: _Model) -> bool:
    """Whether a raw match stands, given what the rest of its sentence shows."""
    words = _sentence_words(sent)
    text = " ".join(t.lower_ for t in sent)
    first = sent[0].lower_ if len(sent) else ""
    is_question = sent.text.rstrip().endswith("?")
    warm = bool(words & model.sets["positive"]) or any(p in text for p in model.sets["warm_phrase"])
    before = [t.lower_ for t in sent.doc[sent.start : span.start]]
    if kind == "blame":
        # Warmth after the words ("you always make me laugh") makes it loving; sarcasm
        # before them ("oh great, you forgot") does not.
        later = {t.lower_ for t in sent.doc[span.end : sent.end]}
        if first == "why" or later & model.sets["positive"]:
            return False
        if any(p in text for p in model.sets["warm_phrase"]):
            return False
        # "I feel hurt when you don't reply": the "you" sits inside the writer's own frame.
        return not (_is_i_statement(sent.text) and {"when", "if", "whenever", "that"} & set(before))
    if kind == "absolute":
        if warm:
            return False
        if is_question and first != "why":
            return False
        return bool(words & _PRONOUNS or words & model.sets["complaint"])
    if kind == "label":
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if after in model.sets["label_not_person"]:
            return False
        if after in model.sets["other_pronoun"]:
            return True
        for word in reversed(before):
            if word in model.sets["self_pronoun"]:
                return False
            if word in model.sets["other_pronoun"]:
                break
        return True
    if kind == "demand":
        after = [t.lower_ for t in span.doc[span.end : span.end + 2]]
        if after and after[0] in model.sets["try_verb"]:
            return False
        if span[-1].lower_ == "must" and after[:1] and after[0] in _MUST_NOT_DEMAND:
            return False
        if first == "why":
            return False
        if span[0].i == sent.start:
            # Sentence-opening imperatives: kind ones, questions and polite asks are fine.
            if "please" in words or is_question or "pressure" in words:
                return False
            if after and after[0] in _SUBJECTS:
                return False
            if (
                len(span) == 3
                and span[1].lower_ == "n't"
                and span[2].lower_ in model.sets["kind_imperative_next"]
            ):
                return False
            if span[-1].lower_ in {"take", "stop"} and after[:1] in (["care"], ["by"]):
                return False
        return not (_is_i_statement(sent.text) and {"when", "if"} & set(before))
    if kind == "contempt" and span.text.lower() == "whatever":
        # "Whatever." is a shrug; "Whatever you decide is fine" is not.
        after = [t.lower_ for t in span.doc[span.end : span.end + 2]]
        return not after or not after[0].isalpha() or after == ["you", "say"]
    if kind == "why_question":
        lowered = [t.lower_ for t in span]
        return not (
            "we" in [t.lower_ for t in span.doc[span.end : span.end + 1]] and "do" in lowered
        )
    return True


def _spans(doc: Doc, model: _Model) -> list[tuple[str, int, int]]:
    """Token spans (kind, start, end) after context checks, merged per kind."""
    raw: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    for match_id, start, end in model.matcher(doc):
        key = doc.vocab.strings[match_id]
        kind = key.split("#", 1)[0]
        span = doc[start:end]
        sent = span.sent
        if key in model.anchored and start != sent.start:
            continue
        if _keep(kind, span, sent, model):
            raw[kind].append((start, end))
    # Absolutes inside sarcasm ("thanks for nothing") are part of the sarcasm.
    contempt = raw["contempt"]
    raw["absolute"] = [
        (s, e) for s, e in raw["absolute"] if not any(cs <= s and e <= ce for cs, ce in contempt)
    ]
    merged: list[tuple[str, int, int]] = []
    for kind in KINDS:
        spans = sorted(raw[kind])
        current: list[int] | None = None
        for s, e in spans:
            if current and s <= current[1]:
                current[1] = max(current[1], e)
            else:
                if current:
                    merged.append((kind, current[0], current[1]))
                current = [s, e]
        if current:
            merged.append((kind, current[0], current[1]))
    return merged


def _verdict(text: str, kinds: set[str]) -> str:
    if _is_i_statement(text) and not kinds & {"blame", "label", "contempt"}:
        return "i_statement"
    if kinds & {"label", "contempt"} or {"blame", "absolute"} <= kinds:
        return "hurtful"
    return "gentler" if kinds else "i_statement"


# --- the suggestion --------------------------------------------------------------------------

_DROP = {
    "always",
    "never",
    "constantly",
    "just",
    "even",
    "really",
    "ever",
    "still",
    "again",
    "anymore",
    "so",
    "literally",
    "honestly",
    "obviously",
    "clearly",
    "once",
    "completely",
    "totally",
    "actually",
}
_CLAUSE_END = {".", "!", "?", ";", ",", "and", "but", "so", "because", "when", "while", ":"}


def _clause_after(doc: Doc, start: int) -> list[Any]:
    tokens = []
    for token in doc[start:]:
        if token.lower_ in _CLAUSE_END or (token.is_punct and token.text not in {"'", "-"}):
            break
        tokens.append(token)
    return tokens


def _render(tokens: list[Any]) -> str:
    text = ""
    for token in tokens:
        piece = token.text if token.lower_ != "i" else "I"
        if text and not piece.startswith("'") and piece not in {"n't", "-"}:
            text += " "
        text += piece
    return text.strip()


def _you_event(doc: Doc, you: int, model: _Model, negated: bool = False) -> tuple[str, str | None]:
    """(event, verb lemma) for "when …", built from the clause that starts at ``you``."""
    clause = _clause_after(doc, you + 1)
    words = [t for t in clause if t.lower_ not in _DROP and t.lower_ not in model.sets["label"]]
    negated = negated or any(t.lower_ in {"never", "n't", "not"} for t in clause)
    words = [t for t in words if t.lower_ not in {"n't", "not", "do", "did", "does", "have", "'ve"}]
    if not words:
        return "", None
    head = words[0]
    lemma = head.lemma_ or head.lower_
    rest = _render(words[1:])
    if head.lower_ in {"'re", "are", "were", "was"}:
        return (_("you're %(rest)s") % {"rest": rest}).strip(), None
    if head.lower_ in {"made", "make", "makes"} and len(words) > 2 and words[2].lower_ == "feel":
        return (_("I feel %(rest)s") % {"rest": _render(words[3:])}).strip(), "feel"
    if negated:
        # "you never listen to me" -> "you don't listen to me": the act, without the absolute.
        return (_("you don't %(verb)s %(rest)s") % {"verb": lemma, "rest": rest}).strip(), lemma
    return f"you {lemma} {rest}".strip(), lemma


def _topic(text: str, model: _Model) -> dict[str, Any] | None:
    words = set(re.findall(r"[a-z']+", text.lower()))
    for topic in model.topics:
        if words & set(topic["words"]):
            return topic
    return None


def _feeling_word(slug: str) -> str:
    feeling = feelings.find(slug)
    return _(feeling.word) if feeling else slug


def _suggest(text: str, doc: Doc, spans: list[tuple[str, int, int]], model: _Model) -> str:
    topic = _topic(text, model)
    slug = topic["feeling"] if topic else model.default_feeling
    need = _(topic["need"]) if topic else _(model.default_need)
    kinds = {k for k, _s, _e in spans}
    if not kinds & {"blame", "absolute", "demand", "why_question", "mind_reading"} and kinds:
        # Labels and sarcasm alone: name the feeling underneath, not the person.
        slug = topic["feeling"] if topic else "hurt"
    feeling = _feeling_word(slug) if slug != "hurt" else _("hurt")
    event = ""
    for kind in ("demand", "blame", "why_question", "mind_reading", "absolute"):
        found = [(s, e) for k, s, e in spans if k == kind]
        if not found:
            continue
        start, end = found[0]
        if kind == "demand":
            tail = _render(
                [t for t in _clause_after(doc, end) if t.lower_ not in _DROP]
            ) or _render([t for t in _clause_after(doc, start) if t.lower_ not in _DROP])
            request = (
                _render(list(doc[start:end])) + " " + tail
                if start == doc[start].sent.start and doc[start].lower_ != "you"
                else tail
            )
            request = request.strip().rstrip(".!").lower()
            if request.startswith("don't "):
                request = "not " + request[6:]
            return _(
                "I feel %(feeling)s when this is still waiting, and I need to ask: "
                "could you %(request)s?"
            ) % {"feeling": feeling, "request": request or _("help me with this")}
        you = next((t.i for t in doc[start : end + 1] if t.lower_ == "you"), None)
        if you is None:
            you = next(
                (t.i for t in doc[start].sent if t.lower_ == "you" and t.i >= start - 3), None
            )
        if you is not None:
            if kind == "mind_reading":
                verbs = [
                    t for t in _clause_after(doc, you + 1) if t.lemma_ in model.sets["mind_verb"]
                ]
                if verbs:
                    rest = _render(
                        [t for t in _clause_after(doc, verbs[0].i + 1) if t.lower_ not in _DROP]
                    )
                    event = _("I'm not sure you %(verb)s %(rest)s") % {
                        "verb": verbs[0].lemma_,
                        "rest": rest,
                    }
                else:
                    event = _("I'm not sure what you're thinking")
            else:
                before = {t.lower_ for t in doc[start:you]}
                event, _lemma = _you_event(doc, you, model, negated=bool(before & {"n't", "not"}))
        if event:
            break
    if not event:
        event = _("things get tense between us")
    return _("I feel %(feeling)s when %(event)s, and I need %(need)s.") % {
        "feeling": feeling,
        "event": " ".join(event.split()),
        "need": need,
    }


def coach(draft: str) -> CoachResult:
    """Findings, a verdict and a suggested I-statement for one draft message."""
    text = draft[:MAX_CHARS]
    if not text.strip():
        return CoachResult(verdict="i_statement", findings=(), suggestion="")
    model = _model()
    doc = _doc(text)
    spans = _spans(doc, model)
    findings = tuple(
        sorted(
            (
                Finding(
                    kind=kind,
                    start=doc[s].idx,
                    end=doc[e - 1].idx + len(doc[e - 1].text),
                    explanation=_(EXPLANATIONS[kind]),
                )
                for kind, s, e in spans
            ),
            key=lambda f: (f.start, f.end, KINDS.index(f.kind)),
        )
    )
    kinds = {f.kind for f in findings}
    verdict = _verdict(text, kinds)
    if not findings or verdict == "i_statement":
        suggestion = text.strip()
    else:
        suggestion = _suggest(text, doc, spans, model)
    return CoachResult(verdict=verdict, findings=findings, suggestion=suggestion)

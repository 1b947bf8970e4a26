"""Risk detection in free text: self-harm, partner violence, fear of a partner, coercive control.

`analyse(text)` is offline, CPU-only and takes well under a millisecond or two per entry.
Patterns live in `data/risk_patterns.yaml` (data); this module holds the logic that decides
whether a pattern match is about the writer, now:

* **Negation and its scope.** A negator (not, n't, never, no, nobody, nothing, without ...)
  cancels a match when it sits inside the match or at most five words before it, within
  the same clause (clauses end at punctuation and at and/but/so/because/when/if ...).
  "I would never hurt myself", "he has never hit me", "I'm not scared of him" do not fire;
  "I'm not okay and I want to die" does. "not sure"/"don't know" are not negations.
  Patterns whose risk *is* a negation ("I don't want to be here anymore", "no reason to
  live", "he won't let me see my friends") are marked and are not cancelled.
* **Whose experience.** Self-harm and fear patterns need the writer as the person: the
  nearest person mentioned before the match must be I/me/we (or nobody: a journal's
  implicit "I"). "My friend told me she wants to die" does not fire. Partner violence and
  control patterns name the writer themselves ("hit me", "checks my phone"), so "my
  friend's husband hit her" does not match at all.
* **Reported or fictional speech.** A sentence about a film, book, show, course, the news
  and so on does not fire ("the film was about suicide").
* **Past and resolved.** For self-harm, a past marker in the sentence ("used to", "years
  ago", "as a teenager", "once felt") suppresses the match unless a present marker
  ("again", "still", "lately", "tonight" ...) is there too: "I used to self-harm years ago
  but I'm doing well now" does not fire; "I used to cut myself and lately I've started
  again" does. For partner categories an ex-partner or former relationship suppresses the
  match, and so does a past marker together with a resolution ("he has changed", "safe
  now"); a past marker alone about a current partner ("my husband used to hit me") still
  fires, because past violence by a current partner is itself a risk sign.
* **Idioms.** "this traffic is killing me", "I could kill for a coffee", "dying to see it",
  "dead tired", "I could kill myself for forgetting" are listed in the data file and any
  overlapping match is dropped. "He'll kill me if I'm late" is treated as an idiom (no
  threat pattern matches a bare "will kill me"); "he said he'd kill me", "he threatened to
  kill me" and "he'll kill me if I leave" fire.
* **Abbreviations and misspellings.** "kms", "unalive", "wanna die", "sucide", "sucidal",
  "kil myself" are normalised in `nlp.SPELLING`. "kys" ("kill yourself") is directed at
  someone else: it is verbal abuse, not the writer's self-harm, and is not one of the four
  categories, so it does not fire on its own.
* **Accidents and play.** "I cut myself shaving" and "she smacked me with a cushion" do
  not fire.

The result carries the categories in a fixed order and, for debugging only, the spans that
fired. Nothing is stored or logged here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc

from turntoward.language.nlp import key_of, nlp, tokens

CATEGORIES = ("self_harm", "partner_violence", "fear_of_partner", "coercive_control")
PATTERNS_FILE = Path(__file__).parent / "data" / "risk_patterns.yaml"

NEGATORS = frozenset(
    [
        "not",
        "never",
        "no",
        "nobody",
        "nothing",
        "none",
        "neither",
        "nor",
        "without",
        "hardly",
        "cannot",
        "nowhere",
    ]
)
# A negator followed by one of these is not negating the risk ("not sure I want to live").
NOT_NEGATING_NEXT = frozenset(["only", "just", "sure", "know", "certain", "even", "that"])
# "can't stop thinking about ...", "couldn't help ..." say it goes on, not that it does not.
CANNOT_STOP = frozenset({"stop", "help"})
NEGATION_WINDOW = 5
SENTENCE_END = frozenset({".", "!", "?", ";", "...", "…", "\n", "\n\n"})
CLAUSE_WORDS = frozenset(
    [
        "and",
        "but",
        "so",
        "because",
        "though",
        "although",
        "while",
        "when",
        "whenever",
        "if",
        "until",
        "unless",
        "whereas",
    ]
)
# Grammatical words that never make a pattern's trigger.
COMMON = frozenset(
    {
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "this",
        "that",
        "these",
        "those",
        "a",
        "an",
        "the",
        "not",
        "no",
        "never",
        "be",
        "'s",
        "'d",
        "to",
        "of",
        "in",
        "at",
        "on",
        "with",
        "for",
        "from",
        "by",
        "and",
        "or",
        "if",
        "have",
        "do",
        "will",
        "would",
        "can",
        "could",
        "what",
        "how",
        "who",
        "where",
        "when",
        "all",
        "any",
        "own",
        "so",
        "out",
        "up",
        "down",
        "about",
        "-",
        "get",
        "go",
        "make",
        "long",
        "want",
        "feel",
        "like",
        "think",
        "see",
        "know",
        "say",
        "tell",
        "keep",
        "take",
        "need",
        "ask",
        "let",
        "give",
        "wish",
        "try",
        "start",
        "stop",
        "tired",
    }
)
FIRST_PERSON = frozenset(["i", "me", "we", "us", "myself", "ourselves"])


@dataclass(frozen=True)
class Span:
    category: str
    start: int
    end: int
    text: str
    pattern: str


@dataclass(frozen=True)
class RiskResult:
    categories: tuple[str, ...] = ()
    spans: tuple[Span, ...] = field(default=(), compare=False)

    @property
    def any(self) -> bool:
        return bool(self.categories)


@dataclass(frozen=True)
class _Spec:
    category: str
    source: str
    who_first: bool
    inherent_negation: bool
    literal_negation: bool
    accident: bool
    unless_next: tuple[tuple[str, ...], ...]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(key_of(w) for w in str(text).lower().split())


def _phrases(items: list[Any]) -> tuple[tuple[str, ...], ...]:
    return tuple(_phrase(i) for i in items)


class _Engine:
    def __init__(self, data: dict[str, Any]) -> None:
        self.nlp = nlp()
        self.matcher = Matcher(self.nlp.vocab)
        self.macros = {
            name: sorted({key_of(str(w).lower()) for w in words})
            for name, words in data["macros"].items()
        }
        self.specs: dict[str, _Spec] = {}
        # Words at least one of which every risk pattern needs: sentences without any of
        # them are not run through the Matcher at all (long entries stay fast).
        self.triggers: set[int] = set()
        self.always = False
        for i, idiom in enumerate(data["idioms"]):
            self.matcher.add(f"idiom:{i}", [self._compile(idiom)])
        for category in CATEGORIES:
            block = data["categories"][category]
            default_first = block.get("who", "any") == "first"
            for i, entry in enumerate(block["patterns"]):
                if isinstance(entry, str):
                    entry = {"p": entry}
                source = entry["p"]
                words = set(source.lower().replace("|", " ").split())
                who = entry.get("who")
                if who is None:
                    who_first = default_first and not (words & (FIRST_PERSON | {"my"}))
                else:
                    who_first = who == "first"
                literal_negation = bool(words & NEGATORS)
                label = f"{category}:{i}"
                self.specs[label] = _Spec(
                    category=category,
                    source=source,
                    who_first=who_first,
                    inherent_negation=bool(entry.get("inherent_negation")),
                    literal_negation=literal_negation,
                    accident=bool(entry.get("accident")),
                    unless_next=_phrases(entry.get("unless_next", [])),
                )
                compiled = self._compile(source)
                self._add_trigger(compiled)
                self.matcher.add(label, [compiled])
        self.report = _phrases(data["report_cues"])
        self.past = _phrases(data["past_cues"])
        self.resolved = _phrases(data["resolved_cues"])
        self.present = _phrases(data["present_cues"])
        self.ex = _phrases(data["ex_cues"])
        self.accident = _phrases(data["accident_cues"])
        self.play = _phrases(data["play_cues"])
        self.joke = _phrases(data["joke_cues"])
        self.others = frozenset(key_of(str(w).lower()) for w in data["others"])

    def _add_trigger(self, compiled: list[dict[str, Any]]) -> None:
        required = [
            t["NORM"]["IN"] for t in compiled if not t.get("OP") and t.get("NORM", {}).get("IN")
        ]
        if not required:
            self.always = True
            return
        rare = [keys for keys in required if not set(keys) & COMMON]
        best = min(rare, key=len) if rare else required[0]
        self.triggers.update(self.nlp.vocab.strings.add(k) for k in best)

    # --- compiling the small pattern language into spaCy Matcher patterns -------------

    def _compile(self, source: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for raw in source.split():
            if raw.startswith("*") and raw[1:].isdigit():
                out.append({"IS_PUNCT": False, "OP": f"{{0,{int(raw[1:])}}}"})
                continue
            optional = raw.endswith("?") and len(raw) > 1
            word = raw[:-1] if optional else raw
            negative = word.startswith("!")
            if negative:
                word = word[1:]
            if word.startswith("="):
                exact = sorted(word[1:].lower().split("|"))
                out.append({"LOWER": {"IN": exact}, **({"OP": "?"} if optional else {})})
                continue
            keys: set[str] = set()
            for alt in word.split("|"):
                if alt.startswith("@"):
                    keys.update(self.macros[alt[1:]])
                else:
                    keys.add(key_of(alt.lower()))
            token: dict[str, Any] = {"NORM": {("NOT_IN" if negative else "IN"): sorted(keys)}}
            if optional:
                token["OP"] = "?"
            out.append(token)
        return out

    # --- deciding whether a match is about the writer, now ----------------------------

    def analyse(self, text: str) -> RiskResult:
        if not text or not text.strip():
            return RiskResult()
        doc = tokens(text)
        keys = [t._.key for t in doc]
        sentences = _sentence_of(doc)
        matches = []
        for s_start, s_end in sorted(set(sentences)):
            span = doc[s_start:s_end]
            if not self.always and not any(t.norm in self.triggers for t in span):
                continue
            matches.extend((m, s_start + a, s_start + b) for m, a, b in self.matcher(span))
        idioms = [(s, e) for m, s, e in matches if self.nlp.vocab.strings[m].startswith("idiom:")]
        found: dict[str, list[Span]] = {}
        for match_id, start, end in matches:
            label = self.nlp.vocab.strings[match_id]
            spec = self.specs.get(label)
            if spec is None:
                continue
            if any(s < end and start < e for s, e in idioms):
                continue
            if not self._holds(doc, keys, sentences, spec, start, end):
                continue
            span = doc[start:end]
            found.setdefault(spec.category, []).append(
                Span(spec.category, span.start_char, span.end_char, span.text, spec.source)
            )
        categories = tuple(c for c in CATEGORIES if c in found)
        spans = tuple(s for c in categories for s in found[c])
        return RiskResult(categories, spans)

    def _holds(
        self,
        doc: Doc,
        keys: list[str],
        sentences: list[tuple[int, int]],
        spec: _Spec,
        start: int,
        end: int,
    ) -> bool:
        s_start, s_end = sentences[start]
        sentence = keys[s_start:s_end]
        for phrase in spec.unless_next:
            if tuple(keys[end : end + len(phrase)]) == phrase:
                return False
        scope_end = start if spec.literal_negation else end
        if not spec.inherent_negation and self._negated(doc, keys, s_start, start, scope_end):
            return False
        if spec.who_first and not self._writer_is_subject(keys, s_start, start):
            return False
        if _has_any(sentence, self.report):
            return False
        present = _has_any(sentence, self.present)
        if spec.category == "self_harm":
            if _has_any(sentence, self.past) and not present:
                return False
            if _has_any(sentence, self.joke) and not _has_any(sentence, (("not", "joke"),)):
                return False
            if spec.accident and _has_any(sentence, self.accident):
                return False
        else:
            if _has_any(sentence, self.ex):
                return False
            if _has_any(sentence, self.past) and _has_any(keys, self.resolved) and not present:
                return False
            if spec.category in ("partner_violence", "coercive_control") and _has_any(
                sentence, self.play
            ):
                return False
        return True

    def _negated(self, doc: Doc, keys: list[str], s_start: int, start: int, end: int) -> bool:
        clause_start = s_start
        for i in range(start, s_start - 1, -1):
            if doc[i].is_punct or keys[i] in CLAUSE_WORDS:
                clause_start = i + 1
                break
        for i in range(max(clause_start, start - NEGATION_WINDOW), end):
            if keys[i] in NEGATORS:
                nxt = keys[i + 1] if i + 1 < len(keys) else ""
                prev = keys[i - 1] if i > 0 else ""
                if nxt in NOT_NEGATING_NEXT or (keys[i] == "no" and nxt == "longer"):
                    continue
                if nxt in CANNOT_STOP and prev in ("can", "could"):
                    continue
                return True
        return False

    def _writer_is_subject(self, keys: list[str], s_start: int, start: int) -> bool:
        for i in range(start - 1, s_start - 1, -1):
            if keys[i] in FIRST_PERSON:
                return True
            if keys[i] in self.others:
                return False
        return True


def _sentence_of(doc: Doc) -> list[tuple[int, int]]:
    """For each token index, the (start, end) of its sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate(doc):
        text = tok.text.strip() or "\n"
        if text in SENTENCE_END or set(text) <= {".", "!", "?"} or "\n" in tok.text:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(doc):
        bounds.append((start, len(doc)))
    out: list[tuple[int, int]] = []
    for s, e in bounds:
        out.extend([(s, e)] * (e - s))
    return out


def _has_any(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        first = phrase[0]
        for i, k in enumerate(keys):
            if k == first and tuple(keys[i : i + n]) == phrase:
                return True
    return False


_engine: _Engine | None = None
_lock = threading.Lock()


def engine() -> _Engine:
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
                _engine = _Engine(data)
    return _engine


def analyse(text: str) -> RiskResult:
    """The risk categories found in `text` (a writer's own words), in a fixed order."""
    return engine().analyse(text)

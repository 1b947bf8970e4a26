"""Risk detection in free text: self-harm, partner violence, fear of a partner, coercive control.

`analyse(text)` is offline, CPU-only and takes milliseconds per entry. Patterns live
in `data/risk_patterns.yaml` and each category's `data/risk_<category>.yaml` (data); this
module holds the logic that decides whether a pattern match is about the writer, now:

* **Negation and its scope.** A negator (not, n't, never, no, nobody, nothing, without ...)
  cancels a match when it sits inside the match, or before it in the *same clause*: at most
  five words back, never across punctuation or a clause word (and, but, so, because, then,
  when, if, after ...), and never across the subject of the match's own clause. So "I would
  never hurt myself", "he has never hit me" and "I'm not scared of him" do not fire, while in
  "I never told anyone he hits me", "I can't tell anyone that I want to die" and "it's not
  the first time he hit me" the negation belongs to the telling or to "the first time", not to
  the disclosure after it. A negated "think/believe" is the one exception ("I don't think he
  checks my phone" is negated). "not sure"/"don't know" are not negations; "can't stop him
  from hitting me" is not a negation of the hitting. Patterns whose risk *is* a negation
  ("I don't want to be here anymore", "no reason to live", "he won't let me see my friends")
  are marked and are not cancelled.
* **Whose experience.** Self-harm and fear patterns need the writer as the person: the
  nearest person mentioned before the match must be I/me/we (or nobody: a journal's
  implicit "I"). "My friend told me she wants to die" does not fire. Partner violence and
  control patterns name the writer themselves ("hit me", "checks my phone"), so "my
  friend's husband hit her" does not match at all.
* **Reported or fictional speech.** A film, book, show, the news, a course and so on only
  suppress a match that is *about* them: the cue comes before the match in the same clause
  ("the film was about suicide", "in the book he tracks her every move", "a character who
  wants to die"), or a sentence opens with "in the film, ...". The cue never suppresses a
  match with the writer as the experiencer after the cue ("the news made me cry and I want
  to die", "after the lecture I just wanted to die") nor a partner match done to the writer
  ("I came home from the lecture and he hit me"). "Of course", "long story short", "in the
  course of" are not cues. A question ("she asked if I feel unsafe at home") suppresses
  what it asks about in its own clause.
* **Past and resolved.** For self-harm, a past marker in the sentence ("used to", "years
  ago", "as a teenager", "once felt", "since I last", an age such as "when I was 19" or
  "at 16") suppresses the match unless a present marker ("again", "still", "lately",
  "tonight" ...) is there too, and a resolution ("therapy helped", "been clean for")
  suppresses it even then. A self-injury match done by "it" or the partner ("he threw a
  glass and it cut my arm") is not self-harm; the partner pattern finds the violence. For
  partner categories the nearest partner mentioned at or before the match decides: an ex,
  or an old/former/previous/last partner ("my old boyfriend used to check my phone"), does
  not fire; a current one does, even in the same sentence as an ex. A past marker together with a
  resolution ("he has changed", "safe now") suppresses too; a past marker alone about a
  current partner ("my husband used to hit me") still fires.
* **Idioms.** "this traffic is killing me", "I could kill for a coffee", "dying to see it",
  "dead tired", "she knocked me out with that dress", "he kicked me under the table" are
  listed in the data file and any overlapping match is dropped. "He'll kill me if I'm late"
  is treated as an idiom; "he said he'd kill me" and "he'll kill me if I leave" fire.
* **Jokes.** Laughter ("haha", "lol") does not cancel an explicit self-harm statement ("I
  want to die haha" fires); idioms stay suppressed by the idiom list. An explicit
  retraction after the statement ("... jk", "just kidding") does cancel it.
* **Fear, not yet violence.** "I'm scared he'll hurt me" is fear of a partner; the harm it
  fears has not happened, so the violence pattern inside it does not fire on its own.
* **Abbreviations and misspellings.** "kms", "unalive", "wanna die", "i want 2 die",
  "sucide", "sucidal", "kil myself" are normalised in `nlp`. "kys" ("kill yourself") is
  directed at someone else: it is not one of the four categories and does not fire.
* **Accidents, play and ordinary help.** "I cut myself shaving", "she smacked me with a
  cushion", "she checks my phone for the time because hers is broken" do not fire.

* **A partner by name.** "Dev pushed me", "I'm scared of Priya": a first name from
  `data/first_names.txt`, written with a capital, is keyed as `partner` (see `keyed`), unless
  a relation comes before it ("my sister Priya", "my boss Tom"); names that are also words
  ("Will", "Grace") count only inside a sentence.
* **Sport, work, milestones.** Bruises and knocks from a sport played together ("we went
  paintballing", "touch rugby") do not fire unless the gravest harm is named too (choking,
  "on purpose"). A paramedic's "two overdoses tonight", a dissertation or crisis-line
  role-play, a hangover's "I want to die" and "two years self-harm free" do not fire; nor
  does "five years ago today". A retraction may open the next sentence ("... off a bridge.
  Kidding, obviously."). "He's never once said I can't see my friends" is a double negation.
  Self-harm words inside quotation marks that someone other than the writer said or wrote
  are theirs ("my coworker keeps saying 'I want to die' about spreadsheets"), and so are a
  relation's words about their own partner ('a text from my sister: "he took my keys"').
  A year three or more years back dates the sentence ("That was 2010."), "the last thing
  I'd ever do is ..." is a denial, and "twelve years ago tonight" an anniversary.

* **A learned second opinion.** After the rules, `model.py` (logistic regressions trained
  offline from our labelled sets: one per category and a pooled one for risk of any kind)
  scores each sentence, and each pair of neighbouring sentences (`MODEL_WINDOW`; a pair
  must be surer for fear and control, `MODEL_PAIR_MARGIN`: on sets it had not read pairs
  added three to four points of recall, on ordinary entries they cost about a point of
  false alarms). When the pooled output is at least 95% sure, and the likeliest
  category's own output at least half sure, it gives one vote to the likeliest category
  that passes the guards, and a category's own output adds its category when it is 97%
  sure. When neither learned model sees any sign of risk anywhere in an entry, the rules'
  matches are set aside as look-alikes (`MODEL_VETO`). It never overrules the guards: a
  sentence where a pattern matched and a guard judged it safe, or that holds an idiom,
  stays safe (and the pooled vote is not passed on to another category there); so does
  one naming a film or book, a resolution or (for the partner categories) an ex, and
  partner categories need a word for the writer (I, me, my, we ...) and one for the
  partner (he, her, my wife, a first name). Sentences under four words ("It was me.") are
  not given to it, nor is self-harm when the sentence is about someone else ("my sister's
  been cutting again"). `USE_MODEL = False` turns it off.

The result carries the categories in a fixed order and, for debugging only, the spans that
fired. Nothing is stored or logged here.
"""

from __future__ import annotations

import datetime
import itertools
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc

from turntoward.language.nlp import key_of, nlp, tokens, word_set

CATEGORIES = ("self_harm", "partner_violence", "fear_of_partner", "coercive_control")
# The learned model's pooled score for any of the four (model.py).
ANY = "any"
PATTERNS_FILE = Path(__file__).parent / "data" / "risk_patterns.yaml"
# Words that put the writer in a sentence, for the learned model's partner categories.
LEARNED_WRITER = frozenset(["i", "me", "my", "mine", "myself", "we", "us", "our", "i'm", "im"])
# Whether analyse() adds the learned model's second opinion (model.py) to the rules.
USE_MODEL = True
# The model does not judge a sentence of fewer words than this ("I like it.").
MODEL_MIN_WORDS = 4
# The model also reads each run of up to this many neighbouring sentences ("He has been
# drinking since lunch. I have taken the kids upstairs and we are being very quiet.").
MODEL_WINDOW = 2
# ... but a pair must be surer than a sentence for fear and control: on ordinary entries
# pairs doubled the false alarms (2.7% -> 4.7%), mostly of fear; with these margins 3.0%,
# keeping about two thirds of the pairs' recall on held-out batches.
MODEL_PAIR_MARGIN = {"fear_of_partner": 0.1, "coercive_control": 0.05}
# When the network's highest probability for every stretch of an entry it read is below
# MODEL_VETO, and the pooled linear model's is below LINEAR_VETO, the rules' matches are
# set aside. The network alone at 0.2 took false alarms on blind4-6 (read by neither model
# nor, for 5 and 6, the rules) from 7.8% to 5.2% for 0.4 points of recall. Both models
# must agree, and a sentence where the rules weighed an ex or a year keeps its reading
# (`_Engine._weighed`): there both models have blind spots ("He has kept my passport since
# 2019." scored 0.003 and 0.008).
MODEL_VETO = 0.2
LINEAR_VETO = 0.3
# The pooled output's vote counts only when the likeliest category's own output is at least
# this: sad entries about distance ("I feel so far away from him tonight") score high on
# risk of any kind but on no category (see bench/train_risk_model.py).
POOLED_CATEGORY_MIN = 0.5

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
        "then",
        "after",
        "before",
    ]
)
# Punctuation that does not end a clause ("ex-husband", "self-harm", quotes).
NOT_A_BREAK = frozenset({"-", "'", '"', "’", "‘", "“", "”"})
# Words after which a statement has ended ("I can't go on and ...", not "... go on holiday").
ENDING_WORDS = frozenset({"and", "but", "so", "because", "though", "although", "anymore"})
# Punctuation a pattern's gap (`*N`) does not cross.
GAP_BREAKS = sorted(
    {".", ",", ";", ":", "!", "?", "...", "…", "(", ")", "[", "]", "--", "—", "–", "!!", "??"}
    | {"?!", "!?", "/", "\n", "\n\n"}
)
# The subject of a new clause: a negation before it belongs to the clause before.
SUBJECTS = frozenset({"i", "he", "she", "we", "they", "you"})
# "I don't think he checks my phone": the negation of these verbs moves into what follows.
NEG_RAISERS = frozenset({"think", "believe", "suppose", "reckon", "expect", "imagine", "feel"})
# Words that make a partner match a feared future rather than something that happened.
FEAR_WORDS = frozenset(
    {"afraid", "scared", "terrified", "frightened", "petrified", "worry", "fear", "nervous"}
)
REPORTED_THREAT = frozenset(
    {"say", "tell", "threaten", "swear", "promise", "warn", "text", "message", "scream", "yell"}
)
INVERTED_AUX = frozenset(["have", "do", "would", "will", "can", "be", "could", "should"])
LAUGHTER = frozenset(["lol", "lmao", "lmfao", "haha", "hahaha", "rofl", "😂", "🤣", "xd"])
LETTING = frozenset({"let", "allow", "stop", "forbid"})
MODALS = frozenset({"will", "would", "might", "could", "may", "shall"})
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
# The writer as the one who experiences something after a report cue.
EXPERIENCER = frozenset(["i", "me", "myself"])
# The writer inside a partner match ("he hits me", "checks my phone").
WRITER_IN_MATCH = frozenset(["i", "me", "my", "myself", "us", "our"])
NOT_RETRACTED = (("not", "joking"), ("not", "kidding"), ("no", "joke"))
# Owners that make a partner noun someone else's ("her husband", "my sister's boyfriend").
OTHER_OWNERS = frozenset({"'s", "her", "his", "their", "your", "its", "s"})
# The writer in a sentence, for the learned model's self-harm opinion.
SELF_WORDS = frozenset(["i", "me", "myself", "i'm", "im"])
# After a person, words that make them the subject ("my sister's been cutting").
OTHER_DOES = frozenset(["'s", "be", "have", "keep", "say", "tell", "would", "will", "want"])
# Something other than the writer doing the harm ("the cat scratched my face").
ANIMALS = frozenset(
    {"cat", "cats", "kitten", "dog", "dogs", "puppy", "hamster", "parrot", "rabbit", "horse"}
    | {"baby", "toddler"}
)
PARTNER_CATEGORIES = frozenset({"partner_violence", "fear_of_partner", "coercive_control"})


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
    subject_first: bool
    unless_next: tuple[tuple[str, ...], ...]
    unless_prev: frozenset[str]
    unless_near: frozenset[str]
    near_window: int
    needs_negation: bool
    clause_end: bool
    benign: str
    needs_partner: str  # "", "sentence" or "text"


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kind: str  # "media", "topic", "question" or "after"


def _scope(value: Any) -> str:
    """`needs_partner: true` means anywhere in the text; `sentence` means the same sentence."""
    if not value:
        return ""
    return "text" if value is True else str(value)


def _benign_list(value: Any) -> str:
    """`benign: true` means the ordinary-purpose list; a string names another list."""
    if not value:
        return ""
    return "purpose" if value is True else str(value)


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(key_of(w) for w in str(text).lower().split())


def _phrases(items: list[Any]) -> _PhraseList:
    return _PhraseList(_phrase(i) for i in items)


def _written(items: list[Any]) -> _PhraseList:
    return _PhraseList(tuple(str(i).lower().split()) for i in items)


class _Engine:
    def __init__(self, data: dict[str, Any]) -> None:
        self.nlp = nlp()
        # One small Matcher per trigger word (see `_add`): a sentence runs only the
        # patterns whose rarest required word it holds, so long entries stay fast.
        self.buckets: dict[int, Matcher] = {}
        self.rarity = _rarity_of_words()
        self.macros = {
            name: sorted({key_of(str(w).lower()) for w in words})
            for name, words in data["macros"].items()
        }
        self.partner_subjects = frozenset(self.macros["PSUBJ"])
        self.partner_nouns = frozenset(self.macros["PNOUN"])
        self.specs: dict[str, _Spec] = {}
        self.idiom_unless: dict[str, tuple[tuple[str, ...], ...]] = {}
        # Idioms that cancel any match they overlap, even one that holds them and says more.
        self.strong_idioms: set[str] = set()
        for i, idiom in enumerate(data["idioms"]):
            if isinstance(idiom, str):
                idiom = {"p": idiom}
            label = f"idiom:{i}"
            self.idiom_unless[label] = _phrases(idiom.get("unless_next", []))
            if idiom.get("strong"):
                self.strong_idioms.add(label)
            self._add(label, self._compile(idiom["p"]))
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
                first = source.split()[0].lower()
                near = entry.get("unless_near") or {}
                label = f"{category}:{i}"
                self.specs[label] = _Spec(
                    category=category,
                    source=source,
                    who_first=who_first,
                    inherent_negation=bool(entry.get("inherent_negation")),
                    literal_negation=bool(words & NEGATORS),
                    accident=bool(entry.get("accident")),
                    subject_first=first == "@psubj" or first in self.partner_subjects,
                    unless_next=_phrases(entry.get("unless_next", [])),
                    unless_prev=frozenset(
                        key_of(str(w).lower()) for w in entry.get("unless_prev", [])
                    ),
                    unless_near=frozenset(key_of(str(w).lower()) for w in near.get("words", [])),
                    near_window=int(near.get("window", 0)),
                    needs_negation=bool(entry.get("needs_negation")),
                    clause_end=bool(entry.get("clause_end")),
                    benign=_benign_list(entry.get("benign")),
                    needs_partner=_scope(entry.get("needs_partner")),
                )
                self._add(label, self._compile(source))
        cues = data["report_cues"]
        self.cues = {kind: _written(cues[kind]) for kind in ("media", "topic", "question", "after")}
        self.cue_exceptions = _written(cues["not_cues"])
        self.scene_openers = frozenset(str(w).lower() for w in cues["scene_openers"])
        self.past = _phrases(data["past_cues"])
        self.resolved = _phrases(data["resolved_cues"])
        self.present = _phrases(data["present_cues"])
        self.ex = _phrases(data["ex_cues"])
        self.ex_modifiers = frozenset(key_of(str(w).lower()) for w in data["ex_modifiers"])
        self.accident = _phrases(data["accident_cues"])
        self.play = _phrases(data["play_cues"])
        self.severe = _phrases(data["severe_cues"])
        # Sport and games explain bruises and knocks; only the gravest harm outweighs them.
        self.sport = _phrases(data["sport_cues"])
        self.grave = _phrases(data["grave_cues"])
        self.benign = {name: _phrases(items) for name, items in data["benign_cues"].items()}
        self.partner_words = (
            frozenset(self.macros["PSUBJ"]) | frozenset(self.macros["POBJ"]) | {"his"}
        )
        self.retraction = _written(data["retraction_cues"])
        self.others = frozenset(key_of(str(w).lower()) for w in data["others"])

    def _add(self, label: str, compiled: list[dict[str, Any]]) -> None:
        """Add a pattern to the bucket of each word of its rarest required token.

        Every pattern needs at least one word (the compiler never makes a pattern of gaps
        and optional words alone); the one chosen is the required token whose words are
        least often seen in our labelled sets, so few sentences hold it."""
        required = [
            t["NORM"]["IN"] for t in compiled if not t.get("OP") and t.get("NORM", {}).get("IN")
        ]
        required += [t["LOWER"]["IN"] for t in compiled if not t.get("OP") and "LOWER" in t]
        if not required:
            raise ValueError(f"risk pattern {label} needs at least one required word")
        best = min(required, key=lambda words: sum(self.rarity(w) for w in words))
        for word in best:
            key = self.nlp.vocab.strings.add(word)
            if key not in self.buckets:
                self.buckets[key] = Matcher(self.nlp.vocab)
            self.buckets[key].add(label, [compiled])

    # --- compiling the small pattern language into spaCy Matcher patterns -------------

    def _compile(self, source: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        previous = ""
        for raw in source.split():
            if (raw == "@POBJ" or (raw == "@PSUBJ" and out)) and previous not in ("my", "my?"):
                # "afraid to disagree with (my) husband": a partner noun may take "my".
                out.append({"NORM": {"IN": ["my", "our"]}, "OP": "?"})
            previous = raw
            if raw.startswith("*") and raw[1:].isdigit():
                # Any words but a clause break: hyphens and quotes do not end a gap.
                out.append({"ORTH": {"NOT_IN": GAP_BREAKS}, "OP": f"{{0,{int(raw[1:])}}}"})
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
        doc = keyed(text)
        sentences = _sentence_of(doc)
        found_matches: set[tuple[int, int, int]] = set()
        buckets = self.buckets
        for s_start, s_end in sorted(set(sentences)):
            span = doc[s_start:s_end]
            present = {t.norm for t in span} | {t.lower for t in span}
            for word in present:
                bucket = buckets.get(word)
                if bucket is not None:
                    found_matches.update((m, s_start + a, s_start + b) for m, a, b in bucket(span))
        # In text order (the first span that holds is the one reported for a category).
        matches = sorted(found_matches, key=lambda m: (m[1], m[2], m[0]))
        learned = learned_model()
        if not matches and learned is None:
            return RiskResult()
        keys = [t.norm_ for t in doc]  # the key (nlp.tokens writes it to NORM)
        ctx = _Context(doc, keys, [t.lower_ for t in doc], sentences)
        idioms = []
        strong = []
        for m, s, e in matches:
            label = self.nlp.vocab.strings[m]
            if label.startswith("idiom:") and not any(
                _next_is(keys, e, p) for p in self.idiom_unless[label]
            ):
                idioms.append((s, e))
                if label in self.strong_idioms:
                    strong.append((s, e))
        found: dict[str, list[Span]] = {}
        # (category, sentence start) where a pattern matched but a guard judged it safe, and
        # every category in a sentence holding an idiom ("this traffic is killing me").
        judged_safe: set[tuple[str, int]] = {
            (c, ctx.sentences[s][0]) for s, _e in idioms for c in CATEGORIES
        }
        rule_starts: list[int] = []
        for match_id, start, end in matches:
            label = self.nlp.vocab.strings[match_id]
            spec = self.specs.get(label)
            if spec is None or spec.category in found:
                continue  # one span per category is enough (spans are for debugging)
            # An idiom cancels a risk match it overlaps, unless the match holds the idiom
            # and says more ("I wish I could die" holds "could die").
            if (
                any(
                    s < end and start < e and not (start <= s and e <= end and e - s < end - start)
                    for s, e in idioms
                )
                or any(s < end and start < e for s, e in strong)
                or (spec.category == "self_harm" and self._hyperbole(ctx, idioms, start))
                or not self._holds(ctx, spec, start, end)
            ):
                judged_safe.add((spec.category, ctx.sentences[start][0]))
                continue
            span = doc[start:end]
            found.setdefault(spec.category, []).append(
                Span(spec.category, span.start_char, span.end_char, span.text, spec.source)
            )
            rule_starts.append(start)
        if learned is not None:
            rule_sentences = {ctx.sentences[s] for s in rule_starts}
            highest = self._add_learned(learned, ctx, found, judged_safe)
            if (
                highest is not None
                and highest[0] < MODEL_VETO
                and highest[1] < LINEAR_VETO
                and not any(self._weighed(ctx, s, e) for s, e in rule_sentences)
            ):
                # Both learned models read every sentence and found no sign of risk of any
                # kind anywhere in the entry: the rules' matches are look-alikes ("Mira is
                # going to strangle me when she finds out I spoiled the finale.").
                found = {}
        categories = tuple(c for c in CATEGORIES if c in found)
        spans = tuple(s for c in categories for s in found[c])
        return RiskResult(categories, spans)

    def _add_learned(
        self, learned, ctx: _Context, found, judged_safe
    ) -> tuple[float, float] | None:
        """The learned model's second opinion, sentence by sentence and pair by pair, for
        categories the rules did not find. A sentence where a pattern matched and a guard
        judged it safe (negation, someone else, fiction, the resolved past, an idiom) stays
        safe, and so does one that names an ex, a film or book, or a resolution.

        Returns the highest probability of any kind the network gave any stretch it read,
        and the linear model's highest, or None when every stretch was too short to judge."""
        from turntoward.language.model import features_of

        keys, lowers = ctx.keys, ctx.lowers
        spans = sorted(set(ctx.sentences))
        windows = [(s, e, (s,)) for s, e in spans]
        for size in range(2, MODEL_WINDOW + 1):
            windows += [
                (spans[i][0], spans[i + size - 1][1], tuple(sp[0] for sp in spans[i : i + size]))
                for i in range(len(spans) - size + 1)
            ]
        highest = None
        for s_start, s_end, parts in windows:
            sentence = keys[s_start:s_end]
            if sum(1 for k in sentence if k[:1].isalnum()) < MODEL_MIN_WORDS:
                continue  # "It was me.": too little for the model to judge
            feats = features_of(sentence, lowers[s_start:s_end])
            probs = learned.probabilities(feats)
            highest = (
                max(highest[0] if highest else 0.0, *probs.values()),
                max(highest[1] if highest else 0.0, learned.linear(feats)),
            )
            pair = len(parts) > 1
            p_any = probs.pop(ANY, None)
            # The pooled output (`any`), when sure there is risk and the likeliest category
            # is at least half sure, gives one vote to the likeliest category that passes
            # the guards; a category's own output adds it too.
            pooled = (
                p_any is not None
                and p_any >= _learned_threshold(learned, ANY, pair)
                and max(probs.values()) >= POOLED_CATEGORY_MIN
            )
            for category in sorted(probs, key=probs.__getitem__, reverse=True):
                own = probs[category] >= _learned_threshold(learned, category, pair)
                if not (own or pooled):
                    continue
                if category in found:
                    pooled = False
                    continue
                if any((category, part) in judged_safe for part in parts):
                    # A guard judged this sentence's risk words safe ("I don't think he
                    # checks my phone"): the pooled vote is not passed on to another category.
                    pooled = False
                    continue
                if self._learned_vetoed(sentence, lowers[s_start:s_end], category):
                    continue
                pooled = False
                first, last = ctx.doc[s_start], ctx.doc[s_end - 1]
                text = ctx.doc.text[first.idx : last.idx + len(last.text)]
                found[category] = [
                    Span(category, first.idx, last.idx + len(last.text), text, "model")
                ]
        return highest

    def _weighed(self, ctx: _Context, s_start: int, s_end: int) -> bool:
        """Whether a sentence holds an ex or a year, cues the rules' guards weigh, and the
        rules still found risk in it: the learned models lean hard on those cues as signs
        of a story that is over ("He punched me last night, just like my ex used to." and
        "He has kept my passport since 2019." score near 0), so there the rules stand."""
        sentence = ctx.keys[s_start:s_end]
        return _has_any(sentence, self.ex) or any(
            _year_of(t.text) is not None for t in ctx.doc[s_start:s_end]
        )

    def cue_found(self, kind: str, words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """Each (position, phrase) of a report cue of this kind in `words`, but for those
        inside a phrase that is not a cue ("of course", "my books")."""
        blocked: set[int] = set()
        for i, phrase in self.cue_exceptions.find_in(words):
            blocked.update(range(i, i + len(phrase)))
        return [
            (i, phrase)
            for i, phrase in self.cues[kind].find_in(words)
            if not blocked & set(range(i, i + len(phrase)))
        ]

    def _learned_vetoed(self, sentence: list[str], lowers: list[str], category: str) -> bool:
        if _has_any(sentence, self.resolved):
            return True
        if self.cue_found("media", lowers):
            return True
        for i, _phrase in self.cue_found("topic", lowers):
            # "he talked about burning the house down with me in it" is the partner's
            # threat, not a topic: a topic the partner raises does not veto.
            if category == "self_harm" or not any(
                k in self.partner_subjects for k in sentence[max(0, i - 2) : i]
            ):
                return True
        if category == "self_harm":
            # The past, unless something says it is back ("I used to cut; lately again").
            if not any(k in SELF_WORDS for k in sentence) and any(
                k in self.others and nxt in OTHER_DOES for k, nxt in itertools.pairwise(sentence)
            ):
                return True  # "my sister's been cutting again": someone else, not the writer
            return _has_any(sentence, self.past) and not self._present(sentence)
        if category == "fear_of_partner" and any(
            k in FEAR_WORDS and any(n in NEGATORS for n in sentence[max(0, i - 3) : i])
            for i, k in enumerate(sentence)
        ):
            return True  # "I'm never scared with him"
        # Partner harm done to the writer names the writer: "he hit me", "my arm".
        if not any(k in LEARNED_WRITER for k in sentence):
            return True
        # ... and names the partner ("he", "her", "my wife", a first name).
        if not any(k in self.partner_words for k in sentence):
            return True
        return _has_any(sentence, self.ex)

    def _holds(self, ctx: _Context, spec: _Spec, start: int, end: int) -> bool:
        keys = ctx.keys
        s_start, s_end = ctx.sentences[start]
        sentence = keys[s_start:s_end]
        for phrase in spec.unless_next:
            if _next_is(keys, end, phrase):
                return False
        if spec.unless_prev and start > s_start and keys[start - 1] in spec.unless_prev:
            return False
        if spec.unless_near:
            stop = min(ctx.clause_end(end), end + spec.near_window)
            if any(k in spec.unless_near for k in keys[end:stop]):
                return False
        if spec.clause_end and not ctx.ends_clause(end):
            return False
        if spec.needs_partner:
            where = sentence if spec.needs_partner == "sentence" else keys
            if not any(k in self.partner_words for k in where):
                return False
        if spec.needs_negation and not self._negated(ctx, spec, start, start, before_only=True):
            return False
        if spec.literal_negation and self._double_negation(keys, start, end):
            return False  # "he's never once said I can't see them"
        scope_end = start if spec.literal_negation else end
        if (
            not spec.inherent_negation
            and not spec.needs_negation
            and self._negated(ctx, spec, start, scope_end)
        ):
            return False
        if spec.who_first and not self._writer_is_subject(keys, s_start, start):
            return False
        if self._reported(ctx, spec, s_start, s_end, start, end):
            return False
        if _last_thing(keys, s_start, s_end, start):
            return False
        present = self._present(sentence)
        if spec.category == "self_harm":
            if start > s_start and (
                keys[start - 1] == "it"
                or keys[start - 1] in self.partner_subjects
                or keys[start - 1] in ANIMALS
            ):
                return False  # "he threw a glass and it cut my arm": not done by the writer
            if _quoted_from_other(ctx, s_start, start):
                return False  # "my sister messaged 'i want to die'": her words, not the writer's
            past = (
                _has_any(sentence, self.past)
                or _age_past(ctx.doc, s_start, s_end)
                or _year_past(ctx, s_start, s_end)
            )
            if past and (not present or _has_any(sentence, self.resolved)):
                return False  # "used to ... years ago", "... as a teenager but not anymore"
            # A retraction later in the sentence, or opening the next one ("... a bridge.
            # Kidding, obviously.").
            after = ctx.lowers[end:s_end] + ctx.lowers[s_end : s_end + 3]
            if any(_find(after, p) for p in self.retraction) and not any(
                _find(ctx.lowers[s_start : s_end + 3], p) for p in NOT_RETRACTED
            ):
                return False
            return not (spec.accident and _has_any(sentence, self.accident))
        if self._someone_elses(ctx, spec, start):
            return False
        if spec.category == "coercive_control" and _asked_by_writer(keys, s_start, start):
            return False
        if self._said_by_relation(ctx, spec, s_start, start):
            return False
        if (
            spec.category == "partner_violence"
            and not spec.subject_first
            and self._done_by_other(ctx, s_start, start)
        ):
            return False
        if self._about_ex(ctx, s_start, s_end, start, end):
            return False
        if _quoted_from_relation(ctx, s_start, s_end, start):
            return False
        if _has_any(sentence, self.past) and _has_any(keys, self.resolved) and not present:
            return False
        if _year_past(ctx, s_start, s_end) and not present:
            return False  # "He kept my passport for two years. That was Dubai, that was 2010."
        if spec.category in ("partner_violence", "coercive_control") and (
            (_has_any(sentence, self.play) and not _has_any(sentence, self.severe))
            or (_has_any(sentence, self.sport) and not _has_any(sentence, self.grave))
        ):
            return False
        if spec.benign and _has_any(sentence, self.benign[spec.benign]):
            return False
        return not (
            spec.category == "partner_violence" and self._feared_not_done(ctx, s_start, start, end)
        )

    def _hyperbole(self, ctx: _Context, idioms: list[tuple[int, int]], start: int) -> bool:
        """ "this homework is killing me, i want to die lol": an idiom and laughter in the
        same sentence make its "want to die" a figure of speech (laughter alone does not)."""
        s_start, s_end = ctx.sentences[start]
        if not any(w in LAUGHTER for w in ctx.lowers[s_start:s_end]):
            return False
        # "lol if i have to redo this one more time i'm gonna die": a future "going to die".
        if ctx.keys[start : start + 3] in (["go", "to", "die"], ["gon", "to", "die"]):
            return True
        return any(s_start <= s < s_end for s, _e in idioms)

    def _double_negation(self, keys: list[str], start: int, end: int) -> bool:
        """A negated saying or letting before the pattern's own negation: "he has never
        said I can't", "she never told me I couldn't" (not "I wouldn't mind if I didn't")."""
        negators = [i for i in range(start, end) if self._negator_at(keys, i)]
        if len(negators) < 2:
            return False
        first = negators[0]
        return any(k in REPORTED_THREAT or k in LETTING for k in keys[first + 1 : first + 4])

    def _present(self, sentence: list[str]) -> bool:
        """A present marker ("again", "lately", "today"), not "five years ago today" (nor
        "twelve years ago tonight", "a year ago this week")."""
        for phrase in self.present:
            for i in _find(sentence, phrase):
                anniversary = phrase in (("today",), ("tonight",), ("this", "week"))
                if not (anniversary and i > 0 and sentence[i - 1] == "ago"):
                    return True
        return False

    def _negator_at(self, keys: list[str], i: int) -> bool:
        if keys[i] not in NEGATORS:
            return False
        nxt = keys[i + 1] if i + 1 < len(keys) else ""
        prev = keys[i - 1] if i > 0 else ""
        if nxt in NOT_NEGATING_NEXT or (keys[i] == "no" and nxt == "longer"):
            return False
        if nxt in CANNOT_STOP and prev in ("can", "could"):
            return False
        # "not the first time", "not the only one": an affirmation, not a negation.
        return not (nxt == "the" and i + 2 < len(keys) and keys[i + 2] in ("first", "only", "last"))

    def _negated(
        self, ctx: _Context, spec: _Spec, start: int, end: int, before_only: bool = False
    ) -> bool:
        keys = ctx.keys
        if not before_only and any(self._negator_at(keys, i) for i in range(start, end)):
            return True
        clause_start = ctx.clause_start(start)
        if spec.subject_first and self._inverted_negation(keys, clause_start, start):
            return True
        if spec.subject_first:
            # The match opens its own clause with its subject ("he hits me"): a negation
            # before it belongs to another clause, unless it is "I don't think ...".
            return self._neg_raised(keys, clause_start, start)
        for i in range(start - 1, max(clause_start, start - NEGATION_WINDOW) - 1, -1):
            if keys[i] in SUBJECTS and not (i > 0 and self._negator_at(keys, i - 1)):
                # "I never told anyone [I want to die]": the subject of the match's clause.
                if self._inverted_negation(keys, clause_start, i):
                    return True
                return self._neg_raised(keys, clause_start, i)
            if self._negator_at(keys, i):
                return True
        return False

    def _inverted_negation(self, keys: list[str], clause_start: int, subject: int) -> bool:
        """ "Not once in eight years has he made me feel unsafe": a negation, then an
        auxiliary before the subject."""
        if subject - 1 < clause_start or keys[subject - 1] not in INVERTED_AUX:
            return False
        return any(self._negator_at(keys, i) for i in range(clause_start, subject - 1))

    def _neg_raised(self, keys: list[str], clause_start: int, subject: int) -> bool:
        j = subject - 1
        if j >= clause_start and keys[j] in ("that", "like", "as"):
            j -= 1  # "I don't feel like I have to ...", "I don't think that he ..."
        if j < clause_start or keys[j] not in NEG_RAISERS:
            return False
        return any(self._negator_at(keys, i) for i in range(max(clause_start, j - 3), j))

    def _writer_is_subject(self, keys: list[str], s_start: int, start: int) -> bool:
        for i in range(start - 1, s_start - 1, -1):
            if keys[i] in FIRST_PERSON:
                return True
            if keys[i] in self.others and not _is_object(keys, s_start, i):
                return False
        return True

    def _reported(
        self, ctx: _Context, spec: _Spec, s_start: int, s_end: int, start: int, end: int
    ) -> bool:
        """True when the match is about a film, a book, the news ... or asked about."""
        cues = ctx.cues_of(self, s_start, s_end)
        if not cues:
            return False
        writer_in_match = any(ctx.lowers[i] in WRITER_IN_MATCH for i in range(start, end))
        for cue in cues:
            if cue.kind == "after":
                # "suicide prevention", "self-harm awareness": right after the match.
                if cue.start == end:
                    return True
                continue
            if cue.end > start:
                continue
            same_clause = ctx.clause_start(start) <= cue.start
            if cue.kind == "question":
                # "she asked if I ever feel unsafe at home": the clause the question opens.
                if ctx.clause_start(start) <= cue.end:
                    return True
                continue
            # "In the film, he locks her in": a scene set at the start of the sentence.
            opens_scene = cue.start - s_start <= 3 and any(
                ctx.lowers[k] in self.scene_openers for k in range(s_start, cue.start)
            )
            if not same_clause and not opens_scene:
                continue
            if writer_in_match and spec.category != "self_harm":
                continue  # "... and he hit me", "the film made me feel scared of him"
            if any(ctx.lowers[i] in EXPERIENCER for i in range(cue.end, start)):
                continue  # "the news made me cry and I want to die"
            return True
        return False

    def _someone_elses(self, ctx: _Context, spec: _Spec, start: int) -> bool:
        """ "my friend's husband controls her money": another person's partner."""
        if not spec.subject_first:
            return False
        keys = ctx.keys
        if (
            keys[start] in self.partner_nouns
            and start + 2 < len(keys)
            and keys[start + 1] == "'s"
            and keys[start + 2] in self.others
        ):
            return True  # "my wife's mum scares the life out of me": her mother, not her
        if start == 0:
            return False
        return keys[start] in self.partner_nouns and keys[start - 1] in OTHER_OWNERS

    def _said_by_relation(self, ctx: _Context, spec: _Spec, s_start: int, start: int) -> bool:
        """ "My sister says she'll kill me if I tell", "the landlord said he'll kill the
        deposit": a relation, not the partner, says it."""
        keys = ctx.keys
        verb = start if keys[start] in REPORTED_THREAT else start - 1
        if spec.subject_first:
            # The pronoun opens the match; the saying comes just before it.
            if keys[start] not in ("he", "she"):
                return False
            if verb > s_start and keys[verb] == "that":
                verb -= 1
        if verb < s_start or keys[verb] not in REPORTED_THREAT:
            return False
        i = verb - 1
        while i >= s_start and keys[i] in ("always", "just", "keep", "literally", "even"):
            i -= 1
        return i >= s_start and keys[i] in RELATIONS

    def _done_by_other(self, ctx: _Context, s_start: int, start: int) -> bool:
        """ "The dog jumped up and knocked me flat": an animal or a small child, named
        before the match and before any partner, does it."""
        keys = ctx.keys
        for i in range(start - 1, max(s_start, start - 5) - 1, -1):
            if keys[i] in self.partner_words or keys[i] in FIRST_PERSON or ctx.doc[i].is_punct:
                return False
            if keys[i] in ANIMALS:
                return True
        return False

    def _about_ex(self, ctx: _Context, s_start: int, s_end: int, start: int, end: int) -> bool:
        """The nearest partner mentioned at or before the match is an ex."""
        keys, lowers = ctx.keys, ctx.lowers
        for j in range(end - 1, -1, -1):
            if keys[j] == "ex" or lowers[j].startswith("ex-"):
                return True
            if keys[j] in self.partner_nouns:
                if any(_next_is(keys, j - len(p), p) for p in self.ex if j >= len(p)):
                    return True  # "back when I was with Dan", "before I left him"
                k = j - 1
                while k >= 0 and keys[k] in ("-", "my", "our", "the", "his", "her"):
                    k -= 1
                # A current partner (no ex/old/former before it) is the nearest one: an ex
                # elsewhere does not matter ("my ex used to hit me and now my husband ...").
                return k >= 0 and keys[k] in self.ex_modifiers
        if _has_any(keys[s_start:end], self.ex):
            return True
        # An ex named after the match is the one it is about ("walk on eggshells around my
        # ex") unless the match names its own person ("he punched me, like my ex used to").
        return _has_any(keys[end:s_end], self.ex) and not any(
            k in self.partner_words for k in keys[start:end]
        )

    def _feared_not_done(self, ctx: _Context, s_start: int, start: int, end: int) -> bool:
        """ "I'm scared he'll hit me": feared harm, not harm done (fear_of_partner)."""
        keys = ctx.keys
        if not any(k in FEAR_WORDS for k in keys[max(s_start, start - 10) : start]):
            return False
        inside = keys[start:end]
        if any(k in REPORTED_THREAT for k in inside[:4]):
            return False  # "I'm scared, he said he'd kill me": a threat made, not feared
        return any(k in MODALS for k in inside) or _has_any(inside, (("go", "to"),))


class _Context:
    """One analysed text: its tokens, keys, sentences and (lazily) its report cues."""

    def __init__(
        self, doc: Doc, keys: list[str], lowers: list[str], sentences: list[tuple[int, int]]
    ):
        self.doc = doc
        self.keys = keys
        self.lowers = lowers
        self.sentences = sentences
        self._cues: dict[int, list[_Cue]] = {}

    def next_sentence_end(self, s_end: int) -> int:
        """Where the sentence after the one ending at `s_end` ends (`s_end` if none)."""
        return self.sentences[s_end][1] if s_end < len(self.keys) else s_end

    def is_break(self, i: int) -> bool:
        tok = self.doc[i]
        if (
            tok.text == ","
            and 0 < i < len(self.keys) - 1
            and self.keys[i - 1] in NEGATORS
            and self.keys[i + 1] in ("ever", "never")
        ):
            return False  # "I would never, ever ..."
        if tok.is_punct and tok.text not in NOT_A_BREAK:
            return True
        return self.keys[i] in CLAUSE_WORDS

    def clause_start(self, i: int) -> int:
        s_start = self.sentences[i][0]
        if self.keys[i] in CLAUSE_WORDS:
            return i  # the match opens its own clause ("... if I was gone")
        for j in range(i - 1, s_start - 1, -1):
            if self.is_break(j):
                return j + 1
        return s_start

    def ends_clause(self, i: int) -> bool:
        """Whether the words before `i` end a statement: end, punctuation, and/but/so."""
        s_end = self.sentences[i - 1][1] if i > 0 else len(self.doc)
        if i >= s_end:
            return True
        tok = self.doc[i]
        return (tok.is_punct and tok.text not in NOT_A_BREAK) or self.keys[i] in ENDING_WORDS

    def clause_end(self, i: int) -> int:
        """The index where the clause that continues at token `i` ends."""
        s_end = self.sentences[i - 1][1] if i > 0 else len(self.doc)
        for j in range(i, s_end):
            if self.is_break(j):
                return j
        return s_end

    def cues_of(self, engine: _Engine, s_start: int, s_end: int) -> list[_Cue]:
        if s_start not in self._cues:
            words = self.lowers[s_start:s_end]
            found = [
                _Cue(s_start + i, s_start + i + len(phrase), kind)
                for kind in engine.cues
                for i, phrase in engine.cue_found(kind, words)
            ]
            self._cues[s_start] = sorted(found, key=lambda c: (c.start, c.end))
        return self._cues[s_start]


class _PhraseList(tuple):
    """Phrases (tuples of words), indexed by their first word for `find_in`."""

    def __new__(cls, phrases):
        self = super().__new__(cls, phrases)
        self.by_first = {}
        for phrase in self:
            self.by_first.setdefault(phrase[0], []).append(phrase)
        return self

    def find_in(self, words: list[str]) -> list[tuple[int, tuple[str, ...]]]:
        """Each (position, phrase) found in `words`, as `_find` finds them (a last word may
        be plural: "films" finds "film")."""
        out = []
        for i, word in enumerate(words):
            for first in (word, word[:-1], word[:-2]) if word.endswith("s") else (word,):
                for phrase in self.by_first.get(first, ()):
                    if (len(phrase) > 1 and first != word) or i + len(phrase) > len(words):
                        continue
                    if _find(words[i : i + len(phrase)], phrase):
                        out.append((i, phrase))
        return out


# People who are not the partner, for `_said_by_relation`.
RELATIONS = word_set(
    "sister brother mum mom mam mother dad father son daughter cousin aunt uncle niece nephew "
    "friend boss manager teacher coach colleague coworker flatmate roommate housemate landlord "
    "neighbour neighbor grandma grandpa nan gran kid child baby toddler"
)
PREPOSITIONS = frozenset(["to", "with", "for", "from", "at", "by", "about", "of", "on"])


def _is_object(keys: list[str], s_start: int, i: int) -> bool:
    """ "gave my guitar to my nephew": a person after a preposition is not the subject,
    unless a relative clause makes them one ("talk to someone who's suicidal")."""
    if i + 1 < len(keys) and keys[i + 1] in ("who", "that", "which", "'s", "whose"):
        return False
    j = i - 1
    if j >= s_start and keys[j] in ("my", "our", "his", "her", "the", "a", "an"):
        j -= 1
    return j >= s_start and keys[j] in PREPOSITIONS


def _plural_match(word: str, target: str) -> bool:
    return word == target or word == target + "s" or word == target + "es"


def _find(words: list[str], phrase: tuple[str, ...]) -> list[int]:
    n = len(phrase)
    out = []
    for i in range(len(words) - n + 1):
        if all(words[i + k] == phrase[k] for k in range(n - 1)) and _plural_match(
            words[i + n - 1], phrase[-1]
        ):
            out.append(i)
    return out


def _next_is(keys: list[str], end: int, phrase: tuple[str, ...]) -> bool:
    return tuple(keys[end : end + len(phrase)]) == phrase


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


def _age_past(doc: Doc, s_start: int, s_end: int) -> bool:
    """ "when I was 19", "at 15", "aged 16": an age names a time in the past."""
    for i in range(s_start + 1, s_end):
        if not doc[i].like_num:
            continue
        prev = doc[i - 1].lower_
        if prev in ("at", "aged", "age") or (
            prev in ("was", "were") and i >= 2 and doc[i - 2].lower_ in ("i", "we")
        ):
            return True
    return False


QUOTES = frozenset(["'", '"', "“", "”", "‘", "’"])
SAYING = REPORTED_THREAT | word_set("write post type tweet whisper mutter sob cry")


def _open_quote(ctx: _Context, s_start: int, start: int) -> int | None:
    """The opening quotation mark before `start` that is still open there, if any. A mark
    opens when it follows a space and leans on the next word; one that leans on the word
    before closes (so the apostrophe of "the kids' room" opens nothing)."""
    doc = ctx.doc
    opening = None
    for i in range(s_start, start):
        if doc[i].text not in QUOTES:
            continue
        leans_back = i > s_start and not doc[i - 1].whitespace_ and not doc[i - 1].is_punct
        if leans_back:
            opening = None
        elif not doc[i].whitespace_:
            opening = i
    return opening


def _quoted_from_other(ctx: _Context, s_start: int, start: int) -> bool:
    """The match is inside quotation marks that someone other than the writer said or
    wrote ("my coworker keeps saying 'I want to die' about spreadsheets")."""
    opening = _open_quote(ctx, s_start, start)
    if opening is None:
        return False
    before = ctx.keys[s_start:opening]
    return any(k in SAYING for k in before) and "i" not in before


WRITER_ASKS = frozenset(["ask", "beg", "invite", "get"])


def _asked_by_writer(keys: list[str], s_start: int, start: int) -> bool:
    """ "I asked Ben to hide my phone so I'd stop doomscrolling": the writer asked for it,
    unless what was asked is to stop ("I asked him to stop reading my messages")."""
    if start - 1 <= s_start or keys[start - 1] not in WRITER_ASKS:
        return False
    if "i" not in keys[max(s_start, start - 4) : start - 1]:
        return False
    after = keys[start + 1 : start + 4]
    return not (after[:1] == ["to"] and any(k in ("stop", "not", "quit", "never") for k in after))


# A year this long ago or more, named in the sentence or the next, dates what it tells.
DATED_PAST_YEARS = 3
NOT_DATING = frozenset(["since", "from", "until", "till", "til"])
# Words that carry a dated sentence on to now.
ONGOING = frozenset(["since", "still", "have", "anymore", "again", "now"])


def _year_of(text: str) -> int | None:
    """The year a token names ("2015", "the 1990s"), or None."""
    digits = text[:4] if len(text) == 5 and text[4] == "s" else text
    if len(digits) == 4 and digits.isdigit() and 1950 <= int(digits) <= 2100:
        return int(digits)
    return None


def _year_past(ctx: _Context, s_start: int, s_end: int) -> bool:
    """ "in the bad years, in 2015", or "That was 2017." just after: a year at least three
    years ago. Not when the sentence runs to now ("since 2019", "we married in 2015 and he
    has hit me ever since")."""
    keys = ctx.keys
    if any(k in ONGOING for k in keys[s_start:s_end]):
        return False
    this_year = datetime.date.today().year
    nxt = ctx.next_sentence_end(s_end)
    if not (
        nxt > s_end
        and keys[s_end] in ("that", "this", "it")
        and keys[s_end + 1 : s_end + 2] == ["be"]
    ):
        nxt = s_end  # a year in the next sentence counts only as "That was 2010."
    for i in range(s_start, nxt):
        year = _year_of(ctx.doc[i].text)
        if year is None or year > this_year - DATED_PAST_YEARS:
            continue
        if i > 0 and ctx.keys[i - 1] in NOT_DATING:
            continue
        return True
    return False


def _quoted_from_relation(ctx: _Context, s_start: int, s_end: int, start: int) -> bool:
    """The match is inside quotation marks, and the words are someone else's about their
    own partner: 'text from my sister tonight: "he took my car keys again"', '"He said he'd
    hurt the dog if I left" - that's what my coworker told me'."""
    opening = _open_quote(ctx, s_start, start)
    if opening is None:
        return False
    before = ctx.keys[s_start:opening]
    if "i" in before:
        return False  # 'I told my sister "he hit me again"': the writer's own words
    if any(k in NOT_PARTNER_BEFORE for k in before):
        return True
    closing = [i for i in range(start, s_end) if ctx.doc[i].text in QUOTES]
    if not closing:
        return False
    # The one who said it named after the quotation, in this sentence or the next, as the
    # subject of the saying ("that's what my coworker told me"), not '"...," I told my mum'.
    nxt = ctx.next_sentence_end(s_end)
    after = ctx.keys[closing[0] + 1 : min(nxt, closing[0] + 12)]
    for j, k in enumerate(after):
        if k == "i":
            return False
        if k in NOT_PARTNER_BEFORE and any(v in SAYING for v in after[j + 1 : j + 3]):
            return True
    return False


def _last_thing(keys: list[str], s_start: int, s_end: int, start: int) -> bool:
    """ "the last thing I'd ever do is hurt myself", "the last thing Thiago would do is make
    me choose": a denial (not "the last thing I remember is him ...", nor "the last thing I
    want is to hurt myself, but I keep doing it")."""
    if any(k in ("but", "yet", "still", "keep", "again") for k in keys[start:s_end]):
        return False
    for p in range(s_start, start + 1):
        if keys[p : p + 2] != ["last", "thing"]:
            continue
        for q in range(p + 3, min(s_end, start + 8)):
            if keys[q] == "be" and keys[q - 1] in ("do", "want", "need", "wish"):
                return True
    return False


def _learned_threshold(learned, category: str, pair: bool) -> float:
    return learned.threshold[category] + (MODEL_PAIR_MARGIN.get(category, 0.0) if pair else 0.0)


def _has_any(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        first = phrase[0]
        for i, k in enumerate(keys):
            if k == first and tuple(keys[i : i + n]) == phrase:
                return True
    return False


def _word_list(path: Path) -> frozenset[str]:
    """The words of a data file of words, its comment lines (`#`) left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return word_set("\n".join(line for line in lines if not line.startswith("#")))


NAMES_FILE = PATTERNS_FILE.parent / "first_names.txt"

# First names that are also ordinary words: at the start of a sentence, where any word
# has a capital, they are read as the word ("Drew the curtains", "Will he change?").
AMBIGUOUS_NAMES = _word_list(NAMES_FILE.parent / "first_names_words.txt")
# Someone named after one of these is not the partner ("my sister Priya", "my boss Tom").
NOT_PARTNER_BEFORE = RELATIONS | word_set(
    """auntie co-worker doctor therapist counsellor counselor granny nana grandmother
    grandfather client stepson stepdaughter mate pal bestie bff classmate ex ex-husband
    ex-wife ex-boyfriend ex-girlfriend ex-partner sis bro son-in-law daughter-in-law
    sister-in-law brother-in-law mother-in-law father-in-law stepmother stepfather stepdad
    stepmum stepmom supervisor tutor student patient dr mr mrs ms miss"""
)


def _names() -> frozenset[str]:
    return _word_list(NAMES_FILE)


_NAMES: frozenset[str] | None = None


def keyed(text: str) -> Doc:
    """`nlp.tokens(text)`, with a partner's first name keyed as `partner`.

    People write about their partner by name ("Dev pushed me", "I'm scared of Priya"); the
    patterns say `@PSUBJ`/`@POBJ` (he, she, partner, husband ...), so a first name from
    `first_names.txt`, written with a capital (or anywhere in a text written all in lower
    case), takes the key `partner` unless the word before makes it someone else ("my
    sister Priya"). The learned model is trained on the
    same keys (`bench/train_risk_model.py`)."""
    global _NAMES
    if _NAMES is None:
        _NAMES = _names()
    doc = tokens(text)
    starts = {s for s, _e in _sentence_of(doc)}
    # Text written all in lower case ("when carlos says my name") writes names so too: a
    # name that is not also an ordinary word counts there without its capital.
    all_lower = not any(ch.isupper() for ch in text)
    for tok in doc:
        if tok.is_title:
            if not (tok.lower_ in _NAMES or tok.lower_ in AMBIGUOUS_NAMES):
                continue
        elif not (
            all_lower
            and len(tok.text) > 2  # "wanna" is "wan" + "na" to the tokenizer
            and tok.lower_ in _NAMES
            and tok.lower_ not in AMBIGUOUS_NAMES
        ):
            continue
        i = tok.i
        at_start = i in starts or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text in '"“(')
        if at_start and tok.lower_ in AMBIGUOUS_NAMES:
            continue
        if i > 0 and doc[i - 1].lower_ in NOT_PARTNER_BEFORE:
            continue
        tok.norm_ = "partner"
        tok._.key = "partner"
    return doc


def load_data() -> dict[str, Any]:
    """The shared data file, with each category's own file (`risk_<category>.yaml`) merged in.

    A category file may hold `patterns` (added to the category), `macros` (new names only),
    `idioms` and `benign_cues` (added to the shared lists)."""
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    for category in CATEGORIES:
        extra_file = PATTERNS_FILE.parent / f"risk_{category}.yaml"
        if not extra_file.exists():
            continue
        extra = yaml.safe_load(extra_file.read_text(encoding="utf-8")) or {}
        for name, words in (extra.get("macros") or {}).items():
            if name in data["macros"]:
                raise ValueError(f"{extra_file.name}: macro {name} is already defined")
            data["macros"][name] = words
        data["categories"][category]["patterns"].extend(extra.get("patterns") or [])
        data["idioms"].extend(extra.get("idioms") or [])
        for name, items in (extra.get("benign_cues") or {}).items():
            data["benign_cues"].setdefault(name, []).extend(items)
    return data


def _rarity_of_words():
    """How common a word is, from the learned model's document frequencies when it is there
    (a word the model never saw is rare), else from the list of grammatical words."""
    from turntoward.language.model import model

    learned = model()
    if learned is None:
        return lambda word: 1.0 if word in COMMON else 0.01
    index, idf = learned.index, learned.idf
    # scikit-learn's smooth idf is ln((1 + n) / (1 + df)) + 1: exp(1 - idf) grows with df.
    return lambda word: (
        (math.exp(1 - idf[index["w:" + word]]) if "w:" + word in index else 1e-4)
        + (1.0 if word in COMMON else 0.0)
    )


def learned_model():
    """The learned second opinion (`model.py`), or None when it is switched off or absent."""
    if not USE_MODEL:
        return None
    from turntoward.language.model import model

    return model()


_engine: _Engine | None = None
_lock = threading.Lock()


def engine() -> _Engine:
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = _Engine(load_data())
    return _engine


def analyse(text: str) -> RiskResult:
    """The risk categories found in `text` (a writer's own words), in a fixed order."""
    return engine().analyse(text)


def warm() -> None:
    """Build the engine and load the model now (about three seconds), so that the first
    person to save an entry after a start does not wait for it. `config/wsgi.py` calls this
    in a background thread when a server process starts."""
    analyse("Warming up: I am fine today.")

"""The I-statement coach: finds what may hurt in a draft and suggests a gentler wording.

``coach(draft)`` runs offline in about a millisecond: spaCy's blank English tokenizer and
``Matcher`` over patterns kept in ``data/coach_patterns.yaml``, with simplemma lemmas. The
draft is first normalised without moving any character offsets that findings point to:
curly apostrophes, stretched letters ("sooo", "neverrr"), a comma between repeated
absolutes ("never, ever") and text-speak ("u", "ur", "youre", "dont", "y cant u") are read
as the words they stand for. A few rules in code then drop matches that the context shows
to be kind ("I feel hurt when you don't reply", "I always love our walks", "Why did you
choose that film?", "Get home safe", "Call me when you land").

The verdict follows one rule, documented here because pages and clients rely on it:

* ``i_statement`` when the draft opens with a first-person feeling ("I feel", "I felt",
  "I need", "I'm hurt", "I was worried", "I get scared", "It hurt me when", "When you…, I
  feel…") and has no blaming, labelling or contempt, *or* when nothing was found at all.
  The coach answers "is there anything to soften?"; a plain, kind request ("Could you pick
  up bread?") has nothing to soften, so calling it "could be gentler" would nag the writer
  for no reason. Pages word this verdict as "this reads kindly" unless the draft really is
  an I-statement. "I feel like you…" and "I feel that you…" are not feelings but verdicts
  on the partner, so they do not count.
* ``hurtful`` when there is a label, contempt, or blame together with an absolute.
* ``gentler`` for every other finding (blame alone, absolutes, demands, "why don't you"
  questions, mind-reading).

The suggestion is always a whole sentence: "I feel/felt <feeling> when <what happened>,
and I need <need>." built from the draft with labels and absolutes taken out. When nothing
concrete is left to describe (a label, sarcasm, a sweeping "nothing ever changes"), it says
so plainly ("I feel hurt about what happened, and I need …") rather than leave a broken
clause behind.
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
from spacy.tokens import Doc, Span, Token

from turntoward.journal import feelings
from turntoward.language.nlp import word_set

_words = word_set


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
    feeling_words: frozenset[str]


# simplemma leaves some past forms alone or picks an odd lemma ("went" -> "wend").
_LEMMA_FIX = {
    "left": "leave",
    "went": "go",
    "felt": "feel",
    "thought": "think",
    "broke": "break",
    "swore": "swear",
    "laughed": "laugh",
    "talking": "talk",
    "sulked": "sulk",
    "lied": "lie",
    "lying": "lie",
    "ignoring": "ignore",
    "ignored": "ignore",
    "spoilt": "spoil",
    "stood": "stand",
    "texting": "text",
    "hung": "hang",
    "'re": "be",
    "'m": "be",
    "was": "be",
    "were": "be",
    "n't": "not",
    "ca": "can",
    "wo": "will",
}


_STEM_END = re.compile(r"(?:[bcdfghjklmnpqrstvwxz]{2}|[aeiou][yw])$")


def _lemma(word: str) -> str:
    if word in _LEMMA_FIX:
        return _LEMMA_FIX[word]
    if word in _bases():
        return _bases()[word]
    if not word.isalpha():
        return word
    lemma = simplemma.lemmatize(word, lang="en").lower()
    # simplemma sometimes keeps the "e" of "-ed"/"-ing" ("asked" -> "aske", "talking" ->
    # "talke"); a stem ending in two consonants or a vowel and y/w takes no "e".
    for suffix in ("ed", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and lemma == stem + "e" and _STEM_END.search(stem):
            return stem
    if lemma == word and word.endswith("ed") and len(word) > 4:
        # Left alone as an adjective ("wasted", "stressed"): find the verb.
        stem = word[:-2]
        candidates = [stem] if _STEM_END.search(stem) else [word[:-1], stem]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.insert(0, stem[:-1])  # "snubbed" -> "snub"
        for candidate in candidates:
            if simplemma.is_known(candidate, lang="en"):
                return candidate
    return lemma


# Irregular forms, for matching verbs by lemma without trusting a lemmatiser's guesses.
_IRREGULAR = {
    "forget": "forgot forgotten",
    "break": "broke broken",
    "hang": "hung",
    "blow": "blew blown",
    "spend": "spent",
    "steal": "stole stolen",
    "swear": "swore sworn",
    "lose": "lost",
    "say": "said",
    "tell": "told",
    "make": "made",
    "come": "came",
    "think": "thought",
    "give": "gave given",
    "hold": "held",
    "stand": "stood",
    "pay": "paid",
    "get": "got gotten",
    "take": "took taken",
    "hear": "heard",
    "keep": "kept",
    "find": "found",
    "mean": "meant",
    "leave": "left",
    "go": "went gone",
    "do": "did done does",
    "have": "had has",
    "feel": "felt",
    "buy": "bought",
    "bring": "brought",
    "catch": "caught",
    "teach": "taught",
    "fight": "fought",
    "throw": "threw thrown",
    "drink": "drank",
    "eat": "ate eaten",
    "run": "ran",
    "write": "wrote written",
    "speak": "spoke spoken",
    "drive": "drove driven",
    "sleep": "slept",
    "send": "sent",
    "wake": "woke woken",
    "wear": "wore worn",
    "tear": "tore torn",
    "hide": "hid hidden",
    "sell": "sold",
    "win": "won",
    "know": "knew known",
    "see": "saw seen",
    "begin": "began begun",
    "choose": "chose chosen",
    "forgive": "forgave forgiven",
    "sit": "sat",
    "shake": "shook shaken",
    "lead": "led",
    "ring": "rang rung",
    "stick": "stuck",
    "understand": "understood",
    "bite": "bit bitten",
    "build": "built",
    "deal": "dealt",
    "dig": "dug",
    "feed": "fed",
    "ride": "rode ridden",
    "rise": "rose risen",
    "fall": "fell fallen",
    "fly": "flew flown",
    "grow": "grew grown",
    "draw": "drew drawn",
    "sing": "sang sung",
    "swim": "swam",
    "shoot": "shot",
    "spit": "spat",
    "strike": "struck",
    "swing": "swung",
    "sneak": "snuck",
    "weep": "wept",
    "lend": "lent",
    "meet": "met",
    "freeze": "froze frozen",
    "spill": "spilt",
    "spoil": "spoilt",
    "burn": "burnt",
    "learn": "learnt",
    "lie": "lied lying lies",
    "slide": "slid",
    "shut": "",
    "cut": "",
    "let": "",
    "put": "",
    "hit": "",
    "hurt": "",
    "set": "",
    "quit": "",
}


def _forms(word: str) -> set[str]:
    """A word's forms ("snap" -> snaps, snapped, snapping; "lazy" -> laziest), over-generated
    on purpose: matching compares whole tokens, so an odd extra form does no harm."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word[:-1] + "iest", word[:-1] + "ier"}
    forms |= {word + "est", word + "er"} if not word.endswith("e") else {word + "st"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms |= set(_IRREGULAR.get(word, "").split())
    return forms


@cache
def _bases() -> dict[str, str]:
    """Form -> verb for the irregular verbs ("went" -> "go")."""
    return {form: base for base, forms in _IRREGULAR.items() for form in forms.split()}


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
            if by_lemma:
                for w in words:
                    values |= _forms(w) | _forms(_lemma(w))
            else:
                values |= set(words)
        # NORM is the lower-cased, spelling-fixed word (see _doc).
        test = {"NORM": {"IN": sorted(values)}}
    else:
        test = {"IS_SPACE": False}
    if optional:
        test["OP"] = "?"
    return test


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
    vocabulary = {w for f in feelings.all_feelings() for w in f.word.lower().split()}
    vocabulary -= {"out", "up", "not", "good", "enough", "for", "cared", "heavy-hearted"}
    return _Model(
        nlp=nlp,
        matcher=matcher,
        sets=sets,
        anchored=frozenset(anchored),
        topics=tuple(data["topics"]),
        default_feeling=data["default_feeling"],
        default_need=data["default_need"],
        feeling_words=frozenset(vocabulary | sets["feeling_extra"]),
    )


# --- normalising -----------------------------------------------------------------------------

# Text-speak and common slips, read as the word meant. Contraction pieces that the
# tokenizer splits off words typed without an apostrophe ("dont" -> "do" + "nt") are
# handled by _PIECES below.
_SPELLING = {
    "u": "you",
    "yu": "you",
    "thx": "thanks",
    "thanx": "thanks",
    "pls": "please",
    "plz": "please",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "bc": "because",
    "rly": "really",
    "srsly": "seriously",
    "wat": "what",
    "luv": "love",
    "sry": "sorry",
    "soz": "sorry",
    "whatevs": "whatever",
    "watever": "whatever",
    "alwys": "always",
    "allways": "always",
    "nevr": "never",
    "neva": "never",
    "evry": "every",
    "ppl": "people",
    "apologize": "apologise",
    "apologized": "apologised",
    "criticize": "criticise",
    "criticized": "criticised",
    "n": "and",
    "&": "and",
    "bcos": "because",
    "becuz": "because",
    "wen": "when",
}
_PIECES = {
    # piece: (previous words it may follow, what it stands for)
    "nt": (None, "n't"),
    "re": ({"you", "u", "we", "they"}, "'re"),
    "r": ({"you", "u"}, "'re"),
    "m": ({"i"}, "'m"),
    "ve": ({"i", "you", "u", "we", "they", "could", "should", "would", "might", "must"}, "'ve"),
    "ll": ({"i", "you", "u", "we", "they", "it", "that"}, "'ll"),
    "d": ({"i", "you", "u", "we", "they"}, "'d"),
    "s": ({"it", "that", "what", "there", "he", "she", "who", "here", "everything"}, "'s"),
}
# "ur" is "you're" before these, "your" otherwise.
_UR_IS_YOU_ARE = _words(
    """
    so such a an always never being just really not constantly late literally totally
    completely honestly seriously actually acting going gon kidding joking wrong right the
    obviously clearly only too still doing making pathetic impossible unbelievable
    """
)
_WHY_NEXT = _words(
    """
    do does did ca can would wo will are is r u you must should could were have has dont
    cant
    """
)
_ABSOLUTE_WORDS = r"(?:never|always|ever|constantly|just|really|so|totally|completely)"
_COMMA_BETWEEN = re.compile(rf"\b({_ABSOLUTE_WORDS})(\s*),(?=\s*{_ABSOLUTE_WORDS}\b)", re.I)
_STRETCHED = re.compile(r"[A-Za-z]*([A-Za-z])\1\1[A-Za-z]*")


def _unstretch(word: str) -> str:
    """ "sooo" -> "so", "neverrr" -> "never", "alllways" -> "always" (same letters, fewer)."""
    two = re.sub(r"([A-Za-z])\1{2,}", r"\1\1", word)
    one = re.sub(r"([A-Za-z])\1{2,}", r"\1", word)
    if simplemma.is_known(one.lower(), lang="en") and not simplemma.is_known(
        two.lower(), lang="en"
    ):
        return one
    return two if simplemma.is_known(two.lower(), lang="en") else one


def _normalise(text: str) -> tuple[str, list[int]]:
    """The text to analyse, and for each of its characters the offset in ``text``."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    # "never, ever" -> "never ever": the comma becomes a marker, dropped below.
    text = _COMMA_BETWEEN.sub(lambda m: m.group(1) + m.group(2) + "\x00", text)
    out: list[str] = []
    where: list[int] = []
    position = 0
    for match in _STRETCHED.finditer(text):
        out.extend(text[position : match.start()])
        where.extend(range(position, match.start()))
        # The short word is a subsequence of the stretched one: align letter by letter.
        i = match.start()
        for letter in _unstretch(match.group(0)):
            while text[i].lower() != letter.lower():
                i += 1
            out.append(text[i])
            where.append(i)
            i += 1
        position = match.end()
    out.extend(text[position:])
    where.extend(range(position, len(text)))
    kept = [(c, w) for c, w in zip(out, where, strict=True) if c != "\x00"]
    return "".join(c for c, _w in kept), [w for _c, w in kept]


def _doc(text: str) -> Doc:
    model = _model()
    doc = model.nlp(text)
    splits = []
    for token in doc:
        if token.lower_ == "ure":
            splits.append((token, ["u", "re"]))
        elif token.lower_ == "ur" and token.i + 1 < len(doc):
            following = doc[token.i + 1].lower_
            if following in _UR_IS_YOU_ARE or following in model.sets["label"]:
                splits.append((token, ["u", "r"]))
    if splits:
        with doc.retokenize() as retokenizer:
            for token, parts in splits:
                orths = [token.text[: len(parts[0])], token.text[len(parts[0]) :]]
                retokenizer.split(token, orths, heads=[(token, 1), (token, 1)])
    _sentences(doc)
    previous = ""
    for token in doc:
        lower = token.lower_
        norm = _SPELLING.get(lower, lower)
        if lower == "ur":
            norm = "your"
        piece = _PIECES.get(lower)
        if piece and (piece[0] is None or previous in piece[0]):
            norm = piece[1]
        if lower == "y" and (token.is_sent_start or token.i == 0):
            following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
            if following in _WHY_NEXT:
                norm = "why"
        token.norm_ = norm
        token.lemma_ = _lemma(norm)
        previous = lower if not token.is_space else previous
    return doc


def _sentences(doc: Doc) -> None:
    """Sentence starts after . ! ? ; and line breaks (spaCy's sentencizer, plus ';')."""
    for token in doc:
        token.is_sent_start = token.i == 0
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if token.text in {".", "!", "?", ";", "...", "…"} or (
            token.is_space and "\n" in token.text
        ):
            if not nxt.is_punct or nxt.text in {"*", "🙄"}:
                nxt.is_sent_start = True
        elif re.fullmatch(r"[.!?]+", token.text):
            nxt.is_sent_start = True


# --- analysis --------------------------------------------------------------------------------

_NEG = {"n't", "not", "never"}
_SUBORDINATE = _words("when whenever if that because since after as while how until before")
_FRAME_AUX = _words(
    """
    'm am was get got getting feel felt feeling been 've have become became grow grew start
    started starting to 'd would end ended up be kind of sort always sometimes often just
    really so very a bit little quite pretty honestly also deeply super too rather still
    more and incredibly truly left
    """
)
_IT_HURTS = _words(
    """
    hurt hurts upset upsets scare scares scared worry worries worried frighten frightens
    frightened sadden saddens bother bothers bothered sting stings stung frustrate
    frustrates frustrated stress stresses stressed annoy annoys annoyed unsettles unsettled
    breaks broke crushed crushes
    """
)
# Words after which an "I" starts the writer's own clause ("When you're late, I get
# worried"); after "you think" it does not ("You think I'm stupid").
_FRAME_BEFORE = _words(
    """
    , and but so honestly well sometimes often then now also lately oh just really actually
    still yet because - — ok okay look listen love babe hey
    """
)
_FIRST_PERSON_FEEL_VERBS = {"worry", "panic", "miss", "fear", "struggle", "wonder"}
_MUST_NOT_DEMAND = {"be", "think", "have", "know", "feel", "hate", "want", "find"}
_SUBJECTS = {"you", "we", "i", "they", "he", "she", "n't"}
_TAG = re.compile(
    r"(?:(?: right| okay| ok| yeah| did you| did n't you| are you| do you| is it"
    r"| is that| was it| have you| were you| is everything| alright)\s*\? $"
    r"|, (?:shall|should|do|did|are|can|could|will|would|want|is|have|need|fancy)"
    r" (?:i|we|you|it|me|that|this|there)\b[^,]*\? $)"
)
_INFORMS = re.compile(
    r", (?:so |but |and )?(?:they 're|it 's|they are|it is|i put|i 've put|i 'll|ill|i will|"
    r"i 've got|i got|i have|i moved|i left them|i left it|i can|no worries|no problem|"
    r"(?:i|we) (?:'ve|have|'ll|will|already)\b|(?:the|a) \w+ (?:handed|gave|found|kept|has)\b|"
    r"do n't (?:worry|panic))"
    r"|\bjust so you know\b|\bfyi\b|\bheads up\b"
)
_INFORMS_NEXT = re.compile(
    r"^(?:i 'll|ill|i will|i 've|i can|i have|i got|i put|i moved|it 's|they 're|it is|"
    r"they are|no worries|no problem|do n't worry|do n't panic|want me to|shall i|should i|"
    r"i 'm)\b"
)
# After "you made it": arriving, not a complaint ("You made it! Welcome home.").
_ARRIVED = _words("home back there here safe safely through in on")


def _informs_next(sent: Span) -> bool:
    """Whether the sentence after ``sent`` answers it with logistics ("I'll drop it off")."""
    doc = sent.doc
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    return bool(_INFORMS_NEXT.search(" ".join(_norms(nxt))))


def _after_why_clause(span: Span, sent: Span) -> bool:
    """Whether a "you…" comes after the why-question's own clause ("why would u say that in
    front of my friends, u embarrassed me")."""
    before = [t for t in sent.doc[sent.start : span.start] if not t.is_space]
    return (
        any(t.norm_ in {",", "-", "—"} for t in before)
        and span[0].norm_ == "you"
        and not sent.text.rstrip().endswith("?")
    )


# "You left your keys out, so I moved them", "You paid the gas bill, so I'll do the water
# one": a past act reported as logistics, not a complaint.
_LOGISTICS = re.compile(
    r", (?:so |and )?(?:i|we) (?:'ve |have |just |already )?(?:moved|put|popped|hung|stored"
    r"|grabbed|tidied|brought|took|parked|fed|locked|signed|paid|sent|booked|picked)\b"
    r"|, so (?:i|we) (?:'ll|will|can) (?:do|take|bring|grab|drop|pick|pop|put|hang|sort|book)\b"
    r"|, so (?:that|it) 's (?:sorted|done|fine|ok|okay|covered)"
    r"|, which (?:was|is) (?:great|lovely|kind|sweet|nice|good|brilliant|perfect|helpful)"
    r"|\bsee you (?:there|then|later|soon|at)\b"
)
_FINE = _words(
    """
    ready sorted fine booked packed done set okay ok good great perfect clear arranged
    organised organized covered well welcome invited safe happy alright
    """
)
_SYMPATHETIC = _words(
    """
    tired exhausted busy starving hungry cold nervous excited proud relieved sore shattered
    stressed worried knackered sad trying doing thrilled dying gutted buzzing missing
    looking going having feeling struggling disappointed upset keen fed
    """
)
_STRONG_CUE = {"again", "even", "still", "always", "never", "without", "constantly", "anymore"}
_KIND_REASON = {"deserve", "deserved", "earned", "treat", "exhausted", "tired", "shattered"}
_OPENER_WORDS = _words(
    """
    oh great brilliant perfect lovely wonderful fantastic wow gee gosh jeez geez , ! . nice
    just so how
    """
)
_PRAISE_FRAME = {",", "well", "good", "great", "nice", "gold", "round", "of", "work", "job", "done"}
_BEFORE_A_LABEL = _words(
    "a an such like you little big complete total spoilt absolute utter right real proper"
)
_POLITE_OPENERS = _words("could can would will do did have has are is were was shall may might")


def _norms(tokens: Any) -> list[str]:
    return [t.norm_ for t in tokens if not t.is_space]


def _frame_at(words: list[str], model: _Model) -> int | None:
    """Where the sentence (as norms) says what the writer feels, or None.

    "I feel hurt", "I felt lonely", "I'm worried", "I was so upset", "I get scared", "I've
    been feeling left out", "it hurt me", "it makes me sad", "I worry when…"; not "I feel
    like you…" or "I feel that you…", which are verdicts on the partner.
    """
    feeling_words = model.feeling_words
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word == "i" and (i == 0 or words[i - 1] in _FRAME_BEFORE):
            if nxt in {"feel", "felt"} or words[i + 1 : i + 3] in (
                ["'m", "feeling"],
                ["am", "feeling"],
            ):
                after = words[i + 2] if nxt in {"feel", "felt"} else words[i + 3 : i + 4]
                after = after if isinstance(after, str) else (after[0] if after else "")
                if after not in {"like", "that", "as", "you", "your", "it"}:
                    return i
            if nxt == "need" and i == 0:
                return i
            if nxt in _FIRST_PERSON_FEEL_VERBS:
                return i
            j = i + 1
            while j < len(words) and words[j] in _FRAME_AUX and j - i < 7:
                if words[j] in feeling_words:
                    break
                j += 1
            if j < len(words) and j > i + 1 and words[j] in feeling_words:
                return i
        if word in {"it", "that", "this"}:
            if nxt in _IT_HURTS and "me" in words[i + 2 : i + 4]:
                return i
            if nxt in {"makes", "made", "make"} and words[i + 2 : i + 3] == ["me"]:
                third = words[i + 3] if i + 3 < len(words) else ""
                if third == "feel" or third in feeling_words:
                    return i
    return None


def _warm(words: list[str], text: str, model: _Model, negated: bool) -> bool:
    """Whether a sentence is loving. A negated "you never thank me" is not."""
    if any(p in text for p in model.sets["warm_phrase"]):
        return True
    if not negated and any(f" {p} " in text for p in model.sets["warm_act"]):
        return True
    # "You broke my favourite mug": the favourite is the thing, not the partner.
    owned = {w for i, w in enumerate(words[1:], 1) if words[i - 1] in {"my", "our", "the"}}
    positive = (set(words) - (owned & {"favourite", "favorite", "best"})) & model.sets["positive"]
    if negated:
        return bool(positive & model.sets["comparative_positive"])
    return bool(positive)


def _spares_a_feeling(text: str, model: _Model) -> bool:
    """ "You never make me feel silly": a negated "make me feel <bad>" is praise."""
    match = re.search(r" (?:make|made|makes) me feel (\w+)", text)
    return bool(match) and match.group(1) in model.sets["bad_feeling"] | _words(
        "silly bad judged awkward"
    )


def _denies_a_fault(verb: Token, text: str, model: _Model) -> bool:
    """Whether a negated verb denies a fault ("you never yell"), which is praise."""
    return (
        verb.lemma_ in model.sets["blame_verb"]
        and verb.lemma_ not in model.sets["care_verb"]
        and not any(p in text for p in model.sets["blame_cue_phrase"])
    )


def _framed(span: Span, sent: Span, model: _Model) -> bool:
    """Whether a "you…" sits inside the writer's own feeling ("I feel hurt when you…")."""
    words = _norms(sent)
    if _frame_at(words, model) is None:
        return False
    before = _norms(sent.doc[sent.start : span.start])
    return bool(set(before) & _SUBORDINATE)


def _keep(kind: str, span: Span, sent: Span, model: _Model, sarcastic: bool = False) -> bool:
    """Whether a raw match stands, given what the rest of its sentence shows."""
    words = _norms(sent)
    text = " " + " ".join(words) + " "
    first = words[0] if words else ""
    is_question = sent.text.rstrip().endswith("?")
    before = _norms(sent.doc[sent.start : span.start])
    later = _norms(sent.doc[span.end : sent.end])
    span_words = _norms(span)
    negated = bool(set(span_words) & _NEG)
    if kind == "blame":
        if first == "why" and not _after_why_clause(span, sent):
            return False
        if is_question and first in _POLITE_OPENERS and "n't" not in words[:3]:
            return False  # "Could you let me finish?", "Did you book the vet?"
        if (
            "please" in words[:2]
            and set(words[:3]) & {"can", "could", "would", "will"}
            and "n't" not in words[:4]
        ):
            return False  # "pls can u grab some milk on ur way back"
        tag = _TAG.search(text)
        if is_question and tag and not set(text[: tag.start()].split()) & _STRONG_CUE:
            return False  # "You left early, did you sleep okay?", "…, didn't you?"
        if (
            {t.lemma_ for t in span} & {"forget", "leave", "drop", "lose"}
            and set((span_words + later)[:4]) & {"your", "a", "an"}
            and (_INFORMS.search(text) or _informs_next(sent))
            and not set(words) & _STRONG_CUE
        ):
            return False  # "You forgot your keys, they're on the hook": a note, not a complaint
        made_it = span_words[-2:] == ["made", "it"] or (
            span_words[-1:] == ["made"] and later[:1] == ["it"]
        )
        after_it = later[1:2] if span_words[-1:] == ["made"] else later[:1]
        if span_words[:1] in (["if"], ["had"]) and not re.search(r" (?:have|'ve|n't) ", text):
            return False  # "If you had a minute…" is no counterfactual reproach
        if negated and _spares_a_feeling(text, model):
            return False  # "You never make me feel silly for asking"
        if re.search(r" i 'll (?:do|sort|take|handle|cook|make) | i 've got it ", text) and not (
            set(words) & _STRONG_CUE
        ):
            return False  # "You stayed up all night, go back to bed and I'll do breakfast"
        if made_it and (not after_it or not after_it[0].isalpha() or after_it[0] in _ARRIVED):
            return False  # "You made it! Welcome home."
        if span_words[:2] == ["thanks", "to"] and set(later) & (
            model.sets["positive"] | model.sets["good_outcome"]
        ):
            return False  # "Thanks to you, the party was a success"
        if _LOGISTICS.search(text) and not set(words) & _STRONG_CUE:
            return False  # "You left your coat here, so I hung it up"
        if _warm(later + span_words[1:], text, model, negated):
            return False
        if not sarcastic and set(before) & model.sets["positive"]:
            return False  # "I love that you always remember the little things"
        if negated and _denies_a_fault(span[-1], text, model):
            return False  # "You never complain", "you never yell at me": praise
        if (
            not negated
            and not sarcastic
            and set(span_words) & {"always", "constantly"}
            and span[-1].lemma_ in model.sets["kind_act"]
            and not set(later) & {"instead", "only", "but", "than", "except", "unless"}
        ):
            return False  # "You always help me", "you always listen"
        return not _framed(span, sent, model)
    if kind == "absolute":
        if " never mind " in text or " all the time you need " in text:
            return False
        # In sarcasm the praise is ironic: "because you're always so helpful".
        negative = span_words[0] in model.sets["negative_absolute"]
        if not sarcastic and _warm(words, text, model, negative):
            return False
        if span_words in (["always"], ["constantly"]) and span.end < sent.end:
            nxt = span.doc[span.end]
            contrast = set(later) & {"instead", "only", "but", "than", "except", "unless"}
            if nxt.lemma_ in model.sets["kind_act"] and " you " in text and not contrast:
                return False  # "You always bring me coffee in bed"
        if span_words == ["never"] and span.end < sent.end:
            nxt = span.doc[span.end]
            if nxt.norm_ in model.sets["adverb"] and span.end + 1 < sent.end:
                nxt = span.doc[span.end + 1]
            if _denies_a_fault(nxt, text, model):
                return False  # "You never miss a school play"
        if is_question and first != "why":
            return False
        if span_words == ["never"] and _spares_a_feeling(text, model):
            return False
        if (
            span_words == ["nothing"]
            and before[-1:] in (["for"], ["over"])
            and later[:1] != ["but"]
        ):
            return False  # "for nothing" is "for no reason"
        if span_words[0] in {"everything", "everyone", "everybody"} and set(later[:3]) & _FINE:
            return False  # "Everything is ready for the party"
        rest = set(words)
        following = later[0] if later else ""
        if not following or not following.isalpha():
            return True  # a closing "…, always." is a complaint, not a habit
        if rest & model.sets["partner"] or rest & model.sets["complaint"]:
            return True
        habit = before[-1:] in (["i"], ["we"], ["'m"])
        if rest & {"me", "my", "myself", "us", "our", "mine"} and not habit:
            return True
        if " the one " in text or " have to " in text or " has to " in text:
            return True
        # A sweeping word about people ("nobody", "everyone") is an absolute on its own;
        # "I never eat breakfast" or "the kids always go to bed at eight" is a habit.
        return bool(set(span_words) & model.sets["sweeping"]) and first not in {"the", "a"}
    if kind == "label":
        after = span.doc[span.end].norm_ if span.end < len(span.doc) else ""
        if after in model.sets["label_not_person"]:
            return False
        if span_words[-1] in model.sets["literal_label"] and len(span_words) == 1:
            # "the baby", "a disaster of a birthday": a noun, unless said of someone.
            previous = before[-1] if before else ""
            about_someone = (
                bool(set(before) & model.sets["other_pronoun"])
                and previous in _BEFORE_A_LABEL
                and (
                    _you_are_label(span.doc, span.start, model) is not None
                    or previous in {"like", "such", "you", "little", "big", "spoilt", "right"}
                    or not set(before) & {"was", "is", "'s", "were", "be"}
                )
            )  # "You're such a baby", not "because of you, the weekend was a disaster"
            short = len([w for w in words if w.isalpha()]) <= 4 and previous in {
                "a",
                "such",
                "what",
            }
            if not (about_someone or short):
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
        clause_start = span[0].i == sent.start
        if span_words[0] in _CLAUSE_LEAD:
            # ", so clean it up", ", go and put them out": an order opening a clause.
            k = span.start
            while k < span.end - 1 and (span.doc[k].norm_ in _CLAUSE_LEAD or span.doc[k].is_space):
                k += 1
            span = span.doc[k : span.end]
            span_words = _norms(span)
            clause_start = True
        if span_words[:1] == ["just"] and len(span_words) == 2 and not _base_verb(span[-1], model):
            return False  # "Just checking", "Just got home", "just so you know"
        after = _norms(span.doc[span.end : span.end + 2])
        if after and after[0] in model.sets["try_verb"]:
            return False
        if span_words[-1] == "must" and after[:1] and after[0] in _MUST_NOT_DEMAND:
            return False
        if first == "why":
            return False
        if span_words[:3] in (["can", "you", "not"], ["could", "you", "not"]):
            return True  # "Can you not do that?" is an order in a question's clothes
        if clause_start and ("please" in words or is_question):
            return False
        if any(p in text for p in model.sets["caring_phrase"]):
            return False  # "You should totally go for it"
        if span_words[0] == "you" and set(later) & (model.sets["positive"] | _KIND_REASON):
            return False  # "You should call your sister, she'd love that"
        if clause_start and span_words[0] != "you":
            if set(words) & model.sets["caring"]:
                return False  # "Get home safe", "Take a jacket, it's chilly", "Drive safely"
            if any(p in text for p in model.sets["caring_phrase"]):
                return False  # "Don't be so hard on yourself"
            if " too hard " in text or " too late " in text or " too much " in text:
                return False  # "Don't work too hard"
            # Sentence-opening imperatives: kind ones and polite asks are fine.
            if "pressure" in words:
                return False
            if after and after[0] in _SUBJECTS:
                return False
            if span_words[:2] == ["do", "n't"] and len(span_words) == 3:
                nxt = span_words[2]
                if nxt in model.sets["kind_imperative_next"]:
                    return False
                if nxt == "be" and after[:1] and after[0] in model.sets["kind_be_next"]:
                    return False
            if span_words[-1] in {"take", "stop"} and after[:1] in (["care"], ["by"]):
                return False
            if span_words[-1] == "stop" and after[:1] and after[0] in model.sets["kind_stop_next"]:
                return False  # "Stop worrying, it will be fine"
            # "Call me when you land", "Text me once you're there": a caring ask.
            if re.search(r" (?:when|once|if|whenever|as soon as) you ", text) and (
                span[-1].lemma_ not in _CHORES
            ):
                return False
            if span_words[-1] == "tell" and after == ["me", "about"]:
                return False  # "Tell me about your day"
            # "Do what you want" is a shrug, not an order.
            if span_words[-1] == "do" and after[:1] and after[0] in {"what", "whatever"}:
                return False
        return not _framed(span, sent, model)
    if kind == "contempt":
        if span.text.lower() == "whatever":
            # "Whatever." is a shrug; "Whatever you decide is fine" is not.
            after = _norms(span.doc[span.end : span.end + 2])
            return not after or not after[0].isalpha() or after == ["you", "say"]
        if set(span_words) <= _PRAISE_FRAME | model.sets["praise"] | model.sets["interjection"]:
            # Praise is sarcasm only with an irony cue after it ("Thanks for the help, as
            # usual", "Congratulations, you managed to…") or a "Wow, thanks"; "Wow, thanks
            # for the flowers, I love them" is sincere.
            if set(words) & model.sets["sincere"]:
                return False
            if later[:1] == ["to"] and span_words[-1] in {"thanks", "thank"}:
                return False  # "Thanks to you we lost the deposit" blames; it is not praise
            after = " " + " ".join(later) + " "
            if span_words[-1] in {"thanks", "thank"}:
                after = after.replace(" so much for ", " for ")  # "Thanks so much for…"
            if any(cue in after for cue in model.sets["irony_cue"]):
                return True
            blamed = [
                t for t in span.doc[span.end : sent.end] if t.lemma_ in model.sets["blame_verb"]
            ]
            if blamed and span_words[-1] not in {"cheers"}:
                return True  # "Great job ruining dinner", "Thanks for forgetting my birthday"
            return first in model.sets["interjection"] and bool(
                set(span_words) & {"thanks", "thank"}
            )
        # "Oh wow, that's amazing news!" is sincere; "Lovely, just lovely" is not.
        if set(span_words) <= _OPENER_WORDS and set(later) & model.sets["sincere"] - set(
            span_words
        ):
            return False
        if span_words[-1] in {"sure", "fine"} and span_words[0] in _words("yeah yea ok okay yes"):
            return not [
                w for w in later if w.isalpha()
            ]  # "Yeah, sure." but not "Yeah, sure, I'll…"
        if span_words[:1] == ["as"] and span_words[-1] in {"usual", "always"}:
            return bool(set(words) & model.sets["praise"])
        if span_words[:2] == ["not", "like"]:
            # "…, not like I'm waiting" / "it's not like I matter"; not "I'm not like you"
            # or "it's not like you to be late".
            previous = before[-1] if before else ""
            opener = previous in {"'s", "is", ",", "-", "—", "it"} or not before
            return opener and later[:1] != ["to"] and bool(later)
        if span_words[:1] == ["are"] or span_words[:2] == ["well", "are"]:
            return not is_question or bool(set(later[:2]) & {"a", "so", "just", "such"})
        return True
    if kind == "why_question":
        lowered = span_words
        if "we" in _norms(span.doc[span.end : span.end + 1]) and "do" in lowered:
            return False
        return not _curious_why(span, sent, words, text, model)
    if kind == "mind_reading":
        nxt = later[:2]
        if is_question and first in _POLITE_OPENERS:
            return False  # "Did you want me to book the flights?"
        if (
            span_words[:2]
            in (
                ["you", "think"],
                ["you", "reckon"],
                ["you", "assume"],
                ["you", "believe"],
                ["you", "thought"],
            )
            and len(span_words) == 3
        ):
            if (
                span_words[2] in {"of", "about", "so", "ahead", "too", "it", "we", "that"}
                or is_question
            ):
                return False  # "You thought of everything!", "You think it'll rain?"
            if set(words) & model.sets["sincere"]:
                return False
        if span_words[-1:] == ["wish"] and later[:1] == ["me"]:
            return False  # "You didn't even wish me luck": an act, not a thought
        if (
            span_words[-1] in {"probably", "obviously", "clearly"}
            and nxt[:1]
            and nxt[0]
            in {"know", "remember", "heard", "noticed", "saw", "need", "have", "seen", "guessed"}
        ):
            return False  # "You probably know this already, but…"
        if span_words[:2] in (["i", "bet"], ["i", "know"]):
            after_you = _norms(span.doc[span.end : sent.end])
            if span_words[-1] in {"'re", "are"}:
                after_you = [span_words[-1], *after_you]
            if (
                after_you[:1]
                and after_you[0] in {"'re", "are", "must", "'ve", "have"}
                and set(after_you[1:4]) & _SYMPATHETIC
            ):
                return False  # "I bet you're tired after the trip", "I know you're busy"
        if (
            len(span_words) >= 3
            and span_words[1] in {"never", "always"}
            and span[2].lemma_ in {"want", "like", "wish"}
        ):
            return False  # "You never want to talk": a complaint about the act, blamed as such
        return not _framed(span, sent, model) or "purpose" in span_words
    return True


_CLAUSE_LEAD = _words(", so now then and just pls please")
# Chores: "Lock it when you come in" is an order, unlike "Call me when you land".
_CHORES = _words(
    """
    lock clean tidy wash read fix put pay empty sort do clear hang shut turn switch check close
    load unload hoover vacuum mow iron cancel transfer sign fill return move pick take
    """
)
_NOT_AFTER_JUST = _words(
    """
    so a an the to like in about because me you i my your for got landed saw thought wanted
    finished arrived left home back now one two few quick bit little heads fyi thinking
    wondering checking letting saying realised realized remembered noticed saying wanna
    know knew found heard want need love miss wish hope think feel felt lol haha ok okay
    sayin been had did was were am is are can could will would as that this it we they
    wow kidding joking great perfect brilliant typical fine lovely another what how
    """
)


def _base_verb(token: Token, model: _Model) -> bool:
    """Whether a word after a sentence-opening "Just" reads as an order ("Just sign the
    forms"), not "Just checking", "Just got home", "Just so you know"."""
    word = token.norm_
    if not token.is_alpha or word in _NOT_AFTER_JUST or word in model.sets["irregular_past"]:
        return False
    if word.endswith(("ing", "ed")) and word not in model.sets["imperative"]:
        return False
    return token.lemma_ == word or word in model.sets["imperative"]


# "Why did you choose engineering?", "Why do you like hiking?": asking, not accusing.
_CURIOUS_VERBS = _words(
    """
    like love enjoy choose chose chosen pick picked decide decided prefer preferred think
    thought reckon become became fancy fancied want wanted get into got into start started
    """
)
_CURIOUS_CUES = (
    " by the way ",
    " wondered ",
    " wondering ",
    " curious ",
    " love to hear ",
    " love to know ",
    " love to understand ",
    " out of interest ",
    " interested to ",
)
_KIND_WHY = _words("rest relax nap treat break lie sleep enjoy spoil pamper unwind off early")


def _curious_why(span: Span, sent: Span, words: list[str], text: str, model: _Model) -> bool:
    """Whether a "why" question is curious or kind rather than an accusation."""
    doc = sent.doc
    if any(cue in text for cue in _CURIOUS_CUES):
        return True
    if sent.end < len(doc) and any(
        cue in " " + " ".join(_norms(doc[sent.end].sent)) + " " for cue in _CURIOUS_CUES
    ):
        return True
    negated = "n't" in words[:4] or "not" in words[:4]
    if words[1:4] == ["do", "n't", "you"]:
        # "Why don't you take the afternoon off and rest? I'll handle dinner."
        after = sent.doc[sent.end].sent if sent.end < len(doc) else None
        offers = after is not None and _INFORMS_NEXT.search(" ".join(_norms(after)))
        if set(words) & (_KIND_WHY | model.sets["caring"]) or offers:
            return True
    if negated or set(words) & model.sets["absolute"] or set(words) & {"even", "again", "still"}:
        return False
    if words[1:2] not in (["do"], ["does"], ["did"]):
        return False  # "Why are you like this?" accuses
    you = [i for i, w in enumerate(words[:4]) if w in {"you", "your"}]
    if not you:
        return False
    nxt = words[you[0] + 1] if you[0] + 1 < len(words) else ""
    return nxt in _CURIOUS_VERBS and not set(words) & model.sets["blame_cue"]


_NOT_BEFORE_SUBJECT = _words(
    """
    to at for with from about tell told ask asked thank love help miss see saw want call
    text hear watch meet phone visit hug kiss let make made need remind give show
    """
)


def _you_is_subject(doc: Doc, i: int) -> bool:
    """Whether the "you" at ``i`` starts a clause (not "I love you", "when you…")."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[i].is_sent_start:
        return True
    prev = doc[j].norm_
    if prev in {"like", "that"} and j > 0 and doc[j - 1].norm_ in {"feel", "felt", "feeling"}:
        return True  # "I feel like you barely help", "I feel that you made the decision"
    sent = doc[i].sent
    if (
        sent[0].norm_ in {"every", "whenever", "each", "anytime"}
        and "you" not in _norms(doc[sent.start : i])
        and doc[j].is_alpha
        and prev not in _NOT_BEFORE_SUBJECT
    ):
        return True  # "Whenever we have guests you drink too much"
    return prev in _words(
        ", and but then so because — - : now honestly seriously oh well look yet also just again"
    )


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Whether the "you" at ``i`` opens its sentence, after at most an opener ("And you…")."""
    start = doc[i].sent.start
    before = [t for t in doc[start:i] if not (t.is_space or t.is_punct)]
    if not before:
        return True
    return len(before) == 1 and before[0].norm_ in _words(
        "and but then so honestly seriously oh well look also yesterday tonight today"
    )


def _generic_blame(doc: Doc, model: _Model) -> list[tuple[int, int]]:
    """ "you <verb>…" that reports what the partner did, with a sign that it was wrong.

    The patterns name verbs that accuse on their own ("you ignored"); this catches the
    rest: a past-tense or present act by "you" followed by a cue such as "my", "without
    asking", "again", "in front of", "at me" ("You moved my things", "You went to bed without
    saying goodnight", "You raised your voice at me").
    """
    found = []
    cues = model.sets["blame_cue"]
    for token in doc:
        if token.norm_ != "you" or not _you_is_subject(doc, token.i):
            continue
        j = token.i + 1
        while j < len(doc) and doc[j].norm_ in model.sets["adverb"] and doc[j].norm_ not in _NEG:
            j += 1
        if j >= len(doc):
            continue
        verb = doc[j]
        word = verb.norm_
        if word in {"were", "was", "'re", "are"}:
            found.extend(_be_blame(doc, token.i, j, model))
            continue
        omission = _omission(doc, token.i, j, model)
        if omission is not None:
            found.append(omission)
            continue
        clause2 = _norms(doc[j + 1 : j + 3])
        content_past = word in {"gave", "brought", "started", "took"} and bool(
            set(clause2) & {"up", "our", "my", "away"}
            or clause2[1:2] in (["argument"], ["fight"], ["row"], ["rumour"], ["scene"])
        )  # "You gave our spare key away", "You brought up my ex", "You started a row"
        rest_text = " " + " ".join(_norms(doc[j + 1 : token.sent.end])) + " "
        behind = any(p in rest_text for p in _BEHIND)  # "You agreed … without asking me"
        if not word.isalpha() or (
            word in model.sets["not_an_act"] and not content_past and not behind
        ):
            continue
        if (
            verb.lemma_ in model.sets["kind_act"] or word in model.sets["kind_act"]
        ) and not content_past:
            continue  # "You always bring me coffee in bed"
        is_past = word in model.sets["irregular_past"] or (
            verb.lemma_ != word and len(word) > 3 and not word.endswith(("s", "ing"))
        )
        clause = []
        for t in doc[j + 1 :]:
            if t.is_sent_start or t.norm_ in {".", "!", "?", ";"}:
                break
            clause.append(t.norm_)
        text = " " + " ".join(clause) + " "
        sentence = _norms(token.sent)
        concessive = {
            i
            for i, w in enumerate(clause[:-1])
            if w == "even" and clause[i + 1] in {"though", "if", "when", "after", "so", "more"}
        }
        cue_words = {w for i, w in enumerate(clause[:8]) if i not in concessive}
        causal = (
            doc[token.i - 1].norm_ in {"because", "cos", "coz", "cause", "since"}
            if token.i
            else False
        )
        cue = (
            (causal and is_past_word(verb, model))
            or bool(cue_words & cues)
            or any(p in text for p in model.sets["blame_cue_phrase"])
            or bool(set(sentence) & model.sets["absolute"])
            or bool(set(_norms(doc[token.i + 1 : j])) & model.sets["absolute"])
            or " every " in " " + " ".join(sentence) + " "
        )
        if not cue and not (is_past and set(clause[:3]) & {"my", "our"}):
            # "You booked the wrong date", "You told your mates about our row": a past act
            # by the partner, said to them at the start of a sentence, reports something the
            # writer minds, unless it is plainly kind or logistics.
            if not (is_past and _opens_sentence(doc, token.i)):
                continue
            if verb.lemma_ in model.sets["neutral_act"] or word in model.sets["neutral_act"]:
                continue
            if set(sentence) & (model.sets["positive"] | model.sets["sincere"] | {"thanks"}):
                continue
            if _LOGISTICS.search(" " + " ".join(sentence) + " "):
                continue
        if not is_past and not (verb.lemma_ == word or word.endswith("s")):
            continue
        found.append((token.i, j + 1))
    return found


_NEG_AUX = _words("did do does have has had would could wo ca")
# Verbs that, negated, are not a missed act: "you don't have to", "you don't seem well".
_NOT_OMISSION = _words(
    """
    have need seem look sound know mind worry deserve feel be matter owe mean care love want
    like understand think get hate believe trust realise realize expect stress panic
    hesitate wish fancy agree remember bother meet met see seen try eat sleep hear miss
    """
)


def is_past_word(token: Token, model: _Model) -> bool:
    """A past-tense act ("wandered", "forgot")."""
    word = token.norm_
    return word in model.sets["irregular_past"] or (
        token.lemma_ != word and len(word) > 3 and word.endswith("ed")
    )


def _omission(doc: Doc, you: int, aux: int, model: _Model) -> tuple[int, int] | None:
    """ "you didn't renew the passports", "because you didn't confirm the booking": an act the
    partner left undone, said as a statement. None for "you don't have to", questions, and
    verbs the patterns already judge (care verbs, mind-reading)."""
    if (
        doc[aux].norm_ not in _NEG_AUX
        or aux + 1 >= len(doc)
        or doc[aux + 1].norm_
        not in {
            "n't",
            "not",
        }
    ):
        return None
    k = aux + 2
    while k < len(doc) and doc[k].norm_ in model.sets["adverb"]:
        k += 1
    if k >= len(doc) or not doc[k].is_alpha:
        return None
    main = doc[k]
    if main.lemma_ in _NOT_OMISSION or main.norm_ in _NOT_OMISSION:
        return None
    mind = main.lemma_ in model.sets["mind_verb"] and doc[aux].norm_ in {"do", "does", "did"}
    if main.lemma_ in model.sets["care_verb"] or mind:
        return None  # the patterns judge these ("you never help", "you don't care")
    sent = doc[you].sent
    if sent.text.rstrip().endswith("?"):
        return None
    return (you, k + 1)


_BEHIND = (
    " without asking ",
    " without telling ",
    " without checking ",
    " without consulting ",
    " without talking to ",
    " without discussing ",
    " behind my back ",
    " without even asking ",
    " without me ",
)


def _be_blame(doc: Doc, you: int, be: int, model: _Model) -> list[tuple[int, int]]:
    """ "You were glued to the football all day", "You were out all night": a state with a cue."""
    clause = []
    for t in doc[be + 1 :]:
        if t.is_sent_start or t.norm_ in {".", "!", "?", ";", ",", "but", "and"}:
            break
        clause.append(t.norm_)
    if not clause or set(clause) & model.sets["positive"] or clause[0] in {"a", "an", "the"}:
        return []
    text = " " + " ".join(clause) + " "
    strong = {"all", "whole", "again", "drunk", "late", "instead", "rude", "still", "glued"}
    if set(clause) & strong or any(p in text for p in model.sets["blame_cue_phrase"]):
        return [(you, be + 1)]
    return []


def _you_are_label(doc: Doc, start: int, model: _Model) -> int | None:
    """The "you" of "you're (so/such a/the most) <label>" before a label at ``start``."""
    j = start - 1
    steps = 0
    while j >= 0 and steps < 6:
        word = doc[j].norm_
        if doc[j].is_punct or word in {"and", "but", "when", "because", "if", "that"}:
            return None
        if word in {"'re", "are", "were", "was", "being", "r"}:
            k = j - 1
            while k >= 0 and (
                doc[k].norm_ in model.sets["adverb"]
                or doc[k].norm_ in {"'re", "are", "were", "was", "r"}
            ):
                k -= 1
            if k >= 0 and doc[k].norm_ == "you":
                return k
            return None
        j -= 1
        steps += 1
    return None


_MOCK_HEADS = [
    h.split()
    for h in [
        "nice one",
        "well done",
        "top marks",
        "hats off",
        "way to go",
        "bravo",
        "brilliant",
        "great stuff",
        "nice work",
        "good job",
        "great job",
        "nice job",
        "smooth move",
        "genius move",
        "classic",
        "typical",
        "real mature",
        "fantastic",
        "lovely",
        "wonderful",
        "perfect",
        "marvellous",
        "superb",
        "excellent",
        "great",
        "congratulations",
        "congrats",
        "gold star",
        "ten out of ten",
        "nice going",
        "good going",
        "great work",
        "good work",
        "amazing",
        "outstanding",
        "impressive",
        "stellar",
        "genius",
        "super",
    ]
]
_MOCK_NOUNS = _words("plan idea move work effort stuff job thinking one")
_MOCK_FILLER = _words(", ! . really honestly seriously truly just , -- — oh wow well")
_ALWAYS_MOCK = {
    "nice one",
    "typical",
    "classic",
    "real mature",
    "smooth move",
    "genius move",
    "way to go",
    "top marks",
    "bravo",
    "hats off",
    "ten out of ten",
    "gold star",
}
_BAD_FACT = _words(
    """
    another again late dented broken burnt burned missed lost forgot forgotten wrong alone
    ruined fine overdrawn locked empty cold spilt spilled scratched cancelled bounced
    """
)


def _mock_praise(sent: Span, model: _Model) -> tuple[int, int] | None:
    """Praise used as a jab: "Bravo, another bill paid late", "Brilliant plan, really, top
    marks", "Nice one." on its own, "Classic you." Sincere praise ("Well done on passing
    your test", "Top marks for the lasagne, it was delicious", "Nice one!") is not."""
    tokens = [t for t in sent if not t.is_space]
    words = [t.norm_ for t in tokens]
    i = 0
    while i < len(words) and words[i] in {"oh", "wow", "well", "ooh", ",", "gee"}:
        i += 1

    def head_at(k: int) -> list[str] | None:
        for head in sorted(_MOCK_HEADS, key=len, reverse=True):
            if words[k : k + len(head)] == head:
                return head
        return None

    head = head_at(i) if i < len(words) else None
    if head is None:
        return None
    end = i + len(head)
    if end < len(words) and words[end] in _MOCK_NOUNS and len(head) == 1:
        end += 1
    rest = words[end:]
    start_tok, end_tok = tokens[0].i, tokens[end - 1].i + 1
    phrase = " ".join(head)
    content = [w for w in rest if w not in _MOCK_FILLER]
    if rest[:1] in (["on"], ["for"], ["to"], ["with"], ["at"]) or (
        rest[:1] == ["you"] and phrase in {"congratulations", "congrats"}
    ):
        return None  # "Well done on passing your test", "Top marks for the lasagne"
    others = set(words) - set(head)
    for other in _MOCK_HEADS:
        if len(other) > 1 and " ".join(other) in " ".join(words):
            others -= set(other)  # "Well done, gold star for you": "star" is the jab
    if others & (model.sets["sincere"] | model.sets["positive"]) - {"really"}:
        return None
    if not content:
        ends_warm = "!" in words[end:]
        if phrase in _ALWAYS_MOCK and not ends_warm:
            return (start_tok, end_tok)
        return None
    if content in (["you"], ["of", "you"]) and phrase in {"classic", "typical"}:
        return (start_tok, end_tok)
    k = end
    while k < len(words) and words[k] in _MOCK_FILLER:
        k += 1
    if k < len(words) and k > end and head_at(k):
        return (start_tok, end_tok)  # "Brilliant plan, really, top marks"
    if rest[:1] and rest[0] in {",", "!", ".", "—", "-", "--"}:
        lemmas = {t.lemma_ for t in tokens[end:]}
        if (
            content[:1] == ["another"]
            or set(content) & _BAD_FACT
            or lemmas & model.sets["blame_verb"]
            or (content[:1] == ["you"] and set(content) & (model.sets["blame_cue"] | {"managed"}))
        ):
            return (start_tok, end_tok)  # "Bravo, another parking fine", "Great, it's dented"
    return None


_NOT_A_LABEL = _words(
    """
    shame pity relief treat surprise time lot difference pleasure joy gift honour privilege
    hurry rush state bit while few good great nice lovely long short big small little new
    fan catch keeper natural sweetie sweetheart darling dear doll babe honey love cutie
    sweetpea hunk pro expert help team gentleman lady softie sucker romantic charmer
    dream star rock hero legend gem angel saint lifesaver superstar champ trooper
    genius blessing sport mess day week night
    """
)
_LABEL_LEAD = _words(
    "total complete absolute utter real proper right massive bloody spoilt spoiled"
)
_LABEL_TAIL = _words("potato boy girl freak queen king brat head brain pants blanket nut bag case")


def _noun_labels(doc: Doc, model: _Model) -> list[tuple[int, int]]:
    """ "You're such a workaholic", "ur such a scatterbrain", "You're a total couch potato",
    "You're acting like a spoilt toddler": a noun said of the partner after "such a", "a
    total/complete …" or "acting like a", whatever the noun (the label list can't hold
    them all). Warm ones ("such a star", "a total sweetheart") are not labels."""
    found = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        norms = [t.norm_ for t in tokens]
        if "you" not in norms:
            continue
        for n, word in enumerate(norms[:-1]):
            if word not in {"a", "an"}:
                continue
            lead = norms[n - 1] if n else ""
            k = n + 1
            if lead not in {"such", "like"} and norms[k] not in _LABEL_LEAD:
                continue
            # Whose label: "you('re / are / were / being) …" or "acting like a …".
            before = norms[:n]
            said_of_you = (
                (
                    lead == "like"
                    and set(before[-2:]) & {"acting", "act", "acted", "behaving", "behave"}
                )
                or _you_are_label(doc, tokens[n].i, model) is not None
                or before[-1:] == ["you"]
            )
            if lead == "such" and not said_of_you and before[-2:-1] in (["'re"], ["are"], ["r"]):
                said_of_you = "you" in before[-4:]
            if not said_of_you:
                continue
            while k < len(norms) and (
                norms[k] in _LABEL_LEAD or norms[k] in model.sets["intensifier"]
            ):
                k += 1
            if k >= len(norms) or not tokens[k].is_alpha:
                continue
            head = norms[k]
            if (
                head in _NOT_A_LABEL
                or head in model.sets["positive"]
                or head in model.sets["sincere"]
                or head in model.sets["label_not_person"]
            ):
                continue
            end = k + 1
            if end + 1 < len(norms) and norms[end] == "'s" and tokens[end + 1].is_alpha:
                end += 2  # "a mummy's boy"
            elif end < len(norms) and norms[end] in _LABEL_TAIL:
                end += 1  # "a couch potato", "a control freak"
            if set(norms[k:end]) & (model.sets["positive"] | model.sets["sincere"] | _NOT_A_LABEL):
                continue
            found.append((tokens[k].i, tokens[end - 1].i + 1))
    return found


_PRAISE_ADJ = _words(
    """
    nice lovely great brilliant perfect wonderful fantastic super amazing marvellous superb
    excellent smooth classy mature helpful fab awesome cool impressive
    """
)
_ECHO = _words("really just truly so very real")
_JAB_END = _words("classic typical whatever hilarious")
_SARCASTIC_CAPS = _words("so such always really very totally")
_IRONIC_ADJ = _words(
    """
    helpful useful mature considerate thoughtful supportive kind nice great brilliant
    lovely caring sweet romantic generous smart clever grown responsible
    """
)


def _sarcasm(doc: Doc, model: _Model, others: bool) -> list[tuple[int, int]]:
    """Sarcasm the patterns can't see token by token:

    * a jab closing a sentence: "lol u forgot to pick me up, classic", "Just go, whatever.";
    * praise echoed: "Nice one, really nice.", "Lovely, just lovely";
    * praise left hanging by a one-word sentence: "Great job. Really.", "Ha. Hilarious.";
    * shouted emphasis on a state: "Sure, because you're SO busy", "your football is SO
      important" (not "I love you SO much");
    * "that's super helpful" after a complaint (``others``: the draft blames or orders).
    """
    found = []
    sents = list(doc.sents)
    for number, sent in enumerate(sents):
        tokens = [t for t in sent if not t.is_space]
        norms = [t.norm_ for t in tokens]
        words = [w for w in norms if w.isalpha()]
        if not words:
            continue
        # A closing jab after a comma.
        last = len(norms) - 1
        while last > 0 and not tokens[last].is_alpha:
            last -= 1
        if (
            norms[last] in _JAB_END
            and last > 0
            and norms[last - 1] in {",", "-", "—", "..."}
            and not set(words) & model.sets["sincere"]
        ):
            found.append((tokens[last].i, tokens[last].i + 1))
        # Praise echoed: "Nice one, really nice."
        heads = [i for i, w in enumerate(norms) if w in _PRAISE_ADJ]
        if len(heads) >= 2 and norms[heads[0]] == norms[heads[-1]] and heads[0] <= 1:
            between = set(norms[heads[0] + 1 : heads[-1]]) - {",", "one", "."}
            if between <= _ECHO and not set(words) & (model.sets["sincere"] - _PRAISE_ADJ):
                found.append((tokens[heads[0]].i, tokens[heads[-1]].i + 1))
        # Praise alone, then "Really." / a one-word "Hilarious."
        if (
            number + 1 < len(sents)
            and len(words) <= 2
            and set(words)
            <= (_PRAISE_ADJ | {"job", "one", "work", "done", "well", "thanks", "oh", "wow"})
            and set(words) & (_PRAISE_ADJ | {"done", "thanks"})
        ):
            nxt = [w for w in _norms(sents[number + 1]) if w.isalpha()]
            if nxt in (["really"], ["seriously"], ["truly"], ["honestly"], ["wow"], ["bravo"]):
                found.append((tokens[0].i, tokens[-1].i + 1))
        if words in (["hilarious"], ["hysterical"], ["riveting"], ["fascinating"]) and (
            number > 0 or len(sents) > 1
        ):
            found.append((tokens[0].i, tokens[-1].i + 1))
        # Shouted emphasis: "you're SO busy", "is SO important".
        for n, token in enumerate(tokens[1:-1], 1):
            if token.text.isupper() and len(token.text) > 1 and token.norm_ in _SARCASTIC_CAPS:
                previous, nxt_word = norms[n - 1], norms[n + 1]
                if previous in {"'re", "are", "is", "'s", "were", "was", "you", "r"} and (
                    nxt_word not in model.sets["sincere"] | model.sets["positive"] - _IRONIC_ADJ
                    and nxt_word not in {"much", "many", "sorry", "proud", "happy", "excited"}
                ):
                    found.append((token.i, tokens[n + 1].i + 1))
        # "that's super helpful", said after a complaint.
        if others and len(norms) >= 3:
            for n in range(len(norms) - 2):
                if norms[n] in {"that", "this", "it"} and norms[n + 1] in {"'s", "is", "was"}:
                    k = n + 2
                    while k < len(norms) and norms[k] in {
                        "super",
                        "so",
                        "really",
                        "very",
                        "just",
                        "soo",
                    }:
                        k += 1
                    if (
                        n + 2 < k < len(norms)
                        and norms[k] in _IRONIC_ADJ
                        and not set(words) & {"thanks", "thank", "love"}
                    ):
                        found.append((tokens[n].i, tokens[k].i + 1))
    return found


def _spans(doc: Doc, model: _Model) -> list[tuple[str, int, int]]:
    """Token spans (kind, start, end) after context checks, merged per kind."""
    raw: dict[str, list[tuple[int, int]]] = {k: [] for k in KINDS}
    matches = []
    for match_id, start, end in model.matcher(doc):
        key = doc.vocab.strings[match_id]
        if key in model.anchored and start != doc[start].sent.start:
            continue
        matches.append((key.split("#", 1)[0], start, end))
    # Sarcasm first: it changes how the rest of its sentence reads.
    for kind, start, end in matches:
        span = doc[start:end]
        if kind == "contempt" and _keep(kind, span, span.sent, model):
            raw[kind].append((start, end))
    for sent in doc.sents:
        mock = _mock_praise(sent, model)
        if mock is not None:
            raw["contempt"].append(mock)
    complains = any(k in {"blame", "demand"} for k, _s, _e in matches)
    raw["contempt"].extend(_sarcasm(doc, model, complains))
    sarcastic_sents = {doc[s].sent.start for s, _e in raw["contempt"]}
    for kind, start, end in matches:
        span = doc[start:end]
        sarcastic = span.sent.start in sarcastic_sents
        if kind != "contempt" and _keep(kind, span, span.sent, model, sarcastic):
            raw[kind].append((start, end))
    raw["label"].extend(_noun_labels(doc, model))
    trimmed = []
    for s, e in raw["demand"]:
        while (
            s < e - 1
            and (doc[s].norm_ in _CLAUSE_LEAD or doc[s].is_space)
            and doc[s].norm_ != "just"
        ):
            s += 1
        trimmed.append((s, e))
    raw["demand"] = [
        (s, e) for s, e in trimmed if not any(cs <= s and e <= ce + 1 for cs, ce in raw["contempt"])
    ]  # "Slow clap for remembering the bins" is sarcasm, not an order
    for start, end in _generic_blame(doc, model):
        span = doc[start:end]
        if _keep("blame", span, span.sent, model):
            raw["blame"].append((start, end))
    # "Way to go, you made the kids cry", "Oh sure, because you're so busy scrolling": the
    # "you…" inside sarcasm is an accusation too (the positive-clause filter below keeps
    # "because you're always so helpful" out).
    for token in doc:
        if token.norm_ != "you" or doc[token.i].sent.start not in sarcastic_sents:
            continue
        if token.i + 1 >= len(doc):
            continue
        nxt = doc[token.i + 1]
        prev = doc[token.i - 1].norm_ if token.i > doc[token.i].sent.start else ""
        subject = _you_is_subject(doc, token.i) or prev in {"because", "cos", "cause", "coz"}
        # "you're SO busy" in sarcasm is the ironic praise, not an accusation; "you were too
        # busy to call" and "you managed to upset my mum" report what happened.
        managed = (
            nxt.norm_ == "managed" and token.i + 3 < len(doc) and doc[token.i + 2].norm_ == "to"
        )
        acts = nxt.norm_ in {"were", "was", "'ve", "have"} or (
            _is_past(nxt, model) and nxt.norm_ not in model.sets["not_an_act"]
        )
        if managed and doc[token.i + 3].lemma_ in model.sets["blame_verb"]:
            raw["blame"].append((token.i, token.i + 4))
        elif subject and acts and nxt.lemma_ not in model.sets["kind_act"]:
            raw["blame"].append((token.i, token.i + 2))
    # "Thanks so much for forgetting my birthday", "Great job ruining dinner": the act the
    # sarcasm thanks the partner for is the blame.
    for token in doc:
        if token.sent.start not in sarcastic_sents or not token.norm_.endswith("ing"):
            continue
        base = _ing_base(token.norm_)
        previous = _norms(doc[max(token.sent.start, token.i - 3) : token.i])
        if base in model.sets["blame_verb"] and set(previous) & {
            "for",
            "job",
            "on",
            "done",
            "work",
        }:
            raw["blame"].append((token.i, token.i + 1))
    # "You're (so / such a / the most) selfish" is a label, not blame: it names the person,
    # not something they did. A blame pattern that only covers the label goes.
    for start, end in raw["label"]:
        you = _you_are_label(doc, start, model)
        if you is not None:
            raw["blame"] = [(s, e) for s, e in raw["blame"] if not (you <= s and e <= end + 1)]
    # Sarcasm owns the absolutes and praise inside it ("thanks for nothing", "because
    # you're always so helpful" is not blame).
    contempt = raw["contempt"]
    raw["absolute"] = [
        (s, e) for s, e in raw["absolute"] if not any(cs <= s and e <= ce for cs, ce in contempt)
    ]
    raw["blame"] = [
        (s, e)
        for s, e in raw["blame"]
        if not (
            doc[s].sent.start in sarcastic_sents
            and set(_norms(_clause_after(doc, s))) & model.sets["positive"]
        )
    ]
    # "I bet you forgot on purpose": the "you…" is the guess, already a mind-reading.
    minds = raw["mind_reading"]
    raw["blame"] = [(s, e) for s, e in raw["blame"] if not any(ms < s < me for ms, me in minds)]
    # "Why do you always…" is a why-question, not also blame.
    whys = {doc[s].sent.start for s, _e in raw["why_question"]}
    raw["blame"] = [
        (s, e)
        for s, e in raw["blame"]
        if doc[s].sent.start not in whys or _after_why_clause(doc[s:e], doc[s].sent)
    ]
    doc.user_data["label_tokens"] = {i for s, e in raw["label"] for i in range(s, e)}
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


def _verdict(doc: Doc, spans: list[tuple[str, int, int]], model: _Model) -> str:
    kinds = {k for k, _s, _e in spans}
    if not kinds:
        return "i_statement"
    sents = list(doc.sents)
    framed = {s.start for s in sents if _frame_at(_norms(s), model) is not None}
    opens_framed = bool(sents) and sents[0].start in framed
    if opens_framed and not kinds & {"blame", "label", "contempt"}:
        return "i_statement"
    if kinds & {"label", "contempt"} or ("absolute" in kinds and kinds & {"blame", "why_question"}):
        return "hurtful"
    return "gentler"


# --- the suggestion --------------------------------------------------------------------------

_DROP = _words(
    """
    always never constantly just even really ever still again anymore literally honestly
    obviously clearly once completely totally actually forever continually seriously
    deliberately purposely so
    """
)
_CLAUSE_END = set(
    [".", "!", "?", ";", ",", "and", "but", "because", "when", "while", ":", "whenever", "cos"]
)
_TAG_AUX = {"do", "did", "does", "are", "were", "is", "have", "was", "wo", "ca", "can", "will"}
_ATTACHED = {"n't", "'re", "'s", "'ve", "'ll", "'d", "'m", "-"}
_BE = {"'re", "are", "were", "was", "r"}
_MODAL = {"could", "should", "would", "might", "must", "'d", "will", "'ll", "can", "ca", "wo"}
_DANGLING_END = _words(
    """
    a an the such so being your my our to of with at for and but very really be than more
    most 're you're you've like about from by into look person man woman people kind type
    sort just when or feel seem sound who which
    """
)
_PRONOUN_HEADS = {"we", "i", "they", "he", "she", "it", "the", "kids", "my", "our", "everyone"}
_NOT_A_HEAD = _words(
    """
    to like than about for of in on at with the a an so such this that more too there and
    but 's is it all no nothing everything only one person
    """
)


@dataclass(frozen=True)
class _Event:
    text: str
    past: bool = False
    perfect: bool = False
    felt: str = ""  # "You made me feel small" -> "small": the writer's own words


def _clause_after(doc: Doc, start: int) -> list[Token]:
    tokens = []
    for token in doc[start:]:
        if token.is_space:
            continue
        if token.norm_ == "so":
            # "so" ends a clause only as a conjunction ("…, so I left"), not as "so lazy".
            nxt = doc[token.i + 1].norm_ if token.i + 1 < len(doc) else ""
            if nxt in {"i", "we", "you", "now", "then", "that"}:
                break
            tokens.append(token)
            continue
        if token.norm_ in _CLAUSE_END or (token.is_sent_start and tokens):
            break
        if token.norm_ in _TAG_AUX and tokens:
            # A tag at the end ("…anymore, do you", "…again, didn't you") is not the event.
            rest = [
                t.norm_ for t in doc[token.i + 1 : token.sent.end] if t.is_alpha or t.norm_ == "n't"
            ]
            if (rest[:1] == ["you"] and len(rest) == 1) or rest == ["n't", "you"]:
                break
        if token.is_punct and token.text not in {"'", "-"}:
            break
        tokens.append(token)
    return tokens


def _word(token: Token) -> str:
    """How a token is written in a suggestion: the spelling-fixed word, "I" capitalised."""
    norm = token.norm_
    if norm == "i":
        return "I"
    if norm != token.lower_ and (
        norm in _ATTACHED or token.lower_ in _SPELLING or norm == "your" or norm == "you"
    ):
        return norm
    return token.text


def _render(tokens: list[Any]) -> str:
    text = ""
    for token in tokens:
        piece = token if isinstance(token, str) else _word(token)
        if text and not piece.startswith("'") and piece not in {"n't", "-"}:
            text += " "
        text += piece
    return text.strip()


def _is_past(token: Token, model: _Model) -> bool:
    word = token.norm_
    if word in model.sets["irregular_past"] or word in {"did", "was", "were", "had"}:
        return True
    return word.endswith("ed") and token.lemma_ != word and len(word) > 3


def _reads_well(words: list[str]) -> bool:
    """Whether an event clause is a whole clause: no dangling "you're," or "you this"."""
    if len(words) < 2 or not words[0].startswith("you"):
        return False
    if words[-1].lower() in _DANGLING_END:
        return False
    if words[0] == "you" and words[1].lower() in _NOT_A_HEAD | {"'re", "were", "are", "was"}:
        return (
            len(words) > 2
            and words[1] in {"were", "was"}
            and words[2] not in _NOT_A_HEAD - {"on", "at", "in", "there", "here", "so"}
        )
    return True


_FILLERS = (
    ("for", "once"),
    ("for", "a", "change"),
    ("as", "usual"),
    ("as", "always"),
    ("no", "excuses"),
    ("right", "now"),
    ("or", "else"),
    ("like", "always"),
    ("as", "ever"),
    ("for", "no", "reason"),
    ("on", "purpose"),
)


def _filler_phrases(tokens: list[Any]) -> set[int]:
    """Token indices of filler phrases a suggestion leaves out ("for once", "as usual")."""
    norms = [t.norm_ for t in tokens]
    found: set[int] = set()
    for n in range(len(norms)):
        for phrase in _FILLERS:
            if tuple(norms[n : n + len(phrase)]) == phrase:
                found |= {tokens[k].i for k in range(n, n + len(phrase))}
    return found


@dataclass(frozen=True)
class _Piece:
    """A word the suggestion puts in place of a token ("everyone" -> "other people")."""

    text: str
    i: int = -1
    is_space: bool = False
    is_punct: bool = False

    @property
    def norm_(self) -> str:
        return self.text

    lower_ = norm_
    lemma_ = norm_


_SOFTER = {
    "everyone": "other people",
    "everybody": "other people",
    "everything": "things",
    "forever": "a long time",
}


def _strip(tokens: list[Token], model: _Model, absolute: set[int]) -> tuple[list[Any], bool]:
    """Drop absolutes, fillers and labels; say whether a label about the person was dropped."""
    kept: list[Any] = []
    dropped_label = False
    skip_time = False
    phrases = _filler_phrases(tokens)
    keep_next = False
    for t in tokens:
        word = t.norm_
        if word in {"n't", "not"}:
            kept.append(t)  # "don't ever do that" keeps its "don't"
            continue
        if t.i in absolute or word in {"every", "each"}:
            if word in _SOFTER:
                kept.append(_Piece(_SOFTER[word]))  # "in front of everyone" -> "…other people"
                continue
            nxt = t.doc[t.i + 1].norm_ if t.i + 1 < len(t.doc) else ""
            if word in {"every", "each"} and (
                nxt not in model.sets["time_noun"] or (len(kept) == 1 and nxt != "time")
            ):
                kept.append(_Piece("the"))  # "you ruin every holiday" -> "you ruin the holiday"
                keep_next = True
                continue
            if keep_next and word not in {"single"}:
                kept.append(t)
                keep_next = False
                continue
            skip_time = True
            continue
        if t.i in phrases:
            continue
        if skip_time and word in model.sets["time_noun"]:
            skip_time = False
            continue
        skip_time = False
        if word in _DROP:
            nxt = t.doc[t.i + 1].norm_ if t.i + 1 < len(t.doc) else ""
            if word == "so" and nxt in {"much", "many", "often", "long", "little", "far", "hard"}:
                kept.append(t)  # "stop spending so much" keeps its "so"
            continue
        labels = t.doc.user_data.get("label_tokens", set())
        is_label = t.i in labels
        is_intensifier = word in model.sets["intensifier"] and bool({t.i + 1, t.i + 2} & labels)
        if is_label or is_intensifier:
            previous = kept[-1].norm_ if kept else ""
            if previous in {"look", "feel", "sound", "seem", "me", "like", "myself"}:
                kept.append(t)  # "you made me look stupid": the writer's words about themself
                continue
            dropped_label = dropped_label or is_label
            continue
        kept.append(t)
    return kept, dropped_label


def _you_event(
    doc: Doc,
    you: int,
    model: _Model,
    absolute: set[int],
    negated: bool = False,
    tense: bool | None = None,
) -> _Event | None:
    """What "you" did, as a clause for "when …"; None when nothing concrete is left.

    ``tense`` forces past (True) or present (False), as a question's helper verb does.
    """
    clause = _clause_after(doc, you + 1)
    # The helpers and adverbs before the verb: "you (never / didn't even / have never) …".
    lead = 0
    while lead < len(clause) and (
        clause[lead].norm_ in _NEG | _DROP | {"do", "did", "does", "have", "'ve", "has", "so"}
        and not (
            clause[lead].norm_ in {"do", "did", "does", "have", "has", "'ve"}
            and (lead + 1 >= len(clause) or clause[lead + 1].norm_ not in _NEG | _DROP)
        )
    ):
        lead += 1
    helpers = clause[:lead]
    negated = negated or any(t.norm_ in _NEG for t in helpers)
    perfect_helper = any(t.norm_ in {"have", "'ve", "has"} for t in helpers)
    body, dropped_label = _strip(clause[lead:], model, absolute)
    words = body
    if not words:
        return None
    head = words[0]
    past = (
        _is_past(head, model)
        or any(t.norm_ == "did" for t in helpers)
        or any(t.norm_ in {"did", "were", "was"} for t in doc[max(0, you - 2) : you])
    )
    if tense is not None:
        past = tense
    if perfect_helper:
        # "you've never once apologised" -> "you haven't apologised"
        verb = "haven't" if negated else "'ve"
        return _Event(_render(["you", verb, *words]), perfect=True)
    word = head.norm_
    if word in _PRONOUN_HEADS:
        return None  # "because of you we missed the train": "you" is not doing anything
    if word in {"promised", "promise", "said", "say"} and any(
        t.norm_ == "n't" for t in doc[clause[-1].i + 1 : doc[you].sent.end]
    ):
        return None  # "You promised to call and you didn't": the broken promise is the event
    if word in _BE:
        rest = [t for t in words[1:] if t.norm_ != "being"]
        allowed = {"on", "at", "in", "so", "there", "here", "too"}
        if dropped_label or not rest or rest[0].norm_ in _NOT_A_HEAD - allowed:
            return None
        if rest[0].norm_ in {"the", "a", "an"}:
            return None
        negated = negated or any(t.norm_ in _NEG for t in clause[1:3])
        rest = [t for t in rest if t.norm_ not in _NEG]
        be = "were" if word in {"were", "was"} else "'re"
        text = _render(["you", be] + (["not"] if negated else []) + rest)
        return _Event(text, past=be == "were")
    if word in {"have", "'ve", "has"}:
        rest = words[1:]
        if not rest:
            return None
        if rest[0].norm_ in {"no", "to"}:
            return _Event(_render(["you", *words]), past=False) if len(rest) > 1 else None
        verb = "haven't" if negated else "'ve"
        return _Event(_render(["you", verb, *rest]), perfect=True)
    if word in _MODAL:
        rest = words[1:]
        if rest and rest[0].norm_ in _NEG:
            negated, rest = True, rest[1:]
        if rest and rest[0].norm_ in {"have", "'ve"} and len(rest) > 1:
            # "you should have told me" -> "you didn't tell me"
            return _Event(_render(["you", "didn't", rest[1].lemma_, *rest[2:]]), past=True)
        if negated and rest and word in {"ca", "can", "wo", "will", "could", "would"}:
            modal = {
                "ca": "can't",
                "can": "can't",
                "wo": "won't",
                "will": "won't",
                "could": "couldn't",
                "would": "wouldn't",
            }[word]
            return _Event(_render(["you", modal, *rest]), past=word in {"could", "would"})
        return None
    if (
        word in {"made", "make", "makes"}
        and len(words) > 2
        and words[1].norm_ in {"me", "us"}
        and words[2].norm_ == "feel"
    ):
        # The writer's own words, negations kept: "like I don't matter".
        felt = _render([t for t in words[3:] if t.norm_ not in {"even"}])
        return _Event("", past=word == "made", felt=felt) if felt else None
    if word in _NOT_A_HEAD or not word.isalpha():
        return None
    rest = words[1:]
    if word.endswith("ing") and len(word) > 4:
        # "I'm tired of you ignoring me" -> "you ignore me"
        head = _Piece(_ing_base(word))
        past = False
    if negated and head.lemma_ == "be":
        return None  # "Why can't you be nicer…" has no act to name
    if negated:
        aux = "didn't" if past else "don't"
        text = _render(["you", aux, head.lemma_, *rest])
    elif past:
        text = _render(["you", head if _is_past(head, model) else _past(head.lemma_), *rest])
    else:
        verb = head.lemma_ if head.norm_.endswith("s") and head.lemma_ else head
        text = _render(["you", verb, *rest])
    return _Event(text, past=past)


def _ing_base(word: str) -> str:
    """ "helping" -> "help", "making" -> "make", "sitting" -> "sit"."""
    stem = word[:-3]
    for candidate in (
        stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
        stem + "e",
        stem,
    ):
        if (
            candidate
            and simplemma.is_known(candidate, lang="en")
            and (candidate != stem + "e" or not _STEM_END.search(stem))
        ):
            return candidate
    return stem


def _past(verb: str) -> str:
    """ "say" -> "said", "invite" -> "invited", "stop" -> "stopped"."""
    irregular = _IRREGULAR.get(verb, "").split()
    if irregular:
        return irregular[0]
    if verb in _IRREGULAR:
        return verb  # "put", "let", "cut"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    if len(verb) <= 4 and re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def _topic(doc: Doc, spans: list[tuple[str, int, int]], model: _Model) -> dict[str, Any] | None:
    """The topic whose words the draft uses most; words in a finding count double."""
    inside = {i for _k, s, e in spans for i in range(s, e)}
    best, best_score = None, 0
    for topic in model.topics:
        words = set(topic["words"])
        score = 0
        for token in doc:
            if token.norm_ in words or token.lemma_ in words:
                score += 2 if token.i in inside else 1
        if score > best_score:
            best, best_score = topic, score
    return best


@cache
def _journal_words() -> frozenset[str]:
    return frozenset(f.word.lower() for f in feelings.all_feelings())


def _feeling_word(slug: str) -> str:
    if slug == "hurt":
        return _("hurt")  # the core feeling's word is "Hurt and shame"
    feeling = feelings.find(slug)
    return _(feeling.word) if feeling else slug


_MODAL_WORDS = _words(
    """
    you need to ta have 've got 'd had better must should really just seriously honestly
    """
)


def _demand_request(doc: Doc, start: int, end: int, model: _Model, absolute: set[int]) -> str:
    """ "Put your phone away" -> "put your phone away"; "" when only an insult is left."""
    sent = doc[start].sent
    if doc[start].norm_ in {"can", "could"}:
        tokens = _clause_after(doc, start + 2)  # "Can you not do that?" -> "not do that"
        raw = " ".join(t.norm_ for t in tokens)
        return _render(tokens) if tokens and raw not in {"not"} else ""
    if doc[start].norm_ == "you":
        # "You need to call your mother" -> "call your mother"
        first = start
        while first < sent.end and doc[first].norm_ in _MODAL_WORDS:
            first += 1
        tokens = _clause_after(doc, first)
    elif start == sent.start or (start > 0 and doc[start - 1].norm_ in _CLAUSE_LEAD):
        tokens = list(doc[start:end]) + _clause_after(doc, end)
    else:
        tokens = _clause_after(doc, end)
    # "Get up and help": a second order joined by "and" belongs to the request.
    while tokens and tokens[-1].i + 2 < len(doc) and doc[tokens[-1].i + 1].norm_ == "and":
        nxt = doc[tokens[-1].i + 2]
        if nxt.norm_ in _SUBJECTS or not nxt.is_alpha or nxt.norm_ in {"the", "a", "my"}:
            break
        tokens += [doc[tokens[-1].i + 1], *_clause_after(doc, nxt.i)]
    raw = " ".join(t.norm_ for t in tokens)
    if any(raw.startswith(p) for p in model.sets["rude_request"]):
        return ""
    words, dropped_label = _strip(tokens, model, absolute)
    words = [t for t in words if t.norm_ not in {"now", "yourself"}]
    norms = [t.norm_ for t in words]
    if dropped_label or not words or norms[-1] in {"being", "be", "like", "a", "an", "such"}:
        return ""
    negative = norms[:2] == ["do", "n't"]
    if negative:
        words, norms = words[2:], norms[2:]
        if norms[:2] == ["you", "dare"]:
            words, norms = words[2:], norms[2:]  # "Don't you dare walk away"
    if norms[:1] == ["be"] and len(words) > 1 and norms[1].endswith("ing"):
        # "You should be helping me" -> "help me"
        words = [_Piece(_ing_base(words[1].norm_)), *words[2:]]
        norms = [w.norm_ for w in words]
    if not words or norms[:1] == ["you"] or norms[0] in _NOT_A_HEAD:
        return ""
    return _render((["not"] if negative else []) + words)


def _suggest(doc: Doc, spans: list[tuple[str, int, int]], model: _Model) -> str:
    topic = _topic(doc, spans, model)
    kinds = {k for k, _s, _e in spans}
    slug = topic["feeling"] if topic else model.default_feeling
    need = _(topic["need"]) if topic else _(model.default_need)
    if not kinds & {"blame", "absolute", "demand", "why_question", "mind_reading"}:
        # Labels and sarcasm alone: name the feeling underneath, not the person.
        slug = topic["feeling"] if topic else "hurt"
    feeling = _feeling_word(slug)
    absolute = {i for k, s, e in spans if k == "absolute" for i in range(s, e)}
    event: _Event | None = None
    for kind in ("blame", "why_question", "mind_reading", "demand"):
        found = [(s, e) for k, s, e in spans if k == kind]
        if not found:
            continue
        start, end = found[0]
        if kind == "demand":
            if event is not None:
                break
            request = _demand_request(doc, start, end, model, absolute)
            if request:
                return _(
                    "I feel %(feeling)s right now, and I need your help: could you %(request)s?"
                ) % {"feeling": feeling, "request": request.rstrip(".!").lower()}
            continue
        sent = doc[start].sent
        if doc[start].norm_ in {"if", "had"}:
            continue  # "If you had set an alarm…": no plain act to name
        you = next((t.i for t in doc[start:end] if t.norm_ == "you"), None)
        if you is None:
            you = next((t.i for t in sent if t.norm_ == "you" and t.i >= start - 3), None)
        if you is None:
            continue
        if kind == "mind_reading":
            event = _mind_event(doc, you, model, start, end)
        else:
            before = {t.norm_ for t in doc[start:you]}
            # A question's helper sets the tense: "Why didn't you call?", "Why can't you…?"
            tense = None
            if kind == "why_question":
                tense = bool(before & {"did", "were", "was", "could", "would", "had"})
            if kind == "why_question" and before & {"are", "were", "was", "is", "'re"}:
                event = _be_event(doc, you, model, absolute, before, tense)
            else:
                event = _you_event(
                    doc, you, model, absolute, negated=bool(before & {"n't", "not"}), tense=tense
                )
            if event and event.text and not _reads_well(event.text.split()):
                event = None
        if event:
            break
    verb = _("felt") if event and event.past else _("feel")
    if event and event.felt:
        felt = event.felt
        first = felt.split()[0].lower()
        if first in _journal_words():
            own = felt
        elif first in {"like", "as"}:
            own = f"{feeling}, {felt}"
        else:
            own = f"{feeling} and {felt}"
        return _("I %(verb)s %(own)s, and I need %(need)s.") % {
            "verb": verb,
            "own": own,
            "need": need,
        }
    if event and event.text:
        template = (
            _("I feel %(feeling)s that %(event)s, and I need %(need)s.")
            if event.perfect
            else _("I %(verb)s %(feeling)s when %(event)s, and I need %(need)s.")
        )
        return template % {
            "verb": verb,
            "feeling": feeling,
            "event": " ".join(event.text.split()),
            "need": need,
        }
    if kinds <= {"absolute"}:
        return _("I feel %(feeling)s about how things have been lately, and I need %(need)s.") % {
            "feeling": feeling,
            "need": need,
        }
    return _("I feel %(feeling)s about what happened, and I need %(need)s.") % {
        "feeling": feeling,
        "need": need,
    }


def _be_event(
    doc: Doc, you: int, model: _Model, absolute: set[int], before: set[str], past: bool | None
) -> _Event | None:
    """ "Why aren't you ready yet?" -> "you're not ready yet"; None for a label."""
    words, dropped_label = _strip(_clause_after(doc, you + 1), model, absolute)
    words = [t for t in words if t.norm_ not in _NEG | {"being"}]
    if dropped_label or not words or words[0].norm_ in _NOT_A_HEAD - {"on", "at", "in", "there"}:
        return None
    negated = bool(before & {"n't", "not"})
    be = "were" if past else "'re"
    return _Event(_render(["you", be] + (["not"] if negated else []) + words), past=bool(past))


def _mind_event(doc: Doc, you: int, model: _Model, start: int, end: int) -> _Event:
    clause = _clause_after(doc, you + 1)
    negated = any(t.norm_ in _NEG for t in clause[:4])
    verbs = [t for t in clause if t.lemma_ in model.sets["mind_verb"]]
    if negated and verbs and not any(t.norm_ == "less" for t in clause):
        rest, _dropped = _strip(_clause_after(doc, verbs[0].i + 1), model, set())
        text = _render(["I'm", "not", "sure", "you", verbs[0].lemma_, *rest])
        if text.split()[-1].lower() not in _DANGLING_END:
            return _Event(text)
    return _Event(_("I can't tell what you're thinking"))


def coach(draft: str) -> CoachResult:
    """Findings, a verdict and a suggested I-statement for one draft message."""
    text = draft[:MAX_CHARS]
    if not text.strip():
        return CoachResult(verdict="i_statement", findings=(), suggestion="")
    model = _model()
    clean, where = _normalise(text)
    doc = _doc(clean)
    spans = _spans(doc, model)

    def start_of(i: int) -> int:
        return where[doc[i].idx]

    def end_of(i: int) -> int:
        return where[doc[i].idx + len(doc[i].text) - 1] + 1

    findings = tuple(
        sorted(
            (
                Finding(
                    kind=kind,
                    start=start_of(s),
                    end=end_of(e - 1),
                    explanation=_(EXPLANATIONS[kind]),
                )
                for kind, s, e in spans
            ),
            key=lambda f: (f.start, f.end, KINDS.index(f.kind)),
        )
    )
    verdict = _verdict(doc, spans, model)
    if not findings or verdict == "i_statement":
        suggestion = text.strip()
    else:
        suggestion = _suggest(doc, spans, model)
    return CoachResult(verdict=verdict, findings=findings, suggestion=suggestion)

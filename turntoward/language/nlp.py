"""Shared, offline text helpers: one blank English spaCy pipeline and simplemma lemmas.

Nothing here downloads anything. `spacy.blank("en")` gives the rule-based English
tokenizer (with its contraction exceptions: "won't" -> "wo" + "n't", norm "will" + "not");
simplemma ships its own lemma tables. Both are loaded once, lazily, per process.

Every token gets a `key` (custom attribute `Token._.key`, also written to `Token.norm_` so
the Matcher reads it natively): the lower-cased, spelling-fixed norm, lemmatised, except
closed-class words (pronouns, determiners), which stay as they are so that "him" and "he"
or "me" and "I" are not merged. Patterns are written in the same
terms and go through `key_of` too, so "hitting", "hits" and "hit" all match `hit`.
"""

from __future__ import annotations

import itertools
import re
import threading
from functools import lru_cache

import simplemma
import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

# Words kept as written: lemmatisers fold "him" into "he" and "me" into "I".
KEEP = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "myself",
        "we",
        "us",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "it",
        "its",
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
    ]
)

# Common misspellings, abbreviations and contraction remnants -> a canonical word.
SPELLING = {
    # contractions typed without an apostrophe, as the tokenizer leaves them
    "im": "i",
    "m": "am",
    "ive": "i",
    "id": "i",
    "nt": "not",
    "dont": "do",
    "cant": "can",
    "wont": "will",
    "hes": "he",
    "shes": "she",
    "wanna": "want",  # normally split into "wan" + "na" by the tokenizer (see `nlp()`)
    "gonna": "going",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "bc": "because",
    "abt": "about",
    "tho": "though",
    "rn": "now",
    "ppl": "people",
    "tryna": "try",
    "u": "you",
    "ur": "your",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "fiancé": "fiance",
    "fiancée": "fiance",
    "fiancee": "fiance",
    "alive": "alive",
    # misspellings seen in free text
    "sucide": "suicide",
    "suicde": "suicide",
    "suiside": "suicide",
    "sucicide": "suicide",
    "suicid": "suicide",
    "sucidal": "suicidal",
    "suicidial": "suicidal",
    "suicidall": "suicidal",
    "dieing": "die",
    "dyin": "die",
    "killin": "kill",
    "hittin": "hit",
    "hurtin": "hurt",
    "beatin": "beat",
    "cuttin": "cut",
    "boyfreind": "boyfriend",
    "girlfreind": "girlfriend",
    "boyfirend": "boyfriend",
    "husbnd": "husband",
    "paycheque": "paycheck",
    "suicdal": "suicidal",
    "suisidal": "suicidal",
    "suicidle": "suicidal",
    "suicidel": "suicidal",
    "kil": "kill",
    "kms": "kms",
    "selfharm": "selfharm",
    "unalive": "unalive",
    "unaliving": "unalive",
    "eggshell": "eggshell",
    "scaired": "scared",
    "scard": "scared",
    "afriad": "afraid",
    "affraid": "afraid",
    "terified": "terrified",
    "threatend": "threatened",
    "threatning": "threatening",
    "chocked": "choked",
    "choaked": "choked",
    "slaped": "slapped",
    "punshed": "punched",
    "abusng": "abusing",
}

# Where simplemma leaves a past form alone or picks the wrong word.
LEMMA_FIX = {
    "felt": "feel",
    # simplemma's guesses for these are other words ("asked" -> "aske", "ran" -> "rin").
    "asked": "ask",
    "swore": "swear",
    "ran": "run",
    "went": "go",
    "drove": "drive",
    "fell": "fall",
    "given": "give",
    "spoke": "speak",
    "staring": "stare",
    "breathing": "breathe",
    "panicking": "panic",
    # Misspelt with one consonant, which the silent-e rule would read as another word.
    "cuting": "cut",
    "hiting": "hit",
    "geting": "get",
    "puting": "put",
    "panicked": "panic",
    "bathing": "bathe",
    "loathing": "loathe",
    "soothing": "soothe",
    "scaring": "scare",
    "left": "leave",
    "shook": "shake",
    "bit": "bite",
    "broke": "break",
    "hit": "hit",
    "beaten": "beat",
    "better": "better",
    "thought": "think",
    "thoughts": "think",
    "dead": "dead",
    "dying": "die",
    "tired": "tired",
    "wo": "will",
    "ca": "can",
    "sha": "shall",
    "'m": "be",
    "am": "be",
    "'re": "be",
    "'s": "'s",
    "'d": "would",
    "'ll": "will",
    "'ve": "have",
    "n't": "not",
    "cannot": "can",
    "scared": "scared",
    "terrified": "terrified",
    "frightened": "frightened",
    "allowed": "allow",
    "texts": "text",
    "tabs": "tab",
    "kms": "kms",
    "us": "us",
}

# Spoken contractions the tokenizer splits into two tokens, so "wanna die" reads as
# "want to die": (written form, first piece, its norm, second piece, its norm).
SPLIT_CONTRACTIONS = (
    ("wanna", "wan", "want", "na", "to"),
    ("hafta", "haf", "have", "ta", "to"),
    ("hasta", "has", "have", "ta", "to"),
    ("needa", "need", "need", "a", "to"),
    ("finna", "fin", "going", "na", "to"),
)
# Digits typed for words after a word that takes them: "i want 2 die", "nothing 4 me".
DIGIT_WORDS = {"2": "to", "4": "for"}
DIGIT_AFTER = frozenset(
    {
        "want", "wan", "need", "go", "going", "gon", "try", "like", "hate", "ready", "about",
        "use", "used", "suppose", "supposed", "deserve", "wish", "plan", "start", "begin",
        "love", "refuse", "threaten", "ask", "tell", "allow", "allowed", "able", "reason",
        "point", "nothing", "live", "decide", "mean", "choose", "way", "time",
    }
)  # fmt: skip
# After these, a bare "s" is the verb ("hes going to snap" -> he 's going ...).
S_AFTER = frozenset({"he", "she", "it", "that", "what", "there", "who", "where"})


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string, for the short lists kept in code."""
    return frozenset(text.split())


_lock = threading.Lock()
_nlp: Language | None = None


def nlp() -> Language:
    """The blank English pipeline, built once per process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                if not Token.has_extension("key"):
                    Token.set_extension("key", default="")
                pipeline = spacy.blank("en")
                for written, first, first_norm, _second, second_norm in SPLIT_CONTRACTIONS:
                    for form in {written, written.capitalize(), written.upper()}:
                        cut = len(first)
                        pipeline.tokenizer.add_special_case(
                            form,
                            [
                                {ORTH: form[:cut], NORM: first_norm},
                                {ORTH: form[cut:], NORM: second_norm},
                            ],
                        )
                _nlp = pipeline
    return _nlp


_APOSTROPHES = re.compile("[\u2018\u2019\u02bc\u0060\u00b4]")
_REPEATS = re.compile(r"([a-z])\1{2,}")


def clean(text: str) -> str:
    """Straight apostrophes, no runs of three or more same letters ("sooooo" -> "soo")."""
    text = _APOSTROPHES.sub("'", text)
    return _REPEATS.sub(r"\1\1", text)


@lru_cache(maxsize=50_000)
def key_of(word: str) -> str:
    """The matching key of one word (already lower-case)."""
    word = SPELLING.get(word, word)
    if word in KEEP:
        return word
    if word in LEMMA_FIX:
        return LEMMA_FIX[word]
    if not word.isalpha():
        return word
    if word.endswith("ing") and len(word) > 5:
        stem = _ing_stem(word)
        if stem:
            return stem
    return simplemma.lemmatize(word, lang="en").lower()


_VOWELS = "aeiou"


def _syllables(word: str) -> int:
    """Groups of vowels in `word`: "hop" 1, "visit" 2."""
    return sum(1 for a, b in itertools.pairwise(" " + word) if b in _VOWELS and a not in _VOWELS)


def _ing_stem(word: str) -> str | None:
    """simplemma leaves many -ing forms alone or invents one ("thinking" -> "thinke")."""
    stem = word[:-3]
    # One syllable ending consonant-vowel-consonant: English doubles that consonant before
    # -ing ("hop" -> "hopping"), so a single one means a silent e ("hoping" -> "hope",
    # "raping" -> "rape", "caring" -> "care", not "hop", "rap", "car").
    if (
        len(stem) >= 3
        and stem[-1] not in _VOWELS + "wxy"
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
        and _syllables(stem) == 1
        and simplemma.is_known(stem + "e", lang="en")
    ):
        return stem + "e"
    candidates = [stem]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # cutting -> cut
    candidates.append(stem + "e")  # taking -> take
    for c in candidates:
        if simplemma.is_known(c, lang="en") and simplemma.lemmatize(c, lang="en") == c:
            return c
    return None


def tokens(text: str) -> Doc:
    """Tokenise `text` and set `Token._.key` on every token."""
    doc = nlp()(clean(text))
    n = len(doc)
    for i, tok in enumerate(doc):
        lower = tok.lower_
        norm = tok.norm_.lower()
        # Prefer the tokenizer's norm for contraction pieces ("n't" -> "not", "'m" -> "am").
        base = lower if lower in SPELLING or lower in LEMMA_FIX else norm
        if lower in DIGIT_WORDS and 0 < i < n - 1:
            if doc[i - 1]._.key in DIGIT_AFTER and doc[i + 1].is_alpha:
                base = DIGIT_WORDS[lower]
        elif lower == "s" and i > 0 and doc[i - 1].lower_ in S_AFTER:
            base = "'s"
        key = key_of(base)
        tok._.key = key
        # NORM is a native attribute: spaCy's Matcher reads it in C, far faster than `_.key`.
        tok.norm_ = key
    return doc

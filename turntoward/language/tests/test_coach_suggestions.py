"""The coach's suggestions read as whole sentences, and its context rules generalise.

Covers the review of the coach: label-only and absolute-only drafts once left clauses such
as "when you're," or "when you this"; sarcasm, text-speak and "never, ever" went unseen;
first-person feelings ("I was worried when…") and caring imperatives ("Get home safe")
were flagged; and the feeling was picked by list order rather than by the best topic.
"""

from __future__ import annotations

import re

import pytest

from turntoward.journal import feelings
from turntoward.language.coach import coach

# Drafts with nothing concrete left once labels, absolutes and sarcasm are taken out.
NOTHING_LEFT = [
    "You're so lazy.",
    "You're a liar.",
    "You're being ridiculous.",
    "You are such a selfish person.",
    "You're an idiot.",
    "youre so selfish",
    "u r so immature",
    "You're a spoilt brat.",
    "You are honestly the most selfish man I know.",
    "You're such a complete and utter jerk.",
    "You're the worst.",
    "Stop being such a baby.",
    "Don't be an idiot.",
    "Grow up.",
    "Whatever. Do what you want.",
    "Wow, thanks for the help, really appreciate it.",
    "Nice of you to finally show up.",
    "Sure, because you're always so helpful.",
    "Nothing ever changes.",
    "Everything I say gets twisted.",
    "Nobody ever listens to me.",
    "Why are you so lazy?",
    "Why are you like this?",
    "Why is it always about you?",
    "You always have to be right.",
    "You could at least pretend to care.",
    "It's your fault.",
    "Because of you we missed the train.",
]

# Drafts with an event to describe: the suggestion must name it in a whole clause.
WITH_AN_EVENT = [
    ("Why do you always do this?", "when you do this"),
    ("You made me look stupid in front of your parents.", "look stupid in front of"),
    ("You never listen to me.", "when you don't listen to me"),
    ("u never listen to me", "when you don't listen to me"),
    ("You never, ever apologise.", "when you don't apologise"),
    ("You're always on your phone.", "when you're on your phone"),
    ("You're never there when I need you.", "when you're not there"),
    ("you didn't even say thank you", "when you didn't say thank you"),
    ("You talk over me every single time.", "when you talk over me,"),
    ("You ruin every holiday.", "when you ruin the holiday"),
    ("Why didn't you call me?", "I felt"),
    ("Why can't you just put your phone down?", "when you don't put your phone down"),
    ("Why aren't you ready yet?", "when you're not ready yet"),
    ("You made me feel like I don't matter.", "like I don't matter"),
    ("You should have told me.", "when you didn't tell me"),
    ("You always take forever to get ready.", "a long time"),
]

# Fragments that show a clause was cut where a label or absolute used to be.
BROKEN = re.compile(
    r"when you('re|'ve| were| was)?[,.]"
    r"|when you (this|that|a|an|the|so|such|to|like|than)\b"
    r"|you're (a|an|the|such|so|being)[ ,.]"
    r"|\b(a|an|the|such|your|my|to|of|being)[,.?]"
    r"|\s[,.?]|\s{2}|\?\?"
)


def feeling_words() -> set[str]:
    words = {f.word.lower() for f in feelings.all_feelings()}
    return words | {"hurt"}


def assert_reads_well(suggestion: str) -> None:
    assert suggestion.startswith(("I feel ", "I felt ")), suggestion
    assert suggestion.endswith((".", "?")), suggestion
    assert not BROKEN.search(suggestion), suggestion
    assert " when you're," not in suggestion and "when you," not in suggestion
    lowered = suggestion.lower()
    assert any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in feeling_words()), suggestion
    # The clause before ", and I need" ends on a content word, not a dangling function word.
    head = suggestion.split(", and I need")[0]
    last = head.rstrip(" ,").split()[-1].lower()
    assert last not in {"a", "an", "the", "such", "so", "being", "your", "my", "you're", "to"}


@pytest.mark.parametrize("text", NOTHING_LEFT)
def test_suggestions_without_an_event_still_read_as_a_sentence(text: str) -> None:
    result = coach(text)
    assert result.verdict != "i_statement", text
    assert_reads_well(result.suggestion)


@pytest.mark.parametrize(("text", "words"), WITH_AN_EVENT)
def test_suggestions_name_the_event_in_a_whole_clause(text: str, words: str) -> None:
    suggestion = coach(text).suggestion
    assert_reads_well(suggestion)
    assert words in suggestion, suggestion
    for absolute in ("never", "always", "ever ", "every single", "constantly"):
        assert absolute not in suggestion.lower(), suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Stop being such a baby.",
        "You're a liar.",
        "You are such a selfish person.",
        "Don't be so dramatic.",
    ],
)
def test_suggestions_never_repeat_the_label(text: str) -> None:
    suggestion = coach(text).suggestion.lower()
    for label in ("baby", "liar", "selfish", "dramatic", "person"):
        assert label not in suggestion


def test_requests_keep_the_ask_without_the_label_or_the_shrug() -> None:
    assert coach("Take out the bins now.").suggestion.endswith("could you take out the bins?")
    assert "could you not talk to me like that?" in coach("Don't talk to me like that.").suggestion
    assert (
        "could you apologise to my sister?"
        in coach("You should apologise to my sister.").suggestion
    )
    assert "could you get up and help?" in coach("Get up and help.").suggestion
    assert "could you" not in coach("Whatever. Do what you want.").suggestion
    assert "could you" not in coach("Grow up.").suggestion


@pytest.mark.parametrize(
    ("text", "need_words"),
    [
        ("You never help around the house.", "share the jobs at home"),
        ("You constantly criticise my cooking.", "raise things kindly"),
        ("Everything I say gets twisted.", "feel heard"),
        ("You're always on your phone.", "both really here"),
        ("You spent all our savings on that bike.", "plan our money"),
    ],
)
def test_the_feeling_and_need_follow_the_best_matching_topic(text: str, need_words: str) -> None:
    assert need_words in coach(text).suggestion


def kinds(text: str) -> set[str]:
    return {f.kind for f in coach(text).findings}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wow, thanks for the help, really appreciate it.", "contempt"),
        ("Nice of you to finally show up.", "contempt"),
        ("Sure, because you're always so helpful.", "contempt"),
        ("Thanks for the help, as usual.", "contempt"),
        ("Congratulations, you managed to load the dishwasher.", "contempt"),
        ("Great job ruining dinner.", "contempt"),
        ("Well, aren't you a ray of sunshine.", "contempt"),
        ("you didn't even say thank you", "blame"),
        ("u never listen to me", "blame"),
        ("u never listen to me", "absolute"),
        ("ur so lazy", "label"),
        ("y cant u just listen", "why_question"),
        ("You never, ever apologise.", "blame"),
        ("You always, always leave it to me.", "absolute"),
        ("You could at least pretend to care.", "blame"),
        ("You moved my things without asking.", "blame"),
        ("You raised your voice at me in the shop.", "blame"),
        ("You went to bed without saying goodnight.", "blame"),
        ("You are the laziest person I know.", "label"),
        ("You never stand up for me.", "blame"),
        ("Thanks to you, we missed the bus.", "blame"),
        ("Thanks so much for leaving me the washing up, as usual.", "contempt"),
    ],
)
def test_it_finds_what_the_review_found_missing(text: str, kind: str) -> None:
    assert kind in kinds(text), (text, coach(text))


@pytest.mark.parametrize(
    "text",
    [
        "I was worried when you didn't answer.",
        "I get scared when you drive fast.",
        "I'm hurt that you forgot, and I'd like us to celebrate this weekend.",
        "It hurt me when you laughed at my idea.",
        "It scares me when you don't pick up.",
        "When you're late and don't text, I get worried.",
        "Never mind, I'll sort it.",
        "Get home safe.",
        "Call me when you land.",
        "Text me when you get there.",
        "Take a jacket, it's chilly.",
        "Don't work too hard.",
        "Stop worrying, it will be fine.",
        "Come here and give me a hug.",
        "Could you let me finish before you reply?",
        "You always look after me when I'm ill.",
        "You always bring me coffee in bed.",
        "You never complain, even when you're tired.",
        "I love that you always remember the little things.",
        "You left early this morning, did you sleep okay?",
        "You forgot your keys, they're on the hook.",
        "Everything is ready for the party.",
        "I bet you're tired after the trip.",
        "Oh wow, that's amazing news!",
        "You should call your sister, she'd love that.",
        "Thank you for cooking dinner, it was lovely.",
        "Thanks so much for picking me up.",
        "I always forget my keys.",
    ],
)
def test_it_leaves_feelings_care_and_warmth_alone(text: str) -> None:
    result = coach(text)
    assert result.findings == (), (text, result.findings)
    assert result.verdict == "i_statement"


def test_first_person_feelings_make_an_i_statement_verdict() -> None:
    assert coach("I was worried when you never called back.").verdict == "i_statement"
    assert coach("I feel like you never listen.").verdict == "hurtful"


def test_spans_point_into_the_original_text_after_normalising() -> None:
    for text, kind, words in [
        ("You never, ever apologise.", "absolute", "never, ever"),
        ("u never listen to me", "blame", "u never listen"),
        ("youre sooo lazy", "label", "lazy"),
        ("You’re such a slob.", "label", "slob"),
        ("You neverrr help", "blame", "You neverrr help"),
    ]:
        spans = [text[f.start : f.end] for f in coach(text).findings if f.kind == kind]
        assert words in spans, (text, spans)


def test_the_second_held_out_set_is_large_enough_and_well_formed() -> None:
    import importlib.util
    from pathlib import Path

    from turntoward.language.coach import KINDS

    root = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location("coach_eval", root / "bench" / "coach_eval.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.load(root / "turntoward" / "language" / "data" / "eval_coach_holdout2.tsv")
    assert len(rows) >= 150
    for kind in KINDS:
        assert any(kind in labels for labels, _v, _t in rows), kind
    for labels, verdict, _text in rows:
        assert labels <= set(KINDS)
        assert verdict in {"i_statement", "gentler", "hurtful"}

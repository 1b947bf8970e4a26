"""Risk detection: each category, each kind of hard negative, and the evaluation targets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from turntoward.language.risk import CATEGORIES, RiskResult, analyse

DATA = Path(__file__).resolve().parent.parent / "data"
BENCH = Path(__file__).resolve().parents[3] / "bench" / "risk_eval.py"


def bench():
    spec = importlib.util.spec_from_file_location("risk_eval", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def cats(text: str) -> tuple[str, ...]:
    return analyse(text).categories


# --- each category ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to die.",
        "I keep thinking about killing myself.",
        "I don't want to be here anymore.",
        "There's no reason to live.",
        "honestly kms",
        "i wanna die",
        "I just want to end it all.",
        "I feel sucidal again",
        "thinking about sucide again",
        "I want to unalive myself.",
        "Everyone would be better off without me.",
        "I've been cutting myself again.",
    ],
)
def test_self_harm_is_found(text):
    assert cats(text) == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "He hit me last night.",
        "My husband pushed me against the wall.",
        "She slapped me.",
        "My partner choked me.",
        "He threatened to kill me if I leave.",
        "He said he'd hurt me if I told anyone.",
        "He hurt me physically again.",
    ],
)
def test_partner_violence_is_found(text):
    assert "partner_violence" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm afraid of him.",
        "I'm scared of my partner.",
        "I'm terrified of her.",
        "I'm walking on eggshells all the time.",
        "I'm afraid of what he'll do.",
        "I don't feel safe at home.",
    ],
)
def test_fear_of_partner_is_found(text):
    assert cats(text) == ("fear_of_partner",)


@pytest.mark.parametrize(
    "text",
    [
        "He checks my phone every night.",
        "She monitors my messages.",
        "He tracks my location.",
        "He won't let me see my friends.",
        "My husband won't let me see my family.",
        "He takes my money.",
        "She controls all the money.",
        "He isolates me from everyone.",
        "He forbids me from working.",
    ],
)
def test_coercive_control_is_found(text):
    assert cats(text) == ("coercive_control",)


def test_several_categories_come_in_a_fixed_order():
    result = analyse("He checks my phone, he hit me, and I want to die.")
    assert result.categories == ("self_harm", "partner_violence", "coercive_control")
    assert {s.category for s in result.spans} == set(result.categories)
    assert all(c in CATEGORIES for c in result.categories)


def test_the_result_is_a_frozen_dataclass_and_empty_when_nothing_is_found():
    result = analyse("We had a lovely walk.")
    assert result == RiskResult()
    assert result.categories == () and result.spans == ()
    assert not result.any
    with pytest.raises(AttributeError):
        result.categories = ("self_harm",)  # type: ignore[misc]


def test_empty_and_whitespace_text_is_safe():
    assert cats("") == ()
    assert cats("   \n ") == ()


def test_spans_point_into_the_text():
    text = "Fine day. Honestly I want to die."
    (span,) = analyse(text).spans
    assert text[span.start : span.end] == span.text
    assert "die" in span.text


# --- hard negatives -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I would never hurt myself.",
        "He has never hit me.",
        "I'm not scared of him.",
        "I'm not suicidal, just tired.",
        "He doesn't check my phone.",
        "He didn't hit me, he just shouted.",
    ],
)
def test_negation_cancels(text):
    assert cats(text) == ()


def test_negation_has_a_scope():
    assert cats("I'm not okay and I want to die.") == ("self_harm",)
    assert cats("I can't stop thinking about ending my life.") == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "The film was about suicide.",
        "My friend's husband hit her.",
        "My friend told me she wants to die and I called a helpline with her.",
        "A woman on the news said she was afraid of her husband.",
        "My sister says her boyfriend checks her phone.",
        "We watched a documentary about domestic violence.",
    ],
)
def test_reported_third_person_and_fictional_speech_do_not_fire(text):
    assert cats(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "I used to self-harm years ago but I'm doing well now.",
        "When I was a teenager I used to cut myself.",
        "My ex used to hit me, but I'm safe now.",
    ],
)
def test_past_and_resolved_do_not_fire(text):
    assert cats(text) == ()


def test_past_with_a_present_marker_fires():
    assert cats("I used to cut myself and lately I've started again.") == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "This traffic is killing me.",
        "I could kill for a coffee.",
        "My feet are killing me.",
        "I'm dying to see it.",
        "I'm dead tired.",
        "He'll kill me if I'm late.",
        "I wanted to die of embarrassment.",
        "I could kill myself for forgetting her birthday.",
    ],
)
def test_idioms_do_not_fire(text):
    assert cats(text) == ()


def test_a_real_threat_is_not_an_idiom():
    assert cats("He said he'd kill me if I leave.") == ("partner_violence",)


@pytest.mark.parametrize(
    "text",
    [
        "Today was a hard day and I'm exhausted.",
        "We argued about the dishes again.",
        "I feel lonely when he works late.",
        "I'm scared he'll leave me.",
        "He pushed me to apply for the job.",
        "She hit me up last night.",
        "He won't let me pay for dinner.",
        "I cut myself shaving.",
        "kys is an awful thing to say online.",
    ],
)
def test_ordinary_hard_days_and_look_alikes_do_not_fire(text):
    assert cats(text) == ()


# --- the evaluation set ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["eval_risk.tsv", "eval_risk_holdout.tsv", "eval_risk_holdout2.tsv"]
)
def test_evaluation_set_meets_the_targets(name):
    b = bench()
    report = b.evaluate(DATA / name)
    assert report.risk_recall >= b.RECALL_TARGET, report.misses
    assert report.min_category_recall >= b.RECALL_TARGET, report.misses
    assert report.false_alarm <= b.FALSE_ALARM_TARGET, report.false_alarms
    assert report.mean_ms < 50


def test_a_row_may_carry_several_categories():
    b = bench()
    assert b.gold_of("partner_violence,coercive_control") == {
        "partner_violence",
        "coercive_control",
    }
    assert b.gold_of("none") == frozenset()


def test_evaluation_set_is_big_enough():
    rows = bench().load(DATA / "eval_risk.tsv")
    labels = [c for c, _ in rows]
    assert len(rows) >= 400
    for cat in CATEGORIES:
        assert labels.count(cat) >= 60
    assert labels.count("none") >= 200
    assert len(bench().load(DATA / "eval_risk_holdout2.tsv")) >= 150


def test_a_long_entry_is_still_quick():
    import time

    text = "We had a long day and dinner was nice. " * 250 + "I want to die."
    analyse("warm up")
    started = time.perf_counter()
    assert analyse(text).categories == ("self_harm",)
    assert time.perf_counter() - started < 2.0


# --- scope of fiction and report cues -------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Of course he checks my phone, he always does", ("coercive_control",)),
        ("Long story short, he hit me again", ("partner_violence",)),
        ("He hit me after my training session", ("partner_violence",)),
        ("I came home from the lecture and he hit me", ("partner_violence",)),
        ("He asked if I was going out and then he slapped me", ("partner_violence",)),
        ("I want to die, I can't do this course anymore", ("self_harm",)),
        ("the news made me cry and I want to die", ("self_harm",)),
        ("After the lecture today I just wanted to die.", ("self_harm",)),
        ("I'm thinking of jumping in front of a train.", ("self_harm",)),
    ],
)
def test_a_cue_word_elsewhere_in_the_sentence_does_not_cancel(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The film was about suicide.",
        "In the book the husband tracks her every move.",
        "A character in the game wants to die.",
        "We studied self-harm in my nursing course.",
        "My therapist asked if I ever feel unsafe at home and I said no.",
        "We talked about suicide prevention at work.",
    ],
)
def test_a_risk_phrase_inside_the_fiction_or_question_does_not_fire(text):
    assert cats(text) == ()


# --- negation scopes over its own clause -----------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I never told anyone he hits me", ("partner_violence",)),
        ("I can't tell anyone that he hits me", ("partner_violence",)),
        ("I haven't told my sister he checks my phone", ("coercive_control",)),
        ("it's not the first time he hit me", ("partner_violence",)),
        ("I can't stop him from hitting me", ("partner_violence",)),
        ("I never told anyone I want to die.", ("self_harm",)),
        ("Nobody knows he reads all my messages.", ("coercive_control",)),
    ],
)
def test_a_negated_telling_verb_does_not_cancel_the_disclosure(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He would never hurt me.",
        "I don't think he checks my phone.",
        "My partner has never hurt me.",
        "I don't want to die, I just want the arguing to stop.",
    ],
)
def test_a_negation_in_the_same_clause_still_cancels(text):
    assert cats(text) == ()


# --- laughter, contractions and slang --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I want to die haha",
        "i want to die except i have my kids",
        "I'm done, I want to end my life lol",
        "I dont wanna be here anymore",
        "i dont wanna live anymore",
        "I wanna be dead",
        "i dont wanna wake up tomorrow",
        "im gonna kms",
        "i want 2 die",
        "I want to commit suicide",
    ],
)
def test_laughter_and_spoken_forms_do_not_hide_self_harm(text):
    assert cats(text) == ("self_harm",)


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to see it haha",
        "this traffic is killing me lol",
        "I want to die my hair red",
        "I'm killing myself to meet this deadline.",
        "I'm going to die if I don't get coffee",
        "I'm exhausted, I want to sleep forever after this shift.",
    ],
)
def test_idioms_stay_quiet_with_or_without_laughter(text):
    assert cats(text) == ()


def test_wanna_is_split_into_want_to_and_old_helpers_still_work():
    from turntoward.language.nlp import key_of, tokens

    assert [t.norm_ for t in tokens("I wanna die")] == ["i", "want", "to", "die"]
    assert [t.text for t in tokens("I wanna die")] == ["I", "wan", "na", "die"]
    assert key_of("hitting") == "hit"


# --- the reviewer's misses and false alarms --------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I'm thinking of taking all my pills", "self_harm"),
        ("I can't see any reason to keep going", "self_harm"),
        ("Some days I just want to disappear for good", "self_harm"),
        ("I relapsed and cut again last night", "self_harm"),
        ("he hurts me", "partner_violence"),
        ("my husband hurts me", "partner_violence"),
        ("my boyfriend hurt me last night", "partner_violence"),
        ("she scratched my face", "partner_violence"),
        ("He told me he would hurt the kids", "partner_violence"),
        ("He read my diary and said he will kill me", "partner_violence"),
        ("my partner threatens to take the kids if I leave", "coercive_control"),
        ("I'm scared what she'll do when she finds out", "fear_of_partner"),
        ("im scared what he'll do", "fear_of_partner"),
        ("I hide things from him because I'm scared", "fear_of_partner"),
        ("not allowed to see my friends", "coercive_control"),
        ("he tells me what to wear", "coercive_control"),
        ("he makes me tell him where I am all the time", "coercive_control"),
        ("he takes my pay check", "coercive_control"),
    ],
)
def test_reviewer_misses_are_found(text, expected):
    assert expected in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "my old boyfriend used to check my phone",
        "she knocked me out with that dress lol",
        "He kicked me under the table to stop me talking lol",
        "he takes my car to work on Tuesdays",
        "She checks my phone for the time because hers is broken",
        "My friend's husband controls her money",
        "He hurt me when he said I was lazy",
        "I'm not allowed to have caffeine while pregnant",
        "She grabbed me for a hug",
        "I'm scared he'll find out about the surprise party",
    ],
)
def test_reviewer_false_alarms_are_quiet(text):
    assert cats(text) == ()


def test_a_current_partner_after_an_ex_still_fires():
    assert cats("My ex used to hit me and now my husband hits me too.") == ("partner_violence",)


def test_feared_harm_is_fear_not_violence():
    assert cats("I'm scared he'll hit me if I say no.") == ("fear_of_partner",)
    assert "partner_violence" in cats("I'm scared because he hit me.")


def test_play_does_not_excuse_a_severe_act():
    assert cats("He smothered me with a pillow until I couldn't breathe") == ("partner_violence",)
    assert cats("She hit me with a pillow during our pillow fight") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I pick every word carefully so he doesn't lose his temper.", "fear_of_partner"),
        ("I say sorry all the time so he won't start shouting.", "fear_of_partner"),
        ("My stomach ties itself in knots whenever she texts me.", "fear_of_partner"),
        ("I freeze up when he raises his voice.", "fear_of_partner"),
        ("I lock the bathroom door because of him.", "fear_of_partner"),
        ("I don't dare fall asleep before he does.", "fear_of_partner"),
        ("I never know what mood he'll be in when he gets home.", "fear_of_partner"),
        ("What frightens me is what he could do when he's drunk.", "fear_of_partner"),
        ("I'm terrified to tell him I spent money on clothes.", "fear_of_partner"),
        ("I wish a bus would hit me on the way to work.", "self_harm"),
        ("I can't keep myself safe tonight.", "self_harm"),
        ("I've been giving my things away because I won't need them.", "self_harm"),
        ("I made myself bleed again last night.", "self_harm"),
        ("He backhanded me across the kitchen.", "partner_violence"),
        ("I have a black eye from him.", "partner_violence"),
        ("I told everyone at work I walked into a door, but it was him.", "partner_violence"),
        ("He times how long I take at the shops.", "coercive_control"),
        ("He said if I go to my sister's, we're over.", "coercive_control"),
        ("I can't see my friends because he says they're bad for me.", "coercive_control"),
    ],
)
def test_indirect_phrasings_fire(text, expected):
    assert expected in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "It's been four years since I last hurt myself.",
        "When I was 19 I didn't want to live, now I love my life.",
        "He checked my phone to find the photos from the wedding.",
        "I freeze when my boss raises his voice in meetings.",
        "I gave my old clothes away since I don't need them anymore.",
        "I'm scared of what my boss will say on Monday.",
        "My heart melts when he smiles at me.",
    ],
)
def test_resolved_past_and_benign_look_alikes_are_quiet(text):
    assert cats(text) == ()


def test_an_object_the_partner_threw_is_violence_not_self_harm():
    assert cats("He threw a glass at me and it cut my arm.") == ("partner_violence",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I keep the kids quiet so he doesn't get wound up.", "fear_of_partner"),
        ("I hide in the bathroom when he's drinking.", "fear_of_partner"),
        ("I tiptoe around the house when he's had a bad day at work.", "fear_of_partner"),
        ("I wouldn't mind if I didn't wake up tomorrow.", "self_harm"),
        ("I burned my leg with the iron on purpose.", "self_harm"),
        ("He had me up against the wall by my throat.", "partner_violence"),
        ("He deleted all the men from my contacts.", "coercive_control"),
    ],
)
def test_more_indirect_phrasings_fire(text, expected):
    assert expected in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I tiptoe around when he's sleeping after a night shift.",
        "I freeze when she asks me to sing in public.",
        "I cut my hair on purpose to look different.",
        "I don't feel safe with my husband.",
        "He deleted the old photos from my phone because I asked him to.",
        "I took my pills on time today.",
    ],
)
def test_look_alikes_of_the_new_phrasings_are_quiet(text):
    assert "self_harm" not in cats(text) if "husband" in text else cats(text) == ()


# --- a partner by name, sport, retractions, double negation, work ---------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Dev pushed me into the wardrobe last night.", ("partner_violence",)),
        ("I'm scared of Priya when she has been drinking.", ("fear_of_partner",)),
        ("Last night Marcus slapped me in front of the kids.", ("partner_violence",)),
    ],
)
def test_a_partner_named_by_first_name_counts_as_the_partner(text, expected):
    assert cats(text) == expected


def test_names_from_many_cultures_and_in_lower_case_text_are_the_partner():
    from turntoward.language.risk import keyed

    for text in ("Zainab shoved me", "Oluwaseun shoved me", "Tomasz shoved me"):
        assert keyed(text)[0].norm_ == "partner", text
    assert keyed("when carlos shouts i freeze")[1].norm_ == "partner"
    # "wanna" is "wan" + "na" to the tokenizer, and "grace" is a word as well as a name.
    assert "partner" not in [t.norm_ for t in keyed("i wanna say grace before dinner")]
    assert keyed("Grace the table with flowers")[0].norm_ == "grace"


@pytest.mark.parametrize(
    "word,key",
    [
        ("raping", "rape"),
        ("caring", "care"),
        ("hoping", "hope"),
        ("hating", "hate"),
        ("hopping", "hop"),
        ("visiting", "visit"),
        ("breathing", "breathe"),
        ("cuting", "cut"),
    ],
)
def test_ing_forms_take_a_silent_e_after_one_consonant(word, key):
    from turntoward.language.nlp import key_of

    assert key_of(word) == key


@pytest.mark.parametrize(
    "text,expected",
    [
        ("I'd be doing everyone a favour by disappearing.", ("self_harm",)),
        ("No one would miss me.", ("self_harm",)),
        ("She'd do us all a favour by disappearing.", ()),
        ("I'd be doing her a favour by not going to the party.", ()),
    ],
)
def test_round_ten_self_harm_phrasings_and_their_look_alikes(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone else's words in quotation marks are theirs, not the writer's.
        ("My cousin messaged 'i want to die' last night, so I rang her at once.", ()),
        ('The man at the bus stop kept saying "I want to kill myself" into his phone.', ()),
        ("My neighbour texted “i won’t be around much longer” and I went straight over.", ()),
        # ... but the writer quoting themselves, or thinking it, is the writer.
        ("I texted him 'i want to die' and he never answered.", ("self_harm",)),
        ("I keep thinking 'i want to die' over and over.", ("self_harm",)),
    ],
)
def test_quoted_self_harm_words_belong_to_whoever_said_them(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The writer asked for it.
        ("I asked Dara to hide my phone tonight so I'd stop scrolling.", ()),
        ("I asked Ben to stop reading my messages.", ("coercive_control",)),
        # A dreaded outing, not a wish to die; a wish to die is still one.
        ("I'd rather die than go to another work barbecue.", ()),
        ("I'd rather die than face another morning like this.", ("self_harm",)),
        # A marriage long over, told as such.
        ("Back when I was married to Piotr he broke my wrist. It's long over now.", ()),
        (
            "Back when we first moved in he hit me, and he still does when he drinks.",
            ("partner_violence",),
        ),
        # Looking at each other's phones, both ways and openly.
        ("He scrolls through my phone for the funny videos, we don't have secrets.", ()),
        (
            "He goes through my phone every night and I'm not allowed to look at his.",
            ("coercive_control",),
        ),
    ],
)
def test_sixth_round_look_alikes_and_the_real_thing_beside_them(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Someone else's words about their own partner, in quotation marks.
        ('A text from my sister: "he took my keys again and won\'t let me leave."', ()),
        ('"He said he\'d hurt the dog if I left," my coworker told me at lunch.', ()),
        # The apostrophe of a plural possessive opens no quotation.
        (
            "My husband punched me and I hid in the kids' room so he wouldn't find me.",
            ("partner_violence", "fear_of_partner"),
        ),
        # A year long past dates what the sentence tells; "since" runs to now.
        ("He kept my passport in his desk for two years. That was 2010.", ()),
        ("He has kept my passport since 2019.", ("coercive_control",)),
        ("We married in 2015 and he has hit me ever since.", ("partner_violence",)),
        ("He hit me last night. In 2015 we got married.", ("partner_violence",)),
        # The writer's own words, quoted to someone, are still the writer's.
        ('I told my sister "he hit me again" and she cried.', ("partner_violence",)),
        ('"He hit me again," I told my mum, who said nothing.', ("partner_violence",)),
        ("In 2015 he broke my arm, and he still hits me when he drinks.", ("partner_violence",)),
    ],
)
def test_quoted_partners_of_others_and_dated_pasts(text, expected):
    assert cats(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The last thing I'd do is ..." denies it; "the last thing I remember" does not.
        ("The last thing I'd ever do is hurt myself, I have a dog who needs me.", ()),
        ("The last thing Joon would do is make me choose between him and my mum.", ()),
        ("The last thing I remember is him choking me.", ("partner_violence",)),
        ("The last thing I want is to hurt myself, but I keep doing it.", ("self_harm",)),
        # "never, ever" is one negation.
        ("I would never, ever take my own life.", ()),
        # An anniversary is not the present; tonight itself is.
        ("Twelve years ago tonight I tried to end it. I'm so glad I'm still here.", ()),
        ("I tried to end it tonight.", ("self_harm",)),
    ],
)
def test_denials_and_anniversaries(text, expected):
    assert cats(text) == expected


def test_warm_builds_the_engine_and_loads_the_model(monkeypatch):
    from turntoward.language import model, risk

    monkeypatch.setattr(risk, "_engine", None)
    monkeypatch.setattr(model, "_model", None)
    risk.warm()
    assert risk._engine is not None
    assert model._model is not None


@pytest.mark.parametrize(
    "text",
    [
        "My sister Priya slapped me during a row about Mum.",
        "My boss Tom pushed me to finish the report.",
        "Drew the curtains and went to bed early.",
    ],
)
def test_a_name_after_a_relation_or_a_word_with_a_capital_is_not_the_partner(text):
    assert "partner_violence" not in cats(text)


def test_the_key_of_a_name_is_partner_and_other_words_keep_theirs():
    from turntoward.language.risk import keyed

    keys = [t.norm_ for t in keyed("Yesterday Sam asked my friend Emma about Will.")]
    assert keys[1] == "partner"  # Sam
    assert keys[5] == "emma"  # after "friend": someone else
    assert keys[7] == "partner"  # "Will" written with a capital mid-sentence
    assert next(t.norm_ for t in keyed("Will he ever change?")) == "will"


@pytest.mark.parametrize(
    "text",
    [
        "We went paintballing for his birthday and I'm covered in bruises.",
        "We do judo together and she threw me across the mat.",
    ],
)
def test_bruises_and_knocks_from_sport_together_do_not_fire(text):
    assert cats(text) == ()


def test_sport_does_not_excuse_the_gravest_harm():
    assert cats("After rugby practice he came home and choked me until I passed out.") == (
        "partner_violence",
    )
    assert cats("my husband beats me when the cricket doesn't go his way") == ("partner_violence",)


def test_a_retraction_opening_the_next_sentence_cancels_a_self_harm_joke():
    assert cats("If we lose again I'm jumping off a bridge. Kidding, obviously.") == ()
    assert cats("I'm going to jump off a bridge. I mean it.") == ("self_harm",)
    # "Not kidding" opening the next sentence insists; it does not retract.
    assert cats("I want to die. Not kidding.") == ("self_harm",)
    assert cats("I want to die. I'm not joking this time.") == ("self_harm",)


def test_a_double_negation_is_not_control():
    assert cats("He's never once said I can't see my friends.") == ()
    assert cats("He said I can't see my friends.") == ("coercive_control",)


@pytest.mark.parametrize(
    "text",
    [
        "As a paramedic I went to two overdoses tonight and hugged the kids when I got home.",
        "Writing my dissertation on self-harm in teenagers, chapter three is done!",
        "Today at the crisis line training we role-played a caller who wanted to die.",
        "So hungover I want to die, never drinking tequila again.",
        "Celebrating two years self-harm free today with cake.",
        "Five years ago today I was in hospital after an overdose. Today I ran a half marathon.",
        "Our cat scratched my face when I tried to give her the tablets.",
    ],
)
def test_work_hangovers_milestones_and_pets_do_not_fire(text):
    assert cats(text) == ()


def test_an_ex_after_the_match_is_what_it_is_about_unless_the_match_names_someone():
    assert cats("I used to walk on eggshells around my ex; with Dan I say what I think.") == ()
    assert cats("He punched me last night, just like my ex used to.") == ("partner_violence",)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He pressed a pillow over my face until I stopped struggling.", ("partner_violence",)),
        ("He wrestled me to the floor and sat on my chest.", ("partner_violence",)),
        ("He slapped me when I asked for money for the kids' shoes.", ("partner_violence",)),
    ],
)
def test_play_cues_do_not_excuse_real_violence(text, expected):
    assert cats(text) == expected


def test_lemmas_of_irregular_verbs():
    from turntoward.language.nlp import key_of

    for word, key in [("asked", "ask"), ("swore", "swear"), ("ran", "run"), ("drove", "drive")]:
        assert key_of(word) == key


@pytest.mark.parametrize(
    "text",
    [
        "I don't feel like I have to walk on eggshells with her, which is new for me.",
        "Walking on eggshells around the new manager at work this week.",
        "Back when I was with Dan I walked on eggshells constantly; I left him years ago.",
        "Wife and I play squash on Thursdays and she thrashes me at it every time.",
        "He said he'd strangle me if I told his mum about the proposal.",
        "The kids and I wrote goodbye letters to our old house before the move.",
        "Dev installed a doorbell camera after the parcels kept getting stolen.",
        "Threw out my teenage diaries, pages about wanting to die, so dramatic.",
        "Scratched my mozzie bites till they bled, need antihistamine.",
        "That new sitcom is a total overdose of cheese but I love it.",
        "He took the kids to his mum's so I could have a quiet Saturday.",
        "He took my car keys because I'd had two glasses of wine at the party.",
    ],
)
def test_more_look_alikes_do_not_fire(text):
    assert cats(text) == ()


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "I hide the receipts at the bottom of my bag so Daniel never finds them.",
            "fear_of_partner",
        ),
        ("please don't set him off tonight, I'm begging the kids", "fear_of_partner"),
        ("I keep my car keys by the bed in case I need to leave fast.", "fear_of_partner"),
        ("I have to ask her for bus fare like a child.", "coercive_control"),
        ("He took out two loans in my name without asking me.", "coercive_control"),
        ("My husband rings the office to check I'm actually at my desk.", "coercive_control"),
        ("Pete sulks until I cancel my plans.", "coercive_control"),
        ("He makes me cancel every time I arrange to see my sister.", "coercive_control"),
    ],
)
def test_fourth_round_phrasings_fire(text, expected):
    assert expected in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "this chem homework is literally killing me, i want to die lol",
        "my gf has my netflix password lol and keeps watching ahead of me",
        "My wife asked me to stop checking my work email at dinner.",
        "When he goes quiet I know he's just tired, and I leave him to it.",
        "After the near miss on the motorway Sara just held me until I stopped shaking.",
        "My old flatmate attempted suicide last year and she's doing well now.",
        'He told me he\'d "kill me" if I spoiled the last episode.',
    ],
)
def test_hyperbole_shared_accounts_and_comfort_do_not_fire(text):
    assert cats(text) == ()


def test_laughter_alone_does_not_cancel_and_a_person_after_a_preposition_is_no_subject():
    assert cats("I want to die haha") == ("self_harm",)
    assert cats("Gave my guitar to my nephew and wrote letters to everyone before I go.") == (
        "self_harm",
    )
    assert cats("Did a first aid course and learned how to talk to someone who's suicidal.") == ()


@pytest.mark.parametrize(
    "text",
    [
        "Not once in eight years has he made me feel unsafe.",
        "My sister says she'll kill me if I tell anyone she's pregnant.",
        "The landlord said he'll kill the deposit if we leave marks on the walls.",
        "lol if i have to redo this spreadsheet one more time im gonna die",
        "Let's end it on a high note, I said, and we left the party early.",
        "Did a bungee jump off the bridge in Queenstown and he filmed the whole thing.",
        "We overdosed on Christmas chocolate and both fell asleep on the sofa.",
        "My bf and I had a nerf war and he shot me right in the eye lol",
        "Got my two year chip from the self-harm support group today.",
    ],
)
def test_inversions_relations_and_play_do_not_fire(text):
    assert cats(text) == ()


def test_what_a_relation_is_told_still_counts():
    assert cats("I haven't told my sister he checks my phone.") == ("coercive_control",)
    assert cats("He says he'll kill me if I leave.") == ("partner_violence",)
    assert cats("He bit me on the arm during the fight.") == ("partner_violence",)

"""Caption counting: X's weighted length against the platform's own conformance examples,
grapheme clusters, hashtags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from twitter_text import parse_tweet
from twitter_text.regexp.emoji import emoji_list

from smmplan.textcount import grapheme_length, hashtags, x_length, x_surely_fits

_X25 = "xxxxxxxxxx-" * 24  # 264 characters
# Cases of twitter-text's conformance suite (conformance/validate.yml,
# WeightedTweetsWithDiscountedEmojiCounterTest): (text, weighted length, first index past 280).
CONFORMANCE = [
    ("285 chars-" + "xxxxxxxxxx-" * 25, 285, 280),
    ("285 chars- http://www.twitter.com/jack " + "xxxxxxxxxx-" * 24, 299, 284),
    (_X25 + " http://www.twitter.com/jack ", 289, 265),
    ("https://www.twitter.com/aloha " * 10, 240, None),
    ("故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。" * 5, 320, 140),
    ("😷" * 160, 320, 140),
    ("the" + "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。" * 5, 323, 141),
    ("A\u0301B", 2, None),
    ("🙋🏽👨\u200d🎤", 4, None),
    ("😷👾😡🔥💩", 10, None),
    ("This is a test.", 15, None),
    ("Test https://test.com test https://test.com test.com test", 86, None),
]


@pytest.mark.parametrize(("text", "length", "overflow"), CONFORMANCE)
def test_x_length_matches_the_platform_examples(text: str, length: int, overflow: int | None
                                                ) -> None:
    assert parse_tweet(text).weightedLength == length  # the library agrees with the suite
    got = x_length(text, 280)
    assert got.length == length
    if text == "A\u0301B":  # NFC moved characters: no offset to give, and none needed
        assert got.overflow is None
    else:
        assert got.overflow == overflow


def test_x_length_counts_a_url_as_23_a_bare_domain_too() -> None:
    assert x_length("Pesan di https://kopiku.id/menu/2026?promo=1 ya").length == 9 + 23 + 3
    assert x_length("Mampir ke kopi.id").length == 10 + 23
    # .example is no top-level domain, so this is text, not a link
    assert x_length("kopi.example").length == 12


def test_x_length_emoji_heavy_and_keycaps() -> None:
    text = "Promo 1️⃣ hari! ☕☕☕ 👨‍👩‍👧‍👦 #️⃣ 🇮🇩"
    # 6 + keycap 2 + 7 + three cups 6 + 1 + family 2 + 1 + keycap 2 + 1 + flag 2
    assert x_length(text).length == parse_tweet(text).weightedLength == 30


def test_x_length_javanese_script_counts_two_per_code_point() -> None:
    text = "ꦱꦸꦒꦼꦁ ꦫꦮꦸꦃ"  # "sugeng rawuh" in Javanese script: 9 letters and marks, a space
    assert x_length(text).length == parse_tweet(text).weightedLength == 19


def test_no_emoji_is_pure_ascii() -> None:
    # x_length only searches for emoji near non-ASCII text; this is what makes that exact
    for e in emoji_list:
        assert not e.emoji.isascii(), e
        assert all(not ch.isascii() for ch in e.emoji[1:]), e


_PIECES = [*"ab .#/:1\n", "https://x.co/a", "kopi.id", "😷", "1️⃣", "\u200d", "👩", "🏽", "日", "ꦱꦸ",
           "é", "e\u0301", "\ufe0f"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_x_length_equals_twitter_text_on_any_mix(text: str) -> None:
    assert x_length(text).length == parse_tweet(text).weightedLength


def test_graphemes_emoji_and_combining_marks() -> None:
    assert grapheme_length("👨‍👩‍👧‍👦🇮🇩e\u0301").length == 3
    assert grapheme_length("abc").length == 3
    assert grapheme_length("a\r\nb").length == 3


def test_graphemes_sundanese_and_javanese() -> None:
    # Sundanese "sunda" with the pamaaeh (virama) and a vowel sign: 3 clusters of 5 code points
    assert grapheme_length("ᮞᮥᮔ᮪ᮓ").length == 3
    assert grapheme_length("ꦱꦸꦒꦼꦁ").length == 2  # Javanese "sugeng": ꦱꦸ + ꦒꦼꦁ


def test_grapheme_overflow_offset_is_where_the_limit_is_passed() -> None:
    text = "😷" * 3 + "e\u0301" * 3
    assert grapheme_length(text, 4) == grapheme_length(text, 4).__class__(6, 5)
    assert grapheme_length("abcdef", 4).overflow == 4
    assert grapheme_length("abcd", 4).overflow is None


def test_hashtags() -> None:
    text = "#Kopi pagi #kopi_susu C#, #2026 #1st https://x.co/#frag &#38; ＃ꦱꦸꦒꦼꦁ #️⃣ #ᮞᮥᮔ᮪ᮓ"
    assert hashtags(text) == [(0, "Kopi"), (11, "kopi_susu"), (32, "1st"),
                              (text.index("＃"), "ꦱꦸꦒꦼꦁ"), (text.index("#ᮞ"), "ᮞᮥᮔ᮪ᮓ")]
    assert hashtags("no tags here") == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES)).map("".join), st.integers(0, 120))
def test_the_cheap_bound_never_says_fits_when_the_caption_does_not(text: str, limit: int
                                                                   ) -> None:
    if x_surely_fits(text, limit):
        assert parse_tweet(text).weightedLength <= limit


def test_the_cheap_bound_skips_ordinary_captions() -> None:
    assert x_surely_fits("Kopi susu gula aren, pesan di kopisenja.id sekarang.", 280)
    assert not x_surely_fits("Kopi " * 60, 280)


#: Characters that NFC normalisation turns into more code points (composition exclusions).
_LENGTHENING = ["\U0001d15e", "\ufb2c", "\u0958", "\u0344", "\U0001d1bb", "\u2adc"]


def test_nfc_that_lengthens_text_is_counted_exactly() -> None:
    text = "\U0001d15e" * 100  # 100 code points, 200 after NFC, each weighing 2
    assert parse_tweet(text).weightedLength == 400
    assert not x_surely_fits(text, 280)
    assert x_length(text, 280).length == 400


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _LENGTHENING)).map("".join), st.integers(0, 300))
def test_the_cheap_bound_holds_for_text_that_nfc_lengthens(text: str, limit: int) -> None:
    if x_surely_fits(text, limit):
        assert parse_tweet(text).weightedLength <= limit
    assert x_length(text).length == parse_tweet(text).weightedLength


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=160), st.integers(0, 300))
def test_the_cheap_bound_holds_for_any_text(text: str, limit: int) -> None:
    if x_surely_fits(text, limit):
        assert parse_tweet(text).weightedLength <= limit

"""How platforms count a caption: X's weighted length, grapheme clusters, hashtags.

X's counting is the platform's own (the ``twitter-text`` rules, via the ``twitter-text-parser``
package): text is NFC-normalised, a URL counts 23, an emoji sequence counts 2, code points in the
Latin and punctuation ranges count 1 and every other code point (CJK, Javanese, ...) counts 2.
:func:`x_length` gives the same number as ``twitter_text.parse_tweet`` but only runs that
package's emoji expression near non-ASCII text, since no emoji is pure ASCII: run over a whole
caption, that expression costs about a millisecond, which would make the rules slower than
loading on a large plan.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex
from twitter_text.config import config as _x_config
from twitter_text.extract_urls import extract_urls_with_indices
from twitter_text.regexp.emoji import emoji as _x_emoji

_X = _x_config["defaults"]
_SCALE: int = _X["scale"]
_DEFAULT_WEIGHT: int = _X["default_weight"]
_URL_WEIGHT: int = _X["transformed_url_length"] * _SCALE
_RANGES: tuple[tuple[int, int, int], ...] = tuple(
    (r["start"], r["end"], r["weight"]) for r in _X["ranges"])

#: code points outside the light ranges, which count double
_HEAVY = regex.compile("[^" + "".join(f"\\U{low:08x}-\\U{high:08x}"
                                      for low, high, weight in _RANGES if weight == _SCALE) + "]")
_GRAPHEME = regex.compile(r"\X")
_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]+")
_LINE_ENDS = regex.compile(r"\r\n|\r")

# A hashtag as the platforms link it: '#' or the full-width '＃' not glued to a word, '&' (HTML
# entities) or '/' (URL fragments), then letters, marks, digits or '_' with at least one letter or
# mark (#2026 is no hashtag). Not followed by U+FE0F or U+20E3: that is the keycap emoji #️⃣.
_HASHTAG = regex.compile(
    r"(?<![\w&/#＃])[#＃](?![\ufe0f\u20e3])([\w\u200c\u200d]*[\p{L}\p{M}][\w\u200c\u200d]*)")


@dataclass(frozen=True)
class Length:
    """A caption's length as a platform counts it."""

    length: int
    overflow: int | None
    """Offset in the caption of the first character past ``limit``, or None when it fits. When
    the platform's normalisation (NFC, line ends) moved characters, an overflow is put at 0."""


def x_surely_fits(text: str, limit: int) -> bool:
    """A cheap bound: True when ``text`` cannot weigh more than ``limit`` on X, so the exact
    count (whose link search dominates the rules' time) can be skipped.

    Every character weighs at most 2 (1 when ASCII), and a link weighs 23 whatever its length but
    needs a dot, so there are at most as many links as dots. NFC normalisation can lengthen text
    (U+1D15E becomes two code points, U+FB2C three), so the bound holds only for text that is
    already normalised; any other goes to the exact count.
    """
    if text.isascii():
        per_char = 1
    elif unicodedata.is_normalized("NFC", text):
        per_char = 2
    else:
        return False
    return per_char * len(text) + _URL_WEIGHT // _SCALE * text.count(".") <= limit


def x_length(text: str, limit: int | None = None) -> Length:
    """The weighted length of ``text`` on X; ``overflow`` is where it passes ``limit``."""
    normal = _LINE_ENDS.sub("\n", unicodedata.normalize("NFC", text))
    # links first, as twitter-text looks for a link before an emoji at each index
    entities = sorted([(u["indices"][0], 0, u["indices"][1], _URL_WEIGHT)
                       for u in extract_urls_with_indices(normal)]
                      + [(start, 1, end, _DEFAULT_WEIGHT)
                         for start, end in _emoji_spans(normal).items()])
    cap = None if limit is None else limit * _SCALE
    total = 0
    overflow = None
    pos = 0
    for start, _, end, weight in [*entities, (len(normal), 2, len(normal), 0)]:
        if start < pos:  # inside a link or emoji already counted
            continue
        plain = normal[pos:start]
        run = _SCALE * len(plain) + (_DEFAULT_WEIGHT - _SCALE) * len(_HEAVY.findall(plain))
        if overflow is None and cap is not None and total + run > cap:
            overflow = pos + _first_past(plain, cap - total)
        total += run + weight
        if overflow is None and cap is not None and total > cap:
            overflow = start
        pos = end
    if normal != text and overflow is not None:
        overflow = 0
    return Length(total // _SCALE, overflow)


def _first_past(plain: str, room: int) -> int:
    """Index of the first character of ``plain`` whose weight no longer fits in ``room``."""
    if _HEAVY.search(plain) is None:  # every character weighs the same
        return min(room // _SCALE, len(plain))
    for i, ch in enumerate(plain):
        room -= _weight(ord(ch))
        if room < 0:
            return i
    return len(plain)


def _emoji_spans(text: str) -> dict[int, int]:
    """Start -> end of each emoji twitter-text would find; only runs near non-ASCII text."""
    if text.isascii():
        return {}
    spans: dict[int, int] = {}
    for run in _NON_ASCII_RUN.finditer(text):
        # a keycap (1️⃣, #️⃣) starts with the ASCII character just before the run
        begin = max(run.start() - 1, 0)
        for m in _x_emoji.finditer(text, begin, run.end()):
            spans[m.start()] = m.end()
    return spans


def _weight(code: int) -> int:
    for low, high, weight in _RANGES:
        if low <= code <= high:
            return weight
    return _DEFAULT_WEIGHT


def grapheme_length(text: str, limit: int | None = None) -> Length:
    """User-perceived characters (extended grapheme clusters) of ``text``."""
    if text.isascii() and "\r" not in text:  # one character is one cluster
        count = len(text)
        overflow = limit if limit is not None and count > limit else None
        return Length(count, overflow)
    if limit is not None and len(text) <= limit:  # clusters never outnumber code points
        return Length(_count_graphemes(text), None)
    count = 0
    overflow = None
    for m in _GRAPHEME.finditer(text):
        count += 1
        if overflow is None and limit is not None and count > limit:
            overflow = m.start()
    return Length(count, overflow)


def _count_graphemes(text: str) -> int:
    return sum(1 for _ in _GRAPHEME.finditer(text))


def hashtags(text: str) -> list[tuple[int, str]]:
    """``(offset, tag)`` of each hashtag in ``text``, in order; ``tag`` without the ``#``."""
    if "#" not in text and "＃" not in text:
        return []
    return [(m.start(), m.group(1)) for m in _HASHTAG.finditer(text)]

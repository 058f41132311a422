"""SMM301-SMM307: caption length and hashtags per channel, the brand-voice rules, formats.

Voice rules read like Vale's: ``banned``, ``substitute``, ``max-count`` and ``require``. Terms
match whole words, case-insensitively, unless ``regex: true``; "whole word" uses Unicode word
characters (letters, marks, digits), so Javanese or Sundanese words are not cut at their vowel
signs. Every match is reported at its line and column inside the caption.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from ..captions import Caption, captions_of
from ..diagnostics import Diagnostic, diag
from ..model import Channel, Plan, Post, Settings, VoiceRule
from ..platforms import PLATFORMS
from ..seasons import in_season
from ..textcount import grapheme_length, hashtags, x_length, x_surely_fits

_PLACEHOLDER = re.compile(r"\{(match|replacement|count|max|name)\}")
_DEFAULT_MESSAGES = {
    "banned": "avoid '{match}'",
    "substitute": "use '{replacement}' instead of '{match}'",
    "max-count": "'{match}' used {count} times (max {max})",
    "require": "the caption has no match for '{match}'",
}
_CODES = {"banned": "SMM303", "substitute": "SMM304", "max-count": "SMM305",
          "require": "SMM306"}


@dataclass(frozen=True)
class _Term:
    """One compiled term of a voice rule; ``replacement`` for substitutions."""

    text: str
    pattern: Any
    replacement: str | None = None
    needle: str | None = None
    """For a literal ASCII term, the text that must occur for the term to match at all (in the
    case-folded caption when ``fold``): a cheap test that spares most captions the regex."""
    fold: bool = True

    def may_match(self, caption: str, folded: str) -> bool:
        return self.needle is None or self.needle in (folded if self.fold else caption)

    def found(self, caption: str, folded: str) -> bool:
        """Whether the term matches ``caption`` anywhere. The regex starts at the needle's
        first place, before which no match can start: unless case folding moved places (the
        lengths differ) or a dotless i might match ``I`` without holding the needle."""
        if self.needle is None:
            return self.pattern.search(caption, timeout=MATCH_TIMEOUT) is not None
        at = (folded if self.fold else caption).find(self.needle)
        if at < 0:
            return False
        if self.fold and (len(folded) != len(caption) or "\u0131" in caption):
            at = 0
        return self.pattern.search(caption, at, timeout=MATCH_TIMEOUT) is not None


#: Seconds one pattern may take on one caption. A brand-voice pattern runs in microseconds; one
#: that backtracks catastrophically (``(a|aa)+$``) would otherwise hang every check of the plan.
MATCH_TIMEOUT = 0.5


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    compiled = _Rules.of(settings.voice)
    stopped: set[str] = set()
    captions = captions_of(plan)
    for post in plan.posts:
        if post.status in ("idea", "cancelled"):  # not going out: nothing to judge yet
            continue
        channels = [settings.channels[c] for c in dict.fromkeys(post.channels)
                    if c in settings.channels]
        for channel in channels:
            yield from _format(post, channel)
        # each distinct caption once, with the channels it goes out on (variants: SPEC §5.4)
        groups = captions.distinct.get(post.id) or \
            ((Caption(post, "", post.caption, post.caption, 0, False), ()),)
        for cap, ids in groups:
            on = [settings.channels[c] for c in ids]
            for channel in on:
                yield from _length(cap, channel)
                yield from _hashtags(cap, channel)
            yield from _voice_rules(settings, compiled, stopped, cap, on if ids else channels)


@dataclass(frozen=True)
class _Rule:
    """A voice rule with what judging a caption needs worked out once per check."""

    rule: VoiceRule
    terms: tuple[_Term, ...]
    code: str
    template: str
    help: str
    literal: bool
    """Every term has a needle: a caption holding none of them cannot match."""
    folded: tuple[str, ...]
    """The needles to look for in the case-folded caption; ``exact``: in the caption."""
    exact: tuple[str, ...]
    searching: bool
    """A banned or substitute rule of needles only: silent unless a needle occurs."""

    @classmethod
    def of(cls, rule: VoiceRule) -> _Rule:
        terms = _compile(rule)
        needles = [(t.needle, t.fold) for t in terms if t.needle is not None]
        return cls(rule, terms, _CODES[rule.kind], rule.message or _DEFAULT_MESSAGES[rule.kind],
                   f"voice rule '{rule.name}' in guidelines/rules.yml",
                   len(needles) == len(terms), tuple(n for n, fold in needles if fold),
                   tuple(n for n, fold in needles if not fold),
                   len(needles) == len(terms) and rule.kind in ("banned", "substitute"))

    def surely_silent(self, caption: str, folded: str) -> bool:
        """Whether the needles alone show that the rule reports nothing on ``caption``; the
        regexes then need not run. Each match holds its term's needle, so a term matches at
        most as often as its needle occurs (case folding maps a match onto the needle), but
        for the dotless i, which ``I`` matches case-insensitively and which folds to itself."""
        kind = self.rule.kind
        if kind == "require" or not self.literal:
            return False
        if kind == "max-count":
            limit = self.rule.max
            if limit is None:
                return True
            if "\u0131" in caption:
                return False
            return sum(map(folded.count, self.folded)) + sum(map(caption.count, self.exact)) \
                <= limit
        return not (any(map(folded.__contains__, self.folded))
                    or any(map(caption.__contains__, self.exact)))


@dataclass(frozen=True)
class _Rules:
    """The voice rules of a plan, and the needles of its banned and substitute rules together:
    one look for them all tells that most captions need none of those rules."""

    rules: tuple[_Rule, ...]
    folded: tuple[str, ...]
    exact: tuple[str, ...]

    @classmethod
    def of(cls, rules: Sequence[VoiceRule]) -> _Rules:
        judges = tuple(_Rule.of(rule) for rule in rules)
        searching = [j for j in judges if j.searching]
        return cls(judges, tuple(n for j in searching for n in j.folded),
                   tuple(n for j in searching for n in j.exact))

    def none_found(self, caption: str, folded: str) -> bool:
        return not (any(map(folded.__contains__, self.folded))
                    or any(map(caption.__contains__, self.exact)))


def _voice_rules(settings: Settings, compiled: _Rules, stopped: set[str], cap: Caption,
                 channels: list[Channel]) -> Iterator[Diagnostic]:
    post = cap.post
    caption = cap.text
    folded = caption.casefold()
    quiet = compiled.none_found(caption, folded)
    for judge in compiled.rules:
        rule = judge.rule
        if quiet and judge.searching:
            continue
        if rule.name in stopped or judge.surely_silent(caption, folded) or (
                rule.when and not _applies(rule, post, channels, settings)):
            continue
        try:
            found = list(_voice(judge, cap, folded))
        except TimeoutError:
            stopped.add(rule.name)
            yield diag("SMM007", f"voice rule '{rule.name}' took over {MATCH_TIMEOUT:g} s "
                       f"on post '{post.id}' and was stopped: its pattern backtracks "
                       "without end", rule.pos.get("pattern") or rule.pos.get("terms")
                       or rule.pos.get("name") or settings.at("voice"),
                       help="simplify the pattern: avoid nested repeats like (a+)+ or "
                            "(a|aa)+")
            continue
        yield from found


def limits(channel: Channel) -> tuple[int | None, str, int | None]:
    """``(max length, counting, max hashtags)`` of a channel: its overrides, else its
    platform's figures from :data:`smmplan.platforms.PLATFORMS`."""
    platform = PLATFORMS.get(channel.platform)
    length = channel.max_length or (platform.max_length if platform else None)
    counting = platform.counting if platform else "graphemes"
    tags = channel.max_hashtags if channel.max_hashtags is not None else (
        platform.max_hashtags if platform else None)
    return length, counting, tags


def _length(cap: Caption, channel: Channel) -> Iterator[Diagnostic]:
    limit, counting, _ = limits(channel)
    weighted = counting == "weighted"
    text, post = cap.text, cap.post
    if limit is None or (not weighted and len(text) <= limit):  # clusters <= code points
        return
    if weighted and x_surely_fits(text, limit):
        return
    got = x_length(text, limit) if weighted else grapheme_length(text, limit)
    if got.length <= limit:
        return
    unit = "weighted characters" if weighted else "characters"
    how = ("X counts a link as 23 and CJK characters and emoji as 2; "
           if weighted else "counted as user-perceived characters; ")
    yield diag("SMM301", f"caption has {got.length} {unit} on {channel.id}, max {limit}",
               cap.at(got.overflow or 0), post=post.id,
               help=how + "the text from this point does not fit")


def _hashtags(cap: Caption, channel: Channel) -> Iterator[Diagnostic]:
    _, _, limit = limits(channel)
    if limit is None:
        return
    post = cap.post
    found = hashtags(cap.text)
    if len(found) <= limit:
        return
    offset, _ = found[limit]
    yield diag("SMM302", f"caption has {len(found)} hashtags on {channel.id}, max {limit}",
               cap.at(offset), post=post.id,
               help="the hashtags from this one on are too many: "
                    + " ".join("#" + tag for _, tag in found[limit:]))


def _format(post: Post, channel: Channel) -> Iterator[Diagnostic]:
    if post.format is None or not channel.best_formats or post.format in channel.best_formats:
        return
    yield diag("SMM307", f"format '{post.format}' is not among the best formats of "
               f"{channel.id} ({', '.join(channel.best_formats)})", post.at("format"),
               post=post.id)


def _applies(rule: VoiceRule, post: Post, channels: list[Channel], settings: Settings
             ) -> bool:
    when = rule.when
    if "season" in when:
        day = post.start.astimezone(settings.tz).date() if post.start else None
        if day is None or not any(in_season(settings.seasons, s, day) for s in when["season"]):
            return False
    if "pillar" in when and post.pillar not in when["pillar"]:
        return False
    if "format" in when and post.format not in when["format"]:
        return False
    if "channel" in when and not any(c.id in when["channel"] for c in channels):
        return False
    return "platform" not in when or any(c.platform in when["platform"] for c in channels)


def _voice(judge: _Rule, cap: Caption, folded: str) -> Iterator[Diagnostic]:
    rule, terms, code, template, help = judge.rule, judge.terms, judge.code, judge.template, \
        judge.help
    post, caption = cap.post, cap.text
    if rule.kind == "require":
        if any(t.found(caption, folded) for t in terms):
            return
        wanted = " | ".join(t.text for t in terms)
        yield diag(code, _fill(template, rule, match=wanted), cap.at(0), post=post.id,
                   help=help, severity=rule.level)
        return
    matches = _matches([t for t in terms if t.may_match(caption, folded)], caption)
    if rule.kind == "max-count":
        if rule.max is None or len(matches) <= rule.max:
            return
        start = matches[rule.max][0]
        what = " | ".join(t.text for t in terms)
        yield diag(code, _fill(template, rule, match=what, count=len(matches)),
                   cap.at(start), post=post.id, severity=rule.level,
                   help=f"{help}; the match at this point is one too many")
        return
    for start, text, replacement in matches:
        yield diag(code, _fill(template, rule, match=text, replacement=replacement or ""),
                   cap.at(start), post=post.id, help=help, severity=rule.level)


def _matches(terms: Sequence[_Term], caption: str) -> list[tuple[int, str, str | None]]:
    """Every match of any term, leftmost first, longer first, never two overlapping."""
    found = sorted(((m.start(), -len(m.group()), m.group(), t.replacement)
                    for t in terms for m in t.pattern.finditer(caption, timeout=MATCH_TIMEOUT)
                    if m.group()),
                   key=lambda x: (x[0], x[1]))
    out: list[tuple[int, str, str | None]] = []
    end = -1
    for start, neg_len, text, replacement in found:
        if start >= end:
            out.append((start, text, replacement))
            end = start - neg_len
    return out


def _fill(template: str, rule: VoiceRule, *, match: str, replacement: str = "",
          count: int | None = None) -> str:
    values = {"match": match, "replacement": replacement, "name": rule.name,
              "count": "" if count is None else str(count),
              "max": "" if rule.max is None else str(rule.max)}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def _compile(rule: VoiceRule) -> tuple[_Term, ...]:
    words: list[tuple[str, str | None]] = [(t, None) for t in rule.terms]
    words += list(rule.substitutes.items())
    if rule.pattern is not None:
        words.append((rule.pattern, None))
    return tuple(_Term(text, _pattern(text, rule), replacement, _needle(text, rule),
                       rule.ignore_case) for text, replacement in words)


def _needle(text: str, rule: VoiceRule) -> str | None:
    # ASCII only: a case-insensitive match of an ASCII term may still hold non-ASCII letters
    # (K and the Kelvin sign, s and the long s), which case folding maps back to ASCII
    if rule.regex or not text or not text.isascii():
        return None
    return text.casefold() if rule.ignore_case else text


def _pattern(text: str, rule: VoiceRule) -> Any:
    flags = regex.IGNORECASE if rule.ignore_case else 0
    if rule.regex:  # the loader has compiled it once already, with these flags
        return regex.compile(text, flags | regex.V0)
    body = regex.escape(text)
    # whole words: a boundary only where the term itself starts or ends with a word character
    if regex.match(r"\w", text):
        body = r"(?<!\w)" + body
    if regex.search(r"\w$", text):
        body += r"(?!\w)"
    return regex.compile(body, flags)

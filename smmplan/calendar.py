"""The plan on its calendar: the one place that says what happens on which day.

Rules, pages, feeds, the report and the diff all read the plan through a :class:`Calendar`, so
they agree on which posts are on the calendar, on which local day and in which window, which
days are holidays, and how a share is rounded for display.

- A :class:`Slot` is a post at one start: one per dated post that is not an idea, and one per
  occurrence of a recurring post (SPEC §5.1). It is what a month grid shows and what the
  workflow rules judge.
- An :class:`Occurrence` is a slot on one channel: one per slot and each of its post's known
  channels, named twice or not. It is what frequency and mix rules count and what a feed event
  is (a recurring post's feed event is one per channel, carrying its rule).
- A :class:`Series` is a recurring post's expansion: its starts on the calendar and the ones
  left out, with why (:func:`_series`, the one place recurrence expands). Whatever places
  posts on days (rules, grids, group pages, feeds, report, diff weeks) reads slots and
  occurrences, not ``post.start``.
- Days, ISO weeks, months and quarters are those of the plan timezone (:func:`window_of`).
- Shares are exact fractions (:func:`share`, :func:`exact`) and are rounded for display once,
  half up (:func:`percent`, :func:`rounded`): 1 of 8 is ``13%`` everywhere.

    cal = calendar_of(plan, today)     # built once per plan, then kept with it
    for occ in cal.by_channel["x"]:    # counting occurrences on x, in time order
        window_of(occ.day, "week").label   # "2026-W49"
    cal.holiday(dt.date(2026, 12, 25)) # "Hari Raya Natal" (plan language), or None
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property, lru_cache

from .model import Plan, Position, Post, Settings
from .recurrence import expand, left_out

_UTC = dt.UTC
_KEY = "_smmplan_calendar"
#: window kinds, shortest first
WINDOWS = ("day", "week", "month", "quarter")


def on_calendar(post: Post) -> bool:
    """Whether the post has a place on the calendar: dated and not an idea (ideas wait in the
    backlog even when they carry a date)."""
    return post.start is not None and post.status != "idea"


def counts(post: Post) -> bool:
    """Whether the post counts for frequency and mix rules: on the calendar and not cancelled."""
    return on_calendar(post) and post.status != "cancelled"


class _Dated:
    """What a slot and an occurrence both tell: the local day, and whether it counts."""

    __slots__ = ()
    post: Post
    start: dt.datetime

    @property
    def day(self) -> dt.date:
        """The local calendar day in the plan timezone."""
        return self.start.date()

    @property
    def counts(self) -> bool:
        """Counts for frequency and mix (not cancelled)."""
        return self.post.status != "cancelled"

    def at(self, key: str) -> Position:
        """Where a diagnostic about this slot points: ``key`` of the post, or for a recurring
        post its ``repeat`` key (the message then names the occurrence's date)."""
        return self.post.at("repeat") if self.post.repeat is not None else self.post.at(key)

    @property
    def of(self) -> str:
        """`` (occurrence of 2026-12-10)`` for a recurring post, else nothing: what a message
        about one occurrence adds when it does not name the day already."""
        return f" (occurrence of {self.day})" if self.post.repeat is not None else ""


@dataclass(frozen=True, slots=True)
class Slot(_Dated):
    """A post at one start."""

    post: Post
    start: dt.datetime
    """Aware, in the plan timezone; local midnight for all-day slots."""
    all_day: bool
    instant: dt.datetime
    """``start`` in UTC: orders slots across a change of daylight saving time."""
    occurrences: tuple[Occurrence, ...] = ()
    """The slot on each of the post's known channels, in the post's order."""

    @property
    def channels(self) -> tuple[str, ...]:
        """The known channels of the slot, each once."""
        return tuple(o.channel for o in self.occurrences)


@dataclass(frozen=True, slots=True)
class Occurrence(_Dated):
    """A post at one start on one known channel."""

    post: Post
    channel: str
    index: int
    """Position of ``channel`` in the post's ``channel`` list (for diagnostics' positions)."""
    start: dt.datetime
    all_day: bool
    instant: dt.datetime


@dataclass(frozen=True, slots=True)
class Series:
    """A recurring post's occurrences: those on the calendar and those left out."""

    post: Post
    starts: tuple[dt.datetime, ...]
    """The starts on the calendar, in order."""
    skipped: tuple[tuple[dt.datetime, str, str], ...]
    """Starts left out, with why: (start, ``except`` | ``holiday`` | ``blackout``, the holiday's
    name or the blackout's reason)."""
    through: dt.date | None
    """The last day expanded for a repeat without an end (the horizon); None when it has one."""
    truncated: bool
    """The repeat yields more than :data:`~smmplan.format.keys.MAX_OCCURRENCES` starts."""
    unmatched: tuple[dt.date, ...]
    """``except`` days that are not occurrences of the repeat."""
    later: tuple[dt.datetime, ...] = ()
    """For a repeat without an end: starts left out in the :data:`FEED_REACH` after the horizon.
    The site stops at the horizon, but the feed's rule goes on: its EXDATEs must too."""


@dataclass(frozen=True)
class Window:
    """A day, ISO week (Monday first), month or quarter of the plan timezone."""

    kind: str
    label: str
    """``2026-12-01``, ``2026-W49``, ``2026-12`` or ``2026-Q4``."""
    start: dt.date
    end: dt.date
    """Inclusive."""


@lru_cache(maxsize=8192)
def window_of(day: dt.date, kind: str) -> Window:
    """The ``kind`` window (``day``, ``week``, ``month`` or ``quarter``) holding ``day``."""
    if kind == "day":
        return Window(kind, day.isoformat(), day, day)
    if kind == "week":
        year, week, weekday = day.isocalendar()
        start = day - dt.timedelta(days=weekday - 1)
        return Window(kind, f"{year}-W{week:02d}", start, start + dt.timedelta(days=6))
    if kind == "month":
        start = day.replace(day=1)
        return Window(kind, f"{day:%Y-%m}", start, _next_month(start) - dt.timedelta(days=1))
    if kind == "quarter":
        q = (day.month - 1) // 3
        start = dt.date(day.year, 3 * q + 1, 1)
        end = _next_month(_next_month(_next_month(start))) - dt.timedelta(days=1)
        return Window(kind, f"{day.year}-Q{q + 1}", start, end)
    raise ValueError(f"unknown window {kind!r}: one of {', '.join(WINDOWS)}")


def week_label(day: dt.date) -> str:
    """ISO week of ``day``, as ``2026-W49``."""
    return window_of(day, "week").label


def _next_month(first: dt.date) -> dt.date:
    return first.replace(year=first.year + 1, month=1) if first.month == 12 else \
        first.replace(month=first.month + 1)


# --- shares and their one rounding -------------------------------------------------------------

def exact(value: float) -> Fraction:
    """The fraction a user wrote as ``40%`` or ``0.4`` (not its binary approximation)."""
    return Fraction(repr(value))


def share(part: int, whole: int) -> Fraction:
    """``part / whole`` exactly; 0 of nothing is 0."""
    return Fraction(part, whole) if whole else Fraction(0)


def rounded(value: Fraction, places: int = 0) -> Decimal:
    """``value`` rounded half up to ``places`` decimals: the one rounding of every number shown."""
    units = math.floor(value * 10**places + Fraction(1, 2))  # exact: no float, no context
    return Decimal(units).scaleb(-places)


def percent(value: Fraction, places: int = 0) -> str:
    """A share as a percent, half up: ``Fraction(1, 8)`` is ``13%``, with ``places=1`` ``12.5%``."""
    return f"{rounded(value * 100, places)}%"


def setting_percent(value: float) -> str:
    """A share from rules.yml as written: ``15%``, ``12.5%``."""
    return f"{float(exact(value) * 100):g}%"


# --- holidays ----------------------------------------------------------------------------------

#: The ``holidays`` package's language codes to try, per plan language.
_HOLIDAY_LANGUAGES = {"en": ("en_US", "en_GB", "en"), "id": ("id",)}


@lru_cache(maxsize=64)
def holidays_of_year(country: str, language: str, year: int) -> Mapping[dt.date, str]:
    """National holidays of ``country`` in ``year``, named in the plan ``language`` where the
    ``holidays`` package has it. Several holidays on one day share a name joined by ``, ``.
    Empty for a country the package does not know (the loader reports it)."""
    import holidays as holidays_lib

    try:
        supported = holidays_lib.country_holidays(country).supported_languages
        chosen = next((c for c in _HOLIDAY_LANGUAGES.get(language, ()) if c in supported), None)
        found = holidays_lib.country_holidays(country, years=year, language=chosen)
    except (NotImplementedError, KeyError, ValueError, AttributeError):
        return {}
    return {day: ", ".join(sorted(found.get_list(day))) for day in sorted(found)}


# --- the calendar ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mix:
    """Pillar counts of one window (or of the whole plan): occurrences that count, of known
    pillars, so a cross-post counts once on each of its channels."""

    window: Window | None
    """None for the whole plan."""
    by_pillar: Mapping[str, int]

    @property
    def posts(self) -> int:
        return sum(self.by_pillar.values())

    def share(self, pillar: str) -> Fraction:
        return share(self.by_pillar.get(pillar, 0), self.posts)


@dataclass(frozen=True)
class Calendar:
    """Slots and occurrences of one plan, with the indexes every consumer shares.

    Build it with :func:`calendar_of`, which keeps it with the plan: rules, pages and feeds of
    one run share one calendar.
    """

    settings: Settings
    slots: tuple[Slot, ...]
    """Every slot, in time order (instant, then post id)."""
    series: Mapping[str, Series] = field(default_factory=dict)
    """Recurring posts on the calendar, by post id."""
    through: dt.date | None = None
    """The horizon: the last day expanded for repeats without an end."""
    _mixes: dict[str, tuple[Mix, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, plan: Plan, today: dt.date | None = None) -> Calendar:
        channels = plan.settings.channels
        slots = []
        series: dict[str, Series] = {}
        through = horizon_end(plan, today)
        for post in plan.posts:
            if not on_calendar(post):
                continue
            assert post.start is not None
            starts: tuple[dt.datetime, ...] = (post.start,)
            if post.repeat is not None:
                found = _series(plan.settings, post, through)
                series[post.id] = found
                starts = found.starts
            known = tuple(dict.fromkeys(c for c in post.channels if c in channels))
            occs = [(cid, post.channels.index(cid)) for cid in known]
            for start in starts:
                instant = start.astimezone(_UTC)
                slots.append(Slot(post, start, post.all_day, instant, tuple(
                    Occurrence(post, cid, i, start, post.all_day, instant) for cid, i in occs)))
        slots.sort(key=lambda s: (s.instant, s.post.id))
        return cls(plan.settings, tuple(slots), series, through)

    @cached_property
    def occurrences(self) -> tuple[Occurrence, ...]:
        """Every occurrence, in time order, then post id, then the post's channel order."""
        return tuple(o for s in self.slots for o in s.occurrences)

    @cached_property
    def counting(self) -> tuple[Slot, ...]:
        """Slots that count for frequency and mix (not cancelled), in time order."""
        return tuple(s for s in self.slots if s.counts)

    @cached_property
    def by_channel(self) -> Mapping[str, tuple[Occurrence, ...]]:
        """Counting occurrences of each channel, in time order."""
        out: dict[str, list[Occurrence]] = defaultdict(list)
        for slot in self.counting:
            for occ in slot.occurrences:
                out[occ.channel].append(occ)
        return {cid: tuple(found) for cid, found in sorted(out.items())}

    def mix(self, kind: str) -> tuple[Mix, ...]:
        """Pillar counts per ``kind`` window, in time order; windows without an occurrence that
        counts are left out."""
        if kind not in self._mixes:
            pillars = self.settings.pillars
            found: dict[Window, Counter[str]] = {}
            for slot in self.counting:
                if slot.post.pillar not in pillars or not slot.occurrences:
                    continue
                window = window_of(slot.day, kind)
                found.setdefault(window, Counter())[slot.post.pillar] += len(slot.occurrences)
            self._mixes[kind] = tuple(Mix(w, dict(c)) for w, c in
                                      sorted(found.items(), key=lambda kv: kv[0].start))
        return self._mixes[kind]

    def whole_mix(self) -> Mix:
        """Pillar counts over the whole plan, counted as :meth:`mix` counts a window."""
        total: Counter[str] = Counter()
        for m in self.mix("month"):
            total.update(m.by_pillar)
        return Mix(None, dict(total))

    def holiday(self, day: dt.date) -> str | None:
        """The national holiday on ``day`` (``holidays:`` in rules.yml), in the plan language."""
        country = self.settings.holidays
        if not country:
            return None
        return holidays_of_year(country, self.settings.language, day.year).get(day)

    def holidays_between(self, first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, str]]:
        """The national holidays from ``first`` to ``last`` (inclusive), in order."""
        country = self.settings.holidays
        if not country:
            return
        for year in range(first.year, last.year + 1):
            for day, name in holidays_of_year(country, self.settings.language, year).items():
                if first <= day <= last:
                    yield day, name


#: How far ahead repeats without an end are expanded, unless rules.yml sets ``horizon``.
DEFAULT_HORIZON = dt.timedelta(days=90)
#: How far past the horizon a feed leaves out the holidays, blackouts and ``except`` days of a
#: repeat without an end (a calendar app shows its rule for ever).
FEED_REACH = dt.timedelta(days=2 * 366)


def horizon_end(plan: Plan, today: dt.date | None) -> dt.date:
    """The last day that repeats without an end are expanded through (SPEC §7.3): today plus
    the horizon, or the last single post or campaign day if later."""
    if today is None:
        today = dt.datetime.now(plan.tz).date()
    horizon = getattr(plan.settings, "horizon", None) or DEFAULT_HORIZON
    days = [today + horizon]
    days += [p.start.date() for p in plan.posts if p.start is not None and p.repeat is None]
    days += [c.end for c in plan.campaigns.values()]
    return max(days)


def _series(settings: Settings, post: Post, through: dt.date) -> Series:
    """Where recurrence expands: every start of ``post``'s repeat, less those left out."""
    rep, start = post.repeat, post.start
    assert rep is not None and start is not None
    expansion = expand(rep, start, through)
    blackouts: dict[dt.date, str] = {}
    for b in settings.blackout:
        if b.pillars is None or post.pillar in b.pillars:
            blackouts.setdefault(b.date, b.reason)
    country, language = settings.holidays, settings.language

    def holiday(day: dt.date) -> str | None:
        return holidays_of_year(country, language, day.year).get(day) if country else None

    kept, skipped = [], []
    for when in expansion.starts:
        reason = left_out(rep, when.date(), holiday, blackouts.get)
        if reason is None:
            kept.append(when)
        else:
            skipped.append((when, *reason))
    later: tuple[dt.datetime, ...] = ()
    if not rep.bounded and not expansion.truncated and (rep.skip or rep.exceptions):
        beyond = expand(rep, start, through + FEED_REACH).starts[len(expansion.starts):]
        later = tuple(w for w in beyond if left_out(rep, w.date(), holiday, blackouts.get))
    days = {w.date() for w in expansion.starts}
    last = expansion.starts[-1].date() if expansion.starts else start.date()
    # an `except` day past the expanded end of an open repeat may still be an occurrence
    unmatched = tuple(d for d in rep.exceptions if d not in days
                      and not (d > last and (not rep.bounded or expansion.truncated)))
    return Series(post, tuple(kept), tuple(skipped), None if rep.bounded else through,
                  expansion.truncated, unmatched, later)


def calendar_of(plan: Plan, today: dt.date | None = None) -> Calendar:
    """The plan's calendar, built on first use and kept with the (frozen, so never stale) plan.

    ``today`` sets the horizon of repeats without an end; the call that builds the calendar
    fixes it (the check passes the plan's today before anything else asks)."""
    found = plan.__dict__.get(_KEY)
    if found is None:
        found = Calendar.build(plan, today)
        object.__setattr__(plan, _KEY, found)
    return found

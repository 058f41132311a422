"""The plan as typed, frozen objects.

Everything here is produced by :mod:`smmplan.load` and read by the rules, the pages and the feeds.
Every object keeps where its values came from (``pos``), so that any diagnostic can point at the
exact key or text in the user's file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from .captiontemplate import Library
    from .recurrence import Repeat

from .format.keys import (
    FORMATS,
    LEVELS,
    METRICS,
    MIX,
    PILLARS_DEFAULT,
    RULES_FILE,
    SITE,
    STATUSES,
    WORKFLOW,
)

__all__ = ["FORMATS", "LEVELS", "METRICS", "PILLARS_DEFAULT", "STATUSES"]  # the enums' old home

if TYPE_CHECKING:
    from .metrics.data import AudienceRecord, MetricRecord

#: statuses that count as "signed off" by an editor
APPROVED_STATUSES = ("approved", "scheduled", "published")

EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, order=True)
class Position:
    """A place in a plan file: ``file`` relative to the plan root (``/``), 1-based line, column."""

    file: str
    line: int = 1
    column: int = 1


Positions = Mapping[str, Position]
"""Where each value came from, by key; list items as ``key[i]``, nested keys as ``a.b``."""


def pos_of(positions: Positions, key: str, fallback: Position) -> Position:
    """The position recorded for ``key``, else that of its parent key, else ``fallback``."""
    while key:
        if key in positions:
            return positions[key]
        cut = max(key.rfind("."), key.rfind("["))
        key = key[:cut] if cut > 0 else ""
    return fallback


@dataclass(frozen=True)
class Post:
    """One planned post: a Markdown file under ``content/posts/``."""

    id: str
    path: str
    """File path relative to the plan root, ``/``-separated."""
    title: str
    status: str
    pillar: str
    channels: tuple[str, ...]
    start: dt.datetime | None
    """Publish time, aware, in the plan timezone; local midnight for all-day posts; None: idea."""
    all_day: bool
    caption: str
    """The body as it will be published (leading blank lines and trailing whitespace removed)."""
    caption_line: int
    """File line (1-based) on which the caption's first character stands."""
    format: str | None = None
    personas: tuple[str, ...] = ()
    campaign: str | None = None
    author: str | None = None
    editor: str | None = None
    tags: tuple[str, ...] = ()
    link: str | None = None
    media: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    metrics: Mapping[str, Mapping[str, int]] = field(default_factory=lambda: EMPTY)
    """Numbers after publishing from front matter, by channel (see :mod:`smmplan.metrics`)."""
    published: Mapping[tuple[str, dt.date | None], str] = field(
        default_factory=lambda: MappingProxyType({}))
    """Permalinks by (channel, occurrence date or None for every occurrence)."""
    pos: Positions = field(default_factory=lambda: EMPTY)
    repeat: Repeat | None = None
    """``repeat:``: ``start`` is then the first of several occurrences (see the calendar)."""

    def at(self, key: str) -> Position:
        """Position of a front-matter value (falls back to the top of the file)."""
        return pos_of(self.pos, key, Position(self.path, 1, 1))

    def caption_at(self, offset: int) -> Position:
        """Position in the file of the caption character at ``offset``."""
        before = self.caption[:offset]
        line = self.caption_line + before.count("\n")
        column = offset - (before.rfind("\n") + 1) + 1
        return Position(self.path, line, column)


@dataclass(frozen=True)
class Persona:
    id: str
    path: str
    name: str
    description: str = ""
    demographics: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    interests: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    last_reviewed: dt.date | None = None
    data: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    """The whole file as loaded, for display on the persona's page."""
    pos: Positions = field(default_factory=lambda: EMPTY)

    def at(self, key: str) -> Position:
        return pos_of(self.pos, key, Position(self.path, 1, 1))


@dataclass(frozen=True)
class Campaign:
    id: str
    path: str
    name: str
    start: dt.date
    end: dt.date
    goal: str = ""
    channels: tuple[str, ...] = ()
    owner: str | None = None
    brief: str = ""
    pos: Positions = field(default_factory=lambda: EMPTY)

    def at(self, key: str) -> Position:
        return pos_of(self.pos, key, Position(self.path, 1, 1))


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    github: str | None = None
    roles: tuple[str, ...] = ()
    pos: Positions = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Pillar:
    id: str
    target: float | None = None
    """Share of posts, 0..1."""
    max: float | None = None


@dataclass(frozen=True)
class Channel:
    id: str
    platform: str
    name: str
    per_day: tuple[int | None, int | None] | None = None
    """``(min, max)``; either may be None."""
    per_week: tuple[int | None, int | None] | None = None
    min_gap: dt.timedelta | None = None
    best_formats: tuple[str, ...] = ()
    max_length: int | None = None
    """Override of the platform's caption limit."""
    max_hashtags: int | None = None
    duplicate_within: dt.timedelta | None = None
    """SMM308's window; None: the platform's default."""
    pos: Positions = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class VoiceRule:
    """A Vale-style brand-voice rule from ``voice:`` in rules.yml."""

    name: str
    kind: str
    """``banned``, ``substitute``, ``max-count`` or ``require``."""
    level: str
    terms: tuple[str, ...] = ()
    substitutes: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    pattern: str | None = None
    regex: bool = False
    max: int | None = None
    message: str | None = None
    when: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: EMPTY)
    """Conditions on the post: ``pillar``, ``channel``, ``format`` -> allowed values."""
    ignore_case: bool = True
    pos: Positions = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class Blackout:
    date: dt.date
    reason: str = ""
    pillars: tuple[str, ...] | None = None
    """None: no posts at all that day."""
    pos: Positions = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class MixSettings:
    window: str = MIX["window"].default
    tolerance: float = MIX["tolerance"].default
    min_posts: int = MIX["min_posts"].default
    max_consecutive: Mapping[str, int] = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True)
class WorkflowSettings:
    approve_before: dt.timedelta = WORKFLOW["approve_before"].default
    """0: due by the post's own time."""
    persona_review: dt.timedelta = WORKFLOW["persona_review"].default


# --- the calendar's settings (SPEC §7): holidays, seasons ---------------------------------

#: Categories a country gets when the plan names none. Indonesia's cuti bersama (collective
#: leave days the government adds around holidays) are the ``government`` category of the
#: ``holidays`` package; offices and most audiences are off on them, so they count.
DEFAULT_CATEGORIES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "ID": ("public", "government"),
})
@dataclass(frozen=True)
class AddedHoliday:
    day: dt.date
    name: str
    at: Position = field(default_factory=lambda: Position("guidelines/rules.yml"))


@dataclass(frozen=True)
class RemovedHoliday:
    day: dt.date
    at: Position = field(default_factory=lambda: Position("guidelines/rules.yml"))


@dataclass(frozen=True)
class HolidaySettings:
    """``holidays:`` of rules.yml, read."""

    country: str | None = None
    categories: tuple[str, ...] | None = None
    """None: :data:`DEFAULT_CATEGORIES` of the country, else ``("public",)``."""
    add: tuple[AddedHoliday, ...] = ()
    remove: tuple[RemovedHoliday, ...] = ()
    at: Position = field(default_factory=lambda: Position("guidelines/rules.yml"))
    """Where ``holidays`` is written (the country code's position)."""
    categories_at: Position | None = None

    @property
    def active(self) -> bool:
        return bool(self.country or self.add)

    def chosen_categories(self) -> tuple[str, ...]:
        if self.categories is not None:
            return self.categories
        return DEFAULT_CATEGORIES.get((self.country or "").upper(), ("public",))


@dataclass(frozen=True)
class PillarOverride:
    target: float | None = None
    max: float | None = None
    keys: tuple[str, ...] = ()
    """The keys the season sets (``target``, ``max``): only those replace the plan's."""


@dataclass(frozen=True)
class ChannelOverride:
    per_day: tuple[int | None, int | None] | None = None
    per_week: tuple[int | None, int | None] | None = None
    min_gap: dt.timedelta | None = None
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Season:
    id: str
    name: str
    start: dt.date | None = None
    end: dt.date | None = None
    """Inclusive."""
    days_of_month: tuple[int, ...] = ()
    """1..31; a month without the day (31 in April) simply has no such day in the season."""
    pillars: Mapping[str, PillarOverride] = field(default_factory=lambda: EMPTY)
    channels: Mapping[str, ChannelOverride] = field(default_factory=lambda: EMPTY)
    pos: Positions = field(default_factory=lambda: EMPTY)
    path: str = "guidelines/rules.yml"

    def at(self, key: str) -> Position:
        return pos_of(self.pos, key, Position(self.path, 1, 1))

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def contains(self, day: dt.date) -> bool:
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        if self.days_of_month and day.day not in self.days_of_month:
            return False
        return self.dated or bool(self.days_of_month)

    def days(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """Its days from ``first`` to ``last`` (inclusive)."""
        day = max(first, self.start) if self.start else first
        stop = min(last, self.end) if self.end else last
        while day <= stop:
            if self.contains(day):
                yield day
            day += dt.timedelta(days=1)



@dataclass(frozen=True)
class Settings:
    """``guidelines/rules.yml``."""

    timezone: str = RULES_FILE["timezone"].default
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(RULES_FILE["timezone"].default))
    holidays: str | None = None
    """The country of ``holidays:`` (upper case)."""
    holiday_set: HolidaySettings = field(default_factory=lambda: HolidaySettings())
    """All of ``holidays:``: country, categories, add, remove (SPEC §7.1)."""
    seasons: tuple[Season, ...] = ()
    horizon: dt.timedelta = dt.timedelta(days=90)
    """How far past today the calendar is drawn (SPEC §7.3)."""
    language: str = RULES_FILE["language"].default
    event_minutes: int = RULES_FILE["event_minutes"].default
    engine: str = RULES_FILE["engine"].default
    pillars: Mapping[str, Pillar] = field(
        default_factory=lambda: MappingProxyType({p: Pillar(p) for p in PILLARS_DEFAULT})
    )
    mix: MixSettings = field(default_factory=MixSettings)
    channels: Mapping[str, Channel] = field(default_factory=lambda: EMPTY)
    voice: tuple[VoiceRule, ...] = ()
    blackout: tuple[Blackout, ...] = ()
    workflow: WorkflowSettings = field(default_factory=WorkflowSettings)
    severity: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    """Rule code or name -> level."""
    loaded: bool = False
    """False when rules.yml is missing or could not be read: reference checks then stay quiet."""
    pos: Positions = field(default_factory=lambda: EMPTY)
    path: str = "guidelines/rules.yml"

    def __post_init__(self) -> None:
        # a Settings made with only a country (tests, older callers) gets its holiday set
        if self.holidays and self.holiday_set.country is None and not self.holiday_set.add:
            object.__setattr__(self, "holiday_set", replace(self.holiday_set,
                                                            country=self.holidays))

    def at(self, key: str) -> Position:
        return pos_of(self.pos, key, Position(self.path, 1, 1))


@dataclass(frozen=True)
class Guide:
    """A human-readable guide, ``guidelines/*.md``."""

    path: str
    title: str
    text: str


@dataclass(frozen=True)
class Site:
    """What smmplan reads from mkdocs.yml."""

    name: str = SITE["site_name"].default
    url: str | None = None
    """``site_url`` with a trailing ``/``, or None."""


@dataclass(frozen=True)
class Plan:
    root: str
    """Absolute path of the plan folder."""
    site: Site
    settings: Settings
    members: Mapping[str, Member]
    posts: tuple[Post, ...]
    """Sorted by (start or far future, id); ideas without date last."""
    personas: Mapping[str, Persona]
    campaigns: Mapping[str, Campaign]
    guides: tuple[Guide, ...]
    incomplete: frozenset[str] = frozenset()
    """Definitions that could not be loaded: a kind (``channel``, ``pillar``, ``persona``,
    ``campaign``, ``member``) when a whole file or section failed, or ``kind:id`` when one entry
    or file did. A reference to such a definition is not reported as unknown: the failure itself
    already is."""
    metrics_data: tuple[MetricRecord, ...] = ()
    """Rows of ``data/metrics/*.csv``, as read (judged by :mod:`smmplan.metrics.checks`)."""
    audience: tuple[AudienceRecord, ...] = ()
    """Rows of ``data/audience.csv``, as read."""
    library: Library | None = None
    """``guidelines/snippets.yml``: snippets and hashtag groups for caption templates."""

    def post(self, post_id: str) -> Post | None:
        for p in self.posts:
            if p.id == post_id:
                return p
        return None

    @property
    def tz(self) -> ZoneInfo:
        return self.settings.tz

"""Every key of every plan file, declared once: its type, default, allowed values, whether it is
required, and what it means.

The loaders (:mod:`smmplan.format.read` and one module per file kind), the model's defaults
(:mod:`smmplan.model`) and the JSON Schemas (:mod:`smmplan.schema`) all read these tables, so a
new key is one :class:`Key` line here plus, if it needs one, the model field that holds it.
This module imports nothing from the rest of the package but plain tables, so that anything
may import it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..durations import duration_text
from ..platforms import PLATFORMS
from ..ruletable import RULES

PILLARS_DEFAULT = ("education", "quote", "soft-sell", "hard-sell")
STATUSES = ("idea", "draft", "review", "approved", "scheduled", "published", "cancelled")
FORMATS = ("text", "photo", "carousel", "video", "reel", "story", "link", "live", "poll")
METRICS = ("reach", "impressions", "likes", "comments", "shares", "saves", "clicks")
LEVELS = ("error", "warning", "info", "off")
VOICE_KINDS = ("banned", "substitute", "max-count", "require")
VOICE_LEVELS = ("error", "warning", "info")
ROLES = ("creator", "editor", "manager")
LANGUAGES = ("en", "id")
ENGINES = ("mkdocs", "zensical")
MIX_WINDOWS = ("week", "month")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
URL_PATTERN = r"^(https?://|mailto:)\S+$"


def rule_names() -> tuple[str, ...]:
    """Every rule code and name, as ``ignore:`` and ``severity:`` accept them."""
    return tuple(sorted(RULES)) + tuple(sorted(r.name for r in RULES.values()))


@dataclass(frozen=True)
class Type:
    """A kind of value: how the loader reads it (``name``, see :mod:`.read`) and its JSON Schema.

    ``schema`` is the fragment for one value.
    """

    name: str
    schema: Mapping[str, Any]
    empty: Any = None
    """The value of a key of this type that is left out and has no default."""


def _one_or_many(item: Mapping[str, Any]) -> dict[str, Any]:
    return {"anyOf": [dict(item), {"type": "array", "items": dict(item)}]}


_ID = {"type": "string", "pattern": ID_PATTERN}
_TEXT = {"type": "string"}
_COUNT = {"type": "integer", "minimum": 0}

TEXT = Type("text", _TEXT)
LONG_TEXT = Type("long_text", _TEXT)
ID = Type("id", _ID)
IDS = Type("ids", _one_or_many(_ID), ())
TEXTS = Type("texts", _one_or_many(_TEXT), ())
DATE = Type("date", {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$",
                     "description": "YYYY-MM-DD"})
WHEN = Type("when", {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?"
               r"(Z|[+-]\d{2}(:?\d{2})?)?)?$",
    "description": "YYYY-MM-DD HH:MM in the plan timezone, ISO 8601 with an offset, or "
                   "YYYY-MM-DD for an all-day slot",
})
DURATION = Type("duration", {
    "type": "string",
    "pattern": r"^\s*(\d+\s*w)?\s*(\d+\s*d)?\s*(\d+\s*h)?\s*(\d+\s*m)?\s*$",
    "minLength": 2,
    "description": "e.g. 90m, 3h, 2d, 1w",
})
SHARE = Type("share", {
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%\s*$"},
    ],
    "description": "a share of posts: 40% or 0.4",
})
COUNT = Type("count", _COUNT)
RANGE = Type("range", {
    "anyOf": [
        _COUNT,
        {"type": "array", "prefixItems": [
            {"type": ["integer", "null"], "minimum": 0},
            {"type": ["integer", "null"], "minimum": 0},
        ], "minItems": 2, "maxItems": 2},
    ],
    "description": "[min, max], or a single number = max",
})
BOOL = Type("bool", {"type": "boolean"})
CHOICE = Type("choice", {})
CHOICES = Type("choices", {}, ())
"""A list of choices; with ``single`` a single one is accepted too."""
URL = Type("url", {"type": "string", "pattern": URL_PATTERN})
FREE = Type("free", {"type": "object"})
"""A mapping the loader keeps as written (persona demographics)."""
TIMEZONE = Type("timezone", {})
"""An IANA time zone name; the schema lists them all."""
CUSTOM = Type("custom", {})
"""Read by the file's own loader: the key's ``schema`` says everything."""


@dataclass(frozen=True)
class Key:
    """One key of a file or section."""

    name: str
    type: Type
    doc: str = ""
    default: Any = None
    """The model's value when the key is missing (or its value is refused)."""
    required: bool = False
    choices: tuple[str, ...] = ()
    """For :data:`CHOICE` / :data:`CHOICES`: the allowed values, in the order shown to users."""
    minimum: int = 0
    maximum: int | None = None
    """For :data:`COUNT`: bounds, inclusive."""
    positive: bool = False
    """For :data:`DURATION`: zero is refused (SMM007), as it would mean nothing."""
    single: bool = True
    """For list types: whether a single item stands for a list of one."""
    schema: Mapping[str, Any] = field(default_factory=dict)
    """Extra JSON Schema for this key (merged over its type's)."""

    def json_schema(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.type.schema)
        if self.type is COUNT:
            out["minimum"] = self.minimum
            if self.maximum is not None:
                out["maximum"] = self.maximum
        if self.type is TIMEZONE:
            from .. import tz

            out["enum"] = list(tz.names())
        if self.type is CHOICE:
            out["enum"] = list(self.choices)
        elif self.type is CHOICES:
            item = {"enum": list(self.choices)}
            out = _one_or_many(item) if self.single else {"type": "array", "items": item}
        elif self.type in (IDS, TEXTS) and not self.single:
            out = {"type": "array", "items": out["anyOf"][0]}
        if self.doc:
            out["description"] = f"{self.doc} ({out['description']})" if "description" in out \
                else self.doc
        shown = _shown(self.default)
        if shown is not None:
            out["default"] = shown
        out.update(self.schema)
        return out


def _shown(value: Any) -> Any:
    """A default as the plan would write it, for the schema; None for none worth showing."""
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.timedelta):
        return duration_text(value)
    return None


@dataclass(frozen=True)
class Section:
    """The keys of one mapping: a whole file, or a mapping inside one."""

    title: str
    keys: tuple[Key, ...]
    required_code: str = "SMM007"
    """The code of a missing required key (SMM002 for posts, else SMM007)."""

    def __getitem__(self, name: str) -> Key:
        for key in self.keys:
            if key.name == name:
                return key
        raise KeyError(name)

    def __iter__(self) -> Iterator[Key]:
        return iter(self.keys)

    @cached_property  # read for every post
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    def default(self, name: str) -> Any:
        return self[name].default


_METRIC_SET = {"type": "object", "properties": {m: dict(_COUNT) for m in METRICS},
               "additionalProperties": False}
_LINK = {"type": "string", "pattern": r"^https?://\S+$"}

POST = Section("post front matter", (
    Key("title", TEXT, "short internal title", required=True, schema={"minLength": 1}),
    Key("date", WHEN),
    Key("channel", IDS, "channel id(s) from rules.yml", required=True),
    Key("pillar", ID, "pillar id from rules.yml", required=True),
    Key("status", CHOICE, default="draft", choices=STATUSES),
    Key("id", ID, "stable id: keys the page, the calendar UID and diffs"),
    Key("format", CHOICE, choices=FORMATS),
    Key("personas", IDS),
    Key("campaign", ID),
    Key("author", ID),
    Key("editor", ID),
    Key("tags", TEXTS),
    Key("link", URL),
    Key("media", TEXTS),
    Key("ignore", CUSTOM, schema=_one_or_many({"enum": list(rule_names())})),
    # one set of counts, or (any other key: a channel) one set per channel
    Key("metrics", CUSTOM, "numbers after publishing: one set for a single-channel post, one "
        "per channel for a cross-post", schema={
            "type": "object", "properties": {m: dict(_COUNT) for m in METRICS},
            "additionalProperties": _METRIC_SET}),
    Key("published", CUSTOM, "permalink of the published post, by channel for a cross-post "
        "(and by occurrence date for a recurring one)", schema={"anyOf": [
            _LINK, {"type": "object", "additionalProperties": {"anyOf": [
                _LINK, {"type": "object", "additionalProperties": _LINK}]}}]}),
    Key("repeat", CUSTOM, "repeat the post (RFC 5545 rules); `date` is the first occurrence"),
), required_code="SMM002")
"""``content/posts/**/*.md``. ``date`` is required unless ``status: idea`` (the loader and the
schema's ``if``/``else`` say so: a table of keys cannot)."""

REPEAT_EVERY = ("day", "week", "month", "year")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REPEAT_SKIP = ("holidays", "blackout")
#: The most occurrences one post may expand to: over ten years of a daily post.
MAX_OCCURRENCES = 4000
MAX_INTERVAL = 1000
REPEAT = Section("repeat", (
    Key("every", CHOICE, "day, week, month or year", required=True, choices=REPEAT_EVERY),
    Key("interval", COUNT, "every n-th day, week, month or year", default=1, minimum=1,
        maximum=MAX_INTERVAL),
    Key("on", CUSTOM, "week: weekdays mon..sun; month: days 1..31, -1 = the last day",
        schema=_one_or_many({"anyOf": [{"enum": list(WEEKDAYS)}, {
            "type": "integer", "minimum": -1, "maximum": 31, "not": {"const": 0}}]})),
    Key("count", COUNT, "number of occurrences, the first included (not with until)",
        minimum=1, maximum=MAX_OCCURRENCES),
    Key("until", DATE, "the last day that may hold an occurrence (not with count)"),
    Key("skip", CHOICES, "leave out occurrences on national holidays or blackout dates",
        choices=REPEAT_SKIP),
    Key("except", CUSTOM, "days left out", schema=_one_or_many(dict(DATE.schema))),
), required_code="SMM002")
"""``repeat:`` of a post (read by :mod:`smmplan.recurrence`)."""

CAMPAIGN = Section("campaign front matter", (
    Key("name", TEXT, required=True),
    Key("start", DATE, required=True),
    Key("end", DATE, required=True),
    Key("goal", LONG_TEXT, default=""),
    Key("channels", IDS),
    Key("owner", ID),
))
"""``content/campaigns/*.md``; the body is the brief."""

PERSONA = Section("persona", (
    Key("name", TEXT, required=True, schema={"minLength": 1}),
    Key("description", LONG_TEXT, default=""),
    Key("demographics", FREE),
    Key("interests", TEXTS),
    Key("channels", IDS),
    Key("last_reviewed", DATE),
))
"""``personas/*.yml``."""

MEMBER = Section("member", (
    Key("name", TEXT),
    Key("github", TEXT, schema={"pattern": r"^[A-Za-z0-9](-?[A-Za-z0-9])*$",
                                "description": "GitHub user name, without @"}),
    Key("roles", CHOICES, choices=ROLES),
    Key("email", TEXT),
))
TEAM = Section("team", (Key("members", CUSTOM, required=True),))
"""``guidelines/team.yml``: ``members`` maps member ids to :data:`MEMBER` mappings."""

PILLAR = Section("pillar", (
    Key("target", SHARE),
    Key("max", SHARE),
))
MIX = Section("mix", (
    Key("window", CHOICE, default="week", choices=MIX_WINDOWS),
    Key("tolerance", SHARE, default=0.10),
    Key("min_posts", COUNT, default=5),
    Key("max_consecutive", CUSTOM, schema={
        "type": "object", "propertyNames": _ID,
        "additionalProperties": {"type": "integer", "minimum": 1}}),
))
CHANNEL = Section("channel", (
    # messages list the platforms in the table's order, editors' completion alphabetically
    Key("platform", CHOICE, required=True, choices=tuple(PLATFORMS),
        schema={"enum": sorted(PLATFORMS)}),
    Key("name", TEXT),
    Key("per_day", RANGE),
    Key("per_week", RANGE),
    # 0 is allowed: "no minimum gap", the same as leaving it out
    Key("min_gap", DURATION),
    Key("best_formats", CHOICES, choices=FORMATS, single=False),
    Key("max_length", COUNT, minimum=1),
    Key("max_hashtags", COUNT),
    Key("duplicate_within", DURATION, "the same caption twice within this time is SMM308 "
        "(default 30d on platform x)"),
))
WHEN_KEYS = ("pillar", "channel", "format", "platform", "season")
VOICE = Section("voice rule", (
    Key("name", ID, required=True),
    Key("kind", CHOICE, required=True, choices=VOICE_KINDS),
    Key("level", CHOICE, default="warning", choices=VOICE_LEVELS),
    Key("terms", CUSTOM, schema={
        "anyOf": [_TEXT, {"type": "array", "items": _TEXT},
                  {"type": "object", "additionalProperties": _TEXT}],
        "description": "words to match; for `substitute` a mapping word: preferred"}),
    Key("pattern", TEXT),
    Key("regex", BOOL, default=False),
    Key("max", COUNT),
    Key("message", TEXT),
    Key("when", CUSTOM, schema={
        "type": "object", "properties": {k: TEXTS.schema for k in WHEN_KEYS},
        "additionalProperties": False}),
    Key("ignore_case", BOOL, default=True),
))
BLACKOUT = Section("blackout", (
    Key("date", DATE, required=True),
    Key("reason", TEXT, default=""),
    Key("pillars", IDS),
))
WORKFLOW = Section("workflow", (
    Key("approve_before", DURATION, "how long before its date a post must be approved; "
        "0m: by its date", default=dt.timedelta(days=2)),
    Key("persona_review", DURATION, "how often a persona must be reviewed",
        default=dt.timedelta(days=180), positive=True),
))
_COUNTRY = {"type": "string", "pattern": r"^[A-Za-z]{2,3}$"}
HOLIDAY_ADD = Section("holiday", (
    Key("date", DATE, required=True),
    Key("name", TEXT, required=True, schema={"minLength": 1}),
))
HOLIDAYS = Section("holidays", (
    Key("country", TEXT, "ISO 3166 country code, e.g. ID", schema={"pattern": r"^[A-Za-z]{2,3}$"}),
    Key("categories", TEXTS, "the holidays package's categories, e.g. public, government "
        "(for ID both by default: cuti bersama is government)"),
    Key("add", CUSTOM, schema={"type": "array", "items": {
        "type": "object", "required": ["date", "name"], "additionalProperties": False,
        "properties": {k.name: k.json_schema() for k in HOLIDAY_ADD}}}),
    Key("remove", CUSTOM, schema={"type": "array", "items": DATE.schema}),
))
SEASON_CHANNEL = Section("season channel", (
    Key("per_day", RANGE),
    Key("per_week", RANGE),
    Key("min_gap", DURATION),
))
SEASON = Section("season", (
    Key("name", TEXT),
    Key("start", DATE),
    Key("end", DATE),
    Key("days_of_month", CUSTOM, schema={"type": "array", "items": {
        "type": "integer", "minimum": 1, "maximum": 31}}),
    Key("pillars", CUSTOM, schema={"type": "object", "additionalProperties": {
        "type": "object", "additionalProperties": False,
        "properties": {k.name: k.json_schema() for k in PILLAR}}}),
    Key("channels", CUSTOM, schema={"type": "object", "additionalProperties": {
        "type": "object", "additionalProperties": False,
        "properties": {k.name: k.json_schema() for k in SEASON_CHANNEL}}}),
))
RULES_FILE = Section("guidelines/rules.yml", (
    Key("timezone", TIMEZONE, "IANA time zone", default="UTC", required=True),
    Key("holidays", CUSTOM, "national holidays: a country code, or country, categories, "
        "add and remove", schema={"anyOf": [_COUNTRY, {
            "type": "object", "additionalProperties": False,
            "properties": {k.name: k.json_schema() for k in HOLIDAYS}}]}),
    Key("seasons", CUSTOM, "stretches of the calendar with their own pillar and channel "
        "settings", schema={"type": "object", "propertyNames": _ID, "additionalProperties": {
            "type": "object", "additionalProperties": False,
            "properties": {k.name: k.json_schema() for k in SEASON}}}),
    Key("horizon", CUSTOM, "how far past today the calendar is drawn (default 90d, at most "
        "5 years)", schema=dict(DURATION.schema)),
    Key("language", CHOICE, default="en", choices=LANGUAGES),
    Key("event_minutes", COUNT, default=30, minimum=1, maximum=24 * 60),
    Key("engine", CHOICE, "the site engine of `smmplan build`", default="mkdocs",
        choices=ENGINES),
    Key("pillars", CUSTOM),
    Key("mix", CUSTOM),
    Key("channels", CUSTOM, required=True),
    Key("voice", CUSTOM),
    Key("blackout", CUSTOM),
    Key("workflow", CUSTOM),
    Key("severity", CUSTOM),
))
"""``guidelines/rules.yml``; its sections are the tables above."""

SNIPPETS = Section("guidelines/snippets.yml", (
    Key("snippets", CUSTOM, "name: text, used in captions as {{ snippet(\"name\") }}",
        schema={"type": "object", "propertyNames": _ID, "additionalProperties": _TEXT}),
    Key("hashtags", CUSTOM, "name: [#tag, ...], used as {{ hashtags(\"name\") }}",
        schema={"type": "object", "propertyNames": _ID,
                "additionalProperties": _one_or_many({"type": "string", "pattern": r"^#\S+$"})}),
))
"""``guidelines/snippets.yml`` (optional; read by :mod:`smmplan.format.snippets`)."""

SITE = Section("mkdocs.yml", (
    Key("site_name", TEXT, default="Social media plan"),
    Key("site_url", TEXT),
))
"""The two keys smmplan reads from mkdocs.yml (every other key is mkdocs' own)."""

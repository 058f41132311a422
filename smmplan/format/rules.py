"""``guidelines/rules.yml``: timezone, language, pillars, mix, channels, voice, blackout days,
workflow and severity (the voice rules in :mod:`.voice`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .. import tz as tzdb
from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, Fields, default_id, did_you_mean, parse_date
from ..holidayset import holiday_problems
from ..horizon import read_horizon
from ..model import (
    AddedHoliday,
    Blackout,
    Channel,
    ChannelOverride,
    HolidaySettings,
    MixSettings,
    Pillar,
    PillarOverride,
    Position,
    RemovedHoliday,
    Season,
    Settings,
    WorkflowSettings,
)
from ..ruletable import BY_NAME, RULES
from ..seasons import season_problems
from .keys import (
    BLACKOUT,
    CHANNEL,
    HOLIDAY_ADD,
    HOLIDAYS,
    LEVELS,
    MIX,
    PILLAR,
    PILLARS_DEFAULT,
    RULES_FILE,
    SEASON,
    SEASON_CHANNEL,
    WORKFLOW,
)
from .read import read
from .voice import load_voice
from .yamlfile import mapping_doc, read_yaml

PATH = RULES_FILE.title


def load_settings(root: Path, out: list[Diagnostic], incomplete: set[str]) -> Settings:
    """rules.yml; ``loaded`` stays False unless its channels could be read, since without them
    every post's channel would be reported as unknown."""
    path = root / PATH
    if not path.exists() and not path.is_symlink():
        out.append(diag("SMM007", f"{PATH} is missing: the plan has no timezone, channels "
                        "or pillars", Position(PATH),
                        help="create it (`smmplan init` writes a complete example)"))
        incomplete.update(("channel", "pillar"))
        return Settings()
    doc = read_yaml(root, path, out)
    if doc is None or not mapping_doc(doc, PATH, "SMM007", out):
        incomplete.update(("channel", "pillar"))
        return Settings()
    f = Fields(doc, PATH, out, bad="SMM007")
    values = read(f, RULES_FILE, code="SMM007")
    timezone, zone = _timezone(f)
    pillars = _load_pillars(f, incomplete)
    channels = _load_channels(f, incomplete)
    holiday_set = _load_holidays(f)
    out.extend(holiday_problems(holiday_set, values["language"]))
    horizon, problems = read_horizon(f.data.get("horizon"), f.position("horizon"))
    out.extend(problems)
    settings = Settings(
        timezone=timezone,
        tz=zone,
        holidays=holiday_set.country,
        holiday_set=holiday_set,
        horizon=horizon,
        language=values["language"],
        event_minutes=values["event_minutes"],
        engine=values["engine"],
        pillars=MappingProxyType(pillars),
        mix=_load_mix(f, pillars),
        channels=MappingProxyType(channels),
        voice=load_voice(f),
        blackout=_load_blackout(f),
        workflow=_load_workflow(f),
        severity=MappingProxyType(_load_severity(f)),
        loaded=bool(channels) or "channel" not in incomplete,
        pos=f.positions(),
    )
    seasons = _load_seasons(f)
    out.extend(season_problems(seasons, settings))
    return replace(settings, seasons=seasons)


def _timezone(f: Fields) -> tuple[str, ZoneInfo]:
    default = RULES_FILE.default("timezone")
    name = f.text("timezone") if f.require("timezone", "SMM007") else None
    found = tzdb.zone(name) if name else None
    if found is None and name is not None:
        f.invalid("timezone", f"{name!r} is not a known IANA time zone"
                  + did_you_mean(name, tzdb.names()), help="e.g. Asia/Jakarta")
    if found is None or name is None:
        return default, ZoneInfo(default)
    return name, found


def _load_holidays(f: Fields) -> HolidaySettings:
    """``holidays:``: a country code, or a mapping of country, categories, add and remove.
    An unknown country is reported by :func:`~smmplan.holidayset.holiday_problems`."""
    raw = f.data.get("holidays")
    if raw is None:
        return HolidaySettings(at=f.position())
    if not isinstance(raw, dict):
        country = f.text("holidays")
        return HolidaySettings(country.strip().upper() if country else None,
                               at=f.position("holidays"))
    section = f.mapping("holidays")
    assert section is not None
    values = read(section, HOLIDAYS, code="SMM007")
    country = values["country"].strip().upper() if values["country"] else None
    added = []
    for entry in section.mappings("add", "{date, name}", "{date, name}"):
        one = read(entry, HOLIDAY_ADD, code="SMM007")
        if one["date"] is not None and one["name"]:
            added.append(AddedHoliday(one["date"], one["name"], entry.position("date")))
    removed = []
    items = section.items("remove")
    listed = section.data.get("remove")
    if listed is not None and not isinstance(listed, list):
        section.invalid("remove", "must be a list of dates")
        listed = []
    for i, value in enumerate(listed or ()):
        day = parse_date(value)
        if day is None:
            items.invalid(i, f"must be a date YYYY-MM-DD, not {value!r}")
        else:
            removed.append(RemovedHoliday(day, items.position(i)))
    if country is None and (added or removed or values["categories"]):
        section.require("country", "SMM007")
    return HolidaySettings(country, values["categories"] or None, tuple(added), tuple(removed),
                           at=section.position("country") if country else f.position("holidays"),
                           categories_at=section.position("categories"))


def _load_seasons(f: Fields) -> tuple[Season, ...]:
    section = f.mapping("seasons")
    if section is None:
        return ()
    out = []
    for sid in section.data:
        if not ID_RE.match(str(sid)):
            section.report("SMM007", f"season id {sid!r} is not a valid id", sid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            continue
        one = section.mapping(sid)
        if one is None:
            continue
        values = read(one, SEASON, code="SMM007")
        days = one.data.get("days_of_month")
        if days is not None and not (isinstance(days, list) and all(
                isinstance(d, int) and not isinstance(d, bool) for d in days)):
            one.invalid("days_of_month", "must be a list of days of the month, e.g. [25, 26]")
            days = None
        out.append(Season(sid, values["name"] or sid, values["start"], values["end"],
                          tuple(days or ()), MappingProxyType(_overrides(one, "pillars", True)),
                          MappingProxyType(_overrides(one, "channels", False)),
                          pos=one.positions(), path=PATH))
    return tuple(out)


def _overrides(season: Fields, key: str, pillars: bool) -> dict:  # type: ignore[type-arg]
    section = season.mapping(key)
    if section is None:
        return {}
    out = {}
    for eid in section.data:
        one = section.mapping(eid)
        if one is None:
            continue
        values = read(one, PILLAR if pillars else SEASON_CHANNEL, code="SMM007")
        given = tuple(k for k in values if k in one.data and values[k] is not None)
        out[eid] = (PillarOverride(**values, keys=given) if pillars
                    else ChannelOverride(**values, keys=given))
    return out


def _entries(f: Fields, key: str, what: str, incomplete: set[str]
             ) -> list[tuple[str, Fields | None]]:
    """The ``(id, mapping)`` entries of the id-keyed mapping ``key`` (pillars, channels); an
    invalid id is reported and left out, an entry that is not a mapping gives None."""
    section = f.mapping(key)
    assert section is not None
    out: list[tuple[str, Fields | None]] = []
    for eid, spec in section.data.items():
        if not ID_RE.match(str(eid)):
            section.report("SMM007", f"{what} id {eid!r} is not a valid id", eid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            incomplete.add(f"{what}:{default_id(str(eid))}")
            continue
        one = None if spec is None else section.mapping(eid)
        if one is None and spec is not None:
            incomplete.add(f"{what}:{eid}")
            continue
        out.append((eid, one))
    return out


def _load_pillars(f: Fields, incomplete: set[str]) -> dict[str, Pillar]:
    if f.mapping("pillars") is None:
        if "pillars" in f.data and f.data["pillars"] is not None:
            incomplete.add("pillar")
        return {p: Pillar(p) for p in PILLARS_DEFAULT}
    pillars = {}
    for pid, one in _entries(f, "pillars", "pillar", incomplete):
        pillars[pid] = Pillar(pid) if one is None else \
            Pillar(pid, **read(one, PILLAR, code="SMM007"))
    return pillars


def _load_mix(f: Fields, pillars: dict[str, Pillar]) -> MixSettings:
    section = f.mapping("mix")
    if section is None:
        return MixSettings()
    values = read(section, MIX, code="SMM007")
    consecutive = {}
    runs = section.mapping("max_consecutive")
    if runs is not None:
        for pid in runs.data:
            if pid not in pillars:
                runs.report("SMM007", f"unknown pillar {pid!r}" + did_you_mean(pid, pillars), pid,
                            of_key=True)
                continue
            n = runs.integer(pid, minimum=1)
            if n is not None:
                consecutive[pid] = n
    return MixSettings(**values, max_consecutive=MappingProxyType(consecutive))


def _load_channels(f: Fields, incomplete: set[str]) -> dict[str, Channel]:
    if f.mapping("channels") is None:
        if "channels" not in f.data or f.data["channels"] is None:
            f.require("channels", "SMM007")
        incomplete.add("channel")
        return {}
    channels = {}
    for cid, c in _entries(f, "channels", "channel", incomplete):
        if c is None:
            incomplete.add(f"channel:{cid}")
            continue
        values = read(c, CHANNEL, code="SMM007")
        channels[cid] = Channel(id=cid, **{**values, "platform": values["platform"] or "",
                                           "name": values["name"] or cid}, pos=c.positions())
    return channels


def _load_blackout(f: Fields) -> tuple[Blackout, ...]:
    out = []
    for b in f.mappings("blackout", "{date, reason, pillars}", "{date, reason, pillars}"):
        values = read(b, BLACKOUT, code="SMM007")
        if values["date"] is None:
            continue
        pillars = values["pillars"] if "pillars" in b.data else None
        out.append(Blackout(values["date"], values["reason"], pillars, b.positions()))
    return tuple(out)


def _load_workflow(f: Fields) -> WorkflowSettings:
    section = f.mapping("workflow")
    if section is None:
        return WorkflowSettings()
    return WorkflowSettings(**read(section, WORKFLOW, code="SMM007"))


def _load_severity(f: Fields) -> dict[str, str]:
    section = f.mapping("severity")
    if section is None:
        return {}
    out = {}
    for key in section.data:
        if key.upper() not in RULES and key not in BY_NAME:
            section.report("SMM007", f"unknown rule {key!r}"
                           + did_you_mean(key, list(RULES) + list(BY_NAME)), key, of_key=True)
            continue
        level = section.choice(key, LEVELS)
        if level is not None:
            out[key] = level
    return out

"""Seasons (SPEC §7.2): stretches of the calendar whose rules differ, such as Ramadan or the
days around payday.

A season is a date range (``start``..``end``), a set of days of every month
(``days_of_month``), or both (those days inside the range). Inside it, its ``pillars`` and
``channels`` overrides replace the plan's settings key by key, for the rules:

- a day is judged by the seasons on that day (:func:`settings_on`);
- a window (ISO week or month) by the seasons of the majority of its days
  (:func:`settings_for_window`); on a tie, the state with a season wins over the plain plan,
  since a season is written on purpose.

Where two seasons on one day set the same key differently, the dated season (one with
``start``/``end``) wins over a days-of-month one: Ramadan is rarer and more deliberate than
payday. Two seasons of the same kind that contradict on a shared day are SMM007, since no
order between them would be obvious (:func:`season_problems`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from types import MappingProxyType

from .diagnostics import Diagnostic, diag
from .model import Position, Season, Settings


def seasons_on(seasons: Iterable[Season], day: dt.date) -> tuple[Season, ...]:
    """The seasons on ``day``, in the order their settings apply (last wins): days-of-month
    seasons first, then dated ones, each by id."""
    return tuple(sorted((s for s in seasons if s.contains(day)), key=lambda s: (s.dated, s.id)))


def apply(settings: Settings, active: Iterable[Season]) -> Settings:
    """``settings`` with the overrides of ``active`` seasons (in order, the last winning)."""
    active = tuple(active)
    if not active:
        return settings
    pillars = dict(settings.pillars)
    channels = dict(settings.channels)
    for season in active:
        for pid, o in season.pillars.items():
            if pid in pillars:
                pillars[pid] = replace(pillars[pid], **{k: getattr(o, k) for k in o.keys})
        for cid, c in season.channels.items():
            if cid in channels:
                channels[cid] = replace(channels[cid], **{k: getattr(c, k) for k in c.keys})
    return replace(settings, pillars=MappingProxyType(pillars),
                   channels=MappingProxyType(channels))


def settings_on(settings: Settings, seasons: Iterable[Season], day: dt.date) -> Settings:
    """The settings that judge ``day``."""
    return apply(settings, seasons_on(seasons, day))


def window_seasons(seasons: Iterable[Season], first: dt.date,
                   last: dt.date) -> tuple[Season, ...]:
    """The seasons that judge the window ``first``..``last``: those of the majority of its
    days. On a tie, more seasons win over fewer (a season is there on purpose), then the state
    that comes first in the window."""
    seasons = tuple(seasons)
    states: Counter[tuple[str, ...]] = Counter()
    first_seen: dict[tuple[str, ...], tuple[Season, ...]] = {}
    day = first
    while day <= last:
        state = seasons_on(seasons, day)
        ids = tuple(s.id for s in state)
        states[ids] += 1
        first_seen.setdefault(ids, state)
        day += dt.timedelta(days=1)
    order = list(first_seen)
    best = max(states, key=lambda ids: (states[ids], len(ids), -order.index(ids)), default=())
    return first_seen.get(best, ())


def settings_for_window(settings: Settings, seasons: Iterable[Season], first: dt.date,
                        last: dt.date) -> Settings:
    """The settings that judge a window (a mix window, an ISO week for per_week)."""
    return apply(settings, window_seasons(seasons, first, last))


def in_season(seasons: Iterable[Season], season_id: str, day: dt.date) -> bool:
    """For voice rules' ``when: {season: ...}``."""
    return any(s.id == season_id and s.contains(day) for s in seasons)


# --- what cannot be right ----------------------------------------------------------------------

def season_problems(seasons: Iterable[Season], settings: Settings) -> list[Diagnostic]:
    """SMM007 for a season that ends before it starts, a day of month outside 1..31, a season
    with neither dates nor days, an override of an unknown pillar or channel, and two seasons
    of the same kind that set one key differently on a shared day."""
    seasons = tuple(seasons)
    out: list[Diagnostic] = []
    for s in seasons:
        if s.start and s.end and s.end < s.start:
            out.append(diag("SMM007", f"season '{s.id}' ends ({s.end}) before it starts "
                            f"({s.start})", s.at("end"),
                            help="swap the dates, or fix the year"))
        for i, number in enumerate(s.days_of_month):
            if not 1 <= number <= 31:
                out.append(diag("SMM007", f"season '{s.id}': day of month {number} is not "
                                "between 1 and 31", s.at(f"days_of_month[{i}]"),
                                help="days of the month count from 1; 31 covers the last day "
                                     "only in months that have it"))
        if not s.dated and not s.days_of_month:
            out.append(diag("SMM007", f"season '{s.id}' has neither start/end nor "
                            "days_of_month", s.at("name"),
                            help="give `start` and `end` dates, or `days_of_month: [25, 26]`"))
        for pid in s.pillars:
            if pid not in settings.pillars:
                out.append(diag("SMM006", f"season '{s.id}' overrides unknown pillar '{pid}'",
                                s.at(f"pillars.{pid}")))
        for cid in s.channels:
            if cid not in settings.channels:
                out.append(diag("SMM006", f"season '{s.id}' overrides unknown channel '{cid}'",
                                s.at(f"channels.{cid}")))
    known = {s.id for s in seasons}
    for rule in settings.voice:
        for i, sid in enumerate(rule.when.get("season", ())):
            if sid not in known:
                key = f"when.season[{i}]" if f"when.season[{i}]" in rule.pos else "when.season"
                out.append(diag("SMM006", f"voice rule '{rule.name}' names unknown season "
                                f"'{sid}'", rule.pos.get(key) or settings.at("voice"),
                                help="seasons: " + (", ".join(sorted(known)) or "none")))
    out.extend(_contradictions(seasons))
    return out


def _settings_of(s: Season) -> dict[str, object]:
    out: dict[str, object] = {}
    for pid, p in s.pillars.items():
        out.update({f"pillars.{pid}.{k}": getattr(p, k) for k in p.keys})
    for cid, c in s.channels.items():
        out.update({f"channels.{cid}.{k}": getattr(c, k) for k in c.keys})
    return out


def _contradictions(seasons: tuple[Season, ...]) -> Iterator[Diagnostic]:
    for i, a in enumerate(seasons):
        for b in seasons[i + 1:]:
            if a.dated != b.dated:
                continue  # the dated one wins, as documented
            mine, theirs = _settings_of(a), _settings_of(b)
            clash = sorted(k for k in mine.keys() & theirs.keys() if mine[k] != theirs[k])
            if not clash:
                continue
            shared = _first_shared_day(a, b)
            if shared is None:
                continue
            later = b if (b.at("name").line, b.id) > (a.at("name").line, a.id) else a
            other = a if later is b else b
            yield diag("SMM007", f"seasons '{other.id}' and '{later.id}' both hold {shared} "
                       f"and set {', '.join(clash)} differently", _where(later, clash),
                       help="make the seasons not overlap, or give them the same value; "
                            "a dated season wins over a days_of_month one")


def _where(season: Season, keys: list[str]) -> Position:
    """The first of ``keys`` (or its section) that has a position in the season, else its
    name."""
    for key in [*keys, *(k.rsplit(".", 1)[0] for k in keys)]:
        if key in season.pos:
            return season.pos[key]
    return season.at("name")


def _first_shared_day(a: Season, b: Season) -> str | None:
    """The first day both seasons hold, as text; None when they never meet."""
    if not a.dated and not b.dated:
        common = sorted(set(a.days_of_month) & set(b.days_of_month))
        return f"day {common[0]} of every month" if common else None
    first = max(d for d in (a.start, b.start, dt.date.min) if d is not None)
    last = min(d for d in (a.end, b.end, dt.date.max) if d is not None)
    # days of month repeat every month, so a shared day, if any, comes within 400 days
    shared = (d for d in a.days(first, min(last, first + dt.timedelta(days=400)))
              if b.contains(d))
    day = next(shared, None)
    return None if day is None else day.isoformat()

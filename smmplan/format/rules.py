"""``guidelines/rules.yml``: timezone, language, pillars, mix, channels, voice, blackout days,
workflow and severity (the voice rules in :mod:`.voice`)."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from .. import tz as tzdb
from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, Fields, default_id, did_you_mean
from ..model import (
    Blackout,
    Channel,
    MixSettings,
    Pillar,
    Position,
    Settings,
    WorkflowSettings,
)
from ..ruletable import BY_NAME, RULES
from .keys import BLACKOUT, CHANNEL, LEVELS, MIX, PILLAR, PILLARS_DEFAULT, RULES_FILE, WORKFLOW
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
    return Settings(
        timezone=timezone,
        tz=zone,
        holidays=_holidays(f, values["holidays"]),
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


def _holidays(f: Fields, country: str | None) -> str | None:
    if country is None:
        return None
    import holidays as holidays_lib

    countries = holidays_lib.list_supported_countries()
    if country.upper() not in countries:
        f.invalid("holidays", f"{country!r} is not a supported country code"
                  + did_you_mean(country.upper(), countries))
        return None
    return country.upper()


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

"""Plan folder -> :class:`~smmplan.model.Plan` plus the diagnostics of loading (SMM001-SMM005,
SMM007, SMM008).

This is the only step that reads the plan from disk. A file that cannot be loaded yields
diagnostics and is left out; every other file is still loaded.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from pathlib import Path
from types import MappingProxyType
from zoneinfo import ZoneInfo

from . import tz as tzdb
from .diagnostics import Diagnostic, diag
from .fields import ID_RE, Fields, default_id, did_you_mean, kind_of, parse_when
from .files import read_text, rel, walk
from .model import (
    FORMATS,
    LEVELS,
    METRICS,
    PILLARS_DEFAULT,
    STATUSES,
    Blackout,
    Campaign,
    Channel,
    Guide,
    Member,
    MixSettings,
    Persona,
    Pillar,
    Plan,
    Position,
    Post,
    Settings,
    Site,
    VoiceRule,
    WorkflowSettings,
)
from .platforms import PLATFORMS
from .ruletable import BY_NAME, RULES
from .yamlpos import Doc, YamlError, parse

RULES_FILE = "guidelines/rules.yml"
TEAM_FILE = "guidelines/team.yml"

POST_KEYS = ("title", "date", "channel", "pillar", "status", "id", "format", "personas",
             "campaign", "author", "editor", "tags", "link", "media", "ignore", "metrics")
PERSONA_KEYS = ("name", "description", "demographics", "interests", "channels", "last_reviewed")
CAMPAIGN_KEYS = ("name", "start", "end", "goal", "channels", "owner")
SETTINGS_KEYS = ("timezone", "holidays", "language", "event_minutes", "pillars", "mix",
                 "channels", "voice", "blackout", "workflow", "severity")
CHANNEL_KEYS = ("platform", "name", "per_day", "per_week", "min_gap", "best_formats",
                "max_length", "max_hashtags")
VOICE_KEYS = ("name", "kind", "level", "terms", "pattern", "regex", "max", "message", "when",
              "ignore_case")
VOICE_KINDS = ("banned", "substitute", "max-count", "require")
ROLES = ("creator", "editor", "manager")
LANGUAGES = ("en", "id")
_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_END = re.compile(r"^(---|\.\.\.)[ \t]*$")
_FENCE_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_URL = re.compile(r"^(https?://|mailto:)\S+$", re.IGNORECASE)


def load_plan(root: Path | str) -> tuple[Plan, list[Diagnostic]]:
    """Read the plan at ``root``. Diagnostics are unsorted and at their rules' default levels."""
    # Loading builds a large tree without cycles: the cyclic collector's passes over it cost
    # some 15% of loading a big plan and find nothing to free.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_plan(Path(root).resolve())
    finally:
        if enabled:
            gc.enable()


def _load_plan(root: Path) -> tuple[Plan, list[Diagnostic]]:
    out: list[Diagnostic] = []
    incomplete: set[str] = set()
    site = _load_site(root, out)
    settings = _load_settings(root, out, incomplete)
    members = _load_team(root, out, incomplete)
    personas = _load_personas(root, out, incomplete)
    campaigns = _load_campaigns(root, out, incomplete)
    posts = _load_posts(root, settings, out)
    guides = _load_guides(root, out)
    from .metrics.data import load_audience, load_metrics  # metrics.data reads model types

    plan = Plan(
        root=str(root),
        site=site,
        settings=settings,
        members=MappingProxyType(members),
        posts=tuple(sorted(posts, key=_post_order)),
        personas=MappingProxyType(personas),
        campaigns=MappingProxyType(campaigns),
        guides=tuple(guides),
        incomplete=frozenset(incomplete),
        metrics_data=load_metrics(root, out),
        audience=load_audience(root, out),
    )
    return plan, out


def _post_order(post: Post) -> tuple[int, dt.datetime, str]:
    if post.start is None:
        return (1, dt.datetime.min.replace(tzinfo=dt.UTC), post.id)
    return (0, post.start, post.id)


def _read_yaml(root: Path, path: Path, out: list[Diagnostic], *, lax: bool = False,
               walked: bool = False) -> Doc | None:
    text, problem = read_text(root, path, walked=walked)
    if problem:
        out.append(problem)
        return None
    assert text is not None
    return _parse(text, rel(root, path), 0, out, lax=lax)


def _parse(text: str, name: str, line_offset: int, out: list[Diagnostic], *,
           lax: bool = False) -> Doc | None:
    try:
        return parse(text, allow_unknown_tags=lax)
    except YamlError as exc:
        out.append(diag("SMM001", f"YAML syntax: {exc.message}",
                        Position(name, exc.line + 1 + line_offset, exc.column + 1)))
        return None


def _mapping_doc(doc: Doc | None, name: str, code: str, out: list[Diagnostic],
                 line_offset: int = 0, what: str = "this file") -> bool:
    """Whether ``doc`` holds a mapping; reports what it holds instead."""
    if doc is None:
        return False
    if isinstance(doc.value, dict):
        return True
    found = kind_of(doc.value)
    line, col = doc.values.get("", (0, 0))
    out.append(diag(code, f"{what} must be a mapping of keys to values, but holds {found}",
                    Position(name, line + 1 + line_offset, col + 1),
                    help="write one `key: value` per line"))
    return False


# --- mkdocs.yml --------------------------------------------------------------------------------

def _load_site(root: Path, out: list[Diagnostic]) -> Site:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return Site()
    doc = _read_yaml(root, path, out, lax=True)
    if doc is None or not _mapping_doc(doc, "mkdocs.yml", "SMM007", out):
        return Site()
    f = Fields(doc, "mkdocs.yml", out, bad="SMM007")
    name = f.text("site_name") or Site.name
    url = f.text("site_url")
    if url is not None:
        if not re.match(r"^https?://", url):
            f.invalid("site_url", "must start with https:// or http://")
            url = None
        elif not url.endswith("/"):
            url += "/"
    return Site(name=name, url=url)


# --- guidelines/rules.yml ----------------------------------------------------------------------

def _load_settings(root: Path, out: list[Diagnostic], incomplete: set[str]) -> Settings:
    """rules.yml; ``loaded`` stays False unless its channels could be read, since without them
    every post's channel would be reported as unknown."""
    path = root / RULES_FILE
    if not path.exists() and not path.is_symlink():
        out.append(diag("SMM007", f"{RULES_FILE} is missing: the plan has no timezone, channels "
                        "or pillars", Position(RULES_FILE),
                        help="create it (`smmplan init` writes a complete example)"))
        incomplete.update(("channel", "pillar"))
        return Settings()
    doc = _read_yaml(root, path, out)
    if doc is None or not _mapping_doc(doc, RULES_FILE, "SMM007", out):
        incomplete.update(("channel", "pillar"))
        return Settings()
    f = Fields(doc, RULES_FILE, out, bad="SMM007")
    f.unknown_keys(SETTINGS_KEYS, code="SMM007")

    zone = ZoneInfo("UTC")
    timezone = "UTC"
    if f.require("timezone", "SMM007"):
        name = f.text("timezone")
        found = tzdb.zone(name) if name else None
        if found is None and name is not None:
            f.invalid("timezone", f"{name!r} is not a known IANA time zone"
                      + did_you_mean(name, tzdb.names()), help="e.g. Asia/Jakarta")
        elif found is not None and name is not None:
            zone, timezone = found, name

    holidays = f.text("holidays")
    if holidays is not None:
        import holidays as holidays_lib

        countries = holidays_lib.list_supported_countries()
        if holidays.upper() not in countries:
            f.invalid("holidays", f"{holidays!r} is not a supported country code"
                      + did_you_mean(holidays.upper(), countries))
            holidays = None
        else:
            holidays = holidays.upper()

    language = f.choice("language", LANGUAGES) or "en"
    minutes = f.integer("event_minutes", minimum=1, maximum=24 * 60) or 30
    pillars = _load_pillars(f, incomplete)
    channels = _load_channels(f, incomplete)
    return Settings(
        timezone=timezone,
        tz=zone,
        holidays=holidays,
        language=language,
        event_minutes=minutes,
        pillars=MappingProxyType(pillars),
        mix=_load_mix(f, pillars),
        channels=MappingProxyType(channels),
        voice=_load_voice(f),
        blackout=_load_blackout(f),
        workflow=_load_workflow(f),
        severity=MappingProxyType(_load_severity(f)),
        loaded=bool(channels) or "channel" not in incomplete,
        pos=f.positions(),
    )


def _load_pillars(f: Fields, incomplete: set[str]) -> dict[str, Pillar]:
    section = f.mapping("pillars")
    if section is None:
        if "pillars" in f.data and f.data["pillars"] is not None:
            incomplete.add("pillar")
        return {p: Pillar(p) for p in PILLARS_DEFAULT}
    pillars = {}
    for pid, spec in section.data.items():
        if not ID_RE.match(pid):
            section.report("SMM007", f"pillar id {pid!r} is not a valid id", pid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            incomplete.add(f"pillar:{default_id(str(pid))}")
            continue
        if spec is None:
            pillars[pid] = Pillar(pid)
            continue
        one = section.mapping(pid)
        if one is None:
            incomplete.add(f"pillar:{pid}")
            continue
        one.unknown_keys(("target", "max"), code="SMM007")
        pillars[pid] = Pillar(pid, one.share("target"), one.share("max"))
    return pillars


def _load_mix(f: Fields, pillars: dict[str, Pillar]) -> MixSettings:
    section = f.mapping("mix")
    if section is None:
        return MixSettings()
    section.unknown_keys(("window", "tolerance", "min_posts", "max_consecutive"), code="SMM007")
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
    tolerance = section.share("tolerance")
    min_posts = section.integer("min_posts")
    return MixSettings(
        window=section.choice("window", ("week", "month")) or "week",
        tolerance=0.10 if tolerance is None else tolerance,
        min_posts=5 if min_posts is None else min_posts,
        max_consecutive=MappingProxyType(consecutive),
    )


def _range(f: Fields, key: str) -> tuple[int | None, int | None] | None:
    value = f.data.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return (None, value)
    if (isinstance(value, list) and len(value) == 2
            and all(v is None or (isinstance(v, int) and not isinstance(v, bool) and v >= 0)
                    for v in value)):
        low, high = value
        if low is not None and high is not None and low > high:
            f.invalid(key, f"minimum {low} is above maximum {high}")
            return None
        return (low, high)
    f.invalid(key, f"must be [min, max] or a single maximum, not {value!r}")
    return None


def _load_channels(f: Fields, incomplete: set[str]) -> dict[str, Channel]:
    section = f.mapping("channels")
    if section is None:
        if "channels" not in f.data or f.data["channels"] is None:
            f.require("channels", "SMM007")
        incomplete.add("channel")
        return {}
    channels = {}
    for cid in section.data:
        if not ID_RE.match(cid):
            section.report("SMM007", f"channel id {cid!r} is not a valid id", cid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            incomplete.add(f"channel:{default_id(str(cid))}")
            continue
        c = section.mapping(cid)
        if c is None:
            incomplete.add(f"channel:{cid}")
            continue
        c.unknown_keys(CHANNEL_KEYS, code="SMM007")
        platform = c.choice("platform", PLATFORMS) if c.require("platform", "SMM007") else None
        formats = c.text_list("best_formats")
        for i, fmt in enumerate(formats):
            if fmt not in FORMATS:
                c._list("best_formats").invalid(i, f"{fmt!r} is not a format"
                                                + did_you_mean(fmt, FORMATS))
        channels[cid] = Channel(
            id=cid,
            platform=platform or "",
            name=c.text("name") or cid,
            per_day=_range(c, "per_day"),
            per_week=_range(c, "per_week"),
            min_gap=c.duration("min_gap"),
            best_formats=tuple(x for x in formats if x in FORMATS),
            max_length=c.integer("max_length", minimum=1),
            max_hashtags=c.integer("max_hashtags", minimum=0),
            pos=c.positions(),
        )
    return channels


def _load_voice(f: Fields) -> tuple[VoiceRule, ...]:
    value = f.data.get("voice")
    if value is None:
        return ()
    if not isinstance(value, list):
        f.invalid("voice", "must be a list of rules")
        return ()
    rules = []
    seen: set[str] = set()
    items = f._list("voice")
    for i, spec in enumerate(value):
        if not isinstance(spec, dict):
            items.invalid(i, f"must be a mapping (name, kind, ...), not {kind_of(spec)}")
            continue
        r = Fields(f.doc, f.path, f.out, bad="SMM007", base=items.path_of(i))
        r.unknown_keys(VOICE_KEYS, code="SMM007")
        if not (r.require("name", "SMM007") & r.require("kind", "SMM007")):
            continue
        name = r.ident("name")
        kind = r.choice("kind", VOICE_KINDS)
        level = r.choice("level", ("error", "warning", "info")) or "warning"
        if name is None or kind is None:
            continue
        if name in seen:
            r.invalid("name", f"{name!r} is used by an earlier voice rule")
            continue
        seen.add(name)
        use_regex = bool(r.boolean("regex"))
        terms: tuple[str, ...] = ()
        substitutes: dict[str, str] = {}
        if kind == "substitute":
            subs = r.mapping("terms") if r.require("terms", "SMM007") else None
            if subs is not None:
                for word, replacement in subs.data.items():
                    if not isinstance(replacement, str):
                        subs.invalid(word, "must name the preferred term")
                        continue
                    substitutes[str(word)] = replacement
        elif "terms" in r.data:
            terms = r.text_list("terms", allow_single=True)
        pattern = r.text("pattern")
        if kind in ("max-count", "require") and pattern is None and not terms:
            r.report("SMM007", f"a {kind} rule needs `pattern` (or `terms`)", None)
            continue
        if kind == "banned" and not terms and pattern is None:
            r.report("SMM007", "a banned rule needs `terms` (or `pattern`)", None)
            continue
        if use_regex and not _regexes_compile(r, [("pattern", pattern)]
                                              + [("terms", t) for t in terms]):
            continue  # a rule that cannot match anything is left out, not half applied
        limit = r.integer("max", minimum=0)
        if kind == "max-count" and limit is None:
            r.require("max", "SMM007")
            continue
        when: dict[str, tuple[str, ...]] = {}
        cond = r.mapping("when")
        if cond is not None:
            cond.unknown_keys(("pillar", "channel", "format", "platform"), code="SMM007")
            for key in ("pillar", "channel", "format", "platform"):
                if key in cond.data:
                    when[key] = cond.text_list(key, allow_single=True)
        rules.append(VoiceRule(
            name=name, kind=kind, level=level, terms=terms,
            substitutes=MappingProxyType(substitutes), pattern=pattern, regex=use_regex,
            max=limit, message=r.text("message"), when=MappingProxyType(when),
            ignore_case=r.boolean("ignore_case") is not False,
            pos=r.positions(),
        ))
    return tuple(rules)


def _regexes_compile(r: Fields, texts: list[tuple[str, str | None]]) -> bool:
    """Whether every pattern compiles with the engine the voice rules use (the ``regex``
    module, version 0, which reads patterns like ``re``); reports the first that does not."""
    import regex

    for key, text in texts:
        if text is None:
            continue
        try:
            regex.compile(text, regex.V0)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:
            r.invalid(key, f"is not a valid regular expression: {exc}")
            return False
    return True


def _load_blackout(f: Fields) -> tuple[Blackout, ...]:
    value = f.data.get("blackout")
    if value is None:
        return ()
    if not isinstance(value, list):
        f.invalid("blackout", "must be a list of {date, reason, pillars}")
        return ()
    out = []
    items = f._list("blackout")
    for i, spec in enumerate(value):
        if not isinstance(spec, dict):
            items.invalid(i, f"must be a mapping {{date, reason, pillars}}, not {kind_of(spec)}")
            continue
        b = Fields(f.doc, f.path, f.out, bad="SMM007", base=items.path_of(i))
        b.unknown_keys(("date", "reason", "pillars"), code="SMM007")
        day = b.date("date", required=True, required_code="SMM007")
        if day is None:
            continue
        pillars = b.text_list("pillars", allow_single=True) if "pillars" in b.data else None
        out.append(Blackout(day, b.text("reason") or "", pillars,
                            b.positions()))
    return tuple(out)


def _load_workflow(f: Fields) -> WorkflowSettings:
    section = f.mapping("workflow")
    if section is None:
        return WorkflowSettings()
    section.unknown_keys(("approve_before", "persona_review"), code="SMM007")
    default = WorkflowSettings()
    return WorkflowSettings(
        approve_before=section.duration("approve_before") or default.approve_before,
        persona_review=section.duration("persona_review") or default.persona_review,
    )


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


# --- guidelines/team.yml -----------------------------------------------------------------------

def _load_team(root: Path, out: list[Diagnostic], incomplete: set[str]) -> dict[str, Member]:
    path = root / TEAM_FILE
    if not path.exists() and not path.is_symlink():
        return {}
    doc = _read_yaml(root, path, out)
    if doc is None or not _mapping_doc(doc, TEAM_FILE, "SMM007", out):
        incomplete.add("member")
        return {}
    f = Fields(doc, TEAM_FILE, out, bad="SMM007")
    f.unknown_keys(("members",), code="SMM007")
    section = f.mapping("members")
    if section is None:
        if f.data.get("members") is None:
            f.require("members", "SMM007")
        incomplete.add("member")
        return {}
    members = {}
    for mid in section.data:
        if not ID_RE.match(str(mid)):
            section.report("SMM007", f"member id {mid!r} is not a valid id", mid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            incomplete.add(f"member:{default_id(str(mid))}")
            continue
        m = section.mapping(mid)
        if m is None:
            incomplete.add(f"member:{mid}")
            continue
        m.unknown_keys(("name", "github", "roles", "email"), code="SMM007")
        roles = m.text_list("roles", allow_single=True)
        for i, role in enumerate(roles):
            if role not in ROLES:
                m._list("roles").invalid(i, f"{role!r} is not a role ({', '.join(ROLES)})"
                                         + did_you_mean(role, ROLES))
        members[mid] = Member(mid, m.text("name") or mid, m.text("github"),
                              tuple(r for r in roles if r in ROLES),
                              m.positions())
    return members


# --- personas/*.yml ----------------------------------------------------------------------------

def _load_personas(root: Path, out: list[Diagnostic], incomplete: set[str]
                   ) -> dict[str, Persona]:
    personas: dict[str, Persona] = {}
    for path in walk(root, "personas", (".yml", ".yaml"), out, recursive=False):
        name = rel(root, path)
        doc = _read_yaml(root, path, out, walked=True)
        if doc is None or not _mapping_doc(doc, name, "SMM007", out, what="a persona file"):
            incomplete.add(f"persona:{default_id(path.stem)}")
            continue
        f = Fields(doc, name, out, bad="SMM007")
        pid = _file_id(path, name, out)
        f.unknown_keys(PERSONA_KEYS)
        title = f.text("name", required=True, required_code="SMM007")
        demo = f.mapping("demographics")
        if pid is None or title is None:
            incomplete.add(f"persona:{default_id(path.stem)}")
            continue
        if pid in personas:
            out.append(diag("SMM005", f"persona id {pid!r} is already used by "
                            f"{personas[pid].path}", Position(name)))
            continue
        personas[pid] = Persona(
            id=pid, path=name, name=title,
            description=f.text("description", single_line=False) or "",
            demographics=MappingProxyType(demo.data if demo else {}),
            interests=f.text_list("interests", allow_single=True),
            channels=f.ident_list("channels"),
            last_reviewed=f.date("last_reviewed"),
            data=MappingProxyType(doc.value),
            pos=f.positions(),
        )
    return personas


def _file_id(path: Path, name: str, out: list[Diagnostic]) -> str | None:
    pid = default_id(path.stem)
    if not ID_RE.match(pid):
        out.append(diag("SMM003", f"the file name gives the id {pid!r}, which is not a valid id",
                        Position(name), help="rename the file with lower-case letters, digits "
                        "and dashes"))
        return None
    return pid


# --- front matter files (posts, campaigns) -----------------------------------------------------

def split_front_matter(text: str) -> tuple[str, int, str, int] | str:
    """``(front matter, its first file line, body, body's first file line)``, or why not.

    Lines are 1-based file lines; the front matter sits between a first line ``---`` and the next
    ``---`` (or ``...``) line.
    """
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if not _FENCE.match(first):
        if not text.strip():
            return "the file is empty: a post starts with front matter between two `---` lines"
        return "the file has no front matter: its first line must be `---`"
    close = _FENCE_LINE.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        return "the front matter opened on line 1 is never closed with a `---` line"
    front = text[first_end + 1:close.start()]
    if front:
        front = front[:-1]  # the line break before the closing fence
        closing = 3 + front.count("\n")
    else:
        closing = 2
    return front, 2, text[close.end() + 1:], closing + 1


def _caption(body: str, first_line: int) -> tuple[str, int]:
    """The caption as published: without leading blank lines or trailing whitespace."""
    stripped = body.lstrip("\n")
    # a first line of only spaces before text still counts as blank
    while stripped and stripped.split("\n", 1)[0].strip() == "" and "\n" in stripped:
        stripped = stripped.split("\n", 1)[1]
    line = first_line + body[: len(body) - len(stripped)].count("\n")
    return stripped.rstrip(), line


def _front_matter_file(root: Path, path: Path, out: list[Diagnostic], what: str
                       ) -> tuple[Fields, str, int] | None:
    name = rel(root, path)
    text, problem = read_text(root, path, walked=True)
    if problem:
        out.append(problem)
        return None
    assert text is not None
    parts = split_front_matter(text)
    if isinstance(parts, str):
        code = "SMM001" if "never closed" in parts else "SMM002"
        out.append(diag(code, parts, Position(name), help=f"start {what} with:\n---\n"
                        "title: ...\n---"))
        return None
    front, front_line, body, body_line = parts
    doc = _parse(front, name, front_line - 1, out)
    if doc is None:
        return None
    if doc.value is None:
        doc.value = {}
        doc.values[""] = (0, 0)
    if not _mapping_doc(doc, name, "SMM003" if what == "a post" else "SMM007", out,
                        line_offset=front_line - 1, what="the front matter"):
        return None
    f = Fields(doc, name, out, bad="SMM003" if what == "a post" else "SMM007",
               line_offset=front_line - 1)
    caption, caption_line = _caption(body, body_line)
    return f, caption, caption_line


def _load_campaigns(root: Path, out: list[Diagnostic], incomplete: set[str]
                    ) -> dict[str, Campaign]:
    campaigns: dict[str, Campaign] = {}
    for path in walk(root, "content/campaigns", (".md",), out, recursive=False):
        loaded = _front_matter_file(root, path, out, "a campaign")
        if loaded is None:
            incomplete.add(f"campaign:{default_id(path.stem)}")
            continue
        f, brief, _ = loaded
        cid = _file_id(path, f.path, out)
        f.unknown_keys(CAMPAIGN_KEYS)
        name = f.text("name", required=True, required_code="SMM007")
        start = f.date("start", required=True, required_code="SMM007")
        end = f.date("end", required=True, required_code="SMM007")
        if start and end and start > end:
            f.invalid("end", f"{end} is before the start {start}")
            start = None
        if cid is None or name is None or start is None or end is None:
            incomplete.add(f"campaign:{default_id(path.stem)}")
            continue
        if cid in campaigns:
            out.append(diag("SMM005", f"campaign id {cid!r} is already used by "
                            f"{campaigns[cid].path}", Position(f.path)))
            continue
        campaigns[cid] = Campaign(
            id=cid, path=f.path, name=name, start=start, end=end,
            goal=f.text("goal", single_line=False) or "",
            channels=f.ident_list("channels"),
            owner=f.ident("owner"),
            brief=brief,
            pos=f.positions(),
        )
    return campaigns


def _load_posts(root: Path, settings: Settings, out: list[Diagnostic]) -> list[Post]:
    posts: dict[str, Post] = {}
    for path in walk(root, "content/posts", (".md",), out):
        post = _load_post(root, path, settings, out)
        if post is None:
            continue
        first = posts.get(post.id)
        if first is not None:
            where = post.at("id") if "id" in post.pos else Position(post.path)
            out.append(diag("SMM005", f"post id {post.id!r} is already used by {first.path}",
                            where, help="give this post its own `id:`"))
            continue
        posts[post.id] = post
    return list(posts.values())


def _load_post(root: Path, path: Path, settings: Settings, out: list[Diagnostic]
               ) -> Post | None:
    loaded = _front_matter_file(root, path, out, "a post")
    if loaded is None:
        return None
    f, caption, caption_line = loaded
    data = f.data
    if "id" in data:
        post_id = f.ident("id")
    else:
        post_id = default_id(path.stem)
        if not ID_RE.match(post_id):
            out.append(diag("SMM003", f"the file name gives the id {post_id!r}, which is not "
                            "valid", Position(f.path),
                            help="add `id:` with lower-case letters, digits and dashes"))
            post_id = None
    f.post = post_id
    f.unknown_keys(POST_KEYS)

    status = f.choice("status", STATUSES) if "status" in data else "draft"
    title = f.text("title", required=True)
    pillar = f.ident("pillar", required=True)
    channels = f.ident_list("channel") if f.require("channel") else ()

    start: dt.datetime | None = None
    all_day = False
    date_ok = True
    if "date" in data and data["date"] is not None:
        when = parse_when(data["date"], settings.tz)
        if isinstance(when, str):
            f.invalid("date", when, help="e.g. 2026-12-01 09:30, 2026-12-01T09:30+07:00, or "
                      "2026-12-01 for an all-day slot")
            date_ok = False
        else:
            start, all_day = when
    elif status != "idea":
        date_ok = f.require("date", what=" (only `status: idea` may leave it out)")

    problem = None if not caption else _caption_problem(caption)
    if problem:
        out.append(diag("SMM003", f"the caption {problem[1]}",
                        Position(f.path, caption_line + caption[: problem[0]].count("\n"),
                                 problem[0] - caption.rfind("\n", 0, problem[0])),
                        post=post_id))
    if not caption and status not in ("idea", "cancelled"):
        out.append(diag("SMM002", "the post has no caption (the text after the front matter)",
                        Position(f.path, max(1, caption_line - 1)), post=post_id,
                        help="write the caption below the closing `---`"))

    metrics = _metrics(f)
    link = f.text("link")
    if link is not None and not _URL.match(link):
        f.invalid("link", f"{link!r} is not a web address (https://...)")
        link = None
    media = f.text_list("media", allow_single=True)
    ignore = f.text_list("ignore", allow_single=True)
    for i, code in enumerate(ignore):
        if code.upper() not in RULES and code not in BY_NAME:
            f._list("ignore").invalid(i, f"{code!r} is not a rule code or name"
                                      + did_you_mean(code, list(BY_NAME)))
    fmt = f.choice("format", FORMATS)
    personas = f.ident_list("personas")
    campaign = f.ident("campaign")
    author = f.ident("author")
    editor = f.ident("editor")
    tags = f.text_list("tags", allow_single=True)

    # a post whose place on the calendar is unknown is left out rather than guessed
    if not date_ok or post_id is None or title is None or pillar is None or status is None \
            or not channels:
        return None
    return Post(
        id=post_id, path=f.path, title=title, status=status, pillar=pillar,
        channels=channels, start=start, all_day=all_day, caption=caption,
        caption_line=caption_line, format=fmt, personas=personas, campaign=campaign,
        author=author, editor=editor, tags=tags, link=link, media=media,
        ignore=ignore, metrics=MappingProxyType(metrics),
        pos=f.positions(),
    )


def _caption_problem(caption: str) -> tuple[int, str] | None:
    m = re.search(r"[\x00-\x08\x0b-\x1f\x7f]", caption)
    if m is None:
        return None
    return m.start(), f"contains the control character U+{ord(m.group()):04X}"


def _metrics(f: Fields) -> dict[str, int]:
    section = f.mapping("metrics")
    if section is None:
        return {}
    section.unknown_keys(METRICS, what="metric")
    out = {}
    for key in METRICS:
        value = section.integer(key, minimum=0)
        if value is not None:
            out[key] = value
    return out


# --- guidelines/*.md ---------------------------------------------------------------------------

def _load_guides(root: Path, out: list[Diagnostic]) -> list[Guide]:
    guides = []
    for path in walk(root, "guidelines", (".md",), out, recursive=False):
        text, problem = read_text(root, path, walked=True)
        if problem:
            out.append(problem)
            continue
        assert text is not None
        title = path.stem.replace("-", " ").replace("_", " ").capitalize()
        for line in text.split("\n"):
            if line.startswith("# "):
                title = line[2:].strip()
                break
        guides.append(Guide(rel(root, path), title, text))
    return guides


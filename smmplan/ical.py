"""Plan -> iCalendar feeds (SPEC §4): ``calendar.ics`` and one feed per channel, persona,
campaign, author, plus the national holidays.

Every event is serialised once, to bytes, and those bytes are reused by every feed that carries
it: the whole-plan feed and the per-channel, per-persona, per-campaign and per-author feeds repeat
the same events, so writing all of them costs little more than writing one.

Values are formatted by ``icalendar`` (dates, durations, the calendar object); TEXT escaping and
line folding are done here, because icalendar 7.3 gets two things wrong for plan text: its TEXT
escaping turns a literal ``\\N`` into a line break, and it folds one character at a time in Python
(most of the cost of a 20,000-post plan). The folding here works on the UTF-8 bytes and never
splits a character or a backslash escape.

Feeds never contain the wall clock: stamps come from git (:mod:`smmplan.gitdates`), so the same
plan gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote

import icalendar
import regex
from icalendar import Calendar, vDate, vDatetime, vDuration, vText, vUri

from .calendar import Occurrence, Series, calendar_of, window_of
from .captions import captions_of
from .fields import ID_RE
from .gitdates import History, read_history
from .i18n import feed_words
from .model import Plan, Post
from .recurrence import Repeat, rrule_value

UTC = dt.UTC
PRODID = "-//smmplan//smmplan//EN"
#: Subscribed clients may poll this often (RFC 7986 REFRESH-INTERVAL, and Outlook's X- twin).
REFRESH = dt.timedelta(hours=1)
#: SPEC §4: the caption in an event's DESCRIPTION is cut at this many characters.
CAPTION_LIMIT = 1000
STATUS = {
    "draft": "TENTATIVE",
    "review": "TENTATIVE",
    "approved": "CONFIRMED",
    "scheduled": "CONFIRMED",
    "published": "CONFIRMED",
    "cancelled": "CANCELLED",
}
RULES_FILE = "guidelines/rules.yml"


@dataclass(frozen=True)
class Feed:
    """One calendar feed: where it lives in the site and how it introduces itself."""

    path: str
    """Relative to the site root, ``/``-separated: ``calendar.ics``, ``calendars/...``."""
    title: str
    """Human-readable name in the plan's language, e.g. ``Kopi Nusantara — Instagram``."""
    description: str
    kind: str = "all"
    """``all``, ``channel``, ``persona``, ``campaign``, ``author`` or ``holidays``."""
    key: str | None = None
    """The channel, persona, campaign or member id (a country code for ``holidays``)."""


def _words(plan: Plan) -> Mapping[str, str]:
    return feed_words(plan.settings.language)


# --- which feeds a plan has --------------------------------------------------------------------

def _ids(defined: Iterable[str], used: Iterable[str | None]) -> list[str]:
    # ids also come from posts, so that a feed exists for everything an event is filed under;
    # only valid ids become file names (no path can leave the output folder)
    return sorted({i for i in (*defined, *used) if i and ID_RE.match(i)})


def describe_feeds(plan: Plan) -> list[Feed]:
    """Every feed of the plan (SPEC §4), in a stable order: the whole plan first, then channels,
    personas, campaigns, authors (members with the creator role, and anyone who authors a post)
    and the national holidays when ``holidays:`` names a country."""
    w = _words(plan)
    site = plan.site.name
    slots = calendar_of(plan).slots
    posts = [s.post for s in slots]
    feeds = [Feed("calendar.ics", w["all.title"].format(site=site), w["all.desc"])]

    for cid in _ids(plan.settings.channels, (c for s in slots for c in s.channels)):
        name = _channel_name(plan, cid)
        feeds.append(Feed(f"calendars/channel-{cid}.ics", w["channel.title"].format(
            site=site, name=name), w["channel.desc"].format(name=name), "channel", cid))

    for pid in _ids(plan.personas, (x for p in posts for x in p.personas)):
        persona = plan.personas.get(pid)
        name = persona.name if persona is not None else pid
        feeds.append(Feed(f"calendars/persona-{pid}.ics", w["persona.title"].format(
            site=site, name=name), w["persona.desc"].format(name=name), "persona", pid))

    for cid in _ids(plan.campaigns, (p.campaign for p in posts)):
        campaign = plan.campaigns.get(cid)
        name = campaign.name if campaign is not None else cid
        if campaign is not None:
            desc = w["campaign.desc"].format(name=name, start=campaign.start, end=campaign.end)
        else:
            desc = w["campaign.undefined"].format(name=name)
        feeds.append(Feed(f"calendars/campaign-{cid}.ics", w["campaign.title"].format(
            site=site, name=name), desc, "campaign", cid))

    creators = (m.id for m in plan.members.values() if "creator" in m.roles)
    for mid in _ids(creators, (p.author for p in posts)):
        name = _member_name(plan, mid)
        feeds.append(Feed(f"calendars/author-{mid}.ics", w["author.title"].format(
            site=site, name=name), w["author.desc"].format(name=name), "author", mid))

    country = plan.settings.holidays
    if country:
        feeds.append(Feed("calendars/holidays.ics", w["holidays.title"].format(
            site=site, name=country), w["holidays.desc"].format(name=country), "holidays",
            country))
    return feeds


def _channel_name(plan: Plan, cid: str) -> str:
    channel = plan.settings.channels.get(cid)
    return channel.name if channel is not None and channel.name else cid


def _member_name(plan: Plan, mid: str) -> str:
    member = plan.members.get(mid)
    return member.name if member is not None and member.name else mid


# --- rendering ---------------------------------------------------------------------------------

def render_feeds(plan: Plan, history: History | None = None) -> dict[str, bytes]:
    """Every feed of :func:`describe_feeds`, as ``{path: exact bytes}``.

    Reads the plan's git history (one ``git log``) unless ``history`` is given; otherwise pure.
    """
    if history is None:
        history = read_history(plan.root)
    namespace = uid_namespace(plan)
    cal = calendar_of(plan)
    captions = captions_of(plan)
    events: list[tuple[Occurrence, bytes]] = []
    zoned: set[bytes] = set()  # events that name the plan timezone (TZID): need its VTIMEZONE
    done: set[str] = set()  # recurring posts: one event per channel, at their first slot
    for slot in cal.slots:
        post = slot.post
        if post.id in done:
            continue
        stamp = history.stamp(post.path)
        sequence = history.sequence(post.path)
        series = cal.series.get(post.id)
        if series is not None:
            done.add(post.id)
        for occ in slot.occurrences:
            cap = captions.of(post, occ.channel)
            data = occurrence_event(
                plan, occ, namespace=namespace, stamp=stamp, sequence=sequence,
                description=event_description(plan, post, cap.text if cap else None),
                series=series)
            events.append((occ, data))
            if series is not None and not occ.all_day:
                zoned.add(data)

    members: dict[str, list[bytes]] = {}
    for occ, data in events:
        post = occ.post
        keys = ["calendar.ics", f"calendars/channel-{occ.channel}.ics"]
        keys += [f"calendars/persona-{p}.ics" for p in dict.fromkeys(post.personas)]
        if post.campaign:
            keys.append(f"calendars/campaign-{post.campaign}.ics")
        if post.author:
            keys.append(f"calendars/author-{post.author}.ics")
        for key in keys:
            members.setdefault(key, []).append(data)

    out: dict[str, bytes] = {}
    timezone = vtimezone(plan) if zoned else b""
    for feed in describe_feeds(plan):
        if feed.kind == "holidays":
            chunks = holiday_events(plan, namespace, history.stamp(RULES_FILE))
        else:
            chunks = members.get(feed.path, [])
        zone = [timezone] if any(c in zoned for c in chunks) else []
        out[feed.path] = b"".join([_calendar_head(plan, feed), *zone, *chunks,
                                   b"END:VCALENDAR\r\n"])
    return out


def vtimezone(plan: Plan) -> bytes:
    """The plan timezone as a ``VTIMEZONE``, for recurring events: their ``DTSTART`` is local
    time with a ``TZID`` (so that a calendar keeps 07:30 at 07:30 across daylight saving time),
    and a calendar that does not know the zone by name reads its rules from here. It covers
    every year the plan's occurrences reach, and ten more for rules without an end."""
    starts = [s.start for s in calendar_of(plan).slots if s.post.repeat is not None]
    first = min(starts).date().replace(month=1, day=1)
    last = max(starts).date().replace(month=12, day=31)
    last = last.replace(year=min(last.year + 10, 2999))
    zone = icalendar.Timezone.from_tzinfo(plan.tz, tzid=plan.settings.timezone,
                                          first_date=first, last_date=last)
    # icalendar lists the later onsets of an observance as RDATEs; ical.js then ignores the
    # observance's own DTSTART. One observance per onset reads the same in every parser.
    lines = ["BEGIN:VTIMEZONE", "TZID:" + escape_text(plan.settings.timezone)]
    onsets = []
    observances: list[Any] = list(zone.subcomponents)  # icalendar's values are loosely typed
    for part in observances:
        dates = [part["DTSTART"].dt]
        rdates = part.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            dates += [d.dt for d in rdate.dts]
        for onset in dates:
            onsets.append((onset, part.name, str(part["TZNAME"]),
                           _text(part["TZOFFSETFROM"].to_ical()),
                           _text(part["TZOFFSETTO"].to_ical())))
    for onset, kind, name, before, after in sorted(onsets):
        lines += [f"BEGIN:{kind}", f"DTSTART:{onset:%Y%m%dT%H%M%S}", f"TZNAME:{escape_text(name)}",
                  f"TZOFFSETFROM:{before}", f"TZOFFSETTO:{after}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return b"".join(fold(line) for line in lines)


def uid_namespace(plan: Plan) -> uuid.UUID:
    """The namespace of the plan's event UIDs: from ``site_url``, else ``site_name``."""
    return uuid.uuid5(uuid.NAMESPACE_URL, plan.site.url or plan.site.name)


def event_uid(namespace: uuid.UUID, post_id: str, channel: str) -> str:
    """SPEC §4: UUIDv5 of ``<post id>/<channel id>`` — no host name, stable across renames."""
    return str(uuid.uuid5(namespace, f"{post_id}/{channel}"))


def occurrence_event(plan: Plan, occ: Occurrence, *, namespace: uuid.UUID,
                     stamp: dt.datetime, sequence: int, description: str | None = None,
                     series: Series | None = None) -> bytes:
    """One post on one channel as a complete, folded ``VEVENT`` (CRLF line ends). For a
    recurring post (``series``) the event starts at its first occurrence and carries the
    ``RRULE`` and an ``EXDATE`` for each occurrence left out (SPEC §5.1)."""
    post, channel = occ.post, occ.channel
    stamp_text = _utc(stamp)
    lines = [
        "BEGIN:VEVENT",
        "UID:" + event_uid(namespace, post.id, channel),
        "DTSTAMP:" + stamp_text,
        "LAST-MODIFIED:" + stamp_text,
        f"SEQUENCE:{sequence}",
    ]
    if series is not None and post.repeat is not None and post.start is not None:
        lines += _recurrence(plan, series, post.repeat, post.start, occ.all_day)
    elif occ.all_day:
        lines += ["DTSTART;VALUE=DATE:" + _ical(vDate(occ.day)),
                  "DTEND;VALUE=DATE:" + _ical(vDate(occ.day + dt.timedelta(days=1)))]
    else:
        lines += ["DTSTART:" + _ical(vDatetime(occ.instant)),
                  "DURATION:" + _duration(plan.settings.event_minutes)]
    channel_name = _channel_name(plan, channel)
    lines += [
        "SUMMARY:" + escape_text(f"{channel_name}: {post.title}"),
        "DESCRIPTION:" + escape_text(description if description is not None
                                     else event_description(plan, post)),
    ]
    if plan.site.url:
        lines.append("URL:" + _uri(f"{plan.site.url}posts/{post.id}/"))
    lines += [
        # ids, not names: a comma inside a category, even escaped, is split by some parsers
        "CATEGORIES:" + ",".join(escape_text(c) for c in dict.fromkeys((post.pillar, channel))),
        "STATUS:" + STATUS.get(post.status, "TENTATIVE"),
        # planned posts are not meetings: subscribers must not look busy because of them
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return b"".join(fold(line) for line in lines)


def _recurrence(plan: Plan, series: Series, rep: Repeat, first: dt.datetime, all_day: bool
                ) -> list[str]:
    """DTSTART (the first occurrence of the rule, left out or not), its length, RRULE, EXDATE."""
    rule = "RRULE:" + rrule_value(rep, first, all_day)
    left = [when for when, _, _ in series.skipped] + list(series.later)
    if all_day:
        out = ["DTSTART;VALUE=DATE:" + f"{first:%Y%m%d}",
               "DTEND;VALUE=DATE:" + f"{first + dt.timedelta(days=1):%Y%m%d}", rule]
        out += [f"EXDATE;VALUE=DATE:{w:%Y%m%d}" for w in left]
        return out
    tzid = "TZID=" + plan.settings.timezone
    out = [f"DTSTART;{tzid}:{first:%Y%m%dT%H%M%S}",
           "DURATION:" + _duration(plan.settings.event_minutes), rule]
    out += [f"EXDATE;{tzid}:{w:%Y%m%dT%H%M%S}" for w in left]
    return out


def holiday_events(plan: Plan, namespace: uuid.UUID, stamp: dt.datetime) -> list[bytes]:
    """The national holidays of ``settings.holidays`` in the months of the plan, all-day."""
    country = plan.settings.holidays
    calendar = calendar_of(plan)
    if not country or not calendar.slots:
        return []
    days = [s.day for s in calendar.slots]
    first = window_of(min(days), "month").start
    last = window_of(max(days), "month").end
    stamp_text = _ical(vDatetime(stamp.astimezone(UTC)))
    out = []
    for day, names in calendar.holidays_between(first, last):
        lines = [
            "BEGIN:VEVENT",
            "UID:" + str(uuid.uuid5(namespace, f"holiday/{country}/{day.isoformat()}")),
            "DTSTAMP:" + stamp_text,
            "LAST-MODIFIED:" + stamp_text,
            "SEQUENCE:0",
            "DTSTART;VALUE=DATE:" + _ical(vDate(day)),
            "DTEND;VALUE=DATE:" + _ical(vDate(day + dt.timedelta(days=1))),
            "SUMMARY:" + escape_text(names),
            "STATUS:CONFIRMED",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
        out.append(b"".join(fold(line) for line in lines))
    return out


def event_description(plan: Plan, post: Post, caption: str | None = None) -> str:
    """An event's DESCRIPTION (unescaped): pillar, status, personas, author, then the caption
    (the event's channel's, rendered, when given)."""
    w = _words(plan)
    lines = [f"{w['pillar']}: {post.pillar}", f"{w['status']}: {post.status}"]
    if post.personas:
        names = [plan.personas[p].name if p in plan.personas else p for p in post.personas]
        # names may hold commas ("Raka, mahasiswa"): a semicolon keeps them apart
        lines.append(f"{w['personas']}: {'; '.join(names)}")
    if post.author:
        lines.append(f"{w['author']}: {_member_name(plan, post.author)}")
    caption = cut_caption(post.caption if caption is None else caption)
    return "\n".join(lines) + ("\n\n" + caption if caption else "")


def cut_caption(caption: str, limit: int = CAPTION_LIMIT) -> str:
    """The first ``limit`` user-perceived characters of ``caption``, with ``…`` when cut."""
    if len(caption) <= limit:  # never more clusters than code points: nothing to cut
        return caption
    clusters = regex.findall(r"\X", caption)
    if len(clusters) <= limit:
        return caption
    return "".join(clusters[:limit]) + "…"


def _calendar_head(plan: Plan, feed: Feed) -> bytes:
    """``BEGIN:VCALENDAR`` and the calendar's properties, built with icalendar."""
    cal = Calendar()
    cal["VERSION"] = vText("2.0")
    cal["PRODID"] = vText(PRODID)
    cal["CALSCALE"] = vText("GREGORIAN")
    cal["METHOD"] = vText("PUBLISH")
    # Calendar.new(name=...) and cal.add("X-...", str) write these unescaped: a comma or a line
    # break in a plan's name would break the feed, so they go in as escaped TEXT
    cal["NAME"] = _Text(feed.title)
    cal["X-WR-CALNAME"] = _Text(feed.title)
    cal["DESCRIPTION"] = _Text(feed.description)
    cal["X-WR-CALDESC"] = _Text(feed.description)
    cal["X-WR-TIMEZONE"] = _Text(plan.settings.timezone)
    cal["REFRESH-INTERVAL"] = vDuration(REFRESH, params={"VALUE": "DURATION"})
    cal["X-PUBLISHED-TTL"] = vDuration(REFRESH)
    if plan.site.url:
        cal["SOURCE"] = vUri(_uri(plan.site.url + feed.path), params={"VALUE": "URI"})
    head = cal.to_ical(sorted=False)
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    return head[: -len(end)]


# --- text, values and lines --------------------------------------------------------------------

# Every kind of line break a parser might split on (Python's splitlines() knows them all)
_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# TEXT may hold no other control character (RFC 5545 §3.1: CONTROL); the loader rejects them
# (SMM003), but a feed must stay valid whatever reaches it
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")


def escape_text(value: str) -> str:
    """``value`` as an RFC 5545 TEXT value: every line break becomes ``\\n``, ``\\ ; ,`` are
    escaped, and other control characters (which TEXT cannot carry) become U+FFFD."""
    if _BREAKS.search(value):
        value = _BREAKS.sub("\n", value)
    if _CONTROLS.search(value):
        value = _CONTROLS.sub("\ufffd", value)
    # RFC 5545 §3.3.11: backslash first, then semicolon, comma and line break (chained
    # str.replace is several times faster than str.translate with a table)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace(
        "\n", "\\n")


class _Text(vText):
    """icalendar's TEXT type with correct escaping (vText reads a literal ``\\N`` as a break)."""

    def to_ical(self) -> bytes:
        return escape_text(str(self)).encode("utf-8")


@lru_cache(maxsize=1024)  # many posts share a commit, so their stamps repeat
def _utc(value: dt.datetime) -> str:
    return _ical(vDatetime(value.astimezone(UTC)))


def _ical(value: vDatetime | vDate) -> str:
    return value.to_ical().decode("ascii")


def _duration(minutes: int) -> str:
    return vDuration(dt.timedelta(minutes=minutes)).to_ical().decode("ascii")


def _uri(url: str) -> str:
    """``url`` with anything a URI cannot hold (spaces, controls, non-ASCII) percent-encoded."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~")


_LIMIT = 75  # RFC 5545 §3.1: octets per line, without the CRLF


def fold(line: str) -> bytes:
    """One content line, UTF-8, folded at 75 octets, with its CRLF.

    A fold never splits a UTF-8 character, nor a backslash from the character it escapes (some
    clients unescape before unfolding).
    """
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return data + b"\r\n"
    parts: list[bytes] = []
    start, room = 0, _LIMIT
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back up to its lead
            cut -= 1
        run = 0
        while cut - 1 - run >= start and data[cut - 1 - run] == 0x5C:
            run += 1
        if run % 2:  # the last backslash opens an escape: keep it with its character
            cut -= 1
        parts.append(data[start:cut])
        start, room = cut, _LIMIT - 1  # continuation lines start with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def _text(value: str | bytes) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else value

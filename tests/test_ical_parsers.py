"""Every feed read by three parsers the project did not write: ical.js (node), vobject with
``validate=True`` and ``ical`` (PyPI); plus the byte-level rules of RFC 5545 §3.1.

The helpers here are shared by the other ``test_ical*`` modules.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import vobject
from ical.calendar_stream import IcsCalendarStream

from smmplan.gitdates import History
from smmplan.ical import describe_feeds, escape_text, render_feeds
from smmplan.load import load_plan
from smmplan.model import Channel, Plan, Post, Settings, Site
from smmplan.tz import zone

REPO = Path(__file__).resolve().parent.parent
JS = REPO / "tests" / "js"
_JAKARTA = zone("Asia/Jakarta")
assert _JAKARTA is not None
JAKARTA = _JAKARTA
#: 2026-11-25 14:00:00 UTC, a fixed stamp for plans built in memory
FIXED = 1795615200


# --- parsers -----------------------------------------------------------------------------------

def icaljs(paths: list[Path]) -> dict[str, Any]:
    """What ical.js understood of each file (see tests/js/parse-ics.mjs), keyed by path."""
    assert (JS / "node_modules" / "ical.js").is_dir(), \
        "ical.js is missing: run `make setup-test` (cd tests/js && npm ci)"
    done = subprocess.run(["node", str(JS / "parse-ics.mjs"), *map(str, paths)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def vobject_events(data: bytes) -> tuple[Any, list[Any]]:
    """The calendar as vobject reads it with validation, and its VEVENTs."""
    calendars = list(vobject.readComponents(data.decode("utf-8"), validate=True))
    assert len(calendars) == 1
    calendar = calendars[0]
    assert calendar.name == "VCALENDAR"
    return calendar, [c for c in calendar.getChildren() if c.name == "VEVENT"]


def ical_calendar(data: bytes) -> Any:
    return IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))


def summaries_by_parser(path: Path) -> dict[str, list[str]]:
    """The SUMMARY of every event, as each of the three parsers sees it."""
    data = path.read_bytes()
    js = icaljs([path])[str(path)]
    _, vo_events = vobject_events(data)
    ic = ical_calendar(data)
    return {
        "ical.js": [e["summary"] for e in js["events"]],
        "vobject": [e.summary.value for e in vo_events],
        "ical": [e.summary for e in ic.events],
    }


def write(feeds: Mapping[str, bytes], folder: Path) -> list[Path]:
    paths = []
    for rel, data in feeds.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
    return paths


# --- byte-level rules --------------------------------------------------------------------------

TEXT_PROPERTIES = {"SUMMARY", "DESCRIPTION", "NAME", "X-WR-CALNAME", "X-WR-CALDESC",
                   "X-WR-TIMEZONE", "CATEGORIES", "LOCATION", "COMMENT"}


def byte_problems(data: bytes) -> list[str]:
    """Everything in ``data`` that breaks RFC 5545's line and TEXT rules (empty if none)."""
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    if data.replace(b"\r\n", b"").count(b"\r") or data.replace(b"\r\n", b"").count(b"\n"):
        problems.append("a bare CR or LF")
    physical = data.split(b"\r\n")[:-1]
    for n, line in enumerate(physical, 1):
        if len(line) > 75:
            problems.append(f"line {n} has {len(line)} octets")
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n} splits a UTF-8 character")
            continue
        if re.search(r"[\x00-\x08\x0a-\x1f\x7f]", text):
            problems.append(f"line {n} holds a control character")
    logical = b"".join(b"\n" + line[1:] if line[:1] == b" " else b"\r" + line
                       for line in physical).decode("utf-8", "replace").split("\r")[1:]
    for unfolded in (x.replace("\n", "") for x in logical):
        name, _, value = unfolded.partition(":")
        if name.split(";")[0] not in TEXT_PROPERTIES:
            continue
        i = 0
        while i < len(value):
            c = value[i]
            if c == "\\":
                if value[i + 1: i + 2] not in ("\\", ";", ",", "n", "N"):
                    problems.append(f"bad escape in {unfolded!r}")
                i += 2
                continue
            if c == ";" or (c == "," and not name.startswith("CATEGORIES")):
                problems.append(f"unescaped {c!r} in {unfolded!r}")
            i += 1
    return problems


def test_byte_check_catches_what_it_should() -> None:
    good = b"BEGIN:VCALENDAR\r\nSUMMARY:a\\, b\\; c\\\\ \\n\r\nEND:VCALENDAR\r\n"
    assert byte_problems(good) == []
    assert byte_problems(b"SUMMARY:a, b\r\n") == ["unescaped ',' in 'SUMMARY:a, b'"]
    assert byte_problems(b"SUMMARY:a; b\r\n") == ["unescaped ';' in 'SUMMARY:a; b'"]
    assert byte_problems(b"SUMMARY:a\nb\r\n") == [
        "a bare CR or LF", "line 1 holds a control character"]
    assert byte_problems(b"X:" + b"a" * 74 + b"\r\n") == ["line 1 has 76 octets"]
    assert byte_problems("SUMMARY:é".encode()[:-1] + b"\r\n \xa9\r\n") == [
        "line 1 splits a UTF-8 character", "line 2 splits a UTF-8 character"]


# --- plans built in memory, for what the loader would never let through ------------------------

def memory_plan(posts: list[Post], *, url: str | None = "https://example.org/plan/",
                language: str = "en", holidays: str | None = None) -> Plan:
    channels = {"instagram": Channel("instagram", "instagram", "Instagram"),
                "x": Channel("x", "x", "X")}
    settings = Settings(timezone="Asia/Jakarta", tz=JAKARTA, holidays=holidays,
                        language=language, channels=MappingProxyType(channels), loaded=True)
    return Plan(root="/nonexistent", site=Site("Kopi Nusantara", url), settings=settings,
                members=MappingProxyType({}), posts=tuple(posts),
                personas=MappingProxyType({}), campaigns=MappingProxyType({}), guides=())


def memory_post(post_id: str = "launch", title: str = "Launch", *,
                start: dt.datetime | None = dt.datetime(2026, 12, 1, 9, 0, tzinfo=JAKARTA),
                caption: str = "Kopi baru.", **extra: Any) -> Post:
    fields: dict[str, Any] = dict(id=post_id, path=f"content/posts/{post_id}.md", title=title,
                                  status="approved", pillar="education",
                                  channels=("instagram",), start=start, all_day=False,
                                  caption=caption, caption_line=8)
    fields.update(extra)
    return Post(**fields)


def fixed_history() -> History:
    return History("/nonexistent", last_commit=FIXED)


# --- the tests ---------------------------------------------------------------------------------

PLAN_FILES = {
    "mkdocs.yml": "site_name: Kopi, Nusantara; Jakarta\nsite_url: https://example.org/plan/\n",
    "guidelines/rules.yml": """\
        timezone: Asia/Jakarta
        holidays: ID
        language: id
        event_minutes: 45
        channels:
          instagram: {platform: instagram, name: "Instagram; utama, ID", per_day: [0, 5]}
          x: {platform: x, name: X, per_day: [0, 5]}
        """,
    "guidelines/team.yml": """\
        members:
          rina: {name: "Rina, Wulandari", roles: [creator]}
          dimas: {name: Dimas, roles: [editor]}
        """,
    "personas/mahasiswa.yml": "name: Mahasiswa; ngopi, hemat\nlast_reviewed: 2026-11-01\n",
    "content/campaigns/launch.md": "---\nname: Launch, 12.12\nstart: 2026-12-01\n"
                                   "end: 2026-12-31\n---\nBrief.\n",
    "content/posts/late.md": """\
        ---
        id: late
        title: 'Kopi malam, C:\\New; 23:30 "spesial" ☕'
        date: 2026-12-01 23:30
        channel: [instagram, x]
        pillar: education
        status: approved
        author: rina
        editor: dimas
        personas: [mahasiswa]
        campaign: launch
        ---

        Kopi susu gula aren, enak; terjangkau 👩‍👩‍👧 \\N bukan baris baru.
        Baris kedua: #kopi
        """,
    "content/posts/2026/12/all-day.md": """\
        ---
        title: Hari Natal
        date: 2026-12-25
        channel: instagram
        pillar: quote
        status: cancelled
        ---

        Selamat Natal!
        """,
    "content/posts/2026/12/long.md": """\
        ---
        title: Panjang sekali
        date: 2026-12-02T08:00:00+07:00
        channel: instagram
        pillar: education
        status: draft
        ---

        """ + "Kopi Gayo é ☕ 👩‍👩‍👧, ; \\ " * 120 + "\n",
    "content/posts/idea.md": "---\ntitle: Ide\nchannel: x\npillar: quote\nstatus: idea\n"
                             "---\n\nIde.\n",
}


def test_every_feed_passes_three_parsers_and_the_byte_rules(
        make_plan: Callable[..., Path], tmp_path: Path) -> None:
    root = make_plan(PLAN_FILES)
    plan, found = load_plan(root)
    assert [d.code for d in found if d.severity == "error"] == []
    feeds = render_feeds(plan, fixed_history(), dt.date(2026, 11, 25))
    assert list(feeds) == [f.path for f in describe_feeds(plan)] == [
        "calendar.ics", "calendars/channel-instagram.ics", "calendars/channel-x.ics",
        "calendars/persona-mahasiswa.ics", "calendars/campaign-launch.ics",
        "calendars/author-rina.ics", "calendars/holidays.ics"]
    paths = write(feeds, tmp_path / "out")
    js = icaljs(paths)
    # (post, channel) events per feed; the idea is in none, the cancelled post is in
    expected: dict[str, list[Any]] = {
        "calendar.ics": ["Instagram; utama, ID: Kopi malam, C:\\New; 23:30 \"spesial\" ☕",
                         "X: Kopi malam, C:\\New; 23:30 \"spesial\" ☕",
                         "Instagram; utama, ID: Panjang sekali",
                         "Instagram; utama, ID: Hari Natal"],
        "calendars/channel-instagram.ics": [0, 2, 3],
        "calendars/channel-x.ics": [1],
        "calendars/persona-mahasiswa.ics": [0, 1],
        "calendars/campaign-launch.ics": [0, 1],
        "calendars/author-rina.ics": [0, 1],
    }
    everything = expected["calendar.ics"]
    for path in paths:
        rel = path.relative_to(tmp_path / "out").as_posix()
        data = path.read_bytes()
        assert byte_problems(data) == [], rel
        picks = expected.get(rel)
        if rel == "calendars/holidays.ics":
            got = summaries_by_parser(path)
            assert got["ical.js"] == got["vobject"] == got["ical"]
            # Indonesian names (language: id), cuti bersama and estimated dates labelled, on
            # every day of this year and the next
            assert {"Hari Raya Natal", "Cuti Bersama Hari Raya Natal",
                    "Hari Raya Idul Fitri (perkiraan)"} <= set(got["ical.js"])
            starts = [e["dtstart"]["raw"] for e in js[str(path)]["events"]]
            assert starts[0] == "2026-01-01" and starts[-1].startswith("2027-12-")
            assert starts == sorted(starts)
            continue
        assert picks is not None, rel
        want = everything if rel == "calendar.ics" else [everything[i] for i in picks]
        assert summaries_by_parser(path) == {"ical.js": want, "vobject": want, "ical": want}, rel


def test_what_each_parser_reads_from_an_event(make_plan: Callable[..., Path],
                                              tmp_path: Path) -> None:
    root = make_plan(PLAN_FILES)
    plan, _ = load_plan(root)
    feeds = render_feeds(plan, fixed_history())
    [path] = write({"calendar.ics": feeds["calendar.ics"]}, tmp_path)
    js = icaljs([path])[str(path)]
    late, late_x, long, natal = js["events"]
    caption = ("Kopi susu gula aren, enak; terjangkau 👩‍👩‍👧 \\N bukan baris baru.\n"
               "Baris kedua: #kopi")
    description = ("Pilar: education\nStatus: approved\nPersona: Mahasiswa; ngopi, hemat\n"
                   "Penulis: Rina, Wulandari\n\n" + caption)
    assert late == {
        "uid": late["uid"], "summary": late["summary"],
        "description": description,
        "status": "CONFIRMED", "sequence": 0,
        "url": "https://example.org/plan/posts/late/",
        "transp": "TRANSPARENT",
        "categories": ["education", "instagram"],
        "dtstart": {"raw": "2026-12-01T16:30:00Z", "isDate": False,
                    "utc": "2026-12-01T16:30:00.000Z", "unix": 1796142600},
        "dtend": None,
        "dtstamp": {"raw": "2026-11-25T14:00:00Z", "isDate": False,
                    "utc": "2026-11-25T14:00:00.000Z", "unix": FIXED},
        "lastModified": {"raw": "2026-11-25T14:00:00Z", "isDate": False,
                         "utc": "2026-11-25T14:00:00.000Z", "unix": FIXED},
        "duration": "PT45M",
        "start": "2026-12-01T16:30:00.000Z", "end": "2026-12-01T17:15:00.000Z",
    }
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                        late["uid"])
    assert late_x["uid"] != late["uid"] and late_x["categories"] == ["education", "x"]
    assert natal["status"] == "CANCELLED"
    assert (natal["dtstart"], natal["dtend"], natal["duration"]) == (
        {"raw": "2026-12-25", "isDate": True, "utc": None, "unix": None},
        {"raw": "2026-12-26", "isDate": True, "utc": None, "unix": None}, None)
    assert long["status"] == "TENTATIVE"
    assert long["description"].endswith("…") and "Kopi Gayo" in long["description"]
    # 1,000 user-perceived characters: the family emoji counts one
    cut = long["description"].split("\n\n", 1)[1]
    import regex
    assert len(regex.findall(r"\X", cut)) == 1001

    # vobject and ical read the same values
    _, vo = vobject_events(path.read_bytes())
    assert vo[0].description.value == description
    assert vo[0].uid.value == late["uid"]
    assert vo[0].dtstart.value == dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC)
    ic = ical_calendar(path.read_bytes()).events
    assert ic[0].description == description
    assert ic[0].categories == ["education", "instagram"]
    assert ic[0].dtstart == dt.datetime(2026, 12, 1, 16, 30, tzinfo=dt.UTC)
    assert ic[0].duration == dt.timedelta(minutes=45)
    assert ic[3].dtstart == dt.date(2026, 12, 25) and ic[3].dtend == dt.date(2026, 12, 26)


def test_calendar_properties_are_escaped_text(make_plan: Callable[..., Path],
                                              tmp_path: Path) -> None:
    root = make_plan(PLAN_FILES)
    plan, _ = load_plan(root)
    feed = describe_feeds(plan)[1]
    assert (feed.title, feed.description) == (
        "Kopi, Nusantara; Jakarta — Instagram; utama, ID",
        "Posting yang direncanakan di Instagram; utama, ID.")
    data = render_feeds(plan, fixed_history())[feed.path]
    head = data.split(b"BEGIN:VEVENT")[0].decode()
    assert head == (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//smmplan//smmplan//EN\r\n"
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
        "NAME:Kopi\\, Nusantara\\; Jakarta — Instagram\\; utama\\, ID\r\n"
        "X-WR-CALNAME:Kopi\\, Nusantara\\; Jakarta — Instagram\\; utama\\, ID\r\n"
        "DESCRIPTION:Posting yang direncanakan di Instagram\\; utama\\, ID.\r\n"
        "X-WR-CALDESC:Posting yang direncanakan di Instagram\\; utama\\, ID.\r\n"
        "X-WR-TIMEZONE:Asia/Jakarta\r\n"
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n"
        "SOURCE;VALUE=URI:https://example.org/plan/calendars/channel-instagram.ics\r\n")
    [path] = write({"f.ics": data}, tmp_path)
    calendar, _ = vobject_events(data)
    assert calendar.contents["name"][0].value == feed.title
    assert calendar.contents["x-wr-calname"][0].value == feed.title
    ic = ical_calendar(data)
    assert ic.name == [feed.title]
    assert ic.refresh_interval == dt.timedelta(hours=1)
    js = icaljs([path])[str(path)]["calendar"]
    # ical.js knows NAME and X-WR-* as opaque values: it sees the escaped text, in one piece
    assert js["x-wr-calname"] == js["name"] == escape_text(feed.title)
    assert js["description"] == feed.description
    assert js["refresh-interval"] == "PT1H" and js["x-wr-timezone"] == "Asia/Jakarta"


INJECTIONS = ["Launch\r\nBEGIN:VEVENT", "Launch\rBEGIN:VEVENT", "Launch\nEND:VEVENT\nBEGIN:VEVENT",
              "Launch\u2028BEGIN:VEVENT", "Launch\x85BEGIN:VEVENT", "Launch\x0bBEGIN:VEVENT"]


def test_titles_with_line_breaks_cannot_inject_an_event(tmp_path: Path) -> None:
    for n, title in enumerate(INJECTIONS):
        plan = memory_plan([memory_post(title=title, caption=title + "\r\nSUMMARY:evil")])
        data = render_feeds(plan, fixed_history())["calendar.ics"]
        assert byte_problems(data) == [], title
        [path] = write({f"inject-{n}.ics": data}, tmp_path)
        # TEXT has one way to write a line break, \n: every kind of break becomes that one
        literal = "Instagram: " + title.replace("\r\n", "\n").replace("\r", "\n").replace(
            "\u2028", "\n").replace("\x85", "\n").replace("\x0b", "\n")
        assert summaries_by_parser(path) == {
            "ical.js": [literal], "vobject": [literal], "ical": [literal]}, repr(title)
        js = icaljs([path])[str(path)]
        assert js["components"] == ["vevent"]
        assert js["events"][0]["description"].endswith(literal[len("Instagram: "):]
                                                       + "\nSUMMARY:evil")


def test_other_control_characters_become_replacement_characters(tmp_path: Path) -> None:
    plan = memory_plan([memory_post(title="a\x00b\x1bc\x7fd\te")])
    data = render_feeds(plan, fixed_history())["calendar.ics"]
    assert byte_problems(data) == []
    [path] = write({"c.ics": data}, tmp_path)
    want = ["Instagram: a\ufffdb\ufffdc\ufffdd\te"]
    assert summaries_by_parser(path) == {"ical.js": want, "vobject": want, "ical": want}


def test_the_loader_rejects_control_characters_in_titles(make_plan: Callable[..., Path]) -> None:
    for raw in ('"Launch\\r\\nBEGIN:VEVENT"', '"Launch\\rx"'):
        root = make_plan({"content/posts/p.md": f"---\ntitle: {raw}\ndate: 2026-12-01 09:00\n"
                          "channel: instagram\npillar: education\n---\n\nKopi.\n"})
        plan, found = load_plan(root)
        assert [(d.code, d.file, d.line) for d in found] == [
            ("SMM003", "content/posts/p.md", 2)], raw
        assert plan.posts == ()


def test_a_post_at_2330_jakarta_is_1630_utc_in_icaljs(make_plan: Callable[..., Path],
                                                      tmp_path: Path) -> None:
    root = make_plan({"content/posts/late.md": """\
        ---
        title: Late
        date: 2026-12-31 23:30
        channel: x
        pillar: education
        ---

        Kopi.
        """})
    plan, _ = load_plan(root)
    [path] = write({"calendar.ics": render_feeds(plan, fixed_history())["calendar.ics"]},
                   tmp_path)
    [event] = icaljs([path])[str(path)]["events"]
    # the 31st in Jakarta is still the 31st in UTC, seven hours earlier
    assert event["start"] == "2026-12-31T16:30:00.000Z"
    assert event["dtstart"]["unix"] == int(
        dt.datetime(2026, 12, 31, 23, 30, tzinfo=JAKARTA).timestamp()) == 1798734600
    assert event["end"] == "2026-12-31T17:00:00.000Z"


def test_the_example_plan_feeds_pass_three_parsers(example_copy: Path, tmp_path: Path) -> None:
    plan, _ = load_plan(example_copy)
    feeds = render_feeds(plan)
    paths = write(feeds, tmp_path / "out")
    dated = [(p.id, c) for p in plan.posts if p.start is not None and p.status != "idea"
             for c in p.channels]
    assert dated, "the example plan has no dated post"
    js = icaljs(paths)
    for path in paths:
        data = path.read_bytes()
        assert byte_problems(data) == [], path.name
        got = summaries_by_parser(path)
        assert got["ical.js"] == got["vobject"] == got["ical"], path.name
        assert len(js[str(path)]["events"]) == len(got["ical"])
    assert len(js[str(tmp_path / "out" / "calendar.ics")]["events"]) == len(dated)

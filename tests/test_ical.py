"""The feed writer's pieces: exact event bytes, escaping, folding, feed names, membership."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from types import MappingProxyType

from test_ical_parsers import FIXED, JAKARTA, fixed_history, memory_plan, memory_post

from smmplan.calendar import calendar_of
from smmplan.gitdates import History
from smmplan.ical import (
    Feed,
    cut_caption,
    describe_feeds,
    escape_text,
    event_uid,
    fold,
    occurrence_event,
    render_feeds,
    uid_namespace,
)
from smmplan.model import Campaign, Member, Persona, Plan

UTC = dt.UTC
STAMP = dt.datetime.fromtimestamp(FIXED, UTC)


def test_one_event_exactly() -> None:
    plan = memory_plan([memory_post(personas=("mahasiswa",), author="rina")])
    (occurrence,) = calendar_of(plan).occurrences
    event = occurrence_event(plan, occurrence, namespace=uid_namespace(plan), stamp=STAMP,
                             sequence=4)
    uid = uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/plan/"),
                     "launch/instagram")
    assert event.decode() == (
        "BEGIN:VEVENT\r\n"
        f"UID:{uid}\r\n"
        "DTSTAMP:20261125T140000Z\r\n"
        "LAST-MODIFIED:20261125T140000Z\r\n"
        "SEQUENCE:4\r\n"
        "DTSTART:20261201T020000Z\r\n"
        "DURATION:PT30M\r\n"
        "SUMMARY:Instagram: Launch\r\n"
        "DESCRIPTION:Pillar: education\\nStatus: approved\\nPersonas: mahasiswa\\nAutho\r\n"
        " r: rina\\n\\nKopi baru.\r\n"
        "URL:https://example.org/plan/posts/launch/\r\n"
        "CATEGORIES:education,instagram\r\n"
        "STATUS:CONFIRMED\r\n"
        "TRANSP:TRANSPARENT\r\n"
        "END:VEVENT\r\n")


def test_uid_comes_from_site_name_without_site_url_and_no_url_property() -> None:
    plan = memory_plan([memory_post()], url=None)
    data = render_feeds(plan, fixed_history())["calendar.ics"]
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, "Kopi Nusantara")
    assert f"UID:{event_uid(namespace, 'launch', 'instagram')}\r\n".encode() in data
    assert b"\r\nURL:" not in data and b"SOURCE" not in data


def test_status_mapping_and_what_is_left_out() -> None:
    posts = [memory_post(f"p-{s}", s, status=s,
                         start=dt.datetime(2026, 12, 1, 9, i, tzinfo=JAKARTA))
             for i, s in enumerate(("draft", "review", "approved", "scheduled", "published",
                                    "cancelled", "idea"))]
    posts.append(memory_post("undated-idea", status="idea", start=None))
    data = render_feeds(memory_plan(posts), fixed_history())["calendar.ics"].decode()
    assert [line for line in data.split("\r\n") if line.startswith("STATUS:")] == [
        "STATUS:TENTATIVE", "STATUS:TENTATIVE", "STATUS:CONFIRMED", "STATUS:CONFIRMED",
        "STATUS:CONFIRMED", "STATUS:CANCELLED"]
    assert "idea" not in data


def test_all_day_posts_are_dates_with_an_exclusive_end() -> None:
    post = memory_post(start=dt.datetime(2026, 12, 31, tzinfo=JAKARTA), all_day=True)
    data = render_feeds(memory_plan([post]), fixed_history())["calendar.ics"].decode()
    assert "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n" in data
    assert "DURATION" not in data.split("BEGIN:VEVENT")[1]


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d"
    assert escape_text("C:\\New") == "C:\\\\New"  # icalendar's vText would write a line break
    assert escape_text("a\r\nb\rc\nd\u2028e") == "a\\nb\\nc\\nd\\ne"
    assert escape_text("tab\tnul\x00esc\x1b") == "tab\tnul\ufffdesc\ufffd"


def test_fold_keeps_characters_and_escapes_whole() -> None:
    assert fold("SUMMARY:short") == b"SUMMARY:short\r\n"
    exact = "X:" + "a" * 73
    assert fold(exact) == exact.encode() + b"\r\n"
    assert fold(exact + "b") == exact.encode() + b"\r\n b\r\n"
    # a 2-octet character that would straddle octet 75 moves to the next line whole
    line = "X:" + "a" * 72 + "é" + "z"
    assert fold(line) == ("X:" + "a" * 72).encode() + b"\r\n " + "éz".encode() + b"\r\n"
    # a backslash escape is never cut in two; an escaped backslash pair counts as complete
    line = "X:" + "a" * 72 + "\\n" + "b"
    assert fold(line) == ("X:" + "a" * 72).encode() + b"\r\n \\nb\r\n"
    line = "X:" + "a" * 71 + "\\\\" + "b"
    assert fold(line) == ("X:" + "a" * 71 + "\\\\").encode() + b"\r\n b\r\n"
    # continuation lines hold 74 octets after their space; no line ends inside an "é"
    folded = fold("X:" + "é" * 200)
    lines = folded.split(b"\r\n")[:-1]
    assert [len(x) for x in lines] == [74, 75, 75, 75, 75, 33]
    assert b"".join(x[1:] if i else x for i, x in enumerate(lines)).decode() == "X:" + "é" * 200


def test_cut_caption_counts_user_perceived_characters() -> None:
    assert cut_caption("a" * 1000) == "a" * 1000
    assert cut_caption("a" * 1001) == "a" * 1000 + "…"
    family = "👩‍👩‍👧"  # five code points, one character
    assert cut_caption(family * 300) == family * 300
    assert cut_caption(family * 1001) == family * 1000 + "…"


def test_feed_names_in_english_and_indonesian() -> None:
    members = {"rina": Member("rina", "Rina Wulandari", roles=("creator",)),
               "dimas": Member("dimas", "Dimas", roles=("editor",))}
    personas = {"mahasiswa": Persona("mahasiswa", "personas/mahasiswa.yml", "Mahasiswa")}
    campaigns = {"launch": Campaign("launch", "content/campaigns/launch.md", "Launch",
                                    dt.date(2026, 12, 1), dt.date(2026, 12, 31))}
    plan = replace(memory_plan([memory_post(campaign="ghost", personas=("tamu",))],
                               holidays="ID"),
                   members=MappingProxyType(members), personas=MappingProxyType(personas),
                   campaigns=MappingProxyType(campaigns))
    assert describe_feeds(plan) == [
        Feed("calendar.ics", "Kopi Nusantara — all posts",
             "Every dated post of the plan, on every channel."),
        Feed("calendars/channel-instagram.ics", "Kopi Nusantara — Instagram",
             "Posts planned on Instagram.", "channel", "instagram"),
        Feed("calendars/channel-x.ics", "Kopi Nusantara — X", "Posts planned on X.",
             "channel", "x"),
        Feed("calendars/persona-mahasiswa.ics", "Kopi Nusantara — persona Mahasiswa",
             "Posts aimed at the persona Mahasiswa, on every channel.", "persona", "mahasiswa"),
        Feed("calendars/persona-tamu.ics", "Kopi Nusantara — persona tamu",
             "Posts aimed at the persona tamu, on every channel.", "persona", "tamu"),
        Feed("calendars/campaign-ghost.ics", "Kopi Nusantara — campaign ghost",
             "Posts of the campaign ghost.", "campaign", "ghost"),
        Feed("calendars/campaign-launch.ics", "Kopi Nusantara — campaign Launch",
             "Posts of the campaign Launch (2026-12-01 to 2026-12-31).", "campaign", "launch"),
        Feed("calendars/author-rina.ics", "Kopi Nusantara — posts by Rina Wulandari",
             "Posts written by Rina Wulandari, on every channel.", "author", "rina"),
        Feed("calendars/holidays.ics", "Kopi Nusantara — holidays (ID)",
             "Holidays (ID) of this year and the next.", "holidays", "ID"),
    ]
    indonesian = replace(plan, settings=replace(plan.settings, language="id"))
    assert [(f.title, f.description) for f in describe_feeds(indonesian)][6:] == [
        ("Kopi Nusantara — kampanye Launch",
         "Posting kampanye Launch (2026-12-01 s.d. 2026-12-31)."),
        ("Kopi Nusantara — posting oleh Rina Wulandari",
         "Posting yang ditulis oleh Rina Wulandari, di semua kanal."),
        ("Kopi Nusantara — hari libur (ID)",
         "Hari libur dan cuti bersama (ID) tahun ini dan tahun depan."),
    ]


def test_ids_that_are_not_ids_never_become_paths() -> None:
    plan = memory_plan([memory_post(personas=("../../etc/passwd",), author="a/b")])
    assert [f.path for f in describe_feeds(plan)] == [
        "calendar.ics", "calendars/channel-instagram.ics", "calendars/channel-x.ics"]


def test_feed_membership() -> None:
    posts = [
        memory_post("a", "A", personas=("p1", "p2"), author="rina", campaign="c1"),
        memory_post("b", "B", channels=("x", "instagram"), personas=("p2",),
                    start=dt.datetime(2026, 12, 2, 9, tzinfo=JAKARTA)),
    ]
    feeds = render_feeds(memory_plan(posts), fixed_history())

    def summaries(path: str) -> list[str]:
        return [line[8:] for line in feeds[path].decode().split("\r\n")
                if line.startswith("SUMMARY:")]

    assert summaries("calendar.ics") == ["Instagram: A", "X: B", "Instagram: B"]
    assert summaries("calendars/channel-x.ics") == ["X: B"]
    assert summaries("calendars/persona-p1.ics") == ["Instagram: A"]
    assert summaries("calendars/persona-p2.ics") == ["Instagram: A", "X: B", "Instagram: B"]
    assert summaries("calendars/campaign-c1.ics") == ["Instagram: A"]
    assert summaries("calendars/author-rina.ics") == ["Instagram: A"]
    assert "calendars/holidays.ics" not in feeds


def test_holidays_cover_this_year_and_the_next_and_the_plan_beyond() -> None:
    posts = [memory_post("a", start=dt.datetime(2026, 12, 20, 9, tzinfo=JAKARTA)),
             memory_post("b", start=dt.datetime(2027, 1, 2, 9, tzinfo=JAKARTA))]

    def feed(plan: Plan, today: dt.date) -> tuple[list[str], list[str], list[str]]:
        data = render_feeds(plan, fixed_history(), today)
        lines = data["calendars/holidays.ics"].decode().split("\r\n")
        return ([x.split(":")[1] for x in lines if x.startswith("DTSTART")],
                [x.split(":", 1)[1] for x in lines if x.startswith("SUMMARY")], lines)

    starts, summaries, lines = feed(memory_plan(posts, holidays="ID"), dt.date(2026, 11, 25))
    # every day of 2026 and 2027, not only the plan's months: next year's Lebaran is in
    assert starts[0] == "20260101" and starts[-1].startswith("2027")
    assert {"20261224", "20261225", "20270310"} <= set(starts)
    assert summaries[starts.index("20261224")] == "Christmas Joint Holiday"
    assert summaries[starts.index("20270310")] == "Eid al-Fitr (estimated)"
    assert "DTSTAMP:20261125T140000Z" in lines
    # a post in 2029 stretches the feed through its month; a later today moves the span
    far = memory_plan([*posts, memory_post("c", start=dt.datetime(2029, 6, 3, 9,
                                                                  tzinfo=JAKARTA))],
                      holidays="ID")
    starts, _, _ = feed(far, dt.date(2026, 11, 25))
    assert "20290601" in starts and not any(s >= "20290701" for s in starts)
    assert "20281225" in starts  # no year left out on the way
    starts, _, _ = feed(memory_plan(posts, holidays="ID"), dt.date(2027, 2, 1))
    assert starts[0] == "20261224" and "20281225" in starts


def test_stamps_and_sequence_come_from_the_history() -> None:
    history = History("/nonexistent", files=MappingProxyType({}), last_commit=FIXED)
    from smmplan.gitdates import FileHistory

    history = replace(history, files=MappingProxyType(
        {"content/posts/launch.md": FileHistory(FIXED + 3600, 7)}))
    data = render_feeds(memory_plan([memory_post()]), history)["calendar.ics"].decode()
    assert "DTSTAMP:20261125T150000Z\r\nLAST-MODIFIED:20261125T150000Z\r\nSEQUENCE:7\r\n" \
        in data


def test_description_keeps_persona_names_with_commas_apart(make_plan) -> None:
    import icalendar

    from smmplan.ical import render_feeds
    from smmplan.load import load_plan

    root = make_plan({
        "personas/raka.yml": "name: Raka, mahasiswa\nlast_reviewed: 2026-11-01\n",
        "personas/sinta.yml": "name: Sinta\nlast_reviewed: 2026-11-01\n",
        "content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\nchannel: x\n"
                              "pillar: education\npersonas: [raka, sinta]\n---\nHalo.\n",
    })
    plan, _ = load_plan(root)
    cal = icalendar.Calendar.from_ical(render_feeds(plan)["calendar.ics"])
    description = str(next(iter(cal.walk("VEVENT")))["DESCRIPTION"])
    assert "Personas: Raka, mahasiswa; Sinta\n" in description

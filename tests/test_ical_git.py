"""Feeds over a real git history: stable UIDs, rising SEQUENCE, identical bytes; the CLI."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from test_gitdates import commit, git
from test_ical_parsers import icaljs

from smmplan.ical import render_feeds
from smmplan.load import load_plan

RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, name: Instagram, per_day: [0, 3]}
  x: {platform: x, name: X, per_day: [0, 5]}
"""


def post(title: str, date: str, channel: str = "instagram") -> str:
    return (f"---\nid: launch\ntitle: {title}\ndate: {date}\nchannel: {channel}\n"
            "pillar: education\n---\n\nKopi baru.\n")


def other() -> str:
    return "---\ntitle: Other\ndate: 2026-12-03 10:00\nchannel: x\npillar: quote\n---\n\nHai.\n"


def events(root: Path) -> dict[str, dict[str, str]]:
    """{SUMMARY: {property: value}} of calendar.ics, from the raw lines."""
    plan, _ = load_plan(root)
    data = render_feeds(plan)["calendar.ics"].decode()
    out = {}
    for block in data.split("BEGIN:VEVENT\r\n")[1:]:
        props = dict(line.split(":", 1) for line in block.split("\r\n") if ":" in line)
        out[props["SUMMARY"]] = props
    return out


def new_repo(tmp_path: Path) -> Path:
    root = tmp_path / "plan"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    commit(root, {"guidelines/rules.yml": RULES,
                  "content/posts/launch.md": post("Launch", "2026-12-01 09:00"),
                  "content/posts/other.md": other()}, "2026-11-01T10:00:00+07:00", "plan")
    return root


def test_editing_a_post_time_raises_its_sequence(tmp_path: Path) -> None:
    root = new_repo(tmp_path)
    before = events(root)
    assert before["Instagram: Launch"]["SEQUENCE"] == "1"
    assert before["Instagram: Launch"]["DTSTAMP"] == "20261101T030000Z"
    assert before["Instagram: Launch"]["DTSTART"] == "20261201T020000Z"

    commit(root, {"content/posts/launch.md": post("Launch", "2026-12-01 11:30")},
           "2026-11-05T08:00:00+00:00")
    after = events(root)
    launch = after["Instagram: Launch"]
    assert (launch["SEQUENCE"], launch["DTSTAMP"], launch["LAST-MODIFIED"], launch["DTSTART"]
            ) == ("2", "20261105T080000Z", "20261105T080000Z", "20261201T043000Z")
    assert launch["UID"] == before["Instagram: Launch"]["UID"]
    # the untouched post keeps its sequence and stamp
    assert after["X: Other"] == before["X: Other"]


def test_renaming_and_moving_a_post_keeps_its_uid(tmp_path: Path) -> None:
    root = new_repo(tmp_path)
    uid = events(root)["Instagram: Launch"]["UID"]
    (root / "content/posts/2026/12").mkdir(parents=True)
    git(root, "mv", "content/posts/launch.md", "content/posts/2026/12/peluncuran-kopi.md")
    git(root, "commit", "-q", "-m", "move", when="2026-11-06T00:00:00+00:00")
    moved = events(root)["Instagram: Launch"]
    assert moved["UID"] == uid
    # the history follows the move: the count goes on rising, never back to 1
    assert (moved["SEQUENCE"], moved["DTSTAMP"]) == ("2", "20261106T000000Z")

    # a different title keeps it too: the UID is the post id and the channel
    commit(root, {"content/posts/2026/12/peluncuran-kopi.md": post("Peluncuran", "2026-12-01 "
                                                                   "09:00")},
           "2026-11-07T00:00:00+00:00")
    renamed = events(root)["Instagram: Peluncuran"]
    assert renamed["UID"] == uid and renamed["SEQUENCE"] == "3"


def test_a_cross_post_has_one_uid_per_channel(tmp_path: Path) -> None:
    root = new_repo(tmp_path)
    commit(root, {"content/posts/launch.md": post("Launch", "2026-12-01 09:00",
                                                  "[instagram, x]")},
           "2026-11-02T00:00:00+00:00")
    found = events(root)
    assert found["Instagram: Launch"]["UID"] != found["X: Launch"]["UID"]
    assert found["Instagram: Launch"]["SEQUENCE"] == found["X: Launch"]["SEQUENCE"] == "2"


def test_two_renders_are_byte_identical(tmp_path: Path) -> None:
    root = new_repo(tmp_path)
    plan, _ = load_plan(root)
    first = render_feeds(plan)
    again, _ = load_plan(root)
    assert render_feeds(again) == first
    assert b"DTSTAMP:20261101T030000Z" in first["calendar.ics"]


def test_each_event_is_serialised_once_and_reused(tmp_path: Path) -> None:
    root = new_repo(tmp_path)
    plan, _ = load_plan(root)
    feeds = render_feeds(plan)
    events_of = {path: re.findall(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", data, re.S)
                 for path, data in feeds.items()}
    assert events_of["calendars/channel-instagram.ics"] + events_of["calendars/channel-x.ics"] \
        == events_of["calendar.ics"]


# --- the command -------------------------------------------------------------------------------

def test_ical_command_writes_every_feed(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = new_repo(tmp_path)
    result = cli("-C", str(root), "ical")
    assert result.exit_code == 0, result.output
    out = root / "feeds"
    assert result.output == f"Wrote 3 feeds to {out} (3 changed).\n"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.ics")) == [
        "calendar.ics", "calendars/channel-instagram.ics", "calendars/channel-x.ics"]
    plan, _ = load_plan(root)
    assert (out / "calendar.ics").read_bytes() == render_feeds(plan)["calendar.ics"]
    js = icaljs([out / "calendar.ics"])
    assert [e["summary"] for e in js[str(out / "calendar.ics")]["events"]] == [
        "Instagram: Launch", "X: Other"]

    again = cli("-C", str(root), "ical")
    assert again.output == f"Wrote 3 feeds to {out} (0 changed).\n"


def test_ical_command_output_folder_and_stale_feeds(tmp_path: Path,
                                                    cli: Callable[..., Result]) -> None:
    root = new_repo(tmp_path)
    target = tmp_path / "public"
    (target / "calendars").mkdir(parents=True)
    (target / "calendars" / "channel-tiktok.ics").write_text("old")
    (target / "calendars" / "notes.txt").write_text("mine")
    result = cli("-C", str(root), "ical", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (target / "calendars").iterdir()) == [
        "channel-instagram.ics", "channel-x.ics", "notes.txt"]
    assert not (root / "feeds").exists()


def test_ical_command_refuses_a_plan_with_errors(tmp_path: Path,
                                                 cli: Callable[..., Result]) -> None:
    root = new_repo(tmp_path)
    (root / "content/posts/bad.md").write_text(
        "---\ntitle: Bad\ndate: 2026-13-01\nchannel: x\npillar: quote\n---\n\nHai.\n")
    result = cli("-C", str(root), "ical")
    assert result.exit_code == 1
    assert "content/posts/bad.md:3:7: error[SMM003]" in result.output
    assert "No feeds written" in result.output
    assert not (root / "feeds").exists()

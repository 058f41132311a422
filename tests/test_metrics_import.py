"""``smmplan metrics import``: each platform's export fixture (tests/fixtures/exports, sources in
its README) gives exactly the rows expected, worked out by hand from the fixture and the plan
below; matching by permalink and by time, a cross-post and a recurring post; bad exports."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import Result
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan.diagnostics import Diagnostic
from smmplan.metrics.data import load_audience, load_metrics
from smmplan.metrics.exports import PLATFORMS, ExportRow, parse_count, read_export
from smmplan.metrics.matching import Occurrence, match, permalink_key
from smmplan.metrics.table import MAX_EXPORT_BYTES, read_table

EXPORTS = FIXTURES / "exports"
WIB = ZoneInfo("Asia/Jakarta")
HEADER = ("post,channel,date,reach,impressions,likes,comments,shares,saves,clicks,video_views,"
          "followers_gained,profile_visits")

RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, name: Instagram}
  facebook: {platform: facebook, name: Facebook}
  x: {platform: x, name: X}
  linkedin: {platform: linkedin, name: LinkedIn}
  tiktok: {platform: tiktok, name: TikTok}
"""


def post_file(pid: str, date: str, channel: str, status: str = "published") -> str:
    """A post's file: front matter and a caption."""
    return f"---\nid: {pid}\ntitle: {pid}\ndate: {date}\nchannel: {channel}\n" \
           f"pillar: education\nstatus: {status}\n---\nCaption of the post.\n"


_post = post_file


POSTS = {
    # a cross-post: one occurrence on each channel
    "content/posts/kopi-launch.md": _post("kopi-launch", "2026-11-02 10:00",
                                          "[instagram, facebook]"),
    "content/posts/seduh-v60.md": _post("seduh-v60", "2026-11-05 19:00", "instagram"),
    "content/posts/pagi.md": _post("pagi", "2026-11-07 09:00", "instagram"),
    "content/posts/promo-a.md": _post("promo-a", "2026-11-09 12:00", "instagram"),
    "content/posts/promo-b.md": _post("promo-b", "2026-11-09 12:20", "instagram"),
    # links recorded in `published:`: one link for a single-channel post, or keyed by channel
    "content/posts/x-launch.md": _post("x-launch", "2026-11-03 12:00", "x").replace(
        "status:", "published: https://x.com/kopisenja/status/2070000000000000001\nstatus:"),
    "content/posts/li-kedai.md": _post("li-kedai", "2026-11-04 09:00", "linkedin").replace(
        "status:", "published: {linkedin: 'https://www.linkedin.com/feed/update/urn:li:activity:"
                   "7390000000000000001/'}\nstatus:"),
    "content/posts/tt-seduh.md": _post("tt-seduh", "2026-11-06 18:00", "tiktok"),
}


@pytest.fixture
def plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan(POSTS, rules=RULES)


def _import(cli: Callable[..., Result], root: Path, name: str, platform: str,
            *extra: str) -> Result:
    return cli("-C", str(root), "metrics", "import", str(EXPORTS / name), "--platform", platform,
               *extra)


def _written(root: Path, name: str) -> str:
    return (root / "data" / "metrics" / name).read_text(encoding="utf-8")


# Expected rows, from the fixture files by hand: Views -> impressions, Reactions -> likes,
# Follows -> followers_gained, "Add to favorites" -> saves, "media views" -> video_views.
EXPECTED = {
    ("instagram.csv", "instagram"): ("instagram-2026-11.csv", [
        "kopi-launch,instagram,2026-11-02,1830,2450,212,25,14,40,,,3,",
        "seduh-v60,instagram,2026-11-05,3900,5120,388,31,57,96,,,12,"]),
    ("facebook.csv", "facebook"): ("facebook-2026-11.csv", [
        "kopi-launch,facebook,2026-11-02,2204,3100,101,22,14,,96,,,"]),
    ("x-tweet-activity.csv", "x"): ("x-2026-11.csv", [
        "x-launch,x,2026-11-03,,4210,61,9,12,,22,0,3,15"]),
    # these give the day only: rows match by the link recorded in the post, or not at all
    ("x-content.csv", "x"): ("x-2026-11.csv", [
        "x-launch,x,2026-11-03,,4210,61,9,12,7,22,,3,15"]),
    ("linkedin.csv", "linkedin"): ("linkedin-2026-11.csv", [
        "li-kedai,linkedin,2026-11-04,,1804,45,6,4,,77,,2,"]),
    ("tiktok.csv", "tiktok"): ("tiktok-2026-11.csv", [
        "tt-seduh,tiktok,2026-11-06,,,1250,48,31,40,,18400,,"]),
}


@pytest.mark.parametrize(("fixture", "platform"), sorted(EXPECTED))
def test_each_export_gives_the_expected_rows(cli: Callable[..., Result], plan: Path,
                                             fixture: str, platform: str) -> None:
    dry = _import(cli, plan, fixture, platform)
    assert dry.exit_code == 0, dry.output
    assert "Nothing was written" in dry.output
    assert not (plan / "data").exists()
    result = _import(cli, plan, fixture, platform, "--write")
    assert result.exit_code == 0, result.output
    name, rows = EXPECTED[(fixture, platform)]
    assert _written(plan, name) == "\n".join([HEADER, *rows]) + "\n"
    assert f"Wrote data/metrics/{name} ({len(rows)} row" in result.output


def test_instagram_lists_what_it_could_not_match(cli: Callable[..., Result], plan: Path) -> None:
    out = _import(cli, plan, "instagram.csv", "instagram").output
    assert "4 rows; 2 matched, 2 unmatched" in out
    assert "line 2: kopi-launch on instagram 2026-11-02 10:00, by time" in out
    assert "line 3: seduh-v60 on instagram 2026-11-05 19:00, by time" in out
    # 08:00 is an hour before "pagi" at 09:00: not within 30 minutes, so not guessed
    assert ("line 4: 'Selamat pagi dari kedai kami di Bandung' "
            "https://www.instagram.com/p/DPagi03/: no planned post on these channels within 30 "
            "minutes of 2026-11-07 08:00 +0700") in out
    # 12:10 lies within 30 minutes of both promo-a (12:00) and promo-b (12:20)
    assert ("line 5: 'Promo dua cangkir untuk berdua hari ini' "
            "https://www.instagram.com/p/DPromo4/: 2 planned posts within 30 minutes of "
            "2026-11-09 12:10 +0700: promo-a on instagram (2026-11-09 12:00), promo-b on "
            "instagram (2026-11-09 12:20)") in out


def test_day_only_exports_match_by_permalink_only(cli: Callable[..., Result],
                                                  plan: Path) -> None:
    for fixture, platform in (("x-content.csv", "x"), ("linkedin.csv", "linkedin")):
        out = _import(cli, plan, fixture, platform).output
        assert "2 rows; 1 matched, 1 unmatched" in out
        assert "line 2: x-launch on x 2026-11-03 12:00, by permalink" in out or \
            "line 3: li-kedai on linkedin 2026-11-04 09:00, by permalink" in out
        assert "the export gives the day only (2026-11-0" in out
    # the tweet activity export has the time too, but the recorded link decides first
    out = _import(cli, plan, "x-tweet-activity.csv", "x").output
    assert "line 2: x-launch on x 2026-11-03 12:00, by permalink" in out


def test_a_cross_post_keys_its_numbers_and_links_by_channel(
        make_plan: Callable[..., Path], cli: Callable[..., Result]) -> None:
    keyed = _post("kopi-launch", "2026-11-02 10:00", "[instagram, facebook]").replace(
        "status:", "metrics: {instagram: {reach: 100, likes: 9}, facebook: {reach: 50}}\n"
                   "published: {instagram: https://www.instagram.com/p/DKopi01/}\nstatus:")
    single = _post("dua", "2026-11-03 10:00", "[instagram, facebook]").replace(
        "status:", "metrics: {reach: 100, likes: 9}\npublished: https://instagram.com/p/X/\n"
                   "status:")
    root = make_plan({"content/posts/a.md": keyed, "content/posts/b.md": single}, rules=RULES)
    out = cli("-C", str(root), "check", "--today", "2026-11-30").output
    assert ("content/posts/b.md:7:10: error[SMM003] 'metrics' is one set of numbers, but the "
            "post goes out on instagram, facebook: give each channel its own") in out
    assert ("content/posts/b.md:8:12: error[SMM003] 'published' is one link, but the post goes "
            "out on instagram, facebook: key the links by channel") in out
    assert [line for line in out.splitlines() if "a.md" in line] == [
        "content/posts/a.md:9:9: error[SMM403] published without an editor"]
    result = cli("-C", str(root), "metrics", "import", str(EXPORTS / "instagram.csv"),
                 "--platform", "instagram")
    # the front matter already has instagram's numbers for kopi-launch: nothing to write
    assert "line 2: kopi-launch on instagram 2026-11-02 10:00, by permalink" in result.output
    assert "kopi-launch on instagram (2026-11-02) already has numbers at content/posts/a.md:7"\
        in result.output


def test_importing_twice_writes_nothing_new(cli: Callable[..., Result], plan: Path) -> None:
    _import(cli, plan, "instagram.csv", "instagram", "--write")
    before = _written(plan, "instagram-2026-11.csv")
    again = _import(cli, plan, "instagram.csv", "instagram", "--write")
    assert again.exit_code == 1
    assert _written(plan, "instagram-2026-11.csv") == before
    assert ("error[SMM005] kopi-launch on instagram (2026-11-02) already has numbers at "
            "data/metrics/instagram-2026-11.csv:2; this row is not written") in again.output


def test_an_existing_file_is_appended_to_byte_for_byte(cli: Callable[..., Result],
                                                       plan: Path) -> None:
    mine = "post,channel,date,likes,reach,impressions,comments,shares,saves,followers_gained\r\n" \
           "pagi,instagram,2026-11-07,41,700,900,2,0,1,0"  # CRLF and no final newline
    target = plan / "data" / "metrics" / "instagram-2026-11.csv"
    target.parent.mkdir(parents=True)
    target.write_bytes(mine.encode())
    result = _import(cli, plan, "instagram.csv", "instagram", "--write")
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (mine + "\n"
                                   "kopi-launch,instagram,2026-11-02,212,1830,2450,25,14,40,3\n"
                                   "seduh-v60,instagram,2026-11-05,388,3900,5120,31,57,96,12\n"
                                   ).encode()
    assert "appended to" in result.output


def test_a_file_lacking_a_needed_column_is_left_alone(cli: Callable[..., Result],
                                                      plan: Path) -> None:
    target = plan / "data" / "metrics" / "instagram-2026-11.csv"
    target.parent.mkdir(parents=True)
    target.write_text("post,channel,date,likes\n", encoding="utf-8")
    result = _import(cli, plan, "instagram.csv", "instagram", "--write")
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "post,channel,date,likes\n"
    assert ("data/metrics/instagram-2026-11.csv:1:1: error[SMM003] data/metrics/"
            "instagram-2026-11.csv has no column reach, impressions, comments, shares, saves, "
            "followers_gained") in result.output


def test_the_wrong_platforms_export_is_named(cli: Callable[..., Result], plan: Path) -> None:
    result = _import(cli, plan, "facebook.csv", "instagram")
    assert result.exit_code == 1
    assert ("facebook.csv:1:1: error[SMM003] this file looks like the Meta Business Suite "
            "content export (Facebook posts), not the Instagram one that --platform instagram "
            "reads") in result.output
    result = _import(cli, plan, "tiktok.csv", "x")
    assert "looks like the TikTok Studio content export, not the X one" in result.output
    result = _import(cli, plan, "instagram.csv", "linkedin")
    assert "looks like the Meta Business Suite content export (Instagram posts)" in result.output


def test_an_export_in_another_language_is_named(cli: Callable[..., Result], plan: Path) -> None:
    result = _import(cli, plan, "instagram-indonesian.csv", "instagram")
    assert result.exit_code == 1
    assert ("instagram-indonesian.csv:1:1: error[SMM003] the column headers look Indonesian "
            "(jangkauan, tayangan, waktu); smmplan reads the English export") in result.output


def test_bad_cells_are_reported_at_their_cell(cli: Callable[..., Result], plan: Path) -> None:
    result = _import(cli, plan, "instagram-bad-cells.csv", "instagram", "--write")
    assert result.exit_code == 1
    out = result.output
    assert "instagram-bad-cells.csv:2:13: error[SMM003] reach (reach): '-5' is negative" in out
    assert ("instagram-bad-cells.csv:3:14: error[SMM003] likes (likes): '1.2K' is rounded; "
            "export the exact numbers") in out
    assert ("instagram-bad-cells.csv:4:7: error[SMM003] publish time '2026-13-40 99:99' is not "
            "a date the instagram export uses") in out
    assert not (plan / "data").exists()  # every row had a bad cell: nothing to write


def test_a_huge_export_is_refused_without_reading_it(cli: Callable[..., Result], plan: Path,
                                                     tmp_path: Path) -> None:
    big = tmp_path / "huge.csv"
    with open(big, "wb") as stream:
        stream.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    result = cli("-C", str(plan), "metrics", "import", str(big), "--platform", "instagram")
    assert result.exit_code == 1
    assert (f"huge.csv:1:1: error[SMM008] file is 104,857,600 bytes, over the limit of "
            f"{MAX_EXPORT_BYTES:,} (32 MiB); it is not read") in result.output


def test_a_legacy_xls_and_a_workbook(cli: Callable[..., Result], plan: Path,
                                     tmp_path: Path) -> None:
    legacy = tmp_path / "linkedin.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    result = cli("-C", str(plan), "metrics", "import", str(legacy), "--platform", "linkedin")
    assert "a legacy binary .xls workbook" in result.output
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    with open(EXPORTS / "tiktok.csv", encoding="utf-8") as stream:
        for row in csv.reader(stream):
            sheet.append(row)
    book.save(tmp_path / "tiktok.xlsx")
    result = cli("-C", str(plan), "metrics", "import", str(tmp_path / "tiktok.xlsx"),
                 "--platform", "tiktok", "--write")
    assert result.exit_code == 0, result.output
    assert _written(plan, "tiktok-2026-11.csv").splitlines()[1] == \
        EXPECTED[("tiktok.csv", "tiktok")][1][0]


def test_export_timezone_moves_naive_times(cli: Callable[..., Result], plan: Path) -> None:
    # read as UTC, 10:03 is 17:03 in Jakarta: nothing planned within 30 minutes then
    result = _import(cli, plan, "instagram.csv", "instagram", "--export-timezone", "UTC")
    assert "0 matched, 4 unmatched" in result.output


# -- matching, on occurrences directly --------------------------------------------------------

def _row(line: int, when: dt.datetime | None, link: str | None = None) -> ExportRow:
    return ExportRow(line, link, when, when.date() if when else None)


def test_a_recurring_post_matches_each_occurrence_on_its_own() -> None:
    mondays = [Occurrence(dt.datetime(2026, 11, d, 7, 30, tzinfo=WIB), "tips-senin", "instagram")
               for d in (2, 9, 16)]
    rows = [_row(2, dt.datetime(2026, 11, 9, 7, 35, tzinfo=WIB)),
            _row(3, dt.datetime(2026, 11, 16, 7, 28, tzinfo=WIB)),
            _row(4, dt.datetime(2026, 11, 16, 7, 40, tzinfo=WIB))]
    matched, unmatched = match(rows, mondays, ["instagram"])
    assert [(m.row.line, m.occurrence.day.isoformat()) for m in matched] == \
        [(2, "2026-11-09"), (3, "2026-11-16")]
    assert [(u.row.line, u.duplicate_of) for u in unmatched] == [(4, 3)]


def test_permalink_wins_over_time_and_tells_a_cross_post_apart() -> None:
    at = dt.datetime(2026, 11, 2, 10, 0, tzinfo=WIB)
    occurrences = [
        Occurrence(at, "kopi-launch", "instagram",
                   permalink="https://instagram.com/p/DKopi01"),
        Occurrence(at, "kopi-launch", "facebook"),
        # another post at the same minute whose recorded link differs
        Occurrence(at, "other", "instagram", permalink="https://www.instagram.com/p/DOther/"),
    ]
    rows = [_row(2, at + dt.timedelta(hours=5), "https://www.instagram.com/reel/DKopi01/?igsh=x"),
            _row(3, at + dt.timedelta(minutes=4), "https://www.instagram.com/p/DNew/")]
    matched, unmatched = match(rows, occurrences, ["instagram"])
    assert [(m.row.line, m.occurrence.post, m.by) for m in matched] == \
        [(2, "kopi-launch", "permalink")]
    # line 3 is near both instagram occurrences in time, but each records another link
    assert unmatched[0].reason.startswith("no planned post on these channels within 30 minutes")
    matched, _ = match([_row(4, at + dt.timedelta(minutes=1))], occurrences, ["facebook"])
    assert [(m.occurrence.post, m.occurrence.channel, m.by) for m in matched] == \
        [("kopi-launch", "facebook", "time")]


@pytest.mark.parametrize(("url", "key"), [
    ("https://www.instagram.com/reel/DSeduh2/?igsh=abc", "instagram:DSeduh2"),
    ("instagram.com/kopisenja/p/DSeduh2", "instagram:DSeduh2"),
    ("https://twitter.com/kopisenja/status/2070000000000000001", "x:2070000000000000001"),
    ("https://x.com/renamed/status/2070000000000000001?s=20", "x:2070000000000000001"),
    ("https://www.tiktok.com/@kopisenja/video/7430000000000000001?lang=en",
     "tiktok:7430000000000000001"),
    ("https://www.linkedin.com/feed/update/urn:li:activity:7390000000000000001/",
     "linkedin:7390000000000000001"),
    ("https://www.linkedin.com/posts/kopi-senja_kedai-activity-7390000000000000001-AbCd",
     "linkedin:7390000000000000001"),
    ("https://m.facebook.com/61500000000000/posts/pfbid02Kopi01/", "facebook:pfbid02Kopi01"),
    ("https://www.facebook.com/permalink.php?story_fbid=123&id=456", "facebook.com:123"),
])
def test_permalink_keys(url: str, key: str) -> None:
    assert permalink_key(url) == key


@pytest.mark.parametrize(("text", "value"), [
    ("12,400", 12400), ("4210.0", 4210), ("0", 0), ("1 250", 1250),
    ("-3", "'-3' is negative"), ("2.5", "'2.5' is not a whole number"),
    ("3M", "'3M' is rounded; export the exact numbers"), ("n/a", "'n/a' is not a number"),
])
def test_counts(text: str, value: int | str) -> None:
    assert parse_count(text) == value


# -- any bytes give diagnostics, never a traceback ---------------------------------------------

_HEADERS = [b"Post ID,Account username,Publish time,Permalink,Reach,Likes\n",
            b"post,channel,date,reach,likes\n", b"Video link,Post time,Total views\n", b""]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from(_HEADERS), body=st.binary(max_size=400),
       platform=st.sampled_from(PLATFORMS))
def test_any_export_bytes_give_diagnostics(tmp_path: Path, head: bytes, body: bytes,
                                           platform: str) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(head + body)
    out: list[Diagnostic] = []
    table = read_table(path, "export.csv", MAX_EXPORT_BYTES)
    if isinstance(table, Diagnostic):
        return
    export = read_export(table, platform, WIB, out)
    assert export is not None or out
    plan = tmp_path / "plan"
    (plan / "data" / "metrics").mkdir(parents=True, exist_ok=True)
    (plan / "data" / "metrics" / "a.csv").write_bytes(head + body)
    (plan / "data" / "audience.csv").write_bytes(head + body)
    load_metrics(plan, out)
    load_audience(plan, out)


def test_a_recurring_post_in_the_plan_matches_and_counts_per_occurrence(
        make_plan: Callable[..., Path], cli: Callable[..., Result]) -> None:
    weekly = _post("tips-senin", "2026-11-02 07:30", "instagram").replace(
        "status:", "repeat: {every: week, count: 3}\n"
                   "published: {instagram: {2026-11-16: 'https://www.instagram.com/p/DTips3/'}}\n"
                   "status:")
    root = make_plan({"content/posts/tips.md": weekly}, rules=RULES)
    export = root / "export.csv"
    export.write_text(
        "Post ID,Account username,Publish time,Permalink,Reach,Likes,Comments\n"
        "1,kopisenja,11/09/2026 07:41,https://www.instagram.com/p/DTips2/,500,40,2\n"
        # the third occurrence's link is recorded: its time does not matter
        "2,kopisenja,11/16/2026 12:00,https://www.instagram.com/p/DTips3/,800,50,5\n"
        "3,kopisenja,11/23/2026 07:30,https://www.instagram.com/p/DTips4/,900,60,6\n",
        encoding="utf-8")
    result = cli("-C", str(root), "metrics", "import", str(export), "--platform", "instagram",
                 "--write")
    assert "line 2: tips-senin on instagram 2026-11-09 07:30, by time" in result.output
    assert "line 3: tips-senin on instagram 2026-11-16 07:30, by permalink" in result.output
    # there is no fourth occurrence (count: 3)
    assert "line 4:" in result.output.split("Unmatched")[1]
    assert _written(root, "instagram-2026-11.csv").splitlines()[1:] == [
        "tips-senin,instagram,2026-11-09,500,,40,2,,,,,,",
        "tips-senin,instagram,2026-11-16,800,,50,5,,,,,,"]
    data = cli("-C", str(root), "report", "--window", "week", "--format", "json",
               "--today", "2026-11-30").output
    weeks = {w["window"]: w["channels"][0]["engagement_rate"]
             for w in json.loads(data)["engagement"]}
    assert weeks == {"2026-W46": 0.084, "2026-W47": 0.069}  # 42 / 500, 55 / 800 = 6.875%

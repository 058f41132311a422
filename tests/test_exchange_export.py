"""`smmplan export`: the CSV round trip, JSON occurrences, and each scheduler's bulk upload held
to that tool's documented columns and limits by a reader written here, independently."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import EXAMPLE_TODAY, REPO
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from smmplan.calendar import calendar_of
from smmplan.captions import captions_of
from smmplan.cli.cmd_export import command as export_command
from smmplan.exchange.columns import BY_FIELD, EXPORTED
from smmplan.exchange.export import FORMATS, _csv_row, write_csv
from smmplan.exchange.importer import plan_import, post_text
from smmplan.exchange.schedulers import SCHEDULERS
from smmplan.exchange.table import read_table
from smmplan.format.post import load_post_text
from smmplan.load import load_plan

EXAMPLES = REPO / "examples"
TODAY = {"SMMPLAN_TODAY": EXAMPLE_TODAY}
RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, name: Instagram}
  x: {platform: x, name: X}
  tiktok: {platform: tiktok, name: TikTok}
"""
FIELDS = ("id", "title", "start", "all_day", "channels", "pillar", "status", "personas",
          "campaign", "caption", "format", "author", "editor", "tags", "link", "media", "repeat")


def post(name: str, date: str, caption: str, *, channel: str = "instagram",
         status: str = "approved", extra: str = "") -> dict[str, str]:
    return {f"content/posts/{name}.md": f"---\ntitle: {name}\ndate: {date}\nchannel: {channel}\n"
            f"pillar: education\nstatus: {status}\n{extra}---\n{caption}\n"}


def export(cli: Callable[..., Result], plan: Path, *args: str) -> Result:
    return cli("-C", str(plan), "export", *args, env=TODAY)


def test_the_format_choices_are_the_exports() -> None:
    choice = next(p for p in export_command.params if p.name == "fmt")
    assert tuple(choice.type.choices) == tuple(FORMATS)  # type: ignore[attr-defined]


def test_example_plan_round_trips_through_csv_field_by_field(cli, example_copy: Path,
                                                             tmp_path: Path) -> None:
    exported = export(cli, example_copy, "csv", "-o", str(tmp_path / "plan.csv"))
    assert exported.exit_code == 0, exported.output
    empty = tmp_path / "empty"
    (empty / "content").mkdir(parents=True)
    for part in ("mkdocs.yml", "guidelines", "personas", "content/campaigns"):
        src = example_copy / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, empty / part)
    imported = cli("-C", str(empty), "import", str(tmp_path / "plan.csv"), "--write")
    assert imported.exit_code == 0, imported.output
    before, _ = load_plan(example_copy)
    after, found = load_plan(empty)
    assert not found
    assert len(after.posts) == len(before.posts) > 200
    for old, new in zip(before.posts, after.posts, strict=True):
        for field in FIELDS:
            assert getattr(old, field) == getattr(new, field), (old.id, field)


def test_csv_cells_a_spreadsheet_would_evaluate_stay_text_and_come_back(cli, make_plan,
                                                                        tmp_path) -> None:
    texts = ["=HYPERLINK(\"https://x.example\")", "+62 812 3456", "-10% hari ini",
             "@kopisenja mampir", "'=sudah dengan kutip", "'biasa"]
    files: dict[str, str] = {}
    for i, text in enumerate(texts):
        files.update(post(f"p{i}", f"2026-12-0{i + 1} 09:00", text,
                          extra=f"tags: ['{text.replace(chr(39), chr(39) * 2)}']\n"))
    plan = make_plan(files, rules=RULES)
    out = export(cli, plan, "csv")
    rows = list(csv.reader(io.StringIO(out.stdout.removeprefix("\ufeff"))))
    captions = [r[-1] for r in rows[1:]]
    assert captions == ["'=HYPERLINK(\"https://x.example\")", "'+62 812 3456", "'-10% hari ini",
                        "'@kopisenja mampir", "''=sudah dengan kutip", "'biasa"]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for c in r)
    (tmp_path / "x.csv").write_text(out.stdout, encoding="utf-8")
    target = tmp_path / "target"
    shutil.copytree(plan / "guidelines", target / "guidelines")
    assert cli("-C", str(target), "import", str(tmp_path / "x.csv"), "--write").exit_code == 0
    again = sorted(load_plan(target)[0].posts, key=lambda p: p.id)
    assert [p.caption for p in again] == texts
    assert [p.tags for p in again] == [(t,) for t in texts]


def test_exports_are_byte_identical_and_never_overwrite(cli, example_copy, tmp_path) -> None:
    for fmt, args in (("csv", ()), ("json", ()), ("hootsuite", ("--channel", "instagram")),
                      ("sprout", ("--channel", "x"))):
        first = export(cli, example_copy, fmt, *args)
        assert first.stdout_bytes == export(cli, example_copy, fmt, *args).stdout_bytes
    target = tmp_path / "out.csv"
    target.write_text("mine")
    refused = export(cli, example_copy, "csv", "-o", str(target))
    assert refused.exit_code == 2 and target.read_text() == "mine"
    assert f"{target} exists; not overwriting it (use --force to replace it)" in refused.output
    forced = export(cli, example_copy, "csv", "-o", str(target), "--force")
    assert forced.exit_code == 0 and target.read_bytes().startswith("\ufeffid,title".encode())


def test_json_holds_dated_occurrences_with_captions_per_channel(cli, make_plan) -> None:
    plan = make_plan({**post("a", "2026-12-01 09:00", "Halo", channel="[instagram, x]"),
                      **post("b", "2026-12-03", "Sepanjang hari", status="draft"),
                      "content/posts/ide.md": "---\ntitle: Ide\nchannel: x\npillar: quote\n"
                      "status: idea\n---\n"}, rules=RULES)
    data = json.loads(export(cli, plan, "json").stdout)
    assert data["version"] == 1 and data["timezone"] == "Asia/Jakarta"
    assert [(o["post"], o["date"], o["all_day"]) for o in data["occurrences"]] == [
        ("a", "2026-12-01T09:00:00+07:00", False), ("b", "2026-12-03", True)]
    assert data["occurrences"][0]["channels"] == [
        {"channel": "instagram", "platform": "instagram", "caption": "Halo"},
        {"channel": "x", "platform": "x", "caption": "Halo"}]
    only = json.loads(export(cli, plan, "json", "--channel", "x", "--status", "approved",
                             "--from", "2026-12-01", "--to", "2026-12-02").stdout)
    assert [[c["channel"] for c in o["channels"]] for o in only["occurrences"]] == [["x"]]


def test_usage_errors_exit_2(cli, make_plan) -> None:
    plan = make_plan(post("a", "2026-12-01 09:00", "Halo"), rules=RULES)
    assert "unknown channel 'instgram'; did you mean 'instagram'?" in export(
        cli, plan, "csv", "--channel", "instgram").output
    assert export(cli, plan, "csv", "--from", "2026-12-05", "--to", "2026-12-01").exit_code == 2
    assert export(cli, plan, "csv", "--from", "5/12/2026").exit_code == 2
    mixed = make_plan(post("b", "2026-12-01 10:00", "Halo", channel="x"), rules=RULES)
    result = export(cli, mixed, "hootsuite")
    assert result.exit_code == 2
    assert "export one channel at a time (--channel instagram; the selection has instagram, x)" \
        in result.output


# --- the schedulers, read back by their documented rules ----------------------------------------

def read_hootsuite(data: bytes, now: dt.datetime) -> list[list[str]]:
    """Hootsuite's bulk composer as documented (help.hootsuite.com/s/article/bulk-schedule):
    no header row; date and time (here day first, 24-hour), post text, optional link; minutes
    ending in 0 or 5; at least 10 minutes ahead; at most 350 posts."""
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert 0 < len(rows) <= 350
    for row in rows:
        assert len(row) == 3
        when = dt.datetime.strptime(row[0], "%d/%m/%Y %H:%M").replace(tzinfo=now.tzinfo)
        assert when.minute % 5 == 0 and when >= now + dt.timedelta(minutes=10)
        assert row[1].strip()
        assert row[2] == "" or re.match(r"^https?://\S+$", row[2])
    return rows


def read_sprout(data: bytes, now: dt.datetime) -> list[list[str]]:
    """Sprout Social's bulk scheduling as documented (support.sproutsocial.com, article
    115005864203): case-sensitive headers date, time_24hr, message_text (and link); dd/mm/yyyy;
    24-hour times; messages 10 minutes apart and 10 minutes after the upload; at most 350."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows[0] == ["date", "time_24hr", "message_text", "link"]
    assert 0 < len(rows) - 1 <= 350
    last = None
    for row in rows[1:]:
        when = dt.datetime.strptime(f"{row[0]} {row[1]}", "%d/%m/%Y %H:%M").replace(
            tzinfo=now.tzinfo)
        assert re.fullmatch(r"[0-2][0-9]:[0-5][0-9]", row[1])
        assert when >= now + dt.timedelta(minutes=10)
        assert last is None or when - last >= dt.timedelta(minutes=10)
        last = when
        assert row[2].strip()
    return rows[1:]


READERS = {"hootsuite": read_hootsuite, "sprout": read_sprout}
SHIPPED = {"hootsuite": ("hootsuite-instagram.csv", ("--channel", "instagram")),
           "sprout": ("sprout-x.csv", ("--channel", "x", "--from", "2026-12-01"))}


def test_every_scheduler_has_a_reader_a_fixture_and_a_dated_source() -> None:
    assert set(SCHEDULERS) == set(READERS) == set(SHIPPED)
    for s in SCHEDULERS.values():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.as_of) and s.source.startswith("https://")


@pytest.mark.parametrize("name", sorted(SCHEDULERS))
def test_shipped_scheduler_file_is_what_export_writes_and_the_tool_takes(cli, name) -> None:
    file, args = SHIPPED[name]
    result = cli("-C", str(REPO), "export", name, *args, env=TODAY)
    assert result.exit_code == 0, result.output
    shipped = (EXAMPLES / file).read_bytes()
    assert result.stdout_bytes == shipped
    plan, _ = load_plan(REPO)
    now = dt.datetime.combine(dt.date.fromisoformat(EXAMPLE_TODAY), dt.time(0), plan.tz)
    rows = READERS[name](shipped, now)
    channel = args[1]
    # what should go out, from the calendar model and the rendered captions themselves
    first = dt.date(2026, 12, 1) if "--from" in args else now.date()
    wanted = [o for o in calendar_of(plan).occurrences if o.channel == channel
              and o.post.status in ("approved", "scheduled") and o.day >= first
              and o.start >= now + dt.timedelta(minutes=10)]
    assert len(rows) == len(wanted) > 0
    caption = 1 if name == "hootsuite" else 2
    assert [r[caption] for r in rows] == [
        captions_of(plan).of(o.post, channel).text for o in wanted]  # type: ignore[union-attr]


@pytest.mark.parametrize("name", sorted(SCHEDULERS))
def test_every_post_the_scheduler_cannot_take_is_named(cli, make_plan, name) -> None:
    long = "kata " * 600
    plan = make_plan({
        **post("lewat", "2026-11-24 09:00", "Sudah lewat"),
        **post("terlalu-dekat", "2026-11-25 00:05", "Lima menit lagi"),
        **post("menit-aneh", "2026-12-01 09:03", "Jam 09.03"),
        **post("sepanjang-hari", "2026-12-02", "Tanpa jam"),
        **post("panjang", "2026-12-03 09:00", long.strip()),
        **post("rumus", "2026-12-04 09:00", "=cmd|' /C calc'!A0"),
        **post("baik", "2026-12-05 09:00", "Ini bisa"),
        **post("rapat", "2026-12-05 09:05", "Lima menit setelahnya"),
        **post("draf", "2026-12-06 09:00", "Belum disetujui", status="draft"),
    }, rules=RULES)
    result = export(cli, plan, name, "--channel", "instagram")
    assert result.exit_code == 1
    reasons = {m.group(1): m.group(2) for m in re.finditer(
        rf"error\[SMM501\] {name}: post '([a-z-]+)' on instagram at [0-9: -]+ is not exported: "
        r"(.*)", result.stderr)}
    expected = {
        "lewat": "it is in the past",
        "terlalu-dekat": "it is less than 10 minutes after now",
        "sepanjang-hari": "it has no time (an all-day slot)",
        "panjang": "the caption has 2999 characters, instagram takes 2200",
        "rumus": "the caption starts like a spreadsheet formula",
    }
    if name == "hootsuite":
        expected["menit-aneh"] = "the minute 03 is not one Hootsuite bulk composer takes"
    else:
        expected["rapat"] = ("it is less than 10 minutes after post 'baik'")
    assert reasons == expected
    rows = READERS[name](result.stdout_bytes, dt.datetime(2026, 11, 25, tzinfo=load_plan(
        plan)[0].tz))
    assert len(rows) == 9 - 1 - len(expected)  # the draft is not selected, but counted:
    assert "Not selected: 1 post not yet approved (scheduler exports take approved and " \
        "scheduled posts; see --status)." in result.stderr


def test_a_platform_the_scheduler_does_not_serve_is_named(cli, make_plan) -> None:
    plan = make_plan(post("video", "2026-12-01 09:00", "Video", channel="tiktok"), rules=RULES)
    result = export(cli, plan, "hootsuite", "--channel", "tiktok")
    code = "SMM501"
    assert f"error[{code}] hootsuite: post 'video' on tiktok at 2026-12-01 09:00 is not " \
        "exported: its bulk upload does not post to tiktok" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("name", sorted(SCHEDULERS))
def test_past_the_row_limit_each_post_is_named(cli, make_plan, name) -> None:
    files: dict[str, str] = {}
    start = dt.datetime(2026, 12, 1, 8, 0)
    for i in range(353):
        when = start + dt.timedelta(minutes=15 * i)
        files.update(post(f"p{i:03d}", f"{when:%Y-%m-%d %H:%M}", f"Teks {i}"))
    plan = make_plan(files, rules=RULES)
    result = export(cli, plan, name, "--channel", "instagram")
    named = re.findall(r"post '(p\d+)' .* at most 350 posts per file", result.stderr)
    assert named == ["p350", "p351", "p352"]
    assert len(READERS[name](result.stdout_bytes, dt.datetime(2026, 11, 25, tzinfo=load_plan(
        plan)[0].tz))) == 350


def test_posts_that_do_not_load_are_reported_not_dropped(cli, make_plan) -> None:
    plan = make_plan({**post("baik", "2026-12-01 09:00", "Halo"),
                      "content/posts/rusak.md": "---\ntitle: [rusak\n---\nTeks\n"}, rules=RULES)
    result = export(cli, plan, "csv")
    assert result.exit_code == 1
    assert "content/posts/rusak.md:3:1: error[SMM001] YAML syntax" in result.stderr
    assert result.stdout_bytes.count(b"\r\n") == 2  # the header and the post that loads


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                              blacklist_characters="\u2028\u2029\x85"), max_size=40)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_TEXT.map(str.strip).filter(bool),
       caption=st.lists(_TEXT, min_size=1, max_size=3).map("\n".join),
       tags=st.lists(_TEXT.map(str.strip).filter(bool), max_size=3))
def test_any_text_round_trips_through_csv(make_plan, title, caption, tags) -> None:
    """Whatever the text, a post that loads comes back from export and import as it was
    (import trims every cell but the caption, so titles and tags here are trimmed)."""
    plan_dir = make_plan({}, rules=RULES)
    plan = load_plan(plan_dir)[0]
    fields = {"id": "p", "title": title, "date": "2026-12-01 09:00", "channel": ["x"],
              "pillar": "education", "status": "draft", "tags": tags}
    before, found = load_post_text(post_text(fields, caption)[0], "content/posts/p.md",
                                   plan.settings)
    assume(before is not None and not found)
    assert before is not None
    sheet = plan_dir.parent / "x.csv"
    sheet.write_bytes(write_csv([[BY_FIELD[f].headers[0] for f in EXPORTED], _csv_row(before)],
                                bom=True))
    table, read = read_table(sheet, "x.csv")
    result = plan_import(table, plan, {}, read)
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    after = result.planned[0].post
    for field in FIELDS:
        assert getattr(after, field) == getattr(before, field), field


def test_a_relative_output_is_read_against_the_plan_folder(cli, make_plan) -> None:
    plan = make_plan(post("a", "2026-12-01 09:00", "Halo"), rules=RULES)
    result = export(cli, plan, "json", "-o", "out.json")
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads((plan / "out.json").read_text())["occurrences"][0]["post"] == "a"
    assert "Exported 1 row to out.json." in result.stderr


def test_rendered_variants_go_to_schedulers_and_json(cli, make_plan) -> None:
    plan = make_plan({
        "guidelines/snippets.yml": "snippets:\n  bio: \"Pesan lewat tautan di bio\"\n",
        **post("a", "2026-12-01 09:00", "Untuk semua. {{ snippet(\"bio\") }}\n"
               "<!-- for: x -->\nUntuk X saja.", channel="[instagram, x]"),
        **post("b", "2026-12-02 09:00", "{{ snippet(\"tidak-ada\") }}")}, rules=RULES)
    data = json.loads(export(cli, plan, "json").stdout)
    assert [(c["channel"], c["caption"]) for c in data["occurrences"][0]["channels"]] == [
        ("instagram", "Untuk semua. Pesan lewat tautan di bio"), ("x", "Untuk X saja.")]
    result = export(cli, plan, "hootsuite", "--channel", "instagram")
    assert read_hootsuite(result.stdout_bytes, dt.datetime(2026, 11, 25, tzinfo=load_plan(
        plan)[0].tz))[0][1] == "Untuk semua. Pesan lewat tautan di bio"
    assert "hootsuite: post 'b' on instagram at 2026-12-02 09:00 is not exported: its caption " \
        "does not render" in result.stderr
    assert "error[SMM006]" in result.stderr  # the unknown snippet itself, at its place


def test_recurring_posts_round_trip_and_expand_in_exports(cli, make_plan, tmp_path) -> None:
    plan = make_plan(post("mingguan", "2026-12-01 09:00", "Tiap Selasa",
                          extra="repeat: {every: week, count: 3, except: [2026-12-08]}\n"),
                     rules=RULES)
    data = json.loads(export(cli, plan, "json").stdout)
    assert [o["date"] for o in data["occurrences"]] == [
        "2026-12-01T09:00:00+07:00", "2026-12-15T09:00:00+07:00"]
    out = export(cli, plan, "csv", "-o", str(tmp_path / "r.csv"))
    assert out.exit_code == 0
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert '"{every: week, count: 3, except: [2026-12-08]}"' in text
    target = tmp_path / "target"
    shutil.copytree(plan / "guidelines", target / "guidelines")
    assert cli("-C", str(target), "import", str(tmp_path / "r.csv"), "--write").exit_code == 0
    assert load_plan(target)[0].posts[0].repeat == load_plan(plan)[0].posts[0].repeat

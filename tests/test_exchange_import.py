"""`smmplan import`: spreadsheet calendars in, every problem at its CSV line and cell, never a
traceback, never an overwritten file."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import FIXTURES, run_fixture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan.check import check_plan
from smmplan.exchange.importer import plan_import
from smmplan.exchange.table import MAX_BYTES, read_table
from smmplan.load import load_plan

JAKARTA = FIXTURES / "exchange" / "jakarta"
HEADER = "judul,tanggal,kanal,pilar,keterangan\n"
RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, name: Instagram}
  facebook: {platform: facebook, name: Facebook Page}
  x: {platform: x, name: X}
"""


@pytest.fixture
def plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan({"content/posts/.keep": ""}, rules=RULES)


def run(cli: Callable[..., Result], plan: Path, data: str | bytes, *args: str) -> Result:
    sheet = plan.parent / "sheet.csv"
    sheet.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return cli("-C", str(plan), "import", "../sheet.csv", *args)


def lines(result: Result) -> list[str]:
    return result.output.splitlines()


def test_jakarta_spreadsheet_gives_exactly_the_expected_diagnostics(cli) -> None:
    output, expected, code = run_fixture(JAKARTA, cli)
    assert output == expected
    assert code == 1


def test_jakarta_spreadsheet_written_posts_load_and_pass_the_format_checks(cli, tmp_path) -> None:
    shutil.copytree(JAKARTA, tmp_path / "j")
    plan = tmp_path / "j" / "plan"
    before = (plan / "content/posts/2026-12-01-buka-cabang-blok-m.md").read_bytes()
    result = cli("-C", str(plan), "import", "../kalender.csv", "--write")
    assert result.exit_code == 1  # the broken rows
    assert lines(result)[:4] == [
        "created content/posts/2026/12/2026-12-02-tips-seduh-v60-di-kantor.md (line 5)",
        "created content/posts/2026/12/2026-12-03-promo-12-12-bundling.md (line 8)",
        "created content/posts/2026/12/2026-12-10-kuis-asal-kopi.md (line 15)",
        "created content/posts/2026/12/2026-12-13-hari-salah.md (line 17)",
    ]
    assert lines(result)[-1] == "4 of 12 rows imported."
    assert (plan / "content/posts/2026-12-01-buka-cabang-blok-m.md").read_bytes() == before
    text = (plan / "content/posts/2026/12/2026-12-02-tips-seduh-v60-di-kantor.md").read_text()
    assert text == (
        "---\nid: 2026-12-02-tips-seduh-v60-di-kantor\ntitle: Tips seduh V60 di kantor\n"
        "date: 2026-12-02 07:30\nchannel: [instagram, facebook]\npillar: education\n"
        "status: approved\npersonas: [karyawan-sudirman]\nauthor: nadia\n---\n\n"
        "Ngopi enak sebelum meeting ☕\n1. Bilas kertas filter dengan air panas.\n"
        "2. Seduh 15 gram kopi dengan 250 ml air.\n")
    loaded, found = load_plan(plan)
    assert not found
    promo = loaded.post("2026-12-03-promo-12-12-bundling")
    assert promo is not None
    assert (promo.channels, promo.pillar, promo.status, promo.campaign, promo.personas) == (
        ("instagram", "tiktok"), "hard-sell", "draft", "harbolnas-1212", ("mahasiswa-depok",))
    assert not [d for d in check_plan(plan).diagnostics if d.code < "SMM100"]
    # a second import finds every id taken and writes nothing
    again = cli("-C", str(plan), "import", "../kalender.csv", "--write")
    assert "0 of 12 rows imported." in again.output
    assert again.output.count("[SMM005]") == 5


def test_json_and_github_formats_carry_the_same_diagnostics(cli) -> None:
    args = ("-C", str(JAKARTA / "plan"), "import", "../kalender.csv")
    data = json.loads(cli(*args, "--format", "json").output)
    assert data["summary"] == {"posts": 4, "errors": 8, "warnings": 1, "info": 0}
    assert data["rows"] == 12 and data["written"] is False
    assert data["files"][0] == {"path": "content/posts/2026/12/2026-12-02-tips-seduh-v60-di-"
                                "kantor.md", "post": "2026-12-02-tips-seduh-v60-di-kantor",
                                "line": 5}
    assert len(data["files"]) == 4
    first = data["diagnostics"][0]
    assert (first["file"], first["line"], first["column"], first["code"]) == (
        "../kalender.csv", 4, 6, "SMM005")
    github = cli(*args, "--format", "github")
    assert github.exit_code == 1
    assert "::error file=../kalender.csv,line=9,col=5,title=SMM006 unknown-reference::" \
        "unknown channel 'Threads'" in github.output


def test_latin1_file_is_read_as_windows_1252_with_a_warning(cli, plan) -> None:
    data = (HEADER + "Café,25/12/2026,IG,education,Kopi “enak” untuk Natal\n").encode("cp1252")
    result = run(cli, plan, data, "--write")
    assert result.exit_code == 0
    assert "../sheet.csv:2:1: warning[SMM008] the file is not UTF-8 (byte 0xE9); read as " \
        "Windows-1252" in result.output
    post = load_plan(plan)[0].posts[0]
    assert (post.title, post.caption) == ("Café", "Kopi “enak” untuk Natal")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_utf16_unicode_text_from_excel_is_read_tab_separated(cli, plan, encoding) -> None:
    text = "judul\ttanggal\tkanal\tpilar\tketerangan\r\nKopi ☕\t25/12/2026 19.30\tIG + FB\t" \
           "education\tSelamat Natal, teman-teman\r\n"
    result = run(cli, plan, text.encode(encoding), "--write")
    assert result.exit_code == 0, result.output
    post = load_plan(plan)[0].posts[0]
    assert (post.title, post.channels, post.caption) == (
        "Kopi ☕", ("instagram", "facebook"), "Selamat Natal, teman-teman")
    assert post.start is not None and post.start.isoformat() == "2026-12-25T19:30:00+07:00"


def test_empty_and_blank_files(cli, plan) -> None:
    for data in ("", "\r\n,,,\r\n"):
        result = run(cli, plan, data)
        assert result.exit_code == 1
        assert lines(result)[0] == "../sheet.csv:1:1: error[SMM002] the file is empty: its " \
            "first line must name the columns (title, date, channel, pillar, caption, ...)"
    assert run(cli, plan, HEADER).exit_code == 0


def test_wrong_and_duplicate_headers(cli, plan) -> None:
    result = run(cli, plan, "Nama,Waktu Tayang,Isi\nA,B,C\n")
    assert lines(result)[:8] == [
        "../sheet.csv:1:1: error[SMM002] no column for the caption (caption / keterangan / teks "
        "/ copy): no row can be imported",
        "../sheet.csv:1:1: error[SMM002] no column for the channel (channel / channels / kanal "
        "/ platform): no row can be imported",
        "../sheet.csv:1:1: error[SMM002] no column for the date (date / tanggal): no row can "
        "be imported",
        "../sheet.csv:1:1: error[SMM002] no column for the pillar (pillar / pilar): no row can "
        "be imported",
        "../sheet.csv:1:1: error[SMM002] no column for the title (title / judul): no row can "
        "be imported",
        "../sheet.csv:1:1: warning[SMM004] column 'Nama' is not a field of a post; its cells "
        "are not imported",
        "../sheet.csv:1:2: warning[SMM004] column 'Waktu Tayang' is not a field of a post; its "
        "cells are not imported",
        "../sheet.csv:1:3: warning[SMM004] column 'Isi' is not a field of a post; its cells "
        "are not imported",
    ]
    dup = run(cli, plan, "judul,tanggal,kanal,pilar,keterangan,Title\n"
              "A,25/12/2026,IG,education,Teks,B\n")
    assert "../sheet.csv:1:6: error[SMM003] column 'Title' holds the title like column 1 " \
        "('judul'); only the first is read" in dup.output
    assert "1 of 1 rows to import" in dup.output


def test_map_names_other_columns_and_leaves_some_out(cli, plan) -> None:
    data = "Nama,Tgl Tayang,kanal,pilar,Isi,Catatan\nA,25/12/2026,IG,education,Teks,x\n"
    result = run(cli, plan, data, "--map", "nama=title", "--map", "Tgl Tayang=tanggal",
                 "--map", "ISI=caption", "--map", "Catatan=")
    assert result.exit_code == 0
    assert lines(result) == ["would create content/posts/2026/12/2026-12-25-a.md (line 2)",
                             "All checks passed: 1 post, no problems.",
                             "1 of 1 rows to import; run again with --write to create them."]
    bad = run(cli, plan, data, "--map", "Nama=judulnya")
    assert bad.exit_code == 2 and "--map 'Nama=judulnya': write COLUMN=FIELD" in bad.output
    missing = run(cli, plan, data, "--map", "Tanggal Posting=date")
    assert missing.exit_code == 2
    assert "--map: ../sheet.csv has no column 'tanggal posting'" in missing.output


def test_a_200_column_row_is_one_diagnostic_and_other_rows_import(cli, plan) -> None:
    wide = "B,26/12/2026,IG,education,Teks" + ",x" * 195
    result = run(cli, plan, HEADER + "A,25/12/2026,IG,education,Teks\n" + wide + "\n")
    assert lines(result)[:2] == [
        "would create content/posts/2026/12/2026-12-25-a.md (line 2)",
        "../sheet.csv:3:6: error[SMM003] the row has 200 cells but the header names 5 columns"]
    assert result.output.count("SMM003") == 1


def test_quoted_line_breaks_keep_the_caption_and_the_line_numbers(cli, plan) -> None:
    data = ('judul,keterangan,tanggal,kanal,pilar\n'
            'A,"Baris satu\r\n\r\nbaris tiga, dengan koma",25/12/2026,IG,education\n'
            'B,"dua\nbaris",26/12/2026,IG,edukasi\n')
    result = run(cli, plan, data, "--write")
    # the pillar cell of the second row stands on file line 6, after the caption's break
    assert "../sheet.csv:6:5: error[SMM006] unknown pillar 'edukasi'; did you mean " \
        "'education'?" in result.output
    post = load_plan(plan)[0].posts[0]
    assert post.caption == "Baris satu\n\nbaris tiga, dengan koma"


def test_an_unclosed_quote_is_reported_not_swallowed(cli, plan) -> None:
    data = HEADER + 'A,25/12/2026,IG,education,"Teks tanpa tutup\nB,26/12/2026,IG,quote,Lagi\n'
    result = run(cli, plan, data)
    assert "../sheet.csv:2:5: error[SMM003] the cell holds lines that look like rows of their " \
        "own: is a quote not closed?" in result.output
    huge = HEADER + 'A,25/12/2026,IG,education,"' + "x" * 200_000 + "\n"
    result = run(cli, plan, huge)
    assert result.exit_code == 1
    assert "../sheet.csv:2:1: error[SMM008] the file cannot be read from here on" in result.output


@pytest.mark.parametrize("cell", [
    '"=HYPERLINK(""https://kopi.example"",""Katalog"")"', "\"=cmd|' /C calc'!A0\"",
    "+cmd|calc", "@SUM(A1:A3)", "-Sheet1!A1"])
def test_formula_cells_are_refused_never_evaluated(cli, plan, cell) -> None:
    result = run(cli, plan, HEADER + f"A,25/12/2026,IG,education,{cell}\n"
                 "B,26/12/2026,IG,education,Aman\n", "--write")
    assert "../sheet.csv:2:5: error[SMM003] the cell holds a spreadsheet formula, not text; " \
        "it is never evaluated" in result.output
    assert [p.title for p in load_plan(plan)[0].posts] == ["B"]


def test_text_escaped_with_an_apostrophe_is_imported_as_the_text(cli, plan) -> None:
    result = run(cli, plan, HEADER + "'=1+1 bukan rumus,25/12/2026,IG,education,"
                 "'@kopisenja mampir ya\n", "--write")
    assert result.exit_code == 0, result.output
    post = load_plan(plan)[0].posts[0]
    assert (post.title, post.caption) == ("=1+1 bukan rumus", "@kopisenja mampir ya")


def test_dates_in_indonesian_habits(cli, plan) -> None:
    rows = [("25/12/2026 19.30", "", "2026-12-25T19:30:00+07:00"),
            ("5/1/2027", "7.05", "2027-01-05T07:05:00+07:00"),
            ("25-12-2026", "", "2026-12-25T00:00:00+07:00"),
            ("2026-12-24 08:00", "", "2026-12-24T08:00:00+07:00"),
            ('"Jumat, 25 Desember 2026 pukul 19.30"', "", "2026-12-25T19:30:00+07:00"),
            ("25/12/2026", "19.30 WITA", "2026-12-25T18:30:00+07:00")]
    body = "".join(f"P{i},{d},{t},IG,education,Teks {i}\n" for i, (d, t, _) in enumerate(rows))
    result = run(cli, plan, "judul,tanggal,jam,kanal,pilar,keterangan\n" + body, "--write")
    assert result.exit_code == 0, result.output
    got = {p.title: p.start.isoformat() for p in load_plan(plan)[0].posts if p.start}
    assert got == {f"P{i}": want for i, (_, _, want) in enumerate(rows)}


def test_bad_dates_point_at_their_cell(cli, plan) -> None:
    data = ("judul,tanggal,jam,kanal,pilar,keterangan\n"
            "A,31/02/2027,,IG,education,T\nB,12/25/2026,,IG,education,T\n"
            "C,25/12/2026 19.30,20.00,IG,education,T\nD,25/12/2026,pagi,IG,education,T\n"
            "E,,,IG,education,T\n")
    assert lines(run(cli, plan, data))[:5] == [
        "../sheet.csv:2:2: error[SMM003] '31/02/2027' is not a date: February 2027 has no day 31",
        "../sheet.csv:3:2: error[SMM003] '12/25/2026' is not a date: there is no month 25 "
        "(dates are read day first)",
        "../sheet.csv:4:3: error[SMM003] '25/12/2026 19.30' already holds a time, and the time "
        "column says '20.00'",
        "../sheet.csv:5:3: error[SMM003] 'pagi' is not a time; write it as HH.MM or HH:MM "
        "(19.30)",
        "../sheet.csv:6:2: error[SMM002] the date is empty (only ideas may leave it out)",
    ]


def test_channels_by_id_name_platform_and_short_form(cli, plan) -> None:
    data = HEADER + "".join(f"P{i},2{i}/12/2026,{c},education,Teks {i}\n" for i, c in enumerate(
        ["IG + FB", "instagram; x", "Facebook Page & TW", "Twitter/ig", "Instagram dan X"]))
    result = run(cli, plan, data, "--write")
    assert result.exit_code == 0, result.output
    got = {p.title: p.channels for p in load_plan(plan)[0].posts}
    assert got == {"P0": ("instagram", "facebook"), "P1": ("instagram", "x"),
                   "P2": ("facebook", "x"), "P3": ("x", "instagram"), "P4": ("instagram", "x")}


def test_a_platform_with_two_channels_must_be_named(cli, make_plan) -> None:
    plan = make_plan({}, rules=RULES + "  ig-toko: {platform: instagram, name: IG Toko}\n")
    result = run(cli, plan, HEADER + "A,25/12/2026,IG,education,Teks\n"
                 "B,25/12/2026,IG Toko,education,Teks\n")
    assert "../sheet.csv:2:3: error[SMM006] 'IG' could be any of the channels instagram, " \
        "ig-toko" in result.output
    assert "would create content/posts/2026/12/2026-12-25-b.md" in result.output


def test_statuses_formats_and_people_in_indonesian(cli, make_plan) -> None:
    plan = make_plan({"guidelines/team.yml": "members:\n  rina: {name: Rina Wulandari, "
                      "roles: [creator]}\n  dimas: {name: Dimas, roles: [editor]}\n"},
                     rules=RULES)
    data = ("judul,tanggal,kanal,pilar,status,format,penulis,editor,keterangan\n"
            "A,25/12/2026 09.00,IG,Soft Sell,Terjadwal,Reels,Rina Wulandari,dimas,Teks\n"
            "B,,IG,quote,Ide,,,,\n"
            "C,25/12/2026,IG,quote,Selesai,Foto,,,Teks\n")
    result = run(cli, plan, data, "--write")
    assert "../sheet.csv:4:5: error[SMM003] 'Selesai' is not a status (idea, draft, review, " \
        "approved, scheduled, published, cancelled)" in result.output
    a, b = load_plan(plan)[0].posts
    assert (a.pillar, a.status, a.format, a.author, a.editor) == (
        "soft-sell", "scheduled", "reel", "rina", "dimas")
    assert (b.status, b.start, b.path) == ("idea", None, "content/posts/ideas/b.md")


def test_the_post_loader_judges_every_row(cli, plan) -> None:
    data = ("judul,tanggal,kanal,pilar,tautan,keterangan\n"
            "A,25/12/2026,IG,education,kopi.example,Teks\n"
            "B,25/12/2026,IG,education,,\n"
            "C,25/12/2026,IG,education,,\"Teks \x07 bunyi\"\n")
    assert lines(run(cli, plan, data))[:3] == [
        "../sheet.csv:2:5: error[SMM003] 'link' 'kopi.example' is not a web address "
        "(https://...)",
        "../sheet.csv:3:6: error[SMM002] the post has no caption (the text after the front "
        "matter)",
        "../sheet.csv:4:6: error[SMM003] the caption contains the control character U+0007",
    ]


def test_ids_taken_by_the_plan_or_an_earlier_row_are_left_out(cli, make_plan) -> None:
    plan = make_plan({"content/posts/lama.md": "---\ntitle: Lama\ndate: 2026-12-01\nchannel: x\n"
                      "pillar: quote\n---\nTeks\n"}, rules=RULES)
    data = "id,judul,tanggal,kanal,pilar,keterangan\n" \
           "lama,A,25/12/2026,IG,education,T\nbaru,B,25/12/2026,IG,education,T\n" \
           "baru,C,25/12/2026,IG,education,T\n,Sama,25/12/2026,IG,quote,T\n" \
           "sama-2,Sama,25/12/2026,IG,quote,T\n"
    result = run(cli, plan, data, "--write")
    assert "../sheet.csv:2:1: error[SMM005] post id 'lama' is already used by " \
        "content/posts/lama.md; the row is not imported" in result.output
    assert "../sheet.csv:4:1: error[SMM005] post id 'baru' is already used by line 3 of " \
        "../sheet.csv; the row is not imported" in result.output
    # two rows of one title on one day get files of their own
    assert "created content/posts/2026/12/2026-12-25-sama.md" in result.output
    assert "created content/posts/2026/12/2026-12-25-sama-2.md" in result.output


def test_write_never_overwrites_a_file_that_appears(cli, plan, monkeypatch) -> None:
    from smmplan.exchange import importer

    sheet = plan.parent / "sheet.csv"
    sheet.write_text(HEADER + "A,25/12/2026,IG,education,Teks\n")
    table, read = read_table(sheet, "sheet.csv")
    result = plan_import(table, load_plan(plan)[0], {}, read)
    target = plan / result.planned[0].path
    target.parent.mkdir(parents=True)
    target.write_text("mine\n")
    written, found = importer.write_planned(plan, result.planned)
    assert written == [] and target.read_text() == "mine\n"
    assert found[0].code == "SMM005" and "not overwritten" in found[0].message


def test_a_full_disk_is_one_clear_message(cli, plan, monkeypatch) -> None:
    from smmplan.exchange import importer

    def full(root: Path, rel: str, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importer, "create", full)
    result = run(cli, plan, HEADER + "A,25/12/2026,IG,education,Teks\n", "--write")
    assert result.exit_code == 2
    assert lines(result) == ["Error: cannot write content/posts/2026/12/2026-12-25-a.md: No "
                             "space left on device (0 of 1 files written)"]


def test_a_50_mb_file_is_refused_with_the_limit(cli, plan) -> None:
    sheet = plan.parent / "sheet.csv"
    with open(sheet, "wb") as fh:
        fh.write(HEADER.encode())
        fh.truncate(50 * 1024 * 1024)
    result = cli("-C", str(plan), "import", "../sheet.csv")
    assert result.exit_code == 1
    assert lines(result)[0] == "../sheet.csv:1:1: error[SMM008] the file has 50.0 MiB; import " \
        f"reads at most {MAX_BYTES // 1024 // 1024} MiB"


def test_usage_errors_exit_2(cli, plan) -> None:
    assert cli("-C", str(plan), "import", "nope.csv").exit_code == 2


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(alphabet=",;\t\"'=\n\r abc1/.IGFB+é☕", max_size=200))
def test_any_bytes_give_diagnostics_never_a_traceback(plan, data) -> None:
    sheet = plan.parent / "fuzz.csv"
    sheet.write_bytes(HEADER.encode() + (data if isinstance(data, bytes) else data.encode()))
    table, read = read_table(sheet, "fuzz.csv")
    result = plan_import(table, load_plan(plan)[0], {}, read)
    for d in result.diagnostics:
        assert d.file == "fuzz.csv" and d.line >= 1 and d.column >= 1


def workbook(path: Path, rows: list[list[object]], *, start: int = 1,
             sheets: tuple[str, ...] = ("Desember",)) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheets[0]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(row=start + i, column=j + 1, value=value)
    for name in sheets[1:]:
        wb.create_sheet(name)
    wb.save(path)
    return path


def test_xlsx_workbook_with_typed_dates_and_a_title_row(cli, plan) -> None:
    workbook(plan.parent / "k.xlsx", [
        ["Kalender Desember"], [],
        ["Judul", "Tanggal", "Jam", "Kanal", "Pilar", "Keterangan"],
        ["Kopi", dt.datetime(2026, 12, 25, 19, 30), None, "IG + FB", "education", "Halo ☕"],
        ["Pagi", dt.date(2026, 12, 26), dt.time(7, 30), "x", "quote", 42],
        ["Rumus", dt.date(2026, 12, 27), None, "x", "quote", '=HYPERLINK("https://x","y")'],
    ], sheets=("Desember", "Januari"))
    result = cli("-C", str(plan), "import", "../k.xlsx", "--write")
    assert lines(result)[:4] == [
        "created content/posts/2026/12/2026-12-25-kopi.md (line 4)",
        "created content/posts/2026/12/2026-12-26-pagi.md (line 5)",
        "../k.xlsx:1:1: info[SMM008] read the first sheet 'Desember'; the workbook also has "
        "'Januari'",
        # openpyxl wrote no saved value for the formula: it is read as the formula and refused
        "../k.xlsx:6:6: error[SMM003] the cell holds a spreadsheet formula, not text; it is "
        "never evaluated",
    ]
    got = [(p.title, p.start.isoformat(), p.channels, p.caption)
           for p in load_plan(plan)[0].posts if p.start]
    assert got == [("Kopi", "2026-12-25T19:30:00+07:00", ("instagram", "facebook"), "Halo ☕"),
                   ("Pagi", "2026-12-26T07:30:00+07:00", ("x",), "42")]


def test_xlsx_that_is_not_a_workbook_or_unpacks_too_far(cli, plan, monkeypatch) -> None:
    (plan.parent / "bad.xlsx").write_bytes(b"PK\x03\x04 not really")
    result = cli("-C", str(plan), "import", "../bad.xlsx")
    assert result.exit_code == 1
    assert lines(result)[0].startswith("../bad.xlsx:1:1: error[SMM008] not a workbook that can "
                                       "be read")
    from smmplan.exchange import table

    monkeypatch.setattr(table, "MAX_UNPACKED", 1024)
    workbook(plan.parent / "k.xlsx", [["Judul", "Tanggal", "Kanal", "Pilar", "Keterangan"]])
    result = cli("-C", str(plan), "import", "../k.xlsx")
    assert re.match(r"\.\./k\.xlsx:1:1: error\[SMM008\] the workbook unpacks to \d+ MiB; import "
                    r"reads at most 0 MiB", lines(result)[0])


def test_strict_fails_on_warnings_as_check_does(cli, plan) -> None:
    data = "hari,judul,tanggal,kanal,pilar,keterangan\nSenin,A,25/12/2026,IG,education,T\n"
    assert run(cli, plan, data).exit_code == 0  # a wrong day name is a warning
    assert run(cli, plan, data, "--strict").exit_code == 1


def test_the_columns_are_keys_of_the_post_format() -> None:
    from smmplan.exchange.columns import COLUMNS, EXPORTED
    from smmplan.exchange.importer import KEYS
    from smmplan.format.keys import POST

    keys = set(POST.names)
    assert set(KEYS) <= keys
    assert {c.field for c in COLUMNS} - keys == {"time", "caption", "weekday", "number"}
    assert set(EXPORTED) - keys == {"caption"}
    assert set(POST.required) <= {c.field for c in COLUMNS if c.required}


def test_write_never_goes_through_a_link_out_of_the_plan(cli, plan, tmp_path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (plan / "content/posts/2026").symlink_to(outside)
    result = run(cli, plan, HEADER + "A,25/12/2026,IG,education,Teks\n", "--write")
    assert "content/posts/2026/12/2026-12-25-a.md:1:1: error[SMM008] content/posts/2026/12/" \
        "2026-12-25-a.md: its folder leads outside the plan; not written" in result.output
    assert list(outside.iterdir()) == []


def test_published_permalinks_import_by_channel_and_round_trip_through_export(
        cli, plan) -> None:
    data = ("judul,tanggal,kanal,pilar,keterangan,permalink\n"
            "A,21/12/2026,IG,education,Teks A,https://www.instagram.com/p/AAA?igsh=1\n"
            'B,22/12/2026,IG + FB,education,Teks B,'
            '"instagram: https://www.instagram.com/p/BBB; FB: https://facebook.com/1/posts/2"\n'
            "C,23/12/2026,IG + FB,education,Teks C,https://www.instagram.com/p/CCC\n"
            "D,24/12/2026,IG,education,Teks D,x: https://x.com/a/status/1\n")
    result = run(cli, plan, data, "--write")
    assert result.exit_code == 1, result.output
    assert "../sheet.csv:4:6: error[SMM003] 'published' is one link, but the post goes out " \
        "on instagram, facebook" in result.output
    assert "../sheet.csv:5:6: error[SMM003] 'x: https://x.com/a/status/1' is not `channel: " \
        "URL` for one of the row's channels (instagram)" in result.output
    got = {p.title: dict(p.published) for p in load_plan(plan)[0].posts}
    assert got == {"A": {("instagram", None): "https://www.instagram.com/p/AAA?igsh=1"},
                   "B": {("instagram", None): "https://www.instagram.com/p/BBB",
                         ("facebook", None): "https://facebook.com/1/posts/2"}}
    exported = cli("-C", str(plan), "export", "csv")
    assert exported.exit_code == 0, exported.output
    shutil.rmtree(plan / "content" / "posts" / "2026")  # a plan without posts to import into
    assert load_plan(plan)[0].posts == ()
    again = run(cli, plan, exported.output.split("Exported")[0], "--write")
    assert again.exit_code == 0, again.output
    assert {p.title: dict(p.published) for p in load_plan(plan)[0].posts} == got

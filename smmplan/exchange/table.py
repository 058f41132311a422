"""A spreadsheet file -> rows of text cells that remember their line and column.

This is the only part of import that reads the file. It never raises for a bad file: what it
cannot read becomes a diagnostic (SMM008) and every row it can read is still returned.

Decisions, since spreadsheets save text in many ways:

- UTF-8 with or without a BOM is read as it is. UTF-16 (Excel's "Unicode text", which is also
  tab-separated) is recognised by its BOM, or by NUL bytes in every other position.
- Anything else that is not UTF-8 is read as Windows-1252, the "ANSI" code page Excel uses for
  "CSV" on Windows in Indonesia and western Europe (latin-1 differs from it only in control
  characters), with a warning at the first byte that is not UTF-8, so that the user checks the
  accented letters rather than trusting a guess.
- The separator is the one of ``,`` ``;`` and tab that occurs most often, outside quotes, on the
  header line (``;`` is what Excel writes where the decimal separator is a comma, as in
  Indonesia).
- A file over :data:`MAX_BYTES` is refused as a whole: import holds every row in memory to
  report duplicates across rows, and a calendar that large is a data dump to split by month.
- An ``.xlsx`` workbook is read with openpyxl, read-only, from its first sheet: each cell's value
  as the spreadsheet last saved it (what "Save as CSV" would write; openpyxl never evaluates a
  formula). A formula cell that holds no saved value (a workbook written by a program and never
  opened in a spreadsheet) reads as its formula, which import then refuses like a formula in a
  CSV. Dates and times typed as such become ``YYYY-MM-DD HH:MM`` and ``HH:MM``. A workbook that
  would unpack to more than :data:`MAX_UNPACKED` is refused (a "zip bomb").
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..model import Position

MAX_BYTES = 32 * 1024 * 1024
MAX_UNPACKED = 256 * 1024 * 1024
XLSX = (".xlsx", ".xlsm")
SEPARATORS = (",", ";", "\t")


@dataclass(frozen=True)
class Row:
    """One record of the file: its cells as text, and the file line it starts on."""

    line: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        return self.cells[index] if index < len(self.cells) else ""

    def line_of(self, index: int) -> int:
        """The file line cell ``index`` starts on: quoted line breaks in the cells before it
        push it down."""
        return self.line + sum(c.count("\n") for c in self.cells[:index])


@dataclass(frozen=True)
class Table:
    name: str
    """The file as the user named it: the ``file`` of every diagnostic about it."""
    rows: tuple[Row, ...]
    """Every record with a non-blank cell, the header row included."""
    separator: str
    encoding: str

    def at(self, row: Row, index: int) -> Position:
        """The position of cell ``index`` of ``row``: its line, and its column counted in
        cells from 1, as a spreadsheet numbers them."""
        return Position(self.name, row.line_of(index), index + 1)


def read_table(path: Path, name: str) -> tuple[Table, list[Diagnostic]]:
    """Read the file at ``path``; ``name`` is how diagnostics call it."""
    out: list[Diagnostic] = []
    empty = Table(name, (), ",", "utf-8")
    try:
        size = os.stat(path).st_size
        if size > MAX_BYTES:
            out.append(diag("SMM008", f"the file has {size / 1024 / 1024:.1f} MiB; import reads "
                            f"at most {MAX_BYTES // 1024 // 1024} MiB", Position(name),
                            help="split the calendar, e.g. one file per month"))
            return empty, out
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        out.append(diag("SMM008", f"cannot read the file: {exc.strerror}", Position(name)))
        return empty, out
    if len(data) > MAX_BYTES:  # it grew since stat()
        out.append(diag("SMM008", f"the file has more than {MAX_BYTES // 1024 // 1024} MiB",
                        Position(name)))
        return empty, out
    if path.suffix.lower() in XLSX:
        return _read_xlsx(path, name, out), out
    text, encoding = decode(data, name, out)
    if text is None:
        return empty, out
    if "\x00" in text:
        at = _position(text, text.index("\x00"), name)
        out.append(diag("SMM008", "the file holds a NUL byte: it is not a text spreadsheet",
                        at, help="save the sheet as CSV"))
        return empty, out
    separator = sniff(text)
    rows = list(_records(text, separator, name, out))
    return Table(name, tuple(rows), separator, encoding), out


def decode(data: bytes, name: str, out: list[Diagnostic]) -> tuple[str | None, str]:
    """The file's text with line ends as read, and the encoding it was read in."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) >= 4 and data[1:64:2].count(0) * 2 >= len(data[1:64:2]) and data[0] != 0:
        encoding = "utf-16-le"  # UTF-16 without a BOM: every other byte is NUL
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding.startswith("utf-16"):
            out.append(diag("SMM008", f"the file starts as UTF-16 but byte {exc.start + 1} is "
                            "not", Position(name), help="save the sheet again as CSV UTF-8"))
            return None, encoding
        bad = exc.start
    before = data[:bad].decode("utf-8", "replace")
    at = _position(before, len(before), name)
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        text = data.decode("latin-1")
        encoding = "latin-1"
    out.append(diag("SMM008", f"the file is not UTF-8 (byte 0x{data[bad]:02X}); read as "
                    f"{'Windows-1252' if encoding == 'cp1252' else 'latin-1'}", at,
                    severity="warning",
                    help="check accented letters in what would be written, or save the sheet "
                    "as \"CSV UTF-8\""))
    return text, encoding


def sniff(text: str) -> str:
    """The separator: the most frequent of ``,`` ``;`` tab outside quotes on the first line."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for ch in text[:65536]:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        elif ch in counts and not quoted:
            counts[ch] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])  # ties keep the first: ","
    return best if counts[best] else ","


def _records(text: str, separator: str, name: str, out: list[Diagnostic]) -> Iterator[Row]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = io.StringIO(text)
    reader = csv.reader(lines, delimiter=separator, quotechar='"', doublequote=True,
                        skipinitialspace=False, strict=False)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            out.append(diag("SMM008", f"the file cannot be read from here on: {exc}",
                            Position(name, start, 1),
                            help="a quote that is never closed makes the rest of the file one "
                            "cell; close it, or save the sheet again as CSV"))
            return
        line = start
        start = reader.line_num + 1
        if any(c.strip() for c in cells):
            yield Row(line, tuple(cells))


def _position(text: str, offset: int, name: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(name, line, 1)


def _read_xlsx(path: Path, name: str, out: list[Diagnostic]) -> Table:
    import warnings
    import zipfile

    import openpyxl

    empty = Table(name, (), ",", "xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(i.file_size for i in archive.infolist())
        if unpacked > MAX_UNPACKED:
            out.append(diag("SMM008", f"the workbook unpacks to {unpacked / 1024 / 1024:.0f} "
                            f"MiB; import reads at most {MAX_UNPACKED // 1024 // 1024} MiB",
                            Position(name), help="save the sheet as CSV"))
            return empty
        with warnings.catch_warnings():  # openpyxl warns about styles it ignores
            warnings.simplefilter("ignore")
            saved = openpyxl.load_workbook(path, read_only=True, data_only=True)
            formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            sheets = saved.sheetnames
            found = _xlsx_rows(saved[sheets[0]], formulas[sheets[0]])
            rows = [Row(i, cells) for i, cells in enumerate(found, 1)
                    if any(c.strip() for c in cells)]
        finally:
            saved.close()
            formulas.close()
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        out.append(diag("SMM008", f"not a workbook that can be read: {exc}", Position(name),
                        help="save the sheet again as .xlsx, or as CSV"))
        return empty
    if len(sheets) > 1:
        out.append(diag("SMM008", f"read the first sheet {sheets[0]!r}; the workbook also has "
                        + ", ".join(repr(s) for s in sheets[1:]), Position(name),
                        severity="info", help="import another sheet by saving it as CSV"))
    return Table(name, tuple(rows), ",", "xlsx")


def _xlsx_rows(saved: object, formulas: object) -> Iterator[tuple[str, ...]]:
    # from A1 whatever the sheet's recorded dimensions, so that lines and columns are the sheet's
    for values, sources in zip(
            saved.iter_rows(min_row=1, min_col=1, values_only=True),  # type: ignore[attr-defined]
            formulas.iter_rows(min_row=1, min_col=1,  # type: ignore[attr-defined]
                               values_only=True), strict=False):
        yield tuple(_xlsx_text(v if v is not None else s) for v, s in zip(values, sources,
                                                                         strict=False))


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M" if value.time() != dt.time(0) else "%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

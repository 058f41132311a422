"""Reading a spreadsheet (CSV in UTF-8 or UTF-16, or an ``.xlsx`` workbook) into rows of text
cells that remember their line, so that every diagnostic can point at a cell.

Nothing here raises for a bad file: :func:`read_table` returns the rows or one SMM008 saying why
the file cannot be read. Files are bounded (:data:`MAX_EXPORT_BYTES`): a year of a busy
account's posts is well under a megabyte, so a file of tens of megabytes is the wrong file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..model import Position

MAX_EXPORT_BYTES = 32 * 1024 * 1024
"""A platform export larger than this is refused with a diagnostic (32 MiB)."""
MAX_DATA_BYTES = 16 * 1024 * 1024
"""A ``data/`` file of the plan larger than this is refused (16 MiB: 200,000 metrics rows)."""

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the legacy binary .xls container


@dataclass(frozen=True)
class Row:
    line: int
    """File line (1-based) on which the row starts; the row number in a workbook."""
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    file: str
    """The name diagnostics carry: plan-relative for plan files, as given for exports."""
    rows: tuple[Row, ...]
    """Every non-blank row, the header rows included."""

    def at(self, row: Row | int, column: int = 0) -> Position:
        """Position of the cell in ``column`` (0-based) of ``row`` (a row or a line number)."""
        line = row.line if isinstance(row, Row) else row
        return Position(self.file, line, column + 1)


def read_table(path: Path, name: str, limit: int) -> Table | Diagnostic:
    """The rows of the CSV or ``.xlsx`` file at ``path``, or the SMM008 that says why not."""
    where = Position(name)
    try:
        size = os.stat(path).st_size
        if size > limit:
            return diag("SMM008", f"file is {size:,} bytes, over the limit of {limit:,} "
                        f"({limit // (1024 * 1024)} MiB); it is not read", where,
                        help="export a shorter period (one month at a time) and import each "
                             "file")
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        return diag("SMM008", f"cannot read the file: {exc.strerror or exc}", where)
    if len(data) > limit:  # it grew since stat()
        return diag("SMM008", f"file is over the limit of {limit:,} bytes; it is not read", where)
    if data.startswith(_ZIP):
        return _workbook(data, name)
    if data.startswith(_OLE):
        return diag("SMM008", "a legacy binary .xls workbook: it is not read", where,
                    help="open it in a spreadsheet and save it as .xlsx or as CSV (UTF-8)")
    text = _decode(data, name)
    if isinstance(text, Diagnostic):
        return text
    return Table(name, tuple(_csv_rows(text)))


def _decode(data: bytes, name: str) -> str | Diagnostic:
    # Meta's page exports are UTF-16 with a BOM, the content exports UTF-8 with a BOM
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return diag("SMM008", "file starts like UTF-16 but is not", Position(name))
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _line_col(data, nul)
        return diag("SMM008", "file contains a NUL byte: not a CSV text file",
                    Position(name, line, col),
                    help="export the data as CSV, or save the workbook as .xlsx")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return diag("SMM008", f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
                    Position(name, line, col), help="save the file as CSV UTF-8")
    return text.removeprefix("\ufeff")


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[start:].decode("utf-8", "replace")) + 1


def _csv_rows(text: str) -> list[Row]:
    lines = text.splitlines(keepends=True)
    skip = 0
    delimiter = None
    # Excel's "sep=," hint line, which Meta's page-level exports start with
    if lines and lines[0].strip().lower().startswith("sep=") and len(lines[0].strip()) == 5:
        delimiter = lines[0].strip()[4]
        skip = 1
    body = "".join(lines[skip:])
    if delimiter is None:
        delimiter = _sniff(lines[skip:skip + 5])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter, strict=False)
    out = []
    line = skip + 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                out.append(Row(line, tuple(c.strip() for c in cells)))
            line = skip + reader.line_num + 1
    except csv.Error:  # only a field over csv's size limit gets here; keep what was read
        pass
    return out


def _sniff(lines: Sequence[str]) -> str:
    """The delimiter the first lines use most, outside quotes: `,`, `;` or a tab."""
    counts = dict.fromkeys(",;\t", 0)
    for text in lines:
        quoted = False
        for ch in text:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch in counts:
                counts[ch] += 1
    return max(counts, key=lambda ch: (counts[ch], ch == ","))


def _workbook(data: bytes, name: str) -> Table | Diagnostic:
    """The first sheet of an ``.xlsx`` workbook, each row's cells as text."""
    import openpyxl  # only exports saved as workbooks need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return diag("SMM008", f"not a readable .xlsx workbook ({exc})", Position(name),
                    help="save it again as .xlsx, or as CSV (UTF-8)")
    try:
        sheet = book.worksheets[0]
        out = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = tuple(_cell_text(v) for v in values)
            if any(cells):
                out.append(Row(number, cells))
    finally:
        book.close()
    return Table(name, tuple(out))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()

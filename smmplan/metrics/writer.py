"""Writing imported numbers to ``data/metrics/<platform>-<YYYY-MM>.csv`` without losing a byte.

A new file is created exclusively (never over one that appeared meanwhile). An existing file is
only ever extended: its bytes stay as they are and the new rows are appended in its own column
order, written to a temporary file first and moved into place, so an interrupted write leaves
the old file whole. Rows for an occurrence the plan already has numbers for are not written at
all (the caller reports them): to replace numbers, delete the old row first. A file whose header
lacks a column the new rows need is left alone and the rows are refused, since adding a column
would rewrite every line the user wrote.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic
from .data import METRICS_COLUMNS, METRICS_DIR
from .table import MAX_DATA_BYTES, read_table


@dataclass(frozen=True)
class NewRow:
    post: str
    channel: str
    date: dt.date
    values: Mapping[str, int]
    source_line: int
    """The export line it came from, for messages."""

    def cells(self, columns: Sequence[str]) -> list[str]:
        fixed = {"post": self.post, "channel": self.channel, "date": self.date.isoformat()}
        return [fixed.get(c) or (str(self.values[c]) if c in self.values else "")
                for c in columns]


@dataclass(frozen=True)
class PlannedFile:
    path: str
    """Plan-relative, ``/``-separated."""
    rows: tuple[NewRow, ...]
    exists: bool
    refused: str | None = None
    """Why nothing is written to this file, if so."""


class WriteError(Exception):
    """The file system refused (full disk, read-only folder): one message for the user."""


def plan_files(root: Path, platform: str, rows: Iterable[NewRow]) -> list[PlannedFile]:
    """Where ``rows`` go: one file per month of the occurrence date."""
    by_file: dict[str, list[NewRow]] = defaultdict(list)
    for row in rows:
        by_file[f"{METRICS_DIR}/{platform}-{row.date:%Y-%m}.csv"].append(row)
    out = []
    for path, group in sorted(by_file.items()):
        full = root / path
        refused = None
        if full.exists() or full.is_symlink():
            columns = _header(full, path)
            if isinstance(columns, str):
                refused = columns
            elif columns:
                needed = {"post", "channel", "date"} | {m for r in group for m in r.values}
                lacking = sorted(needed - set(columns), key=METRICS_COLUMNS.index)
                if lacking:
                    refused = (f"{path} has no column {', '.join(lacking)}; add it to the "
                               "file's first line or move the file away, then import again")
        out.append(PlannedFile(path, tuple(group), full.exists(), refused))
    return out


def _header(full: Path, path: str) -> tuple[str, ...] | str:
    """The columns of the existing file (none for an empty file), or why it cannot be read."""
    table = read_table(full, path, MAX_DATA_BYTES)
    if isinstance(table, Diagnostic):
        return f"{path} cannot be read: {table.message}"
    return tuple(c.strip().lower() for c in table.rows[0].cells) if table.rows else ()


def write(root: Path, planned: PlannedFile) -> None:
    """Create or extend one file as planned (``refused`` files are skipped by the caller)."""
    full = root / planned.path
    try:
        full.parent.mkdir(parents=True, exist_ok=True)
        if not planned.exists:
            with open(full, "x", encoding="utf-8", newline="") as stream:
                stream.write(_lines(METRICS_COLUMNS, planned.rows, header=True))
            return
        old = full.read_bytes()
        header = _header(full, planned.path)
        if isinstance(header, str):  # it changed since plan_files() looked
            raise WriteError(header)
        glue = b"" if not old or old.endswith(b"\n") else b"\n"
        lines = _lines(header or METRICS_COLUMNS, planned.rows, header=not header)
        new = old + glue + lines.encode("utf-8")
        fd, tmp = tempfile.mkstemp(dir=full.parent, prefix=".smmplan-", suffix=".csv")
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(new)
            os.replace(tmp, full)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except FileExistsError:
        raise WriteError(f"{planned.path} appeared while importing; nothing written to it, "
                         "import again") from None
    except OSError as exc:
        raise WriteError(f"cannot write {planned.path}: {exc.strerror or exc}") from None


def _lines(columns: Sequence[str], rows: Iterable[NewRow], *, header: bool) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(columns)
    for row in rows:
        writer.writerow(row.cells(columns))
    return buffer.getvalue()

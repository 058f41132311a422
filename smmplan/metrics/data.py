"""The plan's metrics files: ``data/metrics/*.csv`` (numbers per post, channel and occurrence
date) and ``data/audience.csv`` (follower counts per channel and day), read with the position of
every cell. What a file says about the rest of the plan (an unknown post, a future occurrence) is
judged in :mod:`smmplan.metrics.checks`; here only the file itself is read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, did_you_mean
from ..files import inside, rel, walk
from ..model import Position
from .exports import parse_count
from .names import ALL
from .table import MAX_DATA_BYTES, Row, Table, read_table

METRICS_DIR = "data/metrics"
AUDIENCE_FILE = "data/audience.csv"
METRICS_COLUMNS = ("post", "channel", "date", *ALL)
AUDIENCE_COLUMNS = ("channel", "date", "followers")

_EMPTY: Mapping[str, Position] = MappingProxyType({})


@dataclass(frozen=True)
class MetricRecord:
    """The numbers of one post on one channel (for one occurrence date, if given)."""

    post: str
    channel: str | None
    """None: front matter of a single-channel post, whose channel is the post's."""
    date: dt.date | None
    values: Mapping[str, int]
    at: Position
    """The row (column 1), or the ``metrics`` key of the front matter."""
    cells: Mapping[str, Position] = field(default_factory=lambda: _EMPTY)
    """Where each column's value stands."""

    def cell(self, column: str) -> Position:
        return self.cells.get(column, self.at)


@dataclass(frozen=True)
class AudienceRecord:
    channel: str
    date: dt.date
    followers: int
    at: Position
    cells: Mapping[str, Position] = field(default_factory=lambda: _EMPTY)

    def cell(self, column: str) -> Position:
        return self.cells.get(column, self.at)


def load_metrics(root: Path, out: list[Diagnostic]) -> tuple[MetricRecord, ...]:
    """Every row of every ``data/metrics/*.csv``, in path and line order."""
    records: list[MetricRecord] = []
    for path in walk(root, METRICS_DIR, (".csv",), out, recursive=False):
        table = _table(root, path, out)
        if table is None:
            continue
        columns = _columns(table, METRICS_COLUMNS, ("post", "channel"), out)
        if columns is None:
            continue
        for row in table.rows[1:]:
            record = _metric_row(table, columns, row, out)
            if record is not None:
                records.append(record)
    return tuple(records)


def load_audience(root: Path, out: list[Diagnostic]) -> tuple[AudienceRecord, ...]:
    """The rows of ``data/audience.csv`` (none if there is no such file)."""
    path = root / AUDIENCE_FILE
    if not path.exists() and not path.is_symlink():
        return ()
    table = _table(root, path, out)
    if table is None:
        return ()
    columns = _columns(table, AUDIENCE_COLUMNS, AUDIENCE_COLUMNS, out)
    if columns is None:
        return ()
    records = []
    for row in table.rows[1:]:
        channel = _id(table, columns, row, "channel", out)
        day = _date(table, columns, row, out)
        count = _count(table, columns, row, "followers", out)
        for name, value in (("date", day), ("followers", count)):
            if value is None and not _text(row, columns[name]):
                out.append(diag("SMM002", f"{name} is missing", table.at(row, columns[name])))
        if channel is not None and day is not None and count is not None:
            records.append(AudienceRecord(channel, day, count, table.at(row),
                                          _cells(table, columns, row)))
    return tuple(records)


def _table(root: Path, path: Path, out: list[Diagnostic]) -> Table | None:
    name = rel(root, path)
    if not inside(root, path):
        out.append(diag("SMM008", "a link leading outside the plan; it is not read",
                        Position(name)))
        return None
    table = read_table(path, name, MAX_DATA_BYTES)
    if isinstance(table, Diagnostic):
        out.append(table)
        return None
    return table


def _columns(table: Table, known: tuple[str, ...], required: tuple[str, ...],
             out: list[Diagnostic]) -> dict[str, int] | None:
    """Column name -> index from the header row; None (reported) without the required ones."""
    if not table.rows:
        return None
    header = table.rows[0]
    columns: dict[str, int] = {}
    for i, raw in enumerate(header.cells):
        name = raw.strip().lower()
        if name in columns:
            out.append(diag("SMM003", f"column '{name}' appears twice; the first one is read",
                            table.at(header, i)))
        elif name in known:
            columns[name] = i
        else:
            out.append(diag("SMM004", f"unknown column '{raw}'{did_you_mean(name, known)}",
                            table.at(header, i),
                            help="columns: " + ", ".join(known)))
    missing = [c for c in required if c not in columns]
    if missing:
        out.append(diag("SMM002", "missing column" + ("s " if len(missing) > 1 else " ")
                        + ", ".join(missing), table.at(header),
                        help="the first line names the columns: " + ",".join(known)))
        return None
    return columns


def _text(row: Row, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


class _Cells(Mapping[str, Position]):
    """Where each column's cell of one row stands, made on demand: most rows never need one."""

    __slots__ = ("_columns", "_file", "_line")

    def __init__(self, file: str, line: int, columns: dict[str, int]) -> None:
        self._file, self._line, self._columns = file, line, columns

    def __getitem__(self, name: str) -> Position:
        return Position(self._file, self._line, self._columns[name] + 1)

    def __iter__(self) -> Iterator[str]:
        return iter(self._columns)

    def __len__(self) -> int:
        return len(self._columns)


def _cells(table: Table, columns: dict[str, int], row: Row) -> Mapping[str, Position]:
    return _Cells(table.file, row.line, columns)


def _id(table: Table, columns: dict[str, int], row: Row, name: str,
        out: list[Diagnostic]) -> str | None:
    value = _text(row, columns[name])
    if not value:
        out.append(diag("SMM002", f"{name} is missing", table.at(row, columns[name])))
        return None
    if not ID_RE.match(value):
        out.append(diag("SMM003", f"{name} {value!r} is not an id (lower-case letters, digits "
                        "and dashes)", table.at(row, columns[name])))
        return None
    return value


def _date(table: Table, columns: dict[str, int], row: Row,
          out: list[Diagnostic]) -> dt.date | None:
    if "date" not in columns:
        return None
    value = _text(row, columns["date"])
    if not value:
        return None
    try:
        if len(value) != 10:  # fromisoformat would also take 20261201
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        out.append(diag("SMM003", f"date {value!r} is not a date YYYY-MM-DD",
                        table.at(row, columns["date"])))
        return None


def _count(table: Table, columns: dict[str, int], row: Row, name: str,
           out: list[Diagnostic]) -> int | None:
    value = _text(row, columns[name])
    if not value:
        return None
    if value.isdigit() and value.isascii():
        return int(value)
    problem = parse_count(value)
    reason = problem if isinstance(problem, str) else f"{value!r} has separators"
    out.append(diag("SMM003", f"{name}: {reason}; a count is a whole number ≥ 0 written "
                    "with digits only", table.at(row, columns[name])))
    return None


def _metric_row(table: Table, columns: dict[str, int], row: Row,
                out: list[Diagnostic]) -> MetricRecord | None:
    before = len(out)
    post = _id(table, columns, row, "post", out)
    channel = _id(table, columns, row, "channel", out)
    day = _date(table, columns, row, out)
    values = {}
    for metric in ALL:
        if metric in columns:
            number = _count(table, columns, row, metric, out)
            if number is not None:
                values[metric] = number
    if post is None or channel is None or len(out) > before:
        return None
    return MetricRecord(post, channel, day, MappingProxyType(values), table.at(row),
                        _cells(table, columns, row))

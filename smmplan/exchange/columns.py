"""The columns of an exchanged calendar (SPEC §6.1): each field, the headers that name it in
English and Indonesian, and how a header row is matched to them."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..diagnostics import Diagnostic, diag
from ..fields import did_you_mean
from .table import Row, Table


@dataclass(frozen=True)
class Column:
    field: str
    """The post's front-matter key; ``time``, ``caption``, ``weekday`` and ``number`` are
    not keys."""
    headers: tuple[str, ...]
    """Header texts that name this column, lower-case; the first is the English one that
    ``export csv`` writes."""
    many: bool = False
    """A list: several values in one cell."""
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", ("id",)),
    Column("title", ("title", "judul"), required=True),
    Column("date", ("date", "tanggal"), required=True),
    Column("time", ("time", "jam", "waktu")),
    Column("channel", ("channel", "channels", "kanal", "platform"), many=True, required=True),
    Column("pillar", ("pillar", "pilar"), required=True),
    Column("status", ("status",)),
    Column("format", ("format",)),
    Column("personas", ("personas", "persona"), many=True),
    Column("campaign", ("campaign", "kampanye")),
    Column("author", ("author", "penulis")),
    Column("editor", ("editor",)),
    Column("tags", ("tags", "tag"), many=True),
    Column("link", ("link", "tautan")),
    Column("media", ("media",), many=True),
    Column("repeat", ("repeat", "ulang", "berulang")),
    Column("published", ("published", "permalink", "tautan terbit", "url terbit")),
    Column("caption", ("caption", "keterangan", "teks", "copy"), required=True),
    # not written to the post: a day name is checked against the date, a row number ignored
    Column("weekday", ("day", "hari", "weekday")),
    Column("number", ("no", "nomor", "#", "no.")),
)
#: The fields ``export csv`` writes, in order: the time goes in the date cell.
EXPORTED = tuple(c.field for c in COLUMNS if c.field not in ("time", "weekday", "number"))
BY_FIELD: Mapping[str, Column] = {c.field: c for c in COLUMNS}
BY_HEADER: Mapping[str, Column] = {h: c for c in COLUMNS for h in c.headers}
#: The rows a header row is looked for in: sheets often open with a title line or two.
HEADER_SEARCH = 10


def normal(header: str) -> str:
    """A header as matched: case and spacing ignored, a trailing ``*``, ``:`` or parenthesised
    hint (``Tanggal (dd/mm/yyyy)``) dropped."""
    text = re.sub(r"\s*\([^)]*\)\s*$", "", header.strip().casefold())
    return re.sub(r"[\s_]+", " ", text).strip(" *:")


@dataclass(frozen=True)
class Layout:
    """Where each field stands in the sheet."""

    header: Row
    """The header row."""
    index: Mapping[str, int]
    """Field -> 0-based cell index."""
    missing: tuple[str, ...]
    """Required fields with no column."""


def field_of(name: str) -> str | None:
    """The field a ``--map`` target names (a field or any of its headers); ``""`` ignores."""
    if name.strip() == "":
        return ""
    found = BY_HEADER.get(normal(name))
    return found.field if found else None


def layout(table: Table, mapping: Mapping[str, str], out: list[Diagnostic]) -> Layout | None:
    """Match the header row to the fields. ``mapping``: ``--map`` (normalised header -> field,
    ``""`` to ignore a column). None when the file has no rows at all."""
    if not table.rows:
        return None
    header = header_row(table.rows, mapping)
    index: dict[str, int] = {}
    for i, text in enumerate(header.cells):
        key = normal(text)
        if key == "" and not any(r.cell(i).strip() for r in table.rows):
            continue
        field = mapping[key] if key in mapping else (BY_HEADER[key].field if key in BY_HEADER
                                                     else None)
        at = table.at(header, i)
        if field == "":
            continue
        if field is None:
            shown = text.strip() or f"column {i + 1}"
            out.append(diag("SMM004", f"column {shown!r} is not a field of a post; its cells "
                            "are not imported" + did_you_mean(key, BY_HEADER), at,
                            help=f"name its field with --map '{text.strip()}=FIELD', or leave "
                            f"it out with --map '{text.strip()}='"))
            continue
        if field in index:
            first = index[field]
            out.append(diag("SMM003", f"column {text.strip()!r} holds the {field} like column "
                            f"{first + 1} ({header.cell(first).strip()!r}); only the first is "
                            "read", at, help="rename or remove one of them"))
            continue
        index[field] = i
    missing = tuple(c.field for c in COLUMNS if c.required and c.field not in index)
    for field in missing:
        names = " / ".join(BY_FIELD[field].headers)
        out.append(diag("SMM002", f"no column for the {field} ({names}): no row can be "
                        "imported", table.at(header, 0),
                        help=f"add the column, or name an existing one with --map "
                        f"'COLUMN={field}'"))
    return Layout(header, index, missing)


def header_row(rows: Sequence[Row], mapping: Mapping[str, str]) -> Row:
    """The first of the first rows that names two known columns, else the first row."""
    for row in rows[:HEADER_SEARCH]:
        known = sum(1 for c in row.cells if normal(c) in BY_HEADER or normal(c) in mapping)
        if known >= 2:
            return row
    return rows[0]

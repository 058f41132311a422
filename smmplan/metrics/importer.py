"""``smmplan metrics import``: a platform's analytics export turned into rows of
``data/metrics/<platform>-<YYYY-MM>.csv`` for the occurrences it matches.

:func:`import_export` reads and matches without touching the plan; :func:`write_files` writes
what it planned. Rows for an occurrence that already has numbers are not written (SMM005, naming
where the numbers are); unmatched rows are listed with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..model import Plan, Position
from .data import MetricRecord
from .exports import Export, read_export
from .matching import Match, Occurrence, Unmatched, match
from .table import MAX_EXPORT_BYTES, Table, read_table
from .writer import NewRow, PlannedFile, plan_files, write


@dataclass(frozen=True)
class ImportResult:
    platform: str
    export: Export | None
    channels: tuple[str, ...]
    matched: tuple[Match, ...]
    unmatched: tuple[Unmatched, ...]
    files: tuple[PlannedFile, ...]
    diagnostics: tuple[Diagnostic, ...]


def import_export(plan: Plan, file: Path, name: str, platform: str,
                  occurrences: Sequence[Occurrence], recorded: Iterable[MetricRecord], *,
                  tz: dt.tzinfo | None = None, channels: Sequence[str] = ()) -> ImportResult:
    """Read ``file`` (shown as ``name``) as ``platform``'s export and match it to
    ``occurrences`` on ``channels`` (default: every channel of that platform). ``recorded`` are
    the numbers the plan already holds. Naive export times are read in ``tz`` (default: the
    plan timezone)."""
    out: list[Diagnostic] = []
    wanted = tuple(channels) or tuple(
        cid for cid, ch in plan.settings.channels.items() if ch.platform == platform)
    table = read_table(file, name, MAX_EXPORT_BYTES)
    if isinstance(table, Diagnostic):
        return ImportResult(platform, None, wanted, (), (), (), (table,))
    if not wanted:
        out.append(diag("SMM006", f"no channel in guidelines/rules.yml has platform {platform}",
                        plan.settings.at("channels"),
                        help=f"add a channel with `platform: {platform}`, or name one with "
                             "--channel"))
        return ImportResult(platform, None, wanted, (), (), (), tuple(out))
    export = read_export(table, platform, tz or plan.tz, out)
    if export is None:
        return ImportResult(platform, None, wanted, (), (), (), tuple(out))
    matched, unmatched = match(export.rows, occurrences, wanted)
    for u in unmatched:
        if u.duplicate_of is not None:
            out.append(diag("SMM005", f"this row matches the same occurrence as line "
                            f"{u.duplicate_of}: {u.reason.split(' already matched ')[1]}",
                            table.at(u.row.line)))
    rows = _new_rows(table, matched, recorded, out)
    files = tuple(plan_files(Path(plan.root), platform, rows))
    for f in files:
        if f.refused:
            out.append(diag("SMM003", f.refused, Position(f.path)))
    return ImportResult(platform, export, wanted, tuple(matched),
                        tuple(u for u in unmatched if u.duplicate_of is None), files,
                        tuple(sorted(out, key=Diagnostic.sort_key)))


def _new_rows(table: Table, matched: Iterable[Match], recorded: Iterable[MetricRecord],
              out: list[Diagnostic]) -> list[NewRow]:
    known: dict[tuple[str, str | None, dt.date | None], MetricRecord] = {}
    for r in recorded:
        known.setdefault((r.post, r.channel, r.date), r)
    rows = []
    for m in matched:
        occ = m.occurrence
        earlier = (known.get((occ.post, occ.channel, occ.day))
                   or known.get((occ.post, occ.channel, None)))
        if earlier is not None:
            where = f"{earlier.at.file}:{earlier.at.line}"
            out.append(diag("SMM005", f"{occ.post} on {occ.channel} ({occ.day}) already has "
                            f"numbers at {where}; this row is not written",
                            table.at(m.row.line),
                            help=f"to replace them, delete the row at {where} and import "
                                 "again"))
            continue
        if not m.row.values:
            continue
        rows.append(NewRow(occ.post, occ.channel, occ.day, m.row.values, m.row.line))
    return rows


def write_files(root: Path, result: ImportResult) -> list[PlannedFile]:
    """Write every file the import planned and did not refuse; the files written."""
    done = []
    for planned in result.files:
        if planned.refused is None and planned.rows:
            write(root, planned)
            done.append(planned)
    return done

"""What ``smmplan metrics import`` prints: the rows matched, the rows left unmatched (with the
reason) and the files written or to be written."""

from __future__ import annotations

from .importer import ImportResult


def as_text(result: ImportResult, *, written: bool) -> str:
    lines = []
    export = result.export
    if export is None:
        return ""
    total = len(result.matched) + len(result.unmatched)
    lines.append(f"{export.file}: {export.format.title}, {len(export.rows)} rows; "
                 f"{len(result.matched)} matched, {len(result.unmatched)} unmatched "
                 f"(channels: {', '.join(result.channels)})")
    if result.matched:
        lines += ["", "Matched:"]
        for m in result.matched:
            occ = m.occurrence
            lines.append(f"  line {m.row.line}: {occ.post} on {occ.channel} "
                         f"{occ.start:%Y-%m-%d %H:%M}, by {m.by}")
    if result.unmatched:
        lines += ["", "Unmatched (not imported):"]
        for u in result.unmatched:
            what = f" {u.row.text!r}" if u.row.text else ""
            link = f" {u.row.permalink}" if u.row.permalink else ""
            lines.append(f"  line {u.row.line}:{what}{link}: {u.reason}")
    files = [f for f in result.files if f.rows and f.refused is None]
    if files:
        lines.append("")
        verb = "Wrote" if written else "Would write"
        for f in files:
            state = "appended to" if f.exists else "new file"
            rows = f"{len(f.rows)} row{'s' * (len(f.rows) != 1)}"
            lines.append(f"{verb} {f.path} ({rows}, {state})")
        if not written:
            lines.append("Nothing was written: run again with --write to write these files.")
    elif total:
        lines += ["", "Nothing to write."]
    return "\n".join(lines) + "\n"

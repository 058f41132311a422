"""A calendar diff (:mod:`smmplan.diff`) as Markdown for a pull request."""

from __future__ import annotations

from collections.abc import Iterable

from ..calendar import percent, setting_percent, share
from ..diagnostics import Diagnostic
from ..diff import CalendarDiff, Change, SettingChange, WeekChange, when
from ..model import Post
from .markdown import escape

NO_CHANGE = "no calendar change\n"
_ARROW = " → "


def _label(post: Post) -> str:
    return f"{escape(post.title)} (`{post.id}`)"


def _channels(post: Post) -> str:
    return ", ".join(post.channels)


def _change(c: Change) -> str:
    if c.field == "caption":
        return "caption edited"
    if c.field == "also":
        return f"also: {c.after}"
    if c.field in ("title", "file", "repeat"):
        return f"{c.field}: {escape(c.before)}{_ARROW}{escape(c.after)}"
    return f"{c.field}: {c.before}{_ARROW}{c.after}"


def _setting(c: SettingChange) -> list[str]:
    if c.kind == "unusable":
        return ["**guidelines/rules.yml cannot be used in the new revision**: its rules were not "
                "applied, so problems listed as fixed may only have gone unchecked"]
    if c.kind == "timezone":
        return ["every post keeps its written local time, so each one now goes out at "
                "another instant"]
    if c.kind != "changed":
        return [f"{escape(c.key)} {c.kind}"]
    changed = [(attr, f"{escape(a)}{_ARROW}{escape(b)}") for attr, a, b in c.attributes]
    if c.key == "plan":  # the plan's own settings read best one per line
        return [f"{escape(attr)}: {what}" for attr, what in changed]
    return [f"{escape(c.key)}: " + "; ".join(f"{escape(attr)} {what}" for attr, what in changed)]


def _cell(old: object, new: object) -> str:
    return str(new) if old == new else f"{old}{_ARROW}{new}"


def _share(count: int, total: int) -> str:
    return percent(share(count, total)) if total else "–"


def _week(d: CalendarDiff, w: WeekChange) -> list[str]:
    lines = ["", f"#### {w.week.label} ({w.week.start.isoformat()} – {w.week.end.isoformat()})",
             ""]
    heads = []
    for pid in d.pillars:
        target = d.targets.get(pid)
        heads.append(pid if target is None else f"{pid} {setting_percent(target)}")
    lines.append("| channel | posts | busiest day | " + " | ".join(heads) + " |")
    lines.append("| --- " * (3 + len(d.pillars)) + "|")
    for c, a, b in w.channels:
        cells = [_cell(a.posts, b.posts), _cell(a.busiest, b.busiest)]
        cells += [_cell(a.pillar(p), b.pillar(p)) for p in d.pillars]
        lines.append(f"| {c} | " + " | ".join(cells) + " |")
    total_o = sum(s.posts for s in w.before)
    total_n = sum(s.posts for s in w.after)
    shares = [_cell(_share(sum(s.pillar(p) for s in w.before), total_o),
                    _share(sum(s.pillar(p) for s in w.after), total_n)) for p in d.pillars]
    lines.append(f"| all channels | {_cell(total_o, total_n)} |  | " + " | ".join(shares) + " |")
    return lines


def _diag_line(d: Diagnostic) -> str:
    return (f"- **{d.severity}** {d.code} {d.name}: {escape(d.message)} "
            f"({escape(d.file)}:{d.line}:{d.column})")


def _post_table(posts: Iterable[Post]) -> list[str]:
    lines = ["| post | when | channel | pillar | status |", "| --- | --- | --- | --- | --- |"]
    for p in posts:
        lines.append(f"| {_label(p)} | {when(p)} | {_channels(p)} | {p.pillar} | {p.status} |")
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def markdown(d: CalendarDiff) -> str:
    """Markdown for a pull request; exactly :data:`NO_CHANGE` when nothing differs."""
    if d.empty:
        return NO_CHANGE
    counts = [f"{len(d.added)} added", f"{len(d.removed)} removed", f"{len(d.changed)} changed"]
    if d.broken:
        counts.append(f"{len(d.broken)} unreadable")
    total = len(d.added) + len(d.removed) + len(d.changed) + len(d.broken)
    lines = ["## Calendar change", "",
             f"{_plural(total, 'post')}: " + ", ".join(counts)
             + f" · problems: {len(d.introduced)} introduced, {len(d.fixed)} fixed"]
    if d.rules:
        lines += ["", "### Rules changed (guidelines/rules.yml)", "",
                  *(f"- {line}" for c in d.rules for line in _setting(c))]
    if d.broken:
        lines += ["", "### Could not be read", "",
                  "These posts are still in the plan but their files no longer load, so they "
                  "are left out of the calendar until fixed:", ""]
        lines += [f"- {_label(p)}: {g.code} {escape(g.message)} "
                  f"({escape(g.file)}:{g.line}:{g.column})" for p, g in d.broken]
    if d.added:
        lines += ["", "### Added", "", *_post_table(d.added)]
    if d.removed:
        lines += ["", "### Removed", "", *_post_table(d.removed)]
    if d.changed:
        lines += ["", "### Changed", "", "| post | change |", "| --- | --- |"]
        for c in d.changed:
            lines.append(f"| {_label(c.after)} | " + "<br>".join(map(_change, c.changes)) + " |")
    if d.weeks:
        lines += ["", "### Weeks affected", "",
                  "Posts per channel (ideas and cancelled posts do not count), the busiest day, "
                  "and the pillar mix; `a → b` is before → after."]
        for w in d.weeks:
            lines += _week(d, w)
    if d.introduced:
        lines += ["", "### Problems introduced", "", *map(_diag_line, d.introduced)]
    if d.fixed:
        lines += ["", "### Problems fixed", "", *map(_diag_line, d.fixed)]
    return "\n".join(lines) + "\n"

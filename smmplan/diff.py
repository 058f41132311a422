"""What a change does to the calendar: two git revisions of a plan compared, as data.

Reading: each revision's plan files are read straight from the object database (``git ls-tree``
and one ``git cat-file --batch``) into a private temporary folder, never by checking out the work
tree, and loaded and checked like any plan. Comparing (:func:`calendar_diff`) is a pure function
of the two check results; :mod:`smmplan.render.diff` writes the result as Markdown. Posts are
matched by id, so a renamed or moved file is a change of ``file``, not a removal and an addition.
Weeks are counted from each revision's calendar (:mod:`smmplan.calendar`), as ``check`` counts.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .calendar import Window, calendar_of, window_of
from .check import CheckResult, check_loaded
from .diagnostics import Diagnostic, diag
from .load import load_plan
from .model import Plan, Position, Post, Settings

_LOAD_CODES = ("SMM001", "SMM002", "SMM003", "SMM008")

#: The parts of a repository that make up a plan (SPEC §1).
PLAN_PARTS = ("mkdocs.yml", "content", "personas", "guidelines")


class RevisionError(Exception):
    """A revision cannot be read: not a git repository, unknown revision, git missing."""


# --- reading revisions -------------------------------------------------------------------------

def _git(top: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(top), *args], input=data, capture_output=True,
                              check=False)
    except OSError as exc:
        raise RevisionError(f"cannot run git: {exc.strerror}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def repository(plan_root: Path) -> tuple[Path, str]:
    """The top folder of the git repository holding ``plan_root``, and the plan's path inside
    it (``""`` or ``"sub/dir/"``)."""
    try:
        out = _git(plan_root, "rev-parse", "--show-toplevel")
    except RevisionError:
        raise RevisionError(f"{plan_root} is not inside a git repository; `smmplan diff` "
                            "compares two commits") from None
    top = Path(out.decode("utf-8").strip()).resolve()
    inside = plan_root.resolve().relative_to(top).as_posix()
    return top, "" if inside == "." else inside + "/"


def resolve(top: Path, rev: str) -> str:
    """The commit id ``rev`` names."""
    try:
        out = _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except RevisionError:
        raise RevisionError(f"unknown revision {rev!r}: name a commit, branch or tag "
                            "(e.g. origin/main)") from None
    return out.decode("ascii").strip()


def export_revision(top: Path, commit: str, prefix: str, dest: Path) -> list[Diagnostic]:
    """Write the plan files of ``commit`` (under ``prefix``) into ``dest``.

    Only regular files are written. A symbolic link in the revision is followed inside the
    revision when it leads to another plan file, as the work tree's check would read it; a link
    leading anywhere else is reported (SMM008) and left out, so that nothing read from history
    can point outside ``dest``. Returns those diagnostics.
    """
    specs = [prefix + part for part in PLAN_PARTS]
    listing = _git(top, "ls-tree", "-r", "-z", "--full-tree", commit, "--", *specs)
    wanted: list[tuple[str, PurePosixPath, bool]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, oid = meta.decode("ascii").split(" ")
        if kind != "blob" or mode not in ("100644", "100755", "120000"):
            continue
        path = PurePosixPath(raw_path.decode("utf-8", "surrogateescape"))
        inner = PurePosixPath(*path.parts[len(PurePosixPath(prefix).parts):])
        if inner.is_absolute() or ".." in inner.parts or not inner.parts:
            continue
        wanted.append((oid, inner, mode == "120000"))
    if not wanted:
        return []
    stream = _git(top, "cat-file", "--batch", data="".join(f"{oid}\n" for oid, _, _ in wanted)
                  .encode("ascii"))
    blobs: dict[PurePosixPath, bytes] = {}
    links: dict[PurePosixPath, bytes] = {}
    at = 0
    for oid, inner, is_link in wanted:
        header_end = stream.index(b"\n", at)
        header = stream[at:header_end].decode("ascii").split(" ")
        if len(header) != 3 or header[0] != oid:
            raise RevisionError(f"git cat-file returned {header!r} for {oid}")
        size = int(header[2])
        (links if is_link else blobs)[inner] = stream[header_end + 1: header_end + 1 + size]
        at = header_end + 1 + size + 1
    found: list[Diagnostic] = []
    for inner, target in links.items():
        resolved = _follow(inner, target, links)
        if resolved is None or resolved not in blobs:
            found.append(diag("SMM008", "this link leads outside the plan; it is not read",
                              Position(inner.as_posix()),
                              help="copy the file into the plan instead of linking to it"))
        else:
            blobs[inner] = blobs[resolved]
    for inner, body in blobs.items():
        out = dest.joinpath(*inner.parts)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(body)
    return found


def _follow(link: PurePosixPath, target: bytes, links: dict[PurePosixPath, bytes]
            ) -> PurePosixPath | None:
    """Where a link of the revision leads, inside the plan, through at most 8 links."""
    for _ in range(8):
        text = target.decode("utf-8", "surrogateescape")
        if text.startswith("/"):
            return None
        parts: list[str] = list(link.parent.parts)
        for part in PurePosixPath(text).parts:
            if part == "..":
                if not parts:
                    return None
                parts.pop()
            elif part != ".":
                parts.append(part)
        if not parts:
            return None
        link = PurePosixPath(*parts)
        if link not in links:
            return link
        target = links[link]
    return None


def _scratch() -> str | None:
    """A memory-backed folder for the exported files where there is one: writing, reading and
    deleting 20,000 small files on disk costs several times the check itself."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else None


def check_revision(plan_root: Path, rev: str, today: dt.date | None = None) -> CheckResult:
    """Load and check the plan as it was in ``rev``."""
    top, prefix = repository(plan_root)
    commit = resolve(top, rev)
    with tempfile.TemporaryDirectory(prefix="smmplan-diff-", dir=_scratch()) as tmp:
        unread = export_revision(top, commit, prefix, Path(tmp))
        plan, found = load_plan(tmp)
        return check_loaded(plan, unread + found, today)


def diff_revisions(plan_root: Path, base: str, head: str = "HEAD",
                   today: dt.date | None = None) -> CalendarDiff:
    """The calendar diff of the plan at ``plan_root`` from ``base`` to ``head``."""
    top, _ = repository(plan_root)
    resolve(top, base)
    resolve(top, head)
    after = check_revision(plan_root, head, today)
    before = check_revision(plan_root, base, after.today)
    return calendar_diff(before, after)


# --- comparing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One changed fact of a post: ``field`` went from ``before`` to ``after`` (plain text).

    ``caption`` carries no texts (the caption was edited); ``also`` lists other changed keys in
    ``after``."""

    field: str
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class PostChange:
    before: Post
    after: Post
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class SettingChange:
    """A changed part of guidelines/rules.yml (``key``: ``plan``, ``mix``, ``channel x``...).

    ``kind`` is ``added``, ``removed`` or ``changed`` (with ``attributes``: name, before,
    after), ``unusable`` when the new rules.yml cannot be used, ``timezone`` after a change of
    the plan's timezone."""

    key: str
    kind: str
    attributes: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class WeekCounts:
    """Counts of one channel in one ISO week."""

    posts: int
    busiest: int
    """Most posts on one day."""
    pillars: tuple[tuple[str, int], ...]

    def pillar(self, pid: str) -> int:
        return dict(self.pillars).get(pid, 0)


EMPTY_WEEK = WeekCounts(0, 0, ())


@dataclass(frozen=True)
class WeekChange:
    """An ISO week whose frequency or mix the change alters: the changed channels' counts
    before and after, and the week's counts over all channels."""

    week: Window
    channels: tuple[tuple[str, WeekCounts, WeekCounts], ...]
    before: tuple[WeekCounts, ...]
    """Every channel's counts in the week, before (for the all-channels line)."""
    after: tuple[WeekCounts, ...]


@dataclass(frozen=True)
class CalendarDiff:
    """What moves on the calendar from one revision to another."""

    added: tuple[Post, ...]
    removed: tuple[Post, ...]
    broken: tuple[tuple[Post, Diagnostic], ...]
    """Posts whose file is still there but no longer loads, with the load error."""
    changed: tuple[PostChange, ...]
    """In the order of the new plan."""
    rules: tuple[SettingChange, ...]
    weeks: tuple[WeekChange, ...]
    pillars: tuple[str, ...]
    """The pillars to show per week: the new plan's, then any other that posts use."""
    targets: dict[str, float | None]
    """The new plan's target of each pillar."""
    introduced: tuple[Diagnostic, ...]
    fixed: tuple[Diagnostic, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.broken or self.changed or self.weeks
                    or self.introduced or self.fixed or self.rules)


_DETAILS = ("format", "personas", "campaign", "author", "editor", "tags", "link", "media",
            "ignore")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def when(post: Post) -> str:
    """The post's publish time as a reader scans it: ``Tue 2026-12-01 09:00``."""
    if post.start is None:
        return "no date (idea)"
    day = f"{_WEEKDAYS[post.start.weekday()]} {post.start.date().isoformat()}"
    return f"{day} all day" if post.all_day else f"{day} {post.start.strftime('%H:%M')}"


def post_changes(old: Post, new: Post) -> tuple[Change, ...]:
    """What changed about one post, most calendar-relevant first; empty when nothing did."""
    out = []
    # wall-clock time: a change of the plan's timezone is reported once, under the rules
    if (_wall(old), old.all_day) != (_wall(new), new.all_day):
        out.append(Change("moved", when(old), when(new)))
    for key in ("channels", "status", "pillar", "title"):
        a, b = getattr(old, key), getattr(new, key)
        if a != b:
            text = (", ".join(a), ", ".join(b)) if key == "channels" else (a, b)
            out.append(Change("channel" if key == "channels" else key, *text))
    if old.repeat != new.repeat:
        out.append(Change("repeat", old.repeat.text() if old.repeat else "none",
                          new.repeat.text() if new.repeat else "none"))
    if old.caption != new.caption:
        out.append(Change("caption"))
    details = [k for k in _DETAILS if getattr(old, k) != getattr(new, k)]
    if dict(old.metrics) != dict(new.metrics):
        details.append("metrics")
    if details:
        out.append(Change("also", after=", ".join(details)))
    if old.path != new.path:
        out.append(Change("file", old.path, new.path))
    return tuple(out)


def _wall(post: Post) -> dt.datetime | None:
    return None if post.start is None else post.start.replace(tzinfo=None)


def _range(pair: tuple[int | None, int | None] | None) -> str:
    return "none" if pair is None else f"[{pair[0]}, {pair[1]}]"


def _settings_view(settings: Settings) -> dict[str, dict[str, str]]:
    """The settings as comparable text: thing a reader would name -> its attributes."""
    mix, work = settings.mix, settings.workflow
    view: dict[str, dict[str, str]] = {
        "plan": {"timezone": settings.timezone, "holidays": settings.holidays or "none",
                 "language": settings.language, "event_minutes": str(settings.event_minutes)},
        "mix": {"window": mix.window, "tolerance": f"{mix.tolerance:g}",
                "min_posts": str(mix.min_posts),
                "max_consecutive": str(dict(sorted(mix.max_consecutive.items())))},
        "workflow": {"approve_before": str(work.approve_before),
                     "persona_review": str(work.persona_review)},
        "blackout": {"dates": ", ".join(
            f"{b.date}" + (f" ({'/'.join(b.pillars)})" if b.pillars else "")
            for b in settings.blackout) or "none"},
        "severity": {k: v for k, v in sorted(settings.severity.items())},
    }
    for pid, pillar in settings.pillars.items():
        view[f"pillar {pid}"] = {"target": str(pillar.target), "max": str(pillar.max)}
    for cid, c in settings.channels.items():
        view[f"channel {cid}"] = {
            "platform": c.platform, "per_day": _range(c.per_day),
            "per_week": _range(c.per_week), "min_gap": str(c.min_gap),
            "best_formats": ", ".join(c.best_formats) or "none",
            "max_length": str(c.max_length), "max_hashtags": str(c.max_hashtags)}
    for rule in settings.voice:
        view[f"voice rule {rule.name}"] = {
            "kind": rule.kind, "level": rule.level, "terms": ", ".join(rule.terms),
            "substitutes": str(dict(rule.substitutes)), "pattern": str(rule.pattern),
            "max": str(rule.max), "when": str(dict(rule.when))}
    return view


def settings_changes(old: Settings, new: Settings) -> tuple[SettingChange, ...]:
    """What changed in guidelines/rules.yml: one entry per changed setting, channel, pillar or
    voice rule, naming only the attributes that changed."""
    if not new.loaded and old.loaded:
        return (SettingChange("guidelines/rules.yml", "unusable"),)
    before, after = _settings_view(old), _settings_view(new)
    out = []
    for key in dict.fromkeys([*before, *after]):
        if key not in after:
            out.append(SettingChange(key, "removed"))
        elif key not in before:
            out.append(SettingChange(key, "added"))
        else:
            a, b = before[key], after[key]
            changed = tuple((attr, a.get(attr, "none"), b.get(attr, "none"))
                            for attr in dict.fromkeys([*a, *b]) if a.get(attr) != b.get(attr))
            if changed:
                out.append(SettingChange(key, "changed", changed))
    if old.timezone != new.timezone:
        out.append(SettingChange("timezone", "timezone"))
    return tuple(out)


Week = dt.date
"""An ISO week, by its Monday."""


def week_stats(plan: Plan) -> dict[Week, dict[str, WeekCounts]]:
    """Per ISO week and channel: occurrences that count (not ideas, not cancelled), the busiest
    day, the mix."""
    days: dict[tuple[Week, str], Counter[dt.date]] = defaultdict(Counter)
    mix: dict[tuple[Week, str], Counter[str]] = defaultdict(Counter)
    for cid, occurrences in calendar_of(plan).by_channel.items():
        for occ in occurrences:
            week = window_of(occ.day, "week").start
            days[week, cid][occ.day] += 1
            mix[week, cid][occ.post.pillar] += 1
    out: dict[Week, dict[str, WeekCounts]] = defaultdict(dict)
    for (week, channel), per_day in days.items():
        out[week][channel] = WeekCounts(sum(per_day.values()), max(per_day.values()),
                                        tuple(sorted(mix[week, channel].items())))
    return dict(out)


def _pillar_order(before: Plan, after: Plan) -> tuple[str, ...]:
    order = list(after.settings.pillars)
    seen = {s.post.pillar for plan in (before, after) for s in calendar_of(plan).counting}
    return tuple(order + sorted(seen - set(order)))


def weeks_changed(before: Plan, after: Plan) -> tuple[WeekChange, ...]:
    """Each ISO week whose frequency or mix the change alters, in order."""
    old, new = week_stats(before), week_stats(after)
    out = []
    for monday in sorted(set(old) | set(new)):
        o, n = old.get(monday, {}), new.get(monday, {})
        channels = tuple((c, o.get(c, EMPTY_WEEK), n.get(c, EMPTY_WEEK))
                         for c in sorted(set(o) | set(n))
                         if o.get(c, EMPTY_WEEK) != n.get(c, EMPTY_WEEK))
        if channels:
            out.append(WeekChange(window_of(monday, "week"), channels, tuple(o.values()),
                                  tuple(n.values())))
    return tuple(out)


def _diag_key(d: Diagnostic) -> tuple[str, str, str, str]:
    # line numbers shift with every edit; a post's problem follows the post across renames
    return (d.code, d.severity, d.post or d.file, d.message)


def diagnostics_delta(before: Sequence[Diagnostic], after: Sequence[Diagnostic]
                      ) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """``(introduced, fixed)``: diagnostics only in ``after``, and only in ``before``."""
    def only(these: Sequence[Diagnostic], those: Sequence[Diagnostic]) -> list[Diagnostic]:
        left = Counter(_diag_key(d) for d in those)
        out = []
        for d in these:
            key = _diag_key(d)
            if left[key]:
                left[key] -= 1
            else:
                out.append(d)
        return sorted(out, key=Diagnostic.sort_key)

    return only(after, before), only(before, after)


def calendar_diff(before: CheckResult, after: CheckResult) -> CalendarDiff:
    """What moves on the calendar from ``before`` to ``after``."""
    old = {p.id: p for p in before.plan.posts}
    new = {p.id: p for p in after.plan.posts}
    order = {p.id: i for i, p in enumerate(after.plan.posts)}
    # a post whose file is still there but no longer loads was not removed: it is broken
    failed = {d.file: d for d in after.diagnostics
              if d.severity == "error" and d.code in _LOAD_CODES}
    changed = [PostChange(old[i], new[i], post_changes(old[i], new[i])) for i in new if i in old]
    introduced, fixed = diagnostics_delta(before.diagnostics, after.diagnostics)
    return CalendarDiff(
        added=tuple(new[i] for i in new if i not in old),
        removed=tuple(old[i] for i in old if i not in new and old[i].path not in failed),
        broken=tuple((old[i], failed[old[i].path]) for i in old
                     if i not in new and old[i].path in failed),
        changed=tuple(sorted((c for c in changed if c.changes),
                             key=lambda c: order[c.after.id])),
        rules=settings_changes(before.plan.settings, after.plan.settings),
        weeks=weeks_changed(before.plan, after.plan),
        pillars=_pillar_order(before.plan, after.plan),
        targets={pid: p.target for pid, p in after.plan.settings.pillars.items()},
        introduced=tuple(introduced), fixed=tuple(fixed))

"""What a change does to the calendar: two git revisions of a plan compared, as Markdown.

Reading: each revision's plan files are read straight from the object database (``git ls-tree``
and one ``git cat-file --batch``) into a private temporary folder, never by checking out the work
tree, and loaded and checked like any plan. Comparing (:func:`calendar_diff`) is a pure function
of the two check results. Posts are matched by id, so a renamed or moved file is a change of
``file``, not a removal and an addition.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .check import CheckResult, check_loaded
from .diagnostics import Diagnostic, diag
from .load import load_plan
from .model import Plan, Position, Post, Settings

NO_CHANGE = "no calendar change\n"
_LOAD_CODES = ("SMM001", "SMM002", "SMM003", "SMM008")

#: The parts of a repository that make up a plan (SPEC §1).
PLAN_PARTS = ("mkdocs.yml", "content", "personas", "guidelines")

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ARROW = " → "


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
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(body)
        except OSError as exc:  # e.g. a name too long for this file system (ENAMETOOLONG)
            found.append(diag("SMM008", f"cannot be read from history: {exc.strerror or exc}",
                              Position(inner.as_posix()), help="rename the file"))
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
                   today: dt.date | None = None) -> str:
    """The Markdown calendar diff of the plan at ``plan_root`` from ``base`` to ``head``."""
    top, _ = repository(plan_root)
    resolve(top, base)
    resolve(top, head)
    after = check_revision(plan_root, head, today)
    before = check_revision(plan_root, base, after.today)
    return calendar_diff(before, after)


# --- comparing ---------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([\\`*_\[\]|~#@!<>{}])")


def md(text: str) -> str:
    """Plan text made inert in Markdown and HTML: no markup, no @mentions, no #references."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    return _SPECIAL.sub(lambda m: "&lt;" if m.group() == "<" else "&gt;" if m.group() == ">"
                        else "\\" + m.group(), text)


def when(post: Post) -> str:
    if post.start is None:
        return "no date (idea)"
    day = f"{_WEEKDAYS[post.start.weekday()]} {post.start.date().isoformat()}"
    return f"{day} all day" if post.all_day else f"{day} {post.start.strftime('%H:%M')}"


def _label(post: Post) -> str:
    return f"{md(post.title)} (`{post.id}`)"


def _channels(post: Post) -> str:
    return ", ".join(post.channels)


_DETAILS = ("format", "personas", "campaign", "author", "editor", "tags", "link", "media",
            "ignore")


def post_changes(old: Post, new: Post) -> list[str]:
    """What changed about one post, most calendar-relevant first; empty when nothing did."""
    out = []
    # wall-clock time: a change of the plan's timezone is reported once, under the rules
    if (_wall(old), old.all_day) != (_wall(new), new.all_day):
        out.append(f"moved: {when(old)}{_ARROW}{when(new)}")
    if old.channels != new.channels:
        out.append(f"channel: {_channels(old)}{_ARROW}{_channels(new)}")
    if old.status != new.status:
        out.append(f"status: {old.status}{_ARROW}{new.status}")
    if old.pillar != new.pillar:
        out.append(f"pillar: {old.pillar}{_ARROW}{new.pillar}")
    if old.title != new.title:
        out.append(f"title: {md(old.title)}{_ARROW}{md(new.title)}")
    if old.caption != new.caption:
        out.append("caption edited")
    details = [k for k in _DETAILS if getattr(old, k) != getattr(new, k)]
    if dict(old.metrics) != dict(new.metrics):
        details.append("metrics")
    if details:
        out.append("also: " + ", ".join(details))
    if old.path != new.path:
        out.append(f"file: {md(old.path)}{_ARROW}{md(new.path)}")
    return out


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


def settings_changes(old: Settings, new: Settings) -> list[str]:
    """What changed in guidelines/rules.yml: one line per changed setting, channel, pillar or
    voice rule, naming only the attributes that changed."""
    if not new.loaded and old.loaded:
        return ["**guidelines/rules.yml cannot be used in the new revision**: its rules were not "
                "applied, so problems listed as fixed may only have gone unchecked"]
    before, after = _settings_view(old), _settings_view(new)
    out = []
    for key in dict.fromkeys([*before, *after]):
        if key not in after:
            out.append(f"{md(key)} removed")
        elif key not in before:
            out.append(f"{md(key)} added")
        else:
            a, b = before[key], after[key]
            changed = [(attr, f"{md(a.get(attr, 'none'))}{_ARROW}{md(b.get(attr, 'none'))}")
                       for attr in dict.fromkeys([*a, *b]) if a.get(attr) != b.get(attr)]
            if key == "plan":  # the plan's own settings read best one per line
                out += [f"{md(attr)}: {what}" for attr, what in changed]
            elif changed:
                out.append(f"{md(key)}: " + "; ".join(f"{md(attr)} {what}"
                                                      for attr, what in changed))
    if old.timezone != new.timezone:
        out.append("every post keeps its written local time, so each one now goes out at "
                   "another instant")
    return out


@dataclass(frozen=True)
class Slot:
    """Counts of one channel in one ISO week."""

    posts: int
    busiest: int
    """Most posts on one day."""
    pillars: tuple[tuple[str, int], ...]

    def pillar(self, pid: str) -> int:
        return dict(self.pillars).get(pid, 0)


Week = tuple[int, int]


def week_stats(plan: Plan) -> dict[Week, dict[str, Slot]]:
    """Per ISO week and channel: posts that count (not ideas, not cancelled), busiest day, mix."""
    days: dict[tuple[Week, str], Counter[dt.date]] = defaultdict(Counter)
    mix: dict[tuple[Week, str], Counter[str]] = defaultdict(Counter)
    for post in plan.posts:
        if not post.counts or post.day is None:
            continue
        iso = post.day.isocalendar()
        week = (iso.year, iso.week)
        for channel in dict.fromkeys(post.channels):
            days[week, channel][post.day] += 1
            mix[week, channel][post.pillar] += 1
    out: dict[Week, dict[str, Slot]] = defaultdict(dict)
    for (week, channel), per_day in days.items():
        out[week][channel] = Slot(sum(per_day.values()), max(per_day.values()),
                                  tuple(sorted(mix[week, channel].items())))
    return dict(out)


def _cell(old: object, new: object) -> str:
    return str(new) if old == new else f"{old}{_ARROW}{new}"


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)}%" if total else "–"


def _pillar_order(before: Plan, after: Plan) -> list[str]:
    order = list(after.settings.pillars)
    seen = {p.pillar for plan in (before, after) for p in plan.posts if p.counts}
    return order + sorted(seen - set(order))


def _monday(week: Week) -> dt.date:
    return dt.date.fromisocalendar(week[0], week[1], 1)


def weeks_section(before: Plan, after: Plan) -> list[str]:
    """A table for each ISO week whose frequency or mix the change alters."""
    old, new = week_stats(before), week_stats(after)
    pillars = _pillar_order(before, after)
    empty = Slot(0, 0, ())
    lines: list[str] = []
    for week in sorted(set(old) | set(new)):
        o, n = old.get(week, {}), new.get(week, {})
        channels = [c for c in sorted(set(o) | set(n)) if o.get(c, empty) != n.get(c, empty)]
        if not channels:
            continue
        monday = _monday(week)
        sunday = monday + dt.timedelta(days=6)
        lines += ["", f"#### {week[0]}-W{week[1]:02d} ({monday.isoformat()} – "
                  f"{sunday.isoformat()})", ""]
        heads = []
        for pid in pillars:
            target = after.settings.pillars.get(pid)
            share = f" {round(100 * target.target)}%" if target and target.target is not None \
                else ""
            heads.append(f"{pid}{share}")
        lines.append("| channel | posts | busiest day | " + " | ".join(heads) + " |")
        lines.append("| --- " * (3 + len(pillars)) + "|")
        for c in channels:
            a, b = o.get(c, empty), n.get(c, empty)
            cells = [_cell(a.posts, b.posts), _cell(a.busiest, b.busiest)]
            cells += [_cell(a.pillar(p), b.pillar(p)) for p in pillars]
            lines.append(f"| {c} | " + " | ".join(cells) + " |")
        total_o = sum(s.posts for s in o.values())
        total_n = sum(s.posts for s in n.values())
        shares = []
        for p in pillars:
            share_o = _share(sum(s.pillar(p) for s in o.values()), total_o)
            share_n = _share(sum(s.pillar(p) for s in n.values()), total_n)
            shares.append(_cell(share_o, share_n))
        lines.append(f"| all channels | {_cell(total_o, total_n)} |  | " + " | ".join(shares)
                     + " |")
    return lines


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


def _diag_line(d: Diagnostic) -> str:
    return (f"- **{d.severity}** {d.code} {d.name}: {md(d.message)} "
            f"({md(d.file)}:{d.line}:{d.column})")


def _post_table(posts: Iterable[Post]) -> list[str]:
    lines = ["| post | when | channel | pillar | status |", "| --- | --- | --- | --- | --- |"]
    for p in posts:
        lines.append(f"| {_label(p)} | {when(p)} | {_channels(p)} | {p.pillar} | {p.status} |")
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def calendar_diff(before: CheckResult, after: CheckResult) -> str:
    """Markdown for a pull request: what moves on the calendar from ``before`` to ``after``.

    Exactly :data:`NO_CHANGE` when no post, week or diagnostic differs.
    """
    old = {p.id: p for p in before.plan.posts}
    new = {p.id: p for p in after.plan.posts}
    order = {p.id: i for i, p in enumerate(after.plan.posts)}
    added = [new[i] for i in new if i not in old]
    # a post whose file is still there but no longer loads was not removed: it is broken
    failed = {d.file: d for d in after.diagnostics
              if d.severity == "error" and d.code in _LOAD_CODES}
    broken = [(old[i], failed[old[i].path]) for i in old
              if i not in new and old[i].path in failed]
    removed = [old[i] for i in old if i not in new and old[i].path not in failed]
    rules = settings_changes(before.plan.settings, after.plan.settings)
    changed = [(old[i], new[i], post_changes(old[i], new[i])) for i in new if i in old]
    changed = sorted([c for c in changed if c[2]], key=lambda c: order[c[1].id])
    weeks = weeks_section(before.plan, after.plan)
    introduced, fixed = diagnostics_delta(before.diagnostics, after.diagnostics)
    if not (added or removed or broken or changed or weeks or introduced or fixed or rules):
        return NO_CHANGE

    counts = [f"{len(added)} added", f"{len(removed)} removed", f"{len(changed)} changed"]
    if broken:
        counts.append(f"{len(broken)} unreadable")
    total = len(added) + len(removed) + len(changed) + len(broken)
    lines = ["## Calendar change", "",
             f"{_plural(total, 'post')}: " + ", ".join(counts)
             + f" · problems: {len(introduced)} introduced, {len(fixed)} fixed"]
    if rules:
        lines += ["", "### Rules changed (guidelines/rules.yml)", "", *(f"- {r}" for r in rules)]
    if broken:
        lines += ["", "### Could not be read", "",
                  "These posts are still in the plan but their files no longer load, so they "
                  "are left out of the calendar until fixed:", ""]
        lines += [f"- {_label(p)}: {d.code} {md(d.message)} ({md(d.file)}:{d.line}:{d.column})"
                  for p, d in broken]
    if added:
        lines += ["", "### Added", "", *_post_table(added)]
    if removed:
        lines += ["", "### Removed", "", *_post_table(removed)]
    if changed:
        lines += ["", "### Changed", "", "| post | change |", "| --- | --- |"]
        for _, post, what in changed:
            lines.append(f"| {_label(post)} | " + "<br>".join(what) + " |")
    if weeks:
        lines += ["", "### Weeks affected", "",
                  "Posts per channel (ideas and cancelled posts do not count), the busiest day, "
                  "and the pillar mix; `a → b` is before → after."]
        lines += weeks
    if introduced:
        lines += ["", "### Problems introduced", "", *map(_diag_line, introduced)]
    if fixed:
        lines += ["", "### Problems fixed", "", *map(_diag_line, fixed)]
    return "\n".join(lines) + "\n"

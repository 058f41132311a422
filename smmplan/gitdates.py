"""When each plan file last changed, from git history read in one pass.

Feeds stamp every event with the time of the last commit touching the post's file and count the
commits as the event's SEQUENCE (SPEC §4). Reading that with one ``git log`` per file would cost
one process per post; instead a single ``git log --name-status`` over the plan folder gives every
file's history at once.

Fallbacks, in SPEC order: a file git does not know takes the plan's last commit; a plan outside
git (or with no commit yet) takes ``SOURCE_DATE_EPOCH``, then the file's own modification time.
Nothing here reads the wall clock.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

UTC = dt.UTC

#: Marks the start of a commit in our ``git log`` format; cannot occur in a path.
_COMMIT = "\x01"


@dataclass(frozen=True)
class FileHistory:
    """What git knows about one file."""

    last: int
    """Unix time of the newest commit touching the file (committer date)."""
    commits: int
    """How many commits touched the file, following renames."""


@dataclass(frozen=True)
class History:
    """Git history of a plan folder, and the fallbacks for files it does not cover."""

    root: str
    """Absolute plan folder; file paths are relative to it with ``/``."""
    files: Mapping[str, FileHistory] = field(default_factory=lambda: MappingProxyType({}))
    last_commit: int | None = None
    """Unix time of the plan's newest commit, or None outside git."""
    source_date_epoch: int | None = None
    """``SOURCE_DATE_EPOCH`` when set to a valid number (reproducible-builds convention)."""
    shallow: bool = False
    """The clone is shallow: older commits are missing, so SEQUENCE counts too few and a file
    whose last change is beyond the cut-off takes the wrong DTSTAMP (see :data:`SHALLOW`)."""

    def stamp(self, path: str) -> dt.datetime:
        """When ``path`` last changed, in UTC (SPEC §4 fallback order)."""
        known = self.files.get(path)
        if known is not None:
            seconds = known.last
        elif self.last_commit is not None:
            seconds = self.last_commit
        elif self.source_date_epoch is not None:
            seconds = self.source_date_epoch
        else:
            seconds = self._mtime(path)
        return dt.datetime.fromtimestamp(seconds, UTC)

    def sequence(self, path: str) -> int:
        """Number of commits that touched ``path``; 0 when git does not know it."""
        known = self.files.get(path)
        return known.commits if known is not None else 0

    def _mtime(self, path: str) -> int:
        try:
            return int(os.stat(Path(self.root, path)).st_mtime)
        except (OSError, ValueError):
            # a generated or vanished file: the epoch is at least the same on every machine
            return 0


def read_history(root: Path | str, env: Mapping[str, str] | None = None) -> History:
    """Read the git history of the plan at ``root`` (one ``git log``); never raises.

    ``env`` defaults to ``os.environ`` and is only consulted for ``SOURCE_DATE_EPOCH``.
    """
    root = Path(root).resolve()
    epoch = _source_date_epoch(os.environ if env is None else env)
    output = _git_log(root)
    if output is None:
        return History(str(root), source_date_epoch=epoch)
    files, last = parse_log(output)
    return History(str(root), MappingProxyType(files), last, epoch, _is_shallow(root))


def parse_log(output: str) -> tuple[dict[str, FileHistory], int | None]:
    """Parse ``git log -z --format=%x01%ct --name-status -M`` (newest commit first).

    Renames are followed backwards: the commits of ``old`` before ``R old new`` count for the
    file now called ``new``, so moving a post does not reset its SEQUENCE.
    """
    last: dict[str, int] = {}
    commits: dict[str, int] = {}
    # the name a path had at this point of history -> the name it has today
    alias: dict[str, str] = {}
    newest: int | None = None
    for chunk in output.split(_COMMIT):
        if not chunk:
            continue
        tokens = chunk.split("\0")
        try:
            when = int(tokens[0])
        except ValueError:
            continue
        newest = when if newest is None else max(newest, when)
        i = 1
        touched: set[str] = set()
        while i < len(tokens):
            status = tokens[i].strip()
            i += 1
            if not status:
                continue
            width = 2 if status[0] in "RC" else 1
            paths = tokens[i:i + width]
            i += width
            if len(paths) < width:
                break
            current = alias.get(paths[-1], paths[-1])
            touched.add(current)
            if status[0] == "R":
                alias[paths[0]] = current
        for name in touched:
            if not name:
                continue
            commits[name] = commits.get(name, 0) + 1
            last[name] = max(last.get(name, when), when)
    files = {name: FileHistory(last[name], commits[name]) for name in last}
    return files, newest


def _git_log(root: Path) -> str | None:
    """The log of the plan folder, or None when it is not in a git work tree (or git is absent)."""
    command = [
        "git", "-C", str(root),
        "-c", "core.quotepath=off", "-c", "log.showSignature=false",
        "log", "-z", f"--format={_COMMIT}%ct", "--name-status", "-M", "--relative",
        "--no-color", "--", ".",
    ]
    env = {**os.environ, "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    try:
        done = subprocess.run(command, capture_output=True, env=env, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        # not a repository, no commit yet, or a repository git refuses (safe.directory)
        return None
    return done.stdout.decode("utf-8", errors="surrogateescape")


SHALLOW = ("warning: this is a shallow git clone: the feeds' SEQUENCE and DTSTAMP are "
           "unreliable (calendar apps may ignore updates). In GitHub Actions check out with "
           "`fetch-depth: 0`, or run `git fetch --unshallow`.")


def _is_shallow(root: Path) -> bool:
    """Whether the repository holding ``root`` is a shallow clone: git keeps the cut-off commits
    in ``<git dir>/shallow``. Read from the file system, without a second git process."""
    for folder in (root, *root.parents):
        dot_git = folder / ".git"
        try:
            if dot_git.is_dir():
                git_dir = dot_git
            elif dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
                line = dot_git.read_text(encoding="utf-8", errors="replace").strip()
                if not line.startswith("gitdir:"):
                    return False
                git_dir = (folder / line[len("gitdir:"):].strip()).resolve()
            else:
                continue
            common = git_dir
            if (git_dir / "commondir").is_file():
                common = (git_dir / (git_dir / "commondir").read_text(
                    encoding="utf-8", errors="replace").strip()).resolve()
            return (common / "shallow").is_file() or (git_dir / "shallow").is_file()
        except OSError:
            return False
    return False


def _source_date_epoch(env: Mapping[str, str]) -> int | None:
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return int(raw)

"""Git history in one pass: last commit and commit count per file, renames followed, fallbacks."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from smmplan.gitdates import FileHistory, History, parse_log, read_history

UTC = dt.UTC


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in ``repo`` with a fixed identity and, for commits, fixed dates."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Rina", "GIT_AUTHOR_EMAIL": "rina@example.org",
           "GIT_COMMITTER_NAME": "Rina", "GIT_COMMITTER_EMAIL": "rina@example.org"}
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def commit(repo: Path, files: dict[str, str | None], when: str, message: str = "change") -> None:
    """Write (or, for None, delete) ``files`` and commit them all at ``when``."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A", ".")
    git(repo, "commit", "-q", "-m", message, when=when)


def stamp(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).timestamp())


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root


def test_parse_log_counts_commits_and_follows_renames() -> None:
    # newest first, as git log prints it
    log = ("\x01300\0\nR100\0content/old.md\0content/new.md\0M\0guidelines/rules.yml\0"
           "\x01200\0\nM\0content/old.md\0"
           "\x01100\0\nA\0content/old.md\0A\0guidelines/rules.yml\0A\0odd name ü;,.md\0")
    files, last = parse_log(log)
    assert last == 300
    assert files == {
        "content/new.md": FileHistory(300, 3),
        "guidelines/rules.yml": FileHistory(300, 2),
        "odd name ü;,.md": FileHistory(100, 1),
    }


def test_parse_log_of_nothing() -> None:
    assert parse_log("") == ({}, None)


def test_one_pass_over_a_real_repository(repo: Path) -> None:
    commit(repo, {"plan/content/posts/a.md": "a\n", "plan/content/posts/b.md": "b\n",
                  "elsewhere.txt": "x\n"}, "2026-11-01T09:00:00+00:00")
    commit(repo, {"plan/content/posts/a.md": "a2\n"}, "2026-11-02T09:00:00+07:00")
    commit(repo, {"plan/content/posts/a.md": "a3\n"}, "2026-11-03T09:00:00+00:00")
    commit(repo, {"elsewhere.txt": "y\n"}, "2026-11-09T09:00:00+00:00")
    (repo / "plan" / "content" / "posts" / "new.md").write_text("untracked\n")

    history = read_history(repo / "plan", env={})
    assert dict(history.files) == {
        "content/posts/a.md": FileHistory(stamp("2026-11-03T09:00:00+00:00"), 3),
        "content/posts/b.md": FileHistory(stamp("2026-11-01T09:00:00+00:00"), 1),
    }
    # commits outside the plan folder do not count as the plan's
    assert history.last_commit == stamp("2026-11-03T09:00:00+00:00")
    assert history.stamp("content/posts/a.md") == dt.datetime(2026, 11, 3, 9, tzinfo=UTC)
    assert history.stamp("content/posts/b.md") == dt.datetime(2026, 11, 1, 9, tzinfo=UTC)
    assert history.sequence("content/posts/a.md") == 3
    # a file git does not know yet: the plan's last commit, and no commits
    assert history.stamp("content/posts/new.md") == dt.datetime(2026, 11, 3, 9, tzinfo=UTC)
    assert history.sequence("content/posts/new.md") == 0


def test_a_moved_file_keeps_its_count(repo: Path) -> None:
    commit(repo, {"content/posts/launch.md": "---\ntitle: Launch\n---\n\nKopi kopi kopi.\n"},
           "2026-11-01T09:00:00+00:00")
    commit(repo, {"content/posts/launch.md": "---\ntitle: Launch!\n---\n\nKopi kopi kopi.\n"},
           "2026-11-02T09:00:00+00:00")
    (repo / "content/posts/2026/12").mkdir(parents=True)
    git(repo, "mv", "content/posts/launch.md", "content/posts/2026/12/peluncuran.md")
    git(repo, "commit", "-q", "-m", "move", when="2026-11-03T09:00:00+00:00")
    history = read_history(repo, env={})
    assert dict(history.files) == {
        "content/posts/2026/12/peluncuran.md": FileHistory(stamp("2026-11-03T09:00:00+00:00"),
                                                           3)}


def test_outside_git_source_date_epoch_then_mtime(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("x\n")
    os.utime(tmp_path / "post.md", (1_700_000_000, 1_700_000_000))
    with_epoch = read_history(tmp_path, env={"SOURCE_DATE_EPOCH": "1780000000"})
    assert with_epoch == History(str(tmp_path.resolve()), source_date_epoch=1_780_000_000)
    assert with_epoch.stamp("post.md") == dt.datetime.fromtimestamp(1_780_000_000, UTC)
    assert with_epoch.sequence("post.md") == 0
    plain = read_history(tmp_path, env={"SOURCE_DATE_EPOCH": "not a number"})
    assert plain.source_date_epoch is None
    assert plain.stamp("post.md") == dt.datetime.fromtimestamp(1_700_000_000, UTC)
    # a file that is not there: the epoch, the same on every machine
    assert plain.stamp("gone.md") == dt.datetime(1970, 1, 1, tzinfo=UTC)


def test_a_repository_without_commits_falls_back(repo: Path) -> None:
    (repo / "post.md").write_text("x\n")
    history = read_history(repo, env={"SOURCE_DATE_EPOCH": "1780000000"})
    assert history.last_commit is None and dict(history.files) == {}
    assert history.stamp("post.md") == dt.datetime.fromtimestamp(1_780_000_000, UTC)


def test_one_git_process_for_the_whole_plan(repo: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    for i in range(5):
        commit(repo, {f"content/posts/p{i}.md": f"{i}\n"}, f"2026-11-0{i + 1}T09:00:00+00:00")
    calls: list[list[str]] = []
    real = subprocess.run

    def spy(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "run", spy)
    history = read_history(repo, env={})
    assert len(calls) == 1 and calls[0][0] == "git"
    assert [history.sequence(f"content/posts/p{i}.md") for i in range(5)] == [1] * 5

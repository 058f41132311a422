"""SMM408 on a real git repository with GitHub's documented review JSON (SPEC §8.2)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from smmplan.cli import main

TODAY = "2026-11-25"
POST = "content/posts/2026/12/linkedin-story.md"
EDITOR_LOGIN = "dimasp"  # dimas in the fixture's team.yml


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          check=True, env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
                                           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x",
                                           "PATH": "/usr/bin:/bin", "HOME": str(root)})
    return done.stdout.strip()


def review(login: str, state: str, commit: str | None, when: str, ident: int = 1) -> dict:
    """One review as GitHub's "List reviews for a pull request" returns it (trimmed of links)."""
    return {
        "id": ident, "node_id": f"PRR_{ident}",
        "user": {"login": login, "id": ident * 10, "type": "User", "site_admin": False},
        "body": "", "state": state, "author_association": "MEMBER",
        "html_url": f"https://github.com/o/r/pull/1#pullrequestreview-{ident}",
        "pull_request_url": "https://api.github.com/repos/o/r/pulls/1",
        "_links": {"html": {"href": "x"}, "pull_request": {"href": "y"}},
        "submitted_at": when, "commit_id": commit,
    }


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, str, str, str]:
    """A plan with a base commit, an older pull-request commit and the head commit, where the
    head sets linkedin-story to approved with editor dimas. Returns (root, base, old, head)."""
    root = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", root)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    base = git(root, "rev-parse", "HEAD")
    post = root / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("status: draft", "status: review"), encoding="utf-8")
    git(root, "commit", "-qam", "ready for review")
    old = git(root, "rev-parse", "HEAD")
    post.write_text(text.replace("status: draft", "status: approved\neditor: dimas")
                    if "editor:" not in text else text.replace("status: draft",
                                                               "status: approved"),
                    encoding="utf-8")
    git(root, "commit", "-qam", "approved")
    head = git(root, "rev-parse", "HEAD")
    return root, base, old, head


def run(root: Path, base: str, reviews: list[dict] | str, *extra: str) -> tuple[int, list[dict]]:
    file = root.parent / "reviews.json"
    file.write_text(reviews if isinstance(reviews, str) else json.dumps(reviews),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["-C", str(root), "check", "--today", TODAY, "--format",
                                       "json", "--base", base, "--reviews", str(file), *extra])
    if result.exit_code == 2:
        return 2, [{"message": result.output}]
    found = [d for d in json.loads(result.output)["diagnostics"] if d["code"] == "SMM408"]
    return result.exit_code, found


def test_the_named_editors_approval_of_the_head_commit_passes(repo) -> None:
    root, base, _, head = repo
    code, found = run(root, base, [review(EDITOR_LOGIN, "APPROVED", head, "2026-11-20T10:00:00Z")])
    assert found == [] and code == 0


def test_without_any_review_the_approval_is_reported_at_its_status_line(repo) -> None:
    root, base, _, head = repo
    code, found = run(root, base, [])
    assert code == 1
    [d] = found
    assert d["file"] == POST and d["post"] == "linkedin-story" and d["severity"] == "error"
    lines = (root / POST).read_text(encoding="utf-8").splitlines()
    assert lines[d["line"] - 1].startswith("status: approved")
    assert "dimasp has not approved the pull request's head commit " + head[:12] in d["message"]


@pytest.mark.parametrize("reviews", [
    pytest.param([("CHANGES_REQUESTED", "head")], id="changes-requested"),
    pytest.param([("APPROVED", "head"), ("DISMISSED", "head")], id="dismissed"),
    pytest.param([("APPROVED", "old")], id="older-commit"),
    pytest.param([("APPROVED", "head"), ("CHANGES_REQUESTED", "head")], id="latest-wins"),
    pytest.param([("APPROVED", None)], id="commit-gone"),
    pytest.param([("PENDING", "head")], id="pending"),
])
def test_reviews_that_do_not_approve_the_head_are_reported(repo, reviews) -> None:
    root, base, old, head = repo
    commits = {"head": head, "old": old, None: None}
    listed = [review(EDITOR_LOGIN, state, commits[c], f"2026-11-2{i}T10:00:00Z", i)
              for i, (state, c) in enumerate(reviews, 1)]
    code, found = run(root, base, listed)
    assert code == 1 and len(found) == 1


def test_a_comment_after_an_approval_keeps_it_and_logins_ignore_case(repo) -> None:
    root, base, _, head = repo
    code, found = run(root, base, [review("DimasP", "APPROVED", head, "2026-11-20T10:00:00Z", 1),
                                   review("dimasp", "COMMENTED", head, "2026-11-21T10:00:00Z", 2)])
    assert found == [] and code == 0


def test_a_reviewer_who_is_not_the_named_editor_does_not_count(repo) -> None:
    root, base, _, head = repo
    # rinaw is the author (a creator); someone else's approval is not the editor's
    code, found = run(root, base, [review("rinaw", "APPROVED", head, "2026-11-20T10:00:00Z", 1),
                                   review("octocat", "APPROVED", head, "2026-11-20T11:00:00Z", 2)])
    assert code == 1 and len(found) == 1


def test_the_pull_request_cannot_remap_the_editor_in_team_yml(repo) -> None:
    root, base, _, head = repo
    team = root / "guidelines/team.yml"
    team.write_text(team.read_text(encoding="utf-8").replace("github: dimasp", "github: rinaw"),
                    encoding="utf-8")
    git(root, "commit", "-qam", "remap")
    head = git(root, "rev-parse", "HEAD")
    code, found = run(root, base, [review("rinaw", "APPROVED", head, "2026-11-20T10:00:00Z")],
                      "--head", head)
    assert code == 1 and "dimasp has not approved" in found[0]["message"]


def test_paginated_output_and_approvals_already_on_the_base_branch(repo) -> None:
    root, base, _, head = repo
    pages = json.dumps([review("x", "COMMENTED", head, "2026-11-20T10:00:00Z", 1)]) + "\n" + \
        json.dumps([review(EDITOR_LOGIN, "APPROVED", head, "2026-11-20T11:00:00Z", 2)])
    assert run(root, base, pages)[1] == []
    # the base already holds approved posts (late-night, gula-aren-launch): no review needed
    git(root, "checkout", "-q", base)
    assert run(root, base, [])[1] == []


def test_editing_an_approved_post_needs_a_new_review(repo) -> None:
    root, base, _, _ = repo
    git(root, "checkout", "-q", base)
    post = root / "content/posts/2026/12/late-night.md"
    post.write_text(post.read_text(encoding="utf-8").replace("keeps you going",
                                                             "is free today"), encoding="utf-8")
    code, found = run(root, base, [])
    assert code == 1 and [d["post"] for d in found] == ["late-night"]


@pytest.mark.parametrize("text", ["{not json", '[{"user": {"login": "x"}}]'])
def test_a_file_that_is_not_review_json_exits_2(repo, text: str) -> None:
    root, base, _, _ = repo
    code, out = run(root, base, text)
    assert code == 2 and "Traceback" not in out[0]["message"]


@pytest.mark.parametrize(("text", "kind"), [('{"state": "APPROVED"}', "an object"),
                                             ('"APPROVED"', "a string"), ("3", "a number")])
def test_a_review_file_that_is_not_a_list_says_what_it_found(repo, text: str, kind: str) -> None:
    root, base, _, _ = repo
    code, out = run(root, base, text)
    assert code == 2
    assert "expected a list of reviews" in out[0]["message"]
    assert f"found {kind}" in out[0]["message"]


def test_an_unknown_base_exits_2(repo) -> None:
    root, _, _, _ = repo
    code, out = run(root, "no-such-branch", [])
    assert code == 2 and "unknown revision" in out[0]["message"]

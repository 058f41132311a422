"""Four eyes that cannot be forged (SPEC §8.2): approvals checked against GitHub's reviews.

Anyone can write ``status: approved`` and an editor's name into their own pull request. What they
cannot write is the editor's approving review on GitHub. :func:`approval_diagnostics` reports
SMM408 for each approval the change introduces that the named editor has not given there.

* The reviews are the JSON that GitHub's "List reviews for a pull request" returns (one array, or
  the arrays of ``gh api --paginate`` one after another), in chronological order. Per reviewer
  the latest review that decides counts: APPROVED, CHANGES_REQUESTED or DISMISSED; a COMMENTED
  review does not withdraw an approval (as on GitHub) and a PENDING one is not submitted.
* An approval counts only for the pull request's head commit: a push after the review needs a
  new one.
* Who is who comes from ``guidelines/team.yml`` of the base revision, never the pull request's
  own copy, which could map the editor to the author's login.
* An approval is introduced when a post is approved, scheduled or published after the change and
  was not before, was approved by another editor, or its content changed: the approval then
  vouches for text the editor may not have seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, diag
from .model import APPROVED_STATUSES, Plan, Post

DECIDING = ("APPROVED", "CHANGES_REQUESTED", "DISMISSED")
#: Post fields that say where the post stands in its file or how it did, not what was approved.
_NOT_CONTENT = frozenset({"path", "pos", "caption_line", "metrics"})


class ReviewsError(Exception):
    """The reviews file cannot be read; the message says why."""


@dataclass(frozen=True)
class Review:
    login: str
    """The reviewer's GitHub login, lower-cased (logins are case-insensitive)."""
    state: str
    commit: str | None
    submitted_at: str | None


def read_reviews(text: str) -> list[Review]:
    """GitHub's review list (or several, as ``gh api --paginate`` prints them)."""
    out = []
    for number, item in enumerate(_json_values(text), 1):
        if not isinstance(item, dict):
            raise ReviewsError(f"review {number} is not a JSON object")
        user = item.get("user")
        state = item.get("state")
        if not isinstance(state, str):
            raise ReviewsError(f"review {number} has no state")
        if not isinstance(user, dict) or not isinstance(user.get("login"), str):
            continue  # a deleted account ("ghost"): nobody to match
        commit = item.get("commit_id")
        submitted = item.get("submitted_at")
        out.append(Review(user["login"].lower(), state.upper(),
                          commit if isinstance(commit, str) else None,
                          submitted if isinstance(submitted, str) else None))
    return out


_JSON_KIND = {dict: "an object", str: "a string", int: "a number", float: "a number",
              bool: "true or false", type(None): "null"}


def _json_values(text: str) -> Iterator[Any]:
    decoder = json.JSONDecoder()
    at = 0
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return
        try:
            value, at = decoder.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            raise ReviewsError(f"not GitHub's review JSON: {exc.msg} at line {exc.lineno}, "
                               f"column {exc.colno}") from None
        if not isinstance(value, list):
            raise ReviewsError("not GitHub's review JSON: expected a list of reviews, as "
                               "`gh api repos/OWNER/REPO/pulls/N/reviews` prints it, found "
                               f"{_JSON_KIND.get(type(value), 'another value')}")
        yield from value


def approvers(reviews: Iterable[Review], head: str) -> set[str]:
    """Logins whose deciding review, the latest one, approves the commit ``head``."""
    latest: dict[str, Review] = {}
    for review in reviews:  # chronological, as GitHub lists them
        if review.state in DECIDING:
            latest[review.login] = review
    head = head.lower()
    return {login for login, r in latest.items()
            if r.state == "APPROVED" and r.commit is not None and r.commit.lower() == head}


def _content(post: Post) -> tuple[Any, ...]:
    return tuple(getattr(post, f.name) for f in fields(post) if f.name not in _NOT_CONTENT)


def introduced(before: Plan, post: Post) -> bool:
    """Whether the change brings ``post``'s approval: see the module's docstring."""
    if post.status not in APPROVED_STATUSES:
        return False
    old = before.post(post.id)
    return old is None or old.status not in APPROVED_STATUSES or _content(old) != _content(post)


def approval_diagnostics(before: Plan, after: Plan, approved_by: set[str], head: str,
                         base: str) -> list[Diagnostic]:
    """SMM408 for every approval in ``after`` that ``before`` lacks and the named editor has
    not given on GitHub (``approved_by``: logins approving ``head``)."""
    out = []
    short = head[:12]
    for post in after.posts:
        if not introduced(before, post):
            continue
        at = post.at("status")
        editor = post.editor
        member = before.members.get(editor) if editor else None
        if editor is None:
            problem = "names no editor"
        elif member is None:
            problem = (f"names the editor {editor!r}, who is not in guidelines/team.yml of "
                       f"{base}")
        elif not member.github:
            problem = f"names the editor {editor}, who has no github login in team.yml of {base}"
        elif member.github.lower() not in approved_by:
            problem = (f"is approved in the name of {editor}, but {member.github} has not "
                       f"approved the pull request's head commit {short} on GitHub")
        else:
            continue
        out.append(diag("SMM408", f"the change sets this post to {post.status}; it {problem}",
                        at, post=post.id,
                        help="the named editor approves the pull request on GitHub after the "
                             "last push; the check runs again on their review"))
    return out


def check_reviews(root: Path, after: Plan, base: str, reviews_file: Path,
                  head: str = "HEAD") -> list[Diagnostic]:
    """SMM408 for the plan ``after`` (the work tree at ``root``) against revision ``base`` and
    the reviews in ``reviews_file``. Raises :class:`ReviewsError` when the file or a revision
    cannot be read."""
    from .diff import RevisionError, check_revision, repository, resolve

    try:
        text = reviews_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewsError(f"--reviews {reviews_file}: cannot read it "
                           f"({getattr(exc, 'strerror', None) or exc})") from None
    reviews = read_reviews(text)
    try:
        top, _ = repository(root)
        head_commit = resolve(top, head)
        before = check_revision(root, base).plan
    except RevisionError as exc:
        raise ReviewsError(str(exc)) from None
    return approval_diagnostics(before, after, approvers(reviews, head_commit), head_commit,
                                base)

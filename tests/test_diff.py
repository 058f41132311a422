"""`smmplan diff` on real git repositories: exact Markdown for a change that adds, removes,
moves, renames and re-statuses posts; no checkout; clear errors for bad revisions."""

from __future__ import annotations

import re
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import MINIMAL_RULES, write_files

from smmplan.render.markdown import escape as md

TODAY = "2026-11-01"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
         "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def post(id_line: str, title: str, date: str | None, channel: str, pillar: str,
         status: str = "draft", extra: str = "", caption: str | None = None) -> str:
    lines = ["---"] + ([id_line] if id_line else []) + [f"title: {title}"]
    if date is not None:
        lines.append(f"date: {date}")
    lines += [f"channel: {channel}", f"pillar: {pillar}", f"status: {status}"]
    lines += [line for line in extra.split("\n") if line]
    # each post its own caption: X refuses the same one twice (SMM308)
    return "\n".join([*lines, "---", caption or f"Caption of {title}.", ""])


BASE = {
    "guidelines/rules.yml": MINIMAL_RULES,
    "guidelines/brand-voice.md": "# Brand voice\n\nFriendly.\n",
    "content/posts/a.md": post("", "Tips seduh V60", "2026-12-01 09:00", "instagram",
                               "education"),
    "content/posts/b.md": post("", "Kutipan pagi", "2026-12-02 10:00", "instagram", "quote",
                               extra="campaign: missing"),
    "content/posts/c.md": post("id: c", "Promo 12.12", "2026-12-03", "x", "hard-sell"),
    "content/posts/d.md": post("", "Di balik layar", "2026-12-04 09:00", "x", "soft-sell"),
    "content/posts/idea.md": post("", "Someday", None, "x", "quote", status="idea"),
}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write_files(root, BASE)
    commit(root, "plan")
    return root


def change(root: Path) -> None:
    """Adds e, removes d, moves a a week on, re-statuses b (and fixes its campaign), renames c
    into a sub-folder and cross-posts it to instagram."""
    (root / "content/posts/d.md").unlink()
    (root / "content/posts/c.md").unlink()
    write_files(root, {
        "content/posts/a.md": post("", "Tips seduh V60", "2026-12-08 09:00", "instagram",
                                   "education"),
        "content/posts/b.md": post("", "Kutipan pagi", "2026-12-02 10:00", "instagram", "quote",
                                   status="review"),
        "content/posts/2026/12/promo-1212.md": post("id: c", "Promo 12.12", "2026-12-03",
                                                    "[instagram, x]", "hard-sell"),
        "content/posts/e.md": post("", "'Promo <b>kilat</b> | 50% @team #1'", "2026-12-01 18:00",
                                   "instagram", "hard-sell", extra="personas: [ibu]"),
    })


EXPECTED = """\
## Calendar change

5 posts: 1 added, 1 removed, 3 changed · problems: 1 introduced, 1 fixed

### Added

| post | when | channel | pillar | status |
| --- | --- | --- | --- | --- |
| Promo &lt;b&gt;kilat&lt;/b&gt; \\| 50% \\@team \\#1 (`e`) | Tue 2026-12-01 18:00 | instagram | hard-sell | draft |

### Removed

| post | when | channel | pillar | status |
| --- | --- | --- | --- | --- |
| Di balik layar (`d`) | Fri 2026-12-04 09:00 | x | soft-sell | draft |

### Changed

| post | change |
| --- | --- |
| Kutipan pagi (`b`) | status: draft → review<br>also: campaign |
| Promo 12.12 (`c`) | channel: x → instagram, x<br>file: content/posts/c.md → content/posts/2026/12/promo-1212.md |
| Tips seduh V60 (`a`) | moved: Tue 2026-12-01 09:00 → Tue 2026-12-08 09:00 |

### Weeks affected

Posts per channel (ideas and cancelled posts do not count), the busiest day, and the pillar mix; `a → b` is before → after.

#### 2026-W49 (2026-11-30 – 2026-12-06)

| channel | posts | busiest day | education | quote | soft-sell | hard-sell |
| --- | --- | --- | --- | --- | --- | --- |
| instagram | 2 → 3 | 1 | 1 → 0 | 1 | 0 | 0 → 2 |
| x | 2 → 1 | 1 | 0 | 0 | 1 → 0 | 1 |
| all channels | 4 |  | 25% → 0% | 25% | 25% → 0% | 25% → 75% |

#### 2026-W50 (2026-12-07 – 2026-12-13)

| channel | posts | busiest day | education | quote | soft-sell | hard-sell |
| --- | --- | --- | --- | --- | --- | --- |
| instagram | 0 → 1 | 0 → 1 | 0 → 1 | 0 | 0 | 0 |
| all channels | 0 → 1 |  | – → 100% | – → 0% | – → 0% | – → 0% |

### Problems introduced

- **error** SMM006 unknown-reference: {introduced}

### Problems fixed

- **error** SMM006 unknown-reference: {fixed}
"""  # noqa: E501


def run(cli: Callable[..., Result], repo: Path, *args: str) -> Result:
    return cli("-C", str(repo), "diff", *args, "--today", TODAY)


def test_diff_of_a_change(repo: Path, cli: Callable[..., Result]) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    change(repo)
    commit(repo, "change")
    result = run(cli, repo, base)
    assert result.exit_code == 0, result.output
    lines = result.output.split("\n")
    introduced = lines[lines.index("### Problems introduced") + 2]
    fixed = lines[lines.index("### Problems fixed") + 2]
    # the reference messages belong to the references rule; the positions are ours to get right
    assert introduced.endswith("(content/posts/e.md:7:12)"), introduced
    assert "'ibu'" in introduced
    assert fixed.endswith("(content/posts/b.md:7:11)"), fixed
    assert "'missing'" in fixed
    expected = EXPECTED.format(
        introduced=introduced.split(": ", 1)[1], fixed=fixed.split(": ", 1)[1])
    assert result.output == expected


def test_head_defaults_to_head_and_ignores_the_work_tree(repo: Path,
                                                          cli: Callable[..., Result]) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    change(repo)
    commit(repo, "change")
    explicit = run(cli, repo, base, "HEAD").output
    # uncommitted edits in the work tree are not part of HEAD
    (repo / "content/posts/b.md").unlink()
    before = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if ".git" not in
                    p.parts)
    assert run(cli, repo, base).output == explicit
    after = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if ".git" not in
                   p.parts)
    assert before == after
    assert git(repo, "status", "--porcelain") == " D content/posts/b.md\n"


def test_reverse_diff_swaps_added_and_removed(repo: Path, cli: Callable[..., Result]) -> None:
    base = git(repo, "rev-parse", "HEAD").strip()
    change(repo)
    commit(repo, "change")
    result = run(cli, repo, "HEAD", base)
    assert "### Added\n\n| post | when | channel | pillar | status |\n| --- | --- | --- | --- | " \
        "--- |\n| Di balik layar (`d`) |" in result.output
    assert "| Tips seduh V60 (`a`) | moved: Tue 2026-12-08 09:00 → Tue 2026-12-01 09:00 |" \
        in result.output


def test_no_calendar_change(repo: Path, cli: Callable[..., Result]) -> None:
    write_files(repo, {"guidelines/brand-voice.md": "# Brand voice\n\nWarm and friendly.\n",
                       "README.md": "notes\n"})
    commit(repo, "guides only")
    result = run(cli, repo, "HEAD~1")
    assert result.exit_code == 0
    assert result.output == "no calendar change\n"
    assert run(cli, repo, "HEAD", "HEAD").output == "no calendar change\n"


def test_a_rename_without_id_is_remove_and_add_but_with_id_a_move(
        repo: Path, cli: Callable[..., Result]) -> None:
    git(repo, "mv", "content/posts/d.md", "content/posts/d-new.md")
    git(repo, "mv", "content/posts/c.md", "content/posts/c-new.md")
    commit(repo, "renames")
    out = run(cli, repo, "HEAD~1").output
    assert "1 added, 1 removed, 1 changed" in out
    assert "| Di balik layar (`d-new`) |" in out
    assert "| Promo 12.12 (`c`) | file: content/posts/c.md → content/posts/c-new.md |" in out


def test_caption_and_status_only(repo: Path, cli: Callable[..., Result]) -> None:
    write_files(repo, {"content/posts/d.md": post(
        "", "Di balik layar", "2026-12-04 09:00", "x", "soft-sell", status="cancelled",
        caption="New words.")})
    commit(repo, "cancel d")
    out = run(cli, repo, "HEAD~1").output
    assert "| Di balik layar (`d`) | status: draft → cancelled<br>caption edited |" in out
    # a cancelled post no longer counts in its week
    assert "| x | 2 → 1 | 1 | 0 | 0 | 1 → 0 | 1 |" in out


def test_plan_in_a_sub_folder(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = tmp_path / "repo"
    (root / "plan").mkdir(parents=True)
    git(root, "init", "-q")
    write_files(root / "plan", BASE)
    write_files(root, {"content/posts/not-the-plan.md": "---\ntitle: x\n---\n"})
    commit(root, "plan")
    (root / "plan/content/posts/d.md").unlink()
    commit(root, "remove d")
    out = run(cli, root / "plan", "HEAD~1").output
    assert out.startswith("## Calendar change\n\n1 post: 0 added, 1 removed, 0 changed")
    assert "not-the-plan" not in out


def test_unknown_revision_exits_2(repo: Path, cli: Callable[..., Result]) -> None:
    result = run(cli, repo, "no-such-branch")
    assert result.exit_code == 2
    assert "unknown revision 'no-such-branch'" in result.output
    result = run(cli, repo, "HEAD", "--bogus")
    assert result.exit_code == 2


def test_option_like_revision_is_not_an_option_to_git(repo: Path,
                                                       cli: Callable[..., Result]) -> None:
    result = cli("-C", str(repo), "diff", "--today", TODAY, "--", "--output=/tmp/x")
    assert result.exit_code == 2
    assert "unknown revision '--output=/tmp/x'" in result.output


def test_not_a_git_repository_exits_2(tmp_path: Path, cli: Callable[..., Result]) -> None:
    write_files(tmp_path / "plain", BASE)
    result = run(cli, tmp_path / "plain", "HEAD~1")
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.output


def test_symlink_in_history_is_not_followed(repo: Path, cli: Callable[..., Result]) -> None:
    (repo / "content/posts/link.md").symlink_to("/etc/passwd")
    commit(repo, "a link")
    out = run(cli, repo, "HEAD~1").output
    # nothing of /etc/passwd is read; the link is reported as `check` reports it
    assert out.endswith("### Problems introduced\n\n- **error** SMM008 unreadable-file: this "
                        "link leads outside the plan; it is not read "
                        "(content/posts/link.md:1:1)\n")
    assert "0 posts" in out


def test_markdown_escape() -> None:
    assert md("a|b <script>&amp; *x* _y_ [z](u) `c` @me #12\nnext") == \
        "a\\|b &lt;script&gt;&amp;amp; \\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\@me \\#12 next"
    assert textwrap.dedent(md("plain words")) == "plain words"


def test_a_timezone_change_is_one_rules_line_not_every_post_moved(repo: Path, cli) -> None:
    rules = repo / "guidelines/rules.yml"
    rules.write_text(MINIMAL_RULES.replace("Asia/Jakarta", "Asia/Makassar"), encoding="utf-8")
    commit(repo, "timezone")
    result = cli("-C", str(repo), "diff", "HEAD~1", "--today", TODAY)
    assert result.exit_code == 0, result.output
    assert result.output == (
        "## Calendar change\n\n"
        "0 posts: 0 added, 0 removed, 0 changed · problems: 0 introduced, 0 fixed\n\n"
        "### Rules changed (guidelines/rules.yml)\n\n"
        "- timezone: Asia/Jakarta → Asia/Makassar\n"
        "- every post keeps its written local time, so each one now goes out at another "
        "instant\n")


def test_a_post_that_breaks_is_unreadable_not_removed(repo: Path, cli) -> None:
    path = repo / "content/posts/a.md"
    path.write_text(path.read_text(encoding="utf-8").replace("channel: instagram",
                                                             "channel: [instagram"),
                    encoding="utf-8")
    commit(repo, "break a")
    out = cli("-C", str(repo), "diff", "HEAD~1", "--today", TODAY).output
    assert "### Removed" not in out
    assert "0 removed, 0 changed, 1 unreadable" in out
    assert ("### Could not be read\n\nThese posts are still in the plan but their files no "
            "longer load, so they are left out of the calendar until fixed:\n\n"
            "- Tips seduh V60 (`a`): SMM001 YAML syntax:") in out


def test_a_broken_rules_file_does_not_claim_fixes(repo: Path, cli) -> None:
    (repo / "guidelines/rules.yml").write_text("timezone: [\n", encoding="utf-8")
    commit(repo, "break rules")
    out = cli("-C", str(repo), "diff", "HEAD~1", "--today", TODAY).output
    assert ("- **guidelines/rules.yml cannot be used in the new revision**: its rules were not "
            "applied, so problems listed as fixed may only have gone unchecked") in out


def test_a_channel_limit_change_is_named(repo: Path, cli) -> None:
    rules = repo / "guidelines/rules.yml"
    rules.write_text(MINIMAL_RULES.replace("per_day: [0, 2]", "per_day: [1, 2]"),
                     encoding="utf-8")
    commit(repo, "stricter")
    out = cli("-C", str(repo), "diff", "HEAD~1", "--today", TODAY).output
    assert "- channel instagram: per\\_day \\[0, 2\\] → \\[1, 2\\]\n" in out


def test_links_in_history_are_followed_inside_the_plan_and_reported_outside(repo: Path,
                                                                             cli) -> None:
    (repo / "content/posts/inside.md").symlink_to("a.md")
    (repo / "content/posts/outside.md").symlink_to("/etc/passwd")
    (repo / "content/posts/up.md").symlink_to("../../../../secret.md")
    commit(repo, "links")
    out = cli("-C", str(repo), "diff", "HEAD~1", "--today", TODAY).output
    assert ("- **error** SMM008 unreadable-file: this link leads outside the plan; it is not "
            "read (content/posts/outside.md:1:1)") in out
    assert "(content/posts/up.md:1:1)" in out
    # the link inside the plan is read like the work tree's check reads it: a second file
    # with the id of its stem, and the same content as a.md
    assert "SMM005" not in out
    assert "| Tips seduh V60 (`inside`) |" in out


def test_diff_counts_occurrences_per_week(tmp_path: Path, cli: Callable[..., Result]) -> None:
    """A recurring post stands in every week it recurs; lengthening the series adds its
    occurrences to the weeks they fall in, as single posts would."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    write_files(root, {
        "guidelines/rules.yml": MINIMAL_RULES,
        "content/posts/tip.md": post("", "Tip mingguan", "2026-12-01 09:00", "instagram",
                                     "education", extra="repeat: {every: week, count: 2}"),
    })
    base = commit(root, "plan")
    write_files(root, {
        "content/posts/tip.md": post("", "Tip mingguan", "2026-12-01 09:00", "instagram",
                                     "education", extra="repeat: {every: week, count: 3}"),
    })
    commit(root, "one week more")
    out = run(cli, root, base).output
    assert "| Tip mingguan (`tip`) | repeat: every: week · count: 2 → every: week · count: 3 |" \
        in out
    weeks = re.findall(r"#### (2026-W\d\d) ", out)
    assert weeks == ["2026-W51"]
    assert "| instagram | 0 → 1 | 0 → 1 | 0 → 1 |" in out

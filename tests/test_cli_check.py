"""``smmplan check`` as a user runs it: every output format, every exit code, PATHS, --today,
and ``smmplan rule``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import FIXTURES, REPO

from smmplan.ruletable import RULES

Cli = Callable[..., Result]
TODAY = "2026-11-25"


def post(front: str, caption: str | None = None) -> str:
    # each post its own caption by default: X refuses the same one twice (SMM308)
    if caption is None:
        caption = f"Kopi pagi di kedai kami: {front.split(chr(10))[0].removeprefix('title: ')}."
    return f"---\n{front}---\n\n{caption}\n"


CLEAN = {
    "content/posts/2026/12/a.md": post("title: A\ndate: 2026-12-07 09:00\nchannel: instagram\n"
                                       "pillar: education\n"),
    "content/posts/2026/12/b.md": post("title: B\ndate: 2026-12-07 12:00\nchannel: x\n"
                                       "pillar: quote\n"),
}
# three Instagram posts on one day (max 2): SMM101 on the third; an unknown key; a typo'd channel
PROBLEMS = {
    **CLEAN,
    "content/posts/2026/12/c.md": post("title: C\ndate: 2026-12-07 15:00\nchannel: instagram\n"
                                       "pillar: education\n"),
    "content/posts/2026/12/d.md": post("title: D\ndate: 2026-12-07 18:00\nchannel: instagram\n"
                                       "pillar: quote\n"),
    "content/posts/2026/12/e.md": post("title: E\ndate: 2026-12-08 09:00\nchannel: instagarm\n"
                                       "pillar: quote\nhashtags: [kopi]\n"),
}

TEXT = (
    "content/posts/2026/12/d.md:4:10: error[SMM101] instagram has 3 posts on 2026-12-07 (max 2)\n"
    "content/posts/2026/12/e.md:4:10: error[SMM006] unknown channel 'instagarm'; "
    "did you mean 'instagram'?\n"
    "content/posts/2026/12/e.md:6:1: warning[SMM004] unknown key 'hashtags'; did you mean 'tags'?\n"
    "Found 2 errors, 1 warning, 0 info in 5 posts.\n"
)


def check(cli: Cli, root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return cli("-C", str(root), "check", *args, env=env)


def test_text_is_concise_and_exact(make_plan: Callable[..., Path], cli: Cli) -> None:
    result = check(cli, make_plan(PROBLEMS), "--today", TODAY)
    assert (result.output, result.exit_code) == (TEXT, 1)
    assert "\x1b[" not in result.output, "no colour when stdout is not a terminal"


def test_text_with_source_shows_the_line_a_caret_and_help(make_plan: Callable[..., Path],
                                                          cli: Cli) -> None:
    root = make_plan(PROBLEMS)
    result = check(cli, root, "--today", TODAY, "--show-source")
    help_006 = "defined in guidelines/rules.yml `channels:`: instagram, x"
    # the wording of SMM101's help belongs to the frequency rules: take it from the JSON
    data = json.loads(check(cli, root, "--today", TODAY, "--format", "json").output)
    help_101 = data["diagnostics"][0].get("help")
    help_101 = f"; help: {help_101}" if help_101 else ""
    assert result.output == (
        "content/posts/2026/12/d.md:4:10: error[SMM101] instagram has 3 posts on 2026-12-07 "
        "(max 2)\n"
        "4 | channel: instagram\n"
        "             ^\n"
        f"  = too-many-per-day{help_101}\n"
        "\n"
        "content/posts/2026/12/e.md:4:10: error[SMM006] unknown channel 'instagarm'; did you "
        "mean 'instagram'?\n"
        "4 | channel: instagarm\n"
        "             ^\n"
        f"  = unknown-reference; help: {help_006}\n"
        "\n"
        "content/posts/2026/12/e.md:6:1: warning[SMM004] unknown key 'hashtags'; did you mean "
        "'tags'?\n"
        "6 | hashtags: [kopi]\n"
        "    ^\n"
        "  = unknown-field\n"
        "\n"
        "Found 2 errors, 1 warning, 0 info in 5 posts.\n"
    )
    assert result.exit_code == 1


def test_json_is_one_object_as_in_the_spec(make_plan: Callable[..., Path], cli: Cli) -> None:
    result = check(cli, make_plan(PROBLEMS), "--today", TODAY, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    for d in data["diagnostics"]:
        d.pop("help", None)  # its wording belongs to each rule; the rest is the contract
    assert data == {
        "version": 1,
        "summary": {"posts": 5, "errors": 2, "warnings": 1, "info": 0},
        "diagnostics": [
            {"file": "content/posts/2026/12/d.md", "line": 4, "column": 10, "code": "SMM101",
             "rule": "too-many-per-day", "severity": "error",
             "message": "instagram has 3 posts on 2026-12-07 (max 2)", "post": "d"},
            {"file": "content/posts/2026/12/e.md", "line": 4, "column": 10, "code": "SMM006",
             "rule": "unknown-reference", "severity": "error",
             "message": "unknown channel 'instagarm'; did you mean 'instagram'?", "post": "e"},
            {"file": "content/posts/2026/12/e.md", "line": 6, "column": 1, "code": "SMM004",
             "rule": "unknown-field", "severity": "warning",
             "message": "unknown key 'hashtags'; did you mean 'tags'?", "post": "e"},
        ],
    }


def test_json_leaves_out_post_when_no_post_is_concerned(make_plan: Callable[..., Path],
                                                        cli: Cli) -> None:
    root = make_plan({**CLEAN, "personas/p.yml": "name: P\nlast_reviewed: 2026-11-01\nage: 3\n"})
    data = json.loads(check(cli, root, "--today", TODAY, "--format", "json").output)
    assert data["diagnostics"] == [
        {"file": "personas/p.yml", "line": 3, "column": 1, "code": "SMM004",
         "rule": "unknown-field", "severity": "warning",
         "message": "unknown key 'age'",
         "help": "allowed: name, description, demographics, interests, channels, last_reviewed"},
    ]


def test_github_workflow_commands(make_plan: Callable[..., Path], cli: Cli) -> None:
    root = make_plan({**PROBLEMS, "content/posts/2026/12/f.md": post(
        "title: F\ndate: 2026-12-09 09:00\nchannel: x\npillar: quote\nformat: text\n"
        "colour: 'a,b: 100%'\n")})
    result = check(cli, root, "--today", TODAY, "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[1:] == [
        "::error file=content/posts/2026/12/e.md,line=4,col=10,title=SMM006 unknown-reference::"
        "unknown channel 'instagarm'; did you mean 'instagram'?%0Adefined in "
        "guidelines/rules.yml `channels:`: instagram, x",
        "::warning file=content/posts/2026/12/e.md,line=6,col=1,title=SMM004 unknown-field::"
        "unknown key 'hashtags'; did you mean 'tags'?",
        "::warning file=content/posts/2026/12/f.md,line=7,col=1,title=SMM004 unknown-field::"
        "unknown key 'colour'%0Aallowed: title, date, channel, pillar, status, id, format, "
        "personas, campaign, author, editor, tags, link, media, ignore, metrics, published, repeat",
        "Found 2 errors, 2 warnings, 0 info in 6 posts.",
    ]
    assert lines[0].startswith("::error file=content/posts/2026/12/d.md,line=4,col=10,"
                               "title=SMM101 too-many-per-day::instagram has 3 posts on "
                               "2026-12-07 (max 2)")


def test_github_escapes_what_would_end_a_property_or_a_command() -> None:
    from smmplan.diagnostics import Diagnostic
    from smmplan.render.diagnostics import github

    d = Diagnostic("SMM003", "50% off\nnow", "content/posts/a,b:c.md", 2, 3, "info")
    assert github([d], 1) == (
        "::notice file=content/posts/a%2Cb%3Ac.md,line=2,col=3,title=SMM003 invalid-value::"
        "50%25 off%0Anow\n"
        "Found 0 errors, 0 warnings, 1 info in 1 post.\n"
    )


# --- exit codes ---------------------------------------------------------------------------------

def test_clean_plan_exits_0(make_plan: Callable[..., Path], cli: Cli) -> None:
    result = check(cli, make_plan(CLEAN), "--today", TODAY)
    assert (result.output, result.exit_code) == (
        "All checks passed: 2 posts, no problems.\n", 0)


def test_warnings_exit_0_and_1_with_strict(make_plan: Callable[..., Path], cli: Cli) -> None:
    root = make_plan({**CLEAN, "content/posts/2026/12/w.md": post(
        "title: W\ndate: 2026-12-09 09:00\nchannel: x\npillar: quote\ncolour: red\n")})
    relaxed = check(cli, root, "--today", TODAY)
    strict = check(cli, root, "--today", TODAY, "--strict")
    assert relaxed.exit_code == 0
    assert strict.exit_code == 1
    assert relaxed.output == strict.output == (
        "content/posts/2026/12/w.md:6:1: warning[SMM004] unknown key 'colour'\n"
        "Found 0 errors, 1 warning, 0 info in 3 posts.\n")
    assert check(cli, make_plan(CLEAN), "--today", TODAY, "--strict").exit_code == 1, \
        "the warning file is still there"


def test_errors_exit_1_in_every_format(make_plan: Callable[..., Path], cli: Cli) -> None:
    root = make_plan(PROBLEMS)
    for fmt in ("text", "json", "github"):
        assert check(cli, root, "--today", TODAY, "--format", fmt).exit_code == 1, fmt


def test_no_plan_found_exits_2(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
                               ) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    result = cli("check")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: no plan found in {empty} (a plan has guidelines/rules.yml and content/posts/); "
        "run `smmplan init DIR` to create one, or use -C DIR\n")
    result = cli("-C", str(empty), "check")
    assert result.exit_code == 2
    assert "no plan found" in result.output


def test_plan_is_found_from_a_subfolder(make_plan: Callable[..., Path], cli: Cli,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_plan(CLEAN)
    monkeypatch.chdir(root / "content" / "posts" / "2026")
    result = cli("check", "--today", TODAY)
    assert (result.output, result.exit_code) == (
        "All checks passed: 2 posts, no problems.\n", 0)


@pytest.mark.parametrize("today", ["2026-02-30", "tomorrow", "25-11-2026"])
def test_bad_today_exits_2(today: str, make_plan: Callable[..., Path], cli: Cli) -> None:
    root = make_plan(CLEAN)
    result = check(cli, root, "--today", today)
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: Invalid value for --today: '{today}' is not a date YYYY-MM-DD\n")
    env_result = check(cli, root, env={"SMMPLAN_TODAY": today})
    assert env_result.exit_code == 2
    assert f"'{today}' is not a date YYYY-MM-DD" in env_result.output


def test_missing_plan_folder_exits_2(tmp_path: Path, cli: Cli) -> None:
    result = cli("-C", str(tmp_path / "nope"), "check")
    assert (result.output, result.exit_code) == (
        f"Error: -C {tmp_path / 'nope'}: no such folder\n", 2)


def test_bad_format_is_a_usage_error(make_plan: Callable[..., Path], cli: Cli) -> None:
    result = check(cli, make_plan(CLEAN), "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


# --- PATHS --------------------------------------------------------------------------------------

def test_paths_filter_the_report_but_rules_see_the_whole_plan(
        make_plan: Callable[..., Path], cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_plan(PROBLEMS)
    monkeypatch.chdir(root.parent)  # relative PATHS are then read against the plan root
    # d.md breaks the daily limit only together with a.md and c.md, which are not selected
    only_d = check(cli, root, "--today", TODAY, "content/posts/2026/12/d.md")
    assert (only_d.output, only_d.exit_code) == (
        "content/posts/2026/12/d.md:4:10: error[SMM101] instagram has 3 posts on 2026-12-07 "
        "(max 2)\n"
        "Found 1 error, 0 warnings, 0 info in 5 posts.\n", 1)
    clean_a = check(cli, root, "--today", TODAY, str(root / "content/posts/2026/12/a.md"))
    assert (clean_a.output, clean_a.exit_code) == (
        "All checks passed: 5 posts, no problems.\n", 0)
    folder = check(cli, root, "--today", TODAY, "content/posts/2026/12/")
    assert folder.output == TEXT
    two = check(cli, root, "--today", TODAY, "content/posts/2026/12/e.md", "guidelines")
    assert two.output == "\n".join(TEXT.splitlines()[1:3]) + (
        "\nFound 1 error, 1 warning, 0 info in 5 posts.\n")


def test_paths_outside_the_plan_exit_2(tmp_path: Path, make_plan: Callable[..., Path],
                                       cli: Cli) -> None:
    root = make_plan(CLEAN)
    result = check(cli, root, str(tmp_path))
    assert result.exit_code == 2
    assert result.output == f"Error: {tmp_path} is not inside the plan {root}\n"


# --- today --------------------------------------------------------------------------------------

DUE = {
    "content/posts/2026/12/due.md": post("title: Due\ndate: 2026-12-07 20:00\nchannel: x\n"
                                         "pillar: quote\nstatus: draft\n"),
    "content/posts/2027/03/later.md": post("title: Later\ndate: 2027-03-01 20:00\nchannel: x\n"
                                           "pillar: quote\nstatus: draft\n"),
}


def test_today_and_its_environment_variable(make_plan: Callable[..., Path], cli: Cli) -> None:
    root = make_plan(DUE)
    early = check(cli, root, "--today", "2026-11-20", "--format", "json")
    assert json.loads(early.output)["diagnostics"] == []
    late = check(cli, root, "--today", "2026-12-06", "--format", "json")
    assert [(d["code"], d["post"]) for d in json.loads(late.output)["diagnostics"]] == [
        ("SMM401", "due")]
    by_env = check(cli, root, "--format", "json", env={"SMMPLAN_TODAY": "2026-12-06"})
    assert by_env.output == late.output
    # the option wins over the environment
    both = check(cli, root, "--today", "2026-11-20", "--format", "json",
                 env={"SMMPLAN_TODAY": "2026-12-06"})
    assert both.output == early.output


# --- smmplan rule -------------------------------------------------------------------------------

def test_rule_prints_its_documentation(cli: Cli) -> None:
    by_code = cli("rule", "SMM005")
    assert (by_code.output, by_code.exit_code) == (RULES["SMM005"].doc(), 0)
    assert by_code.output.startswith("# SMM005 duplicate-id (default: error)\n\n## What it does\n")
    for heading in ("## Why\n", "## Example\n", "## How to fix\n"):
        assert heading in by_code.output
    assert cli("rule", "duplicate-id").output == by_code.output
    assert cli("rule", "smm005").output == by_code.output


def test_unknown_rule_exits_2_with_a_suggestion(cli: Cli) -> None:
    result = cli("rule", "duplicat-id")
    assert (result.output, result.exit_code) == (
        "Error: no rule 'duplicat-id'; did you mean 'duplicate-id'?\n", 2)


def test_rule_list_names_every_rule(cli: Cli) -> None:
    lines = cli("rule").output.splitlines()
    assert [line.split()[0] for line in lines] == list(RULES)


def test_every_rule_is_documented_and_exercised() -> None:
    """Each code in the rule table has full documentation and appears in an expected output
    (a fixture) or in a test."""
    evidence = "\n".join(p.read_text(encoding="utf-8")
                         for p in sorted(FIXTURES.rglob("expected.txt")))
    tests = "\n".join(p.read_text(encoding="utf-8")
                      for p in sorted((REPO / "tests").glob("test_*.py")))
    for code, rule in RULES.items():
        assert re.fullmatch(r"SMM\d{3}", code) and rule.code == code
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), code
        assert rule.level in ("error", "warning", "info", "per rule"), code
        for part in (rule.summary, rule.why, rule.example, rule.fix):
            assert part.strip(), f"{code} lacks part of its documentation"
        assert f"[{code}]" in evidence or f'"{code}"' in tests, f"{code} is never exercised"


def test_broken_team_file_does_not_flood_unknown_members(make_plan, cli) -> None:
    """One diagnostic for the broken team.yml; no SMM006 for the authors it failed to define."""
    root = make_plan({
        "guidelines/team.yml": "members: [rina, dimas]\n",
        "content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\nchannel: instagram\n"
                              "pillar: education\nauthor: rina\neditor: dimas\n---\nHalo.\n",
    })
    result = cli("-C", str(root), "check", "--format", "json", "--today", "2026-11-25")
    import json

    codes = [d["code"] for d in json.loads(result.output)["diagnostics"]]
    assert codes.count("SMM007") == 1
    assert "SMM006" not in codes


def test_a_mistyped_path_is_an_error_not_a_pass(make_plan, cli) -> None:
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\n"
                      "channel: x\npillar: education\n---\nHalo.\n"})
    result = cli("-C", str(root), "check", "content/posts/b.md")
    assert result.exit_code == 2
    assert "content/posts/b.md: no such file or folder in the plan" in result.output


def test_rule_list_shows_whole_first_sentences(cli) -> None:
    listing = cli("rule").output.splitlines()
    assert len(listing) == len(RULES)
    line = next(row for row in listing if row.startswith("SMM407"))
    assert line.endswith("Fires when a post's date is outside its campaign's start..end")

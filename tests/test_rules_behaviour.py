"""The editorial rules with the rest of the pipeline: levels, ignores, broken settings, the
example plan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import EXAMPLE_TODAY, REPO

RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, per_day: [0, 1], best_formats: [photo]}
severity: {too-many-per-day: warning, SMM307: "off"}
voice:
  - {name: slang, kind: banned, level: info, terms: [gan], colour: red}
"""


def _post(name: str, extra: str = "") -> str:
    return (f"---\ntitle: {name}\ndate: 2026-12-01 09:00\nchannel: instagram\n"
            f"pillar: education\nformat: text\n{extra}---\nHalo gan.\n")


def test_levels_and_ignores_apply_to_editorial_rules(make_plan: Callable[..., Path],
                                                     cli: Callable[..., Result]) -> None:
    root = make_plan({
        "content/posts/a.md": _post("a"),
        "content/posts/b.md": _post("b"),
        "content/posts/c.md": _post("c", "ignore: [SMM101, banned-term]\n"),
    }, rules=RULES)
    result = cli("-C", str(root), "check", "--today", "2026-11-25")
    assert result.output == (
        "content/posts/a.md:8:6: info[SMM303] avoid 'gan'\n"
        "content/posts/b.md:4:10: warning[SMM101] instagram has 3 posts on 2026-12-01 (max 1)\n"
        "content/posts/b.md:8:6: info[SMM303] avoid 'gan'\n"
        "guidelines/rules.yml:6:60: error[SMM007] unknown key 'voice[0].colour'\n"
        "Found 1 error, 1 warning, 2 info in 3 posts.\n"
    )
    assert "c.md" not in result.output


def test_rules_survive_a_broken_rules_file(make_plan: Callable[..., Path],
                                           cli: Callable[..., Result]) -> None:
    root = make_plan({"content/posts/a.md": _post("a")}, rules="timezone: [\n")
    result = cli("-C", str(root), "check", "--today", "2026-11-25", "--format", "json")
    codes = [d["code"] for d in json.loads(result.output)["diagnostics"]]
    assert codes == ["SMM001"]
    assert cli("-C", str(root), "report").exit_code == 0


def test_example_plan_checks_clean_and_reports_its_mix(cli: Callable[..., Result]) -> None:
    result = cli("-C", str(REPO), "check", "--today", EXAMPLE_TODAY, "--format", "json")
    assert json.loads(result.output)["diagnostics"] == []
    data = json.loads(cli("-C", str(REPO), "report", "--format", "json").output)
    assert data["windows"]
    for window in data["windows"]:
        assert sum(p["posts"] for p in window["pillars"]) == window["posts"]
        assert sum(c["posts"] for c in window["channels"]) == window["posts"]


def test_a_run_of_empty_days_or_weeks_is_reported_once(make_plan: Callable[..., Path],
                                                       cli: Callable[..., Result]) -> None:
    """A gap in the plan is one warning naming its first and last day, not one per day: a post
    dated years ahead by mistake must not bury the check under thousands of warnings."""
    rules = ("timezone: Asia/Jakarta\nchannels:\n"
             "  x: {platform: x, per_day: [1, 5]}\n"
             "  linkedin: {platform: linkedin, per_week: [1, 5]}\n")

    def post(name: str, date: str, channel: str) -> str:
        return (f"---\ntitle: {name}\ndate: {date}\nchannel: {channel}\npillar: education\n"
                "---\nHalo.\n")

    root = make_plan({
        "content/posts/a.md": post("a", "2026-12-01 09:00", "x"),
        "content/posts/b.md": post("b", "2026-12-03 09:00", "x"),
        "content/posts/c.md": post("c", "2027-12-31 09:00", "x"),
        "content/posts/d.md": post("d", "2026-12-01 09:00", "linkedin"),
        "content/posts/e.md": post("e", "2027-01-05 09:00", "linkedin"),
    }, rules=rules)
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    lines = [line for line in result.output.splitlines() if "SMM10" in line]
    assert lines == [
        "guidelines/rules.yml:3:29: warning[SMM102] x has no posts from 2026-12-04 to "
        "2027-12-30, 392 days (min 1)",
        "guidelines/rules.yml:3:29: warning[SMM102] x has no posts on 2026-12-02 (min 1)",
        "guidelines/rules.yml:4:44: warning[SMM104] linkedin has no posts from 2026-W50 to "
        "2026-W53, 4 weeks (min 1)",
    ]


def test_a_backtracking_voice_pattern_is_stopped_and_reported_once(
        make_plan: Callable[..., Path], cli: Callable[..., Result]) -> None:
    rules = ("timezone: Asia/Jakarta\nchannels:\n  x: {platform: x, duplicate_within: 0m}\nvoice:\n"
             "  - {name: evil, kind: banned, level: error, pattern: '(a|aa)+$', regex: true}\n")
    caption = "a" * 60 + "!"
    posts = {f"content/posts/p{i}.md": f"---\ntitle: P{i}\ndate: 2026-12-0{i} 09:00\n"
             f"channel: x\npillar: education\n---\n{caption}\n" for i in range(1, 4)}
    root = make_plan(posts, rules=rules)
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    assert result.output.splitlines()[:-1] == [
        "guidelines/rules.yml:5:55: error[SMM007] voice rule 'evil' took over 0.5 s on post "
        "'p1' and was stopped: its pattern backtracks without end"]
    assert result.exit_code == 1


def test_an_invalid_voice_regex_is_one_diagnostic_and_the_rule_is_left_out(
        make_plan: Callable[..., Path], cli: Callable[..., Result]) -> None:
    rules = ("timezone: Asia/Jakarta\nchannels:\n  x: {platform: x}\nvoice:\n"
             "  - {name: cta, kind: require, level: error, pattern: '(pesan', regex: true}\n")
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\n"
                      "channel: x\npillar: education\n---\nHalo.\n"}, rules=rules)
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    lines = result.output.splitlines()
    assert len(lines) == 2 and lines[0].startswith(
        "guidelines/rules.yml:5:55: error[SMM007] 'voice[0].pattern' is not a valid regular "
        "expression: missing )")


def test_voice_terms_match_case_insensitively_beyond_ascii(make_plan: Callable[..., Path],
                                                          cli: Callable[..., Result]) -> None:
    """The quick substring test before a term's regex must not miss what the regex matches:
    SIS, the long s (ſis) and the Kelvin sign (Kopi) all match `sis` and `kopi`."""
    rules = ("timezone: Asia/Jakarta\nchannels:\n  x: {platform: x}\nvoice:\n"
             "  - {name: slang, kind: banned, level: warning, terms: [sis, kopi]}\n")
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\n"
                      "channel: x\npillar: education\n---\nSIS ſis \u212aopi sister\n"},
                     rules=rules)
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    found = [line.split(": ", 1)[0] for line in result.output.splitlines() if "SMM303" in line]
    assert found == ["content/posts/a.md:7:1", "content/posts/a.md:7:5",
                     "content/posts/a.md:7:9"]

"""Bad input of every kind issue 2 lists: each gives a diagnostic at file, line and column, never a
traceback, and every other file is still loaded."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL_RULES

from smmplan.check import check_plan
from smmplan.load import load_plan

Found = list[tuple[str, str, int, int, str]]
LINK = "this link leads outside the plan; it is not read"
GOOD = "---\ntitle: Kopi pagi\ndate: 2026-12-07 09:00\nchannel: x\npillar: quote\n---\n\nHalo.\n"


def post(front: str, body: str = "Halo.") -> str:
    return f"---\n{front}---\n\n{body}\n"


def found(root: Path) -> Found:
    """Load diagnostics as (code, file, line, column, message), sorted."""
    _, out = load_plan(root)
    return sorted((d.code, d.file, d.line, d.column, d.message) for d in out)


def checked(root: Path) -> Found:
    """Diagnostics of the whole check (rules included), in output order."""
    result = check_plan(root, None)
    return [(d.code, d.file, d.line, d.column, d.message) for d in result.diagnostics]


P = "content/posts/p.md"

POST_CASES: dict[str, tuple[str | bytes, Found]] = {
    "broken-yaml": (
        post("title: [Kopi\ndate: 2026-12-07\n"),
        [("SMM001", P, 3, 5, "YAML syntax: did not find expected ',' or ']'")]),
    "never-closed": (
        "---\ntitle: Kopi\ndate: 2026-12-07\n\nHalo.\n",
        [("SMM001", P, 1, 1,
          "the front matter opened on line 1 is never closed with a `---` line")]),
    "empty": (
        "",
        [("SMM002", P, 1, 1,
          "the file is empty: a post starts with front matter between two `---` lines")]),
    "blank-lines-only": (
        "\n\n  \n",
        [("SMM002", P, 1, 1,
          "the file is empty: a post starts with front matter between two `---` lines")]),
    "only-front-matter": (
        "---\ntitle: Kopi\ndate: 2026-12-07 09:00\nchannel: x\npillar: quote\n---\n",
        [("SMM002", P, 6, 1, "the post has no caption (the text after the front matter)")]),
    "list-front-matter": (
        "---\n- title\n- date\n---\n\nHalo.\n",
        [("SMM003", P, 2, 1,
          "the front matter must be a mapping of keys to values, but holds a list")]),
    "scalar-front-matter": (
        "---\njust words\n---\n\nHalo.\n",
        [("SMM003", P, 2, 1,
          "the front matter must be a mapping of keys to values, but holds text")]),
    "feb-30": (
        post("title: A\ndate: 2027-02-30\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 3, 7,
          "'date' '2027-02-30' is not a real date (day is out of range for month)")]),
    "tomorrow": (
        post("title: A\ndate: tomorrow\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 3, 7,
          "'date' 'tomorrow' is not a date; write it as YYYY-MM-DD HH:MM (plan timezone)")]),
    "date-as-number": (
        post("title: A\ndate: 20270201\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 3, 7,
          "'date' must be a date like 2026-12-01 or a time like 2026-12-01 09:30")]),
    "year-out-of-range": (
        post("title: A\ndate: 9999-12-31T23:00-05:00\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 3, 7, "'date' '9999-12-31T23:00-05:00' is not a real date and time "
                            "(date value out of range)")]),
    "id-with-space": (
        post("id: kopi pagi\ntitle: A\ndate: 2026-12-07\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 2, 5, "'id' 'kopi pagi' is not a valid id")]),
    "id-with-slash": (
        post("id: 2026/kopi\ntitle: A\ndate: 2026-12-07\nchannel: x\npillar: quote\n"),
        [("SMM003", P, 2, 5, "'id' '2026/kopi' is not a valid id")]),
    "unknown-keys": (
        post("title: A\ndate: 2026-12-07\nchannel: x\npillar: quote\nstatuz: draft\ncolour: red\n"),
        [("SMM004", P, 6, 1, "unknown key 'statuz'; did you mean 'status'?"),
         ("SMM004", P, 7, 1, "unknown key 'colour'")]),
    "control-character-escaped": (
        post('title: "Kopi\\u001bpagi"\ndate: 2026-12-07\nchannel: x\npillar: quote\n'),
        [("SMM003", P, 2, 8, "'title' contains the control character U+001B")]),
    "control-character-raw": (
        post("title: Kopi\x07pagi\ndate: 2026-12-07\nchannel: x\npillar: quote\n"),
        [("SMM001", P, 2, 12,
          "YAML syntax: unacceptable character #x0007: control characters are not allowed")]),
    "newline-in-title": (
        post('title: "Kopi\\npagi"\ndate: 2026-12-07\nchannel: x\npillar: quote\n'),
        [("SMM003", P, 2, 8, "'title' contains the control character U+000A")]),
    "control-character-in-caption": (
        post("title: A\ndate: 2026-12-07\nchannel: x\npillar: quote\n", "Halo\n\nka\x1bmu"),
        [("SMM003", P, 10, 3, "the caption contains the control character U+001B")]),
    "unicode-line-separator": (
        post("title: Kopi\u2028pagi\ndate: 2026-12-07\nchannel: x\npillar: quote\n"),
        [("SMM001", P, 2, 12, "YAML syntax: the character U+2028 (a Unicode line break) is not "
                             "allowed; use an ordinary line break")]),
    "non-utf8": (
        b"---\ntitle: Caf\xe9\ndate: 2026-12-07\nchannel: x\npillar: quote\n---\n\nHalo.\n",
        [("SMM008", P, 2, 11, "file is not UTF-8 (byte 0xe9)")]),
    "non-utf8-after-multibyte": (
        "---\ntitle: Kopi ☕ ".encode() + b"\xff\n---\n",
        [("SMM008", P, 2, 15, "file is not UTF-8 (byte 0xff)")]),
    "nul-byte": (
        b"---\ntitle: A\x00\n---\n",
        [("SMM008", P, 2, 9, "file contains a NUL byte: not a text file")]),
    "five-megabytes": (
        post("title: A\ndate: 2026-12-07\nchannel: x\npillar: quote\n", "kopi " * 1_000_000),
        [("SMM008", P, 1, 1, "file is 5,000,061 bytes, over the limit of 1,048,576 (1 MiB)")]),
    "python-tag": (
        post("title: !!python/object/apply:os.system [echo hi]\ndate: 2026-12-07\n"),
        [("SMM001", P, 2, 8,
          "YAML syntax: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'")]),
    "duplicate-key": (
        post("title: A\ntitle: B\ndate: 2026-12-07\nchannel: x\npillar: quote\n"),
        [("SMM001", P, 3, 1, "YAML syntax: duplicate key 'title'")]),
    "crlf-line-ends": (
        b"---\r\ntitle: A\r\ndate: 2026-13-01\r\nchannel: x\r\npillar: quote\r\n---\r\nHalo.\r\n",
        [("SMM003", P, 3, 7, "'date' '2026-13-01' is not a real date (month must be in 1..12)")]),
    "old-mac-line-ends": (
        b"---\rtitle: A\rdate: 2026-13-01\rchannel: x\rpillar: quote\r---\rHalo.\r",
        [("SMM003", P, 3, 7, "'date' '2026-13-01' is not a real date (month must be in 1..12)")]),
    "byte-order-mark": (
        "\ufeff---\ntitle: A\ndate: 2026-13-01\nchannel: x\npillar: quote\n---\nHalo.\n",
        [("SMM003", P, 3, 7, "'date' '2026-13-01' is not a real date (month must be in 1..12)")]),
}


@pytest.mark.parametrize("case", sorted(POST_CASES))
def test_bad_post(case: str, make_plan: Callable[..., Path]) -> None:
    content, expected = POST_CASES[case]
    root = make_plan({P: content, "content/posts/good.md": GOOD})
    assert found(root) == expected
    plan, _ = load_plan(root)
    assert "good" in [p.id for p in plan.posts], "the other files are still loaded"


def test_yaml_alias_bomb_is_refused_quickly(make_plan: Callable[..., Path]) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    root = make_plan({P: post("\n".join(lines) + "\n"), "content/posts/good.md": GOOD})
    start = time.perf_counter()
    result = found(root)
    assert time.perf_counter() - start < 5
    assert result == [("SMM001", P, 2, 8,
                       "YAML syntax: the document expands to more than 50000 values (aliases?)")]


@pytest.mark.parametrize("front, line, column, message", [
    ("title: " + "[" * 200_000 + "\n", 2, 108, "nested more than 100 levels deep"),
    ("title:\n" + "- " * 200_000 + "x\n", 3, 201, "indented more than 200 columns deep"),
    ("".join(" " * i + "k:\n" for i in range(300)), 203, 201,
     "indented more than 200 columns deep"),
], ids=["flow", "compact-sequences", "indentation"])
def test_deep_nesting_never_reaches_libyaml(front: str, line: int, column: int, message: str,
                                            make_plan: Callable[..., Path]) -> None:
    """libyaml's C composer recurses per level and kills the interpreter (SIGSEGV) some 20,000
    levels down, so this runs in a child process: a crash must fail the test, not the suite."""
    root = make_plan({P: post(front)})
    child = subprocess.run(
        [sys.executable, "-m", "smmplan", "-C", str(root), "check", "--no-show-source",
         "--format", "text", str(root / P)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert child.returncode == 1, child.stderr
    assert child.stdout == (f"{P}:{line}:{column}: error[SMM001] YAML syntax: the document is "
                            f"{message}\nFound 1 error, 0 warnings, 0 info in 0 posts.\n")


def test_duplicate_ids_across_folders_name_the_earlier_path(
        make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        "content/posts/promo.md": GOOD,
        "content/posts/2026/12/promo.md": GOOD,
        "content/posts/2027/01/promo.md": GOOD,
        "content/posts/2027/launch.md": post("id: promo\ntitle: A\ndate: 2026-12-08\nchannel: x\n"
                                             "pillar: quote\n"),
    })
    assert found(root) == [
        ("SMM005", "content/posts/2027/01/promo.md", 1, 1,
         "post id 'promo' is already used by content/posts/2026/12/promo.md"),
        ("SMM005", "content/posts/2027/launch.md", 2, 5,
         "post id 'promo' is already used by content/posts/2026/12/promo.md"),
        ("SMM005", "content/posts/promo.md", 1, 1,
         "post id 'promo' is already used by content/posts/2026/12/promo.md"),
    ]
    plan, _ = load_plan(root)
    assert [p.path for p in plan.posts] == ["content/posts/2026/12/promo.md"]


def test_links_leading_outside_the_plan_are_not_read(tmp_path: Path,
                                                     make_plan: Callable[..., Path]) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "leak.md").write_text(GOOD, encoding="utf-8")
    (secret / "rules.yml").write_text(MINIMAL_RULES, encoding="utf-8")
    root = make_plan({"content/posts/good.md": GOOD})
    (root / "content/posts/leak.md").symlink_to(secret / "leak.md")
    (root / "content/posts/folder").symlink_to(secret)
    (root / "personas").symlink_to(secret)
    # a link inside the plan is fine
    (root / "content/posts/alias.md").symlink_to(root / "content/posts/good.md")
    assert found(root) == [
        ("SMM008", "content/posts/folder", 1, 1, LINK),
        ("SMM008", "content/posts/leak.md", 1, 1, LINK),
        ("SMM008", "personas", 1, 1, LINK),
    ]
    plan, _ = load_plan(root)
    assert [p.id for p in plan.posts] == ["alias", "good"]
    assert plan.personas == {}


def test_rules_file_linked_from_outside_is_not_read(tmp_path: Path,
                                                    make_plan: Callable[..., Path]) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "rules.yml").write_text(MINIMAL_RULES, encoding="utf-8")
    root = make_plan({"content/posts/good.md": GOOD}, rules=None)
    (root / "guidelines").symlink_to(outside)
    # two readers refuse it: the rules file and the guides in the same folder
    assert checked(root) == [
        ("SMM008", "guidelines", 1, 1, LINK),
        ("SMM008", "guidelines/rules.yml", 1, 1, LINK),
    ]


def test_a_fifo_named_like_a_post_does_not_block(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/posts/good.md": GOOD})
    os.mkfifo(root / "content/posts/pipe.md")
    assert found(root) == [("SMM008", "content/posts/pipe.md", 1, 1,
                            "not a regular file; it is not read")]


def test_a_link_loop_is_a_diagnostic(make_plan: Callable[..., Path]) -> None:
    root = make_plan({"content/posts/good.md": GOOD})
    (root / "content/posts/loop.md").symlink_to(root / "content/posts/loop.md")
    assert [d[:4] for d in found(root)] == [("SMM008", "content/posts/loop.md", 1, 1)]


# --- guidelines/rules.yml and the other configuration files ---------------------------------

POSTS = {
    "content/posts/a.md": post("title: A\ndate: 2026-12-07 09:00\nchannel: instagram\n"
                               "pillar: quote\nauthor: rina\n"),
    "content/posts/b.md": post("title: B\ndate: 2026-12-08 09:00\nchannel: [x, instagram]\n"
                               "pillar: custom\n"),
}


@pytest.mark.parametrize("rules, expected", [
    (None, ("SMM007", 1, 1, "guidelines/rules.yml is missing: the plan has no timezone, channels "
                            "or pillars")),
    ("", ("SMM007", 1, 1, "this file must be a mapping of keys to values, but holds nothing")),
    ("- timezone\n- channels\n",
     ("SMM007", 1, 1, "this file must be a mapping of keys to values, but holds a list")),
    ("timezone: [\n", ("SMM001", 2, 1, "YAML syntax: did not find expected node content")),
    ("timezone: Asia/Jakarta\nchannels: [instagram, x]\n",
     ("SMM007", 2, 11, "'channels' must be a mapping of keys to values, not a list")),
    ("timezone: Asia/Jakarta\n",
     ("SMM007", 1, 1, "missing required key 'channels'")),
    (b"timezone: Asia/Jakarta\nchannels: {x: {platform: x, name: \xff}}\n",
     ("SMM008", 2, 35, "file is not UTF-8 (byte 0xff)")),
])
def test_broken_rules_file_gives_one_diagnostic_and_no_flood(
        rules: str | bytes | None, expected: tuple[str, int, int, str],
        make_plan: Callable[..., Path]) -> None:
    files: dict[str, str | bytes] = {**POSTS,
                                     "guidelines/team.yml": "members:\n  rina: {name: R}\n"}
    if rules is not None:
        files["guidelines/rules.yml"] = rules
    root = make_plan(files, rules=None)
    code, line, column, message = expected
    assert checked(root) == [(code, "guidelines/rules.yml", line, column, message)]


def test_unknown_timezone_suggests_the_closest(make_plan: Callable[..., Path]) -> None:
    root = make_plan(POSTS, rules=MINIMAL_RULES.replace("Asia/Jakarta", "Asia/Jakata"))
    assert ("SMM007", "guidelines/rules.yml", 1, 11,
            "'timezone' 'Asia/Jakata' is not a known IANA time zone; did you mean "
            "'Asia/Jakarta'?") in found(root)


@pytest.mark.parametrize("quoted", ['"../../etc/passwd"', '"Not/A/Zone"', '"UTC\\0"', '""',
                                    '"🙂"', "[Asia/Jakarta]"])
def test_odd_timezone_names_are_refused(quoted: str, make_plan: Callable[..., Path]) -> None:
    root = make_plan({}, rules=f"timezone: {quoted}\nchannels: {{x: {{platform: x}}}}\n")
    plan, out = load_plan(root)
    assert plan.settings.timezone == "UTC"
    assert [(d.code, d.line, d.column) for d in out] == [("SMM007", 1, 11)]


def test_broken_definitions_mark_the_plan_incomplete(make_plan: Callable[..., Path]) -> None:
    """A reference to a definition that failed to load is not an unknown reference: the plan
    says which definitions failed (a whole kind, or one ``kind:id``), so that SMM006 can stay
    quiet about them and only them."""
    root = make_plan({
        **POSTS,
        "guidelines/team.yml": "members: [rina]\n",
        "personas/pelajar.yml": "name: [\n",
        "content/campaigns/launch.md": "---\nname: Launch\nstart: 2026-12-01\n---\n",
        "guidelines/rules.yml": MINIMAL_RULES + "pillars: {education: 5}\n",
    }, rules=None)
    plan, out = load_plan(root)
    assert plan.incomplete == {"member", "persona:pelajar", "campaign:launch", "pillar:education"}
    assert sorted((d.code, d.file, d.line, d.column) for d in out) == [
        ("SMM001", "personas/pelajar.yml", 2, 1),
        ("SMM007", "content/campaigns/launch.md", 2, 1),
        ("SMM007", "guidelines/rules.yml", 6, 22),
        ("SMM007", "guidelines/team.yml", 1, 10),
    ]


def test_a_sound_plan_is_complete(make_plan: Callable[..., Path]) -> None:
    root = make_plan({**POSTS, "guidelines/team.yml": "members:\n  rina: {name: R}\n",
                      "personas/pelajar.yml": "name: Pelajar\n",
                      "content/campaigns/launch.md": "---\nname: L\nstart: 2026-12-01\n"
                                                     "end: 2026-12-31\n---\n"})
    plan, _ = load_plan(root)
    assert plan.incomplete == frozenset()
    assert (list(plan.members), list(plan.personas), list(plan.campaigns)) == (
        ["rina"], ["pelajar"], ["launch"])


def test_a_broken_channel_entry_keeps_the_others(make_plan: Callable[..., Path]) -> None:
    root = make_plan(POSTS, rules=MINIMAL_RULES + "  tiktok: 5\n")
    plan, out = load_plan(root)
    assert sorted(plan.settings.channels) == ["instagram", "x"]
    assert plan.incomplete == {"channel:tiktok"}
    assert [(d.code, d.line, d.column, d.message) for d in out] == [
        ("SMM007", 6, 11, "'channels.tiktok' must be a mapping of keys to values, not a number")]


def test_persona_and_team_files_of_the_wrong_shape(make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        "personas/list.yml": "- a\n- b\n",
        "personas/empty.yaml": "",
        "guidelines/team.yml": "members:\n  rina: [creator]\n  Dimas Pratama: {name: D}\n",
    })
    assert found(root) == [
        ("SMM007", "guidelines/team.yml", 2, 9,
         "'members.rina' must be a mapping of keys to values, not a list"),
        ("SMM007", "guidelines/team.yml", 3, 3, "member id 'Dimas Pratama' is not a valid id"),
        ("SMM007", "personas/empty.yaml", 1, 1,
         "a persona file must be a mapping of keys to values, but holds nothing"),
        ("SMM007", "personas/list.yml", 1, 1,
         "a persona file must be a mapping of keys to values, but holds a list"),
    ]


def test_unknown_references_are_reported_where_they_stand(
        make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        "content/posts/a.md": post("title: A\ndate: 2026-12-07 09:00\nchannel: [x, instagarm]\n"
                                   "pillar: quote\npersonas: [pelajar]\ncampaign: ramadan\n"
                                   "author: rina\neditor: dimas\n"),
        "guidelines/team.yml": "members:\n  rini: {name: Rini}\n",
    })
    assert checked(root) == [
        ("SMM006", "content/posts/a.md", 4, 14, "unknown channel 'instagarm'; did you mean "
                                                "'instagram'?"),
        ("SMM006", "content/posts/a.md", 6, 12, "unknown persona 'pelajar'"),
        ("SMM006", "content/posts/a.md", 7, 11, "unknown campaign 'ramadan'"),
        ("SMM006", "content/posts/a.md", 8, 9, "unknown author 'rina'; did you mean 'rini'?"),
        ("SMM006", "content/posts/a.md", 9, 9, "unknown editor 'dimas'"),
    ]


def test_every_other_file_is_still_checked(make_plan: Callable[..., Path]) -> None:
    """One unreadable file of each kind, and the good files beside them all load."""
    root = make_plan({
        "content/posts/bad.md": b"\xff\xfe",
        "content/posts/good.md": GOOD,
        "personas/bad.yml": b"name: \x00",
        "personas/good.yml": "name: Good\n",
        "content/campaigns/bad.md": "---\nname: [\n---\n",
        "content/campaigns/good.md": "---\nname: Good\nstart: 2026-12-01\nend: 2026-12-31\n---\n",
        "guidelines/bad.md": b"# \xc3\x28\n",
        "guidelines/good.md": "# Good guide\n",
    })
    plan, out = load_plan(root)
    assert [p.id for p in plan.posts] == ["good"]
    assert list(plan.personas) == ["good"]
    assert list(plan.campaigns) == ["good"]
    assert [g.title for g in plan.guides] == ["Good guide"]
    assert sorted((d.code, d.file) for d in out) == [
        ("SMM001", "content/campaigns/bad.md"),
        ("SMM008", "content/posts/bad.md"),
        ("SMM008", "guidelines/bad.md"),
        ("SMM008", "personas/bad.yml"),
    ]


def test_huge_durations_and_event_minutes_are_diagnostics_not_overflows(make_plan, cli) -> None:
    rules = ("timezone: Asia/Jakarta\nevent_minutes: 99999999999999\nchannels:\n"
             "  x: {platform: x, min_gap: 99999999999d}\n"
             "workflow: {approve_before: 5000000d, persona_review: 999999w}\n")
    root = make_plan({"content/posts/a.md": "---\ntitle: A\ndate: 2026-12-01 09:00\n"
                      "channel: x\npillar: education\n---\nHalo.\n"}, rules=rules)
    for command in (["check", "--no-show-source"], ["report"], ["ical", "--output",
                                                                  str(root / "feeds")]):
        result = cli("-C", str(root), *command, "--today", "2026-11-25")
        assert "Traceback" not in result.output
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    assert result.output.splitlines()[:-1] == [
        "guidelines/rules.yml:2:16: error[SMM007] 'event_minutes' must be a whole number from 1 "
        "to 1440, not 99999999999999",
        "guidelines/rules.yml:4:29: error[SMM007] 'channels.x.min_gap' '99999999999d' is not a "
        "duration of at most 3660 days; write e.g. 90m, 3h, 2d or 1w",
        "guidelines/rules.yml:5:28: error[SMM007] 'workflow.approve_before' '5000000d' is not a "
        "duration of at most 3660 days; write e.g. 90m, 3h, 2d or 1w",
        "guidelines/rules.yml:5:54: error[SMM007] 'workflow.persona_review' '999999w' is not a "
        "duration of at most 3660 days; write e.g. 90m, 3h, 2d or 1w",
    ]


def test_one_broken_persona_file_silences_only_references_to_it(make_plan, cli) -> None:
    post = ("---\ntitle: A\ndate: 2026-12-01 09:00\nchannel: x\npillar: education\n"
            "personas: [pelajar, ghost]\n---\nHalo.\n")
    root = make_plan({"content/posts/a.md": post, "personas/pelajar.yml": "name: [\n"})
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    codes = [line.split(": ")[1].split(" ")[0] for line in result.output.splitlines()[:-1]]
    assert codes == ["error[SMM006]", "error[SMM001]"]
    assert "unknown persona 'ghost'" in result.output
    assert "unknown persona 'pelajar'" not in result.output


def test_wall_clock_times_skipped_or_repeated_by_dst_are_errors(make_plan, cli) -> None:
    """Pages show the written time and feeds the instant: a time that does not exist, or exists
    twice, must be made explicit rather than silently shifted."""
    rules = "timezone: America/New_York\nchannels:\n  x: {platform: x}\n"

    def post(date: str) -> str:
        return f"---\ntitle: T\ndate: {date}\nchannel: x\npillar: education\n---\nHalo.\n"

    root = make_plan({"content/posts/gap.md": post("2027-03-14 02:30"),
                      "content/posts/twice.md": post("2027-11-07 01:30"),
                      "content/posts/explicit.md": post("2027-11-07T01:30-05:00"),
                      "content/posts/after.md": post("2027-03-14 03:30")}, rules=rules)
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-11-25")
    assert result.output.splitlines()[:-1] == [
        "content/posts/gap.md:3:7: error[SMM003] 'date' '2027-03-14 02:30' does not exist in "
        "America/New_York: the clocks skip it. Write the time after the change, or the intended "
        "UTC offset",
        "content/posts/twice.md:3:7: error[SMM003] 'date' '2027-11-07 01:30' happens twice in "
        "America/New_York (the clocks go back). Add the offset you mean: "
        "2027-11-07T01:30-04:00 or 2027-11-07T01:30-05:00",
    ]
    from smmplan.load import load_plan

    plan, _ = load_plan(root)
    explicit = plan.post("explicit")
    assert explicit is not None and explicit.start is not None
    assert explicit.start.utcoffset() == dt.timedelta(hours=-5)

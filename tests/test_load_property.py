"""Property: whatever bytes a post, a persona or rules.yml holds, loading and checking the plan
never raises; the outcome is diagnostics, each inside a file of the plan at a real position."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MINIMAL_RULES, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmplan.check import check_plan
from smmplan.diagnostics import Diagnostic
from smmplan.ruletable import RULES

TODAY = dt.date(2026, 11, 25)
GOOD = "---\ntitle: A\ndate: 2026-12-07 09:00\nchannel: x\npillar: quote\n---\n\nHalo.\n"
FAST = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# YAML-ish text: fragments that steer the parser into its corners, glued at random
PIECES = ["\n", " ", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ",
          "!!python/name:os.system ", "!x ", "'", '"', "|\n", ">-\n", "#", "---", "...",
          "%YAML 1.1",
          "\t", "\\u0000", "\\x07", "\u2028", "\x85", "é", "☕", "🙂", "~", "null", "yes", "0x1f",
          "1:30", "2027-02-30", "2026-12-07 09:00", "1e999", "-3", "title", "date", "channel",
          "pillar", "status", "id", "personas", "metrics", "timezone", "channels", "voice",
          "instagram", "x", "quote", "Asia/Jakarta", "per_day", "[1, 2]", "<<: *a", "regex",
          "pattern", "(", "*", "kind", "banned", "max-count", "when"]
yamlish = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map("".join)
KEYS = ["title", "date", "channel", "pillar", "status", "id", "format", "personas", "campaign",
        "author", "editor", "tags", "link", "media", "ignore", "metrics", "x"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**20), st.floats(),
                    st.text(max_size=12), st.sampled_from(["2026-12-07", "2027-02-30 25:00",
                                                           "instagram", "x", "quote", "idea"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)
front_matter = st.dictionaries(st.sampled_from(KEYS), values, max_size=8)


@pytest.fixture
def scratch() -> Iterator[Path]:
    """One folder reused by every example (hypothesis runs many examples per test)."""
    folder = Path(tempfile.mkdtemp(prefix="smmplan-prop-"))
    yield folder
    shutil.rmtree(folder)


def plan_with(root: Path, files: dict[str, str | bytes]) -> Path:
    plan = root / "plan"
    if plan.exists():
        shutil.rmtree(plan)
    plan.mkdir()
    files = {"guidelines/rules.yml": MINIMAL_RULES, "content/posts/good.md": GOOD, **files}
    return write_files(plan, {k: v if isinstance(v, bytes) else v.encode("utf-8")
                              for k, v in files.items()})


def assert_sound(root: Path, diagnostics: tuple[Diagnostic, ...]) -> None:
    for d in diagnostics:
        assert d.code in RULES
        assert d.severity in ("error", "warning", "info")
        assert (root / d.file).exists() or (root / d.file).is_symlink(), d
        assert d.line >= 1 and d.column >= 1, d
        assert "\n" not in d.file


@FAST
@given(data=st.binary(max_size=2000))
def test_any_bytes_as_a_post(scratch: Path, data: bytes) -> None:
    root = plan_with(scratch, {"content/posts/p.md": data})
    result = check_plan(root, TODAY)
    assert_sound(root, result.diagnostics)
    assert "good" in [p.id for p in result.plan.posts]


@FAST
@given(front=yamlish, body=st.text(max_size=50))
def test_yamlish_front_matter(scratch: Path, front: str, body: str) -> None:
    root = plan_with(scratch, {"content/posts/p.md": f"---\n{front}\n---\n{body}"})
    result = check_plan(root, TODAY)
    assert_sound(root, result.diagnostics)
    lines = (root / "content/posts/p.md").read_bytes().count(b"\n") + 1
    for d in result.diagnostics:
        if d.file == "content/posts/p.md":
            assert d.line <= lines + 1, d


@FAST
@given(data=front_matter, body=st.text(max_size=50))
def test_structured_front_matter(scratch: Path, data: dict[str, object], body: str) -> None:
    import yaml

    front = yaml.safe_dump(data, allow_unicode=True)
    root = plan_with(scratch, {"content/posts/p.md": f"---\n{front}---\n{body}"})
    result = check_plan(root, TODAY)
    assert_sound(root, result.diagnostics)


@FAST
@given(rules=yamlish)
def test_yamlish_rules_file(scratch: Path, rules: str) -> None:
    root = plan_with(scratch, {"guidelines/rules.yml": rules})
    result = check_plan(root, TODAY)
    assert_sound(root, result.diagnostics)
    assert "good" in [p.id for p in result.plan.posts]


@FAST
@given(rules=yamlish.map(lambda s: MINIMAL_RULES + s))
def test_rules_file_with_a_yamlish_tail(scratch: Path, rules: str) -> None:
    root = plan_with(scratch, {"guidelines/rules.yml": rules})
    assert_sound(root, check_plan(root, TODAY).diagnostics)


@FAST
@given(persona=yamlish, team=yamlish)
def test_yamlish_persona_and_team(scratch: Path, persona: str, team: str) -> None:
    root = plan_with(scratch, {"personas/p.yml": persona, "guidelines/team.yml": team})
    assert_sound(root, check_plan(root, TODAY).diagnostics)

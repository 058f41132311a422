"""The post cache of ``smmplan serve``: unchanged files reused, changed ones read again, and a
check through the cache the same as one without."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from smmplan.check import check_plan
from smmplan.postcache import PostCache

TODAY = dt.date(2026, 11, 25)


def _posts(root: Path) -> list[Path]:
    return sorted((root / "content" / "posts").rglob("*.md"))


def test_a_second_check_reuses_every_unchanged_post(example_copy: Path) -> None:
    cache = PostCache()
    first = check_plan(example_copy, TODAY, cache)
    assert cache.hits == 0
    again = check_plan(example_copy, TODAY, cache)
    assert cache.hits == len(_posts(example_copy)) > 200
    assert again.diagnostics == first.diagnostics
    assert again.plan.posts == first.plan.posts


def test_a_saved_post_is_read_again_and_its_problem_reported(example_copy: Path) -> None:
    cache = PostCache()
    check_plan(example_copy, TODAY, cache)
    path = _posts(example_copy)[10]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pillar: ", "pillar: nonsense-", 1), encoding="utf-8")
    cached = check_plan(example_copy, TODAY, cache)
    assert cache.hits == len(_posts(example_copy)) - 1
    fresh = check_plan(example_copy, TODAY)
    assert cached.diagnostics == fresh.diagnostics
    assert any(d.file.endswith(path.name) and "nonsense" in d.message
               for d in cached.diagnostics)


def test_a_change_of_the_settings_empties_the_cache(example_copy: Path) -> None:
    cache = PostCache()
    check_plan(example_copy, TODAY, cache)
    rules = example_copy / "guidelines" / "rules.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "timezone: Asia/Jakarta", "timezone: Asia/Makassar"), encoding="utf-8")
    cached = check_plan(example_copy, TODAY, cache)
    assert cache.hits == 0
    assert [p.start for p in cached.plan.posts] == [
        p.start for p in check_plan(example_copy, TODAY).plan.posts]
    assert str(cached.plan.posts[0].start.tzinfo) == "Asia/Makassar"


def test_a_deleted_post_leaves_the_plan(example_copy: Path) -> None:
    cache = PostCache()
    before = check_plan(example_copy, TODAY, cache)
    path = _posts(example_copy)[0]
    path.unlink()
    after = check_plan(example_copy, TODAY, cache)
    assert len(after.plan.posts) == len(before.plan.posts) - 1

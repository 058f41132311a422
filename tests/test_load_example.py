"""The repository's example plan: it checks clean, and one injected problem per schema rule
(SMM001-SMM008) is reported at exactly the file, line and column where it was put."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import EXAMPLE_TODAY

Cli = Callable[..., Result]


def run_json(cli: Cli, root: Path) -> dict[str, object]:
    result = cli("-C", str(root), "check", "--today", EXAMPLE_TODAY, "--format", "json")
    data: dict[str, object] = json.loads(result.output)
    data["exit_code"] = result.exit_code
    return data


def where(path: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column of ``needle`` (plus ``offset`` characters) in ``path``: found by
    plain text search, independently of the loader."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    at = text.index(needle) + offset
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_example_plan_checks_clean(example_copy: Path, cli: Cli) -> None:
    data = run_json(cli, example_copy)
    assert data["diagnostics"] == []
    assert data["exit_code"] == 0
    summary = data["summary"]
    assert isinstance(summary, dict) and summary["posts"] >= 100


def test_one_injected_problem_per_schema_rule(example_copy: Path, cli: Cli) -> None:
    root = example_copy
    posts = sorted((root / "content" / "posts").rglob("*.md"))
    first, second, third = posts[0], posts[1], posts[2]

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix()

    expected: list[tuple[str, str, int, int]] = []

    # SMM005 (first, while the post is intact): a copy in another folder keeps its id; the
    # later path is reported
    copy = root / "content" / "posts" / "zz-salinan" / first.name
    copy.parent.mkdir()
    shutil.copy2(first, copy)
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("---\nid: "), "the example's posts carry their id"
    expected.append(("SMM005", rel(copy), 2, 5))

    # SMM001: a new post whose channel list is never closed (libyaml stops at the next key)
    broken = first.parent / "zz-rusak.md"
    broken.write_text("---\ntitle: Rusak\nchannel: [instagram\npillar: quote\n---\n\nHalo.\n",
                      encoding="utf-8")
    expected.append(("SMM001", rel(broken), *where(broken, "pillar:", 6)))

    # SMM002: a new post without a pillar
    no_pillar = first.parent / "zz-tanpa-pilar.md"
    no_pillar.write_text("---\ntitle: Tanpa pilar\ndate: 2026-12-20 10:00\nchannel: x\n---\n\n"
                         "Halo.\n", encoding="utf-8")
    expected.append(("SMM002", rel(no_pillar), 2, 1))

    # SMM003: silencing a rule that does not exist (the post itself stays in the plan)
    assert "\nignore:" not in first.read_text(encoding="utf-8")
    replace_once(first, "\n---\n", "\nignore: [too-many-per-day, bukan-aturan]\n---\n")
    expected.append(("SMM003", rel(first), *where(first, "bukan-aturan")))

    # SMM004: an unknown key on another post
    replace_once(second, "\n---\n", "\nwarna: merah\n---\n")
    expected.append(("SMM004", rel(second), *where(second, "warna:")))

    # SMM006: an editor who is not on the team
    text = third.read_text(encoding="utf-8")
    assert "\neditor: " in text or "\nauthor: " in text
    key = "\neditor: " if "\neditor: " in text else "\nauthor: "
    line, column = where(third, key, len(key))
    lines = text.split("\n")
    lines[line - 1] = lines[line - 1][: column - 1] + "orang-asing"
    third.write_text("\n".join(lines), encoding="utf-8")
    expected.append(("SMM006", rel(third), line, column))

    # SMM007: an unknown key in a channel of rules.yml
    rules = root / "guidelines" / "rules.yml"
    replace_once(rules, "    platform: instagram\n", "    platform: instagram\n    warna: merah\n")
    expected.append(("SMM007", "guidelines/rules.yml", *where(rules, "warna:")))

    # SMM008: a post saved as Latin-1
    latin = first.parent / "zz-latin.md"
    latin.write_bytes(b"---\ntitle: Caf\xe9 baru\ndate: 2026-12-20 10:00\nchannel: x\n"
                      b"pillar: quote\n---\n\nHalo.\n")
    expected.append(("SMM008", rel(latin), 2, 11))

    data = run_json(cli, root)
    diagnostics = data["diagnostics"]
    assert isinstance(diagnostics, list)
    got = sorted((d["code"], d["file"], d["line"], d["column"]) for d in diagnostics)
    assert got == sorted(expected)
    assert data["exit_code"] == 1

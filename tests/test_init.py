"""`smmplan init`: a new plan repository that checks clean and builds as it is."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import REPO, in_fresh_interpreters

from smmplan import schema
from smmplan.load import load_plan
from smmplan.scaffold import scaffold

FILES = [
    ".github/CODEOWNERS",
    ".github/pull_request_template.md",
    ".github/workflows/publish.yml",
    ".github/workflows/pull-request.yml",
    ".gitignore",
    ".vscode/extensions.json",
    ".vscode/settings.json",
    "README.md",
    "content/_templates/kutipan-mingguan.md",
    "content/_templates/promo.md",
    "content/campaigns/launch.md",
    "content/posts/2026/12/behind-the-scenes.md",
    "content/posts/2026/12/welcome.md",
    "content/posts/ideas/customer-stories.md",
    "guidelines/brand-voice.md",
    "guidelines/rules.yml",
    "guidelines/snippets.yml",
    "guidelines/team.yml",
    "mkdocs.yml",
    "personas/everyday-customer.yml",
    "schemas/persona.schema.json",
    "schemas/post.schema.json",
    "schemas/rules.schema.json",
    "schemas/team.schema.json",
]


def files_in(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def init(cli: Callable[..., Result], where: Path, *args: str, today: str = "2026-11-25"
         ) -> Result:
    return cli("init", str(where), "--today", today, *args)


def test_init_writes_a_plan_that_checks_clean(tmp_path: Path, cli: Callable[..., Result]
                                              ) -> None:
    result = init(cli, tmp_path / "plan")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Created a plan in {tmp_path / 'plan'} (24 files).\n")
    assert files_in(tmp_path / "plan") == FILES
    check = cli("-C", str(tmp_path / "plan"), "check", "--strict", "--today", "2026-11-25")
    assert check.output == "All checks passed: 3 posts, no problems.\n"
    assert check.exit_code == 0


def test_init_then_build(tmp_path: Path, cli: Callable[..., Result]) -> None:
    init(cli, tmp_path / "plan")
    result = cli("-C", str(tmp_path / "plan"), "build", "--today", "2026-11-25")
    assert result.exit_code == 0, result.output
    site = tmp_path / "plan/site"
    assert (site / "index.html").is_file()
    assert (site / "posts/welcome/index.html").is_file()
    assert (site / "posts/behind-the-scenes/index.html").is_file()
    feed = (site / "calendar.ics").read_text(encoding="utf-8")
    assert feed.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20261202T100000Z" in feed  # 10:00 UTC, a week after "today"


@pytest.mark.parametrize("today", ["2026-12-28", "2028-02-29", "2027-06-30"])
def test_posts_follow_today(tmp_path: Path, cli: Callable[..., Result], today: str) -> None:
    init(cli, tmp_path / "plan", "--timezone", "Asia/Jakarta", today=today)
    plan, found = load_plan(tmp_path / "plan")
    assert found == []
    assert plan.settings.timezone == "Asia/Jakarta"
    dated = [p for p in plan.posts if p.start is not None]
    day = dt.date.fromisoformat(today)
    assert [(p.id, p.start.date()) for p in dated if p.start is not None] == [
        ("welcome", day + dt.timedelta(days=7)),
        ("behind-the-scenes", day + dt.timedelta(days=8))]
    for p in dated:
        assert p.path == f"content/posts/{p.start:%Y}/{p.start:%m}/{p.id}.md"
    check = cli("-C", str(tmp_path / "plan"), "check", "--strict", "--today", today)
    assert check.exit_code == 0, check.output


def test_site_name_is_quoted_and_escaped(tmp_path: Path, cli: Callable[..., Result]) -> None:
    name = 'Kopi: "Senja" #1 <b>'
    init(cli, tmp_path / "plan", "--name", name)
    plan, _ = load_plan(tmp_path / "plan")
    assert plan.site.name == name
    readme = (tmp_path / "plan/README.md").read_text()
    assert readme.startswith('# Kopi: "Senja" \\#1 \\<b\\>\n')


def test_refuses_a_non_empty_folder(tmp_path: Path, cli: Callable[..., Result]) -> None:
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan/notes.txt").write_text("mine")
    result = init(cli, tmp_path / "plan")
    assert result.exit_code == 2
    assert "is not empty; `smmplan init` only writes into an empty or new folder" in \
        result.output
    assert files_in(tmp_path / "plan") == ["notes.txt"]


def test_accepts_an_empty_folder(tmp_path: Path, cli: Callable[..., Result]) -> None:
    (tmp_path / "plan").mkdir()
    assert init(cli, tmp_path / "plan").exit_code == 0


def test_bad_timezone_and_name(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = init(cli, tmp_path / "plan", "--timezone", "Asia/Jakata")
    assert result.exit_code == 2
    assert "'Asia/Jakata' is not a known IANA time zone; did you mean 'Asia/Jakarta'?" in \
        result.output
    result = init(cli, tmp_path / "plan", "--name", "bad\x1bname")
    assert result.exit_code == 2
    assert not (tmp_path / "plan").exists()


def test_same_day_same_bytes() -> None:
    code = ("import datetime as dt, json, sys; from smmplan.scaffold import scaffold\n"
            "sys.stdout.write(json.dumps(scaffold(dt.date(2026, 11, 25))))\n")
    first, *others = in_fresh_interpreters(code)
    assert all(other == first for other in others)
    assert json.loads(first) == scaffold(dt.date(2026, 11, 25))


def test_editor_support_is_wired(tmp_path: Path, cli: Callable[..., Result]) -> None:
    init(cli, tmp_path / "plan")
    root = tmp_path / "plan"
    settings = json.loads((root / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert mapping == {
        "./schemas/rules.schema.json": ["guidelines/rules.yml"],
        "./schemas/team.schema.json": ["guidelines/team.yml"],
        "./schemas/persona.schema.json": ["personas/*.yml", "personas/*.yaml"],
    }
    for target in mapping:
        assert (root / target).is_file()
    modelines = {
        "guidelines/rules.yml": "../schemas/rules.schema.json",
        "guidelines/team.yml": "../schemas/team.schema.json",
        "personas/everyday-customer.yml": "../schemas/persona.schema.json",
    }
    for name, target in modelines.items():
        first = (root / name).read_text().split("\n")[0]
        assert first == f"# yaml-language-server: $schema={target}"
        assert ((root / name).parent / target).resolve().is_file()
    # the written schemas are this version's
    assert (root / "schemas/post.schema.json").read_text() == \
        schema.dumps(schema.schema("post"))


def test_codeowners_names_the_editors(tmp_path: Path, cli: Callable[..., Result]) -> None:
    init(cli, tmp_path / "plan")
    owners = (tmp_path / "plan/.github/CODEOWNERS").read_text()
    assert "/guidelines/ @sam-editor\n" in owners
    assert "alex-creator" not in owners


def test_the_package_ships_every_template(tmp_path: Path) -> None:
    # what an installed (non-editable) smmplan holds: setuptools' own build of the package data
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy2(REPO / "pyproject.toml", src)
    (src / "README.md").write_text("x\n")
    shutil.copytree(REPO / "smmplan", src / "smmplan",
                    ignore=shutil.ignore_patterns("__pycache__"))
    done = subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q",
                           "build_py", "-d", str(tmp_path / "out")], cwd=src,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shipped = files_in(tmp_path / "out/smmplan/scaffold")
    assert shipped == files_in(REPO / "smmplan/scaffold")
    assert len(shipped) == 19


def test_init_install_option_reaches_the_workflows_as_valid_yaml(tmp_path, cli) -> None:
    import yaml

    install = "pip install 'smmplan @ git+https://github.com/you/smmplan@v0.1.0'  # pinned"
    result = cli("init", str(tmp_path / "p"), "--install", install, "--today", "2026-11-25")
    assert result.exit_code == 0, result.output
    for name in ("pull-request.yml", "publish.yml"):
        flow = yaml.safe_load((tmp_path / "p/.github/workflows" / name).read_text("utf-8"))
        runs = [step.get("run") for job in flow["jobs"].values() for step in job["steps"]]
        assert install in runs, name
    bad = cli("init", str(tmp_path / "q"), "--install", "pip install x\nrm -rf /")
    assert bad.exit_code == 2 and not (tmp_path / "q").exists()

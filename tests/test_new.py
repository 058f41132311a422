"""`smmplan new`: exact files with valid front matter, in the right folder, never overwriting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import MINIMAL_RULES

from smmplan.load import load_plan
from smmplan.newpost import scalar, slug

PLAN = {
    "personas/ibu-muda.yml": "name: Ibu muda\nlast_reviewed: 2026-11-01\n",
    "content/campaigns/promo.md": "---\nname: Promo\nstart: 2026-12-01\nend: 2026-12-31\n---\n",
    "guidelines/team.yml": "members:\n  rina: {name: Rina, roles: [creator]}\n",
}


@pytest.fixture
def plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan(PLAN, rules=MINIMAL_RULES)


def new(cli: Callable[..., Result], plan: Path, *args: str) -> Result:
    return cli("-C", str(plan), "new", *args)


def test_writes_the_post_with_every_field(plan: Path, cli: Callable[..., Result]) -> None:
    result = new(cli, plan, "Promo kopi: diskon 20% #hemat", "--channel", "instagram",
                 "--channel", "x", "--channel", "instagram", "--date", "2026-12-05T02:30Z",
                 "--pillar", "hard-sell", "--persona", "ibu-muda", "--status", "review",
                 "--format", "photo", "--campaign", "promo", "--author", "rina",
                 "--caption", "Pesan sekarang!")
    assert result.exit_code == 0, result.output
    assert result.output == "created content/posts/2026/12/promo-kopi-diskon-20-hemat.md\n"
    text = (plan / "content/posts/2026/12/promo-kopi-diskon-20-hemat.md").read_text()
    # the UTC time is written in the plan timezone (Asia/Jakarta, UTC+7)
    assert text == (
        "---\n"
        "id: promo-kopi-diskon-20-hemat\n"
        'title: "Promo kopi: diskon 20% #hemat"\n'
        "date: 2026-12-05 09:30\n"
        "channel: [instagram, x]\n"
        "pillar: hard-sell\n"
        "status: review\n"
        "format: photo\n"
        "personas: [ibu-muda]\n"
        "campaign: promo\n"
        "author: rina\n"
        "---\n"
        "Pesan sekarang!\n"
    )
    loaded, found = load_plan(plan)
    post = loaded.post("promo-kopi-diskon-20-hemat")
    assert post is not None and found == []
    assert post.title == "Promo kopi: diskon 20% #hemat"
    assert post.channels == ("instagram", "x")
    assert post.start is not None and post.start.isoformat() == "2026-12-05T09:30:00+07:00"


def test_minimal_post_and_all_day(plan: Path, cli: Callable[..., Result]) -> None:
    result = new(cli, plan, "Tips seduh", "--channel", "x", "--date", "2027-01-03",
                 "--pillar", "education")
    assert result.exit_code == 0
    assert result.output == ("created content/posts/2027/01/tips-seduh.md\n"
                             "next: write the caption below the closing `---`, then run "
                             "`smmplan check`\n")
    assert (plan / "content/posts/2027/01/tips-seduh.md").read_text() == (
        "---\nid: tips-seduh\ntitle: Tips seduh\ndate: 2027-01-03\nchannel: x\n"
        "pillar: education\nstatus: draft\n---\n")


def test_idea_without_date_goes_to_ideas(plan: Path, cli: Callable[..., Result]) -> None:
    result = new(cli, plan, "Someday", "--channel", "x", "--pillar", "quote",
                 "--status", "idea", "--id", "later-1")
    assert result.exit_code == 0
    text = (plan / "content/posts/ideas/later-1.md").read_text()
    assert text == ("---\nid: later-1\ntitle: Someday\nchannel: x\npillar: quote\n"
                    "status: idea\n---\n")
    loaded, found = load_plan(plan)
    assert found == [] and loaded.post("later-1") is not None


@pytest.mark.parametrize(("args", "message"), [
    (["--channel", "instagarm", "--date", "2026-12-01", "--pillar", "quote"],
     "unknown channel 'instagarm'; did you mean 'instagram'? (guidelines/rules.yml defines: "
     "instagram, x)"),
    (["--channel", "x", "--date", "2026-12-01", "--pillar", "qoute"],
     "unknown pillar 'qoute'; did you mean 'quote'?"),
    (["--channel", "x", "--date", "2026-12-01", "--pillar", "quote", "--persona", "ibu"],
     "unknown persona 'ibu'"),
    (["--channel", "x", "--date", "2026-12-01", "--pillar", "quote", "--author", "rian"],
     "unknown author 'rian'; did you mean 'rina'?"),
    (["--channel", "x", "--date", "2026-02-30", "--pillar", "quote"],
     "--date: '2026-02-30' is not a real date"),
    (["--channel", "x", "--date", "tomorrow", "--pillar", "quote"],
     "--date: 'tomorrow' is not a date"),
    (["--channel", "x", "--pillar", "quote"], "--date is required"),
    (["--channel", "x", "--date", "2026-12-01", "--pillar", "quote", "--id", "Bad Id"],
     "--id 'Bad Id' is not a valid id"),
])
def test_bad_input_exits_2_and_writes_nothing(plan: Path, cli: Callable[..., Result],
                                              args: list[str], message: str) -> None:
    result = new(cli, plan, "Title", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert not (plan / "content/posts").exists()


def test_control_characters_in_title_are_refused(plan: Path, cli: Callable[..., Result]) -> None:
    result = new(cli, plan, "Bad\x07title", "--channel", "x", "--date", "2026-12-01",
                 "--pillar", "quote")
    assert result.exit_code == 2
    assert "the title contains the control character U+0007" in result.output


def test_never_overwrites_and_refuses_a_taken_id(plan: Path, cli: Callable[..., Result]) -> None:
    args = ["--channel", "x", "--date", "2026-12-01 10:00", "--pillar", "quote"]
    assert new(cli, plan, "Kutipan", *args).exit_code == 0
    path = plan / "content/posts/2026/12/kutipan.md"
    path.write_text(path.read_text() + "My caption.\n")
    again = new(cli, plan, "Kutipan", *args)
    assert again.exit_code == 2
    assert "the id 'kutipan' is already used by content/posts/2026/12/kutipan.md" in again.output
    assert path.read_text().endswith("My caption.\n")
    # a file in the way that does not load as a post is not overwritten either
    (plan / "content/posts/2026/12/broken.md").write_text("not a post\n")
    blocked = new(cli, plan, "Broken", *args)
    assert blocked.exit_code == 2
    assert "content/posts/2026/12/broken.md already exists; not overwriting it" in blocked.output
    assert (plan / "content/posts/2026/12/broken.md").read_text() == "not a post\n"


def test_slug_and_scalar() -> None:
    assert slug("Kopi Gayo — Édition Spéciale!") == "kopi-gayo-edition-speciale"
    assert slug("🎉🎉") == "post"
    assert slug("a" * 30 + " " + "b" * 40) == "a" * 30
    assert scalar("plain words") == "plain words"
    assert scalar("yes") == '"yes"'
    assert scalar("12") == '"12"'
    assert scalar("a: b") == '"a: b"'
    assert scalar('say "hi" #1') == '"say \\"hi\\" #1"'


def test_new_without_rules_is_a_clear_error(make_plan: Callable[..., Path],
                                            cli: Callable[..., Result]) -> None:
    root = make_plan({"content/posts/.keep": ""}, rules=None)
    result = new(cli, root, "T", "--channel", "x", "--date", "2026-12-01", "--pillar", "quote")
    assert result.exit_code == 2
    assert "guidelines/rules.yml is missing or cannot be read" in result.output


TEMPLATE = """\
---
# a weekly series
channel: [instagram, x]
pillar: quote
format: photo
personas: [ibu-muda]
author: rina
tags: [seri, "kutipan mingguan"]
repeat:
  every: week
  count: 4
---
Kutipan minggu ini. {{ hashtags("kopi") }}
"""


def test_template_fills_what_the_command_line_leaves_out(plan: Path,
                                                         cli: Callable[..., Result]) -> None:
    (plan / "content/_templates").mkdir(parents=True)
    (plan / "content/_templates/kutipan.md").write_text(TEMPLATE, encoding="utf-8")
    (plan / "guidelines/snippets.yml").write_text('hashtags:\n  kopi: ["#KopiSenja"]\n',
                                                  encoding="utf-8")
    result = new(cli, plan, "Kutipan Senin", "--template", "kutipan", "--date",
                 "2026-12-07 07:30", "--channel", "instagram", "--status", "review")
    assert result.exit_code == 0, result.output
    text = (plan / "content/posts/2026/12/kutipan-senin.md").read_text(encoding="utf-8")
    # the command line wins (channel, status); the rest comes from the template
    assert text == (
        "---\n"
        "id: kutipan-senin\n"
        "title: Kutipan Senin\n"
        "date: 2026-12-07 07:30\n"
        "channel: instagram\n"
        "pillar: quote\n"
        "status: review\n"
        "format: photo\n"
        "personas: [ibu-muda]\n"
        "author: rina\n"
        "tags: [seri, kutipan mingguan]\n"
        "repeat: {every: week, count: 4}\n"
        "---\n"
        'Kutipan minggu ini. {{ hashtags("kopi") }}\n'
    )
    plan_, found = load_plan(plan)
    assert found == []
    post = plan_.post("kutipan-senin")
    assert post is not None and post.repeat is not None and post.repeat.count == 4
    assert post.tags == ("seri", "kutipan mingguan")
    # the template itself is no post (its folder starts with _)
    assert [p.id for p in plan_.posts] == ["kutipan-senin"]


def test_unknown_or_broken_template(plan: Path, cli: Callable[..., Result]) -> None:
    result = new(cli, plan, "X", "--template", "nope", "--date", "2026-12-07 07:30")
    assert result.exit_code == 2
    assert "unknown template 'nope' (templates: none yet: add content/_templates/<name>.md)" \
        in result.output
    (plan / "content/_templates").mkdir(parents=True)
    (plan / "content/_templates/rusak.md").write_text("---\nchannel: [x\n---\nHalo\n",
                                                      encoding="utf-8")
    result = new(cli, plan, "X", "--template", "rusak", "--date", "2026-12-07 07:30")
    assert result.exit_code == 2 and "content/_templates/rusak.md:3:1: YAML syntax" in result.output
    (plan / "content/_templates/tanpa-pilar.md").write_text("---\nchannel: x\n---\nHalo\n",
                                                            encoding="utf-8")
    result = new(cli, plan, "X", "--template", "tanpa-pilar", "--date", "2026-12-07 07:30")
    assert result.exit_code == 2
    assert "--pillar is required (or a --template that sets `pillar`)" in result.output
    assert not list(plan.glob("content/posts/**/*.md"))  # nothing was written

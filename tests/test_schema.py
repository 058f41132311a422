"""The JSON Schemas: generated from the format declaration the loader reads, valid draft
2020-12, accepting the example plan and what `smmplan init` writes, rejecting what the loader
rejects."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import MINIMAL_RULES, REPO, in_fresh_interpreters

from smmplan import model, schema
from smmplan.format import keys
from smmplan.format.frontmatter import split_front_matter
from smmplan.load import load_plan
from smmplan.platforms import PLATFORMS
from smmplan.ruletable import RULES
from smmplan.yamlpos import parse


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema.schema(kind))


def yaml_value(text: str) -> object:
    """What the loader sees: timestamps stay text, as in smmplan.yamlpos."""
    return parse(text).value


def front_matter(text: str) -> object:
    parts = split_front_matter(text)
    assert not isinstance(parts, str), parts
    return yaml_value(parts[0]) or {}


def test_every_schema_is_valid_draft_2020_12() -> None:
    for kind in schema.KINDS:
        jsonschema.Draft202012Validator.check_schema(schema.schema(kind))
        assert schema.schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema.schema("campaign"))


def test_schema_keys_are_the_loaders_keys() -> None:
    post = schema.schema("post")
    assert list(post["properties"]) == list(keys.POST.names)
    assert list(schema.schema("persona")["properties"]) == list(keys.PERSONA.names)
    assert list(schema.schema("campaign")["properties"]) == list(keys.CAMPAIGN.names)
    rules = schema.schema("rules")
    assert list(rules["properties"]) == list(keys.RULES_FILE.names)
    channel = rules["properties"]["channels"]["additionalProperties"]
    assert list(channel["properties"]) == list(keys.CHANNEL.names)
    voice = rules["properties"]["voice"]["items"]
    assert list(voice["properties"]) == list(keys.VOICE.names)
    assert voice["properties"]["kind"]["enum"] == list(keys.VOICE_KINDS)
    assert rules["properties"]["language"]["enum"] == list(keys.LANGUAGES)
    assert channel["properties"]["platform"]["enum"] == sorted(PLATFORMS)
    assert channel["properties"]["best_formats"]["items"]["enum"] == list(model.FORMATS)
    assert rules["properties"]["severity"]["additionalProperties"]["enum"] == list(model.LEVELS)
    assert set(rules["properties"]["severity"]["propertyNames"]["enum"]) == \
        set(RULES) | {r.name for r in RULES.values()}
    team = schema.schema("team")["properties"]["members"]["additionalProperties"]
    assert team["properties"]["roles"]["anyOf"][0]["enum"] == list(keys.ROLES)
    assert post["properties"]["status"]["enum"] == list(model.STATUSES)
    assert post["properties"]["format"]["enum"] == list(model.FORMATS)
    assert list(post["properties"]["metrics"]["properties"]) == list(model.METRICS)


# Keys of the nested sections: each one must be accepted by the loader, and
# a key beside them must be refused by both the loader and the schema.
INLINE = {
    "member": ("guidelines/team.yml", "members:\n  rina:\n    {key}: {value}\n",
               keys.MEMBER.names, "team"),
    "pillar": ("guidelines/rules.yml",
               MINIMAL_RULES + "pillars:\n  education:\n    {key}: {value}\n",
               keys.PILLAR.names, "rules"),
    "mix": ("guidelines/rules.yml", MINIMAL_RULES + "mix:\n  {key}: {value}\n",
            keys.MIX.names, "rules"),
    "blackout": ("guidelines/rules.yml",
                 MINIMAL_RULES + "blackout:\n  - {key}: {value}\n    {fill}\n",
                 keys.BLACKOUT.names, "rules"),
    "workflow": ("guidelines/rules.yml", MINIMAL_RULES + "workflow:\n  {key}: {value}\n",
                 keys.WORKFLOW.names, "rules"),
    "when": ("guidelines/rules.yml", MINIMAL_RULES + "voice:\n  - {name: cta, kind: require, "
             "pattern: beli, when: {{key}: {value}}}\n"
             "seasons:\n  gajian: {name: Gajian, days_of_month: [25]}\n", keys.WHEN_KEYS, "rules"),
}
VALUES = {"name": "Rina", "github": "rinaw", "roles": "[creator]", "email": "r@example.com",
          "target": "40%", "max": "0.5", "window": "week", "tolerance": "10%", "min_posts": "5",
          "max_consecutive": "{education: 2}", "date": "2027-03-08", "reason": "Nyepi",
          "pillars": "[hard-sell]", "approve_before": "2d", "persona_review": "180d",
          "pillar": "hard-sell", "channel": "instagram", "format": "photo",
          "platform": "instagram", "season": "gajian"}


@pytest.mark.parametrize("section", sorted(INLINE))
def test_inline_keys_agree_with_the_loader(section: str, make_plan: Callable[..., Path]
                                           ) -> None:
    path, template, keys, kind = INLINE[section]
    for key in keys:
        # blackout entries need a date: fill it in unless the date is the key under test
        fill = "date: 2027-03-08" if key != "date" else "reason: Nyepi"
        text = template.replace("{key}", key).replace("{value}", VALUES[key]).replace(
            "{fill}", fill)
        root = make_plan({path: text}, rules=MINIMAL_RULES)
        _, found = load_plan(root)
        assert [d for d in found if d.file == path] == [], (key, found)
        assert list(validator(kind).iter_errors(yaml_value(text))) == [], key
    text = template.replace("{key}", "colour").replace("{value}", "red").replace(
        "{fill}", "date: 2027-03-08")
    root = make_plan({path: text}, rules=MINIMAL_RULES)
    _, found = load_plan(root)
    assert [d.code for d in found if d.file == path] in (["SMM004"], ["SMM007"])
    assert list(validator(kind).iter_errors(yaml_value(text))) != []


GOOD_POST = """\
---
id: kopi-launch
title: Kopi Nusantara is here
date: 2026-12-01 09:00
channel: [instagram, x]
pillar: education
status: published
format: photo
personas: [ibu-muda]
tags: kopi
link: https://example.com/kopi
ignore: [SMM307, too-close]
metrics: {reach: 1200, likes: 80}
---
Caption.
"""

# (kind, file, text, the JSON path of the value the schema refuses)
BAD = [
    ("post", "content/posts/a.md", GOOD_POST.replace("status: published", "status: publised"),
     ["status"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("2026-12-01 09:00", "tomorrow"), ["date"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("[instagram, x]", "Instagram Feed"),
     ["channel"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("reach: 1200", "reach: -5"),
     ["metrics", "reach"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("pillar:", "pilar:"), []),
    ("post", "content/posts/a.md", GOOD_POST.replace("title: Kopi Nusantara is here\n", ""), []),
    ("post", "content/posts/a.md", GOOD_POST.replace("date: 2026-12-01 09:00\n", ""), []),
    ("post", "content/posts/a.md", GOOD_POST.replace("id: kopi-launch", "id: Kopi Launch"),
     ["id"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("format: photo", "format: gif"),
     ["format"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("https://example.com/kopi", "example.com"),
     ["link"]),
    ("post", "content/posts/a.md", GOOD_POST.replace("SMM307", "SMM999"), ["ignore"]),
    ("persona", "personas/ibu.yml", "description: no name\n", []),
    ("persona", "personas/ibu.yml", "name: Ibu\nlast_reviewed: 2026-02-30x\n",
     ["last_reviewed"]),
    ("persona", "personas/ibu.yml", "name: Ibu\nchanels: [instagram]\n", []),
    ("rules", "guidelines/rules.yml", "channels: {}\n", []),
    ("rules", "guidelines/rules.yml", "timezone: Asia/Jakata\nchannels: {}\n", ["timezone"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES.replace("platform: x", "platform: twiter"),
     ["channels", "x", "platform"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES + "severity: {SMM999: off}\n", ["severity"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES + "severity: {SMM101: loud}\n",
     ["severity", "SMM101"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES + "voice:\n  - {name: a, kind: shout}\n",
     ["voice", 0, "kind"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES + "mix: {window: year}\n",
     ["mix", "window"]),
    ("rules", "guidelines/rules.yml", MINIMAL_RULES + "workflow: {approve_before: soon}\n",
     ["workflow", "approve_before"]),
    ("team", "guidelines/team.yml", "members:\n  rina: {name: Rina, roles: [boss]}\n",
     ["members", "rina", "roles"]),
    ("team", "guidelines/team.yml", "people:\n  rina: {name: Rina}\n", []),
]


@pytest.mark.parametrize(("kind", "path", "text", "where"), BAD,
                         ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_is_refused_by_schema_and_loader(
        kind: str, path: str, text: str, where: list[object],
        make_plan: Callable[..., Path]) -> None:
    value = front_matter(text) if kind == "post" else yaml_value(text)
    errors = list(validator(kind).iter_errors(value))
    assert errors, "the schema accepted bad input"
    assert any(list(e.absolute_path) == where for e in errors), \
        [(list(e.absolute_path), e.message) for e in errors]
    # the loader, the authority, refuses it too
    files = {path: text}
    if kind == "post":
        files["personas/ibu-muda.yml"] = "name: Ibu muda\n"
    root = make_plan(files, rules=None if path == "guidelines/rules.yml" else MINIMAL_RULES)
    _, found = load_plan(root)
    assert [d for d in found if d.file == path], "the loader accepted what the schema refused"


def test_good_post_is_accepted() -> None:
    assert list(validator("post").iter_errors(front_matter(GOOD_POST))) == []
    idea = "---\ntitle: Someday\nchannel: x\npillar: quote\nstatus: idea\n---\n"
    assert list(validator("post").iter_errors(front_matter(idea))) == []


def example_files(root: Path) -> list[tuple[str, Path]]:
    found = [("post", p) for p in sorted((root / "content/posts").rglob("*.md"))]
    found += [("persona", p) for p in sorted((root / "personas").glob("*.y*ml"))]
    found += [("campaign", p) for p in sorted((root / "content/campaigns").glob("*.md"))]
    found += [("rules", root / "guidelines/rules.yml")]
    if (root / "guidelines/team.yml").exists():
        found.append(("team", root / "guidelines/team.yml"))
    return [(k, p) for k, p in found if not p.name.startswith(("_", "."))]


def assert_all_valid(root: Path) -> int:
    files = example_files(root)
    for kind, path in files:
        text = path.read_text(encoding="utf-8")
        value = front_matter(text) if kind in ("post", "campaign") else yaml_value(text)
        errors = [f"{list(e.absolute_path)}: {e.message}"
                  for e in validator(kind).iter_errors(value)]
        assert errors == [], f"{path.relative_to(root)}: {errors}"
    return len(files)


def test_schemas_accept_the_example_plan() -> None:
    assert (REPO / "guidelines/rules.yml").is_file(), "the example plan is missing"
    assert assert_all_valid(REPO) >= 9  # rules, team, 3+ personas, 2+ campaigns, posts


def test_schemas_accept_a_new_plan(tmp_path: Path, cli: Callable[..., object]) -> None:
    result = cli("init", str(tmp_path / "new"), "--today", "2026-11-25")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert assert_all_valid(tmp_path / "new") == 7  # 3 posts, campaign, persona, rules, team


def test_cli_prints_one_schema(cli: Callable[..., object]) -> None:
    result = cli("schema", "rules")
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert json.loads(result.output) == schema.schema("rules")  # type: ignore[attr-defined]


def test_cli_writes_every_schema(tmp_path: Path, cli: Callable[..., object]) -> None:
    result = cli("schema", "--output", str(tmp_path / "out"))
    assert result.exit_code == 0  # type: ignore[attr-defined]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "persona.schema.json", "post.schema.json", "rules.schema.json", "team.schema.json"]
    assert (tmp_path / "out/post.schema.json").read_text() == schema.dumps(schema.schema("post"))


def test_cli_without_kind_or_output_is_a_usage_error(cli: Callable[..., object]) -> None:
    result = cli("schema")
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert "name a schema (post, persona, rules, team)" in result.output  # type: ignore


def test_schema_text_is_stable() -> None:
    code = ("import sys; from smmplan import schema\n"
            "for kind in (*schema.KINDS, 'campaign'):\n"
            "    sys.stdout.write(schema.dumps(schema.schema(kind)))\n")
    first, *others = in_fresh_interpreters(code)
    assert first and all(other == first for other in others)
    assert first.decode() == "".join(schema.dumps(schema.schema(kind))
                                     for kind in (*schema.KINDS, "campaign"))
    assert textwrap.dedent(schema.dumps(schema.schema("team"))).startswith('{\n  "$schema"')

"""The web editor's configuration, its drift and rewrite checks, against Decap's own code.

Decap's YAML writer (decap-cms-core from npm, run with node) is the judge of what saving a file
does; smmplan's admin script runs in node too, so its answers can be compared with Python's.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import REPO

from smmplan.check import check_plan
from smmplan.cms import admin, pinned
from smmplan.cms.config import COLLECTIONS, PATH
from smmplan.cms.roundtrip import first_rewrite
from smmplan.load import load_plan

JS = REPO / "tests" / "js"
TODAY = dt.date(2026, 11, 25)


def node(script: str, payload: object, *, hook: bool = False) -> object:
    args = ["node", *(["--import", "./esm-resolve.mjs"] if hook else []), script]
    out = subprocess.run(args, cwd=JS, input=json.dumps(payload), capture_output=True,
                         text=True, check=True, timeout=120)
    return json.loads(out.stdout)


def decap_saves(files: list[tuple[str, str]]) -> list[object]:
    """What Decap writes for each (collection, text) after loading it unchanged."""
    saved = node("decap-roundtrip.mjs", [
        {"text": text, "order": list(COLLECTIONS[c].order),
         "front_matter": COLLECTIONS[c].front_matter} for c, text in files], hook=True)
    assert isinstance(saved, list)
    return saved


def verdict(collection: str, text: str) -> tuple[int, str] | None:
    c = COLLECTIONS[collection]
    return first_rewrite(text, c.order, front_matter=c.front_matter, lists=c.lists)


def corpus() -> list[tuple[str, str]]:
    out = []
    for name, folder in (("posts", "content/posts"), ("campaigns", "content/campaigns")):
        out += [(name, p.read_text(encoding="utf-8"))
                for p in sorted((REPO / folder).rglob("*.md"))]
    out += [("personas", p.read_text(encoding="utf-8"))
            for p in sorted((REPO / "personas").glob("*.yml"))]
    return out


ALPHABET = "ab Z09:#-'\"[]{},.&*!|>%@`~?é😀\\"


def random_posts(count: int) -> list[tuple[str, str]]:
    rng = random.Random(16)
    out = []
    for _ in range(count):
        value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 10)))
        link = rng.choice(["1e3", "007", "0x1F", "true", "True", "null", "~", "12", "-3",
                           "2026-12-01T02:00:00Z", "2026-12-01 09:00", "https://a.b/c?d#e",
                           "a" * rng.randint(60, 90)])
        out.append(("posts", f"---\nid: p\ntitle: {value}\nlink: {link}\n---\nCaption.\n"))
    return out


WORDS = ["kopi", "susu", "gula aren", "Bandung,", "😀", "中文", "a-b", "x:y", "e.g.", "Senja's",
         "https://kopisenja.id/toko", "pagi", "Kopi Senja", "dan", "untuk", "yang"]


def random_data(count: int) -> list[dict[str, object]]:
    """Personas and posts as a creator fills the form: long text, several lines, lists."""
    rng = random.Random(1216)

    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).strip() or "kopi"

    out: list[dict[str, object]] = []
    for _ in range(count):
        description = text(rng.randint(1, 40))
        if rng.random() < 0.4:
            description = "\n".join(text(rng.randint(1, 14)) for _ in range(rng.randint(2, 4)))
            description += rng.choice(["", "\n"])
        out.append({"collection": "personas", "data": {
            "name": text(rng.randint(1, 25)), "description": description,
            "interests": [text(rng.randint(1, 12)) for _ in range(rng.randint(1, 3))],
            "last_reviewed": "2026-11-01"}})
        out.append({"collection": "posts", "data": {
            "id": "p", "title": text(rng.randint(1, 30)), "date": "2026-12-01 09:00",
            "channel": ["instagram"], "pillar": "education", "status": "draft",
            "tags": [text(rng.randint(1, 3))], "body": text(rng.randint(1, 20)) + "\n"}})
    return out


def test_a_file_smmplan_accepts_is_saved_by_decap_byte_for_byte() -> None:
    files = corpus() + random_posts(400)
    init = [("posts", (REPO / "smmplan/scaffold/content/posts/welcome.md").read_text())]
    files += [(c, t.replace("{{smmplan:first_post}}", "2026-12-02")) for c, t in init]
    saved = decap_saves(files)
    accepted = 0
    for (collection, text), written in zip(files, saved, strict=True):
        if isinstance(written, dict):  # Decap could not load it: smmplan must refuse it too
            assert verdict(collection, text) is not None, (text, written)
        elif verdict(collection, text) is None:
            accepted += 1
            assert written == text, text
    assert accepted > 50  # the test accepts many files, not only trivial ones


def decap_written(count: int) -> list[tuple[str, str]]:
    """Files as Decap writes the data of :func:`random_data`."""
    items = random_data(count)
    written = node("decap-roundtrip.mjs", [
        {"data": item["data"], "order": list(COLLECTIONS[str(item["collection"])].order),
         "front_matter": COLLECTIONS[str(item["collection"])].front_matter} for item in items],
        hook=True)
    assert isinstance(written, list)
    return [(str(item["collection"]), str(text)) for item, text in zip(items, written,
                                                                         strict=True)]


def test_what_decap_writes_is_accepted_and_kept() -> None:
    files = decap_written(300)
    accepted = [(c, t) for c, t in files if verdict(c, t) is None]
    # Decap's own output passes, except long text of several lines (which it writes as a folded
    # `>` block) and long list items (which it folds): smmplan does not reproduce those
    assert len(accepted) >= 0.75 * len(files)
    assert sum("\n  " in t.split("interests:")[0] for c, t in accepted if c == "personas") > 20
    assert sum("|" in t for c, t in accepted) > 20
    saved = decap_saves(accepted)
    assert [t for _, t in accepted] == saved


@pytest.mark.parametrize("line", [
    "date: 2026-12-01 09:00   # comment",
    "title: 'quoted'",
    "title: \"quoted\"",
    "tags: [a, b]",
    "link: 1e3",
    "link: 0x1F",
    "title: " + "long words " * 8,
    "",
])
def test_each_reason_smmplan_gives_is_a_real_rewrite(line: str) -> None:
    text = f"---\nid: p\ntitle: T\n{line}\n---\nCaption.\n".replace("title: T\ntitle", "title")
    assert verdict("posts", text) is not None
    assert decap_saves([("posts", text)])[0] != text


def test_decap_puts_known_keys_in_the_form_order() -> None:
    text = "---\ntitle: T\nid: p\n---\nCaption.\n"
    assert verdict("posts", text) == (3, verdict("posts", text)[1])  # type: ignore[index]
    assert decap_saves([("posts", text)])[0] == "---\nid: p\ntitle: T\n---\nCaption.\n"


def test_the_admin_script_gives_the_same_answers_as_python() -> None:
    plan, _ = load_plan(REPO)
    settings = admin.settings(plan)
    files = corpus() + random_posts(200) + decap_written(100)
    cases: list[dict[str, object]] = [{"op": "rewrite", "raw": t, "collection": c}
                                      for c, t in files]
    captions = [*[p.caption for p in plan.posts][:150],
                "Kopi 😀👍🏽 dan 中文 https://kopisenja.id/toko 🇮🇩", "e\u0301 #Kopi #2026 ＃Senja"]
    channels = ["x", "instagram"]
    cases += [{"op": "count", "text": text, "channel": ch} for text in captions
              for ch in channels]
    bodies = ["\nFor all.\n<!-- for: x -->\nShort for X.\n\n<!-- for: threads, instagram -->\n"
              "  Long for the others.  \n", "Only one caption.\n", "<!-- for: x -->\nX only.\n"]
    cases += [{"op": "caption", "body": b, "channel": ch} for b in bodies
              for ch in ("x", "instagram", "facebook")]
    script = (REPO / "smmplan/cms/static/smmplan-cms.js").read_text(encoding="utf-8")
    answers = node("smmplan-cms-harness.mjs",
                   {"script": script, "settings": settings, "cases": cases})
    assert isinstance(answers, list)
    from smmplan.rules.voice import limits
    from smmplan.textcount import grapheme_length, hashtags, x_length

    for case, answer in zip(cases, answers, strict=True):
        if case["op"] == "caption":
            from smmplan.variants import split

            sections = split(str(case["body"]))
            mine_caption = next((sec.text for sec in sections[1:] if case["channel"] in sec.ids),
                                sections[0].text)
            assert answer == mine_caption.rstrip(), case
        elif case["op"] == "rewrite":
            mine = verdict(str(case["collection"]), str(case["raw"]))
            assert answer == (None if mine is None else list(mine)), case
        else:
            text, channel = str(case["text"]), plan.settings.channels[str(case["channel"])]
            _, counting, _ = limits(channel)
            expected = (x_length(text).length if counting == "weighted"
                        else grapheme_length(text).length)
            assert answer == {"length": expected, "hashtags": len(hashtags(text))}, text


def test_the_pin_is_the_tested_package() -> None:
    package = json.loads((JS / "package.json").read_text())
    assert package["dependencies"][pinned.PACKAGE] == pinned.VERSION
    lock = json.loads((JS / "package-lock.json").read_text())
    assert lock["packages"][f"node_modules/{pinned.PACKAGE}"]["version"] == pinned.VERSION
    data = (JS / "node_modules" / pinned.PACKAGE / "dist" / pinned.SCRIPT).read_bytes()
    assert base64.b64encode(hashlib.sha384(data).digest()).decode() == pinned.SHA384


def test_another_release_is_refused_as_cms_assets(tmp_path: Path) -> None:
    (tmp_path / pinned.SCRIPT).write_text("alert(1)")
    with pytest.raises(admin.AssetError, match=r"is not decap-cms 3\.16\.3"):
        admin.release_files(tmp_path)
    with pytest.raises(admin.AssetError, match=r"npm install decap-cms@3\.16\.3"):
        admin.release_files(tmp_path / "missing")


def test_the_admin_page_is_smmplans_own(example_copy: Path, cli: Callable[..., Result]
                                        ) -> None:
    assert cli("-C", str(example_copy), "cms").exit_code == 0
    evil = "<script>alert('plan')</script>"
    (example_copy / "content/admin/index.html").write_text(evil)
    (example_copy / "content/admin/smmplan-cms.js").write_text("alert('plan')")
    result = cli("-C", str(example_copy), "build", "--site-dir", str(example_copy / "out"),
                 env={"SMMPLAN_TODAY": "2026-11-25"})
    assert result.exit_code == 0, result.output
    site = example_copy / "out" / "admin"
    page = (site / "index.html").read_text()
    assert page == admin.page(local=False)
    assert f'integrity="sha384-{pinned.SHA384}"' in page and pinned.CDN_URL in page
    assert (site / "smmplan-cms.js").read_bytes() == (
        REPO / "smmplan/cms/static/smmplan-cms.js").read_bytes()
    data = json.loads((site / "smmplan-cms.json").read_text())
    assert data["channels"]["x"]["max_length"] == 280
    assert (site / "config.yml").read_text() == (example_copy / PATH).read_text()


def test_cms_writes_keeps_and_never_overwrites(tmp_path: Path, cli: Callable[..., Result]
                                               ) -> None:
    plan = tmp_path / "plan"
    assert cli("init", str(plan), "--today", "2026-11-25").exit_code == 0
    config = plan / PATH
    first = config.read_text()
    assert "repo: your-org/your-repo" in first
    result = cli("-C", str(plan), "cms", "--repo", "kopi/plan", "--auth-url",
                 "https://auth.example.org")
    assert result.output == f"Updated {PATH} from the plan.\n"
    again = cli("-C", str(plan), "cms")
    assert again.output == f"{PATH} is up to date.\n"
    text = config.read_text()
    assert "repo: kopi/plan" in text and "base_url: https://auth.example.org" in text
    assert check_plan(plan, TODAY).diagnostics == ()
    # a channel added to rules.yml: check names it where the choices are
    rules = plan / "guidelines/rules.yml"
    rules.write_text(rules.read_text().replace(
        "channels:\n", "channels:\n  tiktok: {platform: tiktok, name: TikTok}\n", 1))
    drift = [d for d in check_plan(plan, TODAY).diagnostics if d.code == "SMM011"]
    assert len(drift) == 3  # posts, campaigns and personas offer channels
    assert "lacks tiktok" in drift[0].message and drift[0].file == PATH
    assert text.split("\n")[drift[0].line - 1].strip() == "options:"
    # changed by hand: never overwritten
    config.write_text(text + "# mine\n")
    refused = cli("-C", str(plan), "cms")
    assert refused.exit_code == 2 and "will not overwrite it" in refused.output
    assert config.read_text() == text + "# mine\n"
    printed = cli("-C", str(plan), "cms", "--stdout")
    assert printed.exit_code == 0 and "tiktok" in printed.output
    assert "repo: kopi/plan" in printed.output  # the file's settings, even when hand-edited
    assert cli("-C", str(plan), "cms", "--repo", "not a repo", "--stdout").exit_code == 2


def test_a_file_the_editor_would_rewrite_is_reported(tmp_path: Path,
                                                     cli: Callable[..., Result]) -> None:
    plan = tmp_path / "plan"
    assert cli("init", str(plan), "--today", "2026-11-25").exit_code == 0
    post = next((plan / "content/posts").rglob("welcome.md"))
    post.write_text(post.read_text().replace("pillar: education", "pillar: education  # why"))
    found = [d for d in check_plan(plan, TODAY).diagnostics if d.code == "SMM012"]
    assert [(d.file, d.line, d.severity, d.post) for d in found] == [
        (post.relative_to(plan).as_posix(), 7, "info", "welcome")]
    assert "comment at the end of the line is dropped" in found[0].message
    (plan / PATH).unlink()  # without the editor, nothing to report
    assert not [d for d in check_plan(plan, TODAY).diagnostics if d.code == "SMM012"]


def test_without_the_configuration_there_is_no_admin_page(example_copy: Path,
                                                          cli: Callable[..., Result]) -> None:
    site = example_copy / "out"
    result = cli("-C", str(example_copy), "build", "--site-dir", str(site),
                 env={"SMMPLAN_TODAY": "2026-11-25"})
    assert result.exit_code == 0, result.output
    assert not (site / "admin").exists()


def test_a_wrong_cms_assets_folder_is_one_clear_message(tmp_path: Path,
                                                        cli: Callable[..., Result]) -> None:
    plan = tmp_path / "plan"
    assert cli("init", str(plan), "--today", "2026-11-25").exit_code == 0
    mkdocs = plan / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text().replace(
        "  - smmplan\n", "  - smmplan:\n      cms_assets: node_modules/decap-cms/dist\n"))
    result = cli("-C", str(plan), "build", env={"SMMPLAN_TODAY": "2026-11-25"})
    assert result.exit_code != 0
    assert "cms_assets: cannot read" in result.output
    assert "npm install decap-cms@3.16.3" in result.output
    assert "Traceback" not in result.output and not (plan / "site").exists()

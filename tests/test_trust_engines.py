"""Holes a review found in the engine paths (mkdocs and Zensical), one regression test each: a
pull request's mkdocs.yml or page may not run code, read files outside the plan, or put script
on the site, under either engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_build import plan
from test_trust import active, append, found

from smmplan.build import BuildError, build_site

TODAY = dt.date(2026, 11, 25)
ENGINES = ("mkdocs", "zensical")
__all__ = ["plan"]  # test_build's copy of the site fixture plan


def _build(plan: Path, engine: str) -> Path:
    site = plan.parent / f"site-{engine}"
    outcome = build_site(plan, site, today=TODAY, engine=engine)
    assert outcome.site_dir is not None, outcome.result.diagnostics[:3]
    return site


@pytest.mark.parametrize("extension", [
    # a callable of an allowed package, called with the plan's arguments: reads a plan file
    # with YAML's full loader, or writes .git/config into the pages
    "  - toc:\n      slugify:\n        object: zensical.config.parse_mkdocs_config\n"
    "        kwds: {path: docs/notes.txt}\n",
    "  - pymdownx.superfences:\n      custom_fences:\n        - name: x\n          class: x\n"
    "          format:\n            object: markdown.markdownFromFile\n"
    "            kwds: {input: ../.git/config, output: docs/leak.md}\n",
    # Zensical maps material.extensions.* to its own: macros is unsandboxed Jinja2
    "  - material.extensions.macros\n",
    "  - material.extensions.include_markdown\n",
])
def test_zensical_calls_no_function_the_plan_names(plan: Path, extension: str) -> None:
    pwned = plan.parent / "PWNED"
    (plan / "content/notes.txt").write_text(
        f'!!python/object/apply:os.system ["touch {pwned}"]\n', encoding="utf-8")
    (plan / "content/macro.md").write_text(
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(pwned) + "').read() }}\n",
        encoding="utf-8")
    append(plan / "mkdocs.yml", "markdown_extensions:\n" + extension)
    with pytest.raises(BuildError, match="markdown_extensions"):
        build_site(plan, plan.parent / "site", today=TODAY, engine="zensical")
    assert not pwned.exists()
    assert not (plan / "content/leak.md").exists()
    assert sorted(p.name for p in plan.parent.iterdir()) == ["plan"]  # nothing left behind


def test_zensical_refuses_a_theme_file_it_would_load_unsafely(plan: Path) -> None:
    pwned = plan.parent / "PWNED"
    (plan / "overrides").mkdir()
    (plan / "overrides/mkdocs_theme.yml").write_text(
        f'x: !!python/object/apply:os.system ["touch {pwned}"]\n', encoding="utf-8")
    config = plan / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"), encoding="utf-8")
    with pytest.raises(BuildError, match=r"mkdocs_theme\.yml"):
        build_site(plan, plan.parent / "site", today=TODAY, engine="zensical")
    assert not pwned.exists()


def test_extra_templates_are_refused_before_mkdocs_renders_them(plan: Path) -> None:
    pwned = plan.parent / "PWNED"
    (plan / "content/t.txt").write_text(
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(pwned) + "').read() }}",
        encoding="utf-8")
    append(plan / "mkdocs.yml", "extra_templates: [t.txt]\n")
    assert [m for *_, m in found(plan, "SMM007")] == [
        "extra_templates is refused: mkdocs renders them with unsandboxed Jinja2, so a "
        "template runs any Python code at build time"]
    for engine in ENGINES:
        assert build_site(plan, plan.parent / "site", today=TODAY, engine=engine).site_dir is None
    assert not pwned.exists()


@pytest.mark.parametrize(("option", "why"), [
    ("restrict_base_path: false", "restrict_base_path: false is refused"),
    ("auto_append: [x.txt]", "auto_append is refused"),
])
def test_snippets_options_that_reach_past_the_plan_or_the_sanitiser(
        plan: Path, option: str, why: str) -> None:
    append(plan / "mkdocs.yml", "markdown_extensions:\n  - pymdownx.snippets:\n"
           f"      base_path: [content]\n      {option}\n")
    line = (plan / "mkdocs.yml").read_text(encoding="utf-8").count("\n") - 2
    assert [(f, ln, m.split(": a ")[0].split(": it ")[0]) for f, ln, _, m in
            found(plan, "SMM007")] == [("mkdocs.yml", line, f"pymdownx.snippets {why}")]


def test_zensical_snippets_read_from_the_plan_not_from_its_generated_pages(plan: Path) -> None:
    """Zensical runs in smmplan's project, where docs/ holds the generated pages and their
    marker: a page including one of them would pass as generated and skip the sanitiser."""
    append(plan / "mkdocs.yml", "markdown_extensions:\n  - md_in_html\n"
           "  - pymdownx.snippets:\n      base_path: [content]\n")
    (plan / "content/forge.md").write_text(
        '--8<-- "index.md:4:4"\n\n<img src=x onerror="window.__pwned=1">\n', encoding="utf-8")
    site = _build(plan, "zensical")
    assert active(site) == []
    assert "__pwned" not in (site / "forge/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("engine", ENGINES)
def test_extra_css_cannot_open_an_attribute(plan: Path, engine: str) -> None:
    append(plan / "mkdocs.yml", "extra_css: ['x.css\" onerror=\"window.__pwned=1']\n")
    assert active(_build(plan, engine)) == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "data"), [
    ("crlf.md", b"---\r\ntitle: \"</title><script>window.__pwned='crlf'</script>\"\r\n---\r\n"
                b"\r\nText.\r\n"),
    ("bom.md", b"\xef\xbb\xbf---\ntitle: \"<img src=x onerror=window.__pwned='bom'>\"\n---\n"
               b"\nText.\n"),
    ("setext.md", b"Hi </title><script>window.__pwned='setext'</script>\n===\n\nText.\n"),
    ("nospace.md", b"#Hi <img src=x onerror=window.__pwned='nospace'>\n\nText.\n"),
    ("binary.md", b"---\ntitle: !!binary PGltZyBzcmM9eCBvbmVycm9yPXdpbmRvdy5fX3B3bmVkPTE+\n"
                  b"---\n\nText.\n"),
    ("traversal.md", b"---\ntemplate: ../../../../../../../../../../etc/hostname\n"
                     b"icon: ../../../../../../../../../../tmp/evil\n---\n\n# Fine\n"),
])
def test_an_own_pages_title_and_front_matter_stay_text(plan: Path, engine: str, name: str,
                                                        data: bytes) -> None:
    (plan / "content" / name).write_bytes(data)
    try:
        site = _build(plan, engine)
    except BuildError as e:  # mkdocs refuses a template path outside its folders itself
        assert engine == "mkdocs" and name == "traversal.md", e
        return
    assert active(site) == []
    page = (site / name.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    # rendered by the theme's own template, not a file named by the page
    assert "<html" in page and ("Text." in page or "Fine" in page)


def test_a_markdown_extensions_entry_of_two_names_is_a_message_not_a_traceback(
        plan: Path) -> None:
    append(plan / "mkdocs.yml", "markdown_extensions:\n  - {toc: {}, tables: {}}\n")
    with pytest.raises(BuildError, match=r"one name with its options \(found \['tables', "
                                         r"'toc'\]\)"):
        build_site(plan, plan.parent / "site", today=TODAY, engine="zensical")


def test_every_page_suffix_mkdocs_renders_is_judged_as_a_page(plan: Path) -> None:
    """A .markdown page is a page to mkdocs (and, renamed, to Zensical): one that is not
    UTF-8 is refused by the publish policy, as a .md one is, instead of failing the build."""
    (plan / "content/latin.markdown").write_bytes("# Caf\xe9\n".encode("latin-1"))
    assert [(f, m.split(";")[0]) for f, _, _, m in found(plan, "SMM008")] == [
        ("content/latin.markdown", "file is not UTF-8 (byte 0xe9)")]

"""What of the plan's site folder may be published: the one place that decides it.

mkdocs publishes every file under ``docs_dir``, links followed. Before it reads or copies any of
them, this policy says which files stay out, each with its diagnostic for ``check``:

* a link leading outside the plan or into ``.git``, or nowhere (SMM008, error);
* a FIFO, socket or device (reading it would block the build) (SMM008, error);
* an ordinary page that is not UTF-8 text, holds a NUL byte or is too big (SMM008, error);
* a file whose name is not UTF-8 or holds control characters (SMM008, error);
* a file a browser would run script from: HTML, XML, or SVG with script (SMM008, error) —
  pages are Markdown, and are sanitised; a raw HTML file would reach every reader as it is;
* a file at an address the site generates, e.g. ``calendars/holidays.ics`` (SMM008, warning):
  the generated feed wins, subscribers never get the static copy.

Names starting with ``.`` or ``_`` are never published (SPEC §1 ignores them), nor are the
post and campaign sources (their pages are generated). Whatever level the plan gives SMM008,
an excluded file stays out.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, diag
from .files import ignored, inside, read_text, rel
from .model import Position
from .names import bad_name

#: Files a browser renders as a document that may run script, from the site's own origin.
ACTIVE = (".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".svgz", ".swf")
_SVG_SCRIPT = re.compile(rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:|<iframe|<embed|"
                         rb"<object|<use[^>]+href\s*=\s*[\"']?(?:data|https?):", re.I)
SOURCES = ("content/posts", "content/campaigns")
#: The suffixes of files mkdocs renders as pages (``mkdocs.utils.markdown_extensions``).
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
#: The site's feeds of channels, personas, campaigns, authors and holidays live here.
FEED_FOLDER = "calendars/"


@dataclass(frozen=True)
class Policy:
    excluded: frozenset[str]
    """Paths relative to docs_dir (``/``-separated) that are not published."""
    diagnostics: tuple[Diagnostic, ...]


def publish_policy(root: Path, docs_dir: str, reserved: Collection[str] = ()) -> Policy:
    """Judge every file under ``root/docs_dir``; ``reserved`` are the addresses (relative to
    docs_dir) that the site generates."""
    docs = root / docs_dir
    out: list[Diagnostic] = []
    excluded: set[str] = set()
    if not docs.is_dir() or not inside(root, docs):
        return Policy(frozenset(), ())
    git = (root / ".git").resolve()
    skip = {(root / s).resolve() for s in SOURCES}
    seen: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(docs, followlinks=True):
        here = Path(dirpath)
        real = here.resolve()
        if real in seen:  # a link loop or a folder linked twice
            dirnames[:] = []
            continue
        seen.add(real)
        kept = []
        for d in sorted(dirnames):
            path = here / d
            if ignored(d) or path.resolve() in skip:
                continue
            problem = _where_it_leads(root, git, path)
            if problem is not None:
                out.append(problem)
                excluded.add(_docs_rel(docs, path))
                continue
            kept.append(d)
        dirnames[:] = kept
        for f in sorted(filenames):
            if ignored(f):
                continue
            path = here / f
            name = _docs_rel(docs, path)
            problem = _judge_file(root, git, path, name, reserved)
            if problem is not None:
                out.append(problem)
                excluded.add(name)
    return Policy(frozenset(excluded), tuple(out))


def _docs_rel(docs: Path, path: Path) -> str:
    return rel(docs, path)


def _at(root: Path, path: Path) -> Position:
    return Position(rel(root, path))


def _refuse(root: Path, path: Path, message: str, help: str | None = None,
            severity: str | None = None) -> Diagnostic:
    return diag("SMM008", f"{message}; it is not published", _at(root, path), help=help,
                severity=severity)


def _where_it_leads(root: Path, git: Path, path: Path) -> Diagnostic | None:
    if not path.is_symlink():
        return None
    if not path.exists():
        return _refuse(root, path, "this link leads nowhere", "remove the link or restore "
                       "the file it points to")
    real = path.resolve()
    if not inside(root, path) or real == git or real.is_relative_to(git):
        return _refuse(root, path, "this link leads outside the plan",
                       "copy the file into the plan instead of linking to it")
    return None


def _judge_file(root: Path, git: Path, path: Path, name: str, reserved: Collection[str]
                ) -> Diagnostic | None:
    why = bad_name(path.name)
    if why is not None:
        return _refuse(root, path, f"the file name {why}", "rename the file")
    leads = _where_it_leads(root, git, path)
    if leads is not None:
        return leads
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _refuse(root, path, f"cannot read the file: {exc.strerror or exc}")
    if not stat.S_ISREG(mode):
        return _refuse(root, path, "not a regular file (a FIFO, socket or device)")
    lower = path.name.lower()
    if lower.endswith(PAGE_SUFFIXES):
        _, problem = read_text(root, path)
        if problem is not None:
            return problem
    if lower.endswith(ACTIVE) or (lower.endswith(".svg") and _svg_runs_script(path)):
        return _refuse(root, path, "a browser would run script from this file",
                       "write the page in Markdown (it is sanitised); keep SVG images free of "
                       "script and event handlers")
    if name in reserved or (name.startswith(FEED_FOLDER) and lower.endswith(".ics")):
        return _refuse(root, path, f"/{name} is an address the site generates",
                       "rename or remove the file", severity="warning")
    return None


def _svg_runs_script(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return _SVG_SCRIPT.search(f.read(4 * 1024 * 1024)) is not None
    except OSError:
        return True

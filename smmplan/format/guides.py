"""``guidelines/*.md``: the human-readable guides, titled by their first heading."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..files import read_text, rel, walk
from ..model import Guide


def load_guides(root: Path, out: list[Diagnostic]) -> list[Guide]:
    guides = []
    for path in walk(root, "guidelines", (".md",), out, recursive=False):
        text, problem = read_text(root, path, walked=True)
        if problem:
            out.append(problem)
            continue
        assert text is not None
        title = path.stem.replace("-", " ").replace("_", " ").capitalize()
        for line in text.split("\n"):
            if line.startswith("# "):
                title = line[2:].strip()
                break
        guides.append(Guide(rel(root, path), title, text))
    return guides

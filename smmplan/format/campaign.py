"""``content/campaigns/*.md``: front matter, and the body as the brief."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..fields import default_id
from ..files import walk
from ..model import Campaign, Position
from .frontmatter import front_matter_file
from .keys import CAMPAIGN
from .read import read
from .yamlfile import file_id


def load_campaigns(root: Path, out: list[Diagnostic], incomplete: set[str]
                   ) -> dict[str, Campaign]:
    campaigns: dict[str, Campaign] = {}
    for path in walk(root, "content/campaigns", (".md",), out, recursive=False):
        loaded = front_matter_file(root, path, out, "a campaign", "SMM007")
        if loaded is None:
            incomplete.add(f"campaign:{default_id(path.stem)}")
            continue
        f, brief, _ = loaded
        cid = file_id(path, f.path, out)
        values = read(f, CAMPAIGN, code="SMM004")
        name, start, end = values["name"], values["start"], values["end"]
        if start and end and start > end:
            f.invalid("end", f"{end} is before the start {start}")
            start = None
        if cid is None or name is None or start is None or end is None:
            incomplete.add(f"campaign:{default_id(path.stem)}")
            continue
        if cid in campaigns:
            out.append(diag("SMM005", f"campaign id {cid!r} is already used by "
                            f"{campaigns[cid].path}", Position(f.path)))
            continue
        campaigns[cid] = Campaign(
            id=cid, path=f.path, name=name, start=start, end=end, goal=values["goal"],
            channels=values["channels"], owner=values["owner"], brief=brief, pos=f.positions(),
        )
    return campaigns

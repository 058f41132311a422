"""``guidelines/team.yml``: the members, by id."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..fields import ID_RE, Fields, default_id
from ..model import Member
from .keys import MEMBER, TEAM
from .read import read
from .yamlfile import mapping_doc, read_yaml

TEAM_FILE = "guidelines/team.yml"


def load_team(root: Path, out: list[Diagnostic], incomplete: set[str]) -> dict[str, Member]:
    path = root / TEAM_FILE
    if not path.exists() and not path.is_symlink():
        return {}
    doc = read_yaml(root, path, out)
    if doc is None or not mapping_doc(doc, TEAM_FILE, "SMM007", out):
        incomplete.add("member")
        return {}
    f = Fields(doc, TEAM_FILE, out, bad="SMM007")
    f.unknown_keys(TEAM.names, code="SMM007")
    section = f.mapping("members")
    if section is None:
        if f.data.get("members") is None:
            f.require("members", "SMM007")
        incomplete.add("member")
        return {}
    members = {}
    for mid in section.data:
        if not ID_RE.match(str(mid)):
            section.report("SMM007", f"member id {mid!r} is not a valid id", mid, of_key=True,
                           help="ids are lower-case letters, digits and dashes")
            incomplete.add(f"member:{default_id(str(mid))}")
            continue
        m = section.mapping(mid)
        if m is None:
            incomplete.add(f"member:{mid}")
            continue
        values = read(m, MEMBER, code="SMM007")
        members[mid] = Member(mid, values["name"] or mid, values["github"], values["roles"],
                              m.positions())
    return members

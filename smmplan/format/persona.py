"""``personas/*.yml``: one persona per file, its id from the file name."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from ..diagnostics import Diagnostic, diag
from ..fields import Fields, default_id
from ..files import rel, walk
from ..model import EMPTY, Persona, Position
from .keys import PERSONA
from .read import read
from .yamlfile import file_id, mapping_doc, read_yaml


def load_personas(root: Path, out: list[Diagnostic], incomplete: set[str]
                  ) -> dict[str, Persona]:
    personas: dict[str, Persona] = {}
    for path in walk(root, "personas", (".yml", ".yaml"), out, recursive=False):
        name = rel(root, path)
        doc = read_yaml(root, path, out, walked=True)
        if doc is None or not mapping_doc(doc, name, "SMM007", out, what="a persona file"):
            incomplete.add(f"persona:{default_id(path.stem)}")
            continue
        f = Fields(doc, name, out, bad="SMM007")
        pid = file_id(path, name, out)
        values = read(f, PERSONA, code="SMM004")
        if pid is None or values["name"] is None:
            incomplete.add(f"persona:{default_id(path.stem)}")
            continue
        if pid in personas:
            out.append(diag("SMM005", f"persona id {pid!r} is already used by "
                            f"{personas[pid].path}", Position(name)))
            continue
        personas[pid] = Persona(
            id=pid, path=name, name=values["name"], description=values["description"],
            demographics=values["demographics"] or EMPTY, interests=values["interests"],
            channels=values["channels"], last_reviewed=values["last_reviewed"],
            data=MappingProxyType(doc.value), pos=f.positions(),
        )
    return personas

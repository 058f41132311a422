"""Every module imports on its own, the package has no import cycle, and the library never
imports the CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "smmplan"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(p) for p in PACKAGE.rglob("*.py"))
#: ``python -m smmplan`` runs the CLI when imported: tested by running it
IMPORTABLE = [m for m in MODULES if m != "smmplan.__main__"]


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    """Each module is imported as the first smmplan module of the process (the others are
    dropped from sys.modules before it), as `python -c "import smmplan.X"` would: a module that
    only imports after some other has been imported fails here."""
    code = (
        "import importlib, sys, traceback\n"
        "failed = []\n"
        f"for name in {IMPORTABLE!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'smmplan' or "
        "m.startswith('smmplan.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception:\n"
        "        failed.append(name + ': ' + traceback.format_exc(limit=-1).strip())\n"
        "print('\\n'.join(failed))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
    assert len(IMPORTABLE) > 50  # the walk found the package
    done = subprocess.run([sys.executable, "-m", "smmplan", "--version"], capture_output=True,
                          text=True, cwd=REPO, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("smmplan, version"), done


def test_some_modules_in_their_own_interpreter() -> None:
    """The check above, literally, for the modules whose import order once mattered."""
    for name in ("smmplan.cli.cmd_new", "smmplan.format.keys", "smmplan.model",
                 "smmplan.schema"):
        done = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                              text=True, cwd=REPO, timeout=60)
        assert done.returncode == 0, (name, done.stderr)


def imports(path: Path) -> set[str]:
    """The smmplan modules ``path`` imports at its top level (not inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "smmplan"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "smmplan":
                continue
            for alias in node.names:
                if f"{target}.{alias.name}" in MODULES:
                    found.add(f"{target}.{alias.name}")  # `from . import tz`: a module
                else:
                    found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def test_no_import_cycle() -> None:
    edges = graph()
    # a package's __init__ importing its own modules (to register commands) is no cycle: the
    # modules import their siblings, never the package
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> None:
        if node in path:
            raise AssertionError("import cycle: " + " -> ".join([*path[path.index(node):], node]))
        if node in done:
            return
        path.append(node)
        for dep in sorted(edges.get(node, ())):
            visit(dep)
        path.pop()
        done.add(node)

    for module in sorted(edges):
        visit(module)


def test_the_library_never_imports_the_cli() -> None:
    for path in PACKAGE.rglob("*.py"):
        name = module_name(path)
        if name.startswith("smmplan.cli") or name == "smmplan.__main__":
            continue
        text = path.read_text(encoding="utf-8")
        assert "smmplan.cli" not in text and "from .cli" not in text and \
            "from ..cli" not in text, name


def test_no_module_name_is_both_a_library_module_and_a_command() -> None:
    library = {Path(n.replace(".", "/")).name for n in MODULES if not n.startswith("smmplan.cli")}
    commands = {Path(n.replace(".", "/")).name for n in MODULES if n.startswith("smmplan.cli.")}
    assert library & commands == set()

"""Writing ``content/admin/config.yml`` without ever overwriting what the user wrote.

The file carries a stamp (``# smmplan-cms sha256=...``, the hash of the text below it). smmplan
replaces the file only while the stamp matches, that is while nobody changed it since smmplan
wrote it; a changed file is left alone and the command says what to do. The backend settings of
the file it replaces are kept unless new ones are given.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..model import Plan
from .config import PATH, Backend, backend_for, backend_of, render, untouched

_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+")


class ConfigError(Exception):
    """The file cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class Outcome:
    text: str
    status: str
    """``created``, ``updated`` or ``unchanged``."""


def check_backend(backend: Backend) -> None:
    """Refuse settings Decap could not use, with the option to fix."""
    if not _REPO.fullmatch(backend.repo):
        raise ConfigError(f"--repo {backend.repo!r} is not OWNER/NAME of a GitHub repository")
    if not re.fullmatch(r"[^\s~^:?*\[\\]+", backend.branch):
        raise ConfigError(f"--branch {backend.branch!r} is not a branch name")
    if backend.auth_url is not None and not re.fullmatch(r"https://\S+", backend.auth_url):
        raise ConfigError("--auth-url must be an https:// address (the OAuth client)")
    if backend.local_url is not None and not re.fullmatch(r"https?://\S+", backend.local_url):
        raise ConfigError("--local-url must be an http:// address, e.g. "
                          "http://localhost:8081/api/v1")


def current(root: Path) -> str | None:
    """The file's text, None when absent; a link or a folder there is refused."""
    path = root / PATH
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise ConfigError(f"{PATH} is a link or a folder; smmplan only writes a regular file")
    if not path.exists():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {PATH}: {getattr(exc, 'strerror', None) or exc}"
                          ) from None


def generate(plan: Plan, existing: str | None, *, replacing: bool = True,
             **changes: str | None) -> Outcome:
    """The new text for the plan, keeping the backend of ``existing`` unless ``changes`` set
    it; when ``replacing`` it, refuses an ``existing`` that was changed by hand."""
    backend = backend_for(plan)
    if existing is not None:
        if replacing and not untouched(existing):
            raise ConfigError(
                f"{PATH} was changed since smmplan wrote it (its `# smmplan-cms sha256=` line no "
                "longer matches the rest), so smmplan will not overwrite it. Give the settings "
                "you changed as options (--repo, --branch, --auth-url, --local-url), move the "
                "file away and run `smmplan cms` again; `smmplan cms --stdout` prints the new "
                "configuration to compare.")
        with contextlib.suppress(yaml.YAMLError):
            backend = backend_of(yaml.safe_load(existing)) or backend
    backend = replace(backend, **{k: v for k, v in changes.items() if v is not None})
    check_backend(backend)
    text = render(plan, backend)
    status = "created" if existing is None else "unchanged" if text == existing else "updated"
    return Outcome(text, status)


def write(root: Path, text: str) -> None:
    """Write the file through a temporary one, so a full disk never leaves half a file."""
    path = root / PATH
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".config.yml.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:
        raise ConfigError(f"cannot write {PATH}: {exc.strerror or exc}") from None


def create(root: Path) -> None:
    """Write the file for the new plan at ``root`` (``smmplan init``)."""
    from ..load import load_plan

    plan, _ = load_plan(root)
    write(root, generate(plan, None).text)

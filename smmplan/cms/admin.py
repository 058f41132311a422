"""The /admin/ page that ``smmplan build`` publishes when the plan has a CMS configuration.

The page and its script are smmplan's own files (``smmplan/cms/static/``): a plan file of the
same name is left out of the site, so no plan file can add script to the editor (SPEC §8.1).
What the page learns from the plan (channel limits, the editor's field order) it reads as JSON
data, ``smmplan-cms.json``. Decap itself reads ``admin/config.yml``, which mkdocs copies from
``content/admin/config.yml``.

The CMS script is the pinned release (:mod:`.pinned`): from unpkg with its Subresource
Integrity hash, or, when the build names a folder holding that release's ``dist/``
(``cms_assets``), from the site itself, so the editor runs without a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import json
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ..model import Plan
from ..platforms import PLATFORMS
from ..rules.voice import limits
from ..textcount import _DEFAULT_WEIGHT, _RANGES, _SCALE, _URL_WEIGHT
from . import pinned, roundtrip
from .config import COLLECTIONS

FOLDER = "admin"
CONFIG = f"{FOLDER}/config.yml"
OWN = ("index.html", "smmplan-cms.js", "smmplan-cms.json")
ASSET_FOLDER = "decap-cms"


class AssetError(Exception):
    """The folder given for the CMS script does not hold the pinned release."""


def _static(name: str) -> str:
    return resources.files("smmplan.cms").joinpath("static", name).read_text(encoding="utf-8")


def page(local: bool) -> str:
    """The admin page: the CMS script from the site (``local``) or from the CDN, pinned."""
    if local:
        src, integrity = f"{ASSET_FOLDER}/{pinned.SCRIPT}", ""
    else:
        src = pinned.CDN_URL
        integrity = f' integrity="sha384-{pinned.SHA384}" crossorigin="anonymous"'
    return (_static("admin.html").replace("{{version}}", pinned.VERSION)
            .replace("{{src}}", src).replace("{{integrity}}", integrity))


def settings(plan: Plan) -> dict[str, object]:
    """What the admin script needs from the plan, as data."""
    channels = {}
    for channel in plan.settings.channels.values():
        length, counting, tags = limits(channel)
        channels[channel.id] = {"name": channel.name, "platform": channel.platform,
                                "max_length": length, "counting": counting,
                                "max_hashtags": tags,
                                "known_platform": channel.platform in PLATFORMS}
    return {
        "channels": channels,
        "x": {"scale": _SCALE, "default_weight": _DEFAULT_WEIGHT, "url_weight": _URL_WEIGHT,
              "ranges": [list(r) for r in _RANGES]},
        "rewrite": roundtrip.rules_for_browser(),
        "collections": {name: {"order": list(c.order), "lists": list(c.lists),
                               "front_matter": c.front_matter}
                        for name, c in COLLECTIONS.items()},
    }


def site_files(plan: Plan, assets: Path | None) -> dict[str, bytes]:
    """``{site path: bytes}`` of the admin page, its script and data, and the CMS release."""
    out = {
        f"{FOLDER}/index.html": page(assets is not None).encode("utf-8"),
        f"{FOLDER}/smmplan-cms.js": _static("smmplan-cms.js").encode("utf-8"),
        f"{FOLDER}/smmplan-cms.json": (json.dumps(settings(plan), ensure_ascii=False,
                                                  sort_keys=True, indent=1) + "\n"
                                       ).encode("utf-8"),
    }
    if assets is not None:
        out.update({f"{FOLDER}/{ASSET_FOLDER}/{name}": data
                    for name, data in release_files(assets).items()})
    return out


def release_files(folder: Path) -> dict[str, bytes]:
    """The pinned release's files from ``folder`` (decap-cms's ``dist/``, or the package
    folder holding it): the main script, the chunks it loads, their WebAssembly and licence."""
    if (folder / "dist" / pinned.SCRIPT).is_file():
        folder = folder / "dist"
    main = folder / pinned.SCRIPT
    try:
        data = main.read_bytes()
    except OSError as exc:
        raise AssetError(f"cms_assets: cannot read {main}: {exc.strerror}; install the editor "
                         f"with `npm install {pinned.PACKAGE}@{pinned.VERSION}` and name its "
                         "dist/ folder") from None
    digest = base64.b64encode(hashlib.sha384(data).digest()).decode("ascii")
    if digest != pinned.SHA384:
        raise AssetError(f"cms_assets: {main} is not {pinned.PACKAGE} {pinned.VERSION} (its "
                         f"hash differs); install exactly that version: "
                         f"`npm install {pinned.PACKAGE}@{pinned.VERSION}`")
    out = {pinned.SCRIPT: data}
    for path in sorted(folder.iterdir()):
        if path.name.endswith(f".{pinned.SCRIPT}") or path.suffix == ".wasm" or (
                path.name == f"{pinned.SCRIPT}.LICENSE.txt"):
            out[path.name] = path.read_bytes()
    return out


def add_to_site(files: Files, config: MkDocsConfig, plan: Plan, root: Path,
                assets: str | None) -> Files:
    """mkdocs' files with the admin page, when the plan has ``content/admin/config.yml``.

    A plan file at one of the page's own addresses is removed first: the editor page is
    smmplan's, whatever a pull request puts under content/admin/.
    """
    if files.get_file_from_path(CONFIG) is None:
        return files
    own = {f"{FOLDER}/{name}" for name in OWN}
    for f in list(files):
        if f.src_uri in own or f.src_uri.startswith(f"{FOLDER}/{ASSET_FOLDER}/"):
            files.remove(f)
    folder = None if assets is None else root / assets
    try:
        generated = site_files(plan, folder)
    except AssetError as exc:
        raise PluginError(str(exc)) from None
    for path, data in generated.items():
        files.append(File.generated(config, path, content=data,
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files

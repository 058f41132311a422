"""`smmplan cms`: (re)generate the Decap CMS configuration of a plan."""

from __future__ import annotations

import click

from ..cms.config import PATH
from ..cms.configfile import ConfigError, current, generate, write
from ..load import load_plan
from .app import CommandError, plan_root


@click.command(name="cms")
@click.option("--repo", metavar="OWNER/NAME", help="The plan's GitHub repository (default: "
              "from a https://OWNER.github.io/NAME/ site_url, else kept from the file).")
@click.option("--branch", help="The branch pull requests go to (default: main, or kept).")
@click.option("--auth-url", metavar="URL",
              help="The OAuth client that signs creators in to GitHub (backend base_url).")
@click.option("--local-url", metavar="URL",
              help="The decap-server address for editing a local clone "
                   "(default http://localhost:8081/api/v1).")
@click.option("--stdout", "to_stdout", is_flag=True,
              help="Print the configuration instead of writing it.")
@click.pass_context
def command(ctx: click.Context, repo: str | None, branch: str | None, auth_url: str | None,
            local_url: str | None, to_stdout: bool) -> None:
    """Write content/admin/config.yml, the web editor's configuration, from the plan.

    Channels, pillars, personas, campaigns and team members become the editor's choices; the
    site's /admin/ page opens the editor. Run it again after changing rules.yml, team.yml,
    personas or campaigns: it replaces the file only if nobody changed it by hand.

    \b
    Example:
        smmplan cms --repo kopisenja/rencana-konten
    """
    root = plan_root(ctx)
    plan, _ = load_plan(root)
    if not plan.settings.loaded:
        raise CommandError("guidelines/rules.yml could not be read; fix it first "
                           "(`smmplan check` shows where)")
    try:
        existing = current(root)
        outcome = generate(plan, existing, replacing=not to_stdout, repo=repo, branch=branch,
                           auth_url=auth_url, local_url=local_url)
        if to_stdout:
            click.echo(outcome.text, nl=False)
            return
        if outcome.status != "unchanged":
            write(root, outcome.text)
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    click.echo({"created": f"Wrote {PATH}. Publish the site and open /admin/ to edit the plan.",
                "updated": f"Updated {PATH} from the plan.",
                "unchanged": f"{PATH} is up to date."}[outcome.status])

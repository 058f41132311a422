"""Decap CMS for a plan: its configuration, the /admin/ page, and what the editor may rewrite.

``config`` makes ``content/admin/config.yml`` from the plan; ``configfile`` writes it without ever
overwriting a file the user changed; ``drift`` and ``roundtrip`` are what ``check`` reports
(SMM011, SMM012); ``admin`` is the page ``smmplan build`` publishes at ``/admin/``.
"""

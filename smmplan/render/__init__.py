"""Renderings of diagnostics, reports and diffs: text, JSON, GitHub and Markdown."""

"""Exchanging the plan with the tools a team already has (SPEC §6): spreadsheet import and
exports for spreadsheets, programs and schedulers' bulk uploads."""

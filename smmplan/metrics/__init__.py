"""Metrics after publishing: per-channel numbers from ``data/metrics/*.csv``, follower counts from
``data/audience.csv``, and the platforms' own analytics exports that ``smmplan metrics import``
turns into those files (SPEC §6.3)."""

"""The plan's file formats, declared once (:mod:`.keys`), with one loader per file kind."""

"""The plan site as files any engine can build: Markdown pages, navigation, feeds and assets
(:mod:`.files`), and one adapter per engine: mkdocs (:mod:`smmplan.build` with the mkdocs
plugin) and Zensical (:mod:`.zensical`)."""

"""smmplan: plan social media posts as files in git, checked, published as a site and feeds."""

__version__ = "0.1.0"

"""mkdocs-ctoblog: a consultant's blog for MkDocs."""

__version__ = "0.1.0"

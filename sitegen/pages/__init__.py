"""Page helpers: what the Markdown templates in docs/ get from mkdocs-macros, computed from validated data."""

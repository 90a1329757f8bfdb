"""`scraper serve`: Datasette on the archive, with the project's descriptions, facets and
canned queries and a style sheet (metadata.py), and a month facet (plugin.py)."""

"""Reading the archive: search, export and stats, output formats, and the Datasette front end."""

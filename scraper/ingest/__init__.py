"""Archiving pages that are already fetched: WARC files of any origin, and our own captures."""

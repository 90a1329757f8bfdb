"""A generated, seeded copy of the target site and a loopback server for it (demo, tests, bench).

`build_site()` lives in `site.py`, `serve()` in `server.py`.
"""

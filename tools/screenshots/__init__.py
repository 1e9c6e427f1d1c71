"""Screenshot generators: each builds a shop (a demo database or a test shop) and renders a view or a
printed page to PNG under docs/screenshots. Run with `python -m tools.screenshots.NAME --help`.
"""

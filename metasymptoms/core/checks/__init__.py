"""The loader's own checks: what stops a rule book from loading at all, found while it loads.

One module a check, as the book's checks in reviewing/checks/ are: an ID, a LEVEL and a
docstring that is its documentation (with a passing and a failing example), and the
functions the loader calls to make its problems. The one registry of every check, these
included, is reviewing/checks/__init__.py: `rules check --explain ID` reads it.
"""

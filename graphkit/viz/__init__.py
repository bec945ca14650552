"""Relationship maps: :mod:`graphkit.viz.maps` writes offline, self-contained HTML pages
(``whole_map``, ``ego_map``, ``diffusion_map``, ``make_map``, ``render``).
(The headless-Chromium driver the map tests use is in tests/viz/browser.py.)"""

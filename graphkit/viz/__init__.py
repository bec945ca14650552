"""Relationship maps: :mod:`graphkit.viz.maps` writes offline, self-contained HTML pages
(``whole_map``, ``ego_map``, ``diffusion_map``, ``make_map``, ``render``);
:mod:`graphkit.viz.browser` opens a page in headless Chromium for tests and screenshots."""

"""The Japanese font in the browser, and the check the notebook tests rely on.

The notebook tests judge Japanese rendering with :func:`browser_fonts.japanese_rendering_problems`.
Here that check is shown to see tofu: the same chromium, started with a fontconfig that offers the
machine's fonts minus the Japanese ones, must be reported; with all the machine's fonts it passes.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from browser_fonts import japanese_rendering_problems
from browser_support import (
    JAPANESE_FONT_FAMILY,
    chromium,
    japanese_font_families,
    require_chromium,
    require_japanese_font,
    screenshot,
)

pytestmark = pytest.mark.browser

PAGE = (
    '<html lang="ja"><body style="font-family: sans-serif">'
    "<h1>七瀬市の人口と高齢化率（令和8年4月1日現在）</h1></body></html>"
)


def test_the_japanese_font_package_is_installed():
    require_japanese_font()
    assert JAPANESE_FONT_FAMILY in japanese_font_families()


def _problems(env: dict[str, str] | None, shot: str) -> list[str]:
    with chromium(env=env) as browser:
        page = browser.new_page(viewport={"width": 900, "height": 200})
        page.set_content(PAGE)
        screenshot(page, shot)
        return japanese_rendering_problems(page, "h1", japanese_font_families())


def test_the_check_passes_with_the_installed_font():
    require_chromium()
    require_japanese_font()
    assert _problems(None, "fonts-installed") == []


def _font_files(pattern: str) -> set[str]:
    out = subprocess.run(
        ["fc-list", pattern, "file"], capture_output=True, text=True, check=False
    ).stdout
    return {line.split(":")[0].strip() for line in out.splitlines() if line.strip()}


def test_the_check_reports_tofu_without_a_japanese_font(tmp_path):
    """The machine's fonts minus every Japanese one: the page shows tofu, the check says so."""
    require_chromium()
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for n, file in enumerate(sorted(_font_files(":") - _font_files(":lang=ja"))):
        (fonts / f"{n}-{Path(file).name}").symlink_to(file)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><dir>{fonts}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    problems = _problems({"FONTCONFIG_FILE": str(config)}, "fonts-without-japanese")
    assert any("Japanese font" in p for p in problems), problems
    assert any("tofu" in p for p in problems), problems

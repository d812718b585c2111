"""Is Japanese really drawn with a Japanese font in the page, or as tofu (□)?

Two independent witnesses, both of which fail when no Japanese font is installed:

- chromium's own account (DevTools ``CSS.getPlatformFontsForNode``) of the fonts it used for an
  element's text: the glyphs drawn with fonts that fontconfig lists for ``:lang=ja`` must cover
  every kana and kanji of the text;
- a canvas in the element's font: distinct kanji must give distinct pictures, and none may look
  like the glyph of a code point no font has (tofu).

>>> # japanese_rendering_problems(page, ".jp-RenderedMarkdown h1", japanese_font_families())
>>> # []
"""

from __future__ import annotations

import re
from typing import Any

KANA_KANJI = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Characters compared on the canvas, and one no font has (plane-16 private use).
_SAMPLES = ["日", "本", "語", "市"]
_NO_GLYPH = "\U0010fffd"

_OWN_TEXT = (
    "(sel) => { const e = document.querySelector(sel); if (!e) return null;"
    " return Array.from(e.childNodes).filter(n => n.nodeType === 3)"
    ".map(n => n.textContent).join(''); }"
)

_GLYPH_PICTURES = (
    "([sel, chars]) => { const e = document.querySelector(sel);"
    " const family = getComputedStyle(e).fontFamily;"
    " return chars.map(ch => { const c = document.createElement('canvas');"
    "  c.width = 64; c.height = 64; const x = c.getContext('2d');"
    "  x.font = '48px ' + family; x.fillStyle = '#000'; x.textBaseline = 'top';"
    "  x.fillText(ch, 4, 4); const d = x.getImageData(0, 0, 64, 64).data;"
    "  let h = 0, ink = 0; for (let i = 3; i < d.length; i += 4) {"
    "   if (d[i] > 0) { ink++; h = (h * 31 + i * d[i]) % 2147483647; } }"
    "  return ink + ':' + h; }); }"
)


def platform_fonts(page: Any, selector: str) -> list[dict[str, Any]]:
    """Fonts chromium used for the text directly inside the first element matching ``selector``."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("DOM.enable")
        session.send("CSS.enable")
        root = session.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if not node:
            raise AssertionError(f"no element matches {selector!r}")
        return session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        session.detach()


def japanese_rendering_problems(page: Any, selector: str, japanese_fonts: set[str]) -> list[str]:
    """What is wrong with the Japanese of the element ``selector``; empty when it renders well."""
    text = page.evaluate(_OWN_TEXT, selector)
    if text is None:
        return [f"no element matches {selector!r}"]
    needed = len(KANA_KANJI.findall(text))
    if needed == 0:
        return [f"{selector!r} holds no kana or kanji to check: {text[:60]!r}"]
    problems = []
    fonts = platform_fonts(page, selector)
    drawn = sum(f["glyphCount"] for f in fonts if f["familyName"] in japanese_fonts)
    if drawn < needed:
        used = ", ".join(f"{f['familyName']} ({f['glyphCount']})" for f in fonts)
        problems.append(
            f"{needed} kana/kanji in {text[:40]!r} but only {drawn} glyphs came from a Japanese "
            f"font; chromium used: {used}"
        )
    pictures = page.evaluate(_GLYPH_PICTURES, [selector, [*_SAMPLES, _NO_GLYPH]])
    samples, tofu = pictures[:-1], pictures[-1]
    if len(set(samples)) < len(samples) or tofu in samples:
        problems.append(
            f"kanji {_SAMPLES} draw as identical or tofu-like pictures in the element's font "
            f"({samples}, tofu {tofu})"
        )
    return problems

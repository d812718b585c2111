"""Every messy export of the fictional city (``raw_*`` in datasets/datapackage.json), read with
``kit.read_table``, holds the same figures as its tidy counterpart.

Only documented steps are applied on top of the reader: ``dash_as_zero=True`` where the file's
quirks say "0 を - と表記", ``population_long`` for population tables, the renaming of the
export's headings to the tidy names (what a trainee does), and the same text normalisation
(NFKC, 〜 for ranges) on both sides. Suppressed cells (X, *) must be missing in the reader's
table and are the only values allowed to differ.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit.readers import population_long

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
PACKAGE = DATASETS / "datapackage.json"
LONG = ["地域名", "年齢階級", "下限年齢", "上限年齢", "性別"]

# Export heading → tidy column (per tidy resource); keys identify a row on both sides.
RENAMES = {
    "vital_statistics": {
        "地区": "地区名", "自然動態_出生": "出生", "自然動態_死亡": "死亡", "社会動態_転入_計": "転入",
        "社会動態_転出_計": "転出", **{f"社会動態_{way}_{band}": f"{way}_{band}" for way in ("転入", "転出")
                                       for band in ("0〜14歳", "15〜24歳", "25〜39歳", "40〜64歳", "65歳以上")},
    },
    "care_certification": {"地区": "地区名"},
    "health_checkups": {"地区": "地区名"},
    "preschools": {},
}  # fmt: skip
KEYS = {
    "vital_statistics": ["地区名"],
    "care_certification": ["地区名", "年齢階級"],
    "health_checkups": ["地区名", "性別", "年齢階級"],
    "preschools": ["名称"],
}
# Columns not compared, and why.
SKIP = {
    "ID": "the old standard's NO is a running number without leading zeros",
    "地方公共団体名": "the reader writes the standard's 都道府県名+市区町村名 (みどり県七瀬市)",
}
_RANGE = re.compile(r"(?<=\d)\s*[〜~～ー−–—‐-]\s*(?=\d)")


def _messy() -> list[dict]:
    if not PACKAGE.is_file():
        return []
    resources = json.loads(PACKAGE.read_text(encoding="utf-8"))["resources"]
    return [r for r in resources if r.get("kit", {}).get("role") == "messy"]


def _norm_text(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value.replace("～", "〜")).strip()
    return _RANGE.sub("-", text)


def _normalise(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_norm_text, na_action="ignore").astype("str")
    return out.rename(columns=_norm_text)


def _tidy_rows(resource: dict) -> pd.DataFrame:
    tidy = kit.load(resource["kit"]["tidy"])
    for column, value in resource["kit"].get("rows", {}).items():
        wanted = pd.Timestamp(value) if isinstance(value, str) else value
        tidy = tidy[tidy[column] == wanted]
    return tidy.reset_index(drop=True)


def _read_raw(resource: dict) -> pd.DataFrame:
    dash_as_zero = "0 を - と表記" in resource["kit"].get("quirks", [])
    return kit.read_table(DATASETS / resource["path"], dash_as_zero=dash_as_zero)


@pytest.mark.skipif(not PACKAGE.is_file(), reason="datasets/datapackage.json is not generated yet")
@pytest.mark.parametrize("resource", _messy(), ids=lambda r: r["name"])
def test_raw_export_reads_to_its_tidy_counterpart(resource):
    raw, tidy, name = _read_raw(resource), _tidy_rows(resource), resource["kit"]["tidy"]
    assert len(tidy) > 0
    if name == "population":
        area = "町丁目名" if "町丁目名" in raw.columns else "地域名"
        left = population_long(raw).rename(columns={area: "地域名"})[[*LONG, "人口"]]
        right = population_long(tidy)[[*LONG, "人口"]]
        pd.testing.assert_frame_equal(_normalise(left), _normalise(right))
        return
    keys = KEYS[name]
    left = _normalise(raw.rename(columns=RENAMES[name]))
    right = _normalise(tidy)
    values = [c for c in right.columns if c in left.columns and c not in keys and c not in SKIP]
    assert len(values) >= 2, f"too few columns in common: {values}"
    merged = left.merge(right, on=keys, how="outer", suffixes=("_raw", "_tidy"), indicator=True)
    assert (merged["_merge"] == "both").all(), merged[merged["_merge"] != "both"][keys]
    suppressed = any("秘匿" in quirk for quirk in resource["kit"].get("quirks", []))
    for column in values:
        got, want = merged[f"{column}_raw"], merged[f"{column}_tidy"]
        missing = got.isna() & want.notna()
        assert suppressed or not missing.any(), f"{column}: values missing in the reader's table"
        same = (got == want) | (got.isna() & want.isna()) | missing
        assert bool(same.all()), merged.loc[
            ~same.fillna(False), [*keys, f"{column}_raw", f"{column}_tidy"]
        ]

"""Every file conforms to its description in datapackage.json."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_datasets_support import DATA_DIR, load, messy_names, tidy_names

import kit

PACKAGE = kit.data.package()
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
NAMES_USED_BY_NOTEBOOKS = {
    "population", "towns", "districts", "vital_statistics", "residents", "preschools",
    "nursery_waiting", "evacuation_spaces", "flood_zone", "public_facilities", "care_certification",
    "gathering_places", "health_checkups", "survey",
}  # fmt: skip
UNITLESS = re.compile(r"1=|段階|順位|住み続け")  # flags, scores and ranks have no unit
TYPES = {"string", "integer", "number", "boolean", "date", "year", "geojson"}


def test_package_metadata():
    assert PACKAGE["name"] == "nanase-city"
    assert PACKAGE["licenses"][0]["name"] == "CC-BY-4.0"
    assert PACKAGE["kit"]["city_code"] == "992011"
    assert set(RESOURCES) >= NAMES_USED_BY_NOTEBOOKS
    assert len(tidy_names()) >= 15 and len(messy_names()) >= 6


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_resource_entry_is_complete(name):
    res = RESOURCES[name]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
    assert res["format"] in {"csv", "geojson", "xlsx"}
    assert (DATA_DIR / res["path"]).is_file()
    assert res["licenses"][0]["name"] == "CC-BY-4.0"
    assert re.search(r"[ぁ-んァ-ン一-龥]", res["title"]) and re.search(
        r"[ぁ-んァ-ン一-龥]", res["description"]
    )
    if res["kit"]["role"] == "messy":
        assert name.startswith("raw_") and res["path"].startswith("raw/")
        assert RESOURCES[res["kit"]["tidy"]]["kit"]["role"] == "tidy"
        return
    assert res["path"].startswith("city/")
    for field in res["schema"]["fields"]:
        assert field["type"] in TYPES
        assert re.search(r"[ぁ-んァ-ン一-龥]", field["description"]), field["name"]
        if field["type"] in ("integer", "number"):
            assert field.get("unit") or UNITLESS.search(field["description"]), field["name"]


@pytest.mark.parametrize("name", tidy_names())
def test_tidy_file_matches_its_schema(name):
    res = RESOURCES[name]
    frame = load(name)
    fields = res["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) > 0
    for field in fields:
        column, rules = frame[field["name"]], field.get("constraints", {})
        if field["type"] == "geojson":
            assert frame.geometry.notna().all() and frame.crs.to_epsg() == 6668
            continue
        if rules.get("required"):
            assert column.notna().all(), f"{name}.{field['name']} has blanks"
        present = column.dropna()
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column)
        if field["type"] in ("integer", "year"):
            assert str(column.dtype) in ("Int64", "int64", "int32"), field["name"]
        if field["type"] == "number":
            assert pd.api.types.is_float_dtype(column) or pd.api.types.is_integer_dtype(column)
        if field["type"] == "boolean":
            assert str(column.dtype) in ("boolean", "bool")
        if "pattern" in rules:
            assert present.astype(str).str.fullmatch(rules["pattern"]).all(), field["name"]
        if "enum" in rules:
            assert set(present.tolist()) <= set(rules["enum"]), field["name"]
        if "minimum" in rules:
            assert (present >= rules["minimum"]).all(), field["name"]
        if "maximum" in rules:
            assert (present <= rules["maximum"]).all(), field["name"]
    key = res["schema"].get("primaryKey")
    if key:
        assert not frame.duplicated(key).any(), f"{name}: duplicated {key}"


@pytest.mark.parametrize("name", [n for n in tidy_names() if RESOURCES[n]["format"] == "csv"])
def test_tidy_csv_text_conventions(name):
    res = RESOURCES[name]
    raw = kit.data.path(name).read_bytes()
    if res["path"].endswith(".gz"):
        import gzip

        raw = gzip.decompress(raw)
    assert raw.startswith(b"\xef\xbb\xbf") and res["encoding"] == "utf-8-sig"
    assert b"\r\n" not in raw and raw.endswith(b"\n")
    text = raw.decode("utf-8-sig")
    dates = [f["name"] for f in res["schema"]["fields"] if f["type"] == "date"]
    frame = pd.read_csv(kit.data.path(name), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for column in dates:
        assert frame[column].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert "nan" not in text.split(",")


@pytest.mark.parametrize("name", messy_names())
def test_messy_file_decodes_as_declared(name):
    res = RESOURCES[name]
    data = (DATA_DIR / res["path"]).read_bytes()
    if res["format"] == "xlsx":
        assert data[:2] == b"PK"
        return
    text = data.decode(res["encoding"])
    assert "七瀬" in text
    if res["encoding"] == "cp932":
        assert b"\r\n" in data
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")


def test_codes_stay_text_with_leading_zeros():
    pop = load("population")
    assert pop["地域コード"].str.len().eq(7).all() and pop["地域コード"].str.startswith("00").all()
    assert pop["地区コード"].isin([f"0{i}" for i in range(1, 9)]).all()
    assert (pop["全国地方公共団体コード"] == "992011").all()


def test_public_facilities_is_a_friendly_first_table():
    ledger = load("public_facilities")
    assert list(ledger.columns) == [
        "施設ID", "施設名", "種別", "地区", "町丁目", "建築年", "延床面積",
        "年間利用者数", "年間維持管理費", "緯度", "経度",
    ]  # fmt: skip
    assert 40 <= len(ledger) <= 80
    per_kind = ledger["種別"].value_counts()
    assert (per_kind >= 4).sum() >= 3
    assert set(per_kind.index) >= {
        "公民館",
        "図書館",
        "体育館",
        "集会所",
        "児童館",
        "市民センター",
        "プール",
    }
    assert not ledger["年間利用者数"].duplicated().any()  # sorting gives one clear order
    assert ledger["建築年"].between(1950, 2025).all()

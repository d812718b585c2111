"""Answers carried out of a grading kernel as plain JSON come back equal, or as Unsupported."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from kit.exercises.answers import Unsupported, dumps, loads


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        3,
        2.5,
        "中央一丁目",
        [1, "a"],
        (1, 2),
        {"地区": [1, 2]},
        {1, 2},
        dt.date(2019, 4, 1),
        ...,
        float("nan"),
    ],
)
def test_plain_values_round_trip(value):
    back = loads(dumps({"x": value}))["x"]
    if isinstance(value, float) and np.isnan(value):
        assert np.isnan(back)
    else:
        assert back == value and type(back) is type(value)


def test_numpy_scalars_become_python_numbers():
    back = loads(dumps({"a": np.int64(7), "b": np.float64(0.5), "c": np.bool_(True)}))
    assert back == {"a": 7, "b": 0.5, "c": True}


def test_frames_and_series_round_trip_with_index_and_dtypes():
    frame = pd.DataFrame(
        {
            "地区": ["中央", "川辺"],
            "人口": [100, 50],
            "率": [0.5, 0.25],
            "日": pd.to_datetime(["2026-04-01"] * 2),
        }
    ).set_index("地区")
    back = loads(dumps({"f": frame}))["f"]
    pd.testing.assert_frame_equal(back, frame, check_dtype=False, check_index_type=False)
    series = frame["人口"]
    back_series = loads(dumps({"s": series}))["s"]
    assert back_series.name == "人口" and back_series.to_dict() == {"中央": 100, "川辺": 50}


def test_unknown_objects_come_back_as_unsupported_and_never_execute():
    class Sneaky:
        def __eq__(self, other):
            return True

    assert loads(dumps({"x": Sneaky()}))["x"] == Unsupported("Sneaky")
    forged = '{"format": "kit-answers/1", "answers": {"x": {"kind": "kit", "class": "os.system", "data": "ls"}}}'
    assert loads(forged)["x"] == Unsupported("system")


def test_rejects_text_that_is_not_an_answers_file():
    with pytest.raises(ValueError, match="not a kit answers file"):
        loads('{"answers": {}}')


def test_frames_with_any_labels_round_trip():
    numbered = pd.DataFrame([[1, "a"], [2, "b"]])  # e.g. read_csv(header=None)
    back = loads(dumps({"f": numbered}))["f"]
    assert list(back.columns) == [0, 1]
    assert back[1].tolist() == ["a", "b"]
    wide = pd.DataFrame({("人口", "男"): [1], ("人口", "女"): [2]})
    back_wide = loads(dumps({"w": wide}))["w"]
    assert list(back_wide.columns) == [("人口", "男"), ("人口", "女")]
    indexed = pd.DataFrame({"v": [1, 2]}, index=pd.Index([10, 20], name=3))
    back_indexed = loads(dumps({"i": indexed}))["i"]
    assert back_indexed.index.name == 3
    assert back_indexed.index.tolist() == [10, 20]


def test_an_unwritable_value_is_unsupported_and_the_others_still_travel():
    from shapely.geometry import Point

    with_shapes = pd.DataFrame({"名前": ["a"], "geometry": [Point(0, 0)]})
    back = loads(dumps({"merged": with_shapes, "n": 3}))
    assert back["merged"] == Unsupported("DataFrame")
    assert back["n"] == 3

"""The kit's foundations: instant side-effect-free import, setup(), errors, lazy attributes."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest

import kit
from kit.errors import DatasetError, KitError, ReadError

HEAVY = ("pandas", "numpy", "matplotlib", "geopandas", "seaborn", "IPython", "ipywidgets")


def _fresh_python(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def test_import_kit_loads_no_heavy_module():
    loaded = _fresh_python(
        "import sys, kit; print(','.join(m for m in " + repr(HEAVY) + " if m in sys.modules))"
    )
    assert loaded == ""


def test_import_kit_changes_no_global_state():
    out = _fresh_python(
        "import sys, warnings, logging; before = (len(sys.path), list(warnings.filters), "
        "logging.root.level, len(logging.root.handlers)); import kit; "
        "print((len(sys.path), list(warnings.filters), logging.root.level, "
        "len(logging.root.handlers)) == before)"
    )
    assert out == "True"


def test_lazy_attributes_resolve_and_unknown_ones_fail():
    assert callable(kit.setup)
    assert kit.exercises.__name__ == "kit.exercises"
    with pytest.raises(AttributeError):
        _ = kit.no_such_thing


def test_setup_is_idempotent_and_japanese_survives_seaborn_theme():
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    import seaborn as sns
    from matplotlib import font_manager

    kit.setup()
    first = dict(mpl.rcParams)
    kit.setup()
    assert dict(mpl.rcParams) == first
    sns.set_theme()
    sns.set_theme(style="whitegrid")
    assert mpl.rcParams["font.family"][0] == "IPAexGothic"
    fig, ax = plt.subplots()
    ax.set_title("高齢化率（％）の推移　〜令和8年")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    plt.close(fig)
    used = font_manager.findfont(font_manager.FontProperties(family=mpl.rcParams["font.family"]))
    assert used.endswith("ipaexg.ttf")


def test_setup_wraps_seaborn_only_once():
    import seaborn as sns

    kit.setup()
    wrapped = sns.set_theme
    kit.setup()
    assert sns.set_theme is wrapped


def test_errors_name_file_row_column_and_action():
    error = ReadError(
        "値「1,2O3」を数値として読めませんでした（英字の O が含まれています）。",
        file="/tmp/population_R6.csv",
        row=7,
        column="0〜4歳 男",
        action="元のファイルの該当セルを確認してください。",
    )
    text = str(error)
    assert text.startswith("「population_R6.csv」の 7 行目・列「0〜4歳 男」")
    assert text.endswith("元のファイルの該当セルを確認してください。")
    assert (error.row, error.column) == (7, "0〜4歳 男")
    assert isinstance(error, KitError) and isinstance(error, ValueError)


def test_dataset_error_is_readable_and_a_key_error():
    with pytest.raises(DatasetError) as caught:
        kit.data.resource("populaton")
    assert "データ「populaton」はありません" in str(caught.value)
    assert "kit.datasets()" in str(caught.value)
    assert isinstance(caught.value, KeyError)


def test_load_reads_once_and_returns_independent_copies():
    first = kit.load("public_facilities")
    first.loc[first.index[0], "施設名"] = "書きかえた名前"
    first["追加した列"] = 1
    second = kit.load("public_facilities")
    assert second.loc[second.index[0], "施設名"] != "書きかえた名前"
    assert "追加した列" not in second.columns
    assert kit.data._read.cache_info().hits >= 1

"""Population tables "as the city exports them": what staff really receive from other sections.

- ``人口_町丁目別_令和8年4月.csv``: CP932, CRLF, a title row and a 和暦 date row, a two-row merged
  header (計/男/女 under each band, full-width digits), 地区 小計 rows and a 合計 row, thousands
  separators and ``-`` for zero.
- the same table as ``.xlsx`` with real merged cells, codes typed as numbers (leading zeros lost).
- ``992011_population_20190401.csv``: the old 推奨データセット header, a 和暦 survey date and a few
  broken 全国地方公共団体コード (check digit dropped, full-width digits).

>>> pretty(1234), pretty(0)
('1,234', '-')
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .city import CITY_NAME, DISTRICTS, PREF_NAME
from .population import BAND_STARTS, band_columns, band_label
from .wareki import to_full_width, wareki_date
from .writers import rows_csv_bytes
from .xlsx import workbook_bytes

TITLE = f"{CITY_NAME} 町丁目別・年齢別人口（住民基本台帳）"
_BANDS = [*BAND_STARTS, 85]


def pretty(n: int) -> str:
    """A count as printed in the city's tables: thousands separators, ``-`` for zero."""
    return "-" if n == 0 else f"{n:,}"


def _band_header(start: int) -> str:
    return to_full_width(band_label(start).replace("-", "～"))


def _layout(pop: pd.DataFrame) -> tuple[list[list[str]], list[list[object]]]:
    """(two header rows, body rows with raw integers) of the published table."""
    head1 = ["地区", "町丁目コード", "町丁目名", "総数", "", ""]
    head2 = ["", "", "", "計", "男", "女"]
    for start in _BANDS:
        head1 += [_band_header(start), "", ""]
        head2 += ["計", "男", "女"]
    head1.append("世帯数")
    head2.append("")
    body: list[list[object]] = []

    def values(frame: pd.DataFrame) -> list[int]:
        out = [int(frame["総人口"].sum()), int(frame["男性"].sum()), int(frame["女性"].sum())]
        for start in _BANDS:
            male = int(frame[f"{band_label(start)}の男性"].sum())
            female = int(frame[f"{band_label(start)}の女性"].sum())
            out += [male + female, male, female]
        return out + [int(frame["世帯数"].sum())]

    for d in DISTRICTS:
        part = pop[pop["地区コード"] == d.code]
        for _, row in part.iterrows():
            body.append([d.name, row["地域コード"], row["地域名"], *values(part.loc[[_]])])
        body.append(["", "", f"（{d.name} 小計）", *values(part)])
    body.append(["合計", "", "", *values(pop)])
    return [head1, head2], body


def population_csv(pop: pd.DataFrame, when: date) -> bytes:
    """The CP932 CSV of one snapshot, as exported from the register system.

    >>> import numpy as np
    >>> from .population import population_table
    >>> from .simulation import simulate
    >>> pop = population_table(simulate(np.random.default_rng(0), 0.01))
    >>> population_csv(pop, date(2026, 4, 1)).decode("cp932").splitlines()[1]
    '令和８年４月１日現在'
    """
    heads, body = _layout(pop[pop["調査年月日"] == when.isoformat()])
    rows = [[TITLE], [f"{wareki_date(when, full_width=True)}現在"], [], *heads]
    rows += [[*r[:3], *(pretty(v) for v in r[3:])] for r in body]
    return rows_csv_bytes(rows, encoding="cp932", newline="\r\n")


def population_xlsx(pop: pd.DataFrame, when: date) -> bytes:
    """The same table as a workbook: merged header cells, numbers as numbers, codes as numbers.

    >>> import numpy as np
    >>> from .population import population_table
    >>> from .simulation import simulate
    >>> pop = population_table(simulate(np.random.default_rng(0), 0.01))
    >>> population_xlsx(pop, date(2026, 4, 1))[:2]
    b'PK'
    """
    heads, body = _layout(pop[pop["調査年月日"] == when.isoformat()])
    wb = Workbook()
    ws = wb.active
    ws.title = "町丁目別人口"
    ws["A1"] = TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = f"{wareki_date(when)}現在"
    for r, head in enumerate(heads, start=4):
        for c, label in enumerate(head, start=1):
            if label:
                ws.cell(r, c, label).alignment = Alignment(horizontal="center")
    for c in range(4, len(heads[0]), 3):
        ws.merge_cells(start_row=4, start_column=c, end_row=4, end_column=c + 2)
    for c in (1, 2, 3, len(heads[0])):
        ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    for r, row in enumerate(body, start=6):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(r, c, int(value) if c == 2 and value else value)
            if c > 3:
                cell.number_format = '#,##0;-#,##0;"-"'
    ws.cell(len(body) + 7, 1, "※ 住民基本台帳による（外国人住民を含む）。")
    return workbook_bytes(wb)


def old_standard_csv(pop: pd.DataFrame, when: date) -> bytes:
    """The old 推奨データセット layout (UTF-8 with BOM), with a 和暦 date and some broken codes.

    >>> import numpy as np
    >>> from .population import population_table
    >>> from .simulation import simulate
    >>> pop = population_table(simulate(np.random.default_rng(0), 0.01))
    >>> old_standard_csv(pop, date(2019, 4, 1)).decode("utf-8-sig").split(",")[0]
    '都道府県コード又は市区町村コード'
    """
    part = pop[pop["調査年月日"] == when.isoformat()].reset_index(drop=True)
    header = ["都道府県コード又は市区町村コード", "地域コード", "都道府県名", "市区町村名", "調査年月日",
              "地域名", "総人口", "男性", "女性", *band_columns(), "世帯数", "備考"]  # fmt: skip
    rows: list[list[object]] = [header]
    for i, row in part.iterrows():
        code = row["全国地方公共団体コード"]
        if i % 9 == 4:
            code = code[:5]  # check digit dropped
        elif i % 17 == 11:
            code = to_full_width(code)
        rows.append([code, row["地域コード"].lstrip("0"), PREF_NAME, CITY_NAME, wareki_date(when),
                     row["地域名"], *(int(row[c]) for c in ["総人口", "男性", "女性", *band_columns()]),
                     int(row["世帯数"]), row["備考"]])  # fmt: skip
    return rows_csv_bytes(rows, encoding="utf-8-sig", newline="\r\n")

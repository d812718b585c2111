"""Reproducible .xlsx bytes: openpyxl for the content, then a zip rewrite with fixed timestamps.

openpyxl stamps the current time in the document properties and in every zip entry; both are
pinned here so that the same workbook always gives the same bytes.

>>> from openpyxl import Workbook
>>> wb = Workbook(); wb.active["A1"] = "七瀬市"
>>> workbook_bytes(wb) == workbook_bytes(wb)
True
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

FIXED_TIME = dt.datetime(2026, 4, 1, 9, 0, 0)


def workbook_bytes(wb: Workbook) -> bytes:
    """Save ``wb`` and return bytes that do not depend on when they were made.

    >>> workbook_bytes(Workbook())[:2]
    b'PK'
    """
    wb.properties.creator = "七瀬市"
    wb.properties.lastModifiedBy = "七瀬市"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # (Workbook.save would stamp the current time)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()

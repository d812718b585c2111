"""The personal-data use worksheet: a dataclass, its checks, Markdown/Excel export and a form.

The planning section, the sections holding the data and the personal-information section agree
on one use of residents' personal data with one sheet (the guidebook's Annex 1, in the terms of
the 個人情報保護法 that local governments apply since April 2023).

>>> import kit
>>> ws = kit.worksheet.example()              # the city's example: ひとり親世帯への案内
>>> ws.check().ok                             # nothing left to fix
True
>>> md = ws.to_markdown()                     # to share, or to show where widgets cannot
>>> form = ws.form()                          # an ipywidgets form; form.worksheet() reads it back
>>> path = kit.artifacts.save("worksheet", ws, markdown=md)   # stage 4 uses its rules
"""

from __future__ import annotations

from kit.worksheet.example import example
from kit.worksheet.findings import MUST_FIX, TO_CONFIRM, Finding, Findings
from kit.worksheet.model import (
    AGGREGATED,
    ANONYMISED,
    AS_IS,
    BASES,
    CONSENT,
    HANDLINGS,
    OUTSIDE_PURPOSE,
    PROVISIONS,
    PSEUDONYMISED,
    ROLE_HOLDER,
    ROLE_PLANNING,
    ROLE_PRIVACY,
    ROLES,
    USE_ANALYSIS,
    USE_SERVICE,
    USES,
    WITHIN_PURPOSE,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
)

__all__ = [
    "AGGREGATED",
    "ANONYMISED",
    "AS_IS",
    "BASES",
    "CONSENT",
    "HANDLINGS",
    "MUST_FIX",
    "OUTSIDE_PURPOSE",
    "PROVISIONS",
    "PSEUDONYMISED",
    "ROLES",
    "ROLE_HOLDER",
    "ROLE_PLANNING",
    "ROLE_PRIVACY",
    "TO_CONFIRM",
    "USES",
    "USE_ANALYSIS",
    "USE_SERVICE",
    "WITHIN_PURPOSE",
    "DataItem",
    "Finding",
    "Findings",
    "PersonalDataWorksheet",
    "SignOff",
    "example",
]

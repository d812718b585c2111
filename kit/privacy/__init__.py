"""Privacy helpers for training with personal data, in the terms of the 個人情報保護法.

- ``pseudonymize`` / ``make_key`` / ``load_key``: keyed pseudonyms (HMAC-SHA256), one of the
  measures for 仮名加工情報 (pseudonymised data).
- ``age_band``, ``to_month``, ``to_year``, ``address_to_town``, ``top_code``: coarsening
  (一般化) and top-coding, measures for 行政機関等匿名加工情報 (anonymised data).
- ``k_anonymity`` / ``achieve_k``: check and reach k-anonymity over quasi-identifiers
  (common practice, not a legal threshold).
- ``suppress_small_cells``: 一次秘匿 and 二次秘匿 of aggregate tables.

>>> import kit
>>> report = kit.privacy.k_anonymity(residents, ["年齢階級", "性別", "町丁目"])  # doctest: +SKIP
>>> print(report)  # doctest: +SKIP
"""

from __future__ import annotations

from kit.privacy.achieve import AnonymisationReport, achieve_k, default_generalisers
from kit.privacy.address import address_to_town
from kit.privacy.cells import secondary_suppression, suppress_small_cells
from kit.privacy.generalise import age_band, age_steps, date_steps, to_month, to_year, top_code
from kit.privacy.kanonymity import KAnonymityReport, k_anonymity
from kit.privacy.pseudonym import load_key, make_key, pseudonymize

__all__ = [
    "AnonymisationReport",
    "KAnonymityReport",
    "achieve_k",
    "address_to_town",
    "age_band",
    "age_steps",
    "date_steps",
    "default_generalisers",
    "k_anonymity",
    "load_key",
    "make_key",
    "pseudonymize",
    "secondary_suppression",
    "suppress_small_cells",
    "to_month",
    "to_year",
    "top_code",
]

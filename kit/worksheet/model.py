"""The personal-data use worksheet as plain dataclasses, with the choices the law offers.

One worksheet records one planned use of residents' data: the purpose and the residents it
concerns, every data item (which section holds it, in which system, whether it is personal or
要配慮個人情報, its original purpose, the legal basis for the new use, how it is processed, how it
is obtained and how often), how the data are handled (who may access them, where they are kept,
retention and deletion, security measures), the sign-off of each section, and the open issues.

Terms follow the 個人情報の保護に関する法律 that local governments apply since April 2023:
利用目的, 目的外利用・提供 (第69条), 仮名加工情報, 行政機関等匿名加工情報.

>>> item = DataItem("児童扶養手当の受給状況", holder="こども家庭課", personal=True,
...                 basis=WITHIN_PURPOSE, handling=PSEUDONYMISED)
>>> ws = PersonalDataWorksheet(title="ひとり親世帯への案内", items=[item])
>>> PersonalDataWorksheet.from_dict(ws.to_dict()) == ws
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from kit.errors import WorksheetError

if TYPE_CHECKING:
    from pathlib import Path

    from kit.worksheet.findings import Findings
    from kit.worksheet.form import WorksheetForm

FORMAT_VERSION = 1

# How the data will be used: to analyse (statistics, EBPM) or to serve residents directly.
USE_ANALYSIS = "分析（統計・EBPM）"
USE_SERVICE = "サービス提供（本人への案内など）"
USES = (USE_ANALYSIS, USE_SERVICE)

# The legal basis of using an item for this purpose.
WITHIN_PURPOSE = "利用目的の範囲内"
OUTSIDE_PURPOSE = "目的外利用・提供"
CONSENT = "本人同意"
BASES = (WITHIN_PURPOSE, OUTSIDE_PURPOSE, CONSENT)

# 個人情報保護法 第69条: the provisions that allow use or provision outside the purpose.
PROVISIONS = (
    "第69条第1項（法令に基づく場合）",
    "第69条第2項第1号（本人の同意があるとき・本人に提供するとき）",
    "第69条第2項第2号（所掌事務に必要な限度での内部利用・相当の理由）",
    "第69条第2項第3号（他の行政機関等への提供・相当の理由）",
    "第69条第2項第4号（統計の作成・学術研究のための提供など）",
)

# How an item is processed before it is used.
PSEUDONYMISED = "仮名加工情報"
ANONYMISED = "行政機関等匿名加工情報"
AGGREGATED = "統計（集計）"
AS_IS = "そのまま（加工なし）"
HANDLINGS = (PSEUDONYMISED, ANONYMISED, AGGREGATED, AS_IS)

# The roles that sign a worksheet off.
ROLE_PLANNING = "企画・担当課"
ROLE_HOLDER = "データ保有課"
ROLE_PRIVACY = "個人情報保護担当課"
ROLES = (ROLE_PLANNING, ROLE_HOLDER, ROLE_PRIVACY)


@dataclass
class DataItem:
    """One data item the use needs, as the section that holds it describes it.

    >>> DataItem("生年月日", holder="市民課", personal=True).sensitive
    False
    """

    name: str
    holder: str = ""
    system: str = ""
    personal: bool = True
    sensitive: bool = False
    original_purpose: str = ""
    basis: str = ""
    provision: str = ""
    handling: str = ""
    obtained_how: str = ""
    frequency: str = ""


@dataclass
class SignOff:
    """A section's confirmation of the worksheet (企画・担当課, データ保有課 or 個人情報保護担当課).

    >>> SignOff("情報政策課", ROLE_PRIVACY).approved
    False
    """

    section: str
    role: str
    approved: bool = False
    date: str = ""
    note: str = ""


@dataclass
class PersonalDataWorksheet:
    """The personal-data use worksheet (the guidebook's Annex 1 in current 個人情報保護法 terms).

    Build it in code or with :meth:`form`, find what is missing or contradictory with
    :meth:`check`, share it with :meth:`to_markdown` or :meth:`to_excel`.

    >>> ws = PersonalDataWorksheet(title="子育て世帯の分析", purpose="待機児童の地区差を調べる")
    >>> ws.check().ok
    False
    """

    title: str = ""
    purpose: str = ""
    target: str = ""
    use: str = ""
    planning_section: str = ""
    items: list[DataItem] = field(default_factory=list)
    access: str = ""
    storage: str = ""
    retention: str = ""
    security: str = ""
    signoffs: list[SignOff] = field(default_factory=list)
    open_issues: list[str] = field(default_factory=list)

    # -- plain data -------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Plain data (str, bool, lists, dicts) for JSON, artefacts and answers files.

        >>> PersonalDataWorksheet(title="例").to_dict()["title"]
        '例'
        """
        data = asdict(self)
        data["version"] = FORMAT_VERSION
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PersonalDataWorksheet:
        """Inverse of :meth:`to_dict`; unknown keys are refused with a Japanese error.

        >>> PersonalDataWorksheet.from_dict({"title": "例", "items": [{"name": "住所"}]}).items[0].name
        '住所'
        """
        if not isinstance(data, dict):
            raise WorksheetError(
                "ワークシートのデータが辞書（dict）ではありません。",
                action="to_dict() で作ったデータを渡してください。",
            )
        values = {k: v for k, v in data.items() if k != "version"}
        _refuse_unknown(cls, values, "ワークシート")
        items = [_build(DataItem, item, "データ項目") for item in values.pop("items", [])]
        signoffs = [_build(SignOff, s, "確認欄") for s in values.pop("signoffs", [])]
        issues = [str(text) for text in values.pop("open_issues", [])]
        return cls(**values, items=items, signoffs=signoffs, open_issues=issues)

    # -- questions other stages ask ------------------------------------------------------

    def item(self, name: str) -> DataItem:
        """The data item called ``name``.

        >>> PersonalDataWorksheet(items=[DataItem("住所")]).item("住所").name
        '住所'
        """
        for candidate in self.items:
            if candidate.name == name:
                return candidate
        listed = "」「".join(i.name for i in self.items) or "（なし）"
        raise WorksheetError(
            f"データ項目「{name}」はワークシートにありません（あるもの: 「{listed}」）。",
            action="項目名の書き方を確認してください。",
        )

    def consent_items(self) -> list[str]:
        """Names of the items that may be used only for residents who consented.

        >>> PersonalDataWorksheet(items=[DataItem("所得", basis=CONSENT)]).consent_items()
        ['所得']
        """
        return [i.name for i in self.items if i.basis == CONSENT]

    def permitted_items(self) -> list[str]:
        """Names of the items the worksheet allows to use: listed with no 要修正 finding.

        >>> PersonalDataWorksheet(items=[DataItem("所得")]).permitted_items()
        []
        """
        must_fix = [f for f in self.check() if f.level == "要修正"]
        if any(f.item is None for f in must_fix):  # the worksheet as a whole is not ready
            return []
        blocked = {f.item for f in must_fix}
        return [i.name for i in self.items if i.name not in blocked]

    # -- checks, exports, form (each in its own module) ------------------------------------

    def check(self) -> Findings:
        """Japanese findings: missing entries and contradictions (see :mod:`kit.worksheet.checks`).

        >>> len(PersonalDataWorksheet().check()) > 0
        True
        """
        from kit.worksheet.checks import check

        return check(self)

    def to_markdown(self) -> str:
        """The worksheet as a Markdown document (Japanese headings and tables).

        >>> PersonalDataWorksheet(title="例").to_markdown().splitlines()[0]
        '# 個人情報の利用に関するワークシート：例'
        """
        from kit.worksheet.markdown import to_markdown

        return to_markdown(self)

    def to_excel(self, path: str | Path) -> Path:
        """Write the worksheet to one readable Excel sheet; returns the path.

        >>> PersonalDataWorksheet(title="例").to_excel("worksheet.xlsx").name
        'worksheet.xlsx'
        """
        from kit.worksheet.excel import to_excel

        return to_excel(self, path)

    def form(self) -> WorksheetForm:
        """An ipywidgets form that edits a copy of this worksheet.

        >>> form = PersonalDataWorksheet(title="例").form()
        >>> form.worksheet().title
        '例'
        """
        from kit.worksheet.form import WorksheetForm

        return WorksheetForm(self)


def _refuse_unknown(cls: type, values: dict[str, Any], what: str) -> None:
    known = {f.name for f in fields(cls)}
    unknown = sorted(str(k) for k in set(values) - known)
    if unknown:
        raise WorksheetError(
            f"{what}に知らない欄「{'」「'.join(unknown)}」があります。",
            action=f"使える欄: {'、'.join(sorted(known))}。",
        )


def _build(cls: type, data: Any, what: str) -> Any:
    if isinstance(data, cls):
        return data
    if not isinstance(data, dict):
        raise WorksheetError(f"{what}のデータが辞書（dict）ではありません。")
    _refuse_unknown(cls, data, what)
    return cls(**data)


# Saved artefacts name the class by module; keep that name stable whatever the file layout.
for _cls in (DataItem, SignOff, PersonalDataWorksheet):
    _cls.__module__ = "kit.worksheet"

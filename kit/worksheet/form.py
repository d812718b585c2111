"""An ipywidgets form that edits a worksheet; what it shows round-trips (form → worksheet → form).

Where widgets cannot render (static HTML, autograding) show ``ws.to_markdown()`` instead; the
form's plain-text representation says so.

>>> from kit.worksheet.model import PersonalDataWorksheet
>>> form = WorksheetForm(PersonalDataWorksheet(title="例"))
>>> form.worksheet().title
'例'
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from kit.worksheet.model import (
    BASES,
    HANDLINGS,
    PROVISIONS,
    ROLES,
    USES,
    DataItem,
    PersonalDataWorksheet,
    SignOff,
)

_UNSET = "（選んでください）"
_WIDE = {"width": "98%"}
_STYLE = {"description_width": "150px"}


def _choice(description: str, choices: Sequence[str], value: str) -> Any:
    """A drop-down over ``choices`` plus 'not chosen'; a value outside them is kept as an option."""
    import ipywidgets as w

    options = [(_UNSET, ""), *((c, c) for c in choices)]
    if value and value not in choices:
        options.append((value, value))
    return w.Dropdown(
        options=options, value=value, description=description, style=_STYLE, layout=_WIDE
    )


def _text(description: str, value: str, *, long: bool = False) -> Any:
    import ipywidgets as w

    kind = w.Textarea if long else w.Text
    return kind(value=value, description=description, style=_STYLE, layout=_WIDE)


def _flag(description: str, value: bool) -> Any:
    import ipywidgets as w

    return w.Checkbox(value=value, description=description, indent=False)


class _ItemEditor:
    """The widgets of one data item."""

    def __init__(self, item: DataItem, on_remove: Callable[[_ItemEditor], None]) -> None:
        import ipywidgets as w

        self.fields = {
            "name": _text("データ項目", item.name),
            "holder": _text("保有課", item.holder),
            "system": _text("システム", item.system),
            "personal": _flag("個人情報である", item.personal),
            "sensitive": _flag("要配慮個人情報である", item.sensitive),
            "original_purpose": _text("もともとの利用目的", item.original_purpose, long=True),
            "basis": _choice("利用の根拠", BASES, item.basis),
            "provision": _choice("根拠条項（第69条）", PROVISIONS, item.provision),
            "handling": _choice("加工の方法", HANDLINGS, item.handling),
            "obtained_how": _text("入手・共有の方法", item.obtained_how),
            "frequency": _text("頻度", item.frequency),
        }
        remove = w.Button(description="この項目を削除", button_style="warning", icon="trash")
        remove.on_click(lambda _: on_remove(self))
        flags = w.HBox([self.fields["personal"], self.fields["sensitive"]])
        order = [k for k in self.fields if k not in ("personal", "sensitive")]
        children = [
            *(self.fields[k] for k in order[:3]),
            flags,
            *(self.fields[k] for k in order[3:]),
        ]
        self.box = w.VBox(
            [*children, remove], layout={"border": "1px solid #bbbbbb", "padding": "4px"}
        )

    def value(self) -> DataItem:
        return DataItem(**{key: widget.value for key, widget in self.fields.items()})


class _SignOffEditor:
    """The widgets of one section's sign-off."""

    def __init__(self, signoff: SignOff, on_remove: Callable[[_SignOffEditor], None]) -> None:
        import ipywidgets as w

        self.fields = {
            "section": _text("課", signoff.section),
            "role": _choice("役割", ROLES, signoff.role),
            "approved": _flag("確認済み", signoff.approved),
            "date": _text("日付", signoff.date),
            "note": _text("コメント", signoff.note),
        }
        remove = w.Button(description="この確認欄を削除", button_style="warning", icon="trash")
        remove.on_click(lambda _: on_remove(self))
        self.box = w.VBox(
            [*self.fields.values(), remove],
            layout={"border": "1px solid #bbbbbb", "padding": "4px"},
        )

    def value(self) -> SignOff:
        return SignOff(**{key: widget.value for key, widget in self.fields.items()})


class WorksheetForm:
    """Edit a worksheet in the notebook; :meth:`worksheet` returns what the form holds now.

    >>> form = WorksheetForm(PersonalDataWorksheet())
    >>> form.fields["title"].value = "子育て世帯の分析"
    >>> form.worksheet().title
    '子育て世帯の分析'
    """

    def __init__(self, ws: PersonalDataWorksheet | None = None) -> None:
        import ipywidgets as w

        self.fields: dict[str, Any] = {}
        self.items: list[_ItemEditor] = []
        self.signoffs: list[_SignOffEditor] = []
        self._items_box = w.VBox()
        self._signoffs_box = w.VBox()
        self._output = w.Output()
        self._build_fields(ws or PersonalDataWorksheet())
        add_item = w.Button(description="データ項目を追加", icon="plus")
        add_item.on_click(lambda _: self.add_item())
        add_signoff = w.Button(description="確認欄を追加", icon="plus")
        add_signoff.on_click(lambda _: self.add_signoff())
        check = w.Button(description="チェックする", button_style="primary", icon="check")
        check.on_click(lambda _: self._show_findings())
        self.check_button = check
        f = self.fields
        self.widget = w.VBox(
            [
                w.HTML("<h3>1. 利用の目的と対象</h3>"),
                *(f[k] for k in ("title", "purpose", "target", "use", "planning_section")),
                w.HTML("<h3>2. 利用するデータ項目</h3>"),
                self._items_box,
                add_item,
                w.HTML("<h3>3. データの取扱い</h3>"),
                *(f[k] for k in ("access", "storage", "retention", "security")),
                w.HTML("<h3>4. 各課の確認</h3>"),
                self._signoffs_box,
                add_signoff,
                w.HTML("<h3>5. 未解決の課題（1 行に 1 つ）</h3>"),
                f["open_issues"],
                check,
                self._output,
            ]
        )

    def _build_fields(self, ws: PersonalDataWorksheet) -> None:
        self.fields = {
            "title": _text("件名", ws.title),
            "purpose": _text("利用目的", ws.purpose, long=True),
            "target": _text("対象となる住民", ws.target, long=True),
            "use": _choice("利用の形", USES, ws.use),
            "planning_section": _text("企画・担当課", ws.planning_section),
            "access": _text("利用できる人", ws.access, long=True),
            "storage": _text("保管場所", ws.storage),
            "retention": _text("保存期間・消去", ws.retention, long=True),
            "security": _text("安全管理措置", ws.security, long=True),
            "open_issues": _text("未解決の課題", "\n".join(ws.open_issues), long=True),
        }
        for item in ws.items:
            self.add_item(item)
        for signoff in ws.signoffs:
            self.add_signoff(signoff)

    # -- editing -----------------------------------------------------------------------

    def add_item(self, item: DataItem | None = None) -> None:
        """Append an editor for ``item`` (a blank one by default)."""
        self.items.append(_ItemEditor(item or DataItem(""), self._remove_item))
        self._items_box.children = [e.box for e in self.items]

    def add_signoff(self, signoff: SignOff | None = None) -> None:
        """Append an editor for a section's sign-off (a blank one by default)."""
        self.signoffs.append(_SignOffEditor(signoff or SignOff("", ""), self._remove_signoff))
        self._signoffs_box.children = [e.box for e in self.signoffs]

    def _remove_item(self, editor: _ItemEditor) -> None:
        self.items.remove(editor)
        self._items_box.children = [e.box for e in self.items]

    def _remove_signoff(self, editor: _SignOffEditor) -> None:
        self.signoffs.remove(editor)
        self._signoffs_box.children = [e.box for e in self.signoffs]

    def load(self, ws: PersonalDataWorksheet) -> None:
        """Show ``ws`` in the form, replacing what it held.

        >>> form = WorksheetForm()
        >>> form.load(PersonalDataWorksheet(title="別の件名"))
        >>> form.fields["title"].value
        '別の件名'
        """
        ws = copy.deepcopy(ws)
        for key, widget in self.fields.items():
            value = getattr(ws, key)
            if key == "open_issues":
                value = "\n".join(value)
            if key == "use" and value and value not in [v for _, v in widget.options]:
                widget.options = [*widget.options, (value, value)]
            widget.value = value
        self.items, self.signoffs = [], []
        self._items_box.children, self._signoffs_box.children = [], []
        for item in ws.items:
            self.add_item(item)
        for signoff in ws.signoffs:
            self.add_signoff(signoff)

    def worksheet(self) -> PersonalDataWorksheet:
        """The worksheet as the form holds it now (open issues: one per non-blank line).

        >>> WorksheetForm(PersonalDataWorksheet(open_issues=["同意書"])).worksheet().open_issues
        ['同意書']
        """
        values = {k: v.value for k, v in self.fields.items() if k != "open_issues"}
        issues = [line.strip() for line in self.fields["open_issues"].value.splitlines()]
        return PersonalDataWorksheet(
            **values,
            items=[e.value() for e in self.items],
            signoffs=[e.value() for e in self.signoffs],
            open_issues=[line for line in issues if line],
        )

    # -- display -----------------------------------------------------------------------

    def _show_findings(self) -> None:
        self._output.outputs = ()
        self._output.append_display_data(self.worksheet().check())

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["text/plain"] = (
            "（ここに入力フォームが表示されます。表示されないときは、"
            "ws.to_markdown() の内容を見てください。）"
        )
        return bundle

"""The logic tree (ロジックツリー): a problem at the root, its possible causes below (why-tree).

Build it from an indented outline (the easiest way) or item by item with ``add``; check it with
``validate``; show it with ``draw`` (a figure) or ``to_markdown`` (a nested list).

>>> tree = LogicTree.from_outline('''
... 待機児童が減らない
...   申込みが増えている
...     0〜4歳の子どもが増えている
...   受け入れ枠が足りない
...     保育士が集まらない
... ''')
>>> tree.add("受け入れ枠が足りない", "保育室の広さが足りない").depth
2
>>> tree.validate()
[]
>>> print(tree.to_markdown().splitlines()[1])
    - 申込みが増えている
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kit.errors import InputError
from kit.framing.means import normalise
from kit.framing.tree_checks import MAX_CHILDREN, MIN_DEPTH, tree_problems

if TYPE_CHECKING:
    from matplotlib.axes import Axes

_BULLETS = ("- ", "* ", "+ ", "・", "-\u3000")


@dataclass
class Node:
    """One item of the tree and the items under it.

    >>> Node("受け入れ枠が足りない", [Node("保育士が集まらない")]).children[0].text
    '保育士が集まらない'
    """

    text: str
    children: list[Node] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputError(
                f"ツリーの項目は文字で書いてください（いまは {type(self.text).__name__}）。"
            )
        self.children = [as_node(c) for c in self.children]

    def to_dict(self) -> dict[str, Any]:
        """``{"text": …, "children": [...]}``, recursively."""
        return {"text": self.text, "children": [c.to_dict() for c in self.children]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Node:
        """Inverse of :meth:`to_dict`."""
        if not isinstance(data, dict) or "text" not in data:
            raise InputError("ツリーの項目は {'text': …, 'children': [...]} の形で渡してください。")
        return cls(data["text"], [cls.from_dict(c) for c in data.get("children", [])])


def as_node(item: str | Node) -> Node:
    """A Node from a Node or from its text.

    >>> as_node("保育士が集まらない")
    Node(text='保育士が集まらない', children=[])
    """
    if isinstance(item, Node):
        return item
    if isinstance(item, str):
        return Node(item.strip())
    raise InputError(f"ツリーの項目は文字で書いてください（いまは {type(item).__name__}）。")


@dataclass
class LogicTree:
    """A why-tree: ``root`` is the problem; each level below answers 「なぜ？」 for the one above."""

    root: Node

    def __post_init__(self) -> None:
        self.root = as_node(self.root)

    @classmethod
    def from_outline(cls, outline: str) -> LogicTree:
        """A tree from indented lines: the first line is the root, deeper lines are causes.

        Indent with spaces (a full-width space counts as two, a tab as four); bullets such as
        ``-`` or ``・`` at the start of a line are ignored, so :meth:`to_markdown` reads back.

        >>> LogicTree.from_outline("問題\\n  原因A\\n  原因B").root.children[1].text
        '原因B'
        """
        entries = [_outline_entry(line) for line in str(outline).split("\n")]
        entries = [(indent, text) for indent, text in entries if text]
        if not entries:
            raise InputError(
                "アウトラインが空です。1 行目に問題、その下に字下げして原因を書いてください。"
            )
        (root_indent, root_text), rest = entries[0], entries[1:]
        root = Node(root_text)
        stack: list[tuple[int, Node]] = [(root_indent, root)]
        for number, (indent, text) in enumerate(rest, start=2):
            if indent <= root_indent:
                raise InputError(
                    f"「{text}」が 1 行目（根）と同じ深さにあります。根は 1 つだけです。",
                    row=number,
                    action="原因の行は、1 行目より右に字下げしてください。",
                )
            while stack[-1][0] >= indent:
                stack.pop()
            node = Node(text)
            stack[-1][1].children.append(node)
            stack.append((indent, node))
        return cls(root)

    def add(self, parent: str | Sequence[str], child: str | Node) -> LogicTree:
        """Put ``child`` under ``parent`` (its text, or the texts along the path from the root).

        Running the same ``add`` twice adds nothing the second time (re-running a cell is safe).
        Returns the tree, so that a cell ending with ``add`` shows it.

        >>> LogicTree("問題").add("問題", "原因A").add(["問題", "原因A"], "原因A1").depth
        2
        """
        node = self.find(parent)
        new = as_node(child)
        if not any(c.text == new.text for c in node.children):
            node.children.append(new)
        return self

    def find(self, where: str | Sequence[str]) -> Node:
        """The node with this text (must be unique) or at this path of texts from the root.

        >>> LogicTree.from_outline("問題\\n  原因A").find("原因A").text
        '原因A'
        """
        if isinstance(where, str):
            matches = [n for path, n in self.walk() if normalise(n.text) == normalise(where)]
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise InputError(
                    f"「{where}」がツリーの {len(matches)} か所にあります。",
                    action='根からの道順をリストで指定してください（例: tree.add(["根", "親"], "子")）。',
                )
            raise InputError(
                f"「{where}」という項目がツリーにありません（ある項目: {'、'.join(self.texts()[:12])}）。",
                action="親の文を、ツリーにある文と一字一句同じに書いてください。",
            )
        path = [str(p) for p in where]
        if not path or normalise(path[0]) != normalise(self.root.text):
            raise InputError(f"道順の最初は根「{self.root.text}」にしてください。")
        node = self.root
        for step in path[1:]:
            below = [c for c in node.children if normalise(c.text) == normalise(step)]
            if not below:
                raise InputError(f"「{node.text}」の下に「{step}」がありません。")
            node = below[0]
        return node

    def walk(self) -> Iterator[tuple[tuple[str, ...], Node]]:
        """Every node with its path of texts from the root, depth first (root first).

        >>> [path for path, _ in LogicTree.from_outline("問題\\n  原因A").walk()]
        [('問題',), ('問題', '原因A')]
        """
        stack = [((self.root.text,), self.root)]
        while stack:
            path, node = stack.pop()
            yield path, node
            stack.extend(((*path, c.text), c) for c in reversed(node.children))

    def texts(self) -> list[str]:
        """The text of every node, root first."""
        return [n.text for _, n in self.walk()]

    def leaves(self) -> list[str]:
        """Texts of the deepest causes (nodes without children): candidates for hypotheses.

        >>> LogicTree.from_outline("問題\\n  原因A\\n    原因A1\\n  原因B").leaves()
        ['原因A1', '原因B']
        """
        return [n.text for _, n in self.walk() if not n.children and n is not self.root]

    @property
    def depth(self) -> int:
        """Levels below the root (a root alone has depth 0)."""
        return max(len(path) for path, _ in self.walk()) - 1

    def validate(self, max_children: int = MAX_CHILDREN, min_depth: int = MIN_DEPTH) -> list[str]:
        """Japanese notes on what to fix; an empty list when the tree is sound.

        Checks: empty items, the same item twice under one parent or repeated from above,
        fewer than two causes under the root, a depth below ``min_depth``, more than
        ``max_children`` items under one parent, and items that read as a means (something to
        do) instead of a cause — the last by a keyword heuristic (see :mod:`kit.framing.means`).

        >>> LogicTree.from_outline("待機児童が多い\\n  保育所を増やす").validate()[0]
        '根「待機児童が多い」の下の原因が 1 つだけです。...'
        """
        return tree_problems(self, max_children=max_children, min_depth=min_depth)

    def to_markdown(self) -> str:
        """The tree as a nested Markdown list (4 spaces per level).

        >>> print(LogicTree.from_outline("問題\\n  原因A").to_markdown())
        - 問題
            - 原因A
        <BLANKLINE>
        """
        lines = [
            "    " * (len(path) - 1) + "- " + " ".join(node.text.split())
            for path, node in self.walk()
        ]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def draw(
        self,
        ax: Axes | None = None,
        *,
        title: str | None = "ロジックツリー",
        mark_problems: bool = True,
    ) -> Axes:
        """A left-to-right figure of the tree; items flagged by :meth:`validate` get a dashed edge.

        >>> ax = LogicTree.from_outline("問題\\n  原因A\\n  原因B").draw()
        >>> ax.get_title()
        'ロジックツリー'
        """
        from kit.framing.tree_figure import draw_tree

        return draw_tree(self, ax=ax, title=title, mark_problems=mark_problems)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``{"root": {"text": …, "children": [...]}}``."""
        return {"root": self.root.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogicTree:
        """Inverse of :meth:`to_dict`.

        >>> t = LogicTree.from_outline("問題\\n  原因A")
        >>> LogicTree.from_dict(t.to_dict()) == t
        True
        """
        if not isinstance(data, dict) or "root" not in data:
            raise InputError("ロジックツリーは {'root': …} の形の辞書から作ってください。")
        return cls(Node.from_dict(data["root"]))


def _outline_entry(line: str) -> tuple[int, str]:
    """(indent width, text without bullet) of one outline line."""
    indent = 0
    for char in line:
        if char == " ":
            indent += 1
        elif char == "\u3000":
            indent += 2
        elif char == "\t":
            indent += 4
        else:
            break
    text = line.strip(" \t\u3000")
    for bullet in _BULLETS:
        if text.startswith(bullet):
            text = text[len(bullet) :].strip(" \t\u3000")
            break
    return indent, text

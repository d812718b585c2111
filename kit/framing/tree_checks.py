"""The checks behind ``LogicTree.validate``: structure, duplicates, and means instead of causes.

>>> from kit.framing.tree import LogicTree
>>> tree_problems(LogicTree.from_outline("問題\\n  原因A\\n    原因A1\\n  原因A"))
['「問題」の下に「原因A」が 2 回あります。1 つにまとめてください。']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.framing.means import is_means_phrase, normalise

if TYPE_CHECKING:
    from kit.framing.tree import LogicTree, Node

MAX_CHILDREN = 5  # items under one parent before the tree should get another level
MIN_DEPTH = 2  # levels of "why?" below the root


def tree_problems(
    tree: LogicTree, max_children: int = MAX_CHILDREN, min_depth: int = MIN_DEPTH
) -> list[str]:
    """The checks of :meth:`LogicTree.validate`, as a function."""
    found: list[str] = []
    root = tree.root
    if not normalise(root.text):
        found.append("根（いちばん左）の項目が空です。解決したい問題を書いてください。")
    elif is_means_phrase(root.text):
        found.append(
            f"根「{root.text}」が、やること（手段）のように見えます。根には解決したい問題を書きます。"
        )
    if len(root.children) < 2:
        found.append(
            f"根「{root.text}」の下の原因が {len(root.children)} つだけです。"
            "考えられる原因を、もれなく 2 つ以上挙げてください。"
        )
    if tree.depth < min_depth:
        found.append(
            f"ツリーの深さが {tree.depth} 段です。原因にもう一度「なぜ？」と問いかけて、"
            f"{min_depth} 段以上に分けてください。"
        )
    for path, node in tree.walk():
        parent = path[-2] if len(path) > 1 else None
        if parent is not None:
            found += _item_problems(node, path, parent)
        if len(node.children) > max_children:
            found.append(
                f"「{node.text}」の下に {len(node.children)} つの項目があります（目安は {max_children} つまで）。"
                "似たものをまとめて、もう 1 段に分けましょう。"
            )
        seen: set[str] = set()
        for child in node.children:
            key = normalise(child.text)
            if key and key in seen:
                found.append(
                    f"「{node.text}」の下に「{child.text}」が 2 回あります。1 つにまとめてください。"
                )
            seen.add(key)
    return found


def _item_problems(node: Node, path: tuple[str, ...], parent: str) -> list[str]:
    text = normalise(node.text)
    if not text:
        return [f"「{parent}」の下に空の項目があります。原因を書くか、項目を消してください。"]
    if text in {normalise(p) for p in path[:-1]}:
        return [f"「{node.text}」が上の段と同じ文です。言いかえではなく、その原因を書きましょう。"]
    if is_means_phrase(node.text):
        return [
            f"「{node.text}」は原因ではなく、やること（手段）のように見えます。"
            "ツリーには「なぜ？」の答え（原因・状態）を書き、やることは後で施策として考えましょう。"
        ]
    return []

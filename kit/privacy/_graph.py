"""Graph helpers for secondary suppression: hidden cells as edges between rows and columns.

With row and column totals published, a hidden cell's value can be worked out exactly when its
edge is a bridge of this bipartite graph (it lies on no cycle of hidden cells).

>>> import numpy as np
>>> find_bridge(np.array([[True, True], [True, True]])) is None
True
>>> find_bridge(np.array([[True, False], [False, False]]))
(0, 0)
"""

from __future__ import annotations

from collections import deque

import numpy as np


def _adjacency(hidden: np.ndarray) -> list[list[int]]:
    n_rows, n_cols = hidden.shape
    adjacency: list[list[int]] = [[] for _ in range(n_rows + n_cols)]
    for r, c in zip(*np.nonzero(hidden), strict=True):
        adjacency[r].append(n_rows + c)
        adjacency[n_rows + c].append(r)
    return adjacency


def find_bridge(hidden: np.ndarray) -> tuple[int, int] | None:
    """The (row, column) of one hidden cell lying on no cycle of hidden cells, or None.

    >>> find_bridge(np.array([[True, True, False], [True, True, True], [False, True, True]]))
    """
    n_rows = hidden.shape[0]
    adjacency = _adjacency(hidden)
    order = [-1] * len(adjacency)
    low = [0] * len(adjacency)
    counter = 0
    for root in range(len(adjacency)):
        if order[root] != -1 or not adjacency[root]:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack = [(root, -1, iter(adjacency[root]))]
        while stack:
            node, parent, neighbours = stack[-1]
            advanced = False
            for nxt in neighbours:
                if nxt == parent:
                    continue
                if order[nxt] == -1:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append((nxt, node, iter(adjacency[nxt])))
                    advanced = True
                    break
                low[node] = min(low[node], order[nxt])
            if advanced:
                continue
            stack.pop()
            if parent != -1:
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    a, b = sorted((parent, node))
                    return int(a), int(b - n_rows)
    return None


def sides(hidden: np.ndarray, cell: tuple[int, int]) -> tuple[set[int], set[int]]:
    """The nodes on each side of a bridge: those reached from its row, and from its column.

    Nodes 0..rows-1 are rows, rows.. are columns (offset by the number of rows).

    >>> sides(np.array([[True, False], [False, False]]), (0, 0))
    ({0}, {2})
    """
    n_rows = hidden.shape[0]
    adjacency = _adjacency(hidden)
    row_node, col_node = cell[0], n_rows + cell[1]

    def reach(start: int, banned: int) -> set[int]:
        seen = {start}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nxt in adjacency[node]:
                if {node, nxt} == {row_node, col_node} or nxt in seen or nxt == banned:
                    continue
                seen.add(nxt)
                queue.append(nxt)
        return seen

    return reach(row_node, col_node), reach(col_node, row_node)

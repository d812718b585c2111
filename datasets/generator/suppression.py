"""Which cells a published table hides: 1–2 (一次秘匿) and the cells that would give them away
from the row and column totals (二次秘匿).

>>> import numpy as np
>>> suppressed(np.array([[5, 1, 7], [4, 6, 8]])).astype(int).tolist()
[[1, 1, 0], [1, 1, 0]]
"""

from __future__ import annotations

import numpy as np


def suppressed(block: np.ndarray, low: int = 1, high: int = 2) -> np.ndarray:
    """Boolean mask of hidden cells in a block whose row and column totals are shown."""
    hide = (block >= low) & (block <= high)
    changed = True
    while changed:
        changed = False
        for matrix, mask in ((block, hide), (block.T, hide.T)):
            for r in range(matrix.shape[0]):
                if mask[r].sum() != 1:
                    continue
                candidates = np.flatnonzero(~mask[r])
                if len(candidates) == 0:
                    continue
                pick = candidates[np.argmin(matrix[r, candidates])]
                mask[r, pick] = True
                changed = True
    return hide

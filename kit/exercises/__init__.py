"""Exercise checkers, one module per stage notebook.

In a notebook:

>>> from kit.exercises import stage0 as ex
>>> ex.q1.check()     # a Japanese verdict that never gives the answer away
>>> ex.q1.hint()      # the next hint; ex.q1.hint(2) for a given one

The nbgrader test cell of the same question calls ``ex.q1.grade()``, which raises
``AssertionError`` with the same message when the answer is not right.
"""

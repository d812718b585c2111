"""Charts with Japanese labels in the kit's colour-blind-safe palette (Okabe–Ito).

Call ``kit.setup()`` once first; every function returns the matplotlib Axes and never calls
``plt.show()``.

>>> import kit
>>> kit.setup()
>>> kit.plot.pyramid(pop, "中央一丁目", compare=2015)  # doctest: +SKIP
>>> kit.plot.trend(rates, x="年", y="高齢化率", hue="地区名", unit="％")  # doctest: +SKIP
"""

from __future__ import annotations

from kit.plot.charts import bar, trend
from kit.plot.pyramid import pyramid
from kit.style import PALETTE

__all__ = ["PALETTE", "bar", "pyramid", "trend"]

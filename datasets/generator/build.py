"""Everything the generator writes, as a mapping from path (relative to datasets/) to bytes.

Each part draws from its own seeded random stream, so changing one table leaves the others as
they were.

>>> files = build()  # doctest: +SKIP
>>> sorted(files)[:2]  # doctest: +SKIP
['README.md', 'city/care_certification.csv']
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from . import messy_other, messy_population
from .boundaries import city_boundaries
from .care import certification_table, gathering_places_table
from .childcare import preschools_table, waiting_table
from .city import SEED
from .datapackage import datapackage
from .geo_tables import boundary_files
from .health import health_table
from .population import population_table, town_changes, vital_statistics
from .public_facilities import facility_tables
from .readme import readme_text
from .register import residents_table
from .shelters import shelters_table
from .simulation import simulate
from .survey import survey_table
from .writers import csv_bytes, gzip_bytes, json_bytes


def _rng(part: int) -> np.random.Generator:
    return np.random.default_rng([SEED, part])


def build() -> dict[str, bytes]:
    """Generate every data file, ``datapackage.json`` and ``README.md``.

    >>> files = build()  # doctest: +SKIP
    >>> "city/population.csv" in files  # doctest: +SKIP
    True
    """
    geo = city_boundaries(_rng(1))
    hist = simulate(_rng(2))
    pop = population_table(hist)
    vital = vital_statistics(hist)
    residents = residents_table(hist.state, _rng(3))
    facilities, usage = facility_tables(geo, _rng(4))
    shared = {r["施設名"]: (float(r["緯度"]), float(r["経度"])) for _, r in facilities.iterrows()}
    shelters = shelters_table(geo, _rng(5), shared)
    schools = preschools_table(geo, _rng(6))
    waiting = waiting_table(hist, _rng(7))
    care = certification_table(hist, _rng(8))
    places = gathering_places_table(geo, _rng(9))
    health = health_table(hist, _rng(10))
    survey = survey_table(residents, _rng(11))

    tables: dict[str, pd.DataFrame] = {
        "city/population.csv": pop,
        "city/town_changes.csv": town_changes(),
        "city/vital_statistics.csv": vital,
        "city/preschools.csv": schools,
        "city/nursery_waiting.csv": waiting,
        "city/evacuation_spaces.csv": shelters,
        "city/public_facilities.csv": facilities,
        "city/facility_usage.csv": usage,
        "city/care_certification.csv": care,
        "city/gathering_places.csv": places,
        "city/health_checkups.csv": health,
        "city/survey.csv": survey,
    }
    files = {path: csv_bytes(frame) for path, frame in tables.items()}
    files["city/residents.csv.gz"] = gzip_bytes(csv_bytes(residents))
    files.update(boundary_files(geo))
    r8, h31 = date(2026, 4, 1), date(2019, 4, 1)
    files["raw/人口_町丁目別_令和8年4月.csv"] = messy_population.population_csv(pop, r8)
    files["raw/人口_町丁目別_令和8年4月.xlsx"] = messy_population.population_xlsx(pop, r8)
    files["raw/992011_population_20190401.csv"] = messy_population.old_standard_csv(pop, h31)
    files["raw/992011_preschool.csv"] = messy_other.preschool_old_csv(schools)
    files["raw/人口動態_地区別_令和7年度.csv"] = messy_other.vital_csv(vital, 2025)
    files["raw/要介護認定者数_地区別_令和8年4月.csv"] = messy_other.care_csv(care, "2026-04-01")
    files["raw/特定健診_受診状況_令和6年度.csv"] = messy_other.health_csv(health, 2024)
    package = datapackage()
    files["datapackage.json"] = json_bytes(package)
    files["README.md"] = readme_text(package).encode()
    return files

"""市民意識調査 (令和7年度, July 2025): anonymous microdata of a random sample of adult residents.

Respondents are drawn from the register; answers depend on where and how they live. Scores run
from 1 (不満) to 5 (満足); a blank is 無回答.

>>> ITEMS[0]
'Q1_総合満足度'
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .survey_texts import THEME_WEIGHTS, THEMES

SURVEY_DAY = pd.Timestamp("2025-07-01")
SAMPLE_SIZE = 3000
ITEMS = ("Q1_総合満足度", "Q2_子育て環境", "Q3_防災・減災", "Q4_公共交通", "Q5_医療・福祉",
         "Q6_公共施設", "Q7_買い物の便利さ", "Q8_治安")  # fmt: skip
SETTLE = "Q9_定住意向"
_RESPONSE = ((18, 0.28), (30, 0.38), (40, 0.45), (50, 0.52), (60, 0.62), (70, 0.58))
_BASE = {"Q2_子育て環境": 3.2, "Q3_防災・減災": 3.1, "Q4_公共交通": 2.7, "Q5_医療・福祉": 3.1,
         "Q6_公共施設": 3.1, "Q7_買い物の便利さ": 3.3, "Q8_治安": 3.6}  # fmt: skip
_DISTRICT_EFFECT = {
    "01": {"Q3_防災・減災": -0.4, "Q4_公共交通": 0.6, "Q7_買い物の便利さ": 0.2},
    "02": {"Q3_防災・減災": -1.0},
    "03": {"Q4_公共交通": -0.3, "Q6_公共施設": -0.4, "Q7_買い物の便利さ": -0.6},
    "04": {"Q2_子育て環境": 0.2, "Q6_公共施設": 0.3, "Q7_買い物の便利さ": 0.3},
    "07": {"Q4_公共交通": -0.9, "Q7_買い物の便利さ": -0.6, "Q5_医療・福祉": -0.2},
    "08": {"Q4_公共交通": -1.3, "Q7_買い物の便利さ": -1.1, "Q5_医療・福祉": -0.7},
}


def _age_group(age: np.ndarray) -> np.ndarray:
    labels = np.array(["10・20代", "30代", "40代", "50代", "60代", "70歳以上"])
    return labels[np.clip((age - 10) // 10 - 1 + (age < 20), 0, 5)]


def _household(frame: pd.DataFrame, ages: pd.Series) -> pd.Series:
    """Respondent's household as the survey asks it."""
    youngest = ages.groupby(frame["世帯ID"]).min()
    young = frame["世帯ID"].map(youngest)
    kinds = np.select(
        [frame["世帯人員"] == 1, young < 6, young < 18, frame["世帯類型"] == "夫婦のみの世帯"],
        ["ひとり暮らし", "子育て世帯（未就学児あり）", "子育て世帯（小中高生あり）", "夫婦のみ"],
        default="その他",
    )
    return pd.Series(kinds, index=frame.index)


def _score(rng, mean: np.ndarray) -> np.ndarray:
    latent = mean + rng.normal(0.0, 0.9, size=len(mean))
    return np.clip(np.rint(latent), 1, 5).astype(int)


def survey_table(residents: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Responses (one row per respondent) with satisfaction items and free text."""
    birth = pd.to_datetime(residents["生年月日"])
    age = SURVEY_DAY.year - birth.dt.year - ((birth.dt.month * 100 + birth.dt.day) > 701)
    frame = residents.assign(年齢=age, 世帯構成=_household(residents, age))
    frame = frame[(frame["年齢"] >= 18) & (frame["住民となった年月日"] <= "2025-06-01")]
    sample = frame.iloc[np.sort(rng.choice(len(frame), SAMPLE_SIZE, replace=False))]
    reply = np.zeros(len(sample))
    for low, p in _RESPONSE:
        reply[sample["年齢"].to_numpy() >= low] = p
    sample = sample[rng.random(len(sample)) < reply].reset_index(drop=True)
    n = len(sample)
    district = sample["地区コード"].to_numpy()
    preschool = (sample["世帯構成"] == "子育て世帯（未就学児あり）").to_numpy()
    out = pd.DataFrame({
        "回答ID": [f"R{i + 1:04d}" for i in range(n)],
        "地区": sample["地区名"].to_numpy(),
        "性別": np.where(rng.random(n) < 0.02, "回答しない", sample["性別"].to_numpy()),
        "年代": _age_group(sample["年齢"].to_numpy()),
        "居住年数": pd.cut((SURVEY_DAY - pd.to_datetime(sample["住民となった年月日"])).dt.days / 365.25,
                        [-1, 5, 20, 200], labels=["5年未満", "5年以上20年未満", "20年以上"]).astype(str),
        "世帯構成": sample["世帯構成"].to_numpy(),
    })  # fmt: skip
    scores = {}
    for item, base in _BASE.items():
        mean = base + np.array([_DISTRICT_EFFECT.get(d, {}).get(item, 0.0) for d in district])
        if item == "Q2_子育て環境":
            mean -= np.where(preschool & (district == "04"), 1.1, 0.0)
        scores[item] = _score(rng, mean)
    overall = np.mean([scores[k] for k in _BASE], axis=0) + 0.2
    out["Q1_総合満足度"] = _score(rng, overall)
    for item in _BASE:
        out[item] = scores[item]
    out[SETTLE] = _score(rng, 3.4 + 0.25 * (out["Q1_総合満足度"].to_numpy() - 3))
    for item in (*ITEMS, SETTLE):  # 無回答
        values = out[item].astype("Int64")
        values[rng.random(n) < 0.03] = pd.NA
        out[item] = values
    out["自由記述"] = _free_text(rng, district, preschool, sample["年齢"].to_numpy())
    return out


def _free_text(rng, district: np.ndarray, preschool: np.ndarray, age: np.ndarray) -> list[str]:
    texts = []
    for d, kids, a in zip(district, preschool, age, strict=True):
        if rng.random() > (0.45 if kids else 0.27):
            texts.append("")
            continue
        weights = dict(THEME_WEIGHTS[d])
        if kids:
            weights["保育"] = weights.get("保育", 0.5) * 3 + 1
            weights["子育て"] = weights.get("子育て", 0.5) * 2 + 1
        if a >= 70:
            weights["交通"] = weights.get("交通", 0.5) + 1.5
            weights["医療"] = weights.get("医療", 0.5) + 1
        themes = list(weights)
        p = np.array([weights[t] for t in themes])
        theme = themes[int(rng.choice(len(themes), p=p / p.sum()))]
        sentences = THEMES[theme]
        text = sentences[int(rng.integers(len(sentences)))]
        if rng.random() < 0.3:
            extra = THEMES["満足"] if rng.random() < 0.5 else sentences
            second = extra[int(rng.integers(len(extra)))]
            text = text if second == text else text + second
        texts.append(text)
    return texts

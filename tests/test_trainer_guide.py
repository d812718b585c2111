"""The trainers' guide (trainer_guide/*.md) names only things that exist and says what the kit does.

Everything is extracted from the Markdown: make targets (``make -n``), trainer commands (each
subcommand's ``--help``, its options, full argument parsing), nbgrader subcommands and options,
repository paths, ``kit.*`` names, datasets, links and anchors; then the timing tables against the
notebooks, the points per question, the Windows commands said to equal ``make lab``, and the key
numbers of the expected answers, recomputed from the data.
"""

from __future__ import annotations

import importlib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from functools import cache
from itertools import takewhile
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
GUIDE = REPO / "trainer_guide"
PAGES = sorted(GUIDE.glob("*.md"))
OWN = [p for p in PAGES if p.name not in ("data_stories.md", "hub.md")]
FENCE = re.compile(r"^[ \t]*```(\w*)\n(.*?)^[ \t]*```[ \t]*$", re.M | re.S)
SPAN = re.compile(r"`([^`\n]+)`")
TRAINER = re.compile(
    r"(?:^|[\s/\\])(?:python3?|py)(?:\.exe)?\s+-m\s+(kit\.trainer(?:\.hub)?)(?=\s|$)(.*)"
)
NBGRADER = re.compile(r"(?:^|\s)nbgrader\s+([a-z_]+)(.*)")
MAKE = re.compile(
    r"(?:^|&&|;|\|)\s*(?:[A-Z_]+=\S+\s+)*make\s+([^\s|;&#]+(?:[ \t]+[^\s|;&#]+)*)", re.M
)
KIT_NAME = re.compile(r"(?<![\w./\\-])kit(?:\.[A-Za-z_]\w*)+")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SUFFIXES = ".ipynb .py .md .csv .json .xlsx .html .geojson .yml .lock .txt .gz .zip .db .toml"
# Generated folders that mirror the course's source folder.
MIRRORS = ["workspace/model_answers", "workspace", "notebooks/release", "notebooks/solution"]
# A municipality's own files, named as the open-data standard or a trainer would name them.
EXAMPLE_FILES = {"382019_population_20260401.csv", "提出_t01_0412.ipynb"}
MAKE_ONLY = re.compile(r"--(quiet|disable-pip-version-check|allow-root|port=.*|ServerApp\..*)$")
PARSE = r"""
import argparse, contextlib, importlib, io, json, sys
req, out = json.loads(sys.argv[1]), {"help": {}, "parse": {}, "nbgrader": {}}
class Parsed(Exception): pass
original = argparse.ArgumentParser.parse_args
def stop(self, args=None, namespace=None):
    original(self, args, namespace); raise Parsed
def run(module, argv, parse_only):
    argparse.ArgumentParser.parse_args = stop if parse_only else original
    buf, code = io.StringIO(), 0
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try: importlib.import_module(module + ".__main__").main(argv)
        except Parsed: pass
        except SystemExit as e: code = e.code or 0
    return code, buf.getvalue()
for module, sub in req["help"]: out["help"][module + " " + sub] = run(module, [sub, "--help"], 0)
for module, argv in req["parse"]: out["parse"][" ".join([module, *argv])] = run(module, argv, 1)
if req["nbgrader"]:
    from nbgrader.apps.nbgraderapp import NbGraderApp
    for name, (cls, _) in NbGraderApp.subcommands.items():
        if isinstance(cls, str):
            mod, attr = cls.rsplit(".", 1); cls = getattr(importlib.import_module(mod), attr)
        out["nbgrader"][name] = sorted(set(cls.flags) | set(cls.aliases))
print(json.dumps(out))
"""  # run in a fresh interpreter: the commands' main() may change the process


def text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def blocks(page: Path) -> list[tuple[str, str, str]]:
    """(language, body, the line before the fence) of every fenced block."""
    source = text(page)
    return [
        (m[1], m[2], source[: m.start()].rstrip("\n").rsplit("\n", 1)[-1])
        for m in FENCE.finditer(source)
    ]


def spans(page: Path) -> list[str]:
    return SPAN.findall(FENCE.sub("", text(page)))


def code_lines(page: Path) -> list[tuple[str, bool]]:
    """Each line of code: (line, whether it is a complete command of a shell block)."""
    lines = [(s, False) for s in spans(page)]
    for lang, body, _ in blocks(page):
        shell = lang in ("bash", "powershell")
        joined = re.sub(r"[\\`]\n\s*", " ", body) if shell else body
        lines += [(line, shell) for line in joined.splitlines()]
    return lines


@cache
def known_names() -> str:
    """The kit's code and the course notebooks: file names they create or tell trainees about."""
    files = [*(REPO / "kit").rglob("*.py"), *(REPO / "notebooks" / "source").rglob("*.ipynb")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


@cache
def cli_report(requests: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", PARSE, requests],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def trainer_commands() -> list[tuple[str, str, list[str], bool]]:
    """(page, module, argv, complete) of every ``python -m kit.trainer[.hub] …`` in code."""
    found = []
    for page in PAGES:
        for line, complete in code_lines(page):
            for match in TRAINER.finditer(line):
                lexer = shlex.shlex(match[2], posix=True, punctuation_chars="|&;<>")
                lexer.whitespace_split, lexer.commenters = True, "#"
                argv = []
                for token in lexer:
                    if set(token) <= set("|&;<>"):
                        break
                    argv.append(token)
                whole = complete and "…" not in argv
                found.append((page.name, match[1], [a for a in argv if a != "…"], whole))
    return found


def test_every_chapter_is_in_the_table_of_contents():
    linked = {m.split("#")[0] for m in LINK.findall(text(GUIDE / "README.md"))}
    assert {p.name for p in PAGES if p.name != "README.md"} <= linked
    assert len(OWN) >= 14


def test_commands_are_written_as_code_not_prose():
    command = re.compile(r"python3?\s+-m\s+kit\.trainer|\bmake\s+[a-z]|\bnbgrader\s+[a-z_]+\b")
    for page in PAGES:
        assert not command.findall(SPAN.sub("", FENCE.sub("", text(page)))), page.name


def test_make_targets_and_variables_exist():
    makefile, seen = (REPO / "Makefile").read_text(encoding="utf-8"), set()
    for page in PAGES:
        for line, _ in code_lines(page):
            for match in MAKE.finditer(line):
                target, *variables = match[1].split()
                assert re.fullmatch(r"[a-z][\w-]*", target), f"{page.name}: make {match[1]}"
                for name in (v.split("=")[0] for v in variables):
                    assert re.search(rf"^{name}\s*[?:]?=", makefile, re.M), f"{page.name}: {name}"
                seen.add((target, *variables))
    assert {("lab",), ("release",), ("grade", "ASSIGNMENT=stage0", "JOBS=2")} <= seen
    for target, *variables in sorted(seen):
        run = subprocess.run(["make", "-n", target, *variables], cwd=REPO, capture_output=True)
        assert run.returncode == 0, f"make {target}: {run.stderr.decode()}"


def test_trainer_commands_options_and_arguments_exist():
    commands = [c for c in trainer_commands() if c[2] and not c[2][0].startswith("-")]
    subcommands = sorted({(module, argv[0]) for _, module, argv, _ in commands})
    whole = sorted({(module, tuple(argv)) for _, module, argv, full in commands if full})
    assert len(subcommands) >= 12 and len(whole) >= 20
    report = cli_report(json.dumps({"help": subcommands, "parse": whole, "nbgrader": False}))
    for page, module, argv, _ in commands:
        code, helptext = report["help"][f"{module} {argv[0]}"]
        assert code == 0, f"{page}: {module} {argv[0]} --help\n{helptext}"
        for option in (a.split("=")[0] for a in argv[1:] if a.startswith("--")):
            found = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", helptext)
            assert found, f"{page}: {module} {argv[0]} {option}"
    for command, (code, message) in report["parse"].items():
        assert code == 0, f"{command}\n{message}"


def test_nbgrader_subcommands_and_options_exist():
    used = [
        (p.name, m[1], m[2]) for p in PAGES for s, _ in code_lines(p) for m in NBGRADER.finditer(s)
    ]
    assert {"release_assignment", "generate_assignment"} <= {sub for _, sub, _ in used}
    known = cli_report(json.dumps({"help": [], "parse": [], "nbgrader": True}))["nbgrader"]
    for page, sub, rest in used:
        assert sub in known, f"{page}: nbgrader {sub}"
        for option in re.findall(r"(?<!\S)--?([\w-]+)", rest):
            assert option in known[sub], f"{page}: nbgrader {sub} --{option}"


def path_problem(raw: str) -> str | None:
    """Why a path named in the guide is wrong, or None (also for things that are not paths)."""
    path = raw.strip().strip("'\"").replace("\\", "/").rstrip("/")
    if re.search(r"[<>{}…*?$\s]|^$|^([A-Za-z]:|/|~|\.\.|https?:)", path):
        return None
    if "/" not in path:
        if Path(path).suffix not in SUFFIXES.split() or path in EXAMPLE_FILES:
            return None
        if path in known_names() or any(REPO.glob(f"[!.]*/**/{path}")) or (REPO / path).exists():
            return None
        return f"{raw}: no such file in the kit"
    path = "notebooks/source/" + path if re.match(r"stage\d+/.*\.ipynb$", path) else path
    if (REPO / path).exists():
        return None
    for prefix in MIRRORS:
        if path == prefix:
            return None
        if path.startswith(prefix + "/"):
            rest = path[len(prefix) + 1 :]
            ok = rest.startswith("my_work") or (REPO / "notebooks/source" / rest).exists()
            return None if ok else f"{raw}: notebooks/source/{rest} does not exist"
    from kit.trainer.course import Course

    course = Course(REPO / "notebooks")
    generated = [
        course.submitted,
        course.autograded,
        course.feedback,
        course.records,
        course.roster,
    ]
    generated += [course.root / "gradebook.db", REPO / ".venv", REPO / "workspace"]
    for root in [*generated, course.reports]:
        relative = root.relative_to(REPO).as_posix()
        if path == relative or path.startswith(relative + "/"):
            leaf = path[len(relative) + 1 :]
            return raw if root == course.reports and leaf and leaf not in known_names() else None
    top = {p.name for p in REPO.iterdir()}
    return f"{raw}: not in the repository" if path.split("/")[0] in top else None


def test_paths_named_in_the_guide_exist():
    problems, checked = [], 0
    for page in PAGES:
        candidates = [s for s in spans(page) if not re.search(r"\s", s)]
        for lang, body, _ in blocks(page):
            if lang in ("bash", "powershell"):
                candidates += [t for t in body.split() if re.search(r"[/\\]", t)]
            candidates += re.findall(r"\"([^\"\n]+)\"", body) if lang == "python" else []
        checked += len(candidates)
        problems += [f"{page.name}: {p}" for c in candidates if (p := path_problem(c))]
    assert checked > 300 and problems == []
    assert path_problem("notebooks/source/stage1/framng.ipynb") and path_problem("kit/reader/")
    assert path_problem("workspace/stage9/intro.ipynb") and path_problem("reprt.html")


def resolve(dotted: str) -> object:
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:i]))
            break
        except ModuleNotFoundError:
            continue
    for name in parts[i:]:
        obj = getattr(obj, name)
    return obj


def test_kit_names_datasets_and_exercise_attributes_exist():
    import kit

    datasets, names = set(kit.datasets()["name"]), set()
    for page in PAGES:
        code = [line for line, _ in code_lines(page)]
        names |= {n for line in code for n in KIT_NAME.findall(line)}
        for module, imported in re.findall(r"from (kit[\w.]*) import ([\w, ]+)", "\n".join(code)):
            names |= {f"{module}.{n.strip()}" for n in imported.split(",")}
        used = re.findall(r"kit\.(?:load|data\.path|data\.fields)\(\"(\w+)\"\)", "\n".join(code))
        listed = [
            re.findall(r"`([a-z_]+)`", s) for s in text(page).split("\n") if "- データ：" in s
        ]
        assert set(used).union(*listed) <= datasets, page.name
        if stage := re.search(r"_stage(\d)\.md$", page.name):
            exercises = importlib.import_module(f"kit.exercises.stage{stage[1]}")
            for attribute in set(re.findall(r"\bex\.(\w+)", " ".join(code))) - {"qN"}:
                assert hasattr(exercises, attribute), f"{page.name}: ex.{attribute}"
    assert len(names) > 60
    for name in sorted(names):
        resolve(name)  # ImportError / AttributeError name what does not exist


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation removed, spaces to hyphens."""
    keep = [c for c in heading.strip().lower() if c in " -_" or unicodedata.category(c)[0] in "LMN"]
    return "".join(keep).replace(" ", "-")


@cache
def anchors(page: Path) -> frozenset[str]:
    counts: dict[str, int] = {}
    found = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*$", FENCE.sub("", text(page)), re.M):
        base = slug(heading)
        found.add(f"{base}-{counts[base]}" if base in counts else base)
        counts[base] = counts.get(base, 0) + 1
    return frozenset(found)


def test_relative_links_and_anchors_resolve():
    assert slug("発見1: 待機児童は、地区（ステージ1・3）") == "発見1-待機児童は地区ステージ13"
    count = 0
    for page in PAGES:
        for target in LINK.findall(FENCE.sub("", text(page))):
            if re.match(r"^[a-z]+:", target):
                continue
            file, _, anchor = target.partition("#")
            resolved = (page.parent / file).resolve() if file else page
            assert resolved.is_file(), f"{page.name}: {target}"
            assert not anchor or anchor in anchors(resolved), f"{page.name}: {target}"
            count += bool(anchor)
    assert count >= 10


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def table_rows(page: Path, header: str) -> list[tuple[str, list[list[str]]]]:
    """(the last notebook named before the table, its rows) of each table starting with header."""
    found, notebook, lines = [], "", text(page).splitlines()
    for i, line in enumerate(lines):
        notebook = ([notebook, *re.findall(r"`(notebooks/source/\S+?\.ipynb)`", line)])[-1]
        if line.replace(" ", "").startswith(header.replace(" ", "")):
            rows = list(takewhile(lambda row: row.startswith("|"), lines[i + 2 :]))
            found.append((notebook, [cells(row) for row in rows]))
    return found


def test_timing_tables_match_the_notebooks():
    seen = set()
    for page in OWN:
        for notebook, rows in table_rows(page, "| パート | 内容 | 時間 | 講師メモ |"):
            first = nbformat.read(REPO / notebook, as_version=4).cells[0].source.splitlines()
            parts = [cells(row) for row in first if row.startswith("|") and "--" not in row]
            assert [r[:3] for r in rows] == parts[1:], notebook
            assert all(r[3] or r[0] == "（休憩）" for r in rows), (
                f"{page.name}: a part without a note"
            )
            seen.add(notebook)
    assert seen == {p.relative_to(REPO).as_posix() for p in REPO.glob("notebooks/source/*/*.ipynb")}


def test_answer_tables_list_every_question_with_its_points():
    for page in (p for p in OWN if re.search(r"_stage\d\.md$", p.name)):
        want = {}
        for path in REPO.glob(f"notebooks/source/stage{page.stem[-1]}/*.ipynb"):
            for cell in nbformat.read(path, as_version=4).cells:
                meta = cell.metadata.get("nbgrader", {})
                if match := re.fullmatch(r"([qw])(\d+)_(test|written)", meta.get("grade_id", "")):
                    label = "記述" if match[1] == "w" else "問"
                    label += match[2] + ("（記述）" if match[1] + match[3] == "qwritten" else "")
                    want[label] = str(meta["points"])
        [(_, rows)] = table_rows(page, "| 問 | 配点 |")
        assert {r[0]: r[1] for r in rows} == want, page.name


def comparable(words: list[str]) -> list[str]:
    """A command's words without the interpreter's path and version and make-only options."""
    first = re.split(r"[\\/]", words[0])[-1].removesuffix(".exe")
    rest = words[2:] if first == "py" and words[1].startswith("-3") else words[1:]
    first = "python" if first in ("py", "python3") else first
    return [first, *(w for w in rest if not MAKE_ONLY.match(w))]


def test_windows_commands_do_what_make_lab_does():
    dry = subprocess.run(["make", "-n", "-B", "lab"], cwd=REPO, capture_output=True, text=True)
    make = []
    for part in re.split(r"\|\||&&|\n", re.sub(r"\\\n\s*", " ", dry.stdout)):
        words = shlex.split(part.replace("${", "{"))
        if words and comparable(words)[0] in ("python", "jupyter") and "-c" not in words:
            make.append(comparable(words))
    marked = [(b, before) for p in OWN for _, b, before in blocks(p) if "make-equivalent" in before]
    assert len(marked) == 2 and len(make) == 7
    for body, before in marked:
        lines = [s.split() for s in body.splitlines() if s.strip()]
        guide = [comparable(w) for w in lines if w[0] not in ("conda", "cd", "#")]
        venv = ["python", "-m", "venv", ".venv"]
        assert guide == [m for m in make if "no-venv" not in before or m != venv], before


def facts() -> dict[str, object]:
    """The numbers the expected answers quote, computed from the data like the model answers."""
    import pandas as pd

    import kit
    from kit.exercises import stage2

    f, pop, nursery, r = (kit.load(n) for n in ("public_facilities", "population", "nursery_waiting", "residents"))  # fmt: skip
    per_user = f["年間維持管理費"] * 1000 / f["年間利用者数"]
    cost, year = f.groupby("地区")["年間維持管理費"].sum(), pop["調査年月日"].dt.year
    young = (pop["0-4歳の男性"] + pop["0-4歳の女性"]).groupby([pop["地区名"], year]).sum().unstack()
    change = young[2023] - young[2017]
    sums = nursery[nursery["年度"] == 2023].groupby("地区名")[["待機児童数", "申込児童数"]].sum()
    codes = [set(pop.loc[pop["調査年月日"] == f"{y}-04-01", "地域コード"]) for y in (2019, 2026)]
    raw = {n: pd.read_csv(kit.data.path(n), encoding=e, dtype=str) for n, e in (("raw_population_h31", "utf-8-sig"), ("raw_preschools_old", "cp932"))}  # fmt: skip
    r["年齢"] = kit.design.age_on(r["生年月日"], "2026-04-01")
    kids = r[r["年齢"] <= 5]
    k = kit.privacy.k_anonymity(kids, stage2.QUASI_IDENTIFIERS)
    safe, _ = kit.privacy.achieve_k(kids[stage2.EXTRACT_COLUMNS], stage2.QUASI_IDENTIFIERS, k=5)
    old = pop.filter(regex=r"^(6[5-9]|7\d|8[0-4])-\d+歳の|^85歳以上の").sum(axis=1)
    aging = (old.groupby([pop["地区名"], year]).sum() / pop.groupby(["地区名", year])["総人口"].sum()).unstack()  # fmt: skip
    h = (
        kit.load("health_checkups")
        .query("年度 == 2024")
        .groupby(["地区名", "性別"])
        .sum(numeric_only=True)
    )
    survey = kit.load("survey").dropna(subset=["自由記述"])
    towns, ps = kit.geo.boundaries("町丁目"), kit.load("preschools")
    far = kit.geo.nearest_distance(towns, kit.geo.points_from_latlon(ps[ps["種別"] != "幼稚園"]))
    ev = kit.load("evacuation_spaces").merge(towns, left_on="町字ID", right_on="町丁目コード")
    heads, minors = r.drop_duplicates("世帯ID"), r.loc[r["年齢"] <= 17, "世帯ID"]
    lone = (heads["世帯類型"] == "ひとり親と子の世帯") & heads["世帯ID"].isin(minors) & ~heads["児童扶養手当_受給"]  # fmt: skip
    low = heads["世帯の所得区分"].isin(["100万円未満", "100万円以上200万円未満", "200万円以上300万円未満"])  # fmt: skip
    latest = pop[pop["調査年月日"] == pop["調査年月日"].max()][["地域コード", "総人口"]]
    halls = kit.load("towns").merge(latest, left_on="町丁目コード", right_on="地域コード")
    moved = kit.design.closure_impact(halls, f[f["種別"] == "集会所"], "七瀬台四丁目集会所")
    hall = float(f.loc[f["施設名"] == "七瀬台四丁目集会所", "年間維持管理費"].iloc[0])

    def saving(share: float, demolition: int) -> str:  # 10 years of the hall's cost, net
        return f"{hall * 10 * (1 - share) - demolition:,.0f}"

    return {
        "kominkan": (f["種別"] == "公民館").sum(), "facilities": len(f), "busiest": f.sort_values("年間利用者数")["施設名"].iloc[-1],  # fmt: skip
        "costly": cost.idxmax(), "cost": cost.max(), "per_user": f.loc[per_user.idxmax(), "施設名"], "yen": per_user.max(),  # fmt: skip
        "old": (f["建築年"] < 1981).sum(), "grew": change.max(), "green": change["緑が丘地区"], "shrank": -change.min(),  # fmt: skip
        "wait": (sums["待機児童数"] / sums["申込児童数"]).to_dict(), "total": sums["待機児童数"].sum(),
        "peak": nursery[nursery["年度"] <= 2023].groupby("年度")["待機児童数"].sum().idxmax(),
        "towns": len(kit.readers.read(kit.data.path("raw_population_csv")).table),
        "recent": (kit.wareki.to_datetime(raw["raw_preschools_old"]["認可等年月日"]) >= "2019-04-01").sum(),  # fmt: skip
        "repaired": len(kit.codes.repairs(raw["raw_population_h31"]["都道府県コード又は市区町村コード"])),  # fmt: skip
        "long": len(kit.readers.population_long(pop[pop["調査年月日"] == "2026-04-01"])),
        "unmatched": sorted(codes[0] - codes[1]), "kids": len(kids), "k": k.k, "risk": len(k.rows_below(5)),  # fmt: skip
        "dropped": len(kids) - len(safe), "share": 1 - len(safe) / len(kids), "safe": len(safe),
        "aging": aging[2026], "rise": (aging[2026] - aging[2017]), "checkup": h["受診者数"] / h["対象者数"],  # fmt: skip
        "r": -f["建築年"].corr(per_user), "hoiku": survey["自由記述"].str.contains("保育").groupby(survey["地区"]).mean(),  # fmt: skip
        "far": towns.loc[far.idxmax(), "町丁目名"], "metres": far.max(),
        "flood": ev[ev["災害種別_洪水"] == 1].groupby("地区名")["想定収容人数"].sum(),
        "push": (lone & low & heads["所得情報利用同意"] & heads["世帯ID"].isin(r.loc[r["続柄"] == "子", "世帯ID"])).sum(),  # fmt: skip
        "general": (lone & ~heads["所得情報利用同意"]).sum(), "affected": moved["総人口"].sum(),
        "extra": (moved["増えた距離_m"] * moved["総人口"]).sum() / moved["総人口"].sum(),
        "base": saving(0.2, 12000), "demolition": f"{saving(0.2, 20000)}〜{saving(0.2, 8000)}",
        "uptake": f"{saving(0.4, 12000)}〜{saving(0.1, 12000)}",
    }  # fmt: skip


EXPECTED = {
    "03_stage0.md": {"問1": ["公民館 {kominkan} 施設"], "問2": ["{facilities} 行", "先頭は{busiest}"],
                     "問3": ["{costly}が最大（{cost:,} 千円）"], "問4": ["{per_user}（約 {yen:,.0f} 円）"], "問5": ["{old}"]},
    "04_stage1.md": {"問2": ["みなみ野地区 +{grew} 人", "緑が丘地区 +{green} 人", "西原地区 −{shrank} 人"],
                     "問3": ["みなみ野地区 {wait[みなみ野地区]:.3f}", "七瀬台地区 {wait[七瀬台地区]:.3f}"],
                     "問4": ["{peak}"], "問5": ["現状の値 {total}"]},
    "05_stage2.md": {"問1": ["{towns} 行"], "問2": ["`n_recent` は {recent}"], "問3": ["`n_repaired` は {repaired}"],
                     "問4": ["{long:,} 行"], "問5": ["{unmatched}"], "問7": ["{kids:,} 行 × 7 列"],
                     "問8": ["`k_value` は {k}、`n_at_risk` は {risk}"], "問9": ["{dropped} 行（約 {share:.1%}）を削除して {safe:,} 行"]},
    "06_stage3.md": {"問1": ["奥七瀬地区 {aging[奥七瀬地区]:.3f}", "みなみ野地区 {aging[みなみ野地区]:.3f}"],
                     "問2": ["七瀬台地区（+{rise[七瀬台地区]:.3f}"], "問3": ["みなみ野地区の男性 {checkup[みなみ野地区][男性]:.3f}"],
                     "問4": ["約 −{r:.3f}"], "問5": ["みなみ野地区 {hoiku[みなみ野地区]:.3f}"], "問7": ["{far}", "約 {metres:,.0f} m"],
                     "問8": ["川端地区 {flood[川端地区]:,} 人、中央地区 {flood[中央地区]:,} 人"]},
    "07_stage4.md": {"問4": ["{push} 世帯"], "問5": ["{general} 世帯"], "問6": ["{affected:,} 人、約 {extra:,.0f} m"],
                     "問7": ["基本 {base} 千円", "{demolition}", "{uptake}"]},
}  # fmt: skip


def test_expected_answers_quote_the_numbers_the_data_gives():
    values = facts()
    assert values["aging"].idxmax() == "奥七瀬地区" and values["rise"].idxmax() == "七瀬台地区"
    assert values["checkup"].idxmin() == ("みなみ野地区", "男性") and values["far"] == "大字奥沢"
    for name, answers in EXPECTED.items():
        [(_, rows)] = table_rows(GUIDE / name, "| 問 | 配点 |")
        cells = {row[0]: row[-1] for row in rows}
        for label, texts in answers.items():
            for wanted in (t.format(**values) for t in texts):
                assert wanted in cells[label], (
                    f"{name} {label}: 「{wanted}」 not in 「{cells[label]}」"
                )

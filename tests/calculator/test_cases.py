"""The decision table (cases.json) through the engine API and through the command line, called in-process
(`run(argv)`); one smoke test starts `python -m calculator` as a real process."""
import ast
import datetime
import json
import subprocess
import sys

import pytest

import calculator
import calculator.__main__ as calculator_cli
from calculator.__main__ import run
from calculator.exams import exam_year_after, is_exam_year
from sitegen.data import DataError, Problem

from ..conftest import fixture_engine_data
from .conftest import ROOT, load_cases

CASES = load_cases()
CONTRACT_FIELDS = ["level", "window_years", "required", "next_exam_year", "status", "certified_year",
                   "remaining", "deadline_year", "subjects"]
SUBJECT_FIELDS = ["id", "name", "passed_year", "valid_through", "usable_next"]


def call_engine(data, given):
    passes = given["passes"]
    if isinstance(passes, list):
        passes = [calculator.parse_pass_argument(text) for text in passes]
    return calculator.calculate(data, given["level"], passes, given["today"], given["extension"])


class Done:
    """What `python -m calculator ARGS` would print, from `run(argv, data)` in this process."""

    def __init__(self, args):
        self.returncode, out, err = run(list(args), fixture_engine_data())
        self.stdout = out + "\n" if out else ""
        self.stderr = err + "\n" if err else ""


def cli(*args):
    return Done(args)


def cli_args(given):
    args = [] if given["level"] is None else ["--level", given["level"]]
    passes = given["passes"]
    for text in passes if isinstance(passes, list) else ["%s=%s" % item for item in passes.items()]:
        args += ["--pass", text]
    args += ["--today", given["today"]]
    if given["extension"] is not None:
        args += ["--extension", str(given["extension"])]
    return args + ["--json"]


def assert_one_line_error(done, *parts):
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    for part in parts:
        assert part in lines[0]


def test_case_names_are_unique():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names))


def test_every_contract_example_is_a_case():
    assert len([case for case in CASES if case["name"].startswith("contract ")]) == 4


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_engine(engine_data, case):
    if "expected" in case:
        result = call_engine(engine_data, case["input"])
        assert result == case["expected"]
        assert list(result) == CONTRACT_FIELDS
        assert all(list(row) == SUBJECT_FIELDS for row in result["subjects"])
        assert calculator.to_json(result) == json.dumps(result, ensure_ascii=False)
    else:
        with pytest.raises(calculator.InputError) as caught:
            call_engine(engine_data, case["input"])
        for part in case["error_contains"]:
            assert part in caught.value.message
        assert "\n" not in caught.value.message


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_command_line(case):
    done = cli(*cli_args(case["input"]))
    if "expected" in case:
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert json.loads(done.stdout) == case["expected"]
        assert done.stdout == json.dumps(case["expected"], ensure_ascii=False) + "\n"
    else:
        assert_one_line_error(done, *case["error_contains"])


@pytest.mark.parametrize("args, parts", [
    (["--level", "full", "--bogus"], ["--bogus", "--level"]),
    (["--pass", "law=2025"], ["报考级别", "full"]),
    ([], ["报考级别"]),
    (["--level"], ["--level", "缺少取值"]),
    (["--level", "full", "--pass"], ["--pass", "缺少取值"]),
    (["--level", "full", "--json=yes"], ["--json", "不带取值"]),
    (["--level", "full", "extra"], ["extra"]),
    (["--lev", "full"], ["--lev"]),
    (["--level", "full", "--pass", "law=2025\nmanagement=2025"], ["2025 management=2025"]),
])
def test_command_line_usage_errors(args, parts):
    assert_one_line_error(cli(*args), *parts)


def test_the_command_runs_as_a_process_with_chinese_help():
    done = subprocess.run([sys.executable, "-m", "calculator", "--help"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8")
    assert done.returncode == 0
    assert "用法" in done.stdout and "--extension" in done.stdout


@pytest.mark.parametrize("utc, day", [
    ("2026-11-30T15:59:59", "2026-11-30"),  # 23:59:59 in China
    ("2026-11-30T16:00:00", "2026-12-01"),  # midnight in China: already the next day
    ("2026-12-31T16:00:00", "2027-01-01"),
])
def test_today_is_the_date_in_china(utc, day):
    now = datetime.datetime.fromisoformat(utc).replace(tzinfo=datetime.timezone.utc)
    assert calculator_cli.china_today(now) == day


def test_today_defaults_to_the_date_in_china(monkeypatch):
    monkeypatch.setattr(calculator_cli, "china_today", lambda: "2026-12-01")
    done = cli("--level", "full")
    assert done.returncode == 0, done.stderr
    assert "计算日期：2026-12-01，" in done.stdout


def test_summary_for_a_person():
    done = cli("--level", "full", "--pass", "law=2025", "--pass", "management=2025", "--today", "2026-11-22")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "考全科" in out and "下一次考试：2027 年" in out
    assert "还需通过：安全生产技术基础、安全生产专业实务" in out and "2028 年" in out
    assert "- 安全生产法律法规：2025 年通过，有效至 2028 年考试；2027 年考试可以沿用。" in out
    assert "- 安全生产技术基础：尚未通过。" in out


@pytest.mark.parametrize("args, parts", [
    (["--level", "exempt-2", "--pass", "law=2023", "--pass", "practice=2024", "--today", "2026-11-22"],
     ["已全部合格，合格年度为 2024 年", "有效至 2024 年考试；2027 年考试不能再沿用"]),
    (["--level", "full", "--pass", "law=2019", "--today", "2026-11-22"],
     ["没有仍然有效的合格成绩", "从 2027 年考试起重新开始"]),
    (["--level", "full", "--pass", "law=2019", "--today", "2023-01-10", "--extension", "2022"],
     ["按 2022 年顺延", "有效至 2023 年考试；2023 年考试可以沿用"]),
])
def test_summary_statuses(args, parts):
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    for part in parts:
        assert part in done.stdout


def test_broken_data_is_reported_without_traceback(monkeypatch):
    import sitegen.data

    def broken():
        raise DataError([Problem("data/rules.yml", 12, "levels", "缺少 window_years。")])

    monkeypatch.setattr(sitegen.data, "load_engine_data", broken)
    status, out, err = run(["--level", "full", "--today", "2026-11-22"])
    assert (status, out) == (1, "")
    assert "data/rules.yml:12: levels：缺少 window_years。" in err


GAP_DATA = {
    "subjects": [{"id": "law", "name": "安全生产法律法规"}, {"id": "practice", "name": "安全生产专业实务"}],
    "levels": [{"id": "full", "name": "考全科", "subjects": ["law", "practice"], "window_years": 3}],
    "extension_years": [],
    "carry_over": {"year": 2018, "levels": ["full"]},
    "exam_years": [{"year": 2018, "last_day": "2018-10-20"}, {"year": 2019, "last_day": "2019-10-20"},
                   {"year": 2021, "last_day": "2021-10-20"}],
}


def test_a_year_missing_from_the_data_holds_no_exam():
    assert not is_exam_year(GAP_DATA, 2020) and is_exam_year(GAP_DATA, 2021) and is_exam_year(GAP_DATA, 2022)
    assert [exam_year_after(GAP_DATA, 2018, k) for k in range(5)] == [2018, 2019, 2021, 2022, 2023]
    result = calculator.calculate(GAP_DATA, "full", {"law": 2019}, "2021-10-21")
    assert result["subjects"][0]["valid_through"] == 2022
    assert result["next_exam_year"] == 2022
    with pytest.raises(calculator.InputError, match="2020 不对：那一年没有举行考试"):
        calculator.calculate(GAP_DATA, "full", {"law": 2020}, "2021-10-21")
    with pytest.raises(calculator.InputError, match="目前没有可以顺延的年份"):
        calculator.calculate(GAP_DATA, "full", {}, "2021-10-21", "2022")


def test_engine_imports_only_its_own_modules():
    """MicroPython lacks most of the standard library; the engine uses none of it (json aside, nothing)."""
    for path in sorted((ROOT / "calculator").glob("*.py")):
        if path.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                pytest.fail("%s imports %s" % (path.name, [alias.name for alias in node.names]))
            if isinstance(node, ast.ImportFrom):
                assert node.level >= 1, "%s imports %s" % (path.name, node.module)
            assert not isinstance(node, (ast.JoinedStr, ast.NamedExpr, ast.Match, ast.AnnAssign)), path.name

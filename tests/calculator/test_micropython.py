"""The decision table on MicroPython 1.27 (the runtime the page uses), run under Node.

Also checks that MicroPython writes exactly the text CPython writes: the page's data-json must equal
the command line's --json output.
"""
import importlib.util
import json
import re
import shutil
import subprocess

from .conftest import CASES_FILE, ROOT, load_cases

SCRIPT = ROOT / "tests" / "micropython" / "run_cases.mjs"
PACKAGE = ROOT / "node_modules" / "@micropython" / "micropython-webassembly-pyscript"


def cpython_runner():
    spec = importlib.util.spec_from_file_location("micropython_runner", ROOT / "tests" / "micropython" / "runner.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_node(*args):
    node = shutil.which("node")
    assert node, "Node.js is missing: install Node 20 (see the README), then run `make test`"
    assert PACKAGE.is_dir(), "node_modules lacks the MicroPython runtime: run `make test` (it runs npm ci)"
    return subprocess.run([node, str(SCRIPT), *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_cases_pass_on_micropython_with_the_same_output(engine_data, tmp_path):
    data_file = tmp_path / "engine_data.json"
    data_file.write_text(json.dumps(engine_data, ensure_ascii=False), "utf-8")
    outputs_file = tmp_path / "outputs.json"

    done = run_node(data_file, CASES_FILE, outputs_file)

    assert done.returncode == 0, done.stdout + done.stderr
    count = len(load_cases())
    assert re.fullmatch(r"%d cases passed on MicroPython 1\.27\.\d+\n" % count, done.stdout), done.stdout
    failures, cpython_outputs = cpython_runner().run_cases(engine_data, load_cases())
    assert failures == []
    assert json.loads(outputs_file.read_text("utf-8")) == cpython_outputs


def test_the_runner_fails_on_a_wrong_case(engine_data, tmp_path):
    cases = load_cases()[:1]
    cases[0]["expected"]["deadline_year"] = 1999
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps({"cases": cases}, ensure_ascii=False), "utf-8")
    data_file = tmp_path / "engine_data.json"
    data_file.write_text(json.dumps(engine_data, ensure_ascii=False), "utf-8")

    done = run_node(data_file, cases_file)

    assert done.returncode == 1
    assert "FAIL contract 1" in done.stdout and "1 of 1 cases failed on MicroPython" in done.stdout

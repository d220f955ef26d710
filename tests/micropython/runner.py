"""Plain-assert runner for tests/calculator/cases.json (no pytest), for MicroPython and CPython alike.

run_cases() returns, per case, the JSON text and summary (or the error message) that the calculator
produced, so a CPython test can check that MicroPython wrote exactly the same text.
"""
import json
import sys

import calculator


def _passes(value):
    # A list holds SUBJECT=YEAR strings exactly as typed on the command line.
    if isinstance(value, list):
        return [calculator.parse_pass_argument(text) for text in value]
    return value


def _compute(data, given):
    inputs = calculator.parse_inputs(data, given["level"], _passes(given["passes"]), given["today"],
                                     given["extension"])
    result = calculator.evaluate(data, inputs)
    return inputs, result


def _check(data, case):
    """(problem or None, output record)."""
    try:
        inputs, result = _compute(data, case["input"])
    except calculator.InputError as err:
        output = {"name": case["name"], "error": err.message}
        if "error_contains" not in case:
            return "unexpected error: " + err.message, output
        missing = [part for part in case["error_contains"] if part not in err.message]
        if missing:
            return "message %r lacks %r" % (err.message, missing), output
        if "\n" in err.message:
            return "message is more than one line", output
        return None, output
    text = calculator.to_json(result)
    output = {"name": case["name"], "json": text, "summary": calculator.summary_text(data, inputs, result)}
    if "expected" not in case:
        return "expected an error, got " + text, output
    if result != case["expected"]:
        return "got " + text, output
    if json.loads(text) != case["expected"]:
        return "to_json() does not round-trip: " + text, output
    return None, output


def run_cases(data, cases):
    """(list of failure lines, list of output records)."""
    failures = []
    outputs = []
    for case in cases:
        problem, output = _check(data, case)
        outputs.append(output)
        if problem:
            failures.append("FAIL %s: %s" % (case["name"], problem))
    return failures, outputs


def runtime():
    version = sys.implementation.version
    name = "MicroPython" if sys.implementation.name == "micropython" else "CPython"
    return "%s %d.%d.%d" % (name, version[0], version[1], version[2])


def main(data_path, cases_path, outputs_path):
    """Run every case, print failures and a summary line, write the outputs; return the failure count."""
    with open(data_path) as file:
        data = json.load(file)
    with open(cases_path) as file:
        cases = json.load(file)["cases"]
    failures, outputs = run_cases(data, cases)
    for line in failures:
        print(line)
    if failures:
        print("%d of %d cases failed on %s" % (len(failures), len(cases), runtime()))
    else:
        print("%d cases passed on %s" % (len(cases), runtime()))
    with open(outputs_path, "w") as file:
        file.write(json.dumps(outputs))
    return len(failures)

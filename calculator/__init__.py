"""The pass-window calculator for 中级注册安全工程师 (see the contract in the project docs).

Runs unchanged on CPython and on MicroPython in the browser. The engine never reads files: callers
pass the engine data dict (sitegen.data.load_engine_data() on the command line, a JSON copy in the page).
"""
from .jsontext import to_json
from .query import InputError, parse_inputs, parse_pass_argument
from .summary import summary_text
from .window import evaluate


def calculate(data, level, passes, today, extension=None):
    """The result dict for untrusted inputs; raises InputError with a Chinese message on bad input."""
    return evaluate(data, parse_inputs(data, level, passes, today, extension))


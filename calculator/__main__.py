"""Command line: python -m calculator --level LEVEL [--pass SUBJECT=YEAR ...] [--today YYYY-MM-DD]
[--extension YEAR] [--json]. CPython only (the browser calls the package directly).

Bad input: exit 2, nothing on stdout, one Chinese line on stderr. Broken data/: its messages, exit 1.
"""
import argparse
import datetime
import re
import sys

import sitegen.data
from sitegen.cycle import CHINA

from . import InputError, evaluate, parse_inputs, parse_pass_argument, summary_text, to_json

USAGE = "python -m calculator --level 级别 [--pass 科目=年份 ...] [--today YYYY-MM-DD] [--extension 年份] [--json]"
OPTIONS = "--level、--pass、--today、--extension、--json、--help"


class UsageError(Exception):
    pass


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：")


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse's own error texts are English and exit with a usage block; ours are one Chinese line."""

    def error(self, message):
        missing_value = re.match(r"argument (\S+?)(?:/\S+)?: expected one argument", message)
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        flag_value = re.match(r"argument (\S+?)(?:/\S+)?: ignored explicit argument '(.*)'", message)
        if missing_value:
            text = "参数 %s 后面缺少取值。用法：%s" % (missing_value.group(1), USAGE)
        elif unknown:
            text = "无法识别的参数：%s。可用的参数：%s。" % (unknown.group(1), OPTIONS)
        elif flag_value:
            text = "参数 %s 不带取值，请去掉“=%s”。" % flag_value.groups()
        else:
            text = "命令行参数有误（%s）。用法：%s" % (message, USAGE)
        raise UsageError(text)


def build_parser():
    parser = ChineseArgumentParser(
        prog="python -m calculator", usage=USAGE, add_help=False, allow_abbrev=False,
        formatter_class=ChineseHelpFormatter,
        description="中级注册安全工程师：按报考级别和各科合格年份，算出合格成绩的有效期和还需通过的科目。")
    group = parser.add_argument_group("参数")
    # Levels and subjects come from data/; a wrong value gets a message that lists the valid ones.
    group.add_argument("--level", metavar="级别", help="报考级别，例如 full（考全科）")
    group.add_argument("--pass", dest="passes", action="append", default=[], metavar="科目=年份",
                       help="一科最近一次合格的年份，例如 law=2025；每科一次，可重复")
    group.add_argument("--today", metavar="YYYY-MM-DD", help="按哪一天计算；默认是北京时间的今天")
    group.add_argument("--extension", metavar="年份", help="适用顺延规则的年份，例如 2022（只对受影响的考生）")
    group.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    group.add_argument("-h", "--help", action="help", help="显示本说明")
    return parser


def china_today(now=None):
    """Today's date in China (YYYY-MM-DD); `now` is an aware datetime, the clock when not given."""
    return (now or datetime.datetime.now(datetime.timezone.utc)).astimezone(CHINA).date().isoformat()


def run(argv, data=None):
    """(exit status, stdout text, stderr text); `data` is the engine data, loaded from data/ when not given."""
    try:
        args = build_parser().parse_args(argv)
    except UsageError as err:
        return 2, "", str(err)
    try:
        data = data or sitegen.data.load_engine_data()
    except sitegen.data.DataError as err:
        return 1, "", "data/ 有错误，计算器无法运行：\n" + "\n".join(err.messages)
    today = args.today if args.today is not None else china_today()
    try:
        pairs = [parse_pass_argument(text) for text in args.passes]
        inputs = parse_inputs(data, args.level, pairs, today, args.extension)
    except InputError as err:
        return 2, "", err.message
    result = evaluate(data, inputs)
    return 0, to_json(result) if args.json else summary_text(data, inputs, result), ""


def main():
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8")
    status, out, err = run(sys.argv[1:])
    if out:
        print(out)
    if err:
        print(err, file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""Command line for maintainers.

python -m sitegen check [PROJECT_DIR]    validate data/ and print every problem, one per line
python -m sitegen freshness [YYYY-MM-DD] say what in data/ the calendar has overtaken (exit 1 if anything)
"""
import datetime
import pathlib
import sys

from . import cycle
from .data import DataError, freshness, load

USAGE = "用法：python -m sitegen check [项目目录] | python -m sitegen freshness [YYYY-MM-DD]"


def main(argv):
    if argv and argv[0] == "freshness" and len(argv) <= 2:
        today = datetime.date.fromisoformat(argv[1]) if len(argv) == 2 else cycle.build_day()
        problems = freshness.stale(load(), today)
        print("\n".join(problems) if problems else "data/ 没有过期的内容（%s）。" % today)
        return 1 if problems else 0
    if not argv or argv[0] != "check" or len(argv) > 2:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        data = load(pathlib.Path(argv[1]) / "data" if len(argv) == 2 else None)
    except DataError as err:
        print("\n".join(err.messages), file=sys.stderr)
        print("data/ 有 %d 处问题，请按上面的提示修改。" % len(err.messages), file=sys.stderr)
        return 1
    print("data/ 检查通过：publishers.yml（%d 个发布者）、rules.yml、faq.yml、%d 个年度文件、%d 个专题文件、%d 个省份年度文件。"
          % (len(data["publishers"].names()), len(data["years"]), len(data["guides"]), len(data["provinces"])))
    return 0


sys.exit(main(sys.argv[1:]))

"""`python -m sitegen check [PROJECT_DIR]`: validate data/ and print every problem, one per line."""
import pathlib
import sys

from .data import ROOT, DataError, load


def main(argv):
    if not argv or argv[0] != "check" or len(argv) > 2:
        print("用法：python -m sitegen check [项目目录]", file=sys.stderr)
        return 2
    try:
        data = load(pathlib.Path(argv[1]) if len(argv) == 2 else ROOT)
    except DataError as err:
        print("\n".join(err.messages), file=sys.stderr)
        print("data/ 有 %d 处问题，请按上面的提示修改。" % len(err.messages), file=sys.stderr)
        return 1
    print("data/ 检查通过：rules.yml 和 %d 个年度文件。" % len(data["years"]))
    return 0


sys.exit(main(sys.argv[1:]))

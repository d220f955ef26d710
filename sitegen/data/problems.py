"""Editor-facing error messages: `data/file.yml:LINE: field: what is wrong, what to write instead`."""


class Problem:
    def __init__(self, file, line, field, message):
        self.file = file
        self.line = line
        self.field = field
        self.message = message

    def __str__(self):
        where = "%s:%d" % (self.file, self.line)
        return "%s: %s：%s" % (where, self.field, self.message) if self.field else "%s: %s" % (where, self.message)

    def sort_key(self):
        return (self.file, self.line, self.field, self.message)


class DataError(Exception):
    """data/ is broken; `messages` holds one formatted line per problem."""

    def __init__(self, problems):
        self.problems = sorted(problems, key=Problem.sort_key)
        self.messages = [str(p) for p in self.problems]
        super().__init__("\n".join(self.messages))


def field_name(path):
    """('exam', 'days', 0) -> 'exam.days[1]' (1-based, as an editor counts)."""
    text = ""
    for part in path:
        text += "[%d]" % (part + 1) if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def line_of(lines, path):
    """The line of the value at `path`, or of its nearest parent that exists (a missing field)."""
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)

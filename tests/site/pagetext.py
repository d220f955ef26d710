"""What a reader sees on a built page: the article's text, one block per line, links shown with targets."""
import html.parser
import re

BLOCKS = {"p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "details", "summary", "br", "table", "pre"}
SKIP = {"script", "style", "svg"}


class _Article(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0      # >0 while inside <article>
        self.skip = 0       # >0 while inside script/style/svg
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "a" and "headerlink" in (attrs.get("class") or ""):
            self.skip += 1  # the "#" permalink after each heading
            self.in_headerlink = True
        elif tag == "a" and attrs.get("href"):
            self.parts.append("[")
            self.href = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        if not self.depth:
            return
        if tag in SKIP:
            self.skip -= 1
        elif tag == "a" and getattr(self, "in_headerlink", False):
            self.skip -= 1
            self.in_headerlink = False
        elif tag == "a" and getattr(self, "href", None):
            self.parts.append("](%s)" % self.href)
            self.href = None

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))  # source newlines are not line breaks


def article_text(page_html):
    parser = _Article()
    parser.feed(page_html)
    text = "".join(parser.parts).replace("\u200b", "")
    lines = (re.sub(r" +", " ", line).strip(" |") for line in text.splitlines())
    return "\n".join(line for line in lines if line) + "\n"

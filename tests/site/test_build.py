"""The strict build: pages come out, facts come from data/, a broken date stops the build."""
import json
import re

from ..conftest import build_site


def _text(html):
    """Visible text of a page, tags dropped (enough to check which facts a page states)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_build_writes_the_pages(built_site):
    for page in ["index.html", "timeline/index.html", "rules/index.html", "search/search_index.json"]:
        assert (built_site / page).is_file(), page


def test_the_timeline_has_one_row_per_year_with_marks_and_sources(built_site):
    html = (built_site / "timeline" / "index.html").read_text("utf-8")
    rows = re.findall(r"<tr>\s*<td>(\d{4})</td>(.*?)</tr>", html, re.S)
    assert [int(year) for year, _ in rows] == list(range(2019, 2027))
    for year, cells in rows:
        assert 'class="conf conf-' in cells and "来源：" in cells, year
    text = _text(html)
    assert "2025年12月26日 10:00" in text
    assert "预计2026年12月下旬" in text
    assert "2023年1月17日" in text, "the rejected 2022 release date is shown as a conflict"


def test_the_home_page_says_where_the_cycle_stands(built_site):
    text = _text((built_site / "index.html").read_text("utf-8"))
    assert "2026年考试已于10月24–25日举行，成绩预计2026年12月下旬公布。" in text


def test_jieba_segments_chinese_in_the_search_index(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\u200b" in text, "search index has no word breaks: is jieba installed?"


def _set_2025_release(data, value):
    path = data / "years" / "2025.yml"
    text = path.read_text("utf-8")
    assert text.count('"2025-12-26"') == 1
    path.write_text(text.replace('"2025-12-26"', '"%s"' % value), "utf-8")


def test_an_impossible_date_stops_the_build_naming_the_file(data_copy):
    _set_2025_release(data_copy, "2025-13-45")
    result = build_site(data_copy.parent / "out", data_copy)
    assert result.returncode != 0
    assert re.search(r"data/years/2025\.yml:\d+: score_release\.date：2025-13-45 不是真实的日期", result.stderr)
    assert "Traceback" not in result.stderr


def test_a_changed_date_changes_the_pages(data_copy):
    _set_2025_release(data_copy, "2025-12-30")
    result = build_site(data_copy.parent / "out", data_copy)
    assert result.returncode == 0, result.stderr
    text = _text((data_copy.parent / "out" / "timeline" / "index.html").read_text("utf-8"))
    assert "2025年12月30日" in text and "2025年12月26日" not in text


# --- Guide pages -------------------------------------------------------------------------------------

GUIDE_PAGES = ["guides/score-query", "guides/score-review", "guides/post-exam-check", "guides/certificate",
               "guides/registration", "guides/next-year", "faq", "rules", "timeline", ""]
CHECKED = re.compile(r"本页数据最后核对于 (\d{4})年(\d{1,2})月(\d{1,2})日")


def _page(site, path):
    return (site / path / "index.html").read_text("utf-8")


def _rows(html, caption_head):
    """Body rows of the first table whose header row starts with `caption_head`."""
    for table in re.findall(r"<table>(.*?)</table>", html, re.S):
        head = re.search(r"<th[^>]*>(.*?)</th>", table, re.S)
        if head and _text(head.group(1)).strip() == caption_head:
            return re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[1], re.S)
    raise AssertionError("no table starting with %s" % caption_head)


def test_every_guide_page_is_built_shows_sources_and_when_it_was_checked(built_site):
    for path in GUIDE_PAGES:
        html = _page(built_site, path)
        assert "来源：" in html and 'class="conf conf-' in html, path
        assert CHECKED.search(_text(html)), path


def test_the_home_page_links_every_guide_and_the_calculator(built_site):
    html = _page(built_site, "")
    for target in GUIDE_PAGES[:-1] + ["calculator"]:
        assert 'href="%s/"' % target in html, target


def _province_counts(data):
    """How many rows each province table should have, straight from the data."""
    checks = sum(1 for r in data["provinces"] for e in r["provinces"] if e["post_exam_check"])
    registrations = sum(1 for r in data["provinces"] for e in r["provinces"] if e["registration"])
    certificates = sum(1 for r in data["provinces"] for e in r["provinces"] if e["certificate"])
    return {"post-exam-check": checks, "next-year": registrations, "certificate": certificates,
            "score-review": len(data["guides"]["review"]["provinces"])}


def test_province_tables_come_from_data(built_site, fixture_data):
    counts = _province_counts(fixture_data)
    assert counts["post-exam-check"] >= 10 and counts["next-year"] >= 15
    assert len(_rows(_page(built_site, "guides/post-exam-check"), "年度·省份")) == counts["post-exam-check"]
    assert len(_rows(_page(built_site, "guides/next-year"), "年度·省份")) == counts["next-year"]
    assert len(_rows(_page(built_site, "guides/certificate"), "年度·省份")) == counts["certificate"]
    assert len(_rows(_page(built_site, "guides/score-review"), "省份")) == counts["score-review"]
    text = _text(_page(built_site, "guides/post-exam-check"))
    assert "初审：2025年12月29日至2026年1月9日（各市应急管理局）" in text
    assert "没有查到任何说法" in text, "provinces without a record are named, not hidden"


def test_the_faq_has_at_least_twenty_answers_each_with_a_guide_and_sources(built_site):
    html = _page(built_site, "faq")
    questions = re.findall(r"<h2 id=\"([a-z0-9-]+)\"", html)
    assert len(questions) >= 20 and len(set(questions)) == len(questions)
    sections = html.split("<h2 ")[1:]
    for section in sections:
        assert "详见" in section and "来源：" in section, section[:80]
    assert "{{" not in html and "{%" not in html, "FAQ answers are rendered, not shown as templates"


def test_worked_examples_show_the_calculators_answers_and_link_to_it(built_site, fixture_data):
    """Each example links to the calculator with its input; its table shows what the engine answers for it."""
    import calculator
    from sitegen.data import engine_data
    engine = engine_data(fixture_data)
    html = _page(built_site, "rules")
    text = _text(html)
    links = re.findall(r'href="\.\./calculator/\?([^"]+)"', html)
    assert len(links) >= 6
    for query in links:
        params = dict(pair.split("=") for pair in query.replace("&amp;", "&").split("&"))
        level, today, extension = params.pop("level"), params.pop("today"), params.pop("extension", None)
        result = calculator.calculate(engine, level, params, today, extension)
        plain = calculator.calculate(engine, level, params, today)
        for subject, before in zip(result["subjects"], plain["subjects"]):
            if subject["passed_year"] and len(params) > 1:  # single-subject examples are told in a sentence
                cells = [subject["passed_year"], before["valid_through"]] + ([subject["valid_through"]] if extension else [])
                assert " ".join([subject["name"]] + ["%d年" % c for c in cells]) in text, (query, subject)
    assert "2025年全部合格，可以发证" in text and "2026年还要考安全生产法律法规、安全生产管理；" in text


def test_next_year_marks_expected_dates_and_says_what_it_rests_on(built_site):
    text = _text(_page(built_site, "guides/next-year"))
    assert "下一次考试是2027年度" in text
    assert "10月下旬，周六、周日 预计 按2024–2026年推算" in text
    assert "成绩公布 12月下旬 预计 按2023–2025年推算" in text


def test_a_changed_topic_fact_changes_its_pages_and_their_checked_date(data_copy):
    path = data_copy / "guides" / "review.yml"
    text = path.read_text("utf-8")
    assert text.count("days: 30\n") == 1 and text.count('checked: "2026-11-22"') == 1
    path.write_text(text.replace("days: 30\n", "days: 31\n").replace('checked: "2026-11-22"', 'checked: "2026-11-23"'),
                    "utf-8")
    result = build_site(data_copy.parent / "out", data_copy)
    assert result.returncode == 0, result.stderr
    out = data_copy.parent / "out"
    review = _text(_page(out, "guides/score-review"))
    assert "成绩公布之日起 31 天内" in review and "本页数据最后核对于 2026年11月23日" in review
    assert "成绩公布之日起 31 天内" in _text(_page(out, "faq"))
    assert "本页数据最后核对于 2026年11月22日" in _text(_page(out, "guides/certificate")), \
        "a page that does not show review facts keeps its own checked date"


def test_every_page_has_its_own_share_card_and_is_in_the_sitemap(built_site):
    """What WeChat and search engines read: title, description, canonical URL, an absolute share image."""
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    descriptions = set()
    for path in sorted(built_site.glob("**/index.html")):
        rel = path.parent.relative_to(built_site).as_posix()
        if rel.startswith(("_", "assets")) or rel == "404":
            continue
        html = path.read_text("utf-8")
        meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)"', html))
        assert meta.get("og:title") and meta.get("og:description"), rel
        assert meta["og:image"].startswith("http") and meta["og:image"].endswith("/assets/share.png"), rel
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert meta["og:url"] == canonical and canonical in sitemap, rel
        descriptions.add(meta["og:description"])
    assert len(descriptions) >= 10, "pages describe themselves, not all with the site's description"
    assert (built_site / "assets" / "share.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- Reader text -------------------------------------------------------------------------------------

TECHNICAL_WORDS = ["WebAssembly", "JSON Schema", "Atom", "version 字段", "MicroPython", "PyScript", "Made with"]


def test_reader_text_has_no_technical_words_outside_the_developers_notes(built_site):
    for path in sorted(built_site.rglob("*.html")):
        html = path.read_text("utf-8")
        body = html[html.index("<body"):]
        visible = re.sub(r"<details.*?</details>|<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
        found = [word for word in TECHNICAL_WORDS if word in visible]
        assert not found, "%s shows %s to readers" % (path.relative_to(built_site), found)


def test_the_missing_page_is_chinese_and_leads_home_to_the_calculator_and_search(built_site):
    html = (built_site / "404.html").read_text("utf-8")
    assert "<h1>找不到这个页面</h1>" in html and "Not found" not in html
    assert 'href="/calculator/"' in html and 'href="/faq/"' in html and "搜索" in html


def _marks_by_source(html):
    """{source URL: {marks shown next to it}} over one page."""
    found = {}
    for mark, links in re.findall(r'<span class="conf conf-([a-z-]+)"[^>]*>[^<]*</span> <span class="src">来源：(.*?)</span>', html):
        for url in re.findall(r'href="([^"]+)"', links):
            found.setdefault(url, set()).add(mark)
    return found


def test_a_fact_shows_the_same_mark_in_the_faq_as_on_its_guide(built_site):
    guides = {}
    for path in GUIDE_PAGES[:-1]:
        if path != "faq":
            for url, marks in _marks_by_source(_page(built_site, path)).items():
                guides.setdefault(url, set()).update(marks)
    for url, marks in _marks_by_source(_page(built_site, "faq")).items():
        if url in guides and len(guides[url]) == 1:
            assert marks == guides[url], "%s: %s in the FAQ, %s on the guides" % (url, marks, guides[url])

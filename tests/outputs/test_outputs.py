"""Files beside the pages: calendar.ics, exams.json with its schema, robots.txt; and the freshness check."""
import datetime
import json
import pathlib
import re
import shutil
import subprocess

import icalendar
import jsonschema
import pytest

from sitegen import cycle
from sitegen.data import freshness

from ..conftest import FIXTURE_DATA, ROOT, build_site


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_has_every_exam_and_release_with_stable_uids(built_site):
    events = _events(built_site / "calendar.ics")
    for year in range(2019, 2027):
        assert "%d-exam@zhuan-kaohou" % year in events
        assert "%d-score-release@zhuan-kaohou" % year in events
    exam = events["2025-exam@zhuan-kaohou"]
    assert exam.decoded("DTSTART") == datetime.date(2025, 10, 25)
    assert exam.decoded("DTEND") == datetime.date(2025, 10, 27), "DTEND is the day after the last exam day"
    expected = events["2026-score-release@zhuan-kaohou"]
    assert str(expected["STATUS"]) == "TENTATIVE" and str(expected["SUMMARY"]).startswith("预计")
    assert str(events["2025-score-release@zhuan-kaohou"]["STATUS"]) == "CONFIRMED"


def test_exams_json_validates_against_its_published_schema(built_site):
    schema = json.loads((built_site / "exams.schema.json").read_text("utf-8"))
    document = json.loads((built_site / "exams.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(document)
    assert document["version"] == 1
    assert [y["year"] for y in document["years"]][:2] == [2018, 2019]
    document["years"][7]["score_release"]["date"] = "26.12.2025"
    assert not validator.is_valid(document), "the schema must reject a malformed date"


def test_robots_points_at_the_sitemap(built_site):
    robots = (built_site / "robots.txt").read_text("utf-8")
    assert "Sitemap: http" in robots and (built_site / "sitemap.xml").is_file()


def test_two_builds_give_identical_calendar_bytes(built_site, tmp_path):
    result = build_site(tmp_path / "again", FIXTURE_DATA)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "again" / "calendar.ics").read_bytes() == (built_site / "calendar.ics").read_bytes()
    assert (tmp_path / "again" / "exams.json").read_bytes() == (built_site / "exams.json").read_bytes()


def test_a_changed_date_changes_only_that_event_and_field(built_site, data_copy):
    path = data_copy / "years" / "2025.yml"
    path.write_text(path.read_text("utf-8").replace('"2025-12-26"', '"2025-12-30"'), "utf-8")
    result = build_site(data_copy.parent / "out", data_copy)
    assert result.returncode == 0, result.stderr
    before, after = _events(built_site / "calendar.ics"), _events(data_copy.parent / "out" / "calendar.ics")
    changed = sorted(uid for uid in before if before[uid].to_ical() != after[uid].to_ical())
    assert changed == ["2025-review-deadline@zhuan-kaohou", "2025-score-release@zhuan-kaohou"], \
        "the release, and the review deadline counted from it"
    assert after["2025-score-release@zhuan-kaohou"].decoded("DTSTART") == datetime.date(2025, 12, 30)
    assert after["2025-review-deadline@zhuan-kaohou"].decoded("DTSTART") == datetime.date(2026, 1, 29)
    old = json.loads((built_site / "exams.json").read_text("utf-8"))
    new = json.loads((data_copy.parent / "out" / "exams.json").read_text("utf-8"))
    assert new["years"][7]["score_release"]["date"] == "2025-12-30"
    new["years"][7]["score_release"]["date"] = "2025-12-26"
    assert new == old


@pytest.mark.parametrize("day, stage, sentence", [
    ("2026-06-01", "before-exam", "2026年考试定于10月24–25日举行。"),
    ("2026-10-25", "awaiting-scores", "2026年考试正在举行，成绩预计2026年12月下旬公布。"),
    ("2026-11-22", "awaiting-scores", "2026年考试已于10月24–25日举行，成绩预计2026年12月下旬公布。"),
])
def test_home_page_stage_follows_the_calendar(fixture_data, day, stage, sentence):
    result = cycle.stage(fixture_data["years"], datetime.date.fromisoformat(day))
    assert (result["stage"], result["sentence"]) == (stage, sentence)


def test_stage_after_release_names_the_release_day(fixture_data):
    years = fixture_data["years"][:-1]  # up to 2025, whose scores came out on 2025-12-26
    result = cycle.stage(years, datetime.date(2026, 1, 5))
    assert result["stage"] == "scores-out"
    assert result["sentence"] == "2025年考试成绩已于2025年12月26日 10:00公布。"


def test_freshness_flags_an_expected_date_that_has_passed(fixture_data):
    data = fixture_data
    assert not any("2026.yml" in p for p in freshness.stale(data, datetime.date(2026, 12, 1)))
    assert any("2026.yml" in p and "预计" in p for p in freshness.stale(data, datetime.date(2027, 1, 2)))


def test_the_news_feed_lists_each_item_once(built_site):
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built_site / "feed.xml").getroot()
    ids = [e.find(atom + "id").text for e in feed.findall(atom + "entry")]
    assert len(ids) == len(set(ids)) >= 14
    assert ids[0].endswith("#2026-exam-held"), "newest first; on the pinned build day 2026 scores are not out"
    assert any(i.endswith("#2025-scores-out") for i in ids)


def test_recording_the_2026_release_is_a_one_file_change(data_copy):
    """The December routine: edit data/years/2026.yml only, and every output follows."""
    path = data_copy / "years" / "2026.yml"
    text = path.read_text("utf-8")
    start = text.index("score_release:")
    end = text.index("unknown:")
    release = ('score_release:\n  date: "2026-12-25"\n  time: "10:00"\n  confidence: official\n'
               '  sources:\n    - url: https://example.org/2026-release\n\n')
    path.write_text(text[:start] + release + text[end:], "utf-8")
    result = build_site(data_copy.parent / "out", data_copy, today="2026-12-26")
    assert result.returncode == 0, result.stderr
    out = data_copy.parent / "out"
    home = (out / "index.html").read_text("utf-8")
    assert "2026年考试成绩已于2026年12月25日 10:00公布。" in home
    assert "预计2026年12月下旬" not in (out / "timeline" / "index.html").read_text("utf-8")
    events = _events(out / "calendar.ics")
    event = events["2026-score-release@zhuan-kaohou"]
    assert str(event["STATUS"]) == "CONFIRMED" and event.decoded("DTSTART") == datetime.date(2026, 12, 25)
    deadline = events["2026-review-deadline@zhuan-kaohou"]
    assert deadline.decoded("DTSTART") == datetime.date(2027, 1, 24) and str(deadline["STATUS"]) == "TENTATIVE"
    assert "2026-review-deadline@zhuan-kaohou" in _events(out / "provinces" / "shaanxi.ics")
    assert "推算到2027年1月24日" in home, "the home page counts the review deadline from the exact release"
    now = re.sub(r"<[^>]+>", "", home[home.index('id="now"'):home.index('id="glance"')])
    steps = ["查成绩", "成绩复核", "考后审核", "电子证书", "纸质证书", "执业注册", "计算器", "2027年报名"]
    assert [now.index(step) for step in steps] == sorted(now.index(step) for step in steps), "the season, in date order"
    assert "预计2027年1月17日前后" in now, "e-certificates: the release plus the 23 days known from 2021"
    assert "#2026-scores-out" in (out / "feed.xml").read_text("utf-8")
    exams = json.loads((out / "exams.json").read_text("utf-8"))
    assert exams["years"][-1]["score_release"]["date"] == "2026-12-25"


def test_search_index_keeps_chinese_as_utf8(built_site):
    """Every page downloads the index; \\u escapes made it ~45% larger (sitegen/outputs/write.py)."""
    text = (built_site / "search" / "search_index.json").read_text("utf-8")
    assert not re.search(r"(?<!\\)\\u[0-9a-fA-F]{4}", text) and "成绩复核" in text
    assert json.loads(text)["docs"], "still the search plugin's index, only re-encoded"


def test_calendar_has_no_review_deadline_while_the_release_is_expected(built_site):
    events = _events(built_site / "calendar.ics")
    assert "2025-review-deadline@zhuan-kaohou" in events
    assert "2026-review-deadline@zhuan-kaohou" not in events, "2026 scores are only expected on the pinned day"


def test_every_region_has_a_calendar_with_the_national_events_and_its_own(built_site, fixture_data):
    national = set(_events(built_site / "calendar.ics"))
    slugs = [r["slug"] for r in fixture_data["regions"]["regions"]]
    assert sorted(p.stem for p in (built_site / "provinces").glob("*.ics")) == sorted(slugs)
    for slug in slugs:
        events = _events(built_site / "provinces" / ("%s.ics" % slug))
        assert national <= set(events), slug
        assert all(uid in national or ("-%s-" % slug) in uid for uid in events), slug
    shanxi = _events(built_site / "provinces" / "shanxi.ics")
    first = shanxi["2025-shanxi-check-1@zhuan-kaohou"]
    assert first.decoded("DTSTART") == datetime.date(2025, 12, 29) and first.decoded("DTEND") == datetime.date(2026, 1, 10)
    assert "2025-shanxi-registration@zhuan-kaohou" in shanxi


def test_region_calendars_rebuild_byte_identical(built_site, tmp_path):
    result = build_site(tmp_path / "again", FIXTURE_DATA)
    assert result.returncode == 0, result.stderr
    for path in sorted((built_site / "provinces").glob("*.ics")):
        assert (tmp_path / "again" / "provinces" / path.name).read_bytes() == path.read_bytes(), path.name


def test_ical_js_reads_every_calendar_as_icalendar_does(built_site):
    """A real client's parser (ical.js, as used by calendar web apps) agrees with icalendar on every file."""
    files = [built_site / "calendar.ics", *sorted((built_site / "provinces").glob("*.ics"))]
    assert len(files) == 33
    node = shutil.which("node")
    assert node, "node is needed (make test installs the npm packages)"
    script = pathlib.Path(__file__).with_name("ical_read.mjs")
    run = subprocess.run([node, str(script), *map(str, files)], capture_output=True, text=True, cwd=ROOT, check=True)
    for parsed, path in zip(json.loads(run.stdout), files):
        events = _events(path)
        assert sorted(e["uid"] for e in parsed["events"]) == sorted(events), path.name
        for e in parsed["events"]:
            ours = events[e["uid"]]
            assert e["summary"] == str(ours["SUMMARY"]) and e["start"] == ours.decoded("DTSTART").isoformat(), path.name
            assert e["status"] == str(ours["STATUS"])
        assert parsed["name"].startswith("注安")


def _province_text(data_copy, year):
    return data_copy / "provinces" / ("%d.yml" % year)


def test_one_edit_to_the_2026_province_file_reaches_page_calendar_home_and_json(data_copy):
    """The provincial drill: a region's 考后审核 notice is one entry in data/provinces/2026.yml, and its page,
    its calendar, the home page's pointer and exams.json all follow."""
    path = _province_text(data_copy, 2026)
    text = path.read_text("utf-8")
    old = "  - province: 陕西\n"
    start = text.index(old)
    end = text.index("  - province: 甘肃")
    notice = (old + "    post_exam_check:\n      mode: online\n"
              "      summary: 全部科目合格的人在网上上传学历和工作年限证明。\n"
              "      stages:\n        - {name: 网上初审, by: 陕西省人事考试中心, between: [\"2026-12-28\", \"2027-01-08\"]}\n"
              "      confidence: official\n      sources:\n        - url: https://example.org/shaanxi-check\n"
              "    unknown: [证书什么时候、在哪里领]\n")
    path.write_text(text[:start] + notice + text[end:], "utf-8")
    out = data_copy.parent / "out"
    result = build_site(out, data_copy)
    assert result.returncode == 0, result.stderr
    page = (out / "provinces" / "shaanxi" / "index.html").read_text("utf-8")
    assert "网上初审" in page and "陕西省人事考试中心" in page and "2026年12月28日" in page
    assert "有没有考后审核、什么时候、交什么" not in page, "the unknown line was removed"
    event = _events(out / "provinces" / "shaanxi.ics")["2026-shaanxi-check-1@zhuan-kaohou"]
    assert event.decoded("DTSTART") == datetime.date(2026, 12, 28) and str(event["STATUS"]) == "CONFIRMED"
    assert "2026-shaanxi-check-1@zhuan-kaohou" not in _events(out / "provinces" / "shanxi.ics")
    home = (out / "index.html").read_text("utf-8")
    assert "&quot;shaanxi&quot;:&quot;已公布：网上&quot;" in home
    assert "&quot;shanxi&quot;:&quot;还没有公告&quot;" in home
    exams = json.loads((out / "exams.json").read_text("utf-8"))
    shaanxi = next(e for p in exams["provinces"] if p["year"] == 2026 for e in p["provinces"] if e["province"] == "陕西")
    assert shaanxi["post_exam_check"]["stages"][0]["between"] == ["2026-12-28", "2027-01-08"]

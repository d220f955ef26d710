"""Render the social share card and app icons to PNG with Debian Chromium (run once, commit the PNGs).

    .venv/bin/python scripts/make_share_images.py
"""
import pathlib
import shutil

from playwright.sync_api import sync_playwright

ASSETS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "assets"
ICON = (ASSETS / "favicon.svg").read_text("utf-8")
CARD = """<html><body style="margin:0;width:1200px;height:630px;display:flex;align-items:center;
gap:56px;padding:0 96px;box-sizing:border-box;background:#3f51b5;color:#fff;
font-family:'Noto Sans CJK SC',sans-serif">
<div style="width:220px;flex:none">%s</div>
<div><div style="font-size:76px;font-weight:700">注安考后指南</div>
<div style="font-size:38px;margin-top:24px;line-height:1.5">查分 · 有效期 · 复核 · 审核 · 证书<br>每个日期都有出处</div></div>
</body></html>""" % ICON


def main():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                    args=["--headless=new", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(CARD)
        page.screenshot(path=str(ASSETS / "share.png"))
        for size, name in [(180, "apple-touch-icon.png"), (512, "icon-512.png")]:
            page.set_viewport_size({"width": size, "height": size})
            page.set_content('<body style="margin:0">%s</body>' % ICON.replace("<svg ", '<svg width="%d" height="%d" ' % (size, size)))
            page.screenshot(path=str(ASSETS / name))
        browser.close()


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Installs the Debian packages the tests need, only when they are missing:
#   chromium                  the real browser Playwright drives (no browser download from Playwright)
#   fonts-noto-cjk            Chinese glyphs for screenshots; without them Chromium draws empty boxes
#   default-jre-headless      Java for the Nu HTML Checker (vnu.jar from npm vnu-jar)
#   webkit2gtk-driver, xvfb   WebKitWebDriver and MiniBrowser (WebKitGTK, the engine of iPhone browsers
#                             and WeChat on iOS) on a virtual screen, for tests/webkit/
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

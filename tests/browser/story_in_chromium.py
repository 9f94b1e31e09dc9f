"""The story's HTML page as a reader meets it: valid HTML5 (html5lib, strict), and in headless
Chromium every step renders a picture that is not blank, the arrow keys and PageUp/PageDown
move between steps, and the page asks for nothing but itself.

Usage: python3 story_in_chromium.py STORY.html STEP_COUNT
"""

import io
import json
import pathlib
import sys
import tempfile

import html5lib
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys


def check_valid_html5(path):
    parser = html5lib.HTMLParser(strict=True)
    with open(path, "rb") as page:
        parser.parse(page)
    print("html5lib: parses as HTML5 with no errors")


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1400", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def visible_step(driver):
    shown = [section for section in driver.find_elements(By.CSS_SELECTOR, "section.step") if section.is_displayed()]
    assert len(shown) == 1, f"{len(shown)} steps shown at once"
    return shown[0]


def distinct_colours(section):
    figure = section.find_element(By.TAG_NAME, "svg")
    image = Image.open(io.BytesIO(figure.screenshot_as_png)).convert("RGB")
    return len(set(image.resize((200, 200)).get_flattened_data()))


def requests_made(driver, page):
    """What `page` asked for since last asked (the browser's own pages ask for their own)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == page:
            urls.append(message["params"]["request"]["url"])
    return urls


def main(path, step_count):
    check_valid_html5(path)
    url = pathlib.Path(path).resolve().as_uri()
    with tempfile.TemporaryDirectory() as profile:
        driver = browser(profile)
        try:
            driver.get(url)
            body = driver.find_element(By.TAG_NAME, "body")
            for step in range(1, step_count + 1):
                section = visible_step(driver)
                assert section.get_attribute("id") == f"step-{step}", section.get_attribute("id")
                colours = distinct_colours(section)
                assert colours >= 8, f"step {step} looks blank: {colours} colours"
                print(f"step {step}: shown alone, {colours} colours in its figure")
                key = Keys.ARROW_RIGHT if step % 2 else Keys.PAGE_DOWN
                body.send_keys(key)
            assert visible_step(driver).get_attribute("id") == f"step-{step_count}", "stepping past the end"
            body.send_keys(Keys.ARROW_LEFT)
            assert visible_step(driver).get_attribute("id") == f"step-{step_count - 1}"
            body.send_keys(Keys.PAGE_UP)
            assert visible_step(driver).get_attribute("id") == f"step-{step_count - 2}"
            print("arrow keys and PageUp/PageDown move between steps")
            requests = requests_made(driver, url)
            assert url in requests, "the page's own load was not seen: the check would see nothing"
            others = [request for request in requests if request != url]
            assert not others, f"the page asked for {others}"
            print("no request but the page itself")
        finally:
            driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

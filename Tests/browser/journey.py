#!/usr/bin/env python3
"""Browser journey: a team sets up Tandem, invites a customer contact, and the
contact signs off the scope in the portal, in Chinese, on a phone-sized window.

    python Tests/browser/journey.py --base-url http://127.0.0.1:8080 --screenshots /tmp/shots

Drives Debian's Chromium through Selenium 4. Prints `browser: 1 passed, 0 failed`
on success, or `browser: 0 passed, 1 failed` (after the URL and the start of the
page source) and exits 1 on failure.
"""

import argparse
import hashlib
import os
import glob
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

# --------------------------------------------------------------------------
# The page contract: every selector the journey relies on lives here.
# --------------------------------------------------------------------------
SEL = {
    # 1. first-run setup
    "setup_form": "form#setup-form",
    # 2. customers
    "new_customer_form": "form#new-customer",
    # 3. contacts on the customer page
    "new_contact_form": "form#new-contact",
    "contacts": "#contacts",
    # 4. new project
    "new_project_form": "form#new-project",
    # 5. project page
    "new_scope_form": "form#new-scope",
    "scope": "#scope",
    "new_milestone_form": "form#new-milestone",
    "milestones": "#milestones",
    "new_work_item_form": "form#new-work-item",
    "work_items": "#work-items",
    "invite_link": "a#invite-link",
    # 6. invitation
    "invite_form": "form#invite-form",
    "invitation_url": "input#invitation-url",
    # 7. customer portal
    "accept_form": "form#accept-invitation",
    "portal_title": "h1",
    "sign_off_form": "form.sign-off-scope",
    "scope_status": "#scope .scope-status",
    "portal_gantt": "figure.chart.gantt object",
    "gantt_critical": ".crit",
    # 8-16. corrections, files, decisions, the phone portal
    "notice": "p.notice#notice",
    "milestone_edit_link": "#milestones article.milestone h3 a.edit-link",
    "edit_milestone_form": "form#edit-milestone",
    "edit_milestone_confirm": "#edit-milestone-confirm",
    "confirm_form": "form#confirm-form",
    "confirm_yes": "#confirm-yes",
    "form_errors_work_item": 'section.form-errors[data-form="new-work-item"]',
    "new_deliverable_form": "form.new-deliverable",
    "upload_form": "#milestones form.upload-file",
    "file_link": "ul.files a.file-link",
    "submit_deliverable_form": '#milestones form[action$="/submit"]',
    "submission": "#milestones .submission",
    "scope_diff": "#scope-diff",
    "request_changes_form": "form.request-changes-scope",
    "signed_by": "#scope .decision.signed-by",
    "accept_deliverable_form": "form.accept-deliverable",
    "decided_by": ".decision.decided-by",
    "scroll_hint": "p.scroll-hint",
    "switch_to_english": 'nav button[lang="en"]',
    # 16-18. the status report, e-mailed and answered
    "draft_report_form": "form#draft-report",
    "report_edit": "#report-edit",
    "publish_report_form": "form#publish-report",
    "confirm_publish": "#confirm-publish-button",
    "report_hash": "#report-hash",
    "report": "#report",
    "feedback_confirm": "#feedback-confirm",
    "confirm_feedback": "#confirm-feedback",
    "feedback_done": "#feedback-done",
    "reports": "#reports",
    # any form's submit control
    "submit": "button[type=submit], input[type=submit]",
}

UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
URL_DASHBOARD = re.compile(r"/dashboard(?:[/?#]|$)")
URL_SETUP = re.compile(r"/setup(?:[/?#]|$)")
URL_CUSTOMER = re.compile(r"/customers/(" + UUID + r")(?:[/?#]|$)")
URL_PROJECT = re.compile(r"/projects/(" + UUID + r")(?:[/?#]|$)")
URL_INVITE = re.compile(r"/projects/" + UUID + r"/invite(?:[/?#]|$)")
URL_NOTICE = re.compile(r"/portal/projects/" + UUID + r"\?done=[a-z]+#notice$")
URL_REPORT = re.compile(r"/status-reports/(" + UUID + r")(?:[/?#]|$)")
URL_PORTAL_PROJECT = re.compile(r"/portal/projects/(" + UUID + r")(?:[/?#]|$)")
SCOPE_VERSION_1 = re.compile(r"(?i)(?:version|ver\.?|v\.?|版本|范围版本)\s*[#:：]?\s*1(?!\d)")
SIGNED_OFF_ZH = "已签署"

# The data the journey enters.
DATA = {
    "workspace": "Tandem Studio",
    "owner_name": "Ada Owner",
    "owner_email": "ada@example.com",
    "owner_password": "correct-horse-battery-staple-42",
    "owner_language": "en",
    "customer_name": "上海星辰科技有限公司",
    "customer_language": "zh-Hans",
    "customer_notes": "Met at the Shanghai expo.\nPrefers WeChat for quick questions.",
    "contact_name": "王小明",
    "contact_email": "xiaoming.wang@example.com",
    "contact_phone": "+86 138 0000 0000",
    "contact_language": "zh-Hans",
    "contact_channel": "email",
    "project_name": "官网改版 Website relaunch",
    "project_tz": "Asia/Shanghai",
    "project_start": "2026-12-01",
    "project_goals": "上线新版官网\nLaunch the bilingual site",
    "project_currency": "CNY",
    "project_budget": "50000",
    "scope_goals": "上线新版官网\nLaunch the bilingual site",
    "scope_in": "首页与产品页设计\nCMS setup",
    "scope_out": "移动应用\nSEO campaign",
    "scope_notes": "Version agreed in the kick-off call.",
    "milestone_name": "设计稿确认",
    "milestone_due": "2026-12-20",
    "milestone_description": "客户确认首页和产品页设计稿。",
    "work_items": [("交互设计", "2026-12-01", "2026-12-04"), ("视觉设计", "2026-12-07", "2026-12-18")],
    # title, start, a due date before the start (refused), the corrected due date
    "refused_item": ("内容迁移", "2026-12-10", "2026-12-01", "2026-12-16"),
    "milestone_far_due": "2020-12-20",
    "milestone_new_due": "2026-12-22",
    "deliverable_name": "首页设计稿",
    "deliverable_criteria": "桌面和手机两种尺寸",
    "deliverable_link": "https://design.example.com/home-v1",
    "deliverable_note": "请查看附件和链接。",
    "file_name": "首页设计稿-v1.pdf",
    "file_bytes": b"%PDF-1.4\n% Tandem journey upload\n" + bytes(range(256)) * 8,
    "scope_v2_line": "博客栏目",
    "change_request_comment": "博客栏目请放到第二期。",
    "scope_v3_line": "新闻栏目",
}

# The portal sections photographed on the phone, in both languages.
SECTIONS = [("#waiting", "waiting"), ("#scope", "scope"), ("figure.chart.gantt", "gantt"), ("#milestones", "milestones"),
            ("section#activity", "activity")]

WAIT_SECONDS = 10


class JourneyFailure(Exception):
    pass


def left(page):
    """A wait condition: the browser has left `page` (its <html> element is gone).

    Selenium's staleness_of only expects StaleElementReferenceException; Chromium sometimes answers a check
    of a node from the previous document with "Node with given id does not belong to the document" instead,
    which also means the page has changed."""
    def gone(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True
    return gone


class Journey:
    def __init__(self, base_url, screenshots, wait_seconds=WAIT_SECONDS, mail_dir=None, jobs_command=None):
        self.base = base_url.rstrip("/")
        self.shots = screenshots
        self.wait_seconds = wait_seconds
        self.shot_no = 0
        self.step = "start"
        self.driver = None  # the browser the current step acts in
        self.team = None
        self.customer = None
        self.profiles = []
        self.mail_dir = mail_dir
        self.jobs_command = jobs_command

    # -- browsers -----------------------------------------------------------
    def new_browser(self, window, extra_args=(), prefs=None):
        profile = tempfile.mkdtemp(prefix="tandem-chrome-")
        self.profiles.append(profile)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                    f"--window-size={window}", f"--user-data-dir={profile}",
                    "--no-first-run", "--disable-gpu", *extra_args):
            options.add_argument(arg)
        if prefs:
            options.add_experimental_option("prefs", prefs)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_page_load_timeout(30)
        return driver

    def close(self):
        for d in (self.customer, self.team):
            if d is not None:
                try:
                    d.quit()
                except Exception:
                    pass
        for p in self.profiles:
            shutil.rmtree(p, ignore_errors=True)

    # -- helpers ------------------------------------------------------------
    def begin(self, step, driver=None):
        self.step = step
        if driver is not None:
            self.driver = driver
        print(f"browser: step {step}", flush=True)

    def wait(self):
        return WebDriverWait(self.driver, self.wait_seconds)

    def until(self, condition, what):
        try:
            return self.wait().until(condition)
        except TimeoutException:
            raise JourneyFailure(f"timed out after {self.wait_seconds}s waiting for {what}") from None

    def el(self, css, within=None):
        if within is None:
            return self.until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)), css)
        try:
            return within.find_element(By.CSS_SELECTOR, css)
        except WebDriverException:
            raise JourneyFailure(f"no element {css!r} inside the form") from None

    def field(self, form, name, tag="*"):
        try:
            return form.find_element(By.CSS_SELECTOR, f'{tag}[name="{name}"]')
        except WebDriverException:
            raise JourneyFailure(f"form has no {tag} field name={name}") from None

    def screenshot(self, label):
        self.shot_no += 1
        path = os.path.join(self.shots, f"{self.shot_no:02d}-{label}.png")
        try:
            self.driver.save_screenshot(path)
        except WebDriverException as e:
            print(f"browser: screenshot {path} failed: {e}", flush=True)

    def get(self, path):
        self.driver.get(path if path.startswith("http") else self.base + path)

    def wait_url(self, pattern, what):
        def matches(d):
            m = pattern.search(d.current_url)
            return m or False
        return self.until(matches, f"the URL to be {what} (pattern {pattern.pattern})")

    def type_into(self, form, name, value, tag="*", clear=True):
        el = self.field(form, name, tag)
        if clear:
            el.clear()
            # clear() does not always empty a field the browser restored or a script filled
            if el.get_attribute("value"):
                self.driver.execute_script("arguments[0].value = '';", el)
        el.send_keys(value)
        return el

    def set_by_js(self, form, name, value):
        el = self.field(form, name)
        self.driver.execute_script(
            "arguments[0].value = arguments[1];"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
            el, value)
        actual = el.get_attribute("value")
        if actual != value:
            raise JourneyFailure(f"field {name} holds {actual!r} after setting {value!r}")
        return el

    def select_value(self, form, name, value):
        select = Select(self.field(form, name, "select"))
        try:
            select.select_by_value(value)
        except WebDriverException:
            values = [o.get_attribute("value") for o in select.options]
            raise JourneyFailure(f"select {name} has no option {value!r}; options: {values}") from None

    def select_text(self, form, name, text):
        select = Select(self.field(form, name, "select"))
        for option in select.options:
            if option.text.strip() == text:
                select.select_by_visible_text(option.text)
                return
        for option in select.options:  # e.g. "王小明 <xiaoming.wang@example.com>"
            if text in option.text:
                option.click()
                return
        texts = [o.text for o in select.options]
        raise JourneyFailure(f"select {name} has no option showing {text!r}; options: {texts}")

    def select_preferred(self, form, name, preferred):
        select = Select(self.field(form, name, "select"))
        values = [o.get_attribute("value") for o in select.options]
        if preferred in values:
            select.select_by_value(preferred)
            return preferred
        for v in values:
            if v:
                select.select_by_value(v)
                return v
        raise JourneyFailure(f"select {name} has no usable option; options: {values}")

    def check(self, form, name):
        box = self.field(form, name, "input")
        if not box.is_selected():
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
            box.click()
        if not box.is_selected():
            raise JourneyFailure(f"checkbox {name} did not become checked")

    def submit(self, form, label):
        """Click the form's own submit button and wait for the next page."""
        self.screenshot(label)
        button = self.el(SEL["submit"], within=form)
        if form.find_elements(By.CSS_SELECTOR, 'input[name="_csrf"]') == []:
            print(f"browser: warning: {label} form has no _csrf input", flush=True)
        page = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
        button.click()
        self.until(left(page), f"the page to change after submitting {label}")
        self.until(lambda d: d.execute_script("return document.readyState") == "complete",
                   "the next page to finish loading")

    def text_of(self, css):
        return self.el(css).text

    def wait_text(self, css, needle, what):
        def has(d):
            try:
                return needle in d.find_element(By.CSS_SELECTOR, css).text
            except WebDriverException:
                return False
        self.until(has, f"{what}: {css} to contain {needle!r}")

    # -- the journey ----------------------------------------------------------
    def run(self):
        self.team = self.new_browser("1280,1000")

        # 1. fresh install → setup → dashboard
        self.begin("1 setup", self.team)
        self.get("/")
        self.wait_url(URL_SETUP, "/setup (a fresh install redirects / there)")
        form = self.el(SEL["setup_form"])
        self.type_into(form, "workspaceName", DATA["workspace"], "input")
        self.type_into(form, "name", DATA["owner_name"], "input")
        self.type_into(form, "email", DATA["owner_email"], "input")
        self.type_into(form, "password", DATA["owner_password"], "input")
        self.select_value(form, "language", DATA["owner_language"])
        self.submit(form, "setup-form")
        self.wait_url(URL_DASHBOARD, "/dashboard after setup")
        self.screenshot("dashboard")

        # 2. a customer
        self.begin("2 customer")
        self.get("/customers")
        form = self.el(SEL["new_customer_form"])
        self.type_into(form, "name", DATA["customer_name"], "input")
        self.select_value(form, "language", DATA["customer_language"])
        self.type_into(form, "notes", DATA["customer_notes"], "textarea")
        self.submit(form, "new-customer")
        m = self.wait_url(URL_CUSTOMER, "/customers/{uuid}")
        customer_id = m.group(1)
        customer_page = self.driver.current_url.split("#")[0]
        self.screenshot("customer")

        # 3. a contact at the customer
        self.begin("3 contact")
        form = self.el(SEL["new_contact_form"])
        self.type_into(form, "name", DATA["contact_name"], "input")
        self.type_into(form, "email", DATA["contact_email"], "input")
        self.type_into(form, "phone", DATA["contact_phone"], "input")
        self.select_value(form, "language", DATA["contact_language"])
        self.select_preferred(form, "preferredChannel", DATA["contact_channel"])
        self.submit(form, "new-contact")
        m = self.wait_url(URL_CUSTOMER, "back on /customers/{uuid}")
        if m.group(1) != customer_id:
            raise JourneyFailure(f"expected to be back on customer {customer_id}, "
                                 f"got {self.driver.current_url} (was {customer_page})")
        self.wait_text(SEL["contacts"], DATA["contact_name"], "the new contact listed")
        self.screenshot("contact")

        # 4. a project for that customer
        self.begin("4 project")
        self.get("/projects/new")
        form = self.el(SEL["new_project_form"])
        self.select_text(form, "customerId", DATA["customer_name"])
        self.type_into(form, "name", DATA["project_name"], "input")
        self.type_into(form, "timeZone", DATA["project_tz"], "input")
        self.set_by_js(form, "startDate", DATA["project_start"])
        self.type_into(form, "goals", DATA["project_goals"], "textarea")
        self.type_into(form, "currency", DATA["project_currency"], "input")
        self.type_into(form, "budget", DATA["project_budget"], "input")
        self.submit(form, "new-project")
        m = self.wait_url(URL_PROJECT, "/projects/{uuid}")
        project_id = m.group(1)
        self.screenshot("project")

        # 5a. scope version 1
        self.begin("5 scope")
        form = self.el(SEL["new_scope_form"])
        self.type_into(form, "goals", DATA["scope_goals"], "textarea")
        self.type_into(form, "inScope", DATA["scope_in"], "textarea")
        self.type_into(form, "outOfScope", DATA["scope_out"], "textarea")
        self.type_into(form, "notes", DATA["scope_notes"], "textarea")
        self.submit(form, "new-scope")
        m = self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
        if m.group(1) != project_id:
            raise JourneyFailure(f"expected project {project_id}, got {self.driver.current_url}")

        def scope_v1(d):
            try:
                return SCOPE_VERSION_1.search(d.find_element(By.CSS_SELECTOR, SEL["scope"]).text)
            except WebDriverException:
                return False
        self.until(scope_v1, f"{SEL['scope']} to show version 1 (pattern {SCOPE_VERSION_1.pattern})")
        self.screenshot("scope")

        # 5b. a customer-visible milestone
        self.begin("5 milestone")
        form = self.el(SEL["new_milestone_form"])
        self.type_into(form, "name", DATA["milestone_name"], "input")
        self.set_by_js(form, "dueDate", DATA["milestone_due"])
        self.type_into(form, "description", DATA["milestone_description"], "textarea")
        self.check(form, "visibleToCustomer")
        self.submit(form, "new-milestone")
        self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
        self.wait_text(SEL["milestones"], DATA["milestone_name"], "the new milestone listed")
        self.screenshot("milestone")

        # 5c. two work items toward the milestone, the second after the first (they form the critical path)
        for index, (title, start, due) in enumerate(DATA["work_items"]):
            self.begin(f"5 work item {index + 1}")
            # the form sits in a <details> that is folded once the plan has items
            self.driver.execute_script(
                "var f = document.querySelector(arguments[0]); if (f) f.closest('details').open = true;",
                SEL["new_work_item_form"])
            form = self.el(SEL["new_work_item_form"])
            self.type_into(form, "title", title, "input")
            self.set_by_js(form, "startDate", start)
            self.set_by_js(form, "dueDate", due)
            self.select_text(form, "milestoneId", DATA["milestone_name"])
            if index > 0:
                self.select_text(form, "dependsOn[]", DATA["work_items"][index - 1][0])
            self.submit(form, "new-work-item")
            self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
            self.wait_text(SEL["work_items"], title, f"work item {title} listed")
        self.screenshot("work-items")

        # 6. invite the contact
        self.begin("6 invite")
        link = self.el(SEL["invite_link"])
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        link.click()
        self.wait_url(URL_INVITE, "/projects/{uuid}/invite")
        form = self.el(SEL["invite_form"])
        self.select_text(form, "contactId", DATA["contact_name"])
        self.check(form, "canApprove")
        self.submit(form, "invite-form")
        url_box = self.until(
            EC.presence_of_element_located((By.CSS_SELECTOR, SEL["invitation_url"])),
            SEL["invitation_url"])
        invitation_url = (url_box.get_attribute("value") or "").strip()
        if not invitation_url.startswith(self.base + "/"):
            raise JourneyFailure(f"invitation URL {invitation_url!r} is not a full URL under {self.base}")
        if url_box.get_attribute("readonly") is None:
            raise JourneyFailure(f"{SEL['invitation_url']} is not readonly")
        self.screenshot("invitation")
        print(f"browser: invitation URL {invitation_url}", flush=True)

        # 7. the contact, in a fresh Chinese phone browser, accepts and signs off
        self.begin("7 portal accept")
        self.customer = self.new_browser(
            "390,844", extra_args=("--lang=zh-CN",),
            prefs={"intl.accept_languages": "zh-CN,zh"})
        self.driver = self.customer
        self.get(invitation_url)
        form = self.el(SEL["accept_form"])
        self.submit(form, "accept-invitation")
        m = self.wait_url(URL_PORTAL_PROJECT, "/portal/projects/{uuid}")
        if m.group(1) != project_id:
            raise JourneyFailure(f"portal shows project {m.group(1)}, expected {project_id}")
        lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if lang != "zh-Hans":
            raise JourneyFailure(f'portal <html lang="{lang}">, expected "zh-Hans"')
        self.wait_text(SEL["portal_title"], DATA["project_name"], "the project name in the portal")
        if DATA["milestone_name"] not in self.driver.find_element(By.TAG_NAME, "body").text:
            raise JourneyFailure(f"portal page does not show the milestone {DATA['milestone_name']!r}")
        gantt = self.el(SEL["portal_gantt"])
        # the chart is an SVG document of its own inside <object>: read it once it has loaded
        chart = self.until(lambda d: d.execute_script(
            "var doc = arguments[0].contentDocument; var svg = doc && doc.querySelector('svg');"
            "return svg ? {text: svg.textContent, critical: svg.querySelectorAll(arguments[1]).length,"
            " width: arguments[0].getBoundingClientRect().width} : null;",
            gantt, SEL["gantt_critical"]), "the Gantt chart document to load")
        if DATA["milestone_name"] not in chart["text"]:
            raise JourneyFailure("the portal's Gantt chart does not show the milestone")
        if chart["critical"] < 1:
            raise JourneyFailure("the portal's Gantt chart marks no critical path")
        if chart["width"] < 200:
            raise JourneyFailure(f"the portal's Gantt chart is only {chart['width']}px wide")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", gantt)
        self.screenshot("portal")

        self.begin("7 portal sign-off")
        form = self.el(SEL["sign_off_form"])
        self.submit(form, "sign-off-scope")
        self.confirm("sign-off v1")
        self.wait_url(URL_NOTICE, "the portal with ?done=…#notice after signing")
        self.wait_text(SEL["notice"], "谢谢", "the thank-you after signing")
        self.wait_text(SEL["scope_status"], SIGNED_OFF_ZH, "the scope signed off")
        self.screenshot("signed-off")

        self.refused_form_keeps_input(project_id)
        self.correct_milestone_date(project_id)
        self.deliverable_with_file(project_id)
        self.scope_change_round(project_id)
        self.acceptance(project_id)
        self.status_report(project_id)
        self.phone_screenshots(project_id)

    # -- issue 8: a workspace people can live in --------------------------------
    def confirm(self, what):
        """The portal asks once before a sign-off or an acceptance: press the confirming button."""
        form = self.el(SEL["confirm_form"])
        self.el(SEL["confirm_yes"], within=form)
        self.submit(form, f"confirm {what}")

    def open_details_of(self, css):
        self.driver.execute_script(
            "var f = document.querySelector(arguments[0]); var d = f && f.closest('details'); if (d) d.open = true;", css)

    def refused_form_keeps_input(self, project_id):
        self.begin("8 refused form keeps its input", self.team)
        self.get(f"/projects/{project_id}")
        self.open_details_of(SEL["new_work_item_form"])
        form = self.el(SEL["new_work_item_form"])
        title = DATA["refused_item"][0]
        self.type_into(form, "title", title, "input")
        self.set_by_js(form, "startDate", DATA["refused_item"][1])
        self.set_by_js(form, "dueDate", DATA["refused_item"][2])  # before the start: refused
        self.submit(form, "work-item-due-before-start")
        self.el(SEL["form_errors_work_item"])
        kept = self.driver.find_element(By.CSS_SELECTOR, "#new-work-item-title").get_attribute("value")
        if kept != title:
            raise JourneyFailure(f"the refused form kept title {kept!r}, expected {title!r}")
        due = self.driver.find_element(By.CSS_SELECTOR, "#new-work-item-dueDate")
        if due.get_attribute("aria-invalid") != "true":
            raise JourneyFailure("the refused due date is not marked aria-invalid")
        message = self.text_of("#new-work-item-dueDate-error")
        if "due date is before the start date" not in message:
            raise JourneyFailure(f"the message next to the due date reads {message!r}")
        self.screenshot("refused-form")
        form = self.el(SEL["new_work_item_form"])
        self.set_by_js(form, "dueDate", DATA["refused_item"][3])
        self.submit(form, "work-item-corrected")
        self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
        self.wait_text(SEL["work_items"], title, "the corrected work item listed")

    def correct_milestone_date(self, project_id):
        self.begin("8 team corrects the milestone date", self.team)
        self.get(f"/projects/{project_id}")
        link = self.el(SEL["milestone_edit_link"])
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        link.click()
        form = self.el(SEL["edit_milestone_form"])
        self.set_by_js(form, "dueDate", DATA["milestone_far_due"])  # a typo: years before the project
        self.submit(form, "milestone-far-date")
        form = self.el(SEL["edit_milestone_form"])
        self.el(SEL["edit_milestone_confirm"])
        kept = self.field(form, "dueDate", "input").get_attribute("value")
        if kept != DATA["milestone_far_due"]:
            raise JourneyFailure(f"the far-date warning kept {kept!r}, expected {DATA['milestone_far_due']!r}")
        self.screenshot("milestone-far-date-warning")
        self.set_by_js(form, "dueDate", DATA["milestone_new_due"])
        self.submit(form, "milestone-corrected")
        self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
        self.wait_text(SEL["milestones"], DATA["milestone_new_due"], "the corrected milestone date")

    def deliverable_with_file(self, project_id):
        self.begin("9 deliverable with a file", self.team)
        self.get(f"/projects/{project_id}")
        self.open_details_of(SEL["new_deliverable_form"])
        form = self.el(SEL["new_deliverable_form"])
        self.type_into(form, "name", DATA["deliverable_name"], "input")
        self.type_into(form, "acceptanceCriteria", DATA["deliverable_criteria"], "textarea")
        self.submit(form, "new-deliverable")
        self.wait_text(SEL["milestones"], DATA["deliverable_name"], "the new deliverable listed")
        path = os.path.join(tempfile.mkdtemp(prefix="tandem-upload-"), DATA["file_name"])
        with open(path, "wb") as f:
            f.write(DATA["file_bytes"])
        form = self.el(SEL["upload_form"])
        self.field(form, "file", "input").send_keys(path)
        self.submit(form, "upload-file")
        link = self.until(EC.presence_of_element_located((By.CSS_SELECTOR, SEL["file_link"])), SEL["file_link"])
        if DATA["file_name"] not in link.text:
            raise JourneyFailure(f"the file link reads {link.text!r}")
        expected = hashlib.sha256(DATA["file_bytes"]).hexdigest()
        if link.get_attribute("data-sha256") != expected:
            raise JourneyFailure(f"the file link carries sha256 {link.get_attribute('data-sha256')}, expected {expected}")
        form = self.el(SEL["submit_deliverable_form"])
        self.type_into(form, "link", DATA["deliverable_link"], "input")
        self.type_into(form, "note", DATA["deliverable_note"], "input")
        self.submit(form, "submit-deliverable")
        self.wait_text(SEL["submission"], DATA["deliverable_note"], "the submitted note on the team page")
        self.screenshot("deliverable-submitted")

    def propose_scope(self, project_id, extra_line, label, drop_line=None):
        """A new version from the form, which starts from the latest one: one in-scope line added (one dropped)."""
        self.get(f"/projects/{project_id}")
        self.open_details_of(SEL["new_scope_form"])
        form = self.el(SEL["new_scope_form"])
        field = self.field(form, "inScope", "textarea")
        self.driver.execute_script(
            "var a = arguments; var lines = a[0].value.split('\\n')"
            ".filter(function (l) { return l.trim() && l.trim() !== a[2]; });"
            "lines.push(a[1]); a[0].value = lines.join('\\n');", field, extra_line, drop_line or "")
        self.submit(form, label)
        self.wait_url(URL_PROJECT, "back on /projects/{uuid}")
        self.wait_text(SEL["scope"], extra_line, f"the proposal with {extra_line!r}")

    def scope_change_round(self, project_id):
        self.begin("10 team proposes scope v2", self.team)
        self.propose_scope(project_id, DATA["scope_v2_line"], "new-scope-v2")

        self.begin("11 customer sees the diff and requests a change", self.customer)
        self.get(f"/portal/projects/{project_id}")
        diff = self.el(SEL["scope_diff"])
        added = [li.text for li in diff.find_elements(By.CSS_SELECTOR, "li.added, li.changed")]
        if not any(DATA["scope_v2_line"] in text for text in added):
            raise JourneyFailure(f"the diff does not mark {DATA['scope_v2_line']!r} as added: {added}")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", diff)
        self.screenshot("portal-scope-diff")
        form = self.el(SEL["request_changes_form"])
        self.type_into(form, "comment", DATA["change_request_comment"], "textarea")
        self.submit(form, "request-changes")
        self.wait_url(URL_NOTICE, "the portal with ?done=changes#notice")
        self.wait_text(SEL["notice"], "谢谢", "the thank-you after requesting changes")

        self.begin("12 team sees the request and proposes v3", self.team)
        self.get(f"/projects/{project_id}")
        self.wait_text(SEL["scope"], DATA["change_request_comment"], "the customer's request on the team page")
        self.propose_scope(project_id, DATA["scope_v3_line"], "new-scope-v3", drop_line=DATA["scope_v2_line"])

        self.begin("13 customer signs v3", self.customer)
        self.get(f"/portal/projects/{project_id}")
        self.wait_text(SEL["scope_diff"], DATA["scope_v3_line"], "the v3 diff")
        form = self.el(SEL["sign_off_form"])
        self.submit(form, "sign-off-v3")
        self.confirm("sign-off v3")
        self.wait_url(URL_NOTICE, "the portal with ?done=signed#notice")
        self.wait_text(SEL["scope_status"], SIGNED_OFF_ZH, "scope v3 signed off")
        self.wait_text(SEL["signed_by"], DATA["contact_name"], "who signed v3")
        self.screenshot("portal-v3-signed")

    def acceptance(self, project_id):
        self.begin("14 customer accepts the deliverable", self.customer)
        self.get(f"/portal/projects/{project_id}")
        link = self.el(SEL["file_link"])
        if DATA["file_name"] not in link.text:
            raise JourneyFailure(f"the portal's file link reads {link.text!r}")
        form = self.el(SEL["accept_deliverable_form"])
        self.submit(form, "accept-deliverable")
        self.confirm("acceptance")
        self.wait_url(URL_NOTICE, "the portal with ?done=accepted#notice")
        self.wait_text(SEL["decided_by"], DATA["contact_name"], "who accepted, in the portal")
        self.screenshot("portal-accepted")

        self.begin("15 the team sees who accepted and when", self.team)
        self.get(f"/projects/{project_id}")
        self.wait_text(SEL["decided_by"], DATA["contact_name"], "who accepted, on the team page")
        record = self.text_of(SEL["decided_by"])
        if not re.search(r"\d{4}-\d{2}-\d{2}", record):
            raise JourneyFailure(f"the team page's record {record!r} does not say when")
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center'});", self.el(SEL["decided_by"]))
        self.screenshot("team-accepted")

    # -- issue 9: the communication loop -----------------------------------------
    def status_report(self, project_id):
        self.begin("16 team drafts and publishes a status report", self.team)
        self.get(f"/projects/{project_id}")
        self.submit(self.el(SEL["draft_report_form"]), "draft-report")
        self.wait_url(URL_REPORT, "the drafted report's page")
        self.el(SEL["report_edit"])
        self.screenshot("report-draft")
        self.submit(self.el(SEL["publish_report_form"]), "publish-report")
        button = self.el(SEL["confirm_publish"])
        self.submit(button.find_element(By.XPATH, "./ancestor::form"), "confirm-publish")
        self.el(SEL["report_hash"])
        self.screenshot("report-published")

        self.begin("17 the customer opens the e-mailed link on a phone and says it looks good, in Chinese", self.customer)
        mail = self.wait_mail(DATA["contact_email"], "/feedback/")
        links = re.findall(r"https?://\S+/feedback/[^\s<>\"]+", mail.get("text") or "")
        if not links:
            raise JourneyFailure(f"the report e-mail to {DATA['contact_email']} has no one-click link: {(mail.get('text') or '')[:500]!r}")
        self.driver.get(links[0])  # the first link is "looks good"
        self.el(SEL["feedback_confirm"])
        report = self.el(SEL["report"])
        if report.get_attribute("lang") != "zh-Hans":
            raise JourneyFailure(f'the e-mailed report reads in {report.get_attribute("lang")!r}, expected Chinese')
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        viewport = self.driver.execute_script("return window.innerWidth")
        if width > viewport + 1:
            raise JourneyFailure(f"the report page is {width}px wide on a {viewport}px phone")
        self.screenshot("phone-report-link")
        button = self.el(SEL["confirm_feedback"])
        self.submit(button.find_element(By.XPATH, "./ancestor::form"), "confirm-feedback")
        self.el(SEL["feedback_done"])
        self.screenshot("phone-report-acknowledged")

        self.begin("18 the team sees the acknowledgement on the project page", self.team)
        self.get(f"/projects/{project_id}")
        self.wait_text(SEL["reports"], DATA["contact_name"], "who acknowledged the report")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", self.el(SEL["reports"]))
        self.screenshot("team-report-acknowledged")

    def wait_mail(self, recipient, needle):
        """The e-mail to `recipient` containing `needle`, as the SMTP server on loopback received it. The jobs run in a
        separate process beside the server (`tandem jobs run`), as cron would, so the outbox delivers at once."""
        if not self.mail_dir:
            raise JourneyFailure("no --mail-dir: this step needs the SMTP server the CI starts")
        deadline = time.monotonic() + 60
        while True:
            if self.jobs_command:
                subprocess.run(shlex.split(self.jobs_command), check=True, stdout=subprocess.DEVNULL, timeout=60)
            for path in sorted(glob.glob(os.path.join(self.mail_dir, "*.json"))):
                with open(path, encoding="utf-8") as f:
                    mail = json.load(f)
                if recipient in mail.get("rcpt_tos", []) and needle in (mail.get("text") or ""):
                    return mail
            if time.monotonic() > deadline:
                raise JourneyFailure(f"no e-mail to {recipient} with {needle!r} arrived in {self.mail_dir}")
            time.sleep(1)

    def portal_shots(self, project_id, language):
        """The portal page on the phone, section by section."""
        self.get(f"/portal/projects/{project_id}")
        lang = self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
        if lang != language:
            raise JourneyFailure(f'portal <html lang="{lang}">, expected "{language}"')
        width = self.driver.execute_script("return document.documentElement.scrollWidth")
        viewport = self.driver.execute_script("return window.innerWidth")
        if width > viewport + 1:
            raise JourneyFailure(f"the portal page is {width}px wide on a {viewport}px phone (it scrolls sideways)")
        self.screenshot(f"phone-{language}-top")
        for css, label in SECTIONS:
            found = self.driver.find_elements(By.CSS_SELECTOR, css)
            if not found:
                raise JourneyFailure(f"the portal has no {css}")
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", found[0])
            time.sleep(0.3)
            self.screenshot(f"phone-{language}-{label}")

    def phone_screenshots(self, project_id):
        self.begin("19 the whole plan on a phone, in Chinese and English", self.customer)
        self.get(f"/portal/projects/{project_id}")
        gantt = self.el(SEL["portal_gantt"])
        data = gantt.get_attribute("data") or ""
        if "zoom=" not in data:
            raise JourneyFailure(f"the portal's Gantt opens without a scale chosen for the phone: {data!r}")
        self.el(SEL["scroll_hint"])
        self.portal_shots(project_id, "zh-Hans")
        switch = self.el(SEL["switch_to_english"])
        page = self.driver.find_element(By.TAG_NAME, "html")
        switch.click()
        self.until(left(page), "the page to change after switching to English")
        self.portal_shots(project_id, "en")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--screenshots", default=None,
                        help="directory for one PNG per step (default: a new temp dir)")
    parser.add_argument("--mail-dir", default=None,
                        help="where the SMTP server on loopback (Tests/smtp/server.py) writes what it receives")
    parser.add_argument("--jobs-command", default=None,
                        help="runs the due jobs once beside the server, e.g. 'tandem jobs run' with the server's environment")
    parser.add_argument("--wait", type=float, default=WAIT_SECONDS,
                        help="seconds for each explicit wait (default %(default)s)")
    args = parser.parse_args()

    shots = args.screenshots or tempfile.mkdtemp(prefix="tandem-shots-")
    os.makedirs(shots, exist_ok=True)
    print(f"browser: screenshots in {shots}", flush=True)

    journey = Journey(args.base_url, shots, args.wait, mail_dir=args.mail_dir, jobs_command=args.jobs_command)
    started = time.monotonic()
    ok = False
    try:
        journey.run()
        ok = True
    except Exception as e:  # JourneyFailure, WebDriverException, anything
        print(f"browser: FAILED at step {journey.step}: {type(e).__name__}: {e}", flush=True)
        if not isinstance(e, JourneyFailure):
            traceback.print_exc()
        d = journey.driver
        if d is not None:
            try:
                journey.screenshot("failure")
                print(f"browser: current URL: {d.current_url}")
                print("browser: page source (first 3000 chars):")
                print(d.page_source[:3000])
                body = d.find_elements(By.TAG_NAME, "body")
                if body:
                    print("browser: visible text (first 1500 chars):")
                    print(body[0].text[:1500])
            except Exception as e2:
                print(f"browser: could not read the page: {e2}")
    finally:
        journey.close()
    print(f"browser: journey took {time.monotonic() - started:.1f}s", flush=True)
    print("browser: 1 passed, 0 failed" if ok else "browser: 0 passed, 1 failed", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

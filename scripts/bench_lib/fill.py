#!/usr/bin/env python3
"""Benchmark helper: wait for a fresh Tandem server and fill it with a workspace.

Standard library only; every request goes to the server's own loopback address.

  fill.py wait-health --base URL --start-ns NS --pid PID [--timeout S]
      Polls GET /health in a tight loop, prints the ms from NS (process start) to the first 200.
  fill.py fill --base URL --state FILE
      Fills a workspace through the JSON API and signs in browser sessions for the HTML pages.
      Writes FILE (JSON) with ids, tokens, cookies and notes; a failed step leaves its fields
      out and adds a note instead of aborting.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html.parser
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

SESSION_COOKIE = "tandem_session"
PASSWORD = "bench-password-123"
MAX_RETRIES_429 = 5


class Client:
    """A tiny keep-alive HTTP client pinned to one loopback origin (one connection per thread)."""

    def __init__(self, base: str, timeout: float = 30.0):
        parts = urllib.parse.urlsplit(base)
        if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"refusing non-loopback base URL {base!r}")
        self.base = base.rstrip("/")
        self.host = parts.hostname
        self.port = parts.port or 80
        self.timeout = timeout
        self._local = threading.local()
        self.throttled = 0  # how many 429 answers we waited out

    def _conn(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._local.conn = conn
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
        self._local.conn = None

    def path_of(self, url_or_path: str) -> str:
        """Keeps only path and query, so a URL the server hands out is always sent to our origin."""
        parts = urllib.parse.urlsplit(url_or_path)
        path = parts.path or "/"
        return path + ("?" + parts.query if parts.query else "")

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, list[str]], bytes]:
        path = self.path_of(path)
        hdrs = dict(headers or {})
        for attempt in range(MAX_RETRIES_429 + 1):
            for reconnect in (False, True):
                conn = self._conn()
                try:
                    conn.request(method, path, body=body, headers=hdrs)
                    resp = conn.getresponse()
                    data = resp.read()
                    break
                except (http.client.HTTPException, ConnectionError, TimeoutError, OSError):
                    self._drop()
                    if reconnect:
                        raise
            got: dict[str, list[str]] = {}
            for k, v in resp.getheaders():
                got.setdefault(k.lower(), []).append(v)
            if resp.will_close:
                self._drop()
            if resp.status == 429 and attempt < MAX_RETRIES_429:
                self.throttled += 1
                try:
                    wait = float(got.get("retry-after", ["1"])[0])
                except ValueError:
                    wait = 1.0
                time.sleep(min(max(wait, 0.1), 10.0))
                continue
            return resp.status, got, data
        raise AssertionError("unreachable")

    def json(self, method: str, path: str, payload=None, token: str | None = None):
        headers = {"Accept": "application/json"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        status, _, data = self.request(method, path, body, headers)
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
        return status, parsed, data


class ApiError(Exception):
    pass


def snippet(raw: bytes, limit: int = 160) -> str:
    """The start of an answer body on one line, for notes."""
    return " ".join(raw[:400].decode(errors="replace").split())[:limit]


def expect(client: Client, method: str, path: str, payload=None, token=None, ok=(200, 201)):
    status, parsed, raw = client.json(method, path, payload, token)
    if status not in ok:
        raise ApiError(f"{method} {path} answered {status}: {snippet(raw)}")
    return parsed


# ---------------------------------------------------------------- startup time

def wait_health(base: str, start_ns: int, pid: int, timeout: float) -> int:
    client = Client(base, timeout=1.0)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, _, _ = client.request("GET", "/health")
            if status == 200:
                elapsed_ms = (time.time_ns() - start_ns) / 1e6
                print(f"{elapsed_ms:.0f}")
                return 0
        except OSError:
            pass
        if pid and not os.path.exists(f"/proc/{pid}"):
            print(f"server process {pid} exited before answering /health", file=sys.stderr)
            return 2
        time.sleep(0.002)
    print(f"no 200 from {base}/health within {timeout:.0f} s", file=sys.stderr)
    return 1


# ---------------------------------------------------------------- HTML forms

class FormParser(html.parser.HTMLParser):
    """Collects forms: id, action, method and their named inputs (with values)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._current = {"id": a.get("id", ""), "action": a.get("action", ""),
                             "method": a.get("method", "get").lower(), "inputs": [],
                             "classes": a.get("class", "")}
            self.forms.append(self._current)
        elif tag in ("input", "button") and self._current is not None and a.get("name"):
            self._current["inputs"].append({"name": a["name"], "type": a.get("type", "text").lower(),
                                            "value": a.get("value", "")})

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def parse_forms(page: bytes) -> list[dict]:
    p = FormParser()
    p.feed(page.decode("utf-8", errors="replace"))
    return p.forms


def cookies_from(headers: dict[str, list[str]]) -> dict[str, str]:
    jar = {}
    for line in headers.get("set-cookie", []):
        first = line.split(";", 1)[0]
        if "=" in first:
            k, v = first.split("=", 1)
            jar[k.strip()] = v.strip()
    return jar


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def submit_form(client: Client, page_path: str, form: dict, fields: dict[str, str],
                jar: dict[str, str]) -> tuple[int, dict[str, list[str]], bytes]:
    """Posts a form as a browser would (hidden inputs + given fields, Origin and Referer)."""
    data = [(i["name"], i["value"]) for i in form["inputs"]
            if i["type"] == "hidden" and i["name"] not in fields]
    data += list(fields.items())
    action = form["action"] or page_path
    action = urllib.parse.urljoin(client.base + page_path, action)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "text/html",
        "Origin": client.base,
        "Referer": client.base + page_path,
        "Sec-Fetch-Site": "same-origin",
        "Cookie": cookie_header(jar),
    }
    method = "POST" if form["method"] != "get" else "GET"
    status, hdrs, body = client.request(method, action, urllib.parse.urlencode(data).encode(), headers)
    jar.update(cookies_from(hdrs))
    return status, hdrs, body


def browser_get(client: Client, path: str, jar: dict[str, str]):
    headers = {"Accept": "text/html", "Sec-Fetch-Site": "same-origin"}
    if jar:
        headers["Cookie"] = cookie_header(jar)
    status, hdrs, body = client.request("GET", path, None, headers)
    jar.update(cookies_from(hdrs))
    return status, hdrs, body


def follow(client: Client, status: int, hdrs, jar, hops: int = 3):
    """Follows up to `hops` redirects with GET, as a browser does after a form post."""
    for _ in range(hops):
        if status not in (301, 302, 303, 307, 308) or not hdrs.get("location"):
            break
        status, hdrs, _ = browser_get(client, hdrs["location"][0], jar)
    return status


def page_session_signin(client: Client, email: str, password: str) -> str:
    jar: dict[str, str] = {}
    status, _, page = browser_get(client, "/signin", jar)
    if status != 200:
        raise ApiError(f"GET /signin answered {status}")
    forms = [f for f in parse_forms(page) if any(i["type"] == "password" for i in f["inputs"])]
    if not forms:
        raise ApiError("GET /signin has no form with a password input")
    form = forms[0]
    if not any(i["name"] == "_csrf" for i in form["inputs"]):
        print("note: the sign-in form has no _csrf input", file=sys.stderr)
    status, hdrs, _ = submit_form(client, "/signin", form, {"email": email, "password": password}, jar)
    follow(client, status, hdrs, jar)
    if status >= 400:
        raise ApiError(f"POST /signin answered {status}")
    if SESSION_COOKIE not in jar:
        raise ApiError(f"POST /signin answered {status} without a {SESSION_COOKIE} cookie")
    return jar[SESSION_COOKIE]


def page_session_invitation(client: Client, url: str) -> str:
    jar: dict[str, str] = {}
    path = client.path_of(url)
    status, _, page = browser_get(client, path, jar)
    if status != 200:
        raise ApiError(f"GET {path} (invitation page) answered {status}")
    forms = [f for f in parse_forms(page) if f["id"] == "accept-invitation"]
    if not forms:
        raise ApiError("the invitation page has no form#accept-invitation")
    status, hdrs, _ = submit_form(client, path, forms[0], {}, jar)
    follow(client, status, hdrs, jar)
    if status >= 400:
        raise ApiError(f"POST of form#accept-invitation answered {status}")
    if SESSION_COOKIE not in jar:
        raise ApiError(f"accepting the invitation answered {status} without a {SESSION_COOKIE} cookie")
    return jar[SESSION_COOKIE]


# ---------------------------------------------------------------- fill

def plan_work_items(n: int, batch: int, milestone_id: str | None, seed: int = 7) -> list[list[dict]]:
    """Batches of work item bodies. Dependencies point only at items of earlier batches
    (so each batch can be sent in parallel), at most 2 per item, sparse, hence acyclic.
    `dependsOn` holds indexes here; they are mapped to ids when the batch is sent."""
    rng = random.Random(seed)
    base = dt.date(2026, 1, 5)
    batches: list[list[dict]] = []
    for b in range(0, (n + batch - 1) // batch):
        rows = []
        for i in range(b * batch, min(n, (b + 1) * batch)):
            start = base + dt.timedelta(days=7 * b + i % 3)
            due = start + dt.timedelta(days=1 + i % 4)
            deps: list[int] = []
            if b > 0 and rng.random() < 0.45:
                k = 1 if rng.random() < 0.7 else 2
                lo = max(0, (b - 2) * batch)
                deps = sorted(set(rng.randrange(lo, b * batch) for _ in range(k)))
            body = {
                "title": f"Bench item {i + 1}",
                "startDate": start.isoformat(),
                "dueDate": due.isoformat(),
                "dependsOn": deps,
                "visibleToCustomer": i % 10 != 9,
                "estimateHours": 1 + i % 16,
            }
            if milestone_id and i % 10 == 0:
                body["milestoneId"] = milestone_id
            rows.append(body)
        batches.append(rows)
    return batches


def fill(base: str, state_path: str, projects: int, items: int, threads: int) -> int:
    client = Client(base)
    state: dict = {"base": base, "notes": []}
    note = state["notes"].append

    def save():
        with open(state_path, "w") as fh:
            json.dump(state, fh, indent=2)

    t0 = time.monotonic()
    try:
        email = "owner@bench.example"
        setup = expect(client, "POST", "/api/v1/setup", {
            "workspaceName": "Bench workspace", "name": "Bench Owner", "email": email,
            "password": PASSWORD, "language": "en"})
        token = setup["token"]
        state.update(owner_token=token, owner_email=email)
        customer = expect(client, "POST", "/api/v1/customers",
                          {"name": "Bench Customer", "language": "en"}, token)
        contact = expect(client, "POST", f"/api/v1/customers/{customer['id']}/contacts",
                         {"name": "Bench Contact", "email": "contact@bench.example", "language": "en"}, token)
        state.update(customer_id=customer["id"], contact_id=contact["id"])
        project_ids = []
        for p in range(projects):
            proj = expect(client, "POST", "/api/v1/projects", {
                "customerId": customer["id"], "name": f"Bench project {p + 1}",
                "timeZone": "Asia/Shanghai", "startDate": "2026-01-05",
                "goals": [f"Deliver bench scope {p + 1}"]}, token)
            project_ids.append(proj["id"])
        big = project_ids[0]
        state.update(big_project_id=big, project_count=len(project_ids))
    except (ApiError, KeyError, TypeError, OSError) as e:
        note(f"fill stopped before any work item: {e}")
        save()
        print(f"fill: {e}", file=sys.stderr)
        return 1
    save()

    milestone_id = None
    try:
        ms = expect(client, "POST", f"/api/v1/projects/{big}/milestones",
                    {"name": "Bench milestone", "dueDate": "2026-03-31", "visibleToCustomer": True}, token)
        milestone_id = ms["id"]
        state["milestone_id"] = milestone_id
    except (ApiError, KeyError, TypeError) as e:
        note(f"milestone not created ({e}); work items go without milestoneId")

    ids: list[str | None] = []
    failures: list[str] = []
    lock = threading.Lock()

    def send(body: dict) -> str | None:
        try:
            item = expect(client, "POST", f"/api/v1/projects/{big}/work-items", body, token)
            return item["id"]
        except (ApiError, KeyError, TypeError, OSError) as e:
            with lock:
                failures.append(str(e))
            return None

    t_items = time.monotonic()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for batch in plan_work_items(items, 200, milestone_id):
            bodies = []
            for body in batch:
                deps = [ids[d] for d in body["dependsOn"] if ids[d] is not None]
                bodies.append(dict(body, dependsOn=deps))
            ids.extend(pool.map(send, bodies))
            if len(failures) > 50:
                break
    created = [i for i in ids if i]
    state.update(work_item_ids=created, work_items_created=len(created),
                 work_items_seconds=round(time.monotonic() - t_items, 1))
    if failures:
        note(f"{len(failures)} of {len(ids)} work item creates failed; first: {failures[0]}")
    if client.throttled:
        note(f"the server throttled the fill {client.throttled} times (429)")
    save()

    status, parsed, raw = client.json("POST", f"/api/v1/projects/{big}/baselines", {"name": "Bench baseline"}, token)
    if status in (200, 201) and isinstance(parsed, dict):
        state["baseline_id"] = parsed.get("id")
    elif status == 404:
        note("POST /api/v1/projects/{id}/baselines answered 404 (no baseline)")
    else:
        note(f"POST baselines answered {status}: {snippet(raw)}")

    # A contact bearer token through the API, and a portal session through the invitation page.
    try:
        inv = expect(client, "POST", f"/api/v1/projects/{big}/invitations",
                     {"contactId": contact["id"], "canApprove": True}, token)
        accepted = expect(client, "POST", "/api/v1/auth/invitations/accept", {"token": inv["token"]})
        state["contact_token"] = accepted["token"]
        st, me, _ = client.json("GET", "/api/v1/me", None, accepted["token"])
        if st != 200 or not isinstance(me, dict) or me.get("kind") != "contact":
            note(f"GET /api/v1/me with the contact token answered {st} {me!r:.120}")
    except (ApiError, KeyError, TypeError) as e:
        note(f"contact token: {e}")

    try:
        state["member_cookie"] = page_session_signin(client, email, PASSWORD)
    except (ApiError, OSError) as e:
        note(f"member page session: {e}")

    try:
        inv2 = expect(client, "POST", f"/api/v1/projects/{big}/invitations",
                      {"contactId": contact["id"], "canApprove": True}, token)
        state["contact_cookie"] = page_session_invitation(client, inv2["url"])
    except (ApiError, KeyError, TypeError, OSError) as e:
        note(f"portal page session: {e}")

    state["fill_seconds"] = round(time.monotonic() - t0, 1)
    save()
    print(f"fill: {len(project_ids)} projects, {len(created)} work items in the big project "
          f"({state['work_items_seconds']} s), total {state['fill_seconds']} s")
    for n in state["notes"]:
        print(f"fill note: {n}")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("wait-health")
    w.add_argument("--base", required=True)
    w.add_argument("--start-ns", type=int, required=True)
    w.add_argument("--pid", type=int, default=0)
    w.add_argument("--timeout", type=float, default=60.0)
    f = sub.add_parser("fill")
    f.add_argument("--base", required=True)
    f.add_argument("--state", required=True)
    f.add_argument("--projects", type=int, default=50)
    f.add_argument("--items", type=int, default=2000)
    f.add_argument("--threads", type=int, default=8)
    a = ap.parse_args(argv)
    if a.cmd == "wait-health":
        return wait_health(a.base, a.start_ns, a.pid, a.timeout)
    return fill(a.base, a.state, a.projects, a.items, a.threads)


if __name__ == "__main__":
    sys.exit(main())

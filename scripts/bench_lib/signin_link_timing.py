#!/usr/bin/env python3
"""Times POST /api/v1/auth/sign-in-links for known and unknown addresses against a running Tandem.

A benchmark, not a test: it prints median and p90 latency of each kind, interleaved so that load on the
machine hits both alike. The server must trust 127.0.0.1 as a proxy (TANDEM_TRUSTED_PROXIES=127.0.0.1) so
that each request can come from its own client address (X-Forwarded-For) and the per-client limit is
not what is measured; each address is asked at most 5 times (the per-address limit).

    signin_link_timing.py --base-url http://127.0.0.1:PORT [--addresses 30]
All traffic goes to the given loopback server only.
"""
import argparse, json, statistics, time, urllib.request, uuid


def call(base, path, body, token=None, client=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if client:
        request.add_header("X-Forwarded-For", client)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            payload = reply.read()
            status = reply.status
    except urllib.error.HTTPError as error:
        payload, status = error.read(), error.code
    return status, (json.loads(payload) if payload else {}), time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--addresses", type=int, default=30)
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    if not base.startswith(("http://127.", "http://localhost")):
        raise SystemExit("loopback servers only")
    status, setup, _ = call(base, "/api/v1/setup", {"workspaceName": "Timing", "name": "Owner", "email": "owner@timing.test",
                                                     "password": "timing-password", "language": "en"})
    if status != 201:
        raise SystemExit(f"setup failed: {status} {setup}")
    owner = setup["token"]
    _, customer, _ = call(base, "/api/v1/customers", {"name": "Customer", "language": "en"}, owner)
    _, project, _ = call(base, "/api/v1/projects", {"customerId": customer["id"], "name": "P", "timeZone": "UTC",
                                                    "startDate": "2026-12-01", "goals": ["g"]}, owner)
    known = []
    for index in range(args.addresses):
        email = f"known{index}@timing.test"
        _, contact, _ = call(base, f"/api/v1/customers/{customer['id']}/contacts", {"name": f"K{index}", "email": email}, owner)
        _, invitation, _ = call(base, f"/api/v1/projects/{project['id']}/invitations", {"contactId": contact["id"], "canApprove": False}, owner)
        call(base, "/api/v1/auth/invitations/accept", {"token": invitation["token"]})
        known.append(email)
    unknown = [f"nobody{index}-{uuid.uuid4().hex[:6]}@timing.test" for index in range(args.addresses)]
    times = {"known": [], "unknown": []}
    statuses = set()
    for round_ in range(5):
        for index in range(args.addresses):
            for kind, email in (("known", known[index]), ("unknown", unknown[index])):
                client = f"198.51.{round_}.{index + 1}" if kind == "known" else f"203.0.{round_}.{index + 1}"
                status, _, seconds = call(base, "/api/v1/auth/sign-in-links", {"email": email}, client=client)
                statuses.add(status)
                times[kind].append(seconds * 1000)
    for kind, values in times.items():
        values.sort()
        print(f"{kind}: n={len(values)} median {statistics.median(values):.2f} ms p90 {values[int(len(values) * 0.9) - 1]:.2f} ms")
    print("statuses:", sorted(statuses))


if __name__ == "__main__":
    main()

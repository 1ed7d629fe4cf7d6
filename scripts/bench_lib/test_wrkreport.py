"""Unit check of the wrk output parser and the report on wrk 4.1 output captured here
(against python's http.server and a deliberately flaky server). Run: python3 -m unittest scripts/bench_lib/test_wrkreport.py"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wrkreport  # noqa: E402

OK = """\
Running 2s test @ http://127.0.0.1:18080/
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.04ms    1.90ms  19.32ms   78.22%
    Req/Sec   674.60     93.00     0.89k    65.00%
  Latency Distribution
     50%    2.37ms
     75%    3.89ms
     90%    5.67ms
     99%    9.10ms
  2688 requests in 2.00s, 491.05KB read
Requests/sec:   1341.18
Transfer/sec:    245.01KB
"""

NOT_FOUND = """\
Running 2s test @ http://127.0.0.1:18080/missing
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.03ms    7.21ms  55.43ms   92.78%
    Req/Sec   567.33    185.71     0.87k    75.00%
  Latency Distribution
     50%    2.60ms
     75%    5.37ms
     90%    9.05ms
     99%   43.24ms
  2263 requests in 2.01s, 1.12MB read
  Non-2xx or 3xx responses: 2263
Requests/sec:   1128.66
Transfer/sec:    573.15KB
"""

FLAKY = """\
Running 3s test @ http://127.0.0.1:18081/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.72ms   13.69ms  52.06ms   89.22%
    Req/Sec    71.51     31.94   140.00     71.93%
  Latency Distribution
     50%   44.00ms
     75%   47.84ms
     90%   48.01ms
     99%   50.59ms
  410 requests in 3.02s, 46.72KB read
  Socket errors: connect 0, read 38, write 0, timeout 2
  Non-2xx or 3xx responses: 54
Requests/sec:    135.83
Transfer/sec:     15.48KB
"""

NOTHING_COMPLETED = """\
Running 10s test @ http://127.0.0.1:51827/projects/P1
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 10.08s, 0.00B read
Requests/sec:      0.00
Transfer/sec:       0.00B
"""

SLOW_UNITS = """\
Running 10s test @ http://127.0.0.1:8080/x
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   850.00us    1.20s     2.00m    99.00%
    Req/Sec     1.20k   100.00     1.50k    70.00%
  Latency Distribution
     50%  612.00us
     75%    1.10ms
     90%    2.00ms
     99%    1.50s
  24000 requests in 10.00s, 3.00MB read
Requests/sec:   2.40k
Transfer/sec:    300.00KB
BENCH_STATUS created=23990 other=10
"""


class ParseWrk(unittest.TestCase):
    def test_clean_run(self):
        r = wrkreport.parse_wrk(OK)
        self.assertEqual(r["requests"], 2688)
        self.assertAlmostEqual(r["seconds"], 2.0)
        self.assertAlmostEqual(r["rps"], 1341.18)
        self.assertAlmostEqual(r["p50_ms"], 2.37)
        self.assertAlmostEqual(r["p99_ms"], 9.10)
        self.assertAlmostEqual(r["max_ms"], 19.32)
        self.assertEqual(r["errors"], 0)
        self.assertEqual(wrkreport.errors_text(r), "0")

    def test_non_2xx(self):
        r = wrkreport.parse_wrk(NOT_FOUND)
        self.assertEqual(r["non2xx"], 2263)
        self.assertEqual(r["errors"], 2263)
        self.assertAlmostEqual(r["p99_ms"], 43.24)

    def test_socket_errors(self):
        r = wrkreport.parse_wrk(FLAKY)
        self.assertEqual(r["socket"], {"connect": 0, "read": 38, "write": 0, "timeout": 2})
        self.assertEqual(r["non2xx"], 54)
        self.assertEqual(r["errors"], 94)
        self.assertEqual(wrkreport.errors_text(r), "54 non-2xx, 38 read, 2 timeout")

    def test_units_and_lua_line(self):
        r = wrkreport.parse_wrk(SLOW_UNITS)
        self.assertAlmostEqual(r["p50_ms"], 0.612)
        self.assertAlmostEqual(r["p99_ms"], 1500.0)
        self.assertAlmostEqual(r["max_ms"], 120000.0)
        self.assertAlmostEqual(r["rps"], 2400.0)
        self.assertEqual(r["lua"], {"created": 23990, "other": 10})

    def test_nothing_completed(self):
        r = wrkreport.parse_wrk(NOTHING_COMPLETED)
        self.assertTrue(r["stalled"])
        self.assertIsNone(r["p99_ms"])
        self.assertEqual(wrkreport.errors_text(r), "no answer completed in 10 s")
        text = wrkreport.build_report(
            {"seconds": 10, "rows": [dict(r, key="page_project", label="page")]}, None, None, None, {})
        self.assertIn("| page | 0 | — | — | no answer completed in 10 s | p99 < 25 ms | **NO** |", text)

    def test_only_timeouts_have_no_latency(self):
        text = NOTHING_COMPLETED.replace("  0 requests in", "  32 requests in").replace(
            "Transfer/sec", "  Socket errors: connect 0, read 0, write 0, timeout 32\nTransfer/sec")
        r = wrkreport.parse_wrk(text)
        self.assertFalse(r.get("stalled"))
        self.assertIsNone(r["p50_ms"])
        self.assertEqual(wrkreport.errors_text(r), "32 timeout")

    def test_missing_summary(self):
        with self.assertRaises(ValueError):
            wrkreport.parse_wrk("unable to connect to 127.0.0.1:18099 Connection refused\n")


class Report(unittest.TestCase):
    def results(self):
        health = dict(wrkreport.parse_wrk(OK), key="health", label="GET /health")
        lst = dict(wrkreport.parse_wrk(OK), key="api_list", label="list")
        page = dict(wrkreport.parse_wrk(FLAKY), key="page_project", label="page")
        portal = {"key": "page_portal", "label": "portal", "skip": "answers 404"}
        return {"seconds": 2, "rows": [health, lst, page, portal], "fill_notes": ["x"]}

    def test_goals(self):
        text = wrkreport.build_report(self.results(), 250.0, 80 * 1024, None, {"date": "today"})
        self.assertIn("| list | 1,341 | 2.37 ms | 9.10 ms | 0 |", text)
        self.assertIn("| **NO** |", text)  # list below 1,900 req/s, page p99 50 ms with errors
        self.assertIn("| portal | not measured: answers 404 |", text)
        self.assertIn("| 0.25 s | ≤ 0.3 s | yes |", text)
        self.assertIn("| 80 MB | < 100 MB | yes |", text)

    def test_planning_lines(self):
        rows = wrkreport.parse_planning(
            "schedule_5000: median 4.1 ms p99 5.0 ms\ngantt_5000: median 60 ms p99 70 ms\n"
            "gantt_svg_5000: 812 KB\nwarming up\n"
            "gantt_2000: median 14.63 ms p99 19.89 ms size 1116231 bytes\n"
            "gantt_9000: median 14.63 ms p99 19.89 ms size 1616231 bytes\n")
        self.assertEqual([(r["name"], r.get("met")) for r in rows],
                         [("schedule_5000", True), ("gantt_5000", False), ("gantt_svg_5000", True),
                          ("gantt_2000", True), ("gantt_9000", False)])
        self.assertEqual(rows[3]["goal"], "< 50 ms; SVG < 1.5 MB")

    def test_markdown_section_is_replaced(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "B.md")
            wrkreport.write_markdown(path, "first\n")
            with open(path, "a") as fh:
                fh.write("\nHand-written notes.\n")
            wrkreport.write_markdown(path, "second\n")
            text = open(path).read()
            self.assertNotIn("first", text)
            self.assertIn("second", text)
            self.assertIn("Hand-written notes.", text)
            self.assertEqual(text.count(wrkreport.BEGIN), 1)


if __name__ == "__main__":
    unittest.main()

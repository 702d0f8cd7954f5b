#!/usr/bin/env python3
"""Staleness of cached seat reads (benches/seats.sh): holds a free seat through one server
(`writer`, which does not cache), then reads the held seats from another (`reader`, whose seat
cache follows the change stream) until the seat is there: the time from the hold's answer to
the first read that shows it. Prints one JSON line: samples, p50/p99/max in ms.

Usage: stale.py WRITER READER KEY EVENT SAMPLES PER_ROW
"""
import http.client
import json
import sys
import time
import urllib.parse


def connect(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=10)


def main():
    writer, reader, key, event, samples, per_row = sys.argv[1:7]
    samples, per_row = int(samples), int(per_row)
    auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    w, r = connect(writer), connect(reader)
    # Fill the reader's cache first: staleness is about a cache already serving.
    r.request("GET", f"/v1/events/{event}/seats?status=held", headers=auth)
    r.getresponse().read()
    took = []
    seat = 0
    while len(took) < samples:
        # Seats R<row>-<n> in order, PER_ROW a row; one already held is passed over (409).
        label = f"R{seat // per_row + 1}-{seat % per_row + 1}"
        seat += 1
        body = json.dumps({"seats": [label], "ttl": "5m"})
        w.request("POST", f"/v1/events/{event}/holds", body=body, headers=auth)
        resp = w.getresponse()
        answer = resp.read()
        if resp.status == 409:
            continue
        if resp.status != 201:
            raise SystemExit(f"hold {label}: {resp.status} {answer[:200]!r}")
        answered = time.monotonic()
        while True:
            r.request("GET", f"/v1/events/{event}/seats?status=held&section=S", headers=auth)
            seats = json.loads(r.getresponse().read())
            if any(s["label"] == label for s in seats):
                break
            if time.monotonic() - answered > 5:
                raise SystemExit(f"{label} not seen in 5 s")
        took.append((time.monotonic() - answered) * 1000)
        time.sleep(0.01)
    took.sort()
    pick = lambda q: round(took[min(len(took) - 1, int(q * len(took)))], 2)
    print(json.dumps({"samples": len(took), "p50_ms": pick(0.5), "p99_ms": pick(0.99),
                      "max_ms": round(took[-1], 2)}))


if __name__ == "__main__":
    main()

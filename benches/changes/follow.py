#!/usr/bin/env python3
"""Change-stream followers for benches/changes.sh: N Server-Sent Event clients of
GET /v1/events/{event}/changes on one server. The first MEASURED clients parse every event and
record, per change, the time from its transaction's time (`at`) to its arrival; the others
only read. Runs until SIGTERM or DURATION seconds, then prints one JSON line: clients
connected, changes measured, latency p50/p99/max in ms, streams that ended early (a `dropped`
or `shutdown` event, or a closed connection).

Usage: follow.py BASE KEY EVENT_ID CLIENTS MEASURED DURATION
"""
import asyncio
import datetime
import json
import signal
import sys

base, key, event, clients, measured, duration = sys.argv[1:7]
clients, measured, duration = int(clients), int(measured), float(duration)
host, port = base.removeprefix("http://").rsplit(":", 1)
latencies = []
ended = 0
connected = 0


async def follow(i, stop):
    global ended, connected
    reader, writer = await asyncio.open_connection(host, int(port))
    writer.write(
        f"GET /v1/events/{event}/changes HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {key}\r\nAccept: text/event-stream\r\n\r\n".encode()
    )
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    if b" 200 " not in head.split(b"\r\n", 1)[0]:
        raise SystemExit(f"stream {i}: {head!r}")
    connected += 1
    measuring = i < measured
    try:
        while not stop.is_set():
            if measuring:
                line = await reader.readline()
                if not line:
                    break
                if line.startswith(b"event: dropped") or line.startswith(b"event: shutdown"):
                    break
                if line.startswith(b"data: {\"id\""):
                    now = datetime.datetime.now(datetime.timezone.utc)
                    at = json.loads(line[6:])["at"].replace("Z", "+00:00")
                    latencies.append((now - datetime.datetime.fromisoformat(at)).total_seconds() * 1000)
            else:
                chunk = await reader.read(65536)
                if not chunk:
                    break
        else:
            return
        ended += 1
    finally:
        writer.close()


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.call_later(duration, stop.set)
    tasks = []
    for i in range(clients):
        tasks.append(asyncio.create_task(follow(i, stop)))
        if i % 50 == 49:
            await asyncio.sleep(0.05)
    print("connected", flush=True, file=sys.stderr)
    await stop.wait()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    lat = sorted(latencies)
    q = lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))], 1) if lat else None
    print(json.dumps({"clients": connected, "measured_changes": len(lat), "p50_ms": q(0.5),
                      "p99_ms": q(0.99), "max_ms": round(lat[-1], 1) if lat else None,
                      "ended_early": ended}))


asyncio.run(main())

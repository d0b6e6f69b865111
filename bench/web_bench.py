"""Web latency and throughput on loopback: the question page under a fixed offered load
(target: p99 <= 50 ms at 300 requests/s), then the peak throughput of a closed loop.

    .venv/bin/python -m bench.web_bench [--rate 300] [--seconds 10] [--concurrency 16]

Starts `mlcoach serve` on 127.0.0.1 with a free port and a throwaway data folder, waits for
its warm-up, and sends traffic to that address only; every loop is bounded in requests and
time and the server is stopped at the end. Latency is measured from when each request was
*scheduled* (open loop), so a slow server cannot hide its queueing delay.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, log_run

HOST = "127.0.0.1"
MAX_REQUESTS = 100_000
CONNECTIONS = 32


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MLCOACH_DATA_DIR": str(data_dir)}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "web-cache").mkdir(exist_ok=True)  # the bank's vectors, kept between runs
    (data_dir / "cache").symlink_to(OUT / "web-cache")
    mlcoach = Path(sys.executable).with_name("mlcoach")
    command = [str(mlcoach), "serve", "--host", HOST, "--port", str(port)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, start_new_session=True)


async def wait_warm(port: int, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = await Connection.open(port)
            status, body = await conn.get("/healthz")
            conn.close()
            if status == 200 and b'"search":true' in body:
                return
        except OSError:
            pass
        await asyncio.sleep(0.5)
    raise SystemExit("the server did not warm up in time")


class Connection:
    """A minimal HTTP/1.1 keep-alive client: the load generator must cost far less CPU than
    the server it measures (both share this machine's two cores)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int):
        self.reader, self.writer, self.port = reader, writer, port
        self.cookie = b""

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer, port)

    async def get(self, path: str) -> tuple[int, bytes]:
        request = f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\n".encode()
        if self.cookie:
            request += b"Cookie: " + self.cookie + b"\r\n"
        self.writer.write(request + b"\r\n")
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
            elif name.lower() == b"set-cookie" and not self.cookie:
                self.cookie = value.strip().split(b";", 1)[0]
        body = await self.reader.readexactly(length)
        return int(head[9:12]), body

    def close(self) -> None:
        self.writer.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def open_loop(port: int, paths: list[str], rate: float, seconds: float) -> dict[str, float]:
    """Send `rate` requests per second for `seconds`, each at its scheduled time."""
    total = min(MAX_REQUESTS, int(rate * seconds))
    latencies: list[float] = []
    errors = 0
    conns = [await Connection.open(port) for _ in range(CONNECTIONS)]
    start = time.perf_counter() + 0.2

    async def sender(first: int) -> None:
        # Each connection sends every CONNECTIONS-th request at its scheduled time; a late
        # answer delays the next send, and that delay counts in the next latency.
        nonlocal errors
        conn = conns[first]
        for i in range(first, total, CONNECTIONS):
            scheduled = start + i / rate
            await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
            status, _ = await conn.get(paths[i % len(paths)])
            latencies.append((time.perf_counter() - scheduled) * 1000)
            errors += status != 200

    await asyncio.gather(*(sender(k) for k in range(CONNECTIONS)))
    elapsed = time.perf_counter() - start
    for conn in conns:
        conn.close()
    return {
        "offered_rps": rate,
        "achieved_rps": round(total / elapsed, 1),
        "requests": total,
        "errors": errors,
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "max_ms": round(max(latencies), 2),
    }


async def closed_loop(
    port: int, paths: list[str], workers: int, seconds: float
) -> dict[str, float]:
    """`workers` clients each sending the next request as soon as the last one answers."""
    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        rng = random.Random(seed)
        conn = await Connection.open(port)
        while time.perf_counter() < stop and len(latencies) < MAX_REQUESTS:
            began = time.perf_counter()
            await conn.get(rng.choice(paths))
            latencies.append((time.perf_counter() - began) * 1000)
        conn.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(workers)))
    elapsed = time.perf_counter() - began
    return {
        "concurrency": workers,
        "peak_rps": round(len(latencies) / elapsed, 1),
        "requests": len(latencies),
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
    }


def question_paths(count: int = 50) -> list[str]:
    from mlcoach.bank import load_bank

    ids = sorted(load_bank().questions)
    return [f"/questions/{qid}" for qid in random.Random(7).sample(ids, min(count, len(ids)))]


async def main_async(args: argparse.Namespace) -> None:
    paths = question_paths()
    with tempfile.TemporaryDirectory(prefix="mlcoach-bench-") as tmp:
        port = free_port()
        server = start_server(port, Path(tmp))
        try:
            await wait_warm(port)
            await open_loop(port, paths, 50, 2)  # warm caches and connections
            fixed = await open_loop(port, paths, args.rate, args.seconds)
            peak = await closed_loop(port, paths, args.concurrency, args.seconds)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
    log_run(
        "web",
        {
            "page": "question",
            "open_loop": fixed,
            "closed_loop": peak,
            "target": "p99 <= 50 ms at 300 requests/s",
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=300.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()

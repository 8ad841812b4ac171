"""Helpers shared by the benchmarks: load generation, percentiles and query counts."""

import statistics
import threading
import time
import urllib.request
from collections.abc import Iterable


def percentiles(samples_ms: list[float]) -> dict:
    ordered = sorted(samples_ms)

    def pick(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return {
        "n": len(ordered),
        "p50_ms": round(pick(50), 1),
        "p95_ms": round(pick(95), 1),
        "max_ms": round(ordered[-1], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


def load(urls: Iterable[str], *, concurrency: int = 10, requests_per_thread: int = 20) -> dict:
    """Fetch the URLs round-robin from `concurrency` threads; return latency percentiles."""
    urls = list(urls)
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def worker(offset: int):
        for i in range(requests_per_thread):
            url = urls[(offset + i) % len(urls)]
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    response.read()
                    ok = response.status == 200
            except Exception as exc:  # record and carry on: the figure says how many failed
                ok = False
                errors.append(f"{url}: {exc}")
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if ok:
                    samples.append(elapsed)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    wall = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall
    result = percentiles(samples) if samples else {"n": 0}
    result.update(
        concurrency=concurrency,
        errors=len(errors),
        throughput_rps=round(len(samples) / wall, 1),
    )
    return result


def count_queries(client, path: str) -> int:
    """Database queries one GET of `path` makes (Django test client, DEBUG-independent)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(ctx.captured_queries)

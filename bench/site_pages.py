"""Public page latency under concurrent load, and queries per page.

Builds a seeded database in a temporary SQLite file (or uses DATABASE_URL), starts
gunicorn on it, and sends requests from 10 threads to one page of every public page
type. Prints p50/p95 latency per page type and the number of database queries each
page makes.

    /work/main/.venv/bin/python bench/site_pages.py [--requests 200] [--threads 10]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run child processes the way this one runs (e.g. `python -S` with PYTHONPATH set, to
# keep a shared virtualenv's editable install from mixing in another checkout).
PYTHON_CMD = [sys.executable, *(["-S"] if sys.flags.no_site else [])]
PAGES = {
    "HomePage": "/",
    "StoryIndexPage": "/the-southampton-way/",
    "StoryPage": "/the-southampton-way/family-safeguarding/",
    "WorkWithUsPage": "/work-with-us/",
    "RoleFamilyPage": "/work-with-us/social-workers/",
    "NewsIndexPage": "/news/",
    "NewsArticlePage": "/news/ofsted-2023-good-with-outstanding-leadership/",
    "NewsFeed": "/news/feed/",
    "FosteringLandingPage": "/fostering/",
    "FosteringContentPage": "/fostering/carers-stories/",
    "StandardPage": "/privacy/",
    "SearchPage": "/search/?q=fostering",
    "Sitemap": "/sitemap.xml",
}


def run(cmd, env):
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def count_queries(env):
    """Queries per page, measured in-process with Django's test client."""
    code = r"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
pages = json.loads(PAGES)
client = Client(HTTP_HOST="127.0.0.1")
out = {}
for name, path in pages.items():
    client.get(path)
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(path).status_code
    out[name] = (status, len(ctx))
print(json.dumps(out))
"""
    import json

    code = code.replace("json.loads(PAGES)", f"json.loads({json.dumps(json.dumps(PAGES))})")
    result = subprocess.run(
        [*PYTHON_CMD, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200, help="requests per page type")
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-site-")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PYTHONPATH": ":".join(
            filter(None, [str(ROOT / "site"), str(ROOT), os.environ.get("PYTHONPATH")])
        ),
        "LOG_LEVEL": "WARNING",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    env["MEDIA_ROOT"] = f"{tmp}/media"
    print(f"Database: {env['DATABASE_URL']}")
    run([*PYTHON_CMD, "manage.py", "migrate", "--noinput", "-v0"], env)
    run([*PYTHON_CMD, "manage.py", "seed_demo"], env)
    # Serve the demo site on the benchmark's address.
    run(
        [
            *PYTHON_CMD,
            "manage.py",
            "shell",
            "-c",
            "from wagtail.models import Site; Site.objects.filter(is_default_site=True)"
            f".update(hostname='127.0.0.1', port={args.port})",
        ],
        env,
    )
    queries = count_queries(env)

    server = subprocess.Popen(
        [
            *PYTHON_CMD,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)

        def fetch(path):
            start = time.perf_counter()
            with urllib.request.urlopen(base + path, timeout=30) as response:
                response.read()
                assert response.status == 200, path
            return time.perf_counter() - start

        for path in PAGES.values():  # warm renditions and caches
            fetch(path)
        print(
            f"\n{args.requests} requests per page type, {args.threads} threads, "
            f"gunicorn with {args.workers} workers\n"
        )
        print(f"{'page type':24} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
        all_times = []
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.threads) as pool:
            for name, path in PAGES.items():
                times = sorted(pool.map(fetch, [path] * args.requests))
                all_times += times
                p50 = statistics.median(times) * 1000
                p95 = times[int(len(times) * 0.95) - 1] * 1000
                print(f"{name:24} {p50:8.1f} {p95:8.1f} {queries[name][1]:8d}")
        elapsed = time.perf_counter() - started
        all_times.sort()
        print(
            f"\nAll pages: p50 {statistics.median(all_times) * 1000:.1f} ms, "
            f"p95 {all_times[int(len(all_times) * 0.95) - 1] * 1000:.1f} ms, "
            f"{len(all_times) / elapsed:.0f} requests/s"
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

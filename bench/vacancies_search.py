"""Vacancy search at scale: ~10,000 live vacancies, 10 concurrent clients.

Measures the /vacancies/ listing (full text + filters + facet counts + pagination) through
the PostgreSQL full-text path (stored tsvector with a GIN index) twice: as the portal runs it,
with the facet counts and rendered results in the shared cache (search_cache), and with that
cache defeated so every request is a miss (the first visitor after a vacancy changes). Then,
for comparison, Wagtail's database search backend over the same pages (`--skip-wagtail` leaves
it out). Also prints the query count per listing (cold and warm) and the plans PostgreSQL
chooses for the text filter and the counts.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_vacancies \
       .venv/bin/python bench/vacancies_search.py [--skip-wagtail]
(defaults to that database; it is created and migrated if needed, and the data is kept so a
second run starts measuring at once.)
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_vacancies")
os.environ["DEBUG"] = "False"

TARGET = int(os.environ.get("BENCH_VACANCIES", "10000"))

WORDS = [
    ("Social worker", "Social workers", "Family Safeguarding"),
    ("Senior social worker", "Social workers", "Locality"),
    ("Advanced practitioner", "Social workers", "Locality"),
    (
        "Adult mental health practitioner",
        "Practitioners and recovery workers",
        "Family Safeguarding",
    ),
    ("Recovery worker", "Practitioners and recovery workers", "Family Safeguarding"),
    ("Domestic abuse practitioner", "Practitioners and recovery workers", "Family Safeguarding"),
    ("SEND casework officer", "SEND", "SEND Service"),
    ("Educational psychologist", "Psychology", "SEND Service"),
    ("Housing and benefits adviser", "Housing and benefits", "Care Leavers Team"),
    ("Team manager", "Management", "Locality"),
]


def ensure_database():
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def build_data():
    import datetime
    import random

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.search import index as search_index

    from accounts.models import Locality, RoleFamily, Team
    from vacancies.factories import vacancy_index
    from vacancies.models import VacancyPage

    call_command("migrate", verbosity=0)
    existing = VacancyPage.objects.count()
    if existing >= TARGET:
        return existing
    localities = [Locality.objects.get_or_create(name=n)[0] for n in ("Central", "East", "West")]
    families = {}
    teams = {}
    for _title, family, team in WORDS:
        families[family] = RoleFamily.objects.get_or_create(name=family)[0]
        teams[team] = Team.objects.get_or_create(name=team)[0]
    parent = vacancy_index()
    rng = random.Random(42)
    now = timezone.now()
    # Skip Wagtail's per-save search indexing while loading; update_index runs after.
    original = search_index.insert_or_update_object
    search_index.insert_or_update_object = lambda instance: None
    started = time.perf_counter()
    try:
        for n in range(existing, TARGET):
            title, family, team = WORDS[n % len(WORDS)]
            low = rng.randrange(26000, 60000, 500)
            page = VacancyPage(
                title=f"{title} ({n})",
                slug=f"bench-{n}",
                reference=f"BENCH-{n:06d}",
                role_family=families[family],
                team=teams[team],
                locality=localities[n % 3],
                employment_type=["permanent", "fixed_term", "agency", "secondment", "student"][
                    n % 5
                ],
                working_pattern=["full_time", "part_time", "flexible", "compressed", "job_share"][
                    n % 5
                ],
                salary_min=low,
                salary_max=low + 4000,
                closes_at=now + datetime.timedelta(days=1 + n % 60),
                summary=f"{title} in the {team} team, {localities[n % 3].name} locality.",
                description=(
                    "<p>Relationship-based practice with children and families, restorative "
                    "approaches, motivational interviewing and strong supervision.</p>"
                ),
                first_published_at=now - datetime.timedelta(minutes=n),
                live=True,
            )
            parent.add_child(instance=page)
            if n % 1000 == 0:
                print(f"  … {n} vacancies ({time.perf_counter() - started:.0f}s)", flush=True)
    finally:
        search_index.insert_or_update_object = original
    print("  building Wagtail's search index (for the comparison)…", flush=True)
    call_command("update_index", verbosity=0)
    return VacancyPage.objects.count()


def analyze():
    """Fresh planner statistics, as autovacuum would give a database that has been running."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(port):
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", port), Quiet)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve_gunicorn(port: int, workers: int):
    """The portal as it runs in production: gunicorn worker processes sharing a Redis cache
    (BENCH_CACHE_URL, default database 9 of the local Redis), not threads in this process."""
    import urllib.request

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/9"),
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
    }
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/vacancies/", timeout=5)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


PATHS = [
    "/vacancies/?q=social+worker",
    "/vacancies/?q=family+safeguarding&locality=east",
    "/vacancies/?q=psychologist&employment_type=permanent&sort=salary",
    "/vacancies/?q=restorative+practice&role_family=social-workers&min_salary=40000",
    "/vacancies/?q=recovery+worker&page=3",
    "/vacancies/?role_family=send&working_pattern=part_time",
    "/vacancies/?min_salary=50000&sort=newest",
]


def main():
    skip_wagtail = "--skip-wagtail" in sys.argv
    # --gunicorn=N: also measure N gunicorn workers with a shared Redis cache.
    workers = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--gunicorn=")), 0)
    ensure_database()
    import django

    django.setup()
    from common import count_queries, load
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from vacancies import queries, search_cache

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    started = time.perf_counter()
    total = build_data()
    analyze()
    print(f"vacancies in the database: {total} (setup {time.perf_counter() - started:.0f}s)")

    client = Client()
    client.get(PATHS[0])  # site root, menus and settings are cached after one request
    for path in PATHS:
        cache.clear()
        cold = count_queries(client, path)
        print(f"queries for {path}: {cold} cold, {count_queries(client, path)} warm")

    plan_qs, _ = queries.text_filter(queries.open_vacancies(), "family safeguarding")
    print("plan for a narrow text search uses the GIN index:", "gin" in plan_qs.explain())
    criteria = {"q": "social worker", "locality": ["east"]}
    base, _ = queries.text_filter(queries.open_vacancies(), criteria["q"])
    started = time.perf_counter()
    queries._counts(base, criteria, timezone.now())
    elapsed = 1000 * (time.perf_counter() - started)
    print(f"facet counts and total for 'social worker' in East, uncached: {elapsed:.0f} ms")

    port = free_port()
    server = serve(port)
    urls = [f"http://127.0.0.1:{port}{p}" for p in PATHS]
    load(urls[:2], concurrency=2, requests_per_thread=3)  # warm up
    print("PostgreSQL full-text path, 1 client:", load(urls, concurrency=1, requests_per_thread=35))
    print(
        "PostgreSQL full-text path, 10 clients:", load(urls, concurrency=10, requests_per_thread=20)
    )

    # Every request a miss, as for the first visitor after a vacancy changes: each request
    # starts a new version (state, options, counts and fragments all recomputed once).
    from django.core.handlers.wsgi import WSGIHandler

    warm_call = WSGIHandler.__call__

    def cold_call(handler, environ, start_response):
        search_cache.invalidate()
        return warm_call(handler, environ, start_response)

    WSGIHandler.__call__ = cold_call
    for clients, each in ((1, 35), (10, 20)):
        figures = load(urls, concurrency=clients, requests_per_thread=each)
        print(f"  … every request a cache miss, {clients} client(s):", figures)
    WSGIHandler.__call__ = warm_call
    if workers:
        gunicorn_port = free_port()
        process = serve_gunicorn(gunicorn_port, workers)
        try:
            gunicorn_urls = [f"http://127.0.0.1:{gunicorn_port}{p}" for p in PATHS]
            load(gunicorn_urls, concurrency=2, requests_per_thread=7)  # warm every worker
            for clients, each in ((1, 35), (10, 20)):
                figures = load(gunicorn_urls, concurrency=clients, requests_per_thread=each)
                print(f"gunicorn, {workers} workers, Redis cache, {clients} client(s):", figures)
        finally:
            process.terminate()
            process.wait(timeout=10)
    if skip_wagtail:
        server.shutdown()
        connection.close()
        return

    queries._uses_elasticsearch = lambda: True  # force Wagtail's backend (database here)
    print(
        "Wagtail database search backend, 1 client:",
        load(urls, concurrency=1, requests_per_thread=35),
    )
    print(
        "Wagtail database search backend, 10 clients:",
        load(urls, concurrency=10, requests_per_thread=20),
    )
    server.shutdown()
    connection.close()


if __name__ == "__main__":
    main()

"""Vacancy search at scale: ~10,000 live vacancies, 10 concurrent clients.

Measures the /vacancies/ listing (full text + filters + facet counts + pagination) through
the PostgreSQL full-text path (stored tsvector with a GIN index) and, for comparison, Wagtail's
database search backend over the same pages. Also prints the query count per listing and
the plan PostgreSQL chooses for the text filter.

Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_vacancies \
       /work/main/.venv/bin/python bench/vacancies_search.py
(defaults to that database; it is created and migrated if needed, and the data is kept so a
second run starts measuring at once.)
"""

import os
import socket
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
    ensure_database()
    import django

    django.setup()
    from common import count_queries, load
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from vacancies import queries

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    started = time.perf_counter()
    total = build_data()
    print(f"vacancies in the database: {total} (setup {time.perf_counter() - started:.0f}s)")

    client = Client()
    for path in PATHS[:2]:
        print(f"queries for {path}: {count_queries(client, path)}")

    plan_qs, _ = queries.text_filter(queries.open_vacancies(), "social worker")
    plan = plan_qs.explain()
    print("plan uses the GIN index:", "vacancy_search_vector_gin" in plan)

    port = free_port()
    server = serve(port)
    urls = [f"http://127.0.0.1:{port}{p}" for p in PATHS]
    load(urls[:2], concurrency=2, requests_per_thread=3)  # warm up
    print("PostgreSQL full-text path, 1 client:", load(urls, concurrency=1, requests_per_thread=35))
    print(
        "PostgreSQL full-text path, 10 clients:", load(urls, concurrency=10, requests_per_thread=20)
    )

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

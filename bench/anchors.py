"""The portal's public pages beside the two anchors, in one run, as ratios (issue 15).

The anchors live outside this repository, in ../shared/anchors (or /work/shared/anchors):
plain Django ("hello", the stack's ceiling) and plain Wagtail with 10,000 vacancy pages. This
script starts them with their own serve.sh, starts the portal the same way (gunicorn, 3 sync
workers, PostgreSQL, Redis, 10,000 vacancies plus the seeded demo), loads every target with
wrk (`-t2 -c10 -dDURATION --latency`), interleaving targets, and prints requests per second,
p50/p95 and the ratio to the anchor for each page.

Usage (wrk from Debian: apt-get install wrk):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal \\
    .venv/bin/python bench/anchors.py [--duration 5] [--rounds 1]
The portal's data is built on the first run (a few minutes) and kept. The machine is shared:
the script prints the load average before and after, and the figures are only comparable
within one run.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_portal")
CACHE_URL = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/5")
PORTS = {"hello": 8131, "wagtail": 8132, "portal": 8133}

# wrk prints p95 only through a Lua `done` hook; requests can rotate through paths.
LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %%d\\nP95 %%d\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def anchors_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "anchors", Path("/work/shared/anchors")):
        if (candidate / "serve.sh").exists():
            return candidate
    raise SystemExit("../shared/anchors/serve.sh not found: the anchors are not in this repo.")


def start_anchor(name: str) -> int:
    out = subprocess.run(
        [str(anchors_dir() / "serve.sh"), name, str(PORTS[name])],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


def build_portal_data(vacancies: bool = True):
    """The seeded demo plus 10,000 vacancies (bench/vacancies_search.py's generator)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.dev"
    import django
    import vacancies_search

    vacancies_search.ensure_database()
    django.setup()
    from django.core.management import call_command

    from home.models import HomePage

    call_command("migrate", verbosity=0)
    if not HomePage.objects.exists():
        call_command("seed_demo", verbosity=0)
    if vacancies:
        vacancies_search.build_data()


def start_portal(env_extra: dict) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "CACHE_URL": CACHE_URL,
        "CELERY_BROKER_URL": CACHE_URL,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "site"), str(ROOT)]),
        **env_extra,
    }
    port = PORTS["portal"]
    # Production's manifest storage needs its own collectstatic.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "3", "--worker-class", "sync", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)  # noqa: S310
            return server
        except urllib.error.HTTPError:  # a 503 health answer still means it is serving
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the portal did not start")


def portal_paths() -> dict[str, list[str]]:
    from academy.models import AcademyIndexPage
    from cms.models import FosteringLandingPage, StoryPage
    from vacancies.models import VacancyPage

    vacancy = VacancyPage.objects.live().order_by("-closes_at").first()
    words = ["social", "worker", "family", "recovery", "practitioner", "manager", "housing"]
    return {
        "home": ["/"],
        "story page": [StoryPage.objects.live().first().url],
        "vacancy page": [vacancy.url],
        "listing, page 1": ["/vacancies/"],
        "search (cache hit)": ["/vacancies/?q=social+worker"],
        # Each request a search never seen: a miss of every cache.
        "search (cache miss)": [
            f"/vacancies/?q={a}+{b}&page={p}" for a in words for b in words for p in (1, 2, 3)
        ],
        "fostering": [FosteringLandingPage.objects.live().first().url],
        "academy": [AcademyIndexPage.objects.live().first().url],
        "sitemap": ["/sitemap.xml", "/sitemap-vacancies.xml"],
    }


ANCHOR_PATHS = {
    "home": ("wagtail", ["/"]),
    "vacancy page": ("wagtail", ["/vacancies/v-1/"]),
    "listing, page 1": ("wagtail", ["/vacancies/"]),
    "search (cache hit)": ("wagtail", ["/search/?query=social+worker"]),
    "search (cache miss)": ("wagtail", ["/search/?query=social+worker"]),
}


def wrk(port: int, paths: list[str], duration: int) -> dict:
    quoted = ", ".join(f'"{p}"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % quoted)
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c10",
            f"-d{duration}s",
            "--latency",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": int(re.search(r"P50 (\d+)", out).group(1)) / 1000,
        "p95": int(re.search(r"P95 (\d+)", out).group(1)) / 1000,
        "errors": int(errors.group(1)) if errors else 0,
    }


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--ceiling-only",
        action="store_true",
        help="the seeded demo beside plain Django only: no 10,000 vacancies, no Wagtail anchor",
    )
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()}", flush=True)
    build_portal_data(vacancies=not args.ceiling_only)
    paths = portal_paths()
    if args.ceiling_only:
        ANCHOR_PATHS.clear()
    pids = [start_anchor("hello")]
    if not args.ceiling_only:
        pids.append(start_anchor("wagtail"))
    portal = start_portal({})
    results: dict[tuple[str, str], list[dict]] = {}
    try:
        for url_list in paths.values():  # warm the caches any running site has warm
            for path in url_list[:3]:
                urllib.request.urlopen(f"http://127.0.0.1:{PORTS['portal']}{path}").read()  # noqa: S310
        for _round in range(args.rounds):
            targets = [("hello", "ceiling", ["/"])]
            for page, url_list in paths.items():
                targets.append(("portal", page, url_list))
                if page in ANCHOR_PATHS:
                    anchor, anchor_paths = ANCHOR_PATHS[page]
                    targets.append((anchor, page, anchor_paths))
            for server, page, url_list in targets:
                figures = wrk(PORTS[server], url_list, args.duration)
                results.setdefault((server, page), []).append(figures)
                print(f"  {server:8} {page:20} {figures}", flush=True)
    finally:
        portal.terminate()
        for pid in pids:
            subprocess.run(["kill", str(pid)], check=False)
    print(f"load average after: {os.getloadavg()}")

    def cell(server, page):
        rounds = results.get((server, page))
        if not rounds:
            return None, ""
        rps = median(r["rps"] for r in rounds)
        p95 = median(r["p95"] for r in rounds)
        return rps, f"{rps:,.0f} rps, p95 {p95:,.0f} ms"

    ceiling, ceiling_text = cell("hello", "ceiling")
    print(f"\nplain Django ceiling: {ceiling_text}\n")
    print("| page | plain Wagtail | portal | portal ÷ Wagtail | portal ÷ Django ceiling |")
    print("| --- | --- | --- | --- | --- |")
    for page in paths:
        portal_rps, portal_text = cell("portal", page)
        anchor_rps, anchor_text = cell("wagtail", page) if page in ANCHOR_PATHS else (None, "—")
        versus_wagtail = f"{portal_rps / anchor_rps:.2f}×" if anchor_rps else "—"
        versus_ceiling = f"{portal_rps / ceiling:.2f}×" if ceiling else "—"
        print(f"| {page} | {anchor_text} | {portal_text} | {versus_wagtail} | {versus_ceiling} |")


if __name__ == "__main__":
    main()

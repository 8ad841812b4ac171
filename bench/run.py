"""Run every benchmark script in bench/ one after another and print what each measured.

Usage: `make bench` (or `python bench/run.py [name-filter]`). Each script sets up its own
data (PostgreSQL when DATABASE_URL is set, else a throwaway SQLite file) and prints figures.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKIP = {"common.py", "run.py", "__init__.py"}


def main(argv: list[str]) -> int:
    wanted = argv[1] if len(argv) > 1 else ""
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in SKIP and wanted in p.name)
    failed = 0
    for script in scripts:
        print(f"\n### {script.name}", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        failed += result.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

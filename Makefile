# The Southampton Way portal. `make help` lists every target.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
PYTEST_ARGS ?= -n auto

.DEFAULT_GOAL := help

help: ## List every target with what it does
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | sort | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-16s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/.installed ## Create the virtual environment and install the portal with its dev tools

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

seed: migrate ## Build the demo portal (idempotent; development only)
	$(MANAGE) seed_demo

# Links in pages, feeds and e-mails point at the address the demo is served on.
run seed: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)

run: seed ## Set up, migrate, seed and serve on http://127.0.0.1:$(PORT)
	@echo "Serving the portal on http://127.0.0.1:$(PORT)/ (demo sign-ins are in README.md)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install ## Lint and check formatting with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Fix lint where safe and format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: install ## Fail if a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

check-deploy: install ## Run Django's deployment checks under production settings
	DJANGO_SETTINGS_MODULE=portal.settings.production \
	SECRET_KEY=$${SECRET_KEY:-ci-only-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=')} \
	CACHE_URL=$${CACHE_URL:-locmemcache://} CELERY_BROKER_URL=$${CELERY_BROKER_URL:-memory://} \
	ALLOWED_HOSTS=portal.example $(MANAGE) check --deploy --fail-level WARNING

worker: install ## Run a Celery worker (needs CELERY_BROKER_URL)
	$(BIN)/celery -A portal worker --loglevel=INFO

beat: install ## Run Celery beat with the schedule kept in settings
	$(BIN)/celery -A portal beat --loglevel=INFO

bench: install ## Run the performance benchmarks in bench/ (see bench/README.md)
	$(BIN)/python bench/run.py

css: ## Rebuild site/portal/static/portal/css/portal.css from SCSS (needs npm)
	cd /tmp && rm -rf portal-css && mkdir portal-css && cd portal-css && npm init -y >/dev/null && npm install --silent govuk-frontend@5.14.0 sass@1
	/tmp/portal-css/node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps \
	  --silence-deprecation=import,global-builtin --load-path=/tmp/portal-css/node_modules \
	  site/portal/assets/portal.scss site/portal/static/portal/css/portal.css

clean: ## Remove the virtual environment and local data (var/)
	rm -rf $(VENV) var

.PHONY: help install migrate seed run test lint format check-migrations check-deploy worker beat bench css clean

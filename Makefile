# Everything a newcomer needs: `make run` (the site on SQLite) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# For `make prod`: production settings over plain HTTP on this machine only.
PROD_ENV := DJANGO_SETTINGS_MODULE=campus.settings.production \
	SECRET_KEY=$${SECRET_KEY:-local-production-trial-$$(cat var/.trial-key)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} \
	SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0 SECURE_HSTS_SECONDS=0 \
	SERVE_MEDIA=1

.PHONY: run test install migrate content superuser prod lint format messages check-locale \
	check-migrations check-deploy ci clean scheduler checkers bench load lighthouse backup restore \
	observatory bench-data bench-scale

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

var:
	mkdir -p var

migrate: install | var
	$(MANAGE) migrate --noinput

content: migrate
	$(MANAGE) load_campus_content

# The site as visitors see it, its own error pages included (404, 400 in the URL's
# language); `make run DEBUG=1` for Django's debug pages and tracebacks.
DEBUG ?= 0
run: content
	DEBUG=$(DEBUG) $(MANAGE) runserver $(HOST):$(PORT)

# Scheduled publishing: publishes what editors scheduled (go-live dates) and
# withdraws what expired, now and every 60 s, until Ctrl-C. Run it next to
# `make run` (another terminal); in production, next to the web server (Dockerfile).
scheduler: migrate
	$(MANAGE) run_scheduler --interval $${SCHEDULER_INTERVAL:-60}

superuser: migrate
	$(MANAGE) createsuperuser

# The database (SQLite or DATABASE_URL's PostgreSQL) and MEDIA_ROOT, into a dated folder
# of BACKUP_DIR (var/backups) with a manifest.json; safe while the site runs.
backup: install
	$(MANAGE) backup

# Into an empty database and media folder only: `make restore BACKUP=var/backups/<date>`
# (default: the newest), then checked against the manifest. FORCE=1 moves an existing
# SQLite file and media folder aside first (never a PostgreSQL database).
restore: install
	$(MANAGE) restore $(BACKUP) $(if $(filter 1,$(FORCE)),--force)

# axe-core and the Nu HTML checker (vnu.jar) for tests/accessibility, from package-lock.json.
# Without npm (or offline) those tests are skipped, unless CAMPUS_REQUIRE_BROWSER_TESTS=1 (CI).
# --ignore-scripts: vnu-jar's install script may download a Java runtime; the system's is used.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@ \
		|| echo "npm ci failed: the accessibility and HTML checks will be skipped"; \
	else \
		echo "npm not found: the accessibility and HTML checks will be skipped"; \
	fi

checkers: node_modules/.installed

# In parallel, one worker per core (pytest-xdist); loadgroup keeps the walk and the
# modules sharing a costly fixture in one worker each (tests/conftest.py).
# `make test PYTEST_ARGS="tests/news -x"` for a part, as plain pytest options.
test: install checkers
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-auto} --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Extract interface strings (needs GNU gettext's xgettext), then compile the
# catalogues with polib so that no machine needs gettext to run the site.
# Copies of Wagtail's (and wagtail-localize's) templates keep their English msgids, so that
# the libraries' own catalogues translate them: left out of the project's catalogue.
WAGTAIL_COPIES = -i 'templates/wagtailadmin/pages/confirm_delete.html' \
  -i 'templates/wagtail_localize/admin/edit_translation.html' \
  -i 'templates/wagtailadmin/workflows/workflow_status.html'

messages: install
	$(MANAGE) makemessages -l fr -l en -i '.venv/*' -i 'var/*' -i 'node_modules/*' $(WAGTAIL_COPIES) --no-obsolete
	$(BIN)/python -m scripts.catalogues compile

check-locale: install
	$(BIN)/python -m scripts.catalogues check

check-migrations: install
	$(MANAGE) makemigrations --check --dry-run

check-deploy: install
	DJANGO_SETTINGS_MODULE=campus.settings.production \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

# Everything CI checks, in order; `.ci/run` calls it against PostgreSQL.
ci: lint check-migrations check-deploy check-locale test

# The production settings under gunicorn, on http://$(HOST):$(PORT), with DEBUG off.
prod: content
	test -s var/.trial-key || $(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))' > var/.trial-key
	$(PROD_ENV) STATIC_ROOT=var/static $(MANAGE) collectstatic --noinput --verbosity 0
	$(PROD_ENV) STATIC_ROOT=var/static $(BIN)/gunicorn campus.wsgi:application -c gunicorn.conf.py --bind $(HOST):$(PORT)

# A large site for measurement only (scripts/bench_data.py): N news items in each language
# over ten years (English as translations), 500 other pages in each language. SQLite in
# var/bench-data/N/, or BENCH_DATA_POSTGRES=postgres://user@host:port/db for a database
# campus_bench_N on that server (dropped and created again). Never the site's database.
N ?= 10000
bench-data: install
	$(BIN)/python -m scripts.bench_data --news $(N) $(if $(BENCH_DATA_POSTGRES),--postgres $(BENCH_DATA_POSTGRES))

# What each page costs on those sites, cold and warm, and how it grows (scripts/bench_scale.py):
# SITES="var/bench-data/100 var/bench-data/10000" (default: every SQLite site built).
SITES ?= $(sort $(dir $(wildcard var/bench-data/*/campus.sqlite3)))
bench-scale: install
	$(BIN)/python -m scripts.bench_scale $(SITES)

# The benchmark (scripts/bench.py, Linux): production settings under gunicorn on 127.0.0.1,
# driven by wrk, Debian's package, installed here when missing. `make bench BENCH_ARGS=--quick`
# for a short smoke run; results in var/bench/results.json.
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
		echo "wrk not found: installing Debian's package (apt-get install wrk)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get install -y wrk || { $$SUDO apt-get update && $$SUDO apt-get install -y wrk; } \
		|| { echo "Could not install wrk. Install it yourself (Debian/Ubuntu: sudo apt-get install wrk)," \
			"make sure 'wrk' is on PATH, then run make bench again."; exit 1; }; }
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# The load test (scripts/load.py, Linux): 60 s at 64 connections on the home page, the news
# index and an article, page cache on then off, gunicorn.conf.py as it is; fails on any socket
# error, timeout (> 2 s), error answer or 5xx. Needs wrk (`make bench` installs it).
# `make load LOAD_ARGS="--duration 10"` for a smoke run; results in var/load/results.json.
load: install
	@command -v wrk >/dev/null 2>&1 || { echo "wrk not found: sudo apt-get install wrk (or make bench)"; exit 1; }
	$(BIN)/python -m scripts.load $(LOAD_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache node_modules

# Lighthouse (performance, mobile, simulated throttling) on every page type of a throwaway
# site under the production settings and gunicorn (scripts/lighthouse.py); fails below 100.
# Needs Chromium (apt-get install chromium) and node_modules (make checkers).
# `make lighthouse LIGHTHOUSE_ARGS="--images --only fr-home fr-news"`.
# Mozilla HTTP Observatory's rules (npm @mdn/mdn-http-observatory) on the site served as in
# production, over HTTPS with a throwaway certificate: fails unless A+ without penalty.
observatory: install checkers
	$(BIN)/python -m scripts.observatory

lighthouse: install checkers
	$(BIN)/python -m scripts.lighthouse $(LIGHTHOUSE_ARGS)

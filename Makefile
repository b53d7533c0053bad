# The two commands: `make run` (embedded demo) and `make test` (the whole suite
# against real services). Everything they need is installed from here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_SIZES ?= 1000 10000 100000

.PHONY: run test lint bench services-start services-stop clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Stamp files: reinstall only when the pinned requirements change.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

# The reference TypeScript front end's packages, exactly as its lockfile pins
# them; reinstalled only when the lockfile changes. The npm cache under .cache/
# lets a reinstall take what it fetched before instead of downloading it again.
FRONTEND := examples/typescript-frontend
$(FRONTEND)/node_modules/.installed: $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --cache $(CURDIR)/.cache/npm --prefer-offline --no-audit --no-fund
	touch $@

# The development server with the background worker beside it; the trap stops the
# worker however the server ends (Ctrl-C, a port in use). The worker does not
# reload itself: a reloading worker is two processes, and the trap would stop one.
# HOST and PORT reach the settings: the demo Site answers at that address.
run: export HOST := $(HOST)
run: export PORT := $(PORT)
run: $(VENV)/.runtime-installed
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py migrate --no-input -v 0
	DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py load_demo
	@echo ""
	@echo "  Procurement of Innovation Platform: http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo "  Demo logins (password: $${DEMO_PASSWORD:-procure-demo}):"
	@echo "    admin      superuser"
	@echo "    editor     Wagtail editor (submits pages for moderation)"
	@echo "    moderator  approves and publishes pages; forum moderator (sees every group)"
	@echo "    alice      forum member, in every private group"
	@echo "    bob        forum member, in no private group"
	@echo "  Background worker (webhooks, images): manage.py db_worker --backend background"
	@echo ""
	@export DJANGO_SETTINGS_MODULE=cms.settings.dev; \
	$(BIN)/python manage.py db_worker --backend background --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Starts PostgreSQL, Redis, S3Proxy, OpenSearch and Elasticsearch, runs every check and test
# against them, and stops them again whatever the outcome.
test: $(VENV)/.dev-installed $(FRONTEND)/node_modules/.installed
	scripts/services.sh ensure-chromium
	scripts/services.sh ensure-wrk
	scripts/services.sh ensure-gettext
	scripts/services.sh start
	@set -e; trap 'scripts/services.sh stop' EXIT; \
	. .cache/run/services.env; \
	export PATH="$(CURDIR)/$(BIN):$$PATH"; \
	ruff check . && ruff format --check . && \
	DJANGO_SETTINGS_MODULE=cms.settings.test python manage.py check && \
	DJANGO_SETTINGS_MODULE=cms.settings.test python manage.py makemigrations --check --dry-run && \
	python -m pytest $(PYTEST_ARGS)

# The benchmark (bench/README.md): search latency at 1k, 10k and 100k resources,
# then the whole site (5k news, 1k events, 200 groups, 50k comments) under load
# with wrk against a bare-view ceiling; writes bench/REPORT.md and its plot.
# Takes about 25 minutes on 2 cores.
bench: $(VENV)/.dev-installed
	scripts/services.sh ensure-wrk
	scripts/services.sh status >/dev/null 2>&1 || scripts/services.sh start
	BENCH_SIZES="$(BENCH_SIZES)" bench/all.sh

services-start:
	scripts/services.sh start

services-stop:
	scripts/services.sh stop

clean:
	rm -rf $(VENV) .cache/run db.sqlite3 media static_collected artifacts

# Sozialraum – QGIS plugin. Two commands set everything up on Debian 12 or 13: `make demo`, `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PY        := .venv/bin/python
BUILD     := build
PLUGIN    := sozialraum_plugin
ZIP       := $(BUILD)/$(PLUGIN).zip
TS        := i18n/sozialraum_de.ts
PROFILES  := $(BUILD)/profiles
# Headless QGIS: offscreen Qt platform, a private runtime dir, a throw-away QGIS profile.
QGIS_ENV  := QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$(CURDIR)/$(BUILD)/xdg \
             QGIS_CUSTOM_CONFIG_PATH=$(CURDIR)/$(BUILD)/test-profile PYTHONDONTWRITEBYTECODE=1
PYTEST    := $(QGIS_ENV) $(PY) -m pytest -q -p no:cacheprovider

.PHONY: help deps test test-unit test-qgis test-e2e demo package deploy run transup transcompile \
        lint bench clean clean-debian12 clean-debian13 test-debian12 test-debian13

help:
	@echo "make demo     real sample data in, maps and profile sheets out (installs what is missing)"
	@echo "make test     all tests: unit (no QGIS), headless QGIS, end-to-end (installs what is missing)"
	@echo "make package  build/$(PLUGIN).zip for plugins.qgis.org or 'Install from ZIP'"
	@echo "make deploy   copy the package into your QGIS profile (PROFILE=default)"
	@echo "make run      start QGIS with the plugin in a throw-away profile"
	@echo "make test-debian13  make demo + make test of the last commit in a fresh Debian 13 chroot (root)"
	@echo "make test-debian12  the same in a fresh Debian 12 chroot (from a Debian 13 machine)"
	@echo "make transup / transcompile / lint / bench / clean"

deps:
	@scripts/deps.sh
	@mkdir -p $(BUILD)/xdg && chmod 700 $(BUILD)/xdg

test: deps transcompile package
	@echo "== unit tests (pure core, no QGIS)"
	$(PY) -m pytest -q -p no:cacheprovider -p no:pytest_qgis test/unit
	@echo "== QGIS and end-to-end tests (headless QGIS, qgis_process, desktop under Xvfb, PostGIS)"
	@# the PostGIS server the tests start (scripts/pg_cluster.sh) is stopped whatever happened
	$(PYTEST) test/qgis test/e2e; rc=$$?; scripts/pg_cluster.sh stop; exit $$rc

test-unit: deps
	$(PY) -m pytest -q -p no:cacheprovider -p no:pytest_qgis test/unit

test-qgis: deps transcompile
	$(PYTEST) test/qgis; rc=$$?; scripts/pg_cluster.sh stop; exit $$rc

test-e2e: deps package
	$(PYTEST) test/e2e

demo: deps package
	@scripts/demo.sh

package: deps
	@$(PY) scripts/package.py

PROFILE ?= default
deploy: package
	@dest="$${QGIS_PLUGINS_DIR:-$$HOME/.local/share/QGIS/QGIS3/profiles/$(PROFILE)/python/plugins}"; \
	mkdir -p "$$dest" && rm -rf "$$dest/$(PLUGIN)" && cp -r $(BUILD)/$(PLUGIN) "$$dest/" && \
	echo "deployed to $$dest/$(PLUGIN) (enable it in Plugins > Manage and Install Plugins)"

run: package
	@scripts/make_profile.sh $(PROFILES)/run && \
	qgis --profiles-path $(CURDIR)/$(PROFILES)/run --profile default --noversioncheck

transup:
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' | sort) -ts $(TS)

# The .qm beside the .ts serves a source checkout (tests, make run); the package compiles its own.
transcompile: i18n/sozialraum_de.qm

i18n/sozialraum_de.qm: $(TS)
	@lrelease -silent $(TS) -qm $@

lint: deps
	$(PY) -m ruff check $(PLUGIN) test scripts bench
	@! grep -rnE "^\s*(from|import) (qgis|PyQt5|PyQt6)" $(PLUGIN)/core || (echo "core/ must not import Qt or QGIS"; exit 1)
	@! grep -rnE "^\s*(from|import) PyQt[56]" $(PLUGIN) || (echo "import Qt through qgis.PyQt"; exit 1)
	@echo "qt6_check: Qt6 / QGIS 4 (scoped enums, removed Qt5 APIs, deprecated QGIS calls)"
	@$(QGIS_ENV) $(PY) scripts/qt6_check.py $(PLUGIN) test scripts bench

bench: deps
	$(QGIS_ENV) $(PY) bench/run.py

# A fresh Debian 13 (QGIS 3.40, Python 3.13, numpy 2) or 12 (QGIS 3.22, Python 3.11) in
# build/debianNN: see the script's header.
test-debian13:
	@scripts/debian_chroot.sh 13

test-debian12:
	@scripts/debian_chroot.sh 12

# Never rm -rf through a live mount (the chroot binds /dev, /proc, /sys); the Debian 13 chroot
# chroots (~3 GB each with their download cache) are kept by `clean`: `make clean-debianNN` removes one.
MOUNTED = awk -v d="$(CURDIR)/$(BUILD)/" 'index($$2 "/", d) == 1 {print $$2}' /proc/self/mounts
clean:
	@! $(MOUNTED) | grep . || (echo "clean: mounted below $(BUILD)/ (a test-debian13 still running?)"; exit 1)
	find $(BUILD) -mindepth 1 -maxdepth 1 ! -name debian12 ! -name debian13 -exec rm -rf --one-file-system {} + 2>/dev/null || true
	rm -rf .pytest_cache
	find . \( -path ./$(BUILD)/debian12 -o -path ./$(BUILD)/debian13 \) -prune -o -name __pycache__ -type d -prune \
	  -exec rm -rf {} +

clean-debian12 clean-debian13:
	@! $(MOUNTED) | grep . || (echo "clean: mounted below $(BUILD)/ (a test-debian13 still running?)"; exit 1)
	rm -rf --one-file-system $(BUILD)/$(@:clean-%=%)

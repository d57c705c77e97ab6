# kwru: the two commands a user needs are `make demo` and `make test`; both set themselves up.
SHELL := /bin/bash
UV = $(shell bash scripts/ensure-uv.sh)

.PHONY: setup system python demo test test-fast soak bench watch lint messages clean-demo

setup: system python

system:
	@bash scripts/install-system-deps.sh

python:
	@$(UV) sync --frozen --quiet

demo: setup
	@bash scripts/demo.sh

test: setup
	@$(UV) run --frozen pytest -q -n 2 --timeout 900

test-fast: python
	@$(UV) run --frozen pytest -q -n 2 -m "not slow" --timeout 600

soak: setup
	@KWRU_SOAK=1 $(UV) run --frozen pytest -q -m soak --timeout 3600

bench: setup
	@$(UV) run --frozen python bench/run.py

watch: setup
	@$(UV) run --frozen kwru watch

lint: python
	@$(UV) run --frozen ruff check pipeline tests bench

# Texts a person reads: extract the English msgids, merge them into the Dutch catalogue, compile.
# Then translate the new (empty or fuzzy) entries in the .po and run it again.
LOCALE = pipeline/locale
messages: python
	@mkdir -p $(LOCALE)/nl/LC_MESSAGES
	@$(UV) run --frozen pybabel -q extract -F babel.cfg -k _ -k ngettext:1,2 -k N_ -k Nn_:1,2 \
		--no-location --sort-output --project kwru --copyright-holder KWRU \
		-o $(LOCALE)/kwru.pot pipeline
	@if [ -f $(LOCALE)/nl/LC_MESSAGES/kwru.po ]; then \
		$(UV) run --frozen pybabel -q update -D kwru -i $(LOCALE)/kwru.pot -d $(LOCALE) -l nl --no-fuzzy-matching; \
	else $(UV) run --frozen pybabel -q init -D kwru -i $(LOCALE)/kwru.pot -d $(LOCALE) -l nl; fi
	@$(UV) run --frozen pybabel -q compile -D kwru -d $(LOCALE) --statistics

clean-demo:
	rm -rf demo

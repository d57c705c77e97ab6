# kwru: the two commands a user needs are `make demo` and `make test`; both set themselves up.
SHELL := /bin/bash
UV = $(shell bash scripts/ensure-uv.sh)

.PHONY: setup system python demo test test-fast soak bench watch lint clean-demo

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

clean-demo:
	rm -rf demo

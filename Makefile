.PHONY: serve test lint openapi install

install:
	bash scripts/bootstrap.sh

## Run the service on the embedded SQLite database: migrate, seed, serve on :8000.
serve: install
	.venv/bin/claimsapi serve --seed

## Run the whole test suite on SQLite and on PostgreSQL.
test:
	bash scripts/test.sh

lint: install
	.venv/bin/ruff format --check .
	.venv/bin/ruff check .
	.venv/bin/mypy

openapi: install
	.venv/bin/claimsapi openapi

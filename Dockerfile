FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv

WORKDIR /app
RUN pip install --no-cache-dir uv==0.13.9

COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --extra parser --no-install-project

COPY api ./api
COPY alembic ./alembic
COPY alembic.ini ./
COPY seeds ./seeds
RUN uv sync --frozen --no-dev --extra parser

RUN useradd --create-home app && chown -R app /app
USER app
EXPOSE 8000
# Healthy = ready: the database answers and its schema is at the newest migration.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4)"]
# The same command works outside Docker: migrate, then serve.
CMD ["/app/.venv/bin/claimsapi", "serve", "--host", "0.0.0.0", "--port", "8000"]

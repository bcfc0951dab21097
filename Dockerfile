# syntax=docker/dockerfile:1
#
# PariSanté Campus: production image (gunicorn + WhiteNoise, non-root).
#
# Build:
#   docker build -t parisante-campus .
#
# Release step, once per deployment and BEFORE starting the new containers:
# migrations are not run at container start, where several replicas starting
# together would race on the schema.
#   docker run --rm --env-file campus.env parisante-campus python manage.py migrate --noinput
#
# Run:
#   docker run -d --env-file campus.env -p 8000:8000 \
#     -v campus-media:/app/var/media parisante-campus
#
# Scheduled publishing (go-live and expiry dates set in the editor's
# « Publication planifiée » dialog) needs a second, long-running process from
# the same image and environment (DATABASE_URL: the web's database, not a
# container's own SQLite): exactly one per deployment, no port, no media
# volume, replaced by the new image at each release like the web containers.
#   docker run -d --name campus-scheduler --restart unless-stopped --no-healthcheck \
#     --env-file campus.env parisante-campus python manage.py run_scheduler
# It runs Wagtail's publish_scheduled every 60 s (--interval to change it) and
# logs what went live or was withdrawn; `docker stop` ends it between passes.
# --no-healthcheck: the image's healthcheck asks gunicorn, which this
# container does not run; watch it with `docker logs campus-scheduler`.
# Alternative without a second container: cron on the host, every minute,
#   * * * * * docker run --rm --env-file campus.env parisante-campus \
#       python manage.py publish_scheduled
# (or `python manage.py run_scheduler --once`, which also logs what it did).
#
# Environment (see campus/settings/): SECRET_KEY (required), ALLOWED_HOSTS,
# CSRF_TRUSTED_ORIGINS, DATABASE_URL (without it: SQLite inside the container,
# for a trial only), REDIS_URL, BEHIND_PROXY=1 when a TLS-terminating proxy
# sets X-Forwarded-Proto, WAGTAILADMIN_BASE_URL; gunicorn: PORT,
# WEB_CONCURRENCY, FORWARDED_ALLOW_IPS (see gunicorn.conf.py).
# Uploads (/media/) are not served by Django unless SERVE_MEDIA=1: let the
# reverse proxy serve them from the media volume.

# Both stages must use the same Python: the venv links to its interpreter.
ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: the dependencies, in a virtualenv ----------------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /build
# pyproject.toml alone, so this layer is rebuilt only when dependencies change.
# `[tool.setuptools] packages = []`: installing "." installs the dependencies
# and an empty distribution, no project code.
COPY pyproject.toml ./
RUN pip install .

# --- final image -----------------------------------------------------------
FROM ${PYTHON_IMAGE}

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=campus.settings.production \
    PORT=8000

RUN groupadd --gid 1000 campus \
    && useradd --uid 1000 --gid campus --create-home --shell /usr/sbin/nologin campus

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# Code stays owned by root: the application cannot modify itself.
COPY . .

# Static files are collected (and compressed, hashed) at build time. The
# settings refuse to load without a SECRET_KEY: a throwaway one is given to
# this command only, never stored in the image. Translations are committed
# compiled (.mo), so no gettext here.
# var/ belongs to the application user (uploads; SQLite when trying the image
# without DATABASE_URL); var/static stays read-only.
RUN SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media \
    && chown campus:campus /app/var /app/var/media

# Uploaded images and documents outlive the container.
VOLUME ["/app/var/media"]

# Numeric, so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000

EXPOSE 8000

# Readiness of this container (the database answers), asked on loopback.
# Sends a Host from ALLOWED_HOSTS (Django rejects any other) and
# X-Forwarded-Proto: https, so that SECURE_SSL_REDIRECT does not redirect it
# (gunicorn trusts it from loopback, Django with BEHIND_PROXY=1).
# http.client follows no redirect: anything but a 200 fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import http.client, os, sys; host = next((h.strip().lstrip('.') for h in os.environ.get('ALLOWED_HOSTS', '').split(',') if h.strip() not in ('', '*')), '127.0.0.1'); conn = http.client.HTTPConnection('127.0.0.1', int(os.environ.get('PORT') or 8000), timeout=4); conn.request('GET', '/healthz/', headers={'Host': host, 'X-Forwarded-Proto': 'https'}); sys.exit(conn.getresponse().status != 200)"]

CMD ["gunicorn", "campus.wsgi:application", "-c", "gunicorn.conf.py"]

"""``make bench-data N=10000``: a large site, for measurement only.

A throwaway database, never the site's own: SQLite in ``var/bench-data/<N>/`` (its media
beside it), or with ``--postgres URL`` (``BENCH_DATA_POSTGRES`` in make) a database named
``campus_bench_<N>`` on that PostgreSQL server, dropped and created again. The production
settings, ``migrate``, ``load_campus_content``, then ``scripts.seed``: N news items in each
language (French, and English as their translations) spread over ten years, with
categories, tags, related partners and items, images on three in four, and 500 standard
pages in each language. Nothing of it is part of ``load_campus_content`` or of
``var/db.sqlite3``. At the end it prints the environment that runs the site on it.

    python -m scripts.bench_data --news 10000
    python -m scripts.bench_data --news 10000 --postgres postgres://postgres@127.0.0.1:5432/postgres
"""

import argparse
import re
import shutil
import sys
import time

from scripts import throwaway
from scripts.throwaway import PYTHON, ROOT, RunError

BASE = ROOT / "var" / "bench-data"
YEARS = 10
OTHER_PAGES = 500
DATABASE_PREFIX = "campus_bench_"


def postgres_url(server_url, name):
    """server_url with its database replaced by name (the server's address and user kept)."""
    match = re.fullmatch(r"(postgres(?:ql)?://[^/]*)(?:/[^?]*)?(\?.*)?", server_url)
    if not match:
        raise RunError(f"not a PostgreSQL URL: {server_url!r} (postgres://user@host:port/db)")
    return f"{match.group(1)}/{name}{match.group(2) or ''}"


def recreate_postgres(server_url, name):
    """Drops and creates the database name on the server of server_url (psycopg)."""
    import psycopg
    from psycopg import sql

    if not name.startswith(DATABASE_PREFIX):  # never anything but a bench database
        raise RunError(f"refusing to drop {name!r}: not a {DATABASE_PREFIX}… database")
    with psycopg.connect(postgres_url(server_url, "postgres"), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return postgres_url(server_url, name)


def build(news, pages=OTHER_PAGES, years=YEARS, postgres=None, base=BASE):
    """Builds the site; returns (folder, environment)."""
    folder = base / str(news)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    database_url = (
        recreate_postgres(postgres, f"{DATABASE_PREFIX}{news}")
        if postgres
        else f"sqlite:///{folder / 'campus.sqlite3'}"
    )
    env = throwaway.environment(folder, database_url=database_url)
    log = folder / "build.log"
    started = time.monotonic()
    throwaway.manage(env, "migrate", "--noinput", "-v", "0", log=log, what="migrate")
    throwaway.manage(env, "load_campus_content", log=log, what="load_campus_content")
    command = [PYTHON, "-m", "scripts.seed", "seed", "--news", str(news), "--years", str(years)]
    # Nothing is cached yet: no page cache to purge on each of the thousands of publications.
    seed_env = {**env, "PAGE_CACHE": "0"}
    throwaway.run([*command, "--pages", str(pages)], seed_env, log, "seed", timeout=6 * 3600)
    print(f"Built in {time.monotonic() - started:.0f} s (log: {log.relative_to(ROOT)})")
    return folder, env


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench_data",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--news", type=int, required=True, help="news items per language")
    parser.add_argument("--pages", type=int, default=OTHER_PAGES, help="other pages per language")
    parser.add_argument("--years", type=float, default=YEARS, help="years the items span")
    parser.add_argument("--postgres", help="a PostgreSQL server URL (else SQLite)")
    args = parser.parse_args(argv)
    if args.news < 1 or args.pages < 0:
        parser.error("--news must be at least 1 and --pages at least 0")
    try:
        folder, env = build(args.news, args.pages, args.years, args.postgres)
    except RunError as error:
        print(f"bench-data failed: {error}", file=sys.stderr)
        return 1
    print("The site on it (production settings, plain HTTP), from the checkout's root:")
    names = ("DATABASE_URL", "MEDIA_ROOT", "STATIC_ROOT", "CACHE_DIR")
    print("  " + " ".join(f"{name}={env[name]}" for name in names) + " make prod")
    return 0


if __name__ == "__main__":
    sys.exit(main())

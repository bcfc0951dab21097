"""The project's tools, run from the checkout's root as ``python -m scripts.<name>``.

- ``bench``: the site's speed under gunicorn (``make bench``);
- ``load``: the site under sustained load (``make load``);
- ``lighthouse``: Lighthouse's performance audit of every page type (``make lighthouse``);
- ``observatory``: Mozilla HTTP Observatory's rules over HTTPS (``make observatory``);
- ``catalogues``: compile and check the translation catalogues (``make messages``,
  ``make check-locale``).

They share ``throwaway`` (a site with the production settings in a folder of its own,
manage.py against it, gunicorn serving it), ``seed`` (the benchmark's seeded database),
``measuring`` (wrk, /proc's CPU counters, gunicorn's logs) and ``pages`` (one URL per
page type).
"""

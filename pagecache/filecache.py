"""The file cache without compression: the page cache's store when there is no Redis.

Django's FileBasedCache zlib-compresses every value; decompressing a page on
each hit costs as much as the rest of the hit (a page is ~15 KB, disk is cheap).
Files are shared by the gunicorn workers of one server, so a purge by one
worker is seen by all.
"""

import pickle

from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class FileCache(FileBasedCache):
    def validate_key(self, key):
        # Memcached's key rules (checked character by character on every read) do
        # not apply to file names, which are hashes of the key.
        pass

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as f:
                if not self._is_expired(f):
                    return pickle.load(f)  # noqa: S301 (our own files, as in Django's)
        except FileNotFoundError:
            pass
        return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=None, version=None):
        try:
            with open(self._key_to_file(key, version), "r+b") as f:
                try:
                    locks.lock(f, locks.LOCK_EX)
                    if self._is_expired(f):
                        return False
                    value = pickle.load(f)  # noqa: S301
                    f.seek(0)
                    f.truncate()
                    self._write_content(f, timeout, value)
                    return True
                finally:
                    locks.unlock(f)
        except FileNotFoundError:
            return False

"""A grading worker's warm state: what every submission would otherwise pay again.

nbgrader builds a new nbconvert template environment for every feedback page and a new
SQLAlchemy engine for every ``Gradebook`` it opens (a dozen per submission), so each
submission compiled the same templates and SQL queries from scratch.  Here one worker
process keeps one compiled copy of each; the pages and queries are unchanged.
"""

import hashlib
from contextlib import contextmanager


def warm_up():
    """Pay the imports once (in the parent when workers are forked from it, else in each
    worker), not on a worker's first submission."""
    import nbgrader.apps  # noqa: F401  (autograde, generate_feedback, their exporters)
    import nbconvert.exporters  # noqa: F401

    share_compiled_templates()


class _CompiledTemplates:
    """A jinja2 bytecode cache kept in memory for the life of this worker process.

    nbgrader makes a new ``HTMLExporter`` (so a new jinja2 environment) for every
    submission's feedback, and compiling nbconvert's templates again each time costs about
    0.3 CPU-second per submission.  Entries are keyed by template name and file, the
    source's checksum and the environment settings that shape the generated code, so a
    changed template or setting is compiled afresh; the rendered pages are unchanged."""

    def __init__(self):
        self.code = {}

    @staticmethod
    def _key(bucket):
        env = bucket.environment
        autoescape = env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape)
        return (bucket.key, bucket.checksum, env.is_async, env.optimized, autoescape,
                tuple(sorted(env.extensions)), env.block_start_string,
                env.variable_start_string, env.comment_start_string)

    def get_bucket(self, environment, name, filename, source):
        from jinja2.bccache import Bucket

        bucket = Bucket(environment, self._cache_key(name, filename),
                        hashlib.sha1(source.encode("utf-8")).hexdigest())
        bucket.code = self.code.get(self._key(bucket))
        return bucket

    def set_bucket(self, bucket):
        if bucket.code is not None:
            self.code[self._key(bucket)] = bucket.code

    @staticmethod
    def _cache_key(name, filename):
        return hashlib.sha1(f"{name}|{filename}".encode("utf-8")).hexdigest()


def share_compiled_templates():
    """Give every nbconvert template environment of this process one compiled-template
    cache (idempotent; pool workers call it once, Dask workers on their first job)."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = TemplateExporter._create_environment
    if getattr(create, "shares_compiled_templates", False):
        return
    cache = _CompiledTemplates()

    def create_environment(self):
        environment = create(self)
        environment.bytecode_cache = cache
        return environment

    create_environment.shares_compiled_templates = True
    TemplateExporter._create_environment = create_environment


_engines = {}


@contextmanager
def private_gradebooks():
    """Within this block, nbgrader's ``Gradebook`` opens a worker's private scratch copies:

    * every open of the same database uses one SQLAlchemy engine, kept for later blocks so
      its cache of compiled queries stays warm (SQLAlchemy keys that cache by the engine's
      dialect, so separate engines never share it; a worker grades each submission in the
      same private folder, so one engine serves them all);
    * SQLite does not wait for the disk on its ~30 commits per submission
      (``synchronous=OFF``): the copy is read back and thrown away, never kept.

    At the end of the block the engines' connections are closed: the next submission's
    gradebook is a new file at the same path."""
    import nbgrader.api
    from sqlalchemy import event

    create = nbgrader.api.create_engine

    def create_engine(url, *args, **kwargs):
        key = (str(url), args, tuple(sorted(kwargs.items())))
        if key not in _engines:
            engine = _engines[key] = create(url, *args, **kwargs)
            event.listen(engine, "connect", _no_fsync)
        return _engines[key]

    nbgrader.api.create_engine = create_engine
    try:
        yield
    finally:
        nbgrader.api.create_engine = create
        for engine in _engines.values():
            engine.dispose()


def _no_fsync(connection, record):
    connection.execute("PRAGMA synchronous=OFF")

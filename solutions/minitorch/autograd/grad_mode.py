"""Whether operations record the graph: ``no_grad``, ``enable_grad``, ``set_grad_enabled``.

One switch, read by every operation when it makes its result: when it is off the result
gets no ``grad_fn`` (nothing to backpropagate through, nothing kept in memory).  Each
context manager remembers the mode it found and puts it back on exit, so they nest.
They also work as decorators (``@minitorch.no_grad()`` or ``@minitorch.no_grad``).
"""

import functools

from .._exercise import exercise

_enabled = True


def is_grad_enabled() -> bool:
    """True when new operations are recorded for backward (the default)."""
    return _enabled


def _set_enabled(mode):
    global _enabled
    _enabled = bool(mode)


class _GradModeContext:
    """Shared machinery: ``__exit__`` restores the previous mode; calling an instance on a
    function returns the function wrapped in a fresh context of the same kind."""

    def __new__(cls, orig_func=None):
        if orig_func is not None:  # used bare: @no_grad
            return cls()(orig_func)
        return super().__new__(cls)

    def __call__(self, function):
        @functools.wraps(function)
        def run_in_mode(*args, **kwargs):
            with self.clone():
                return function(*args, **kwargs)

        return run_in_mode

    def clone(self):
        return type(self)()

    def __exit__(self, exc_type, exc_value, traceback):
        _set_enabled(self.prev)


class no_grad(_GradModeContext):
    """Do not record operations: for evaluation and for updating parameters in place.

    >>> x = minitorch.ones(2, requires_grad=True)
    >>> with minitorch.no_grad():
    ...     y = x * 2
    >>> y.requires_grad
    False
    """

    @exercise("05", "no_grad")
    def __enter__(self):
        """Switch recording off, remembering the current mode in ``self.prev``.

        ``__exit__`` (given) calls ``_set_enabled(self.prev)``, so a ``no_grad`` inside an
        ``enable_grad`` block turns recording back *on* when it ends, not off.  Use
        ``is_grad_enabled()`` and ``_set_enabled(mode)``.
        """
        ### BEGIN SOLUTION
        self.prev = is_grad_enabled()
        _set_enabled(False)
        ### END SOLUTION


class enable_grad(_GradModeContext):
    """Record operations again, e.g. inside a function that runs under ``no_grad``."""

    def __enter__(self):
        self.prev = is_grad_enabled()
        _set_enabled(True)


class set_grad_enabled(_GradModeContext):
    """``set_grad_enabled(False)`` switches recording off *at once*; used with ``with``,
    the previous mode comes back at the end of the block."""

    def __new__(cls, mode):
        return object.__new__(cls)

    def __init__(self, mode):
        self.prev = is_grad_enabled()
        self.mode = bool(mode)
        _set_enabled(self.mode)

    def __call__(self, function):
        _set_enabled(self.prev)  # as a decorator it changes nothing until the call
        return super().__call__(function)

    def clone(self):
        return type(self)(self.mode)

    def __enter__(self):
        pass

    def __repr__(self):
        return f"minitorch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"

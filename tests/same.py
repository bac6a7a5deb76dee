"""``assert_same(mine, theirs)``: a minitorch tensor equals a PyTorch tensor in shape,
dtype and values (NaN equals NaN), and with ``layout=True`` also in strides and
storage offset.  Used by every test that takes PyTorch as the oracle."""

import contextlib
import re
import types

import numpy as np
import pytest

from minitorch_course.pytest_plugin import STUB_MESSAGE


def assert_same(mine, theirs, layout=False):
    assert type(mine).__name__ == "Tensor", f"expected a minitorch Tensor, got {type(mine)}"
    assert tuple(mine.shape) == tuple(theirs.shape), f"shape {mine.shape} != {theirs.shape}"
    assert str(mine.dtype) == str(theirs.dtype), f"dtype {mine.dtype} != {theirs.dtype}"
    np.testing.assert_array_equal(np.asarray(mine._array()), theirs.numpy(force=True))
    if layout:
        assert mine.stride() == theirs.stride(), f"strides {mine.stride()} != {theirs.stride()}"
        assert mine.storage_offset() == theirs.storage_offset(), (
            f"storage offset {mine.storage_offset()} != {theirs.storage_offset()}")


@contextlib.contextmanager
def raises(expected, match=None):
    """Like ``pytest.raises``, but an unfinished exercise's NotImplementedError passes
    through (so the test reports *pending*).  ``pytest.raises(RuntimeError)`` would
    swallow it: NotImplementedError is a RuntimeError.  ``info.value`` is the error."""
    info = types.SimpleNamespace(value=None, type=None)
    try:
        yield info
    except expected as error:
        if isinstance(error, NotImplementedError) and STUB_MESSAGE.search(str(error)):
            raise
        if match is not None and not re.search(match, str(error)):
            raise AssertionError(f"{error!r} does not match {match!r}") from error
        info.value, info.type = error, type(error)
    else:
        pytest.fail(f"DID NOT RAISE {expected}")


def same_error(torch, call, expected=(RuntimeError, IndexError, ValueError, TypeError)):
    """``call(torch)`` raises; ``call(minitorch)`` raises the same class and message."""
    import minitorch

    with raises(expected) as theirs:
        call(torch)
    with raises(theirs.type) as mine:
        call(minitorch)
    assert str(mine.value) == str(theirs.value)

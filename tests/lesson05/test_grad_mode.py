"""Lesson 05: ``no_grad``, ``enable_grad``, ``set_grad_enabled``, ``is_grad_enabled``."""

import pytest

import minitorch
from minitorch.autograd import (enable_grad, is_grad_enabled, no_grad, record,
                                set_grad_enabled)


def recorded():
    """Whether an op on a tensor that requires grad is recorded right now."""
    a = minitorch.tensor([1.0], requires_grad=True)
    return record(minitorch.tensor([2.0]), (a,), "MulBackward0").grad_fn is not None


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_stops_recording_and_restores():
    assert is_grad_enabled() and recorded()
    with no_grad():
        assert not is_grad_enabled()
        assert not recorded()
    assert is_grad_enabled() and recorded()


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_nests_inside_enable_grad():
    with no_grad():
        with enable_grad():
            assert is_grad_enabled()
            with no_grad():
                assert not is_grad_enabled()
            assert is_grad_enabled()
        assert not is_grad_enabled()
    assert is_grad_enabled()


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_restores_after_an_exception():
    with pytest.raises(ValueError):
        with no_grad():
            raise ValueError
    assert is_grad_enabled()


@pytest.mark.exercise("05", "no_grad")
def test_no_grad_as_decorator_with_and_without_parentheses():
    @no_grad()
    def first():
        return is_grad_enabled()

    @no_grad
    def second():
        return is_grad_enabled()

    assert first() is False and second() is False
    assert is_grad_enabled()
    assert first.__name__ == "first"


def test_set_grad_enabled_acts_at_once_and_as_context():
    set_grad_enabled(False)
    try:
        assert not is_grad_enabled()
    finally:
        set_grad_enabled(True)
    with set_grad_enabled(False):
        assert not is_grad_enabled()
    assert is_grad_enabled()
    assert repr(set_grad_enabled(True)).endswith("set_grad_enabled(mode=True)")


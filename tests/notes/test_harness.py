"""The note harness itself: what it records, and that it can tell libraries apart."""

import types

import pytest

import minitorch
from harness import LibraryProxy, Snippet, as_torch_text, compare, missing_features, run_snippet


def test_records_prints_and_every_expression():
    text = run_snippet("print('hi')\n1 + 1\nNone\nx = 3\nx * 2", minitorch)
    assert text == "hi\n2\n6\n"


def test_an_exception_ends_the_run_and_is_recorded():
    text = run_snippet("print(1)\nraise KeyError('k')\nprint(2)", minitorch)
    assert text == "1\nKeyError: 'k'\n"


def test_import_torch_gives_the_library_under_test():
    text = run_snippet("import torch\nimport torch.nn.functional as F\n"
                       "from torch import tensor\ntensor([1])\n", minitorch)
    assert text == "tensor([1])\n"


def test_random_functions_draw_the_same_numbers_in_both_libraries(torch):
    source = ("torch.manual_seed(3)\ntorch.rand(2, 3)\ntorch.randn(size=(2,))\n"
              "torch.randint(0, 10, (4,))\ntorch.randperm(5)\n"
              "torch.rand_like(torch.zeros(2), dtype=torch.float64)\n"
              "torch.normal(torch.zeros(3), 1.0)\ntorch.normal(2.0, 3.0, size=(2,))")
    assert run_snippet(source, torch) == run_snippet(source, minitorch)
    assert run_snippet("torch.rand(3)", minitorch) != run_snippet("torch.rand(4)", minitorch)


def test_uninitialised_memory_reads_as_zeros(torch):
    assert run_snippet("torch.empty(2, 3)\ntorch.Tensor(2)", torch) == \
        "tensor([[0., 0., 0.],\n        [0., 0., 0.]])\ntensor([0., 0.])\n"


def test_a_different_library_gives_different_text(torch):
    wrong = LibraryProxy(minitorch, {"zeros": minitorch.ones})
    snippet = Snippet("zeros", "torch.zeros(2)")
    expected, got = compare(snippet, torch, wrong)
    assert expected != got


def test_expected_errors_are_checked_against_torch(torch):
    with pytest.raises(AssertionError, match="should raise IndexError"):
        compare(Snippet("wrong-error", "torch.zeros(2).view(3)", raises="IndexError"),
                torch, minitorch)
    with pytest.raises(AssertionError, match="fails under real PyTorch"):
        compare(Snippet("broken", "torch.zeros(2).view(3)"), torch, minitorch)


def test_class_names_read_as_torch():
    assert as_torch_text("<class 'minitorch.Tensor'>") == "<class 'torch.Tensor'>"


def test_missing_features_are_named():
    fake = types.SimpleNamespace(Tensor=type("T", (), {"view": None}), zeros=1)
    assert missing_features(fake, ("zeros", "Tensor.fill_", "nn.functional")) == [
        "Tensor.fill_", "nn.functional"]

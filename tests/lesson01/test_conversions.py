"""Attributes, dtype conversion, Python/NumPy interop and the CPU-only device."""

import copy

import numpy as np
import pytest
from hypothesis import given, settings

import minitorch
from same import assert_same, raises
from strategies import DTYPE_NAMES, arrays


def pair(torch, data, dtype=None):
    return (minitorch.tensor(data, dtype=getattr(minitorch, dtype) if dtype else None),
            torch.tensor(data, dtype=getattr(torch, dtype) if dtype else None))


def test_attributes_match_torch(torch):
    mine, theirs = pair(torch, [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    for name in ("dim", "numel", "nelement", "ndimension", "stride", "storage_offset",
                 "is_contiguous", "is_floating_point", "element_size", "size"):
        assert getattr(mine, name)() == getattr(theirs, name)(), name
    assert mine.ndim == theirs.ndim and mine.shape == theirs.shape
    assert mine.size(1) == mine.size(dim=-1) == 3 and mine.stride(0) == 3
    assert mine.is_cuda is False and mine.itemsize == 4


@pytest.mark.parametrize("method", ["float", "double", "half", "long", "int", "short", "char",
                                    "byte", "bool"])
def test_conversion_methods_match_torch(torch, method):
    mine, theirs = pair(torch, [[0.0, 1.7], [-2.5, 3.0]])
    assert_same(getattr(mine, method)(), getattr(theirs, method)(), layout=True)


def test_conversion_to_the_same_dtype_returns_self():
    x = minitorch.zeros(2)
    assert x.float() is x and x.to(minitorch.float32) is x and x.to("cpu") is x
    assert x.to(minitorch.float32, copy=True) is not x


@pytest.mark.parametrize("target", DTYPE_NAMES)
@settings(max_examples=15)
@given(array=arrays(dtype="float32"))
def test_to_dtype_matches_torch(torch, target, array):
    array = np.clip(array, 0, 100) if target in ("uint8", "bool") else array
    if target.startswith(("int", "uint")):
        array = np.clip(array, -100, 100)
    mine, theirs = pair(torch, array)
    assert_same(mine.to(getattr(minitorch, target)), theirs.to(getattr(torch, target)))


def test_to_accepts_tensors_keywords_and_cpu(torch):
    x = minitorch.tensor([1, 2])
    assert x.to(minitorch.zeros(1, dtype=minitorch.float64)).dtype is minitorch.float64
    assert x.to(dtype=minitorch.float16).dtype is minitorch.float16
    assert x.to("cpu", minitorch.float32).dtype is minitorch.float32
    assert x.cpu() is x and x.type() == torch.tensor([1, 2]).type() == "torch.LongTensor"
    assert x.type(minitorch.float64).dtype is minitorch.float64


@pytest.mark.parametrize("call", [
    lambda: minitorch.zeros(2).to("cuda"),
    lambda: minitorch.zeros(2).cuda(),
    lambda: minitorch.tensor([1], device="cuda"),
    lambda: minitorch.ones(2, device=minitorch.device("cuda:0")),
])
def test_cuda_is_refused_with_an_explanation(call):
    with raises(RuntimeError, match="runs on the CPU only"):
        call()


def test_devices():
    assert minitorch.cuda.is_available() is False and minitorch.cuda.device_count() == 0
    assert minitorch.device("cpu") == minitorch.zeros(1).device == "cpu"
    assert repr(minitorch.device("cuda:1")) == "device(type='cuda', index=1)"
    assert minitorch.zeros(1, device="cpu").device.type == "cpu"


def test_clone_copies_and_keeps_the_layout(torch):
    for lib in (minitorch, torch):
        base = lib.tensor(np.arange(6).reshape(2, 3))
        copy_ = base.T.clone()
        copy_[0, 0] = 100
        assert base[0, 0].item() == 0
    data = np.arange(6).reshape(2, 3)
    assert minitorch.tensor(data).T.clone().stride() == torch.tensor(data).T.clone().stride()
    assert minitorch.tensor([[1.0]] * 3).expand(3, 4).clone().stride() == \
        torch.tensor([[1.0]] * 3).expand(3, 4).clone().stride()


def test_python_conversions_match_torch(torch):
    mine, theirs = pair(torch, [[1, 2], [3, 4]])
    assert mine.tolist() == theirs.tolist() and len(mine) == len(theirs) == 2
    assert [row.tolist() for row in mine] == [row.tolist() for row in theirs]
    scalar_mine, scalar_theirs = pair(torch, [2.5])
    assert float(scalar_mine) == float(scalar_theirs) and int(scalar_mine) == int(scalar_theirs)
    assert bool(minitorch.tensor([0])) is False
    assert [10, 20, 30][minitorch.tensor(1)] == 20
    assert minitorch.tensor(3.0).tolist() == 3.0


@pytest.mark.parametrize("call, error", [
    (lambda lib: len(lib.tensor(3)), TypeError),
    (lambda lib: iter(lib.tensor(3)), TypeError),
    (lambda lib: bool(lib.tensor([1, 2])), RuntimeError),
    (lambda lib: float(lib.tensor([1.0, 2.0])), ValueError),
    (lambda lib: lib.tensor([1.0, 2.0], requires_grad=True).numpy(), RuntimeError),
])
def test_conversion_errors_match_torch(torch, call, error):
    with raises(error) as theirs:
        call(torch)
    with raises(error) as mine:
        call(minitorch)
    assert str(mine.value) == str(theirs.value)


def test_numpy_shares_memory_and_array_protocol():
    t = minitorch.tensor(np.arange(6).reshape(2, 3))
    array = t.numpy()
    array[0, 0] = 42
    assert t[0, 0].item() == 42
    assert np.dot(t, t.T).tolist() == np.dot(array, array.T).tolist()
    assert np.asarray(t, dtype=np.float64).dtype == np.float64
    assert np.array(t).tolist() == t.tolist()


@pytest.mark.parametrize("a", ["bool", "uint8", "int8", "int16", "int32", "int64", "float16",
                               "float32", "float64"])
def test_promote_types_matches_torch(torch, a):
    for b in DTYPE_NAMES:
        mine = minitorch.promote_types(getattr(minitorch, a), getattr(minitorch, b))
        assert str(mine) == str(torch.promote_types(getattr(torch, a), getattr(torch, b))), b


def test_default_dtype_can_change_and_back():
    try:
        minitorch.set_default_dtype(minitorch.float64)
        assert minitorch.get_default_dtype() is minitorch.float64
        assert minitorch.tensor([1.5]).dtype is minitorch.float64
        assert repr(minitorch.tensor([1.5])) == "tensor([1.5000])"
        assert repr(minitorch.tensor([1.5], dtype=minitorch.float32)) == \
            "tensor([1.5000], dtype=torch.float32)"
    finally:
        minitorch.set_default_dtype(minitorch.float32)
    with raises(TypeError, match="only floating-point types"):
        minitorch.set_default_dtype(minitorch.int64)


def test_dtypes_survive_copying_and_aliases_are_the_same_object():
    assert copy.deepcopy(minitorch.float32) is minitorch.float32
    assert minitorch.float is minitorch.float32 and minitorch.long is minitorch.int64
    assert minitorch.double is minitorch.float64 and minitorch.half is minitorch.float16
    assert minitorch.is_tensor(minitorch.zeros(1)) and not minitorch.is_tensor([1])
    assert type(minitorch.zeros(1)) is minitorch.Tensor

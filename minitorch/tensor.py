"""``Tensor``: a strided view of a flat NumPy storage.

A tensor is four things: ``_storage`` (a 1-D NumPy array, shared by all views of it),
``_shape``, ``_strides`` (in elements) and ``_offset`` (where element 0 sits).  Every
kernel works on ``self._array()``, the NumPy view with exactly that layout, so writing
through any view writes the shared storage, as in PyTorch.

This file holds the storage, the attributes and the lesson-02 view exercises; creation,
printing, indexing and the lesson-03 shape functions live in their own modules and are
bound here as methods.  The math (``+``, ``sum``, ``@``...) comes from ``OperationMethods``.
"""

import builtins

import numpy as np

from . import dtypes
from ._exercise import exercise
from .autograd import recording  # lesson 05: views and copies join the graph
from .autograd.graph import check_inplace
from .autograd.tensor_methods import AutogradMethods
from .device import CPU, check_device
from .dims import size_args, wrap_dim
from .ops.methods import OperationMethods
from .ops.promotion import scalar_type_name
from .size import Size
from .strides import infer_size, view_strides


def _row_major_strides(shape):
    """Strides of a fresh row-major tensor.  (Lesson 02's ``contiguous_strides`` exercise
    computes the same; lesson 01 must not depend on it.)"""
    strides, step = [], 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))


def preserved_layout(shape, strides):
    """The strides a copy keeps (PyTorch's ``preserve_format``): the same ones when they
    lay the elements out without gaps or overlaps in some order of the dimensions (and
    always for tensors with no elements), else None, meaning row-major."""
    if any(size == 0 for size in shape):
        return tuple(strides)
    order = sorted((d for d in range(len(shape)) if shape[d] != 1), key=lambda d: strides[d])
    expected = 1
    for d in order:
        if strides[d] != expected:
            return None
        expected *= shape[d]
    return tuple(strides)


class Tensor(OperationMethods, AutogradMethods):
    __module__ = "minitorch"  # type(t) prints <class 'minitorch.Tensor'>, the public name
    # Autograd state: plain attributes, class-level defaults until lesson 05 sets them.
    requires_grad = False
    grad = None
    grad_fn = None

    def __init__(self, *args, **kwargs):
        """``Tensor(2, 3)`` (uninitialised, here zeros) or ``Tensor([[1, 2]])``: the legacy
        constructor, always of the default dtype."""
        from .creation import legacy_new

        made = legacy_new(dtypes.get_default_dtype(), args, **kwargs)
        self._adopt(made._storage, made._shape, made._strides, made._offset)

    def _adopt(self, storage, shape, strides, offset):
        self._storage = storage
        self._shape = tuple(shape)
        self._strides = tuple(strides)
        self._offset = offset

    @classmethod
    def _make(cls, storage, shape, strides, offset=0):
        """A tensor over ``storage`` with this layout (no copy, no checks)."""
        made = object.__new__(cls)
        made._adopt(storage, shape, strides, offset)
        return made

    # -- building tensors from NumPy arrays (the one way kernels return results) --------
    @classmethod
    def _from_array(cls, array, strides=None):
        """A new tensor owning a fresh copy of ``array``, row-major unless ``strides``
        (a dense layout, see ``preserved_layout``) says how to lay it out."""
        array = np.asarray(array)
        dtypes.from_numpy(array.dtype)  # TypeError now for types PyTorch lacks
        if strides is None:
            strides = _row_major_strides(array.shape)
        storage = np.empty(array.size, dtype=array.dtype)
        made = cls._make(storage, array.shape, strides, 0)
        made._array()[...] = array
        return made

    def _array(self):
        """The NumPy view of this tensor's elements (shares memory with the storage)."""
        itemsize = self._storage.itemsize
        if 0 in self._shape or not self._storage.size:
            # No element to point at (its offset may even lie past the storage's end).
            return np.empty(self._shape, self._storage.dtype)
        # np.ndarray over the storage's buffer: the same view as as_strided, ~4x cheaper,
        # which is most of the per-op overhead on small tensors.
        return np.ndarray(self._shape, self._storage.dtype, buffer=self._storage,
                          offset=self._offset * itemsize,
                          strides=tuple(s * itemsize for s in self._strides))

    def _view(self, shape, strides, offset=None):
        """Another tensor over the same storage (the building block of every view)."""
        return type(self)._make(self._storage, shape, strides,
                                self._offset if offset is None else offset)

    # -- attributes ---------------------------------------------------------------------
    @property
    def shape(self):
        return Size(self._shape)

    def size(self, dim=None):
        return self.shape if dim is None else self._shape[wrap_dim(dim, self.dim())]

    def stride(self, dim=None):
        return self._strides if dim is None else self._strides[wrap_dim(dim, self.dim())]

    def storage_offset(self):
        return self._offset

    def dim(self):
        return len(self._shape)

    ndimension = dim

    @property
    def ndim(self):
        return self.dim()

    def numel(self):
        return Size(self._shape).numel()

    nelement = numel

    @property
    def dtype(self):
        return dtypes.from_numpy(self._storage.dtype)

    @property
    def device(self):
        return CPU

    is_cuda = False

    def is_floating_point(self):
        return self.dtype.is_floating_point

    def element_size(self):
        return self._storage.itemsize

    @property
    def itemsize(self):
        return self._storage.itemsize

    def data_ptr(self):
        """Address of element 0, so students can *see* that views share memory."""
        return self._storage.__array_interface__["data"][0] + self._offset * self._storage.itemsize

    def untyped_storage(self):
        """The shared flat NumPy array (PyTorch returns a storage object)."""
        return self._storage

    # -- lesson 02: views -----------------------------------------------------------------
    @exercise("02", "is_contiguous")
    def is_contiguous(self):
        """Return True when the elements sit in storage in row-major order with no gaps.

        Walk the dimensions from the last to the first with an ``expected`` stride that
        starts at 1: a dimension of size 1 can have any stride (you never step along
        it); any other dimension must have ``stride == expected``, and then multiplies
        ``expected`` by its size.  A tensor with no elements is always contiguous.

        >>> x = minitorch.zeros(2, 3)          # strides (3, 1)
        >>> x.is_contiguous(), x.t().is_contiguous()   # t(): strides (1, 3)
        (True, False)
        >>> minitorch.zeros(3, 1).as_strided((3, 1), (1, 7)).is_contiguous()
        True
        """
        raise NotImplementedError('Lesson 02 · exercise is_contiguous: implement Tensor.is_contiguous (minitorch/tensor.py), then run check("02", "is_contiguous") to test it.')

    @recording.recorded_as("ViewBackward0")
    @exercise("02", "view", points=2)
    def view(self, *shape):
        """Return a tensor with the new ``shape`` that shares this tensor's storage.

        ``shape`` may be given as ``view(2, 3)`` or ``view((2, 3))``: ``size_args(shape)``
        (given) makes a tuple of either.  One entry may be -1: ``infer_size(new_shape,
        self.numel())`` (given) fills it in and raises PyTorch's errors.  Ask
        ``view_strides(self.shape, self.stride(), new_shape)`` (your lesson-02 exercise)
        for the new strides; when it returns None the memory layout cannot be read in the
        new shape and you must raise PyTorch's error::

            RuntimeError: view size is not compatible with input tensor's size and stride
            (at least one dimension spans across two contiguous subspaces). Use
            .reshape(...) instead.

        (one line, no line breaks).  Build the result with ``self._view(shape, strides)``.

        >>> x = minitorch.arange(6)
        >>> y = x.view(2, -1)
        >>> y.shape, y.stride()
        (torch.Size([2, 3]), (3, 1))
        >>> y[0, 0] = 100; x[0]           # same memory
        tensor(100)
        """
        raise NotImplementedError('Lesson 02 · exercise view: implement Tensor.view (minitorch/tensor.py), then run check("02", "view") to test it.')

    @recording.recorded_as(recording.reshape_name)
    @exercise("02", "reshape", points=2)
    def reshape(self, *shape):
        """Like ``view``, but copy when a view is impossible.

        Return a view when ``view_strides`` finds strides for the new shape; otherwise
        make a contiguous copy (``self.contiguous()``) and view *that*.  So
        ``x.t().reshape(-1)`` works where ``x.t().view(-1)`` raises.

        >>> x = minitorch.arange(6).view(2, 3).t()
        >>> x.reshape(6)
        tensor([0, 3, 1, 4, 2, 5])
        >>> x.reshape(6).data_ptr() == x.data_ptr()    # a copy
        False
        """
        raise NotImplementedError('Lesson 02 · exercise reshape: implement Tensor.reshape (minitorch/tensor.py), then run check("02", "reshape") to test it.')

    @recording.recorded_as("TransposeBackward0", recording.transpose_dims)
    @exercise("02", "transpose")
    def transpose(self, dim0, dim1):
        """Swap two dimensions without moving any data: swap their sizes *and* strides.

        Negative dims count from the end; use ``wrap_dim(dim, self.dim())`` (given), which
        also raises PyTorch's IndexError for dims out of range.

        >>> x = minitorch.zeros(2, 3, 4)
        >>> y = x.transpose(0, -1)
        >>> y.shape, y.stride()
        (torch.Size([4, 3, 2]), (1, 4, 12))
        """
        raise NotImplementedError('Lesson 02 · exercise transpose: implement Tensor.transpose (minitorch/tensor.py), then run check("02", "transpose") to test it.')

    swapaxes = swapdims = transpose

    def view_as(self, other):
        return self.view(other.shape)

    def reshape_as(self, other):
        return self.reshape(other.shape)

    @recording.recorded_as("CloneBackward0")
    def contiguous(self):
        """Self when already contiguous, else a row-major copy."""
        return self if self.is_contiguous() else type(self)._from_array(self._array())

    @recording.recorded_as("TBackward0")
    def t(self):
        """Transpose a matrix (0-d and 1-d tensors come back as they are)."""
        if self.dim() > 2:
            raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is "
                               f"{self.dim()}D")
        return self.transpose(0, 1) if self.dim() == 2 else self._view(self._shape, self._strides)

    @property
    def T(self):
        return self.permute(*reversed(range(self.dim())))

    @property
    def mT(self):
        if self.dim() < 2:
            raise RuntimeError("tensor.mT is only supported on matrices or batches of matrices. "
                               f"Got {self.dim()}-D tensor.")
        return self.transpose(-2, -1)

    @recording.recorded_as("PermuteBackward0", recording.permute_dims)
    def permute(self, *dims):
        dims = size_args(dims, "dims")
        if len(dims) != self.dim():
            raise RuntimeError(
                "permute(sparse_coo): number of dimensions in the tensor input does not match "
                "the length of the desired ordering of dimensions i.e. input.dim() = "
                f"{self.dim()} is not equal to len(dims) = {len(dims)}")
        dims = [wrap_dim(d, self.dim()) for d in dims]
        if len(set(dims)) != len(dims):
            raise RuntimeError("permute(): duplicate dims are not allowed.")
        return self._view([self._shape[d] for d in dims], [self._strides[d] for d in dims])

    @recording.recorded_as("AsStridedBackward0")
    def as_strided(self, size, stride, storage_offset=None):
        return self._view(tuple(size), tuple(stride), storage_offset)

    @recording.recorded_as("ExpandBackward0")
    def expand(self, *sizes):
        """Repeat size-1 dimensions (and add leading ones) with stride 0: no copy."""
        sizes = size_args(sizes)
        if len(sizes) < self.dim():
            raise RuntimeError(
                f"expand(torch.FloatTensor{{{list(self._shape)}}}, size={list(sizes)}): the "
                f"number of sizes provided ({len(sizes)}) must be greater or equal to the "
                f"number of dimensions in the tensor ({self.dim()})")
        lead = len(sizes) - self.dim()
        shape, strides = list(sizes), [0] * len(sizes)
        for d in reversed(range(len(sizes))):  # PyTorch checks from the last dim
            target = sizes[d]
            if d < lead:
                if target < 0:
                    raise RuntimeError(f"The expanded size of the tensor ({target}) isn't "
                                       f"allowed in a leading, non-existing dimension {d}")
                continue
            size, stride = self._shape[d - lead], self._strides[d - lead]
            if target == -1 or target == size:
                shape[d], strides[d] = size, stride
            elif size != 1:
                raise RuntimeError(
                    f"The expanded size of the tensor ({target}) must match the existing size "
                    f"({size}) at non-singleton dimension {d}.  Target sizes: {list(sizes)}.  "
                    f"Tensor sizes: {list(self._shape)}")
        return self._view(shape, strides)

    def expand_as(self, other):
        return self.expand(other.shape)

    @recording.recorded_as("ViewBackward0")
    def flatten(self, start_dim=0, end_dim=-1):
        if self.dim() == 0:
            return self.reshape(1)
        start, end = wrap_dim(start_dim, self.dim()), wrap_dim(end_dim, self.dim())
        if start > end:
            raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
        if start == end:
            return self._view(self._shape, self._strides)
        middle = Size(self._shape[start:end + 1]).numel()
        return self.reshape(self._shape[:start] + (middle,) + self._shape[end + 1:])

    def ravel(self):
        return self.contiguous().view(-1)

    def unflatten(self, dim, sizes):
        dim = wrap_dim(dim, self.dim())
        sizes = infer_size(tuple(sizes), self._shape[dim])
        return self.view(self._shape[:dim] + sizes + self._shape[dim + 1:])

    @recording.recorded_as("SliceBackward0", recording.narrow_key)
    def narrow(self, dim, start, length):
        dim = wrap_dim(dim, self.dim())
        start = start + self._shape[dim] if start < 0 else start
        shape = list(self._shape)
        shape[dim] = length
        return self._view(shape, self._strides, self._offset + start * self._strides[dim])

    @recording.recorded_as("SelectBackward0", recording.select_key)
    def select(self, dim, index):
        """The slice ``index`` along ``dim``, without that dimension (a view)."""
        dim = wrap_dim(dim, self.dim())
        size = self._shape[dim]
        if not -size <= index < size:
            raise IndexError(f"select(): index {index} out of range for tensor of size "
                             f"{list(self._shape)} at dimension {dim}")
        offset = self._offset + (index % size) * self._strides[dim]
        return self._view(self._shape[:dim] + self._shape[dim + 1:],
                          self._strides[:dim] + self._strides[dim + 1:], offset)

    # -- conversions ----------------------------------------------------------------------
    def numpy(self, *, force=False):
        """The elements as a NumPy array sharing this tensor's memory."""
        if self.requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. "
                               "Use tensor.detach().numpy() instead.")
        return self._array()

    def __array__(self, dtype=None, copy=None):
        array = self._array()
        if dtype is not None and np.dtype(dtype) != array.dtype:
            return array.astype(dtype)
        return array.copy() if copy else array

    def tolist(self):
        return self._array().tolist()

    @exercise("01", "item")
    def item(self):
        """Return the only element as a Python number (``int``, ``float`` or ``bool``).

        Works for any tensor with exactly one element, whatever its shape; the element
        sits at ``self._storage[self._offset]``.  NumPy numbers turn into Python ones
        with their ``.item()``.  Otherwise raise PyTorch's error, e.g.
        ``RuntimeError: a Tensor with 6 elements cannot be converted to Scalar``.

        >>> minitorch.tensor([[2.5]]).item()
        2.5
        """
        raise NotImplementedError('Lesson 01 · exercise item: implement Tensor.item (minitorch/tensor.py), then run check("01", "item") to test it.')

    def _scalar(self, kind):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return kind(self.item())

    def __float__(self):
        return self._scalar(builtins.float)

    def __int__(self):
        return self._scalar(builtins.int)

    def __index__(self):
        if self.dtype.is_floating_point or self.dtype is dtypes.bool or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return builtins.int(self.item())

    def __bool__(self):
        if self.numel() == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if self.numel() > 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return builtins.bool(self.item())

    def __len__(self):
        if self.dim() == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._shape[0]

    def __iter__(self):
        if self.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(self._shape[0]))

    __hash__ = object.__hash__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __repr__(self):
        from .printing import tensor_repr

        return tensor_repr(self)

    __str__ = __repr__

    @recording.recorded_as(recording.indexing_name, recording.indexing_key)
    def __getitem__(self, key):
        from .indexing import get_item

        return get_item(self, key)

    def __setitem__(self, key, value):
        from .indexing import set_item

        check_inplace(self, through_view=True)  # autograd: x[key] = v must not break a graph
        set_item(self, key, value)

    # -- copies and dtype conversion -------------------------------------------------------
    def _copy_as(self, numpy_dtype):
        """A copy converted to ``numpy_dtype`` that keeps a dense layout, as PyTorch's
        copies do (``x.t().clone()`` is still transposed)."""
        return type(self)._from_array(self._array().astype(numpy_dtype, copy=False),
                                      preserved_layout(self._shape, self._strides))

    @recording.recorded_as("CloneBackward0")
    def clone(self):
        return self._copy_as(self._storage.dtype)

    @recording.recorded_as("ToCopyBackward0")
    def to(self, *args, **kwargs):
        """``to(dtype)``, ``to("cpu")``, ``to(other_tensor)``: self when nothing changes."""
        dtype = kwargs.pop("dtype", None)
        copy = kwargs.pop("copy", False)
        check_device(kwargs.pop("device", None))
        kwargs.pop("non_blocking", None)
        if kwargs:
            raise TypeError(f"to() got an unexpected keyword argument '{next(iter(kwargs))}'")
        for arg in args:
            if isinstance(arg, dtypes.dtype):
                dtype = arg
            elif isinstance(arg, Tensor):
                dtype = arg.dtype
            else:
                check_device(arg)
        if (dtype is None or dtype is self.dtype) and not copy:
            return self
        return self._copy_as((dtype or self.dtype).numpy)

    def type(self, dtype=None):
        """``"torch.FloatTensor"``...: the legacy name of the dtype, or ``to(dtype)``."""
        if dtype is None:
            return f"torch.{scalar_type_name(self.dtype)}Tensor"
        return self.to(dtype)

    def cpu(self):
        return self

    def cuda(self, *args, **kwargs):
        check_device("cuda")

    def float(self):
        return self.to(dtypes.float32)

    def double(self):
        return self.to(dtypes.float64)

    def half(self):
        return self.to(dtypes.float16)

    def long(self):
        return self.to(dtypes.int64)

    def int(self):
        return self.to(dtypes.int32)

    def short(self):
        return self.to(dtypes.int16)

    def char(self):
        return self.to(dtypes.int8)

    def byte(self):
        return self.to(dtypes.uint8)

    def bool(self):
        return self.to(dtypes.bool)

    # -- new tensors like this one ---------------------------------------------------------
    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        from .creation import tensor

        return tensor(data, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_zeros(self, *size, dtype=None, device=None, requires_grad=False):
        from .creation import zeros

        return zeros(*size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_ones(self, *size, dtype=None, device=None, requires_grad=False):
        from .creation import ones

        return ones(*size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_empty(self, *size, dtype=None, device=None, requires_grad=False):
        from .creation import empty

        return empty(*size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
        from .creation import full

        return full(size, fill_value, dtype=dtype or self.dtype, device=device,
                    requires_grad=requires_grad)

    # -- lesson 03 shape functions as methods ----------------------------------------------
    def squeeze(self, dim=None):
        from .shape_ops import squeeze

        return squeeze(self, dim)

    def unsqueeze(self, dim):
        from .shape_ops import unsqueeze

        return unsqueeze(self, dim)

    def chunk(self, chunks, dim=0):
        from .shape_ops import chunk

        return chunk(self, chunks, dim)

    def split(self, split_size, dim=0):
        from .shape_ops import split

        return split(self, split_size, dim)

    def unbind(self, dim=0):
        from .shape_ops import unbind

        return unbind(self, dim)


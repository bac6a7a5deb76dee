"""``minitorch.nn.functional`` (``import minitorch.nn.functional as F``): activations,
``one_hot`` and losses, on top of the lesson-04 operations."""

import warnings

import numpy as np

from .. import dtypes
from .._exercise import exercise
from ..autograd import recording
from ..ops.arithmetic import sub
from ..ops.elementwise import check_tensor
from ..ops import pointwise
from ..ops.pointwise import sigmoid
from ..ops.promotion import scalar_type_name
from ..ops.result import make_result, new_tensor
from ..ops.activations import log_softmax, softmax

__all__ = ["softmax", "log_softmax", "relu", "sigmoid", "one_hot", "mse_loss", "cross_entropy"]

REDUCTIONS = ("none", "mean", "sum")


def relu(input, inplace=False):
    """``max(input, 0)``; with ``inplace=True`` written into ``input`` itself."""
    return pointwise.relu(input, _inplace=input if inplace else None)


@exercise("04", "one_hot", 1)
def one_hot(tensor, num_classes=-1):
    """Turn class indices into one-hot rows: ``[2, 0] -> [[0, 0, 1], [1, 0, 0]]``.

    The result has ``tensor``'s shape plus one last dimension of size ``num_classes`` and
    dtype int64; ``num_classes=-1`` means ``tensor.max() + 1``.  Refuse, like PyTorch:

    * a dtype other than int64: ``RuntimeError("one_hot is only applicable to index tensor
      of type LongTensor.")``
    * an empty tensor with ``num_classes <= 0``: ``RuntimeError("Can not infer total number
      of classes from empty tensor.")``
    * a negative value: ``RuntimeError("Class values must be non-negative.")``
    * a value >= num_classes: ``RuntimeError("Class values must be smaller than
      num_classes.")``

    Hint: comparing ``indices[..., None]`` with ``np.arange(num_classes)`` broadcasts to the
    answer.  Return ``new_tensor(array)`` (one_hot has no gradient).

    >>> F.one_hot(torch.tensor([2, 0]))
    tensor([[0, 0, 1],
            [1, 0, 0]])
    """
    raise NotImplementedError('Lesson 04 · exercise one_hot: implement one_hot (minitorch/nn/functional.py), then run check("04", "one_hot") to test it.')


def _reduce(losses, reduction, inputs, grad_name, weights=None):
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    if reduction == "sum":
        losses = np.sum(losses)
    elif reduction == "mean":
        losses = np.mean(losses) if weights is None else np.sum(losses) / np.sum(weights)
    return make_result(np.asarray(losses), inputs, grad_name)


@recording.with_saved(recording.loss_reduction)
def mse_loss(input, target, reduction="mean"):
    """Mean squared error ``(input - target) ** 2``, reduced by ``reduction``."""
    check_tensor("mse_loss", input)
    check_tensor("mse_loss", target, "target", 2)
    if input.shape != target.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input "
                      f"size ({input.shape}). This will likely lead to incorrect results due "
                      "to broadcasting. Please ensure they have the same size.",
                      UserWarning, stacklevel=2)
    for tensor in (input, target):
        if not tensor.dtype.is_floating_point:
            raise NotImplementedError(f'"mse_cpu" not implemented for '
                                      f"'{scalar_type_name(tensor.dtype)}'")
    difference = sub(input, target)._array()
    return _reduce(difference * difference, reduction, (input, target), "MseLossBackward0")


@recording.with_saved(recording.cross_entropy_options)
def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean"):
    """Cross-entropy of logits ``input`` (N, C) or (C,) with class indices ``target``.

    ``loss[n] = -weight[c] * log_softmax(input)[n, c]`` with ``c = target[n]``; targets equal
    to ``ignore_index`` contribute nothing, and ``"mean"`` divides by the total weight.
    A float ``target`` of ``input``'s shape is read as class probabilities instead.
    """
    check_tensor("cross_entropy", input)
    check_tensor("cross_entropy", target, "target", 2)
    class_axis = 1 if input.dim() > 1 else 0
    log_probabilities = log_softmax(input, class_axis)._array()
    class_weights = 1 if weight is None else _class_axis(weight._array(), input.dim())
    if target.dtype.is_floating_point:
        if target.shape != input.shape:
            raise RuntimeError("Expected floating point type target with the same shape as "
                               "the input")
        losses = -np.sum(target._array() * log_probabilities * class_weights, axis=class_axis)
        return _reduce(losses, reduction, (input, target), "NllLossBackward0")
    if target.dtype not in (dtypes.int64, dtypes.uint8):
        raise RuntimeError("expected target dtype to be Long or Byte, but got "
                           f"{scalar_type_name(target.dtype)}")
    if input.dim() > 1 and input.shape[0] != (target.shape[0] if target.dim() else 1):
        raise ValueError(f"Expected input batch_size ({input.shape[0]}) to match target "
                         f"batch_size ({target.shape[0] if target.dim() else 1}).")
    classes = target._array().astype(np.int64)
    keep = classes != ignore_index
    safe = np.where(keep, classes, 0)
    num_classes = input.shape[1] if input.dim() > 1 else input.shape[0]
    bad = keep & ((safe < 0) | (safe >= num_classes))
    if bad.any():
        raise IndexError(f"Target {classes[bad][0]} is out of bounds.")
    picked = np.take_along_axis(log_probabilities, np.expand_dims(safe, class_axis),
                                axis=class_axis).squeeze(class_axis)
    weights = keep.astype(picked.dtype)
    if weight is not None:
        weights = weights * weight._array()[safe]
    return _reduce(-picked * weights, reduction, (input, target), "NllLossBackward0",
                   weights if reduction == "mean" else None)


def _class_axis(weight, ndim):
    """Shape a (C,) weight to broadcast along the class axis of an ``ndim`` input."""
    return weight.reshape((-1,) + (1,) * (ndim - 2)) if ndim > 1 else weight

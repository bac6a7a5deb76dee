"""``DataLoader``: a dataset served as mini-batches, optionally in a shuffled order.

Each epoch, the sample indices are cut into batches of ``batch_size`` (a random
permutation first when ``shuffle=True``, drawn from ``generator`` so that a seeded
generator repeats the same order); ``collate_fn`` stacks a batch's samples into tensors.
"""

import numbers

import numpy as np

from ... import dtypes
from ...creation import as_tensor, tensor
from ...random import randperm
from ...shape_ops import stack
from ...tensor import Tensor
from .dataset import TensorDataset


def default_collate(batch):
    """Stack a list of samples into one batch, keeping the samples' structure.

    Tensors are stacked along a new dim 0; Python numbers become a 1-D tensor; tuples,
    lists and dicts are collated field by field (a tuple gives a list, as in PyTorch).
    """
    first = batch[0]
    if isinstance(first, Tensor):
        return stack(list(batch), 0)
    if isinstance(first, np.ndarray):
        return stack([as_tensor(sample) for sample in batch], 0)
    if isinstance(first, bool):
        return tensor(batch)
    if isinstance(first, numbers.Integral):
        return tensor(batch)
    if isinstance(first, numbers.Real):
        return tensor(batch, dtype=dtypes.float64)
    if isinstance(first, (str, bytes)):
        return list(batch)
    if isinstance(first, dict):
        return {key: default_collate([sample[key] for sample in batch]) for key in first}
    if isinstance(first, (tuple, list)):
        if any(len(sample) != len(first) for sample in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate(list(field)) for field in zip(*batch)]
    raise TypeError("default_collate: batch must contain tensors, numpy arrays, numbers, "
                    f"dicts or lists; found {type(first)}")


class DataLoader:
    """Iterate over ``dataset`` in batches: ``for inputs, targets in loader: ...``."""

    def __init__(self, dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False,
                 generator=None):
        if sampler is not None or batch_sampler is not None:
            raise NotImplementedError("minitorch's DataLoader takes shuffle=, not samplers")
        if num_workers:
            raise NotImplementedError("minitorch's DataLoader loads in the main process "
                                      "(num_workers=0)")
        if batch_size is not None and (not isinstance(batch_size, int) or batch_size <= 0):
            raise ValueError("batch_size should be a positive integer value, but got "
                             f"batch_size={batch_size}")
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self.generator = generator
        self.collate_fn = collate_fn or default_collate

    def _order(self):
        """The sample indices of one epoch."""
        if self.shuffle:
            return randperm(len(self.dataset), generator=self.generator).tolist()
        return list(range(len(self.dataset)))

    def __iter__(self):
        order = self._order()
        if self.batch_size is None:  # no batching: the samples one by one
            for index in order:
                yield self.dataset[index]
            return
        for start in range(0, len(order), self.batch_size):
            indices = order[start:start + self.batch_size]
            if len(indices) < self.batch_size and self.drop_last:
                return
            yield self._batch(indices)

    def _batch(self, indices):
        """Collate the samples at ``indices``.  A ``TensorDataset`` with the default
        collate takes one indexing per tensor instead: the same batch, much faster."""
        if isinstance(self.dataset, TensorDataset) and self.collate_fn is default_collate:
            rows = tensor(indices, dtype=dtypes.int64)
            return [whole[rows] for whole in self.dataset.tensors]
        return self.collate_fn([self.dataset[index] for index in indices])

    def __len__(self):
        if self.batch_size is None:
            return len(self.dataset)
        if self.drop_last:
            return len(self.dataset) // self.batch_size
        return -(-len(self.dataset) // self.batch_size)

"""Lesson 06: ``TensorDataset`` and ``DataLoader`` batch like PyTorch's."""

import numpy as np
import pytest

import minitorch
from minitorch.utils.data import DataLoader, Dataset, TensorDataset, default_collate

X = np.arange(20, dtype=np.float32).reshape(10, 2)
Y = np.arange(10)


def loaders(torch, **options):
    ours = DataLoader(TensorDataset(minitorch.tensor(X), minitorch.tensor(Y)), **options)
    theirs = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(torch.tensor(X), torch.tensor(Y)), **options)
    return ours, theirs


@pytest.mark.parametrize("batch_size, drop_last", [(1, False), (3, False), (3, True), (4, True),
                                                   (10, False), (12, False)])
def test_batches_match_torch_in_order(torch, batch_size, drop_last):
    ours, theirs = loaders(torch, batch_size=batch_size, drop_last=drop_last)
    assert len(ours) == len(theirs)
    our_batches, their_batches = list(ours), list(theirs)
    assert len(our_batches) == len(their_batches)
    for (x, y), (tx, ty) in zip(our_batches, their_batches):
        assert repr(x) == repr(tx) and repr(y) == repr(ty)


def test_shuffle_is_a_permutation_and_repeats_with_the_same_seed():
    def epoch(seed):
        loader = DataLoader(TensorDataset(minitorch.tensor(Y)), batch_size=4, shuffle=True,
                            generator=minitorch.Generator().manual_seed(seed))
        return [int(v) for (batch,) in loader for v in batch._array()]

    first = epoch(3)
    assert sorted(first) == list(range(10))
    assert epoch(3) == first
    assert first != list(range(10))


def test_shuffle_changes_order_between_epochs():
    loader = DataLoader(TensorDataset(minitorch.tensor(Y)), batch_size=10, shuffle=True,
                        generator=minitorch.Generator().manual_seed(0))
    first, second = (next(iter(loader))[0]._array().tolist() for _ in range(2))
    assert first != second and sorted(first) == sorted(second)


def test_tensor_dataset_items_and_size_check():
    data = TensorDataset(minitorch.tensor(X), minitorch.tensor(Y))
    x, y = data[3]
    assert len(data) == 10 and x.tolist() == [6.0, 7.0] and y.item() == 3
    with pytest.raises(AssertionError, match="Size mismatch between tensors"):
        TensorDataset(minitorch.zeros(3), minitorch.zeros(4))


def test_default_collate_matches_torch(torch):
    ours = default_collate([(minitorch.ones(2), 1, 2.0), (minitorch.zeros(2), 3, 4.0)])
    theirs = torch.utils.data.default_collate([(torch.ones(2), 1, 2.0),
                                               (torch.zeros(2), 3, 4.0)])
    assert isinstance(ours, list) and [repr(v) for v in ours] == [repr(v) for v in theirs]


def test_a_custom_dataset():
    class Squares(Dataset):
        def __len__(self):
            return 5

        def __getitem__(self, index):
            return index, index * index

    batches = list(DataLoader(Squares(), batch_size=2))
    assert [b[1].tolist() for b in batches] == [[0, 1], [4, 9], [16]]


def test_bad_batch_size():
    with pytest.raises(ValueError, match="batch_size should be a positive integer value, but "
                                         "got batch_size=0"):
        DataLoader(TensorDataset(minitorch.zeros(2)), batch_size=0)

"""Benchmark: one training epoch of a small MLP, minitorch against PyTorch.

    python -m bench.training [--minitorch reference|student|PATH]

Both libraries train the same model (20-64-64-3, ReLU, cross-entropy, SGD with momentum)
from the same weights on the same 4096 samples in batches of 64, through their own
DataLoader; PyTorch runs on one thread.  Prints both times and their ratio.
"""

import argparse
import time

import numpy as np

from bench.operations import import_minitorch

SAMPLES, FEATURES, HIDDEN, CLASSES, BATCH = 4096, 20, 64, 3, 64


def make_data():
    rng = np.random.default_rng(0)
    labels = rng.integers(0, CLASSES, SAMPLES)
    centers = rng.standard_normal((CLASSES, FEATURES)) * 2
    features = centers[labels] + rng.standard_normal((SAMPLES, FEATURES))
    return features.astype(np.float32), labels


def mlp(library):
    n = library.nn
    return n.Sequential(n.Linear(FEATURES, HIDDEN), n.ReLU(), n.Linear(HIDDEN, HIDDEN), n.ReLU(),
                        n.Linear(HIDDEN, CLASSES))


def timed_epoch(library, model, features, labels):
    """Seconds for one epoch, and the mean loss it reports."""
    data = library.utils.data
    loader = data.DataLoader(data.TensorDataset(library.tensor(features),
                                                library.tensor(labels)), batch_size=BATCH)
    optimizer = library.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    loss_fn = library.nn.CrossEntropyLoss()
    start = time.perf_counter()
    total = 0.0
    for inputs, targets in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(inputs)
    return time.perf_counter() - start, total / SAMPLES


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minitorch", default="reference",
                        help="reference (default), student, or a folder holding a minitorch")
    args = parser.parse_args(argv)
    minitorch = import_minitorch(args.minitorch)
    import minitorch.optim  # noqa: F401  (submodules the benchmark uses)
    import minitorch.utils.data  # noqa: F401
    import torch
    import torch.utils.data  # noqa: F401

    torch.set_num_threads(1)
    torch.manual_seed(0)
    features, labels = make_data()
    theirs, ours = mlp(torch), mlp(minitorch)
    ours.load_state_dict({name: minitorch.tensor(value.detach().numpy())
                          for name, value in theirs.state_dict().items()})
    torch_seconds, torch_loss = timed_epoch(torch, theirs, features, labels)
    mini_seconds, mini_loss = timed_epoch(minitorch, ours, features, labels)
    print(f"one epoch of a {FEATURES}-{HIDDEN}-{HIDDEN}-{CLASSES} MLP, {SAMPLES} samples, "
          f"batch {BATCH}:")
    print(f"  torch      {torch_seconds:7.3f} s   mean loss {torch_loss:.6f}")
    print(f"  minitorch  {mini_seconds:7.3f} s   mean loss {mini_loss:.6f}")
    print(f"  ratio minitorch/torch: {mini_seconds / torch_seconds:.1f}x")
    return mini_seconds / torch_seconds


if __name__ == "__main__":
    main()

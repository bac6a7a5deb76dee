"""How much slower is minitorch than PyTorch and NumPy?  (lesson-04 operations)

    python -m bench [--minitorch reference|student|PATH] [--seconds 1.0]

Three cases, each timed in the three libraries from one run: the per-call overhead of a
tiny op (4x4 add), a big kernel (512x512 float32 matmul) and a broadcasting-heavy
expression (pairwise squared distances, (256, 1, 64) - (1, 256, 64)).  Prints the best
time per call and the ratios minitorch/torch and minitorch/numpy.  ``python -m bench`` runs
the libraries on one thread each (set OMP_NUM_THREADS etc. to change that).
"""

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def import_minitorch(choice):
    """The reference package by default, so the numbers do not depend on student stubs."""
    folder = {"reference": ROOT / "solutions", "student": ROOT}.get(choice, Path(choice))
    sys.path.insert(0, str(folder))
    import minitorch
    return minitorch


def calls_per_batch(function, seconds):
    """How many calls make one timed batch of about ``seconds`` / 20."""
    function()  # warm up
    calls = 1
    while True:
        started = time.perf_counter()
        for _ in range(calls):
            function()
        if time.perf_counter() - started >= seconds / 20:
            return calls
        calls *= 2


def best_times(functions, seconds):
    """The fastest time per call (s) of each function; the libraries take turns, batch by
    batch, so that load from other processes hits them all alike."""
    batches = {name: calls_per_batch(function, seconds) for name, function in functions.items()}
    best = {name: float("inf") for name in functions}
    deadline = time.perf_counter() + seconds * len(functions)
    while time.perf_counter() < deadline:
        for name, function in functions.items():
            started = time.perf_counter()
            for _ in range(batches[name]):
                function()
            best[name] = min(best[name], (time.perf_counter() - started) / batches[name])
    return best


def cases(minitorch, torch):
    """name -> {library: zero-argument function}, all computing the same thing."""
    rng = np.random.default_rng(0)
    small = [rng.standard_normal((4, 4)).astype(np.float32) for _ in range(2)]
    big = [rng.standard_normal((512, 512)).astype(np.float32) for _ in range(2)]
    points = rng.standard_normal((256, 64)).astype(np.float32)
    made = {}
    for name, convert in (("minitorch", minitorch.Tensor._from_array),
                          ("torch", torch.from_numpy), ("numpy", np.ascontiguousarray)):
        a, b = (convert(x.copy()) for x in small)
        m, n = (convert(x.copy()) for x in big)
        left = convert(points.reshape(256, 1, 64).copy())
        right = convert(points.reshape(1, 256, 64).copy())
        made[name] = {
            "4x4 add (per-op overhead)": lambda a=a, b=b: a + b,
            "512x512 matmul": lambda m=m, n=n: m @ n,
            "broadcast ((x-y)**2).sum(-1)": (
                (lambda l=left, r=right: ((l - r) ** 2).sum(-1)) if name != "numpy" else
                (lambda l=left, r=right: ((l - r) ** 2).sum(axis=-1))),
        }
    return {case: {lib: made[lib][case] for lib in made} for case in made["numpy"]}


def check_same_results(table):
    """A benchmark of wrong answers means nothing: compare the three results first."""
    for case, functions in table.items():
        expected = np.asarray(functions["numpy"]())
        np.testing.assert_allclose(np.asarray(functions["minitorch"]()._array()), expected,
                                   rtol=1e-4, atol=1e-3, err_msg=case)
        np.testing.assert_allclose(functions["torch"]().numpy(), expected, rtol=1e-4,
                                   atol=1e-3, err_msg=case)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minitorch", default="reference",
                        help="reference (default), student, or a folder holding minitorch/")
    parser.add_argument("--seconds", type=float, default=1.0, help="timing per case and library")
    args = parser.parse_args(argv)
    minitorch = import_minitorch(args.minitorch)
    import torch

    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", torch.get_num_threads())))
    table = cases(minitorch, torch)
    check_same_results(table)
    print(f"minitorch {minitorch.__file__}; torch {torch.__version__} "
          f"({torch.get_num_threads()} threads); numpy {np.__version__}")
    print(f"{'case':32} {'minitorch':>11} {'torch':>11} {'numpy':>11} "
          f"{'mt/torch':>9} {'mt/numpy':>9}")
    for case, functions in table.items():
        times = best_times(functions, args.seconds)
        print(f"{case:32} " + " ".join(f"{times[lib] * 1e6:9.1f}us" for lib in functions)
              + f" {times['minitorch'] / times['torch']:9.2f}"
              + f" {times['minitorch'] / times['numpy']:9.2f}")
    return 0

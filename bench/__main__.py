"""``python -m bench``: the lesson-04 operation benchmarks.

``python -m bench grading [options]`` runs the grading benchmark (bench/grading.py) instead.
"""

import os
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "grading":
        from bench import grading
        return grading.main(argv[1:])
    # One BLAS/OpenMP thread unless asked otherwise: fairer, and steadier on a shared machine.
    # (Must be set before NumPy and PyTorch load their thread pools.)
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    from bench import operations
    return operations.main(argv)


if __name__ == "__main__":
    sys.exit(main())

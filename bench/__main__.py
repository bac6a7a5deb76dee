"""``python -m bench [operations|training|grading] [options]``: timing ratios from one run.

With no name it runs the quick ones (operations, then training); ``grading`` builds a class
of submissions and takes minutes, so it runs only when named.
"""

import os
import sys

QUICK = ("operations", "training")


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    # One BLAS/OpenMP thread unless asked otherwise: fairer, and steadier on a shared machine.
    # (Must be set before NumPy and PyTorch load their thread pools.)
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    names, options = (argv[:1], argv[1:]) if argv and not argv[0].startswith("-") else (QUICK, argv)
    status = 0
    for name in names:
        if name not in QUICK + ("grading",):
            sys.exit(f"unknown benchmark {name!r}; choose from {', '.join(QUICK + ('grading',))}")
        module = __import__(f"bench.{name}", fromlist=["main"])
        result = module.main(list(options))
        status = result if isinstance(result, int) and result else status
    return status


if __name__ == "__main__":
    sys.exit(main())

"""On the grading kernel's path before site-packages: nbgrader never attaches a debugger,
and ipykernel imports debugpy at start-up only to offer one (about 0.1 CPU-second of
every submission).  ipykernel runs without it when this import fails."""

raise ImportError("the grading kernel runs without a debugger")

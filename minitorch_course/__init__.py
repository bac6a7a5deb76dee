"""Tooling for the minitorch course: generation, self-checks, grading."""

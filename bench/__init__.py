"""Benchmarks: ``python -m bench`` (operations, lesson 04); ``python -m bench grading``."""

"""Generators: the student package and the release notebooks, both from solutions/."""

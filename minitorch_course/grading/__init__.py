"""Class-scale autograding: ``minitorch-course grade 02``.

A pipeline of small steps, one module each:
submissions (find, unpack safely) -> hybrid (student's functions of this lesson in the
reference package) -> sandbox (bubblewrap + limits) -> notebook_score (nbgrader autograde,
``Execute`` swapped for execute.SandboxedExecute) and package_score (hidden tests) ->
gradebook (nbgrader's Gradebook API) + feedback -> runner (parallel, progress, journal).
"""

import sys

# jsonschema (under nbformat) imports its optional IRI checker, rfc3987_syntax, which
# compiles a grammar for seconds; nbformat never validates IRIs.  Every grading process
# (pool workers, sandboxed executors) imports this package first, so none pays for it.
sys.modules.setdefault("rfc3987_syntax", None)

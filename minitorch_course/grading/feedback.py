"""The package part of a student's feedback: one row per exercise, plus grading problems.

nbgrader writes one feedback page per notebook; this section is added at the end of each
of them, and written alone as ``package.html`` (the page a lesson without notebooks, or a
submission without valid notebooks, still gets).
"""

from html import escape

STYLE = ("<style>.mt-package{font-family:sans-serif;margin:2em}.mt-package td,.mt-package th"
         "{border:1px solid #ccc;padding:4px 8px;text-align:left}.mt-ok{color:#080}"
         ".mt-bad{color:#b00}</style>")


def package_section(lesson, scores, problems) -> str:
    rows = []
    for s in scores:
        status = ("<span class='mt-ok'>passed</span>" if s.ok
                  else "<span class='mt-bad'>failed</span>")
        rows.append(f"<tr><td>{escape(s.name)}</td><td>{status}</td>"
                    f"<td>{s.points:g} / {s.max_points:g}</td><td>{s.passed}/{s.total}</td>"
                    f"<td>{escape(s.message)}</td></tr>")
    earned = sum(s.points for s in scores)
    total = sum(s.max_points for s in scores)
    notes = "".join(f"<li>{escape(p)}</li>" for p in problems)
    return (f"{STYLE}<section class='mt-package' id='minitorch-package'>"
            f"<h2>Lesson {lesson.id} · minitorch package: {earned:g} / {total:g}</h2>"
            "<p>Your functions of this lesson, run by hidden tests with the reference "
            "implementation for every other lesson.</p>"
            "<table><tr><th>exercise</th><th>result</th><th>points</th><th>tests passed</th>"
            f"<th>first failure</th></tr>{''.join(rows)}</table>"
            + (f"<h3>Grading notes</h3><ul>{notes}</ul>" if notes else "") + "</section>")


def add_section(page: str, section: str) -> str:
    """Insert ``section`` before ``</body>`` (or append it)."""
    at = page.rfind("</body>")
    return page[:at] + section + page[at:] if at >= 0 else page + section


def standalone(section: str, title: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"</head><body>{section}</body></html>")

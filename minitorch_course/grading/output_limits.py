"""``LimitOutputSize``: nbgrader's ``LimitOutput`` counts lines; this also caps characters.

One ``print('x' * 10**8)`` is a single line, which ``LimitOutput`` lets through, and would
end up in the gradebook's notebook and the feedback page.  Runs after ``LimitOutput``,
inside the box (before the notebook crosses the pipe) and again in the grader.
"""

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer

MARK = "... Output truncated ({} characters) ..."


class LimitOutputSize(NbGraderPreprocessor):
    max_chars = Integer(20000, help="Characters kept per output of a code cell").tag(config=True)

    def _cut(self, text):
        if isinstance(text, list):
            text = "".join(text)
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + "\n" + MARK.format(len(text))

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = self._cut(output.get("text", ""))
            for mime, value in output.get("data", {}).items():
                if isinstance(value, (str, list)) and mime.startswith("text/"):
                    output["data"][mime] = self._cut(value)
            if output.get("output_type") == "error":
                lines = output.get("traceback", [])[:200]
                output["traceback"] = [self._cut(line) for line in lines]
                output["evalue"] = self._cut(output.get("evalue", ""))
        return cell, resources

"""Prints the EcoIndex figures measured by test_ecoindex.py after the test run."""

from .ecoindex import GRADES


def pytest_terminal_summary(terminalreporter):
    from .test_ecoindex import RESULTS, WINDOW

    if not RESULTS:
        return
    width, height = WINDOW["width"], WINDOW["height"]
    terminalreporter.section(f"EcoIndex ({width}x{height}, empty cache, scrolled to the bottom)")
    terminalreporter.write_line(
        f"{'page':<22} {'DOM':>5} {'req':>4} {'KB':>7} {'score':>5}  grade  URL"
    )
    for row in RESULTS:
        terminalreporter.write_line(
            f"{row['id']:<22} {row['dom']:>5} {row['requests']:>4} {row['kb']:>7.1f} "
            f"{row['score']:>5}  {row['grade']:<5}  {row['path']}"
        )
    terminalreporter.write_line(f"Grade A: a score above {GRADES[0][1]}.")

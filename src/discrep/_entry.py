"""The ``discrep`` command's entry point, kept free of imports so that Ctrl-C while the
rest of discrep is still loading ends the run like Ctrl-C later on: one line, exit 130."""
import sys


def main() -> None:
    try:
        from .cli import run
        code = run()
    except KeyboardInterrupt:            # before cli.run took over SIGINT
        sys.stderr.write("discrep: interrupted\n")
        code = 130
    sys.exit(code)

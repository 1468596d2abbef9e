"""The ``discrep`` command's entry point, kept free of imports so that Ctrl-C while the
rest of discrep is still loading ends the run like Ctrl-C later on: one line, exit 130."""
import signal
import sys


def main() -> None:
    # Ctrl-C ends the run even when it was started with SIGINT ignored (a background job
    # of a script, which shells start that way): its sender means it
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        from .cli import run
        code = run()
    except KeyboardInterrupt:            # before cli.run took over SIGINT
        sys.stderr.write("discrep: interrupted\n")
        code = 130
    if code == 130:                      # interrupted: no exit handlers waiting on stopped workers
        import os
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)

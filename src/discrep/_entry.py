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
    # Output is flushed here, then the process ends without exit handlers: after Ctrl-C or
    # a closed pipe the worker pool was stopped, and the standard library's handler for it
    # would only print "Exception ignored ..." about the pipes it can no longer wake.
    import os
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):     # cli.run already reported a stdout it could not write
            pass
    os._exit(code)

"""The `kwru` sub-commands, one module per area; each module has `register(subparsers)`.

A command handler is `handler(args, ws) -> int`: it parses nothing and decides nothing
itself beyond calling the pipeline's functions and printing their results.
"""

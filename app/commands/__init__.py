"""CLI sub-commands: one module each, with ``register(subparsers)`` and a ``run(args, store)``.

``app.cli`` lists the modules in ``COMMAND_MODULES``; add a module there to add a command.
"""

"""CLI sub-commands: one module each, with ``register(subparsers)`` and a ``run(args, store)``.

``app.cli`` lists the modules and their commands in ``COMMAND_TABLE``; add a module there to add
a command.
"""

"""The pieces of the ``openai-images`` command line that ``openai_images.cli`` assembles.

``options`` reads the commands' options from the spec and the rules table; ``requests`` turns
arguments, batch lines and history entries into one request type; ``outputs`` names and places
files; ``history`` is the SQLite record; ``single`` and ``batch`` run calls; ``console`` and
``progress`` talk to the terminal.
"""

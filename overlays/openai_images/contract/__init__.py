"""The contract suite: judge any implementation of the Images API, built on schemathesis and the shared rules.

``runner.run(Settings(base_url=...))`` draws requests (``cases``, ``inputs``), sends them (``wire``),
judges every answer (``checks``, with ``readings`` saying what each reading of the rules makes of a
request) and returns a ``report.Report``; ``repro`` writes failing requests out; ``cli`` is the
``openai-images contract`` command. Nothing here is imported by the client or the mock server.
"""

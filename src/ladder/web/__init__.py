"""The local web app behind ``ladder serve`` (DESIGN §2: thin, same services as the CLI).

Every page calls the same functions as the ``ladder`` command — :mod:`ladder.study` for
progress, grading and reviews, :func:`ladder.study.labs.run_lab` for labs — and holds no
logic of its own. Modules:

* :mod:`ladder.web.app` — ``create_app(root, curriculum, token)``, the FastAPI factory;
* :mod:`ladder.web.security` — access token, Host check, CSRF (it runs code locally);
* :mod:`ladder.web.render` — lessons as HTML with MathML made on the server;
* :mod:`ladder.web.pages`, :mod:`ladder.web.review`, :mod:`ladder.web.labs` — the routes;
* :mod:`ladder.web.server` — binding, the printed URL, the browser.

This ``__init__`` imports nothing, so ``import ladder.web`` never pulls in FastAPI.
"""

__all__: list[str] = []

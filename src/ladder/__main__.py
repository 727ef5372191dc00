"""``python -m ladder`` is the ``ladder`` command."""

from ladder.cli import main

main()

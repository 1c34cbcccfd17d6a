"""``python -m openai_images.contract``: the ``openai-images contract`` command."""

import sys

from openai_images.contract.cli import main

sys.exit(main())

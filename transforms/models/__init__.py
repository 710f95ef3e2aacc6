"""Data shipped with the transforms, read with importlib.resources: the learned attribution weights and
WordNet's person nouns."""

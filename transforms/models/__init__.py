"""Learned weights shipped with the transforms (read with importlib.resources)."""

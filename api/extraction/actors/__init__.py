"""Actors: the per-article registry, actor-phrase recognition and linking.

``registry.ActorRegistry`` is the entry point; ``words`` and ``patterns`` hold its vocabulary
and regular expressions, and the registry is built up in layers (``nodes``, ``learning``,
``roles``, ``generic``, ``registry``).
"""

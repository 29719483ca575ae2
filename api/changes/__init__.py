"""The change feed: every create, update and delete of the public resources, in order."""

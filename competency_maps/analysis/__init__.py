"""Pure functions over the model: the consortium synthesis, what changed since the last round.

In: `model` objects. Out: findings and differences as plain data. No file is read or written here.
"""

"""The people stage: mentions of the same person merged into one, across an article."""

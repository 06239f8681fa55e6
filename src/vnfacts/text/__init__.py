"""The text stage: NFC text, lines, a folded copy for matching, underthesea's tokens, names."""
from .fold import fold_for_matching
from .tokens import Token, pos_tagged, syllable_tokens, word_tokens
from .view import TextView, nfc

__all__ = ["TextView", "Token", "fold_for_matching", "nfc", "pos_tagged", "syllable_tokens", "word_tokens"]

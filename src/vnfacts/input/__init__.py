"""The input stage: bytes to NFC text (encodings detected, HTML to its article text)."""

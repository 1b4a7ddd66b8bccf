"""Text preparation: plain text with an offset map, quoted history, slots, tokens, language."""

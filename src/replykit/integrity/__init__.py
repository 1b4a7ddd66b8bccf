"""Text integrity: replies damaged by a wrong character encoding."""

"""RK7xx: empathy and politeness markers, and readability."""

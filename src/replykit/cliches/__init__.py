"""Clichés, bureaucratese, empty intensifiers, generic salutations, leftover placeholders (RK5xx),
and near-identical replies across a corpus (`find_templates`)."""

import replykit.config  # noqa: F401  (config imports this package's options model; load it first)

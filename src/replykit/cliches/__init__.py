"""Clichés, bureaucratese, empty intensifiers, generic salutations, leftover placeholders (RK5xx),
and near-identical replies across a corpus (`find_templates`)."""

"""Auditing past replies at scale: many replies or exported message tables in, tables out."""

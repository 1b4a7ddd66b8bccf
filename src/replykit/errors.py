"""Every error replykit raises derives from ReplykitError, so callers can catch one class."""

from __future__ import annotations


class ReplykitError(Exception):
    """Base class of every error raised by replykit."""


class InputError(ReplykitError, ValueError):
    """The text, message or conversation given to a check cannot be processed."""


class InputTooLargeError(InputError):
    """The input exceeds a configured limit (characters or messages)."""


class ConfigError(ReplykitError, ValueError):
    """A configuration value, file or rule selection is invalid."""


class UnknownRuleError(ConfigError, KeyError):
    """A rule code or prefix that no registered rule matches."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(ReplykitError, ImportError):
    """An optional feature needs a package that is not installed (the message says which extra)."""

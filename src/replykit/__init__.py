"""replykit: checks and builders for the replies businesses send to their customers.

    >>> import replykit
    >>> report = replykit.check("Привет! Заказ отправлен.")
    >>> [f.code for f in report.findings]
    ['RK107', 'RK102']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replykit.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    MissingDependencyError,
    ReplykitError,
    UnknownRuleError,
)
from replykit.models import (
    CategoryScore,
    Conversation,
    ConversationScore,
    Customer,
    Finding,
    Fix,
    Message,
    Readability,
    Report,
    Scorecard,
    Severity,
)

__version__ = "0.1.0"

# Heavier parts load on first use so that `import replykit` stays cheap.
_LAZY = {
    "check": ("replykit.api", "check"),
    "rules": ("replykit.api", "rules"),
    "score_conversation": ("replykit.api", "score_conversation"),
    "fix": ("replykit.autofix", "fix"),
    "Config": ("replykit.config", "Config"),
    "load_config": ("replykit.config", "load_config"),
    "greeting": ("replykit.greetings.build", "greeting"),
    "farewell": ("replykit.greetings.build", "farewell"),
    "response_times": ("replykit.conversation.timing", "response_times"),
    "extract_promises": ("replykit.conversation.promises", "extract_promises"),
    "Promise": ("replykit.conversation.models", "Promise"),
    "ResponseTimes": ("replykit.conversation.models", "ResponseTimes"),
    "address": ("replykit.names.build", "address"),
    "parse_name": ("replykit.names.build", "parse_name"),
    "preferred_address": ("replykit.names.build", "preferred_address"),
    "formalize": ("replykit.formality.build", "formalize"),
    "bundle": ("replykit.bundling.build", "bundle"),
    "Offer": ("replykit.bundling.build", "Offer"),
    "cliche_score": ("replykit.cliches.score", "cliche_score"),
    "find_templates": ("replykit.cliches.templates", "find_templates"),
    "TemplateCluster": ("replykit.cliches.templates", "TemplateCluster"),
    **{n: ("replykit.auditing.run", n) for n in ("audit", "iter_audit")},
    "Columns": ("replykit.auditing.columns", "Columns"),
    **{n: ("replykit.auditing.importers", n) for n in ("read_csv", "read_jsonl")},
    **{n: ("replykit.auditing.result", n) for n in ("AuditResult", "FindingRow", "ReplyAudit")},
    **{n: ("replykit.auditing.frames", n) for n in ("audit_partition", "audit_meta")},
}

if TYPE_CHECKING:
    from replykit.api import check, rules, score_conversation
    from replykit.auditing.columns import Columns
    from replykit.auditing.frames import audit_meta, audit_partition
    from replykit.auditing.importers import read_csv, read_jsonl
    from replykit.auditing.result import AuditResult, FindingRow, ReplyAudit
    from replykit.auditing.run import audit, iter_audit
    from replykit.autofix import fix
    from replykit.bundling.build import Offer, bundle
    from replykit.cliches.score import cliche_score
    from replykit.cliches.templates import TemplateCluster, find_templates
    from replykit.config import Config, load_config
    from replykit.conversation.models import Promise, ResponseTimes
    from replykit.conversation.promises import extract_promises
    from replykit.conversation.timing import response_times
    from replykit.formality.build import formalize
    from replykit.greetings.build import farewell, greeting
    from replykit.names.build import address, parse_name, preferred_address


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'replykit' has no attribute {name!r}") from None
    from importlib import import_module

    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "AuditResult",
    "CategoryScore",
    "Columns",
    "Config",
    "ConfigError",
    "Conversation",
    "ConversationScore",
    "Customer",
    "Finding",
    "FindingRow",
    "Fix",
    "InputError",
    "InputTooLargeError",
    "Message",
    "MissingDependencyError",
    "Offer",
    "Promise",
    "Readability",
    "ReplyAudit",
    "ReplykitError",
    "Report",
    "ResponseTimes",
    "Scorecard",
    "Severity",
    "TemplateCluster",
    "UnknownRuleError",
    "address",
    "audit",
    "audit_meta",
    "audit_partition",
    "bundle",
    "check",
    "cliche_score",
    "extract_promises",
    "farewell",
    "find_templates",
    "fix",
    "formalize",
    "greeting",
    "iter_audit",
    "load_config",
    "response_times",
    "parse_name",
    "preferred_address",
    "read_csv",
    "read_jsonl",
    "rules",
    "score_conversation",
]

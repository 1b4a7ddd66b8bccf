"""What the checks of one conversation's replies share, so a long conversation costs linear time.

`score_conversation` and `audit` check every agent reply against the messages before it. What a
rule reads from one earlier message (its questions, promises, name requests), or from a prefix
of the conversation, is the same for every later reply: it is computed here once per
conversation instead of once per reply. A lone `check` gets a memo of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

from replykit.models import Message, Role

T = TypeVar("T")
S = TypeVar("S")


class ConversationMemo:
    """Values about one conversation's messages, for checking its replies under one config.

    A key names everything a value depends on besides the messages and the config (the
    reply's language, say). Made per call and dropped with it; not shared between threads.
    """

    __slots__ = ("_values", "messages")

    def __init__(self, messages: Sequence[Message]) -> None:
        self.messages = messages
        self._values: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, factory: Callable[[], T]) -> T:
        values = self._values
        if key in values:
            return values[key]  # type: ignore[no-any-return]
        value = values[key] = factory()
        return value

    def indices(self, role: Role) -> list[int]:
        """Positions of the messages of `role`, in order."""
        return self.memo(("indices", role), lambda: [i for i, m in enumerate(self.messages) if m.role == role])

    def recent(self, role: Role, n: int, before: int) -> list[Message]:
        """The last `n` messages of `role` before position `before`."""
        at = self.indices(role)
        end = bisect_left(at, before)
        return [self.messages[i] for i in at[max(end - n, 0) : end]]

    def fold(self, key: Hashable, initial: S, step: Callable[[S, Message], S], upto: int) -> S:
        """`step` applied to the messages before position `upto`, oldest first, from `initial`.

        Every intermediate state is kept, so each message is stepped over once per conversation.
        """
        states: list[S] = self.memo(("fold", key), lambda: [initial])
        messages = self.messages
        while len(states) <= upto:
            states.append(step(states[-1], messages[len(states) - 1]))
        return states[upto]

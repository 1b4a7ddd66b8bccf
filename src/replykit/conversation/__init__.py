"""RK6xx: rules that read the whole conversation — reply times, off-hours contact, promises,
bare deflection, cool-down after hostility, steering long messenger requests to email."""

# Load the config first: it imports our options, which subclass its _Options.
import replykit.config  # noqa: F401

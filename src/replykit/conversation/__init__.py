"""RK6xx: rules that read the whole conversation — reply times, off-hours contact, promises,
bare deflection, cool-down after hostility, steering long messenger requests to email."""

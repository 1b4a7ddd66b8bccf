"""Greeting and farewell: present, in place, right for the channel, the hour and the register."""

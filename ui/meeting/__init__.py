"""The meeting windows: the presenter view for the room and the facilitator's controls."""
